/**
 * From an interview record (schemas/templates/interview-record.json) to
 * values of the clue register and transfer sheet
 * (schemas/templates/clue-sheet.json). Pure; no DOM.
 */
import { clueSources } from '../generated/clue-sources.js';
import { resolveLocale } from './i18n.js';
import { isObj } from './obj.js';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** One clue-sheet value made from a problem raised in an interview (members of clue-sheet.json). */
export interface InterviewClue {
  /** The clue sheet's source code for individual interviews. */
  source: string;
  mainProblem: string;
  receivedOn?: string;
  reporter?: { name: string; unit?: string; post?: string };
  personConcerned?: { name: string };
  evidence?: { title: string; ref?: string }[];
  sourceRef?: { kind: 'interview'; recordNo: string };
  [extra: string]: unknown;
}

/**
 * The problems of an interview record that are flagged as clues (`isClue`),
 * or all of them with `{all: true}`, as pre-filled clue-sheet values, in order:
 * the clue sheet's source code for interviews; the summary as main problem; the person concerned (name only:
 * the unit is for the team to add); the interviewee as the reporter (the sheet
 * keeps reporters confidential); the interview's date as date received; the
 * record (when it has a number) as supporting document (titled in `lang`) and as `sourceRef`. Clue number, handling and
 * transfer are left for the team. Problems without a summary are skipped.
 */
export function interviewToClues(record: unknown, options: { all?: boolean; lang?: string } = {}): InterviewClue[] {
  const t = resolveLocale(options.lang ?? 'zh-CN');
  if (!isObj(record) || !Array.isArray(record['problems'])) return [];
  const recordNo = str(record['recordNo']);
  const start = str(record['startTime']);
  const receivedOn = /^\d{4}-\d\d-\d\d/.test(start) ? start.slice(0, 10) : undefined;
  const who = isObj(record['interviewee']) ? record['interviewee'] : {};
  const reporter = str(who['name'])
    ? { name: str(who['name']), ...(str(who['unit']) ? { unit: str(who['unit']) } : {}), ...(str(who['post']) ? { post: str(who['post']) } : {}) }
    : undefined;
  const out: InterviewClue[] = [];
  for (const p of record['problems']) {
    if (!isObj(p) || !str(p['summary']) || (!options.all && p['isClue'] !== true)) continue;
    const clue: InterviewClue = { source: clueSources.interview, mainProblem: str(p['summary']) };
    if (receivedOn) clue.receivedOn = receivedOn;
    if (reporter) clue.reporter = { ...reporter };
    if (str(p['personConcerned'])) clue.personConcerned = { name: str(p['personConcerned']) };
    if (recordNo) {
      clue.evidence = [{ title: t.clueInterviewRecord(recordNo), ref: recordNo }];
      clue.sourceRef = { kind: 'interview', recordNo };
    }
    out.push(clue);
  }
  return out;
}

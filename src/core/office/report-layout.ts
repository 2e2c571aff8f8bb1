/**
 * The layout of the 整改情况报告 as a Word document, from a report model already made (the report's,
 * or the 公开稿's from publicVersion): the title, the opening, 一、总体整改情况 with the figures table
 * (反馈日期, 报送期限, the counts, 建章立制, 资金, 问责/处理), each 三个聚焦 focus area with its problems
 * (responsibility, evidence, what was done and the result), the problems not yet done, the next
 * steps — as the report prints. It imports nothing of the report's own code (the strings and the
 * leak scan come as arguments), so the element's export chunk shares no module with its page.
 * Pure: no DOM, no clock.
 */
import { formatDateKey, formatNumber, formatPercent } from '../i18n.js';
import type { LeakHit, ReportLeak, ReportModel } from '../rectification-report.js';
import type { RectificationReportMessages } from '../locales/rectification-report.zh-CN.js';
import type { DocxBlock, DocxDocument } from './docx.js';
import { yieldToLoop } from './zip.js';

/** What to lay out. */
export interface ReportLayoutInput {
  /** The report's model, or the 公开稿's (publicVersion's model, its paragraphs already as edited). */
  model: ReportModel;
  /** The person's rewrites by paragraph id (the report's `value.edits`); they win over the model's text. */
  edits?: Readonly<Record<string, string>>;
  /** Whether this is the 公开稿: the public note, departments only, no evidence, and every text scanned. */
  public: boolean;
  /** The report's strings in `lang` (reportMessages(lang)). */
  t: RectificationReportMessages;
  lang: string;
  /** For the 公开稿: the restricted strings found in a text (leaksIn with the restricted names). */
  scan?: (text: string) => readonly LeakHit[];
}

/** Options of {@link reportLayout}. */
export interface ReportLayoutOptions {
  /** Problems laid out between two yields to the event loop (default 500). */
  chunkProblems?: number;
  /** How to yield (default: a `setTimeout(0)`). */
  yieldTo?: () => Promise<void>;
}

/**
 * The document (title and blocks) of a report model. For the 公开稿, every text of the document —
 * the fixed wording of headings and table included — is scanned once more (`scan`): any restricted
 * string found gives `{ ok: false, leaks }` and no document, so nothing restricted reaches a file.
 */
export async function reportLayout(input: ReportLayoutInput, options: ReportLayoutOptions = {}): Promise<{ ok: true; doc: DocxDocument } | { ok: false; leaks: ReportLeak[] }> {
  const { model, t, lang, edits } = input;
  const isPublic = input.public === true;
  const pause = options.yieldTo ?? yieldToLoop;
  const every = Math.max(1, options.chunkProblems ?? 500);
  const texts = new Map(model.paragraphs.map((p) => [p.id, p.text]));
  const blocks: DocxBlock[] = [];
  const para = (id: string) => {
    const own = edits?.[id];
    if (texts.has(id)) blocks.push({ kind: 'paragraph', text: typeof own === 'string' ? own : texts.get(id)! });
  };
  // A problem's heading is its number and its first words; a longer text follows in full as a paragraph (once).
  const problemHead = (no: number, problem: string, full = true) => {
    const head = t.rrProblemHead(no, problem);
    blocks.push({ kind: 'heading', level: 3, text: head });
    if (full && head !== t.rrProblemLine(no, problem)) blocks.push({ kind: 'paragraph', text: problem });
  };
  let n = 0;
  const h1 = (s: string) => blocks.push({ kind: 'heading', level: 1, text: `${t.rrNumeral(++n)}${s}` });

  if (isPublic) blocks.push({ kind: 'paragraph', text: t.rrPublicNote });
  para('intro');
  h1(t.rrSecOverview);
  const f = model.figures;
  const count = (x: number) => formatNumber(x, lang);
  blocks.push({
    kind: 'table',
    header: [t.rrFigHead, t.rrFigValue],
    rows: [
      [t.rrFeedbackDate, model.feedbackDate ? formatDateKey(model.feedbackDate, lang) : t.rrDueUnknown],
      [t.rrDueDate, model.dueDate ? `${formatDateKey(model.dueDate, lang)} ${t.rrDueNote(model.dueMonths)}` : t.rrDueUnknown],
      [t.rrFigTotal, count(f.total)],
      [t.rrFigClosed, count(f.closed)],
      [t.rrFigStage, count(f.stageReached)],
      [t.rrFigInProgress, count(f.inProgress)],
      [t.rrFigOverdue, count(f.overdue)],
      [t.rrFigRate, formatPercent(f.completionRate, lang)],
      [t.rrFigRules, count(f.rulesMade)],
      [t.rrFigFunds, t.rrMoney(f.fundsRecovered)],
      [t.rrFigPeople, count(f.peopleHandled)],
    ],
  });
  para('overview');
  if (texts.has('leader')) {
    h1(t.rrSecLeader);
    para('leader');
  }
  h1(t.rrSecProblems);
  let laid = 0;
  const problemOf = new Map<string, string>();
  for (let si = 0; si < model.sections.length; si++) {
    const s = model.sections[si]!;
    blocks.push({ kind: 'heading', level: 2, text: `${t.rrSubNumeral(si + 1)}${s.title}` });
    for (const p of s.problems) {
      if (++laid % every === 0) await pause();
      problemOf.set(p.itemId, p.problem);
      problemHead(p.no, p.problem);
      const r = p.responsibility;
      const resp = (isPublic ? [[t.rrRespDepartment, r.department]] : [[t.rrRespLeader, r.leader], [t.rrRespDepartment, r.department], [t.rrRespPerson, r.person]])
        .filter(([, x]) => x)
        .map(([label, x]) => `${label}：${x}`);
      if (resp.length) blocks.push({ kind: 'paragraph', text: resp.join(t.rrListSep) });
      if (!isPublic && p.evidence.length) blocks.push({ kind: 'paragraph', text: `${t.rrEvidence}：${p.evidence.join(t.rrListSep)}` });
      para(p.paragraph);
    }
  }
  h1(t.rrSecOpen);
  if (!model.open.length) blocks.push({ kind: 'paragraph', text: t.rrNoOpen });
  for (const o of model.open) {
    if (++laid % every === 0) await pause();
    problemHead(o.no, problemOf.get(o.itemId) ?? '', false);
    para(o.paragraph);
  }
  h1(t.rrSecNext);
  para('next');

  if (isPublic) {
    // Once more over what the file will hold, the fixed wording included: nothing restricted may reach it.
    const scan = input.scan ?? (() => []);
    const leaks: ReportLeak[] = [];
    const check = (s: string, path: string) => {
      for (const h of scan(s)) leaks.push({ path, label: t.rrLabelFixed, text: h.text, role: h.role, edited: false });
    };
    check(model.title, 'title');
    for (let i = 0; i < blocks.length; i++) {
      if (i && i % 2000 === 0) await pause();
      const b = blocks[i]!;
      if (b.kind === 'table') [b.header, ...b.rows].forEach((row) => row.forEach((c) => check(c, `blocks.${i}`)));
      else if (b.kind === 'signature') b.lines.forEach((l) => check(l, `blocks.${i}`));
      else check(b.text, `blocks.${i}`);
    }
    if (leaks.length) return { ok: false, leaks };
  }
  return { ok: true, doc: { title: model.title, blocks, page: 'A4' } };
}

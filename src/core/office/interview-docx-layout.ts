/**
 * The Word layout of the interview records, shared by the elements' export chunk
 * (src/interview/interview-docx.ts) and the server's interviewToDocx / clueSheetToDocx
 * (interview-docx.ts), so the two files cannot drift: for the 个别谈话笔录 the 注意保密 mark, the
 * title, 编号, the fields, the three signature lines and the fingerprint line (or 本记录尚未签署定稿。);
 * for the 问题线索登记移交表 its title and fields; and each file's name. Like form-docx-blocks.ts it
 * imports nothing of the form's code (the field tree and its text come as arguments). Pure: no DOM;
 * the clock only as the `now` given.
 */
import { isObj } from '../obj.js';
import type { FieldDescriptor } from '../form-model.js';
import type { DocxDocument } from './docx.js';
import { modelDocument, type FormDocxStrings } from './form-docx-blocks.js';

/** A line to sign on, and a shorter one for the date. */
const LINE = '_'.repeat(16);
const SHORT = '_'.repeat(10);

/** Layout of one record: how a field reads (the print's text) and what the print leaves out besides. */
export interface RecordLayoutInput {
  /** The record's field tree (buildFormModel of its schema and value). */
  model: FieldDescriptor;
  /** A field as the print reads it (src/core/form-text.ts `fieldText`, or the element's display text). */
  text: (d: FieldDescriptor) => string;
  /** The form's, the export's and the interview's strings in the file's language. */
  t: FormDocxStrings & InterviewStrings;
  /** More fields the print leaves out. */
  skip?: (d: FieldDescriptor) => boolean;
}

/** The interview's strings the layout uses (src/core/locales/interview.*). */
export interface InterviewStrings {
  interviewPrintTitle: string;
  interviewConfidential: string;
  interviewRecordNo: (no: string) => string;
  interviewSignInterviewers: string;
  interviewSignRecorder: string;
  interviewSignInterviewee: string;
  interviewSignDate: string;
  interviewFooter: (digest: string) => string;
  interviewUnsigned: string;
}

/** The 谈话笔录's number and signature are in its head and its last line: not repeated among the fields. */
export function interviewPrintSkip(d: FieldDescriptor): boolean {
  return d.path.length === 1 && (d.key === 'signature' || d.key === 'recordNo');
}

/** The record's signature digest: the text of a signed record's digest ('' when it has none), `null` when unsigned. */
export function interviewDigest(record: unknown): string | null {
  const s = isObj(record) ? record['signature'] : undefined;
  if (!isObj(s)) return null;
  return typeof s['digest'] === 'string' ? s['digest'] : '';
}

/** The 个别谈话笔录 as a document: 注意保密, the title, 编号, the fields, the signature lines, then the fingerprint line or 本记录尚未签署定稿。 */
export function interviewDocument(input: RecordLayoutInput): DocxDocument {
  const { model, t } = input;
  const rec = isObj(model.value) ? model.value : {};
  const no = typeof rec['recordNo'] === 'string' ? rec['recordNo'].trim() : '';
  const digest = interviewDigest(rec);
  return modelDocument(model, input.text, t, {
    title: t.interviewPrintTitle,
    lead: [t.interviewConfidential, no ? t.interviewRecordNo(no) : ''],
    skip: (d) => interviewPrintSkip(d) || input.skip?.(d) === true,
    signatureLines: [t.interviewSignInterviewers, t.interviewSignRecorder, t.interviewSignInterviewee].map((l) => `${l}${LINE}  ${t.interviewSignDate}${SHORT}`),
    footer: digest !== null ? t.interviewFooter(digest) : t.interviewUnsigned,
  });
}

/** The 问题线索登记移交表 as a document: its title and fields, as printed. */
export function clueSheetDocument(input: RecordLayoutInput): DocxDocument {
  return modelDocument(input.model, input.text, input.t, input.skip ? { skip: input.skip } : {});
}

/** The 谈话笔录's file name: 谈话笔录-<谈话对象>.docx, else the interview's date, else `now`'s. */
export function interviewFileName(t: FormDocxStrings, record: unknown, now: Date): string {
  const rec = isObj(record) ? record : {};
  const person = rec['interviewee'];
  const name = isObj(person) && typeof person['name'] === 'string' ? person['name'].trim() : '';
  return fileName(t.interviewDocxFile(name || dateOf(rec['startTime']) || today(now)));
}

/** The sheet's file name: 问题线索登记表-<线索编号>.docx, else its date received, else `now`'s. */
export function clueSheetFileName(t: FormDocxStrings, record: unknown, now: Date): string {
  const rec = isObj(record) ? record : {};
  const no = typeof rec['clueNo'] === 'string' ? rec['clueNo'].trim() : '';
  return fileName(t.clueSheetDocxFile(no || dateOf(rec['receivedOn']) || today(now)));
}

/** The date (`YYYY-MM-DD`) a stored date or date-time starts with, as the record wrote it ('' if none). */
const dateOf = (v: unknown) => (typeof v === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0] ?? '' : '');

/** `now`'s local date, `YYYY-MM-DD`. */
function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file name any system accepts: no path separators, reserved or control characters; not too long. */
function fileName(base: string): string {
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').slice(0, 120)}.docx`;
}

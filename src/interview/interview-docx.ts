/**
 * The Word exports of the interview records, a chunk of their own that `<xc-interview-form>` and
 * `<xc-clue-sheet>` load on the first click of 导出 Word (never with the page): the record as the
 * print lays it out — for the 谈话笔录 the 秘密 mark, title, number, fields, signature lines and
 * fingerprint line; for the 问题线索登记移交表 its title and fields — from the core's writer, then
 * the cancelable `xc-export` with its bytes and the download.
 */
import { formDocxMessages, modelDocument } from '../core/office/form-docx-blocks.js';
import { writeDocx } from '../core/office/docx.js';
import { offerFile } from '../base/office-export.js';
import { isObj } from '../core/obj.js';
import type { FieldDescriptor } from '../core/form-model.js';

/** What an element hands over: the record's field tree as it prints. */
export interface FormDocxInput {
  model: FieldDescriptor;
  /** A field as the print reads it (the form's display text). */
  text: (d: FieldDescriptor) => string;
  lang: string;
  /** Fields the print leaves out. */
  skip: (d: FieldDescriptor) => boolean;
  /** Today, for the file name of a record without the name or date it is named after. */
  now: Date;
}

/** The 谈话笔录's input: also its fingerprint, printed at the end. */
export interface InterviewDocxInput extends FormDocxInput {
  /** The SHA-256 fingerprint (hex) when the record is signed, else null. */
  digest: string | null;
}

/** A line to sign on, and a shorter one for the date. */
const LINE = '_'.repeat(16);
const SHORT = '_'.repeat(10);

/** Write the record as .docx and offer it from `host`; resolves whether the download started. */
export async function exportDocx(host: HTMLElement, input: InterviewDocxInput): Promise<boolean> {
  const { model, lang, digest } = input;
  const t = await formDocxMessages(lang);
  const rec = isObj(model.value) ? model.value : {};
  const no = typeof rec['recordNo'] === 'string' ? rec['recordNo'].trim() : '';
  const doc = modelDocument(model, input.text, t, {
    title: t.interviewPrintTitle,
    lead: [t.interviewConfidential, no ? t.interviewRecordNo(no) : ''],
    skip: input.skip,
    signatureLines: [t.interviewSignInterviewers, t.interviewSignRecorder, t.interviewSignInterviewee].map((l) => `${l}${LINE}  ${t.interviewSignDate}${SHORT}`),
    footer: digest !== null ? t.interviewFooter(digest) : t.interviewUnsigned,
  });
  return offerFile(host, 'docx', fileName(t.interviewDocxFile(who(rec, input.now))), await writeDocx(doc));
}

/** Write a 问题线索登记移交表 as .docx (its title and fields, as printed) and offer it from `host`; resolves whether the download started. */
export async function exportClueSheetDocx(host: HTMLElement, input: FormDocxInput): Promise<boolean> {
  const t = await formDocxMessages(input.lang);
  const rec = isObj(input.model.value) ? input.model.value : {};
  const no = typeof rec['clueNo'] === 'string' ? rec['clueNo'].trim() : '';
  const doc = modelDocument(input.model, input.text, t, { skip: input.skip });
  return offerFile(host, 'docx', fileName(t.clueSheetDocxFile(no || dateOf(rec['receivedOn']) || today(input.now))), await writeDocx(doc));
}

/** The date (`YYYY-MM-DD`) a stored date or date-time starts with, as the record wrote it ('' if none). */
const dateOf = (v: unknown) => (typeof v === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0] ?? '' : '');

/** Today's local date, `YYYY-MM-DD`. */
function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The interviewee's name, else the interview's date (as the record wrote it), else today's. */
function who(rec: Record<string, unknown>, now: Date): string {
  const person = rec['interviewee'];
  const name = isObj(person) && typeof person['name'] === 'string' ? person['name'].trim() : '';
  return name || dateOf(rec['startTime']) || today(now);
}

/** A file name any system accepts: no path separators, reserved or control characters; not too long. */
function fileName(base: string): string {
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').slice(0, 120)}.docx`;
}

/**
 * The 谈话笔录's Word export, a chunk of its own that `<xc-interview-form>` loads on the first click of
 * 导出 Word (never with the page): the record as the print lays it out (秘密 mark, title, number, the
 * fields, the signature lines, the fingerprint line) from the core's writer, then the cancelable
 * `xc-export` with its bytes and the download.
 */
import { formDocxMessages, modelDocument } from '../core/office/form-docx-blocks.js';
import { writeDocx } from '../core/office/docx.js';
import { offerFile } from '../base/office-export.js';
import { isObj } from '../core/obj.js';
import type { FieldDescriptor } from '../core/form-model.js';

/** What the element hands over: the record's field tree as it prints, and what its print adds. */
export interface InterviewDocxInput {
  model: FieldDescriptor;
  /** A field as the print reads it (the form's display text). */
  text: (d: FieldDescriptor) => string;
  lang: string;
  /** The SHA-256 fingerprint (hex) when the record is signed, else null. */
  digest: string | null;
  /** Fields the print leaves out (the number and the signature: they have lines of their own). */
  skip: (d: FieldDescriptor) => boolean;
  /** Today, for the file name of a record with neither an interviewee nor a date. */
  now: Date;
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

/** The interviewee's name, else the interview's date (as the record wrote it), else today's. */
function who(rec: Record<string, unknown>, now: Date): string {
  const person = rec['interviewee'];
  const name = isObj(person) && typeof person['name'] === 'string' ? person['name'].trim() : '';
  if (name) return name;
  const start = typeof rec['startTime'] === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(rec['startTime'])?.[0] : undefined;
  if (start) return start;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file name any system accepts: no path separators, reserved or control characters; not too long. */
function fileName(base: string): string {
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').slice(0, 120)}.docx`;
}

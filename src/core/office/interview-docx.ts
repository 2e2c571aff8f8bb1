/**
 * The 个别谈话笔录 and the 问题线索登记移交表 as Word files on a server: the bundled definitions
 * (src/generated/templates), the record read as the print reads it (src/core/form-text.ts), laid out
 * by interview-docx-layout.ts — the composition `<xc-interview-form>` and `<xc-clue-sheet>` export
 * with, so a server's file holds exactly the element's text. Pure: no DOM; the clock only for the
 * file name of a record without a name or date (pass `now`).
 */
import { extendLocale } from '../i18n.js';
import formZhCN from '../locales/form.zh-CN.js';
import interviewZhCN from '../locales/interview.zh-CN.js';
import { buildFormModel, defaultValue } from '../form-model.js';
import { fieldText } from '../form-text.js';
import { isObj } from '../obj.js';
import type { JsonSchema } from '../validation-types.js';
import { interviewRecordSchema } from '../../generated/templates/interviewRecordSchema.js';
import { clueSheetSchema } from '../../generated/templates/clueSheetSchema.js';
import { writeDocx, type DocxDocument, type DocxOptions } from './docx.js';
import { formDocxMessages } from './form-docx-blocks.js';
import { clueSheetDocument, clueSheetFileName, interviewDocument, interviewFileName, type InterviewStrings, type RecordLayoutInput } from './interview-docx-layout.js';

/** The form's and the interview's strings, for records exported without their element on the page. */
extendLocale(formZhCN, { en: () => import('../locales/form.en.js') });
extendLocale(interviewZhCN, { en: () => import('../locales/interview.en.js') });

/** Options of {@link interviewToDocx} and {@link clueSheetToDocx}. */
export interface RecordDocxOptions extends DocxOptions {
  /** Language of labels, choices, dates and fixed wording (default zh-CN). */
  lang?: string;
  /** For the file name of a record without the name or date it is named after (default: the clock). */
  now?: Date;
}

/** A written record: its bytes and the file name the element would give it. */
export interface RecordDocx {
  bytes: Uint8Array;
  filename: string;
  /** The document written (title and blocks). */
  doc: DocxDocument;
}

/** The record as the element shows it: an unsigned record's missing members take the definition's defaults. */
function withDefaults(schema: JsonSchema, value: unknown): unknown {
  if (value == null) return defaultValue(schema);
  if (isObj(value) && !('signature' in value)) {
    const d = defaultValue(schema);
    return isObj(d) ? { ...d, ...value } : value;
  }
  return value;
}

async function layout(schema: JsonSchema, value: unknown, lang: string): Promise<Omit<RecordLayoutInput, 'skip'>> {
  const t = (await formDocxMessages(lang)) as RecordLayoutInput['t'];
  const model = buildFormModel(schema, withDefaults(schema, value), lang);
  return { model, t, text: (d) => fieldText(d, t, lang) };
}

/**
 * A 个别谈话笔录 (a value of the bundled interview record definition, as `<xc-interview-form>`'s
 * `value`) as .docx bytes: 注意保密, 个别谈话笔录, 编号, the fields (choices as their labels), the
 * signature lines of 谈话人, 记录人 and 谈话对象, and the record's SHA-256 fingerprint line when it
 * is signed (else 本记录尚未签署定稿。) — the element's file, text for text.
 */
export async function interviewToDocx(value: unknown, options: RecordDocxOptions = {}): Promise<RecordDocx> {
  const input = await layout(interviewRecordSchema as JsonSchema, value, options.lang ?? 'zh-CN');
  const doc = interviewDocument(input);
  return { doc, bytes: await writeDocx(doc, options), filename: interviewFileName(input.t, input.model.value, options.now ?? new Date()) };
}

/** A 问题线索登记移交表 (a value of the bundled clue sheet definition) as .docx bytes: the element's file, text for text. */
export async function clueSheetToDocx(value: unknown, options: RecordDocxOptions = {}): Promise<RecordDocx> {
  const input = await layout(clueSheetSchema as JsonSchema, value, options.lang ?? 'zh-CN');
  const doc = clueSheetDocument(input);
  return { doc, bytes: await writeDocx(doc, options), filename: clueSheetFileName(input.t, input.model.value, options.now ?? new Date()) };
}

export type { InterviewStrings };

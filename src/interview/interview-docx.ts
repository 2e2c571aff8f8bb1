/**
 * The Word exports of the interview records, a chunk of their own that `<xc-interview-form>` and
 * `<xc-clue-sheet>` load on the first click of 导出 Word (never with the page): the record laid out
 * by src/core/office/interview-docx-layout.ts — the same composition a server's interviewToDocx /
 * clueSheetToDocx uses — written by the core's writer, then the cancelable `xc-export` with its
 * bytes and the download.
 */
import { formDocxMessages } from '../core/office/form-docx-blocks.js';
import { clueSheetDocument, clueSheetFileName, interviewDocument, interviewFileName, type InterviewStrings } from '../core/office/interview-docx-layout.js';
import { writeDocx } from '../core/office/docx.js';
import { offerFile } from '../base/office-export.js';
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

/** Write the 谈话笔录 as .docx and offer it from `host`; resolves whether the download started. */
export async function exportDocx(host: HTMLElement, input: FormDocxInput): Promise<boolean> {
  const t = (await formDocxMessages(input.lang)) as Awaited<ReturnType<typeof formDocxMessages>> & InterviewStrings;
  const doc = interviewDocument({ model: input.model, text: input.text, t, skip: input.skip });
  return offerFile(host, 'docx', interviewFileName(t, input.model.value, input.now), await writeDocx(doc));
}

/** Write a 问题线索登记移交表 as .docx (its title and fields, as printed) and offer it from `host`; resolves whether the download started. */
export async function exportClueSheetDocx(host: HTMLElement, input: FormDocxInput): Promise<boolean> {
  const t = (await formDocxMessages(input.lang)) as Awaited<ReturnType<typeof formDocxMessages>> & InterviewStrings;
  const doc = clueSheetDocument({ model: input.model, text: input.text, t, skip: input.skip });
  return offerFile(host, 'docx', clueSheetFileName(t, input.model.value, input.now), await writeDocx(doc));
}

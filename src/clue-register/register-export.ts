/**
 * The clue register's Office exports, a chunk of its own that `<xc-clue-register>` loads on the
 * first click of 导出 Excel or of a 移交单's 导出 Word (never with the page): the file from the core's
 * writers (src/core/office/clue-register-office.ts), then the cancelable `xc-export` with its bytes
 * and the download.
 */
import { cluesToXlsx, transferSheetToDocx, type ClueXlsxOptions } from '../core/office/clue-register-office.js';
import { offerFile } from '../base/office-export.js';
import { clueRegisterMessages, type ClueRegister } from '../core/clue-register.js';

/** Write the clues as .xlsx and offer them from `host`; resolves whether the download started. */
export async function exportXlsx(host: HTMLElement, register: ClueRegister, options: ClueXlsxOptions, filename: string): Promise<boolean> {
  return offerFile(host, 'xlsx', filename, await cluesToXlsx(register, options));
}

/**
 * Write the 移交单 `sheetId` as .docx and offer it from `host` as 问题线索移交单-<its number>.docx;
 * resolves false when the register has no such sheet or the download was cancelled.
 */
export async function exportTransferDocx(host: HTMLElement, register: ClueRegister, sheetId: string, lang: string): Promise<boolean> {
  const bytes = await transferSheetToDocx(register, sheetId, lang);
  const sheet = (register.transfers ?? []).find((x) => x.id === sheetId);
  if (!bytes || !sheet) return false;
  const name = `${clueRegisterMessages(lang).crSheetTitle}-${typeof sheet.number === 'string' && sheet.number ? sheet.number : sheet.id}`;
  return offerFile(host, 'docx', `${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}.docx`, bytes);
}

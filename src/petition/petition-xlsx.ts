/**
 * The petition register's Excel export, a chunk of its own that `<xc-petition-register>` loads on
 * the first click of 导出 Excel (never with the page): the workbook from the core's writer
 * (src/core/office/petition-xlsx.ts) of the table the element made (the 反映人 masked for the
 * viewer's role), then the cancelable `xc-export` with its bytes and the download.
 */
import { petitionTableToXlsx } from '../core/office/petition-xlsx.js';
import { offerFile } from '../base/office-export.js';
import type { PetitionTable } from '../core/petition.js';

/** Write the table as .xlsx and offer it from `host`; resolves whether the download started. */
export async function exportXlsx(host: HTMLElement, table: PetitionTable, lang: string, filename: string): Promise<boolean> {
  return offerFile(host, 'xlsx', filename, await petitionTableToXlsx(table, lang));
}

/**
 * The ledger's Excel export, a chunk of its own that `<xc-rectification-tracker>` loads on the first
 * click of 导出 Excel (never with the page): the workbook from the core's writer, then the cancelable
 * `xc-export` with its bytes and the download.
 */
import { ledgerToXlsx } from '../core/office/ledger-xlsx.js';
import { offerFile } from '../base/office-export.js';
import type { RectificationLedger } from '../core/rectification-types.js';

/** Write the ledger as .xlsx and offer it from `host`; resolves whether the download started. */
export async function exportXlsx(host: HTMLElement, ledger: Pick<RectificationLedger, 'items' | 'title'>, lang: string, filename: string): Promise<boolean> {
  return offerFile(host, 'xlsx', filename, await ledgerToXlsx(ledger, lang));
}

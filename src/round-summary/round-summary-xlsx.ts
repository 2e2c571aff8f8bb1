/**
 * The round figures' Excel export, a chunk of its own that `<xc-round-summary>` loads on the first
 * click of 导出 Excel (never with the page): the workbook from the core's writer, then the
 * cancelable `xc-export` with its bytes and the download.
 */
import { roundSummaryToXlsx } from '../core/office/round-summary-xlsx.js';
import { offerFile } from '../base/office-export.js';
import type { RoundSummary } from '../core/round-summary.js';

/** Write the figures as .xlsx and offer them from `host`; resolves whether the download started. */
export async function exportXlsx(host: HTMLElement, summary: RoundSummary, lang: string, round: string, filename: string): Promise<boolean> {
  return offerFile(host, 'xlsx', filename, await roundSummaryToXlsx(summary, lang, { round }));
}

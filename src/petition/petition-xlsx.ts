/**
 * The petition register's Excel export, a chunk of its own that `<xc-petition-register>` loads on
 * the first click of 导出 Excel (never with the page): the workbook from the core's writer
 * (src/core/office/petition-xlsx.ts, the 反映人 masked for the viewer's role), then the cancelable
 * `xc-export` with its bytes and the download.
 */
import { petitionsToXlsx, type PetitionXlsxOptions } from '../core/office/petition-xlsx.js';
import { offerFile } from '../base/office-export.js';
import type { PetitionRegister } from '../core/petition.js';

/** Write the petitions as .xlsx and offer them from `host`; resolves whether the download started. */
export async function exportXlsx(host: HTMLElement, register: PetitionRegister, options: PetitionXlsxOptions, filename: string): Promise<boolean> {
  return offerFile(host, 'xlsx', filename, await petitionsToXlsx(register, options));
}

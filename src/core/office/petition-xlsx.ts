/**
 * The petition register (信访件受理登记) as an Excel workbook: the CSV's columns and texts (the one
 * table of src/core/petition.ts, `petitionTable`, which masks the 反映人 for the viewer's role), one
 * row per petition, with 收件日期 and 转办日期 as real date cells. It takes the table, not the register,
 * so that the page's chunk and this one share no module (the page's first load does not grow).
 * Loaded only when someone exports to Excel.
 */
import { loadLocale, resolveLocale } from '../i18n.js';
import type { PetitionMessages } from '../locales/petition.zh-CN.js';
import type { PetitionTable, PetitionTableColumn } from '../petition.js';
import { writeXlsx, type XlsxColumn, type XlsxOptions } from './xlsx.js';

/** Type and width (characters) of each column; the rest are text 12 wide. */
const LAYOUT: Partial<Record<PetitionTableColumn, Pick<XlsxColumn, 'type' | 'width'>>> = {
  number: { width: 14 },
  source: { width: 8 },
  receivedOn: { type: 'date', width: 12 },
  petitioner: { width: 10 },
  contact: { width: 14 },
  concernedName: { width: 10 },
  concernedUnit: { width: 18 },
  summary: { width: 40 },
  category: { width: 14 },
  inScope: { width: 10 },
  handling: { width: 16 },
  transferredOn: { type: 'date', width: 12 },
  result: { width: 30 },
  feedback: { width: 30 },
};

/**
 * The petitions of `petitionTable(register, { lang, role, allowedRoles, entries })` as .xlsx bytes:
 * one sheet named 信访件受理登记 (in `lang`), the header row of the CSV's column labels, then one row
 * per petition with the CSV's texts; dates that are real dates as date cells (others stay text). The
 * 反映人's name and contact are in no cell unless the table was made for a role allowed to see them.
 * No cell is a formula.
 */
export async function petitionTableToXlsx(table: PetitionTable, lang = 'zh-CN', options: XlsxOptions = {}): Promise<Uint8Array> {
  await loadLocale(lang);
  const columns: XlsxColumn[] = table.head.map((header, i) => ({ header, ...LAYOUT[table.columns[i]!] }));
  const title = (resolveLocale(lang) as Partial<PetitionMessages>).petTitle ?? '';
  return writeXlsx({ title, sheets: [{ name: title, columns, rows: table.rows }] }, options);
}

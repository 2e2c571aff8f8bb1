/**
 * The petition register (信访件受理登记) as an Excel workbook: the CSV's columns and texts (the one
 * table of src/core/petition.ts, `petitionTable`), one row per petition, with 收件日期 and 转办日期 as
 * real date cells, and the 反映人 masked exactly as the CSV masks it for the viewer's role. Loaded
 * only when someone exports to Excel.
 */
import { loadLocale } from '../i18n.js';
import { PETITION_TABLE_COLUMNS, petitionMessages, petitionTable, type PetitionCsvOptions, type PetitionRegister, type PetitionTableColumn } from '../petition.js';
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

/** Options of {@link petitionsToXlsx}: who is looking, the language, the entries (a filtered list), and the writer's. */
export type PetitionXlsxOptions = PetitionCsvOptions & XlsxOptions;

/**
 * The register's petitions as .xlsx bytes: one sheet named 信访件受理登记 (in `lang`), the header row
 * of the CSV's column labels, then one row per petition with the CSV's texts; dates that are real
 * dates as date cells (others stay text). The 反映人's name and contact are in no cell unless the
 * viewer's role is allowed (`role`, `allowedRoles`). No cell is a formula.
 */
export async function petitionsToXlsx(register: PetitionRegister, options: PetitionXlsxOptions = {}): Promise<Uint8Array> {
  const lang = options.lang ?? 'zh-CN';
  await loadLocale(lang);
  const { head, rows } = petitionTable(register, { ...options, lang });
  const columns: XlsxColumn[] = PETITION_TABLE_COLUMNS.map((key, i) => ({ header: head[i] ?? '', ...LAYOUT[key] }));
  const title = petitionMessages(lang).petTitle;
  return writeXlsx({ title, sheets: [{ name: title, columns, rows }] }, options);
}

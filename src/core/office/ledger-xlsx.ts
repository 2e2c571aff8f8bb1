/**
 * The rectification ledger as an Excel workbook: the CSV's columns and texts (src/core/rectification/csv.ts),
 * one row per item, with 整改时限, 延期后时限 and 销号日期 as real date cells and 整改进度 as a percentage.
 * Loaded only when someone exports to Excel.
 */
import { extendLocale, loadLocale, resolveLocale, type Messages } from '../i18n.js';
import officeZhCN, { type OfficeMessages } from '../locales/office.zh-CN.js';
import type { RectificationLedger } from '../rectification-types.js';
import { defaultCsvColumns, parseCsv, toCsv, type CsvColumnKey } from '../rectification/csv.js';
import { writeXlsx, type XlsxColumn, type XlsxOptions } from './xlsx.js';
import { yieldToLoop } from './zip.js';

extendLocale(officeZhCN, { en: () => import('../locales/office.en.js') });

/** Type and width (characters) of each built-in column; the rest are text 12 wide. */
const LAYOUT: Partial<Record<CsvColumnKey, Pick<XlsxColumn, 'type' | 'width'>>> = {
  id: { width: 10 },
  problem: { width: 40 },
  focusArea: { width: 18 },
  category: { width: 16 },
  measures: { width: 40 },
  leader: { width: 10 },
  department: { width: 16 },
  person: { width: 10 },
  kind: { width: 10 },
  deadline: { type: 'date', width: 12 },
  extendedDeadline: { type: 'date', width: 12 },
  status: { width: 10 },
  progress: { type: 'percent', width: 10 },
  evidence: { width: 32 },
  verifier: { width: 10 },
  closedAt: { type: 'date', width: 12 },
};

/**
 * The ledger's items as .xlsx bytes: one sheet named after the ledger's title (else 整改台账), the
 * header row of the CSV's column labels in `lang`, then one row per item with the same texts as the
 * CSV (statuses and kinds in `lang`, measures and evidence on several lines), dates as date cells
 * and progress as a percentage. Values that are not real dates stay as text. No cell is a formula.
 */
export async function ledgerToXlsx(ledger: Pick<RectificationLedger, 'items' | 'title'> | null | undefined, lang: string, options: XlsxOptions = {}): Promise<Uint8Array> {
  await loadLocale(lang);
  const m = resolveLocale(lang) as Messages & OfficeMessages;
  const items = Array.isArray(ledger?.items) ? ledger!.items : [];
  const csvColumns = defaultCsvColumns(lang);
  const columns: XlsxColumn[] = csvColumns.map((c) => ({ header: c.label, ...LAYOUT[c.key as CsvColumnKey] }));
  const progress = csvColumns.findIndex((c) => c.key === 'progress');
  const chunk = Math.max(1, options.chunkRows ?? 250);
  const pause = options.yieldTo ?? yieldToLoop;
  const rows: unknown[][] = [];
  for (let start = 0; start < items.length; start += chunk) {
    // The CSV writer's cells, read back exactly (its formula guard removed): the same texts as the CSV.
    const [, ...cells] = parseCsv(toCsv(items.slice(start, start + chunk), lang, csvColumns));
    for (const row of cells) {
      if (progress >= 0 && /^-?\d+(\.\d+)?$/.test(row[progress] ?? '')) (row as unknown[])[progress] = Number(row[progress]) / 100;
      rows.push(row);
    }
    await pause();
  }
  const title = typeof ledger?.title === 'string' && ledger.title.trim() ? ledger.title.trim() : m.officeLedgerSheet;
  return writeXlsx({ title, sheets: [{ name: title, columns, rows }] }, options);
}

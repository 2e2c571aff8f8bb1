/**
 * The round figures (巡察工作统计) as an Excel workbook: the CSV's table (roundSummaryTable of
 * src/core/round-summary-csv.ts, so the two exports cannot drift apart), one row per unit and the
 * 合计 row, counts and money as numbers, the 整改完成率 as a percentage cell. Loaded only when
 * someone exports to Excel.
 */
import { loadLocale, resolveLocale, type Messages } from '../i18n.js';
import type { RoundSummary } from '../round-summary.js';
import type { RoundSummaryMessages } from '../locales/round-summary.zh-CN.js';
import { roundSummaryTable } from '../round-summary-csv.js';
import { writeXlsx, type XlsxColumn, type XlsxOptions } from './xlsx.js';

/** Options of {@link roundSummaryToXlsx}. */
export interface RoundSummaryXlsxOptions extends XlsxOptions {
  /** The round as people name it (e.g. 区委第三轮巡察): joins the sheet's name and the file's title. */
  round?: string;
}

/**
 * The figures as .xlsx bytes: one sheet (巡察工作统计, with the round when given), the header row of
 * the CSV's column heads in `lang`, then one row per unit and the totals (合计): unit names as text
 * (a name starting with `=` stays text), counts and money as numbers, the completion rate as a
 * percentage (an empty cell for a unit without 整改 items: it has no rate). No cell is a formula.
 */
export async function roundSummaryToXlsx(summary: RoundSummary | null | undefined, lang = 'zh-CN', options: RoundSummaryXlsxOptions = {}): Promise<Uint8Array> {
  await loadLocale(lang);
  const m = resolveLocale(lang) as Messages & RoundSummaryMessages;
  const { head, types, rows } = roundSummaryTable(summary as RoundSummary, lang);
  const columns: XlsxColumn[] = head.map((header, i) => ({ header, type: types[i], decimals: 1, width: i === 0 ? 24 : types[i] === 'percent' ? 12 : Math.max(10, Math.min(24, [...header].length + 2)) }));
  const round = typeof options.round === 'string' ? options.round.trim() : '';
  const title = round ? `${m.rsTitle}${m.labelSep}${round}` : m.rsTitle;
  return writeXlsx({ title, sheets: [{ name: title, columns, rows }] }, options);
}

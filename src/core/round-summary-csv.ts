/**
 * The round figures as a table ({@link roundSummaryTable}: typed values, one row per unit and the
 * totals) and as CSV written from it (UTF-8 with BOM, spreadsheet formulas guarded by the core's
 * shared `csvText` / `csvField`, as every record's export is). A module of its own, which a page
 * showing the figures loads only when someone exports.
 */
import { resolveLocale, type Messages } from './i18n.js';
import { csvText } from './csv.js';
import { ROUND_FIGURES, ROUND_FIGURE_LABELS, type RoundSummary, type UnitFigures } from './round-summary.js';
import { FocusAreas } from './focus-area.js';
import type { RoundSummaryMessages } from './locales/round-summary.zh-CN.js';

type RM = Messages & RoundSummaryMessages;

/** The message key naming each figure (table heads, CSV columns): kept with the figures in ./round-summary.ts, which the element showing them loads too. */
export { ROUND_FIGURE_LABELS };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** How a column of {@link roundSummaryTable} holds its values: names as text, counts as numbers, the rate as a fraction (0.5 is 50 %). */
export type RoundSummaryColumnType = 'text' | 'number' | 'percent';

/** The round figures as one table, the single source of the CSV and the Excel export. */
export interface RoundSummaryTable {
  /** Column heads in the language asked for. */
  head: string[];
  /** What each column holds (same length as `head`). */
  types: RoundSummaryColumnType[];
  /** One row per unit, then the totals (合计): unit names as text, counts and money as numbers, the rate as a fraction (`null` — no rate, an empty cell — without 整改 items). */
  rows: (string | number | null)[][];
}

/**
 * The summary as a table: a head (单位, then every figure of {@link ROUND_FIGURES} in `lang`, then
 * one column of problems per focus area of the round), one row per unit, then the totals (合计).
 * Values are typed (numbers stay numbers, the 整改完成率 a fraction 0–1, `null` for a unit without
 * 整改 items, which has no rate); both
 * {@link roundSummaryCsv} and the Excel export (src/core/office/round-summary-xlsx.ts) write it, so
 * their columns cannot drift apart.
 */
export function roundSummaryTable(summary: RoundSummary, lang = 'zh-CN'): RoundSummaryTable {
  const m = resolveLocale(lang) as RM;
  const units = Array.isArray(summary?.units) ? summary.units : [];
  const totals = summary?.totals;
  const areas = Array.isArray(totals?.byFocus) ? totals.byFocus.map((f) => (typeof f?.focusArea === 'string' ? f.focusArea : '')) : [];
  const head = [m.rsUnit, ...ROUND_FIGURES.map((f) => m[ROUND_FIGURE_LABELS[f]] as string), ...areas.map((a) => `${a || m.rsFocusNone}${m.labelSep}${m.rsProblems}`)];
  const types: RoundSummaryColumnType[] = ['text', ...ROUND_FIGURES.map((f): RoundSummaryColumnType => (f === 'completionRate' ? 'percent' : 'number')), ...areas.map((): RoundSummaryColumnType => 'number')];
  // A unit's areas under the totals' names (figures given by a host may spell an area otherwise).
  const names = new FocusAreas(areas);
  const row = (u: UnitFigures, name: string): (string | number | null)[] => {
    const byFocus = new Map<string, number>();
    for (const f of Array.isArray(u?.byFocus) ? u.byFocus : []) {
      const key = names.name(typeof f?.focusArea === 'string' ? f.focusArea : '');
      byFocus.set(key, (byFocus.get(key) ?? 0) + num(f?.problems));
    }
    // Without items there is no rate (the screen shows "—"): an empty cell, not 0 %.
    return [name, ...ROUND_FIGURES.map((f) => (f === 'completionRate' && !num(u?.items) ? null : num(u?.[f]))), ...areas.map((a) => byFocus.get(names.name(a)) ?? 0)];
  };
  const rows = units.map((u) => row(u, typeof u?.unit === 'string' && u.unit ? u.unit : m.rsUnitNone));
  if (totals) rows.push(row(totals, m.rsTotal));
  return { head, types, rows };
}

/**
 * The summary as CSV for spreadsheets: {@link roundSummaryTable}'s head and rows, the rate as a
 * percentage with one decimal (`62.5%`; an empty cell without 整改 items), counts as they are. UTF-8 with a byte order mark, CRLF
 * after every row; every text cell (unit names, focus areas) goes through `csvField`
 * (src/core/csv.ts), so a name that looks like a formula is written as text.
 */
export function roundSummaryCsv(summary: RoundSummary, lang = 'zh-CN'): string {
  const { head, types, rows } = roundSummaryTable(summary, lang);
  const cell = (v: string | number | null, i: number) => (v === null ? '' : types[i] === 'percent' ? `${(num(v) * 100).toFixed(1)}%` : String(v));
  return csvText([head, ...rows.map((r) => r.map(cell))]);
}

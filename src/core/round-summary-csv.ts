/**
 * The round figures as CSV (UTF-8 with BOM, spreadsheet formulas guarded by the core's shared
 * `csvText` / `csvField`, as every record's export is). A module of its own, which a page showing
 * the figures loads only when someone exports.
 */
import { resolveLocale, type Messages } from './i18n.js';
import { csvText } from './csv.js';
import { ROUND_FIGURES, type RoundFigure, type RoundSummary, type UnitFigures } from './round-summary.js';
import type { RoundSummaryMessages } from './locales/round-summary.zh-CN.js';

type RM = Messages & RoundSummaryMessages;

/** The message key naming each figure (table heads, CSV columns). */
export const ROUND_FIGURE_LABELS: Readonly<Record<RoundFigure, keyof RoundSummaryMessages>> = Object.freeze({
  interviews: 'rsInterviews',
  petitions: 'rsPetitions',
  problems: 'rsProblems',
  common: 'rsCommon',
  specific: 'rsSpecific',
  clues: 'rsClues',
  cluesHandedOver: 'rsCluesHandedOver',
  items: 'rsItems',
  closed: 'rsClosed',
  stageReached: 'rsStageReached',
  inProgress: 'rsInProgress',
  overdue: 'rsOverdue',
  completionRate: 'rsCompletionRate',
  rulesMade: 'rsRulesMade',
  fundsRecovered: 'rsFundsRecovered',
  peopleHandled: 'rsPeopleHandled',
});

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A figure as a CSV cell: the rate as a percentage with one decimal (`62.5%`), counts as they are. */
function cell(u: UnitFigures, f: RoundFigure): string {
  return f === 'completionRate' ? `${(num(u.completionRate) * 100).toFixed(1)}%` : String(num(u[f]));
}

/**
 * The summary as CSV for spreadsheets: a header row (单位, then every figure of
 * {@link ROUND_FIGURES} in `lang`, then one column of problems per focus area of the round), one
 * row per unit, then the totals (合计). UTF-8 with a byte order mark, CRLF after every row; every
 * text cell (unit names, focus areas) goes through `csvField` (src/core/csv.ts), so a name that
 * looks like a formula is written as text.
 */
export function roundSummaryCsv(summary: RoundSummary, lang = 'zh-CN'): string {
  const m = resolveLocale(lang) as RM;
  const units = Array.isArray(summary?.units) ? summary.units : [];
  const totals = summary?.totals;
  const areas = Array.isArray(totals?.byFocus) ? totals.byFocus.map((f) => (typeof f?.focusArea === 'string' ? f.focusArea : '')) : [];
  const head = [m.rsUnit, ...ROUND_FIGURES.map((f) => m[ROUND_FIGURE_LABELS[f]] as string), ...areas.map((a) => `${a || m.rsFocusNone}${m.labelSep}${m.rsProblems}`)];
  const row = (u: UnitFigures, name: string) => {
    const byFocus = new Map((Array.isArray(u?.byFocus) ? u.byFocus : []).map((f) => [f?.focusArea, num(f?.problems)]));
    return [name, ...ROUND_FIGURES.map((f) => cell(u, f)), ...areas.map((a) => String(byFocus.get(a) ?? 0))];
  };
  const rows = [head, ...units.map((u) => row(u, typeof u?.unit === 'string' && u.unit ? u.unit : m.rsUnitNone))];
  if (totals) rows.push(row(totals, m.rsTotal));
  return csvText(rows);
}

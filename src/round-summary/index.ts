/**
 * `xc-elements/round-summary`: registers <xc-round-summary> (巡察工作统计) and re-exports the round
 * figures' pure functions.
 * @module
 */
export { XcRoundSummary } from './xc-round-summary.js';
export * from '../core/round-summary.js';
export { roundSummaryCsv, roundSummaryTable, ROUND_FIGURE_LABELS, type RoundSummaryTable, type RoundSummaryColumnType } from '../core/round-summary-csv.js';

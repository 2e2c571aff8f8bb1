/**
 * Retired: its helpers now live beside their kin in `./rectification/` (roles, merging and rules
 * with the workflow, sorting and departments with the views, the shape check with the JSON
 * reader) and `formatDateKey` beside `formatDate` in `./i18n.ts`. Kept so that imports of this
 * path keep working; import from `./rectification.js` (or `./i18n.js`) instead.
 * @deprecated
 */
export {
  ROLES,
  toRole,
  sortItemsBy,
  departmentsOf,
  mergeNewItems,
  readLedgerObject,
  ledgerRuleErrors,
  type TrackerSortKey,
  type MergeResult,
  type LedgerShapeError,
  type LedgerRuleCode,
  type LedgerRuleError,
} from './rectification.js';
export { formatDateKey } from './i18n.js';

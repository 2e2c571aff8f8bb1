/**
 * The rectification ledger (整改台账): status workflow, role permissions,
 * deadlines and traffic lights, sorting/filtering/summaries, and CSV/JSON
 * export and import. Pure functions: no DOM, no network, no clock unless a
 * date is passed in, and no input is ever mutated.
 *
 * Dates: every deadline comparison is made on **local calendar dates**
 * (`YYYY-MM-DD` in the time zone of the machine running the code), never on
 * instants. A deadline of `2026-12-31` is met all through 31 December local
 * time and overdue from 00:00 local time on 1 January. A `today` given as a
 * `Date` (or an ISO date-time string) is converted to its local calendar date
 * first; a `today` given as a plain `YYYY-MM-DD` string is used as it is.
 *
 * This file gathers the modules of `./rectification/` (one a banner of the old single module:
 * workflow, dates, views, labels, csv, json) under the names it has always exported, with the
 * tracker's helpers that once lived in `rectification-extra.ts` (`formatDateKey` now lives
 * beside `formatDate` in `./i18n.ts`), and the rules of 整改 to the end: the change log
 * (changes), 延期 (extension), multi-party 验收 (acceptance) and measures with details (measures).
 */
export type {
  AcceptanceParty,
  AcceptanceSignature,
  EvidenceRef,
  ExtensionDecision,
  ExtensionRequest,
  FieldChange,
  HistoryEntry,
  Measure,
  ProblemSource,
  RectificationItem,
  RectificationKind,
  RectificationLedger,
  RectificationStatus,
} from './rectification-types.js';

export {
  allowedTransitions,
  assertHistoryPreserved,
  assertLedgerHistoryPreserved,
  canEdit,
  KINDS,
  type LedgerRuleCode,
  type LedgerRuleError,
  ledgerRuleErrors,
  RectificationError,
  type RectificationErrorCode,
  type RectificationRole,
  ROLES,
  STATUSES,
  toRole,
  type Transition,
  transition,
  type TransitionAction,
  type TransitionOptions,
  updateItem,
} from './rectification/workflow.js';
export { createItem, type CreateItemOptions, mergeNewItems, type MergeResult, newItemId } from './rectification/additions.js';
export {
  daysLeft,
  effectiveDeadline,
  isDateKey,
  isOverdue,
  localDateKey,
  startDate,
  toDateKey,
  trafficLight,
  type TrafficLight,
  type TrafficThresholds,
} from './rectification/dates.js';
export {
  departmentsOf,
  filterItems,
  type FocusAreaGroup,
  groupByFocusArea,
  type ItemFilter,
  type SortDirection,
  sortItems,
  sortItemsBy,
  type SortKey,
  type TrackerSortKey,
  zhCollator,
} from './rectification/views.js';
export { ledgerSummary, type LedgerSummary } from './rectification/summary.js';
export {
  CSV_COLUMN_KEYS,
  type CsvColumnKey,
  kindLabel,
  statusLabel,
} from './rectification/labels.js';
export {
  type CsvColumn,
  csvField,
  defaultCsvColumns,
  neutraliseFormula,
  parseCsv,
  type ParseCsvOptions,
  toCsv,
} from './rectification/csv.js';
export {
  type LedgerShapeError,
  parseLedger,
  readLedgerObject,
  toJson,
} from './rectification/json.js';
// The rules of 整改 to the end, each in a module of its own (an element imports them when it needs them).
export {
  changeLogProblem,
  diffItem,
  editItem,
  type EditOptions,
  type FieldDiff,
  pathsMeet,
  UNLOGGED_FIELDS,
  valueAt,
} from './rectification/changes.js';
export {
  canDecideExtension,
  canRequestExtension,
  decideExtension,
  type ExtensionStepOptions,
  pendingExtension,
  requestExtension,
} from './rectification/extension.js';
export {
  acceptanceParties,
  acceptanceState,
  type AcceptanceState,
  acceptedTransitions,
  allSignatures,
  canSignFor,
  currentSignatures,
  requiredParties,
  signableParties,
  signAcceptance,
  type SignatureInput,
  signingWindow,
  submittedAt,
  transitionAccepted,
} from './rectification/acceptance.js';
export { hasMeasureDetails, itemProgress, measureProgress, overdueMeasures, withMeasureProgress } from './rectification/measures.js';

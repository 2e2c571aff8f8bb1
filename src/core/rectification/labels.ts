/**
 * The ledger's words, one home: statuses, kinds, roles and columns as the locale names them.
 * Loading this module joins the ledger's strings (rectification.zh-CN, English on demand) to the
 * locale registry: pages without a ledger do not carry them.
 */
import { extendLocale, resolveLocale, type Messages } from '../i18n.js';
import rectificationZhCN from '../locales/rectification.zh-CN.js';
import type { RectificationKind, RectificationStatus } from '../rectification-types.js';
import type { RectificationRole } from './workflow.js';
import { asShown } from './values.js';

// The names of statuses, kinds and columns join the registry with this module (pages without a ledger do not carry them).
extendLocale(rectificationZhCN, { en: () => import('../locales/rectification.en.js') });

const STATUS_KEYS: Record<RectificationStatus, keyof Messages> = {
  'not-started': 'rectStatusNotStarted',
  'in-progress': 'rectStatusInProgress',
  'stage-reached': 'rectStatusStageReached',
  'pending-verification': 'rectStatusPendingVerification',
  closed: 'rectStatusClosed',
};

const KIND_KEYS: Record<RectificationKind, keyof Messages> = {
  immediate: 'rectKindImmediate',
  deadline: 'rectKindDeadline',
  ongoing: 'rectKindOngoing',
};

/** The status as the language names it (zh-CN: 未启动 / 整改中 / 阶段性完成 / 待验收 / 已销号). Unknown values are returned as they are. */
export function statusLabel(status: RectificationStatus, lang: string): string {
  const key = typeof status === 'string' && Object.prototype.hasOwnProperty.call(STATUS_KEYS, status) ? STATUS_KEYS[status] : undefined;
  return key ? String(resolveLocale(lang)[key]) : asShown(status);
}

/** The kind as the language names it (zh-CN: 立行立改 / 限期整改 / 长期坚持). Unknown values are returned as they are. */
export function kindLabel(kind: RectificationKind, lang: string): string {
  const key = typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KIND_KEYS, kind) ? KIND_KEYS[kind] : undefined;
  return key ? String(resolveLocale(lang)[key]) : asShown(kind);
}


/** How people call each role: in the ledger element (`tracker`) and in a server check's reasons (`verify`). */
const ROLE_KEYS: Record<'tracker' | 'verify', Record<RectificationRole, keyof Messages>> = {
  tracker: { unit: 'trackerRoleUnit', office: 'trackerRoleOffice', viewer: 'trackerRoleViewer' },
  verify: { unit: 'verifyRoleUnit', office: 'verifyRoleOffice', viewer: 'verifyRoleViewer' },
};

/** The role as people call it (from the messages `t`, in the element's or the server check's words); unknown roles as they are. */
export function roleLabel(role: string | undefined, t: Messages, words: 'tracker' | 'verify' = 'tracker'): string {
  const keys = ROLE_KEYS[words];
  const key = typeof role === 'string' && Object.prototype.hasOwnProperty.call(keys, role) ? keys[role as RectificationRole] : undefined;
  return key ? String(t[key]) : role == null ? '' : String(role);
}

/** Built-in CSV columns. */
export type CsvColumnKey =
  | 'id' | 'problem' | 'focusArea' | 'category' | 'measures' | 'leader' | 'department' | 'person'
  | 'kind' | 'deadline' | 'extendedDeadline' | 'status' | 'progress' | 'evidence' | 'verifier' | 'closedAt';

/** Locale keys naming each field of an item (column headings, and fields in a server check's reasons). @internal */
export const CSV_COLUMN_KEYS: Record<CsvColumnKey, keyof Messages> = {
  id: 'rectColId',
  problem: 'rectColProblem',
  focusArea: 'rectColFocusArea',
  category: 'rectColCategory',
  measures: 'rectColMeasures',
  leader: 'rectColLeader',
  department: 'rectColDepartment',
  person: 'rectColPerson',
  kind: 'rectColKind',
  deadline: 'rectColDeadline',
  extendedDeadline: 'rectColExtendedDeadline',
  status: 'rectColStatus',
  progress: 'rectColProgress',
  evidence: 'rectColEvidence',
  verifier: 'rectColVerifier',
  closedAt: 'rectColClosedAt',
};

/** The default CSV columns (every built-in key), labelled in `lang` from the locale (`rectCol…` keys). */

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
 */
import { canonicalJson } from './draft.js';
import { extendLocale, resolveLocale, type Messages } from './i18n.js';
import rectificationZhCN from './locales/rectification.zh-CN.js';
import type {
  EvidenceRef,
  HistoryEntry,
  RectificationItem,
  RectificationKind,
  RectificationLedger,
  RectificationStatus,
} from './rectification-types.js';

export type {
  EvidenceRef,
  HistoryEntry,
  ProblemSource,
  RectificationItem,
  RectificationKind,
  RectificationLedger,
  RectificationStatus,
} from './rectification-types.js';

// The names of statuses, kinds and columns join the registry with this module (pages without a ledger do not carry them).
extendLocale(rectificationZhCN, { en: () => import('./locales/rectification.en.js') });

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

/** The statuses in workflow order: 未启动 → 整改中 → 待验收 → 已销号. */
export const STATUSES: readonly RectificationStatus[] = ['not-started', 'in-progress', 'pending-verification', 'closed'];

/** The kinds: 立行立改, 限期整改, 长期坚持. */
export const KINDS: readonly RectificationKind[] = ['immediate', 'deadline', 'ongoing'];

/**
 * Who is acting:
 * - `unit` — 被巡察单位 (the inspected unit, which rectifies);
 * - `office` — 巡察办 (the inspection office, which verifies and closes);
 * - `viewer` — read only.
 */
export type RectificationRole = 'unit' | 'office' | 'viewer';

/** Named steps of the workflow. */
export type TransitionAction = 'start' | 'submit' | 'close' | 'send-back';

interface WorkflowEdge {
  from: RectificationStatus;
  to: RectificationStatus;
  action: TransitionAction;
  roles: readonly RectificationRole[];
}

/**
 * The workflow. The unit starts work and submits it for verification; the
 * office either verifies it (销号, closed) or sends it back (verification
 * failed). Closed is final.
 */
const WORKFLOW: readonly WorkflowEdge[] = [
  { from: 'not-started', to: 'in-progress', action: 'start', roles: ['unit'] },
  { from: 'in-progress', to: 'pending-verification', action: 'submit', roles: ['unit'] },
  { from: 'pending-verification', to: 'closed', action: 'close', roles: ['office'] },
  { from: 'pending-verification', to: 'in-progress', action: 'send-back', roles: ['office'] },
];

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/**
 * Why an operation was refused:
 * - `not-allowed` — the workflow has no such step from the current status;
 * - `role` — the role may not make this step or edit this field;
 * - `needs-evidence` — closing needs at least one piece of evidence;
 * - `needs-verifier` — closing needs a verifier (验收人);
 * - `needs-comment` — sending back needs a comment saying why;
 * - `history` — a history entry was changed or removed;
 * - `invalid` — a value is malformed (bad date, progress out of 0–100, not a ledger…).
 */
export type RectificationErrorCode =
  | 'not-allowed'
  | 'role'
  | 'needs-evidence'
  | 'needs-verifier'
  | 'needs-comment'
  | 'history'
  | 'invalid';

/** An operation on the ledger was refused. `code` says why; `message` is for developers (English). */
export class RectificationError extends Error {
  /** Why the operation was refused. */
  readonly code: RectificationErrorCode;
  /** The field concerned, when there is one. */
  readonly field?: string;

  constructor(code: RectificationErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'RectificationError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

// ---------------------------------------------------------------------------
// Dates (local calendar days)
// ---------------------------------------------------------------------------

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The local calendar date of `d` as `YYYY-MM-DD`. */
export function localDateKey(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isDateKey(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_KEY.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * The local calendar date (`YYYY-MM-DD`) of a value: a `Date` or epoch ms in
 * local time; a `YYYY-MM-DD` string as written; another ISO string parsed as
 * an instant and converted to local time. `null` when it cannot be read.
 */
export function toDateKey(value: Date | string | number | null | undefined): string | null {
  if (value == null || value === '') return null;
  // Data may hold anything where a date belongs: only text, numbers and Dates are read.
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return null;
  if (typeof value === 'string') {
    if (DATE_KEY.test(value)) return isDateKey(value) ? value : null;
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : fourDigitKey(new Date(t));
  }
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : fourDigitKey(d);
}

/** The local date key of `d`, or null for a year a `YYYY-MM-DD` key cannot hold (after 9999, before 0). */
function fourDigitKey(d: Date): string | null {
  const key = localDateKey(d);
  return DATE_KEY.test(key) ? key : null;
}

/** Day number of a `YYYY-MM-DD` key (days since 1970-01-01), free of time zones and DST. */
function dayNumber(key: string): number {
  const m = DATE_KEY.exec(key)!;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

function dayOf(value: Date | string | number | null | undefined): number | null {
  const key = toDateKey(value);
  return key == null ? null : dayNumber(key);
}

/** A value inside a developer message (never throws, not even for `{"toString": ""}`). */
function said(v: unknown): string {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** A member that should be text, as text ('' when it is missing or of another type). */
const asText = (v: unknown): string => (typeof v === 'string' ? v : '');
/** An unknown value as shown: text and numbers as they are, anything else as ''. */
const asShown = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
/** A member that should be a list, as a list ([] when it is missing or of another type). */
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function isDateTime(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s));
}

// ---------------------------------------------------------------------------
// Workflow and permissions
// ---------------------------------------------------------------------------

/** A step the role may take from the item's current status. */
export interface Transition {
  from: RectificationStatus;
  to: RectificationStatus;
  action: TransitionAction;
  /** Inputs the caller must supply to {@link transition}: a comment (send back), a verifier (close, when the item has none). */
  requires: ('comment' | 'verifier')[];
  /** Set when the item itself prevents the step for now (closing an item without evidence). */
  blockedBy?: 'needs-evidence';
}

/**
 * The status changes `role` may make on `item` now.
 * - `unit`: 未启动 → 整改中 (start), 整改中 → 待验收 (submit for verification);
 * - `office`: 待验收 → 已销号 (verify and close), 待验收 → 整改中 (send back: verification failed);
 * - `viewer`: none.
 * A closing step is listed even when the item has no evidence yet, with `blockedBy: 'needs-evidence'`,
 * so an interface can show it disabled with the reason.
 */
export function allowedTransitions(item: RectificationItem, role: RectificationRole): Transition[] {
  return WORKFLOW.filter((e) => e.from === item.status && e.roles.includes(role)).map((e) => {
    const t: Transition = { from: e.from, to: e.to, action: e.action, requires: [] };
    if (e.action === 'send-back') t.requires.push('comment');
    if (e.action === 'close') {
      if (!asText(item.verifier).trim()) t.requires.push('verifier');
      if (!asList(item.evidence).length) t.blockedBy = 'needs-evidence';
    }
    return t;
  });
}

/** The fields a unit (被巡察单位) may edit. */
const UNIT_FIELDS: ReadonlySet<string> = new Set(['measures', 'progress', 'evidence', 'responsibility']);
/** Fields nobody edits directly: the identity, and what only {@link transition} changes. */
const LOCKED_FIELDS: ReadonlySet<string> = new Set(['id', 'status', 'history']);

/**
 * Whether `role` may edit `field` of an item (with {@link updateItem}).
 * - `unit` may edit `measures`, `progress`, `evidence` and `responsibility` — and, when `status` is
 *   given, only while the item is 未启动 or 整改中 (not while it waits for verification or once closed);
 * - `office` may edit every field (including unknown extra members, `deadline`, `kind`, `verifier`,
 *   `closedAt`) except `id`, `status` and `history`, in any status;
 * - `viewer` may edit nothing.
 * `status` and `history` change only through {@link transition}; `id` never changes.
 */
export function canEdit(role: RectificationRole, field: string, status?: RectificationStatus): boolean {
  if (LOCKED_FIELDS.has(field)) return false;
  switch (role) {
    case 'office':
      return true;
    case 'unit':
      if (status === 'pending-verification' || status === 'closed') return false;
      return UNIT_FIELDS.has(field);
    default:
      return false;
  }
}

/** What {@link transition} needs besides the target status. */
export interface TransitionOptions {
  /** Who does it (name or user id); recorded in the history. */
  by: string;
  role: RectificationRole;
  /** When, as an ISO date-time string (e.g. `new Date().toISOString()`). */
  at: string;
  /** Why; required when sending back. */
  comment?: string;
  /** Who verified (验收人); required to close unless the item already names one. */
  verifier?: string;
}

/**
 * Move `item` to status `to` and return a **new** item with one history entry appended
 * (`item` is not changed). Closing also sets `closedAt` (= `at`), `progress` 100 and `verifier`.
 * @throws {RectificationError} `not-allowed` (no such step from the current status),
 *   `role` (the role may not take it), `needs-evidence` / `needs-verifier` (closing),
 *   `needs-comment` (sending back), `invalid` (empty `by`, `at` not an ISO date-time).
 */
export function transition(item: RectificationItem, to: RectificationStatus, opts: TransitionOptions): RectificationItem {
  const edge = WORKFLOW.find((e) => e.from === item.status && e.to === to);
  if (!edge) throw new RectificationError('not-allowed', `No step from ${said(item.status)} to ${said(to)}`);
  if (!edge.roles.includes(opts.role)) throw new RectificationError('role', `Role ${said(opts.role)} may not ${edge.action} an item`);
  if (!opts.by?.trim()) throw new RectificationError('invalid', 'A transition needs "by"', 'by');
  if (!isDateTime(opts.at)) throw new RectificationError('invalid', `"at" is not an ISO date-time: ${said(opts.at)}`, 'at');
  const comment = opts.comment?.trim();
  // History is append-only: one that is not a list is not replaced (validation reports it).
  if (item.history != null && !Array.isArray(item.history)) throw new RectificationError('history', 'The history is not a list', 'history');
  let verifier: string | undefined;
  if (edge.action === 'close') {
    if (!asList(item.evidence).length) throw new RectificationError('needs-evidence', 'Closing needs at least one piece of evidence', 'evidence');
    verifier = opts.verifier?.trim() || asText(item.verifier).trim();
    if (!verifier) throw new RectificationError('needs-verifier', 'Closing needs a verifier', 'verifier');
  }
  if (edge.action === 'send-back' && !comment) {
    throw new RectificationError('needs-comment', 'Sending back needs a comment', 'comment');
  }
  const entry: HistoryEntry = { at: opts.at, by: opts.by.trim(), role: opts.role, from: item.status, to };
  if (comment) entry.comment = comment;
  const next: RectificationItem = { ...item, status: to, history: [...(item.history ?? []), entry] };
  if (edge.action === 'close') {
    next.closedAt = opts.at;
    next.progress = 100;
    next.verifier = verifier;
  }
  return next;
}

/** What {@link createItem} records. */
export interface CreateItemOptions {
  /** Id of the new item; see {@link newItemId}. */
  id: string;
  by: string;
  role?: RectificationRole;
  /** ISO date-time of creation. */
  at: string;
}

/**
 * A new item in status 未启动 whose history is the creating entry (`from: null`).
 * Fields not given default to: no measures, no evidence, empty responsibility, progress 0, and kind
 * `deadline` (限期整改) when a deadline is given, else `immediate` (立行立改).
 * @throws {RectificationError} code `invalid` (no id or `by`, bad `at`, malformed field values).
 */
export function createItem(
  fields: Partial<Omit<RectificationItem, 'id' | 'status' | 'history'>> & { problem: RectificationItem['problem'] },
  opts: CreateItemOptions,
): RectificationItem {
  if (!opts.id?.trim()) throw new RectificationError('invalid', 'A new item needs an id', 'id');
  if (!opts.by?.trim()) throw new RectificationError('invalid', 'A new item needs "by"', 'by');
  if (!isDateTime(opts.at)) throw new RectificationError('invalid', `"at" is not an ISO date-time: ${said(opts.at)}`, 'at');
  const entry: HistoryEntry = { at: opts.at, by: opts.by.trim(), from: null, to: 'not-started' };
  if (opts.role) entry.role = opts.role;
  const item: RectificationItem = {
    measures: [],
    responsibility: {},
    kind: fields.deadline ? 'deadline' : 'immediate',
    progress: 0,
    evidence: [],
    ...fields,
    id: opts.id,
    status: 'not-started',
    history: [entry],
  };
  validateFields(item, Object.keys(item));
  return item;
}

function invalid(field: string, message: string): never {
  throw new RectificationError('invalid', message, field);
}

/** Check the values of `fields` of `item`; throws `invalid`. */
function validateFields(item: RectificationItem, fields: readonly string[]): void {
  for (const f of fields) {
    const v = item[f];
    switch (f) {
      case 'problem':
        if (!v || typeof v !== 'object' || typeof (v as { text?: unknown }).text !== 'string') invalid(f, 'problem needs a text');
        break;
      case 'measures':
        if (!Array.isArray(v) || v.some((m) => !m || typeof m.id !== 'string' || typeof m.text !== 'string')) invalid(f, 'measures must be a list of {id, text}');
        break;
      case 'evidence':
        if (!Array.isArray(v) || v.some((e: EvidenceRef) => !e || typeof e.title !== 'string' || !e.title.trim())) invalid(f, 'evidence must be a list of {title}');
        break;
      case 'responsibility':
        if (!v || typeof v !== 'object' || Array.isArray(v)) invalid(f, 'responsibility must be an object');
        break;
      case 'kind':
        if (!KINDS.includes(v as RectificationKind)) invalid(f, `unknown kind ${said(v)}`);
        break;
      case 'progress':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) invalid(f, 'progress must be an integer from 0 to 100');
        break;
      case 'deadline':
      case 'startedOn':
        if (v !== undefined && !isDateKey(v)) invalid(f, `${f} must be a date YYYY-MM-DD`);
        break;
      case 'closedAt':
        if (v !== undefined && !isDateKey(v) && !isDateTime(v)) invalid(f, 'closedAt must be an ISO date or date-time');
        break;
      case 'verifier':
        if (v !== undefined && typeof v !== 'string') invalid(f, 'verifier must be text');
        break;
      default:
        break;
    }
  }
  if ((fields.includes('kind') || fields.includes('deadline')) && item.kind === 'deadline' && !item.deadline) {
    invalid('deadline', 'an item of kind deadline needs a deadline');
  }
}

/**
 * Apply the field edits of `patch` that `role` may make (see {@link canEdit}) and return a **new** item.
 * Members of `patch` set to `undefined` remove optional members. `status` and `history` are never
 * touched (they change only through {@link transition}).
 * @throws {RectificationError} `role` when the patch names a field the role may not edit in the
 *   item's current status (nothing is applied); `invalid` when a value is malformed.
 */
export function updateItem(item: RectificationItem, patch: Partial<RectificationItem>, role: RectificationRole): RectificationItem {
  const fields = Object.keys(patch);
  for (const f of fields) {
    if (!canEdit(role, f, item.status)) {
      throw new RectificationError('role', `Role ${said(role)} may not edit "${f}" of an item that is ${said(item.status)}`, f);
    }
  }
  const next: RectificationItem = { ...item };
  for (const f of fields) {
    const v = patch[f];
    if (v === undefined) delete next[f];
    else next[f] = v;
  }
  validateFields(next, fields);
  return next;
}

/**
 * Throw unless `after`'s history begins with every entry of `before`'s history, unchanged and in order
 * (history is append-only).
 * @throws {RectificationError} code `history`.
 */
export function assertHistoryPreserved(before: RectificationItem, after: RectificationItem): void {
  const a = before.history ?? [];
  const b = after.history ?? [];
  if (b.length < a.length) {
    throw new RectificationError('history', `History of item ${said(before.id)} lost ${a.length - b.length} entr${a.length - b.length === 1 ? 'y' : 'ies'}`, 'history');
  }
  for (let i = 0; i < a.length; i++) {
    if (canonicalJson(a[i]) !== canonicalJson(b[i])) {
      throw new RectificationError('history', `History entry ${i} of item ${said(before.id)} was changed`, 'history');
    }
  }
}

/**
 * {@link assertHistoryPreserved} for every item of `before` that is in `after` (matched by id).
 * An item missing from `after` throws too (its history would be lost) unless `allowRemoval`.
 * @throws {RectificationError} code `history`.
 */
export function assertLedgerHistoryPreserved(
  before: readonly RectificationItem[],
  after: readonly RectificationItem[],
  { allowRemoval = false }: { allowRemoval?: boolean } = {},
): void {
  const byId = new Map(after.map((i) => [i.id, i]));
  for (const old of before) {
    const now = byId.get(old.id);
    if (!now) {
      if (!allowRemoval) throw new RectificationError('history', `Item ${said(old.id)} was removed with its history`, 'history');
      continue;
    }
    assertHistoryPreserved(old, now);
  }
}

// ---------------------------------------------------------------------------
// Deadlines and traffic lights
// ---------------------------------------------------------------------------

/** green: on track; yellow: most of the time used; red: overdue; none: no deadline applies. */
export type TrafficLight = 'green' | 'yellow' | 'red' | 'none';

/** When the light turns yellow: the fraction of the time (start → deadline) used, 0–1. */
export interface TrafficThresholds {
  yellow: number;
}

/** The local date the clock starts: `startedOn`, else the date of the first history entry; `null` when neither. */
export function startDate(item: RectificationItem): string | null {
  return toDateKey(item.startedOn) ?? toDateKey(item.history?.[0]?.at);
}

function deadlineDay(item: RectificationItem): number | null {
  if (item.status === 'closed' || item.kind === 'ongoing' || !item.deadline) return null;
  return dayOf(item.deadline);
}

/**
 * The traffic light of an item on `today`, comparing local calendar days (see the module notes):
 * - `none` — closed, 长期坚持 (ongoing), no (valid) deadline, or `today` unreadable;
 * - `red` — `today` is after the deadline day (the deadline day itself is not overdue);
 * - `yellow` — time used ≥ `thresholds.yellow`, where time used = (today − start) / (deadline − start)
 *   in whole days and start is {@link startDate}; when start is on or after the deadline the whole
 *   time counts as used on the deadline day (and none before it);
 * - `green` — otherwise, and whenever the start is unknown and the item is not overdue.
 * Half the time used exactly, with the default threshold 0.5, is yellow.
 */
export function trafficLight(
  item: RectificationItem,
  today: Date | string | number,
  thresholds: TrafficThresholds = { yellow: 0.5 },
): TrafficLight {
  const d = deadlineDay(item);
  const t = dayOf(today);
  if (d == null || t == null) return 'none';
  if (t > d) return 'red';
  const startKey = startDate(item);
  if (startKey == null) return 'green';
  const s = dayNumber(startKey);
  const total = d - s;
  const used = total <= 0 ? (t >= d ? 1 : 0) : (t - s) / total;
  return used >= thresholds.yellow ? 'yellow' : 'green';
}

/** Whether the item is overdue on `today`: not closed, not ongoing, and `today` is after its deadline day (local dates). */
export function isOverdue(item: RectificationItem, today: Date | string | number): boolean {
  const d = deadlineDay(item);
  const t = dayOf(today);
  return d != null && t != null && t > d;
}

/**
 * Whole local days from `today` to the deadline: 0 on the deadline day, −1 the day after (overdue).
 * `null` when no deadline applies (closed, ongoing, no deadline) or a date cannot be read.
 */
export function daysLeft(item: RectificationItem, today: Date | string | number): number | null {
  const d = deadlineDay(item);
  const t = dayOf(today);
  return d == null || t == null ? null : d - t;
}

// ---------------------------------------------------------------------------
// Views: sort, filter, group, summary
// ---------------------------------------------------------------------------

/** Columns items can be sorted by. */
export type SortKey = 'id' | 'problem' | 'department' | 'kind' | 'deadline' | 'status' | 'progress' | 'leader' | 'person';
export type SortDirection = 'asc' | 'desc';

let collator: Intl.Collator | undefined;
/** The Chinese-aware collator (pinyin order, numbers in numeric order) used for text columns. */
export function zhCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' }));
}

function sortValue(item: RectificationItem, key: SortKey): string | number | null {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  switch (key) {
    case 'id':
      return text(item.id);
    case 'problem':
      return text(item.problem?.text);
    case 'department':
    case 'leader':
    case 'person':
      return text(item.responsibility?.[key]);
    case 'kind': {
      const i = KINDS.indexOf(item.kind);
      return i < 0 ? null : i;
    }
    case 'status': {
      const i = STATUSES.indexOf(item.status);
      return i < 0 ? null : i;
    }
    case 'deadline':
      return isDateKey(item.deadline) ? item.deadline : null;
    case 'progress':
      return typeof item.progress === 'number' && Number.isFinite(item.progress) ? item.progress : null;
    default:
      return null;
  }
}

/**
 * A sorted copy of `items` (stable: equal values keep their order). Text columns (id, problem,
 * department, leader, person) use the zh-CN collator (pinyin order, numeric ids: ZG-2 before ZG-10);
 * `status` and `kind` sort in workflow order; `deadline` by date; `progress` numerically.
 * Empty values come last in both directions.
 */
export function sortItems(items: readonly RectificationItem[], key: SortKey, dir: SortDirection = 'asc'): RectificationItem[] {
  const coll = zhCollator();
  const sign = dir === 'desc' ? -1 : 1;
  const rows = items.map((item, index) => ({ item, index, v: sortValue(item, key) }));
  rows.sort((a, b) => {
    if (a.v == null || b.v == null) {
      if (a.v == null && b.v == null) return a.index - b.index;
      return a.v == null ? 1 : -1;
    }
    let c: number;
    if (typeof a.v === 'number' && typeof b.v === 'number') c = a.v - b.v;
    else if (key === 'deadline') c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    else c = coll.compare(String(a.v), String(b.v));
    return c !== 0 ? c * sign : a.index - b.index;
  });
  return rows.map((r) => r.item);
}

/** What {@link filterItems} keeps. Every given criterion must hold. */
export interface ItemFilter {
  /** One status or any of several. */
  status?: RectificationStatus | readonly RectificationStatus[];
  /** Responsible department (exact match); one or any of several. */
  department?: string | readonly string[];
  /** One kind or any of several. */
  kind?: RectificationKind | readonly RectificationKind[];
  /** true: only overdue items; false: only items not overdue. */
  overdue?: boolean;
  /**
   * Words to find (case- and width-insensitive); every word must occur in the id, problem, focus
   * area, category, measures, responsibility, evidence titles or verifier.
   */
  text?: string;
}

function oneOf<T>(value: T, wanted: T | readonly T[] | undefined): boolean {
  if (wanted === undefined) return true;
  return Array.isArray(wanted) ? (wanted as readonly T[]).includes(value) : value === wanted;
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

function searchText(item: RectificationItem): string {
  const parts: unknown[] = [
    item.id,
    item.problem?.text,
    item.problem?.focusArea,
    item.problem?.category,
    item.problem?.source?.note,
    item.responsibility?.leader,
    item.responsibility?.department,
    item.responsibility?.person,
    item.verifier,
    ...asList(item.measures).map((m) => (m as { text?: unknown } | null)?.text),
    ...asList(item.evidence).map((e) => `${asText((e as EvidenceRef | null)?.title)} ${asText((e as EvidenceRef | null)?.ref)}`),
  ];
  return fold(parts.filter((p) => typeof p === 'string').join('\n'));
}

/** The items matching `filter`, in their order. `today` is used only by the `overdue` criterion (default: now). */
export function filterItems(
  items: readonly RectificationItem[],
  filter: ItemFilter,
  today: Date | string | number = new Date(),
): RectificationItem[] {
  const words = filter.text ? fold(filter.text).split(/\s+/).filter(Boolean) : [];
  return items.filter((item) => {
    if (!oneOf(item.status, filter.status)) return false;
    if (!oneOf(item.kind, filter.kind)) return false;
    if (filter.department !== undefined && !oneOf(asText(item.responsibility?.department).trim(), filter.department)) return false;
    if (filter.overdue !== undefined && isOverdue(item, today) !== filter.overdue) return false;
    if (words.length) {
      const hay = searchText(item);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Items of one focus area. `focusArea` is `''` for items without one. */
export interface FocusAreaGroup {
  focusArea: string;
  items: RectificationItem[];
}

/** Group items by `problem.focusArea`, groups in order of first appearance, items without a focus area last. */
export function groupByFocusArea(items: readonly RectificationItem[]): FocusAreaGroup[] {
  const groups = new Map<string, RectificationItem[]>();
  for (const item of items) {
    const key = asText(item.problem?.focusArea).trim();
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(item);
  }
  const out = [...groups].filter(([k]) => k !== '').map(([focusArea, list]) => ({ focusArea, items: list }));
  const none = groups.get('');
  if (none) out.push({ focusArea: '', items: none });
  return out;
}

/** Figures for a ledger dashboard. */
export interface LedgerSummary {
  total: number;
  byStatus: Record<RectificationStatus, number>;
  byKind: Record<RectificationKind, number>;
  byLight: Record<TrafficLight, number>;
  /** Number of closed (销号) items. */
  closed: number;
  /** closed / total, 0–1 (0 for an empty ledger). */
  completionRate: number;
  /** Number of overdue items. */
  overdue: number;
  /** Overdue items per responsible department (`''` when none is named), most first, then by name. */
  overdueByDepartment: { department: string; count: number }[];
  /**
   * Closings per local date, ascending, with the running total: from each closed item's last
   * history entry to `closed` (or its `closedAt` when the history has none).
   */
  completionOverTime: { date: string; closed: number; cumulative: number }[];
}

/** Counts, completion rate, overdue items by department and completion over time of `items` on `today`. */
export function ledgerSummary(items: readonly RectificationItem[], today: Date | string | number = new Date()): LedgerSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<RectificationStatus, number>;
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<RectificationKind, number>;
  const byLight: Record<TrafficLight, number> = { green: 0, yellow: 0, red: 0, none: 0 };
  const overdueDept = new Map<string, number>();
  const closings = new Map<string, number>();
  let overdue = 0;
  for (const item of items) {
    // `in` would convert a non-string member (an object without toString) and throw.
    if (typeof item.status === 'string' && STATUSES.includes(item.status)) byStatus[item.status]++;
    if (typeof item.kind === 'string' && KINDS.includes(item.kind)) byKind[item.kind]++;
    byLight[trafficLight(item, today)]++;
    if (isOverdue(item, today)) {
      overdue++;
      const dept = asText(item.responsibility?.department).trim();
      overdueDept.set(dept, (overdueDept.get(dept) ?? 0) + 1);
    }
    if (item.status === 'closed') {
      const last = [...asList(item.history)].reverse().find((h) => (h as HistoryEntry | null)?.to === 'closed') as HistoryEntry | undefined;
      const date = toDateKey(last?.at) ?? toDateKey(item.closedAt);
      if (date) closings.set(date, (closings.get(date) ?? 0) + 1);
    }
  }
  const coll = zhCollator();
  const overdueByDepartment = [...overdueDept]
    .map(([department, count]) => ({ department, count }))
    .sort((a, b) => b.count - a.count || coll.compare(a.department, b.department));
  let cumulative = 0;
  const completionOverTime = [...closings.keys()].sort().map((date) => {
    const closed = closings.get(date)!;
    cumulative += closed;
    return { date, closed, cumulative };
  });
  const total = items.length;
  return {
    total,
    byStatus,
    byKind,
    byLight,
    closed: byStatus.closed,
    completionRate: total ? byStatus.closed / total : 0,
    overdue,
    overdueByDepartment,
    completionOverTime,
  };
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

const STATUS_KEYS: Record<RectificationStatus, keyof Messages> = {
  'not-started': 'rectStatusNotStarted',
  'in-progress': 'rectStatusInProgress',
  'pending-verification': 'rectStatusPendingVerification',
  closed: 'rectStatusClosed',
};

const KIND_KEYS: Record<RectificationKind, keyof Messages> = {
  immediate: 'rectKindImmediate',
  deadline: 'rectKindDeadline',
  ongoing: 'rectKindOngoing',
};

/** The status as the language names it (zh-CN: 未启动 / 整改中 / 待验收 / 已销号). Unknown values are returned as they are. */
export function statusLabel(status: RectificationStatus, lang: string): string {
  const key = typeof status === 'string' && Object.prototype.hasOwnProperty.call(STATUS_KEYS, status) ? STATUS_KEYS[status] : undefined;
  return key ? String(resolveLocale(lang)[key]) : asShown(status);
}

/** The kind as the language names it (zh-CN: 立行立改 / 限期整改 / 长期坚持). Unknown values are returned as they are. */
export function kindLabel(kind: RectificationKind, lang: string): string {
  const key = typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KIND_KEYS, kind) ? KIND_KEYS[kind] : undefined;
  return key ? String(resolveLocale(lang)[key]) : asShown(kind);
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/** Built-in CSV columns. */
export type CsvColumnKey =
  | 'id' | 'problem' | 'focusArea' | 'category' | 'measures' | 'leader' | 'department' | 'person'
  | 'kind' | 'deadline' | 'status' | 'progress' | 'evidence' | 'verifier' | 'closedAt';

/**
 * A CSV column: `label` heads it; the cell is `value(item, lang)` when given, else the built-in
 * value of `key` (a {@link CsvColumnKey}), else the item's own member `key` when it is a string,
 * number or boolean.
 */
export interface CsvColumn {
  key: CsvColumnKey | (string & {});
  label: string;
  value?: (item: RectificationItem, lang: string) => string;
}

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
  status: 'rectColStatus',
  progress: 'rectColProgress',
  evidence: 'rectColEvidence',
  verifier: 'rectColVerifier',
  closedAt: 'rectColClosedAt',
};

/** The default CSV columns (every built-in key), labelled in `lang` from the locale (`rectCol…` keys). */
export function defaultCsvColumns(lang: string): CsvColumn[] {
  const m = resolveLocale(lang);
  return (Object.keys(CSV_COLUMN_KEYS) as CsvColumnKey[]).map((key) => ({ key, label: String(m[CSV_COLUMN_KEYS[key]]) }));
}

function builtinCell(item: RectificationItem, key: string, lang: string): string {
  const str = (v: unknown) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  switch (key) {
    case 'id':
      return str(item.id);
    case 'problem':
      return str(item.problem?.text);
    case 'focusArea':
      return str(item.problem?.focusArea);
    case 'category':
      return str(item.problem?.category);
    case 'measures':
      return asList(item.measures).map((m, i) => `${i + 1}. ${str((m as { text?: unknown } | null)?.text)}`).join('\n');
    case 'leader':
    case 'department':
    case 'person':
      return str(item.responsibility?.[key]);
    case 'kind':
      return item.kind ? kindLabel(item.kind, lang) : '';
    case 'deadline':
      return str(item.deadline);
    case 'status':
      return item.status ? statusLabel(item.status, lang) : '';
    case 'progress':
      return str(item.progress);
    case 'evidence':
      return (asList(item.evidence) as (EvidenceRef | null)[])
        .map((e) => (e?.ref ? `${str(e.title)}${resolveLocale(lang).bracket(str(e.ref))}` : str(e?.title)))
        .join('\n');
    case 'verifier':
      return str(item.verifier);
    case 'closedAt':
      return toDateKey(item.closedAt) ?? str(item.closedAt);
    default: {
      const v = item[key];
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
    }
  }
}

const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * Neutralise spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, TAB or CR
 * gets a leading `'` (and so does one that already starts with `'`s followed by such a character,
 * which keeps the guard reversible: see {@link parseCsv}).
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One CSV field: formula-neutralised, then quoted (with `"` doubled) when it contains `,` `"` CR or LF. */
export function csvField(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The items as CSV for spreadsheets: a UTF-8 byte order mark (so Excel reads Chinese), a header row
 * of the column labels, one row per item, CRLF after every row. Multi-line cells (measures,
 * evidence) keep their line breaks inside quotes. Statuses and kinds are written in `lang`.
 */
export function toCsv(items: readonly RectificationItem[], lang: string, columns: readonly CsvColumn[] = defaultCsvColumns(lang)): string {
  const rows = [columns.map((c) => c.label), ...items.map((item) => columns.map((c) => (c.value ? c.value(item, lang) : builtinCell(item, c.key, lang))))];
  return '\uFEFF' + rows.map((r) => r.map((cell) => csvField(String(cell ?? ''))).join(',') + '\r\n').join('');
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Keep the `'` that {@link toCsv} put before formula-like cells (default: remove it). */
  keepFormulaGuard?: boolean;
}

/**
 * Parse CSV text into rows of cells: skips a leading BOM; accepts CRLF, LF or CR line ends; quoted
 * cells may hold commas, doubled quotes and line breaks. A final line end does not make an empty
 * row. Unless `keepFormulaGuard`, the `'` that {@link toCsv} adds before formula-like cells is
 * removed, so `parseCsv(toCsv(…))` gives back the exact cell texts.
 */
export function parseCsv(text: string, { keepFormulaGuard = false }: ParseCsvOptions = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false; // the current field began with a quote
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endField = () => {
    row.push(keepFormulaGuard || !GUARDED_FORMULA.test(field) ? field : field.slice(1));
    field = '';
    quoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || quoted || row.length > 0) endRow();
  return rows;
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

/** The ledger as JSON text (2-space indent, final newline). Unknown members are written as they are. */
export function toJson(ledger: RectificationLedger): string {
  return JSON.stringify(ledger, null, 2) + '\n';
}

/**
 * Read a ledger from JSON text, keeping every unknown member of the ledger and its items.
 * Checks only the shape needed to work with it (an object with `version: 1` and an `items` list of
 * objects with string ids, no id twice); validate against
 * `schemas/rectification-ledger.schema.json` for the full check.
 * @throws {RectificationError} code `invalid`.
 */
export function parseLedger(text: string): RectificationLedger {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new RectificationError('invalid', `Not JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new RectificationError('invalid', 'A ledger must be a JSON object');
  const ledger = data as Record<string, unknown>;
  if (ledger.version !== 1) throw new RectificationError('invalid', `Unsupported ledger version ${JSON.stringify(ledger.version)}`, 'version');
  if (!Array.isArray(ledger.items)) throw new RectificationError('invalid', 'A ledger needs an items list', 'items');
  const seen = new Set<string>();
  ledger.items.forEach((item: unknown, i: number) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new RectificationError('invalid', `Item ${i} is not an object`, 'items');
    const id = (item as { id?: unknown }).id;
    if (typeof id !== 'string' || !id) throw new RectificationError('invalid', `Item ${i} has no id`, 'items');
    if (seen.has(id)) throw new RectificationError('invalid', `Item id ${id} is used twice`, 'items');
    seen.add(id);
  });
  return ledger as RectificationLedger;
}

// ---------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------

/**
 * A new item id not in `existingIds`: `prefix` followed by one more than the highest number used
 * after that prefix, at least 3 digits (`ZG-001`, `ZG-002`, … `ZG-1000`).
 */
export function newItemId(existingIds: Iterable<string>, prefix = 'ZG-'): string {
  const ids = new Set(existingIds);
  let max = 0;
  for (const id of ids) {
    if (typeof id !== 'string' || !id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  let n = max + 1;
  while (ids.has(`${prefix}${pad(n, 3)}`)) n++;
  return `${prefix}${pad(n, 3)}`;
}

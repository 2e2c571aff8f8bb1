/**
 * The ledger's status workflow: statuses and kinds, roles, who may take which step and edit which
 * field, creating and updating items (append-only history), ids, merging and the ledger-wide
 * rules a stored ledger must keep. Refusals throw {@link RectificationError}.
 */
import { canonicalJson } from '../draft.js';
import type { EvidenceRef, HistoryEntry, RectificationItem, RectificationKind, RectificationLedger, RectificationStatus } from '../rectification-types.js';
import { isDateKey, isDateTime } from './dates.js';
import { asList, asText, said } from './values.js';

/** The statuses in workflow order: 未启动 → 整改中 → 阶段性完成 (长期坚持 only) → 待验收 → 已销号. */
export const STATUSES: readonly RectificationStatus[] = ['not-started', 'in-progress', 'stage-reached', 'pending-verification', 'closed'];

/** The kinds: 立行立改, 限期整改, 长期坚持. */
export const KINDS: readonly RectificationKind[] = ['immediate', 'deadline', 'ongoing'];

/**
 * Who is acting:
 * - `unit` — 被巡察单位 (the inspected unit, which rectifies);
 * - `office` — 巡察办 (the inspection office, which verifies and closes);
 * - `viewer` — read only.
 */
export type RectificationRole = 'unit' | 'office' | 'viewer';

/** The roles of the ledger workflow. */
export const ROLES: readonly RectificationRole[] = ['unit', 'office', 'viewer'];

/** A role name from the host (context or attribute) as a workflow role; anything unknown or empty is `viewer`. */
export function toRole(value: unknown): RectificationRole {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (ROLES as readonly string[]).includes(v) ? (v as RectificationRole) : 'viewer';
}

/** Named steps of the workflow. */
export type TransitionAction = 'start' | 'submit' | 'close' | 'send-back' | 'reach-stage';

interface WorkflowEdge {
  from: RectificationStatus;
  to: RectificationStatus;
  action: TransitionAction;
  roles: readonly RectificationRole[];
  /** Only for items of this kind. */
  kind?: RectificationKind;
}

/**
 * The workflow. The unit starts work and submits it for verification; the
 * office either verifies it (销号, closed) or sends it back (verification
 * failed). Closed is final. A 长期坚持 (ongoing) item may be marked 阶段性完成 by the unit (a stage
 * reached, work goes on), sent back from there by the office, or submitted for verification.
 */
const WORKFLOW: readonly WorkflowEdge[] = [
  { from: 'not-started', to: 'in-progress', action: 'start', roles: ['unit'] },
  { from: 'in-progress', to: 'pending-verification', action: 'submit', roles: ['unit'] },
  { from: 'pending-verification', to: 'closed', action: 'close', roles: ['office'] },
  { from: 'pending-verification', to: 'in-progress', action: 'send-back', roles: ['office'] },
  { from: 'in-progress', to: 'stage-reached', action: 'reach-stage', roles: ['unit'], kind: 'ongoing' },
  { from: 'stage-reached', to: 'pending-verification', action: 'submit', roles: ['unit'] },
  { from: 'stage-reached', to: 'in-progress', action: 'send-back', roles: ['office'] },
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
 * - `invalid` — a value is malformed (bad date, progress out of 0–100, not a ledger…);
 * - `not-ongoing` — 阶段性完成 is for 长期坚持 (ongoing) items only;
 * - `needs-reason` — a request for 延期 without a reason;
 * - `extension` — a 延期 step that does not apply (a request already waiting, none to decide, a
 *   deadline not later than the current one, an item closed or without a deadline);
 * - `needs-acceptance` — 销号 before every required 验收 party has passed;
 * - `party` — an unknown 验收 party, one this user may not sign for, or signing out of 待验收;
 * - `signer` — a 验收 signature in the name of someone other than the user recording it;
 * - `sign-date` — a 验收 signature dated before the item went to 待验收, or after today;
 * - `change-log` — the change log does not record the edits (or was rewritten).
 */
export type RectificationErrorCode =
  | 'not-allowed'
  | 'role'
  | 'needs-evidence'
  | 'needs-verifier'
  | 'needs-comment'
  | 'history'
  | 'invalid'
  | 'not-ongoing'
  | 'needs-reason'
  | 'extension'
  | 'needs-acceptance'
  | 'party'
  | 'signer'
  | 'sign-date'
  | 'change-log';

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


/** A step the role may take from the item's current status. */
export interface Transition {
  from: RectificationStatus;
  to: RectificationStatus;
  action: TransitionAction;
  /** Inputs the caller must supply to {@link transition}: a comment (send back), a verifier (close, when the item has none). */
  requires: ('comment' | 'verifier')[];
  /** Set when the item itself prevents the step for now (closing an item without evidence, or before every required 验收 party passed: see `acceptedTransitions`). */
  blockedBy?: 'needs-evidence' | 'needs-acceptance';
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
  return WORKFLOW.filter((e) => e.from === item.status && e.roles.includes(role) && (!e.kind || e.kind === item.kind)).map((e) => {
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
/** Fields nobody edits directly: the identity, what only {@link transition} changes, and the logs kept by their own steps. */
const LOCKED_FIELDS: ReadonlySet<string> = new Set(['id', 'status', 'history', 'changes', 'extensions', 'acceptance']);

/**
 * Whether `role` may edit `field` of an item (with {@link updateItem}).
 * - `unit` may edit `measures`, `progress`, `evidence` and `responsibility` — and, when `status` is
 *   given, only while the item is 未启动 or 整改中 (not while it waits for verification or once closed);
 * - `office` may edit every field (including unknown extra members, `deadline`, `kind`, `verifier`,
 *   `closedAt`) except `id`, `status`, `history` and the logs (`changes`, `extensions`, `acceptance`), in any status;
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
  if (edge.kind && item.kind !== edge.kind) throw new RectificationError('not-ongoing', 'Only an ongoing item reaches a stage', 'kind');
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

function invalid(field: string, message: string): never {
  throw new RectificationError('invalid', message, field);
}

/** Check the values of `fields` of `item`; throws `invalid`. @internal (the additions' `createItem` uses it too) */
export function validateFields(item: RectificationItem, fields: readonly string[]): void {
  for (const f of fields) {
    const v = item[f];
    switch (f) {
      case 'problem':
        if (!v || typeof v !== 'object' || typeof (v as { text?: unknown }).text !== 'string') invalid(f, 'problem needs a text');
        break;
      case 'measures':
        if (
          !Array.isArray(v) ||
          v.some(
            (m) =>
              !m ||
              typeof m.id !== 'string' ||
              typeof m.text !== 'string' ||
              (m.person !== undefined && typeof m.person !== 'string') ||
              (m.done !== undefined && typeof m.done !== 'boolean') ||
              [m.deadline, m.doneOn].some((d) => d !== undefined && !isDateKey(d)),
          )
        )
          invalid(f, 'measures must be a list of {id, text, person?, deadline?, done?, doneOn?}');
        break;
      case 'evidence':
        if (!Array.isArray(v) || v.some((e: EvidenceRef) => !e || typeof e.title !== 'string' || !e.title.trim())) invalid(f, 'evidence must be a list of {title}');
        break;
      case 'responsibility':
        if (!v || typeof v !== 'object' || Array.isArray(v)) invalid(f, 'responsibility must be an object');
        break;
      case 'kind':
        if (!KINDS.includes(v as RectificationKind)) invalid(f, `unknown kind ${said(v)}`);
        if (item.status === 'stage-reached' && v !== 'ongoing') invalid(f, 'an item at a stage stays ongoing');
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


/**
 * A rule of the workflow that a stored ledger breaks (the schema cannot say these):
 * - `closed-no-evidence` — a closed item without evidence;
 * - `closed-no-verifier` — a closed item without a verifier;
 * - `status-history` — the status is not where the last history entry leads;
 * - `history-order` — a history entry does not start where the previous one ended.
 */
export type LedgerRuleCode = 'closed-no-evidence' | 'closed-no-verifier' | 'status-history' | 'history-order';

/** One broken rule: the item (index and id), the field concerned and the rule. */
export interface LedgerRuleError {
  index: number;
  id: string;
  field: 'evidence' | 'verifier' | 'status' | 'history';
  code: LedgerRuleCode;
}

/** The workflow rules that the items of `ledger` break, in item order. */
export function ledgerRuleErrors(ledger: RectificationLedger): LedgerRuleError[] {
  const out: LedgerRuleError[] = [];
  (ledger.items ?? []).forEach((item, index) => {
    if (!item || typeof item !== 'object') return;
    const id = String(item.id ?? '');
    if (item.status === 'closed') {
      if (!(Array.isArray(item.evidence) && item.evidence.length > 0)) out.push({ index, id, field: 'evidence', code: 'closed-no-evidence' });
      if (!(typeof item.verifier === 'string' && item.verifier.trim())) out.push({ index, id, field: 'verifier', code: 'closed-no-verifier' });
    }
    const history = Array.isArray(item.history) ? item.history : [];
    if (!history.length) return;
    for (let i = 1; i < history.length; i++) {
      const prev = history[i - 1];
      const cur = history[i];
      if (prev && cur && STATUSES.includes(prev.to) && cur.from !== prev.to) {
        out.push({ index, id, field: 'history', code: 'history-order' });
        break;
      }
    }
    const last = history[history.length - 1];
    if (last && STATUSES.includes(last.to) && STATUSES.includes(item.status) && last.to !== item.status) {
      out.push({ index, id, field: 'status', code: 'status-history' });
    }
  });
  return out;
}

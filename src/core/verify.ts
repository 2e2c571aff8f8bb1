/**
 * The server half of what the elements enforce in the browser: checks a portal's back end runs
 * on every write, with the same rules, so that a request made by hand (or by a changed page)
 * cannot do what the interface would not let the user do.
 *
 * - {@link verifyLedgerChange}: a ledger before and after a save, for a user in a role;
 * - {@link verifyChecklistResponse}: a checklist response against its template;
 * - {@link verifySignedRecord}: a signed record still matches its fingerprint.
 *
 * Each returns `{ok: true}` or `{ok: false, reasons}`, every reason with a code, a message in the
 * requested language (zh-CN by default; `en` is registered by `xc-elements/core`) and, where it
 * applies, the item and field concerned. Pure functions: no DOM, no clock (today is an argument).
 * @module
 */
import { hasOwn as has, isObj as isObject, sameJson as same } from './obj.js';
import { dayNumber as dayNo } from './rectification/dates.js';
import { extendLocale, resolveLocale, type Messages } from './i18n.js';
import verifyZhCN from './locales/verify.zh-CN.js';
import {
  canEdit,
  CSV_COLUMN_KEYS,
  createItem,
  RectificationError,
  statusLabel,
  toDateKey,
  transition,
  updateItem,
  type RectificationRole,
} from './rectification.js';
import { ledgerRuleErrors, readLedgerObject, type LedgerRuleCode } from './rectification.js';
import { changeLogProblem, UNLOGGED_FIELDS } from './rectification/changes.js';
import { decideExtension, requestExtension } from './rectification/extension.js';
import { acceptanceParties, acceptanceState, signAcceptance } from './rectification/acceptance.js';
import { hasMeasureDetails, measureProgress } from './rectification/measures.js';
import { roleLabel } from './rectification/labels.js';
import type { ValidationResult } from './validation-types.js';
import type {
  AcceptanceParty,
  AcceptanceSignature,
  ExtensionRequest,
  FieldChange,
  HistoryEntry,
  RectificationItem,
  RectificationLedger,
  RectificationStatus,
} from './rectification-types.js';
import {
  checkPointRef,
  indexTemplate,
  normalizeResponse,
  pathPoint,
  unreadableResponseParts,
  validateChecklist,
  type ChecklistTemplateSource,
} from './checklist.js';
import { verify as verifyFingerprint } from './fingerprint.js';

// The reasons' strings join the registry with this module (element pages do not carry them).
extendLocale(verifyZhCN, { en: () => import('./locales/verify.en.js') });

/**
 * Why a change was refused:
 * - `invalid` — not a ledger (or response) at all;
 * - `unit` — the ledger or item belongs to another unit than the user's;
 * - `ledger-field` — a member of the ledger itself (title, unit…) changed by a role other than the office;
 * - `removed` — an item was removed; `id-changed` — an item's id was changed;
 * - `order` — the existing items were reordered;
 * - `closed` — a closed (销号) item was changed;
 * - `field` — the role may not change this field (in the item's status);
 * - `value` — a changed field holds a malformed value;
 * - `history` — history entries were changed or removed;
 * - `transition` — the role may not make this status change (or the workflow has no such step);
 * - `needs-evidence` / `needs-verifier` / `needs-comment` — a step without what it requires;
 * - `create` — the role may not add items;
 * - `entry` — a new history entry is not the one the workflow writes for this user and role;
 * - `future` — a new history entry is dated after today;
 * - `backdated` — a new history entry is dated on an earlier day than the entry before it;
 * - `rule` — a changed item breaks a workflow rule the tracker checks on submit (`ledgerRuleErrors`:
 *   closed without evidence or verifier, status not where the history leads, history not following on);
 * - `schema` — a changed item (or ledger member) breaks the ledger schema (with `ctx.schemaCheck`);
 * - `mismatch` — the item differs from what the allowed steps give (e.g. status changed without history);
 * - `change-log` — a field edited without the change-log entries that record it (`diffItem`), new
 *   entries not of this user and role (dated after today: `future`; on a day before the new entry
 *   preceding them: `backdated`), or log entries rewritten or removed;
 * - `extension` — a 延期 step the role may not take (only the unit asks, only the office decides),
 *   without what it requires (a reason; a comment to refuse), one that does not apply, or requests
 *   rewritten or removed;
 * - `acceptance` — a 验收 signature for a party the user may not sign for (or unknown, or on an item
 *   not awaiting verification), without an opinion, signatures rewritten or removed, or 销号 before
 *   every required party of the ledger's `acceptanceParties` has passed;
 * - `template` — a checklist response to another template; `checklist` — a rule of the template is broken;
 * - `unsigned` / `signature` — a record without a fingerprint, or one that no longer matches it.
 */
export type VerifyCode =
  | 'invalid'
  | 'unit'
  | 'ledger-field'
  | 'removed'
  | 'id-changed'
  | 'order'
  | 'closed'
  | 'field'
  | 'value'
  | 'history'
  | 'transition'
  | 'needs-evidence'
  | 'needs-verifier'
  | 'needs-comment'
  | 'create'
  | 'entry'
  | 'future'
  | 'backdated'
  | 'rule'
  | 'schema'
  | 'mismatch'
  | 'change-log'
  | 'extension'
  | 'acceptance'
  | 'template'
  | 'checklist'
  | 'unsigned'
  | 'signature';

/** One reason a change was refused. */
export interface VerifyReason {
  code: VerifyCode;
  /** For people, in the requested language. */
  message: string;
  /** The ledger item (or check point) concerned. */
  itemId?: string;
  /** The field concerned (a member name, or a path such as `items.1-1.finding`). */
  field?: string;
}

/** The verdict: accepted, or refused with every reason found. */
export type VerifyResult = { ok: true } | { ok: false; reasons: VerifyReason[] };

/** Who makes a ledger change, and when. */
export interface LedgerChangeContext {
  /** The user's role, from the host's session (never from the request body). */
  role: RectificationRole;
  /** The user as history entries name them (`by`): the same name as `<xc-provider>`'s `user.name` (without one the tracker writes the role's name). */
  user: string;
  /** Today (a `YYYY-MM-DD` local date, a Date or epoch ms): new history entries may not be dated later. */
  today: Date | string | number;
  /** Language of the messages (default zh-CN). */
  lang?: string;
  /**
   * The user's unit, when the host knows it. A `unit` user may then change only a ledger whose
   * `unit` is this one (or names none) and only items whose own `unit` member is this one (or absent).
   */
  unit?: string;
  /**
   * Closed (销号) items are final (default true): nobody changes them. `false` lets the office correct
   * fields of closed items, as {@link canEdit} allows.
   */
  closedFinal?: boolean;
  /**
   * The ledger schema's check, as `<xc-rectification-tracker>` runs it on submit (e.g.
   * `(l, lang) => validateWith(validate, l, schema, lang)` with the precompiled or an ajv-compiled
   * validator of `rectification-ledger.schema.json`). When given, a change is refused (`schema`)
   * when a changed or new item, or a changed member of the ledger, breaks the schema where it did
   * not before. Without it only the workflow rules (`rule`) are checked.
   */
  schemaCheck?: (ledger: unknown, lang: string) => ValidationResult;
  /**
   * The change log (`changes`, see `editItem`): `once-started` (default) lets an item that has no
   * log yet (a ledger made before it, or written by a client that keeps none) be edited without
   * one, until its first entry: from then on every field edit of that item must come with its
   * entries; `required` refuses any field edit without them. In both, new entries are always
   * checked (this user and role, dated no later than today, giving the values the fields now
   * hold) and existing ones are never rewritten, removed or backdated.
   */
  changeLog?: 'required' | 'once-started';
}

/** Field names in reasons: the ledger's column names, and two fields that have no column. */
const FIELD_KEYS: Record<string, keyof Messages> = {
  ...CSV_COLUMN_KEYS,
  responsibility: 'verifyFieldResponsibility',
  history: 'verifyFieldHistory',
};

// The same object is the same value: a server replacing one item of a large ledger passes the others as they were.


class Reasons {
  readonly list: VerifyReason[] = [];
  constructor(readonly t: Messages, readonly lang: string) {}
  add(code: VerifyCode, message: string, itemId?: string, field?: string): void {
    const r: VerifyReason = { code, message: itemId === undefined ? message : this.t.verifyAtItem(itemId, message) };
    if (itemId !== undefined) r.itemId = itemId;
    if (field !== undefined) r.field = field;
    this.list.push(r);
  }
  field(f: string): string {
    const key = FIELD_KEYS[f];
    return key ? String(this.t[key]) : f;
  }
  role(role: RectificationRole): string {
    return roleLabel(role, this.t, 'verify') || String(role);
  }
  result(): VerifyResult {
    return this.list.length ? { ok: false, reasons: this.list } : { ok: true };
  }
}

/** A refusal of the core's own operations, as a reason. */
function fromError(r: Reasons, e: unknown, item: RectificationItem, to: RectificationStatus | null, role: RectificationRole, field?: string): void {
  if (!(e instanceof RectificationError)) throw e;
  const id = item.id;
  const t = r.t;
  switch (e.code) {
    case 'needs-evidence':
      return r.add('needs-evidence', t.verifyNeedsEvidence, id, 'evidence');
    case 'needs-verifier':
      return r.add('needs-verifier', t.verifyNeedsVerifier, id, 'verifier');
    case 'needs-comment':
      return r.add('needs-comment', t.verifyNeedsComment, id, 'comment');
    case 'history':
      return r.add('history', t.verifyHistory, id, 'history');
    case 'not-ongoing':
      return r.add('transition', t.verifyStageOngoing, id, 'status');
    case 'not-allowed':
    case 'role':
      if (to !== null) return r.add('transition', t.verifyTransition(r.role(role), statusLabel(item.status, r.lang), statusLabel(to, r.lang)), id, 'status');
      return r.add('field', t.verifyField(r.role(role), r.field(field ?? e.field ?? ''), statusLabel(item.status, r.lang)), id, field ?? e.field);
    default: {
      const f = field ?? e.field ?? '';
      if (to !== null) return r.add('entry', t.verifyEntry, id, 'history');
      return r.add('value', t.verifyInvalidValue(r.field(f)), id, f);
    }
  }
}

/** The members of two items that differ (status, history and the logs of their own steps aside). */
function changedFields(before: RectificationItem, after: RectificationItem): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => (k === 'id' || !UNLOGGED_FIELDS.has(k)) && !same(before[k], after[k]));
}

/** A patch setting `fields` of `after` (undefined where `after` has no such member). */
function patchOf(after: RectificationItem, fields: readonly string[]): Partial<RectificationItem> {
  return Object.fromEntries(fields.map((f) => [f, has(after, f) ? after[f] : undefined])) as Partial<RectificationItem>;
}

/**
 * A new entry dated after today is refused, exactly: its `at` is an instant (ISO date-time with
 * `Z` or an offset, as the elements write it), read in the server's time zone as `today` is, so an
 * entry made anywhere (a client in UTC+14 or UTC−12) before the server's now is never after
 * today, and one dated tomorrow in the server's zone always is. No tolerance is kept: an entry a
 * day ahead can only come from a wrong clock or a forged date.
 */
function checkEntryDate(r: Reasons, entry: HistoryEntry, today: number | null, id: string): boolean {
  const key = toDateKey(entry?.at);
  if (key && today !== null && dayNo(key) > today) {
    r.add('future', r.t.verifyFuture(key), id, 'history');
    return false;
  }
  return true;
}

/** A new entry dated on an earlier day than the entry before it (both read in the same time zone). */
function checkEntryOrder(r: Reasons, entry: HistoryEntry, previous: HistoryEntry | undefined, id: string): boolean {
  const key = toDateKey(entry?.at);
  const prev = isObject(previous) ? toDateKey(previous.at) : null;
  if (key && prev && dayNo(key) < dayNo(prev)) {
    r.add('backdated', r.t.verifyBackdated(key, prev), id, 'history');
    return false;
  }
  return true;
}

/** Check one item present before and after. */
function checkItem(
  r: Reasons,
  before: RectificationItem,
  after: RectificationItem,
  ctx: LedgerChangeContext,
  today: number | null,
  parties: readonly AcceptanceParty[],
): void {
  const id = after.id;
  const { role } = ctx;
  if (same(before, after)) return;
  if (before.status === 'closed' && ctx.closedFinal !== false) return r.add('closed', r.t.verifyClosed, id);
  if (role === 'unit' && ctx.unit !== undefined) {
    const own = typeof before.unit === 'string' ? before.unit : undefined;
    if (own !== undefined && own !== ctx.unit) return r.add('unit', r.t.verifyOtherUnit(own), id, 'unit');
  }
  // History: append-only.
  const oldH = Array.isArray(before.history) ? before.history : [];
  const newH = Array.isArray(after.history) ? after.history : null;
  if (!newH || newH.length < oldH.length || oldH.some((h, i) => !same(h, newH[i]))) return r.add('history', r.t.verifyHistory, id, 'history');
  const added = newH.slice(oldH.length) as HistoryEntry[];
  // 延期 and 验收: their own lists, replayed with the core's steps.
  if (!checkExtensions(r, before, after, ctx, today)) return;
  if (!checkAcceptance(r, before, after, ctx, today, parties)) return;

  // Field edits the role may make in the item's status now; the rest is retried after the steps.
  const fields = changedFields(before, after);
  const now = fields.filter((f) => canEdit(role, f, before.status));
  const later = fields.filter((f) => !now.includes(f));
  let expected = before;
  try {
    if (now.length) expected = updateItem(expected, patchOf(after, now), role);
  } catch (e) {
    return fromError(r, e, expected, null, role);
  }
  // Status changes: each new entry must be the one the workflow writes for this user and role.
  let previous = oldH[oldH.length - 1];
  /** Members the steps set (销号: closedAt, progress, verifier): they need no change-log entry. */
  const stepFields = new Set<string>();
  for (const entry of added) {
    if (!isObject(entry)) return r.add('entry', r.t.verifyEntry, id, 'history');
    if (!checkEntryDate(r, entry, today, id)) return;
    if (!checkEntryOrder(r, entry, previous, id)) return;
    previous = entry;
    if (entry.from !== expected.status) return r.add('entry', r.t.verifyEntry, id, 'history');
    let next: RectificationItem;
    try {
      next = transition(expected, entry.to, {
        by: ctx.user,
        role,
        at: entry.at,
        ...(typeof entry.comment === 'string' ? { comment: entry.comment } : {}),
        ...(typeof after.verifier === 'string' ? { verifier: after.verifier } : {}),
      });
    } catch (e) {
      return fromError(r, e, expected, typeof entry.to === 'string' ? entry.to : null, role);
    }
    if (!same(next.history[next.history.length - 1], entry)) return r.add('entry', r.t.verifyEntry, id, 'history');
    if (entry.to === 'closed') {
      const state = acceptanceState({ ...expected, acceptance: after.acceptance ?? [] }, parties);
      if (!state.complete) return r.add('acceptance', r.t.verifyNeedsAcceptance(state.missing.map((p) => p.name).join(r.t.formListSep)), id, 'acceptance');
    }
    for (const f of changedFields(expected, next)) stepFields.add(f);
    // 销号 writes these (what was typed for it, before the step, is part of the step).
    if (entry.to === 'closed') for (const f of ['closedAt', 'progress', 'verifier']) stepFields.add(f);
    expected = next;
  }
  // Edits after the steps (fields the role may change only in the new status, or that a step set).
  const rest = changedFields(expected, after);
  const stillLater = later.filter((f) => rest.includes(f));
  const redo = rest.filter((f) => !stillLater.includes(f));
  if (expected.status === 'closed' && before.status !== 'closed' && ctx.closedFinal !== false && rest.length) {
    return r.add('closed', r.t.verifyClosed, id, rest[0]);
  }
  try {
    if (rest.length) expected = updateItem(expected, patchOf(after, [...stillLater, ...redo]), role);
  } catch (e) {
    return fromError(r, e, expected, null, role);
  }
  if (expected.status !== after.status) return r.add('mismatch', r.t.verifyMismatch(r.field('status')), id, 'status');
  const left = changedFields(expected, after);
  if (left.length || !same(expected.history, after.history)) {
    const f = left[0] ?? 'history';
    return r.add('mismatch', r.t.verifyMismatch(r.field(f)), id, f);
  }
  const reasons = r.list.length;
  checkChangeLog(r, before, after, ctx, today, stepFields);
  // Progress derived from measures with details is what they give (as `editItem` stores it).
  if (r.list.length === reasons && (fields.includes('progress') || fields.includes('measures')) && after.status !== 'closed' && hasMeasureDetails(after)) {
    const derived = measureProgress(after) ?? 0;
    if (after.progress !== derived) r.add('value', r.t.verifyProgressDerived(derived), id, 'progress');
  }
}

/** New entries of a log: objects of this user and role, dated no later than today and on no earlier day than the entry before (`previous`, then each other). */
function checkLogEntries(
  r: Reasons,
  entries: readonly { at?: unknown; by?: unknown; role?: unknown }[],
  previous: { at?: unknown } | undefined,
  ctx: LedgerChangeContext,
  today: number | null,
  id: string,
  code: 'change-log' | 'extension' | 'acceptance',
  message: string,
): boolean {
  let prev = previous;
  for (const e of entries) {
    if (!isObject(e) || e.by !== ctx.user || (e.role !== undefined && e.role !== ctx.role)) {
      r.add(code, message, id, code === 'change-log' ? 'changes' : code === 'extension' ? 'extensions' : 'acceptance');
      return false;
    }
    if (!checkEntryDate(r, e as unknown as HistoryEntry, today, id)) return false;
    if (!checkEntryOrder(r, e as unknown as HistoryEntry, prev as HistoryEntry | undefined, id)) return false;
    prev = e;
  }
  return true;
}

/** The change log records every field edit (see `changeLogProblem`), with entries of this user. */
function checkChangeLog(r: Reasons, before: RectificationItem, after: RectificationItem, ctx: LedgerChangeContext, today: number | null, stepFields: ReadonlySet<string>): void {
  const id = after.id;
  const t = r.t;
  const problem = changeLogProblem(before, after, stepFields);
  const old = Array.isArray(before.changes) ? before.changes : [];
  const added = (Array.isArray(after.changes) ? after.changes.slice(old.length) : []) as FieldChange[];
  if (problem?.code === 'rewritten') return r.add('change-log', t.verifyChangeLogRewritten, id, 'changes');
  if (problem?.code === 'malformed') return r.add('change-log', t.verifyChangeLogMalformed, id, 'changes');
  // New entries in order among themselves; they may be older than the stored ones (edits made
  // offline, or merged after someone else's save, come after them).
  if (!checkLogEntries(r, added, undefined, ctx, today, id, 'change-log', t.verifyChangeLogEntry)) return;
  if (problem?.code === 'missing') {
    // A client that keeps no log may go on editing an item that has none, when the host allows it.
    if (ctx.changeLog !== 'required' && before.changes == null && !added.length) return;
    const path = problem.path ?? [];
    r.add('change-log', t.verifyChangeLogMissing(r.field(path[0] ?? '')), id, path.join('.'));
  }
}

/** A refusal of a 延期 or 验收 step, as a reason. */
function fromStepError(r: Reasons, e: unknown, id: string, role: RectificationRole, kind: 'request' | 'decide' | 'sign', party?: string): void {
  if (!(e instanceof RectificationError)) throw e;
  const t = r.t;
  switch (e.code) {
    case 'role':
      return r.add('extension', kind === 'request' ? t.verifyExtensionRequestRole(r.role(role)) : t.verifyExtensionDecideRole(r.role(role)), id, 'extensions');
    case 'needs-reason':
      return r.add('extension', t.verifyExtensionReason, id, 'extensions');
    case 'needs-comment':
      return kind === 'sign' ? r.add('acceptance', t.verifyAcceptanceOpinion, id, 'acceptance') : r.add('extension', t.verifyExtensionRefuseComment, id, 'extensions');
    case 'extension':
      return r.add('extension', t.verifyExtensionNotApplicable, id, 'extensions');
    case 'party':
      return r.add('acceptance', t.verifyAcceptanceParty(party ?? ''), id, 'acceptance');
    case 'signer':
      return r.add('acceptance', t.verifyAcceptanceSigner, id, 'acceptance');
    case 'sign-date':
      return r.add('acceptance', t.verifyAcceptanceDate, id, 'acceptance');
    default:
      return r.add(kind === 'sign' ? 'acceptance' : 'extension', t.verifyInvalidValue(kind === 'sign' ? t.verifyFieldAcceptance : t.verifyFieldExtensions), id, kind === 'sign' ? 'acceptance' : 'extensions');
  }
}

/** A log member as a list: [] when absent, null when it is something else. */
const logOf = (v: unknown): unknown[] | null => (v == null ? [] : Array.isArray(v) ? v : null);

/**
 * 延期: requests are only appended, and a waiting one only gets its decision; each new request is
 * what `requestExtension` makes for this user and role, each decision what `decideExtension` makes.
 */
function checkExtensions(r: Reasons, before: RectificationItem, after: RectificationItem, ctx: LedgerChangeContext, today: number | null): boolean {
  const id = after.id;
  const t = r.t;
  const oldE = logOf(before.extensions) as ExtensionRequest[] | null;
  const newE = logOf(after.extensions) as ExtensionRequest[] | null;
  if (same(oldE, newE)) return true;
  if (!oldE || !newE || newE.length < oldE.length) {
    r.add('extension', t.verifyExtensionRewritten, id, 'extensions');
    return false;
  }
  const opts = (at: string) => ({ by: ctx.user, role: ctx.role, at });
  let state: RectificationItem = { ...before, extensions: [...oldE] };
  const decide = (d: unknown): boolean => {
    if (!isObject(d) || typeof d.at !== 'string') {
      r.add('extension', t.verifyExtensionEntry, id, 'extensions');
      return false;
    }
    if (!checkLogEntries(r, [d], undefined, ctx, today, id, 'extension', t.verifyExtensionEntry)) return false;
    try {
      state = decideExtension(state, { approved: d.approved === true, ...(typeof d.comment === 'string' ? { comment: d.comment } : {}) }, opts(d.at));
    } catch (e) {
      fromStepError(r, e, id, ctx.role, 'decide');
      return false;
    }
    return true;
  };
  for (let i = 0; i < newE.length; i++) {
    const was = oldE[i];
    const now = newE[i];
    if (i < oldE.length && same(was, now)) continue;
    if (!isObject(now)) {
      r.add('extension', t.verifyExtensionRewritten, id, 'extensions');
      return false;
    }
    const { decision, ...request } = now;
    if (i < oldE.length) {
      // Only a decision may be added to a request that had none.
      if (!isObject(was) || was.decision !== undefined || decision === undefined || !same(request, was)) {
        r.add('extension', t.verifyExtensionRewritten, id, 'extensions');
        return false;
      }
    } else {
      if (!checkLogEntries(r, [request], undefined, ctx, today, id, 'extension', t.verifyExtensionEntry)) return false;
      try {
        state = requestExtension(
          state,
          { deadline: request.deadline, reason: request.reason, ...(typeof request.id === 'string' ? { id: request.id } : {}) },
          opts(typeof request.at === 'string' ? request.at : ''),
        );
      } catch (e) {
        fromStepError(r, e, id, ctx.role, 'request');
        return false;
      }
    }
    if (decision !== undefined && !decide(decision)) return false;
    if (!same(state.extensions?.[i], now)) {
      r.add('extension', t.verifyExtensionEntry, id, 'extensions');
      return false;
    }
  }
  return true;
}

/** 验收: signatures are only appended, each what `signAcceptance` makes for this user, role and the ledger's parties. */
function checkAcceptance(
  r: Reasons,
  before: RectificationItem,
  after: RectificationItem,
  ctx: LedgerChangeContext,
  today: number | null,
  parties: readonly AcceptanceParty[],
): boolean {
  const id = after.id;
  const t = r.t;
  const oldA = logOf(before.acceptance) as AcceptanceSignature[] | null;
  const newA = logOf(after.acceptance) as AcceptanceSignature[] | null;
  if (same(oldA, newA)) return true;
  if (!oldA || !newA || newA.length < oldA.length || oldA.some((s, i) => !same(s, newA[i]))) {
    r.add('acceptance', t.verifyAcceptanceRewritten, id, 'acceptance');
    return false;
  }
  const added = newA.slice(oldA.length);
  if (!checkLogEntries(r, added, undefined, ctx, today, id, 'acceptance', t.verifyAcceptanceEntry)) return false;
  let state: RectificationItem = { ...before, acceptance: [...oldA] };
  for (const sig of added) {
    const party = parties.find((p) => p.id === sig.party);
    try {
      state = signAcceptance(
        state,
        { party: sig.party, name: sig.name, date: sig.date, opinion: sig.opinion, passed: sig.passed },
        { by: ctx.user, role: ctx.role, at: sig.at, ...(today !== null ? { today: ctx.today } : {}) },
        parties,
      );
    } catch (e) {
      fromStepError(r, e, id, ctx.role, 'sign', party?.name ?? (typeof sig.party === 'string' ? sig.party : ''));
      return false;
    }
    if (!same(state.acceptance?.[state.acceptance.length - 1], sig)) {
      r.add('acceptance', t.verifyAcceptanceEntry, id, 'acceptance');
      return false;
    }
  }
  return true;
}

/** Check an item that is new in `after`. */
function checkNewItem(r: Reasons, item: RectificationItem, ctx: LedgerChangeContext, today: number | null): void {
  const id = item.id;
  // The office lists the problems (the tracker's "add item" and import are the office's).
  if (ctx.role !== 'office') return r.add('create', r.t.verifyCreate(r.role(ctx.role)), id);
  const history = Array.isArray(item.history) ? item.history : [];
  const entry = history[0];
  if (history.length !== 1 || !isObject(entry) || entry.from !== null || entry.to !== 'not-started' || entry.by !== ctx.user) {
    return r.add('entry', r.t.verifyEntry, id, 'history');
  }
  if (entry.role !== undefined && entry.role !== ctx.role) return r.add('entry', r.t.verifyEntry, id, 'history');
  if (!checkEntryDate(r, entry, today, id)) return;
  const { id: _id, status: _status, history: _history, ...fields } = item;
  let made: RectificationItem;
  try {
    made = createItem(fields as Parameters<typeof createItem>[0], {
      id,
      by: ctx.user,
      at: entry.at,
      ...(entry.role !== undefined ? { role: ctx.role } : {}),
    });
  } catch (e) {
    if (!(e instanceof RectificationError)) throw e;
    return r.add('value', r.t.verifyInvalidValue(r.field(e.field ?? '')), id, e.field);
  }
  if (!same(made, item)) {
    const f = changedFields(made, item)[0] ?? (item.status !== 'not-started' ? 'status' : 'history');
    r.add('mismatch', r.t.verifyMismatch(r.field(f)), id, f);
  }
}

/**
 * Whether `after` is a change of `before` that `ctx.role` may make: every status change a step of
 * the workflow this role may take (replayed with the core's own `transition`, so the rules are the
 * elements' rules), with its history entry written for `ctx.user`, dated no later than today and on
 * no earlier day than the entry before it;
 * history only appended to; every edited field one the role may edit in the item's status (the
 * core's `updateItem` / `canEdit`) with a well-formed value; closed items unchanged (unless
 * `closedFinal: false`); no item removed, no id changed, existing items in their order; new items
 * only from the office, as `createItem` makes them; members of the ledger itself changed only by
 * the office; and, when `ctx.unit` is given, a unit user touching only its own unit's ledger and items.
 * Then what the change leaves must pass the checks the tracker runs on submit, on what it touched:
 * the workflow rules (`ledgerRuleErrors`) and, with `ctx.schemaCheck`, the ledger schema.
 *
 * `before` is what the server has stored (trusted); `after` is what the request brings.
 * `before` null or undefined means no ledger is stored yet: `after` is checked as a new ledger (the
 * same as against `{ version: 1, items: [] }`: only the office creates items and sets the ledger's
 * members). A `before` that is something else than a ledger is refused (`invalid`), never thrown on.
 * A viewer may change nothing.
 */
export function verifyLedgerChange(before: RectificationLedger | null | undefined, after: unknown, ctx: LedgerChangeContext): VerifyResult {
  const lang = ctx.lang ?? 'zh-CN';
  const r = new Reasons(resolveLocale(lang), lang);
  if (before == null) before = { version: 1, items: [] };
  else if (!readLedgerObject(before).ok) {
    r.add('invalid', r.t.verifyStoredNotLedger);
    return r.result();
  }
  const read = readLedgerObject(after);
  if (!read.ok) {
    r.add('invalid', r.t.verifyNotLedger);
    return r.result();
  }
  const next = read.ledger;
  const todayKey = toDateKey(ctx.today);
  const today = todayKey ? dayNo(todayKey) : null;
  if (ctx.role === 'unit' && ctx.unit !== undefined) {
    const owner = typeof before.unit === 'string' && before.unit ? before.unit : undefined;
    if (owner !== undefined && owner !== ctx.unit) {
      r.add('unit', r.t.verifyOtherUnit(owner), undefined, 'unit');
      return r.result();
    }
  }
  // Members of the ledger itself.
  for (const k of new Set([...Object.keys(before), ...Object.keys(next)])) {
    if (k === 'items' || same(before[k], next[k])) continue;
    if (ctx.role !== 'office') r.add('ledger-field', r.t.verifyLedgerField(k), undefined, k);
  }
  const afterById = new Map(next.items.map((i) => [i.id, i]));
  const beforeIds = new Set(before.items.map((i) => i.id));
  // Removed items, or items whose id changed (same place, new id).
  const renamed = new Set<string>();
  before.items.forEach((old, index) => {
    if (afterById.has(old.id)) return;
    const there = next.items[index];
    if (there && !beforeIds.has(there.id)) {
      renamed.add(there.id);
      r.add('id-changed', r.t.verifyIdChanged(there.id), old.id, 'id');
    } else r.add('removed', r.t.verifyItemRemoved, old.id);
  });
  // Existing items keep their order.
  const kept = next.items.filter((i) => beforeIds.has(i.id)).map((i) => i.id);
  const was = before.items.map((i) => i.id).filter((id) => afterById.has(id));
  if (!same(kept, was)) r.add('order', r.t.verifyOrder, undefined, 'items');
  const beforeById = new Map(before.items.map((i) => [i.id, i]));
  const parties = acceptanceParties(next);
  for (const item of next.items) {
    const old = beforeById.get(item.id);
    if (old) checkItem(r, old, item, ctx, today, parties);
    else if (!renamed.has(item.id)) checkNewItem(r, item, ctx, today);
  }
  // A change the steps allow must still leave a ledger the tracker calls valid on submit.
  if (!r.list.length) checkRules(r, before, next, beforeById, ctx);
  return r.result();
}

const RULE_KEYS: Record<LedgerRuleCode, keyof Messages> = {
  'closed-no-evidence': 'verifyRuleClosedNoEvidence',
  'closed-no-verifier': 'verifyRuleClosedNoVerifier',
  'status-history': 'verifyRuleStatusHistory',
  'history-order': 'verifyRuleHistoryOrder',
};

/**
 * The tracker's own checks (the workflow rules and, with `ctx.schemaCheck`, the ledger schema) on
 * what the change touches: changed and new items, changed members of the ledger. Only what the
 * change breaks is refused; what was already broken before stays the stored data's own matter.
 */
function checkRules(r: Reasons, before: RectificationLedger, after: RectificationLedger, beforeById: Map<string, RectificationItem>, ctx: LedgerChangeContext): void {
  const changed = after.items.filter((i) => !same(beforeById.get(i.id), i));
  const membersChanged = Object.keys({ ...before, ...after }).some((k) => k !== 'items' && !same(before[k], after[k]));
  if (!changed.length && !membersChanged) return;
  const was = changed.map((i) => beforeById.get(i.id)).filter((i): i is RectificationItem => i !== undefined);
  const partAfter: RectificationLedger = { ...after, items: changed };
  const partBefore: RectificationLedger = { ...before, items: was };
  const known = new Set(ledgerRuleErrors(partBefore).map((e) => `${e.id}\u0000${e.code}`));
  for (const e of ledgerRuleErrors(partAfter)) {
    if (!known.has(`${e.id}\u0000${e.code}`)) r.add('rule', String(r.t[RULE_KEYS[e.code]]), e.id, e.field);
  }
  if (!ctx.schemaCheck) return;
  const lang = r.lang;
  /** Errors as (item id or '', path inside it, message). */
  const located = (ledger: RectificationLedger) =>
    ctx.schemaCheck!(ledger, lang).errors.map((e) => {
      const m = /^items\.(\d+)(?:\.(.*))?$/.exec(e.path);
      const id = m ? (ledger.items[Number(m[1])]?.id ?? '') : '';
      return { id, path: m ? (m[2] ?? '') : e.path, message: e.message, inItems: !!m };
    });
  const seen = new Set(located(partBefore).map((e) => `${e.inItems ? e.id : ''}\u0000${e.path}\u0000${e.message}`));
  for (const e of located(partAfter)) {
    if (seen.has(`${e.inItems ? e.id : ''}\u0000${e.path}\u0000${e.message}`)) continue;
    const field = e.path.split('.')[0] ?? '';
    const message = r.t.verifySchema(field ? r.field(field) : '', e.message);
    if (e.inItems) r.add('schema', message, e.id, e.path);
    else r.add('schema', message, undefined, e.path);
  }
}

/**
 * Whether `response` is a complete, valid response to `template` by the template's own rules (the
 * checks `<xc-checklist>` makes on submit): readable, to this template, every required answer
 * given, descriptions (and methods, evidence when the template asks) for problems, options from the
 * template's lists, safe evidence links. Reasons name the check point (`itemId`) and the path (`field`).
 */
export function verifyChecklistResponse(template: ChecklistTemplateSource, response: unknown, { lang = 'zh-CN' }: { lang?: string } = {}): VerifyResult {
  const r = new Reasons(resolveLocale(lang), lang);
  if (!isObject(response)) {
    r.add('invalid', r.t.valueNotObject, undefined, '');
    return r.result();
  }
  for (const e of unreadableResponseParts(response, lang)) r.add('invalid', e.message, undefined, e.path);
  if (response['templateId'] !== template.id) r.add('template', r.t.verifyTemplate(template.id), undefined, 'templateId');
  if (r.list.length) return r.result();
  const index = indexTemplate(template);
  const normal = normalizeResponse(template, index, response);
  for (const e of validateChecklist(template, index, normal, lang).errors) {
    const at = pathPoint(index, e.path);
    const ip = at ? index.byId.get(at.id) : undefined;
    const reason: VerifyReason = { code: 'checklist', message: ip ? r.t.errorAtPoint(checkPointRef(ip, lang), e.message) : e.message, field: e.path };
    if (at) reason.itemId = at.id;
    r.list.push(reason);
  }
  return r.result();
}

/**
 * Whether a signed record (an interview record, a clue sheet) still matches its `signature`
 * (the fingerprint taken when it was finalised): refused as `unsigned` when it has no SHA-256
 * signature, as `signature` when any value changed since.
 */
export async function verifySignedRecord(record: unknown, { lang = 'zh-CN' }: { lang?: string } = {}): Promise<VerifyResult> {
  const r = new Reasons(resolveLocale(lang), lang);
  const sig = isObject(record) ? record['signature'] : undefined;
  if (!isObject(sig) || sig['algorithm'] !== 'SHA-256' || typeof sig['digest'] !== 'string') {
    r.add('unsigned', r.t.verifyUnsigned, undefined, 'signature');
  } else if (!(await verifyFingerprint(record as Record<string, unknown>))) {
    r.add('signature', r.t.verifySignatureMismatch, undefined, 'signature');
  }
  return r.result();
}

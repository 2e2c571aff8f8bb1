/**
 * 延期: the unit asks for a later deadline with a reason; the office approves or refuses it, with a
 * comment. The item's own `deadline` is never changed: {@link effectiveDeadline} is the last
 * approved one, and the traffic light and the overdue counts use it. Pure; refusals throw
 * {@link RectificationError}.
 */
import type { ExtensionDecision, ExtensionRequest, RectificationItem } from '../rectification-types.js';
import { dayOf, effectiveDeadline, isDateKey, isDateTime } from './dates.js';
import { RectificationError, type RectificationRole } from './workflow.js';
import { asList } from './values.js';

export { effectiveDeadline };

/** The request for 延期 that waits for the office's decision, if any. */
export function pendingExtension(item: RectificationItem): ExtensionRequest | undefined {
  return (asList(item.extensions) as (ExtensionRequest | null)[]).find((e): e is ExtensionRequest => !!e && typeof e === 'object' && !e.decision);
}

/** Who asks, and when. */
export interface ExtensionStepOptions {
  by: string;
  role: RectificationRole;
  /** ISO date-time. */
  at: string;
}

function checkActor(opts: ExtensionStepOptions, role: RectificationRole, what: string): void {
  if (opts.role !== role) throw new RectificationError('role', `Only the ${role} role may ${what}`);
  if (!opts.by?.trim()) throw new RectificationError('invalid', `${what} needs "by"`, 'by');
  if (!isDateTime(opts.at)) throw new RectificationError('invalid', '"at" is not an ISO date-time', 'at');
}

/** Whether the unit may ask for 延期 now: an item with a deadline, not closed or waiting for verification, no request waiting. */
export function canRequestExtension(item: RectificationItem, role: RectificationRole): boolean {
  return role === 'unit' && !!effectiveDeadline(item) && item.status !== 'closed' && item.status !== 'pending-verification' && !pendingExtension(item);
}

/** Whether the office may decide now: a request waits. */
export function canDecideExtension(item: RectificationItem, role: RectificationRole): boolean {
  return role === 'office' && !!pendingExtension(item);
}

/**
 * The unit asks for 延期: a **new** item with a request appended to `extensions`.
 * @throws {RectificationError} `role` (not the unit), `needs-reason` (no reason), `invalid` (the
 *   deadline is not a date; no `by`, bad `at`), `extension` (no deadline to move, the item closed or
 *   waiting for verification, a request already waiting, or a date not later than the deadline that counts now).
 */
export function requestExtension(
  item: RectificationItem,
  request: { deadline: string; reason: string; id?: string },
  opts: ExtensionStepOptions,
): RectificationItem {
  checkActor(opts, 'unit', 'ask for an extension');
  const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
  if (!reason) throw new RectificationError('needs-reason', 'A request for an extension needs a reason', 'reason');
  if (!isDateKey(request.deadline)) throw new RectificationError('invalid', 'The deadline asked for is not a date YYYY-MM-DD', 'deadline');
  const now = effectiveDeadline(item);
  if (!now || item.status === 'closed' || item.status === 'pending-verification') {
    throw new RectificationError('extension', 'This item has no deadline to extend now', 'deadline');
  }
  if (pendingExtension(item)) throw new RectificationError('extension', 'A request for an extension is already waiting', 'extensions');
  if ((dayOf(request.deadline) ?? 0) <= (dayOf(now) ?? 0)) {
    throw new RectificationError('extension', 'The deadline asked for is not later than the current one', 'deadline');
  }
  const list = asList(item.extensions) as ExtensionRequest[];
  const ids = new Set(list.map((e) => e?.id));
  let id = (typeof request.id === 'string' && request.id.trim()) || `ext-${list.length + 1}`;
  for (let n = list.length + 2; ids.has(id); n++) id = `ext-${n}`;
  const entry: ExtensionRequest = { id, at: opts.at, by: opts.by.trim(), role: opts.role, deadline: request.deadline, reason };
  return { ...item, extensions: [...list, entry] };
}

/**
 * The office decides the waiting request for 延期: a **new** item whose request carries the
 * decision. Refusing needs a comment saying why.
 * @throws {RectificationError} `role` (not the office), `extension` (no request waiting),
 *   `needs-comment` (refused without a comment), `invalid` (no `by`, bad `at`).
 */
export function decideExtension(item: RectificationItem, decision: { approved: boolean; comment?: string }, opts: ExtensionStepOptions): RectificationItem {
  checkActor(opts, 'office', 'decide on an extension');
  const pending = pendingExtension(item);
  if (!pending) throw new RectificationError('extension', 'No request for an extension is waiting', 'extensions');
  const comment = typeof decision.comment === 'string' ? decision.comment.trim() : '';
  if (!decision.approved && !comment) throw new RectificationError('needs-comment', 'Refusing an extension needs a comment', 'comment');
  const d: ExtensionDecision = { at: opts.at, by: opts.by.trim(), role: opts.role, approved: decision.approved === true };
  if (comment) d.comment = comment;
  return { ...item, extensions: (item.extensions ?? []).map((e) => (e === pending ? { ...e, decision: d } : e)) };
}

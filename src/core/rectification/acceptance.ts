/**
 * 验收 by several parties: the ledger names the parties (`acceptanceParties`: e.g. 巡察办, 巡察组,
 * 主管部门), who may sign for each (roles, and optionally named users) and which are required;
 * each signs an item waiting for verification in the recording user's name, with a date (from the
 * day it went to 待验收 to today), an opinion and pass / fail
 * (`acceptance`, append-only). 销号 waits until every required party has passed in the current
 * round (signatures since the item last went to 待验收). A ledger naming no parties closes as
 * before: the office alone. Pure; refusals throw {@link RectificationError}.
 */
import type { AcceptanceParty, AcceptanceSignature, RectificationItem, RectificationLedger } from '../rectification-types.js';
import { dayOf, isDateKey, isDateTime, toDateKey } from './dates.js';
import { asList } from './values.js';
import {
  allowedTransitions,
  RectificationError,
  type RectificationRole,
  type Transition,
  transition,
  type TransitionOptions,
} from './workflow.js';

/** The well-formed parties of a ledger (or a list of parties): each with an id and a name, ids distinct. */
export function acceptanceParties(source: Pick<RectificationLedger, 'acceptanceParties'> | readonly AcceptanceParty[] | null | undefined): AcceptanceParty[] {
  const list = Array.isArray(source) ? source : asList((source as RectificationLedger | null | undefined)?.acceptanceParties);
  const seen = new Set<string>();
  return (list as (AcceptanceParty | null)[]).filter((p): p is AcceptanceParty => {
    if (!p || typeof p !== 'object' || typeof p.id !== 'string' || !p.id || typeof p.name !== 'string' || seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });
}

/** The parties whose passing signature 销号 waits for. */
export function requiredParties(parties: readonly AcceptanceParty[]): AcceptanceParty[] {
  return parties.filter((p) => p.required !== false);
}

/** Whether the user (`by`, in `role`) may sign for `party`: a role it names (default `office`) and, when it names signers, one of them. */
export function canSignFor(party: AcceptanceParty, by: string, role: RectificationRole): boolean {
  const roles = Array.isArray(party.roles) ? party.roles : ['office'];
  if (!roles.includes(role) || role === 'viewer') return false;
  return !Array.isArray(party.signers) || party.signers.includes(by.trim());
}

/** The parties the user (`by`, in `role`) may sign for on `item` now: none unless it awaits verification. */
export function signableParties(item: RectificationItem, parties: readonly AcceptanceParty[], by: string, role: RectificationRole): AcceptanceParty[] {
  return item.status === 'pending-verification' ? parties.filter((p) => canSignFor(p, by, role)) : [];
}

const time = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);

/** When the item last went to 待验收 (the `at` of that history entry), or undefined when its history does not say. */
export function submittedAt(item: RectificationItem): string | undefined {
  const history = asList(item.history) as ({ to?: unknown; at?: unknown } | null)[];
  for (let i = history.length; i--; ) {
    const h = history[i];
    if (h?.to === 'pending-verification') return typeof h.at === 'string' ? h.at : undefined;
  }
  return undefined;
}

/** Every well-formed signature of the item, oldest first (earlier rounds and superseded ones too). */
export function allSignatures(item: RectificationItem): AcceptanceSignature[] {
  return (asList(item.acceptance) as (AcceptanceSignature | null)[]).filter((s): s is AcceptanceSignature => !!s && typeof s === 'object');
}

/** The signatures of the current round: those recorded since the item last went to 待验收 (all of them when its history does not say). */
export function currentSignatures(item: RectificationItem): AcceptanceSignature[] {
  const list = allSignatures(item);
  const since = time(submittedAt(item));
  return Number.isNaN(since) ? list : list.filter((s) => !(time(s.at) < since));
}

/**
 * The dates a signature of `item` may carry (`YYYY-MM-DD`, local dates): from the day the item last
 * went to 待验收 (`from`, absent when its history does not say) to `today`.
 */
export function signingWindow(item: RectificationItem, today: Date | string | number): { from?: string; to: string | null } {
  const from = toDateKey(submittedAt(item));
  return { ...(from ? { from } : {}), to: toDateKey(today) };
}

/** Where 验收 of an item stands: for each party its latest signature of the current round; `complete` once every required party has passed. */
export interface AcceptanceState {
  parties: { party: AcceptanceParty; signature?: AcceptanceSignature; passed: boolean }[];
  /** Every required party has passed (true when no party is required). */
  complete: boolean;
  /** The required parties that have not passed yet. */
  missing: AcceptanceParty[];
}

/** Where 验收 of `item` stands with `parties` (see {@link acceptanceParties}). */
export function acceptanceState(item: RectificationItem, parties: readonly AcceptanceParty[]): AcceptanceState {
  const sigs = currentSignatures(item);
  const rows = parties.map((party) => {
    // The party's latest by time (of equal or unreadable times, the later in the list): merged
    // signatures need not be in time order.
    let signature: AcceptanceSignature | undefined;
    for (const s of sigs) if (s.party === party.id && (!signature || !(time(s.at) < time(signature.at)))) signature = s;
    return { party, ...(signature ? { signature } : {}), passed: signature?.passed === true };
  });
  const missing = rows.filter((r) => r.party.required !== false && !r.passed).map((r) => r.party);
  return { parties: rows, complete: missing.length === 0, missing };
}

/** What a party signs. */
export interface SignatureInput {
  party: string;
  /**
   * The signer's name as signed: the user recording the signature (`by`). Empty or absent: that
   * user's name; any other name is refused (`signer`): nobody signs in another's name.
   */
  name?: string;
  /** The date signed, `YYYY-MM-DD`. */
  date: string;
  opinion: string;
  passed: boolean;
}

/**
 * Record a party's 验收 signature on an item waiting for verification: a **new** item with the
 * signature appended to `acceptance` (with `at`, `by` and `role` of who recorded it). The name
 * signed is the recording user's (`by`); the date signed lies between the day the item last went to
 * 待验收 and today ({@link signingWindow}; `opts.today`, else the local date of `opts.at`).
 * @throws {RectificationError} `party` (unknown party, a user or role that may not sign for it, or
 *   the item not 待验收), `signer` (a name other than `by`), `sign-date` (a date before the item went
 *   to 待验收 or after today), `needs-comment` (no opinion), `invalid` (a date that is not
 *   `YYYY-MM-DD`, no `by`, a bad `at`).
 */
export function signAcceptance(
  item: RectificationItem,
  input: SignatureInput,
  opts: { by: string; role: RectificationRole; at: string; today?: Date | string | number },
  parties: readonly AcceptanceParty[],
): RectificationItem {
  if (!opts.by?.trim()) throw new RectificationError('invalid', 'A signature needs "by"', 'by');
  if (!isDateTime(opts.at)) throw new RectificationError('invalid', '"at" is not an ISO date-time', 'at');
  const party = parties.find((p) => p.id === input.party);
  if (!party) throw new RectificationError('party', `Unknown acceptance party ${JSON.stringify(String(input.party))}`, 'party');
  if (!canSignFor(party, opts.by, opts.role)) throw new RectificationError('party', `This user may not sign for ${party.id}`, 'party');
  if (item.status !== 'pending-verification') throw new RectificationError('party', 'Only an item awaiting verification is signed', 'status');
  const by = opts.by.trim();
  const name = (typeof input.name === 'string' ? input.name.trim() : '') || by;
  if (name !== by) throw new RectificationError('signer', 'A signature is signed by the user recording it', 'name');
  if (!isDateKey(input.date)) throw new RectificationError('invalid', 'The date signed is not YYYY-MM-DD', 'date');
  const win = signingWindow(item, opts.today ?? opts.at);
  const day = dayOf(input.date)!;
  if ((win.from && day < dayOf(win.from)!) || (win.to && day > dayOf(win.to)!)) {
    throw new RectificationError('sign-date', 'The date signed is before the item went to verification, or after today', 'date');
  }
  const opinion = typeof input.opinion === 'string' ? input.opinion.trim() : '';
  if (!opinion) throw new RectificationError('needs-comment', 'A signature needs an opinion', 'opinion');
  const sig: AcceptanceSignature = { party: party.id, name, date: input.date, opinion, passed: input.passed === true, at: opts.at, by, role: opts.role };
  return { ...item, acceptance: [...(asList(item.acceptance) as AcceptanceSignature[]), sig] };
}

/**
 * The workflow's `transition`, with 验收: 销号 is refused until every required party has passed.
 * With no party required this is `transition` itself.
 * @throws {RectificationError} `needs-acceptance`, or what `transition` throws.
 */
export function transitionAccepted(
  item: RectificationItem,
  to: RectificationItem['status'],
  opts: TransitionOptions,
  parties: readonly AcceptanceParty[],
): RectificationItem {
  const next = transition(item, to, opts);
  if (to === 'closed' && !acceptanceState(item, parties).complete) {
    throw new RectificationError('needs-acceptance', 'Closing waits for every required acceptance party', 'acceptance');
  }
  return next;
}

/** `allowedTransitions` with 验收: a 销号 step is `blockedBy: 'needs-acceptance'` while a required party has not passed (and no evidence is missing). */
export function acceptedTransitions(item: RectificationItem, role: RectificationRole, parties: readonly AcceptanceParty[]): Transition[] {
  return allowedTransitions(item, role).map((t) =>
    t.action === 'close' && !t.blockedBy && !acceptanceState(item, parties).complete ? { ...t, blockedBy: 'needs-acceptance' } : t,
  );
}

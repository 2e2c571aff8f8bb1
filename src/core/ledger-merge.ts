/**
 * Three-way merge of rectification ledgers: what the person changed since the version they
 * started from (`mine`), joined with what someone else saved meanwhile (`theirs`). Pure, no DOM.
 *
 * - Items are merged one by one, and inside an item field by field (plain objects such as
 *   `responsibility` and `problem` member by member; arrays and other values whole).
 * - History is append-only: the entries either side appended are all kept, once each, in time order;
 *   when both sides changed the status, it follows the latest valid transition of the merged history.
 *   The other append-only logs of an item (the change log `changes`, the 验收 signatures
 *   `acceptance`) keep every entry of both sides too: theirs as they are, then mine's new ones (so
 *   that theirs, what the server holds, stays a prefix); requests for 延期 (`extensions`) by id, a
 *   decision either side added kept (both sides deciding the same request differently is a conflict).
 * - Items added on either side are kept (theirs in their order, then mine).
 * - The same field changed differently on both sides is a conflict: the merged ledger holds
 *   theirs, and the conflict carries both values so that a person can choose mine instead.
 */
import { canonicalJson } from './draft.js';
import type { ExtensionRequest, HistoryEntry, RectificationItem, RectificationLedger, RectificationStatus } from './rectification-types.js';

/** A field both sides changed, each in its own way. */
export interface MergeConflict {
  /** The item's id, or `null` for a member of the ledger itself (title, unit…). */
  itemId: string | null;
  /** Dotted path of the field inside the item (or ledger), e.g. `progress`, `responsibility.person`. */
  field: string;
  /** The value in the base version (undefined when absent). */
  base?: unknown;
  /** My value (undefined when I removed it). */
  mine: unknown;
  /** Their value: the one the merged ledger holds. */
  theirs: unknown;
}

/** What {@link mergeLedgers} returns. */
export interface LedgerMerge {
  /** The merged ledger (theirs where a conflict is). */
  ledger: RectificationLedger;
  /** Fields changed differently on both sides, in ledger order. */
  conflicts: MergeConflict[];
}

type Obj = Record<string, unknown>;
const isPlain = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
/** Equal as JSON, an absent member differing from any present one. */
const same = (a: unknown, b: unknown): boolean => (a === undefined || b === undefined ? a === b : a === b || canonicalJson(a) === canonicalJson(b));

/** Merge one value (recursing into plain objects); conflicts are pushed with their dotted path. */
function mergeValue(base: unknown, mine: unknown, theirs: unknown, path: string, itemId: string | null, out: MergeConflict[]): unknown {
  if (same(mine, theirs)) return theirs;
  if (same(base, mine)) return theirs;
  if (same(base, theirs)) return mine;
  if (isPlain(mine) && isPlain(theirs) && (base === undefined || isPlain(base))) {
    return mergeObject((base as Obj | undefined) ?? {}, mine, theirs, `${path}.`, itemId, out);
  }
  out.push({ itemId, field: path, ...(base !== undefined ? { base } : {}), mine, theirs });
  return theirs;
}

/** Merge the members of objects; keys in theirs' order, then mine's new ones. A member removed on one side and unchanged on the other stays removed. */
function mergeObject(base: Obj, mine: Obj, theirs: Obj, prefix: string, itemId: string | null, out: MergeConflict[], skip: ReadonlySet<string> = new Set()): Obj {
  const result: Obj = {};
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])];
  for (const k of keys) {
    if (skip.has(k)) continue;
    const v = mergeValue(base[k], mine[k], theirs[k], prefix + k, itemId, out);
    if (v !== undefined) result[k] = v;
  }
  return result;
}

const entryKey = (e: unknown) => canonicalJson(e);
const at = (e: { at?: unknown } | null | undefined) => (typeof e?.at === 'string' ? Date.parse(e.at) : NaN);

/**
 * Both histories, each entry once. When only one side appended, that side's history as it is;
 * when both did, theirs then mine's new entries, in time order (entries of equal or unreadable
 * time keep their order).
 */
function mergeHistory<T extends { at?: unknown }>(base: readonly T[], mine: readonly T[], theirs: readonly T[]): { history: T[]; bothAppended: boolean } {
  const inTheirs = new Set(theirs.map(entryKey));
  const inMine = new Set(mine.map(entryKey));
  const mineNew = mine.filter((e) => !inTheirs.has(entryKey(e)));
  if (!mineNew.length) return { history: [...theirs], bothAppended: false };
  if (theirs.every((e) => inMine.has(entryKey(e)))) return { history: [...mine], bothAppended: false };
  const inBase = new Set(base.map(entryKey));
  const seen = new Set<string>();
  const joined: T[] = [];
  for (const e of [...theirs, ...mineNew]) {
    const k = entryKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    joined.push(e);
  }
  // The entries of the base stay where they are; the new ones of both sides follow in time order.
  const old = joined.filter((e) => inBase.has(entryKey(e)));
  const fresh = joined
    .filter((e) => !inBase.has(entryKey(e)))
    .map((e, i) => ({ e, i, t: at(e) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) || a.t === b.t ? a.i - b.i : a.t - b.t))
    .map((x) => x.e);
  return { history: [...old, ...fresh], bothAppended: true };
}

/** The status reached from `from` by the valid steps (each starting where the last ended) among the new entries. */
function statusAfter(from: unknown, fresh: readonly HistoryEntry[]): RectificationStatus | undefined {
  let s = from as RectificationStatus | undefined;
  for (const e of fresh) if (e && (s === undefined || e.from === s)) s = e.to;
  return s;
}

/**
 * Requests for 延期 of both sides, by id: theirs in their order, then mine's new ones; a request
 * one side decided is kept with its decision; decided differently on both sides, theirs (a conflict).
 */
function mergeExtensions(base: readonly unknown[], mine: readonly unknown[], theirs: readonly unknown[], itemId: string, out: MergeConflict[]): unknown[] {
  const idOf = (e: unknown) => (isPlain(e) && typeof e['id'] === 'string' ? e['id'] : null);
  const mineById = new Map(mine.map((e) => [idOf(e), e]));
  const theirIds = new Set(theirs.map(idOf));
  const baseById = new Map(base.map((e) => [idOf(e), e]));
  const result = theirs.map((t) => {
    const id = idOf(t);
    const m = id === null ? undefined : mineById.get(id);
    if (m === undefined || same(m, t)) return t;
    const tr = t as ExtensionRequest;
    const mr = m as ExtensionRequest;
    const { decision: td, ...tRest } = tr;
    const { decision: md, ...mRest } = mr;
    if (same(tRest, mRest) && (td === undefined || md === undefined)) return td === undefined ? m : t;
    const b = baseById.get(id);
    out.push({ itemId, field: `extensions.${id}`, ...(b !== undefined ? { base: b } : {}), mine: m, theirs: t });
    return t;
  });
  for (const m of mine) if (!theirIds.has(idOf(m)) && !base.some((b) => same(b, m))) result.push(m);
  return result;
}

function mergeItem(base: RectificationItem | undefined, mine: RectificationItem, theirs: RectificationItem, out: MergeConflict[]): RectificationItem {
  const b = (base ?? {}) as Obj;
  const list = (v: unknown) => (Array.isArray(v) ? (v as HistoryEntry[]) : []);
  const h = mergeHistory(list(b['history']), list(mine.history), list(theirs.history));
  // The other logs: theirs as they are, then my entries they lack (an absent log stays absent when
  // neither side has it). Theirs stay a prefix, so a server holding theirs takes mine as appended.
  const logs: Obj = {};
  for (const k of ['changes', 'acceptance'] as const) {
    if (mine[k] === undefined && theirs[k] === undefined) continue;
    const seen = new Set(list(theirs[k]).map(entryKey));
    logs[k] = [...list(theirs[k]), ...list(mine[k]).filter((e) => !seen.has(entryKey(e)) && (seen.add(entryKey(e)), true))];
  }
  if (mine.extensions !== undefined || theirs.extensions !== undefined) {
    logs['extensions'] = same(mine.extensions, theirs.extensions)
      ? theirs.extensions
      : mergeExtensions(list(b['extensions']), list(mine.extensions), list(theirs.extensions), theirs.id, out);
  }
  const skip = new Set(['id', 'history', ...Object.keys(logs), ...(h.bothAppended ? ['status'] : [])]);
  const merged = mergeObject(b, mine as Obj, theirs as Obj, '', theirs.id, out, skip);
  const result: Obj = { id: theirs.id };
  // Members in theirs' order, history in its place.
  for (const k of [...new Set([...Object.keys(theirs), ...Object.keys(mine)])]) {
    if (k === 'id') continue;
    if (k === 'history') result[k] = h.history;
    else if (k in logs) result[k] = logs[k];
    else if (k === 'status' && h.bothAppended) {
      const inBase = new Set(list(b['history']).map(entryKey));
      result[k] = statusAfter(base ? b['status'] : undefined, h.history.filter((e) => !inBase.has(entryKey(e)))) ?? theirs.status;
    } else if (k in merged) result[k] = merged[k];
  }
  for (const k of Object.keys(merged)) if (!(k in result)) result[k] = merged[k];
  return result as RectificationItem;
}

const itemsOf = (l: RectificationLedger | null | undefined): RectificationItem[] => (Array.isArray(l?.items) ? l!.items : []);

/**
 * Three-way merge of a ledger: `base` is the version both sides started from, `mine` the
 * person's (with edits not saved yet), `theirs` the version saved meanwhile by someone else.
 * Never throws on well-formed ledgers; never loses an entry of either side's history.
 *
 * `mergeLedgers(base, x, base)` gives `x` and `mergeLedgers(base, base, y)` gives `y`.
 */
export function mergeLedgers(base: RectificationLedger | null | undefined, mine: RectificationLedger, theirs: RectificationLedger): LedgerMerge {
  const conflicts: MergeConflict[] = [];
  const baseById = new Map(itemsOf(base).map((i) => [i.id, i]));
  const mineById = new Map(itemsOf(mine).map((i) => [i.id, i]));
  const theirsById = new Map(itemsOf(theirs).map((i) => [i.id, i]));
  const items: RectificationItem[] = [];
  const take = (id: string) => {
    const b = baseById.get(id);
    const m = mineById.get(id);
    const t = theirsById.get(id);
    if (m && t) items.push(same(m, t) ? t : same(b, m) ? t : same(b, t) ? m : mergeItem(b, m, t, conflicts));
    // On one side only: added there, or removed on the other (kept when the side that has it changed it).
    else if (t) {
      if (!b || !same(b, t)) items.push(t);
    } else if (m) {
      if (!b || !same(b, m)) items.push(m);
    }
  };
  // Theirs' order when they reordered or nobody did, else mine's; then the other side's new items.
  const order = (l: RectificationLedger | null | undefined) => itemsOf(l).map((i) => i.id).filter((id) => baseById.has(id)).join('\u0000');
  const mineReordered = order(mine) !== order(base) && order(theirs) === order(base);
  const first = mineReordered ? itemsOf(mine) : itemsOf(theirs);
  const second = mineReordered ? itemsOf(theirs) : itemsOf(mine);
  const done = new Set<string>();
  for (const i of [...first, ...second]) {
    if (done.has(i.id)) continue;
    done.add(i.id);
    take(i.id);
  }
  const ledgerConflicts: MergeConflict[] = [];
  const rest = mergeObject((base ?? {}) as Obj, mine as Obj, theirs as Obj, '', null, ledgerConflicts, new Set(['items']));
  const ledger = { ...rest, items } as RectificationLedger;
  // Members in theirs' order, items where theirs have them.
  const ordered: Obj = {};
  for (const k of [...new Set([...Object.keys(theirs), ...Object.keys(mine)])]) if (k in ledger) ordered[k] = (ledger as Obj)[k];
  for (const k of Object.keys(ledger)) if (!(k in ordered)) ordered[k] = (ledger as Obj)[k];
  return { ledger: ordered as RectificationLedger, conflicts: [...ledgerConflicts, ...conflicts] };
}

/**
 * The conflicts resolved: for each conflict whose key (`itemId` + `field`) is in `keepMine`,
 * the merged ledger takes my value instead of theirs. Pure; returns a new ledger.
 */
export function resolveConflicts(merged: RectificationLedger, conflicts: readonly MergeConflict[], keepMine: ReadonlySet<string>): RectificationLedger {
  const items = [...merged.items];
  let ledger: Obj = { ...merged };
  for (const c of conflicts) {
    if (!keepMine.has(conflictKey(c))) continue;
    const path = c.field.split('.');
    if (c.itemId === null) ledger = setPath(ledger, path, c.mine);
    else {
      const i = items.findIndex((x) => x.id === c.itemId);
      if (i >= 0) items[i] = setPath(items[i] as Obj, path, c.mine) as RectificationItem;
    }
  }
  return { ...ledger, items } as RectificationLedger;
}

/** The key of a conflict (for {@link resolveConflicts}): `itemId` and `field` joined. */
export function conflictKey(c: Pick<MergeConflict, 'itemId' | 'field'>): string {
  return `${c.itemId ?? ''}\u0000${c.field}`;
}

function setPath(obj: Obj, path: readonly string[], value: unknown): Obj {
  const [k, ...rest] = path;
  const out: Obj = { ...obj };
  if (!rest.length) {
    if (value === undefined) delete out[k!];
    else out[k!] = value;
  } else out[k!] = setPath(isPlain(obj[k!]) ? (obj[k!] as Obj) : {}, rest, value);
  return out;
}

/**
 * The change log: every field edit of an item on the record, append-only (who, when, in which
 * role, which field, the value before and after). {@link diffItem} says what an edit changed;
 * {@link editItem} is the edit helper an interface calls (the workflow's `updateItem`, the
 * progress of measures with details, and the log entries). Status changes stay in `history`;
 * 延期 and 验收 keep their own lists (`extensions`, `acceptance`). Pure; no input is mutated.
 */
import type { FieldChange, RectificationItem } from '../rectification-types.js';
import { canonicalJson } from '../draft.js';
import { isDateTime } from './dates.js';
import { withMeasureProgress } from './measures.js';
import { RectificationError, type RectificationRole, updateItem } from './workflow.js';

/** Members that are not field edits: the identity, the status and the logs kept by their own steps. */
export const UNLOGGED_FIELDS: ReadonlySet<string> = new Set(['id', 'status', 'history', 'changes', 'extensions', 'acceptance']);

type Obj = Record<string, unknown>;
const isPlain = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => (a === undefined || b === undefined ? a === b : a === b || canonicalJson(a) === canonicalJson(b));

/** What changed at one place of an item: its path, and the value before and after (absent: none). */
export type FieldDiff = Pick<FieldChange, 'path' | 'before' | 'after'>;

function entry(path: string[], before: unknown, after: unknown): FieldDiff {
  const d: FieldDiff = { path };
  if (before !== undefined) d.before = before;
  if (after !== undefined) d.after = after;
  return d;
}

/** The ids of a list whose members are all objects with distinct non-empty text ids; null otherwise. */
function idsOf(list: readonly unknown[]): string[] | null {
  const ids: string[] = [];
  for (const m of list) {
    if (!isPlain(m) || typeof m['id'] !== 'string' || !m['id']) return null;
    ids.push(m['id']);
  }
  return new Set(ids).size === ids.length ? ids : null;
}

function diffList(before: unknown[], after: unknown[], path: string[], out: FieldDiff[]): void {
  const a = idsOf(before);
  const b = idsOf(after);
  if (a && b) {
    // By id, when the kept members keep their order and new ones come last.
    const kept = a.filter((id) => b.includes(id));
    const added = b.filter((id) => !a.includes(id));
    if (same([...kept, ...added], b)) {
      const byId = new Map(after.map((m) => [(m as Obj)['id'] as string, m]));
      before.forEach((m, i) => {
        const now = byId.get(a[i]!);
        if (now === undefined) out.push(entry([...path, a[i]!], m, undefined));
        else diffValue(m, now, [...path, a[i]!], out);
      });
      for (const id of added) out.push(entry([...path, id], undefined, byId.get(id)));
      return;
    }
  }
  // Appended to (evidence added): one entry per new member, at its index.
  if (after.length > before.length && before.every((m, i) => same(m, after[i]))) {
    for (let i = before.length; i < after.length; i++) out.push(entry([...path, String(i)], undefined, after[i]));
    return;
  }
  out.push(entry(path, before, after));
}

function diffValue(before: unknown, after: unknown, path: string[], out: FieldDiff[]): void {
  if (same(before, after)) return;
  if (isPlain(before) && isPlain(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) diffValue(before[k], after[k], [...path, k], out);
  } else if (Array.isArray(before) && Array.isArray(after)) diffList(before, after, path, out);
  else out.push(entry(path, before, after));
}

/**
 * What changed from `before` to `after`, field by field: members of objects (`responsibility`,
 * `problem`…) one by one; measures (members with ids) by id, one entry per measure added or
 * removed and per member of a measure changed; evidence appended one entry per piece; any other
 * change of a list as the whole list. `id`, `status`, `history` and the logs (`changes`,
 * `extensions`, `acceptance`) are not field edits and are left out. Deterministic: the same two
 * items always give the same entries, in member order.
 */
export function diffItem(before: RectificationItem, after: RectificationItem): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!UNLOGGED_FIELDS.has(k)) diffValue(before[k], after[k], [k], out);
  }
  return out;
}

/** Who edits, and when. */
export interface EditOptions {
  /** Who (name or user id), as history entries name them. */
  by: string;
  role: RectificationRole;
  /** ISO date-time. */
  at: string;
}

/**
 * Apply the field edits of `patch` as `role` (the workflow's `updateItem`: the same permissions
 * and value checks), derive `progress` from measures that carry details (whatever `patch` says of
 * `progress`: on such an item a progress edit alone changes nothing), and append one change-log
 * entry per field changed ({@link diffItem}) to `changes`. Returns a **new** item (the same item
 * when nothing changed).
 * @throws {RectificationError} as `updateItem` (`role`, `invalid`); `invalid` for an empty `by` or a bad `at`.
 */
export function editItem(item: RectificationItem, patch: Partial<RectificationItem>, opts: EditOptions): RectificationItem {
  if (!opts.by?.trim()) throw new RectificationError('invalid', 'An edit needs "by"', 'by');
  if (!isDateTime(opts.at)) throw new RectificationError('invalid', '"at" is not an ISO date-time', 'at');
  if (item.changes != null && !Array.isArray(item.changes)) throw new RectificationError('change-log', 'The change log is not a list', 'changes');
  // Progress derived from measures with details is always recomputed: a typed progress cannot
  // contradict the measures (the stored value stays what `itemProgress` shows).
  const next = withMeasureProgress(updateItem(item, patch, opts.role));
  const diffs = diffItem(item, next);
  if (!diffs.length) return item;
  const by = opts.by.trim();
  const logged: FieldChange[] = diffs.map((d) => ({ at: opts.at, by, role: opts.role, ...d }));
  return { ...next, changes: [...(item.changes ?? []), ...logged] };
}

/** The value at `path` of an item (members of objects; list members by id, else by index). */
export function valueAt(item: unknown, path: readonly string[]): unknown {
  let v: unknown = item;
  for (const seg of path) {
    if (Array.isArray(v)) {
      const byId = v.find((m) => isPlain(m) && m['id'] === seg);
      v = byId !== undefined ? byId : /^\d+$/.test(seg) ? v[Number(seg)] : undefined;
    } else if (isPlain(v)) v = Object.prototype.hasOwnProperty.call(v, seg) ? v[seg] : undefined;
    else return undefined;
  }
  return v;
}

/** Whether one path lies inside the other (or they are the same). */
export function pathsMeet(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Why the change log of `after` does not record the field edits from `before`, or `null` when it does:
 * - `rewritten` — an entry of `before`'s log was changed or removed (the log is append-only);
 * - `malformed` — a new entry is not `{at, by, path}` with an ISO date-time and a path of text,
 *   or names a member that is not a field edit ({@link UNLOGGED_FIELDS});
 * - `missing` — a field changed (see {@link diffItem}) that no new entry names, or the last new
 *   entry naming it does not give the value the field now holds.
 * `ignore` lists members whose changes need no entry (what status steps set: `closedAt`, `verifier`, `progress` on 销号).
 */
export function changeLogProblem(
  before: RectificationItem,
  after: RectificationItem,
  ignore: ReadonlySet<string> = new Set(),
): { code: 'rewritten' | 'malformed' | 'missing'; path?: string[] } | null {
  const old = Array.isArray(before.changes) ? before.changes : before.changes == null ? [] : null;
  const now = Array.isArray(after.changes) ? after.changes : after.changes == null ? [] : null;
  if (!old || !now || now.length < old.length || old.some((e, i) => !same(e, now[i]))) return { code: 'rewritten' };
  const added = now.slice(old.length) as FieldChange[];
  for (const e of added) {
    if (
      !isPlain(e) ||
      !isDateTime(e.at) ||
      typeof e.by !== 'string' ||
      !Array.isArray(e.path) ||
      !e.path.length ||
      e.path.some((s) => typeof s !== 'string') ||
      UNLOGGED_FIELDS.has(e.path[0]!)
    ) {
      return { code: 'malformed' };
    }
  }
  for (const d of diffItem(before, after)) {
    if (ignore.has(d.path[0]!)) continue;
    const touching = added.filter((e) => pathsMeet(e.path, d.path));
    const last = touching[touching.length - 1];
    if (!last || !same(valueAt(after, last.path), last.after)) return { code: 'missing', path: d.path };
  }
  return null;
}

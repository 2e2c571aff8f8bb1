/**
 * Pure helpers of the rectification ledger that `<xc-rectification-tracker>` needs on top of
 * `rectification.ts`: role names, a shape check for ledger objects, the focus-area sort,
 * department lists, merging imported items, ledger-wide rules and local date formatting.
 * No DOM, no network, no clock; no input is ever mutated.
 */
import { formatDate, resolveLocale } from './i18n.js';
import {
  isDateKey,
  sortItems,
  STATUSES,
  zhCollator,
  type RectificationRole,
  type SortDirection,
  type SortKey,
} from './rectification.js';
import type { RectificationItem, RectificationLedger } from './rectification-types.js';

/** The roles of the ledger workflow. */
export const ROLES: readonly RectificationRole[] = ['unit', 'office', 'viewer'];

/** A role name from the host (context or attribute) as a workflow role; anything unknown or empty is `viewer`. */
export function toRole(value: unknown): RectificationRole {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (ROLES as readonly string[]).includes(v) ? (v as RectificationRole) : 'viewer';
}

/** Columns the tracker sorts by: the core's {@link SortKey}s plus the focus area. */
export type TrackerSortKey = SortKey | 'focusArea';

/**
 * A sorted copy of `items` by any tracker column. `focusArea` sorts with the zh-CN collator
 * (pinyin order), empty values last in both directions, stable; every other key is
 * {@link sortItems} of the core.
 */
export function sortItemsBy(items: readonly RectificationItem[], key: TrackerSortKey, dir: SortDirection = 'asc'): RectificationItem[] {
  if (key !== 'focusArea') return sortItems(items, key, dir);
  const coll = zhCollator();
  const sign = dir === 'desc' ? -1 : 1;
  const rows = items.map((item, index) => {
    const v = item.problem?.focusArea;
    return { item, index, v: typeof v === 'string' && v.trim() ? v.trim() : null };
  });
  rows.sort((a, b) => {
    if (a.v == null || b.v == null) {
      if (a.v == null && b.v == null) return a.index - b.index;
      return a.v == null ? 1 : -1;
    }
    const c = coll.compare(a.v, b.v);
    return c !== 0 ? c * sign : a.index - b.index;
  });
  return rows.map((r) => r.item);
}

/** The responsible departments named in `items` (trimmed, each once), in zh-CN collation order. */
export function departmentsOf(items: readonly RectificationItem[]): string[] {
  const set = new Set<string>();
  for (const item of items) {
    const d = item?.responsibility?.department;
    if (typeof d === 'string' && d.trim()) set.add(d.trim());
  }
  return [...set].sort(zhCollator().compare);
}

/** What {@link mergeNewItems} did. */
export interface MergeResult {
  /** The existing items followed by the incoming items that were not there yet. */
  items: RectificationItem[];
  /** Ids of the items appended. */
  added: string[];
  /** Ids of the incoming items left out because an item with that id is already present (or came earlier in `incoming`). */
  skipped: string[];
}

/** Append the items of `incoming` whose id is not yet in `existing` (nor earlier in `incoming`). */
export function mergeNewItems(existing: readonly RectificationItem[], incoming: readonly RectificationItem[]): MergeResult {
  const ids = new Set(existing.map((i) => i.id));
  const items = [...existing];
  const added: string[] = [];
  const skipped: string[] = [];
  for (const item of incoming) {
    if (ids.has(item.id)) {
      skipped.push(item.id);
      continue;
    }
    ids.add(item.id);
    items.push(item);
    added.push(item.id);
  }
  return { items, added, skipped };
}

/** Why {@link readLedgerObject} refused a value. */
export type LedgerShapeError = 'not-object' | 'version' | 'items' | 'item' | 'item-id' | 'duplicate-id';

/**
 * Check that `value` (an object, not JSON text: see `parseLedger` for text) has the shape the
 * tracker needs: an object with `version: 1` and an `items` list of objects with non-empty
 * string ids, no id twice. The full check is the schema's; this one decides whether the ledger
 * can be shown at all. Returns the failing index for item errors.
 */
export function readLedgerObject(value: unknown): { ok: true; ledger: RectificationLedger } | { ok: false; error: LedgerShapeError; index?: number; id?: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'not-object' };
  const v = value as Record<string, unknown>;
  if (v.version !== 1) return { ok: false, error: 'version' };
  if (!Array.isArray(v.items)) return { ok: false, error: 'items' };
  const seen = new Set<string>();
  for (let i = 0; i < v.items.length; i++) {
    const item = v.items[i] as unknown;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return { ok: false, error: 'item', index: i };
    const id = (item as { id?: unknown }).id;
    if (typeof id !== 'string' || !id) return { ok: false, error: 'item-id', index: i };
    if (seen.has(id)) return { ok: false, error: 'duplicate-id', index: i, id };
    seen.add(id);
  }
  return { ok: true, ledger: value as RectificationLedger };
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

/**
 * A calendar date `YYYY-MM-DD` written the way `lang` writes dates (zh-CN: year, month and day with their characters),
 * as that local day: never shifted by the time zone (unlike formatting `new Date('2026-12-31')`,
 * which is UTC midnight). Other strings are returned as they are.
 */
export function formatDateKey(key: string | null | undefined, lang: string): string {
  // A member of another type than text (an object where a date belongs) reads as unknown: validation reports it.
  if (!isDateKey(key)) return formatDate(typeof key === 'string' || typeof key === 'number' ? key : null, lang);
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d, 12);
  local.setFullYear(y); // years 0–99
  return dateFormatter(lang).format(local);
}

/** One formatter per language (making an Intl.DateTimeFormat is slow; tables format thousands of dates). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(lang: string): Intl.DateTimeFormat {
  const tag = resolveLocale(lang).lang;
  let f = formatters.get(tag);
  if (!f) formatters.set(tag, (f = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric' })));
  return f;
}

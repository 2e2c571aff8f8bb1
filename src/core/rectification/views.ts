/**
 * What a ledger table shows: sorting (every column, the focus area included), filtering,
 * grouping by focus area and departments (the summary's figures: summary.ts). Pure: `today` is an argument.
 */
import type { EvidenceRef, RectificationItem, RectificationKind, RectificationStatus } from '../rectification-types.js';
import { KINDS, STATUSES } from './workflow.js';
import { effectiveDeadline, isDateKey, isOverdue } from './dates.js';
import { asList, asText } from './values.js';

/** Columns items can be sorted by. */
export type SortKey = 'id' | 'problem' | 'department' | 'kind' | 'deadline' | 'status' | 'progress' | 'leader' | 'person';
export type SortDirection = 'asc' | 'desc';

let collator: Intl.Collator | undefined;
/** The Chinese-aware collator (pinyin order, numbers in numeric order) used for text columns. */
export function zhCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' }));
}

/** Columns the tracker sorts by: the core's {@link SortKey}s plus the focus area. */
export type TrackerSortKey = SortKey | 'focusArea';

function sortValue(item: RectificationItem, key: TrackerSortKey): string | number | null {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  switch (key) {
    case 'id':
      return text(item.id);
    case 'problem':
      return text(item.problem?.text);
    case 'focusArea':
      return text(item.problem?.focusArea);
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
    case 'deadline': {
      const d = effectiveDeadline(item);
      return isDateKey(d) ? d : null;
    }
    case 'progress':
      return typeof item.progress === 'number' && Number.isFinite(item.progress) ? item.progress : null;
    default:
      return null;
  }
}

/**
 * A sorted copy of `items` (stable: equal values keep their order). Text columns (id, problem,
 * department, leader, person) use the zh-CN collator (pinyin order, numeric ids: ZG-2 before ZG-10);
 * `status` and `kind` sort in workflow order; `deadline` by the date that counts (an approved 延期's); `progress` numerically.
 * Empty values come last in both directions.
 */
export function sortItems(items: readonly RectificationItem[], key: SortKey, dir: SortDirection = 'asc'): RectificationItem[] {
  return sortItemsBy(items, key, dir);
}

/**
 * A sorted copy of `items` by any tracker column: {@link sortItems}, and `focusArea` with the zh-CN
 * collator (pinyin order) like the other text columns, empty values last in both directions, stable.
 */
export function sortItemsBy(items: readonly RectificationItem[], key: TrackerSortKey, dir: SortDirection = 'asc'): RectificationItem[] {
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

/** The responsible departments named in `items` (trimmed, each once), in zh-CN collation order. */
export function departmentsOf(items: readonly RectificationItem[]): string[] {
  const set = new Set<string>();
  for (const item of items) {
    const d = item?.responsibility?.department;
    if (typeof d === 'string' && d.trim()) set.add(d.trim());
  }
  return [...set].sort(zhCollator().compare);
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

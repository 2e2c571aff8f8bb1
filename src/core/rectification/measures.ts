/**
 * Measures (任务清单 / 责任清单) with their own 责任人, 时限 and done / not done, and the item's
 * progress derived from them. An item whose measures carry no such details (ledgers made before
 * them) keeps its own `progress` as it was typed. Pure: `today` is an argument.
 */
import type { Measure, RectificationItem } from '../rectification-types.js';
import { dayOf } from './dates.js';
import { asList } from './values.js';

const measuresOf = (item: RectificationItem): Measure[] =>
  (asList(item.measures) as (Measure | null)[]).filter((m): m is Measure => !!m && typeof m === 'object');

/** Whether any measure of the item names its own 责任人 or 时限: its progress is then derived from the measures. */
export function hasMeasureDetails(item: RectificationItem): boolean {
  return measuresOf(item).some((m) => (typeof m.person === 'string' && m.person.trim() !== '') || typeof m.deadline === 'string');
}

/** The share of the item's measures that are done, 0–100 rounded down (so 100 only when all are); `null` when it has none. */
export function measureProgress(item: RectificationItem): number | null {
  const list = measuresOf(item);
  if (!list.length) return null;
  return Math.floor((list.filter((m) => m.done === true).length * 100) / list.length);
}

/**
 * The progress to show: 100 once closed; derived from the measures ({@link measureProgress}) when
 * they carry details ({@link hasMeasureDetails}); else the item's own `progress` (0 when unreadable).
 */
export function itemProgress(item: RectificationItem): number {
  if (item.status === 'closed') return 100;
  if (hasMeasureDetails(item)) return measureProgress(item) ?? 0;
  const p = item.progress;
  return typeof p === 'number' && Number.isFinite(p) ? Math.max(0, Math.min(100, Math.round(p))) : 0;
}

/** The measures not done whose own 时限 has passed on `today` (local dates; the deadline day itself is not overdue). */
export function overdueMeasures(item: RectificationItem, today: Date | string | number): Measure[] {
  const t = dayOf(today);
  if (t == null || item.status === 'closed') return [];
  return measuresOf(item).filter((m) => {
    const d = m.done === true ? null : dayOf(m.deadline);
    return d != null && t > d;
  });
}

/**
 * The item with its `progress` set from its measures when they carry details (a **new** item;
 * the same item when nothing changes). {@link editItem} calls it, so the stored `progress` stays
 * what {@link itemProgress} shows.
 */
export function withMeasureProgress(item: RectificationItem): RectificationItem {
  if (item.status === 'closed' || !hasMeasureDetails(item)) return item;
  const p = measureProgress(item) ?? 0;
  return p === item.progress ? item : { ...item, progress: p };
}

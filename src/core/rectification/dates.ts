/**
 * Ledger dates: local calendar days (`YYYY-MM-DD`), never instants, and the deadlines and traffic
 * lights counted on them. See the notes of `../rectification.ts`. Pure: the clock is an argument.
 */
import type { ExtensionRequest, RectificationItem } from '../rectification-types.js';
import { DATE_KEY, isDateKey } from '../date-key.js';
import { asList, pad } from './values.js';

export { isDateKey };

const MS_PER_DAY = 86_400_000;


/** The local calendar date of `d` as `YYYY-MM-DD`. */
export function localDateKey(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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
export function dayNumber(key: string): number {
  const m = DATE_KEY.exec(key)!;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

/** Day number of any date value ({@link toDateKey}), or null. */
export function dayOf(value: Date | string | number | null | undefined): number | null {
  const key = toDateKey(value);
  return key == null ? null : dayNumber(key);
}

/** Whether `s` is an ISO date-time (`YYYY-MM-DDT…`) that parses. */
export function isDateTime(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s));
}


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

/**
 * The deadline that counts: the one of the last approved request for 延期 (`extensions`), else the
 * item's own `deadline` (which 延期 never changes: it stays the original deadline).
 */
export function effectiveDeadline(item: RectificationItem): string | undefined {
  const list = asList(item.extensions) as (ExtensionRequest | null)[];
  for (let i = list.length; i--; ) {
    const e = list[i];
    if (e?.decision?.approved === true && isDateKey(e.deadline)) return e.deadline;
  }
  return item.deadline;
}

function deadlineDay(item: RectificationItem): number | null {
  const deadline = effectiveDeadline(item);
  if (item.status === 'closed' || item.kind === 'ongoing' || !deadline) return null;
  return dayOf(deadline);
}

/**
 * The traffic light of an item on `today`, comparing local calendar days (see the module notes),
 * against the deadline that counts ({@link effectiveDeadline}: an approved 延期's, else the item's own):
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

/** Whether the item is overdue on `today`: not closed, not ongoing, and `today` is after the day of the deadline that counts ({@link effectiveDeadline}; local dates). */
export function isOverdue(item: RectificationItem, today: Date | string | number): boolean {
  const d = deadlineDay(item);
  const t = dayOf(today);
  return d != null && t != null && t > d;
}

/**
 * Whole local days from `today` to the deadline that counts ({@link effectiveDeadline}): 0 on the deadline day, −1 the day after (overdue).
 * `null` when no deadline applies (closed, ongoing, no deadline) or a date cannot be read.
 */
export function daysLeft(item: RectificationItem, today: Date | string | number): number | null {
  const d = deadlineDay(item);
  const t = dayOf(today);
  return d == null || t == null ? null : d - t;
}


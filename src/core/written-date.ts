/**
 * Date-times as their writer wrote them, for exports (the ledger's CSV, the .xlsx writer): a module of
 * its own, loaded with them, so that pages carry it only when they export.
 */
import { isDateKey } from './date-key.js';

/** An ISO date-time with its offset (`Z` or `±hh:mm`): the date and time as written, in the writer's own time zone. */
const WRITTEN = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;

/**
 * The date and time of an ISO date-time as its writer wrote them (`2026-12-05T02:00:00+08:00` →
 * `{ date: '2026-12-05', hours: 2, minutes: 0, seconds: 0 }`), whatever the time zone of the
 * machine reading it: a record's 销号日期 is the same on a server in UTC and on the unit's PC.
 * `null` for anything else (a date key, a time without an offset, not a real date).
 */
export function writtenDateTime(v: unknown): { date: string; hours: number; minutes: number; seconds: number } | null {
  const m = typeof v === 'string' ? WRITTEN.exec(v.trim()) : null;
  if (!m || !isDateKey(m[1])) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  const seconds = Number(m[4] ?? 0);
  return hours < 24 && minutes < 60 && seconds < 61 ? { date: m[1]!, hours, minutes, seconds } : null;
}

/**
 * Calendar dates written `YYYY-MM-DD`: the one check, shared by date formatting (i18n, on every
 * page) and the ledger's date arithmetic (rectification/dates.ts, only on pages with a ledger).
 */

/** A date key's shape: year, month, day. */
export const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isDateKey(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_KEY.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** `date` plus `months` calendar months, the day kept or clamped to the month's last (11-30 + 3 → 02-28). */
export function addMonths(date: string, months: number): string {
  if (!isDateKey(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + Math.trunc(months);
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** {@link addMonths} for a date that may not be one: `undefined` unless `date` is `YYYY-MM-DD` and `months` whole (2026-12-31 + 2 = 2027-02-28). */
export function monthsAfter(date: string, months: number): string | undefined {
  return isDateKey(date) && Number.isInteger(months) ? addMonths(date, months) : undefined;
}

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

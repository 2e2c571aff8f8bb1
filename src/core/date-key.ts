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

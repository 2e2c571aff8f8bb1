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

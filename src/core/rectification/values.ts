/**
 * Small readers shared by the ledger modules (internal: not part of the public API). Data may
 * hold anything where a member belongs; these never throw.
 */
/** `n` with leading zeros to `width` digits. */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A value inside a developer message (never throws, not even for `{"toString": ""}`). */
export function said(v: unknown): string {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** A member that should be text, as text ('' when it is missing or of another type). */
export const asText = (v: unknown): string => (typeof v === 'string' ? v : '');
/** An unknown value as shown: text and numbers as they are, anything else as ''. */
export const asShown = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
/** A member that should be a list, as a list ([] when it is missing or of another type). */
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

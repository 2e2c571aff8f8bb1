/**
 * Numbers people quote (信访件 XF-2026-001, 线索 XS-2026-001, 移交单 YJ-2026-01): a pattern with date
 * tokens and one sequence, and the next number of it, never one given before. Shared by the
 * registers; no strings of any element.
 */
import { isDateKey } from './date-key.js';

const TOKEN = /\{(yyyy|yy|mm|dd|seq)(?::(\d{1,2}))?\}/g;

/** A usable pattern: the given one when it holds exactly one {seq}, else `fallback`. */
export function numberingPattern(pattern: unknown, fallback: string): string {
  if (typeof pattern !== 'string' || pattern.length > 100) return fallback;
  const seqs = pattern.match(/\{seq(?::\d{1,2})?\}/g);
  return seqs && seqs.length === 1 ? pattern : fallback;
}

/**
 * The next number of a pattern on `date`: one above the highest sequence among `taken` that fits
 * the pattern with that date filled in (so a number is never given twice).
 */
export function nextNumber(taken: Iterable<unknown>, pattern: string, date: string): string {
  const [y, m, d] = isDateKey(date) ? date.split('-') : ['0000', '00', '00'];
  let width = 1;
  const filled = pattern.replace(TOKEN, (_all, tok: string, n?: string) => {
    if (tok === 'seq') {
      width = Math.max(1, Math.min(12, Number(n ?? 1)));
      return '\u0000';
    }
    return tok === 'yyyy' ? y! : tok === 'yy' ? y!.slice(2) : tok === 'mm' ? m! : d!;
  });
  const at = filled.indexOf('\u0000');
  const before = filled.slice(0, at);
  const after = filled.slice(at + 1);
  let max = 0;
  for (const n of taken) {
    if (typeof n !== 'string' || !n.startsWith(before) || !n.endsWith(after) || n.length <= before.length + after.length) continue;
    const digits = n.slice(before.length, n.length - after.length);
    if (/^\d{1,15}$/.test(digits)) max = Math.max(max, Number(digits));
  }
  return before + String(max + 1).padStart(width, '0') + after;
}

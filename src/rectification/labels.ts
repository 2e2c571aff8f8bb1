/**
 * How the ledger's element, rows and panel write its data for people: the role's name, an item's
 * number, a problem's category, and data isolated inside a message (`<bdi>`).
 */
import { html, type TemplateResult } from 'lit';

/** The role as people call it: one home for the ledger's labels, `core/rectification/labels.ts`. */
export { roleLabel } from '../core/rectification/labels.js';

/** Stands for data inside a message, so that the data can be isolated where the message is shown. */
export const DATA_MARK = '\u0000';

/**
 * A message with data in it (made with {@link DATA_MARK} in the data's place), the data in a
 * `<bdi>`: direction controls in the data (U+202E…) cannot reorder the message around it.
 */
export function isolateIn(message: string, data: string): TemplateResult {
  const i = message.indexOf(DATA_MARK);
  if (i < 0) return html`${message}`;
  return html`${message.slice(0, i)}<bdi>${data}</bdi>${message.slice(i + DATA_MARK.length)}`;
}

/**
 * How people read an item's number: its id when that is a short number (`ZG-001`, `R-3`), else
 * its place in the ledger (`3`). Long machine ids (`R-xc-sanjujiao-f1g1-01`) stay in the data.
 */
export function itemNumber(id: unknown, index: number): string {
  const s = typeof id === 'string' ? id.trim() : '';
  return s && s.length <= 10 && !/\s/.test(s) ? s : String(index + 1);
}

/** A machine code (`first-topic`, `ideology`): lowercase ASCII letters and digits, joined by - or _. */
export const isMachineId = (s: string): boolean => /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(s.trim());

/**
 * The category of a problem as people read it: the label carried in `category` (the checklist
 * hands over its label, with the code in `categoryId`); '' when all there is, is a bare code.
 */
export function categoryText(problem: unknown): string {
  if (!problem || typeof problem !== 'object') return '';
  const c = (problem as { category?: unknown }).category;
  return typeof c === 'string' && c.trim() && !isMachineId(c) ? c : '';
}

/** How a form field reads in the read-only and printed views (the text itself: src/core/form-text.ts), and its control's id. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../core/i18n.js';
import type { FieldDescriptor } from '../core/form-model.js';
import { fieldText } from '../core/form-text.js';

/** The value's text (shared with the Word export: src/core/form-text.ts). */
export { plainText, recordDateTime } from '../core/form-text.js';

/** The id of a field's control inside the form's shadow root (any name is turned into a valid, unique id). */
export function fieldId(name: string): string {
  return `xf-${name.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`) || 'root'}`;
}

/** Does an array show its items as groups (objects), rather than as one line of text? */
export const itemsAreGroups = (d: FieldDescriptor) => d.widget === 'array' && (d.item?.widget ?? d.items[0]?.widget) === 'object';

/** The value of a field as text for the read-only and printed views ('' when empty). */
export function displayText(d: FieldDescriptor, t: Messages, lang: string): string {
  return fieldText(d, t, lang);
}

/** Marks a piece of data inside composed text (`\u0000<n>\u0000`); NUL is taken out of the data itself. */
const PIECE = /\u0000(\d+)\u0000/;

/**
 * The value of a field for the read-only and printed views, each piece of data in a `<bdi>`:
 * a direction control in one value (U+202E…) cannot reorder the separators, brackets or other
 * values shown beside it (a person's unit after the name). `nothing` when empty.
 */
export function displayIsolated(d: FieldDescriptor, t: Messages, lang: string): TemplateResult | typeof nothing {
  const pieces: string[] = [];
  const text = fieldText(d, t, lang, (s) => `\u0000${pieces.push(s.replace(/\u0000/g, '')) - 1}\u0000`);
  if (!text) return nothing;
  const parts = text.split(PIECE);
  // split with a capture group: text, index, text, index, …, text
  return html`${parts.map((p, i) => (i % 2 ? html`<bdi>${pieces[Number(p)]}</bdi>` : p))}`;
}

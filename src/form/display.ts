import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, resolveLocale, type Messages } from '../core/i18n.js';
import { isEmptyValue, type FieldDescriptor } from '../core/form-model.js';
import { parseLocalDate, toTimeInput } from '../core/form-input.js';

/** The id of a field's control inside the form's shadow root (any name is turned into a valid, unique id). */
export function fieldId(name: string): string {
  return `xf-${name.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`) || 'root'}`;
}

/** A value as text: objects and lists as JSON (never "[object Object]"), the rest as `String` writes them. */
export function plainText(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return '';
  }
}

/** Does an array show its items as groups (objects), rather than as one line of text? */
export const itemsAreGroups = (d: FieldDescriptor) => d.widget === 'array' && (d.item?.widget ?? d.items[0]?.widget) === 'object';

/** The value of a field as text for the read-only and printed views ('' when empty). */
export function displayText(d: FieldDescriptor, t: Messages, lang: string): string {
  return composeText(d, t, lang, (s) => s);
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
  const text = composeText(d, t, lang, (s) => `\u0000${pieces.push(s.replace(/\u0000/g, '')) - 1}\u0000`);
  if (!text) return nothing;
  const parts = text.split(PIECE);
  // split with a capture group: text, index, text, index, …, text
  return html`${parts.map((p, i) => (i % 2 ? html`<bdi>${pieces[Number(p)]}</bdi>` : p))}`;
}

/** The display text of a field; `piece` wraps every value taken from the record or the template. */
function composeText(d: FieldDescriptor, t: Messages, lang: string, piece: (s: string) => string): string {
  const v = d.value;
  if (d.widget === 'person' || d.widget === 'object') {
    const parts = d.children.filter((c) => !c.hidden).map((c) => composeText(c, t, lang, piece)).filter(Boolean);
    if (!parts.length) return '';
    return d.widget === 'person' ? t.formPerson(parts[0]!, parts.slice(1).join(' ')) : parts.join(t.formListSep);
  }
  if (d.widget === 'array') return d.items.map((i) => composeText(i, t, lang, piece)).filter(Boolean).join(t.formListSep);
  if (isEmptyValue(v)) return '';
  const label = (x: unknown) => piece(d.options.find((o) => o.value === x)?.label ?? plainText(x));
  switch (d.widget) {
    case 'checkbox':
      return v === true ? t.yes : t.no;
    case 'checkboxes':
      return (Array.isArray(v) ? v : [v]).map(label).join(t.formListSep);
    case 'select':
    case 'radio':
      return label(v);
    case 'date':
      return piece(formatDate(parseLocalDate(v) ?? plainText(v), lang));
    case 'datetime':
      return piece(recordDateTime(v, t, lang));
    case 'time':
      return piece(toTimeInput(v) || plainText(v));
  }
  return piece(plainText(v));
}

const RFC3339 = /^(\d{4,})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A stored date-time as the record wrote it: the wall-clock time in the value's own offset, with
 * the offset (e.g. 20 November 2026 09:30 (UTC+08:00)), whatever the viewing machine's time zone. A
 * value without an offset is shown in the machine's zone, as before.
 */
export function recordDateTime(v: unknown, t: Messages, lang: string): string {
  const s = plainText(v).trim();
  const m = RFC3339.exec(s);
  if (!m) return formatDate(s, lang, true);
  const [, y, mo, d, h, mi, off] = m as unknown as [string, string, string, string, string, string, string];
  const at = new Date(Date.UTC(2000, Number(mo) - 1, Number(d), Number(h), Number(mi)));
  at.setUTCFullYear(Number(y));
  if (Number.isNaN(at.getTime()) || at.getUTCDate() !== Number(d)) return formatDate(s, lang, true);
  const text = new Intl.DateTimeFormat(resolveLocale(lang).lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'UTC',
  }).format(at);
  const zone = /^(z|[+-]00:00)$/i.test(off) ? 'UTC' : `UTC${off}`;
  return t.formAtOffset(text, zone);
}

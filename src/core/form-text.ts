/**
 * A form field's value as the text people read (read-only view, print, Word export): choices as
 * their labels (never raw codes), dates in the language's format, date-times as the record wrote
 * them (with their offset), people as "name（unit post）", lists joined. No DOM: shared by the
 * form's display (src/form/display.ts) and the Word export (src/core/office/form-docx.ts), so the
 * printed record and the exported file say the same thing.
 */
import { formatDate, resolveLocale, type Messages } from './i18n.js';
import { isEmptyValue, type FieldDescriptor } from './form-model.js';
import { parseLocalDate, toTimeInput } from './form-input.js';

/** A value as text: objects and lists as JSON (never "[object Object]"), the rest as `String` writes them. */
export function plainText(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return '';
  }
}

/**
 * The display text of a field ('' when empty); `piece` wraps every value taken from the record or
 * the template (the display isolates each one; plain text keeps it as it is).
 */
export function fieldText(d: FieldDescriptor, t: Messages, lang: string, piece: (s: string) => string = (s) => s): string {
  const v = d.value;
  if (d.widget === 'person' || d.widget === 'object') {
    const parts = d.children.filter((c) => !c.hidden).map((c) => fieldText(c, t, lang, piece)).filter(Boolean);
    if (!parts.length) return '';
    return d.widget === 'person' ? t.formPerson(parts[0]!, parts.slice(1).join(' ')) : parts.join(t.formListSep);
  }
  if (d.widget === 'array') return d.items.map((i) => fieldText(i, t, lang, piece)).filter(Boolean).join(t.formListSep);
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

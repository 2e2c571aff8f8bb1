import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, type Messages } from '../core/i18n.js';
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
  const v = d.value;
  if (d.widget === 'person' || d.widget === 'object') {
    const parts = d.children.filter((c) => !c.hidden).map((c) => displayText(c, t, lang)).filter(Boolean);
    if (!parts.length) return '';
    return d.widget === 'person' ? t.formPerson(parts[0]!, parts.slice(1).join(' ')) : parts.join(t.formListSep);
  }
  if (d.widget === 'array') return d.items.map((i) => displayText(i, t, lang)).filter(Boolean).join(t.formListSep);
  if (isEmptyValue(v)) return '';
  const label = (x: unknown) => d.options.find((o) => o.value === x)?.label ?? plainText(x);
  switch (d.widget) {
    case 'checkbox':
      return v === true ? t.yes : t.no;
    case 'checkboxes':
      return (Array.isArray(v) ? v : [v]).map(label).join(t.formListSep);
    case 'select':
    case 'radio':
      return label(v);
    case 'date':
      return formatDate(parseLocalDate(v) ?? plainText(v), lang);
    case 'datetime':
      return formatDate(plainText(v), lang, true);
    case 'time':
      return toTimeInput(v) || plainText(v);
  }
  return plainText(v);
}

/**
 * The fields as text for print (A4): one row per field, a section per object
 * and per item of a repeating group. `skip` leaves fields out; hidden fields
 * and fields with `x-xc-print: false` are left out too. Empty fields with
 * `x-xc-print.lines` get blank lines to write on.
 */
export function printRows(fields: readonly FieldDescriptor[], t: Messages, lang: string, skip?: (d: FieldDescriptor) => boolean): TemplateResult[] {
  return fields
    .filter((d) => !d.hidden && !d.print.hide && !skip?.(d))
    .map((d) => {
      const label = d.print.label ?? d.label;
      if (d.widget === 'object' || itemsAreGroups(d)) {
        const body =
          d.widget === 'object'
            ? printRows(d.children, t, lang, skip)
            : d.items.map((item) => html`<div class="p-item"><p class="p-item-title">${item.label}</p>${printRows(item.children, t, lang, skip)}</div>`);
        return html`<section class="p-sec"><h2>${label}</h2>${body.length ? body : html`<p class="p-empty">${t.formEmpty}</p>`}</section>`;
      }
      const text = displayText(d, t, lang);
      const lines = !text && d.print.lines ? html`<span class="p-lines">${Array.from({ length: d.print.lines }, () => html`<span></span>`)}</span>` : nothing;
      return html`<div class="p-row"><span class="p-label">${label}</span><span class="p-value">${text}${lines}</span></div>`;
    });
}

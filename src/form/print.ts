/**
 * The A4 print layout of `<xc-form>` (internal): its rows and styles. Loaded after the form's
 * first frame (a form is read on screen long before it is printed), and at once for `print-view`.
 * @module
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { Messages } from '../core/i18n.js';
import type { FieldDescriptor } from '../core/form-model.js';
import type { displayIsolated, displayText, itemsAreGroups } from './display.js';
import { printStyles } from './print.styles.js';
import { preloadFileList } from '../attachments/print-hook.js';
import { adoptSheet } from '../base/adopt-sheet.js';

/** The record's 附件清单, printed after its fields (its code loads only when the record has files). */
export { printFileList } from '../attachments/print-hook.js';

/**
 * What the form hands in: the display functions of display.ts and lit's `html` and `nothing`.
 * Imported here, they would split the form's and lit's code into more files of the standalone
 * build (a cost on every page) for the sake of this one.
 */
export interface Display {
  html: typeof litHtml;
  nothing: typeof litNothing;
  displayText: typeof displayText;
  displayIsolated: typeof displayIsolated;
  itemsAreGroups: typeof itemsAreGroups;
}

/** Add the print styles to a form's shadow root (once): a constructable stylesheet, as lit's own styles (Chromium 73+). */
export function adoptPrintStyles(root: ShadowRoot | null): void {
  if (!root || !adoptSheet(root, printStyles)) return;
  // The 附件清单's code follows as soon as the record has a file: printing starts right after
  // beforeprint, with no time to load anything.
  const host = root.host as HTMLElement & { value?: unknown };
  const watch = () => preloadFileList(host.value);
  watch();
  host.addEventListener('xc-change', watch);
}

/**
 * The fields as text for print (A4): one row per field, a section per object
 * and per item of a repeating group. `skip` leaves fields out; hidden fields
 * and fields with `x-xc-print: false` are left out too. Empty fields with
 * `x-xc-print.lines` get blank lines to write on.
 */
export function printRows(show: Display, fields: readonly FieldDescriptor[], t: Messages, lang: string, skip?: (d: FieldDescriptor) => boolean): TemplateResult[] {
  const { html, nothing, displayText, displayIsolated, itemsAreGroups } = show;
  /** Blank lines to write on, for a field printed empty. */
  const blankLines = (n: number) => html`<span class="p-lines">${Array.from({ length: Math.max(1, n) }, () => html`<span></span>`)}</span>`;
  return fields
    .filter((d) => !d.hidden && !d.print.hide && !skip?.(d))
    .map((d) => {
      const label = d.print.label ?? d.label;
      if (d.widget === 'object' || itemsAreGroups(d)) {
        // An empty group prints one blank item (its fields with lines), to be filled in by hand.
        const items = d.widget === 'object' ? [] : d.items.length ? d.items : d.item ? [d.item] : [];
        const body =
          d.widget === 'object'
            ? printRows(show, d.children, t, lang, skip)
            : items.map((item) => html`<div class="p-item"><p class="p-item-title"><bdi>${item.label}</bdi></p>${printRows(show, item.children, t, lang, skip)}</div>`);
        return html`<section class="p-sec"><h2>${label}</h2>${body.length ? body : html`<p class="p-empty">${t.formEmpty}</p>`}</section>`;
      }
      const text = displayText(d, t, lang);
      // Printed empty: choices as boxes to tick, anything else as lines to write on.
      const choices = !text && d.options.length && (d.widget === 'select' || d.widget === 'radio' || d.widget === 'checkboxes');
      const blank = text
        ? nothing
        : choices
          ? html`<span class="p-choices">${d.options.map((o) => html`<span class="p-choice"><span class="p-box" aria-hidden="true"></span>${o.label}</span>`)}</span>`
          : blankLines(d.print.lines ?? (d.widget === 'textarea' ? Math.min(d.rows ?? 3, 4) : 1));
      return html`<div class="p-row"><span class="p-label">${label}</span><span class="p-value">${text ? displayIsolated(d, t, lang) : nothing}${blank}</span></div>`;
    });
}

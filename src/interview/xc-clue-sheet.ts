/** `<xc-clue-sheet>`: the 问题线索登记移交表, an `<xc-form>` on its bundled definition, pre-filled from findings or interviews, with its Word export. */
import { html } from 'lit';
import { defineElement } from '../base/define.js';
import { XcForm } from '../form/xc-form.js';
import { displayText } from '../form/display.js';
import { lazy } from '../base/lazy.js';
import type { FieldDescriptor } from '../core/form-model.js';
import type { JsonSchema } from '../core/validation-types.js';

/** The bundled 问题线索登记 definition (template text): a chunk of its own, asked for on first load of a sheet. */
const clueSchema = lazy(() => import('../generated/templates/clueSheetSchema.js').then((m) => m.clueSheetSchema as JsonSchema));

/** The Word export (src/interview/interview-docx.ts, shared with the 谈话笔录): loaded on the first export only, never with the page. */
const loadDocx = lazy(() => import('./interview-docx.js'));

/**
 * The problem clue register and transfer sheet: `<xc-form>`
 * with the bundled template (schemas/templates/clue-sheet.json). Pre-fill it
 * through `value`, e.g. with `interviewToClues(record)[0]` or `toClueEntries(…)`
 * of a checklist; members it lacks get the template's defaults.
 *
 * @customElement xc-clue-sheet
 * @tag xc-clue-sheet
 *
 * @fires xc-change - A value changed. `detail: { value, path }`.
 * @fires xc-submit - `submit()` found the sheet valid. `detail: { value }`.
 * @fires xc-invalid - Validation failed on submit. `detail: { errors }`.
 * @fires xc-title - The page title the host may want to show changed. `detail: { title, errors }`.
 * @fires xc-export - A Word export is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'docx', filename, text: '', bytes }`.
 *
 * @slot header - Shown under the title.
 * @slot actions - Replaces the default submit button.
 *
 * @csspart title - The sheet's title.
 * @csspart error-summary - The error summary.
 * @csspart submit - The default submit button.
 * @csspart export-docx - The 导出 Word button, under the submit button (also on a read-only sheet; this element's own: the base `<xc-form>` has none).
 * @csspart print-view - The A4 layout.
 * @csspart attachment-list - The printed 附件清单 after the record's fields (when it refers to files): name, kind, size, the first 8 hex digits of each SHA-256, where in the record; images as thumbnails with the `print-thumbnails` attribute (and a store).
 */
export class XcClueSheet extends XcForm {
  protected override bundled() {
    return { schema: clueSchema(), loadValidator: () => import('../generated/validators/clueSheet.js').then((m) => m.clueSheet) };
  }

  /**
   * Download the sheet as a Word document (.docx, A4), laid out as the print is: the title, the
   * 线索登记 fields as a table, each further section with its fields (choices as their labels). The
   * file is named after the clue's number (问题线索登记表-<线索编号>.docx), else its date. Fires the
   * cancelable `xc-export` first (its `bytes` are the file's); nothing is sent anywhere. The writer
   * loads on the first export only.
   * @returns a promise of whether the download was started (false when a listener cancelled it, or
   *   before the form definition has loaded).
   */
  async download(format: 'docx'): Promise<boolean> {
    const model = this.model;
    if (format !== 'docx' || !model) return false;
    const lang = this.effectiveLang;
    const input = { model, text: (d: FieldDescriptor) => displayText(d, this.t, lang), lang, skip: (d: FieldDescriptor) => this.printSkip(d), now: this.env.now() };
    return (await loadDocx()).exportClueSheetDocx(this, input);
  }

  /** The form's actions, then 导出 Word (on a read-only sheet too). */
  protected override renderActions() {
    return html`${super.renderActions()}<div class="actions">
      <button type="button" part="export-docx" class="export-docx" @click=${() => void this.download('docx').catch(() => undefined)}>${this.t.formExportWord}</button>
    </div>`;
  }
}

defineElement('xc-clue-sheet', XcClueSheet);

declare global {
  interface HTMLElementTagNameMap {
    'xc-clue-sheet': XcClueSheet;
  }
}

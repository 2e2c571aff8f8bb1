import { defineElement } from '../base/define.js';
import { XcForm } from '../form/xc-form.js';
import { lazy } from '../base/lazy.js';
import type { JsonSchema } from '../core/validation-types.js';

/** The bundled 问题线索登记 definition (template text): a chunk of its own, asked for on first load of a sheet. */
const clueSchema = lazy(() => import('../generated/templates/clueSheetSchema.js').then((m) => m.clueSheetSchema as JsonSchema));

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
 *
 * @slot header - Shown under the title.
 * @slot actions - Replaces the default submit button.
 *
 * @csspart title - The sheet's title.
 * @csspart error-summary - The error summary.
 * @csspart submit - The default submit button.
 * @csspart print-view - The A4 layout.
 * @csspart attachment-list - The printed 附件清单 after the record's fields (when it refers to files): name, kind, size, the first 8 hex digits of each SHA-256, where in the record; images as thumbnails with the `print-thumbnails` attribute (and a store).
 */
export class XcClueSheet extends XcForm {
  protected override bundled() {
    return { schema: clueSchema(), loadValidator: () => import('../generated/validators/clueSheet.js').then((m) => m.clueSheet) };
  }
}

defineElement('xc-clue-sheet', XcClueSheet);

declare global {
  interface HTMLElementTagNameMap {
    'xc-clue-sheet': XcClueSheet;
  }
}

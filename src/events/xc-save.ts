/** `xc-save`: <xc-template-editor> saved a new version of a checklist template. */
import type { ChecklistTemplateSource } from '../core/checklist.js';
import type { TemplateChanges } from '../core/template-edit.js';

/** Detail of `xc-save`. */
export interface TemplateSaveDetail {
  /** The template as written: `version` bumped, `retiredIds` holding every id deleted so far. */
  template: ChecklistTemplateSource;
  /** What changed since the last saved version (check point ids removed, added, reworded; the new version). */
  changes: TemplateChanges;
}

export type XcSaveEvent = CustomEvent<TemplateSaveDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-save': XcSaveEvent;
  }
}

/** `xc-load`: the template or form definition now shown. */
import type { ChecklistTemplate } from '../core/checklist.js';
import type { JsonSchema } from '../core/validation-types.js';

/** `xc-load` of `<xc-checklist>`: the template now shown. */
export interface ChecklistLoadDetail {
  template: ChecklistTemplate;
}

/** `xc-load` of the schema forms: the definition now shown. */
export interface FormLoadDetail {
  schema: JsonSchema;
}

/** `xc-load` as any element fires it. */
export type XcLoadEvent = CustomEvent<ChecklistLoadDetail | FormLoadDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-load': XcLoadEvent;
  }
}

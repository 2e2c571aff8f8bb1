/** `xc-error`: the template or form definition could not be used. */
import type { FieldError } from '../core/validation-types.js';

/** `xc-error` of `<xc-checklist>`: why the template could not be used. */
export interface ChecklistErrorDetail {
  errors: FieldError[];
}

/** `xc-error` of the schema forms: why the definition could not be used. */
export interface FormErrorDetail {
  kind: 'csp' | 'no-compiler' | 'no-schema' | 'invalid' | 'load';
  details: string[];
}

/** `xc-error` as any element fires it. */
export type XcErrorEvent = CustomEvent<ChecklistErrorDetail | FormErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-error': XcErrorEvent;
  }
}

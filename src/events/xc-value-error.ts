/** `xc-value-error` of `<xc-checklist>`: a `value` that could not be read whole (kept in `rejectedValue`). */
import type { FieldError } from '../core/validation-types.js';

/** Detail of `xc-value-error`. */
export interface ChecklistValueErrorDetail {
  errors: FieldError[];
  /** The value exactly as given. */
  value: unknown;
}

export type XcValueErrorEvent = CustomEvent<ChecklistValueErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-value-error': XcValueErrorEvent;
  }
}

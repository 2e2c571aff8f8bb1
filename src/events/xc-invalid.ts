/** `xc-invalid`: what failed when a submit was attempted. */
import type { FieldError } from '../core/validation-types.js';

/** Detail of `xc-invalid`. */
export interface XcInvalidDetail {
  errors: FieldError[];
}

/** `xc-invalid` as any element fires it. */
export type XcInvalidEvent = CustomEvent<XcInvalidDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-invalid': XcInvalidEvent;
  }
}

/** `xc-change`: a value changed. Its `detail` depends on the element that fires it. */
import type { ChecklistResponse } from '../core/checklist.js';
import type { RectificationLedger } from '../core/rectification-types.js';

/** `xc-change` of `<xc-checklist>`. `value` is a getter: the response is copied only when read. */
export interface ChecklistChangeDetail {
  readonly value: ChecklistResponse | null;
  /** The check point answered; null when a whole draft was restored. */
  itemId: string | null;
}

/** `xc-change` of the schema forms. `value` is a getter. */
export interface FormChangeDetail {
  readonly value: unknown;
  /** Dotted path of the field changed; '' for the whole record. */
  path: string;
}

/** `xc-change` of `<xc-rectification-tracker>`. `value` is a getter. */
export interface TrackerChangeDetail {
  readonly value: RectificationLedger | null;
  itemId: string | null;
  reason: 'edit' | 'transition' | 'add' | 'import' | 'restore';
}

/** `xc-change` as any element fires it. */
export type XcChangeEvent = CustomEvent<ChecklistChangeDetail | FormChangeDetail | TrackerChangeDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-change': XcChangeEvent;
  }
}

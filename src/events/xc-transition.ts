/** `xc-transition` of `<xc-rectification-tracker>`: an item's status changed. */
import type { HistoryEntry, RectificationStatus } from '../core/rectification-types.js';

/** Detail of `xc-transition`. */
export interface TransitionEventDetail {
  itemId: string;
  from: RectificationStatus;
  to: RectificationStatus;
  /** The history entry appended. */
  entry: HistoryEntry;
}

export type XcTransitionEvent = CustomEvent<TransitionEventDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-transition': XcTransitionEvent;
  }
}

/** `xc-review` of `<xc-checklist>`: a step of the 工作底稿's 三级审核 was taken (编制, 复核, 退回, 审签). */
import type { ChecklistResponse, WorkpaperAction, WorkpaperState } from '../core/checklist.js';

/** Detail of `xc-review`. */
export interface ChecklistReviewDetail {
  /** The step taken. */
  action: WorkpaperAction;
  /** The sheet's state after it. */
  state: WorkpaperState;
  /** The response with the step recorded (and, after 审签, its signature). */
  value: ChecklistResponse | null;
}

export type XcReviewEvent = CustomEvent<ChecklistReviewDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-review': XcReviewEvent;
  }
}

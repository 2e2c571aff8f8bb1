/** `xc-issue` of `<xc-feedback-sheet>`: the 反馈意见 was issued (签发), with its 问题清单. */
import type { FeedbackValue } from '../core/feedback.js';
import type { RectificationItem } from '../core/rectification-types.js';

/** Detail of `xc-issue`. */
export interface FeedbackIssueDetail {
  /** The issued (locked) feedback. */
  value: FeedbackValue;
  /** The 问题清单: one ledger item per problem, for `<xc-rectification-tracker>` (ids stable: merging twice adds nothing). */
  items: RectificationItem[];
}

export type XcIssueEvent = CustomEvent<FeedbackIssueDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-issue': XcIssueEvent;
  }
}

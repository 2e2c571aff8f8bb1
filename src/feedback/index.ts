/**
 * `xc-elements/feedback`: registers <xc-feedback-sheet> (巡察反馈意见 → 问题清单) and re-exports the
 * feedback's pure functions.
 * @module
 */
export { XcFeedbackSheet, type FeedbackIssueDetail } from './xc-feedback-sheet.js';
export * from '../core/feedback.js';

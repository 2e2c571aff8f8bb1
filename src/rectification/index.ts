/** `xc-elements/rectification`: registers `<xc-rectification-tracker>` (the rectification ledger). */
export { XcRectificationTracker, type TransitionEventDetail, type ExportEventDetail, type ImportResult } from './xc-rectification-tracker.js';
export { XcRectificationRow } from './xc-rectification-row.js';
export { XcRectificationDetail, type TrackerActions } from './xc-rectification-detail.js';
export { XcRectificationSummary } from './xc-rectification-summary.js';

/**
 * `xc-elements/rectification-report`: registers <xc-rectification-report> (整改情况报告 and its 公开稿)
 * and re-exports the report's pure functions.
 * @module
 */
export { XcRectificationReport, type ReportChangeDetail } from './xc-rectification-report.js';
export * from '../core/rectification-report.js';

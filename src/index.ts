/**
 * `xc-elements`: registers every element and re-exports the core.
 *
 * ```js
 * import 'xc-elements';
 * ```
 * @module
 */
export * from './core/index.js';
export { XC_VERSION, defineElement } from './base/define.js';
export { xcContext, type XcEnvironment, type XcUser } from './base/context.js';
export { XcFormElement, type XcValidator } from './base/form-element.js';
export * from './checklist/index.js';
export * from './provider/index.js';
export { XcForm, XcField, type FormContext } from './form/index.js';
export { XcInterviewForm, XcClueSheet } from './interview/index.js';
export * from './rectification/index.js';
export { XcPetitionRegister, type PetitionToClueDetail } from './petition/index.js';
export { XcClueRegister, type ClueTransferDetail } from './clue-register/index.js';
export { XcRectificationReport, type ReportChangeDetail } from './rectification-report/index.js';
export { XcRoundSummary } from './round-summary/index.js';
export { XcFeedbackSheet, type FeedbackIssueDetail } from './feedback/index.js';
export { XcTemplateEditor, type TemplateSaveDetail } from './template-editor/index.js';

/**
 * `xc-elements/template-editor`: registers <xc-template-editor> (检查清单模板编辑) and re-exports the
 * template editing steps, the import from a document's text, and the form mode's steps on an
 * <xc-form> definition (`mode="form"`).
 * @module
 */
export { XcTemplateEditor, type TemplateSaveDetail } from './xc-template-editor.js';
export * from '../core/template-edit.js';
export * from '../core/template-version.js';
export * from '../core/template-import.js';
export * from '../core/form-definition-edit.js';
export type { FormSaveDetail } from './form-mode.js';

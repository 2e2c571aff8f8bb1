/**
 * `xc-elements/template-editor`: registers <xc-template-editor> (检查清单模板编辑) and re-exports the
 * template editing steps and the import from a document's text.
 * @module
 */
export { XcTemplateEditor, type TemplateSaveDetail } from './xc-template-editor.js';
export * from '../core/template-edit.js';
export * from '../core/template-import.js';

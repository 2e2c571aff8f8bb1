/**
 * Entry of `dist/xc-elements.standalone.js`: every element with lit, the bundled
 * templates and validators, for pages without a bundler. It exports only what a
 * page script needs next to the elements; the whole pure API is in
 * `xc-elements/core` for bundler users.
 * @module
 */
export { XC_VERSION, defineElement } from './base/define.js';
export { registerLocale } from './core/i18n.js';
export { memoryDrafts, localStorageDrafts } from './core/draft.js';
export { readChecklistTemplate, toRectificationItems, toClueEntries, checklistResponseSchema } from './core/checklist.js';
export * from './checklist/index.js';
export * from './provider/index.js';

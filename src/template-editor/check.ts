/**
 * What <xc-template-editor> loads when it connects, after its first frame (not with the page): the
 * meta-schema check (a precompiled validator), its errors worded for authors and placed at their
 * fields (errors.ts), and the save's review of what a new version changes (save-view.ts). Every use
 * of these follows a check, so the page's first load carries none of them.
 */
export { readChecklistTemplate } from '../core/checklist-template.js';
export { domIdOf, explainErrors, placeOf } from './errors.js';
export { unknownMembersAt } from './members.js';
export { renderConfirm, reviewSave } from './save-view.js';

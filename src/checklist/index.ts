/** `xc-elements/checklist`: registers `<xc-checklist>`. */
export { XcChecklist } from './xc-checklist.js';
export { XcChecklistItem } from './xc-checklist-item.js';
export { XcChecklistTally } from './xc-checklist-tally.js';

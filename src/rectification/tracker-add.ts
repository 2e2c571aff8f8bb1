/**
 * The ledger's office-only additions, loaded on first use (the 新增条目 button, `addItem` and
 * `importFindings`): a new empty item with the next free id, and the merge of imported findings.
 * A page that only reads or edits the ledger never loads them.
 */
export { createItem, mergeNewItems, newItemId } from '../core/rectification/additions.js';

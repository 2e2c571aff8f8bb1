/**
 * `xc-elements/clue-register`: registers <xc-clue-register> (问题线索台账与移交) and re-exports the
 * register's pure functions.
 * @module
 */
export { XcClueRegister, type ClueTransferDetail } from './xc-clue-register.js';
export * from '../core/clue-register.js';

/**
 * Every event the elements fire, one file an event (as Shoelace keeps them), each added to the
 * global `HTMLElementEventMap` so `el.addEventListener('xc-change', (e) => e.detail…)` is typed.
 * The elements dispatch with these types and the framework typings (`xc-elements/react`,
 * `/vue`) read them from here: one home. Types only: nothing here runs.
 * @module
 */
export type * from './xc-change.js';
export type * from './xc-submit.js';
export type * from './xc-invalid.js';
export type * from './xc-load.js';
export type * from './xc-error.js';
export type * from './xc-value-error.js';
export type * from './xc-title.js';
export type * from './xc-sign.js';
export type * from './xc-clues.js';
export type * from './xc-transition.js';
export type * from './xc-export.js';
export type * from './xc-sync-error.js';
export type * from './xc-review.js';
export type * from './xc-petition.js';
export type * from './xc-transfer.js';
export type * from './xc-issue.js';
export type * from './xc-save.js';

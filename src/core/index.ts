/**
 * `xc-elements/core`: the pure logic of xc (no DOM): templates, validation,
 * i18n, drafts, checklists, rectification and fingerprints. Usable on a server
 * (Node) to check the same data the elements produce.
 * @module
 */
import en from './locales/en.js';
import verifyEn from './locales/verify.en.js';
import rectificationEn from './locales/rectification.en.js';
import attachmentsEn from './locales/attachments.en.js';
import petitionEn from './locales/petition.en.js';
import clueRegisterEn from './locales/clue-register.en.js';
import rectificationReportEn from './locales/rectification-report.en.js';
import roundSummaryEn from './locales/round-summary.en.js';
import { registerLocale } from './i18n.js';

// Pure callers (servers, tests) get English synchronously; elements load it on demand.
registerLocale('en', { ...en, ...verifyEn, ...rectificationEn, ...attachmentsEn, ...petitionEn, ...clueRegisterEn, ...rectificationReportEn, ...roundSummaryEn });

export * from './text.js';
export * from './i18n.js';
export * from './validation.js';
export * from './draft.js';
export * from './url.js';
export * from './checklist.js';
export * from './checklist-template.js';
export * from './keywords.js';
export type * from './rectification-types.js';
export * from './attachment-types.js';
export * from './attachments.js';
export * from './rectification.js';
export * from './rectification-extra.js';
export * from './form-model.js';
export * from './fingerprint.js';
export * from './form-input.js';
export * from './form-clues.js';
export * from './verify.js';
export * from './ledger-merge.js';
export * from './petition.js';
export * from './clue-register.js';
export * from './rectification-report.js';
export * from './round-summary.js';
export * from './round-summary-csv.js';
export * from './focus-area.js';
export * from './workpaper.js';
export * from './feedback.js';

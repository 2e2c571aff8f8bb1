/**
 * `xc-elements/office`: the Word and Excel files of every record, for a server or a page that makes
 * them itself (the elements load these lazily on their own export buttons). No DOM; each writer
 * builds its file in chunks and lets the event loop run between them (pass `yieldTo: () =>
 * Promise.resolve()` on a server). Every cell is a typed value (text never computes), every date
 * a real date.
 */
export { writeXlsx, type XlsxColumn, type XlsxColumnType, type XlsxOptions, type XlsxSheet, type XlsxWorkbook } from './xlsx.js';
export { writeDocx, type DocxBlock, type DocxDocument, type DocxOptions } from './docx.js';
export { ledgerToXlsx } from './ledger-xlsx.js';
export { petitionTableToXlsx } from './petition-xlsx.js';
export { cluesToXlsx, transferSheetToDocx, type ClueXlsxOptions } from './clue-register-office.js';
export { formDocument, formToDocx, type FormDocxOptions } from './form-docx.js';
export { interviewToDocx, clueSheetToDocx, type RecordDocx, type RecordDocxOptions } from './interview-docx.js';
export { interviewRecordSchema } from '../../generated/templates/interviewRecordSchema.js';
export { clueSheetSchema } from '../../generated/templates/clueSheetSchema.js';
export { reportDocument, reportToDocx, type ReportDocxOptions, type ReportDocxResult } from './report-docx.js';
export { roundSummaryToXlsx, type RoundSummaryXlsxOptions } from './round-summary-xlsx.js';

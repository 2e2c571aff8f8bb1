/** `xc-elements/interview`: registers `<xc-interview-form>` (个别谈话记录) and `<xc-clue-sheet>` (问题线索登记移交表). */
export { XcInterviewForm } from './xc-interview-form.js';
export { XcClueSheet } from './xc-clue-sheet.js';
export { interviewToClues, type InterviewClue } from '../core/form-clues.js';

/** `xc-elements/interview`: registers `<xc-interview-form>` (the individual interview record) and `<xc-clue-sheet>` (the problem clue register and transfer sheet). */
export { XcInterviewForm } from './xc-interview-form.js';
export { XcClueSheet } from './xc-clue-sheet.js';
export { interviewToClues, type InterviewClue } from '../core/form-clues.js';

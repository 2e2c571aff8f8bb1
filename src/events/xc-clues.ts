/** `xc-clues` of `<xc-interview-form>`: the flagged problems as clue-sheet values. */
import type { InterviewClue } from '../core/form-clues.js';

/** Detail of `xc-clues`. */
export interface InterviewCluesDetail {
  clues: InterviewClue[];
}

export type XcCluesEvent = CustomEvent<InterviewCluesDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-clues': XcCluesEvent;
  }
}

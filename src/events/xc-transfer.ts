/** `xc-transfer` of `<xc-clue-register>`: a 移交单 was made. */
import type { RegisterClue, TransferSheet } from '../core/clue-register.js';

/** Detail of `xc-transfer`. */
export interface ClueTransferDetail {
  /** The 移交单 just made. */
  sheet: TransferSheet;
  /** The clues it carries, as they are now (已移交). */
  clues: RegisterClue[];
}

export type XcTransferEvent = CustomEvent<ClueTransferDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-transfer': XcTransferEvent;
  }
}

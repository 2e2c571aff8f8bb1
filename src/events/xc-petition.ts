/** `xc-petition-to-clue` and `xc-petition-cite` of `<xc-petition-register>`: a petition handed on as a clue, or cited as evidence. */
import type { PetitionClue } from '../core/petition.js';
import type { EvidenceRef } from '../core/rectification-types.js';

/** Detail of `xc-petition-to-clue`. */
export interface PetitionToClueDetail {
  /** A value for `<xc-clue-sheet>` (the 反映人 only where the role may see it). */
  clue: PetitionClue;
  /** The petition's id in the register. */
  entryId: string;
}

/** Detail of `xc-petition-cite`. */
export interface PetitionCiteDetail {
  /** An evidence entry for a check point or ledger item: the petition's number and summary, kind `petition`, never the 反映人. */
  evidence: EvidenceRef;
  /** The petition's id in the register. */
  entryId: string;
}

export type XcPetitionToClueEvent = CustomEvent<PetitionToClueDetail>;
export type XcPetitionCiteEvent = CustomEvent<PetitionCiteDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-petition-to-clue': XcPetitionToClueEvent;
    'xc-petition-cite': XcPetitionCiteEvent;
  }
}

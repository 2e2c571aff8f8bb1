/** `xc-sign` of `<xc-interview-form>`: the signed (and now locked) record. */
import type { RecordSignature } from '../core/fingerprint.js';

/** Detail of `xc-sign`. */
export interface InterviewSignDetail {
  value: Record<string, unknown> & { signature: RecordSignature };
  digest: string;
}

export type XcSignEvent = CustomEvent<InterviewSignDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-sign': XcSignEvent;
  }
}

/** `xc-sync-error` of `<xc-rectification-tracker>` bound to a server (`bindLedger` of `xc-elements/client`): a save was refused, or the server could not be reached. */

/** Detail of `xc-sync-error`. */
export interface SyncErrorEventDetail {
  /** The item being saved, or null (loading, or reading a change of others). */
  itemId: string | null;
  /** The refusal (`LedgerRefused`: `status`, `reasons`) or the network error. */
  error: unknown;
}

export type XcSyncErrorEvent = CustomEvent<SyncErrorEventDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-sync-error': XcSyncErrorEvent;
  }
}

/** `xc-submit`: the value was valid and is handed out. */

/** Detail of `xc-submit`. */
export interface XcSubmitDetail<V> {
  value: V;
}

/** `xc-submit` as any element fires it. */
export type XcSubmitEvent<V = unknown> = CustomEvent<XcSubmitDetail<V>>;

declare global {
  interface HTMLElementEventMap {
    'xc-submit': XcSubmitEvent;
  }
}

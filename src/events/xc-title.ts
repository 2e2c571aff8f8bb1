/** `xc-title` of the schema forms: the page title the host may show. */

/** Detail of `xc-title`. */
export interface FormTitleDetail {
  title: string;
  /** Whether errors are on show (the title then carries the locale's error prefix). */
  errors: boolean;
}

export type XcTitleEvent = CustomEvent<FormTitleDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-title': XcTitleEvent;
  }
}

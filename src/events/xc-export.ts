/** `xc-export` of `<xc-rectification-tracker>` (cancelable: cancel it to handle the file yourself). */

/** Detail of `xc-export`. */
export interface ExportEventDetail {
  format: 'json' | 'csv';
  filename: string;
  /** The file's text (CSV begins with a UTF-8 byte order mark). */
  text: string;
}

export type XcExportEvent = CustomEvent<ExportEventDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-export': XcExportEvent;
  }
}

/** `xc-export` of `<xc-rectification-tracker>` (cancelable: cancel it to handle the file yourself). */

/** Detail of `xc-export`. */
export interface ExportEventDetail {
  format: 'json' | 'csv' | 'xlsx' | 'docx';
  filename: string;
  /** The file's text for `json` and `csv` (CSV begins with a UTF-8 byte order mark); `''` for `xlsx` and `docx`. */
  text: string;
  /** The file's bytes for `xlsx` (an Excel workbook) and `docx` (a Word document); absent for the text formats. */
  bytes?: Uint8Array;
}

export type XcExportEvent = CustomEvent<ExportEventDetail>;

declare global {
  interface HTMLElementEventMap {
    'xc-export': XcExportEvent;
  }
}

/**
 * Offer an exported Word or Excel file: fire the element's cancelable `xc-export` with the file's
 * bytes, then (unless a listener cancelled it) save it as a download — an `<a download>` of an
 * object URL clicked inside the element's own tree; nothing is sent anywhere. Loaded together with
 * the Office writers (src/core/office), only when someone exports: an element imports it lazily
 * (src/base/lazy.ts) beside the writer it needs.
 */
import type { ExportEventDetail } from '../events/xc-export.js';
import { saveBlob } from './save-text.js';

/** The files' MIME types. */
export const OFFICE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * Fire `xc-export` (`{ format, filename, text: '', bytes }`) on `host`; when no listener cancels
 * it, download the bytes as `filename`.
 * @returns whether the download was started.
 */
export function offerFile(host: HTMLElement, format: 'xlsx' | 'docx', filename: string, bytes: Uint8Array): boolean {
  const detail: ExportEventDetail = { format, filename, text: '', bytes };
  if (!host.dispatchEvent(new CustomEvent<ExportEventDetail>('xc-export', { bubbles: true, composed: true, cancelable: true, detail }))) return false;
  saveBlob(host.shadowRoot ?? host, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: OFFICE_TYPES[format] }), filename);
  return true;
}

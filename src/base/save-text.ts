/**
 * Save a file the person downloads: an `<a download>` of an object URL, clicked inside the
 * element's own tree. Nothing is sent anywhere.
 */
export function saveBlob(root: Node, blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the download may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Save text as a file (see {@link saveBlob}). */
export function saveText(root: Node, text: string, filename: string, type: string): void {
  saveBlob(root, new Blob([text], { type }), filename);
}

/**
 * Offer a text export: fire the element's cancelable `xc-export` (`{ format, filename, text }`); when
 * no listener cancels it, save the text as `filename`.
 * @returns whether the download was started.
 */
export function offerText(host: HTMLElement, format: 'csv' | 'json', filename: string, text: string, type: string): boolean {
  const detail = { format, filename, text };
  if (!host.dispatchEvent(new CustomEvent('xc-export', { bubbles: true, composed: true, cancelable: true, detail }))) return false;
  saveText(host.shadowRoot ?? host, text, filename, type);
  return true;
}

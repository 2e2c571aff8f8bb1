/**
 * Save text as a file the person downloads: an `<a download>` of an object URL, clicked inside
 * the element's own tree. Nothing is sent anywhere.
 */
export function saveText(root: Node, text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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

/**
 * Styles that arrive with code loaded later (the ledger's panel, charts and server banner, the
 * watermark, the printed 附件清单, the form's print layout, the template editor's form mode), added
 * to an element's shadow root beside the styles it has: one constructable stylesheet per CSS text
 * and page, as lit's own styles (allowed by a strict `style-src`; Chromium 73+).
 * @internal
 */
const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adopt the stylesheet of `cssText` into `root`, once: the sheet is built the first time this text
 * is asked for and shared by every root after that. Does nothing when `root` is not a shadow root
 * or the browser has no `adoptedStyleSheets`.
 * @returns `true` when the sheet was added now (false: already there, or nothing done), so that a
 * caller can do its own first-time work once per root.
 */
export function adoptSheet(root: Node | null | undefined, cssText: string): boolean {
  if (!(root instanceof ShadowRoot) || !Array.isArray(root.adoptedStyleSheets)) return false;
  let sheet = sheets.get(cssText);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    sheets.set(cssText, sheet);
  }
  if (root.adoptedStyleSheets.includes(sheet)) return false;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return true;
}

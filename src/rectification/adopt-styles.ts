/**
 * Styles that come with lazily loaded code (the ledger's detail panel, charts and server banner),
 * adopted into the tracker's shadow root once.
 */
const sheets = new Map<string, CSSStyleSheet>();

/**
 * Add styles (CSS text) to a shadow root, once, beside the ones it has: the ledger's panel and
 * charts render into the tracker's shadow root and bring their styles when their code loads.
 * A constructable stylesheet, as lit's own styles (allowed by a strict style-src; Chromium 73+).
 */
export function adoptStyles(root: Node | null | undefined, cssText: string): void {
  if (!(root instanceof ShadowRoot) || !Array.isArray(root.adoptedStyleSheets)) return;
  let sheet = sheets.get(cssText);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    sheets.set(cssText, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

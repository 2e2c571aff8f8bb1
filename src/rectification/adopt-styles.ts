import type { CSSResult } from 'lit';

/**
 * Add styles to a shadow root, once, beside the ones it has (the ledger's panel and charts
 * render into the tracker's shadow root and bring their styles when their code loads).
 */
export function adoptStyles(root: Node | null | undefined, styles: CSSResult): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet && Array.isArray(root.adoptedStyleSheets)) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (!root.querySelector(`style[data-xc-styles="${styles.cssText.length}"]`)) {
    // No constructable stylesheets: a style element, as lit itself falls back to.
    const style = document.createElement('style');
    style.setAttribute('data-xc-styles', String(styles.cssText.length));
    style.textContent = styles.cssText;
    root.append(style);
  }
}

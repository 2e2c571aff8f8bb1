/** What a sighted person sees of focus and colour: computed styles, colours and contrast. */

export type Rgba = [number, number, number, number];

/** `rgb(…)` / `rgba(…)` / `color(srgb …)` as numbers 0–255 (alpha 0–1); null for anything else. */
export function parseColor(s: string): Rgba | null {
  let m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(s);
  if (m) {
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), a];
  }
  m = /color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\)/.exec(s);
  if (m) return [Number(m[1]) * 255, Number(m[2]) * 255, Number(m[3]) * 255, m[4] === undefined ? 1 : Number(m[4])];
  return null;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgba): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The parent across shadow boundaries. */
export function composedParent(n: Node): Element | null {
  if (n.parentElement) return n.parentElement;
  const root = n.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** Is `n` inside `host`, its shadow tree included? */
export function composedContains(host: Element, n: Node | null): boolean {
  for (let x: Node | null = n; x; x = x instanceof Element ? composedParent(x) : x.parentNode) if (x === host) return true;
  return false;
}

/** The opaque background colour behind an element (the first ancestor that paints one; white at the top). */
export function backgroundBehind(el: Element): Rgba {
  for (let x: Element | null = el; x; x = composedParent(x)) {
    const c = parseColor(getComputedStyle(x).backgroundColor);
    if (c && c[3] >= 0.5) return c;
  }
  return [255, 255, 255, 1];
}

/** Hidden from sight but focusable (a native radio styled away behind its label). */
export function visuallyHidden(el: Element): boolean {
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return Number(s.opacity) === 0 || r.width <= 1 || r.height <= 1;
}

export interface FocusIndicator {
  /** The element whose style shows focus (the control, or the label of a hidden control). */
  shown: Element;
  kind: 'outline' | 'box-shadow' | 'none';
  /** Colour of the indicator and its contrast with what is behind it. */
  color: string;
  contrast: number;
}

/**
 * How focus on `el` is shown: an outline (style not none, width > 0) or a box-shadow, on the
 * control or (for a control hidden behind its label) on the label. The best contrast of the
 * indicator's colours against the background behind the element is reported.
 */
export function focusIndicator(el: Element): FocusIndicator {
  const shown = visuallyHidden(el) ? el.closest('label') ?? el : el;
  const s = getComputedStyle(shown);
  const behind = backgroundBehind(composedParent(shown) ?? shown);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow !== 'none';
  const candidates: { kind: 'outline' | 'box-shadow'; color: string }[] = [];
  if (outline) candidates.push({ kind: 'outline', color: s.outlineColor });
  if (shadow) for (const m of s.boxShadow.match(/rgba?\([^)]*\)/g) ?? []) candidates.push({ kind: 'box-shadow', color: m });
  let best: FocusIndicator = { shown, kind: 'none', color: '', contrast: 0 };
  for (const c of candidates) {
    const rgba = parseColor(c.color);
    // `auto` outlines (the browser's own ring) are drawn in two colours: count them as visible.
    const ratio = s.outlineStyle === 'auto' && c.kind === 'outline' ? 21 : rgba && rgba[3] > 0 ? contrast(rgba, behind) : 0;
    if (ratio > best.contrast) best = { shown, kind: c.kind, color: c.color, contrast: ratio };
  }
  return best;
}

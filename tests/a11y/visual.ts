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

/** The parts of an element's style that can show focus, as text to compare. */
export interface Ring {
  /** `style width colour`, or 'none' when no outline is drawn. */
  outline: string;
  boxShadow: string;
}

/** The element whose style shows focus on `el`: the control, or the label of a control hidden behind it. */
export function focusShownOn(el: Element): Element {
  return visuallyHidden(el) ? el.closest('label') ?? el : el;
}

/** The outline and box-shadow `shown` has now. */
export function ring(shown: Element): Ring {
  const s = getComputedStyle(shown);
  const drawn = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return { outline: drawn ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none', boxShadow: s.boxShadow || 'none' };
}

/** How a control looks while it has focus (taken at the moment it has it). */
export interface FocusedLook {
  shown: Element;
  ring: Ring;
  outlineStyle: string;
  outlineColor: string;
  /** The opaque colour behind the element showing focus. */
  behind: Rgba;
}

export function focusedLook(el: Element): FocusedLook {
  const shown = focusShownOn(el);
  const s = getComputedStyle(shown);
  return { shown, ring: ring(shown), outlineStyle: s.outlineStyle, outlineColor: s.outlineColor, behind: backgroundBehind(composedParent(shown) ?? shown) };
}

export interface FocusIndicator {
  /** The element whose style shows focus (the control, or the label of a hidden control). */
  shown: Element;
  /** What changes when focus arrives; 'none' when neither outline nor box-shadow does. */
  kind: 'outline' | 'box-shadow' | 'none';
  /** Colour of the indicator and its contrast with what is behind it. */
  color: string;
  contrast: number;
}

/**
 * How focus is shown: an outline (style not none, width > 0) or a box-shadow that the element
 * has while focused and not (the same) without focus — a permanent outline or shadow shows
 * nothing about focus. `focused` is taken while the control has focus, `unfocused` from the
 * same element without it. Of the changed parts, the best contrast of their colours against
 * the background behind the element is reported.
 */
export function focusIndicator(focused: FocusedLook, unfocused: Ring): FocusIndicator {
  const { shown, ring: f, behind } = focused;
  const candidates: { kind: 'outline' | 'box-shadow'; color: string }[] = [];
  if (f.outline !== 'none' && f.outline !== unfocused.outline) candidates.push({ kind: 'outline', color: focused.outlineColor });
  if (f.boxShadow !== 'none' && f.boxShadow !== unfocused.boxShadow)
    for (const m of f.boxShadow.match(/rgba?\([^)]*\)/g) ?? []) candidates.push({ kind: 'box-shadow', color: m });
  let best: FocusIndicator = { shown, kind: 'none', color: '', contrast: 0 };
  for (const c of candidates) {
    const rgba = parseColor(c.color);
    // `auto` outlines (the browser's own ring) are drawn in two colours: count them as visible.
    const ratio = focused.outlineStyle === 'auto' && c.kind === 'outline' ? 21 : rgba && rgba[3] > 0 ? contrast(rgba, behind) : 0;
    if (ratio > best.contrast || best.kind === 'none') best = { shown, kind: c.kind, color: c.color, contrast: ratio };
  }
  return best;
}

// Checks that data text cannot reorder what is shown around it (bidi and invisible controls).

/** Does the text of `node` read left to right on screen (first character left of the last)? */
export function readsLeftToRight(node: Text): boolean {
  const at = (i: number) => {
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    return r.getBoundingClientRect();
  };
  return at(0).left < at(node.data.length - 1).left;
}

export const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200B\uFEFF\u061C\u200E\u200F]/;

/**
 * Every text node holding a bidi or invisible control is isolated from what is around it: an
 * ancestor (up to its block) is isolated (`<bdi>`, unicode-bidi: isolate), or it is alone in its
 * block. With `piece` (the data put in), such a text node must also be the piece alone, not the
 * piece glued to other text.
 */
export function unisolated(root: Element | ShadowRoot, piece?: string | readonly string[]): string[] {
  const bad: string[] = [];
  const pieces = piece === undefined ? undefined : new Set((typeof piece === 'string' ? [piece] : piece).map((x) => x.trim()));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!CONTROLS.test(n.data)) continue;
    let ok = false;
    // The data was glued into one text with what surrounds it (a separator, a bracket, another value).
    if (pieces && !pieces.has(n.data.trim()) && !n.parentElement?.closest('.visually-hidden')) {
      bad.push(`${n.parentElement?.localName}.${n.parentElement?.className}: joined ${JSON.stringify(n.data).slice(0, 60)}`);
      continue;
    }
    for (let el = n.parentElement; el; el = el.parentElement) {
      // Read aloud, not laid out: no order to disguise.
      if (el.classList.contains('visually-hidden')) {
        ok = true;
        break;
      }
      const cs = getComputedStyle(el);
      // An SVG text element, a block and an inline block hold paragraphs of their own: isolated
      // from the outside, but not their pieces from each other.
      const block = el instanceof SVGTextElement || !(cs.display === 'inline' || cs.display === 'contents');
      if (!block && /isolate|plaintext/.test(cs.unicodeBidi)) {
        ok = true;
        break;
      }
      if (block) {
        ok = (el.textContent ?? '').trim() === n.data.trim();
        break;
      }
    }
    if (!ok) bad.push(`${n.parentElement?.localName}.${n.parentElement?.className}: ${JSON.stringify(n.data).slice(0, 40)}`);
  }
  return bad;
}


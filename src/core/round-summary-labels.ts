/**
 * Chart labels of the round figures (<xc-round-summary>'s bar charts): each label cut to fit its
 * column, and never two alike — when two labels cut short would read the same (某某县第一中学 and
 * 某某县第一小学 both 某某县第一…), they keep their head and their end (某某县…一中学), else they are
 * numbered. The full labels are in the chart's text alternative, its data table and each bar's
 * tooltip. Pure; no DOM.
 */

/** Width of a character in CJK-character units (Latin letters and digits about 0.58). */
const charWidth = (c: string) => (/[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(c) ? 1 : 0.58);

const width = (chars: readonly string[]) => chars.reduce((w, c) => w + charWidth(c), 0);

/** A label cut to fit `room` (in CJK-character widths), ending with … when cut. */
export function clipLabel(s: string, room = 10): string {
  const chars = [...s];
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    used += charWidth(chars[i]!);
    if (used > room) return `${chars.slice(0, Math.max(1, i - 1)).join('')}…`;
  }
  return s;
}

/** The label's head and end around … within `room`, keeping `tail` characters of its end. */
function headTail(s: string, room: number, tail: number): string {
  const chars = [...s];
  const end = chars.slice(chars.length - tail);
  const head: string[] = [];
  let used = width(end) + 1;
  for (const c of chars.slice(0, chars.length - tail)) {
    if (used + charWidth(c) > room) break;
    used += charWidth(c);
    head.push(c);
  }
  return `${head.join('')}…${end.join('')}`;
}

/**
 * Labels for bars: {@link clipLabel} of each, and where different labels would read the same,
 * head…end forms that tell them apart (the shortest end that does), else the cut label numbered
 * (…①). Equal labels stay equal. Same length and order as `labels`.
 */
export function chartLabels(labels: readonly string[], room = 10): string[] {
  const out = labels.map((l) => clipLabel(l, room));
  const groups = new Map<string, number[]>();
  out.forEach((c, i) => {
    let g = groups.get(c);
    if (!g) groups.set(c, (g = []));
    g.push(i);
  });
  const taken = new Set(out);
  for (const [shown, idx] of groups) {
    const distinct = [...new Set(idx.map((i) => labels[i]!))];
    if (distinct.length < 2) continue;
    taken.delete(shown);
    let done = false;
    const longest = Math.max(...distinct.map((l) => [...l].length));
    for (let tail = 1; tail < longest && !done; tail++) {
      const forms = distinct.map((l) => (l === clipLabel(l, room) ? l : headTail(l, room, Math.min(tail, [...l].length - 1))));
      // At least one character of the head stays, and the form fits.
      if (forms.some((f) => f.startsWith('…') || width([...f]) > room)) break;
      if (new Set(forms).size === forms.length && forms.every((f) => !taken.has(f))) {
        for (const i of idx) out[i] = forms[distinct.indexOf(labels[i]!)]!;
        forms.forEach((f) => taken.add(f));
        done = true;
      }
    }
    if (!done) {
      for (const i of idx) {
        const n = distinct.indexOf(labels[i]!) + 1;
        out[i] = `${clipLabel(labels[i]!, room - 1.5)}${n <= 20 ? String.fromCodePoint(0x245f + n) : `(${n})`}`;
      }
    }
  }
  return out;
}

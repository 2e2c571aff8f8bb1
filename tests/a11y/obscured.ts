/** Focus not hidden (WCAG 2.4.11): a control reached by Tab or Shift+Tab is not under a sticky bar or off screen. */
import { KeyCounter, deepActive, describe as describeEl } from './keys.js';
import { composedContains, composedParent, visuallyHidden } from './visual.js';
import type { Mounted } from './elements.js';

/** The part of an element inside the viewport and every clipping ancestor; null when none is. */
function visibleRect(el: Element): { left: number; top: number; width: number; height: number } | null {
  const r = el.getBoundingClientRect();
  let [l, t, rr, b] = [r.left, r.top, r.right, r.bottom];
  for (let x = composedParent(el); x; x = composedParent(x)) {
    const s = getComputedStyle(x);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const c = x.getBoundingClientRect();
    [l, t, rr, b] = [Math.max(l, c.left), Math.max(t, c.top), Math.min(rr, c.right), Math.min(b, c.bottom)];
  }
  [l, t, rr, b] = [Math.max(l, 0), Math.max(t, 0), Math.min(rr, innerWidth), Math.min(b, innerHeight)];
  return rr - l >= 1 && b - t >= 1 ? { left: l, top: t, width: rr - l, height: b - t } : null;
}

/**
 * Tab through up to `tabs` controls of an element, then back with Shift+Tab; at each stop the
 * point near the top of the focused control must show the control itself (not a sticky bar over it).
 */
export async function obscured(m: Mounted, tabs: number): Promise<{ checked: number; hidden: string[] }> {
  m.before.focus();
  const keys = new KeyCounter();
  const hidden: string[] = [];
  let checked = 0;
  // Forward with Tab, then back with Shift+Tab (moving up, a control scrolls in under a top bar).
  for (let i = 0; i < tabs * 2 - 1; i++) {
    await keys.press(i < tabs ? 'Tab' : 'Shift+Tab');
    const el = deepActive();
    if (!el || !composedContains(m.el, el)) {
      if (i < tabs) {
        i = tabs - 1;
        continue;
      }
      break;
    }
    const shown = visuallyHidden(el) ? el.closest('label') ?? el : el;
    const r = visibleRect(shown);
    checked++;
    const dir = i < tabs ? 'Tab' : 'Shift+Tab';
    if (!r) {
      hidden.push(`${dir}: ${describeEl(el)} is scrolled out of view`);
      continue;
    }
    // A point near the top of what is in view: a sticky bar over it would be hit instead.
    const hit = m.el.shadowRoot!.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
    if (!hit || !(composedContains(shown, hit) || (shown.closest('label') && hit.closest('label') === shown.closest('label')))) hidden.push(`${dir}: ${describeEl(el)} is covered by ${describeEl(hit)}`);
  }
  return { checked, hidden };
}


/**
 * 200 % zoom: a 1280 × 800 screen zoomed to 200 % leaves a CSS viewport of 640 × 400.
 * At that size every element must fit: no horizontal scrolling of the page, no control
 * cut off at the sides (a wide table may scroll inside its own labelled region), the
 * summary bars' text not cut, and a control reached by Tab not hidden under a sticky bar.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { record } from '../support/report.js';
import { expectAccessible } from '../support/a11y.js';
import { KeyCounter, describe as describeEl } from './keys.js';
import { composedParent, visuallyHidden } from './visual.js';
import { obscured } from './obscured.js';
import { mounters, settleAll, type Mounted } from './elements.js';

const W = 640;
const H = 400;
const CONTROLS = 'input, select, textarea, button, a[href], summary, [tabindex]';
/** Controls tabbed through per element (and back) for the "not hidden under a sticky bar" check. */
const TABS = 40;

/** The nearest ancestor that scrolls sideways on its own (a table region), if any. */
function sidewaysScroller(el: Element, host: Element): Element | null {
  for (let x = composedParent(el); x && x !== host; x = composedParent(x)) {
    const s = getComputedStyle(x);
    if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && x.scrollWidth > x.clientWidth) return x;
  }
  return null;
}

function pageOverflow(): number {
  const doc = document.scrollingElement!;
  return doc.scrollWidth - doc.clientWidth;
}

/** Controls (and sideways scrolling regions) sticking out of the viewport at the sides. */
function clipped(m: Mounted, width = W): string[] {
  const out: string[] = [];
  const root = m.el.shadowRoot!;
  const checked = new Set<Element>();
  for (const c of root.querySelectorAll(CONTROLS)) {
    const r = c.getBoundingClientRect();
    if (!r.width || !r.height || c.closest('[hidden], dialog:not([open])')) continue;
    const box = visuallyHidden(c) ? c.closest('label') ?? c : c;
    const scroller = sidewaysScroller(box, m.el);
    const target = scroller ?? box;
    if (checked.has(target)) continue;
    checked.add(target);
    const b = target.getBoundingClientRect();
    if (b.left < -1 || b.right > width + 1) out.push(`${describeEl(target)} spans ${Math.round(b.left)}–${Math.round(b.right)} px`);
  }
  return out;
}

/** Text boxes in summary bars whose text is cut (wider than their box) or outside the viewport. */
function cutText(m: Mounted, selector: string, width = W): { checked: number; cut: string[] } {
  const els = [...m.el.shadowRoot!.querySelectorAll<HTMLElement>(selector)].filter((e) => e.getClientRects().length && (e.textContent ?? '').trim());
  const cut: string[] = [];
  for (const e of els) {
    const r = e.getBoundingClientRect();
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline') cut.push(`${describeEl(e)} text ${e.scrollWidth}px in ${e.clientWidth}px`);
    if (r.left < -1 || r.right > width + 1) cut.push(`${describeEl(e)} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
  }
  return { checked: els.length, cut };
}

const SUMMARY_TEXT: Record<string, string> = {
  checklist: '.bar .count, .bar .hint, .bar .filters label',
  tracker: '.figures > *, .toolbar .match-count, .toolbar label',
};

describe('200 % zoom (640 × 400 CSS pixels)', () => {
  const done: string[] = [];
  let controls = 0;
  let tabbed = 0;

  before(async () => {
    await setViewport({ width: W, height: H });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const name of Object.keys(mounters)) {
    it(`${name}: fits 640 px — no page scrolling sideways, no control cut off, focus not hidden`, async () => {
      const m = await mounters[name]!();
      expect(innerWidth).to.equal(W);
      await settleAll(m.el);
      expect(pageOverflow(), 'the page scrolls sideways by').to.be.at.most(1);
      const cut = clipped(m);
      expect(cut, cut.join('\n')).to.deep.equal([]);
      if (SUMMARY_TEXT[name]) {
        const text = cutText(m, SUMMARY_TEXT[name]!);
        expect(text.checked, 'summary texts checked').to.be.greaterThan(1);
        expect(text.cut, text.cut.join('\n')).to.deep.equal([]);
      }
      await expectAccessible(m.el);
      const focus = await obscured(m, TABS);
      expect(focus.checked, 'focus stops checked (Tab must reach the element\'s controls)').to.be.greaterThan(3);
      expect(focus.hidden, focus.hidden.join('\n')).to.deep.equal([]);
      controls += m.el.shadowRoot!.querySelectorAll(CONTROLS).length;
      tabbed += focus.checked;
      done.push(name);
    });
  }

  it('tracker: the detail panel fits 640 px', async () => {
    const m = await mounters['tracker']!();
    m.before.focus();
    const keys = new KeyCounter();
    await keys.tabTo((e) => e.matches('button.open'), 'a row', { max: 40 });
    await keys.press('Enter');
    await settleAll(m.el);
    const dialog = m.el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const d = dialog.getBoundingClientRect();
    expect(d.left).to.be.at.least(0);
    expect(d.right).to.be.at.most(W);
    expect(dialog.scrollWidth, 'the panel scrolls sideways').to.be.at.most(dialog.clientWidth + 1);
    const cut = clipped(m);
    expect(cut, cut.join('\n')).to.deep.equal([]);
    done.push('detail panel');
  });

  after(async () => {
    if (done.length < Object.keys(mounters).length + 1) return;
    await record({
      id: 'a11y.zoom',
      check: 'At 200 % zoom (640 × 400 CSS px) each element fits: the page never scrolls sideways, no control is cut off, summary text is whole, and focus is never hidden under a sticky bar',
      figure: `${done.length - 1} elements and the ledger's detail panel at ${W} px, ${controls} controls measured, ${tabbed} focus stops checked`,
    });
  });
});

/**
 * Text-only zoom: the page stays 1280 px wide but the elements' text is doubled through
 * `--xc-font-size` (what a portal's large-text switch sets). Nothing may then stick out sideways.
 */
describe('200 % text size (--xc-font-size: 32px at 1280 px)', () => {
  const done: string[] = [];
  before(async () => {
    await setViewport({ width: 1280, height: 800 });
    document.documentElement.style.setProperty('--xc-font-size', '32px');
  });
  after(async () => {
    document.documentElement.style.removeProperty('--xc-font-size');
    await setViewport({ width: 800, height: 600 });
  });

  for (const name of Object.keys(mounters)) {
    it(`${name}: fits with doubled text`, async () => {
      const m = await mounters[name]!();
      expect(parseFloat(getComputedStyle(m.el).fontSize)).to.equal(32);
      expect(pageOverflow(), 'the page scrolls sideways by').to.be.at.most(1);
      const cut = clipped(m, 1280);
      expect(cut, cut.join('\n')).to.deep.equal([]);
      if (SUMMARY_TEXT[name]) {
        const text = cutText(m, SUMMARY_TEXT[name]!, 1280);
        expect(text.cut, text.cut.join('\n')).to.deep.equal([]);
      }
      done.push(name);
    });
  }

  after(async () => {
    if (done.length < Object.keys(mounters).length) return;
    await record({
      id: 'a11y.text-size',
      check: 'With the elements\' text doubled (--xc-font-size: 32px) on a 1280 px page nothing scrolls or sticks out sideways and summary text is whole',
      figure: `${done.length} elements at 32 px text`,
    });
  });
});

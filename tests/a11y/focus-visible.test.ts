/**
 * Visible focus: Tab through the first controls of every element (and of the ledger's
 * detail panel) and check, on the control that has focus, that focus shows: an outline
 * (style not none, width > 0) or a box-shadow that the control has with focus and not
 * without it, in a colour with at least 3:1 contrast against what is behind it (WCAG 1.4.11).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { record } from '../support/report.js';
import { KeyCounter, deepActive, describe as describeEl } from './keys.js';
import { composedContains, focusIndicator, focusedLook, ring, type FocusedLook } from './visual.js';
import { mounters, settleAll } from './elements.js';
import { obscured } from './obscured.js';

/** Controls checked per element. */
const N = 30;

interface Checked {
  what: string;
  indicator: string;
}

/**
 * Tab from where focus is through up to `n` distinct controls inside `host`; check each. A
 * control's look is taken while it has focus and again once Tab has moved focus on: what shows
 * focus is what changed between the two.
 */
async function tabAndCheck(keys: KeyCounter, host: Element, n: number, failures: string[], checked: Checked[]): Promise<number> {
  const seen = new Set<Element>();
  let pending: { el: Element; look: FocusedLook } | null = null;
  const judge = ({ el, look }: { el: Element; look: FocusedLook }) => {
    const what = `${host.localName}: ${describeEl(el)}`;
    if (!look.shown.isConnected) {
      failures.push(`${what} was gone once focus left it; its look without focus could not be measured`);
      return;
    }
    const without = ring(look.shown);
    const ind = focusIndicator(look, without);
    if (ind.kind === 'none')
      failures.push(`${what} shows no focus: outline ${look.ring.outline}, box-shadow ${look.ring.boxShadow} focused; outline ${without.outline}, box-shadow ${without.boxShadow} without focus`);
    else if (ind.contrast < 3) failures.push(`${what} focus ${ind.kind} ${ind.color} has contrast ${ind.contrast.toFixed(2)}:1 with what is behind it`);
    checked.push({ what, indicator: `${ind.kind} ${ind.color} ${ind.contrast.toFixed(1)}:1` });
  };
  for (let i = 0; i < n * 3 && seen.size < n; i++) {
    await keys.press('Tab');
    const el = deepActive();
    if (pending && el !== pending.el) {
      judge(pending);
      pending = null;
    }
    if (!el || !composedContains(host, el)) break;
    if (seen.has(el)) continue; // a date-time field has several stops
    seen.add(el);
    pending = { el, look: focusedLook(el) };
  }
  // The last control: Tab on (past the stops of a date-time field) to see it without focus.
  for (let i = 0; pending && i < 8; i++) {
    await keys.press('Tab');
    if (deepActive() !== pending.el) {
      judge(pending);
      pending = null;
    }
  }
  if (pending) failures.push(`${host.localName}: ${describeEl(pending.el)} kept focus through 8 presses of Tab`);
  return seen.size;
}

describe('visible focus', () => {
  const failures: string[] = [];
  const checked: Checked[] = [];
  const counts: Record<string, number> = {};

  for (const name of Object.keys(mounters)) {
    it(`${name}: the first ${N} controls reached by Tab show focus`, async () => {
      const before = failures.length;
      const m = await mounters[name]!();
      m.before.focus();
      const keys = new KeyCounter();
      const reached = await tabAndCheck(keys, m.el, N, failures, checked);
      expect(reached, 'controls reached').to.be.greaterThan(3);
      expect(failures.length - before, failures.slice(before).join('\n')).to.equal(0);
      counts[name] = reached;
    });
  }

  it('tracker: the controls of the detail panel show focus', async () => {
    const before = failures.length;
    const m = await mounters['tracker']!();
    m.before.focus();
    const keys = new KeyCounter();
    await keys.tabTo((e) => e.matches('button.open'), 'a row', { max: 40 });
    await keys.press('Enter');
    await settleAll(m.el);
    expect(m.el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    const reached = await tabAndCheck(keys, m.el.shadowRoot!.querySelector('dialog')!, N, failures, checked);
    expect(reached, 'controls reached').to.be.greaterThan(3);
    expect(failures.length - before, failures.slice(before).join('\n')).to.equal(0);
    counts['detail panel'] = reached;
  });

  describe('focus is never hidden under a sticky bar (1280 × 800, Tab then Shift+Tab)', () => {
    before(() => setViewport({ width: 1280, height: 800 }));
    after(() => setViewport({ width: 800, height: 600 }));
    for (const name of Object.keys(mounters)) {
      it(name, async () => {
        const m = await mounters[name]!();
        const r = await obscured(m, N);
        expect(r.checked).to.be.greaterThan(3);
        expect(r.hidden, r.hidden.join('\n')).to.deep.equal([]);
        counts[`${name} (not hidden)`] = r.checked;
      });
    }
  });

  // A figure is kept only by a test whose assertions all passed: record only when every test did.
  after(async () => {
    const names = Object.keys(mounters);
    const expected = [...names, 'detail panel', ...names.map((n) => `${n} (not hidden)`)];
    if (failures.length || !expected.every((k) => k in counts)) return;
    const shown = Object.entries(counts).filter(([k]) => !k.endsWith('(not hidden)'));
    const unhidden = Object.entries(counts).filter(([k]) => k.endsWith('(not hidden)'));
    const sum = (l: [string, number][]) => l.reduce((a, [, b]) => a + b, 0);
    await record({
      id: 'a11y.focus',
      check: 'Every control reached by Tab shows focus (an outline or box-shadow the control, or the label of a styled radio, has with focus and not without it) with at least 3:1 contrast, and no control reached by Tab or Shift+Tab is hidden under a sticky bar',
      figure: `${sum(shown)} controls (${shown.map(([k, v]) => `${k} ${v}`).join(', ')}); ${sum(unhidden)} focus stops checked for being in view at 1280 × 800`,
    });
  });
});

/**
 * Visible focus: Tab through the first controls of every element (and of the ledger's
 * detail panel) and check, on the control that has focus, that focus shows: an outline
 * (style not none, width > 0) or a box-shadow, in a colour with at least 3:1 contrast
 * against what is behind it (WCAG 1.4.11).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { record } from '../support/report.js';
import { KeyCounter, deepActive, describe as describeEl } from './keys.js';
import { composedContains, focusIndicator } from './visual.js';
import { mounters, settleAll } from './elements.js';
import { obscured } from './obscured.js';

/** Controls checked per element. */
const N = 30;

interface Checked {
  what: string;
  indicator: string;
}

/** Tab from where focus is through up to `n` distinct controls inside `host`; check each. */
async function tabAndCheck(keys: KeyCounter, host: Element, n: number, failures: string[], checked: Checked[]): Promise<number> {
  const seen = new Set<Element>();
  for (let i = 0; i < n * 3 && seen.size < n; i++) {
    await keys.press('Tab');
    const el = deepActive();
    if (!el || !composedContains(host, el)) break;
    if (seen.has(el)) continue; // a date-time field has several stops
    seen.add(el);
    const ind = focusIndicator(el);
    const what = `${host.localName}: ${describeEl(el)}`;
    if (ind.kind === 'none') failures.push(`${what} shows no focus (outline none, no box-shadow)`);
    else if (ind.contrast < 3) failures.push(`${what} focus ${ind.kind} ${ind.color} has contrast ${ind.contrast.toFixed(2)}:1 with what is behind it`);
    checked.push({ what, indicator: `${ind.kind} ${ind.color} ${ind.contrast.toFixed(1)}:1` });
  }
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
      counts[name] = await tabAndCheck(keys, m.el, N, failures, checked);
      expect(counts[name], 'controls reached').to.be.greaterThan(3);
      expect(failures.length - before, failures.slice(before).join('\n')).to.equal(0);
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
    counts['detail panel'] = await tabAndCheck(keys, m.el.shadowRoot!.querySelector('dialog')!, N, failures, checked);
    expect(counts['detail panel']).to.be.greaterThan(3);
    expect(failures.length - before, failures.slice(before).join('\n')).to.equal(0);
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

  after(async () => {
    if (failures.length) return;
    const shown = Object.entries(counts).filter(([k]) => !k.endsWith('(not hidden)'));
    const unhidden = Object.entries(counts).filter(([k]) => k.endsWith('(not hidden)'));
    if (shown.length < Object.keys(mounters).length + 1 || unhidden.length < Object.keys(mounters).length) return;
    const sum = (l: [string, number][]) => l.reduce((a, [, b]) => a + b, 0);
    await record({
      id: 'a11y.focus',
      check: 'Every control reached by Tab shows focus (outline or box-shadow on the focused control, or the label of a styled radio) with at least 3:1 contrast, and no control reached by Tab or Shift+Tab is hidden under a sticky bar',
      figure: `${sum(shown)} controls (${shown.map(([k, v]) => `${k} ${v}`).join(', ')}); ${sum(unhidden)} focus stops checked for being in view at 1280 × 800`,
    });
  });
});

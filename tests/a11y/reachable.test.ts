/**
 * Every control is reachable by the keyboard: Tab from the button before an element until
 * focus leaves it, and every enabled, visible control in it must have been reached (a radio
 * group is one Tab stop; the arrow keys move within it, so one radio per group suffices).
 * Then the same backwards with Shift+Tab. The ledger's detail panel is checked for each role.
 */
import { expect } from '@open-wc/testing';
import { record } from '../support/report.js';
import { KeyCounter, deepActive, describe as describeEl } from './keys.js';
import { composedContains } from './visual.js';
import { mounters, settleAll } from './elements.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';

const CONTROLS = 'input, select, textarea, button, a[href], summary, [tabindex]';

/** Controls a keyboard user must be able to reach inside `scope` (one entry per radio group). */
function expected(scope: ParentNode): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  for (const c of scope.querySelectorAll(CONTROLS)) {
    if ((c as HTMLButtonElement).disabled || c.getAttribute('tabindex') === '-1') continue;
    if (c.closest('[hidden], dialog:not([open]), details:not([open]) > :not(summary)')) continue;
    if (!c.getClientRects().length && !c.closest('label')?.getClientRects().length) continue;
    const radio = c instanceof HTMLInputElement && c.type === 'radio' && c.name;
    const key = radio ? `radio:${c.name}` : `el:${out.size}`;
    (out.get(key) ?? out.set(key, []).get(key)!).push(c);
  }
  return out;
}

/** Tab (or Shift+Tab) from where focus is until it leaves `host`; the distinct elements reached. */
async function walk(keys: KeyCounter, host: Element, back: boolean, limit = 600): Promise<Set<Element>> {
  const reached = new Set<Element>();
  for (let i = 0; i < limit; i++) {
    await keys.press(back ? 'Shift+Tab' : 'Tab');
    const el = deepActive();
    if (!el || !composedContains(host, el)) return reached;
    reached.add(el);
  }
  throw new Error(`focus did not leave ${host.localName} after ${limit} presses`);
}

function missing(want: Map<string, Element[]>, reached: Set<Element>): string[] {
  return [...want.values()].filter((group) => !group.some((c) => reached.has(c))).map((g) => describeEl(g[0]!));
}

const results: Record<string, number> = {};

async function checkBothWays(name: string, scope: ParentNode, host: Element, start: () => void): Promise<void> {
  const want = expected(scope);
  expect(want.size, 'controls to reach').to.be.greaterThan(2);
  const keys = new KeyCounter();
  start();
  const forward = await walk(keys, host, false);
  const lost = missing(want, forward);
  expect(lost, `not reached with Tab: ${lost.join(', ')}`).to.deep.equal([]);
  // Back again from after the element: focus is now just past it.
  const backward = await walk(keys, host, true);
  const lostBack = missing(want, backward);
  expect(lostBack, `not reached with Shift+Tab: ${lostBack.join(', ')}`).to.deep.equal([]);
  results[name] = want.size;
}

describe('every control is reachable by keyboard', function () {
  this.timeout(120000);

  for (const name of Object.keys(mounters)) {
    it(`${name}: Tab and Shift+Tab reach every control`, async () => {
      const m = await mounters[name]!();
      // A button after the element, so that Shift+Tab has somewhere to start from.
      const after = document.createElement('button');
      after.textContent = 'after';
      m.before.parentElement!.append(after);
      await checkBothWays(name, m.el.shadowRoot!, m.el, () => m.before.focus());
    });
  }

  for (const role of ['unit', 'office']) {
    it(`tracker detail panel (${role}): Tab reaches every control`, async () => {
      const m = await mounters['tracker']!();
      m.el.closest<XcProvider>('xc-provider')!.userRole = role;
      await settleAll(m.el);
      const keys = new KeyCounter();
      m.before.focus();
      await keys.tabTo((e) => e.matches('button.open'), 'a row', { max: 40 });
      await keys.press('Enter');
      await settleAll(m.el);
      const dialog = m.el.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      const want = expected(dialog);
      // In a modal dialog Tab cycles: go round once from the heading.
      const reached = new Set<Element>();
      for (let i = 0; i < want.size * 3 + 10; i++) {
        await keys.press('Tab');
        const el = deepActive();
        if (el && composedContains(dialog, el)) reached.add(el);
      }
      const lost = missing(want, reached);
      expect(lost, `not reached: ${lost.join(', ')}`).to.deep.equal([]);
      results[`detail panel (${role})`] = want.size;
    });
  }

  after(async () => {
    if (Object.keys(results).length < Object.keys(mounters).length + 2) return;
    const total = Object.values(results).reduce((a, b) => a + b, 0);
    await record({
      id: 'a11y.reachable',
      check: 'Every enabled control of every element (and of the ledger panel for unit and office) is reached by Tab and by Shift+Tab',
      figure: `${total} controls and radio groups (${Object.entries(results).map(([k, v]) => `${k} ${v}`).join(', ')})`,
    });
  });
});

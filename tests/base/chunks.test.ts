import { expect, fixture, html } from '@open-wc/testing';
import '../../src/checklist/index.js';
import '../../src/rectification/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import { generateLedger } from '../../stories/support/generate-ledger.js';

/** Poll (with timers: this page may get no frames) until `done()` or `ms` pass. */
async function until(done: () => boolean, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** Run `fn` as in a background tab: animation frames never come, timers still run. */
async function withoutFrames(fn: () => Promise<void>): Promise<void> {
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = () => 0;
  try {
    await fn();
  } finally {
    window.requestAnimationFrame = raf;
  }
}

const template = (ids: string[]) => ({
  id: 't',
  version: '1',
  title: '清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
  ],
  sections: [{ id: 's1', title: '第一部分', groups: [{ id: 'g1', title: '第一组', items: ids.map((id) => ({ id, text: `是否存在${id}问题` })) }] }],
});

describe('long lists in chunks (src/base/chunks.ts, src/base/element-map.ts)', () => {
  it('a ledger completes its rows in a background tab, where no animation frame comes', () =>
    withoutFrames(async () => {
      const el = await fixture<XcRectificationTracker>(html`<xc-rectification-tracker page-size="0" .value=${generateLedger(700, { seed: 3 })}></xc-rectification-tracker>`);
      const rows = () => el.shadowRoot!.querySelectorAll('xc-rectification-row').length;
      await until(() => rows() === 700);
      expect(rows(), 'rows in the table').to.equal(700);
    }));

  it('a checklist completes its check points in a background tab', () =>
    withoutFrames(async () => {
      const ids = Array.from({ length: 500 }, (_, i) => `p${i}`);
      const el = await fixture<XcChecklist>(html`<xc-checklist .template=${template(ids)}></xc-checklist>`);
      const items = () => el.shadowRoot!.querySelectorAll('xc-checklist-item').length;
      await until(() => items() === 500);
      expect(items(), 'check points shown').to.equal(500);
    }));

  it('check points that leave the list leave the checklist\'s map of items too', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${template(['a1', 'a2', 'a3'])}></xc-checklist>`);
    await until(() => el.shadowRoot!.querySelectorAll('xc-checklist-item').length === 3);
    el.template = template(['b1']);
    await until(() => el.shadowRoot!.querySelectorAll('xc-checklist-item').length === 1);
    await el.updateComplete;
    const map = (el as unknown as { _items: Map<string, Element> })._items;
    expect([...map.keys()], 'ids in the map').to.deep.equal(['b1']);
    expect(map.get('b1')!.isConnected).to.equal(true);
    // focusing a check point still finds its element through the map
    expect(await el.focusItem('b1')).to.equal(true);
  });
});

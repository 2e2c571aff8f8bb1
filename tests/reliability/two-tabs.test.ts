/**
 * Two tabs on one draft, for every element with drafts: a change saved in one tab is noticed in
 * the other, which keeps showing its own work and offers the other version (load it, or keep
 * mine, which the first tab is told about in turn). Nothing is silently overwritten.
 * Each tab is an iframe of tests/fixtures/draft-page.html (iframes share localStorage and get
 * each other's `storage` events, as tabs do).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcForm } from '../../src/form/xc-form.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import { record } from '../support/report.js';
import { focusEnd, forget, openTab, until, type Tab } from './pages.js';

type Control = HTMLInputElement | HTMLTextAreaElement;

interface Target {
  name: string;
  el: string;
  control(el: HTMLElement): Promise<Control>;
  stored(el: HTMLElement): string | undefined;
}

const TARGETS: Target[] = [
  {
    name: '<xc-checklist>',
    el: 'checklist',
    control: async (el) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#xc-item-p1 textarea[data-field="description"]')!,
    stored: (el) => (el as XcChecklist).value?.items['p1']?.description,
  },
  {
    name: '<xc-interview-form>',
    el: 'interview',
    control: async (el) => el.shadowRoot!.querySelector<HTMLInputElement>('#xf-place')!,
    stored: (el) => ((el as XcForm).value as { place?: string }).place,
  },
  {
    name: '<xc-clue-sheet>',
    el: 'clue',
    control: async (el) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#xf-mainProblem')!,
    stored: (el) => ((el as XcForm).value as { mainProblem?: string }).mainProblem,
  },
  {
    name: '<xc-rectification-tracker>',
    el: 'tracker',
    control: async (el) => {
      const t = el as XcRectificationTracker;
      if (!t.shadowRoot!.querySelector<HTMLDialogElement>('dialog.detail')!.open) expect(await t.openItem('ZG-001')).to.equal(true);
      return t.shadowRoot!.querySelector<HTMLTextAreaElement>('xc-rectification-detail #d-problem')!;
    },
    stored: (el) => (el as XcRectificationTracker).getItem('ZG-001')?.problem.text,
  },
];

const OTHER_TAB = '此草稿已在其他窗口中修改';
const warning = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="draft-banner"].warn[role="alert"]');
const updated = (el: HTMLElement) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;

async function typeIn(tab: Tab, t: Target, text: string): Promise<void> {
  focusEnd(tab, await t.control(tab.el));
  await sendKeys({ type: text });
}

/** The dialog of the tracker is modal: close it so that the tab's banner can be used. */
async function closePanel(tab: Tab): Promise<void> {
  tab.el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.detail')?.close();
  await updated(tab.el);
}

describe('two tabs on one draft', function () {
  this.timeout(120000);
  const proved: string[] = [];

  for (const t of TARGETS) {
    it(`${t.name}: each tab notices the other's change and offers it, never overwriting`, async () => {
      const key = `reliability/two-tabs/${t.el}`;
      forget(key);
      const a = await openTab(`el=${t.el}&key=${encodeURIComponent(key)}`);
      const b = await openTab(`el=${t.el}&key=${encodeURIComponent(key)}`);
      const start = t.stored(a.el) ?? '';

      // Tab B types; once its draft is saved (after the pause), tab A is told.
      await typeIn(b, t, '乙窗口');
      const inA = await until(() => warning(a.el));
      expect(inA, 'tab A is told').to.exist;
      expect(inA!.textContent).to.contain(OTHER_TAB);
      expect(t.stored(a.el), 'tab A still shows its own').to.equal(start || undefined);
      // A loads B's version.
      inA!.querySelector<HTMLButtonElement>('button.primary')!.click();
      await updated(a.el);
      expect(warning(a.el)).to.equal(null);
      expect((await t.control(a.el)).value).to.equal(`${start}乙窗口`);
      expect(warning(b.el), 'B is not told about its own version coming back').to.equal(null);

      // Tab A goes on typing; B is told, keeps its own and writes it back; A is told in turn.
      await typeIn(a, t, '甲窗口');
      const inB = await until(() => warning(b.el));
      expect(inB, 'tab B is told').to.exist;
      expect(t.stored(b.el)).to.equal(`${start}乙窗口`);
      await closePanel(b);
      inB!.querySelectorAll<HTMLButtonElement>('button')[1]!.click();
      await updated(b.el);
      expect(warning(b.el)).to.equal(null);
      expect(t.stored(b.el), 'B kept its own').to.equal(`${start}乙窗口`);
      const again = await until(() => warning(a.el));
      expect(again, 'tab A is told that B kept its version').to.exist;
      expect(t.stored(a.el), 'A still shows its own').to.equal(`${start}乙窗口甲窗口`);

      a.frame.remove();
      b.frame.remove();
      forget(key);
      proved.push(t.name);
    });
  }

  it('records the figure', async () => {
    expect(proved).to.have.length(TARGETS.length);
    await record({
      id: 'lost.two-tabs',
      check: 'Two tabs on one draft: a change saved in the other tab is noticed and offered (load it or keep mine), never silently overwritten',
      figure: `${proved.length} elements (${proved.join(', ')}), each in 2 tabs, both ways`,
    });
  });
});

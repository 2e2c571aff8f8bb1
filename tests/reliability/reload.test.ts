/**
 * "Typing, then reloading or closing the page at any moment, then reopening: the draft holds
 * every character typed up to the moment of the reload."
 *
 * Each element sits alone on a page (tests/fixtures/draft-page.html) in an iframe, with a draft
 * key and the default storage (localStorage). Characters are typed with real key presses, then
 * the page is reloaded or the frame removed (a closed tab) at a random moment: right after a
 * keystroke, inside the draft's debounce pause, or after it. The page is opened again, the
 * offered draft restored, and the text must be exactly what was typed before the cut; typing
 * then goes on from there, so every round also proves that a restored draft keeps being saved.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcForm } from '../../src/form/xc-form.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import { record } from '../support/report.js';
import { focusEnd, forget, openTab, reloadTab } from './pages.js';
import { prng } from '../../stories/support/generate.js';

type Control = HTMLInputElement | HTMLTextAreaElement;

interface Target {
  name: string;
  el: string;
  /** The control to type in (opening what must be opened first). */
  control(el: HTMLElement): Promise<Control>;
  /** The text as the element holds it in its value. */
  stored(el: HTMLElement): string | undefined;
  /** What the control holds when the page first opens. */
  initial: string;
}

const TARGETS: Target[] = [
  {
    name: 'checklist',
    el: 'checklist',
    initial: '',
    // The description box lives in the item's light DOM inside the checklist's shadow root.
    control: async (el) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#xc-item-p1 textarea[data-field="description"]')!,
    stored: (el) => (el as XcChecklist).value?.items['p1']?.description,
  },
  {
    name: 'interview form',
    el: 'interview',
    initial: '',
    control: async (el) => el.shadowRoot!.querySelector<HTMLInputElement>('#xf-place')!,
    stored: (el) => ((el as XcForm).value as { place?: string }).place,
  },
  {
    name: 'clue sheet',
    el: 'clue',
    initial: '',
    control: async (el) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#xf-mainProblem')!,
    stored: (el) => ((el as XcForm).value as { mainProblem?: string }).mainProblem,
  },
  {
    name: 'rectification ledger',
    el: 'tracker',
    initial: '问题',
    control: async (el) => {
      const t = el as XcRectificationTracker;
      expect(await t.openItem('ZG-001')).to.equal(true);
      return t.shadowRoot!.querySelector<HTMLTextAreaElement>('xc-rectification-detail #d-problem')!;
    },
    stored: (el) => (el as XcRectificationTracker).getItem('ZG-001')?.problem.text,
  },
];

const ROUNDS = 9;
/** Latin letters, digits, spaces, Chinese text and full-width punctuation. */
const ALPHABET = [...'abcxyzABC0123456789 ', ...'巡察整改问题线索谈话记录，。、：'];


const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open the draft page of target `t` under `key` in a new tab. */
const open = (t: Target, key: string, extra = '') => openTab(`el=${t.el}&key=${encodeURIComponent(key)}${extra}`);

/** Accept the draft the element offers; fails when none is offered. */
async function restore(el: HTMLElement, what: string): Promise<void> {
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="draft-banner"] button.primary');
  expect(button, `${what}: a draft is offered`).to.exist;
  button!.click();
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

describe('nothing typed is lost on a reload or a close', function () {
  this.timeout(6 * 60 * 1000);
  const seed = Number(new URLSearchParams(location.search).get('seed')) || Date.now() % 1_000_000;
  let cuts = 0;
  let chars = 0;
  const ran = new Set<string>();

  for (const t of TARGETS) {
    it(`${t.name}: ${ROUNDS} reloads and closes at random moments`, async () => {
      const rand = prng(seed + t.name.length * 7919);
      const key = `reliability/reload/${t.el}`;
      localStorage.removeItem(`xc-draft:${key}`);
      let tab = await open(t, key);
      let expected = t.initial;
      let control = await t.control(tab.el);
      expect(control.value).to.equal(expected);
      focusEnd(tab, control);
      for (let round = 1; round <= ROUNDS; round++) {
        const what = `${t.name}, round ${round} (seed ${seed})`;
        // Type 1–8 characters, one real key press each.
        const n = 1 + Math.floor(rand() * 8);
        for (let i = 0; i < n; i++) {
          const ch = ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
          await sendKeys({ type: ch });
          expected += ch;
          chars++;
        }
        // Cut right after the keystroke, inside the 400 ms save pause, or after it.
        const moment = rand();
        const pause = moment < 0.35 ? 0 : moment < 0.8 ? Math.floor(rand() * 400) : 400 + Math.floor(rand() * 300);
        if (pause) await wait(pause);
        const close = round % 2 === 0;
        if (close) {
          tab.frame.remove();
          tab = await open(t, key);
        } else {
          tab = await reloadTab(tab);
        }
        cuts++;
        await restore(tab.el, `${what}, ${close ? 'closed' : 'reloaded'} ${pause} ms after the last key`);
        control = await t.control(tab.el);
        expect(control.value, `${what}: the control after ${close ? 'closing' : 'reloading'} ${pause} ms after the last key`).to.equal(expected);
        expect(t.stored(tab.el), `${what}: the value`).to.equal(expected);
        focusEnd(tab, control);
      }
      tab.frame.remove();
      forget(key);
      ran.add(t.name);
    });
  }

  it('numbers and dates typed with keys are in the draft too', async () => {
    const t: Target = { name: 'form', el: 'form', initial: '', control: async (el) => el.shadowRoot!.querySelector<HTMLInputElement>('#xf-count')!, stored: () => undefined };
    const key = 'reliability/reload/number-date';
    forget(key);
    const tab = await open(t, key);
    const el = tab.el;
    focusEnd(tab, el.shadowRoot!.querySelector<HTMLInputElement>('#xf-count')!);
    await sendKeys({ type: '1.25' });
    const day = el.shadowRoot!.querySelector<HTMLInputElement>('#xf-day')!;
    focusEnd(tab, day);
    // The segments follow the browser's locale; whatever it makes of the keys is what must come back.
    await sendKeys({ type: '12312026' });
    expect(day.value).to.match(/^\d{4}-\d\d-\d\d$/);
    const typed = { count: 1.25, day: day.value };
    expect((el as XcForm).value).to.deep.equal(typed);
    const again = await reloadTab(tab);
    await restore(again.el, 'number and date');
    expect((again.el as XcForm).value).to.deep.equal(typed);
    expect(again.el.shadowRoot!.querySelector<HTMLInputElement>('#xf-count')!.value).to.equal('1.25');
    expect(again.el.shadowRoot!.querySelector<HTMLInputElement>('#xf-day')!.value).to.equal(typed.day);
    again.frame.remove();
    forget(key);
  });

  it('the check can fail: with no flush when the page goes away, a reload right after a key loses it', async () => {
    // The page drops the elements' pagehide/visibilitychange listeners (?noflush): only the 400 ms pause saves.
    const t = TARGETS[1]!;
    const key = 'reliability/reload/noflush';
    localStorage.removeItem(`xc-draft:${key}`);
    const tab = await open(t, key, '&noflush');
    const control = await t.control(tab.el);
    focusEnd(tab, control);
    await sendKeys({ type: 'abc' });
    tab.frame.remove();
    const again = await open(t, key, '&noflush');
    expect(again.el.shadowRoot!.querySelector('[part="draft-banner"]'), 'nothing was saved, nothing offered').to.equal(null);
    expect((await t.control(again.el)).value).to.equal('');
    again.frame.remove();
    localStorage.removeItem(`xc-draft:${key}`);
  });

  it('records the figure', async () => {
    expect([...ran]).to.have.length(TARGETS.length);
    await record({
      id: 'lost.reload',
      check: 'Draft holds every character typed before a reload or close',
      figure: `${cuts} reloads/closes at random moments (after a key, inside and after the save pause) in ${TARGETS.length} elements, ${chars} characters typed with real key presses, 0 lost`,
    });
  });
});

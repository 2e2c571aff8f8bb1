/**
 * Storage full or unavailable, for every element: the element keeps working, says once that
 * drafts cannot be saved, and keeps what was typed in memory (in its value); when storage comes
 * back, the next save writes all of it and the notice goes away.
 *
 * Ways storage fails, each with the default draft storage (localStorage) except the last:
 *  - full: this origin's localStorage really filled up to its quota (QuotaExceededError);
 *  - blocked: reading `window.localStorage` throws (SecurityError, as with storage blocked by policy);
 *  - private mode: every setItem throws QuotaExceededError (a zero quota, as in Safari's private mode);
 *  - host storage: the host's own DraftStorage (given through <xc-provider>) throws on save.
 * After each, storage works again and the next save must write everything typed meanwhile.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/checklist/index.js';
import '../../src/form/index.js';
import '../../src/interview/index.js';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcForm } from '../../src/form/xc-form.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { Draft, DraftStorage } from '../../src/core/draft.js';
import { checklistTemplate, formSchema, ledger } from '../fixtures/draft-page-data.js';
import { record } from '../support/report.js';

const UNAVAILABLE = '浏览器无法保存草稿';
const PREFIX = 'xc-draft:reliability/storage/';

interface Target {
  name: string;
  mount(key: string, drafts?: DraftStorage): Promise<HTMLElement>;
  /** Make the i-th change, as a person would. */
  change(el: HTMLElement, i: number): Promise<void>;
  /** What the value shows after changes 1..n. */
  holds(el: HTMLElement, n: number): void;
  /** What a saved draft value shows after changes 1..n. */
  saved(value: unknown, n: number): void;
}

async function settle(el: HTMLElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

async function mount<T extends HTMLElement>(inner: (key: string) => ReturnType<typeof html>, key: string, drafts?: DraftStorage): Promise<T> {
  const p = await fixture<XcProvider>(html`<xc-provider user-role="office" today="2026-11-26" .drafts=${drafts}>${inner(key)}</xc-provider>`);
  const el = p.firstElementChild as T;
  await settle(el);
  return el;
}

function typeInto(el: HTMLElement, selector: string, text: string): void {
  const c = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!c) throw new Error(`no ${selector}`);
  c.value += text;
  c.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const typed = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}句。`).join('');

/** A text field of a form-based element, typed into sentence by sentence. */
function formTarget(name: string, tag: 'xc-form' | 'xc-interview-form' | 'xc-clue-sheet', field: string): Target {
  return {
    name,
    mount: (key, drafts) =>
      mount(
        (k) =>
          tag === 'xc-form'
            ? html`<xc-form draft-key=${k} .schema=${formSchema} .validator=${Object.assign(() => true, { errors: null })}></xc-form>`
            : tag === 'xc-interview-form'
              ? html`<xc-interview-form draft-key=${k}></xc-interview-form>`
              : html`<xc-clue-sheet draft-key=${k}></xc-clue-sheet>`,
        key,
        drafts,
      ),
    change: async (el, i) => {
      typeInto(el, `#xf-${field}`, `第${i}句。`);
      await settle(el);
    },
    holds: (el, n) => expect(((el as XcForm).value as Record<string, unknown>)[field]).to.equal(typed(n)),
    saved: (v, n) => expect((v as Record<string, unknown>)[field]).to.equal(typed(n)),
  };
}

const TARGETS: Target[] = [
  {
    name: '<xc-checklist>',
    mount: (key, drafts) => mount((k) => html`<xc-checklist draft-key=${k} .template=${checklistTemplate}></xc-checklist>`, key, drafts),
    change: async (el, i) => {
      if (i === 1) {
        el.shadowRoot!.querySelector<HTMLInputElement>('#xc-item-p1 .finding[data-value="problem"] input')!.click();
        await settle(el);
      }
      const ta = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#xc-item-p1 textarea[data-field="description"]')!;
      ta.value += `第${i}句。`;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      await settle(el);
    },
    holds: (el, n) => expect((el as XcChecklist).value!.items['p1']).to.deep.equal({ finding: 'problem', description: typed(n) }),
    saved: (v, n) => expect((v as { items: Record<string, unknown> }).items['p1']).to.deep.equal({ finding: 'problem', description: typed(n) }),
  },
  formTarget('<xc-form>', 'xc-form', 'note'),
  formTarget('<xc-interview-form>', 'xc-interview-form', 'place'),
  formTarget('<xc-clue-sheet>', 'xc-clue-sheet', 'mainProblem'),
  {
    name: '<xc-rectification-tracker>',
    mount: (key, drafts) => mount((k) => html`<xc-rectification-tracker draft-key=${k} .value=${ledger()}></xc-rectification-tracker>`, key, drafts),
    change: async (el, i) => {
      const t = el as XcRectificationTracker;
      if (i === 1) await t.openItem('ZG-001');
      const ta = t.shadowRoot!.querySelector<HTMLTextAreaElement>('xc-rectification-detail #d-m-0')!;
      ta.value = `措施${typed(i)}`;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      await settle(el);
    },
    holds: (el, n) => expect((el as XcRectificationTracker).getItem('ZG-001')!.measures[0]!.text).to.equal(`措施${typed(n)}`),
    saved: (v, n) => expect((v as { items: { measures: { text: string }[] }[] }).items[0]!.measures[0]!.text).to.equal(`措施${typed(n)}`),
  },
];

/** Fill this origin's localStorage up to its quota; returns the keys written. */
function fillStorage(): string[] {
  const keys: string[] = [];
  let size = 1 << 20;
  let i = 0;
  while (size >= 8) {
    const k = `xc-test/filler-${i++}`;
    try {
      localStorage.setItem(k, 'x'.repeat(size));
      keys.push(k);
    } catch (e) {
      expect((e as DOMException).name).to.equal('QuotaExceededError');
      size >>= 1;
    }
  }
  return keys;
}

interface Failure {
  name: string;
  /** Make storage fail; returns the way back (storage working again). */
  start(): () => void;
  /** A host storage to give the element, for failures of the host's own storage. */
  drafts?: DraftStorage;
  /** The draft kept under `key` (once storage is back). */
  kept(key: string): Draft | null;
  /** Forget the draft kept under `key`. */
  forget(key: string): void;
}

const inLocalStorage = {
  kept: (key: string) => JSON.parse(localStorage.getItem(`xc-draft:${key}`) ?? 'null') as Draft | null,
  forget: (key: string) => localStorage.removeItem(`xc-draft:${key}`),
};

/** A host's own draft storage (a server, IndexedDB…) in memory, with a switch that makes every save throw. */
function hostStorage(): Pick<Failure, 'start' | 'drafts' | 'kept' | 'forget'> {
  const drafts = new Map<string, Draft>();
  let down = false;
  return {
    start: () => {
      down = true;
      return () => (down = false);
    },
    drafts: {
      load: (key) => drafts.get(key) ?? null,
      save: (key, draft) => {
        if (down) throw new Error('the server refused the draft');
        drafts.set(key, structuredClone(draft));
      },
      remove: (key) => drafts.delete(key),
    },
    kept: (key) => drafts.get(key) ?? null,
    forget: (key) => drafts.delete(key),
  };
}

const FAILURES: Failure[] = [
  {
    name: 'localStorage full (quota reached)',
    start: () => {
      const keys = fillStorage();
      return () => keys.forEach((k) => localStorage.removeItem(k));
    },
    ...inLocalStorage,
  },
  {
    name: 'localStorage blocked (access throws)',
    start: () => {
      const own = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
        },
      });
      return () => Object.defineProperty(window, 'localStorage', own);
    },
    ...inLocalStorage,
  },
  {
    name: 'private mode (every write refused)',
    start: () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      return () => (Storage.prototype.setItem = setItem);
    },
    ...inLocalStorage,
  },
  { name: 'host storage throws', ...hostStorage() },
];

const notices = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="draft-banner"]')].filter((b) => b.textContent!.includes(UNAVAILABLE));
const flush = () => window.dispatchEvent(new Event('pagehide'));

describe('storage full or unavailable', () => {
  let restore: (() => void) | null = null;
  const proved = new Set<string>();
  afterEach(() => {
    restore?.();
    restore = null;
  });
  after(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX) || k.startsWith('xc-test/filler-')) localStorage.removeItem(k);
  });

  for (const failure of FAILURES) {
    for (const t of TARGETS) {
      it(`${t.name}, ${failure.name}: keeps working, says so once, keeps the typing in memory, saves it when storage is back`, async () => {
        const key = `reliability/storage/${t.name.replace(/\W/g, '')}-${FAILURES.indexOf(failure)}`;
        failure.forget(key);
        restore = failure.start();
        const el = await t.mount(key, failure.drafts);
        for (let i = 1; i <= 3; i++) {
          await t.change(el, i);
          flush();
          await settle(el);
          expect(notices(el), `one notice after save ${i}`).to.have.length(1);
        }
        t.holds(el, 3);
        const notice = notices(el)[0]!;
        expect(notice.getAttribute('role')).to.equal('status');
        // The element still validates and answers as before.
        expect(() => (el as unknown as { validate(): unknown }).validate()).not.to.throw();
        // Storage is back: the next save writes everything typed meanwhile, and the notice goes.
        restore();
        restore = null;
        expect(failure.kept(key), 'nothing was saved while storage failed').to.equal(null);
        await t.change(el, 4);
        flush();
        await settle(el);
        expect(notices(el)).to.have.length(0);
        const saved = failure.kept(key);
        expect(saved, 'a draft is saved once storage is back').to.not.equal(null);
        t.saved(saved!.value, 4);
        failure.forget(key);
        proved.add(`${failure.name}|${t.name}`);
      });
    }
  }

  it('records the figure', async () => {
    expect(proved.size).to.equal(FAILURES.length * TARGETS.length);
    await record({
      id: 'lost.storage',
      check: 'Storage full or unavailable: every element keeps working, says once that drafts cannot be saved, keeps the typing in memory and saves it when storage is back',
      figure: `${TARGETS.length} elements × ${FAILURES.length} failures (${FAILURES.map((f) => f.name).join('; ')})`,
    });
  });
});

/**
 * Fuzz: <xc-rectification-tracker> given ledgers wrong in every way (wrong statuses and kinds,
 * invalid and time-zoned dates and deadlines, missing and duplicate ids, odd progress, unknown
 * members, 10,000 items), under every role and "today", shows the ledger or a translated
 * error — through filters, sorting, grouping, opening an item, a status change, export and
 * submit — and never throws. Unknown members survive a status change made in the detail
 * panel or through `applyTransition`, in the value, `xc-change`, FormData, the draft and the JSON export.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { RectificationLedger } from '../../src/core/rectification-types.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { record } from '../support/report.js';
import {
  CJK,
  CJK_ANY,
  RAW_EXCEPTION,
  UncaughtCollector,
  deepObject,
  firstDifference,
  hugeString,
  jsonAny,
  oddDate,
  oddString,
  own,
  strings,
  text,
  tick,
  verdict,
  type Verdict,
} from './support.js';

type Lang = 'zh-CN' | 'en';
type Obj = Record<string, unknown>;
const STATUSES = ['not-started', 'in-progress', 'pending-verification', 'closed'] as const;
const KINDS = ['immediate', 'deadline', 'ongoing'] as const;
const ITEM_KEYS = new Set(['id', 'problem', 'measures', 'responsibility', 'kind', 'deadline', 'startedOn', 'status', 'progress', 'evidence', 'verifier', 'closedAt', 'history']);
const TOP_KEYS = new Set(['version', 'title', 'unit', 'items']);

/* ------------------------------------------------------------ generators */

const junk = (ascii: boolean) => jsonAny(ascii, 2);
const maybe = <T>(a: fc.Arbitrary<T>, ascii: boolean) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: junk(ascii) });
const str = (ascii: boolean) => fc.oneof(fc.string({ unit: ascii ? 'grapheme-ascii' : 'grapheme', maxLength: 16 }), oddString(ascii));
const unknownKey = (reserved: Set<string>) =>
  fc.oneof(fc.constantFrom('__proto__', 'constructor', 'hostNote', 'x-oa-id', 'reviewedAt', ''), fc.string({ maxLength: 10 })).filter((k) => !reserved.has(k));
const unknownMembers = (reserved: Set<string>, ascii: boolean, min = 0) =>
  fc.uniqueArray(fc.tuple(unknownKey(reserved), fc.oneof(jsonAny(ascii, 3), oddDate(), fc.integer({ min: 10, max: 200 }).map((d) => deepObject(d)))), {
    selector: (e) => e[0],
    minLength: min,
    maxLength: 3,
  });

/** Ids from a small pool, so that the same id often comes twice. */
const idArb = (ascii: boolean) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom('ZG-001', 'ZG-002', 'ZG-003', 'ZG-004', 'ZG-005', 'ZG-006') }, { weight: 1, arbitrary: junk(ascii) }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '__proto__', 'a/b', '<b>x</b>') });

const historyEntry = (ascii: boolean) =>
  maybe(
    fc.record(
      { at: oddDate(), by: maybe(str(ascii), ascii), role: maybe(fc.constantFrom('unit', 'office', 'viewer', 'admin'), ascii), from: maybe(fc.constantFrom(null, ...STATUSES, 'done'), ascii), to: maybe(fc.constantFrom(...STATUSES, 'done'), ascii), comment: maybe(str(ascii), ascii) },
      { requiredKeys: [] },
    ),
    ascii,
  );

const itemArb = (ascii: boolean) =>
  fc
    .tuple(
      fc.record(
        {
          id: idArb(ascii),
          problem: maybe(fc.record({ text: maybe(str(ascii), ascii), focusArea: maybe(fc.constantFrom('聚焦一', '聚焦二', 'Focus 3', ''), ascii), category: maybe(str(ascii), ascii), source: maybe(fc.record({ templateId: str(ascii), checkpointId: str(ascii), note: str(ascii) }, { requiredKeys: [] }), ascii) }, { requiredKeys: [] }), ascii),
          measures: maybe(fc.array(maybe(fc.record({ id: str(ascii), text: maybe(str(ascii), ascii), done: maybe(fc.boolean(), ascii) }, { requiredKeys: [] }), ascii), { maxLength: 3 }), ascii),
          responsibility: maybe(fc.record({ leader: maybe(str(ascii), ascii), department: maybe(fc.constantFrom('办公室', '财务股', 'HR', ''), ascii), person: maybe(str(ascii), ascii) }, { requiredKeys: [] }), ascii),
          kind: maybe(fc.constantFrom(...KINDS, 'someday'), ascii),
          deadline: oddDate(),
          startedOn: oddDate(),
          status: maybe(fc.constantFrom(...STATUSES, 'done', 'Closed', ''), ascii),
          progress: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(-5, 150, 1e308, -0, 0.5, '50', null), junk(ascii)),
          evidence: maybe(fc.array(maybe(fc.record({ title: maybe(str(ascii), ascii), kind: str(ascii), ref: fc.constantFrom('https://oa.example/1', 'javascript:alert(1)', '/f/2', 'GB-7') }, { requiredKeys: [] }), ascii), { maxLength: 3 }), ascii),
          verifier: maybe(str(ascii), ascii),
          closedAt: oddDate(),
          history: maybe(fc.array(historyEntry(ascii), { maxLength: 4 }), ascii),
        },
        { requiredKeys: [] },
      ),
      unknownMembers(ITEM_KEYS, ascii),
    )
    .map(([known, extra]) => own(extra, known));

const ledgerArb = (ascii: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.record(
            {
              version: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: junk(ascii) }),
              title: maybe(str(ascii), ascii),
              unit: maybe(str(ascii), ascii),
              items: fc.oneof({ weight: 8, arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: itemArb(ascii) }, { weight: 1, arbitrary: junk(ascii) }), { maxLength: 8 }) }, { weight: 1, arbitrary: junk(ascii) }),
            },
            { requiredKeys: ['version', 'items'] },
          ),
          unknownMembers(TOP_KEYS, ascii),
        )
        .map(([known, extra]) => own(extra, known)),
    },
    { weight: 1, arbitrary: junk(ascii) },
    { weight: 1, arbitrary: fc.constant(null) },
  );

type Action = 'status' | 'kind' | 'department' | 'overdue' | 'search' | 'sort' | 'group' | 'open' | 'transition' | 'export' | 'submit' | 'add';

/* ----------------------------------------------------------------- tests */

describe('fuzz: <xc-rectification-tracker>', function () {
  this.timeout(120_000);
  const uncaught = new UncaughtCollector();
  const tally = { ledgers: 0, targeted: 0, actions: 0, render: 0, error: 0, transitions: 0, roundTrips: 0, unknownMembers: 0 };
  const passed = new Set<string>();
  before(() => uncaught.start());
  after(() => uncaught.stop());
  // Exports are handled here (no file is downloaded).
  const cancelExport = (e: Event) => e.preventDefault();
  before(() => document.addEventListener('xc-export', cancelExport));
  after(() => document.removeEventListener('xc-export', cancelExport));

  async function settle(el: XcRectificationTracker) {
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await tick();
    await el.updateComplete;
  }

  async function judge(el: XcRectificationTracker, lang: Lang, ascii: boolean): Promise<Verdict> {
    await settle(el);
    uncaught.check();
    const t = await strings(lang);
    const v = verdict(el, {
      lang,
      headline: t.trackerInvalid,
      errorSelector: '.load-error[role=alert]',
      asciiData: ascii,
      // Rows, or the table under a filter that matches nothing (it says so), or the empty-ledger note.
      rendered: () => !!el.shadowRoot!.querySelector('table.ledger tr.row, p.empty') || (!!el.shadowRoot!.querySelector('table.ledger') && text(el.shadowRoot!.querySelector('.match-count')) !== ''),
    });
    if (v.kind === 'error') expect(el.validate().valid, 'an unreadable ledger is not valid').to.equal(false);
    tally[v.kind]++;
    return v;
  }

  function mountTracker(opts: { lang: Lang; value: unknown; role: string; today: string; readonly?: boolean; drafts?: ReturnType<typeof memoryDrafts> }) {
    const provider = document.createElement('xc-provider') as XcProvider;
    provider.setAttribute('user-role', opts.role);
    provider.setAttribute('today', opts.today);
    provider.user = { id: 'u-1', name: 'Fuzz' };
    if (opts.drafts) provider.drafts = opts.drafts;
    const form = document.createElement('form');
    const el = document.createElement('xc-rectification-tracker');
    el.lang = opts.lang;
    el.readonly = !!opts.readonly;
    el.setAttribute('name', 'ledger');
    if (opts.drafts) el.draftKey = 'fuzz';
    el.value = opts.value as RectificationLedger;
    form.append(el);
    provider.append(form);
    document.body.append(provider);
    return { el, provider, form };
  }

  async function submitOutcome(el: XcRectificationTracker, lang: Lang, ascii: boolean) {
    const ok = await el.submit();
    await settle(el);
    uncaught.check();
    if (ok || el.shadowRoot!.querySelector('.load-error')) return;
    const summary = el.shadowRoot!.querySelector('.error-summary [role=alert]');
    expect(summary, 'a refused submit shows the error summary').to.exist;
    const t = await strings(lang);
    const s = text(summary);
    expect(s).to.contain(t.errorSummaryTitle);
    expect(s).not.to.match(RAW_EXCEPTION);
    for (const li of summary!.querySelectorAll('li')) {
      const line = text(li);
      expect(line, 'every error has a message').not.to.equal('');
      if (lang === 'zh-CN') expect(line, `in Chinese: ${line.slice(0, 120)}`).to.match(CJK);
      else if (ascii) expect(line, `in English: ${line.slice(0, 120)}`).not.to.match(CJK_ANY);
    }
  }

  async function act(el: XcRectificationTracker, a: Action, pick: number, lang: Lang, ascii: boolean) {
    const root = el.shadowRoot!;
    tally.actions++;
    const choose = (sel: string) => {
      const s = root.querySelector<HTMLSelectElement>(sel);
      if (!s || s.options.length < 2) return;
      s.selectedIndex = 1 + (pick % (s.options.length - 1));
      s.dispatchEvent(new Event('change', { bubbles: true }));
    };
    switch (a) {
      case 'status': choose('#f-status'); break;
      case 'kind': choose('#f-kind'); break;
      case 'department': choose('#f-department'); break;
      case 'overdue': root.querySelector<HTMLInputElement>('#f-overdue')?.click(); break;
      case 'group': root.querySelector<HTMLInputElement>('#f-group')?.click(); break;
      case 'search': {
        const s = root.querySelector<HTMLInputElement>('#f-search');
        if (s) {
          s.value = ['ZG', '办公室', 'x', '2026'][pick % 4]!;
          s.dispatchEvent(new Event('input', { bubbles: true }));
        }
        break;
      }
      case 'sort': {
        const b = [...root.querySelectorAll<HTMLButtonElement>('th button.sort')];
        b[pick % Math.max(1, b.length)]?.click();
        break;
      }
      case 'export':
        el.exportCsv();
        el.exportJson();
        root.querySelector<HTMLButtonElement>(pick % 2 ? '.export-csv' : '.export-json')?.click();
        break;
      case 'submit':
        await submitOutcome(el, lang, ascii);
        break;
      case 'add':
        root.querySelector<HTMLButtonElement>('button.add')?.click();
        break;
      case 'open':
      case 'transition': {
        const open = [...root.querySelectorAll<HTMLButtonElement>('tr.row button.open')];
        const b = open[pick % Math.max(1, open.length)];
        if (!b) break;
        b.click();
        await settle(el);
        const detail = root.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('xc-rectification-detail');
        if (!detail) break;
        await detail.updateComplete;
        expect(text(detail), 'the detail panel shows something').not.to.equal('');
        expect(text(detail)).not.to.match(RAW_EXCEPTION);
        if (a === 'transition') {
          const action = detail.querySelector<HTMLButtonElement>('.actions button[data-action]');
          if (action) {
            action.click();
            await detail.updateComplete;
            const verifier = detail.querySelector<HTMLInputElement>('#d-confirm-verifier');
            if (verifier) {
              verifier.value = '陈主任';
              verifier.dispatchEvent(new Event('input', { bubbles: true }));
            }
            const comment = detail.querySelector<HTMLTextAreaElement>('#d-confirm-comment');
            if (comment && pick % 2) {
              comment.value = 'fuzz';
              comment.dispatchEvent(new Event('input', { bubbles: true }));
            }
            detail.querySelector<HTMLButtonElement>('.action-form .confirm')?.click();
            await settle(el);
            tally.transitions++;
            const err = detail.querySelector('.field-error, #d-action-error');
            if (err) {
              expect(text(err), 'a refused step says why').not.to.equal('');
              expect(text(err)).not.to.match(RAW_EXCEPTION);
            }
          }
        }
        el.closeItem();
        await settle(el);
        break;
      }
    }
    await settle(el);
  }

  const runArb = fc.constantFrom<Lang>('zh-CN', 'en').chain((lang) =>
    fc.record({
      lang: fc.constant(lang),
      value: ledgerArb(lang === 'en'),
      role: fc.constantFrom('unit', 'office', 'viewer', '', 'admin'),
      today: fc.oneof(fc.constantFrom('2026-11-26', '2026-02-30', '2026-11-26T23:30:00-12:00', '2026-11-26T00:30:00+14:00', 'yesterday', '', '+275760-09-13'), fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString())),
      readonly: fc.boolean(),
      actions: fc.array(fc.constantFrom<Action>('status', 'kind', 'department', 'overdue', 'search', 'sort', 'group', 'open', 'transition', 'export', 'submit', 'add'), { maxLength: 3 }),
      pick: fc.nat(),
    }),
  );

  it('any ledger, role and today: the ledger or a translated error, through every action', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ lang, value, role, today, readonly, actions, pick }) => {
        tally.ledgers++;
        const { el, provider } = mountTracker({ lang, value, role, today, readonly });
        try {
          const ascii = lang === 'en';
          let v = await judge(el, lang, ascii);
          for (const a of actions) {
            await act(el, a, pick, lang, ascii);
            v = await judge(el, lang, ascii);
          }
          if (v.kind === 'render') await submitOutcome(el, lang, ascii);
          uncaught.check();
        } finally {
          provider.remove();
        }
      }),
      { numRuns: 70 },
    );
    passed.add('ledgers');
  });

  const item = (id: string, over: Obj = {}): Obj => ({
    id,
    problem: { text: `Problem ${id}`, focusArea: 'Focus' },
    measures: [],
    responsibility: { department: 'Office' },
    kind: 'deadline',
    deadline: '2026-12-31',
    status: 'not-started',
    progress: 0,
    evidence: [],
    history: [{ at: '2026-11-01T09:00:00+08:00', by: 'office', from: null, to: 'not-started' }],
    ...over,
  });
  const targeted: [string, () => unknown, 'render' | 'error'][] = [
    ['missing ids', () => ({ version: 1, items: [item('ZG-001'), { ...item('x'), id: undefined }] }), 'error'],
    ['duplicate ids', () => ({ version: 1, items: [item('ZG-001'), item('ZG-001')] }), 'error'],
    ['id is a number', () => ({ version: 1, items: [{ ...item('x'), id: 7 }] }), 'error'],
    ['version 2', () => ({ version: 2, items: [] }), 'error'],
    ['version "1"', () => ({ version: '1', items: [] }), 'error'],
    ['items is an object', () => ({ version: 1, items: { 0: item('ZG-001') } }), 'error'],
    ['an item is null', () => ({ version: 1, items: [item('ZG-001'), null] }), 'error'],
    ['wrong statuses', () => ({ version: 1, items: [item('ZG-001', { status: 'done' }), item('ZG-002', { status: 3 }), item('ZG-003', { status: null })] }), 'render'],
    ['wrong kinds', () => ({ version: 1, items: [item('ZG-001', { kind: 'someday' }), item('ZG-002', { kind: ['deadline'] })] }), 'render'],
    ['invalid deadlines', () => ({ version: 1, items: ['2026-02-30', '2026-13-01', 'tomorrow', 20261231, { y: 2026 }, '', '0000-00-00'].map((d, i) => item(`ZG-${i}`, { deadline: d })) }), 'render'],
    ['time-zoned deadlines and dates', () => ({ version: 1, items: ['2026-12-31T23:59:59-12:00', '2026-12-31T00:00:00+14:00', '2026-12-31T16:00:00Z'].map((d, i) => item(`ZG-${i}`, { deadline: d, startedOn: d, closedAt: d, status: i === 2 ? 'closed' : 'in-progress' })) }), 'render'],
    ['dates far out', () => ({ version: 1, items: [item('ZG-1', { deadline: '+275760-09-13', startedOn: '-000001-01-01' }), item('ZG-2', { deadline: '9999-12-31', history: [{ at: '+275760-09-13T00:00:00Z', by: 'x', from: null, to: 'not-started' }] })] }), 'render'],
    ['progress of every kind', () => ({ version: 1, items: [-1, 101, 'half', null, 1e308, 0.333].map((p, i) => item(`ZG-${i}`, { progress: p })) }), 'render'],
    ['members of other types', () => ({ version: 1, items: [item('ZG-1', { problem: 'text', measures: 'm', responsibility: [], evidence: {}, history: 'h', verifier: 5 })] }), 'render'],
    ['1 MB problem text', () => ({ version: 1, items: [item('ZG-1', { problem: { text: hugeString(1 << 20) } })] }), 'render'],
    ['5,000-deep unknown member', () => ({ version: 1, hostTree: deepObject(5000), items: [item('ZG-1', { hostTree: deepObject(5000) })] }), 'render'],
    ['not an object', () => 'ledger', 'error'],
    ['an array', () => [item('ZG-1')], 'error'],
  ];
  for (const [name, make, expected] of targeted) {
    it(`targeted: ${name}`, async () => {
      // Unit in Chinese, office in English (a megabyte of text is laid out once only: it takes the browser seconds).
      const runs: [Lang, string][] = name.startsWith('1 MB') ? [['zh-CN', 'office']] : [['zh-CN', 'unit'], ['en', 'office']];
      for (const [lang, role] of runs) {
        tally.targeted++;
        const { el, provider } = mountTracker({ lang, value: make(), role, today: '2026-11-26' });
        try {
          const v = await judge(el, lang, false);
          expect(v.kind, `${name} (${lang}): ${v.text.slice(0, 200)}`).to.equal(expected);
          // A ledger that cannot be shown offers nothing to do.
          if (v.kind === 'render') {
            for (const a of ['sort', 'group', 'open', 'transition', 'export', 'submit'] as Action[]) await act(el, a, 0, lang, false);
            await judge(el, lang, false);
          }
        } finally {
          provider.remove();
        }
      }
      passed.add(name);
    });
  }

  it('targeted: 10,000 items render, filter, and change status through the API', async () => {
    tally.targeted++;
    const items = Array.from({ length: 10_000 }, (_, i) => item(`ZG-${String(i + 1).padStart(5, '0')}`, { hostNote: i, deadline: i % 3 ? '2026-12-31' : '2026-11-01' }));
    const { el, provider } = mountTracker({ lang: 'zh-CN', value: { version: 1, items }, role: 'unit', today: '2026-11-26' });
    try {
      const v = await judge(el, 'zh-CN', false);
      expect(v.kind).to.equal('render');
      expect(text(el.shadowRoot!.querySelector('.match-count'))).to.contain('10000');
      await act(el, 'overdue', 0, 'zh-CN', false);
      el.applyTransition('ZG-10000', 'in-progress');
      await settle(el);
      expect(el.value!.items[9999]!.status).to.equal('in-progress');
      expect(el.value!.items[9999]!['hostNote']).to.equal(9999);
      uncaught.check();
    } finally {
      provider.remove();
    }
    passed.add('10000');
  });

  /* ---------------------------------------------------------- round trip */

  it('unknown members survive a status change (detail panel or API) into value, xc-change, FormData, draft and JSON export', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          top: unknownMembers(TOP_KEYS, false, 1),
          items: fc.array(fc.tuple(unknownMembers(ITEM_KEYS, false), fc.constantFrom(...STATUSES)), { minLength: 1, maxLength: 5 }).filter((l) => l.some(([, s]) => s !== 'closed')),
          historyExtra: unknownMembers(new Set(['at', 'by', 'role', 'from', 'to', 'comment']), false),
          pick: fc.nat(),
          viaUi: fc.boolean(),
        }),
        async ({ top, items, historyExtra, pick, viaUi }) => {
          tally.roundTrips++;
          const list = items.map(([extra, status], i) => {
            const base = item(`ZG-${i + 1}`, {
              status,
              ...(status === 'closed' ? { evidence: [{ title: 'minutes' }], verifier: 'Chen', closedAt: '2026-11-20' } : {}),
            });
            const history = [own(historyExtra, (base['history'] as Obj[])[0]!)];
            if (status !== 'not-started') history.push({ at: '2026-11-02T09:00:00+08:00', by: 'x', from: 'not-started', to: status === 'closed' ? 'pending-verification' : status });
            if (status === 'closed') history.splice(1, 1, { at: '2026-11-02T09:00:00+08:00', by: 'x', from: 'not-started', to: 'in-progress' }, { at: '2026-11-03T09:00:00+08:00', by: 'x', from: 'in-progress', to: 'pending-verification' }, { at: '2026-11-04T09:00:00+08:00', by: 'o', from: 'pending-verification', to: 'closed' });
            else if (status === 'pending-verification') history.splice(1, 1, { at: '2026-11-02T09:00:00+08:00', by: 'x', from: 'not-started', to: 'in-progress' }, { at: '2026-11-03T09:00:00+08:00', by: 'x', from: 'in-progress', to: 'pending-verification' });
            return own(extra, { ...base, history });
          });
          tally.unknownMembers += top.length + items.reduce((n, [e]) => n + e.length, 0) + historyExtra.length * items.length;
          const value = own(top, { version: 1, title: 'Ledger', items: list });
          const original = structuredClone(value);
          // Pick an item that can move: as the unit from not-started/in-progress, as the office from pending-verification.
          const movable = list.map((it, i) => [it, i] as const).filter(([it]) => it['status'] !== 'closed');
          const [target, index] = movable[pick % movable.length]!;
          const role = target['status'] === 'pending-verification' ? 'office' : 'unit';
          const drafts = memoryDrafts();
          const { el, provider, form } = mountTracker({ lang: 'zh-CN', value, role, today: '2026-11-26', drafts });
          try {
            await judge(el, 'zh-CN', false);
            let emitted: unknown;
            el.addEventListener('xc-change', (e) => (emitted = (e as CustomEvent).detail.value));
            const id = target['id'] as string;
            const to = target['status'] === 'not-started' ? 'in-progress' : target['status'] === 'in-progress' ? 'pending-verification' : 'in-progress';
            if (viaUi) {
              const row = [...el.shadowRoot!.querySelectorAll('tr.row')].find((r) => text(r.querySelector('button.open')).endsWith(id))!;
              row.querySelector<HTMLButtonElement>('button.open')!.click();
              await settle(el);
              const detail = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('xc-rectification-detail')!;
              await detail.updateComplete;
              const action = to === 'in-progress' && role === 'office' ? 'send-back' : to === 'in-progress' ? 'start' : 'submit';
              detail.querySelector<HTMLButtonElement>(`[data-action=${action}]`)!.click();
              await detail.updateComplete;
              const comment = detail.querySelector<HTMLTextAreaElement>('#d-confirm-comment')!;
              comment.value = 'Sent back: evidence missing';
              comment.dispatchEvent(new Event('input', { bubbles: true }));
              detail.querySelector<HTMLButtonElement>('.action-form .confirm')!.click();
              await settle(el);
              tally.transitions++;
              el.closeItem();
            } else {
              el.applyTransition(id, to, to === 'in-progress' && role === 'office' ? { comment: 'Sent back' } : {});
            }
            await settle(el);
            expect(emitted, 'xc-change fired').to.exist;
            el.checkValidity();
            const submitted = JSON.parse(new FormData(form).get('ledger') as string) as Obj;
            (el as unknown as { _drafts: { flush(): void } })._drafts.flush();
            const saved = drafts.entries.get('fuzz')?.value as Obj;
            expect(saved, 'the draft was saved').to.exist;
            const exported = JSON.parse(el.exportJson()) as Obj;
            const json = JSON.parse(JSON.stringify(original)) as Obj;
            for (const [where, got, want] of [
              ['value', el.value, original],
              ['xc-change', emitted, original],
              ['FormData', submitted, json],
              ['draft', saved, json],
              ['export', exported, json],
            ] as const) {
              const g = got as Obj;
              const w = want as Obj;
              for (const k of Object.keys(w)) if (k !== 'items') expect(firstDifference(g[k], w[k], k), `${where}: ${JSON.stringify(k)}`).to.equal(null);
              const gi = g['items'] as Obj[];
              const wi = w['items'] as Obj[];
              expect(gi.length).to.equal(wi.length);
              wi.forEach((wItem, i) => {
                const gItem = gi[i]!;
                for (const k of Object.keys(wItem)) {
                  if (i === index && (k === 'status' || k === 'history')) continue;
                  expect(firstDifference(gItem[k], wItem[k], `items.${i}.${k}`), `${where}: items.${i}.${k}`).to.equal(null);
                }
                if (i === index) {
                  expect(gItem['status'], `${where}: the new status`).to.equal(to);
                  const h = gItem['history'] as Obj[];
                  const wh = wItem['history'] as Obj[];
                  expect(h.length, `${where}: one history entry appended`).to.equal(wh.length + 1);
                  expect(firstDifference(h.slice(0, wh.length), wh, 'history'), `${where}: history kept`).to.equal(null);
                }
              });
            }
            uncaught.check();
          } finally {
            provider.remove();
          }
        },
      ),
      { numRuns: 40 },
    );
    passed.add('roundtrip');
  });

  it('records the figures', async () => {
    expect(passed.size, 'every fuzz test above passed').to.equal(targeted.length + 3);
    expect(tally.render).to.be.greaterThan(0);
    expect(tally.error).to.be.greaterThan(0);
    const total = tally.ledgers + tally.targeted;
    await record({
      id: 'fuzz.tracker',
      check: '<xc-rectification-tracker> shows the ledger or a translated error for any ledger (wrong statuses, invalid and time-zoned dates, missing and duplicate ids, 10,000 items, unknown members), any role and any "today", through filters, sorting, grouping, opening, status changes, export and submit; unknown members survive a status change into value, xc-change, FormData, draft and JSON export',
      figure: `${total} generated ledgers (${tally.ledgers} random, ${tally.targeted} targeted incl. 10,000 items, 1 MB text, 5,000-deep members) with ${tally.actions} actions and ${tally.transitions} status changes through the panel; ${tally.render + tally.error} verdicts after loads and actions (${tally.render} ledger shown, ${tally.error} translated message); ${tally.roundTrips} round trips carrying ${tally.unknownMembers} unknown members`,
    });
  });
});

/**
 * Fuzz: the clue register. The core never throws on any value or any sequence of steps by any
 * role; a step it takes is always one of the state machine's edges, by a role allowed to take it;
 * a 移交单 number is never given twice; no reporter reaches the register. <xc-clue-register> shows
 * the register or a translated error for any value, role and language, through filters, a clue
 * opened, a sheet shown, CSV and submit.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/clue-register/index.js';
import '../../src/provider/index.js';
import type { XcClueRegister } from '../../src/clue-register/xc-clue-register.js';
import {
  CLUE_STEPS,
  addClues,
  clueCounts,
  clueLevelsOf,
  clueStep,
  cluesToCsv,
  filterClues,
  makeTransferSheet,
  readClueRegister,
  replyLight,
  validateClueRegister,
  type ClueRegister,
} from '../../src/core/clue-register.js';
import { record } from '../support/report.js';
import { CORE_RUNS, ELEMENT_RUNS, UncaughtCollector, jsonAny, oddDate, oddString, strings, tick, verdict } from './support.js';

const STATES = ['registered', 'proposed', 'approved', 'transferred', 'replied'] as const;
const ROLES = ['preparer', 'reviewer', 'leader', 'viewer', ''] as const;
const ACTIONS = ['propose', 'withdraw', 'approve', 'return', 'reply', 'transfer'] as const;
const SECRET = '举报人密名';

const junk = (ascii: boolean) => jsonAny(ascii, 2);
const maybe = <T>(a: fc.Arbitrary<T>, ascii: boolean, weight = 5) => fc.oneof({ weight, arbitrary: a }, { weight: 1, arbitrary: junk(ascii) });
const str = (ascii: boolean) => fc.oneof(fc.string({ unit: ascii ? 'grapheme-ascii' : 'grapheme', maxLength: 16 }), oddString(ascii));

const clueArb = (ascii: boolean) =>
  fc.record(
    {
      id: maybe(fc.constantFrom('a', 'b', 'c', 'd', 'e'), ascii),
      number: maybe(fc.constantFrom('XS-2026-001', 'XS-2026-007', 'x'), ascii),
      source: maybe(fc.record({ kind: maybe(fc.constantFrom('checklist', 'interview', 'petition', 'manual'), ascii), recordId: maybe(str(ascii), ascii) }, { requiredKeys: [] }), ascii, 30),
      mainProblem: maybe(str(ascii), ascii),
      category: maybe(fc.constantFrom('选人用人', '民主集中制', '三资管理', ''), ascii),
      state: maybe(fc.constantFrom(...STATES), ascii, 30),
      receiver: maybe(fc.constantFrom('discipline', 'organisation', 'court'), ascii),
      replyDue: oddDate(),
      transferredOn: oddDate(),
      suggestion: maybe(str(ascii), ascii),
    },
    { requiredKeys: ['id', 'state', 'source'] },
  );

const registerArb = (ascii: boolean) =>
  fc.oneof(
    { weight: 1, arbitrary: junk(ascii) },
    {
      weight: 6,
      arbitrary: fc.record(
        {
          version: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: junk(ascii) }),
          // Ids mostly distinct (a register with an id twice is refused whole, which the reader's own test covers).
          clues: fc.oneof({ weight: 6, arbitrary: fc.array(clueArb(ascii), { maxLength: 6 }).map((cs) => cs.map((c, i) => (i === 5 ? c : { ...c, id: `c${i}` }))) }, { weight: 1, arbitrary: junk(ascii) }),
          transfers: fc.oneof(
            { weight: 4, arbitrary: fc.constant([]) },
            { weight: 2, arbitrary: fc.array(fc.record({ id: fc.constantFrom('s1', 's2'), number: fc.constantFrom('YJ-2026-01', 'YJ-2026-02', 'x'), clueIds: fc.constant(['a']) }), { maxLength: 2 }) },
            { weight: 1, arbitrary: junk(ascii) },
          ),
          replyMonths: maybe(fc.integer({ min: -2, max: 30 }), ascii),
          sheetPattern: maybe(fc.constantFrom('YJ-{yyyy}-{seq:2}', '{seq}', 'no-seq', '{seq}{seq}'), ascii),
        },
        { requiredKeys: ['version', 'clues'] },
      ),
    },
  );

const stepArb = fc.record({
  action: fc.constantFrom(...ACTIONS),
  // The team's roles more often than strangers, so that many steps are taken.
  role: fc.oneof({ weight: 3, arbitrary: fc.constant('leader') }, { weight: 2, arbitrary: fc.constantFrom('preparer', 'reviewer') }, { weight: 1, arbitrary: fc.constantFrom('viewer', '') }),
  target: fc.nat(7),
  on: fc.oneof(fc.constantFrom('2026-11-30', '2026-12-31', '2027-03-01'), oddDate()),
  disposal: fc.constantFrom('inquiry', 'verification', 'investigation', 'hold', 'closed', 'fine', undefined),
  receiver: fc.constantFrom('discipline', 'organisation', undefined),
});

describe('fuzz: clue register', function () {
  this.timeout(180_000);
  const uncaught = new UncaughtCollector();
  const tally = { core: 0, steps: 0, taken: 0, sheets: 0, render: 0, error: 0, actions: 0 };
  before(() => uncaught.start());
  after(() => uncaught.stop());
  const cancelExport = (e: Event) => e.preventDefault();
  before(() => document.addEventListener('xc-export', cancelExport));
  after(() => document.removeEventListener('xc-export', cancelExport));

  it('core: never throws; every step taken is an edge of the state machine by an allowed role; sheet numbers are never reused; no reporter gets in', () => {
    fc.assert(
      fc.property(registerArb(false), fc.array(stepArb, { maxLength: 12 }), fc.constantFrom('zh-CN', 'en'), oddDate(), (value, steps, lang, today) => {
        tally.core++;
        const r = readClueRegister(value);
        if (!r.ok) return;
        let reg: ClueRegister = r.register;
        const day = String(today);
        validateClueRegister(reg, lang);
        clueCounts(reg.clues, day);
        filterClues(reg.clues, { state: 'transferred', receiver: 'organisation', overdue: true, query: 'x 选人' }, day);
        cluesToCsv(reg, { lang, today: day });
        for (const c of reg.clues) replyLight(c, day);
        // New clues with a reporter given: it must not get in.
        reg = addClues(reg, [{ source: { kind: 'manual' }, mainProblem: '问题', reporter: { name: SECRET }, petitioner: { name: SECRET } } as never], '2026-11-30').register;
        for (const s of steps) {
          tally.steps++;
          const clue = reg.clues[s.target % Math.max(1, reg.clues.length)];
          if (!clue) break;
          const before = clue.state;
          const actor = { role: s.role, name: '某人' };
          if (s.action === 'transfer') {
            const numbers = new Set((reg.transfers ?? []).map((x) => x.number));
            const t = makeTransferSheet(reg, { clueIds: [clue.id], date: String(s.on), transferor: 'a', recipient: 'b' }, actor);
            if (!t.ok) continue;
            tally.sheets++;
            expect(before, 'only an approved clue goes on a sheet').to.equal('approved');
            expect(clueLevelsOf(s.role), 'a role that may transfer').to.include('member');
            expect(numbers.has(t.sheet.number), `sheet number ${t.sheet.number} given twice`).to.equal(false);
            reg = t.register;
            continue;
          }
          const res = clueStep(reg, clue.id, { action: s.action, on: String(s.on), disposal: s.disposal as never, receiver: s.receiver as never }, actor);
          if (!res.ok) {
            expect(reg.clues.find((c) => c.id === clue.id)!.state, 'a refused step changes nothing').to.equal(before);
            continue;
          }
          tally.taken++;
          const edge = CLUE_STEPS.find((e) => e.action === s.action && e.from.includes(before));
          expect(edge, `${before} --${s.action}--> taken without an edge`).to.exist;
          expect(res.clue.state).to.equal(edge!.to);
          expect(edge!.levels.some((l) => clueLevelsOf(s.role).includes(l)), `${s.role} may not ${s.action}`).to.equal(true);
          reg = res.register;
        }
        expect(JSON.stringify(reg) + cluesToCsv(reg, { lang, today: day })).not.to.contain(SECRET);
      }),
      { numRuns: CORE_RUNS },
    );
  });

  async function settle(el: XcClueRegister) {
    for (let i = 0; i < 3; i++) {
      await el.updateComplete;
      await tick();
    }
  }

  async function run(value: unknown, role: string, lang: 'zh-CN' | 'en', ascii: boolean): Promise<void> {
    const t = await strings(lang);
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-11-30');
    provider.setAttribute('user-role', role);
    const form = document.createElement('form');
    const el = document.createElement('xc-clue-register') as XcClueRegister;
    el.setAttribute('lang', lang);
    el.setAttribute('name', 'reg');
    el.value = value as ClueRegister;
    provider.append(el);
    form.append(provider);
    document.body.append(form);
    try {
      await settle(el);
      const judge = () => {
        const v = verdict(el, {
          lang,
          headline: (t as unknown as { crInvalid: string }).crInvalid,
          errorSelector: '.load-error[role=alert]',
          rendered: () => !!el.shadowRoot!.querySelector('.toolbar'),
          asciiData: ascii,
        });
        tally[v.kind]++;
        return v;
      };
      if (judge().kind === 'error') return;
      uncaught.check();
      const root = el.shadowRoot!;
      for (const sel of ['.f-state', '.f-receiver']) {
        const box = root.querySelector<HTMLSelectElement>(sel)!;
        box.selectedIndex = box.options.length - 1;
        box.dispatchEvent(new Event('change'));
        await settle(el);
        tally.actions++;
        judge();
      }
      root.querySelector<HTMLInputElement>('.f-overdue')!.click();
      await settle(el);
      judge();
      const open = root.querySelector<HTMLButtonElement>('button.open');
      if (open) {
        open.click();
        await settle(el);
        tally.actions++;
        judge();
        for (const b of root.querySelectorAll<HTMLButtonElement>('.panel .actions button:not(.cancel)')) {
          b.click();
          await settle(el);
          tally.actions++;
          judge();
          break;
        }
      }
      const show = root.querySelector<HTMLButtonElement>('button.show-sheet');
      if (show) {
        show.click();
        await settle(el);
        tally.actions++;
        judge();
      }
      el.toCsv();
      el.download();
      await el.submit();
      await settle(el);
      new FormData(form);
      uncaught.check();
    } finally {
      form.remove();
    }
  }

  it('element: any value, role and language shows the register or a translated error, through filters, a clue, a sheet, CSV and submit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean().chain((ascii) => fc.tuple(fc.constant(ascii), registerArb(ascii))),
        fc.constantFrom(...ROLES),
        fc.constantFrom('zh-CN', 'en') as fc.Arbitrary<'zh-CN' | 'en'>,
        async ([ascii, value], role, lang) => {
          await run(value, role, lang, ascii);
        },
      ),
      { numRuns: Math.round(ELEMENT_RUNS / 3) },
    );
    await record({
      id: 'fuzz.clue-register',
      check: 'Fuzzed clue registers and step sequences: the core never throws, takes only the state machine’s steps by allowed roles, never reuses a 移交单 number and never lets a reporter in; <xc-clue-register> shows the register or a translated error through filters, a clue, a sheet, CSV and submit',
      figure: `${tally.core} registers, ${tally.steps} steps tried (${tally.taken} taken, ${tally.sheets} sheets made); ${tally.render + tally.error} element views (${tally.error} errors), ${tally.actions} actions`,
    });
  });
});

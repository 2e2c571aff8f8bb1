/**
 * Fuzz: the round figures. The core never throws on any records (units of junk, registers of the
 * wrong shape, dates of every kind) and its totals stay the sums of its rows; <xc-round-summary>
 * shows the figures or the plain empty message for any `units` or `summary`, in both languages,
 * with nothing escaping, its table's totals the core's, and a CSV for whatever it shows.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/round-summary/index.js';
import '../../src/provider/index.js';
import type { XcRoundSummary } from '../../src/round-summary/xc-round-summary.js';
import { summariseRound, ROUND_FIGURES, type UnitRecords } from '../../src/core/round-summary.js';
import { roundSummaryCsv } from '../../src/core/round-summary-csv.js';
import { parseCsv } from '../../src/core/rectification/csv.js';
import { template } from '../round-summary/fixtures.js';
import { CORE_RUNS, ELEMENT_RUNS, RAW_EXCEPTION, UncaughtCollector, jsonAny, oddDate, oddString, text, tick } from './support.js';

const junk = jsonAny(false, 2);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: junk });
const answer = fc.record({ finding: maybe(fc.constantFrom('found', 'ok', 'problem')), scope: maybe(fc.constantFrom('common', 'specific')), clue: maybe(fc.boolean()) }, { requiredKeys: [] });
const item = fc.record(
  {
    status: maybe(fc.constantFrom('not-started', 'in-progress', 'stage-reached', 'pending-verification', 'closed')),
    kind: maybe(fc.constantFrom('immediate', 'deadline', 'ongoing')),
    deadline: oddDate(),
    extensions: maybe(fc.array(fc.record({ deadline: oddDate(), decision: maybe(fc.record({ approved: maybe(fc.boolean()) })) }), { maxLength: 2 })),
    problem: maybe(fc.record({ focusArea: maybe(oddString(false)), scope: maybe(fc.constantFrom('common', 'specific')) }, { requiredKeys: [] })),
    outcome: maybe(fc.record({ rulesMade: maybe(fc.integer({ min: -5, max: 9 })), fundsRecovered: maybe(fc.double()), peopleHandled: maybe(fc.nat(9)) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const unitArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.record(
    {
      unit: maybe(oddString(false)),
      checklists: maybe(fc.array(maybe(fc.oneof(
        fc.record({ templateId: fc.constantFrom('tpl-round', 'x'), items: maybe(fc.dictionary(fc.constantFrom('a1', 'a2', 'b1', 'c1', '__proto__', 'toString'), maybe(answer))) }),
        fc.record({ template: maybe(fc.constant(template)), response: maybe(fc.record({ items: maybe(fc.dictionary(fc.constantFrom('a1', 'b2'), answer)) })) }),
      )), { maxLength: 2 })),
      interviews: maybe(fc.array(maybe(fc.record({ problems: maybe(fc.array(maybe(fc.record({ isClue: maybe(fc.boolean()) })), { maxLength: 3 })) })), { maxLength: 3 })),
      petitions: maybe(fc.oneof(fc.array(maybe(fc.record({ handling: maybe(fc.constantFrom('clue', 'file')) })), { maxLength: 3 }), fc.record({ entries: maybe(fc.array(junk, { maxLength: 3 })) }))),
      clues: maybe(fc.oneof(fc.array(maybe(fc.record({ state: maybe(fc.constantFrom('registered', 'transferred', 'replied')) })), { maxLength: 3 }), fc.record({ clues: junk }))),
      ledger: maybe(fc.oneof(fc.array(maybe(item), { maxLength: 5 }), fc.record({ items: maybe(fc.array(maybe(item), { maxLength: 5 })) }))),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: junk },
);
const unitsArb = fc.oneof({ weight: 6, arbitrary: fc.array(unitArb, { maxLength: 5 }) }, { weight: 1, arbitrary: junk });

describe('fuzz: round summary', function () {
  this.timeout(180_000);
  const uncaught = new UncaughtCollector();
  before(() => uncaught.start());
  after(() => uncaught.stop());
  const cancelExport = (e: Event) => e.preventDefault();
  before(() => document.addEventListener('xc-export', cancelExport));
  after(() => document.removeEventListener('xc-export', cancelExport));

  it('core: never throws; totals are the sums of the rows; the CSV has a row per unit and the totals', () => {
    fc.assert(
      fc.property(unitsArb, oddDate(), fc.constantFrom('zh-CN', 'en'), (units, today, lang) => {
        const s = summariseRound(units as UnitRecords[], { today: today as string, templates: [template], lang });
        for (const f of ROUND_FIGURES) {
          if (f === 'completionRate' || f === 'fundsRecovered') continue;
          expect(s.totals[f], f).to.equal(s.units.reduce((n, u) => n + u[f], 0));
        }
        for (const u of s.units) for (const f of ROUND_FIGURES) expect(Number.isFinite(u[f]), f).to.equal(true);
        const rows = parseCsv(roundSummaryCsv(s, lang));
        expect(rows.length).to.equal(s.units.length + 2);
      }),
      { numRuns: CORE_RUNS },
    );
  });

  it('element: any `units` or `summary`, either language: the figures or the empty message, totals as the core counts them, no raw exception', async () => {
    await fc.assert(
      fc.asyncProperty(unitsArb, fc.boolean(), fc.constantFrom('zh-CN', 'en'), async (units, asSummary, lang) => {
        const provider = document.createElement('xc-provider');
        provider.setAttribute('today', '2026-12-01');
        const el = document.createElement('xc-round-summary') as XcRoundSummary;
        el.setAttribute('lang', lang);
        el.templates = [template];
        if (asSummary) el.summary = (Array.isArray(units) ? summariseRound(units as UnitRecords[], { today: '2026-12-01', templates: [template] }) : units) as never;
        else el.units = units as never;
        provider.append(el);
        document.body.append(provider);
        try {
          await el.updateComplete;
          await tick();
          uncaught.check();
          const root = el.shadowRoot!;
          const shown = text(root);
          expect(shown).not.to.match(RAW_EXCEPTION);
          const table = root.querySelector('table.units');
          if (Array.isArray(units) && units.length) {
            expect(table, 'a table for a list of units').not.to.equal(null);
            const core = summariseRound(units as UnitRecords[], { today: '2026-12-01', templates: [template] });
            expect(root.querySelectorAll('table.units tbody tr').length).to.equal(core.units.length);
            expect(text(root.querySelector('tfoot [data-figure="problems"]'))).to.equal(new Intl.NumberFormat(lang).format(core.totals.problems));
            const csv = parseCsv(await el.toCsv());
            expect(csv.length).to.equal(core.units.length + 2);
          } else if (!asSummary || Array.isArray(units)) {
            expect(table).to.equal(null);
          }
        } finally {
          provider.remove();
        }
      }),
      { numRuns: ELEMENT_RUNS },
    );
  });
});

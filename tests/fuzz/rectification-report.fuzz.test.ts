/**
 * Fuzz: the rectification report. The core drafts a report from any ledger-like value without
 * throwing, and a 公开稿 it produces never holds a restricted name (whatever the names, the edits and
 * the junk in the ledger); <xc-rectification-report> shows the report or a translated error for any
 * value and ledger, in both languages and both modes, through edits, a redraft and submit.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/rectification-report/index.js';
import '../../src/provider/index.js';
import type { XcRectificationReport } from '../../src/rectification-report/xc-rectification-report.js';
import { draftReport, editParagraph, publicVersion, readReportValue, reportValue, restrictedNames, validateReport, type ReportValue } from '../../src/core/rectification-report.js';
import type { RectificationLedger } from '../../src/core/rectification-types.js';
import { record } from '../support/report.js';
import { CORE_RUNS, RAW_EXCEPTION, UncaughtCollector, jsonAny, oddDate, oddString, strings, text, tick, verdict } from './support.js';

const STATUSES = ['not-started', 'in-progress', 'stage-reached', 'pending-verification', 'closed'] as const;
const FOCUS = ['聚焦党的理论路线方针政策和党中央决策部署情况', '聚焦群众身边腐败问题和不正之风', '聚焦基层党组织领导班子和干部队伍建设情况'];

const junk = (ascii: boolean) => jsonAny(ascii, 2);
const maybe = <T>(a: fc.Arbitrary<T>, ascii: boolean) => fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: junk(ascii) });
const str = (ascii: boolean) => fc.oneof(fc.string({ unit: ascii ? 'grapheme-ascii' : 'grapheme', maxLength: 16 }), oddString(ascii));
/** A name: two to four letters of a set no drafted word uses (so its presence is the name's own). */
const nameArb = fc.array(fc.constantFrom(...'甲乙丙丁戊己庚辛壬癸'), { minLength: 2, maxLength: 4 }).map((a) => a.join(''));

const itemArb = (ascii: boolean, names: string[]) =>
  fc.record(
    {
      id: maybe(fc.string({ minLength: 1, maxLength: 8 }), ascii),
      problem: maybe(fc.record({ text: maybe(fc.oneof(str(ascii), fc.constantFrom(...names).map((n) => `由${n}负责的问题`)), ascii), focusArea: maybe(fc.constantFrom(...FOCUS, ''), ascii) }, { requiredKeys: [] }), ascii),
      measures: maybe(fc.array(fc.record({ id: fc.string({ maxLength: 4 }), text: maybe(str(ascii), ascii), done: maybe(fc.boolean(), ascii), person: fc.constantFrom(...names), deadline: oddDate() }, { requiredKeys: [] }), { maxLength: 3 }), ascii),
      responsibility: maybe(fc.record({ leader: fc.constantFrom(...names), person: fc.constantFrom(...names), department: maybe(str(ascii), ascii) }, { requiredKeys: [] }), ascii),
      kind: maybe(fc.constantFrom('immediate', 'deadline', 'ongoing'), ascii),
      status: maybe(fc.constantFrom(...STATUSES), ascii),
      progress: maybe(fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double()), ascii),
      deadline: oddDate(),
      evidence: maybe(fc.array(fc.record({ title: maybe(str(ascii), ascii) }), { maxLength: 2 }), ascii),
      history: maybe(fc.array(fc.record({ at: oddDate(), by: fc.constantFrom(...names), to: fc.constantFrom(...STATUSES), comment: maybe(fc.oneof(str(ascii), fc.constantFrom(...names)), ascii) }, { requiredKeys: [] }), { maxLength: 3 }), ascii),
      extensions: maybe(fc.array(fc.record({ id: fc.string({ maxLength: 4 }), by: fc.constantFrom(...names), reason: maybe(str(ascii), ascii), deadline: oddDate() }, { requiredKeys: [] }), { maxLength: 2 }), ascii),
      outcome: maybe(fc.record({ rulesMade: maybe(fc.integer({ min: -3, max: 9 }), ascii), fundsRecovered: maybe(fc.double(), ascii), peopleHandled: maybe(fc.nat(9), ascii) }, { requiredKeys: [] }), ascii),
    },
    { requiredKeys: ['id'] },
  );

const ledgerArb = (ascii: boolean) =>
  fc.array(nameArb, { minLength: 1, maxLength: 5 }).chain((names) =>
    fc.tuple(fc.constant(names), fc.oneof({ weight: 6, arbitrary: fc.record({ version: fc.constant(1), unit: maybe(str(ascii), ascii), items: maybe(fc.array(itemArb(ascii, names), { maxLength: 6 }), ascii) }, { requiredKeys: ['version'] }) }, { weight: 1, arbitrary: junk(ascii) })),
  );

/** Every string of a value, without white space. */
const flat = (v: unknown): string => JSON.stringify(v).replace(/\s+/g, '');

describe('fuzz: rectification report', function () {
  this.timeout(180_000);
  const uncaught = new UncaughtCollector();
  const tally = { core: 0, produced: 0, refused: 0, names: 0, element: 0, render: 0, error: 0 };
  before(() => uncaught.start());
  after(() => uncaught.stop());

  it('core: drafts from any ledger-like value, and a 公开稿 it produces holds no restricted name', () => {
    fc.assert(
      fc.property(
        ledgerArb(false),
        fc.array(fc.tuple(fc.nat(30), fc.oneof(str(false), nameArb), fc.boolean()), { maxLength: 4 }),
        fc.constantFrom('zh-CN', 'en'),
        oddDate(),
        fc.option(oddDate(), { nil: undefined }),
        ([names, ledger], edits, lang, today, feedback) => {
          tally.core++;
          const model = draftReport(ledger as RectificationLedger, { today: today as string, feedbackDate: feedback as string | undefined, lang, kind: tally.core % 2 ? 'unit' : 'leader' });
          let v: ReportValue = reportValue(model);
          for (const [i, t, pub] of edits) {
            const p = v.model.paragraphs[i % v.model.paragraphs.length]!;
            v = editParagraph(v, p.id, t, pub);
          }
          expect(readReportValue(JSON.parse(JSON.stringify(v))), 'a drafted value reads back').not.to.equal(null);
          validateReport(v, lang);
          const restricted = restrictedNames(ledger as RectificationLedger);
          const r = publicVersion(v, { restricted, lang });
          if (!r.ok) {
            tally.refused++;
            expect(r.leaks.length).to.be.greaterThan(0);
            return;
          }
          tally.produced++;
          const out = flat(r.model);
          for (const n of names) {
            if (!restricted.some((x) => x.text === n)) continue;
            tally.names++;
            expect(out, n).not.to.contain(n);
          }
        },
      ),
      { numRuns: CORE_RUNS },
    );
  });

  async function settle(el: XcRectificationReport) {
    await el.updateComplete;
    await tick();
    await el.updateComplete;
  }

  async function run(value: unknown, ledger: unknown, lang: 'zh-CN' | 'en', ascii: boolean): Promise<void> {
    const t = await strings(lang);
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-11-26');
    const form = document.createElement('form');
    const el = document.createElement('xc-rectification-report') as XcRectificationReport;
    el.setAttribute('lang', lang);
    el.setAttribute('name', 'report');
    el.setAttribute('feedback-date', '2026-10-31');
    el.value = value as ReportValue;
    el.ledger = ledger as RectificationLedger;
    provider.append(el);
    form.append(provider);
    document.body.append(form);
    try {
      await settle(el);
      const judge = () => {
        const v = verdict(el, {
          lang,
          headline: (t as unknown as { rrInvalid: string }).rrInvalid,
          errorSelector: '.load-error[role=alert]',
          rendered: () => !!el.shadowRoot!.querySelector('.toolbar'),
          asciiData: ascii,
        });
        tally[v.kind]++;
        return v;
      };
      if (judge().kind === 'error') return;
      const root = el.shadowRoot!;
      const box = root.querySelector<HTMLTextAreaElement>('textarea');
      if (box) {
        box.value = `${box.value}补充`;
        box.dispatchEvent(new InputEvent('input'));
        await settle(el);
        judge();
      }
      await el.redraft();
      el.mode = 'public';
      await settle(el);
      judge();
      await el.submit();
      await settle(el);
      judge();
      uncaught.check();
      expect(RAW_EXCEPTION.test(text(root))).to.equal(false);
    } finally {
      form.remove();
    }
  }

  it('<xc-rectification-report>: shows the report or a translated error for any value and ledger, in both languages and modes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean().chain((ascii) => fc.tuple(fc.constant(ascii), ledgerArb(ascii), fc.oneof(fc.constant(undefined), junk(ascii), fc.record({ version: fc.constant(1), model: junk(ascii), edits: junk(ascii) })))),
        fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en'),
        fc.boolean(),
        async ([ascii, [, ledger], value], lang, withLedger) => {
          tally.element++;
          await run(value, withLedger ? ledger : null, lang, ascii);
        },
      ),
      { numRuns: 60 },
    );
    await record({
      id: 'fuzz.rectification-report',
      check: '<xc-rectification-report> and its core: any ledger-like value (junk members, odd dates, negative or non-numeric outcomes, names in problems, measures, comments) drafts a report; a 公开稿 produced never holds a restricted name, whatever the edits; the element shows the report or a translated error for any value and ledger, through an edit, a redraft, the 公开稿 and submit',
      figure: `${tally.core} core runs (${tally.produced} 公开稿 produced, ${tally.refused} refused, ${tally.names} names looked for), ${tally.element} element values; ${tally.render + tally.error} verdicts (${tally.render} report shown, ${tally.error} translated message)`,
    });
  });
});

/**
 * Fuzz: the 反馈意见. The core never throws where it returns refusals (reading, drafting from any
 * sheets, issuing, edits, grouping) and throws only its own FeedbackError when making the 问题清单;
 * <xc-feedback-sheet> shows the feedback or a translated error for any value and language, through
 * an edit, a suggestion, 签发 and submit, and unknown members survive an edit into value and FormData.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/feedback/index.js';
import '../../src/provider/index.js';
import type { XcFeedbackSheet } from '../../src/feedback/xc-feedback-sheet.js';
import {
  checkFeedbackEdit,
  draftFeedback,
  feedbackCounts,
  feedbackToItems,
  FeedbackError,
  groupFeedback,
  issueFeedback,
  readFeedback,
  type FeedbackValue,
} from '../../src/core/feedback.js';
import { rectificationLedger } from '../../src/generated/validators/rectificationLedger.js';
import { record } from '../support/report.js';
import { CORE_RUNS, UncaughtCollector, jsonAny, oddDate, oddString, own, strings, text, tick, verdict } from './support.js';
import { TEMPLATE, problem, signedSheet } from '../feedback/fixtures.js';

const junk = (ascii: boolean) => jsonAny(ascii, 2);
const maybe = <T>(a: fc.Arbitrary<T>, ascii: boolean) => fc.oneof({ weight: 6, arbitrary: a }, { weight: 1, arbitrary: junk(ascii) });
const str = (ascii: boolean) => fc.oneof(fc.string({ unit: ascii ? 'grapheme-ascii' : 'grapheme', maxLength: 16 }), oddString(ascii));
const extra = (ascii: boolean) =>
  fc.uniqueArray(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'hostNote', 'x-oa-id'), jsonAny(ascii, 2)), { selector: (e) => e[0], maxLength: 2 });

const itemArb = (ascii: boolean) =>
  fc
    .tuple(
      fc.record(
        {
          focusArea: maybe(fc.constantFrom('聚焦一', '聚焦二', ''), ascii),
          scope: maybe(fc.constantFrom('common', 'specific', 'other'), ascii),
          text: maybe(str(ascii), ascii),
          basis: maybe(str(ascii), ascii),
          category: maybe(str(ascii), ascii),
          evidence: maybe(fc.array(fc.record({ title: str(ascii) }), { maxLength: 2 }), ascii),
          source: maybe(fc.record({ templateId: fc.constant('t'), checkpointId: str(ascii), note: maybe(str(ascii), ascii), sheetNo: maybe(str(ascii), ascii), digest: fc.constant('d') }, { requiredKeys: ['digest'] }), ascii),
        },
        { requiredKeys: ['focusArea', 'text', 'source'] },
      ),
      extra(ascii),
    )
    .map(([known, more]) => own(more, known));

const valueArb = (ascii: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.record(
            {
              version: fc.constant(1),
              unit: maybe(str(ascii), ascii),
              round: maybe(str(ascii), ascii),
              feedbackDate: oddDate(),
              items: fc.oneof({ weight: 8, arbitrary: fc.array(itemArb(ascii), { maxLength: 5 }).map((l) => l.map((it, i) => ({ ...it, id: `i${i}` }))) }, { weight: 1, arbitrary: junk(ascii) }),
              suggestions: maybe(fc.array(str(ascii), { maxLength: 3 }), ascii),
              issuedAt: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('2026-12-01T10:00:00+08:00') }, { weight: 1, arbitrary: junk(ascii) }),
            },
            { requiredKeys: ['version', 'items'] },
          ),
          extra(ascii),
        )
        .map(([known, more]) => own(more, known)),
    },
    { weight: 1, arbitrary: junk(ascii) },
    { weight: 1, arbitrary: fc.constant(null) },
  );

describe('fuzz: feedback sheet', function () {
  this.timeout(180_000);
  const uncaught = new UncaughtCollector();
  const tally = { core: 0, sheets: 0, items: 0, render: 0, error: 0, actions: 0, unknown: 0 };
  before(() => uncaught.start());
  after(() => uncaught.stop());

  it('core: never throws on any value; the 问题清单 throws only FeedbackError and its items pass the ledger schema', () => {
    fc.assert(
      fc.property(valueArb(false), oddDate(), fc.string({ maxLength: 6 }), (value, date, by) => {
        tally.core++;
        const v = readFeedback(value);
        checkFeedbackEdit(value, value);
        const issued = issueFeedback(value, { by, at: '2026-12-01T10:00:00+08:00', feedbackDate: date as string });
        if (!v) return;
        groupFeedback(v);
        feedbackCounts(v);
        for (const x of [v, issued.ok ? issued.value : v]) {
          try {
            const items = feedbackToItems(x);
            tally.items += items.length;
            expect(items.length).to.equal(x.items.length);
            const clean = x.items.every((it) => (it.evidence ?? []).every((e) => e.title.length > 0 && Object.keys(e).every((k) => ['title', 'kind', 'ref'].includes(k))));
            if (clean && x.issuedBy) expect(rectificationLedger({ version: 1, items }), JSON.stringify(rectificationLedger.errors)).to.equal(true);
          } catch (e) {
            expect(e, String(e)).to.be.instanceOf(FeedbackError);
          }
        }
      }),
      { numRuns: CORE_RUNS },
    );
  });

  it('core: drafting from any list of sheets (signed, tampered, junk) refuses or drafts, never throws', async () => {
    const signed = await signedSheet('F-1', { 'f1g1-01': problem('甲', 'common') });
    const sheetArb = fc.oneof(
      fc.constant<unknown>(signed),
      fc.constant<unknown>({ ...signed, response: { ...signed.response, header: { no: 'X' } } }),
      fc.constant<unknown>({ template: TEMPLATE, response: { templateId: TEMPLATE.id, items: {} } }),
      junk(false).map((j) => ({ template: TEMPLATE, response: j })),
      junk(false),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { maxLength: 3 }), async (sheets) => {
        tally.sheets++;
        const out = await draftFeedback(sheets as never);
        if (out.ok) expect(readFeedback(out.value)).not.to.equal(null);
        else expect(out.code).to.be.a('string');
      }),
      { numRuns: 60 },
    );
  });

  async function run(value: unknown, lang: 'zh-CN' | 'en', ascii: boolean): Promise<void> {
    const t = (await strings(lang)) as unknown as { fbNotFeedback: string };
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-11-26');
    provider.setAttribute('user-role', 'leader');
    const form = document.createElement('form');
    const el = document.createElement('xc-feedback-sheet') as XcFeedbackSheet;
    el.setAttribute('lang', lang);
    el.setAttribute('name', 'fb');
    el.value = value as FeedbackValue;
    provider.append(el);
    form.append(provider);
    document.body.append(form);
    try {
      await el.updateComplete;
      await tick();
      const judge = () => {
        const v = verdict(el, { lang, headline: t.fbNotFeedback, errorSelector: '.load-error[role=alert]', rendered: () => !!el.shadowRoot!.querySelector('.suggestions'), asciiData: ascii });
        tally[v.kind]++;
        return v;
      };
      if (judge().kind === 'error') return;
      uncaught.check();
      const root = el.shadowRoot!;
      const box = root.querySelector<HTMLTextAreaElement>('.item textarea');
      if (box) {
        box.value += '补';
        box.dispatchEvent(new Event('input'));
      }
      root.querySelector<HTMLButtonElement>('.add-suggestion')?.click();
      await el.updateComplete;
      tally.actions += 2;
      judge();
      const host = (value && typeof value === 'object' ? (value as Record<string, unknown>) : {})['hostNote'];
      if (host !== undefined && Object.prototype.hasOwnProperty.call(value, 'hostNote')) {
        tally.unknown++;
        expect(JSON.stringify((el.value as Record<string, unknown>)['hostNote'])).to.equal(JSON.stringify(host));
        const sent = new FormData(form).get('fb');
        if (sent) expect(JSON.stringify(JSON.parse(sent as string)['hostNote'])).to.equal(JSON.stringify(host));
      }
      await el.issue();
      await el.submit();
      await el.updateComplete;
      await tick();
      tally.actions += 2;
      judge();
      expect(text(root)).not.to.contain('[object Object]');
      uncaught.check();
    } finally {
      form.remove();
    }
  }

  it('element: any value shows the feedback or a translated error, through edit, suggestion, 签发 and submit', async () => {
    for (const [lang, ascii] of [['zh-CN', false], ['en', true]] as const) {
      await fc.assert(
        fc.asyncProperty(valueArb(ascii), async (value) => run(value, lang, ascii)),
        { numRuns: 40 },
      );
    }
    await record({
      id: 'fuzz.feedback',
      check: '<xc-feedback-sheet> and its core take fuzzed feedback values and sheets: no uncaught error, no raw exception or object on screen, errors in the page language, unknown members kept through an edit into value and FormData',
      figure: `${tally.core} core values, ${tally.sheets} lists of sheets, ${tally.items} 问题清单 items, ${tally.render} renders, ${tally.error} translated errors, ${tally.actions} actions, ${tally.unknown} unknown members kept`,
    });
  });
});

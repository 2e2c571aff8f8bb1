/**
 * Fuzz: whatever is given as `value` to <xc-checklist> (wrong types for finding,
 * methods and evidence, unknown keys at every level, invalid dates, huge strings,
 * deep nesting, any JS value), directly or through a restored draft, the check
 * points are shown and submitting shows translated errors, never an uncaught
 * exception. And unknown members survive load → edit (a click) → read back,
 * `xc-change`, form submission and the saved draft, deep-equal.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/checklist/index.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { ChecklistResponse, ChecklistTemplate } from '../../src/core/checklist.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { record } from '../support/report.js';
import {
  CJK,
  CJK_ANY,
  RAW_EXCEPTION,
  UncaughtCollector,
  deepArray,
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
} from './support.js';

type Lang = 'zh-CN' | 'en';
const template = checklistSanjujiao as unknown as ChecklistTemplate;
const points = template.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((p) => p.id)));
/** Check points rendered in the first frame (the list fills in later). */
const FIRST = points.slice(0, 30);
const FINDINGS = template.findings.map((f) => f.value);
const METHODS = (template.methods ?? []).map((m) => m.value);
const KINDS = (template.evidenceKinds ?? []).map((m) => m.value);
const CATEGORIES = (template.categories ?? []).map((m) => m.value);
const SCOPES = (template.scopes ?? []).map((m) => m.value);
const ITEM_KEYS = new Set(['finding', 'description', 'methods', 'evidence', 'category', 'scope', 'clue', 'notes', 'basis']);
const TOP_KEYS = new Set(['templateId', 'templateVersion', 'items', 'keptAside', 'header', 'review', 'signature']);

const unknownKey = (reserved: Set<string>) =>
  fc.oneof(fc.constantFrom('__proto__', 'constructor', 'hostNote', 'x-oa-id', 'reviewedAt', '', ' '), fc.string({ maxLength: 12 })).filter((k) => !reserved.has(k));
/** Members no one knows: any JSON, dates in every zone, deep nesting, big strings. */
const unknownValue = (ascii: boolean) =>
  fc.oneof(
    { weight: 4, arbitrary: jsonAny(ascii, 3) },
    { weight: 2, arbitrary: oddDate() },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 300 }).map((d) => deepObject(d)) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map(hugeString) },
  );
const unknownMembers = (reserved: Set<string>, ascii: boolean) =>
  fc.uniqueArray(fc.tuple(unknownKey(reserved), unknownValue(ascii)), { selector: (e) => e[0], maxLength: 4 });

const odd = (ascii: boolean) => fc.oneof(jsonAny(ascii, 2), oddDate());
const maybe = <T>(a: fc.Arbitrary<T>, ascii: boolean) => fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: odd(ascii) });

const evidenceArb = (ascii: boolean) =>
  maybe(
    fc.array(
      maybe(
        fc.record(
          {
            title: maybe(oddString(ascii), ascii),
            kind: maybe(fc.constantFrom(...KINDS, 'unknown-kind'), ascii),
            ref: maybe(fc.constantFrom('https://oa.example/doc/1', '/files/2', 'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'GB-2026-07', '\\\\evil'), ascii),
          },
          { requiredKeys: [] },
        ),
        ascii,
      ),
      { maxLength: 4 },
    ),
    ascii,
  );

/** One answer: right or wrong types for every member, plus unknown members. */
const answerArb = (ascii: boolean) =>
  fc
    .tuple(
      fc.record(
        {
          finding: maybe(fc.constantFrom(...FINDINGS, 'maybe'), ascii),
          description: maybe(oddString(ascii), ascii),
          methods: maybe(fc.array(fc.constantFrom(...METHODS, 'telepathy'), { maxLength: 4 }), ascii),
          evidence: evidenceArb(ascii),
          category: maybe(fc.constantFrom(...CATEGORIES, 'other'), ascii),
          scope: maybe(fc.constantFrom(...SCOPES), ascii),
          clue: maybe(fc.boolean(), ascii),
          notes: maybe(oddString(ascii), ascii),
          basis: maybe(oddString(ascii), ascii),
        },
        { requiredKeys: [] },
      ),
      unknownMembers(ITEM_KEYS, ascii),
    )
    .map(([known, extra]) => own(extra, known));

const idArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...points) }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'gone-1')) });
const itemsArb = (ascii: boolean) =>
  maybe(fc.uniqueArray(fc.tuple(idArb, fc.oneof({ weight: 5, arbitrary: answerArb(ascii) }, { weight: 1, arbitrary: odd(ascii) })), { selector: (e) => e[0], maxLength: 12 }).map((e) => own(e)), ascii);

/** The 工作底稿's header: text (or not) in every member, a date (or not), unknown members. */
const headerArb = (ascii: boolean) =>
  maybe(
    fc
      .tuple(
        fc.record(
          {
            no: maybe(oddString(ascii), ascii),
            unit: maybe(oddString(ascii), ascii),
            team: maybe(oddString(ascii), ascii),
            round: maybe(oddString(ascii), ascii),
            preparedBy: maybe(oddString(ascii), ascii),
            preparedOn: maybe(fc.oneof(fc.constantFrom('2026-11-18', '2026-02-30', '18/11/2026', ''), oddDate()), ascii),
          },
          { requiredKeys: [] },
        ),
        unknownMembers(new Set(['no', 'unit', 'team', 'round', 'preparedBy', 'preparedOn']), ascii),
      )
      .map(([known, extra]) => own(extra, known)),
    ascii,
  );

/** A review record: states and steps right or wrong, comments on real and unknown check points. */
const reviewArb = (ascii: boolean) =>
  maybe(
    fc.record(
      {
        state: maybe(fc.constantFrom('drafting', 'submitted', 'reviewed', 'returned', 'signed', 'approved'), ascii),
        steps: maybe(
          fc.array(
            maybe(
              fc.record(
                {
                  action: maybe(fc.constantFrom('submit', 'review', 'return', 'sign', 'approve'), ascii),
                  level: maybe(fc.constantFrom('preparer', 'reviewer', 'leader', 'boss'), ascii),
                  by: maybe(oddString(ascii), ascii),
                  role: maybe(fc.constantFrom('preparer', 'reviewer', 'leader', ''), ascii),
                  at: maybe(oddDate(), ascii),
                  opinion: maybe(oddString(ascii), ascii),
                  comments: maybe(fc.uniqueArray(fc.tuple(idArb, maybe(oddString(ascii), ascii)), { selector: (e) => e[0], maxLength: 3 }).map((e) => own(e)), ascii),
                },
                { requiredKeys: [] },
              ),
              ascii,
            ),
            { maxLength: 5 },
          ),
          ascii,
        ),
      },
      { requiredKeys: [] },
    ),
    ascii,
  );

/** A signature: one that looks right (it never matches: the value is made up), or junk. */
const signatureArb = (ascii: boolean) =>
  maybe(fc.record({ algorithm: fc.constantFrom('SHA-256', 'MD5'), digest: fc.stringMatching(/^[0-9a-f]{64}$/), signedAt: oddDate() }), ascii);

/** A whole value: right or wrong at every level. */
const valueArb = (ascii: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.record(
            {
              templateId: maybe(fc.constantFrom(template.id, 'other-template'), ascii),
              templateVersion: maybe(fc.constantFrom(template.version, '0.9', ''), ascii),
              items: itemsArb(ascii),
              keptAside: itemsArb(ascii),
              header: headerArb(ascii),
              review: reviewArb(ascii),
              // Rare: a signature locks the sheet (and its check fails: a tamper warning).
              signature: fc.option(signatureArb(ascii), { freq: 8, nil: undefined }),
            },
            { requiredKeys: [] },
          ),
          unknownMembers(TOP_KEYS, ascii),
        )
        .map(([known, extra]) => own(extra, known)),
    },
    { weight: 1, arbitrary: jsonAny(ascii, 4) },
    {
      weight: 1,
      arbitrary: fc.anything({ maxDepth: 3, stringUnit: ascii ? 'grapheme-ascii' : 'grapheme', withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withDate: true, withSparseArray: true }),
    },
  );

type Action = 'none' | 'submit' | 'search' | 'filter' | 'click' | 'details' | 'review';
const REVIEW_ACTIONS = ['submit', 'review', 'return', 'sign'] as const;

describe('fuzz: <xc-checklist> value', function () {
  this.timeout(120_000);
  const uncaught = new UncaughtCollector();
  const tally = { restored: 0, values: 0, drafts: 0, targeted: 0, submits: 0, errorsShown: 0, roundTrips: 0, unknownMembers: 0 };
  const passed = new Set<string>();
  before(() => uncaught.start());
  after(() => uncaught.stop());

  async function settle(el: HTMLElement & { updateComplete: Promise<boolean> }) {
    await el.updateComplete;
    await tick();
    await el.updateComplete;
  }

  /** The element shows check points (each with a number and finding choices or a read-only finding). */
  function expectPoints(el: XcChecklist) {
    const root = el.shadowRoot!;
    expect(text(root), 'blank shadow root').not.to.equal('');
    expect(root.querySelector('.load-error'), 'a value never makes the template unusable').to.equal(null);
    const items = [...root.querySelectorAll('xc-checklist-item')];
    // A filter or search may match nothing: then it says so.
    if (!items.length) expect(text(root.querySelector('.match-count')), 'check points shown, or why not').not.to.equal('');
    for (const i of items) expect(text(i.querySelector('.point-text')), `check point ${i.id} shows its text`).to.match(/^\d+\./);
    expect(text(root)).not.to.match(RAW_EXCEPTION);
  }

  /** After a submit: either xc-submit, or a summary in the language with one non-empty message per error. */
  async function expectSubmitOutcome(el: XcChecklist, lang: Lang) {
    let submitted = false;
    const onSubmit = () => (submitted = true);
    el.addEventListener('xc-submit', onSubmit);
    const ok = await el.submit();
    el.removeEventListener('xc-submit', onSubmit);
    await settle(el);
    tally.submits++;
    const summary = el.shadowRoot!.querySelector('.error-summary [role=alert]');
    if (ok) {
      expect(submitted).to.equal(true);
      return;
    }
    expect(summary, 'a refused submit shows the error summary').to.exist;
    tally.errorsShown++;
    const t = await strings(lang);
    const s = text(summary);
    expect(s).to.contain(t.errorSummaryTitle);
    expect(s).not.to.match(RAW_EXCEPTION);
    const links = [...summary!.querySelectorAll('li')].map(text);
    expect(links.length).to.be.greaterThan(0);
    for (const l of links) {
      expect(l, 'every error has a message').not.to.equal('');
      // The message comes from the locale only; the check point it names (its number and the
      // start of its text, from the template) is the isolated part (U+2068 … U+2069).
      const message = l.replace(/\u2068[^\u2069]*\u2069/g, '');
      if (lang === 'en') expect(message).not.to.match(CJK_ANY);
      else expect(message).to.match(CJK);
    }
  }

  async function act(el: XcChecklist, action: Action, lang: Lang, pick: number) {
    const root = el.shadowRoot!;
    switch (action) {
      case 'submit':
        await expectSubmitOutcome(el, lang);
        break;
      case 'review': {
        // A step of the 三级审核 (no provider: no role, so refused with a code; never an exception).
        const out = await el.review(REVIEW_ACTIONS[pick % 4]!, { opinion: '同意', comments: pick % 2 ? { [FIRST[0]!]: '补充证据' } : undefined, name: '张三' });
        expect(out.ok === true || typeof out.code === 'string').to.equal(true);
        await settle(el);
        const panel = root.querySelector('xc-checklist-review')?.shadowRoot;
        if (panel) expect(text(panel)).not.to.match(RAW_EXCEPTION);
        break;
      }
      case 'search': {
        const search = root.querySelector<HTMLInputElement>('input[type=search]')!;
        search.value = ['问题', 'abc', 'javascript', '1'][pick % 4]!;
        search.dispatchEvent(new Event('input'));
        await settle(el);
        expect(root.querySelector('.match-count'), 'a search says how many match').to.exist;
        break;
      }
      case 'filter': {
        const radios = root.querySelectorAll<HTMLInputElement>('.filters input');
        radios[1 + (pick % 3)]!.click();
        await settle(el);
        expect(text(root.querySelector('.match-count'))).not.to.equal('');
        break;
      }
      case 'click':
      case 'details': {
        const item = root.querySelector<HTMLElement>(`#xc-item-${FIRST[pick % FIRST.length]}`);
        const radio = item?.querySelectorAll<HTMLInputElement>('.finding input')[action === 'details' ? 0 : pick % FINDINGS.length];
        radio?.click();
        await settle(el);
        if (action === 'details' && item && !el.readonly) {
          // A problem shows its details: add evidence, tick a method, type a description.
          item.querySelector<HTMLButtonElement>('button.add')?.click();
          item.querySelector<HTMLInputElement>('input[type=checkbox][data-field=methods]')?.click();
          const ta = item.querySelector<HTMLTextAreaElement>('textarea[data-field=description]');
          if (ta) {
            ta.value = '会议记录缺失';
            ta.dispatchEvent(new Event('input'));
          }
          await settle(el);
        }
        break;
      }
    }
  }

  const runArb = fc.constantFrom<Lang>('zh-CN', 'en').chain((lang) =>
    fc.record({
      lang: fc.constant(lang),
      value: valueArb(lang === 'en'),
      readonly: fc.boolean(),
      actions: fc.array(fc.constantFrom<Action>('none', 'submit', 'search', 'filter', 'click', 'details', 'review'), { maxLength: 3 }),
      pick: fc.nat(),
    }),
  );

  it('any value: check points shown, submit gives xc-submit or translated errors', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ lang, value, readonly, actions, pick }) => {
        tally.values++;
        const el = document.createElement('xc-checklist');
        el.lang = lang;
        el.readonly = readonly;
        el.value = value as ChecklistResponse;
        document.body.append(el);
        try {
          await settle(el);
          uncaught.check();
          expectPoints(el);
          el.validate();
          for (const a of actions) await act(el, a, lang, pick);
          await expectSubmitOutcome(el, lang);
          uncaught.check();
          expectPoints(el);
        } finally {
          el.remove();
        }
      }),
      { numRuns: 120 },
    );
    passed.add('values');
  });

  it('any value in a stored draft: offered, restored with a click, shown', async () => {
    await fc.assert(
      fc.asyncProperty(
        valueArb(false),
        fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.getTime()), fc.constantFrom(Number.MAX_SAFE_INTEGER, 8.64e15 + 1, 1e300)),
        async (value, savedAt) => {
          tally.drafts++;
          const drafts = memoryDrafts();
          drafts.entries.set('fuzz', { value, savedAt, templateVersion: template.version });
          const provider = document.createElement('xc-provider') as XcProvider;
          provider.drafts = drafts;
          const el = document.createElement('xc-checklist');
          el.draftKey = 'fuzz';
          provider.append(el);
          document.body.append(provider);
          try {
            await settle(el);
            uncaught.check();
            const restore = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=draft-banner] button.primary');
            // A draft that shows what is shown anyway is not offered; any other is.
            if (restore) {
              expect(text(el.shadowRoot!.querySelector('[part=draft-banner]'))).to.match(CJK);
              restore.click();
              await settle(el);
              tally.restored++;
            }
            uncaught.check();
            expectPoints(el);
            await expectSubmitOutcome(el, 'zh-CN');
            uncaught.check();
          } finally {
            provider.remove();
          }
        },
      ),
      { numRuns: 60 },
    );
    // Most generated drafts differ from what is shown: the restore path must have run.
    expect(tally.restored).to.be.greaterThan(0);
    passed.add('drafts');
  });

  // Regression: comparing a stored draft with what is shown overflowed the stack on a
  // value nested 5,000 levels deep (canonicalJson was recursive): the checklist never loaded.
  it('regression: a draft with a 5,000-deep member is offered and restored', async () => {
    tally.drafts++;
    const drafts = memoryDrafts();
    const value = { templateId: template.id, templateVersion: template.version, items: { [points[0]!]: { finding: 'none', hostTree: deepObject(5000) } }, hostTree: deepArray(5000) };
    drafts.entries.set('deep', { value, savedAt: Date.now(), templateVersion: template.version });
    const provider = document.createElement('xc-provider') as XcProvider;
    provider.drafts = drafts;
    const el = document.createElement('xc-checklist');
    el.draftKey = 'deep';
    provider.append(el);
    document.body.append(provider);
    try {
      await settle(el);
      uncaught.check();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=draft-banner] button.primary')!.click();
      await settle(el);
      expect(el.value!.items[points[0]!]!.finding).to.equal('none');
      expect(firstDifference(el.value!['hostTree'], value.hostTree)).to.equal(null);
      uncaught.check();
    } finally {
      provider.remove();
    }
    passed.add('deep draft');
  });

  const targeted: [string, () => unknown][] = [
    ['finding is a number', () => ({ items: { [points[0]!]: { finding: 1 } } })],
    ['finding is an object', () => ({ items: { [points[0]!]: { finding: { value: 'problem' } } } })],
    ['description of a problem is a number', () => ({ items: { [points[0]!]: { finding: 'problem', description: 42 } } })],
    ['description of a problem is an array', () => ({ items: { [points[0]!]: { finding: 'problem', description: ['a'] } } })],
    ['methods is a string', () => ({ items: { [points[0]!]: { finding: 'problem', description: 'x', methods: 'hearing' } } })],
    ['methods is a number', () => ({ items: { [points[0]!]: { finding: 'none', methods: 3 } } })],
    ['methods is an object', () => ({ items: { [points[0]!]: { finding: 'none', methods: { 0: 'hearing' } } } })],
    ['evidence is a string', () => ({ items: { [points[0]!]: { finding: 'problem', description: 'x', evidence: 'minutes' } } })],
    ['evidence is an object', () => ({ items: { [points[0]!]: { finding: 'problem', description: 'x', evidence: { title: 'minutes' } } } })],
    ['an evidence entry is null', () => ({ items: { [points[0]!]: { finding: 'problem', description: 'x', evidence: [null] } } })],
    ['an evidence entry is a string', () => ({ items: { [points[0]!]: { finding: 'problem', description: 'x', evidence: ['minutes'] } } })],
    ['evidence title and ref are numbers', () => ({ items: { [points[0]!]: { finding: 'problem', description: 'x', evidence: [{ title: 1, ref: 2 }] } } })],
    ['notes is an object', () => ({ items: { [points[0]!]: { finding: 'none', notes: { a: 1 } } } })],
    ['category and scope are numbers', () => ({ items: { [points[0]!]: { finding: 'problem', description: 'x', category: 3, scope: 4 } } })],
    ['items is an array', () => ({ items: [{ finding: 'problem' }] })],
    ['keptAside holds junk', () => ({ keptAside: { gone: 'x', other: null, third: { finding: 7 } } })],
    ['1 MB description', () => ({ items: { [points[0]!]: { finding: 'problem', description: hugeString(1 << 20) } } })],
    ['1 MB unknown member', () => ({ hostBlob: hugeString(1 << 20), items: { [points[0]!]: { finding: 'none', hostBlob: hugeString(1 << 20) } } })],
    ['5,000-deep unknown member', () => ({ hostTree: deepObject(5000), items: { [points[0]!]: { finding: 'none', hostTree: deepArray(5000) } } })],
    ['10,000 answers to unknown check points', () => ({ items: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`gone-${i}`, { finding: 'problem', description: `d${i}` }])) })],
    ['header is a string', () => ({ header: '底稿', items: { [points[0]!]: { finding: 'none' } } })],
    ['header members are numbers and objects', () => ({ header: { no: 7, unit: { name: 'x' }, preparedOn: 20261118 } })],
    ['header date is not a date', () => ({ header: { preparedOn: '2026-02-30T99' } })],
    ['basis is an array', () => ({ items: { [points[0]!]: { finding: 'problem', description: 'x', basis: ['《条例》'] } } })],
    ['review is a string', () => ({ review: 'signed' })],
    ['review steps are junk', () => ({ review: { state: 'returned', steps: [null, 3, 'x', { action: 'return', comments: 'p1' }, { action: 'return', comments: { [points[0]!]: 5, nowhere: '旧批注' } }] } })],
    ['returned with a 1 MB comment', () => ({ review: { state: 'returned', steps: [{ action: 'return', level: 'reviewer', by: '李四', at: '2026-11-20T09:00:00+08:00', opinion: 'x', comments: { [points[0]!]: hugeString(1 << 20) } }] } })],
    ['signature is junk', () => ({ signature: 'signed', items: { [points[0]!]: { finding: 'none' } } })],
    ['signature of another algorithm', () => ({ signature: { algorithm: 'MD5', digest: 'x', signedAt: 1 }, review: { state: 'drafting', steps: [] } })],
    ['invalid dates in unknown members', () => ({ savedOn: '2026-02-30', items: { [points[0]!]: { finding: 'none', checkedAt: '2026-11-26T25:61:00+08:00', due: 'yesterday' } } })],
  ];
  for (const [name, make] of targeted) {
    it(`targeted: ${name}`, async () => {
      // Editable in Chinese, read-only in English (both views, both languages).
      for (const [lang, readonly] of [['zh-CN', false], ['en', true]] as [Lang, boolean][]) {
        tally.targeted++;
        const el = document.createElement('xc-checklist');
        el.lang = lang;
        el.readonly = readonly;
        el.value = make() as ChecklistResponse;
        document.body.append(el);
        try {
          await settle(el);
          uncaught.check();
          expectPoints(el);
          await act(el, 'details', lang, 0);
          await act(el, 'search', lang, 0);
          await expectSubmitOutcome(el, lang);
          uncaught.check();
        } finally {
          el.remove();
        }
      }
      passed.add(name);
    });
  }

  /* ---------------------------------------------------------- round trip */

  /** Values whose answers sit on real check points and carry unknown members. */
  const roundTripArb = fc.record({
    top: unknownMembers(TOP_KEYS, false),
    answers: fc.uniqueArray(
      fc.tuple(
        fc.constantFrom(...FIRST),
        fc.constantFrom(...FINDINGS),
        unknownMembers(ITEM_KEYS, false).filter((e) => e.length > 0),
      ),
      { selector: (e) => e[0], minLength: 1, maxLength: 6 },
    ),
    gone: fc.uniqueArray(fc.tuple(fc.constantFrom('gone-1', 'gone-2', 'old.point'), unknownMembers(ITEM_KEYS, false)), { selector: (e) => e[0], maxLength: 2 }),
    edit: fc.nat(),
    to: fc.nat(),
  });

  it('unknown members survive load → click → read back, xc-change, FormData and the saved draft', async () => {
    await fc.assert(
      fc.asyncProperty(roundTripArb, async ({ top, answers, gone, edit, to }) => {
        tally.roundTrips++;
        const items = own(answers.map(([id, finding, extra]) => [id, own(extra, { finding })]));
        const keptAside = own(gone.map(([id, extra]) => [id, own(extra, { finding: 'problem', description: '旧问题' })]));
        const value = own(top, { templateId: template.id, templateVersion: template.version, items, ...(gone.length ? { keptAside } : {}) });
        tally.unknownMembers += top.length + answers.reduce((n, a) => n + a[2].length, 0) + gone.reduce((n, g) => n + g[1].length, 0);
        const original = structuredClone(value);

        const drafts = memoryDrafts();
        const provider = document.createElement('xc-provider') as XcProvider;
        provider.drafts = drafts;
        const form = document.createElement('form');
        const el = document.createElement('xc-checklist');
        // Set as a property, as frameworks do (it once reached no form: regression).
        el.name = 'checklist';
        el.draftKey = 'rt';
        el.value = value as ChecklistResponse;
        form.append(el);
        provider.append(form);
        document.body.append(provider);
        try {
          await settle(el);
          // The person answers one check point (one that has unknown members, or another one).
          const id = edit % 2 ? answers[edit % answers.length]![0] : FIRST[edit % FIRST.length]!;
          const before = (original['items'] as Record<string, Record<string, unknown>>)[id]?.['finding'];
          const finding = FINDINGS.filter((f) => f !== before)[to % (FINDINGS.length - 1)]!;
          let emitted: unknown;
          el.addEventListener('xc-change', (e) => (emitted = (e as CustomEvent).detail.value), { once: true });
          el.shadowRoot!.querySelector<HTMLInputElement>(`#xc-item-${CSS.escape(id)} .finding[data-value="${finding}"] input`)!.click();
          await settle(el);
          expect(emitted, 'xc-change fired').to.exist;
          el.checkValidity(); // pushes the value to the form now
          const submitted = JSON.parse(new FormData(form).get('checklist') as string) as Record<string, unknown>;
          (el as unknown as { _drafts: { flush(): void } })._drafts.flush();
          const saved = drafts.entries.get('rt')?.value as Record<string, unknown>;
          expect(saved, 'the draft was saved').to.exist;
          const json = JSON.parse(JSON.stringify(original)) as Record<string, unknown>;
          for (const [where, got, want] of [
            ['value', el.value, original],
            ['xc-change', emitted, original],
            ['FormData', submitted, json],
            ['draft', saved, json],
          ] as const) {
            const g = got as Record<string, unknown>;
            const w = want as Record<string, unknown>;
            for (const k of Object.keys(w)) if (!TOP_KEYS.has(k)) expect(firstDifference(g[k], w[k], k), `${where}: top-level ${JSON.stringify(k)}`).to.equal(null);
            expect(Object.keys(g).filter((k) => !TOP_KEYS.has(k)).sort(), `${where}: no member added`).to.deep.equal(Object.keys(w).filter((k) => !TOP_KEYS.has(k)).sort());
            const gi = g['items'] as Record<string, Record<string, unknown>>;
            const wi = w['items'] as Record<string, Record<string, unknown>>;
            for (const [pid, ans] of Object.entries(wi)) {
              const expected = pid === id ? { ...ans, finding } : ans;
              expect(firstDifference(gi[pid], expected, `items.${pid}`), `${where}: answer ${pid}`).to.equal(null);
            }
            if (!wi[id]) expect(gi[id], `${where}: the new answer`).to.deep.equal({ finding });
            if (gone.length) expect(firstDifference(g['keptAside'], w['keptAside'], 'keptAside'), `${where}: kept aside`).to.equal(null);
          }
          uncaught.check();
        } finally {
          provider.remove();
        }
      }),
      { numRuns: 100 },
    );
    passed.add('roundtrip');
  });

  it('records the figures', async () => {
    expect(passed.size, 'every fuzz test above passed').to.equal(targeted.length + 4);
    const total = tally.values + tally.drafts + tally.targeted;
    await record({
      id: 'fuzz.checklist-value',
      check: '<xc-checklist> shows its check points for any value (wrong types, unknown keys, huge or deep members) and submitting gives xc-submit or translated errors; unknown members survive load → click → value, xc-change, FormData and draft',
      figure: `${total} generated values (${tally.values} set directly, ${tally.drafts} stored as drafts (${tally.restored} offered and restored), ${tally.targeted} targeted incl. 1 MB strings, 5,000-deep members, 10,000 kept-aside answers); ${tally.submits} submits, ${tally.errorsShown} refused with messages; ${tally.roundTrips} round trips carrying ${tally.unknownMembers} unknown members`,
    });
  });
});

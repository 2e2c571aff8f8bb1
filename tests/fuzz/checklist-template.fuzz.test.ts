/**
 * Fuzz: whatever is given as `template` to <xc-checklist> — the bundled template
 * mutated in every way a generator can think of, or any JSON / JS value at all —
 * the element shows either check points or a visible error in the page's language,
 * never an uncaught exception and never a blank shadow root.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/checklist/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { ChecklistTemplate } from '../../src/core/checklist.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { record } from '../support/report.js';
import {
  ELEMENT_RUNS,
  UncaughtCollector,
  applyMutations,
  deepArray,
  deepObject,
  hugeString,
  jsonAny,
  mount,
  mutationArb,
  strings,
  text,
  tick,
  verdict,
  type Verdict,
} from './support.js';

type Lang = 'zh-CN' | 'en';
const bundled = () => structuredClone(checklistSanjujiao) as unknown as Record<string, any>;

describe('fuzz: <xc-checklist> template', function () {
  this.timeout(120_000);
  const uncaught = new UncaughtCollector();
  const tally = { mutated: 0, arbitrary: 0, sequence: 0, targeted: 0, render: 0, error: 0 };
  const passed = new Set<string>();
  before(() => uncaught.start());
  after(() => uncaught.stop());

  /** Judge what an element shows for its current template. */
  async function judge(el: XcChecklist, lang: Lang, ascii: boolean): Promise<Verdict> {
    await el.updateComplete;
    await tick();
    await el.updateComplete;
    uncaught.check();
    const t = await strings(lang);
    const v = verdict(el, {
      lang,
      headline: t.templateInvalid,
      errorSelector: '.load-error[role=alert]',
      asciiData: ascii,
      rendered: () => {
        const items = [...el.shadowRoot!.querySelectorAll('xc-checklist-item')];
        // Check points visible, each with its number and a finding choice.
        return items.length > 0 && items.every((i) => /^\d+\./.test(text(i.querySelector('.point-text'))) && !!i.querySelector('input[type=radio]'));
      },
    });
    if (v.kind === 'error') expect(el.validate().valid, 'an unusable template is not valid').to.equal(false);
    tally[v.kind]++;
    return v;
  }

  /** Mount a checklist with `template`, judge it, remove it. */
  async function show(template: unknown, lang: Lang, ascii: boolean): Promise<Verdict> {
    const el = mount<XcChecklist>('xc-checklist', (e) => (e.template = template as ChecklistTemplate), lang);
    try {
      return await judge(el, lang, ascii);
    } finally {
      el.remove();
    }
  }

  const langArb = fc.constantFrom<Lang>('zh-CN', 'en');

  it('the bundled template with 1–4 arbitrary mutations: check points or a translated error', async () => {
    await fc.assert(
      fc.asyncProperty(
        langArb.chain((lang) => fc.tuple(fc.constant(lang), fc.array(mutationArb(lang === 'en'), { minLength: 1, maxLength: 4 }))),
        async ([lang, mutations]) => {
          tally.mutated++;
          const doc = applyMutations(bundled(), mutations);
          await show(doc, lang, lang === 'en');
        },
      ),
    );
    passed.add('mutated');
  });

  it('any JSON value, or any JS value, as the template: check points or a translated error', async () => {
    const anything = (ascii: boolean) =>
      fc.oneof(
        jsonAny(ascii, 4),
        fc.anything({ maxDepth: 3, stringUnit: ascii ? 'grapheme-ascii' : 'grapheme', withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
        // Template-shaped objects whose members are arbitrary.
        fc.record(
          { id: jsonAny(ascii, 1), version: jsonAny(ascii, 1), title: jsonAny(ascii, 1), findings: jsonAny(ascii, 2), sections: jsonAny(ascii, 3) },
          { requiredKeys: [] },
        ),
      );
    await fc.assert(
      fc.asyncProperty(
        langArb.chain((lang) => fc.tuple(fc.constant(lang), anything(lang === 'en'))),
        async ([lang, template]) => {
          tally.arbitrary++;
          await show(template, lang, lang === 'en');
        },
      ),
      { numRuns: ELEMENT_RUNS },
    );
    passed.add('arbitrary');
  });

  it('one element given a sequence of good and bad templates follows each one', async () => {
    const el = mount<XcChecklist>('xc-checklist', () => {});
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(fc.constant(null), fc.array(mutationArb(false), { minLength: 1, maxLength: 2 })), { minLength: 2, maxLength: 4 }),
          async (steps) => {
            for (const step of steps) {
              tally.sequence++;
              el.template = (step === null ? bundled() : applyMutations(bundled(), step)) as ChecklistTemplate;
              const v = await judge(el, 'zh-CN', false);
              if (step === null) expect(v.kind, 'a good template after a bad one renders again').to.equal('render');
            }
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      el.remove();
    }
    passed.add('sequence');
  });

  /** Targeted cases, each in both languages. */
  const targeted: [string, () => unknown, 'render' | 'error' | 'either'][] = [
    ['missing template id', () => { const t = bundled(); delete t.id; return t; }, 'error'],
    ['missing section id', () => { const t = bundled(); delete t.sections[0].id; return t; }, 'error'],
    ['missing check point id', () => { const t = bundled(); delete t.sections[1].groups[0].items[2].id; return t; }, 'error'],
    ['duplicate check point ids', () => { const t = bundled(); t.sections[2].groups[0].items[0].id = t.sections[0].groups[0].items[0].id; return t; }, 'error'],
    ['a section id equal to a check point id', () => { const t = bundled(); t.sections[0].id = t.sections[0].groups[0].items[0].id; return t; }, 'error'],
    ['duplicate finding values', () => { const t = bundled(); t.findings[1].value = t.findings[0].value; return t; }, 'error'],
    ['findings is a string', () => ({ ...bundled(), findings: 'problem,none' }), 'error'],
    ['sections is an object', () => { const t = bundled(); return { ...t, sections: { ...t.sections } }; }, 'error'],
    ['check point text is a number', () => { const t = bundled(); t.sections[0].groups[0].items[0].text = 42; return t; }, 'error'],
    ['items is null', () => { const t = bundled(); t.sections[0].groups[0].items = null; return t; }, 'error'],
    ['unknown key at the root', () => ({ ...bundled(), hostNote: 'kept by the host' }), 'error'],
    ['unknown key in a check point', () => { const t = bundled(); t.sections[0].groups[0].items[0].weight = 3; return t; }, 'error'],
    ['__proto__ as a key', () => JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(bundled()).slice(1)}`), 'error'],
    ['1 MB title', () => ({ ...bundled(), title: hugeString(1 << 20) }), 'render'],
    ['1 MB check point text', () => { const t = bundled(); t.sections[0].groups[0].items[0].text = hugeString(1 << 20); return t; }, 'render'],
    ['1 MB id', () => ({ ...bundled(), id: 'x'.repeat(1 << 20) }), 'error'],
    ['1 MB language tag in a text map', () => ({ ...bundled(), title: { ['a'.repeat(1 << 20)]: 'x' } }), 'error'],
    ['5,000-deep object in an unknown root key', () => ({ ...bundled(), 'x-deep': deepObject(5000) }), 'error'],
    ['5,000-deep object as a title', () => ({ ...bundled(), title: deepObject(5000) }), 'error'],
    ['5,000-deep array in a check point', () => { const t = bundled(); t.sections[0].groups[0].items[0].x = deepArray(5000); return t; }, 'error'],
    ['5,000-deep object as the whole template', () => deepObject(5000), 'error'],
    ['version is empty', () => ({ ...bundled(), version: '' }), 'error'],
    ['version is a number', () => ({ ...bundled(), version: 1 }), 'error'],
    ['version is null', () => ({ ...bundled(), version: null }), 'error'],
    ['version is an object', () => ({ ...bundled(), version: { major: 1 } }), 'error'],
    ['version is not semver', () => ({ ...bundled(), version: 'v1.0-beta+exp.sha.5114f85 (draft)' }), 'render'],
    ['version is 1 MB', () => ({ ...bundled(), version: '1'.repeat(1 << 20) }), 'render'],
    ['an array', () => [bundled()], 'error'],
    ['a string of JSON', () => JSON.stringify(bundled()), 'error'],
    ['null', () => null, 'error'],
    ['a number', () => 0, 'error'],
  ];

  for (const [name, make, expected] of targeted) {
    it(`targeted: ${name}`, async () => {
      for (const lang of ['zh-CN', 'en'] as Lang[]) {
        tally.targeted++;
        const v = await show(make(), lang, true);
        if (expected !== 'either') expect(v.kind, `${name} (${lang}): ${v.text.slice(0, 160)}`).to.equal(expected);
      }
      passed.add(`targeted: ${name}`);
    });
  }

  it('targeted: 10,000 check points render (first chunk at once) with the right total', async () => {
    const items = Array.from({ length: 100 }, (_, g) => ({
      id: `g${g}`,
      title: `Group ${g}`,
      items: Array.from({ length: 100 }, (_, i) => ({ id: `p${g}-${i}`, text: `Check point ${g}-${i}` })),
    }));
    const template = { ...bundled(), sections: [{ id: 's-big', title: 'Big', groups: items }] };
    const el = mount<XcChecklist>('xc-checklist', (e) => (e.template = template as ChecklistTemplate));
    try {
      tally.targeted++;
      const v = await judge(el, 'zh-CN', false);
      expect(v.kind).to.equal('render');
      expect(text(el.shadowRoot!.querySelector('.bar .count'))).to.contain('10000');
      expect(el.activeTemplate?.sections[0]!.groups.length).to.equal(100);
    } finally {
      el.remove();
    }
    passed.add('10000');
  });

  it('records the figures', async () => {
    expect(passed.size, 'every fuzz test above passed').to.equal(targeted.length + 4);
    const total = tally.mutated + tally.arbitrary + tally.sequence + tally.targeted;
    expect(total).to.be.greaterThan(ELEMENT_RUNS);
    expect(tally.render, 'some templates rendered').to.be.greaterThan(0);
    expect(tally.error, 'some templates were refused').to.be.greaterThan(0);
    await record({
      id: 'fuzz.checklist-template',
      check: '<xc-checklist> shows check points or a translated error (zh-CN with Chinese, en without) for any template: no uncaught exception, no blank element',
      figure: `${total} generated templates (${tally.mutated} mutated bundled, ${tally.arbitrary} arbitrary JSON/JS values, ${tally.sequence} swapped on one element, ${tally.targeted} targeted incl. 10,000 check points, 1 MB strings, 5,000-deep nesting); ${tally.render} rendered, ${tally.error} refused with a message`,
    });
  });
});

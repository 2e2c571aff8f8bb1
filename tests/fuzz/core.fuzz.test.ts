/**
 * Fuzz: the pure core (no DOM) on arbitrary input. Functions documented to
 * report problems as values (`readChecklistTemplate`, `readLedgerObject`,
 * `validateWith`, `toDateKey`…) never throw; those documented to throw
 * `RectificationError` throw nothing else; the form model "never throws on odd
 * schemas"; `canonicalJson` is stable under key order and round-trips.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { registerLocale } from '../../src/core/i18n.js';
import en from '../../src/core/locales/en.js';
import { readChecklistTemplate } from '../../src/core/checklist-template.js';
import {
  checklistProgress,
  indexTemplate,
  matchesFilter,
  normalizeResponse,
  toClueEntries,
  toRectificationItems,
  validateChecklist,
  type ChecklistTemplate,
} from '../../src/core/checklist.js';
import {
  createItem,
  daysLeft,
  filterItems,
  groupByFocusArea,
  isOverdue,
  ledgerSummary,
  parseCsv,
  parseLedger,
  RectificationError,
  sortItems,
  toCsv,
  toDateKey,
  trafficLight,
  transition,
  updateItem,
  type RectificationItem,
} from '../../src/core/rectification.js';
import { departmentsOf, formatDateKey, ledgerRuleErrors, readLedgerObject, sortItemsBy } from '../../src/core/rectification-extra.js';
import { buildFormModel, conditionHolds, defaultValue, flattenFields, getAt, schemaHolds, setAt } from '../../src/core/form-model.js';
import { canonicalJson } from '../../src/core/draft.js';
import { resolveRef, schemaAt, toFieldErrors, validateWith, type JsonSchema, type ValidateFunction } from '../../src/core/validation.js';
import { compileLite } from '../../src/core/lite-validator.js';
import { interviewToClues } from '../../src/core/form-clues.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { record } from '../support/report.js';
import { CORE_RUNS, applyMutations, deepArray, deepObject, firstDifference, jsonAny, mutationArb, oddDate, oddString, own } from './support.js';
import { definitionArb, keyOf, schemaArb, valueArb } from './schemas.js';

registerLocale('en', en);

const anyJs = fc.anything({ maxDepth: 3, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withDate: true, withSparseArray: true });
const lang = fc.constantFrom('zh-CN', 'en', 'zh-Hant-TW', 'fr', '', 'x-klingon');
const template = checklistSanjujiao as unknown as ChecklistTemplate;
const index = indexTemplate(template);
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

describe('fuzz: core functions', function () {
  this.timeout(120_000);
  const tally: Record<string, number> = {};
  const count = (name: string) => (tally[name] = (tally[name] ?? 0) + 1);
  const passed = new Set<string>();

  /** Asserts a property with the core's run count and counts its cases. */
  async function check(name: string, prop: fc.IProperty<never> | fc.IAsyncProperty<never>, runs = CORE_RUNS) {
    await fc.assert(prop as fc.IAsyncProperty<unknown[]>, { numRuns: runs });
    passed.add(name);
  }

  /* ------------------------------------------------------------ checklist */

  it('readChecklistTemplate: a result, never a throw, for mutated templates and any value', async () => {
    await check(
      'readChecklistTemplate',
      fc.property(fc.oneof(fc.array(mutationArb(false), { minLength: 1, maxLength: 4 }).map((m) => applyMutations(structuredClone(template), m)), anyJs, jsonAny(false, 4)), lang, (input, l) => {
        count('readChecklistTemplate');
        const r = readChecklistTemplate(input, l);
        if (!r.ok) {
          expect(r.errors.length).to.be.greaterThan(0);
          for (const e of r.errors) expect(e.message, 'every error has a message').to.be.a('string').and.not.equal('');
        } else expect(r.index.points.length).to.be.greaterThan(0);
      }) as never,
    );
    for (const deep of [deepObject(5000), { ...template, title: deepObject(5000) }, { ...template, sections: deepArray(5000) }]) {
      count('readChecklistTemplate');
      expect(readChecklistTemplate(deep).ok).to.equal(false);
    }
  });

  it('normalizeResponse, validateChecklist, progress, filters, clues and rectification items: never throw on any value', async () => {
    const answer = fc.oneof(
      jsonAny(false, 2),
      fc.record({ finding: fc.oneof(fc.constantFrom('problem', 'none', 'na'), jsonAny(false, 1)), description: fc.oneof(oddString(false), jsonAny(false, 1)), methods: jsonAny(false, 2), evidence: fc.oneof(jsonAny(false, 2), fc.array(jsonAny(false, 1))), clue: jsonAny(false, 1), category: jsonAny(false, 1), notes: jsonAny(false, 1) }, { requiredKeys: [] }),
    );
    const ids = fc.oneof(fc.constantFrom(...index.points.slice(0, 10).map((p) => p.point.id)), keyOf(false));
    const value = fc.oneof(anyJs, fc.record({ items: fc.oneof(fc.uniqueArray(fc.tuple(ids, answer), { selector: (e) => e[0], maxLength: 8 }).map((e) => own(e)), jsonAny(false, 2)), keptAside: jsonAny(false, 2), extra: jsonAny(false, 2) }, { requiredKeys: [] }));
    await check(
      'checklist',
      fc.property(value, lang, fc.string(), (v, l, q) => {
        count('checklist');
        const r = normalizeResponse(template, index, v);
        expect(r.templateId).to.equal(template.id);
        const res = validateChecklist(template, index, r, l);
        for (const e of res.errors) expect(e.message).to.be.a('string').and.not.equal('');
        checklistProgress(index, r);
        for (const ip of index.points.slice(0, 10)) for (const f of ['all', 'unanswered', 'problems', 'clues'] as const) matchesFilter(index, ip, r.items[ip.point.id], f, q, l);
        toClueEntries(template, r, l);
        toRectificationItems(template, r, { now: '2026-11-26T09:30:00+08:00', lang: l });
        // Unknown members of the value are kept as they are.
        if (v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) !== null)
          for (const k of Object.keys(v)) if (!['templateId', 'templateVersion', 'items', 'keptAside'].includes(k)) expect((r as Record<string, unknown>)[k]).to.equal((v as Record<string, unknown>)[k]);
      }) as never,
    );
  });

  /* ---------------------------------------------------------- rectification */

  const itemArb = fc.record(
    {
      id: fc.oneof(fc.constantFrom('ZG-001', 'ZG-002', 'ZG-003'), jsonAny(false, 1)),
      problem: jsonAny(false, 2),
      measures: fc.oneof(jsonAny(false, 2), fc.array(jsonAny(false, 1))),
      responsibility: jsonAny(false, 2),
      kind: fc.oneof(fc.constantFrom('immediate', 'deadline', 'ongoing', 'toString', '__proto__'), jsonAny(false, 1)),
      deadline: oddDate(),
      startedOn: oddDate(),
      status: fc.oneof(fc.constantFrom('not-started', 'in-progress', 'pending-verification', 'closed', 'toString', 'constructor'), jsonAny(false, 1)),
      progress: jsonAny(false, 1),
      evidence: fc.oneof(jsonAny(false, 2), fc.array(jsonAny(false, 1))),
      verifier: jsonAny(false, 1),
      closedAt: oddDate(),
      history: fc.oneof(jsonAny(false, 2), fc.array(fc.oneof(jsonAny(false, 1), fc.record({ at: oddDate(), by: jsonAny(false, 0), from: jsonAny(false, 0), to: fc.constantFrom('not-started', 'in-progress', 'closed') }, { requiredKeys: [] })))),
      hostNote: jsonAny(false, 2),
    },
    { requiredKeys: [] },
  );
  const today = fc.oneof(oddDate(), fc.date()) as fc.Arbitrary<string>;

  it('readLedgerObject, parseLedger, rule checks: a result or a RectificationError, nothing else', async () => {
    await check(
      'ledger',
      fc.property(fc.oneof(anyJs, fc.record({ version: fc.oneof(fc.constant(1), jsonAny(false, 0)), items: fc.oneof(fc.array(fc.oneof(itemArb, jsonAny(false, 1)), { maxLength: 6 }), jsonAny(false, 1)) }, { requiredKeys: [] })), (v) => {
        count('ledger');
        const r = readLedgerObject(v);
        if (r.ok) ledgerRuleErrors(r.ledger);
        let text: string;
        try {
          text = JSON.stringify(v) ?? 'undefined';
        } catch {
          text = '{';
        }
        for (const t of [text, `\uFEFF${text}`, text.slice(0, text.length >> 1)]) {
          try {
            parseLedger(t);
          } catch (e) {
            expect(e, String(e)).to.be.instanceOf(RectificationError);
          }
        }
      }) as never,
    );
    for (const t of ['['.repeat(100_000), `{"version":1,"items":${'['.repeat(50_000)}`, '{"version":1,"items":[' + '{"id":"a"},'.repeat(10_000) + '{"id":"a"}]']) {
      count('ledger');
      expect(() => parseLedger(t)).to.throw(RectificationError);
    }
  });

  it('views (sort, filter, group, summary, CSV, dates, traffic lights) never throw on items of any shape', async () => {
    await check(
      'views',
      fc.property(fc.array(itemArb, { maxLength: 6 }), today, lang, fc.constantFrom('id', 'problem', 'department', 'kind', 'deadline', 'status', 'progress', 'leader', 'person', 'focusArea'), fc.string(), (items, day, l, key, text) => {
        count('views');
        const list = items as unknown as RectificationItem[];
        for (const it of list) {
          expect(['green', 'yellow', 'red', 'none']).to.include(trafficLight(it, day));
          isOverdue(it, day);
          const d = daysLeft(it, day);
          expect(d === null || Number.isFinite(d)).to.equal(true);
        }
        sortItems(list, key === 'focusArea' ? 'id' : key, 'desc');
        sortItemsBy(list, key);
        filterItems(list, { status: 'closed', kind: 'deadline', department: 'Office', overdue: true, text }, day);
        groupByFocusArea(list);
        ledgerSummary(list, day);
        departmentsOf(list);
        parseCsv(toCsv(list, l));
      }) as never,
    );
  });

  it('toDateKey and formatDateKey: a YYYY-MM-DD key or null, and text, for any value (years past 9999 too)', async () => {
    await check(
      'dates',
      fc.property(fc.oneof(oddDate(), anyJs, fc.date(), fc.integer({ min: -8.64e15, max: 8.64e15 })), lang, (v, l) => {
        count('dates');
        const k = toDateKey(v as string);
        expect(k === null || DATE_KEY.test(k), String(k)).to.equal(true);
        expect(formatDateKey(v as string, l)).to.be.a('string');
      }) as never,
    );
    // Regression: a year after 9999 gave a 6-digit key that broke every traffic light.
    for (const v of ['+275760-09-13', '+010000-01-01T00:00:00Z', '-000001-01-01', 8.64e15, -8.64e15]) {
      count('dates');
      expect(toDateKey(v)).to.equal(null);
      expect(trafficLight({ status: 'in-progress', kind: 'deadline', deadline: v } as unknown as RectificationItem, '2026-11-26')).to.equal('none');
    }
  });

  it('transition, updateItem, createItem: only RectificationError for any item, patch and options', async () => {
    const role = fc.constantFrom('unit', 'office', 'viewer');
    const to = fc.constantFrom('not-started', 'in-progress', 'pending-verification', 'closed');
    const patch = fc.record({ problem: jsonAny(false, 2), measures: jsonAny(false, 2), responsibility: jsonAny(false, 2), kind: jsonAny(false, 1), deadline: oddDate(), startedOn: oddDate(), progress: jsonAny(false, 1), evidence: jsonAny(false, 2), verifier: jsonAny(false, 1), status: jsonAny(false, 1), history: jsonAny(false, 1), id: jsonAny(false, 1) }, { requiredKeys: [] });
    const opts = fc.record({ by: fc.oneof(fc.string(), fc.constant('')), at: fc.oneof(oddDate().filter((d): d is string => typeof d === 'string'), fc.constant('2026-11-26T09:30:00+08:00')), comment: fc.option(fc.string(), { nil: undefined }), verifier: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['by', 'at'] });
    const onlyRefusals = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e, `${e}`).to.be.instanceOf(RectificationError);
      }
    };
    await check(
      'workflow',
      fc.property(itemArb, to, role, opts, patch, (item, t, r, o, p) => {
        count('workflow');
        const it = { id: 'ZG-001', ...item } as unknown as RectificationItem;
        onlyRefusals(() => transition(it, t, { ...o, role: r }));
        onlyRefusals(() => updateItem(it, p as Partial<RectificationItem>, r));
        onlyRefusals(() => createItem(p as Parameters<typeof createItem>[0], { id: o.by, by: o.by, at: o.at, role: r }));
      }) as never,
    );
    // Regression (found by this property): a status or kind like {"toString": ""} (valid JSON) made
    // the refusal's own message throw a TypeError instead of the RectificationError.
    const odd = JSON.parse('{"toString": ""}') as unknown;
    for (const f of [
      () => transition({ id: 'ZG-1', status: odd } as unknown as RectificationItem, 'in-progress', { by: 'x', at: '2026-11-26T09:30:00+08:00', role: 'unit' }),
      () => updateItem({ id: 'ZG-1', status: odd } as unknown as RectificationItem, { kind: 'deadline' }, 'unit'),
      () => updateItem({ id: 'ZG-1', status: 'not-started' } as unknown as RectificationItem, { kind: odd } as unknown as Partial<RectificationItem>, 'office'),
    ]) {
      count('workflow');
      expect(f).to.throw(RectificationError);
    }
  });

  /* -------------------------------------------------------------- forms */

  it('buildFormModel, defaultValue, conditions: never throw on odd schemas and values (documented)', async () => {
    const caseArb = definitionArb(false).chain((def) => fc.tuple(fc.constant(def), valueArb(def, false), lang));
    await check(
      'form-model',
      fc.property(caseArb, ([def, value, l]) => {
        count('form-model');
        const schema = (def && typeof def === 'object' && !Array.isArray(def) ? def : {}) as JsonSchema;
        const m = buildFormModel(schema, value, l);
        const fields = flattenFields(m);
        for (const f of fields) {
          expect(f.label).to.be.a('string');
          getAt(value, f.path);
          if (f.path.length) setAt(value, f.path, 'x');
        }
        defaultValue(schema);
        schemaHolds(schema, value);
        conditionHolds(schema['x-xc-hidden'], value);
        for (const f of fields.slice(0, 5)) schemaAt(schema, f.path);
        resolveRef(schema, schema);
      }) as never,
    );
    // $ref cycles and deep nesting.
    const cycles: unknown[] = [
      { $ref: '#', type: 'object', properties: { a: { $ref: '#' } } },
      { type: 'object', properties: { a: { $ref: '#/$defs/a' } }, $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } },
      { type: 'object', properties: { a: { allOf: [{ $ref: '#' }], if: { $ref: '#' }, then: { $ref: '#' } } } },
      { type: 'object', properties: { a: deepObject(5000, { type: 'string' }) } },
    ];
    for (const s of cycles) {
      count('form-model');
      const m = buildFormModel(s as JsonSchema, { a: { a: { a: {} } } });
      expect(flattenFields(m).length).to.be.greaterThan(0);
      defaultValue(s as JsonSchema);
      schemaHolds(s, deepObject(50));
    }
  });

  it('compileLite: throws on what it does not support, and its validators never throw on any data', async () => {
    await check(
      'lite',
      fc.property(schemaArb(false).node, fc.oneof(jsonAny(false, 4), fc.integer({ min: 10, max: 400 }).map((d) => deepObject(d))), (schema, data) => {
        count('lite');
        let validate: ValidateFunction;
        try {
          validate = compileLite(schema as JsonSchema);
        } catch (e) {
          expect(e).to.be.instanceOf(Error);
          return;
        }
        const r = validateWith(validate, data, schema as JsonSchema);
        for (const e of r.errors) expect(e.message).to.be.a('string').and.not.equal('');
      }) as never,
    );
    for (const s of [{ $ref: '#' }, { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' }, { items: { $ref: '#' } }]) {
      count('lite');
      try {
        const v = compileLite(s as JsonSchema);
        validateWith(v, deepArray(1000), s as JsonSchema);
      } catch (e) {
        expect(e).to.be.instanceOf(Error);
      }
    }
  });

  it('validateWith and toFieldErrors: translated results for any errors, and for a validator that overflows', async () => {
    const errorArb = fc.record({ keyword: fc.oneof(fc.constantFrom('required', 'type', 'enum', 'oneOf', 'anyOf', 'const', 'format', 'if', 'pattern'), fc.string()), instancePath: fc.oneof(fc.constantFrom('', '/a', '/a/0', '/~1x~0'), fc.string()), schemaPath: fc.string(), params: fc.oneof(fc.record({ missingProperty: jsonAny(false, 0) }, { requiredKeys: [] }), fc.dictionary(fc.string(), jsonAny(false, 1))), message: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['keyword', 'instancePath', 'schemaPath', 'params'] });
    await check(
      'validation',
      fc.property(fc.array(errorArb, { maxLength: 6 }), definitionArb(false), lang, (errors, def, l) => {
        count('validation');
        const schema = (def && typeof def === 'object' && !Array.isArray(def) ? def : {}) as JsonSchema;
        for (const e of toFieldErrors(errors, schema, l)) expect(e.message, JSON.stringify(e)).to.be.a('string');
        const v = Object.assign(() => false, { errors }) as ValidateFunction;
        const r = validateWith(v, {}, schema, l);
        expect(r.valid).to.equal(false);
        expect(r.errors.length).to.be.greaterThan(0);
      }) as never,
    );
    // Regression: a schema that refers to itself without end made validation throw.
    count('validation');
    const overflowing: ValidateFunction = function self(d: unknown): boolean {
      return self(d);
    };
    const r = validateWith(overflowing, {}, {}, 'en');
    expect(r.valid).to.equal(false);
    expect(r.errors[0]!.message).to.equal(en.validationUnavailable);
  });

  it('interviewToClues: never throws on any record', async () => {
    await check(
      'clues',
      fc.property(fc.oneof(anyJs, fc.record({ recordNo: jsonAny(false, 1), startTime: oddDate(), interviewee: jsonAny(false, 2), problems: fc.oneof(jsonAny(false, 2), fc.array(fc.record({ summary: jsonAny(false, 1), isClue: jsonAny(false, 0), personConcerned: jsonAny(false, 1) }, { requiredKeys: [] }))) }, { requiredKeys: [] })), (rec) => {
        count('clues');
        for (const c of interviewToClues(rec, { all: true })) expect(c.mainProblem).to.be.a('string').and.not.equal('');
      }) as never,
    );
  });

  /* ---------------------------------------------------------------- drafts */

  it('canonicalJson: the same text whatever the key order, JSON that reads back equal, also 5,000 levels deep', async () => {
    const shuffle = (v: unknown, seed: number): unknown => {
      if (Array.isArray(v)) return v.map((x) => shuffle(x, seed));
      if (v && typeof v === 'object') {
        const keys = Object.keys(v);
        const rotated = keys.slice(seed % Math.max(1, keys.length)).concat(keys.slice(0, seed % Math.max(1, keys.length))).reverse();
        return own(rotated.map((k) => [k, shuffle((v as Record<string, unknown>)[k], seed + 1)] as const));
      }
      return v;
    };
    await check(
      'canonicalJson',
      fc.property(fc.jsonValue({ maxDepth: 5, stringUnit: 'grapheme' }), fc.nat(), (v, seed) => {
        count('canonicalJson');
        const text = canonicalJson(v);
        expect(canonicalJson(shuffle(v, seed))).to.equal(text);
        expect(firstDifference(JSON.parse(text), JSON.parse(JSON.stringify(v)))).to.equal(null);
        expect(canonicalJson(JSON.parse(text))).to.equal(text);
      }) as never,
    );
    for (const deep of [deepObject(5000), deepArray(5000), { a: deepObject(5000), b: [deepArray(5000)] }]) {
      count('canonicalJson');
      const text = canonicalJson(deep);
      expect(firstDifference(JSON.parse(text), deep)).to.equal(null);
    }
  });

  it('records the figures', async () => {
    expect(passed.size, 'every property above passed').to.equal(11);
    const total = Object.values(tally).reduce((a, b) => a + b, 0);
    await record({
      id: 'fuzz.core',
      check: 'The pure core never throws where it is documented to return errors (template and ledger readers, validation, dates, form model, lite validator, clues) and throws only RectificationError in the workflow; canonicalJson is stable under key order and round-trips',
      figure: `${total} generated inputs over ${passed.size} properties (${Object.entries(tally).map(([k, n]) => `${k} ${n}`).join(', ')}), incl. 5,000-deep nesting, $ref cycles and dates past year 9999`,
    });
  });
});

/**
 * fast-check generators of JSON-Schema-ish form definitions and of values for them:
 * right, wrong or junk at every keyword (shared by the form and core fuzz tests).
 */
import fc from 'fast-check';
import { WIDGETS } from '../../src/core/form-model.js';
import { deepObject, jsonAny, oddDate, oddString, own } from './support.js';

type Obj = Record<string, unknown>;

/** Property names; Chinese ones only where the page is Chinese (an English message may quote a name). */
export const keyOf = (ascii: boolean) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('name', 'date', 'when', 'kind', 'items', 'a.b', 'x y', '__proto__', 'constructor', '0', '-', '$ref', ...(ascii ? [] : ['é', '名称'])) },
    { weight: 2, arbitrary: fc.string({ unit: ascii ? 'grapheme-ascii' : 'grapheme', minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ') },
  );

const junk = (ascii: boolean) => jsonAny(ascii, 2);
const textArb = (ascii: boolean) =>
  fc.oneof(fc.string({ unit: ascii ? 'grapheme-ascii' : 'grapheme', maxLength: 20 }), fc.record({ 'zh-CN': fc.string({ maxLength: 10 }), en: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }), junk(ascii));
const conditionArb = (ascii: boolean): fc.Arbitrary<unknown> => {
  const keyArb = keyOf(ascii);
  return fc.oneof(
    fc.boolean(),
    fc.record({ field: fc.oneof(keyArb, fc.constantFrom('/name', '/a/b', 'a.b.c')), const: junk(ascii), in: fc.array(junk(ascii), { maxLength: 3 }), empty: fc.boolean() }, { requiredKeys: ['field'] }),
    fc.record({ all: fc.array(fc.record({ field: keyArb, empty: fc.boolean() }), { maxLength: 2 }) }),
    fc.record({ not: fc.record({ field: keyArb, const: junk(ascii) }) }),
    junk(ascii),
  );
};
const REFS = ['#', '#/$defs/a', '#/$defs/b', '#/$defs/missing', '#/properties', '#/$defs/a/properties/x', '#/definitions/a', 'other.json#/x', 'http://example.com/s.json', '#/$defs/%61', '#/$defs/a~1b'];

/** A JSON-Schema-ish node: right, wrong or junk at every keyword. */
export function schemaArb(ascii: boolean) {
  const keyArb = keyOf(ascii);
  const entries = <T>(value: fc.Arbitrary<T>, min = 0, max = 4) => fc.uniqueArray(fc.tuple(keyArb, value), { selector: (e) => e[0], minLength: min, maxLength: max });
  const objOf = <T>(value: fc.Arbitrary<T>, min = 0, max = 4) => entries(value, min, max).map((e) => own(e));
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: junk(ascii) });
  const annotations = {
    title: textArb(ascii),
    description: textArb(ascii),
    default: fc.oneof(junk(ascii), oddDate()),
    readOnly: maybe(fc.boolean()),
    'x-xc-widget': maybe(fc.constantFrom(...WIDGETS, 'slider')),
    'x-xc-hidden': conditionArb(ascii),
    'x-xc-messages': maybe(objOf(textArb(ascii), 1, 2)),
    'x-xc-i18n': maybe(fc.record({ en: fc.record({ title: fc.string(), options: objOf(fc.string(), 0, 2) }, { requiredKeys: [] }) })),
    'x-xc-print': maybe(fc.oneof(fc.boolean(), fc.record({ lines: fc.integer({ min: -1, max: 50 }), label: textArb(ascii), hide: fc.boolean() }, { requiredKeys: [] }))),
    'x-xc-rows': maybe(fc.integer({ min: -2, max: 30 })),
    'x-xc-order': maybe(fc.array(keyArb, { maxLength: 3 })),
    'x-xc-group': textArb(ascii),
    'x-xc-unknown': junk(ascii),
    'x-unknown-keyword': junk(ascii),
    foo: junk(ascii),
  };
  return fc.letrec<{ node: unknown; leaf: Obj; object: Obj; array: Obj; ref: Obj; combo: Obj; cond: Obj }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      tie('object'),
      tie('array'),
      tie('ref'),
      tie('combo'),
      tie('cond'),
      fc.boolean(),
      junk(ascii),
    ),
    leaf: fc.record(
      {
        type: maybe(fc.oneof(fc.constantFrom('string', 'number', 'integer', 'boolean', 'null'), fc.constant(['string', 'null']), fc.constant(['integer', 'string']))),
        format: maybe(fc.constantFrom('date', 'date-time', 'time', 'email', 'uri', 'no-such-format')),
        enum: maybe(fc.array(junk(ascii), { minLength: 1, maxLength: 6 })),
        const: junk(ascii),
        minLength: maybe(fc.integer({ min: 0, max: 5 })),
        maxLength: maybe(fc.integer({ min: 0, max: 500 })),
        pattern: maybe(fc.constantFrom('^\\d+$', '\\S', '(', '[a-', '^(a+)+$')),
        minimum: maybe(fc.integer()),
        maximum: maybe(fc.integer()),
        multipleOf: maybe(fc.constantFrom(0, -1, 0.01, 3)),
        ...annotations,
      },
      { requiredKeys: [] },
    ),
    object: fc.record(
      {
        type: fc.oneof({ weight: 5, arbitrary: fc.constant('object') }, { weight: 1, arbitrary: junk(ascii) }),
        properties: fc.oneof({ weight: 5, arbitrary: objOf(tie('node'), 0, 3) }, { weight: 1, arbitrary: junk(ascii) }),
        required: maybe(fc.array(keyArb, { maxLength: 3 })),
        additionalProperties: fc.oneof(fc.boolean(), tie('node')),
        dependentRequired: maybe(objOf(fc.array(keyArb, { maxLength: 2 }), 0, 2)),
        'x-xc-widget': maybe(fc.constantFrom('person', 'hidden', 'object')),
        title: textArb(ascii),
        foo: junk(ascii),
      },
      { requiredKeys: ['type', 'properties'] },
    ),
    array: fc.record(
      {
        type: fc.constant('array'),
        items: tie('node'),
        prefixItems: fc.array(tie('node'), { maxLength: 2 }),
        minItems: maybe(fc.integer({ min: -1, max: 4 })),
        maxItems: maybe(fc.integer({ min: 0, max: 5 })),
        uniqueItems: maybe(fc.boolean()),
        'x-xc-item-title': textArb(ascii),
        'x-xc-add-label': textArb(ascii),
        title: textArb(ascii),
      },
      { requiredKeys: ['type'] },
    ),
    ref: fc.record({ $ref: maybe(fc.constantFrom(...REFS)), title: textArb(ascii), type: fc.constantFrom('string', 'object') }, { requiredKeys: ['$ref'] }),
    combo: fc.oneof(
      fc.record({ allOf: maybe(fc.array(tie('node'), { maxLength: 3 })) }),
      fc.record({ anyOf: maybe(fc.array(tie('node'), { maxLength: 3 })), title: textArb(ascii) }),
      fc.record({ oneOf: fc.array(fc.record({ const: junk(ascii), title: textArb(ascii) }, { requiredKeys: ['const'] }), { maxLength: 5 }) }),
    ),
    cond: fc.record({ if: tie('node'), then: tie('node'), else: tie('node'), dependentSchemas: objOf(tie('node'), 0, 2) }, { requiredKeys: ['if'] }),
  }));
}

/** A whole definition: mostly form-shaped, sometimes junk from the top. */
export function definitionArb(ascii: boolean): fc.Arbitrary<unknown> {
  const s = schemaArb(ascii);
  const keyArb = keyOf(ascii);
  const entries = <T>(value: fc.Arbitrary<T>, min = 0, max = 4) => fc.uniqueArray(fc.tuple(keyArb, value), { selector: (e) => e[0], minLength: min, maxLength: max });
  const objOf = <T>(value: fc.Arbitrary<T>, min = 0, max = 4) => entries(value, min, max).map((e) => own(e));
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.record(
            {
              $schema: fc.constantFrom('https://json-schema.org/draft/2020-12/schema', 'http://json-schema.org/draft-07/schema#'),
              $id: fc.constantFrom('urn:xc:fuzz', 'https://example.com/f.json', ''),
              type: fc.oneof({ weight: 9, arbitrary: fc.constant('object') }, { weight: 1, arbitrary: junk(ascii) }),
              title: textArb(ascii),
              properties: objOf(s.node, 1, 5),
              required: fc.oneof(fc.array(keyArb, { maxLength: 3 }), junk(ascii)),
              $defs: fc.record({ a: s.node, b: s.node }, { requiredKeys: [] }),
              allOf: fc.array(s.cond, { maxLength: 1 }),
            },
            { requiredKeys: ['type', 'properties'] },
          ),
          entries(junk(ascii), 0, 2),
        )
        .map(([known, extra]) => own(extra.filter(([k]) => !(k in known)), known)),
    },
    { weight: 1, arbitrary: junk(ascii) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('object'), properties: objOf(junk(ascii), 1, 3) }) },
  );
}

/** A value for a definition: members named as its properties (odd values), plus unknown ones, or junk. */
export function valueArb(def: unknown, ascii: boolean): fc.Arbitrary<unknown> {
  const props = def && typeof def === 'object' && (def as Obj)['properties'] && typeof (def as Obj)['properties'] === 'object' ? Object.keys((def as Obj)['properties'] as Obj) : [];
  const member = fc.oneof(jsonAny(ascii, 3), oddDate(), oddString(ascii), fc.integer({ min: 10, max: 200 }).map((d) => deepObject(d)));
  const entries = fc.uniqueArray(fc.tuple(keyOf(ascii), member), { selector: (e) => e[0], maxLength: 3 });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: jsonAny(ascii, 3) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.subarray(props), fc.array(member, { minLength: props.length, maxLength: props.length }), entries)
        .map(([keys, vals, extra]) => own([...keys.map((k, i) => [k, vals[i]] as const), ...extra])),
    },
  );
}


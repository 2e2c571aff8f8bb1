/**
 * The pure logic behind `<xc-form>`: turns a form definition (a JSON Schema
 * 2020-12 object schema with `x-xc-*` annotations, see
 * schemas/form-definition.schema.json) and the current value into a tree of
 * field descriptors that a renderer can draw without knowing JSON Schema.
 * No DOM here.
 *
 * What the model reads
 * - Labels: `title` (hint: `x-xc-help`, else `description`), translated through
 *   `x-xc-i18n` (`{"en": {"title": …, "description": …, "options": {value: label}}}`);
 *   the schema's own strings are the template's language (zh-CN) and are the fallback.
 * - Widgets: `x-xc-widget`, else inferred (see {@link inferWidget}).
 * - Required: the `required` of the enclosing object, plus what is active for
 *   the current value: `if`/`then`/`else` (the `if` is evaluated by
 *   {@link schemaHolds}), `dependentRequired` and `dependentSchemas` of members
 *   present, and all of that inside `allOf`. An `if` on a value that is absent
 *   (undefined) takes `else`. Object-level `anyOf`/`oneOf` and
 *   `patternProperties`/`additionalProperties` do not create fields.
 * - Properties that only an inactive branch defines are not shown; their
 *   values stay in the data.
 * - Hidden: `x-xc-hidden` (a {@link Condition}) against the enclosing object,
 *   `x-xc-widget: "hidden"`, or a hidden ancestor. Hidden fields keep their values.
 * - Read-only: `readOnly`, a read-only ancestor, or `x-xc-readonly-after-sign`
 *   once the record has a `signature` member.
 * - `$ref`: only local (`#…`) references are followed. Recursive schemas are
 *   expanded only as deep as the value goes (and never beyond
 *   {@link MAX_DEPTH} levels), so a `$ref` cycle never hangs or throws.
 *
 * The model says what to show; whether a value is valid is still decided by
 * the validator (`validateWith`), whose error paths equal the descriptors'
 * `name`s. Build the model again whenever the value changes (it is cheap).
 * Descriptors may share objects with the schema (`schema`, `constraints.pattern`…):
 * treat them as read-only.
 */
import { pointerToSegments, refTarget, segmentsToPath } from './pointer.js';
import type { JsonSchema } from './validation-types.js';
import { langChain, textOf, type LocalizedText } from './text.js';
import { deepEqual, hasOwn, isObj, sameJson as equal, type Obj } from './obj.js';

/** The widgets a form definition can ask for with `x-xc-widget`. */
export const WIDGETS = [
  'text', 'textarea', 'select', 'radio', 'checkboxes', 'date', 'datetime', 'time', 'email', 'number', 'checkbox', 'person',
  'hidden',
] as const;

/** A widget named by `x-xc-widget`. */
export type XcWidget = (typeof WIDGETS)[number];

/** The control a field is drawn with: a named widget, or a fieldset (`object`) / repeating group (`array`). */
export type FieldWidget = XcWidget | 'object' | 'array';

/** One choice of a select, radio group or checkbox group. */
export interface FieldOption {
  /** The value stored when chosen (as written in the schema). */
  value: unknown;
  /** What the person reads. */
  label: string;
  /** A longer explanation (the `description` of a oneOf branch), '' if none. */
  hint: string;
}

/** Validation keywords a renderer can pass to the native control (or show as hints). */
export interface FieldConstraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** The only allowed value (e.g. `true` for an acknowledgement checkbox). */
  const?: unknown;
}

/** How a field prints (`x-xc-print`, normalised). */
export interface FieldPrint {
  hide: boolean;
  label?: string;
  lines?: number;
  signature?: boolean;
  pageBreakBefore?: boolean;
}

/** Everything a renderer needs to draw one field. */
export interface FieldDescriptor {
  /** Segments from the root of the record (array indexes as strings; `-` in an item template). */
  path: string[];
  /** Dotted path, equal to the `path` of a `FieldError` about this field ('' for the root). */
  name: string;
  /** The last segment ('' for the root). */
  key: string;
  /** The label (for array items: the item title, `谈话人2`). */
  label: string;
  /** Help under the label (`x-xc-help`, else `description`), '' if none. */
  hint: string;
  /** Placeholder (`x-xc-placeholder`), '' if none. */
  placeholder: string;
  widget: FieldWidget;
  /** The JSON type the value has (first non-null `type`, or inferred), undefined if unknown. */
  type: string | undefined;
  /** Must be filled for the current value (static `required` or an active conditional one). */
  required: boolean;
  /** Not shown (nor printed) for the current value; its value is kept. */
  hidden: boolean;
  readOnly: boolean;
  /** Marked `x-xc-confidential` (itself or an ancestor). */
  confidential: boolean;
  options: FieldOption[];
  constraints: FieldConstraints;
  /** The schema `default` (a copy), undefined if none. */
  default: unknown;
  /** The current value at `path`. */
  value: unknown;
  /** Textarea lines (`x-xc-rows`; 4 for a textarea without it). */
  rows?: number;
  /** Section heading (`x-xc-group`). */
  group?: string;
  /** Add-button label of an array (`x-xc-add-label`). */
  addLabel?: string;
  print: FieldPrint;
  /** Messages of this field by keyword (`x-xc-messages`), in the requested language. */
  messages: Record<string, string>;
  /** `x-xc-source`: the field records where the record came from. */
  source: boolean;
  /** Object fields: the members, in display order. */
  children: FieldDescriptor[];
  /** Array fields: one descriptor per current item. */
  items: FieldDescriptor[];
  /** Array fields: the template of a new item (path ends in `-`, value is its default). */
  item?: FieldDescriptor;
  /** The effective schema (the field's subschemas merged, active branches included). */
  schema: JsonSchema;
}

/**
 * A condition of `x-xc-hidden`:
 * - `true` / `false`: always / never;
 * - `{field, const}`: the field's value equals `const` (deep equality);
 * - `{field, in: [...]}`: it equals one of the list;
 * - `{field, empty: true|false}`: it is (not) empty — undefined, null, a
 *   blank string, `[]` or `{}`;
 * - `{all: [...]}`, `{any: [...]}`, `{not: c}` combine conditions.
 * Several tests in one object must all hold. A condition without any test it
 * knows never holds (a malformed condition never hides anything).
 * `field` is a dotted path relative to the object holding the annotated
 * property (`kind`, `interviewee.politicalStatus`), or a JSON Pointer from the
 * root of the record when it starts with `/`.
 */
export type Condition =
  | boolean
  | { field: string; const?: unknown; in?: unknown[]; empty?: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Deepest nesting of fields (and of `$ref` hops) the model expands. */
export const MAX_DEPTH = 24;

type Path = readonly (string | number)[];

const present = (v: unknown, k: string) => isObj(v) && hasOwn(v, k) && v[k] !== undefined;
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/* ------------------------------------------------------------------ values */

/** The value at `path` (undefined when any step is missing). */
export function getAt(value: unknown, path: Path): unknown {
  let cur = value;
  for (const raw of path) {
    const seg = String(raw);
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else if (isObj(cur)) {
      if (!hasOwn(cur, seg)) return undefined;
      cur = cur[seg];
    } else return undefined;
  }
  return cur;
}

function put(obj: Obj, key: string, v: unknown): void {
  // Assign `__proto__` as data, never as the prototype.
  if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
  else obj[key] = v;
}

/**
 * A copy of `value` with `v` at `path`; containers along the way are copied
 * (the original is never changed) and created when missing (an array when
 * the next segment is an index or `-`). Every other member is kept, including
 * ones the schema does not know. `-` appends to an array. Setting `undefined`
 * removes the member (or the array item); removing what is not there returns
 * `value` itself.
 */
export function setAt<T = unknown>(value: T, path: Path, v: unknown): T {
  return setIn(value, path.map(String), 0, v) as T;
}

/** A copy of `value` without the member or array item at `path` (`setAt(value, path, undefined)`). */
export function removeAt<T = unknown>(value: T, path: Path): T {
  return setAt(value, path, undefined);
}

function exists(value: unknown, path: readonly string[]): boolean {
  let cur = value;
  for (const seg of path) {
    if (Array.isArray(cur) && /^\d+$/.test(seg) && Number(seg) < cur.length) cur = cur[Number(seg)];
    else if (isObj(cur) && hasOwn(cur, seg)) cur = cur[seg];
    else return false;
  }
  return true;
}

function setIn(value: unknown, path: readonly string[], i: number, v: unknown): unknown {
  if (i === path.length) return v;
  if (v === undefined && !exists(value, path.slice(i))) return value;
  const seg = path[i]!;
  const last = i === path.length - 1;
  const indexLike = seg === '-' || /^\d+$/.test(seg);
  const container = isObj(value) || Array.isArray(value) ? value : indexLike ? [] : {};
  if (Array.isArray(container) && indexLike) {
    const copy = container.slice();
    const idx = seg === '-' ? copy.length : Number(seg);
    if (last && v === undefined) {
      copy.splice(idx, 1);
      return copy;
    }
    for (let k = copy.length; k < idx; k++) copy[k] = null;
    copy[idx] = setIn(copy[idx], path, i + 1, v);
    return copy;
  }
  // An object (an array addressed by a name becomes an object with its items as members).
  const base: Obj = { ...(container as Obj) };
  if (last && v === undefined) {
    delete base[seg];
    return base;
  }
  put(base, seg, setIn(isObj(container) && hasOwn(container, seg) ? container[seg] : undefined, path, i + 1, v));
  return base;
}

/** Is the value empty for a condition: undefined, null, a blank string, `[]` or `{}`. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isObj(v)) return Object.keys(v).every((k) => v[k] === undefined);
  return false;
}

/**
 * Does an `x-xc-hidden` condition hold? `value` is the object that holds the
 * annotated property (fields are looked up from it); `root` is the whole
 * record (for `/pointer` fields) and defaults to `value`.
 */
export function conditionHolds(cond: unknown, value: unknown, root: unknown = value): boolean {
  return holds(cond, value, root, 0);
}

function holds(cond: unknown, value: unknown, root: unknown, depth: number): boolean {
  if (typeof cond === 'boolean') return cond;
  if (!isObj(cond) || depth > MAX_DEPTH) return false;
  let tested = false;
  let ok = true;
  if ('all' in cond) {
    tested = true;
    ok &&= Array.isArray(cond['all']) && cond['all'].every((c) => holds(c, value, root, depth + 1));
  }
  if ('any' in cond) {
    tested = true;
    ok &&= Array.isArray(cond['any']) && cond['any'].some((c) => holds(c, value, root, depth + 1));
  }
  if ('not' in cond) {
    tested = true;
    ok &&= !holds(cond['not'], value, root, depth + 1);
  }
  if (typeof cond['field'] === 'string') {
    const field = cond['field'];
    const v = field.startsWith('/') ? getAt(root, pointerToSegments(field)) : getAt(value, field.split('.'));
    if ('const' in cond) {
      tested = true;
      ok &&= equal(v, cond['const']);
    }
    if (Array.isArray(cond['in'])) {
      tested = true;
      ok &&= cond['in'].some((x) => equal(v, x));
    }
    if (typeof cond['empty'] === 'boolean') {
      tested = true;
      ok &&= isEmptyValue(v) === cond['empty'];
    }
  }
  return tested && ok;
}

/* ----------------------------------------------------------------- schemas */

/**
 * Follow local `$ref`s (a `$ref` with siblings is the target overlaid with the
 * siblings, as `resolveRef` does). Boolean schemas become `{}` / `{not: {}}`.
 * Returns the refs followed, so callers can notice recursion.
 */
function deref(node: unknown, root: JsonSchema): { schema: JsonSchema | undefined; refs: string[] } {
  const refs: string[] = [];
  if (node === true) return { schema: {}, refs };
  if (node === false) return { schema: { not: {} }, refs };
  if (!isObj(node)) return { schema: undefined, refs };
  let cur: Obj = node;
  while (typeof cur['$ref'] === 'string') {
    const ref = cur['$ref'];
    const { $ref: _drop, ...rest } = cur;
    if (!ref.startsWith('#') || refs.includes(ref) || refs.length >= MAX_DEPTH) return { schema: rest, refs };
    refs.push(ref);
    let target = refTarget(root, ref);
    if (target === true) target = {};
    if (!isObj(target)) return { schema: rest, refs };
    cur = { ...target, ...rest };
  }
  return { schema: cur, refs };
}

function typeMatches(t: unknown, v: unknown): boolean {
  switch (t) {
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    case 'array': return Array.isArray(v);
    case 'object': return isObj(v);
    default: return false;
  }
}

const codePoints = (s: string) => [...s].length;

/**
 * Does `value` satisfy `schema`, for the subset of JSON Schema used in `if`
 * clauses? Supported: boolean schemas, local `$ref`, `type`, `const`, `enum`,
 * `minLength`/`maxLength` (code points, as ajv counts), `pattern`,
 * `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum`,
 * `minItems`/`maxItems`, `required`, `properties`, `allOf`/`anyOf`/`oneOf`/`not`
 * and nested `if`/`then`/`else`. As in JSON Schema, `required` and
 * `properties` say nothing about non-objects, and a property that is absent
 * satisfies its subschema — write `"required": ["kind"]` next to
 * `"properties": {"kind": {"const": …}}`. Other keywords (`format`, …) are
 * ignored (treated as satisfied). Never throws.
 */
export function schemaHolds(schema: unknown, value: unknown, root: JsonSchema = isObj(schema) ? schema : {}): boolean {
  return satisfies(schema, value, root, 0);
}

function satisfies(schema: unknown, value: unknown, root: JsonSchema, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  if (typeof schema === 'boolean') return schema;
  if (!isObj(schema)) return true;
  const s = schema;
  const next = (sub: unknown, v: unknown) => satisfies(sub, v, root, depth + 1);
  // A $ref holds beside its siblings (both must), as JSON Schema 2020-12 and the validator read it.
  const ref = s['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#')) {
    const target = refTarget(root, ref);
    if ((typeof target === 'boolean' || isObj(target)) && !next(target, value)) return false;
  }
  const t = s['type'];
  if (typeof t === 'string' && !typeMatches(t, value)) return false;
  if (Array.isArray(t) && !t.some((x) => typeMatches(x, value))) return false;
  if ('const' in s && !deepEqual(value, s['const'])) return false;
  if (Array.isArray(s['enum']) && !s['enum'].some((x) => deepEqual(value, x))) return false;
  if (typeof value === 'string') {
    if (typeof s['minLength'] === 'number' && codePoints(value) < s['minLength']) return false;
    if (typeof s['maxLength'] === 'number' && codePoints(value) > s['maxLength']) return false;
    if (typeof s['pattern'] === 'string') {
      try {
        if (!new RegExp(s['pattern'], 'u').test(value)) return false;
      } catch {
        /* a pattern the browser cannot read says nothing */
      }
    }
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (typeof s['minimum'] === 'number' && value < s['minimum']) return false;
    if (typeof s['maximum'] === 'number' && value > s['maximum']) return false;
    if (typeof s['exclusiveMinimum'] === 'number' && value <= s['exclusiveMinimum']) return false;
    if (typeof s['exclusiveMaximum'] === 'number' && value >= s['exclusiveMaximum']) return false;
  }
  if (Array.isArray(value)) {
    if (typeof s['minItems'] === 'number' && value.length < s['minItems']) return false;
    if (typeof s['maxItems'] === 'number' && value.length > s['maxItems']) return false;
  }
  if (isObj(value)) {
    // A member holding undefined (a cleared field) is absent, as the validator reads it.
    if (Array.isArray(s['required']) && !s['required'].every((k) => typeof k !== 'string' || value[k] !== undefined)) return false;
    const props = s['properties'];
    if (isObj(props)) for (const [k, sub] of Object.entries(props)) if (value[k] !== undefined && !next(sub, value[k])) return false;
  }
  if (Array.isArray(s['allOf']) && !s['allOf'].every((sub) => next(sub, value))) return false;
  if (Array.isArray(s['anyOf']) && !s['anyOf'].some((sub) => next(sub, value))) return false;
  if (Array.isArray(s['oneOf']) && s['oneOf'].filter((sub) => next(sub, value)).length !== 1) return false;
  if ('not' in s && next(s['not'], value)) return false;
  if ('if' in s) {
    const branch = next(s['if'], value) ? s['then'] : s['else'];
    if (branch !== undefined && !next(branch, value)) return false;
  }
  return true;
}

/**
 * The subschemas that describe one value: the node itself, its `allOf`
 * members, the active `then`/`else`, and the `dependentSchemas` of members
 * present — recursively, local `$ref`s followed. `refs` collects the refs
 * used (for recursion checks).
 */
function flatten(node: unknown, value: unknown, root: JsonSchema, refs: Set<string>, out: JsonSchema[] = [], depth = 0): JsonSchema[] {
  if (depth > MAX_DEPTH) return out;
  const { schema, refs: used } = deref(node, root);
  if (!schema) return out;
  if (used.length && refs.has(used[0]!)) return out; // this level refers to itself (or repeats a part)
  used.forEach((r) => refs.add(r));
  out.push(schema);
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) for (const sub of allOf) flatten(sub, value, root, refs, out, depth + 1);
  if ('if' in schema) {
    // Nothing entered yet: the condition is not met (take `else`).
    const branch = value !== undefined && schemaHolds(schema['if'], value, root) ? schema['then'] : schema['else'];
    if (branch !== undefined) flatten(branch, value, root, refs, out, depth + 1);
  }
  const deps = schema['dependentSchemas'];
  if (isObj(deps)) for (const [k, sub] of Object.entries(deps)) if (present(value, k)) flatten(sub, value, root, refs, out, depth + 1);
  return out;
}

/** Merge subschemas for reading annotations and leaf keywords (later ones win). */
function merge(parts: JsonSchema[]): JsonSchema {
  return parts.length === 1 ? parts[0]! : Object.assign({}, ...parts);
}

function jsonType(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string' || typeof v === 'boolean') return typeof v;
  return undefined;
}

function constBranches(s: JsonSchema, root: JsonSchema): JsonSchema[] | undefined {
  for (const key of ['oneOf', 'anyOf']) {
    const list = s[key];
    if (!Array.isArray(list) || !list.length) continue;
    const branches = list.map((b) => deref(b, root).schema);
    if (branches.every((b) => b && 'const' in b)) return branches as JsonSchema[];
  }
  return undefined;
}

/** The JSON type of values of `s` (first non-null `type`, else inferred from const/enum/properties/items). */
export function typeOfSchema(s: JsonSchema, root: JsonSchema = s): string | undefined {
  const t = s['type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') ?? t[0]) as string | undefined;
  if ('const' in s) return jsonType(s['const']);
  if (Array.isArray(s['enum']) && s['enum'].length) return jsonType(s['enum'].find((x) => x !== null) ?? null);
  if (isObj(s['properties'])) return 'object';
  if ('items' in s || 'prefixItems' in s) return 'array';
  const branches = constBranches(s, root);
  if (branches) return jsonType(branches[0]!['const']);
  return undefined;
}

/* ------------------------------------------------------------ localization */

function i18nEntry(s: JsonSchema, lang: string): Obj | undefined {
  const map = s['x-xc-i18n'];
  if (!isObj(map)) return undefined;
  const lower = new Map(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
  for (const tag of langChain(lang.toLowerCase())) {
    const hit = lower.get(tag) ?? [...lower].find(([k]) => k.split('-')[0] === tag)?.[1];
    if (isObj(hit)) return hit;
  }
  return undefined;
}

/** A text of the schema in `lang`: `x-xc-i18n[lang][i18nKey]`, else the schema's own (possibly LocalizedText) value. */
function localized(s: JsonSchema, ownKey: string, i18nKey: string, lang: string): string {
  const t = i18nEntry(s, lang)?.[i18nKey];
  if (typeof t === 'string' && t) return t;
  const own = s[ownKey];
  return typeof own === 'string' || isObj(own) ? textOf(own as LocalizedText, lang) : '';
}

/** The choices of a field: `enum` values (labels from `x-xc-i18n` options) or `oneOf`/`anyOf` branches with `const` (labels from their titles). */
export function optionsOf(s: JsonSchema, lang = 'zh-CN', root: JsonSchema = s): FieldOption[] {
  const labels = i18nEntry(s, lang)?.['options'];
  const labelOf = (v: unknown) => (isObj(labels) && typeof labels[String(v)] === 'string' ? (labels[String(v)] as string) : String(v));
  if (Array.isArray(s['enum'])) return s['enum'].map((value) => ({ value, label: labelOf(value), hint: '' }));
  const branches = constBranches(s, root);
  if (branches)
    return branches.map((b) => ({
      value: b['const'],
      label: localized(b, 'title', 'title', lang) || labelOf(b['const']),
      hint: localized(b, 'description', 'description', lang),
    }));
  return [];
}

/**
 * The widget for a schema without `x-xc-widget` (or with an unknown one):
 * boolean → checkbox; an array whose items have options → checkboxes; other
 * arrays → array; objects → object; enum/oneOf-const → radio (up to 4
 * options) or select; string formats date / date-time / time / email →
 * date / datetime / time / email; number/integer → number; a string with
 * `x-xc-rows` or `maxLength` over 200 → textarea; else text.
 */
export function inferWidget(s: JsonSchema, root: JsonSchema = s): FieldWidget {
  const named = s['x-xc-widget'];
  if (typeof named === 'string' && (WIDGETS as readonly string[]).includes(named)) return named as XcWidget;
  const type = typeOfSchema(s, root);
  if (type === 'boolean') return 'checkbox';
  if (type === 'array') {
    const items = deref(s['items'], root).schema;
    return items && optionsOf(items, 'zh-CN', root).length ? 'checkboxes' : 'array';
  }
  if (type === 'object') return 'object';
  const options = optionsOf(s, 'zh-CN', root);
  if (options.length) return options.length <= 4 ? 'radio' : 'select';
  if (type === 'number' || type === 'integer') return 'number';
  switch (s['format']) {
    case 'date': return 'date';
    case 'date-time': return 'datetime';
    case 'time': return 'time';
    case 'email': return 'email';
  }
  if (typeof s['x-xc-rows'] === 'number' || (typeof s['maxLength'] === 'number' && s['maxLength'] > 200)) return 'textarea';
  return 'text';
}

const CONSTRAINT_KEYS = [
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format',
  'minItems', 'maxItems', 'uniqueItems',
] as const;

function constraintsOf(s: JsonSchema): FieldConstraints {
  const out: Record<string, unknown> = {};
  for (const k of CONSTRAINT_KEYS) if (s[k] !== undefined) out[k] = s[k];
  if ('const' in s) out['const'] = clone(s['const']);
  return out as FieldConstraints;
}

function printOf(s: JsonSchema, lang: string): FieldPrint {
  const p = s['x-xc-print'];
  if (p === false) return { hide: true };
  if (!isObj(p)) return { hide: false };
  const out: FieldPrint = { hide: p['hide'] === true };
  if (p['label'] != null) out.label = textOf(p['label'] as LocalizedText, lang);
  if (typeof p['lines'] === 'number') out.lines = p['lines'];
  if (typeof p['signature'] === 'boolean') out.signature = p['signature'];
  if (typeof p['pageBreakBefore'] === 'boolean') out.pageBreakBefore = p['pageBreakBefore'];
  return out;
}

function messagesOf(s: JsonSchema, lang: string): Record<string, string> {
  const m = s['x-xc-messages'];
  const out: Record<string, string> = {};
  if (isObj(m)) for (const [k, v] of Object.entries(m)) if (v != null) out[k] = textOf(v as LocalizedText, lang);
  return out;
}

/* ------------------------------------------------------------------- model */

interface Ctx {
  root: JsonSchema;
  rootValue: unknown;
  lang: string;
  signed: boolean;
}

interface Inherited {
  hidden: boolean;
  readOnly: boolean;
  confidential: boolean;
  /** Refs used by the ancestors' schemas (a repeat means recursion). */
  refs: ReadonlySet<string>;
}

interface Slot {
  path: string[];
  parts: JsonSchema[];
  value: unknown;
  label?: string;
  required: boolean;
  /** The enclosing object's value (what `x-xc-hidden` looks at). */
  container: unknown;
  refs: Set<string>;
}

function partsFor(node: unknown, value: unknown, ctx: Ctx): { parts: JsonSchema[]; refs: Set<string> } {
  const refs = new Set<string>();
  return { parts: flatten(node, value, ctx.root, refs), refs };
}

function itemLabel(arraySchema: JsonSchema, itemSchema: JsonSchema, n: number, lang: string): string {
  const template = localized(arraySchema, 'x-xc-item-title', 'itemTitle', lang);
  if (template) return template.replace(/\{n\}/g, String(n));
  const title = localized(itemSchema, 'title', 'title', lang);
  return title ? `${title} ${n}` : String(n);
}

function build(slot: Slot, ctx: Ctx, up: Inherited): FieldDescriptor {
  const s = merge(slot.parts.length ? slot.parts : [{}]);
  const { lang } = ctx;
  const widget = inferWidget(s, ctx.root);
  const key = slot.path.length ? slot.path[slot.path.length - 1]! : '';
  const cond = s['x-xc-hidden'];
  const hidden = up.hidden || widget === 'hidden' || (cond !== undefined && conditionHolds(cond, slot.container, ctx.rootValue));
  const readOnly = up.readOnly || s['readOnly'] === true || (s['x-xc-readonly-after-sign'] === true && ctx.signed);
  const confidential = up.confidential || s['x-xc-confidential'] === true;
  const textarea = widget === 'textarea';
  const rows = typeof s['x-xc-rows'] === 'number' ? s['x-xc-rows'] : textarea ? 4 : undefined;
  const group = localized(s, 'x-xc-group', 'group', lang);
  const addLabel = localized(s, 'x-xc-add-label', 'addLabel', lang);
  const type = typeOfSchema(s, ctx.root);
  const options =
    widget === 'checkboxes' || (type === 'array' && s['items'] !== undefined)
      ? (() => {
          const item = merge(slot.parts.map((p) => deref(p['items'], ctx.root).schema).filter((x): x is JsonSchema => !!x));
          // Translated option labels may sit on the array field itself (`x-xc-i18n.<lang>.options`)
          // as well as on its items: the items' own win, the array's fill in.
          const own = i18nEntry(s, lang)?.['options'];
          const mine = i18nEntry(item, lang)?.['options'];
          if (!isObj(own) || isObj(mine)) return optionsOf(item, lang, ctx.root);
          return optionsOf(item, lang, ctx.root).map((o) => (typeof own[String(o.value)] === 'string' && o.label === String(o.value) ? { ...o, label: own[String(o.value)] as string } : o));
        })()
      : optionsOf(s, lang, ctx.root);

  const d: FieldDescriptor = {
    path: slot.path,
    name: segmentsToPath(slot.path),
    key,
    // A field without a title is labelled with its name (a control is never left without a label).
    label: slot.label ?? (localized(s, 'title', 'title', lang) || key),
    hint: localized(s, 'x-xc-help', 'help', lang) || localized(s, 'description', 'description', lang),
    placeholder: localized(s, 'x-xc-placeholder', 'placeholder', lang),
    widget,
    type,
    required: slot.required,
    hidden,
    readOnly,
    confidential,
    options,
    constraints: constraintsOf(s),
    default: clone(s['default']),
    value: slot.value,
    print: printOf(s, lang),
    messages: messagesOf(s, lang),
    source: s['x-xc-source'] === true,
    children: [],
    items: [],
    schema: s,
  };
  if (rows !== undefined) d.rows = rows;
  if (group) d.group = group;
  if (addLabel) d.addLabel = addLabel;

  // Recursion: a schema that refers to one of its ancestors is expanded only where the value goes on.
  const recursive = [...slot.refs].some((r) => up.refs.has(r)) && isEmptyValue(slot.value);
  const tooDeep = slot.path.length >= MAX_DEPTH;
  const refs = new Set([...up.refs, ...slot.refs]);
  const down: Inherited = { hidden, readOnly, confidential, refs };

  if (widget === 'object' || widget === 'person' || (widget === 'hidden' && type === 'object')) {
    if (tooDeep || recursive) return d;
    d.children = objectChildren(slot, s, ctx, down);
  } else if (type === 'array' && widget !== 'checkboxes') {
    if (tooDeep || recursive) return d;
    const itemNodes = slot.parts.map((p) => p['items']).filter((x) => x !== undefined);
    const itemParts = (v: unknown) => {
      const refsOut = new Set<string>();
      const parts = itemNodes.flatMap((n) => flatten(n, v, ctx.root, refsOut));
      return { parts, refs: refsOut };
    };
    const list = Array.isArray(slot.value) ? slot.value : [];
    d.items = list.map((v, i) => {
      const { parts, refs: r } = itemParts(v);
      return build(
        { path: [...slot.path, String(i)], parts, value: v, label: itemLabel(s, merge(parts.length ? parts : [{}]), i + 1, lang), required: false, container: slot.value, refs: r },
        ctx,
        down,
      );
    });
    if (itemNodes.length) {
      const first = itemParts(undefined);
      const initial = defaultValue(merge(first.parts.length ? first.parts : [{}]), ctx.root);
      const { parts, refs: r } = itemParts(initial);
      d.item = build(
        { path: [...slot.path, '-'], parts, value: initial, label: itemLabel(s, merge(parts.length ? parts : [{}]), list.length + 1, lang), required: false, container: slot.value, refs: r },
        ctx,
        down,
      );
    }
  }
  return d;
}

function objectChildren(slot: Slot, s: JsonSchema, ctx: Ctx, down: Inherited): FieldDescriptor[] {
  const value = slot.value;
  const props = new Map<string, unknown[]>();
  const required = new Set<string>();
  for (const p of slot.parts) {
    const ps = p['properties'];
    if (isObj(ps)) for (const [k, sub] of Object.entries(ps)) props.set(k, [...(props.get(k) ?? []), sub]);
    const req = p['required'];
    if (Array.isArray(req)) for (const k of req) if (typeof k === 'string') required.add(k);
    const deps = p['dependentRequired'];
    if (isObj(deps)) for (const [k, list] of Object.entries(deps)) if (present(value, k) && Array.isArray(list)) for (const r of list) if (typeof r === 'string') required.add(r);
  }
  const order = Array.isArray(s['x-xc-order']) ? (s['x-xc-order'] as unknown[]).filter((k): k is string => typeof k === 'string' && props.has(k)) : [];
  const keys = [...new Set([...order, ...props.keys()])];
  return keys.map((k) => {
    const v = getAt(value, [k]);
    const refs = new Set<string>();
    const parts = props.get(k)!.flatMap((node) => flatten(node, v, ctx.root, refs));
    return build({ path: [...slot.path, k], parts, value: v, required: required.has(k), container: value, refs }, ctx, down);
  });
}

/**
 * The field tree of a form definition for the current value, in `lang`
 * (zh-CN by default). The root descriptor is the record itself (`path` [],
 * `widget` 'object', `required` true); its `children` are the fields.
 * Never throws on odd schemas: unknown keywords are ignored, dangling `$ref`s
 * resolve to their siblings, and recursion stops where the value stops.
 */
export function buildFormModel(schema: JsonSchema, value: unknown, lang = 'zh-CN'): FieldDescriptor {
  const signature = isObj(value) ? value['signature'] : undefined;
  const ctx: Ctx = { root: schema, rootValue: value, lang, signed: isObj(signature) };
  const { parts, refs } = partsFor(schema, value, ctx);
  return build(
    { path: [], parts, value, required: true, container: undefined, refs },
    ctx,
    { hidden: false, readOnly: false, confidential: false, refs: new Set() },
  );
}

/** Every descriptor of the tree, depth first (object members and array items; not item templates). */
export function flattenFields(model: FieldDescriptor): FieldDescriptor[] {
  const out: FieldDescriptor[] = [];
  const walk = (d: FieldDescriptor) => {
    out.push(d);
    d.children.forEach(walk);
    d.items.forEach(walk);
  };
  walk(model);
  return out;
}

/** The descriptor with this dotted `name` (as in `FieldError.path`), or undefined. */
export function findField(model: FieldDescriptor, name: string): FieldDescriptor | undefined {
  return flattenFields(model).find((d) => d.name === name);
}

/**
 * The value a new record, field or array item starts with: a copy of
 * `default` when the schema (or an `allOf` member) has one; otherwise, for an
 * object, its members' defaults (members without one are left out, and a
 * nested object only appears when something in it has a default), for an
 * array `[]`. The top-level call returns `{}` / `[]` for object / array
 * schemas even when nothing has a default, and undefined for other types.
 * `const` is never used as a default (an acknowledgement must be given).
 * `root` is where local `$ref`s are resolved (defaults to `schema`).
 */
export function defaultValue(schema: JsonSchema, root: JsonSchema = schema): unknown {
  return defaultOf(schema, root, 0, true);
}

function defaultOf(node: unknown, root: JsonSchema, depth: number, top: boolean): unknown {
  if (depth > MAX_DEPTH) return undefined;
  const parts = flatten(node, undefined, root, new Set());
  if (!parts.length) return undefined;
  for (let i = parts.length - 1; i >= 0; i--) if ('default' in parts[i]!) return clone(parts[i]!['default']);
  const type = typeOfSchema(merge(parts), root);
  if (type === 'object') {
    const out: Obj = {};
    for (const p of parts) {
      const props = p['properties'];
      if (!isObj(props)) continue;
      for (const [k, sub] of Object.entries(props)) {
        if (hasOwn(out, k)) continue;
        const v = defaultOf(sub, root, depth + 1, false);
        if (v !== undefined) put(out, k, v);
      }
    }
    return top || Object.keys(out).length ? out : undefined;
  }
  if (type === 'array') return top ? [] : undefined;
  return undefined;
}

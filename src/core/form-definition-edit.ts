/**
 * Editing a form definition (what `<xc-form>` reads: a JSON Schema object with `x-xc-*`
 * annotations) one step at a time, for the template editor's form mode: the definition read as a
 * list of fields in display order (`x-xc-order`, else the order of `properties`), with one level of
 * nested objects (fieldsets, people) and their fields; steps to add, change, move, duplicate and
 * remove fields; the changes between two versions; and where an error of the meta-schema points.
 *
 * Pure: every step returns a new definition and leaves the one it was given as it was (an undo is
 * the previous value). Whatever the editor does not understand — other keywords, `if`/`then`/`else`,
 * `$defs`, `allOf`, `patternProperties`, arrays of objects, `$ref`, unknown `x-xc-*` — is kept where
 * it was, as it was; a field holding such things is `advanced` and edited as JSON. A field's key is
 * its stable id: relabelling never changes it, and a new field gets a key (`field-7`) no field of
 * the definition has used. No DOM, no strings; never throws on odd input.
 */
import { deepEqual, hasOwn, isObj, type Obj } from './obj.js';
import type { JsonSchema } from './validation-types.js';

/** The widgets the form mode offers (the common ones of `x-xc-widget`), and `fieldset` for a plain nested object. */
export const FORM_WIDGETS = ['text', 'textarea', 'select', 'radio', 'checkboxes', 'date', 'datetime', 'number', 'checkbox', 'person'] as const;
export type FormWidget = (typeof FORM_WIDGETS)[number] | 'fieldset';

/** The widgets whose field has options. */
export const OPTION_WIDGETS: readonly FormWidget[] = ['select', 'radio', 'checkboxes'];

/** One option of a select, radio group or checkbox group. */
export interface FormOption {
  /** The value stored (for `enum` options also the Chinese label). */
  value: unknown;
  label: string;
  labelEn: string;
}

/**
 * When a field is shown (`x-xc-hidden` in its simplest forms, relative to the enclosing object):
 * always; while `field` equals / does not equal `value`; while `field` is filled / empty.
 */
export type FormCondition = { show: 'always' } | { show: 'equals' | 'notEquals'; field: string; value: unknown } | { show: 'filled' | 'empty'; field: string };

/** A field as the editor shows it. */
export interface FormFieldView {
  /** Stable id: the keys from the root as a JSON Pointer (`/kind`, `/interviewee/name`). */
  id: string;
  /** The member name (never changed by the editor). */
  key: string;
  /** The fieldset's id, '' at the top. */
  parent: string;
  label: string;
  labelEn: string;
  hint: string;
  hintEn: string;
  /** The widget ('' when the field is advanced and its widget is not one of {@link FORM_WIDGETS}). */
  widget: FormWidget | '';
  required: boolean;
  /** Options of a select, radio group or checkbox group, as written (`enum` or `oneOf` with `const`). */
  options: FormOption[];
  optionForm: 'enum' | 'oneOf' | null;
  /** When it is shown (`always` for an advanced condition: see `advanced`). */
  condition: FormCondition;
  /** Holds something the editor does not edit: shown and edited as JSON, kept as written. */
  advanced: boolean;
  /** The field's schema as written. */
  schema: unknown;
  /** A fieldset's (or person's) fields. */
  children: FormFieldView[];
}

/** What a step may change on a field. Text of `''` removes it (a label stays, empty). */
export interface FormFieldPatch {
  label?: string;
  labelEn?: string;
  hint?: string;
  hintEn?: string;
  widget?: FormWidget;
  required?: boolean;
  condition?: FormCondition;
  /** The field's whole schema (the JSON of an advanced field). */
  schema?: unknown;
}

/** The controls an error can point at. */
export type FormControl = 'label' | 'widget' | 'required' | 'options' | 'hint' | 'condition' | 'json' | 'title';

/** A problem the author must fix, at a field ('' = the form itself). */
export interface FormProblem {
  id: string;
  control: FormControl;
  code: 'emptyLabel' | 'noOptions' | 'emptyOption' | 'sameOption' | 'conditionField' | 'conditionValue';
  /** The option's number (from 1) or the field the condition names. */
  detail?: string;
}

/** What changed between two versions, by field id. */
export interface FormChanges {
  removed: string[];
  added: string[];
  /** Fields whose label (either language) changed. */
  relabelled: string[];
}

const SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

/* -------------------------------------------------------------- ids and keys */

const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
/** The id of the field at these keys. */
export const formFieldId = (keys: readonly string[]): string => keys.map((k) => `/${esc(k)}`).join('');
/** The keys of an id ([] when it is not one). */
export function formFieldKeys(id: string): string[] {
  if (typeof id !== 'string' || !id.startsWith('/')) return [];
  return id.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Every key the definition has anywhere, and every `field-N` it names (in `required`, orders, conditions). */
function usedKeys(def: unknown): Set<string> {
  const out = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 64 || seen.has(v)) return;
    if (typeof v === 'string') {
      if (/^field-\d+$/.test(v)) out.add(v);
      return;
    }
    if (Array.isArray(v)) {
      seen.add(v);
      v.forEach((x) => walk(x, depth + 1));
    } else if (isObj(v)) {
      seen.add(v);
      for (const [k, x] of Object.entries(v)) {
        if (/^field-\d+$/.test(k)) out.add(k);
        if (k === 'properties' && isObj(x)) for (const p of Object.keys(x)) out.add(p);
        walk(x, depth + 1);
      }
    }
  };
  walk(def, 0);
  return out;
}

/**
 * A key no field of the definition has (nor any of `seen`, the keys an editing session met):
 * `field-` and one more than the highest such number used.
 */
export function freshFieldKey(def: unknown, seen: Iterable<string> = []): string {
  let max = 0;
  for (const k of [...usedKeys(def), ...seen]) {
    const m = /^field-(\d+)$/.exec(k);
    if (m && m[1]!.length < 10) max = Math.max(max, Number(m[1]));
  }
  return `field-${max + 1}`;
}

/** Every key a definition has or names: what an editing session adds to its `seen`. */
export const formKeysOf = (def: unknown): string[] => [...usedKeys(def)];

/* ------------------------------------------------------------- small helpers */

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const props = (c: unknown): Obj => (isObj(c) && isObj(c['properties']) ? c['properties'] : {});
/** A copy of `o` with `k` set (in place when present, else last) or removed (`undefined`). */
function withKey(o: Obj, k: string, v: unknown): Obj {
  if (v === undefined) {
    if (!hasOwn(o, k)) return o;
    const out = { ...o };
    delete out[k];
    return out;
  }
  return { ...o, [k]: v };
}
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** The display order of an object's properties: `x-xc-order`'s names first, the others as declared. */
function orderOf(c: unknown): string[] {
  const p = props(c);
  const names = Object.keys(p);
  const order = isObj(c) && Array.isArray(c['x-xc-order']) ? (c['x-xc-order'] as unknown[]).filter((k): k is string => typeof k === 'string' && hasOwn(p, k)) : [];
  return [...new Set([...order, ...names])];
}

/** The object with its properties shown in `keys`' order: `x-xc-order` rewritten when it has one, else `properties` reordered. */
function withOrder(c: Obj, keys: string[]): Obj {
  if (deepEqual(orderOf(c), keys)) return c;
  const p = props(c);
  if (Array.isArray(c['x-xc-order'])) {
    const others = (c['x-xc-order'] as unknown[]).filter((k) => typeof k !== 'string' || !hasOwn(p, k));
    return { ...c, 'x-xc-order': [...keys, ...others] };
  }
  return { ...c, properties: Object.fromEntries(keys.map((k) => [k, p[k]])) };
}

function isRequired(c: unknown, key: string): boolean {
  return isObj(c) && Array.isArray(c['required']) && c['required'].includes(key);
}

function withRequired(c: Obj, key: string, on: boolean): Obj {
  const list = Array.isArray(c['required']) ? (c['required'] as unknown[]) : [];
  if (on === list.includes(key)) return c;
  const next = on ? [...list, key] : list.filter((k) => k !== key);
  return withKey(c, 'required', next.length ? next : undefined);
}

/** The container (root or fieldset) at `parent` keys, or null. */
function containerAt(def: Obj, parent: readonly string[]): Obj | null {
  if (!parent.length) return def;
  if (parent.length !== 1) return null;
  const c = props(def)[parent[0]!];
  return isObj(c) && isObj(c['properties']) ? c : null;
}

function withContainer(def: Obj, parent: readonly string[], c: Obj): Obj {
  if (!parent.length) return c;
  return { ...def, properties: { ...props(def), [parent[0]!]: c } };
}

/** A field's schema and its container, or null. */
function locate(def: unknown, id: string): { parent: string[]; key: string; c: Obj; s: unknown } | null {
  if (!isObj(def)) return null;
  const keys = formFieldKeys(id);
  if (keys.length < 1 || keys.length > 2) return null;
  const parent = keys.slice(0, -1);
  const key = keys[keys.length - 1]!;
  const c = containerAt(def, parent);
  if (!c || !hasOwn(props(c), key)) return null;
  // A nested field lives in a fieldset the editor reads (not in an advanced object).
  if (parent.length && advancedReason(c, 0)) return null;
  return { parent, key, c, s: props(c)[key] };
}

/* ------------------------------------------------------------------ reading */

/** Keywords a field may carry and still be edited with the form: the editor changes some, keeps the others as written. */
const PLAIN = new Set([
  'type', 'title', 'description', 'x-xc-widget', 'x-xc-help', 'x-xc-hidden', 'x-xc-i18n', 'enum', 'oneOf', 'items', 'uniqueItems', 'format',
  'properties', 'required', 'x-xc-order', 'additionalProperties',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems',
  'default', 'const', 'readOnly', 'examples', '$comment',
  'x-xc-messages', 'x-xc-placeholder', 'x-xc-rows', 'x-xc-print', 'x-xc-group', 'x-xc-add-label', 'x-xc-item-title', 'x-xc-source', 'x-xc-readonly-after-sign', 'x-xc-confidential',
  'x-xc-retired',
]);
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);
const primitive = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** oneOf branches that are options (`{const, title?, description?, x-xc-i18n?}`), or null. */
function constBranches(v: unknown): Obj[] | null {
  if (!Array.isArray(v) || !v.length) return null;
  return v.every((b) => isObj(b) && hasOwn(b, 'const') && primitive(b['const']) && Object.keys(b).every((k) => ['const', 'title', 'description', 'x-xc-i18n'].includes(k))) ? (v as Obj[]) : null;
}

/** Options of a schema (itself, or an array's items): enum of primitives or const branches. */
function optionSchemaOk(s: Obj): boolean {
  if (hasOwn(s, 'enum') && !(Array.isArray(s['enum']) && s['enum'].every(primitive))) return false;
  if (hasOwn(s, 'oneOf') && !constBranches(s['oneOf'])) return false;
  return true;
}

function simpleCondition(h: unknown): FormCondition | null {
  if (h === undefined) return { show: 'always' };
  if (!isObj(h)) return null;
  const keys = Object.keys(h).sort().join();
  const field = str(h['field']);
  if (keys === 'const,field' && field) return { show: 'notEquals', field, value: h['const'] };
  if (keys === 'empty,field' && field && typeof h['empty'] === 'boolean') return h['empty'] ? { show: 'filled', field } : { show: 'empty', field };
  const n = h['not'];
  if (keys === 'not' && isObj(n) && Object.keys(n).sort().join() === 'const,field' && str(n['field'])) return { show: 'equals', field: str(n['field']), value: n['const'] };
  return null;
}

/** Why a field is advanced ('' when it is not): a keyword the editor does not edit, or a shape it does not show. */
function advancedReason(s: unknown, depth: number): string {
  if (!isObj(s)) return 'schema';
  for (const k of Object.keys(s)) if (!PLAIN.has(k)) return k;
  const w = s['x-xc-widget'];
  if (w !== undefined && !(FORM_WIDGETS as readonly unknown[]).includes(w)) return 'x-xc-widget';
  if (simpleCondition(s['x-xc-hidden']) === null) return 'x-xc-hidden';
  const t = s['type'];
  if (t !== undefined && typeof t !== 'string') return 'type';
  if (s['additionalProperties'] !== undefined && typeof s['additionalProperties'] !== 'boolean') return 'additionalProperties';
  if (!optionSchemaOk(s)) return 'options';
  const i18n = s['x-xc-i18n'];
  if (i18n !== undefined && !(isObj(i18n) && Object.values(i18n).every(isObj))) return 'x-xc-i18n';
  if (t === 'object' || isObj(s['properties'])) {
    if (depth > 0 || !isObj(s['properties']) || (t !== undefined && t !== 'object') || hasOwn(s, 'items')) return 'object';
    if (w !== undefined && w !== 'person') return 'x-xc-widget';
    return '';
  }
  if (hasOwn(s, 'required') || hasOwn(s, 'x-xc-order') || hasOwn(s, 'properties')) return 'required';
  if (t === 'array' || hasOwn(s, 'items')) {
    const items = s['items'];
    // Checkboxes only: an array of options. An array of objects (a repeating group) is advanced.
    if (!isObj(items) || !Object.keys(items).every((k) => ['type', 'enum', 'oneOf', 'x-xc-i18n'].includes(k)) || !(hasOwn(items, 'enum') || hasOwn(items, 'oneOf'))) return 'items';
    if (items['type'] !== undefined && !SCALAR_TYPES.has(items['type'] as string)) return 'items';
    if (!optionSchemaOk(items)) return 'items';
    return w === undefined || w === 'checkboxes' ? '' : 'x-xc-widget';
  }
  if (t !== undefined && !SCALAR_TYPES.has(t)) return 'type';
  const f = s['format'];
  if (f !== undefined && f !== 'date' && f !== 'date-time') return 'format';
  return '';
}

function i18nEntry(s: unknown, lang: string): Obj {
  const m = isObj(s) ? s['x-xc-i18n'] : undefined;
  return isObj(m) && isObj(m[lang]) ? m[lang] : {};
}

/** A text of one language: a plain string is the template's language (zh-CN). */
function ownText(v: unknown, lang: string): string {
  if (typeof v === 'string') return lang === 'zh-CN' ? v : '';
  return isObj(v) ? str(v[lang]) : '';
}

/** The widget of a plain field (as `<xc-form>` infers it when `x-xc-widget` is absent). */
function widgetOf(s: Obj, options: number): FormWidget {
  const w = s['x-xc-widget'];
  if ((FORM_WIDGETS as readonly unknown[]).includes(w)) return w as FormWidget;
  const t = s['type'];
  if (t === 'object' || isObj(s['properties'])) return 'fieldset';
  if (t === 'boolean') return 'checkbox';
  if (t === 'array') return 'checkboxes';
  if (options) return options <= 4 ? 'radio' : 'select';
  if (t === 'number' || t === 'integer') return 'number';
  if (s['format'] === 'date') return 'date';
  if (s['format'] === 'date-time') return 'datetime';
  if (typeof s['x-xc-rows'] === 'number' || (typeof s['maxLength'] === 'number' && s['maxLength'] > 200)) return 'textarea';
  return 'text';
}

/** Where a field's options are: the field itself or (checkboxes) its items. */
function optionHost(s: Obj): Obj | null {
  if (isObj(s['items']) && (s['type'] === 'array' || !hasOwn(s, 'type'))) return s['items'];
  return hasOwn(s, 'enum') || hasOwn(s, 'oneOf') ? s : null;
}

function readOptions(s: Obj): { options: FormOption[]; form: 'enum' | 'oneOf' | null } {
  const host = optionHost(s);
  if (!host) return { options: [], form: null };
  if (Array.isArray(host['enum'])) {
    const label = (lang: string, v: unknown) => {
      const own = i18nEntry(host, lang)['options'];
      const outer = i18nEntry(s, lang)['options'];
      const hit = isObj(own) && typeof own[String(v)] === 'string' ? own[String(v)] : isObj(outer) && typeof outer[String(v)] === 'string' ? outer[String(v)] : '';
      return str(hit);
    };
    return { options: host['enum'].map((value) => ({ value, label: label('zh-CN', value) || String(value), labelEn: label('en', value) })), form: 'enum' };
  }
  const branches = constBranches(host['oneOf']);
  if (branches) return { options: branches.map((b) => ({ value: b['const'], label: str(b['title']) || String(b['const']), labelEn: str(i18nEntry(b, 'en')['title']) })), form: 'oneOf' };
  return { options: [], form: null };
}

/** Where a hint lives: `x-xc-help`, else `description` when only that is written. */
const hintKey = (s: Obj): 'x-xc-help' | 'description' => (!hasOwn(s, 'x-xc-help') && typeof s['description'] === 'string' ? 'description' : 'x-xc-help');

function view(c: Obj, key: string, parent: string[], depth: number): FormFieldView {
  const s = props(c)[key];
  const id = formFieldId([...parent, key]);
  const reason = advancedReason(s, depth);
  const o = isObj(s) ? s : {};
  const { options, form } = reason ? { options: [], form: null } : readOptions(o);
  const hk = hintKey(o);
  const en = i18nEntry(o, 'en');
  const widget = reason ? ((FORM_WIDGETS as readonly unknown[]).includes(o['x-xc-widget']) ? (o['x-xc-widget'] as FormWidget) : '') : widgetOf(o, options.length);
  return {
    id,
    key,
    parent: formFieldId(parent),
    label: str(o['title']),
    labelEn: str(en['title']),
    hint: ownText(o[hk], 'zh-CN'),
    hintEn: str(en[hk === 'x-xc-help' ? 'help' : 'description']) || ownText(o[hk], 'en'),
    widget,
    required: isRequired(c, key),
    options,
    optionForm: form,
    condition: simpleCondition(o['x-xc-hidden']) ?? { show: 'always' },
    advanced: !!reason,
    schema: s,
    children: !reason && depth === 0 && isObj(o['properties']) ? orderOf(o).map((k) => view(o, k, [...parent, key], depth + 1)) : [],
  };
}

/** The fields of a definition in display order ([] for anything that is not an object with properties). */
export function formFields(def: unknown): FormFieldView[] {
  if (!isObj(def)) return [];
  return orderOf(def).map((k) => view(def, k, [], 0));
}

/** One field's view, or null. */
export function formField(def: unknown, id: string): FormFieldView | null {
  const at = locate(def, id);
  return at ? view(at.c, at.key, at.parent, at.parent.length) : null;
}

/** Every field, fieldsets' fields after their fieldset. */
export const allFormFields = (def: unknown): FormFieldView[] => formFields(def).flatMap((f) => [f, ...f.children]);

/** Whether a value looks like a form definition the editor can hold (an object whose `properties` is an object). */
export const isFormDefinition = (v: unknown): v is JsonSchema => isObj(v) && isObj(v['properties']);

/** A new definition: one empty text field. */
export function emptyFormDefinition(): JsonSchema {
  return { $schema: SCHEMA, type: 'object', properties: { 'field-1': { type: 'string', 'x-xc-widget': 'text' } } };
}

/** The form's own title in a language (the definition's `title`, English in `x-xc-i18n`). */
export function formTitle(def: unknown, lang: string): string {
  return isObj(def) ? (lang === 'zh-CN' ? str(def['title']) : str(i18nEntry(def, lang)['title'])) : '';
}

/**
 * The exported file's name, without `.json`: the last part of the definition's `$id` (its `.json`
 * or `.schema.json` dropped), else its title, kept to letters, digits, `_`, `.` and `-` (at most 64,
 * starting with a letter or digit) so that it is a file name and a shell word; `fallback` when
 * neither gives one.
 */
export function formExportName(def: unknown, fallback: string): string {
  const safe = (v: string) => {
    const out = [...v.normalize('NFC').replace(/\.(schema\.)?json$/i, '').replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/-{2,}/g, '-').replace(/^[^\p{L}\p{N}]+|[.-]+$/gu, '')].slice(0, 64).join('');
    return out.replace(/[.-]+$/, '');
  };
  if (!isObj(def)) return fallback;
  const id = str(def['$id']).split(/[/#?:]/).filter(Boolean).pop() ?? '';
  return safe(id) || safe(str(def['title'])) || fallback;
}

/* ------------------------------------------------------------ writing texts */

/** Set `x-xc-i18n[lang][k]` ('' removes it, and the entries left empty). */
function withI18n(s: Obj, lang: string, k: string, v: string): Obj {
  const m = isObj(s['x-xc-i18n']) ? s['x-xc-i18n'] : {};
  const entry = withKey(isObj(m[lang]) ? m[lang] : {}, k, v === '' ? undefined : v);
  const next = withKey(m, lang, Object.keys(entry).length ? entry : undefined);
  return withKey(s, 'x-xc-i18n', Object.keys(next).length ? next : undefined);
}

/** Set the form's title in a language. */
export function setFormTitle(def: JsonSchema, lang: string, text: string): JsonSchema {
  if (!isObj(def)) return def;
  return lang === 'zh-CN' ? withKey(def, 'title', text === '' ? undefined : text) : withI18n(def, lang, 'title', text);
}

function withHint(s: Obj, lang: string, text: string): Obj {
  const k = hintKey(s);
  const own = s[k];
  if (lang === 'zh-CN') {
    if (isObj(own)) return { ...s, [k]: withKey(own, 'zh-CN', text === '' ? undefined : text) };
    return withKey(s, k, text === '' ? undefined : text);
  }
  if (k === 'x-xc-help' && isObj(own)) return { ...s, [k]: withKey(own, lang, text === '' ? undefined : text) };
  return withI18n(s, lang, k === 'x-xc-help' ? 'help' : 'description', text);
}

/* ---------------------------------------------------------- writing options */

/** Write options back in the form they came (`enum` + labels, or `oneOf` branches). */
function withOptions(s: Obj, options: FormOption[], form: 'enum' | 'oneOf'): Obj {
  const arrayField = s['type'] === 'array' || (isObj(s['items']) && !hasOwn(s, 'enum') && !hasOwn(s, 'oneOf'));
  let host: Obj = arrayField ? (isObj(s['items']) ? s['items'] : {}) : s;
  let outer = s;
  if (form === 'oneOf') {
    const old = constBranches(host['oneOf']) ?? [];
    const branches = options.map((o, i) => {
      const prev = old.find((b) => deepEqual(b['const'], o.value)) ?? old[i] ?? {};
      let b: Obj = { ...prev, const: o.value, title: o.label };
      if (!o.label) b = withKey(b, 'title', undefined);
      return withI18n(b, 'en', 'title', o.labelEn);
    });
    host = { ...host, oneOf: branches };
  } else {
    host = { ...host, enum: options.map((o) => o.value) };
    // English labels stay where they were written: on the items, else on the array field itself.
    const onOuter = arrayField && !isObj(i18nEntry(host, 'en')['options']) && (isObj(i18nEntry(s, 'en')['options']) || !isObj(host['x-xc-i18n']));
    const labelled: Record<string, Obj> = {};
    for (const lang of ['zh-CN', 'en']) {
      const entries = options.filter((o) => (lang === 'en' ? o.labelEn : o.label !== String(o.value) ? o.label : '')).map((o) => [String(o.value), lang === 'en' ? o.labelEn : o.label] as const);
      labelled[lang] = Object.fromEntries(entries);
    }
    const write = (target: Obj) => {
      let out = target;
      for (const lang of ['zh-CN', 'en']) {
        const m = isObj(out['x-xc-i18n']) ? out['x-xc-i18n'] : {};
        const entry = isObj(m[lang]) ? m[lang] : {};
        const next = withKey(entry, 'options', Object.keys(labelled[lang]!).length ? labelled[lang] : undefined);
        const nm = withKey(m, lang, Object.keys(next).length ? next : undefined);
        out = withKey(out, 'x-xc-i18n', Object.keys(nm).length ? nm : undefined);
      }
      return out;
    };
    if (onOuter) outer = write(outer);
    else host = write(host);
  }
  return arrayField ? { ...outer, items: host } : host;
}

/* --------------------------------------------------------------- the steps */

/** The options a field has (after any change), in their form; null when the field has none. */
function optionsOfField(def: JsonSchema, id: string): { s: Obj; options: FormOption[]; form: 'enum' | 'oneOf' } | null {
  const f = formField(def, id);
  const at = locate(def, id);
  if (!f || !at || f.advanced || !isObj(at.s) || !OPTION_WIDGETS.includes(f.widget as FormWidget)) return null;
  return { s: at.s, options: f.options, form: f.optionForm ?? 'enum' };
}

function replaceField(def: JsonSchema, id: string, s: unknown): JsonSchema {
  const at = locate(def, id);
  if (!at) return def;
  return withContainer(def, at.parent, { ...at.c, properties: { ...props(at.c), [at.key]: s } });
}

/** Add an option (`label` in Chinese): an `enum` value, or a `oneOf` branch with a fresh value. */
export function addFormOption(def: JsonSchema, id: string, label: string): JsonSchema {
  const o = optionsOfField(def, id);
  if (!o) return def;
  let value: unknown = label;
  if (o.form === 'oneOf') {
    const taken = new Set(o.options.map((x) => String(x.value)));
    let n = o.options.length + 1;
    while (taken.has(`option-${n}`)) n++;
    value = `option-${n}`;
  }
  return replaceField(def, id, withOptions(o.s, [...o.options, { value, label, labelEn: '' }], o.form));
}

/** Rename an option in a language; a Chinese rename of an `enum` option changes its value (the value is its label). */
export function renameFormOption(def: JsonSchema, id: string, index: number, lang: string, text: string): JsonSchema {
  const o = optionsOfField(def, id);
  const old = o?.options[index];
  if (!o || !old) return def;
  const next = { ...old };
  if (lang !== 'zh-CN') next.labelEn = text;
  else if (o.form === 'enum' && typeof old.value === 'string') {
    next.value = text;
    next.label = text;
  } else next.label = text;
  const out = replaceField(def, id, withOptions(o.s, o.options.map((x, i) => (i === index ? next : x)), o.form));
  // A condition beside it naming the old value names the new one (not when another option has either value: it would change whose it is).
  const others = o.options.filter((_, i) => i !== index).map((x) => x.value);
  return next.value === old.value || others.includes(next.value) || others.includes(old.value) ? out : withConditionValue(out, id, old.value, next.value);
}

/** Conditions (`x-xc-hidden` equals / not equals) of the fields beside `id` that name `from` as its value name `to`; kept as written otherwise. */
function withConditionValue(def: JsonSchema, id: string, from: unknown, to: unknown): JsonSchema {
  const at = locate(def, id);
  if (!at) return def;
  let changed = false;
  const siblings: Obj = {};
  for (const [k, s] of Object.entries(props(at.c))) {
    siblings[k] = s;
    const h = isObj(s) && k !== at.key ? s['x-xc-hidden'] : undefined;
    const c = simpleCondition(h);
    if (!isObj(s) || !isObj(h) || !c || !('value' in c) || c.field !== at.key || c.value !== from) continue;
    siblings[k] = { ...s, 'x-xc-hidden': c.show === 'equals' ? { ...h, not: { ...(h['not'] as Obj), const: to } } : { ...h, const: to } };
    changed = true;
  }
  let c: Obj = changed ? { ...at.c, properties: siblings } : at.c;
  // The enclosing object's own conditions (`if` / `then` / `else`, `allOf`…) naming the value.
  for (const w of LOGIC)
    if (hasOwn(c, w)) {
      const y = renameInLogic(c[w], at.key, from, to, 0);
      if (y !== c[w]) c = { ...c, [w]: y };
    }
  return c === at.c ? def : withContainer(def, at.parent, c);
}

const LOGIC = ['if', 'then', 'else', 'not', 'allOf', 'anyOf', 'oneOf'];

/** `properties[key].const` / `.enum` naming `from` name `to`, through the conditions' own logic keywords (not into other fields' schemas). */
function renameInLogic(s: unknown, key: string, from: unknown, to: unknown, depth: number): unknown {
  if (depth > 16) return s;
  if (Array.isArray(s)) {
    const out = s.map((x) => renameInLogic(x, key, from, to, depth + 1));
    return out.some((x, i) => x !== s[i]) ? out : s;
  }
  if (!isObj(s)) return s;
  let out: Obj = s;
  const p = s['properties'];
  const k = isObj(p) ? p[key] : undefined;
  if (isObj(p) && isObj(k)) {
    let nk: Obj = k;
    if (hasOwn(k, 'const') && k['const'] === from) nk = { ...nk, const: to };
    const e = k['enum'];
    if (Array.isArray(e) && e.includes(from)) nk = { ...nk, enum: e.map((x) => (x === from ? to : x)) };
    if (nk !== k) out = { ...out, properties: { ...p, [key]: nk } };
  }
  for (const w of LOGIC)
    if (hasOwn(out, w)) {
      const y = renameInLogic(out[w], key, from, to, depth + 1);
      if (y !== out[w]) out = { ...out, [w]: y };
    }
  return out;
}

/** Remove an option. */
export function removeFormOption(def: JsonSchema, id: string, index: number): JsonSchema {
  const o = optionsOfField(def, id);
  if (!o || !o.options[index]) return def;
  return replaceField(def, id, withOptions(o.s, o.options.filter((_, i) => i !== index), o.form));
}

/** Move an option one place up (-1) or down (1). */
export function moveFormOption(def: JsonSchema, id: string, index: number, delta: -1 | 1): JsonSchema {
  const o = optionsOfField(def, id);
  const to = index + delta;
  if (!o || !o.options[index] || to < 0 || to >= o.options.length) return def;
  const list = o.options.slice();
  [list[index], list[to]] = [list[to]!, list[index]!];
  return replaceField(def, id, withOptions(o.s, list, o.form));
}

const OWNED = ['enum', 'oneOf', 'items', 'uniqueItems', 'format'];

/** A schema switched to another widget: type, format and options follow; other keywords stay. */
function withWidget(s: Obj, w: FormWidget, current: FormWidget, newKey: string): Obj | null {
  if (w === current) return s;
  const object = (x: FormWidget) => x === 'person' || x === 'fieldset';
  const hasFields = Object.keys(props(s)).length > 0;
  if (object(current) && !object(w) && hasFields) return null;
  const { options, form } = readOptions(s);
  let out: Obj = { ...s };
  for (const k of OWNED) delete out[k];
  if (w === 'fieldset') delete out['x-xc-widget'];
  else out['x-xc-widget'] = w;
  const setType = (t: string) => (out = { ...out, type: t });
  switch (w) {
    case 'text':
    case 'textarea':
      setType('string');
      break;
    case 'date':
      setType('string');
      out['format'] = 'date';
      break;
    case 'datetime':
      setType('string');
      out['format'] = 'date-time';
      break;
    case 'number':
      setType(s['type'] === 'integer' ? 'integer' : 'number');
      break;
    case 'checkbox':
      setType('boolean');
      break;
    case 'select':
    case 'radio': {
      const cur = str(s['type']);
      const itemsType = isObj(s['items']) ? str(s['items']['type']) : '';
      const scalar = (x: string) => x === 'string' || x === 'number' || x === 'integer';
      setType(!options.length ? 'string' : scalar(cur) ? cur : scalar(itemsType) ? itemsType : 'string');
      // Options on an array's items move to the field (kept in their form, labels too).
      out = withOptions(out, options, form ?? 'enum');
      break;
    }
    case 'checkboxes': {
      const itemType = SCALAR_TYPES.has(str(s['type'])) && s['type'] !== 'boolean' ? str(s['type']) : 'string';
      out = { ...out, type: 'array', uniqueItems: true, items: { type: itemType } };
      out = withOptions(out, options, form ?? 'enum');
      break;
    }
    case 'person':
    case 'fieldset':
      setType('object');
      if (!isObj(s['properties'])) out['properties'] = { [newKey]: { type: 'string', 'x-xc-widget': 'text' } };
      break;
  }
  if (!object(w)) for (const k of ['properties', 'required', 'x-xc-order', 'additionalProperties']) delete out[k];
  return out;
}

function writeCondition(s: Obj, c: FormCondition): Obj {
  switch (c.show) {
    case 'always':
      return withKey(s, 'x-xc-hidden', undefined);
    case 'equals':
      return { ...s, 'x-xc-hidden': { not: { field: c.field, const: c.value } } };
    case 'notEquals':
      return { ...s, 'x-xc-hidden': { field: c.field, const: c.value } };
    case 'filled':
      return { ...s, 'x-xc-hidden': { field: c.field, empty: true } };
    case 'empty':
      return { ...s, 'x-xc-hidden': { field: c.field, empty: false } };
    default:
      return s;
  }
}

/**
 * Change a field. Labels and hints of `zh-CN` are the schema's own (`title`, `x-xc-help` or
 * `description`), English ones go to `x-xc-i18n.en`; `required` is the enclosing object's list; a
 * new widget brings its type, format and options along; `schema` replaces the whole schema (the
 * JSON of an advanced field). Its key never changes. Unchanged when there is no such field.
 */
export function updateFormField(def: JsonSchema, id: string, patch: FormFieldPatch, seen: Iterable<string> = []): JsonSchema {
  const at = locate(def, id);
  if (!at) return def;
  let c = at.c;
  let s: unknown = at.s;
  if (patch.schema !== undefined && (isObj(patch.schema) || typeof patch.schema === 'boolean')) s = patch.schema;
  if (isObj(s)) {
    let o: Obj = s;
    // An empty label is no title at all (what a field without one reads as).
    if (patch.label !== undefined) o = patch.label === '' ? withKey(o, 'title', undefined) : { ...o, title: patch.label };
    if (patch.labelEn !== undefined) o = withI18n(o, 'en', 'title', patch.labelEn);
    if (patch.hint !== undefined) o = withHint(o, 'zh-CN', patch.hint);
    if (patch.hintEn !== undefined) o = withHint(o, 'en', patch.hintEn);
    if (patch.condition !== undefined && simpleCondition(o['x-xc-hidden']) !== null) o = writeCondition(o, patch.condition);
    if (patch.widget !== undefined && (patch.widget === 'fieldset' || (FORM_WIDGETS as readonly string[]).includes(patch.widget))) {
      const f = view({ properties: { [at.key]: o } }, at.key, at.parent, at.parent.length);
      const nested = at.parent.length > 0 && (patch.widget === 'person' || patch.widget === 'fieldset');
      if (!f.advanced && f.widget && !nested) o = withWidget(o, patch.widget, f.widget, freshFieldKey(def, seen)) ?? o;
    }
    s = o;
  }
  if (patch.required !== undefined) c = withRequired(c, at.key, patch.required);
  if (s !== at.s) c = { ...c, properties: { ...props(c), [at.key]: s } };
  if (c === at.c) return def;
  return withContainer(def, at.parent, c);
}

/** Options of {@link addFormField}. */
export interface AddFormFieldOptions {
  /** The fieldset to add to ('' or absent: the form itself). */
  parent?: string;
  /** Position in display order (default: last). */
  index?: number;
  /** `fieldset` adds a fieldset with one text field; default `text`. */
  widget?: FormWidget;
  /** Keys the session has met (never given again). */
  seen?: Iterable<string>;
}

/** Add an empty field (a fresh key); returns the definition and the new field's id, or null when the parent is not a fieldset. */
export function addFormField(def: JsonSchema, options: AddFormFieldOptions = {}): { definition: JsonSchema; id: string } | null {
  if (!isObj(def)) return null;
  const parent = options.parent ? formFieldKeys(options.parent) : [];
  const c = parent.length === 1 && !advancedReason(props(def)[parent[0]!], 0) ? containerAt(def, parent) : parent.length ? null : def;
  if (!c) return null;
  const seen = [...(options.seen ?? [])];
  const key = freshFieldKey(def, seen);
  const widget = options.widget ?? 'text';
  const objectField = widget === 'fieldset' || widget === 'person';
  if (objectField && parent.length) return null;
  let s: Obj = { type: 'string', 'x-xc-widget': 'text' };
  if (widget !== 'text') s = withWidget(s, widget, 'text', freshFieldKey(def, [...seen, key])) ?? s;
  const order = orderOf(c);
  const index = options.index === undefined || !Number.isInteger(options.index) ? order.length : Math.min(Math.max(0, options.index), order.length);
  const next = withOrder({ ...c, properties: { ...props(c), [key]: s } }, [...order.slice(0, index), key, ...order.slice(index)]);
  return { definition: withContainer(def, parent, next), id: formFieldId([...parent, key]) };
}

/** Take a field out of its container (properties, required, order). */
function without(c: Obj, key: string): Obj {
  let out: Obj = { ...c, properties: withKey(props(c), key, undefined) };
  out = withRequired(out, key, false);
  if (Array.isArray(out['x-xc-order'])) out = { ...out, 'x-xc-order': (out['x-xc-order'] as unknown[]).filter((k) => k !== key) };
  return out;
}

/**
 * Move a field to `index` (display order) in `parent` ('' = the form; a fieldset's id): it keeps
 * its key, schema and whether it is required. Unchanged when it cannot go there (a fieldset into a
 * fieldset, a key the target already has, the form's last field).
 */
export function moveFormFieldTo(def: JsonSchema, id: string, parent: string, index: number): JsonSchema {
  const at = locate(def, id);
  if (!at) return def;
  const target = parent ? formFieldKeys(parent) : [];
  if (target.length > 1) return def;
  const same = target.join('/') === at.parent.join('/') && target.length === at.parent.length;
  if (same) {
    const order = orderOf(at.c).filter((k) => k !== at.key);
    const i = Math.min(Math.max(0, index), order.length);
    return withContainer(def, at.parent, withOrder(at.c, [...order.slice(0, i), at.key, ...order.slice(i)]));
  }
  const f = view(at.c, at.key, at.parent, at.parent.length);
  if (target.length && (f.widget === 'fieldset' || f.widget === 'person') && !f.advanced) return def;
  if (target.length && isObj(at.s) && (isObj(at.s['properties']) || at.s['type'] === 'object')) return def;
  const required = isRequired(at.c, at.key);
  // Out of the source…
  let d = withContainer(def, at.parent, without(at.c, at.key));
  if (!at.parent.length && !Object.keys(props(d)).length) return def;
  const tc = containerAt(d, target);
  if (!tc || (target.length && advancedReason(props(d)[target[0]!], 0)) || hasOwn(props(tc), at.key)) return def;
  // …into the target.
  const order = orderOf(tc);
  const i = Math.min(Math.max(0, index), order.length);
  let next = withOrder({ ...tc, properties: { ...props(tc), [at.key]: at.s } }, [...order.slice(0, i), at.key, ...order.slice(i)]);
  if (required) next = withRequired(next, at.key, true);
  d = withContainer(d, target, next);
  return d;
}

/**
 * Move a field one place up (-1) or down (1), as a keyboard user expects: among its siblings; a
 * field at a fieldset's edge steps out of it (before or after it), and a field next to a fieldset
 * steps into it (to its end going up, its start going down). A fieldset moves among the form's
 * fields. Unchanged when it cannot move.
 */
export function moveFormField(def: JsonSchema, id: string, delta: -1 | 1): JsonSchema {
  const at = locate(def, id);
  if (!at) return def;
  const order = orderOf(at.c);
  const i = order.indexOf(at.key);
  const to = i + delta;
  if (at.parent.length) {
    if (to >= 0 && to < order.length) return moveFormFieldTo(def, id, formFieldId(at.parent), to);
    const rootOrder = orderOf(def);
    const fi = rootOrder.indexOf(at.parent[0]!);
    return moveFormFieldTo(def, id, '', delta < 0 ? fi : fi + 1);
  }
  const other = order[to];
  if (other === undefined) return def;
  const me = view(def as Obj, at.key, [], 0);
  const next = view(def as Obj, other, [], 0);
  const fieldset = (f: FormFieldView) => !f.advanced && (f.widget === 'fieldset' || f.widget === 'person');
  if (!fieldset(me) && fieldset(next) && !hasOwn(props(next.schema), at.key)) {
    const moved = moveFormFieldTo(def, id, next.id, delta < 0 ? orderOf(next.schema).length : 0);
    if (moved !== def) return moved;
  }
  return moveFormFieldTo(def, id, '', to);
}

/** A copy of a field (a fresh key, required as it is) right after it; returns the copy's id. */
export function duplicateFormField(def: JsonSchema, id: string, seen: Iterable<string> = []): { definition: JsonSchema; id: string } | null {
  const at = locate(def, id);
  if (!at) return null;
  const key = freshFieldKey(def, seen);
  const order = orderOf(at.c);
  const i = order.indexOf(at.key) + 1;
  let c = withOrder({ ...at.c, properties: { ...props(at.c), [key]: clone(at.s) } }, [...order.slice(0, i), key, ...order.slice(i)]);
  if (isRequired(at.c, at.key)) c = withRequired(c, key, true);
  return { definition: withContainer(def, at.parent, c), id: formFieldId([...at.parent, key]) };
}

/**
 * Remove a field (and a fieldset's fields); returns the ids removed ([] when it is the form's last field,
 * which stays). The keys removed join the object's `x-xc-retired`, which the definition keeps when it is
 * saved, so no later version gives one of them to a new field (a record made with this version would
 * otherwise have its answer read as the new field's).
 */
export function removeFormField(def: JsonSchema, id: string): { definition: JsonSchema; removed: string[] } {
  const at = locate(def, id);
  if (!at) return { definition: def, removed: [] };
  if (!at.parent.length && Object.keys(props(def)).length === 1) return { definition: def, removed: [] };
  const f = view(at.c, at.key, at.parent, at.parent.length);
  const was = Array.isArray(at.c['x-xc-retired']) ? (at.c['x-xc-retired'] as unknown[]) : [];
  const retired = [...new Set([...was, ...[f, ...f.children].map((x) => x.key)])];
  const c = { ...without(at.c, at.key), 'x-xc-retired': retired };
  return { definition: withContainer(def, at.parent, c), removed: [f.id, ...f.children.map((x) => x.id)] };
}

/* --------------------------------------------------------- checks, changes */

/**
 * What the author must fix besides the meta-schema's errors: a field without a label, a choice
 * without options (or with an empty or repeated one), a condition naming a field that is not beside
 * it or a value that field cannot take.
 */
export function formProblems(def: unknown): FormProblem[] {
  const out: FormProblem[] = [];
  const check = (fields: FormFieldView[]) => {
    for (const f of fields) {
      if (!f.advanced && !f.label.trim()) out.push({ id: f.id, control: 'label', code: 'emptyLabel' });
      if (!f.advanced && OPTION_WIDGETS.includes(f.widget as FormWidget)) {
        if (!f.options.length) out.push({ id: f.id, control: 'options', code: 'noOptions' });
        const seenValues: unknown[] = [];
        f.options.forEach((o, i) => {
          if (o.value === '' || !o.label.trim()) out.push({ id: f.id, control: 'options', code: 'emptyOption', detail: String(i + 1) });
          else if (seenValues.some((v) => deepEqual(v, o.value))) out.push({ id: f.id, control: 'options', code: 'sameOption', detail: String(i + 1) });
          seenValues.push(o.value);
        });
      }
      const cond = f.condition;
      if (!f.advanced && cond.show !== 'always') {
        const sibling = fields.find((x) => x.key === cond.field);
        const self = cond.field === f.key;
        if (!sibling && !self) out.push({ id: f.id, control: 'condition', code: 'conditionField', detail: cond.field });
        else if ((cond.show === 'equals' || cond.show === 'notEquals') && sibling && sibling.options.length && !sibling.options.some((o) => deepEqual(o.value, cond.value)))
          out.push({ id: f.id, control: 'condition', code: 'conditionValue', detail: cond.field });
      }
      check(f.children);
    }
  };
  check(formFields(def));
  return out;
}

/** Where an error path of the meta-schema (`properties.kind.enum.0`) points: a field's control, or the form's own (`id` ''). */
export function placeOfFormError(path: string, def?: unknown): { id: string; control: FormControl } {
  const segs = typeof path === 'string' && path ? path.split('.') : [];
  const keys: string[] = [];
  let i = 0;
  while (keys.length < 2 && segs[i] === 'properties' && segs[i + 1] !== undefined) {
    keys.push(segs[i + 1]!);
    i += 2;
  }
  if (!keys.length) return { id: '', control: 'title' };
  // A deeper field than the editor shows, or one inside an advanced field: the nearest field it shows.
  let id = formFieldId(keys);
  if (def !== undefined && !formField(def, id)) {
    id = formFieldId(keys.slice(0, 1));
    i = 2;
  }
  const f = def !== undefined ? formField(def, id) : null;
  if (f?.advanced || (f && segs.length > i && segs[i] === 'properties')) return { id, control: 'json' };
  const rest = segs[i];
  const sub = segs[i + 2];
  let control: FormControl = 'json';
  if (rest === undefined || rest === 'title') control = 'label';
  else if (rest === 'x-xc-i18n') control = sub === 'title' ? 'label' : sub === 'help' || sub === 'description' ? 'hint' : sub === 'options' ? 'options' : 'json';
  else if (rest === 'enum' || rest === 'oneOf' || rest === 'items') control = 'options';
  else if (rest === 'x-xc-hidden') control = 'condition';
  else if (rest === 'x-xc-help' || rest === 'description') control = 'hint';
  else if (rest === 'x-xc-widget' || rest === 'type' || rest === 'format') control = 'widget';
  else if (f && !f.advanced) control = 'widget';
  return { id, control };
}

/** Compare two versions by field id: fields removed, added and relabelled. */
export function formChanges(saved: unknown, edited: unknown): FormChanges {
  const before = new Map(allFormFields(saved).map((f) => [f.id, f]));
  const after = new Map(allFormFields(edited).map((f) => [f.id, f]));
  return {
    removed: [...before.keys()].filter((id) => !after.has(id)),
    added: [...after.keys()].filter((id) => !before.has(id)),
    relabelled: [...after.keys()].filter((id) => before.has(id) && (before.get(id)!.label !== after.get(id)!.label || before.get(id)!.labelEn !== after.get(id)!.labelEn)),
  };
}

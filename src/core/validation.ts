import { zh as localizeZh, en as localizeEn } from '../generated/localize.js';
import { resolveLocale } from './i18n.js';
import { textOf, type LocalizedText } from './text.js';
import type { FieldError, JsonSchema, ValidateFunction, ValidationErrorObject, ValidationResult } from './validation-types.js';

export type { FieldError, JsonSchema, ValidateFunction, ValidationErrorObject, ValidationResult };

export { pointerToSegments, segmentsToPath } from './pointer.js';
import { pointerToSegments, refTarget, segmentsToPath } from './pointer.js';

/** Resolve a local `$ref` ("#/$defs/x") inside `root`. Other refs are left unresolved. */
export function resolveRef(node: JsonSchema | undefined, root: JsonSchema, depth = 0): JsonSchema | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const ref = node['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#') || depth > 32) return node;
  const target = refTarget(root, ref);
  if (!target || typeof target !== 'object') return undefined;
  const { $ref: _ignored, ...rest } = node;
  const merged = { ...(target as JsonSchema), ...rest };
  return resolveRef(merged, root, depth + 1);
}

/** Every subschema that can describe the members of `node`: itself plus its allOf/then/else/anyOf/oneOf branches. */
function branches(node: JsonSchema, root: JsonSchema, seen = new Set<JsonSchema>()): JsonSchema[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const out = [node];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) for (const s of list) {
      const r = resolveRef(s as JsonSchema, root);
      if (r) out.push(...branches(r, root, seen));
    }
  }
  for (const key of ['then', 'else']) {
    const r = resolveRef(node[key] as JsonSchema, root);
    if (r) out.push(...branches(r, root, seen));
  }
  return out;
}

/** The subschema that describes the value at `segments` (follows properties, items, prefixItems, local $refs and conditional branches). */
export function schemaAt(root: JsonSchema, segments: readonly (string | number)[]): JsonSchema | undefined {
  let node = resolveRef(root, root);
  for (const raw of segments) {
    if (!node) return undefined;
    const seg = String(raw);
    let next: JsonSchema | undefined;
    for (const b of branches(node, root)) {
      const props = b['properties'] as Record<string, JsonSchema> | undefined;
      if (props && typeof props === 'object' && seg in props) { next = props[seg]; break; }
      if (/^\d+$/.test(seg)) {
        const prefix = b['prefixItems'];
        if (Array.isArray(prefix) && Number(seg) < prefix.length) { next = prefix[Number(seg)] as JsonSchema; break; }
        if (b['items'] && typeof b['items'] === 'object') { next = b['items'] as JsonSchema; break; }
      }
      if (b['additionalProperties'] && typeof b['additionalProperties'] === 'object') next = b['additionalProperties'] as JsonSchema;
    }
    node = resolveRef(next, root);
  }
  return node;
}

type Localize = (errors?: ValidationErrorObject[] | null) => void;
const localizers: Record<string, Localize> = { zh: localizeZh, en: localizeEn };

/** The field's own message for a keyword, from its `x-xc-messages` annotation. */
function override(field: JsonSchema | undefined, keyword: string, lang: string): string | undefined {
  const messages = field?.['x-xc-messages'] as Record<string, LocalizedText> | undefined;
  if (!messages || typeof messages !== 'object') return undefined;
  const m = messages[keyword] ?? messages['default'];
  return m == null ? undefined : textOf(m, lang);
}

/**
 * Turn raw ajv errors into field errors: one per field and problem, each with a
 * dotted path and a message in `lang` (zh-CN default). A field's `x-xc-messages`
 * (`{"required": "请填写谈话地点", "pattern": …, "default": …}`) wins over generic text.
 */
export function toFieldErrors(errors: readonly ValidationErrorObject[] | null | undefined, schema: JsonSchema, lang: string): FieldError[] {
  if (!errors?.length) return [];
  const t = resolveLocale(lang);
  const copies = errors.map((e) => ({ ...e, params: { ...e.params } }));
  const base = t.lang.split('-')[0]!;
  (localizers[base] ?? localizeZh)(copies);
  // A oneOf failure explains itself: drop its branch errors at the same place.
  const oneOfs = copies.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of copies) {
    if (e.keyword === 'if') continue;
    if (
      oneOfs.some((o) => o !== e && e.instancePath === o.instancePath && e.schemaPath.startsWith(o.schemaPath.replace(/\/(oneOf|anyOf)$/, '') + '/' + o.keyword + '/'))
    ) continue;
    const segments = pointerToSegments(e.instancePath);
    let message: string | undefined;
    let path: string;
    if (e.keyword === 'required' || e.keyword === 'dependentRequired') {
      const missing = String(e.params['missingProperty'] ?? '');
      const fieldSegments = [...segments, missing];
      path = segmentsToPath(fieldSegments);
      const field = schemaAt(schema, fieldSegments);
      const title = field ? textOf(field['title'] as LocalizedText, lang) : '';
      const isChoice = !!field && (Array.isArray(field['enum']) || Array.isArray(field['oneOf']) || field['type'] === 'boolean');
      message = override(field, 'required', lang) ?? (title ? (isChoice ? t.requiredChoice(title) : t.requiredField(title)) : t.required);
    } else {
      path = segmentsToPath(segments);
      const field = schemaAt(schema, segments);
      message = override(field, e.keyword, lang);
      if (!message && (e.keyword === 'oneOf' || e.keyword === 'enum' || e.keyword === 'const')) message = t.chooseFromList;
      message ??= e.message || t.invalidValue;
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message, keyword: e.keyword });
  }
  return out;
}

/** Validate `data` with a (precompiled or compiled) validator and translate what failed. */
export function validateWith(validate: ValidateFunction, data: unknown, schema: JsonSchema, lang = 'zh-CN'): ValidationResult {
  let valid: boolean;
  try {
    valid = validate(data) === true;
  } catch (e) {
    // A schema that refers to itself without end (`{"$ref": "#"}`) overflows the stack on every
    // check; anything else is a fault of the validator (a host's own may throw) and is said so.
    const t = resolveLocale(lang);
    const message = e instanceof RangeError ? t.validationUnavailable : t.validatorFailed(e instanceof Error ? e.message : String(e));
    return { valid: false, errors: [{ path: '', message, keyword: 'schema' }] };
  }
  if (valid) return { valid: true, errors: [] };
  const errors = toFieldErrors(validate.errors, schema, lang);
  return { valid: false, errors: errors.length ? errors : [{ path: '', message: resolveLocale(lang).invalidValue, keyword: 'unknown' }] };
}

/** Why a schema could not be turned into a validator (`too-complex`: nested too deeply, or `$ref`s in a loop). */
export type CompileFailure = 'no-compiler' | 'csp' | 'invalid-schema' | 'too-complex';

/** Something that compiles a JSON Schema to a validator (see `xc-elements/compiler`). */
export interface SchemaCompiler {
  compile(schema: JsonSchema): ValidateFunction;
}

let compiler: SchemaCompiler | null = null;
const compiled = new WeakMap<object, ValidateFunction>();

/** Install the run-time compiler (done for you by `import 'xc-elements/compiler'`). */
export function setSchemaCompiler(c: SchemaCompiler | null): void {
  compiler = c;
}

/** Whether a run-time compiler is installed. */
export function hasSchemaCompiler(): boolean {
  return compiler !== null;
}

/** Is this error what a browser throws when CSP forbids eval? */
export function isCspEvalError(e: unknown): boolean {
  if (e instanceof EvalError) return true;
  const msg = e instanceof Error ? e.message : String(e);
  return /unsafe-eval|Content Security Policy|Trusted ?Type/i.test(msg);
}

/** Compile a schema supplied at run time, reporting why it could not be done. */
export function compileSchema(
  schema: JsonSchema,
): { ok: true; validate: ValidateFunction } | { ok: false; reason: CompileFailure; detail: string } {
  const hit = compiled.get(schema);
  if (hit) return { ok: true, validate: hit };
  if (!compiler) return { ok: false, reason: 'no-compiler', detail: 'no schema compiler installed' };
  try {
    const validate = compiler.compile(schema);
    compiled.set(schema, validate);
    return { ok: true, validate };
  } catch (e) {
    if (isCspEvalError(e)) return { ok: false, reason: 'csp', detail: e instanceof Error ? e.message : String(e) };
    if (e instanceof RangeError) return { ok: false, reason: 'too-complex', detail: e.message };
    return { ok: false, reason: 'invalid-schema', detail: e instanceof Error ? e.message : String(e) };
  }
}

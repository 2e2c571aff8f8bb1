/**
 * The errors of `<xc-form>`, worked out from its field tree: put in the order of the fields,
 * the required fields checked alone while the validator is still loading, indexed by field for
 * the inline messages, and said in full for the error summary (`Interviewer 2 · Name: …`); and
 * the sentence shown in place of a form whose definition cannot be used. Pure; no DOM.
 */
import type { Messages } from '../core/i18n.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import type { FormErrorDetail } from '../events/xc-error.js';
import { flattenFields, isEmptyValue, type FieldDescriptor } from '../core/form-model.js';
import { segmentsToPath } from '../core/pointer.js';

/** The fields of a form by dotted name. */
export type FieldIndex = ReadonlyMap<string, FieldDescriptor>;

/** A dotted path, then each path it is inside, down to `''` (the record). */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let p = path; ; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
    out.push(p);
    if (!p) return out;
  }
}

/** The errors put in the order of the fields (an error of an unknown path goes where its nearest known ancestor is). */
export function inFieldOrder(r: ValidationResult, index: FieldIndex): ValidationResult {
  const order = new Map([...index.keys()].map((k, i) => [k, i]));
  const rank = (path: string) => {
    for (const p of ancestors(path)) if (order.has(p)) return order.get(p)!;
    return -1;
  };
  r.errors.sort((a, b) => rank(a.path) - rank(b.path));
  return r;
}

/** What the field tree knows without the validator: required fields that are empty. */
export function requiredOnly(model: FieldDescriptor | null, t: Messages): ValidationResult {
  const errors: FieldError[] = [];
  if (model)
    for (const f of flattenFields(model))
      if (f.required && f.path.length && isEmptyValue(f.value) && f.widget !== 'object' && f.widget !== 'array')
        errors.push({ path: f.name, message: f.messages?.['required'] ?? t.requiredField(f.label), keyword: 'required' });
  return { valid: errors.length === 0, errors };
}

/** The errors on show by field (`map`), and every path with an error at or under it (`under`). */
export function indexErrors(shown: readonly FieldError[]): { map: Map<string, FieldError[]>; under: Set<string> } {
  const map = new Map<string, FieldError[]>();
  const under = new Set<string>();
  for (const e of shown) {
    (map.get(e.path) ?? map.set(e.path, []).get(e.path)!).push(e);
    for (const p of ancestors(e.path)) under.add(p);
  }
  return { map, under };
}

/**
 * Which field an error is about, in full: the groups it is in and its label (`Interviewer 2 ·
 * Name`, `Interviewee · Name`); an array's items are named by their own labels.
 */
function where(path: string, index: FieldIndex): string[] {
  let d: FieldDescriptor | undefined;
  for (const p of ancestors(path)) if ((d = index.get(p))) break;
  if (!d || !d.path.length) return [];
  const parts: string[] = [];
  for (let i = 1; i <= d.path.length; i++) {
    const at = index.get(segmentsToPath(d.path.slice(0, i)));
    // An array followed by one of its items: the item's label (Interviewer 2) names both.
    if (!at || (at.widget === 'array' && i < d.path.length) || !at.label) continue;
    parts.push(at.label);
  }
  return parts;
}

/** The errors on show, each saying which field it is about (the inline messages stay short). */
export function summaryErrors(shown: readonly FieldError[], index: FieldIndex, t: Messages): FieldError[] {
  return shown.map((e) => {
    const at = where(e.path, index);
    // A message that already names its only label ("Enter the place") says it in full.
    if (!at.length || (at.length === 1 && e.message.includes(at[0]!))) return e;
    return { ...e, message: t.formErrorWhere(at.join(t.formPathSep), e.message) };
  });
}

/** The sentence shown in place of the form for a definition that cannot be used. */
export function problemText(problem: FormErrorDetail | null, t: Messages): string {
  switch (problem?.kind) {
    case 'csp': return t.schemaNeedsPrecompile;
    case 'no-compiler': return t.schemaNoCompiler;
    case 'no-schema': return t.formNoSchema;
    case 'load': return t.loadFailed(problem.details[0] ?? '');
    default: return t.formDefinitionInvalid;
  }
}

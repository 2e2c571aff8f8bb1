/**
 * A form definition given at run time, checked before `<xc-form>` uses it: against the
 * form-definition meta-schema (its precompiled validator, loaded on demand with the message
 * pipeline), then compiled into the record's validator when the host gave none. What is wrong
 * comes back as the `xc-error` detail, in the element's language; `problemText` is the sentence
 * the form shows in its place.
 */
import type { Messages } from '../core/i18n.js';
import type { JsonSchema, ValidateFunction } from '../core/validation-types.js';
import type { FormErrorDetail } from '../events/xc-error.js';
import { lazy } from '../base/lazy.js';

export type ValidationModule = typeof import('../core/validation.js');
/** The message pipeline (ajv-i18n, paths) loads once, with the first validator. */
export const loadValidation: () => Promise<ValidationModule> = lazy(() => import('../core/validation.js'));

/** The element's words, read when they are needed (after the validators have loaded). */
interface Speaker {
  readonly t: Messages;
  readonly effectiveLang: string;
}

/** A definition that can be used (with the record's validator), or what is wrong with it; the validation module either way. */
export type CheckedDefinition = { validation: ValidationModule } & ({ validate: ValidateFunction; problem?: undefined } | { problem: FormErrorDetail });

/** Check `schema` against the meta-schema and, without `validator`, compile it. */
export async function checkDefinition(schema: unknown, validator: ValidateFunction | null, el: Speaker): Promise<CheckedDefinition> {
  // The meta-schema validator is only needed for definitions given at run time: loaded on demand.
  const [{ formDefinition }, validation] = await Promise.all([import('../generated/validators/formDefinition.js'), loadValidation()]);
  const fail = (kind: FormErrorDetail['kind'], details: string[]): CheckedDefinition => ({ validation, problem: { kind, details } });
  const t = el.t;
  let fits: boolean;
  try {
    fits = formDefinition(schema);
  } catch (e) {
    // Nested so deeply that checking it overflows the stack; anything else is reported as it is.
    return fail('invalid', [e instanceof RangeError ? t.formDefinitionTooComplex : t.formCompileFailed(e instanceof Error ? e.message : String(e))]);
  }
  if (!fits) return fail('invalid', validation.toFieldErrors(formDefinition.errors, {}, el.effectiveLang).map((e) => t.templateInvalidDetail(e.path, e.message)));
  if (validator) return { validation, validate: validator };
  const r = validation.compileSchema(schema as JsonSchema);
  if (r.ok) return { validation, validate: r.validate };
  // ajv's own words (English) are kept for the developer, inside a sentence in the page's language.
  if (r.reason === 'invalid-schema') return fail('invalid', [t.formCompileFailed(r.detail)]);
  if (r.reason === 'too-complex') return fail('invalid', [t.formDefinitionTooComplex]);
  return fail(r.reason, []);
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

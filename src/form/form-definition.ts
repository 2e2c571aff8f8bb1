/**
 * A form definition given at run time, checked before `<xc-form>` uses it: against the
 * form-definition meta-schema (its precompiled validator, loaded with this chunk and the message
 * pipeline), then compiled into the record's validator when the host gave none. What is wrong
 * comes back as the `xc-error` detail, in the element's language. A chunk of its own, loaded only
 * for a definition given at run time (the bundled records never need it).
 */
import type { Messages } from '../core/i18n.js';
import type { JsonSchema, ValidateFunction } from '../core/validation-types.js';
import type { FormErrorDetail } from '../events/xc-error.js';

type ValidationModule = typeof import('../core/validation.js');

/** The element's words, read when they are needed (after the validators have loaded). */
interface Speaker {
  readonly t: Messages;
  readonly effectiveLang: string;
}

/** A definition that can be used (with the record's validator), or what is wrong with it; the validation module either way. */
export type CheckedDefinition = { validation: ValidationModule } & ({ validate: ValidateFunction; problem?: undefined } | { problem: FormErrorDetail });

/** Check `schema` against the meta-schema and, without `validator`, compile it (`loadValidation`: the element's loader of the message pipeline). */
export async function checkDefinition(schema: unknown, validator: ValidateFunction | null, el: Speaker, loadValidation: () => Promise<ValidationModule>): Promise<CheckedDefinition> {
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

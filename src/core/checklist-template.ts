/**
 * Reading checklist templates supplied at run time: the meta-schema check
 * (precompiled validator) plus the id checks. A module of its own so that pages
 * using only the bundled template never load the validator.
 */
import { checklistTemplate as validateTemplateMeta } from '../generated/validators/checklistTemplate.js';
import { resolveLocale } from './i18n.js';
import { toFieldErrors } from './validation.js';
import { checkTemplateIds, denormalizeTemplate, indexTemplate, normalizeTemplate, type CheckSection, type ChecklistTemplate, type ChecklistTemplateSource, type TemplateIndex } from './checklist.js';
import type { FieldError } from './validation-types.js';

/**
 * Check a template against the meta-schema (precompiled) and for duplicate ids.
 * Errors name the bad place (`sections.0.groups.2.items.3.id`). The template comes
 * back read: a focus area written with its check points directly holds them in one
 * group marked `implicit` (see `normalizeTemplate`); a template read before (with
 * such groups) is read as written.
 */
export function readChecklistTemplate(input: unknown, lang = 'zh-CN'): { ok: true; template: ChecklistTemplate; index: TemplateIndex } | { ok: false; errors: FieldError[] } {
  const t = resolveLocale(lang);
  input = asWritten(input);
  if (!validateTemplateMeta(input)) {
    const errors = toFieldErrors(validateTemplateMeta.errors, {}, lang);
    return { ok: false, errors: errors.length ? errors : [{ path: '', message: t.templateInvalid, keyword: 'unknown' }] };
  }
  const source = input as ChecklistTemplateSource;
  const errors = checkTemplateIds(source, lang);
  if (errors.length) return { ok: false, errors };
  const template = normalizeTemplate(source);
  return { ok: true, template, index: indexTemplate(template) };
}


/** A template read before, as written (checked by the meta-schema only when it has the shape of one). */
function asWritten(input: unknown): unknown {
  const o = input as { sections?: unknown } | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.sections)) return input;
  const readBefore = o.sections.every((s: unknown) => !!s && typeof s === 'object' && Array.isArray((s as CheckSection).groups) && (s as CheckSection).groups.every((g) => !!g && typeof g === 'object'));
  return readBefore ? denormalizeTemplate(input as ChecklistTemplate) : input;
}

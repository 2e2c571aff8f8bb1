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
  const source = asWritten(input);
  const errors = templateErrors(source, lang);
  if (errors.length) return { ok: false, errors };
  const template = normalizeTemplate(source as ChecklistTemplateSource);
  return { ok: true, template, index: indexTemplate(template) };
}

/**
 * The errors `readChecklistTemplate` would give for a template (none: it can be used), without
 * reading it: for a template already read and shown, whose check comes after.
 */
export function checkChecklistTemplate(input: unknown, lang = 'zh-CN'): FieldError[] {
  return templateErrors(asWritten(input), lang);
}

/** Meta-schema, then unique ids, of a template as written. */
function templateErrors(source: unknown, lang: string): FieldError[] {
  if (!validateTemplateMeta(source)) {
    const errors = toFieldErrors(validateTemplateMeta.errors, {}, lang);
    return errors.length ? errors : [{ path: '', message: resolveLocale(lang).templateInvalid, keyword: 'unknown' }];
  }
  return checkTemplateIds(source as ChecklistTemplateSource, lang);
}

/** A template read before, as written (checked by the meta-schema only when it has the shape of one). */
function asWritten(input: unknown): unknown {
  const o = input as { sections?: unknown } | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.sections)) return input;
  const readBefore = o.sections.every((s: unknown) => !!s && typeof s === 'object' && Array.isArray((s as CheckSection).groups) && (s as CheckSection).groups.every((g) => !!g && typeof g === 'object'));
  return readBefore ? denormalizeTemplate(input as ChecklistTemplate) : input;
}

/**
 * Reading checklist templates supplied at run time: the meta-schema check
 * (precompiled validator) plus the id checks. A module of its own so that pages
 * using only the bundled template never load the validator.
 */
import { checklistTemplate as validateTemplateMeta } from '../generated/validators/checklistTemplate.js';
import { resolveLocale } from './i18n.js';
import { toFieldErrors } from './validation.js';
import { checkTemplateIds, indexTemplate, type ChecklistTemplate, type TemplateIndex } from './checklist.js';
import type { FieldError } from './validation-types.js';

/**
 * Check a template against the meta-schema (precompiled) and for duplicate ids.
 * Errors name the bad place (`sections.0.groups.2.items.3.id`).
 */
export function readChecklistTemplate(input: unknown, lang = 'zh-CN'): { ok: true; template: ChecklistTemplate; index: TemplateIndex } | { ok: false; errors: FieldError[] } {
  const t = resolveLocale(lang);
  if (!validateTemplateMeta(input)) {
    const errors = toFieldErrors(validateTemplateMeta.errors, {}, lang);
    return { ok: false, errors: errors.length ? errors : [{ path: '', message: t.templateInvalid, keyword: 'unknown' }] };
  }
  const template = input as ChecklistTemplate;
  const errors = checkTemplateIds(template, lang);
  if (errors.length) return { ok: false, errors };
  return { ok: true, template, index: indexTemplate(template) };
}


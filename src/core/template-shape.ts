/**
 * The two shapes of a checklist template and the way between them: as written (a focus area holds
 * groups, or its check points directly) and as read (every focus area holds groups; one written
 * with its check points directly has one `implicit` group). A module of its own, with no other
 * code, so the template editor's page does not load the checklist's logic to use them;
 * src/core/checklist.ts re-exports both.
 */
import type { CheckSection, CheckSectionOfPoints, ChecklistTemplate, ChecklistTemplateSource } from './checklist.js';

/** Whether a focus area holds groups (else its check points directly). */
export function hasGroups(section: CheckSection | CheckSectionOfPoints): section is CheckSection {
  return Array.isArray((section as CheckSection).groups);
}

/**
 * The template with every focus area holding groups: a focus area written with its
 * check points directly gets one group marked `implicit` (its id and title are the
 * focus area's). A template that has groups everywhere is returned as it is.
 */
export function normalizeTemplate(template: ChecklistTemplateSource): ChecklistTemplate {
  if (template.sections.every(hasGroups)) return template as ChecklistTemplate;
  return {
    ...template,
    sections: template.sections.map((s) => {
      if (hasGroups(s)) return s;
      const { items, ...rest } = s;
      return { ...rest, groups: [{ id: s.id, title: s.title, items, implicit: true }] };
    }),
  };
}

/**
 * The template as written again: a focus area whose one group is `implicit` holds its
 * check points directly. Reading a template that was read before (`activeTemplate`) goes
 * through this, so it passes the meta-schema.
 */
export function denormalizeTemplate(template: ChecklistTemplate): ChecklistTemplateSource {
  const implicit = (s: CheckSection) => s.groups.length === 1 && s.groups[0]!.implicit === true;
  if (!template.sections.some(implicit)) return template;
  return {
    ...template,
    sections: template.sections.map((s) => {
      if (!implicit(s)) return s;
      const { groups, ...rest } = s;
      return { ...rest, items: groups[0]!.items };
    }),
  };
}

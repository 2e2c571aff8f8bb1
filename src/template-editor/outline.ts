/**
 * Pure helpers of <xc-template-editor> (no DOM, no strings): a template given in either shape
 * read safely for editing, the exact text of one language of a field, the DOM ids of the fields,
 * the languages edited, and a fresh option value.
 */
import type { ChecklistTemplate, ChecklistTemplateSource, TemplateOption } from '../core/checklist.js';
import { normalizeTemplate } from '../core/template-shape.js';
import { isObj } from '../core/obj.js';
import type { LocalizedText } from '../core/text.js';

/** The option lists a template has, in the order the editor shows them. */
export const OPTION_LISTS = ['findings', 'methods', 'evidenceKinds', 'categories', 'scopes'] as const;
export type OptionList = (typeof OPTION_LISTS)[number];

/** The languages the editor edits and previews. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const asLang = (l: string): Lang => (l.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

/** A DOM id for a node's field, by indexes (ids of a template may hold any character). */
export const fieldId = (s: number, g: number, i: number, field: string): string => `n${s}-${g}-${i}-${field}`;
/** A DOM id for an option's field. */
export const optionId = (list: string, i: number, field: string): string => `o-${list}-${i}-${field}`;

/** The stem of a new option's value, per list (`method-3`). */
export const OPTION_STEM: Record<OptionList, string> = { findings: 'finding', methods: 'method', evidenceKinds: 'evidence', categories: 'category', scopes: 'scope' };

const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObj) : []);

/**
 * A template given in either shape (or anything else) as the editor holds it: read
 * (`normalizeTemplate`), with every list the steps walk present. What is not a template at all
 * gives `null` (the caller starts from an empty one).
 */
export function editableTemplate(input: unknown): ChecklistTemplate | null {
  if (!isObj(input) || !Array.isArray(input.sections)) return null;
  const sections = objects(input.sections).map((s) => {
    if (Array.isArray(s.groups)) return { ...s, groups: objects(s.groups).map((g) => ({ ...g, items: objects(g.items) })) };
    return { ...s, items: objects(s.items) };
  });
  return normalizeTemplate({ ...(input as unknown as ChecklistTemplateSource), sections: sections as unknown as ChecklistTemplateSource['sections'], findings: objects(input.findings) as unknown as ChecklistTemplateSource['findings'] });
}

/** The text of exactly one language of a field ('' when it has none: no fallback, so the author sees what is missing). */
export function exactText(text: LocalizedText | undefined, lang: string): string {
  if (typeof text === 'string') return lang === 'zh-CN' ? text : '';
  if (isObj(text)) {
    const v = (text as Record<string, unknown>)[lang];
    return typeof v === 'string' ? v : '';
  }
  return '';
}

/** Whether a field's text is empty in some language it has (what the meta-schema refuses). */
export function isEmptyText(text: unknown): boolean {
  if (text === undefined || text === null) return true;
  if (typeof text === 'string') return text.trim() === '';
  if (isObj(text)) return Object.values(text).some((v) => typeof v !== 'string' || v.trim() === '');
  return false;
}

/** A fresh option value for a list: its stem and the first number no option of `taken` has. */
export function freshOptionValue(list: OptionList, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${OPTION_STEM[list]}-${n}`)) return `${OPTION_STEM[list]}-${n}`;
}

/** The values of every option of a list in these templates. */
export function optionValues(list: OptionList, ...templates: (Partial<ChecklistTemplate> | null | undefined)[]): string[] {
  return templates.flatMap((t) => (Array.isArray(t?.[list]) ? (t![list] as TemplateOption[]).map((o) => String(o?.value)) : []));
}

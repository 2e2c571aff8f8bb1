/**
 * Pure helpers of <xc-template-editor> (no DOM, no strings): a template given in either shape
 * read safely for editing, the exact text of one language of a field, where a meta-schema error
 * points in the editor's form, and the next version when only the lists changed.
 */
import type { ChecklistTemplate, ChecklistTemplateSource, TemplateOption } from '../core/checklist.js';
import { normalizeTemplate } from '../core/template-shape.js';
import type { LocalizedText } from '../core/text.js';

/** The option lists a template has, in the order the editor shows them. */
export const OPTION_LISTS = ['findings', 'methods', 'evidenceKinds', 'categories', 'scopes'] as const;
export type OptionList = (typeof OPTION_LISTS)[number];

/** The stem of a new option's value, per list (`method-3`). */
export const OPTION_STEM: Record<OptionList, string> = { findings: 'finding', methods: 'method', evidenceKinds: 'evidence', categories: 'category', scopes: 'scope' };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * A template given in either shape (or anything else) as the editor holds it: read
 * (`normalizeTemplate`), with every list the steps walk present. What is not a template at all
 * gives `null` (the caller starts from an empty one).
 */
export function editableTemplate(input: unknown): ChecklistTemplate | null {
  if (!isObject(input) || !Array.isArray(input.sections)) return null;
  const sections = objects(input.sections).map((s) => {
    if (Array.isArray(s.groups)) return { ...s, groups: objects(s.groups).map((g) => ({ ...g, items: objects(g.items) })) };
    return { ...s, items: objects(s.items) };
  });
  return normalizeTemplate({ ...(input as unknown as ChecklistTemplateSource), sections: sections as unknown as ChecklistTemplateSource['sections'], findings: objects(input.findings) as unknown as ChecklistTemplateSource['findings'] });
}

/** The text of exactly one language of a field ('' when it has none: no fallback, so the author sees what is missing). */
export function exactText(text: LocalizedText | undefined, lang: string): string {
  if (typeof text === 'string') return lang === 'zh-CN' ? text : '';
  if (isObject(text)) {
    const v = (text as Record<string, unknown>)[lang];
    return typeof v === 'string' ? v : '';
  }
  return '';
}

/** Whether a field's text is empty in some language it has (what the meta-schema refuses). */
export function isEmptyText(text: unknown): boolean {
  if (text === undefined || text === null) return true;
  if (typeof text === 'string') return text.trim() === '';
  if (isObject(text)) return Object.values(text).some((v) => typeof v !== 'string' || v.trim() === '');
  return false;
}

/** Where an error points in the editor: a node's field (by indexes, as read), an option's, or the template's own. */
export type ErrorPlace =
  | { at: 'node'; section: number; group: number; item: number; field: string }
  | { at: 'option'; list: OptionList; index: number; field: string }
  | { at: 'template'; field: string }
  | { at: 'none' };

/**
 * Where an error path of the meta-schema (`sections.0.groups.2.items.3.text`, or for a focus area
 * written without groups `sections.0.items.3.text`) points; `text.en` points at `text`.
 */
export function placeOf(path: string): ErrorPlace {
  const p = path.split('.');
  const num = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : -1);
  if (p[0] === 'sections') {
    const section = num(p[1]);
    if (section < 0) return { at: 'none' };
    if (p[2] === 'groups') {
      const group = num(p[3]);
      if (group < 0) return { at: 'node', section, group: -1, item: -1, field: 'title' };
      if (p[4] === 'items') {
        const item = num(p[5]);
        return item < 0 ? { at: 'node', section, group, item: -1, field: 'title' } : { at: 'node', section, group, item, field: p[6] ?? 'text' };
      }
      return { at: 'node', section, group, item: -1, field: p[4] ?? 'title' };
    }
    if (p[2] === 'items') {
      const item = num(p[3]);
      return item < 0 ? { at: 'node', section, group: -1, item: -1, field: 'title' } : { at: 'node', section, group: 0, item, field: p[4] ?? 'text' };
    }
    return { at: 'node', section, group: -1, item: -1, field: p[2] ?? 'title' };
  }
  if ((OPTION_LISTS as readonly string[]).includes(p[0]!)) {
    const index = num(p[1]);
    return index < 0 ? { at: 'option', list: p[0] as OptionList, index: -1, field: 'list' } : { at: 'option', list: p[0] as OptionList, index, field: p[2] ?? 'label' };
  }
  if (p[0] === '' || p[0] === undefined) return { at: 'none' };
  return { at: 'template', field: p[0]! };
}

/** The value at a dotted path of an object (undefined when it is not there). */
export function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const k of path.split('.')) {
    if (!k) continue;
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
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

/**
 * The version to save when check points did not change but something else did (wording of a
 * title, the lists, the rules): the patch number up (`1.2.0` → `1.2.1`); `1.0.0` when the saved
 * version is not numbered so.
 */
export function patchVersion(version: unknown): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(typeof version === 'string' ? version : '');
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : '1.0.0';
}

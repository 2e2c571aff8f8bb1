/**
 * The meta-schema's errors as <xc-template-editor> shows them: one error a field, worded for
 * authors (an empty text, a bad id, the findings, a member the template format does not name —
 * named with where it is, 聚焦方向 2 › 分组 2.1), where each points in the editor's form (`placeOf`)
 * and the DOM id of its control. No DOM access: ids only. Loaded with the check (check.ts).
 */
import type { ChecklistTemplate, ChecklistTemplateSource } from '../core/checklist.js';
import { unknownMembersAt } from './members.js';
import type { FieldError } from '../core/validation-types.js';
import { OPTION_LISTS, fieldId, isEmptyText, optionId, type OptionList } from './outline.js';
import type { TM } from './view.js';

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

/**
 * Where the object at a dotted path of the template as written is, in the author's words: the
 * headings the editor shows (聚焦方向 2 › 分组 2.1 › 检查要点 2.1.3), a list's option, the rules, or
 * the template itself.
 */
export function whereIs(t: TM, tpl: ChecklistTemplate, path: string): string {
  const place = placeOf(path);
  if (place.at === 'node') {
    const s = place.section + 1;
    const implicit = place.group >= 0 && !!tpl.sections[place.section]?.groups[place.group]?.implicit;
    const parts = [t.teSection(String(s))];
    if (place.group >= 0 && !implicit) parts.push(t.teGroup(`${s}.${place.group + 1}`));
    if (place.item >= 0) parts.push(t.tePoint(implicit ? `${s}.${place.item + 1}` : `${s}.${place.group + 1}.${place.item + 1}`));
    return parts.join(' › ');
  }
  if (place.at === 'option') {
    const names: Record<OptionList, string> = { findings: t.teFindings, methods: t.teMethods, evidenceKinds: t.teEvidenceKinds, categories: t.teCategories, scopes: t.teScopes };
    return place.index < 0 ? names[place.list] : t.teOptionAt(names[place.list], place.index + 1);
  }
  if (place.at === 'template' && place.field === 'rules') return t.teRules;
  return t.teTemplateItself;
}

/** The control an error place points at (its DOM id), if shown. */
export function domIdOf(tpl: ChecklistTemplate, place: ErrorPlace): string | undefined {
  if (place.at === 'node') {
    const field = place.field === 'id' ? (place.item >= 0 ? 'text' : 'title') : place.field;
    const s = tpl.sections[place.section];
    const implicit = place.group >= 0 && s?.groups[place.group]?.implicit;
    // A focus area without groups: its title errors go to the focus area's.
    return fieldId(place.section, place.item < 0 && implicit ? -1 : place.group, place.item, field);
  }
  if (place.at === 'option') return place.index < 0 ? `o-${place.list}-add` : optionId(place.list, place.index, place.field === 'value' || place.field === 'isProblem' ? 'label' : place.field);
  if (place.at === 'template') return `tpl-${place.field === 'source' || place.field === 'version' ? 'id' : place.field}`;
  return undefined;
}

/**
 * Clear messages for the common cases; one error a field. `written` is the template as written
 * (what the meta-schema read), `tpl` as read (what the editor shows).
 */
export function explainErrors(t: TM, tpl: ChecklistTemplate, written: ChecklistTemplateSource, errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const place = placeOf(e.path);
    const last = e.path.split('.').filter((k) => !/^\d+$/.test(k)).pop() ?? '';
    const key = domIdOf(tpl, place) ?? e.path;
    if (seen.has(key)) continue;
    seen.add(key);
    let message = e.message;
    const here = place.at === 'node' || place.at === 'option' || place.at === 'template' ? place.field : '';
    const fieldPath = here && !e.path.endsWith(`.${here}`) && e.path !== here ? e.path.slice(0, e.path.lastIndexOf(`.${here}.`) + here.length + 1) : e.path;
    const v = valueAt(written, fieldPath);
    const unknown = e.keyword === 'additionalProperties' ? unknownMembersAt(written, e.path) : [];
    // A member the template format does not name: said with its name and where it is, not as the field's own error.
    if (unknown.length) message = t.teErrUnknown(whereIs(t, tpl, e.path), unknown);
    else if ((here === 'text' || here === 'title' || here === 'label') && isEmptyText(v)) message = here === 'text' ? t.teErrEmptyText : here === 'label' ? t.teErrEmptyLabel : t.teErrEmptyTitle;
    else if ((here === 'id' || here === 'value' || last === 'retiredIds') && e.keyword !== 'uniqueId') message = t.teErrBadId;
    else if (place.at === 'option' && place.list === 'findings' && place.index < 0) message = t.teErrFindings;
    out.push({ ...e, message });
  }
  return out;
}

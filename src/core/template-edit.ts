/**
 * Editing a checklist template, one step at a time, for the template editor: add, change, move,
 * duplicate and delete focus areas, groups and check points, with ids that stay stable (changing
 * wording never changes an id) and are never reused (a deleted id goes to the template's
 * `retiredIds`), and the changes between two versions (which ids went, which answers in drafts
 * made with the old version would be kept aside). Pure: every step returns a new template and
 * leaves the one it was given as it was, so an undo is the previous value. No DOM, no strings.
 *
 * Steps work on a template as read (`normalizeTemplate`: every focus area has groups; one written
 * with its check points directly has one `implicit` group). `denormalizeTemplate` writes it back.
 */
import type { CheckGroup, CheckPoint, CheckSection, ChecklistTemplate } from './checklist.js';
import type { LocalizedText } from './text.js';

/** What a node of the template is. */
export type TemplateNodeKind = 'section' | 'group' | 'item';

/** Where a node is: its kind and indexes (section, group, item). */
export interface TemplateNodeRef {
  kind: TemplateNodeKind;
  id: string;
  section: number;
  group: number;
  item: number;
}

/** The fields a step may change; `title` for focus areas and groups, `text` / `hint` / `category` for check points. */
export interface TemplateNodePatch {
  title?: LocalizedText;
  ordinal?: string;
  text?: LocalizedText;
  hint?: LocalizedText | undefined;
  category?: string | undefined;
}

/** A template as the editor holds it: read, with the ids it must never give again. */
export type EditedTemplate = ChecklistTemplate;

const CN_DIGITS = '一二三四五六七八九';
/** A Chinese numeral (1–99) and back. */
const cnOf = (n: number): string => (n < 10 ? CN_DIGITS[n - 1]! : `${n >= 20 ? CN_DIGITS[Math.floor(n / 10) - 1] : ''}十${n % 10 ? CN_DIGITS[(n % 10) - 1] : ''}`);
function cnValue(s: string): number {
  if (!/^[一二三四五六七八九十]{1,3}$/u.test(s)) return NaN;
  const i = s.indexOf('十');
  const d = (c: string | undefined) => (c ? CN_DIGITS.indexOf(c) + 1 : 0);
  return i < 0 ? d(s) : (i === 0 ? 1 : d(s[0])) * 10 + d(s[i + 1]);
}

/**
 * The numbering a new sibling gets after `last`, continuing its pattern (（三） → （四）, 二是 → 三是,
 * 3. → 4.); none when the siblings are not numbered in one of those patterns.
 */
export function nextOrdinal(last: string | undefined): string | undefined {
  const m = typeof last === 'string' ? /^([（(]?)(.+?)([）)]|是|要|[.．、])$/u.exec(last) : null;
  if (!m) return undefined;
  const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : cnValue(m[2]!);
  if (!Number.isFinite(n) || n >= 99) return undefined;
  return `${m[1]}${/^\d+$/.test(m[2]!) ? n + 1 : cnOf(n + 1)}${m[3]}`;
}

/** Every id the template has, or had (`retiredIds`). */
export function usedIds(t: EditedTemplate): Set<string> {
  const ids = new Set<string>(Array.isArray(t.retiredIds) ? t.retiredIds : []);
  for (const s of t.sections) {
    ids.add(s.id);
    for (const g of s.groups) {
      ids.add(g.id);
      for (const p of g.items) ids.add(p.id);
    }
  }
  return ids;
}

/** Where the node with this id is, or null. */
export function findNode(t: ChecklistTemplate, id: string): TemplateNodeRef | null {
  for (const [si, s] of t.sections.entries()) {
    if (s.id === id) return { kind: 'section', id, section: si, group: -1, item: -1 };
    for (const [gi, g] of s.groups.entries()) {
      if (g.id === id && !g.implicit) return { kind: 'group', id, section: si, group: gi, item: -1 };
      for (const [pi, p] of g.items.entries()) if (p.id === id) return { kind: 'item', id, section: si, group: gi, item: pi };
    }
  }
  return null;
}

/** A fresh id: `stem` + the first number from `from` that no node has or had. */
function freshId(used: Set<string>, stem: string, from: number, pad: number): string {
  for (let n = Math.max(1, from); ; n++) {
    const id = `${stem}${String(n).padStart(pad, '0')}`;
    if (!used.has(id) && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id)) {
      used.add(id);
      return id;
    }
  }
}

/** The id a new node gets, in the bundled template's pattern (`f3`, `f3g2`, `f3g2-05`, `f3-05`). */
export function newId(t: EditedTemplate, kind: TemplateNodeKind, parentId?: string, used: Set<string> = usedIds(t)): string {
  if (kind === 'section') return freshId(used, 'f', t.sections.length + 1, 0);
  const parent = parentId ? findNode(t, parentId) : null;
  const section = parent ? t.sections[parent.section]! : undefined;
  if (kind === 'group') return freshId(used, `${section?.id ?? 'f'}g`, (section?.groups.filter((g) => !g.implicit).length ?? 0) + 1, 0);
  const group = parent?.kind === 'group' ? section!.groups[parent.group]! : section?.groups.find((g) => g.implicit);
  const stem = group?.implicit ? `${section!.id}-` : group ? `${group.id}-` : 'p-';
  return freshId(used, stem, (group?.items.length ?? 0) + 1, 2);
}

const withSections = (t: EditedTemplate, sections: CheckSection[], retired?: string[]): EditedTemplate => ({ ...t, sections, ...(retired ? { retiredIds: retired } : {}) });
const replaceAt = <T>(list: readonly T[], i: number, v: T): T[] => list.map((x, j) => (j === i ? v : x));
const insertAt = <T>(list: readonly T[], i: number, v: T): T[] => [...list.slice(0, i), v, ...list.slice(i)];
const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);
const clampIndex = (i: number | undefined, n: number) => (i === undefined || !Number.isInteger(i) ? n : Math.min(Math.max(0, i), n));

/** Options of {@link addNode}. */
export interface AddNodeOptions {
  /** For a group: its focus area's id; for a check point: its group's (or a focus area's without groups). */
  parentId?: string;
  /** Position among its siblings (default: last). */
  index?: number;
  fields?: TemplateNodePatch;
}

/**
 * Add a focus area, group or check point with a fresh id. A new focus area gets one group with
 * one check point (so the template stays valid once they are worded); a new group one check
 * point. Returns the template and the new node's id, or null when the parent does not exist.
 */
export function addNode(t: EditedTemplate, kind: TemplateNodeKind, options: AddNodeOptions = {}): { template: EditedTemplate; id: string } | null {
  const used = usedIds(t);
  const f = options.fields ?? {};
  if (kind === 'section') {
    const id = newId(t, 'section', undefined, used);
    const gid = freshId(used, `${id}g`, 1, 0);
    const pid = freshId(used, `${gid}-`, 1, 2);
    const ordinal = f.ordinal ?? nextOrdinal(t.sections[t.sections.length - 1]?.ordinal);
    // Its first group is numbered as the other focus areas' first groups are (一是).
    const groupOrdinal = t.sections.find((x) => x.groups[0] && !x.groups[0].implicit)?.groups[0]!.ordinal;
    const section: CheckSection = { id, ...(ordinal ? { ordinal } : {}), title: f.title ?? '', groups: [{ id: gid, ...(groupOrdinal ? { ordinal: groupOrdinal } : {}), title: '', items: [{ id: pid, text: '' }] }] };
    return { template: withSections(t, insertAt(t.sections, clampIndex(options.index, t.sections.length), section)), id };
  }
  const parent = options.parentId ? findNode(t, options.parentId) : null;
  if (!parent) return null;
  const s = t.sections[parent.section]!;
  if (kind === 'group') {
    if (parent.kind !== 'section') return null;
    // A focus area with its check points directly gets groups: its check points become the first group's.
    const groups = s.groups.map((g): CheckGroup => {
      if (!g.implicit) return g;
      const { implicit: _implicit, ...rest } = g;
      return { ...rest, id: freshId(used, `${s.id}g`, 1, 0), title: '' };
    });
    const id = freshId(used, `${s.id}g`, groups.length + 1, 0);
    const pid = freshId(used, `${id}-`, 1, 2);
    const ordinal = f.ordinal ?? nextOrdinal(groups[groups.length - 1]?.ordinal);
    const group: CheckGroup = { id, ...(ordinal ? { ordinal } : {}), title: f.title ?? '', items: [{ id: pid, text: '' }] };
    return { template: withSections(t, replaceAt(t.sections, parent.section, { ...s, groups: insertAt(groups, clampIndex(options.index, groups.length), group) })), id };
  }
  const gi = parent.kind === 'group' ? parent.group : parent.kind === 'item' ? parent.group : s.groups.findIndex((g) => g.implicit);
  const g = s.groups[gi < 0 ? 0 : gi];
  if (!g) return null;
  const id = newId(t, 'item', g.implicit ? s.id : g.id, used);
  const point: CheckPoint = { id, text: f.text ?? '', ...(f.hint !== undefined ? { hint: f.hint } : {}), ...(f.category ? { category: f.category } : {}) };
  const groups = replaceAt(s.groups, gi < 0 ? 0 : gi, { ...g, items: insertAt(g.items, clampIndex(options.index, g.items.length), point) });
  return { template: withSections(t, replaceAt(t.sections, parent.section, { ...s, groups })), id };
}

/** Change a node's fields (its id never changes). `hint: undefined` or `category: undefined` removes them. */
export function updateNode(t: EditedTemplate, id: string, patch: TemplateNodePatch): EditedTemplate {
  const at = findNode(t, id);
  if (!at) return t;
  const s = t.sections[at.section]!;
  const apply = <T extends object>(node: T, keys: readonly (keyof TemplateNodePatch)[]): T => {
    const out = { ...node } as Record<string, unknown>;
    for (const k of keys) {
      if (!(k in patch)) continue;
      const v = patch[k];
      if (v === undefined || v === '') delete out[k];
      else out[k] = v;
    }
    return out as T;
  };
  if (at.kind === 'section') return withSections(t, replaceAt(t.sections, at.section, apply(s, ['title', 'ordinal'])));
  const g = s.groups[at.group]!;
  if (at.kind === 'group') return withSections(t, replaceAt(t.sections, at.section, { ...s, groups: replaceAt(s.groups, at.group, apply(g, ['title', 'ordinal'])) }));
  const p = apply(g.items[at.item]!, ['text', 'hint', 'category']);
  if (p.text === undefined) p.text = '';
  return withSections(t, replaceAt(t.sections, at.section, { ...s, groups: replaceAt(s.groups, at.group, { ...g, items: replaceAt(g.items, at.item, p) }) }));
}

/** Set one language of a text (a plain string becomes `{ 'zh-CN': old, [lang]: value }` when another language is set). */
export function setText(old: LocalizedText | undefined, lang: string, value: string): LocalizedText {
  if (old === undefined || old === '' || typeof old === 'string') {
    if (lang === 'zh-CN' || old === undefined || old === '') return lang === 'zh-CN' ? value : { 'zh-CN': typeof old === 'string' ? old : '', [lang]: value };
    return { 'zh-CN': old, [lang]: value };
  }
  return { ...old, [lang]: value };
}

/**
 * Move a node one place up (`-1`) or down (`1`) among its siblings; at the edge, a group or check
 * point moves into the neighbouring focus area or group (to its end going up, its start going
 * down), as a keyboard user expects. Returns the template unchanged when it cannot move.
 */
export function moveNode(t: EditedTemplate, id: string, delta: -1 | 1): EditedTemplate {
  const at = findNode(t, id);
  if (!at) return t;
  if (at.kind === 'section') return at.section + delta < 0 || at.section + delta >= t.sections.length ? t : moveTo(t, id, null, at.section + delta);
  const s = t.sections[at.section]!;
  if (at.kind === 'group') {
    const to = at.group + delta;
    if (to >= 0 && to < s.groups.length) return moveTo(t, id, s.id, to);
    const other = t.sections[at.section + delta];
    if (!other || other.groups.some((g) => g.implicit)) return t;
    return moveTo(t, id, other.id, delta < 0 ? other.groups.length : 0);
  }
  const g = s.groups[at.group]!;
  const to = at.item + delta;
  if (to >= 0 && to < g.items.length) return moveTo(t, id, g.implicit ? s.id : g.id, to);
  // The neighbouring group: in this focus area, else the next one's nearest.
  const flat = t.sections.flatMap((sec, si) => sec.groups.map((gr, gi) => ({ si, gi, gr, sec })));
  const here = flat.findIndex((x) => x.si === at.section && x.gi === at.group);
  const next = flat[here + delta];
  if (!next || g.items.length === 1) return t;
  return moveTo(t, id, next.gr.implicit ? next.sec.id : next.gr.id, delta < 0 ? next.gr.items.length : 0);
}

/**
 * Move a node to `index` among the children of `parentId` (null for a focus area; a focus area's
 * id for a group; a group's — or a focus area's without groups — for a check point), as a drop
 * does. Its id stays. Unchanged when the move is not possible (a group into a focus area without
 * groups, or the last check point out of its group).
 */
export function moveTo(t: EditedTemplate, id: string, parentId: string | null, index: number): EditedTemplate {
  const at = findNode(t, id);
  if (!at) return t;
  if (at.kind === 'section') {
    if (parentId !== null) return t;
    const node = t.sections[at.section]!;
    const rest = removeAt(t.sections, at.section);
    return withSections(t, insertAt(rest, clampIndex(index, rest.length), node));
  }
  const target = parentId === null ? null : findNode(t, parentId);
  if (!target) return t;
  if (at.kind === 'group') {
    if (target.kind !== 'section' || t.sections[target.section]!.groups.some((g) => g.implicit)) return t;
    const node = t.sections[at.section]!.groups[at.group]!;
    if (at.section !== target.section && t.sections[at.section]!.groups.length === 1) return t;
    let sections = replaceAt(t.sections, at.section, { ...t.sections[at.section]!, groups: removeAt(t.sections[at.section]!.groups, at.group) });
    const dest = sections[target.section]!;
    sections = replaceAt(sections, target.section, { ...dest, groups: insertAt(dest.groups, clampIndex(index, dest.groups.length), node) });
    return withSections(t, sections);
  }
  const tsec = t.sections[target.section]!;
  const tgi = target.kind === 'group' ? target.group : target.kind === 'section' ? tsec.groups.findIndex((g) => g.implicit) : -1;
  if (tgi < 0) return t;
  const from = t.sections[at.section]!.groups[at.group]!;
  const same = at.section === target.section && at.group === tgi;
  if (!same && from.items.length === 1) return t;
  const node = from.items[at.item]!;
  let sections = replaceAt(t.sections, at.section, { ...t.sections[at.section]!, groups: replaceAt(t.sections[at.section]!.groups, at.group, { ...from, items: removeAt(from.items, at.item) }) });
  const sec = sections[target.section]!;
  const dest = sec.groups[tgi]!;
  sections = replaceAt(sections, target.section, { ...sec, groups: replaceAt(sec.groups, tgi, { ...dest, items: insertAt(dest.items, clampIndex(index, dest.items.length), node) }) });
  return withSections(t, sections);
}

/** A copy of a node (and what is under it) right after it, with fresh ids; returns the copy's id. */
export function duplicateNode(t: EditedTemplate, id: string): { template: EditedTemplate; id: string } | null {
  const at = findNode(t, id);
  if (!at) return null;
  const used = usedIds(t);
  const s = t.sections[at.section]!;
  const copyItems = (items: readonly CheckPoint[], stem: string) => items.map((p) => ({ ...p, id: freshId(used, stem, 1, 2) }));
  const copyGroup = (g: CheckGroup, sid: string): CheckGroup => {
    if (g.implicit) return { ...g, id: sid, items: copyItems(g.items, `${sid}-`) };
    const gid = freshId(used, `${sid}g`, 1, 0);
    return { ...g, id: gid, items: copyItems(g.items, `${gid}-`) };
  };
  if (at.kind === 'section') {
    const sid = freshId(used, 'f', t.sections.length + 1, 0);
    const copy: CheckSection = { ...s, id: sid, groups: s.groups.map((g) => copyGroup(g, sid)) };
    return { template: withSections(t, insertAt(t.sections, at.section + 1, copy)), id: sid };
  }
  const g = s.groups[at.group]!;
  if (at.kind === 'group') {
    const copy = copyGroup(g, s.id);
    return { template: withSections(t, replaceAt(t.sections, at.section, { ...s, groups: insertAt(s.groups, at.group + 1, copy) })), id: copy.id };
  }
  const pid = newId(t, 'item', g.implicit ? s.id : g.id, used);
  const copy = { ...g.items[at.item]!, id: pid };
  return { template: withSections(t, replaceAt(t.sections, at.section, { ...s, groups: replaceAt(s.groups, at.group, { ...g, items: insertAt(g.items, at.item + 1, copy) }) })), id: pid };
}

/**
 * Delete a node and what is under it; their ids join `retiredIds`, so no later node gets them.
 * The last focus area, the last group of a focus area and the last check point of a group are
 * not deleted (the template would not be valid): the template comes back unchanged.
 */
export function removeNode(t: EditedTemplate, id: string): { template: EditedTemplate; removed: string[] } {
  const at = findNode(t, id);
  if (!at) return { template: t, removed: [] };
  const s = t.sections[at.section]!;
  const retire = (ids: string[]) => [...new Set([...(t.retiredIds ?? []), ...ids])];
  if (at.kind === 'section') {
    if (t.sections.length === 1) return { template: t, removed: [] };
    const removed = [s.id, ...s.groups.flatMap((g) => [...(g.implicit ? [] : [g.id]), ...g.items.map((p) => p.id)])];
    return { template: withSections(t, removeAt(t.sections, at.section), retire(removed)), removed };
  }
  const g = s.groups[at.group]!;
  if (at.kind === 'group') {
    if (s.groups.length === 1) return { template: t, removed: [] };
    const removed = [g.id, ...g.items.map((p) => p.id)];
    return { template: withSections(t, replaceAt(t.sections, at.section, { ...s, groups: removeAt(s.groups, at.group) }), retire(removed)), removed };
  }
  if (g.items.length === 1) return { template: t, removed: [] };
  return { template: withSections(t, replaceAt(t.sections, at.section, { ...s, groups: replaceAt(s.groups, at.group, { ...g, items: removeAt(g.items, at.item) }) }), retire([id])), removed: [id] };
}

/** What changed between two versions of a template: see template-version.ts (loaded with the save's review). */
export type { TemplateChanges } from './template-version.js';

/**
 * A template taking the place of another (an import): ids of the old one the new one does not
 * have join `retiredIds` (never given again), and ids the new one has leave it.
 */
export function replaceTemplate(current: EditedTemplate, next: EditedTemplate): EditedTemplate {
  const fresh = usedIds({ ...next, retiredIds: [] });
  const old = usedIds({ ...current, retiredIds: [] });
  const retired = [...new Set([...(current.retiredIds ?? []), ...[...old].filter((id) => !fresh.has(id))])].filter((id) => !fresh.has(id));
  const out: EditedTemplate = { ...next, ...(retired.length ? { retiredIds: retired } : {}) };
  if (!retired.length) delete out.retiredIds;
  return out;
}

/**
 * The template with more ids retired (those of the saved version, of a draft…): they join
 * `retiredIds`, and a node that has one of them gets a fresh id instead, so an id deleted once is
 * never given again — not by a form reset to an older value, nor by an older draft restored.
 * The template given when nothing changes.
 */
export function withRetired(t: EditedTemplate, retired: Iterable<string> | undefined): EditedTemplate {
  const had = new Set(Array.isArray(t.retiredIds) ? t.retiredIds : []);
  const gone = new Set([...had, ...(retired ?? [])]);
  if (gone.size === had.size) return t;
  const used = usedIds({ ...t, retiredIds: [...gone] });
  const fresh = (id: string, kind: TemplateNodeKind, parent?: string) => (gone.has(id) ? newId(t, kind, parent, used) : id);
  const sections = t.sections.map((s) => {
    const sid = fresh(s.id, 'section');
    return { ...s, id: sid, groups: s.groups.map((g) => ({ ...g, id: g.implicit ? sid : fresh(g.id, 'group', s.id), items: g.items.map((p) => ({ ...p, id: fresh(p.id, 'item', g.implicit ? s.id : g.id) })) })) };
  });
  return { ...t, sections, retiredIds: [...gone] };
}

/**
 * An undo history of values (templates): `push` after each step, `undo` / `redo` move through it.
 * Holds at most `limit` steps back (default 200).
 */
export class EditHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  constructor(public current: T, private readonly limit = 200) {}

  /** Record a new value (clears what could be redone). */
  push(next: T): T {
    if (next === this.current) return next;
    this.past.push(this.current);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    return (this.current = next);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): T {
    const prev = this.past.pop();
    if (prev === undefined) return this.current;
    this.future.push(this.current);
    return (this.current = prev);
  }

  redo(): T {
    const next = this.future.pop();
    if (next === undefined) return this.current;
    this.past.push(this.current);
    return (this.current = next);
  }
}

/**
 * Checklist logic (no DOM): reading templates, responses, validation, progress,
 * filters, the response JSON Schema, and turning findings into rectification
 * items and clue entries.
 */
import { resolveLocale } from './i18n.js';
import { textOf, type LocalizedText } from './text.js';
import { isSafeUrl } from './url.js';
import { isObj } from './obj.js';
import type { FieldError, JsonSchema, ValidationResult } from './validation-types.js';
import type { EvidenceRef, RectificationItem } from './rectification-types.js';
import { clueSources } from '../generated/clue-sources.js';
import { attachmentRefSchema } from './attachment-schema.js';
import { hasGroups, normalizeTemplate, denormalizeTemplate } from './template-shape.js';

export type { EvidenceRef };

/** A choice offered by a template (finding, method, category…). */
export interface TemplateOption {
  value: string;
  label: LocalizedText;
}

/** A finding option; `isProblem` marks the one that records a problem. */
export interface FindingOption extends TemplateOption {
  isProblem?: boolean;
}

/** One check point (检查要点). */
export interface CheckPoint {
  id: string;
  text: LocalizedText;
  hint?: LocalizedText;
  category?: string;
}

/** A group of check points (一是…). */
export interface CheckGroup {
  id: string;
  ordinal?: string;
  title: LocalizedText;
  items: CheckPoint[];
  /**
   * Set on the group that reading a template makes for a focus area written with its
   * check points directly (a two-level template): it has no heading and no number of its
   * own, and its id is the focus area's.
   */
  implicit?: boolean;
}

/** A focus area (聚焦…) with groups of check points, as every focus area is after reading. */
export interface CheckSection {
  id: string;
  ordinal?: string;
  title: LocalizedText;
  groups: CheckGroup[];
}

/** A focus area written with its check points directly, without groups (two-level templates). */
export interface CheckSectionOfPoints {
  id: string;
  ordinal?: string;
  title: LocalizedText;
  items: CheckPoint[];
}

/** What every template has besides its focus areas. */
interface ChecklistTemplateBase {
  $schema?: string;
  id: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  source?: string;
  findings: FindingOption[];
  methods?: TemplateOption[];
  evidenceKinds?: TemplateOption[];
  categories?: TemplateOption[];
  scopes?: TemplateOption[];
  rules?: { requireAll?: boolean; requireMethodForProblem?: boolean; requireEvidenceForProblem?: boolean };
  /** Ids deleted in earlier versions, never given again (the template editor keeps them). */
  retiredIds?: string[];
}

/**
 * A checklist template as read (see schemas/checklist-template.schema.json): every focus
 * area has groups; one written with its check points directly has them in one group
 * marked `implicit`. `readChecklistTemplate` and `normalizeTemplate` make it from a
 * {@link ChecklistTemplateSource}; the bundled template already has this shape.
 */
export interface ChecklistTemplate extends ChecklistTemplateBase {
  sections: CheckSection[];
}

/**
 * A checklist template as written: a focus area holds either groups of check points
 * (三个聚焦: focus area → group → check point) or its check points directly (common in
 * township and village checklists: focus area → check point). Every function and
 * element that takes a template takes this.
 */
export interface ChecklistTemplateSource extends ChecklistTemplateBase {
  sections: (CheckSection | CheckSectionOfPoints)[];
}

/** What the team recorded for one check point. Unknown members are kept. */
export interface ChecklistItemResponse {
  finding?: string;
  description?: string;
  methods?: string[];
  evidence?: EvidenceRef[];
  category?: string;
  scope?: string;
  clue?: boolean;
  notes?: string;
  /** 定性依据: the rule or policy the problem breaks (problems only). */
  basis?: string;
  [extra: string]: unknown;
}

/**
 * The 工作底稿's head (stored in the response, printed as the sheet's head): 底稿编号 `no`,
 * 被巡察单位 `unit`, 巡察组 `team`, 轮次 `round`, 编制人 `preparedBy`, 编制日期 `preparedOn`
 * (YYYY-MM-DD). Every member is optional text; unknown members are kept.
 */
export interface WorkpaperHeader {
  no?: string;
  unit?: string;
  team?: string;
  round?: string;
  preparedBy?: string;
  preparedOn?: string;
  [extra: string]: unknown;
}

/** The members of the header, in the order they are shown and printed. */
export const WORKPAPER_HEADER_FIELDS = ['no', 'unit', 'team', 'round', 'preparedBy', 'preparedOn'] as const;

/** Where a 底稿 is in its 三级审核 (see core/workpaper.ts). */
export type WorkpaperState = 'drafting' | 'submitted' | 'reviewed' | 'returned' | 'signed';
/** A step of the review: 编制 (submit), 复核 (review), 退回修改 (return), 审签 (sign). */
export type WorkpaperAction = 'submit' | 'review' | 'return' | 'sign';
/** Who takes a step: 承办人 (preparer), 副组长 (reviewer), 组长 (leader). */
export type WorkpaperLevel = 'preparer' | 'reviewer' | 'leader';

/** One step taken, signed with a name, a time and an opinion. */
export interface WorkpaperStep {
  action: WorkpaperAction;
  level: WorkpaperLevel;
  /** The name signed. */
  by: string;
  /** The provider role the step was taken in. */
  role: string;
  /** When (RFC 3339). */
  at: string;
  opinion: string;
  /** For a return (退回修改): comments by check point id. */
  comments?: Record<string, string>;
  [extra: string]: unknown;
}

/** The review record of a 底稿: its state and every step taken. */
export interface WorkpaperReview {
  state: WorkpaperState;
  steps: WorkpaperStep[];
  [extra: string]: unknown;
}

/** A filled checklist. Unknown members are kept on load-edit-save. */
export interface ChecklistResponse {
  templateId: string;
  templateVersion: string;
  items: Record<string, ChecklistItemResponse>;
  /** Answers to check points that are no longer in the template, kept aside (never dropped). */
  keptAside?: Record<string, ChecklistItemResponse>;
  /** The 工作底稿's head. */
  header?: WorkpaperHeader;
  /** The 三级审核 record (see core/workpaper.ts). */
  review?: WorkpaperReview;
  /** Set by 审签: the SHA-256 fingerprint of the signed sheet (see core/fingerprint.ts). */
  signature?: { algorithm: 'SHA-256'; digest: string; signedAt: string };
  [extra: string]: unknown;
}

/** A check point with its place in the template. */
export interface IndexedPoint {
  point: CheckPoint;
  section: CheckSection;
  /** Its group (the `implicit` one for a focus area without groups). */
  group: CheckGroup;
  /** 0-based position in the whole list. */
  index: number;
  /** Its number as shown: focus area.group.check point (`1.2.3`), or focus area.check point (`1.3`) without groups. */
  number: string;
}

/** The template's check points in order, and by id. */
export interface TemplateIndex {
  points: IndexedPoint[];
  byId: Map<string, IndexedPoint>;
  problemValues: Set<string>;
}

export { normalizeTemplate, denormalizeTemplate };

/** Index a (valid) template; either shape. */
export function indexTemplate(source: ChecklistTemplateSource): TemplateIndex {
  const template = normalizeTemplate(source);
  const points: IndexedPoint[] = [];
  const byId = new Map<string, IndexedPoint>();
  template.sections.forEach((section, si) => {
    let pointNo = 0;
    section.groups.forEach((group, gi) => {
      if (!group.implicit) pointNo = 0;
      for (const point of group.items) {
        pointNo++;
        const number = group.implicit ? `${si + 1}.${pointNo}` : `${si + 1}.${gi + 1}.${pointNo}`;
        const ip = { point, section, group, index: points.length, number };
        points.push(ip);
        byId.set(point.id, ip);
      }
    });
  });
  return { points, byId, problemValues: new Set(template.findings.filter((f) => f.isProblem).map((f) => f.value)) };
}

/**
 * Whether `input` has the shape the checklist's list is drawn from: every member the list, the
 * counts and the answers read is there with its type (ids and values strings, texts strings or
 * objects of strings, focus areas holding groups or check points). It is not the meta-schema check
 * (members it does not name are not looked at): `<xc-checklist>` shows such a template at once and
 * checks it by the meta-schema once the list is on screen. Texts are not empty (a heading without
 * text is no heading), as the meta-schema asks.
 */
export function hasListShape(input: unknown): input is ChecklistTemplateSource {
  const text = (v: unknown) => (typeof v === 'string' && v !== '') || (isObj(v) && Object.keys(v).length > 0 && Object.values(v).every((x) => typeof x === 'string'));
  const id = (o: unknown): o is Record<string, unknown> => isObj(o) && typeof o.id === 'string' && o.id !== '';
  const option = (o: unknown) => isObj(o) && typeof o.value === 'string' && text(o.label);
  const options = (v: unknown) => v === undefined || (Array.isArray(v) && v.every(option));
  const point = (p: unknown) => id(p) && text(p.text) && (p.hint === undefined || text(p.hint)) && (p.category === undefined || typeof p.category === 'string');
  const points = (v: unknown) => Array.isArray(v) && v.every(point);
  const titled = (o: unknown): o is Record<string, unknown> => id(o) && text(o.title);
  return (
    isObj(input) &&
    typeof input.id === 'string' &&
    typeof input.version === 'string' &&
    text(input.title) &&
    Array.isArray(input.findings) && input.findings.length > 1 && input.findings.every(option) &&
    ['methods', 'evidenceKinds', 'categories', 'scopes'].every((k) => options(input[k])) &&
    (input.rules === undefined || isObj(input.rules)) &&
    Array.isArray(input.sections) && input.sections.length > 0 &&
    input.sections.every((s) => titled(s) && (Array.isArray(s.groups) ? s.items === undefined && s.groups.every((g) => titled(g) && points(g.items)) : points(s.items)))
  );
}

/**
 * Check what the meta-schema cannot: ids must be unique across focus areas,
 * groups and check points, and option values within each option list.
 */
export function checkTemplateIds(template: ChecklistTemplateSource, lang = 'zh-CN'): FieldError[] {
  const t = resolveLocale(lang);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const dup = (id: string, path: string) => {
    if (seen.has(id)) errors.push({ path, message: t.duplicateId(id), keyword: 'uniqueId' });
    seen.add(id);
  };
  template.sections.forEach((s, si) => {
    dup(s.id, `sections.${si}.id`);
    if (!hasGroups(s)) {
      s.items.forEach((p, pi) => dup(p.id, `sections.${si}.items.${pi}.id`));
      return;
    }
    s.groups.forEach((g, gi) => {
      // The group made for a focus area without groups carries the focus area's id.
      if (g.implicit) {
        g.items.forEach((p, pi) => dup(p.id, `sections.${si}.items.${pi}.id`));
        return;
      }
      dup(g.id, `sections.${si}.groups.${gi}.id`);
      g.items.forEach((p, pi) => dup(p.id, `sections.${si}.groups.${gi}.items.${pi}.id`));
    });
  });
  for (const key of ['findings', 'methods', 'evidenceKinds', 'categories', 'scopes'] as const) {
    const values = new Set<string>();
    (template[key] ?? []).forEach((o, i) => {
      if (values.has(o.value)) errors.push({ path: `${key}.${i}.value`, message: t.duplicateId(o.value), keyword: 'uniqueId' });
      values.add(o.value);
    });
  }
  return errors;
}

/** An empty response for a template. */
export function emptyResponse(template: ChecklistTemplateSource): ChecklistResponse {
  return { templateId: template.id, templateVersion: template.version, items: {} };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Set a member as data (`__proto__` included: never as the prototype). */
function put(obj: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
  else obj[key] = v;
}

/** A member that must be text: the text, or '' when it is missing or of another type. @internal */
export function answerText(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The methods of an answer as a list of strings (other members and types are left out). @internal */
export function answerMethods(item: ChecklistItemResponse | undefined): string[] {
  const m = item?.methods as unknown;
  return Array.isArray(m) ? m.filter((x): x is string => typeof x === 'string') : [];
}

/** The evidence of an answer as a list (an answer whose evidence is not a list has none). @internal */
export function answerEvidence(item: ChecklistItemResponse | undefined): unknown[] {
  const e = item?.evidence as unknown;
  return Array.isArray(e) ? e : [];
}

/** One piece of evidence read safely: text members as text ('' when missing or of another type). @internal */
export function evidenceFields(e: unknown): { title: string; kind: string; ref: string } {
  const o = isPlainObject(e) ? e : {};
  return { title: answerText(o['title']), kind: answerText(o['kind']), ref: answerText(o['ref']) };
}

const TEXT_MEMBERS = ['description', 'category', 'scope', 'notes', 'basis'] as const;

const REVIEW_STATES: readonly string[] = ['drafting', 'submitted', 'reviewed', 'returned', 'signed'];

/** The header of a response read safely: its text members ('' when missing or of another type). */
export function headerOf(response: unknown): Record<(typeof WORKPAPER_HEADER_FIELDS)[number], string> {
  const h = isPlainObject(response) && isPlainObject(response['header']) ? response['header'] : {};
  return Object.fromEntries(WORKPAPER_HEADER_FIELDS.map((k) => [k, answerText(h[k])])) as Record<(typeof WORKPAPER_HEADER_FIELDS)[number], string>;
}

/**
 * The review of a response read safely: `signed` whenever it carries a `signature` (a record
 * that carries one is locked, whatever else it says), else its `review.state`, else `drafting`
 * (old responses have no review); the steps that are objects.
 */
export function reviewOf(response: unknown): { state: WorkpaperState; steps: WorkpaperStep[] } {
  const r = isPlainObject(response) ? response : {};
  const review = isPlainObject(r['review']) ? r['review'] : {};
  const steps = (Array.isArray(review['steps']) ? review['steps'] : []).filter(isPlainObject) as WorkpaperStep[];
  const state = r['signature'] !== undefined ? 'signed' : REVIEW_STATES.includes(review['state'] as string) ? (review['state'] as WorkpaperState) : 'drafting';
  return { state, steps };
}

/**
 * The comments of the last 退回修改, by check point id, while the sheet is returned (its
 * preparer sees them beside their check points); {} in every other state.
 */
export function returnedComments(response: unknown): Record<string, string> {
  const { state, steps } = reviewOf(response);
  if (state !== 'returned') return {};
  const last = [...steps].reverse().find((s) => s.action === 'return');
  const c = last && isPlainObject(last.comments) ? last.comments : {};
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(c)) if (typeof text === 'string' && text) put(out, id, text);
  return out;
}

/**
 * Members of an answer that hold the wrong type (a number as the description,
 * methods that are not a list of text, evidence that is not a list of objects…),
 * as the paths of their errors. Such members are kept as they are, shown as empty,
 * and reported by validation.
 */
function malformedMembers(item: ChecklistItemResponse): string[] {
  const out: string[] = [];
  for (const k of TEXT_MEMBERS) if (item[k] !== undefined && typeof item[k] !== 'string') out.push(k);
  const m = item.methods as unknown;
  if (m !== undefined && !(Array.isArray(m) && m.every((x) => typeof x === 'string'))) out.push('methods');
  const ev = item.evidence as unknown;
  if (ev !== undefined) {
    if (!Array.isArray(ev)) out.push('evidence');
    else
      ev.forEach((e, i) => {
        if (!isPlainObject(e)) out.push(`evidence.${i}`);
        else for (const k of ['title', 'kind', 'ref']) if (e[k] !== undefined && typeof e[k] !== 'string') out.push(`evidence.${i}.${k}`);
      });
  }
  if (item.clue !== undefined && typeof item.clue !== 'boolean') out.push('clue');
  return out;
}

/**
 * Fit any value (a saved response, a draft made with an older template, or junk)
 * to the template without losing anything: answers to check points that are not
 * in the template move to `keptAside`; unknown members stay as they are.
 */
export function normalizeResponse(template: ChecklistTemplateSource, index: TemplateIndex, value: unknown): ChecklistResponse {
  const src = isPlainObject(value) ? value : {};
  const items: Record<string, ChecklistItemResponse> = {};
  const keptAside: Record<string, ChecklistItemResponse> = isPlainObject(src['keptAside']) ? { ...(src['keptAside'] as Record<string, ChecklistItemResponse>) } : {};
  const given = isPlainObject(src['items']) ? (src['items'] as Record<string, unknown>) : {};
  for (const [id, item] of Object.entries(given)) {
    if (!isPlainObject(item)) continue;
    if (index.byId.has(id)) items[id] = item as ChecklistItemResponse;
    else put(keptAside, id, item);
  }
  // A check point that came back into the template takes its answer back (an answer, not junk).
  for (const id of Object.keys(keptAside)) {
    if (index.byId.has(id) && !items[id] && isPlainObject(keptAside[id])) {
      items[id] = keptAside[id]!;
      delete keptAside[id];
    }
  }
  const out: ChecklistResponse = { ...src, templateId: template.id, templateVersion: template.version, items };
  if (Object.keys(keptAside).length) out.keptAside = keptAside;
  else delete out.keptAside;
  return out;
}

/**
 * What `normalizeResponse` cannot read in a value, and so leaves out of the response:
 * a value that is not an object, `items` or `keptAside` that are not objects, answers
 * that are not objects. Empty when everything is read (null and undefined are "no value").
 */
export function unreadableResponseParts(value: unknown, lang = 'zh-CN'): FieldError[] {
  const t = resolveLocale(lang);
  if (value == null) return [];
  if (!isPlainObject(value)) return [{ path: '', message: t.valueNotObject, keyword: 'type' }];
  const out: FieldError[] = [];
  const items = value['items'];
  if (items !== undefined && !isPlainObject(items)) out.push({ path: 'items', message: t.valueItemsNotObject, keyword: 'type' });
  else if (items)
    for (const [id, answer] of Object.entries(items)) if (!isPlainObject(answer)) out.push({ path: itemPath(id), message: t.valueAnswerNotObject(id), keyword: 'type' });
  const kept = value['keptAside'];
  if (kept !== undefined && !isPlainObject(kept)) out.push({ path: 'keptAside', message: t.valueKeptAsideNotObject, keyword: 'type' });
  return out;
}

/**
 * A check point as the error summary names it: its number and the start of its text
 * (`pointExcerpt` of the locale), the text without direction marks and isolated
 * (FSI … PDI), so that nothing in it can turn the message that follows around.
 */
export function checkPointRef(ip: IndexedPoint, lang: string): string {
  const t = resolveLocale(lang);
  const text = textOf(ip.point.text, lang).replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return t.pointRef(ip.number, `\u2068${t.pointExcerpt(text)}\u2069`);
}

/** The answers of a response by check point id ({} when `items` is not an object). */
function answersOf(response: ChecklistResponse | null | undefined): Record<string, ChecklistItemResponse | undefined> {
  const items = response?.items as unknown;
  return isPlainObject(items) ? (items as Record<string, ChecklistItemResponse>) : {};
}

/** Whether an answer records a problem. */
export function isProblem(index: TemplateIndex, item: ChecklistItemResponse | undefined): boolean {
  return !!item?.finding && index.problemValues.has(item.finding);
}

/** Whether a check point has a finding. */
export function isAnswered(item: ChecklistItemResponse | undefined): boolean {
  return !!item?.finding;
}

/** Counts for the summary bar and per section. */
export interface ChecklistProgress {
  total: number;
  answered: number;
  problems: number;
  clues: number;
  sections: Record<string, { total: number; answered: number; problems: number; clues: number }>;
}

/** Progress over the whole checklist and per section. */
export function checklistProgress(index: TemplateIndex, response: ChecklistResponse): ChecklistProgress {
  const p: ChecklistProgress = { total: 0, answered: 0, problems: 0, clues: 0, sections: {} };
  for (const ip of index.points) {
    const s = (p.sections[ip.section.id] ??= { total: 0, answered: 0, problems: 0, clues: 0 });
    const item = answersOf(response)[ip.point.id];
    const a = isAnswered(item) ? 1 : 0;
    const pr = isProblem(index, item) ? 1 : 0;
    const c = pr && item?.clue ? 1 : 0;
    p.total++; s.total++;
    p.answered += a; s.answered += a;
    p.problems += pr; s.problems += pr;
    p.clues += c; s.clues += c;
  }
  return p;
}

/**
 * The change in counts when one answer changes from `before` to `after`, so an
 * element can keep its counts in O(1) per change.
 */
export function progressDelta(index: TemplateIndex, before: ChecklistItemResponse | undefined, after: ChecklistItemResponse | undefined) {
  const f = (i: ChecklistItemResponse | undefined) => ({
    answered: isAnswered(i) ? 1 : 0,
    problems: isProblem(index, i) ? 1 : 0,
    clues: isProblem(index, i) && i?.clue ? 1 : 0,
  });
  const a = f(before);
  const b = f(after);
  return { answered: b.answered - a.answered, problems: b.problems - a.problems, clues: b.clues - a.clues };
}

/** The list filters. */
export type ChecklistFilter = 'all' | 'unanswered' | 'problems' | 'clues';

/** Whether a check point is shown under a filter and a search text (case-insensitive, over text, hint, description and notes). */
export function matchesFilter(index: TemplateIndex, ip: IndexedPoint, item: ChecklistItemResponse | undefined, filter: ChecklistFilter, query: string, lang: string): boolean {
  if (filter === 'unanswered' && isAnswered(item)) return false;
  if (filter === 'problems' && !isProblem(index, item)) return false;
  if (filter === 'clues' && !(isProblem(index, item) && item?.clue)) return false;
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [textOf(ip.point.text, lang), textOf(ip.point.hint, lang), answerText(item?.description), answerText(item?.notes), ...answerEvidence(item).map((e) => evidenceFields(e).title)]
    .join('\n')
    .toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}

/** Path of a field of a check point's answer in errors (`items.<id>.description`). */
export function itemPath(id: string, field?: string): string {
  return field ? `items.${id}.${field}` : `items.${id}`;
}

/**
 * The check point and field an error path is about (`items.<id>.<field>`), for ids that
 * hold dots too (`items.1.2.description`: check point `1.2`, field `description`). The
 * longest id of the template that the path starts with wins; null for other paths.
 */
export function pathPoint(index: TemplateIndex, path: string): { id: string; field: string } | null {
  if (!path.startsWith('items.')) return null;
  const rest = path.slice('items.'.length);
  for (let end = rest.length; end > 0; end = rest.lastIndexOf('.', end - 1)) {
    const id = rest.slice(0, end);
    if (index.byId.has(id)) return { id, field: rest.slice(end + 1) };
  }
  const [id = '', ...field] = rest.split('.');
  return id ? { id, field: field.join('.') } : null;
}

/** Validate one answer (the rules of the template), adding errors to `out`. */
export function validateItem(template: ChecklistTemplateSource, index: TemplateIndex, id: string, item: ChecklistItemResponse | undefined, lang: string, out: FieldError[]): void {
  const t = resolveLocale(lang);
  const rules = template.rules ?? {};
  if (!isAnswered(item)) {
    if (rules.requireAll !== false) out.push({ path: itemPath(id, 'finding'), message: t.findingRequired, keyword: 'required' });
    return;
  }
  if (!template.findings.some((f) => f.value === item!.finding)) {
    out.push({ path: itemPath(id, 'finding'), message: t.chooseFromList, keyword: 'enum' });
    return;
  }
  const malformed = malformedMembers(item!);
  for (const m of malformed) out.push({ path: itemPath(id, m), message: t.invalidValue, keyword: 'type' });
  const bad = (field: string) => malformed.some((m) => m === field || m.startsWith(`${field}.`));
  if (isProblem(index, item)) {
    if (!bad('description') && !answerText(item!.description).trim()) out.push({ path: itemPath(id, 'description'), message: t.descriptionRequired, keyword: 'required' });
    if (rules.requireMethodForProblem && !bad('methods') && !answerMethods(item).length) out.push({ path: itemPath(id, 'methods'), message: t.methodsRequired, keyword: 'required' });
    if (rules.requireEvidenceForProblem && !bad('evidence') && !answerEvidence(item).length) out.push({ path: itemPath(id, 'evidence'), message: t.evidenceRequired, keyword: 'required' });
  }
  answerEvidence(item).forEach((e, i) => {
    const { title, ref } = evidenceFields(e);
    // A row added and left without its title (what the response schema requires too).
    if (!bad(`evidence.${i}`) && !title.trim()) out.push({ path: itemPath(id, `evidence.${i}.title`), message: t.evidenceTitleRequired, keyword: 'required' });
    if (ref && /^[a-z][a-z0-9+.-]*:/i.test(ref.trim()) && !isSafeUrl(ref)) out.push({ path: itemPath(id, `evidence.${i}.ref`), message: t.evidenceLinkInvalid, keyword: 'format' });
  });
}

/** The header's members: text, and 编制日期 a date (YYYY-MM-DD); errors at `header.<member>`. */
export function validateHeader(response: ChecklistResponse, lang: string, out: FieldError[]): void {
  const t = resolveLocale(lang);
  const h = response.header as unknown;
  if (h === undefined) return;
  if (!isPlainObject(h)) {
    out.push({ path: 'header', message: t.invalidValue, keyword: 'type' });
    return;
  }
  for (const k of WORKPAPER_HEADER_FIELDS) {
    const v = h[k];
    if (v !== undefined && typeof v !== 'string') out.push({ path: `header.${k}`, message: t.invalidValue, keyword: 'type' });
    else if (k === 'preparedOn' && v && !/^\d{4}-\d\d-\d\d$/.test(v)) out.push({ path: `header.${k}`, message: t.invalidValue, keyword: 'format' });
  }
}

/** Validate a whole response (its header, then every answer): errors in the order shown. */
export function validateChecklist(template: ChecklistTemplateSource, index: TemplateIndex, response: ChecklistResponse, lang = 'zh-CN'): ValidationResult {
  const errors: FieldError[] = [];
  validateHeader(response, lang, errors);
  for (const ip of index.points) validateItem(template, index, ip.point.id, response.items[ip.point.id], lang, errors);
  return { valid: errors.length === 0, errors };
}

const values = (opts: TemplateOption[] | undefined) => (opts ?? []).map((o) => o.value);

/**
 * A JSON Schema (2020-12) of the responses to `template`, so a server can check
 * the same data the element produces. It encodes the finding options, the
 * description required for problems and the per-template rules.
 */
export function checklistResponseSchema(template: ChecklistTemplateSource): JsonSchema {
  const problem = template.findings.filter((f) => f.isProblem).map((f) => f.value);
  const rules = template.rules ?? {};
  const option = (opts: TemplateOption[] | undefined): JsonSchema => (opts?.length ? { type: 'string', enum: values(opts) } : { type: 'string' });
  const problemRequired = ['description', ...(rules.requireMethodForProblem ? ['methods'] : []), ...(rules.requireEvidenceForProblem ? ['evidence'] : [])];
  const answer: JsonSchema = {
    type: 'object',
    properties: {
      finding: { type: 'string', enum: values(template.findings) },
      description: { type: 'string' },
      methods: { type: 'array', items: option(template.methods), uniqueItems: true },
      evidence: {
        type: 'array',
        items: {
          type: 'object',
          required: ['title'],
          properties: {
            title: { type: 'string', minLength: 1 },
            kind: option(template.evidenceKinds),
            ref: { type: 'string', not: { pattern: '^\\s*(?![hH][tT][tT][pP][sS]?:)[a-zA-Z][a-zA-Z0-9+.-]*:' } },
            // An attached file (and the original photo when the host keeps it): references, never bytes.
            file: { $ref: '#/$defs/attachmentRef' },
            original: { $ref: '#/$defs/attachmentRef' },
          },
        },
      },
      category: option(template.categories),
      scope: option(template.scopes),
      clue: { type: 'boolean' },
      notes: { type: 'string' },
      basis: { type: 'string' },
    },
    ...(problem.length
      ? {
          if: { required: ['finding'], properties: { finding: { enum: problem } } },
          then: {
            required: problemRequired,
            properties: {
              description: { type: 'string', pattern: '\\S' },
              // 事实清楚、证据确凿: at least one method and one piece of evidence where the template says so.
              ...(rules.requireMethodForProblem ? { methods: { minItems: 1 } } : {}),
              ...(rules.requireEvidenceForProblem ? { evidence: { minItems: 1 } } : {}),
            },
          },
        }
      : {}),
  };
  const ids = indexTemplate(template).points.map((p) => p.point.id);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:xc:checklist-response:${template.id}:${template.version}`,
    title: `Response to checklist ${template.id} ${template.version}`,
    type: 'object',
    required: ['templateId', 'templateVersion', 'items'],
    properties: {
      templateId: { const: template.id },
      templateVersion: { type: 'string' },
      items: {
        type: 'object',
        properties: Object.fromEntries(ids.map((id) => [id, rules.requireAll === false ? { $ref: '#/$defs/answer' } : { allOf: [{ $ref: '#/$defs/answer' }, { required: ['finding'] }] }])),
        ...(rules.requireAll === false ? {} : { required: ids }),
        additionalProperties: false,
      },
      keptAside: { type: 'object', additionalProperties: { $ref: '#/$defs/answer' } },
      // The 工作底稿: its head, the 三级审核 record and, once 审签, the fingerprint (all optional: older responses have none).
      header: {
        type: 'object',
        properties: { ...Object.fromEntries(WORKPAPER_HEADER_FIELDS.map((k) => [k, { type: 'string' }])), preparedOn: { type: 'string', pattern: '^(\\d{4}-\\d\\d-\\d\\d)?$' } },
      },
      review: {
        type: 'object',
        required: ['state', 'steps'],
        properties: {
          state: { enum: REVIEW_STATES },
          steps: {
            type: 'array',
            items: {
              type: 'object',
              required: ['action', 'level', 'by', 'at', 'opinion'],
              properties: {
                action: { enum: ['submit', 'review', 'return', 'sign'] },
                level: { enum: ['preparer', 'reviewer', 'leader'] },
                by: { type: 'string', minLength: 1 },
                role: { type: 'string' },
                at: { type: 'string' },
                opinion: { type: 'string' },
                comments: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
      signature: {
        type: 'object',
        required: ['algorithm', 'digest', 'signedAt'],
        properties: { algorithm: { const: 'SHA-256' }, digest: { type: 'string', pattern: '^[0-9a-f]{64}$' }, signedAt: { type: 'string' } },
      },
    },
    $defs: { answer, attachmentRef: attachmentRefSchema },
  };
}

/** One entry of the clue register made from a finding (fields of schemas/templates/clue-sheet.json). */
export interface ClueEntry {
  source: string;
  mainProblem: string;
  /** The finding's evidence; attached files keep their references (`file`, `original`). */
  evidence: EvidenceRef[];
  sourceRef: { kind: 'checklist'; templateId: string; checkpointId: string };
  [extra: string]: unknown;
}

/** Clue-flagged findings as clue-register entries (问题线索登记), in template order. */
export function toClueEntries(template: ChecklistTemplateSource, response: ChecklistResponse, lang = 'zh-CN'): ClueEntry[] {
  const index = indexTemplate(template);
  const out: ClueEntry[] = [];
  for (const ip of index.points) {
    const item = answersOf(response)[ip.point.id];
    if (!isProblem(index, item) || !item?.clue) continue;
    // The problem's category as people read it: the clue register routes by it (条例 §28).
    const categoryId = answerText(item.category) || ip.point.category;
    out.push({
      source: clueSources.checklist,
      ...(categoryId ? { category: optionLabel(template.categories, categoryId, lang) } : {}),
      mainProblem: answerText(item.description).trim() || textOf(ip.point.text, lang),
      evidence: answerEvidence(item).map((raw) => {
        const e = evidenceFields(raw);
        return { title: e.title, ...(e.ref ? { ref: e.ref } : {}), ...evidenceFiles(raw) };
      }),
      sourceRef: { kind: 'checklist', templateId: template.id, checkpointId: ip.point.id },
    });
  }
  return out;
}

/** The label of an option in `lang`, or the value itself when the list does not offer it. */
function optionLabel(options: TemplateOption[] | undefined, value: string, lang: string): string {
  const o = options?.find((x) => x.value === value);
  return o ? textOf(o.label, lang) : value;
}

/** The attached file of an evidence entry and its original photo, as they are (objects with a sha256), so a finding's photos reach the ledger and the clue sheet. */
function evidenceFiles(raw: unknown): Pick<EvidenceRef, 'file' | 'original'> {
  const out: Record<string, unknown> = {};
  if (isPlainObject(raw)) for (const k of ['file', 'original']) if (isPlainObject(raw[k]) && typeof raw[k]['sha256'] === 'string') out[k] = raw[k];
  return out;
}

/**
 * The evidence of a finding as ledger evidence: kinds as their labels, attached files kept
 * (`file`, `original`), entries with neither title nor reference nor file left out (one with
 * only a reference takes it as title, one with only a file its name).
 */
function problemEvidence(template: ChecklistTemplateSource, item: ChecklistItemResponse | undefined, lang: string): EvidenceRef[] {
  const out: EvidenceRef[] = [];
  for (const raw of answerEvidence(item)) {
    const e = evidenceFields(raw);
    const files = evidenceFiles(raw);
    const title = e.title.trim() || e.ref.trim() || (files.file ? answerText(files.file.name).trim() : '');
    if (!title) continue;
    out.push({ title, ...(e.kind ? { kind: optionLabel(template.evidenceKinds, e.kind, lang) } : {}), ...(e.ref && e.ref.trim() !== title ? { ref: e.ref } : {}), ...files });
  }
  return out;
}

/**
 * Problem findings as rectification items (status 未启动, kind 限期整改), each
 * linked back to its check point. The finding's evidence goes to `problem.evidence`
 * (evidence of the problem; the item's own `evidence`, of completion, starts empty so
 * closing still needs its own), the category as its label in `lang` to
 * `problem.category` and as its id to `problem.categoryId`. `now` is an ISO date-time for the history;
 * the deadline defaults to 60 days after it (the usual two months given for
 * rectification after feedback) and is meant to be edited.
 */
export function toRectificationItems(
  template: ChecklistTemplateSource,
  response: ChecklistResponse,
  options: { now?: string; by?: string; lang?: string; deadline?: string } = {},
): RectificationItem[] {
  const lang = options.lang ?? 'zh-CN';
  const now = options.now ?? new Date().toISOString();
  const deadline = options.deadline ?? new Date(Date.parse(now) + 60 * 86400000).toISOString().slice(0, 10);
  const index = indexTemplate(template);
  const out: RectificationItem[] = [];
  for (const ip of index.points) {
    const item = answersOf(response)[ip.point.id];
    if (!isProblem(index, item)) continue;
    const categoryId = answerText(item!.category) || ip.point.category;
    const evidence = problemEvidence(template, item, lang);
    out.push({
      id: `R-${template.id}-${ip.point.id}`,
      problem: {
        text: answerText(item!.description).trim() || textOf(ip.point.text, lang),
        source: { templateId: template.id, checkpointId: ip.point.id, note: textOf(ip.point.text, lang) },
        focusArea: textOf(ip.section.title, lang),
        // People read the category's label; the id stays for machines.
        ...(categoryId ? { category: optionLabel(template.categories, categoryId, lang), categoryId } : {}),
        // 共性/个性 as the template's id (common / specific), as counted by the round's figures.
        ...(answerText(item!.scope).trim() ? { scope: answerText(item!.scope).trim() } : {}),
        ...(evidence.length ? { evidence } : {}),
      },
      measures: [],
      responsibility: {},
      kind: 'deadline',
      deadline,
      startedOn: now.slice(0, 10),
      status: 'not-started',
      progress: 0,
      evidence: [],
      history: [{ at: now, by: options.by ?? '', from: null, to: 'not-started' }],
    });
  }
  return out;
}

/**
 * One name per 三个聚焦 focus area, and their order: shared by the round figures
 * (src/core/round-summary.ts) and the 整改情况报告 (src/core/rectification-report.ts), so both count
 * and order a focus area the same way whatever its spelling. Pure; no DOM.
 *
 * The ledger's `problem.focusArea` is typed by people, or copied from a template's section
 * title: "聚焦……决策部署" and "聚焦……决策部署情况", "群众身边腐败问题" and "群众身边的腐败问题",
 * "三、聚焦……" are one area. The rules (matching only: the text shown is always a title as written):
 *
 * 1. {@link focusAreaTitle}: a leading ordinal (一、 （一） (1) 1. 1、 ① 第一、…) is removed,
 *    repeatedly, with the spaces and punctuation around the title.
 * 2. {@link focusAreaKey}: two titles are the same area when their keys are equal — the title
 *    NFKC-folded and lower-cased, without white space, punctuation or symbols, without a leading
 *    聚焦 and without the words 的, 情况, 方面 and the joining 和/与/及/以及 (which spellings of the
 *    three areas add, drop or write as 、).
 * 3. A title not equal to a known area's (a template's section title) is that area when one key
 *    begins with the other, the shorter holding at least 6 characters and two thirds of the longer
 *    (a title cut short, "聚焦基层党组织领导班子"), and exactly one known area fits.
 * 4. {@link FocusAreas} orders areas as the templates order them, the others after in order of
 *    first appearance, the unnamed ('') last.
 */
import { textOf, type LocalizedText } from './text.js';

/**
 * The section titles (三个聚焦) of the bundled template schemas/templates/checklist-sanjujiao.json,
 * by its id (tests/core/focus-area.test.ts holds them equal to the file's): the ledger's items made
 * from it are matched and ordered by them without the template being loaded.
 */
export const BUNDLED_FOCUS_AREAS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'xc-sanjujiao': Object.freeze([
    '聚焦党的理论路线方针政策和党中央决策部署情况',
    '聚焦群众身边腐败问题和不正之风',
    '聚焦基层党组织领导班子和干部队伍建设情况',
  ]),
});

const NUMERALS = '一二三四五六七八九十百零〇两';
/** A leading ordinal: 一、 第一、 （一） (1) 【1】 1. 1.2 1、 1) ① Ⅰ. — each with what follows it. */
const ORDINAL = new RegExp(
  `^(?:第?[${NUMERALS}]+[、.．,，:：\\s]|[（(【\\[〔]\\s*(?:[${NUMERALS}]+|[0-9０-９]+)\\s*[）)】\\]〕]|[0-9０-９]+(?:[.．][0-9０-９]+)*(?:[.．、,，)）:：]|\\s)|[\\u2460-\\u2473\\u2776-\\u277F\\u2160-\\u216B][.．、]?)`,
  'u',
);
const EDGE = /^[\s.．,，、;；:：。\-—–·•*#]+|[\s.．,，、;；:：。\-—–·•*#]+$/gu;
/** What the key leaves out: white space, punctuation, symbols, and the words that spellings of one area add or drop. */
const NOISE = /[\s\p{P}\p{S}]+|的|情况|方面|以及|和|与|及/gu;
const LEAD = /^聚焦/u;

/** A focus area's title as shown: trimmed, without a leading ordinal or the punctuation around it ('' for anything not text). */
export function focusAreaTitle(title: unknown): string {
  if (typeof title !== 'string') return '';
  let s = title.replace(EDGE, '');
  for (let i = 0; i < 4; i++) {
    const m = ORDINAL.exec(s);
    if (!m || m[0].length >= s.length) break;
    s = s.slice(m[0].length).replace(EDGE, '');
  }
  return s;
}

/** The key two spellings of one area share (see the module's rule 2); '' when nothing is left. */
export function focusAreaKey(title: unknown): string {
  return focusAreaTitle(title).normalize('NFKC').toLowerCase().replace(NOISE, '').replace(LEAD, '');
}

/** The focus areas' titles of checklist templates, in their order (each template's section titles, in `lang`, zh-CN by default). */
export function templateFocusAreas(templates: readonly unknown[] | null | undefined, lang = 'zh-CN'): string[] {
  const out: string[] = [];
  for (const t of Array.isArray(templates) ? templates : []) {
    if (typeof t !== 'object' || t === null) continue;
    const sections = (t as { sections?: unknown }).sections;
    for (const s of Array.isArray(sections) ? sections : []) {
      const title = typeof s === 'object' && s !== null ? (s as { title?: unknown }).title : undefined;
      const text = typeof title === 'string' ? title : typeof title === 'object' && title !== null ? textOf(title as LocalizedText, lang) : '';
      const clean = focusAreaTitle(text);
      if (clean) out.push(clean);
    }
  }
  return out;
}

/**
 * The known focus areas for some records: those of `templates`, then those of the bundled
 * template when a ledger item was made from it (`problem.source.templateId`) and no template
 * given has its id.
 */
export function knownFocusAreas(templates: readonly unknown[] | null | undefined, items: readonly unknown[] = [], lang = 'zh-CN'): string[] {
  const list = Array.isArray(templates) ? templates : [];
  const given = new Set(list.map((t) => (typeof t === 'object' && t !== null ? (t as { id?: unknown }).id : undefined)));
  const out = templateFocusAreas(list, lang);
  const used = new Set<string>();
  for (const item of items) {
    const id = (item as { problem?: { source?: { templateId?: unknown } } } | null)?.problem?.source?.templateId;
    if (typeof id === 'string' && !given.has(id) && BUNDLED_FOCUS_AREAS[id] && !used.has(id)) {
      used.add(id);
      out.push(...BUNDLED_FOCUS_AREAS[id]!);
    }
  }
  return out;
}

const MIN_PREFIX = 6;

/**
 * Names focus areas (each spelling of an area gets the same name: the known area's title, else
 * the first spelling met, cleaned) and orders them (known areas in the templates' order, then the
 * others in order of first naming, '' last). One instance per summary or report: it learns the
 * spellings it is given.
 */
export class FocusAreas {
  private readonly known: { title: string; key: string }[] = [];
  private readonly byKey = new Map<string, string>();
  private readonly byTitle = new Map<string, string>();
  private readonly rankOf = new Map<string, number>();

  /** `known`: the known areas' titles in order (e.g. {@link knownFocusAreas}). */
  constructor(known: readonly string[] = []) {
    for (const t of known) {
      const title = focusAreaTitle(t);
      const key = focusAreaKey(title);
      if (!key || this.byKey.has(key)) continue;
      this.known.push({ title, key });
      this.byKey.set(key, title);
      this.rankOf.set(title, this.rankOf.size);
    }
  }

  /** The name `title` is counted and shown under ('' for no title). */
  name(title: unknown): string {
    if (typeof title !== 'string') return '';
    const hit = this.byTitle.get(title);
    if (hit !== undefined) return hit;
    const clean = focusAreaTitle(title);
    const key = focusAreaKey(clean);
    let name = '';
    if (key) {
      name = this.byKey.get(key) ?? this.near(key) ?? clean;
      if (!this.byKey.has(key)) this.byKey.set(key, name);
      if (!this.rankOf.has(name)) this.rankOf.set(name, this.rankOf.size);
    }
    if (this.byTitle.size < 10_000) this.byTitle.set(title, name);
    return name;
  }

  /** The one known area whose key begins with `key`, or is begun by it (rule 3), else undefined. */
  private near(key: string): string | undefined {
    let found: string | undefined;
    for (const k of this.known) {
      const [short, long] = key.length <= k.key.length ? [key, k.key] : [k.key, key];
      if (short.length < MIN_PREFIX || short.length * 3 < long.length * 2 || !long.startsWith(short)) continue;
      if (found !== undefined) return undefined;
      found = k.title;
    }
    return found;
  }

  /** A copy of `list` in the areas' order: known areas as the templates order them, others by first naming, '' last (stable). */
  sort<T>(list: readonly T[], nameOf: (x: T) => string): T[] {
    const rank = (x: T) => {
      const n = nameOf(x);
      return n === '' ? Infinity : (this.rankOf.get(n) ?? Number.MAX_SAFE_INTEGER);
    };
    return list
      .map((x, i) => ({ x, i, r: rank(x) }))
      .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r < b.r ? -1 : 1))
      .map((e) => e.x);
  }
}

/**
 * A checklist template from the text of a document (a Word/WPS file's text, pasted): the usual
 * numbering becomes focus areas, groups and check points, and what could not be placed is
 * returned, never dropped. Pure (no DOM, no strings of its own); the template editor and a
 * portal's own import use it.
 *
 * How the text is read:
 * - Numbering marks, each a style: `一、` (at a line's start), `（一）`, `1.` / `1、` / `（1）`
 *   (at a line's start), `一是` / `一要` (anywhere a sentence starts) and `①` (anywhere).
 * - The focus areas are the first style that starts a line (else the first style found). Under
 *   each focus area, the first style met below it is its groups (or its check points), and under
 *   each of those the first style met below it is its check points: styles are read per focus
 *   area and per group, so one document may number check points `1.` in one place and `一是` or
 *   `①` in another. Marks of a fourth level stay in the text of their check point.
 * - A focus area whose numbered entries hold nothing below their own line (`1. 是否存在……`) holds
 *   them as its check points directly (a two-level template). An entry with a text of its own
 *   (`一是监督检查……情况。重点检查……；……。`) is a group, its text split into check points as the
 *   bundled template splits its source: after the opener `重点检查`, at every `；` and `。`; a
 *   lead-in ending in `：` (`主体责任落实情况：`) is not a check point but the hint of those it
 *   governs. A focus area without numbered entries is split the same way.
 * - A single `一、` mark on the first line (`二、精准聚焦…` pasted with what is under it) is the
 *   document's heading when reading it so places more check points than reading it as a focus
 *   area: it becomes the title (and `source`). Otherwise only an unnumbered first line is the
 *   title.
 * - A mark's title runs to the first `。` or line end; what follows is its text, up to a blank
 *   line.
 * - Nothing is dropped: text before the first focus area, between a title and its first group,
 *   after a blank line, table rows (`| 序号 | 检查内容 |`), closing lines (`附件：…`, `抄送…`, a
 *   signature with a date) and headings with nothing under them are returned in `unplaced`, with
 *   their line.
 *
 * Ids follow the bundled template's pattern (`f1`, `f1g2`, `f1g2-03`, or `f1-03` without groups).
 * With a `base` template, a check point whose text is the same as one of the base's (spaces and
 * the width of punctuation aside) keeps that point's id, hint, category and translations; focus
 * areas and groups whose titles are the same keep theirs, and so does the title. New ones get ids
 * the base never used, and the base's ids that are gone are added to `retiredIds`.
 */
import type { CheckPoint, ChecklistTemplateSource, CheckSection, CheckSectionOfPoints, CheckGroup } from './checklist.js';
import { textOf, type LocalizedText } from './text.js';

/** Text the import could not place, with the line (1-based) it starts on. */
export interface UnplacedText {
  line: number;
  text: string;
  /**
   * `before-first`: before the first focus area; `before-group`: after a title, before its first
   * group or check point; `empty`: a heading with no check point under it (a template's focus
   * areas and groups cannot be empty); `table`: a table row; `stray`: a closing line (附件, 抄送,
   * a signature and date) or text after a blank line that follows a check point or a heading.
   */
  reason: 'before-first' | 'before-group' | 'empty' | 'table' | 'stray';
}

/** Options of {@link importChecklistText}. */
export interface TemplateImportOptions {
  /** The template's id (default `imported`). */
  id?: string;
  /** The title; default the document's heading or its unnumbered first line, else the base's title. */
  title?: string;
  /** Version (default `1.0.0`). */
  version?: string;
  /**
   * Everything but the focus areas: findings, methods, evidence kinds, categories, scopes and
   * rules (pass the bundled template, or your own; its `id` and `version` are not used). Its
   * `sections` and `retiredIds`, when given, keep the ids (and hints, categories, translations) of
   * the check points, groups and focus areas that come back with the same text, and no new one is
   * given an id the base used; its `title` is kept when the document's has the same Chinese text
   * (or the document has none).
   */
  base?: Partial<ChecklistTemplateSource>;
}

/** What the import gives: the template (check it with `readChecklistTemplate`) and what it could not place. */
export interface TemplateImport {
  template: ChecklistTemplateSource;
  /** What was not placed, in the order of the text. */
  unplaced: UnplacedText[];
  /**
   * The numbering styles found, outermost first (after the heading's), e.g. `['（一）', '一是']`;
   * a level numbered in several styles lists them with a space (`'1. 一是'`).
   */
  levels: string[];
}

type Kind = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'shi' | 'yao' | 'circled';
const KIND_SAMPLE: Record<Kind, string> = { cn: '一、', 'paren-cn': '（一）', arabic: '1.', 'paren-arabic': '（1）', shi: '一是', yao: '一要', circled: '①' };
const LINE_KINDS = new Set<Kind>(['cn', 'paren-cn', 'arabic', 'paren-arabic']);

interface Mark {
  kind: Kind;
  /** Where the mark starts, and where its text starts. */
  at: number;
  textAt: number;
  ordinal: string;
}

const CN = '[一二三四五六七八九十百零〇]+';
/** Marks that stand at a line's start (after spaces). */
const LINE_MARKS: [Kind, RegExp][] = [
  ['cn', new RegExp(`^[ \\t\\u3000]*(${CN}、)`, 'u')],
  ['paren-cn', new RegExp(`^[ \\t\\u3000]*([（(]${CN}[）)])`, 'u')],
  ['paren-arabic', /^[ \t\u3000]*([（(]\d{1,3}[）)])/u],
  ['arabic', /^[ \t\u3000]*(\d{1,3}[.．、](?!\d))/u],
];
/** Marks that stand where a sentence starts, inside a line. */
const INLINE = new RegExp(`(^|[。；;：:！？\\s])(${CN})(是|要)(?=[^，。；、\\s])`, 'gu');
const CIRCLED = /[\u2460-\u2473\u3251-\u325f]/gu;
/** A table row: cells between bars, or three cells or more between tabs. */
const TABLE_ROW = /^[ \t\u3000]*[|｜].*[|｜]|[^\t]\t+[^\t]+\t+[^\t]/u;
/** A document's closing lines (an attachment's note, copies, contacts) and a signature with its date. */
const CLOSING = /^[ \t\u3000]*(?:附件|附：|抄送|印发|主送|联系人|联系电话)|^[^。；;，,：:]{0,30}?\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[ \t\u3000]*$/u;
const BLANK_LINE = /\n[ \t\u3000]*\n/u;

/** Every numbering mark of the text, in order. */
function findMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const [kind, re] of LINE_MARKS) {
      const m = re.exec(line);
      if (m) {
        const lead = /^[ \t\u3000]*/u.exec(line)![0].length;
        marks.push({ kind, at: lineStart + lead, textAt: lineStart + m[0].length, ordinal: m[1]! });
        break;
      }
    }
    lineStart += line.length + 1;
  }
  for (const m of text.matchAll(INLINE)) {
    const at = m.index! + m[1]!.length;
    marks.push({ kind: m[3] === '是' ? 'shi' : 'yao', at, textAt: at + m[2]!.length + 1, ordinal: m[2]! + m[3]! });
  }
  for (const m of text.matchAll(CIRCLED)) marks.push({ kind: 'circled', at: m.index!, textAt: m.index! + m[0].length, ordinal: m[0] });
  // A mark inside another's span (a line mark also found inline) counts once.
  marks.sort((a, b) => a.at - b.at);
  return marks.filter((m, i) => i === 0 || m.at >= marks[i - 1]!.textAt);
}

const clean = (s: string) => s.replace(/[ \t\u3000\n]+/gu, ' ').trim();
const stripEnd = (s: string) => clean(s).replace(/[；;。，,、\s]+$/u, '');
const isEmpty = (s: string) => /^[\p{P}\s]*$/u.test(s);
const OPENER = /^重点检查(?=.)/u;
const LEAD_IN_OPENER = /^(?:同时[，,])?(?:重点)?(?:检查)?/u;

type Draft = Omit<CheckPoint, 'id' | 'text' | 'hint'> & { text: string; hint?: string };

/** The check points of a group's text, split as the bundled template splits its source. */
function splitPoints(body: string): Draft[] {
  const out: Draft[] = [];
  let hint: string | undefined;
  for (const part of clean(body).replace(OPENER, '').split(/[；;。]/u)) {
    let seg = part.trim();
    const colon = seg.search(/[：:]/u);
    if (colon > 0 && colon < seg.length - 1) {
      const lead = seg.slice(0, colon).replace(LEAD_IN_OPENER, '').trim();
      if (lead) hint = lead;
      seg = seg.slice(colon + 1).trim();
    }
    if (!seg || isEmpty(seg)) continue;
    out.push(hint ? { text: seg, hint } : { text: seg });
  }
  return out;
}

/** The first index of a sorted list whose value is at least `v`. */
function lowerBound(n: number, valueAt: (i: number) => number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (valueAt(mid) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The line (1-based) of a position (the line starts of the text being read are kept while it is read). */
let starts: { text: string; at: number[] } = { text: '', at: [0] };
function lineOf(text: string, at: number): number {
  if (starts.text !== text) {
    const list = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) list.push(i + 1);
    starts = { text, at: list };
  }
  const list = starts.at;
  return lowerBound(list.length, (i) => list[i]!, at + 1);
}
const two = (n: number) => String(n).padStart(2, '0');

interface GroupDraft { ordinal: string; title: string; items: Draft[] }
interface SectionDraft { ordinal: string; title: string; groups?: GroupDraft[]; items?: Draft[] }
interface Reading { sections: SectionDraft[]; unplaced: UnplacedText[]; levels: Set<Kind>[]; points: number }

/** The text from `from` to `to` as unplaced (nothing when it is only spaces and punctuation). */
function passage(text: string, from: number, to: number, reason: UnplacedText['reason']): UnplacedText[] {
  const out: UnplacedText[] = [];
  // One passage a paragraph (blank lines part them), each with the line it starts on.
  let at = from;
  for (const raw of text.slice(from, Math.max(from, to)).split(/(?<=\n[ \t\u3000]*\n)/u)) {
    const s = clean(raw);
    if (s && !isEmpty(s)) out.push({ line: lineOf(text, at + raw.length - raw.trimStart().length), text: s, reason });
    at += raw.length;
  }
  return out;
}

/**
 * A mark's own text (from its text to `to`), ended by a blank line: its title (to the first `。`
 * or line end), its body and, after a blank line, what is not its own.
 */
function own(text: string, m: Mark, to: number): { title: string; body: string; bodyAt: number; end: number; stray: UnplacedText[] } {
  let end = Math.max(m.textAt, to);
  let span = text.slice(m.textAt, end);
  const blank = span.search(BLANK_LINE);
  let stray: UnplacedText[] = [];
  if (blank >= 0 && span.slice(0, blank).trim()) {
    stray = passage(text, m.textAt + blank, end, 'stray');
    end = m.textAt + blank;
    span = span.slice(0, blank);
  }
  const stop = span.search(/[。\n]/u);
  if (stop < 0) return { title: span.trim(), body: '', bodyAt: end, end, stray };
  return { title: span.slice(0, stop).trim(), body: span.slice(stop + 1), bodyAt: m.textAt + stop + 1, end, stray };
}

/** A check point numbered by a mark: its text to `to`, ended by a blank line. */
function pointOf(text: string, p: Mark, to: number): { text: string; stray: UnplacedText[] } {
  const span = text.slice(p.textAt, Math.max(p.textAt, to));
  const blank = span.search(BLANK_LINE);
  if (blank < 0 || !span.slice(0, blank).trim()) return { text: stripEnd(span), stray: [] };
  return { text: stripEnd(span.slice(0, blank)), stray: passage(text, p.textAt + blank, to, 'stray') };
}

/** Read the marks from `start` on into focus areas, groups and check points. */
function read(text: string, all: Mark[], start: number): Reading {
  const marks = all.filter((m) => m.at >= start);
  const unplaced: UnplacedText[] = [];
  /** Add to a list one by one (a long list spread as arguments would overflow the stack). */
  const put = (to: UnplacedText[], list: UnplacedText[]) => {
    for (const u of list) to.push(u);
  };
  const levels: Set<Kind>[] = [new Set(), new Set(), new Set()];
  const top = (marks.find((m) => LINE_KINDS.has(m.kind)) ?? marks[0])?.kind;
  const tops = marks.filter((m) => m.kind === top);
  put(unplaced, passage(text, start, tops[0]?.at ?? text.length, 'before-first'));
  const sections: SectionDraft[] = [];
  let points = 0;
  // The marks within a span, found from where it starts (the marks are in order).
  const below = (m: Mark, end: number, not: Kind[]) => {
    const out: Mark[] = [];
    for (let i = lowerBound(marks.length, (j) => marks[j]!.at, m.textAt); i < marks.length && marks[i]!.at < end; i++) if (!not.includes(marks[i]!.kind)) out.push(marks[i]!);
    return out;
  };
  tops.forEach((m, i) => {
    levels[0]!.add(m.kind);
    const end = tops[i + 1]?.at ?? text.length;
    const inner = below(m, end, [m.kind]);
    const children = inner.filter((c) => c.kind === inner[0]!.kind);
    const head = own(text, m, children[0]?.at ?? end);
    const title = head.title || m.ordinal;
    put(unplaced, head.stray);
    if (!children.length) {
      const items = splitPoints(head.body);
      if (items.length) sections.push({ ordinal: m.ordinal, title, items });
      else put(unplaced, passage(text, m.at, head.end, 'empty'));
      points += items.length;
      return;
    }
    levels[1]!.add(children[0]!.kind);
    const pending: UnplacedText[] = passage(text, head.bodyAt, head.end, 'before-group');
    // Each entry: a group (points numbered below it, or its own text split), or bare (its line only).
    const kids = children.map((c, j) => {
      const cend = children[j + 1]?.at ?? end;
      const sub = below(c, cend, [m.kind, c.kind]);
      const pts = sub.filter((p) => p.kind === sub[0]!.kind);
      const o = own(text, c, pts[0]?.at ?? cend);
      const stray = [...o.stray];
      let items: Draft[];
      if (pts.length) {
        levels[2]!.add(pts[0]!.kind);
        put(stray, passage(text, o.bodyAt, o.end, 'before-group'));
        items = pts.map((p, k) => {
          const got = pointOf(text, p, pts[k + 1]?.at ?? cend);
          put(stray, got.stray);
          return { text: got.text };
        }).filter((p) => p.text);
      } else items = splitPoints(o.body);
      return { c, title: o.title || c.ordinal, items, bare: stripEnd(o.title), end: o.end, stray };
    });
    if (kids.every((k) => !k.items.length && k.bare)) {
      // Entries with nothing below their line are the focus area's check points (two levels).
      for (const u of [...pending, ...kids.flatMap((k) => k.stray)]) unplaced.push(u);
      sections.push({ ordinal: m.ordinal, title, items: kids.map((k) => ({ text: k.bare })) });
      points += kids.length;
      return;
    }
    const groups: GroupDraft[] = [];
    for (const u of pending) unplaced.push(u);
    for (const k of kids) {
      for (const u of k.stray) unplaced.push(u);
      if (k.items.length) groups.push({ ordinal: k.c.ordinal, title: k.title, items: k.items });
      else put(unplaced, passage(text, k.c.at, k.end, 'empty'));
      points += k.items.length;
    }
    if (groups.length) sections.push({ ordinal: m.ordinal, title, groups });
    else put(unplaced, passage(text, m.at, head.end, 'empty'));
  });
  return { sections, unplaced, levels, points };
}

/** A text compared for sameness: spaces out, punctuation at one width, quotes straight, no closing punctuation. */
const same = (t: unknown): string =>
  textOf(t as LocalizedText, 'zh-CN')
    .normalize('NFKC')
    .replace(/[“”„‟〝〞「」『』]/gu, '"')
    .replace(/[‘’]/gu, "'")
    .replace(/\s+/gu, '')
    .replace(/[;。,、.!?]+$/u, '');

const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)) : []);
const idOf = (o: Record<string, unknown>) => (typeof o['id'] === 'string' ? o['id'] : '');

/** The base's focus areas, groups and check points, each by its text, first come first served. */
class Pool {
  private readonly byText = new Map<string, Record<string, unknown>[]>();
  add(key: string, node: Record<string, unknown>): void {
    if (!idOf(node) || !key) return;
    const list = this.byText.get(key);
    if (list) list.push(node);
    else this.byText.set(key, [node]);
  }
  take(key: string): Record<string, unknown> | undefined {
    return this.byText.get(key)?.shift();
  }
}

/** Ids for the read focus areas, groups and check points: the base's where the text came back, else fresh ones it never used. */
function withIds(drafts: SectionDraft[], base: Partial<ChecklistTemplateSource>): { sections: (CheckSection | CheckSectionOfPoints)[]; retired: string[] } {
  const sections = new Pool();
  const groups = new Pool();
  const points = new Pool();
  const baseIds: string[] = [];
  for (const s of objects(base.sections)) {
    sections.add(same(s['title']), s);
    baseIds.push(idOf(s));
    for (const g of objects(s['groups'])) {
      if (g['implicit'] !== true) groups.add(same(g['title']), g);
      baseIds.push(idOf(g));
      for (const p of objects(g['items'])) (points.add(same(p['text']), p), baseIds.push(idOf(p)));
    }
    for (const p of objects(s['items'])) (points.add(same(p['text']), p), baseIds.push(idOf(p)));
  }
  const used = new Set<string>([...baseIds, ...(Array.isArray(base.retiredIds) ? base.retiredIds.filter((x) => typeof x === 'string') : [])]);
  // First the nodes that keep the base's id (so no fresh id takes one of them), then the others.
  const kept = new Map<object, Record<string, unknown>>();
  const keep = (pool: Pool, draft: object, key: string) => {
    const b = pool.take(key);
    if (b) kept.set(draft, b);
  };
  for (const s of drafts) {
    keep(sections, s, same(s.title));
    for (const g of s.groups ?? []) {
      keep(groups, g, same(g.title));
      for (const p of g.items) keep(points, p, same(p.text));
    }
    for (const p of s.items ?? []) keep(points, p, same(p.text));
  }
  const taken = new Set<string>([...kept.values()].map(idOf));
  const fresh = (stem: string, from: number, pad: number) => {
    let n = from;
    while (used.has(stem + (pad ? two(n) : String(n))) || taken.has(stem + (pad ? two(n) : String(n)))) n++;
    const id = stem + (pad ? two(n) : String(n));
    taken.add(id);
    return id;
  };
  const point = (p: Draft, stem: string, k: number): CheckPoint => {
    const b = kept.get(p);
    if (b) return { ...(p.hint ? { hint: p.hint } : {}), ...(b as unknown as CheckPoint) };
    return { id: fresh(stem, k + 1, 2), ...p };
  };
  const out = drafts.map((s, i): CheckSection | CheckSectionOfPoints => {
    const b = kept.get(s);
    const id = b ? idOf(b) : fresh('f', i + 1, 0);
    const head = { id, ordinal: s.ordinal, title: b ? (b['title'] as LocalizedText) : s.title };
    if (s.items) return { ...head, items: s.items.map((p, k) => point(p, `${id}-`, k)) };
    return {
      ...head,
      groups: (s.groups ?? []).map((g, j): CheckGroup => {
        const bg = kept.get(g);
        const gid = bg ? idOf(bg) : fresh(`${id}g`, j + 1, 0);
        return { id: gid, ordinal: g.ordinal, title: bg ? (bg['title'] as LocalizedText) : g.title, items: g.items.map((p, k) => point(p, `${gid}-`, k)) };
      }),
    };
  });
  return { sections: out, retired: baseIds.filter((id) => id && !taken.has(id)) };
}

/**
 * Read the text of a checklist document into a template. Never throws: text it cannot read
 * gives a template with fewer (or no) focus areas and the rest in `unplaced`. Check the result
 * with `readChecklistTemplate` (an empty document gives no focus areas, which the meta-schema
 * refuses).
 */
export function importChecklistText(input: string, options: TemplateImportOptions = {}): TemplateImport {
  let text = (typeof input === 'string' ? input : '').replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  // Table rows and closing lines are no check points: set aside, their place kept as blank space.
  const aside: UnplacedText[] = [];
  text = text
    .split('\n')
    .map((line, i) => {
      const numbered = LINE_MARKS.some(([, re]) => re.test(line));
      const reason = TABLE_ROW.test(line) ? 'table' : !numbered && CLOSING.test(line) ? 'stray' : null;
      if (!reason || isEmpty(clean(line))) return line;
      aside.push({ line: i + 1, text: clean(line), reason });
      return ' '.repeat(line.length);
    })
    .join('\n');
  const marks = findMarks(text);
  const firstLineAt = text.length - text.trimStart().length;
  const numberedFirst = marks.some((m) => m.at === firstLineAt);
  let reading = read(text, marks, 0);
  let heading: string | undefined;
  const first = marks[0];
  if (first && first.kind === 'cn' && first.at === firstLineAt && marks.filter((m) => m.kind === 'cn').length === 1 && marks.some((m) => m.kind !== 'cn')) {
    const end = text.indexOf('\n', first.textAt);
    const asHeading = read(text, marks, end < 0 ? text.length : end + 1);
    if (asHeading.points > reading.points) {
      heading = clean(text.slice(first.textAt, end < 0 ? text.length : end));
      reading = asHeading;
    }
  }
  const unplaced = [...reading.unplaced, ...aside].sort((a, b) => a.line - b.line);

  const base = options.base && typeof options.base === 'object' ? options.base : {};
  const { sections: drafts } = reading;
  const { sections, retired } = withIds(drafts, base);
  const { sections: _s, id: _i, title: _t, version: _v, retiredIds: _r, ...rest } = base;
  const firstLine = numberedFirst ? '' : clean(text.split('\n').find((l) => l.trim()) ?? '').slice(0, 60);
  const found = options.title || heading || firstLine;
  const baseTitle = base.title !== undefined && same(base.title) ? base.title : undefined;
  const title: LocalizedText = baseTitle && (!found || same(found) === same(baseTitle)) ? baseTitle : found || options.id || 'imported';
  const retiredIds = [...new Set([...(Array.isArray(base.retiredIds) ? base.retiredIds.filter((x) => typeof x === 'string') : []), ...retired])];
  const template: ChecklistTemplateSource = {
    ...rest,
    id: options.id ?? 'imported',
    version: options.version ?? '1.0.0',
    title,
    findings: Array.isArray(base.findings) ? base.findings : [],
    ...(heading ? { source: heading } : {}),
    ...(retiredIds.length ? { retiredIds } : {}),
    sections,
  };
  const levels = reading.levels.filter((l) => l.size).map((l) => [...l].map((k) => KIND_SAMPLE[k]).join(' '));
  // The text is not kept once read.
  starts = { text: '', at: [0] };
  return { template, unplaced, levels };
}

/**
 * A checklist template from the text of a document (a Word/WPS file's text, pasted): the usual
 * numbering becomes focus areas, groups and check points, and what could not be placed is
 * returned, never dropped. Pure (no DOM, no strings of its own); the template editor and a
 * portal's own import use it.
 *
 * How the text is read:
 * - Numbering marks, each a kind: `一、` (at a line's start), `（一）`, `1.` / `1、` / `（1）`
 *   (at a line's start), `一是` / `一要` (anywhere a sentence starts) and `①` (anywhere).
 * - The kinds nest in the order they first appear. A single `一、` mark on the first line, when
 *   other kinds follow (`二、精准聚焦…` pasted with what is under it), is the document's heading: it
 *   becomes the title (and `source`), not a level.
 * - The first level is the focus areas (sections), the second the groups, a third the check
 *   points themselves. With two levels the groups' text is split into check points as the
 *   bundled template splits its source: after the opener `重点检查`, at every `；` and `。`; a
 *   lead-in ending in `：` (`主体责任落实情况：`, `同时，检查监督责任落实情况：`) is not a check point
 *   but the hint of those it governs. With one level, the focus areas hold their check points
 *   directly (a two-level template).
 * - A mark's title runs to the first `。` or line end; what follows is its text.
 * - Text before the first focus area, or between a title and its first group when the focus
 *   area has groups, is returned in `unplaced` with its line.
 *
 * Ids follow the bundled template's pattern (`f1`, `f1g2`, `f1g2-03`, or `f1-03` without groups).
 */
import type { CheckPoint, ChecklistTemplateSource, CheckSection, CheckSectionOfPoints, CheckGroup } from './checklist.js';

/** Text the import could not place, with the line (1-based) it starts on. */
export interface UnplacedText {
  line: number;
  text: string;
  /** `before-first`: before the first focus area; `before-group`: after a title, before its first group or check point. */
  reason: 'before-first' | 'before-group';
}

/** Options of {@link importChecklistText}. */
export interface TemplateImportOptions {
  /** The template's id (default `imported`). */
  id?: string;
  /** The title; default the document's heading, else the first line. */
  title?: string;
  /** Version (default `1.0.0`). */
  version?: string;
  /**
   * Everything but the focus areas: findings, methods, evidence kinds, categories, scopes and
   * rules (pass the bundled template, or your own). Its `sections`, `id` and `title` are not used.
   */
  base?: Partial<ChecklistTemplateSource>;
}

/** What the import gives: the template (check it with `readChecklistTemplate`) and what it could not place. */
export interface TemplateImport {
  template: ChecklistTemplateSource;
  unplaced: UnplacedText[];
  /** The numbering kinds found, outermost first (after the title's), e.g. `['（一）', '一是']`. */
  levels: string[];
}

type Kind = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'shi' | 'yao' | 'circled';
const KIND_SAMPLE: Record<Kind, string> = { cn: '一、', 'paren-cn': '（一）', arabic: '1.', 'paren-arabic': '（1）', shi: '一是', yao: '一要', circled: '①' };

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

/** A mark's title (to the first 。 or line end) and the text after it. */
function split(text: string, from: number, to: number): { title: string; body: string; bodyAt: number } {
  const span = text.slice(from, to);
  const stop = span.search(/[。\n]/u);
  if (stop < 0) return { title: span.trim(), body: '', bodyAt: to };
  return { title: span.slice(0, stop).trim(), body: span.slice(stop + 1), bodyAt: from + stop + 1 };
}

const clean = (s: string) => s.replace(/[ \t\u3000\n]+/gu, ' ').trim();
const stripEnd = (s: string) => clean(s).replace(/[；;。，,、\s]+$/u, '');
const OPENER = /^重点检查(?=.)/u;
const LEAD_IN_OPENER = /^(?:同时[，,])?(?:重点)?(?:检查)?/u;

/** The check points of a group's text, split as the bundled template splits its source. */
function splitPoints(body: string): Omit<CheckPoint, 'id'>[] {
  const out: Omit<CheckPoint, 'id'>[] = [];
  let hint: string | undefined;
  for (const part of clean(body).replace(OPENER, '').split(/[；;。]/u)) {
    let seg = part.trim();
    const colon = seg.search(/[：:]/u);
    if (colon > 0 && colon < seg.length - 1) {
      const lead = seg.slice(0, colon).replace(LEAD_IN_OPENER, '').trim();
      if (lead) hint = lead;
      seg = seg.slice(colon + 1).trim();
    }
    if (!seg || /^[\p{P}\s]*$/u.test(seg)) continue;
    out.push(hint ? { text: seg, hint } : { text: seg });
  }
  return out;
}

const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * Read the text of a checklist document into a template. Never throws: text it cannot read
 * gives a template with fewer (or no) focus areas and the rest in `unplaced`. Check the result
 * with `readChecklistTemplate` (an empty document gives no focus areas, which the meta-schema
 * refuses).
 */
export function importChecklistText(input: string, options: TemplateImportOptions = {}): TemplateImport {
  const text = (typeof input === 'string' ? input : '').replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const marks = findMarks(text);
  const order: Kind[] = [];
  for (const m of marks) if (!order.includes(m.kind)) order.push(m.kind);
  const count = (k: Kind) => marks.filter((m) => m.kind === k).length;
  let heading: string | undefined;
  let headingEnd = 0;
  const firstLineAt = text.length - text.trimStart().length;
  if (order.length > 1 && order[0] === 'cn' && count('cn') === 1 && marks[0]!.at === firstLineAt) {
    const h = marks.find((m) => m.kind === order[0])!;
    const end = text.indexOf('\n', h.textAt);
    heading = clean(text.slice(h.textAt, end < 0 ? text.length : end));
    headingEnd = end < 0 ? text.length : end + 1;
    order.shift();
  }
  const levels = order.slice(0, 3);
  const used = marks.filter((m) => levels.includes(m.kind) && m.at >= headingEnd);
  const depth = (m: Mark) => levels.indexOf(m.kind);
  const unplaced: UnplacedText[] = [];
  const leftover = (from: number, to: number, reason: UnplacedText['reason']) => {
    const s = clean(text.slice(from, to));
    const raw = text.slice(from, to);
    if (s && !/^[\p{P}\s]*$/u.test(s)) unplaced.push({ line: lineOf(text, from + raw.length - raw.trimStart().length), text: s, reason });
  };
  const firstSection = used.find((m) => depth(m) === 0);
  leftover(headingEnd, firstSection ? firstSection.at : text.length, 'before-first');

  const sections: (CheckSection | CheckSectionOfPoints)[] = [];
  const endOf = (i: number, d: number) => {
    for (let j = i + 1; j < used.length; j++) if (depth(used[j]!) <= d) return used[j]!.at;
    return text.length;
  };
  used.forEach((m, i) => {
    if (depth(m) !== 0) return;
    const end = endOf(i, 0);
    const sid = `f${sections.length + 1}`;
    const { title, body, bodyAt } = split(text, m.textAt, end);
    const children = used.filter((c, j) => j > i && c.at < end && depth(c) === 1);
    if (levels.length === 1 || !children.length) {
      const items = splitPoints(body).map((p, k) => ({ ...p, id: `${sid}-${two(k + 1)}` }));
      if (items.length) sections.push({ id: sid, ordinal: m.ordinal, title: title || m.ordinal, items });
      else leftover(m.at, end, 'before-group');
      return;
    }
    leftover(bodyAt, children[0]!.at, 'before-group');
    const groups: CheckGroup[] = [];
    for (const g of children) {
      const gi = used.indexOf(g);
      const gend = endOf(gi, 1);
      const gid = `${sid}g${groups.length + 1}`;
      const gs = split(text, g.textAt, gend);
      const points = used.filter((p, j) => j > gi && p.at < gend && depth(p) === 2);
      let items: CheckPoint[];
      if (points.length) {
        leftover(gs.bodyAt, points[0]!.at, 'before-group');
        items = points.map((p, k) => {
          const pend = endOf(used.indexOf(p), 2);
          return { id: `${gid}-${two(k + 1)}`, text: stripEnd(text.slice(p.textAt, pend)) };
        }).filter((p) => p.text);
      } else {
        items = splitPoints(gs.body).map((p, k) => ({ ...p, id: `${gid}-${two(k + 1)}` }));
      }
      if (items.length) groups.push({ id: gid, ordinal: g.ordinal, title: gs.title || g.ordinal, items });
      else leftover(g.at, gend, 'before-group');
    }
    if (groups.length) sections.push({ id: sid, ordinal: m.ordinal, title: title || m.ordinal, groups });
  });

  const base = options.base ?? {};
  const { sections: _s, id: _i, title: _t, version: _v, ...rest } = base;
  const firstLine = clean(text.split('\n').find((l) => l.trim()) ?? '');
  const template: ChecklistTemplateSource = {
    ...rest,
    id: options.id ?? 'imported',
    version: options.version ?? '1.0.0',
    title: options.title || heading || firstLine.slice(0, 60) || options.id || 'imported',
    findings: Array.isArray(base.findings) ? base.findings : [],
    ...(heading ? { source: heading } : {}),
    sections,
  };
  return { template, unplaced, levels: levels.map((k) => KIND_SAMPLE[k]) };
}

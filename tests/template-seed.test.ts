/**
 * The bundled checklist template (schemas/templates/checklist-sanjujiao.json)
 * must carry every check point of section 二 of the seed speech verbatim, in
 * order and grouped as the seed groups them. This test re-reads the seed and
 * fails when a check point is missing, altered, reordered or mis-grouped.
 *
 * Splitting rule the template follows (and this test enforces):
 * - a group body is "重点检查" + check points separated by "；" (once by "。")
 *   and closed by "。";
 * - every separated segment is one check point, kept exactly as in the seed
 *   even when it does not start with 是否 (continuations such as
 *   "越权决策、擅作主张…", "“能力作风建设年”活动是否…", "重点监督“一把手”是否…");
 * - a lead-in that ends with "：" ("主体责任落实情况：", "同时，检查监督责任落实情况：")
 *   is not part of any check point text: its subject ("主体责任落实情况",
 *   "监督责任落实情况") is the `hint` of every check point it governs, up to the
 *   next lead-in or the end of the group. Only lead-ins produce hints.
 */
import { expect } from '@open-wc/testing';

// Mocha globals provided by @web/test-runner (no @types/mocha in this repo).
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void | Promise<void>): void;
declare function before(fn: () => void | Promise<void>): void;

type Text = string | Record<string, string>;

interface TplItem {
  id: string;
  text: Text;
  hint?: Text;
  category?: string;
}
interface TplGroup {
  id: string;
  ordinal?: string;
  title: Text;
  items: TplItem[];
}
interface TplSection {
  id: string;
  ordinal?: string;
  title: Text;
  groups: TplGroup[];
}
interface TplOption {
  value: string;
  label: Text;
}
interface Template {
  id: string;
  categories?: TplOption[];
  sections: TplSection[];
}

interface SeedGroup {
  ordinal: string;
  title: string;
  /** Offset of the ordinal inside section 二. */
  start: number;
  /** Text after "<ordinal><title>。" up to the next group or section, trimmed. */
  body: string;
}
interface SeedSection {
  ordinal: string;
  title: string;
  start: number;
  groups: SeedGroup[];
}

const SEED_URL = '/tests/fixtures/seed.txt';
const TEMPLATE_URL = '/schemas/templates/checklist-sanjujiao.json';

/** Glue allowed around check points in a group body, besides lead-in subjects. */
const BODY_OPENER = '重点检查';
const LEAD_IN_OPENER = '同时，检查';
const SEPARATORS = ['；', '。'];
const LEAD_IN_CLOSER = '：';

/** Check points per group, as counted when the template was built from the seed. */
const EXPECTED_COUNTS: Record<string, number> = {
  f1g1: 6, f1g2: 5, f1g3: 3,
  f2g1: 6, f2g2: 4, f2g3: 4, f2g4: 7, f2g5: 5,
  f3g1: 5, f3g2: 4, f3g3: 5,
};

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.text()).replace(/\r\n?/g, '\n');
}

function plain(value: Text | undefined, where: string): string {
  if (typeof value !== 'string') throw new Error(`${where}: expected a plain string, got ${JSON.stringify(value)}`);
  return value;
}

function countOf(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** Section 二 of the seed: from the line starting "二、" to the line starting "三、". */
function sectionTwo(seed: string): string {
  const start = seed.search(/^二、/m);
  const end = seed.search(/^三、/m);
  if (start < 0 || end < 0 || end <= start) throw new Error('seed: section 二 not found');
  return seed.slice(start, end);
}

/** Parses the focus areas and groups of section 二 independently of the template. */
function parseSeed(s2: string): SeedSection[] {
  const heads = [...s2.matchAll(/（([一二三四五六七八九十])）(聚焦[^。\n]*)。/g)];
  return heads.map((h, i) => {
    const start = h.index ?? 0;
    const contentStart = start + h[0].length;
    const end = i + 1 < heads.length ? heads[i + 1].index ?? s2.length : s2.length;
    const content = s2.slice(contentStart, end);
    const gheads = [...content.matchAll(/([一二三四五六七八九十]是)(监督检查[^。\n]*)。/g)];
    if (gheads.length > 0 && content.slice(0, gheads[0].index).trim() !== '') {
      throw new Error(`seed: unexpected text before the first group of （${h[1]}）`);
    }
    const groups = gheads.map((g, j): SeedGroup => {
      const gstart = g.index ?? 0;
      const gend = j + 1 < gheads.length ? gheads[j + 1].index ?? content.length : content.length;
      return {
        ordinal: g[1],
        title: g[2],
        start: contentStart + gstart,
        body: content.slice(gstart + g[0].length, gend).trim(),
      };
    });
    return { ordinal: `（${h[1]}）`, title: h[2], start, groups };
  });
}

/** Characters that may be left over after removing check points and glue. */
const ONLY_PUNCT = /^[\s\p{P}]*$/u;

/**
 * Checks (a)–(d) for one group. Returns human-readable failures (empty = ok).
 */
function checkGroup(body: string, group: TplGroup): string[] {
  const failures: string[] = [];
  const texts = group.items.map((item) => plain(item.text, `${item.id}.text`));

  texts.forEach((text, k) => {
    const id = group.items[k].id;
    if (text.trim() !== text || text === '') failures.push(`${id}: text is empty or has surrounding whitespace`);
    for (const sep of SEPARATORS) {
      if (text.includes(sep)) failures.push(`${id}: text contains the separator "${sep}" (two check points merged?)`);
    }
    // (a) verbatim
    if (!body.includes(text)) failures.push(`${id}: text does not occur verbatim in the seed group ${group.ordinal ?? ''}: ${text}`);
  });
  if (failures.length) return failures;

  // (b) in order, non-overlapping
  const spans: Array<[number, number]> = [];
  let pos = 0;
  for (const [k, text] of texts.entries()) {
    const at = body.indexOf(text, pos);
    if (at < 0) {
      failures.push(`${group.items[k].id}: not found after the previous check point (reordered or overlapping)`);
      return failures;
    }
    spans.push([at, at + text.length]);
    pos = at + text.length;
  }

  // Gaps between check points: before the first, between each pair, after the last.
  const gaps: string[] = [];
  let prev = 0;
  for (const [a, b] of spans) {
    gaps.push(body.slice(prev, a));
    prev = b;
  }
  gaps.push(body.slice(prev));

  // (c) nothing but glue and punctuation is left once the check points are removed
  const hints = new Set<string>();
  for (const item of group.items) if (item.hint !== undefined) hints.add(plain(item.hint, `${item.id}.hint`));
  const glue = [BODY_OPENER, LEAD_IN_OPENER, ...hints, ...SEPARATORS, LEAD_IN_CLOSER]
    .sort((x, y) => y.length - x.length);
  gaps.forEach((gap, k) => {
    let rest = gap;
    for (const g of glue) rest = rest.split(g).join('');
    if (!ONLY_PUNCT.test(rest)) failures.push(`gap ${k} of ${group.id} holds text that is no check point: "${gap}"`);
  });

  // (c, strict form) exact shape of the glue, and hints follow the lead-ins
  const leadIn = `(?:(?:${LEAD_IN_OPENER})?([^；。：]+)${LEAD_IN_CLOSER})?`;
  const firstGap = new RegExp(`^${BODY_OPENER}${leadIn}$`, 'u');
  const midGap = new RegExp(`^[${SEPARATORS.join('')}]${leadIn}$`, 'u');
  let currentHint: string | undefined;
  group.items.forEach((item, k) => {
    const m = (k === 0 ? firstGap : midGap).exec(gaps[k]);
    if (!m) {
      failures.push(`${item.id}: unexpected text before it: "${gaps[k]}"`);
      return;
    }
    if (m[1] !== undefined) currentHint = m[1];
    const hint = item.hint === undefined ? undefined : plain(item.hint, `${item.id}.hint`);
    if (hint !== currentHint) failures.push(`${item.id}: hint should be ${JSON.stringify(currentHint)}, is ${JSON.stringify(hint)}`);
  });
  if (gaps[gaps.length - 1] !== '。') failures.push(`${group.id}: group body should end with "。" right after the last check point, found "${gaps[gaps.length - 1]}"`);

  // (d) as many 是否 in the body as in the check points
  const inBody = countOf(body, '是否');
  const inItems = texts.reduce((n, t) => n + countOf(t, '是否'), 0);
  if (inBody !== inItems) failures.push(`${group.id}: ${inBody} × 是否 in the seed, ${inItems} in the check points`);

  return failures;
}

describe('bundled checklist template vs. seed speech', () => {
  let seed = '';
  let s2 = '';
  let seedSections: SeedSection[] = [];
  let tpl: Template = { id: '', sections: [] };

  before(async () => {
    seed = await fetchText(SEED_URL);
    tpl = JSON.parse(await fetchText(TEMPLATE_URL)) as Template;
    s2 = sectionTwo(seed);
    seedSections = parseSeed(s2);
  });

  it('the seed fixture has 3 focus areas with 3, 5 and 3 groups', () => {
    expect(seedSections.map((s) => s.groups.length)).to.deep.equal([3, 5, 3]);
  });

  it('has 3 sections with 3, 5 and 3 groups, ordinals and titles verbatim', () => {
    expect(tpl.sections.map((s) => s.groups.length)).to.deep.equal([3, 5, 3]);
    tpl.sections.forEach((section, i) => {
      const ss = seedSections[i];
      const title = plain(section.title, `${section.id}.title`);
      expect(section.id).to.equal(`f${i + 1}`);
      expect(section.ordinal, `${section.id}.ordinal`).to.equal(ss.ordinal);
      expect(title, `${section.id}.title`).to.equal(ss.title);
      expect(s2.indexOf(`${section.ordinal ?? ''}${title}。`), `${section.id} located by ordinal+title`).to.equal(ss.start);
      section.groups.forEach((group, j) => {
        const sg = ss.groups[j];
        const gtitle = plain(group.title, `${group.id}.title`);
        expect(group.id).to.equal(`${section.id}g${j + 1}`);
        expect(group.ordinal, `${group.id}.ordinal`).to.equal(sg.ordinal);
        expect(gtitle, `${group.id}.title`).to.equal(sg.title);
        expect(s2.indexOf(`${group.ordinal ?? ''}${gtitle}。`, ss.start), `${group.id} located by ordinal+title`).to.equal(sg.start);
      });
    });
  });

  it('carries every check point verbatim, in order, in the right group', () => {
    const failures: string[] = [];
    tpl.sections.forEach((section, i) => {
      section.groups.forEach((group, j) => {
        const sg = seedSections[i]?.groups[j];
        if (!sg) {
          failures.push(`${group.id}: no such group in the seed`);
          return;
        }
        failures.push(...checkGroup(sg.body, group));
      });
    });
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });

  it('has the documented number of check points per group', () => {
    const counts: Record<string, number> = {};
    for (const s of tpl.sections) for (const g of s.groups) counts[g.id] = g.items.length;
    expect(counts).to.deep.equal(EXPECTED_COUNTS);
  });

  it('uses unique, well-formed ids and known categories', () => {
    const seen = new Set<string>();
    const categories = new Set((tpl.categories ?? []).map((c) => c.value));
    for (const section of tpl.sections) {
      for (const group of section.groups) {
        expect(group.id.startsWith(section.id), `${group.id} inside ${section.id}`).to.be.true;
        group.items.forEach((item, k) => {
          expect(item.id, 'item id').to.match(/^f\dg\d-\d\d$/);
          expect(item.id.startsWith(`${group.id}-`), `${item.id} inside ${group.id}`).to.be.true;
          // The source is fixed, so ids follow the seed's order; a swapped id would
          // re-attach saved answers to the wrong check point.
          expect(item.id, `id of check point ${k + 1} of ${group.id}`).to.equal(`${group.id}-${String(k + 1).padStart(2, '0')}`);
          expect(seen.has(item.id), `duplicate id ${item.id}`).to.be.false;
          seen.add(item.id);
          if (item.category !== undefined) {
            expect(categories.has(item.category), `${item.id}.category ${item.category}`).to.be.true;
          }
        });
      }
    }
    expect(seen.size).to.equal(54);
  });

  it('the fixture is the seed speech', () => {
    expect(seed.startsWith('同志们：')).to.be.true;
    expect(s2.startsWith('二、精准聚焦、持续发力')).to.be.true;
  });
});

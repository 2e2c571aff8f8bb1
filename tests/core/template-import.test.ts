// Importing a checklist template from a document's text (src/core/template-import.ts): section 二 of
// the seed speech gives the bundled template's 54 check points, in its groups and order; other
// numbering styles; what cannot be placed is returned; odd input never throws.
import { expect } from '@open-wc/testing';
import { importChecklistText } from '../../src/core/template-import.js';
import { readChecklistTemplate } from '../../src/core/checklist-template.js';
import type { ChecklistTemplate, ChecklistTemplateSource } from '../../src/core/checklist.js';

const fetchText = async (url: string) => (await (await fetch(url)).text()).replace(/\r\n?/g, '\n');
const plain = (t: unknown) => (typeof t === 'string' ? t : (t as Record<string, string>)['zh-CN']);

/** Each focus area's groups' check points: [section title, group ordinal, group title, [text, hint?][]]. */
function shape(t: ChecklistTemplateSource | ChecklistTemplate) {
  return t.sections.map((s) => ({
    ordinal: s.ordinal,
    title: plain(s.title),
    groups: ('groups' in s ? s.groups : []).map((g) => ({ ordinal: g.ordinal, title: plain(g.title), items: g.items.map((i) => [plain(i.text), i.hint === undefined ? null : plain(i.hint)]) })),
  }));
}

describe('importChecklistText', () => {
  let seed = '';
  let bundled: ChecklistTemplate;
  before(async () => {
    seed = await fetchText('/tests/fixtures/seed.txt');
    bundled = JSON.parse(await fetchText('/schemas/templates/checklist-sanjujiao.json')) as ChecklistTemplate;
  });

  it('section 二 of the seed, pasted, gives the bundled template: 54 check points in the same groups and order, with its hints', () => {
    const two = seed.slice(seed.search(/^二、/m), seed.search(/^三、/m));
    const { template, unplaced, levels } = importChecklistText(two, { id: 'xc-sanjujiao', base: bundled });
    expect(levels).to.deep.equal(['（一）', '一是']);
    // The paragraph between the heading and （一） is no check point: it is returned, with its line.
    expect(unplaced.map((u) => [u.line, u.reason, u.text.slice(0, 10)])).to.deep.equal([[2, 'before-first', '政治巡察越到基层，越']]);
    expect(template.title).to.equal('精准聚焦、持续发力，确保巡察工作巡出实情、察出问题、开出良方');
    const got = shape(template);
    expect(got.flatMap((s) => s.groups.flatMap((g) => g.items)).length).to.equal(54);
    expect(got).to.deep.equal(shape(bundled));
    // The ids follow the bundled template's pattern, so they are the same ones.
    const ids = (t: ChecklistTemplateSource) => t.sections.flatMap((s) => ('groups' in s ? s.groups : []).flatMap((g) => [g.id, ...g.items.map((i) => i.id)]));
    expect(ids(template)).to.deep.equal(ids(bundled));
    const read = readChecklistTemplate(template);
    expect(read.ok, JSON.stringify(!read.ok && read.errors)).to.equal(true);
  });

  it('reads 1. 2. groups and ①② check points under （一）（二）, with Windows line ends and full-width spaces', () => {
    const doc = [
      '村（社区）巡察监督检查清单',
      '（一）村级组织建设',
      '1.班子运行情况',
      '①是否按期召开支部委员会；',
      '②“四议两公开”是否落实。',
      '2．党员管理',
      '　①是否按时收缴党费',
      '（二）村级财务管理',
      '1、三资管理',
      '①集体资产是否登记造册',
    ].join('\r\n');
    const { template, unplaced, levels } = importChecklistText(doc, { base: { findings: bundled.findings } });
    expect(levels).to.deep.equal(['（一）', '1.', '①']);
    expect(shape(template)).to.deep.equal([
      { ordinal: '（一）', title: '村级组织建设', groups: [
        { ordinal: '1.', title: '班子运行情况', items: [['是否按期召开支部委员会', null], ['“四议两公开”是否落实', null]] },
        { ordinal: '2．', title: '党员管理', items: [['是否按时收缴党费', null]] },
      ] },
      { ordinal: '（二）', title: '村级财务管理', groups: [{ ordinal: '1、', title: '三资管理', items: [['集体资产是否登记造册', null]] }] },
    ]);
    expect(unplaced, 'the line before the first focus area is kept').to.deep.equal([{ line: 1, text: '村（社区）巡察监督检查清单', reason: 'before-first' }]);
    expect(readChecklistTemplate(template).ok).to.equal(true);
  });

  it('one level of numbering gives focus areas holding their check points directly (a two-level template)', () => {
    const { template } = importChecklistText('一、党的建设。是否落实“三会一课”；是否按期换届。\n二、作风建设。是否存在“吃拿卡要”问题。', { base: { findings: bundled.findings } });
    expect(template.sections).to.deep.equal([
      { id: 'f1', ordinal: '一、', title: '党的建设', items: [{ id: 'f1-01', text: '是否落实“三会一课”' }, { id: 'f1-02', text: '是否按期换届' }] },
      { id: 'f2', ordinal: '二、', title: '作风建设', items: [{ id: 'f2-01', text: '是否存在“吃拿卡要”问题' }] },
    ]);
    expect(readChecklistTemplate(template).ok).to.equal(true);
  });

  it('text between a focus area’s title and its first group is returned, not dropped (section 三’s 一要 style)', () => {
    const three = seed.slice(seed.search(/^三、/m));
    const { template, unplaced } = importChecklistText(three, { base: { findings: bundled.findings } });
    expect(template.sections.map((s) => plain(s.title))).to.deep.equal(['分类梳理、对症施治，精准发现问题', '同频共振、同向聚合，注重协作配合', '坚守底线、严明纪律，淬炼巡察铁军']);
    expect(unplaced.map((u) => u.reason)).to.deep.equal(['before-first', 'before-group', 'before-group', 'before-group']);
    expect(unplaced[0]!.text.startsWith('巡察是区委安排的一项重要政治任务')).to.equal(true);
    expect(unplaced[1]!.text.startsWith('巡察，既要巡，更要察。')).to.equal(true);
    // Every character of the text is in a title, a check point or `unplaced`: nothing was lost.
    const kept = [template.title, ...unplaced.map((u) => u.text), ...shape(template).flatMap((s) => [s.title, ...s.groups.flatMap((g) => [g.title, ...g.items.map((i) => i[0])])])].join('');
    for (const ch of new Set(three.replace(/[\s\p{P}一二三]/gu, ''))) expect(kept.includes(ch), `“${ch}” is kept`).to.equal(true);
  });

  it('hostile and odd input never throws, and the text stays text', () => {
    const payloads = ['', '\u0000', '（一）', '一是', '①②③', '（一）<img src=x onerror=alert(1)>。一是=cmd|"/c calc"!A1。重点检查：；：；', '\u202E一、反转', 'x'.repeat(20000), '（一）'.repeat(500), '一是'.repeat(500)];
    let seedRand = 7;
    const rand = () => ((seedRand = (seedRand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['（一）', '（二）', '一是', '二是', '一、', '1.', '①', '。', '；', '：', '\n', '重点检查', '是否存在问题', '同时，检查', 'a', ' '];
    for (let i = 0; i < 300; i++) payloads.push(Array.from({ length: 1 + Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    for (const p of payloads) {
      const r = importChecklistText(p, { base: { findings: bundled.findings } });
      expect(Array.isArray(r.template.sections)).to.equal(true);
      if (!r.template.sections.length) continue;
      const read = readChecklistTemplate(r.template);
      expect(read.ok, `${JSON.stringify(p)}: ${JSON.stringify(!read.ok && read.errors)}`).to.equal(true);
    }
    const r = importChecklistText('（一）<img src=x onerror=alert(1)>。一是检查。是否存在=cmd|"/c calc"!A1问题', { base: { findings: bundled.findings } });
    expect(plain(r.template.sections[0]!.title)).to.equal('<img src=x onerror=alert(1)>');
    expect(importChecklistText(undefined as unknown as string).template.sections).to.deep.equal([]);
  });
});

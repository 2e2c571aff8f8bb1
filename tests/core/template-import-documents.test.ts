// Importing a checklist from the text of real-world documents (src/core/template-import.ts): township
// and village lists of two levels, a numbered first line, numbering styles that differ from one focus
// area to the next, table rows, closing lines and empty headings (listed with their lines, never
// merged into a check point), and ids kept for the check points that come back with the same text.
import { expect } from '@open-wc/testing';
import { importChecklistText, type TemplateImport } from '../../src/core/template-import.js';
import { readChecklistTemplate } from '../../src/core/checklist-template.js';
import { docxText } from '../../src/core/docx-text.js';
import { writeDocx } from '../../src/core/office/docx.js';
import type { ChecklistTemplate, ChecklistTemplateSource } from '../../src/core/checklist.js';

const plain = (t: unknown) => (typeof t === 'string' ? t : (t as Record<string, string>)['zh-CN']);
const findings = [
  { value: 'problem', label: '存在问题', isProblem: true },
  { value: 'none', label: '未发现问题' },
];

/** What a person sees of the proposed template: focus areas, then groups or check points, by text. */
function outline(r: TemplateImport) {
  return r.template.sections.map((s) =>
    'groups' in s
      ? [plain(s.title), s.groups.map((g) => [plain(g.title), g.items.map((i) => plain(i.text))])]
      : [plain(s.title), s.items.map((i) => plain(i.text))],
  );
}
const valid = (r: TemplateImport) => {
  const read = readChecklistTemplate(r.template);
  expect(read.ok, JSON.stringify(!read.ok && read.errors)).to.equal(true);
};
const unplaced = (r: TemplateImport) => r.unplaced.map((u) => [u.line, u.reason, u.text]);

describe('importChecklistText: documents as they are written', () => {
  it('a village list of two levels (一、 then 1.) gives focus areas holding their check points', () => {
    const r = importChecklistText('村巡察清单\n一、村级三资\n1. 是否存在白条入账\n2. 是否存在坐收坐支\n二、惠民\n1. 是否存在优亲厚友', { base: { findings } });
    expect(r.template.title).to.equal('村巡察清单');
    expect(r.template.sections).to.deep.equal([
      { id: 'f1', ordinal: '一、', title: '村级三资', items: [{ id: 'f1-01', text: '是否存在白条入账' }, { id: 'f1-02', text: '是否存在坐收坐支' }] },
      { id: 'f2', ordinal: '二、', title: '惠民', items: [{ id: 'f2-01', text: '是否存在优亲厚友' }] },
    ]);
    expect(unplaced(r), 'only the title line is left over').to.deep.equal([[1, 'before-first', '村巡察清单']]);
    expect(r.levels).to.deep.equal(['一、', '1.']);
    valid(r);
  });

  it('一、 with （一） and no third level is two levels too', () => {
    const r = importChecklistText('村巡察清单\n一、村级三资\n（一）是否存在白条入账\n（二）是否存在坐收坐支；', { base: { findings } });
    expect(outline(r)).to.deep.equal([['村级三资', ['是否存在白条入账', '是否存在坐收坐支']]]);
    valid(r);
  });

  it('a numbered first line is a focus area, not the title (the base’s title is kept, with its English)', () => {
    const doc = '一、村级三资\n（一）资产\n1. 是否存在白条入账\n2. 是否存在坐收坐支';
    const r = importChecklistText(doc, { base: { findings } });
    expect(outline(r)).to.deep.equal([['村级三资', [['资产', ['是否存在白条入账', '是否存在坐收坐支']]]]]);
    expect(r.template.title).to.equal('imported');
    expect(r.unplaced).to.deep.equal([]);
    valid(r);
    const title = { 'zh-CN': '村级巡察清单', en: 'Village checklist' };
    expect(importChecklistText(doc, { id: 'v', base: { findings, title } }).template.title).to.deep.equal(title);
  });

  it('numbering styles differ per focus area and per group: 1. in one, 一是 in another, ① in a third', () => {
    const doc = [
      '村巡察清单',
      '一、三资',
      '（一）资产',
      '1. 是否存在A',
      '2. 是否存在B',
      '（二）财务',
      '①是否存在E；②是否存在F。',
      '二、作风',
      '一是是否存在C；二是是否存在D。',
      '三、惠民',
      '（1）是否存在G',
    ].join('\n');
    const r = importChecklistText(doc, { base: { findings } });
    expect(outline(r)).to.deep.equal([
      ['三资', [['资产', ['是否存在A', '是否存在B']], ['财务', ['是否存在E', '是否存在F']]]],
      ['作风', ['是否存在C', '是否存在D']],
      ['惠民', ['是否存在G']],
    ]);
    expect(r.levels).to.deep.equal(['一、', '（一） 一是 （1）', '1. ①']);
    valid(r);
  });

  it('table rows, closing lines and headings with nothing under them are listed with their lines, never made check points', () => {
    const doc = [
      '关于开展2027年村（社区）巡察的监督检查清单',
      '',
      '各巡察组：现将清单印发给你们，请认真对照执行。',
      '',
      '一、村级“三资”管理',
      '（一）集体资产管理',
      '一是是否存在集体资产底数不清等问题；二是是否存在集体土地发包未经民主程序等问题。',
      '二、惠民政策落实',
      '①是否存在低保资金优亲厚友等问题',
      '②是否存在<img src=x onerror=alert(1)>{{7*7}}等问题',
      '',
      '| 序号 | 检查内容 | 方式 |',
      '三、基层党组织建设',
      '四、其他事项',
      '',
      '附件：检查方式说明（略）',
      '区委巡察办 2027年1月',
    ].join('\n');
    const r = importChecklistText(doc, { base: { findings } });
    expect(outline(r)).to.deep.equal([
      ['村级“三资”管理', [['集体资产管理', ['是否存在集体资产底数不清等问题', '是否存在集体土地发包未经民主程序等问题']]]],
      ['惠民政策落实', ['是否存在低保资金优亲厚友等问题', '是否存在<img src=x onerror=alert(1)>{{7*7}}等问题']],
    ]);
    expect(unplaced(r)).to.deep.equal([
      [1, 'before-first', '关于开展2027年村（社区）巡察的监督检查清单'],
      [3, 'before-first', '各巡察组：现将清单印发给你们，请认真对照执行。'],
      [12, 'table', '| 序号 | 检查内容 | 方式 |'],
      [13, 'empty', '三、基层党组织建设'],
      [14, 'empty', '四、其他事项'],
      [16, 'stray', '附件：检查方式说明（略）'],
      [17, 'stray', '区委巡察办 2027年1月'],
    ]);
    valid(r);
  });

  it('a blank line ends a check point: the prose after it is listed, not added to the point', () => {
    const r = importChecklistText('清单\n一、三资\n1. 是否存在白条入账\n2. 是否存在坐收坐支\n\n以上内容请各组结合实际补充\n二、惠民\n1. 是否存在优亲厚友', { base: { findings } });
    expect(outline(r)).to.deep.equal([['三资', ['是否存在白条入账', '是否存在坐收坐支']], ['惠民', ['是否存在优亲厚友']]]);
    expect(unplaced(r)).to.deep.equal([[1, 'before-first', '清单'], [6, 'stray', '以上内容请各组结合实际补充']]);
  });

  it('a .docx table’s rows are listed as table rows, their cells never merged into the check point above', async () => {
    const bytes = await writeDocx({
      title: '村巡察清单',
      blocks: [
        { kind: 'paragraph', text: '一、三资' },
        { kind: 'paragraph', text: '1. 是否存在白条入账' },
        { kind: 'table', header: ['序号', '检查内容', '方式'], rows: [['1', '是否存在坐收坐支', '查阅资料']] },
        { kind: 'paragraph', text: '二、惠民' },
        { kind: 'paragraph', text: '1. 是否存在优亲厚友' },
      ],
    });
    const r = importChecklistText(docxText(bytes), { base: { findings } });
    expect(outline(r)).to.deep.equal([['三资', ['是否存在白条入账']], ['惠民', ['是否存在优亲厚友']]]);
    expect(r.unplaced.filter((u) => u.reason === 'table').map((u) => u.text)).to.deep.equal(['| 序号 | 检查内容 | 方式 |', '| 1 | 是否存在坐收坐支 | 查阅资料 |']);
  });

  describe('with a base template: ids, hints, categories and translations of what comes back', () => {
    const base: ChecklistTemplateSource = {
      id: 'village',
      version: '2.1.0',
      title: { 'zh-CN': '村级巡察清单', en: 'Village checklist' },
      findings,
      retiredIds: ['V-09', 'f2-02'],
      sections: [
        {
          id: 'V',
          ordinal: '一、',
          title: { 'zh-CN': '村级三资', en: 'Village assets' },
          items: [
            { id: 'V-01', text: { 'zh-CN': '是否存在“白条”入账；', en: 'Entries on IOUs?' }, hint: '查阅账簿', category: 'finance' },
            { id: 'V-02', text: '是否存在坐收坐支' },
          ],
        },
      ],
    };

    it('a check point whose text comes back (spaces and punctuation width aside) keeps its id, hint, category and English', () => {
      const doc = '村级巡察清单\n一、村级三资\n1. 是否存在"白条" 入账\n2. 是否存在坐收坐支问题\n3. 是否存在资产流失\n二、惠民\n1. 是否存在优亲厚友\n2. 是否存在虚报冒领';
      const r = importChecklistText(doc, { id: 'village', base });
      const s = r.template.sections[0]!;
      expect(s.id, 'the focus area keeps its id').to.equal('V');
      expect(s.title).to.deep.equal({ 'zh-CN': '村级三资', en: 'Village assets' });
      const items = 'items' in s ? s.items : [];
      expect(items[0]).to.deep.equal({ id: 'V-01', text: { 'zh-CN': '是否存在“白条”入账；', en: 'Entries on IOUs?' }, hint: '查阅账簿', category: 'finance' });
      // Reworded and new points get ids the base never used (not V-02; not f2-02, retired before).
      expect(items.slice(1).map((i) => [i.id, i.text])).to.deep.equal([['V-03', '是否存在坐收坐支问题'], ['V-04', '是否存在资产流失']]);
      const s2 = r.template.sections[1]!;
      expect([s2.id, ...('items' in s2 ? s2.items.map((i) => i.id) : [])]).to.deep.equal(['f2', 'f2-01', 'f2-03']);
      expect(r.template.retiredIds, 'the point that did not come back is retired, with the ids retired before').to.have.members(['V-09', 'f2-02', 'V-02']);
      expect(r.template.title, 'the title keeps its English').to.deep.equal({ 'zh-CN': '村级巡察清单', en: 'Village checklist' });
      valid(r);
    });

    it('the same document read again gives the same template: nothing renumbered, nothing retired', () => {
      const doc = '村级巡察清单\n一、村级三资\n1. 是否存在“白条”入账\n2. 是否存在坐收坐支';
      const r = importChecklistText(doc, { id: 'village', version: base.version, base });
      expect(r.template.sections).to.deep.equal(base.sections);
      expect(r.template.retiredIds).to.deep.equal(['V-09', 'f2-02']);
      expect(r.template.title).to.deep.equal(base.title);
    });

    it('a changed title is the document’s; groups keep their ids by title; the bundled template’s ids come back from its own text', async () => {
      const bundled = JSON.parse(await (await fetch('/schemas/templates/checklist-sanjujiao.json')).text()) as ChecklistTemplate;
      const g = bundled.sections[1]!.groups[2]!;
      const doc = `新清单\n一、${plain(bundled.sections[1]!.title)}\n（一）${plain(g.title)}\n1. ${plain(g.items[1]!.text)}\n2. 是否存在新问题`;
      const r = importChecklistText(doc, { base: bundled });
      expect(r.template.title).to.equal('新清单');
      const s = r.template.sections[0]!;
      const gg = 'groups' in s ? s.groups[0]! : null;
      expect([s.id, gg?.id, gg?.items[0]?.id]).to.deep.equal([bundled.sections[1]!.id, g.id, g.items[1]!.id]);
      expect(gg?.items[1]?.id).to.equal(`${g.id}-${String(g.items.length + 1).padStart(2, '0')}`);
      expect(r.template.retiredIds).to.include(g.items[0]!.id);
      expect(r.template.retiredIds).not.to.include(g.items[1]!.id);
    });
  });
});

// Editing a checklist template step by step (src/core/template-edit.ts): ids stay stable and are
// never reused, moves by keyboard cross into the neighbouring group, every step leaves a valid
// template behind, undo gives back the value before, and a new version says what it sets aside.
import { expect } from '@open-wc/testing';
import { addNode, duplicateNode, EditHistory, findNode, moveNode, moveTo, nextOrdinal, removeNode, replaceTemplate, withRetired, setText, updateNode, usedIds } from '../../src/core/template-edit.js';
import { answersKeptAside, bumpVersion, templateChanges } from '../../src/core/template-version.js';
import { readChecklistTemplate } from '../../src/core/checklist-template.js';
import { denormalizeTemplate, normalizeTemplate, type ChecklistTemplate, type ChecklistTemplateSource } from '../../src/core/checklist.js';

const fetchJson = async <T>(url: string) => (await (await fetch(url)).json()) as T;
const ids = (t: ChecklistTemplate) => t.sections.map((s) => [s.id, s.groups.map((g) => [g.id, g.items.map((p) => p.id)])]);
const valid = (t: ChecklistTemplate) => {
  const r = readChecklistTemplate(denormalizeTemplate(t));
  return r.ok ? true : r.errors;
};

const small = (): ChecklistTemplate =>
  normalizeTemplate({
    id: 'village',
    version: '1.2.0',
    title: '村（社区）巡察清单',
    findings: [{ value: 'problem', label: '存在问题', isProblem: true }, { value: 'none', label: '未发现问题' }],
    sections: [
      { id: 'f1', ordinal: '（一）', title: '组织建设', groups: [
        { id: 'f1g1', ordinal: '一是', title: '班子', items: [{ id: 'f1g1-01', text: '是否按期换届' }, { id: 'f1g1-02', text: '是否团结' }] },
        { id: 'f1g2', ordinal: '二是', title: '党员', items: [{ id: 'f1g2-01', text: '是否按时交党费' }] },
      ] },
      { id: 'f2', ordinal: '（二）', title: '财务', items: [{ id: 'f2-01', text: '是否公开账目' }] },
    ],
  } as ChecklistTemplateSource);

describe('template editing', () => {
  it('adds nodes with fresh ids in the bundled pattern, numbering continued, and never an id that was deleted', () => {
    let t = small();
    const sec = addNode(t, 'section', { fields: { title: '作风' } })!;
    expect(sec.id).to.equal('f3');
    t = sec.template;
    expect(t.sections[2]).to.deep.equal({ id: 'f3', ordinal: '（三）', title: '作风', groups: [{ id: 'f3g1', ordinal: '一是', title: '', items: [{ id: 'f3g1-01', text: '' }] }] });
    const item = addNode(t, 'item', { parentId: 'f1g1', fields: { text: '是否落实“三会一课”' } })!;
    expect(item.id).to.equal('f1g1-03');
    t = item.template;
    t = removeNode(t, 'f1g1-03').template;
    expect(t.retiredIds).to.deep.equal(['f1g1-03']);
    expect(addNode(t, 'item', { parentId: 'f1g1' })!.id, 'the deleted id is not given again').to.equal('f1g1-04');
    const group = addNode(t, 'group', { parentId: 'f1' })!;
    expect([group.id, findNode(group.template, group.id)!.group, group.template.sections[0]!.groups[2]!.ordinal]).to.deep.equal(['f1g3', 2, '三是']);
    // A focus area without groups: a check point goes into it directly, with the two-level pattern.
    expect(addNode(t, 'item', { parentId: 'f2' })!.id).to.equal('f2-02');
  });

  it('giving groups to a focus area that had its check points directly keeps their ids', () => {
    const r = addNode(small(), 'group', { parentId: 'f2', fields: { title: '新分组' } })!;
    const f2 = r.template.sections[1]!;
    expect(f2.groups.map((g) => [g.id, g.implicit ?? false, g.items.map((p) => p.id)])).to.deep.equal([['f2g1', false, ['f2-01']], [r.id, false, [`${r.id}-01`]]]);
    const v = valid({ ...r.template, sections: r.template.sections.map((s) => ({ ...s, groups: s.groups.map((g) => ({ ...g, title: g.title || '标题', items: g.items.map((p) => ({ ...p, text: p.text || '是否……' })) })) })) });
    expect(v, JSON.stringify(v)).to.equal(true);
  });

  it('changing wording never changes an id; texts get a second language without losing the first', () => {
    let t = updateNode(small(), 'f1g1-01', { text: '是否按期规范换届', hint: '查阅换届资料' });
    expect(ids(t)).to.deep.equal(ids(small()));
    expect(t.sections[0]!.groups[0]!.items[0]).to.deep.equal({ id: 'f1g1-01', text: '是否按期规范换届', hint: '查阅换届资料' });
    t = updateNode(t, 'f1g1-01', { hint: undefined });
    expect(t.sections[0]!.groups[0]!.items[0]).to.deep.equal({ id: 'f1g1-01', text: '是否按期规范换届' });
    expect(setText('是否团结', 'en', 'United?')).to.deep.equal({ 'zh-CN': '是否团结', en: 'United?' });
    expect(setText({ 'zh-CN': '甲', en: 'A' }, 'zh-CN', '乙')).to.deep.equal({ 'zh-CN': '乙', en: 'A' });
    expect(setText(undefined, 'zh-CN', '丙')).to.equal('丙');
  });

  it('moves by keyboard: up and down among siblings, across into the neighbouring group at the edge, never emptying a group', () => {
    const t = small();
    expect(ids(moveNode(t, 'f1g1-02', -1))[0]).to.deep.equal(['f1', [['f1g1', ['f1g1-02', 'f1g1-01']], ['f1g2', ['f1g2-01']]]]);
    // Down from the last place of 一是: to the start of 二是.
    expect(ids(moveNode(t, 'f1g1-02', 1))[0]).to.deep.equal(['f1', [['f1g1', ['f1g1-01']], ['f1g2', ['f1g1-02', 'f1g2-01']]]]);
    // The only check point of 二是 does not leave it (the group would be empty).
    expect(moveNode(t, 'f1g2-01', 1)).to.equal(t);
    expect(ids(moveNode(t, 'f2', -1)).map((s) => s[0])).to.deep.equal(['f2', 'f1']);
    expect(moveNode(t, 'f1', -1)).to.equal(t);
    // A drop: 一是's first check point into the focus area without groups.
    expect(ids(moveTo(t, 'f1g1-01', 'f2', 0))[1]).to.deep.equal(['f2', [['f2', ['f1g1-01', 'f2-01']]]]);
    // A group cannot go into a focus area without groups.
    expect(moveTo(t, 'f1g2', 'f2', 0)).to.equal(t);
  });

  it('duplicates with fresh ids after the original; deletes refuse to leave the template invalid', () => {
    const d = duplicateNode(small(), 'f1g1')!;
    expect(ids(d.template)[0]).to.deep.equal(['f1', [['f1g1', ['f1g1-01', 'f1g1-02']], ['f1g3', ['f1g3-01', 'f1g3-02']], ['f1g2', ['f1g2-01']]]]);
    expect(d.template.sections[0]!.groups[1]!.items.map((p) => p.text)).to.deep.equal(['是否按期换届', '是否团结']);
    const s = duplicateNode(small(), 'f2')!;
    expect(ids(s.template)[2]).to.deep.equal(['f3', [['f3', ['f3-01']]]]);
    expect(valid(s.template)).to.equal(true);
    expect(removeNode(small(), 'f1g2-01').removed, 'the last check point of a group').to.deep.equal([]);
    const r = removeNode(small(), 'f1');
    expect(r.removed).to.deep.equal(['f1', 'f1g1', 'f1g1-01', 'f1g1-02', 'f1g2', 'f1g2-01']);
    expect([...usedIds(r.template)].sort()).to.include.members(['f1', 'f1g1-02']);
    expect(addNode(r.template, 'section')!.id, 'f1 was deleted: never again').to.equal('f3');
  });

  it('a template replacing another (an import) retires the ids it drops and frees those it brings back', () => {
    const cur = { ...small(), retiredIds: ['f1g1-02', 'f9'] };
    const next = normalizeTemplate({ ...small(), sections: [{ id: 'f1', title: '组织建设', items: [{ id: 'f1g1-02', text: '是否团结' }, { id: 'f2-01', text: '是否公开账目' }] }] } as ChecklistTemplateSource);
    const r = replaceTemplate(cur, next);
    expect(r.sections).to.equal(next.sections);
    expect(r.retiredIds, 'the old retired ones and what the new one dropped, never what it has').to.include.members(['f9', 'f1g1', 'f1g1-01', 'f1g2', 'f1g2-01', 'f2']);
    expect(r.retiredIds).not.to.include.oneOf(['f1', 'f1g1-02', 'f2-01']);
    expect(cur.retiredIds, 'the template given is left as it was').to.deep.equal(['f1g1-02', 'f9']);
    expect('retiredIds' in replaceTemplate(small(), small()), 'nothing dropped: no retiredIds').to.equal(false);
  });

  it('a new version is never lower and keeps the author’s form of the version (0.9 → 0.10, 1.2 → 2.0, v1.2.3, 2027-1)', () => {
    const cases: [unknown, 'major' | 'minor' | 'patch', string][] = [
      ['1.2.0', 'major', '2.0.0'], ['1.2.0', 'minor', '1.3.0'], ['1.2.0', 'patch', '1.2.1'],
      ['0.9', 'minor', '0.10'], ['0.9', 'major', '1.0'], ['0.9', 'patch', '0.10'],
      ['1.2', 'major', '2.0'], ['2', 'minor', '3'], ['2', 'patch', '3'],
      ['v1.2.3', 'minor', 'v1.3.0'], ['V-01', 'major', 'V-02'], ['1.09', 'minor', '1.10'],
      ['2027-1', 'major', '2027-2'], ['1.0-beta.1', 'minor', '1.0-beta.2'], ['初稿', 'minor', '初稿-2'], ['1.2.3-rc', 'patch', '1.2.3-rc-2'],
      ['', 'minor', '1.0.0'], [undefined, 'major', '1.0.0'], [3, 'minor', '4'],
    ];
    for (const [v, level, next] of cases) expect(bumpVersion(v, level), `${String(v)} ${level}`).to.equal(next);
    const saved = { ...small(), version: '0.9' };
    expect(templateChanges(saved, addNode(saved, 'item', { parentId: 'f1g1' })!.template).nextVersion, 'a check point added to 0.9').to.equal('0.10');
    expect(templateChanges({ ...saved, version: '1.2' }, removeNode({ ...saved, version: '1.2' }, 'f1g1-01').template).nextVersion, 'never back to 1.0.0').to.equal('2.0');
  });

  it('ids retired elsewhere stay retired: a node that has one gets a fresh id (a focus area without groups keeps its group’s id with it)', () => {
    const t = small();
    expect(withRetired(t, []), 'nothing to do').to.equal(t);
    const r = withRetired(t, ['f1g1-02', 'f2', 'gone']);
    expect(r.retiredIds).to.deep.equal(['f1g1-02', 'f2', 'gone']);
    const all = [...usedIds({ ...r, retiredIds: [] })];
    expect(all).not.to.include.oneOf(['f1g1-02', 'f2', 'gone']);
    expect(r.sections[1]!.groups[0]!.id, 'the implicit group follows its focus area').to.equal(r.sections[1]!.id);
    expect(r.sections[0]!.groups[0]!.items.map((p) => p.text)).to.deep.equal(['是否按期换届', '是否团结']);
    expect(valid(r)).to.equal(true);
    expect(t.sections[1]!.id, 'the template given is left as it was').to.equal('f2');
  });

  it('every step on the bundled template leaves it valid against the meta-schema', async () => {
    let t = normalizeTemplate(await fetchJson<ChecklistTemplateSource>('/schemas/templates/checklist-sanjujiao.json'));
    const steps: ((x: ChecklistTemplate) => ChecklistTemplate)[] = [
      (x) => addNode(x, 'item', { parentId: 'f2g3', fields: { text: '是否存在新问题' } })!.template,
      (x) => moveNode(x, 'f1g1-01', 1),
      (x) => moveNode(x, 'f1g3', 1),
      (x) => duplicateNode(x, 'f3')!.template,
      (x) => removeNode(x, 'f2g5').template,
      (x) => updateNode(x, 'f1', { title: setText(x.sections[0]!.title, 'en', 'Policies') }),
    ];
    for (const step of steps) {
      t = step(t);
      expect(valid(t)).to.equal(true);
    }
    expect(t.retiredIds).to.include.members(['f2g5', 'f2g5-01']);
  });

  it('a new version: what went, what came, what was reworded, the version to save, and the answers a draft would keep aside', () => {
    const saved = small();
    let t = updateNode(saved, 'f1g1-02', { text: '班子是否团结' });
    expect(templateChanges(saved, t)).to.deep.equal({ removed: [], added: [], reworded: ['f1g1-02'], nextVersion: '1.3.0' });
    t = removeNode(addNode(t, 'item', { parentId: 'f2' })!.template, 'f1g1-01').template;
    expect(templateChanges(saved, t)).to.deep.equal({ removed: ['f1g1-01'], added: ['f2-02'], reworded: ['f1g1-02'], nextVersion: '2.0.0' });
    expect(templateChanges(saved, saved).nextVersion).to.equal('1.2.0');
    const draft = { items: { 'f1g1-01': { finding: 'problem' }, 'f1g1-02': { finding: 'none' } } };
    expect(answersKeptAside(t, draft)).to.deep.equal(['f1g1-01']);
    expect(answersKeptAside(t, null)).to.deep.equal([]);
  });

  it('numbering continues the siblings’ pattern', () => {
    expect(['（九）', '九是', '10.', '3、', '（12）', '十九是', 'A', undefined].map(nextOrdinal)).to.deep.equal(['（十）', '十是', '11.', '4、', '（13）', '二十是', undefined, undefined]);
  });

  it('undo gives back the value before the step, redo the one after', () => {
    const h = new EditHistory(small());
    const a = h.push(updateNode(h.current, 'f1', { title: '组织' }));
    h.push(removeNode(a, 'f1g1-01').template);
    expect(h.undo()).to.equal(a);
    expect(h.undo()).to.deep.equal(small());
    expect(h.canUndo).to.equal(false);
    expect(h.redo()).to.equal(a);
    h.push(updateNode(a, 'f2', { title: '财务管理' }));
    expect(h.canRedo, 'a new step clears what could be redone').to.equal(false);
  });
});

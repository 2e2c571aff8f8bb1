import { expect } from '@open-wc/testing';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  checklistResponseSchema,
  checklistProgress,
  indexTemplate,
  normalizeResponse,
  toClueEntries,
  toRectificationItems,
  validateChecklist,
  headerOf,
  hasListShape,
  type ChecklistTemplate,
  type ChecklistResponse,
} from '../../src/core/checklist.js';
import { checkChecklistTemplate, readChecklistTemplate } from '../../src/core/checklist-template.js';
import { loadLocale } from '../../src/core/i18n.js';
import { checklistSanjujiao } from '../../src/generated/templates/checklistSanjujiao.js';
import { rectificationLedger } from '../../src/generated/validators/rectificationLedger.js';

const template = checklistSanjujiao as ChecklistTemplate;
const index = indexTemplate(template);
const ids = index.points.map((p) => p.point.id);

function filled(): ChecklistResponse {
  const items: ChecklistResponse['items'] = {};
  for (const id of ids) items[id] = { finding: 'none' };
  items['f2g4-01'] = { finding: 'problem', description: '2025年违规发放加班补贴3.2万元', methods: ['documents'], evidence: [{ title: '2025年工资发放表', kind: 'accounts' }], clue: true, scope: 'specific' };
  items['f1g1-01'] = { finding: 'problem', description: '理论学习中心组全年仅学习2次', category: 'first-topic', methods: ['attend-meetings'], evidence: [{ title: '中心组学习记录' }] };
  return { templateId: template.id, templateVersion: template.version, items };
}

describe('checklist core', () => {
  it('accepts the bundled template and indexes its 54 check points in order', () => {
    const r = readChecklistTemplate(template);
    expect(r.ok).to.equal(true);
    expect(ids).to.have.length(54);
    expect(ids[0]).to.equal('f1g1-01');
    expect(ids[53]).to.equal('f3g3-05');
  });

  it('derives a response schema that a server can use, agreeing with the element rules', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(checklistResponseSchema(template));
    const ok = filled();
    expect(validate(ok), JSON.stringify(validate.errors)).to.equal(true);
    expect(validateChecklist(template, index, ok).valid).to.equal(true);

    const missing = filled();
    delete missing.items['f3g3-05'];
    expect(validate(missing)).to.equal(false);
    expect(validateChecklist(template, index, missing).errors.map((e) => e.path)).to.deep.equal(['items.f3g3-05.finding']);

    const noDescription = filled();
    noDescription.items['f1g1-01'] = { ...noDescription.items['f1g1-01'], description: '  ' };
    expect(validate(noDescription)).to.equal(false);
    expect(validateChecklist(template, index, noDescription).errors.map((e) => e.path)).to.deep.equal(['items.f1g1-01.description']);

    const badLink = filled();
    badLink.items['f2g4-01']!.evidence = [{ title: 'x', ref: 'javascript:alert(1)' }];
    expect(validate(badLink)).to.equal(false);
    expect(validateChecklist(template, index, badLink).errors[0]!.path).to.equal('items.f2g4-01.evidence.0.ref');
  });

  it('the bundled template asks a problem for a method and a piece of evidence (事实清楚、证据确凿), in the response schema too', async () => {
    await loadLocale('en');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(checklistResponseSchema(template));
    expect((template.methods ?? []).map((m) => (m.label as Record<string, string>)['zh-CN'])).to.include.members(['列席会议', '个别访谈/座谈', '民主测评', '问卷调查', '调阅复制', '受理信访']);
    const bare = filled();
    bare.items['f1g1-01'] = { finding: 'problem', description: '理论学习中心组全年仅学习2次', basis: '《中国共产党党委（党组）理论学习中心组学习规则》' };
    expect(validate(bare)).to.equal(false);
    const zh = validateChecklist(template, index, bare).errors;
    expect(zh.map((e) => [e.path, e.message])).to.deep.equal([
      ['items.f1g1-01.methods', '请选择至少一种发现方式'],
      ['items.f1g1-01.evidence', '请添加至少一项佐证材料'],
    ]);
    expect(validateChecklist(template, index, bare, 'en').errors.map((e) => e.message)).to.deep.equal(['Select at least one method', 'Add at least one piece of evidence']);
    // An attached file counts as evidence.
    bare.items['f1g1-01'] = { ...bare.items['f1g1-01'], methods: ['questionnaire'], evidence: [{ title: '问卷.pdf', file: { id: 'f1', name: '问卷.pdf', type: 'application/pdf', size: 3, sha256: 'a'.repeat(64) } }] };
    expect(validateChecklist(template, index, bare).valid).to.equal(true);
    expect(validate(bare), JSON.stringify(validate.errors)).to.equal(true);
  });

  it('reads the 工作底稿 header and checks its members (text; 编制日期 a date)', () => {
    const r = { ...filled(), header: { no: '底稿-1', unit: 5, preparedOn: '2026/11/18', extra: 'kept' } } as unknown as ChecklistResponse;
    expect(headerOf(r)).to.deep.equal({ no: '底稿-1', unit: '', team: '', round: '', preparedBy: '', preparedOn: '2026/11/18' });
    expect(validateChecklist(template, index, r).errors.map((e) => [e.path, e.keyword])).to.deep.equal([
      ['header.unit', 'type'],
      ['header.preparedOn', 'format'],
    ]);
    expect(validateChecklist(template, index, { ...filled(), header: { preparedOn: '2026-11-18' } }).valid).to.equal(true);
    expect(headerOf(null).no).to.equal('');
  });

  it('counts progress, problems and clues', () => {
    const p = checklistProgress(index, filled());
    expect([p.total, p.answered, p.problems, p.clues]).to.deep.equal([54, 54, 2, 1]);
    expect(p.sections['f2']).to.deep.equal({ total: 26, answered: 26, problems: 1, clues: 1 });
  });

  it('turns problems into rectification items that form a valid ledger, linked to their check point', () => {
    const items = toRectificationItems(template, filled(), { now: '2026-11-26T09:00:00.000Z', by: '巡察组' });
    expect(items.map((i) => i.problem.source!.checkpointId)).to.deep.equal(['f1g1-01', 'f2g4-01']);
    expect(items[1]!.problem.text).to.equal('2025年违规发放加班补贴3.2万元');
    expect(items[0]!.problem.focusArea).to.equal('聚焦党的理论路线方针政策和党中央决策部署情况');
    expect(items[0]!.deadline).to.equal('2027-01-25');
    const ledger = { version: 1, items };
    expect(rectificationLedger(ledger), JSON.stringify(rectificationLedger.errors)).to.equal(true);
  });

  it('turns clue-flagged problems into clue entries', () => {
    const clues = toClueEntries(template, filled());
    expect(clues).to.have.length(1);
    expect(clues[0]!.mainProblem).to.equal('2025年违规发放加班补贴3.2万元');
    expect(clues[0]!.sourceRef).to.deep.equal({ kind: 'checklist', templateId: 'xc-sanjujiao', checkpointId: 'f2g4-01' });
  });

  it('normalizes junk without throwing and keeps what it cannot place', () => {
    for (const junk of [null, 3, 'x', [], { items: 5 }, { items: { 'f1g1-01': 'yes' } }]) {
      const r = normalizeResponse(template, index, junk);
      expect(r.items).to.deep.equal({});
      expect(r.templateId).to.equal('xc-sanjujiao');
    }
    const r = normalizeResponse(template, index, { items: { old: { finding: 'none' } }, keptAside: { 'f1g1-02': { finding: 'na' } } });
    expect(r.keptAside).to.deep.equal({ old: { finding: 'none' } });
    expect(r.items['f1g1-02']).to.deep.equal({ finding: 'na' });
  });
});

/** A village-level checklist: five focus areas with check points directly under them (no groups), four findings. */
const village: ChecklistTemplate = {
  id: 'village',
  version: '1',
  title: '村级巡察监督检查清单',
  findings: [
    { value: 'yes', label: { 'zh-CN': '符合', en: 'Meets' } },
    { value: 'mostly', label: { 'zh-CN': '基本符合', en: 'Mostly meets' } },
    { value: 'no', label: { 'zh-CN': '不符合', en: 'Does not meet' }, isProblem: true },
    { value: 'na', label: { 'zh-CN': '不适用', en: 'N/A' } },
  ],
  evidenceKinds: [{ value: 'minutes', label: { 'zh-CN': '会议记录', en: 'Minutes' } }],
  categories: [{ value: 'three-affairs', label: { 'zh-CN': '“三务”公开不及时', en: 'Late disclosure' } }],
  sections: [
    { id: 'v1', title: '党建工作', items: [{ id: 'v1-1', text: '是否按时召开支部党员大会', hint: '查阅会议记录' }, { id: 'v1-2', text: '是否落实“三会一课”' }] },
    { id: 'v2', title: '“三务”公开', items: [{ id: 'v2-1', text: '是否按时公开村务、党务、财务', category: 'three-affairs' }] },
    { id: 'v3', title: '集体“三资”', items: [{ id: 'v3-1', text: '是否存在集体资产出租未经民主程序' }] },
    { id: 'v4', title: '惠民资金', items: [{ id: 'v4-1', text: '是否存在优亲厚友' }] },
    { id: 'v5', title: '作风建设', items: [{ id: 'v5-1', text: '是否存在吃拿卡要' }] },
  ],
} as unknown as ChecklistTemplate;

describe('checklist core: templates of other shapes and the hand-off', () => {
  it('reads a template whose focus areas hold check points directly, numbering them focus area.check point', () => {
    const r = readChecklistTemplate(village);
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).to.equal(true);
    const vi = indexTemplate(village);
    expect(vi.points.map((p) => p.point.id)).to.deep.equal(['v1-1', 'v1-2', 'v2-1', 'v3-1', 'v4-1', 'v5-1']);
    expect(vi.points.map((p) => p.number)).to.deep.equal(['1.1', '1.2', '2.1', '3.1', '4.1', '5.1']);
    expect(vi.points[2]!.section.id).to.equal('v2');
    // Three levels keep theirs: focus area.group.check point.
    expect(index.byId.get('f1g2-03')!.number).to.equal('1.2.3');
    expect(index.points[53]!.number).to.equal('3.3.5');
  });

  it('refuses a focus area with neither or both of groups and check points, and duplicate ids across shapes', () => {
    const neither = { ...village, sections: [{ id: 'x', title: 'x' }] };
    expect(readChecklistTemplate(neither).ok).to.equal(false);
    const both = { ...village, sections: [{ id: 'x', title: 'x', items: [{ id: 'a', text: 'a' }], groups: [{ id: 'g', title: 'g', items: [{ id: 'b', text: 'b' }] }] }] };
    expect(readChecklistTemplate(both).ok).to.equal(false);
    const dup = { ...village, sections: [village.sections[0], { id: 'v2', title: 'y', items: [{ id: 'v1-2', text: 'z' }] }] };
    const r = readChecklistTemplate(dup);
    expect(r.ok).to.equal(false);
    expect(!r.ok && r.errors.map((e) => e.path)).to.deep.equal(['sections.1.items.0.id']);
  });

  it('derives a response schema for a two-level template and hands off its findings', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(checklistResponseSchema(village));
    const vi = indexTemplate(village);
    const items: ChecklistResponse['items'] = {};
    for (const p of vi.points) items[p.point.id] = { finding: 'yes' };
    items['v2-1'] = { finding: 'no', description: '财务公开滞后两个季度', clue: true, evidence: [{ title: '村务公开栏照片', kind: 'minutes', ref: 'V-7' }] };
    const response = { templateId: 'village', templateVersion: '1', items };
    expect(validate(response), JSON.stringify(validate.errors)).to.equal(true);
    expect(validateChecklist(village, vi, response).valid).to.equal(true);
    delete items['v5-1'];
    expect(validate(response)).to.equal(false);
    items['v5-1'] = { finding: 'mostly' };
    const [rect] = toRectificationItems(village, response, { now: '2026-11-26T09:00:00.000Z' });
    expect(rect!.problem.focusArea).to.equal('“三务”公开');
    expect(rect!.problem.source).to.deep.equal({ templateId: 'village', checkpointId: 'v2-1', note: '是否按时公开村务、党务、财务' });
    const [clue] = toClueEntries(village, response);
    expect(clue!.sourceRef.checkpointId).to.equal('v2-1');
  });

  it('carries the evidence and the category label (and id) into the ledger item', () => {
    const items = toRectificationItems(template, filled(), { now: '2026-11-26T09:00:00.000Z', by: '巡察组' });
    const f2 = items.find((i) => i.problem.source!.checkpointId === 'f2g4-01')!;
    const f1 = items.find((i) => i.problem.source!.checkpointId === 'f1g1-01')!;
    // The finding's evidence is evidence of the problem, with the kind as people read it.
    expect(f2.problem.evidence).to.deep.equal([{ title: '2025年工资发放表', kind: '账目凭证' }]);
    // Evidence of completion stays empty: closing must still need its own.
    expect(f2.evidence).to.deep.equal([]);
    expect(f1.problem.category).to.equal('“第一议题”制度落实不到位');
    expect(f1.problem.categoryId).to.equal('first-topic');
    const en = toRectificationItems(template, filled(), { now: '2026-11-26T09:00:00.000Z', lang: 'en' });
    expect(en[0]!.problem.category).to.equal('"First topic" study system not fully implemented');
    expect(en[1]!.problem.evidence![0]!.kind).to.equal('Accounts and vouchers');
    // A category the template does not offer is kept as given.
    const odd = filled();
    odd.items['f1g1-01']!.category = 'local-code';
    expect(toRectificationItems(template, odd, { now: '2026-11-26T09:00:00.000Z' })[0]!.problem).to.include({ category: 'local-code', categoryId: 'local-code' });
    const ledger = { version: 1, items };
    expect(rectificationLedger(ledger), JSON.stringify(rectificationLedger.errors)).to.equal(true);
  });
});

describe('checklist core: the shape a list is drawn from (shown before the meta-schema check)', () => {
  const twoLevel = { id: 't', version: '1', title: { 'zh-CN': '清单', en: 'List' }, findings: [{ value: 'y', label: '是' }, { value: 'n', label: '否', isProblem: true }], sections: [{ id: 's', title: '甲', items: [{ id: 'p', text: '乙', hint: '丙' }] }] };
  it('has the bundled template, a two-level one and one read before (implicit groups)', () => {
    expect(hasListShape(template)).to.equal(true);
    expect(hasListShape(twoLevel)).to.equal(true);
    const read = readChecklistTemplate(twoLevel);
    expect(read.ok && hasListShape(read.template)).to.equal(true);
  });
  it('has not what the list cannot draw: every one of these also fails the meta-schema', () => {
    const bad: [string, unknown][] = [
      ['no sections', { ...twoLevel, sections: [] }],
      ['a number as text', { ...twoLevel, sections: [{ id: 's', title: '甲', items: [{ id: 'p', text: 5 }] }] }],
      ['a text map with a number', { ...twoLevel, title: { 'zh-CN': 1 } }],
      ['an empty title', { ...twoLevel, title: '' }],
      ['an empty text map', { ...twoLevel, sections: [{ id: 's', title: {}, items: [] }] }],
      ['both groups and items', { ...twoLevel, sections: [{ id: 's', title: '甲', items: [], groups: [] }] }],
      ['an empty id', { ...twoLevel, sections: [{ id: '', title: '甲', items: [] }] }],
      ['one finding', { ...twoLevel, findings: [twoLevel.findings[0]] }],
      ['an option without label', { ...twoLevel, methods: [{ value: 'm' }] }],
      ['a group without items', { ...twoLevel, sections: [{ id: 's', title: '甲', groups: [{ id: 'g', title: '乙' }] }] }],
      ['a category that is not a string', { ...twoLevel, sections: [{ id: 's', title: '甲', items: [{ id: 'p', text: '乙', category: 3 }] }] }],
      ['null', null],
      ['an array', [twoLevel]],
    ];
    for (const [why, t] of bad) {
      expect(hasListShape(t), why).to.equal(false);
      expect(readChecklistTemplate(t).ok, `${why} (meta-schema)`).to.equal(false);
    }
  });
  it('checks a template shown before its check with the errors reading it would give, and none for one that can be used', () => {
    const cases: unknown[] = [
      twoLevel,
      template,
      { ...twoLevel, colour: 'red' },
      { ...twoLevel, sections: [{ id: 's', title: '甲', items: [{ id: 'p', text: '乙' }, { id: 'p', text: '丙' }] }] },
      { ...twoLevel, sections: [{ id: 'a b', title: '甲', items: [{ id: 'p', text: '乙' }] }] },
    ];
    const read = readChecklistTemplate(twoLevel);
    if (read.ok) cases.push(read.template);
    for (const t of cases) {
      const r = readChecklistTemplate(t, 'en');
      expect(checkChecklistTemplate(t, 'en'), JSON.stringify(t).slice(0, 80)).to.deep.equal(r.ok ? [] : r.errors);
    }
    expect(checkChecklistTemplate({ ...twoLevel, colour: 'red' }, 'en')).to.not.deep.equal([]);
  });
});

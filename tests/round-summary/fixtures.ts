// Shared inputs of the round figures' tests: three units with known records and, for each, the figures they must give on TODAY.
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';
import type { UnitRecords } from '../../src/core/round-summary.js';

export const TODAY = '2026-12-01';

/** A small template: three focus areas, a problem finding that is not the bundled one's value. */
export const template: ChecklistTemplateSource = {
  id: 'tpl-round',
  version: '1',
  title: '测试清单',
  findings: [
    { value: 'found', label: '存在问题', isProblem: true },
    { value: 'ok', label: '未发现问题' },
  ],
  scopes: [
    { value: 'common', label: '共性问题' },
    { value: 'specific', label: '个性问题' },
  ],
  sections: [
    { id: 'f1', title: { 'zh-CN': '聚焦一', en: 'Focus one' }, groups: [{ id: 'g1', title: '一是', items: [{ id: 'a1', text: 'A1' }, { id: 'a2', text: 'A2' }] }] },
    { id: 'f2', title: { 'zh-CN': '聚焦二', en: 'Focus two' }, items: [{ id: 'b1', text: 'B1' }, { id: 'b2', text: 'B2' }] },
    { id: 'f3', title: { 'zh-CN': '聚焦三', en: 'Focus three' }, items: [{ id: 'c1', text: 'C1' }] },
  ],
};

const item = (id: string, extra: Record<string, unknown>) => ({
  id,
  problem: { text: `问题${id}` },
  measures: [],
  responsibility: {},
  kind: 'deadline',
  deadline: '2027-01-31',
  status: 'in-progress',
  progress: 0,
  evidence: [],
  history: [{ at: '2026-09-01T09:00:00+08:00', by: '张三', from: null, to: 'not-started' }],
  ...extra,
});

/** 甲乡: every kind of record. */
export const unitA: UnitRecords = {
  unit: '甲乡',
  checklists: [
    {
      templateId: 'tpl-round',
      templateVersion: '1',
      items: {
        a1: { finding: 'found', scope: 'common', clue: true },
        a2: { finding: 'found', scope: 'specific' },
        b1: { finding: 'ok' },
        b2: { finding: 'found' },
        c1: { finding: 'found', scope: 'common' },
      },
    },
  ],
  interviews: [
    { recordNo: 'T-1', interviewee: { name: '李四', unit: '甲乡' }, kind: '一把手谈话', problems: [{ summary: '线索', isClue: true }] },
    { recordNo: 'T-2', interviewee: { name: '王五', unit: '甲乡' }, kind: '群众谈话' },
    { recordNo: 'T-3', interviewee: { name: '赵六', unit: '甲乡' }, kind: '知情人谈话' },
    'not a record',
    null,
  ],
  petitions: {
    version: 1,
    entries: [
      { id: 'p1', number: 'XF-2026-001', source: 'letter', receivedOn: '2026-09-02', summary: '反映甲', handling: 'clue' },
      { id: 'p2', number: 'XF-2026-002', source: 'call', receivedOn: '2026-09-03', summary: '反映乙', handling: 'to-unit' },
    ],
  },
  clues: {
    version: 1,
    transfers: [],
    clues: [
      { id: 'c1', number: 'XS-2026-001', source: { kind: 'checklist' }, mainProblem: '甲', state: 'registered' },
      { id: 'c2', number: 'XS-2026-002', source: { kind: 'interview' }, mainProblem: '乙', state: 'transferred' },
      { id: 'c3', number: 'XS-2026-003', source: { kind: 'petition' }, mainProblem: '丙', state: 'replied' },
    ],
  },
  ledger: {
    version: 1,
    items: [
      item('A-1', { status: 'closed', outcome: { rulesMade: 2, fundsRecovered: 1000.5, peopleHandled: 2 } }),
      item('A-2', { kind: 'ongoing', status: 'stage-reached', deadline: undefined, outcome: { rulesMade: 1 } }),
      item('A-3', { deadline: '2026-11-01' }),
      item('A-4', {}),
    ] as never,
  },
};

/** 乙村: a ledger only (problems come from its 问题清单). */
export const unitB: UnitRecords = {
  unit: '乙村',
  ledger: [
    item('B-1', { status: 'closed', problem: { text: '问题B-1', focusArea: '聚焦二', scope: 'common' }, outcome: { fundsRecovered: 200.25, peopleHandled: 1 } }),
    // Its own deadline has passed, but an approved 延期 moved it: not overdue.
    item('B-2', {
      problem: { text: '问题B-2', focusArea: '聚焦一' },
      deadline: '2026-11-30',
      extensions: [{ id: 'e1', at: '2026-11-20T09:00:00+08:00', by: '单位', deadline: '2026-12-31', reason: '需要时间', decision: { at: '2026-11-21T09:00:00+08:00', by: '巡察办', approved: true } }],
    }),
    item('B-3', { status: 'pending-verification', deadline: '2026-10-01', outcome: { rulesMade: -3, fundsRecovered: 'lots' } }),
  ] as never,
};

/** 丙社区: a checklist with its template, interviews and petitions given as a list, no clue register, no ledger. */
export const unitC: UnitRecords = {
  unit: '丙社区',
  checklists: [{ template, response: { templateId: 'tpl-round', templateVersion: '1', items: { a1: { finding: 'found', scope: 'common', clue: true }, b1: { finding: 'ok' } } } }],
  interviews: [{ recordNo: 'T-9', problems: [{ summary: '一', isClue: true }, { summary: '二', isClue: true }, { summary: '三' }] }],
  petitions: [{ id: 'p9', number: 'XF-2026-009', source: 'visit', receivedOn: '2026-09-09', summary: '来访', handling: 'clue' }] as never,
};

export const units = [unitA, unitB, unitC];

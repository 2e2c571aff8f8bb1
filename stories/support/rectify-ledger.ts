/**
 * A small ledger that shows 整改 to the end (for the stories and the demo): a 延期 waiting for the
 * office, one approved, an item awaiting 验收 with one of three parties signed, a 长期坚持 item at
 * 阶段性完成, measures with their own 责任人 and 时限, and a change log. Dates are around 2026-11-26.
 */
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';

const CREATED = { at: '2026-10-10T09:00:00+08:00', by: '区委第二巡察组', role: 'office', from: null, to: 'not-started' } as const;
const STARTED = { at: '2026-10-12T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'not-started', to: 'in-progress' } as const;

function item(over: Partial<RectificationItem> & { id: string }): RectificationItem {
  return {
    problem: { text: '', focusArea: '聚焦群众身边腐败问题和不正之风' },
    measures: [],
    responsibility: { leader: '张副局长', department: '办公室', person: '孙强' },
    kind: 'deadline',
    deadline: '2026-12-31',
    status: 'in-progress',
    progress: 0,
    evidence: [],
    history: [{ ...CREATED }, { ...STARTED }],
    ...over,
  };
}

export function rectifyLedger(): RectificationLedger {
  return {
    version: 1,
    title: '区农业农村局巡察反馈问题整改台账',
    unit: '区农业农村局',
    acceptanceParties: [
      { id: 'office', name: '巡察办' },
      { id: 'team', name: '巡察组' },
      { id: 'dept', name: '主管部门', signers: ['钱处长'] },
    ],
    items: [
      item({
        id: 'ZG-001',
        problem: { text: '公务用车无派车单出车17次', focusArea: '聚焦群众身边腐败问题和不正之风' },
        deadline: '2026-11-20',
        progress: 50,
        measures: [
          { id: 'M-001', text: '建立派车单制度', person: '孙强', deadline: '2026-11-15', done: true, doneOn: '2026-11-14' },
          { id: 'M-002', text: '上线车辆管理系统', person: '李明', deadline: '2027-01-31' },
        ],
        extensions: [{ id: 'ext-1', at: '2026-11-18T15:00:00+08:00', by: '赵芳', role: 'unit', deadline: '2027-01-31', reason: '车辆管理系统须待年度预算批复后采购' }],
        changes: [
          { at: '2026-11-14T17:20:00+08:00', by: '孙强', role: 'unit', path: ['measures', 'M-001', 'done'], after: true },
          { at: '2026-11-14T17:20:00+08:00', by: '孙强', role: 'unit', path: ['progress'], before: 0, after: 50 },
        ],
      }),
      item({
        id: 'ZG-002',
        problem: { text: '春节前违规发放购物卡', focusArea: '聚焦群众身边腐败问题和不正之风', category: '八项规定' },
        deadline: '2026-11-30',
        progress: 80,
        extensions: [
          {
            id: 'ext-1',
            at: '2026-11-02T10:00:00+08:00',
            by: '赵芳',
            role: 'unit',
            deadline: '2026-12-20',
            reason: '涉及人员较多，退缴工作需更多时间',
            decision: { at: '2026-11-03T09:30:00+08:00', by: '陈主任', role: 'office', approved: true, comment: '同意延期' },
          },
        ],
      }),
      item({
        id: 'ZG-003',
        problem: { text: '专项资金台账与财务账不符', focusArea: '聚焦群众身边腐败问题和不正之风' },
        kind: 'immediate',
        deadline: undefined,
        status: 'pending-verification',
        progress: 100,
        evidence: [{ title: '专项资金对账表（2026年）' }],
        history: [{ ...CREATED }, { ...STARTED }, { at: '2026-11-20T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'in-progress', to: 'pending-verification' }],
        acceptance: [
          { party: 'office', name: '陈主任', date: '2026-11-24', opinion: '账实相符，整改到位', passed: true, at: '2026-11-24T16:00:00+08:00', by: '陈主任', role: 'office' },
        ],
      }),
      item({
        id: 'ZG-004',
        problem: { text: '党支部委员缺额未补选', focusArea: '聚焦基层党组织建设' },
        kind: 'ongoing',
        deadline: undefined,
        status: 'stage-reached',
        progress: 60,
        history: [{ ...CREATED }, { ...STARTED }, { at: '2026-11-10T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'in-progress', to: 'stage-reached', comment: '已补选两名委员，长效机制建设持续推进' }],
      }),
    ],
  };
}

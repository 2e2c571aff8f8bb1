// A known ledger for the rectification report's tests: six items over the three focus areas, one without one.
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';

export const F1 = '聚焦党的理论路线方针政策和党中央决策部署情况';
export const F2 = '聚焦群众身边腐败问题和不正之风';
export const F3 = '聚焦基层党组织领导班子和干部队伍建设情况';
export const TODAY = '2026-11-26';

export function item(id: string, over: Partial<RectificationItem>): RectificationItem {
  return {
    id,
    problem: { text: `问题${id}` },
    measures: [],
    responsibility: {},
    kind: 'deadline',
    status: 'in-progress',
    progress: 0,
    evidence: [],
    history: [{ at: '2026-09-01T09:00:00+08:00', by: '王建国', from: null, to: 'not-started' }],
    ...over,
  };
}

/** A known ledger: six items over the three focus areas, one without one. */
export function knownLedger(): RectificationLedger {
  return {
    version: 1,
    unit: '城关镇',
    items: [
      item('ZG-1', {
        problem: { text: '理论学习中心组学习流于形式', focusArea: F1 },
        measures: [{ id: 'm1', text: '制定学习计划', done: true, person: '李明华' }, { id: 'm2', text: '开展专题研讨', done: true }],
        responsibility: { leader: '张振华', department: '党政办', person: '李明华' },
        status: 'closed',
        progress: 100,
        closedAt: '2026-10-20T10:00:00+08:00',
        evidence: [{ title: '学习计划（李明华签字）' }],
        outcome: { rulesMade: 2 },
      }),
      item('ZG-2', {
        problem: { text: '惠民资金发放不及时', focusArea: F2 },
        measures: [{ id: 'm1', text: '清理积压资金', done: true }, { id: 'm2', text: '建立发放台账', deadline: '2026-12-31' }],
        responsibility: { leader: '张振华', department: '财政所', person: '赵丽娟' },
        deadline: '2026-10-31',
        status: 'in-progress',
        progress: 60,
        outcome: { fundsRecovered: 125000.5, peopleHandled: 2 },
        extensions: [{ id: 'ext-1', at: '2026-10-25T09:00:00+08:00', by: '赵丽娟', role: 'unit', deadline: '2026-12-31', reason: '涉及跨年度资金清算' }],
      }),
      item('ZG-3', {
        problem: { text: '公务接待超标准', focusArea: F2 },
        measures: [{ id: 'm1', text: '退赔超标费用', done: true }],
        responsibility: { department: '党政办', person: '钱卫东' },
        deadline: '2026-11-01',
        status: 'in-progress',
        progress: 50,
        outcome: { fundsRecovered: 3000, peopleHandled: 1, rulesMade: 1 },
        history: [
          { at: '2026-09-01T09:00:00+08:00', by: '王建国', from: null, to: 'not-started' },
          { at: '2026-09-05T09:00:00+08:00', by: '钱卫东', from: 'not-started', to: 'in-progress', comment: '等待审计结论' },
        ],
      }),
      item('ZG-4', {
        problem: { text: '基层党组织换届不规范', focusArea: F3 },
        kind: 'ongoing',
        status: 'stage-reached',
        progress: 70,
        measures: [{ id: 'm1', text: '规范换届程序', done: true }, { id: 'm2', text: '长期督导' }],
      }),
      item('ZG-5', { problem: { text: '干部队伍年龄结构老化', focusArea: F3 }, status: 'pending-verification', progress: 100, deadline: '2026-12-31' }),
      item('ZG-6', { problem: { text: '档案管理混乱' }, status: 'not-started', deadline: '2027-01-31' }),
    ],
  };
}


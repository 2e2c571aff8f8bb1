/**
 * Realistic sample answers to the bundled 三个聚焦 checklist, shared by the stories,
 * the demo portal and tests.
 */
import type { ChecklistItemResponse, ChecklistResponse } from '../../src/core/checklist.js';

/** Id and version of the bundled 三个聚焦 template (schemas/templates/checklist-sanjujiao.json). */
export const BUNDLED = { templateId: 'xc-sanjujiao', templateVersion: '1.0.0' };

export const SUBJECT = '区农业农村局党组（第十轮巡察第二组）';

// ---------------------------------------------------------------------------
// Sample answers to the bundled template (ids from checklist-sanjujiao.json).
// ---------------------------------------------------------------------------

export const none: ChecklistItemResponse = { finding: 'none', methods: ['hearing', 'documents'] };
export const na: ChecklistItemResponse = { finding: 'na', notes: '本单位无下属企业，不涉及。' };

/** Problems found, realistic wording as a team would record them. */
export const problems: Record<string, ChecklistItemResponse> = {
  'f1g1-01': {
    finding: 'problem',
    description: '2025年3次党组会议未传达学习习近平新时代中国特色社会主义思想相关内容；理论学习中心组全年集中学习仅2次，低于不少于6次的要求。',
    methods: ['documents', 'interview'],
    evidence: [
      { title: '2025年党组会议纪要（第1—5次）', kind: 'meeting-minutes', ref: '农党组纪〔2025〕1—5号' },
      { title: '与党组成员个别谈话记录', kind: 'interview-record', ref: 'TH-2025-017' },
    ],
    category: 'first-topic',
    scope: 'common',
  },
  'f1g1-04': {
    finding: 'problem',
    description: '单位微信公众号未建立“三审三校”制度，2024年11月发布的1篇稿件出现表述错误，7天后才发现并删除。',
    methods: ['documents', 'site-visit'],
    evidence: [{ title: '公众号发稿审核登记簿', kind: 'documents' }],
    category: 'ideology',
    scope: 'specific',
  },
  'f1g3-01': {
    finding: 'problem',
    description: '对上轮巡察反馈的“高标准农田项目推进缓慢”问题搁置未解决，整改台账标注“长期坚持”但无具体措施和时限。',
    methods: ['documents', 'hearing'],
    evidence: [{ title: '上轮巡察整改台账', kind: 'documents', ref: '区巡办〔2023〕12号' }],
    category: 'performance',
    scope: 'specific',
  },
  'f2g1-02': {
    finding: 'problem',
    description: '2024年召开各类会议46次，其中15次为以会议落实会议；会议材料大段照搬上级文件，未提出本单位具体措施。',
    methods: ['documents'],
    evidence: [{ title: '2024年会议计划及会议记录', kind: 'meeting-minutes' }],
    category: 'writing-meeting-style',
    scope: 'common',
  },
  'f2g1-04': {
    finding: 'problem',
    description: '2024年对下属3个站所开展检查考核12次，要求报送材料28类，个别谈话中基层干部普遍反映负担较重。',
    methods: ['interview', 'documents'],
    evidence: [{ title: '检查考核通知汇编', kind: 'documents' }],
    category: 'performance',
    scope: 'common',
  },
  'f2g2-02': {
    finding: 'problem',
    description: '农机补贴申领仍要求群众提供已由乡镇出具的证明材料，群众反映同一事项需往返2至3次。',
    methods: ['petitions', 'unannounced'],
    evidence: [
      { title: '群众来信（编号2025-031）', kind: 'petition', ref: 'XF-2025-031' },
      { title: '服务窗口暗访照片', kind: 'site-photo' },
    ],
    category: 'service-awareness',
    scope: 'specific',
  },
  'f2g3-02': {
    finding: 'problem',
    description: '2024年农村危房改造对象中有2户为村干部近亲属，评议公示程序不完整，补助资金共计6万元。',
    methods: ['documents', 'site-visit', 'petitions'],
    evidence: [
      { title: '2024年危房改造对象花名册', kind: 'documents' },
      { title: '补助资金拨付凭证', kind: 'accounts', ref: '记账凭证2024-08-117' },
    ],
    category: 'other',
    scope: 'specific',
    clue: true,
  },
  'f2g4-01': {
    finding: 'problem',
    description: '2024年春节前以“慰问”名义向全体职工发放购物卡，每人800元，共计3.68万元，列支于“其他商品和服务支出”。',
    methods: ['documents'],
    evidence: [{ title: '购物卡采购及领取登记', kind: 'accounts', ref: '记账凭证2024-02-023' }],
    category: 'eight-point-rules',
    scope: 'specific',
    clue: true,
  },
  'f2g4-03': {
    finding: 'problem',
    description: '1辆公务用车2024年有17次出车无派车单，其中6次在节假日；车辆加油卡消费与行驶里程不符。',
    methods: ['documents', 'unannounced'],
    evidence: [
      { title: '公务用车使用登记簿', kind: 'documents' },
      { title: '加油卡消费明细', kind: 'accounts' },
    ],
    category: 'eight-point-rules',
    scope: 'specific',
    clue: true,
  },
  'f2g4-04': {
    finding: 'problem',
    description: '2023年至2024年报销个人手机话费及家庭宽带费用共计1.2万元。',
    methods: ['documents'],
    evidence: [{ title: '通讯费报销凭证', kind: 'accounts' }],
    category: 'eight-point-rules',
    scope: 'common',
  },
  'f2g5-02': {
    finding: 'problem',
    description: '专项资金台账与财务账相差4.6万元，财务人员未能说明原因；存在白条入账5笔。',
    methods: ['documents', 'interview'],
    evidence: [
      { title: '专项资金台账', kind: 'accounts' },
      { title: '与财务股负责人谈话记录', kind: 'interview-record', ref: 'TH-2025-022' },
    ],
    category: 'finance-mgmt',
    scope: 'specific',
    clue: true,
  },
  'f2g5-04': {
    finding: 'problem',
    description: '办公楼维修改造项目（投资86万元）拆分为3个合同分别签订，规避公开招标，且未经党组会议研究。',
    methods: ['documents', 'site-visit'],
    evidence: [{ title: '维修改造项目合同（3份）', kind: 'documents' }],
    category: 'finance-rules',
    scope: 'specific',
    clue: true,
  },
  'f3g1-02': {
    finding: 'problem',
    description: '2024年度民主生活会会前谈心谈话记录内容雷同，相互批评意见多为“希望”“建议”类，批评和自我批评辣味不足。',
    methods: ['documents', 'interview'],
    evidence: [{ title: '2024年度民主生活会材料', kind: 'meeting-minutes' }],
    category: 'party-building',
    scope: 'common',
  },
  'f3g1-03': {
    finding: 'problem',
    description: '所辖第三党支部委员缺额2名超过半年未补选，“三会一课”记录存在补记现象。',
    methods: ['documents', 'site-visit'],
    evidence: [{ title: '第三党支部“三会一课”记录本', kind: 'documents' }],
    category: 'branch-building',
    scope: 'specific',
  },
  'f3g2-04': {
    finding: 'problem',
    description: '财务、采购等重点岗位3名干部在同一岗位任职超过10年未交流轮岗。',
    methods: ['documents'],
    evidence: [{ title: '干部任职情况统计表', kind: 'documents' }],
    category: 'performance',
    scope: 'common',
  },
  'f3g3-03': {
    finding: 'problem',
    description: '上轮巡察反馈的12个问题中，4个问题整改未完成即申请销号，相关制度未修订。',
    methods: ['documents', 'hearing'],
    evidence: [{ title: '巡察整改销号申请表', kind: 'documents' }],
    category: 'performance',
    scope: 'specific',
  },
  'f3g3-04': {
    finding: 'problem',
    description: '对2名干部的苗头性问题仅作口头提醒，未按规定运用监督执纪“第一种形态”并留存记录。',
    methods: ['interview'],
    evidence: [{ title: '与纪检组长谈话记录', kind: 'interview-record', ref: 'TH-2025-030' }],
    category: 'other',
    scope: 'specific',
  },
};

export const pickProblems = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, problems[id]!]));

/** About a third answered, a few problems (one still without a description). */
export const partlyFilled: ChecklistResponse = {
  ...BUNDLED,
  items: {
    ...pickProblems('f1g1-01', 'f2g4-01'),
    'f1g1-02': none,
    'f1g1-03': none,
    'f1g1-04': problems['f1g1-04']!,
    'f1g1-05': { finding: 'none', methods: ['documents'], notes: '保密工作制度健全，2024年开展保密自查1次。' },
    'f1g1-06': none,
    'f1g2-01': none,
    'f1g2-02': none,
    'f1g2-03': { finding: 'problem', methods: ['hearing'] },
    'f1g2-04': na,
    'f2g1-01': none,
    'f2g1-02': problems['f2g1-02']!,
    'f2g4-02': none,
    'f2g4-05': { finding: 'none', methods: ['documents', 'interview'] },
    'f3g1-01': none,
    'f3g1-05': na,
  },
};

/** Almost everything answered; 17 problems, 6 of them flagged as clues. */
export const manyProblems: ChecklistResponse = {
  ...BUNDLED,
  items: {
    ...Object.fromEntries(
      [
        'f1g1-02', 'f1g1-03', 'f1g1-05', 'f1g1-06', 'f1g2-01', 'f1g2-02', 'f1g2-03', 'f1g2-05', 'f1g3-02', 'f1g3-03',
        'f2g1-01', 'f2g1-03', 'f2g1-05', 'f2g1-06', 'f2g2-01', 'f2g2-03', 'f2g2-04', 'f2g3-01', 'f2g3-03', 'f2g3-04',
        'f2g4-02', 'f2g4-05', 'f2g4-06', 'f2g4-07', 'f2g5-01', 'f2g5-03', 'f2g5-05',
        'f3g1-01', 'f3g1-04', 'f3g1-05', 'f3g2-01', 'f3g2-02', 'f3g2-03', 'f3g3-01', 'f3g3-02', 'f3g3-05',
      ].map((id) => [id, none]),
    ),
    'f1g2-04': na,
    ...problems,
  },
};


/**
 * Simplified Chinese strings of <xc-checklist> only. They join the locale registry when that
 * element loads (see src/checklist/locale.ts), so pages without it do not carry them.
 */
const checklistZhCN = {
  progressOverall: (done: number, total: number) => `已填写 ${done} / ${total}`,
  progressProblems: (n: number) => `发现问题 ${n} 个`,
  progressClues: (n: number) => `问题线索 ${n} 条`,
  sectionProgress: (done: number, total: number) => `${done} / ${total}`,
  filterLabel: '筛选',
  filterAll: '全部',
  filterUnanswered: '未填写',
  filterProblems: '存在问题',
  filterClues: '问题线索',
  searchLabel: '搜索检查要点和说明',
  searchPlaceholder: '输入关键词',
  noMatches: '没有符合条件的检查要点',
  matchCount: (n: number) => `显示 ${n} 项`,
  expandAll: '全部展开',
  collapseAll: '全部折叠',
  descriptionHint: '写明问题事实、时间、涉及人员或金额等。',
  categoryNone: '（未分类）',
  keyboardHelp: '按 Alt+↓ / Alt+↑ 在检查要点之间移动，Alt+Home / Alt+End 跳到第一项或最后一项。',
  readonlyNotice: '只读：此清单不可修改。',
  unansweredMark: '未填写',
  noneOption: '（无）',
  pointHint: '填写提示',
  valueRejected: (tag: string) => `${tag}：给出的 value 有无法读取的部分，已按能读取的内容显示；原值保存在 rejectedValue 属性中，直到再次设置 value。`,
  headerLegend: '底稿信息',
  headerNo: '底稿编号',
  headerUnit: '被巡察单位',
  headerTeam: '巡察组',
  headerRound: '轮次',
  headerPreparedBy: '编制人',
  headerPreparedOn: '编制日期',
  basis: '定性依据',
  basisHint: '写明问题违反的党内法规、制度或政策条款。',
  returnComment: '退回意见',
  workpaperInReview: '底稿已提交审核，审核期间不可修改。',
  workpaperSigned: '底稿已审签，不可修改。',
};

/** The shape of these strings in every language. */
export type ChecklistMessages = typeof checklistZhCN;
export default checklistZhCN;

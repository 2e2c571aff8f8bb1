/**
 * Simplified Chinese names of the ledger's statuses, kinds and columns (src/core/rectification.ts:
 * labels, CSV). They join the locale registry with that module, so pages without a ledger do not
 * carry them.
 */
const rectificationZhCN = {
  rectStatusNotStarted: '未启动',
  rectStatusInProgress: '整改中',
  rectStatusStageReached: '阶段性完成',
  rectStatusPendingVerification: '待验收',
  rectStatusClosed: '已销号',
  rectKindImmediate: '立行立改',
  rectKindDeadline: '限期整改',
  rectKindOngoing: '长期坚持',
  rectColId: '编号',
  rectColProblem: '问题描述',
  rectColFocusArea: '所属聚焦',
  rectColCategory: '问题类别',
  rectColMeasures: '整改措施',
  rectColLeader: '责任领导',
  rectColDepartment: '责任部门',
  rectColPerson: '具体责任人',
  rectColKind: '整改类型',
  rectColDeadline: '整改时限',
  rectColExtendedDeadline: '延期后时限',
  rectColStatus: '整改状态',
  rectColProgress: '整改进度（%）',
  rectColEvidence: '佐证材料',
  rectColVerifier: '验收人',
  rectColClosedAt: '销号日期',
};

/** The shape of these strings in every language. */
export type RectificationMessages = typeof rectificationZhCN;
export default rectificationZhCN;

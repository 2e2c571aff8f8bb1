/**
 * Simplified Chinese reasons given by the server-side checks (src/core/verify.ts) only. They
 * join the locale registry with that module, so element pages do not carry them.
 */
const verifyZhCN = {
  verifyRoleUnit: '被巡察单位',
  verifyRoleOffice: '巡察办',
  verifyRoleViewer: '只读用户',
  verifyFieldResponsibility: '责任分工',
  verifyFieldHistory: '整改历史',
  verifyAtItem: (id: string, message: string) => `条目 ${id}：${message}`,
  verifyNotLedger: '提交的数据不是整改台账（应为 version 为 1、含 items 列表且条目编号不重复的对象）。',
  verifyOtherUnit: (unit: string) => `该台账（条目）属于“${unit}”，其他单位不能修改。`,
  verifyLedgerField: (field: string) => `只有巡察办可以修改台账的“${field}”。`,
  verifyItemRemoved: '条目被删除；整改台账的条目及其历史不得删除。',
  verifyIdChanged: (id: string) => `条目编号被改为“${id}”；编号不得修改。`,
  verifyOrder: '原有条目的顺序被改变。',
  verifyClosed: '条目已销号，不能再修改。',
  verifyField: (role: string, field: string, status: string) => `${role}不能修改“${status}”条目的“${field}”。`,
  verifyInvalidValue: (field: string) => `“${field}”的值无效。`,
  verifyHistory: '整改历史被改写或删减；历史只能追加。',
  verifyTransition: (role: string, from: string, to: string) => `${role}不能将条目从“${from}”改为“${to}”。`,
  verifyNeedsEvidence: '销号需要至少一份整改佐证材料。',
  verifyNeedsVerifier: '销号需要填写验收人。',
  verifyNeedsComment: '退回整改需要说明理由。',
  verifyCreate: (role: string) => `${role}不能新增条目。`,
  verifyEntry: '新增的历史记录与当前用户、身份或整改流程不符。',
  verifyFuture: (date: string) => `历史记录的日期（${date}）晚于今天。`,
  verifyBackdated: (date: string, previous: string) => `历史记录的日期（${date}）早于前一条记录（${previous}）。`,
  verifyRuleClosedNoEvidence: '已销号但没有佐证材料。',
  verifyRuleClosedNoVerifier: '已销号但没有验收人。',
  verifyRuleStatusHistory: '状态与历史记录不一致。',
  verifyRuleHistoryOrder: '历史记录前后不衔接。',
  verifySchema: (field: string, message: string) => (field ? `“${field}”：${message}` : message),
  verifyMismatch: (field: string) => `“${field}”的变化不是允许的操作所能产生的。`,
  verifyTemplate: (id: string) => `答复不属于清单模板“${id}”。`,
  verifyUnsigned: '记录未签署：没有 SHA-256 指纹。',
  verifySignatureMismatch: '记录在签署后被改动：指纹不符。',
};

/** The shape of these strings in every language. */
export type VerifyMessages = typeof verifyZhCN;
export default verifyZhCN;

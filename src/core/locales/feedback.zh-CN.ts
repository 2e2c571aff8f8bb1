/**
 * Simplified Chinese strings of <xc-feedback-sheet> (反馈意见 → 问题清单). They join the locale
 * registry when the element loads, so pages without it do not carry them.
 */
const feedbackZhCN = {
  fbTitle: '巡察反馈意见',
  fbCounts: (problems: number, common: number, specific: number) => `共反馈问题 ${problems} 个，其中共性问题 ${common} 个、个性问题 ${specific} 个。`,
  fbNoProblems: '尚无问题：请从已审签的工作底稿起草反馈意见。',
  fbScopeCommon: '共性问题',
  fbScopeSpecific: '个性问题',
  fbScopeNone: '未区分共性个性',
  fbProblemLabel: (n: number) => `问题 ${n}`,
  fbBasis: '定性依据',
  fbSource: (sheet: string, point: string) => (sheet ? `来源：底稿 ${sheet}，${point}` : `来源：${point}`),
  fbSuggestions: '意见建议',
  fbSuggestionLabel: (n: number) => `意见建议 ${n}`,
  fbSuggestionAdd: '添加意见建议',
  fbSuggestionRemove: (n: number) => `删除意见建议 ${n}`,
  fbSuggestionRemoved: (n: number) => `已删除意见建议 ${n}`,
  fbNoSuggestions: '尚无意见建议。',
  fbFeedbackDate: '反馈日期',
  fbDueHint: (months: number) => `问题清单的整改期限为反馈日期后 ${months} 个月（整改情况报告报送期限）。`,
  fbDueDate: (date: string) => `整改情况报告报送期限：${date}`,
  fbIssueLegend: '签发',
  fbIssuer: '签发人（组长）',
  fbIssue: '签发',
  fbIssueNote: '签发后反馈意见不可再修改，并生成问题清单。',
  fbLeaderOnly: '反馈意见由组长签发。',
  fbIssued: (by: string, at: string) => `已签发：${by}，${at}。反馈意见已锁定。`,
  fbIssuedStatus: (n: number) => `已签发，问题清单共 ${n} 项。`,
  fbReadonly: '只读：此反馈意见不可修改。',
  fbNeedText: (n: number) => `请填写问题 ${n} 的内容`,
  fbBadDate: '反馈日期格式应为 年-月-日',
  fbNeedDate: '签发前请填写反馈日期',
  fbNeedName: '请填写签发人姓名',
  fbBadTime: '时钟无效，无法签发',
  fbLocked: '反馈意见已签发，不能再修改或重复签发',
  fbNotFeedback: '无法读取反馈意见：数据格式不正确。',
  fbSheetRefused: (n: number, why: string) => `第 ${n} 份工作底稿：${why}`,
  fbUnsigned: '尚未审签，只有已审签的工作底稿才能起草反馈意见',
  fbTampered: '审签后已被改动，与签名指纹不符',
  fbTemplate: '与所给模板不符',
  fbDuplicate: '重复提供了同一份底稿',
  fbNotSheet: '不是工作底稿',
  fbSignatureLeader: '巡察组组长（签字）：',
  fbSignatureDate: '签发日期：',
  fbPrint: '打印',
  fbKeyboardHelp: '按 Tab 在问题和意见建议之间移动；意见建议可用按钮添加、删除。',
};

/** The shape of these strings in every language. */
export type FeedbackMessages = typeof feedbackZhCN;
export default feedbackZhCN;

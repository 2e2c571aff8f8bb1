/**
 * Simplified Chinese strings of the 整改情况报告 (<xc-rectification-report>): the drafted text of
 * src/core/rectification-report.ts and the element's own words. They join the locale registry when
 * that core module loads, so pages without the report do not carry them.
 */
const rectificationReportZhCN = {
  rrTitleUnit: (unit: string) => `关于${unit}巡察整改情况的报告`,
  rrTitleLeader: (unit: string) => `${unit}主要负责人组织落实巡察整改情况的报告`,
  rrUnitUnknown: '本单位',
  rrKindUnit: '整改情况报告',
  rrKindLeader: '主要负责人组织落实整改情况报告',
  rrModeReport: '报告',
  rrModePublic: '公开稿',
  rrModeLegend: '显示',
  rrKindLegend: '报告类型',
  rrFeedbackDate: '反馈日期',
  rrDueDate: '报送期限',
  rrDraftedOn: '起草日期',
  rrDueNote: (months: number) => `反馈后${months}个月内报送`,
  rrDueUnknown: '（未填反馈日期）',
  rrFiguresCaption: '整改总体情况',
  rrFigTotal: '反馈问题',
  rrFigClosed: '已完成整改（销号）',
  rrFigStage: '阶段性完成',
  rrFigInProgress: '正在整改',
  rrFigOverdue: '其中超期',
  rrFigRate: '整改完成率',
  rrFigRules: '建章立制（项）',
  rrFigFunds: '挽回（追缴）资金（元）',
  rrFigPeople: '问责、处理（人）',
  rrFigHead: '项目',
  rrFigValue: '数量',
  rrSecOverview: '总体整改情况',
  rrSecProblems: '反馈问题整改情况',
  rrSecOpen: '尚未完成整改的问题及原因',
  rrSecNext: '下一步工作打算',
  rrSecLeader: '主要负责人履行第一责任人职责情况',
  rrNoFocus: '其他问题',
  rrNumeral: (n: number) => `${'一二三四五六七八九十'[n - 1] ?? String(n)}、`,
  rrSubNumeral: (n: number) => `（${'一二三四五六七八九十'[n - 1] ?? String(n)}）`,
  rrIntroUnit: (unit: string, feedback: string) =>
    `${feedback ? `${feedback}，巡察组向${unit}反馈了巡察意见。` : `巡察组向${unit}反馈了巡察意见。`}${/(党委|党组|党组织|党支部|党总支|党工委)$/u.test(unit) ? unit : `${unit}党组织`}坚决扛起整改主体责任，逐项制定问题清单、任务清单、责任清单，挂账督办、对账销号。现将整改情况报告如下。`,
  rrIntroLeader: (unit: string, feedback: string) =>
    `${feedback ? `${feedback}巡察反馈以来，` : '巡察反馈以来，'}本人作为${unit}整改第一责任人，把抓好巡察整改作为重大政治任务，亲自部署、亲自推动、亲自督办。现将组织落实整改情况报告如下。`,
  rrOverview: (total: number, closed: number, stage: number, inProgress: number, overdue: number, rate: string) =>
    `巡察反馈问题共${total}个，已完成整改${closed}个，阶段性完成${stage}个，正在整改${inProgress}个${overdue ? `（其中超过整改时限${overdue}个）` : ''}，整改完成率${rate}。`,
  rrOverviewOutcome: (rules: number, funds: string, people: number) => `通过整改，建章立制${rules}项，挽回（追缴）资金${funds}元，问责、处理${people}人。`,
  rrLeaderDuty: '主持召开专题会议研究部署整改工作，审定整改方案，定期听取整改进展汇报，对重点难点问题亲自协调推动。（请据实补充。）',
  rrProblemLine: (n: number, problem: string) => `${n}. ${problem}`,
  /** A problem's heading (screen, print and Word file): its number and its first 40 characters (whole code points), then …; the full text follows it when cut. */
  rrProblemHead: (n: number, problem: string) => {
    const chars = Array.from(problem);
    return `${n}. ${chars.length <= 40 ? problem : `${chars.slice(0, 40).join('').trimEnd()}…`}`;
  },
  rrMeasuresDone: (list: string) => `采取的整改措施：${list}。`,
  rrNoMeasuresDone: '整改措施正在落实。',
  rrResultClosed: (date: string) => `整改结果：已完成整改${date ? `，${date}经验收销号` : '并销号'}。`,
  rrResultStage: '整改结果：已取得阶段性成效，需长期坚持、持续整改。',
  rrResultPending: '整改结果：已完成整改，正在验收。',
  rrResultInProgress: (progress: number) => `整改结果：正在整改，完成进度${progress}%。`,
  rrResultNotStarted: '整改结果：尚未启动整改。',
  rrItemOutcome: (parts: string) => `其中${parts}。`,
  rrItemRules: (n: number) => `建章立制${n}项`,
  /** An amount of money in yuan, always with two decimals (128,000.50). */
  rrMoney: (v: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v),
  rrItemFunds: (v: string) => `挽回（追缴）资金${v}元`,
  rrItemPeople: (n: number) => `问责、处理${n}人`,
  rrListSep: '；',
  rrPartSep: '，',
  rrOpenReason: (reason: string) => `未完成原因：${reason}`,
  rrOpenNoReason: '未完成原因：（待说明）',
  rrOpenNext: (steps: string) => `下一步措施：${steps}`,
  rrOpenNoNext: '下一步措施：继续推进整改，按期完成。',
  rrOpenDeadline: (date: string) => `（时限：${date}）`,
  rrNoOpen: '反馈问题均已完成整改。',
  rrNextDraft: (open: number) =>
    open
      ? `对尚未完成整改的${open}个问题，继续挂账督办，明确时限、压实责任，逐项对账销号；对已完成整改的问题，适时开展“回头看”，防止反弹回潮；对阶段性完成的问题，建立长效机制，长期坚持。`
      : '对已完成整改的问题，适时开展“回头看”，防止反弹回潮，巩固深化整改成果，建立健全长效机制。',
  rrResponsibility: '责任分工',
  rrRespLeader: '责任领导',
  rrRespDepartment: '责任部门',
  rrRespPerson: '责任人',
  rrEvidence: '佐证材料',
  rrRoleLeader: '责任领导',
  rrRolePerson: '责任人',
  rrRoleMeasurePerson: '具体责任人',
  rrRoleVerifier: '验收人',
  rrRoleActor: '经办人',
  rrRoleSigner: '验收人',
  rrRoleCluePerson: '有关人员',
  rrRoleOther: '有关人员',
  /**
   * Names of roles and bodies, not people: what the tracker writes as a history entry's `by`
   * when no user is named (its role's display name, in every language it speaks), and bodies
   * that act in a ledger. Matched only (the 公开稿 never restricts them as 经办人), never shown;
   * a name ending with one of them (区巡察办, 县委第二巡察组) is a body too.
   */
  rrBodyNames: ['巡察办', '被巡察单位', '巡察组', '巡察机构', '巡察工作领导小组', 'Inspection office', 'Inspected unit', 'Inspection team'] as readonly string[],
  rrParagraphLabel: (what: string) => `段落：${what}`,
  rrLabelIntro: '开头',
  rrLabelOverview: '总体整改情况',
  rrLabelLeader: '主要负责人履责情况',
  rrLabelItem: (n: number) => `问题${n}的整改情况`,
  rrLabelOpen: (n: number) => `问题${n}未完成原因及下一步措施`,
  rrLabelNext: '下一步工作打算',
  rrLabelTitle: '标题',
  rrLabelUnit: '单位名称',
  rrLabelProblem: (n: number) => `问题${n}的表述`,
  rrLabelSection: '分组标题',
  rrEdited: '已修改',
  rrRestoreDraft: '恢复起草文本',
  rrRedraft: '按台账重新起草',
  rrRedrafted: '已按台账重新起草；修改过的段落保留了您的文字。',
  rrPublicNote: '公开稿（依据《中国共产党巡视工作条例》第三十二条公开整改情况）：人员姓名、问题线索和其他不宜公开的内容已隐去。',
  rrPublicRefused: '公开稿暂不能生成：下列段落含有不宜公开的内容（人员姓名或问题线索），请修改后再生成。',
  rrLeak: (where: string, text: string, role: string) => `${where}：含有“${text}”（${role}）`,
  rrPublicFix: '修改公开稿中的此段',
  rrPublicEditLabel: (what: string) => `公开稿 · ${what}`,
  rrDrafting: '正在按整改台账起草报告……',
  rrPreparingPublic: '正在生成公开稿……',
  rrNoLedger: '尚无整改台账，无法起草报告。',
  rrReadonly: '只读：此报告不可修改。',
  rrInvalid: '报告无法读取',
  rrShapeError: '报告的格式不正确（应为 { version: 1, model, edits }）。',
  rrExportDocx: '导出 Word（报告）',
  rrExportPublicDocx: '导出 Word（公开稿）',
  rrLabelFixed: '报告的固定文字（标题、表格）',
  rrPrint: '打印',
  rrKeyboardHelp: '按 Tab 在各段之间移动，直接输入即可修改；修改保存在报告中，按台账重新起草时保留。',
  rrEmptyParagraph: '段落不能为空',
  rrNeedFeedbackDate: '请填写反馈日期',
};

/** The shape of these strings in every language. */
export type RectificationReportMessages = typeof rectificationReportZhCN;
export default rectificationReportZhCN;

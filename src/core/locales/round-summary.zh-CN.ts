/**
 * Simplified Chinese strings of the round figures (巡察轮次统计): the figures' names (table, CSV),
 * the charts and <xc-round-summary>'s own words. They join the locale registry when
 * src/core/round-summary.ts loads, so pages without the round summary do not carry them.
 */
const roundSummaryZhCN = {
  rsTitle: '巡察工作统计',
  rsUnit: '被巡察单位',
  rsTotal: '合计',
  rsInterviews: '个别谈话人次',
  rsPetitions: '信访件数',
  rsProblems: '发现问题数',
  rsCommon: '其中共性问题',
  rsSpecific: '其中个性问题',
  rsClues: '发现问题线索数',
  rsCluesHandedOver: '移交问题线索数',
  rsItems: '整改事项数',
  rsClosed: '已销号',
  rsStageReached: '阶段性完成',
  rsInProgress: '正在整改',
  rsOverdue: '其中逾期',
  rsCompletionRate: '整改完成率',
  rsRulesMade: '建章立制（项）',
  rsFundsRecovered: '挽回（追缴）资金（元）',
  rsPeopleHandled: '问责/处理人数',
  rsFocusArea: '聚焦方向',
  rsFocusNone: '（未注明聚焦方向）',
  rsUnitNone: '（未命名单位）',
  rsChartCompletion: '各单位整改完成率',
  rsChartFocus: '发现问题按“三个聚焦”分布',
  rsChartData: '图表数据',
  rsChartNone: '暂无数据',
  rsTableCaption: '各单位统计表',
  rsEmpty: '尚无被巡察单位的数据。',
  rsExportXlsx: '导出 Excel',
  rsExportCsv: '导出 CSV',
  rsFilename: '巡察工作统计',
  rsRateOf: (unit: string, rate: string, closed: number, items: number) => `${unit}：${rate}（已销号 ${closed} / 共 ${items} 项）`,
  rsFocusOf: (area: string, n: number, common: number, specific: number) => `${area}：${n} 个问题（共性 ${common}，个性 ${specific}）`,
  rsSourceLedger: '未提供监督检查清单的单位，问题数按整改台账的问题清单计。',
  rsSourceRecords: '未提供问题线索台账的单位，线索数按清单、谈话记录和信访件中标为线索的条目计，移交数计为 0。',
  rsInvalid: '统计数据无法读取，已忽略。',
};

export type RoundSummaryMessages = typeof roundSummaryZhCN;
export default roundSummaryZhCN;

/**
 * Simplified Chinese strings of <xc-rectification-tracker> only. Loaded with the
 * tracker, so pages without it do not carry them.
 */
import type { SyncMessages } from './sync.zh-CN.js';
import type { PanelMessages } from './tracker-panel.zh-CN.js';

const trackerZhCN = {
  trackerLabel: '整改台账',
  trackerRole: (role: string) => `当前身份：${role}`,
  trackerRoleUnit: '被巡察单位',
  trackerRoleOffice: '巡察办',
  trackerRoleViewer: '查看',
  trackerNoRole: '未指定身份，只能查看。',
  trackerReadonly: '只读：此台账不可修改。',
  trackerInvalid: '整改台账格式有误，无法显示。',
  trackerShapeNotObject: '数据不是整改台账对象。',
  trackerShapeVersion: '不支持的台账版本（应为 1）。',
  trackerShapeItems: '缺少问题列表（items）。',
  trackerShapeItem: (n: number) => `第 ${n} 项不是对象。`,
  trackerShapeItemId: (n: number) => `第 ${n} 项缺少编号。`,
  trackerEmpty: '台账中还没有问题。',
  trackerEmptyOffice: '可从监督检查清单导入发现的问题，或新增问题。',
  trackerAdd: '新增问题',
  trackerTools: '筛选和导出',
  trackerAll: '全部',
  trackerOverdueOnly: '只看逾期',
  trackerSearch: '搜索',
  trackerSearchPlaceholder: '问题、措施、责任人等',
  trackerGroup: '按聚焦分组',
  trackerShown: (shown: number, total: number) => `显示 ${shown} / ${total} 项`,
  trackerNoMatches: '没有符合条件的问题。',
  trackerTableCaption: '整改台账问题清单',
  trackerColResponsible: '责任领导 / 责任人',
  trackerOpen: '打开详情：',
  trackerNoFocusArea: '（未归类）',
  trackerNoDepartment: '（未指定部门）',
  trackerGroupCount: (n: number) => `${n} 项`,
  trackerLightGreen: '正常',
  trackerLightYellow: '临期',
  trackerLightRed: '逾期',
  trackerDaysLeft: (n: number) => `剩 ${n} 天`,
  trackerDueToday: '今日到期',
  trackerOrigDeadline: (date: string) => `原定${date}`,
  trackerDaysOverdue: (n: number) => `逾期 ${n} 天`,
  trackerClosedOn: (date: string) => `${date}销号`,
  trackerExportJson: '导出 JSON',
  trackerExportCsv: '导出 CSV',
  trackerExportXlsx: '导出 Excel',
  trackerFileName: '整改台账',
  trackerImported: (added: number, skipped: number) => `已导入 ${added} 个问题${skipped ? `，跳过已有的 ${skipped} 个` : ''}。`,
  trackerKeyboardHelp: '按 Tab 在问题之间移动，按 Enter 打开详情；详情中按 Esc 关闭。',
  trackerSummary: '整改统计',
  trackerCompletion: '销号率',
  trackerDetailTitle: (id: string) => `问题 ${id}`,
  trackerSectionResponsibility: '责任清单',
  trackerSectionHistory: '历史记录',
  trackerStartedOn: '起算日期',
  trackerUnknownUser: '未署名',
  trackerErrorAt: (where: string, message: string) => `${where}：${message}`,
  trackerRuleClosedNoEvidence: '已销号但没有佐证材料',
  trackerRuleClosedNoVerifier: '已销号但没有验收人',
  trackerRuleStatusHistory: '状态与历史记录不一致',
  trackerRuleHistoryOrder: '历史记录前后不衔接',
  trackerMatching: (n: number) => `符合条件 ${n} 项`,
  trackerShowMore: (n: number) => `再显示 ${n} 项`,
  trackerShowAll: (n: number) => `显示全部 ${n} 项`,
};

/** The tracker's own strings (this file and tracker.en.ts). */
export type TrackerOwnMessages = typeof trackerZhCN;
/** The shape of the tracker's strings in every language, with those of its lazily loaded parts. */
export type TrackerMessages = TrackerOwnMessages & SyncMessages & PanelMessages;
export default trackerZhCN;

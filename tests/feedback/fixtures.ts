// Signed 工作底稿 for the 反馈意见 tests, made by the core's own 三级审核 (reviewStep), on the bundled template.
import { reviewStep } from '../../src/core/workpaper.js';
import type { ChecklistItemResponse, ChecklistResponse, ChecklistTemplateSource } from '../../src/core/checklist.js';
import { checklistSanjujiao } from '../../src/generated/templates/checklistSanjujiao.js';
import type { FeedbackSheet } from '../../src/core/feedback.js';

export const TEMPLATE = checklistSanjujiao as unknown as ChecklistTemplateSource;
export const AT = '2026-11-20T09:30:00+08:00';

/** A problem answer with the method, evidence and 定性依据 the bundled template asks for. */
export const problem = (description: string, scope?: string, more: Partial<ChecklistItemResponse> = {}): ChecklistItemResponse => ({
  finding: 'problem',
  description,
  basis: '《中国共产党章程》',
  methods: ['documents'],
  evidence: [{ title: '会议记录' }],
  ...(scope ? { scope } : {}),
  ...more,
});

/** A sheet with these answers (unsigned, drafting). */
export function draftSheet(no: string, items: Record<string, ChecklistItemResponse>, unit = '某乡人民政府'): ChecklistResponse {
  return {
    templateId: TEMPLATE.id,
    templateVersion: TEMPLATE.version,
    header: { no, unit, team: '区委第一巡察组', round: '第三轮', preparedBy: '张三', preparedOn: '2026-11-18' },
    items,
  };
}

/** The sheet taken through 编制 → 复核 → 审签 (`upTo` stops earlier). */
export async function signedSheet(no: string, items: Record<string, ChecklistItemResponse>, upTo: 'submit' | 'review' | 'sign' = 'sign'): Promise<FeedbackSheet> {
  let r = draftSheet(no, items);
  for (const [action, role] of [['submit', 'preparer'], ['review', 'reviewer'], ['sign', 'leader']] as const) {
    const done = await reviewStep(r, { action, opinion: `${action} 同意` }, { name: `${role}甲`, role }, AT);
    if (!done.ok) throw new Error(`${action} refused: ${done.code}`);
    r = done.response;
    if (action === upTo) break;
  }
  return { template: TEMPLATE, response: r };
}

/** Two signed sheets: three problems in two focus areas (共性, 个性, neither) and one in the third. */
export async function twoSheets(): Promise<FeedbackSheet[]> {
  return [
    await signedSheet('一组-底稿-001', {
      'f1g1-01': problem('学习贯彻不深入，以会议传达会议', 'common'),
      'f2g1-01': problem('村务公开不及时', 'specific'),
      'f2g1-02': { finding: 'none' },
    }),
    await signedSheet('一组-底稿-002', {
      'f3g1-01': problem('党支部“三会一课”记录不全', 'common'),
      'f2g1-02': problem('惠民资金发放台账不清'),
    }),
  ];
}

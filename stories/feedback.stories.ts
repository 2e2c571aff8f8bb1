import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/feedback/index.js';
import '../src/provider/index.js';
import type { FeedbackSheet } from '../src/core/feedback.js';
import type { ChecklistItemResponse, ChecklistResponse, ChecklistTemplateSource } from '../src/core/checklist.js';
import { reviewStep } from '../src/core/workpaper.js';
import { checklistSanjujiao } from '../src/generated/templates/checklistSanjujiao.js';

interface FeedbackArgs {
  userRole: string;
  reportDueMonths: number;
  readonly: boolean;
  lang: string;
}

const template = checklistSanjujiao as unknown as ChecklistTemplateSource;

const problem = (description: string, scope: string | undefined, basis: string): ChecklistItemResponse => ({
  finding: 'problem',
  description,
  basis,
  methods: ['documents'],
  evidence: [{ title: '会议记录' }],
  ...(scope ? { scope } : {}),
});

/** A 底稿 taken through 编制 → 复核 → 审签 by the core's 三级审核, as the 组长 receives it. */
async function signed(no: string, items: Record<string, ChecklistItemResponse>): Promise<FeedbackSheet> {
  let response: ChecklistResponse = {
    templateId: template.id,
    templateVersion: template.version,
    header: { no, unit: '被巡察单位：xx乡党委', team: '区委第一巡察组', round: '2026年第三轮' },
    items,
  };
  for (const [action, role, name] of [['submit', 'preparer', '李承办'], ['review', 'reviewer', '张副组长'], ['sign', 'leader', '王组长']] as const) {
    const done = await reviewStep(response, { action, opinion: '同意' }, { name, role }, '2026-12-20T09:00:00+08:00');
    if (done.ok) response = done.response;
  }
  return { template, response };
}

/** Two signed 底稿 of the round: four problems under the 三个聚焦, 共性 and 个性. */
const twoSheets = async (): Promise<FeedbackSheet[]> => [
  await signed('一组-底稿-001', {
    'f1g1-01': problem('学习贯彻党的二十大精神不深入，以会议传达会议。', 'common', '《中国共产党党委（党组）理论学习中心组学习规则》'),
    'f2g1-01': problem('村务公开不及时，2025年下半年财务收支未公开。', 'specific', '《村务公开条例》'),
  }),
  await signed('一组-底稿-002', {
    'f2g1-02': problem('惠民资金发放台账不清，部分补贴无签领记录。', 'specific', '《财政专项资金管理办法》'),
    'f3g1-01': problem('党支部“三会一课”记录不全，组织生活会流于形式。', 'common', '《中国共产党支部工作条例（试行）》'),
  }),
];

const meta: Meta<FeedbackArgs> = {
  title: 'Elements/xc-feedback-sheet',
  component: 'xc-feedback-sheet',
  tags: ['autodocs'],
  args: { userRole: 'leader', reportDueMonths: 2, readonly: false, lang: '' },
  argTypes: {
    userRole: { control: 'text', description: 'Role of the provider (`<xc-provider user-role>`); `leader` (组长) issues.' },
    reportDueMonths: { control: { type: 'number', min: 1, max: 24 }, description: 'Months from the 反馈日期 to the 问题清单’s deadline.' },
    readonly: { control: 'boolean', description: 'Shows the feedback without letting it be changed.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the element’s own text; empty = inherit (toolbar).' },
  },
  loaders: [async () => ({ sheets: await twoSheets() })],
  parameters: {
    docs: {
      description: {
        component:
          '巡察反馈意见 / inspection feedback, drafted from signed 工作底稿 (`sheets`): problems under the 三个聚焦 with 共性/个性, 意见建议, 反馈日期. The 组长 issues it (签发): it locks, and `xc-issue` hands the 问题清单 (ledger items with stable ids, 共性/个性 and deadlines two months after the 反馈日期) to the host.',
      },
    },
  },
  render: (args, { loaded }) =>
    html`<xc-provider user-role=${args.userRole || nothing} today="2026-12-31" .user=${{ id: 'u-1', name: '王组长' }}>
      <xc-feedback-sheet .sheets=${(loaded['sheets'] as FeedbackSheet[] | undefined) ?? []} report-due-months=${args.reportDueMonths} ?readonly=${args.readonly} lang=${args.lang || nothing}></xc-feedback-sheet>
    </xc-provider>`,
};
export default meta;

type Story = StoryObj<FeedbackArgs>;

/** As the 组长 sees it before 签发: every problem editable, the 签发 box below. */
export const Leader: Story = {};

/** A 副组长 may edit the draft but not issue it. */
export const NotLeader: Story = { args: { userRole: 'reviewer' } };

/** Issued: locked, the 签发人 and time on top. */
export const Issued: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('xc-feedback-sheet')!;
    await el.drafted;
    el.setSuggestions(['严格落实“三会一课”制度，加强理论学习。', '规范村务公开和惠民资金发放。']);
    await el.issue('王组长');
  },
};

/** The 问题清单 due three months after the 反馈日期. */
export const ThreeMonths: Story = { args: { reportDueMonths: 3 } };

/** English. */
export const English: Story = { args: { lang: 'en' } };

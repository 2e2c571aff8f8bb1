import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/rectification-report/index.js';
import '../src/provider/index.js';
import type { RectificationLedger } from '../src/core/rectification-types.js';
import { draftReport, editParagraph, reportValue, type ReportValue } from '../src/core/rectification-report.js';
import { rectifyLedger } from './support/rectify-ledger.js';
import { generateLedger, TODAY } from './support/generate-ledger.js';

interface ReportArgs {
  kind: 'unit' | 'leader';
  mode: 'report' | 'public';
  feedbackDate: string;
  dueMonths: number;
  readonly: boolean;
  lang: string;
}

/** The story ledger with what its rectification achieved (建章立制, funds, people), as a unit records it in `outcome`. */
const ledgerWithOutcomes = (): RectificationLedger => {
  const ledger = rectifyLedger();
  const outcomes = [{ rulesMade: 2 }, { fundsRecovered: 36500, peopleHandled: 1 }, { rulesMade: 1, peopleHandled: 2 }];
  return { ...ledger, items: ledger.items.map((item, i) => (outcomes[i] ? { ...item, outcome: outcomes[i] } : item)) };
};

const render =
  (ledger: () => RectificationLedger | null, value?: () => ReportValue) =>
  (args: ReportArgs) =>
    html`<xc-provider today=${TODAY}>
      <xc-rectification-report .ledger=${ledger()} .value=${value?.()} kind=${args.kind} mode=${args.mode} feedback-date=${args.feedbackDate || nothing}
        due-months=${args.dueMonths} ?readonly=${args.readonly} lang=${args.lang || nothing}></xc-rectification-report>
    </xc-provider>`;

const meta: Meta<ReportArgs> = {
  title: 'Elements/xc-rectification-report',
  component: 'xc-rectification-report',
  tags: ['autodocs'],
  args: { kind: 'unit', mode: 'report', feedbackDate: '2026-10-31', dueMonths: 2, readonly: false, lang: '' },
  argTypes: {
    kind: { control: 'inline-radio', options: ['unit', 'leader'], description: '`unit`: 整改情况报告; `leader`: 主要负责人组织落实整改情况报告.' },
    mode: { control: 'inline-radio', options: ['report', 'public'], description: '`report` or the 公开稿 (`public`).' },
    feedbackDate: { control: 'text', description: '反馈日期 `YYYY-MM-DD`; the due date is `due-months` after it.' },
    dueMonths: { control: 'number', description: 'Months from the feedback to the due date (default 2).' },
    readonly: { control: 'boolean', description: 'Shows the report without letting it be changed.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the element’s own text and of the drafted text; empty = inherit (toolbar).' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '整改情况报告 drafted from the rectification ledger (`ledger`): figures, each problem under its 三个聚焦 focus area with what was done and the result, the problems not yet done with reasons and next steps. Each paragraph is a labelled text box; rewrites live in `value.edits` and survive a redraft. `mode="public"` shows the 公开稿 (条例 §32), refused with an alert saying where while a restricted name remains.',
      },
    },
  },
  render: render(ledgerWithOutcomes),
};
export default meta;

type Story = StoryObj<ReportArgs>;

/** The 整改情况报告 of a unit, drafted from its ledger: 延期, 阶段性完成 and 验收 included. */
export const Report: Story = {};

/** The 主要负责人组织落实整改情况报告: its own title and a paragraph on the first responsibility. */
export const LeaderReport: Story = { args: { kind: 'leader' } };

/** The 公开稿: the responsibility reduced to the department, no evidence, names in the drafted text replaced by roles. */
export const PublicVersion: Story = { args: { mode: 'public' } };

/** The 公开稿 refused: a name typed into a paragraph of the report; the alert says where, and that paragraph is rewritten for the 公开稿. */
export const PublicRefused: Story = {
  args: { mode: 'public' },
  render: render(ledgerWithOutcomes, () => {
    const ledger = ledgerWithOutcomes();
    const v = reportValue(draftReport(ledger, { today: TODAY, feedbackDate: '2026-10-31' }));
    return editParagraph(v, 'next', '下一步，由孙强同志牵头，继续推进公务用车整改。');
  }),
};

/**
 * 导出 Word（报告） and 导出 Word（公开稿）: each export's `xc-export` (file name, size) is logged under the
 * report. A name typed into the report's last paragraph makes the 公开稿's export refuse: no file, the alert instead.
 */
export const WordExport: Story = {
  render: (args) =>
    html`<div @xc-export=${(e: CustomEvent<{ filename: string; bytes?: Uint8Array }>) => {
      const log = (e.currentTarget as HTMLElement).querySelector('output')!;
      log.textContent = `xc-export: ${e.detail.filename} · ${e.detail.bytes?.length ?? 0} bytes`;
    }}>${render(ledgerWithOutcomes, () => {
      const v = reportValue(draftReport(ledgerWithOutcomes(), { today: TODAY, feedbackDate: '2026-10-31' }));
      return editParagraph(v, 'next', '下一步，由孙强同志牵头，继续推进公务用车整改。');
    })(args)}<output aria-live="polite"></output></div>`,
};

/** Feedback on the last day of the year: the due date is the last day of February. */
export const DueAtMonthEnd: Story = { args: { feedbackDate: '2026-12-31' } };

/** A ledger of 500 items: the report draws its first problems at once and the rest in chunks. */
export const LongLedger: Story = { render: render(() => generateLedger(500)) };

/** Printed on A4 (use the browser's print preview): headings, the text as paragraphs, each part on a new page. */
export const Printed: Story = { args: { readonly: true } };

/** No ledger yet. */
export const Empty: Story = { render: render(() => null) };

export const English: Story = { args: { lang: 'en' }, render: render(() => generateLedger(6, { lang: 'en' })) };

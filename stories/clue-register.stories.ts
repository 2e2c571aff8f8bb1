import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/clue-register/index.js';
import '../src/provider/index.js';
import type { ClueRegister } from '../src/core/clue-register.js';

interface ClueArgs {
  userRole: string;
  today: string;
  readonly: boolean;
  lang: string;
}

/** A round's clues in every state: from the checklist, an interview, a petition and registered directly; one sheet out, one reply back, one overdue. */
const sampleClues = (): ClueRegister => ({
  version: 1,
  unit: '被巡察单位：xx乡党委',
  round: '区委第一巡察组 · 2026年第三轮',
  clues: [
    { id: 'checklist:xc-sanjujiao:f2g4-01', number: 'XS-2026-001', source: { kind: 'checklist', recordId: 'xc-sanjujiao', itemId: 'f2g4-01' }, sourceLabel: '巡察中发现', mainProblem: '2025年违规发放加班补贴3.2万元。', category: '违反中央八项规定精神', personConcerned: { name: '李某', unit: 'xx乡财政所' }, suggestion: '建议移交区纪委监委初步核实。', receiver: 'discipline', state: 'transferred', sheetId: 'YJ-2026-01', transferredOn: '2026-08-20', replyDue: '2026-11-20', history: [{ action: 'propose', role: 'preparer', name: '王组员', on: '2026-08-15' }, { action: 'approve', role: 'leader', name: '张组长', on: '2026-08-18' }, { action: 'transfer', role: 'preparer', name: '王组员', on: '2026-08-20', note: 'YJ-2026-01' }] },
    { id: 'interview:TH-007:1a2b3c4d', number: 'XS-2026-002', source: { kind: 'interview', recordId: 'TH-007' }, sourceLabel: '个别谈话', mainProblem: '春节前以慰问名义向干部发放购物卡。', personConcerned: { name: '赵某', unit: 'xx乡办公室' }, receiver: 'discipline', state: 'replied', sheetId: 'YJ-2026-01', transferredOn: '2026-08-20', replyDue: '2026-11-20', reply: { disposal: 'inquiry', on: '2026-10-30', note: '已对赵某进行谈话提醒。' } },
    { id: 'petition:p3', number: 'XS-2026-003', source: { kind: 'petition', recordId: 'p3', label: 'XF-2026-003' }, sourceLabel: '信访举报', mainProblem: '村党支部书记提拔亲属任村委会委员，未经民主推荐。', category: '选人用人', personConcerned: { name: '王某', unit: 'xx村党支部' }, suggestion: '建议移交区委组织部处理。', state: 'approved', receiver: 'organisation' },
    { id: 'manual:XS-2026-004', number: 'XS-2026-004', source: { kind: 'manual' }, mainProblem: '党委会议事规则未落实，重大事项由书记一人决定。', category: '民主集中制', state: 'proposed', receiver: 'organisation' },
    { id: 'manual:XS-2026-005', number: 'XS-2026-005', source: { kind: 'manual' }, mainProblem: '乡道修缮工程未经招标直接发包。', category: '工程项目', state: 'registered' },
  ],
  transfers: [{ id: 'YJ-2026-01', number: 'YJ-2026-01', receiver: 'discipline', receiverUnit: '区纪委监委', date: '2026-08-20', transferor: '王组员', recipient: '钱某', clueIds: ['checklist:xc-sanjujiao:f2g4-01', 'interview:TH-007:1a2b3c4d'], replyDue: '2026-11-20' }],
});

const render =
  (value?: () => ClueRegister) =>
  (args: ClueArgs) =>
    html`<xc-provider user-role=${args.userRole || nothing} today=${args.today || nothing} .user=${{ id: 'u1', name: '王组员' }}>
      <xc-clue-register .value=${value?.()} ?readonly=${args.readonly} lang=${args.lang || nothing}></xc-clue-register>
    </xc-provider>`;

const meta: Meta<ClueArgs> = {
  title: 'Elements/xc-clue-register',
  component: 'xc-clue-register',
  tags: ['autodocs'],
  args: { userRole: 'leader', today: '2026-11-30', readonly: false, lang: '' },
  argTypes: {
    userRole: { control: 'select', options: ['preparer', 'reviewer', 'leader', 'viewer'], description: 'Role of the provider: `preparer` / `reviewer` are team members (propose), `leader` is the 组长 (approves).' },
    today: { control: 'text', description: '“Today” of the provider (YYYY-MM-DD): drives the reply light.' },
    readonly: { control: 'boolean', description: 'Shows the register without letting it be changed.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the element’s own text; empty = inherit (toolbar).' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '问题线索台账 / clue register: every clue of the round with a link to its source, routing per 条例 §28 (纪检监察机关 or 组织部门), the 组长’s approval, a numbered batch 移交单 printed on A4 with signature lines (`xc-transfer`), reply deadlines with a light in words, the receiver’s 处置结果, 导出 Excel (`download(\'xlsx\')`) and 导出 CSV, a 移交单 as Word (`downloadTransfer(sheetId)`). The 反映人 never enters the register.',
      },
    },
  },
  render: render(sampleClues),
};
export default meta;

type Story = StoryObj<ClueArgs>;

/** As the 组长 sees it: one clue overdue (red), one replied, one approved ready for a 移交单, one waiting for approval. */
export const Leader: Story = {};

/** As a team member (承办人): proposes, cannot approve. */
export const Member: Story = { args: { userRole: 'preparer' } };

/** Before the reply deadline: the transferred clue is yellow, then green earlier still. */
export const ReplyDueSoon: Story = { args: { today: '2026-11-10' } };

/** The 移交单 of the round, shown for print (use the print button or the browser's print preview), or 导出 Word for a .docx with the same text, table and signature lines. */
export const TransferSheet: Story = {
  render: (args) =>
    html`<xc-provider user-role=${args.userRole || nothing} today=${args.today || nothing}>
      <xc-clue-register
        .value=${sampleClues()}
        ?readonly=${args.readonly}
        lang=${args.lang || nothing}
        ${ref((el) => {
          if (el) void customElements.whenDefined('xc-clue-register').then(() => (el as HTMLElement & { showSheet(id: string): Promise<void> }).showSheet('YJ-2026-01'));
        })}
      ></xc-clue-register>
    </xc-provider>`,
};

/** A new register: clues come from the checklist, interviews and petitions (see the Domain page), or are registered here. */
export const Empty: Story = { render: render() };

/** Clues the records offer (`candidates`): a flagged checklist finding, an interview problem and a petition, picked and registered. */
export const FromSources: Story = {
  render: (args) =>
    html`<xc-provider user-role=${args.userRole || nothing} today=${args.today || nothing}>
      <xc-clue-register
        lang=${args.lang || nothing}
        .candidates=${[
          { source: { kind: 'checklist', recordId: 'xc-sanjujiao', itemId: 'f2g4-01' }, sourceLabel: '巡察中发现', mainProblem: '2025年违规发放加班补贴3.2万元。' },
          { source: { kind: 'interview', recordId: 'TH-007', itemId: '1a2b3c4d' }, sourceLabel: '个别谈话', mainProblem: '春节前以慰问名义向干部发放购物卡。', personConcerned: { name: '赵某' } },
          { source: { kind: 'petition', recordId: 'p3', label: 'XF-2026-003' }, sourceLabel: '信访举报', mainProblem: '村党支部书记提拔亲属任村委会委员。', category: '选人用人' },
        ]}
      ></xc-clue-register>
    </xc-provider>`,
};

/** Read-only. */
export const ReadOnly: Story = { args: { readonly: true } };

/** English. */
export const English: Story = { args: { lang: 'en' } };

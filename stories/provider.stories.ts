import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/rectification/index.js';
import '../src/provider/index.js';
import type { XcProvider } from '../src/provider/index.js';
import type { RectificationLedger } from '../src/core/rectification-types.js';

interface ProviderArgs {
  /** `user-role` of the provider. */
  userRole: 'unit' | 'office' | 'viewer' | '';
  /** Fixed "today" of the provider. */
  today: string;
  lang: string;
}

const USERS: Record<string, { id: string; name: string }> = {
  unit: { id: 'u-unit-01', name: '赵芳（区农业农村局）' },
  office: { id: 'u-office-01', name: '陈主任（区委巡察办）' },
  viewer: { id: 'u-viewer-01', name: '孙八（区纪委）' },
};

const ROLES: [value: ProviderArgs['userRole'], label: string][] = [
  ['unit', '被巡察单位 / unit'],
  ['office', '巡察办 / office'],
  ['viewer', '查看者 / viewer'],
];

const OFFICE = '区委巡察办 陈主任';
const UNIT = '赵芳';

/** One item in each status and kind, deadlines around 2026-11-26: on track, due soon, overdue. */
const ledger: RectificationLedger = {
  version: 1,
  title: '区农业农村局第十轮巡察反馈问题整改台账',
  unit: '区农业农村局',
  items: [
    {
      id: 'ZG-001',
      problem: { text: '理论学习中心组全年集中学习仅2次，低于不少于6次的要求。', focusArea: '聚焦党的理论路线方针政策和党中央决策部署情况', category: '“第一议题”制度落实不到位' },
      measures: [{ id: 'M-001', text: '制定年度学习计划，按季度开展集中学习。' }],
      responsibility: { leader: '王建国', department: '机关党委', person: '周敏' },
      kind: 'deadline',
      deadline: '2027-01-20',
      startedOn: '2026-11-20',
      status: 'not-started',
      progress: 0,
      evidence: [],
      history: [{ at: '2026-11-20T09:30:00+08:00', by: OFFICE, role: 'office', from: null, to: 'not-started' }],
    },
    {
      id: 'ZG-002',
      problem: { text: '春节前以慰问名义向职工发放购物卡，共计3.68万元。', focusArea: '聚焦群众身边腐败问题和不正之风', category: '违反中央八项规定精神及实施细则' },
      measures: [
        { id: 'M-001', text: '全额清退并对相关责任人批评教育。', done: true },
        { id: 'M-002', text: '向区委巡察办报送整改情况。' },
      ],
      responsibility: { leader: '张秀英', department: '财务股', person: UNIT },
      kind: 'deadline',
      deadline: '2026-12-10',
      startedOn: '2026-10-10',
      status: 'in-progress',
      progress: 60,
      evidence: [],
      history: [
        { at: '2026-10-10T09:30:00+08:00', by: OFFICE, role: 'office', from: null, to: 'not-started' },
        { at: '2026-10-12T10:30:00+08:00', by: UNIT, role: 'unit', from: 'not-started', to: 'in-progress' },
      ],
    },
    {
      id: 'ZG-003',
      problem: { text: '办公楼维修项目拆分为3个合同签订，规避公开招标。', focusArea: '聚焦群众身边腐败问题和不正之风', category: '财务制度执行不严' },
      measures: [{ id: 'M-001', text: '完善工程项目审批制度，追究相关责任。' }],
      responsibility: { leader: '李伟', department: '办公室', person: '孙强' },
      kind: 'deadline',
      deadline: '2026-11-15',
      startedOn: '2026-09-15',
      status: 'in-progress',
      progress: 30,
      evidence: [],
      history: [
        { at: '2026-09-15T09:30:00+08:00', by: OFFICE, role: 'office', from: null, to: 'not-started' },
        { at: '2026-09-20T10:30:00+08:00', by: '孙强', role: 'unit', from: 'not-started', to: 'in-progress' },
      ],
    },
    {
      id: 'ZG-004',
      problem: { text: '农机补贴申领仍要求群众提供重复证明材料，群众往返2至3次。', focusArea: '聚焦群众身边腐败问题和不正之风', category: '为民服务意识不强' },
      measures: [{ id: 'M-001', text: '梳理办事材料清单，实行一次性告知。', done: true }],
      responsibility: { leader: '刘洋', department: '农机服务中心', person: '吴磊' },
      kind: 'immediate',
      deadline: '2026-11-30',
      startedOn: '2026-11-10',
      status: 'pending-verification',
      progress: 100,
      evidence: [{ title: '农机补贴办事指南（修订稿）', kind: '文件资料', ref: '区农〔2026〕41号' }],
      history: [
        { at: '2026-11-10T09:30:00+08:00', by: OFFICE, role: 'office', from: null, to: 'not-started' },
        { at: '2026-11-11T10:30:00+08:00', by: '吴磊', role: 'unit', from: 'not-started', to: 'in-progress' },
        { at: '2026-11-24T11:30:00+08:00', by: '吴磊', role: 'unit', from: 'in-progress', to: 'pending-verification' },
      ],
    },
    {
      id: 'ZG-005',
      problem: { text: '第三党支部委员缺额2名超过半年未补选。', focusArea: '聚焦基层党组织领导班子和干部队伍建设情况', category: '基层党支部建设薄弱' },
      measures: [{ id: 'M-001', text: '按程序召开党员大会补选支部委员。', done: true }],
      responsibility: { leader: '王建国', department: '机关党委', person: '郑丽' },
      kind: 'deadline',
      deadline: '2026-11-30',
      startedOn: '2026-09-01',
      status: 'closed',
      progress: 100,
      evidence: [{ title: '第三党支部党员大会会议记录', kind: '会议纪要', ref: 'DZB3-2026-05' }],
      verifier: OFFICE,
      closedAt: '2026-11-18T15:30:00+08:00',
      history: [
        { at: '2026-09-01T09:30:00+08:00', by: OFFICE, role: 'office', from: null, to: 'not-started' },
        { at: '2026-09-03T10:30:00+08:00', by: '郑丽', role: 'unit', from: 'not-started', to: 'in-progress' },
        { at: '2026-11-10T11:30:00+08:00', by: '郑丽', role: 'unit', from: 'in-progress', to: 'pending-verification' },
        { at: '2026-11-18T15:30:00+08:00', by: OFFICE, role: 'office', from: 'pending-verification', to: 'closed' },
      ],
    },
    {
      id: 'ZG-006',
      problem: { text: '财务、采购等重点岗位3名干部任职超过10年未交流轮岗。', focusArea: '聚焦基层党组织领导班子和干部队伍建设情况', category: '党建工作抓得不牢' },
      measures: [{ id: 'M-001', text: '制定重点岗位交流轮岗计划，每年执行。' }],
      responsibility: { leader: '张秀英', department: '人事股', person: '钱进' },
      kind: 'ongoing',
      startedOn: '2026-10-01',
      status: 'in-progress',
      progress: 20,
      evidence: [],
      history: [
        { at: '2026-10-01T09:30:00+08:00', by: OFFICE, role: 'office', from: null, to: 'not-started' },
        { at: '2026-10-08T10:30:00+08:00', by: '钱进', role: 'unit', from: 'not-started', to: 'in-progress' },
      ],
    },
  ],
};

/** What a host does when the signed-in person changes: set `user-role` (and `user`) on the provider. */
function switchRole(e: Event): void {
  const input = e.target as HTMLInputElement;
  const provider = input.closest('.xc-provider-demo')?.querySelector<XcProvider>('xc-provider');
  if (!provider) return;
  provider.userRole = input.value;
  provider.user = USERS[input.value];
}

const renderProvider = (opts: { switcher?: boolean } = {}) => (args: ProviderArgs) => html`<div class="xc-provider-demo">
  ${opts.switcher
    ? html`<fieldset>
        <legend>以谁的身份查看台账 / Signed in as</legend>
        ${ROLES.map(
          ([value, label]) => html`<label><input type="radio" name="xc-provider-demo-role" .value=${value} .checked=${args.userRole === value} @change=${switchRole} /> ${label}</label> `,
        )}
      </fieldset>`
    : nothing}
  <xc-provider user-role=${args.userRole || nothing} today=${args.today || nothing} lang=${args.lang || nothing} .user=${USERS[args.userRole]}>
    <xc-rectification-tracker .value=${ledger}></xc-rectification-tracker>
  </xc-provider>
</div>`;

const meta: Meta<ProviderArgs> = {
  title: 'Elements/xc-provider',
  component: 'xc-provider',
  tags: ['autodocs'],
  args: { userRole: 'unit', today: '2026-11-26', lang: '' },
  argTypes: {
    userRole: {
      control: 'select',
      options: ['', 'unit', 'office', 'viewer'],
      description: 'Who is signed in: unit 被巡察单位, office 巡察办, viewer 查看者. Every xc element inside reads it.',
    },
    today: { control: 'text', description: 'Fixed "today" (YYYY-MM-DD or a date-time) for demos and tests; empty = the real clock.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language given to the elements inside; empty = inherit (toolbar).' },
  },
  parameters: {
    actions: { handles: ['xc-change', 'xc-transition'] },
    docs: {
      description: {
        component:
          'Optional context for every xc element inside it: the signed-in user and role, a clock (`today`), a draft storage and the language. Elements work without it. Here it wraps a 整改台账: switching the role changes what the ledger offers — the unit starts and submits, the office closes (销号) or sends back, a viewer only reads.',
      },
    },
  },
  render: renderProvider({ switcher: true }),
};
export default meta;

type Story = StoryObj<ProviderArgs>;

/** Switch the signed-in role: the same ledger offers the unit, the office and a viewer different actions. */
export const SwitchRole: Story = {};

/** The inspection office: verifies and closes items awaiting verification (ZG-004), or sends them back. */
export const AsOffice: Story = { args: { userRole: 'office' }, render: renderProvider() };

/** `today` set three months on: every open item with a deadline is overdue (red); closed and ongoing items have no light. */
export const LaterToday: Story = { args: { userRole: 'viewer', today: '2027-02-26' }, render: renderProvider() };

/**
 * `watermark`: read-only and print views carry the viewer's name and the time (the provider's
 * clock), repeated faintly across the element, as intranet systems mark what is read or printed.
 * Here a viewer reads the ledger: the watermark is on screen. For the unit or the office (who edit)
 * it appears only when the page is printed. `watermark-text` replaces the default text. It takes
 * no clicks, is hidden from screen readers (a visually hidden note says the view is watermarked)
 * and uses no inline style, so a strict CSP holds. Its colour: `--xc-watermark-color` (screen),
 * `--xc-watermark-print-color` (print).
 */
export const Watermark: Story = {
  args: { userRole: 'viewer', today: '2026-11-26T09:30:00' },
  render: (args) => html`<xc-provider watermark user-role=${args.userRole || nothing} today=${args.today || nothing} lang=${args.lang || nothing} .user=${USERS[args.userRole]}>
    <xc-rectification-tracker .value=${ledger}></xc-rectification-tracker>
  </xc-provider>`,
};

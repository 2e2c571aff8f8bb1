import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/checklist/index.js';
import '../src/provider/index.js';
import type { XcChecklist } from '../src/checklist/index.js';
import type { ChecklistResponse, ChecklistTemplate, ChecklistTemplateSource } from '../src/core/checklist.js';
import { generateChecklistResponse, generateChecklistTemplate } from './support/generate.js';

/** The args every story shares (the rest of the data is fixed per story). */
interface ChecklistArgs {
  readonly: boolean;
  lang: string;
  subject: string;
}

import { BUNDLED, SUBJECT, manyProblems, none, partlyFilled, pickProblems } from './support/samples.js';

/** English answers for the English story. */
const englishValue: ChecklistResponse = {
  ...BUNDLED,
  items: {
    'f1g1-01': {
      finding: 'problem',
      description: 'Three Party group meetings in 2025 did not relay the study of the new theories; the theory study group met only twice in 2024 (at least six required).',
      methods: ['documents', 'interview'],
      evidence: [{ title: 'Minutes of the Party group meetings, 2025', kind: 'meeting-minutes', ref: 'NDZ-2025-1' }],
      category: 'first-topic',
      scope: 'common',
    },
    'f1g1-02': none,
    'f1g1-03': none,
    'f2g4-01': {
      finding: 'problem',
      description: 'Shopping cards worth CNY 800 each (CNY 36,800 in all) were handed to every employee before the 2024 Spring Festival.',
      methods: ['documents'],
      evidence: [{ title: 'Purchase and hand-out records of the cards', kind: 'accounts' }],
      category: 'eight-point-rules',
      scope: 'specific',
      clue: true,
    },
    'f1g2-04': { finding: 'na', notes: 'The unit has no licensing powers.' },
  },
};

/** A template that fails the meta-schema: bad id, one finding only, a focus area with an empty list of groups. */
const brokenTemplate = {
  id: 'broken template!',
  version: '1.0.0',
  title: '有误的检查清单模板',
  findings: [{ value: 'problem', label: '存在问题', isProblem: true }],
  sections: [{ id: 's1', title: '聚焦党的理论路线方针政策和党中央决策部署情况', groups: [] }],
};

/**
 * A village-level checklist of the portal's own: five focus areas with their check points directly
 * under them (no groups: numbered 1.1, 1.2 …), four findings including 基本符合, hints on some points.
 */
const villageTemplate: ChecklistTemplateSource = {
  id: 'village-2026',
  version: '1',
  title: '村（社区）巡察监督检查清单',
  findings: [
    { value: 'meets', label: { 'zh-CN': '符合', en: 'Meets' } },
    { value: 'mostly', label: { 'zh-CN': '基本符合', en: 'Mostly meets' } },
    { value: 'fails', label: { 'zh-CN': '不符合', en: 'Does not meet' }, isProblem: true },
    { value: 'na', label: { 'zh-CN': '不适用', en: 'Not applicable' } },
  ],
  methods: [
    { value: 'documents', label: { 'zh-CN': '查阅资料', en: 'Reviewing documents' } },
    { value: 'visit', label: { 'zh-CN': '实地走访', en: 'Site visit' } },
  ],
  evidenceKinds: [
    { value: 'minutes', label: { 'zh-CN': '会议记录', en: 'Minutes' } },
    { value: 'photo', label: { 'zh-CN': '现场照片', en: 'Site photo' } },
  ],
  sections: [
    { id: 'v1', ordinal: '一、', title: '基层党组织建设', items: [
      { id: 'v1-1', text: '是否按规定召开支部党员大会、支委会，落实“三会一课”制度', hint: '查阅近一年的会议记录和党课记录' },
      { id: 'v1-2', text: '是否按期完成村“两委”换届后的分工和承诺公开' },
    ] },
    { id: 'v2', ordinal: '二、', title: '“三务”公开', items: [
      { id: 'v2-1', text: '是否按时公开村务、党务、财务，公开内容真实完整', hint: '对照公开栏照片与账目' },
    ] },
    { id: 'v3', ordinal: '三、', title: '集体“三资”管理', items: [{ id: 'v3-1', text: '是否存在集体资产出租、发包未经民主程序的问题' }] },
    { id: 'v4', ordinal: '四、', title: '惠民惠农资金', items: [{ id: 'v4-1', text: '是否存在优亲厚友、虚报冒领、截留挪用的问题' }] },
    { id: 'v5', ordinal: '五、', title: '作风建设', items: [{ id: 'v5-1', text: '是否存在吃拿卡要、推诿扯皮的问题' }] },
  ],
};

const villageValue: ChecklistResponse = {
  templateId: 'village-2026',
  templateVersion: '1',
  items: {
    'v1-1': { finding: 'mostly', notes: '党课记录缺 2 次' },
    'v2-1': {
      finding: 'fails',
      description: '2026 年第二、三季度财务收支未在公开栏公开。',
      methods: ['visit'],
      evidence: [{ title: '村务公开栏照片', kind: 'photo', ref: 'ZP-2026-07' }],
    },
  },
};

let generated: { template: ChecklistTemplate; value: ChecklistResponse } | undefined;
/** The 2,000-point template (4 focus areas × 10 groups × 50), built once. */
function generated2000() {
  if (!generated) {
    const template = generateChecklistTemplate(2000);
    generated = { template, value: generateChecklistResponse(template, 0.25) };
  }
  return generated;
}

/** The 工作底稿's head of the stories below. */
const workpaperHeader = { no: '区委第二巡察组-底稿-007', unit: '区农业农村局党组', team: '区委第二巡察组', round: '第十轮', preparedBy: '张明', preparedOn: '2026-11-18' };

/** A 底稿 being drafted: the head filled in, a problem with its 定性依据. */
const workpaperValue: ChecklistResponse = {
  ...manyProblems,
  header: workpaperHeader,
  items: {
    ...manyProblems.items,
    'f2g4-01': {
      ...(manyProblems.items['f2g4-01'] ?? { finding: 'problem', description: '2024年春节前向全体职工发放购物卡，每人800元，共计3.68万元。' }),
      basis: '《中共中央政治局贯彻落实中央八项规定实施细则》；《中国共产党纪律处分条例》第一百一十三条',
      methods: ['documents', 'talks'],
      evidence: [{ title: '购物卡采购及发放登记表', kind: 'accounts', ref: 'CW-2024-02' }],
    },
  },
};

/** The steps of a 底稿 that went to the 副组长 and came back with comments on two check points. */
const returnedValue: ChecklistResponse = {
  ...workpaperValue,
  review: {
    state: 'returned',
    steps: [
      { action: 'submit', level: 'preparer', by: '张明', role: 'preparer', at: '2026-11-18T17:20:00+08:00', opinion: '已按要点逐条核查，请复核。' },
      {
        action: 'return',
        level: 'reviewer',
        by: '李华',
        role: 'reviewer',
        at: '2026-11-19T10:05:00+08:00',
        opinion: '个别问题定性依据不准确，证据需补充，请修改后重新提交。',
        comments: {
          'f2g4-01': '定性依据请引用实施细则的具体条款；补充发放人员签收表。',
          'f1g1-02': '“未发现问题”请写明查阅了哪些会议记录。',
        },
      },
    ],
  },
};

/** The same 底稿 corrected, 复核 passed: waiting for the 组长's 审签. */
const reviewedValue: ChecklistResponse = {
  ...workpaperValue,
  review: {
    state: 'reviewed',
    steps: [
      ...returnedValue.review!.steps,
      { action: 'submit', level: 'preparer', by: '张明', role: 'preparer', at: '2026-11-19T16:40:00+08:00', opinion: '已按复核意见修改。' },
      { action: 'review', level: 'reviewer', by: '李华', role: 'reviewer', at: '2026-11-20T09:10:00+08:00', opinion: '同意，报组长审签。' },
    ],
  },
};

const DRAFT_KEY = 'storybook-checklist-demo';

/** Put a draft in localStorage (once) so the story opens with the restore offer. */
function seedDraft(): void {
  try {
    const key = `xc-draft:${DRAFT_KEY}`;
    if (localStorage.getItem(key)) return;
    const value: ChecklistResponse = { ...BUNDLED, items: { ...pickProblems('f2g4-03', 'f2g5-02'), 'f1g1-01': none, 'f1g1-02': none } };
    localStorage.setItem(key, JSON.stringify({ value, savedAt: Date.now() - 2 * 3600 * 1000, templateVersion: BUNDLED.templateVersion }));
  } catch {
    /* storage blocked: the element says drafts are kept in memory only */
  }
}

// ---------------------------------------------------------------------------

interface RenderOptions {
  template?: unknown;
  value?: ChecklistResponse | null;
  draftKey?: string;
  /** The provider's `user-role` and user (default: office, 张明). */
  role?: string;
  user?: string;
}

const renderChecklist =
  (opts: RenderOptions = {}) =>
  (args: ChecklistArgs) => html`<xc-provider user-role=${opts.role ?? 'office'} today="2026-11-20" .user=${{ id: 'u-001', name: opts.user ?? '张明' }}>
    <xc-checklist
      .template=${opts.template}
      .value=${opts.value ?? null}
      ?readonly=${args.readonly}
      lang=${args.lang || nothing}
      subject=${args.subject || nothing}
      draft-key=${opts.draftKey || nothing}
    ></xc-checklist>
  </xc-provider>`;

const meta: Meta<ChecklistArgs> = {
  title: 'Elements/xc-checklist',
  component: 'xc-checklist',
  tags: ['autodocs'],
  args: { readonly: false, lang: '', subject: '' },
  argTypes: {
    readonly: { control: 'boolean', description: 'Shows the record without letting it be changed.' },
    lang: {
      control: 'select',
      options: ['', 'zh-CN', 'en'],
      description: 'Language of the element’s own text; empty = inherit (toolbar).',
    },
    subject: { control: 'text', description: 'The inspected unit, shown above the list and in print headers.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '监督检查清单 / supervision checklist. Value: `{templateId, templateVersion, items: {[checkpointId]: {finding, description, methods, evidence, category, scope, clue}}}`.',
      },
    },
  },
  render: renderChecklist(),
};
export default meta;

type Story = StoryObj<ChecklistArgs>;

/** The bundled 三个聚焦 template, nothing filled in. */
export const Empty: Story = {};

/** A third answered, a few problems; one problem still lacks its description. */
export const PartlyFilled: Story = {
  args: { subject: SUBJECT },
  render: renderChecklist({ value: partlyFilled }),
};

/** Every check point answered: 17 problems, 5 of them flagged as clues for the discipline commission. */
export const ManyProblems: Story = {
  args: { subject: SUBJECT },
  render: renderChecklist({ value: manyProblems }),
};

/** The same record, read-only (as the office reviews it). */
export const ReadOnly: Story = {
  args: { subject: SUBJECT, readonly: true },
  render: renderChecklist({ value: manyProblems }),
};

/** English interface (`lang="en"`); the template carries English labels. */
export const English: Story = {
  args: { lang: 'en', subject: 'District Agriculture and Rural Affairs Bureau (10th round, team 2)' },
  render: renderChecklist({ value: englishValue }),
};

/** A generated template with 2,000 check points (4 focus areas × 10 groups); a quarter answered. Rendered in chunks. */
export const Generated2000: Story = {
  // Not on the autodocs page (which renders every story at once); open it on its own.
  tags: ['!autodocs'],
  args: { subject: '性能演示 / performance demo' },
  render: (args) => {
    const { template, value } = generated2000();
    return renderChecklist({ template, value })(args);
  },
};

/**
 * A template of the portal's own with two levels: check points right under each focus area (no
 * invented groups), numbered 1.1, 2.1 …; four findings; hints shown as guidance after the check
 * point. Press 提交 to see error links that name their check point.
 */
export const VillageTemplate: Story = {
  args: { subject: '被巡察单位：xx村' },
  render: renderChecklist({ template: villageTemplate, value: villageValue }),
};

/** An invalid template: the element shows what is wrong, translated (switch the toolbar language to see English). */
export const BrokenTemplate: Story = {
  render: renderChecklist({ template: brokenTemplate }),
};

/**
 * `draft-key` set: every change is kept in localStorage under `xc-draft:storybook-checklist-demo`.
 * The story puts a draft there first, so it opens with the offer to restore it.
 */
export const WithDrafts: Story = {
  args: { subject: SUBJECT },
  render: (args) => {
    seedDraft();
    return renderChecklist({ draftKey: DRAFT_KEY })(args);
  },
};

/** Submit pressed on a partly filled record: the error summary lists what is missing and links to it. */
export const SubmitWithErrors: Story = {
  args: { subject: SUBJECT },
  render: renderChecklist({ value: partlyFilled }),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<XcChecklist>('xc-checklist');
    if (!el) return;
    await el.updateComplete;
    await el.submit();
  },
};

/**
 * 工作底稿: the head (底稿编号, 被巡察单位, 巡察组, 轮次, 编制人, 编制日期) is part of the value and prints as the
 * sheet's head; a problem has its 定性依据 beside the description. The provider's role is `preparer`
 * (承办人): the 三级审核 panel under the list offers 提交复核.
 */
export const Workpaper: Story = {
  args: { subject: SUBJECT },
  render: renderChecklist({ value: workpaperValue, role: 'preparer' }),
};

/**
 * A 底稿 the 副组长 returned (退回修改) with comments pinned to two check points: its 承办人 sees each
 * comment beside its check point, edits, and submits it again.
 */
export const ReturnedWithComments: Story = {
  args: { subject: SUBJECT },
  render: renderChecklist({ value: returnedValue, role: 'preparer' }),
};

/**
 * A 底稿 after 审签: the story opens a reviewed sheet as the 组长 (role `leader`) and signs it. The sheet is
 * locked, carries its SHA-256 fingerprint and checks it (核验一致); print preview shows the head and the
 * three signature blocks (编制, 复核, 审签).
 */
export const Signed: Story = {
  args: { subject: SUBJECT },
  render: renderChecklist({ value: reviewedValue, role: 'leader', user: '王强' }),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<XcChecklist>('xc-checklist');
    if (!el) return;
    await el.updateComplete;
    if (el.reviewState === 'reviewed') await el.review('sign', { opinion: '同意。' });
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/template-editor/index.js';
import '../src/provider/index.js';
import type { XcTemplateEditor } from '../src/template-editor/xc-template-editor.js';
import type { ChecklistResponse, ChecklistTemplateSource } from '../src/core/checklist.js';
import { checklistSanjujiao } from '../src/generated/templates/checklistSanjujiao.js';

const bundled = checklistSanjujiao as unknown as ChecklistTemplateSource;

/** A village checklist as 巡察办 staff have it in Word (numbering 一、（一）1. ①), pasted as text. */
const VILLAGE = [
  '村（社区）巡察监督检查清单',
  '（一）村级组织建设',
  '1.班子运行情况',
  '①是否按期召开支部委员会、村民委员会会议；',
  '②“四议两公开”是否落实。',
  '2.党员管理',
  '①是否按时足额收缴党费；',
  '②发展党员是否符合程序。',
  '（二）村级财务管理',
  '1.“三资”管理',
  '①集体资产是否登记造册；',
  '②集体资源发包是否公开。',
  '2.惠民资金',
  '①惠民惠农资金是否足额发放到户。',
].join('\n');

/** Two 工作底稿 made with the bundled template: answers to check points that a new version might remove. */
const drafts: Pick<ChecklistResponse, 'items' | 'header'>[] = [
  { header: { no: 'DG-2026-001' }, items: { 'f1g1-01': { finding: 'problem' }, 'f1g1-02': { finding: 'none' } } },
  { header: { no: 'DG-2026-002' }, items: { 'f2g1-01': { finding: 'none' } } },
];

interface EditorArgs {
  lang: string;
  draftKey: string;
}

const meta: Meta<EditorArgs> = {
  title: 'Elements/xc-template-editor',
  component: 'xc-template-editor',
  tags: ['autodocs'],
  args: { lang: '', draftKey: '' },
  argTypes: {
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the editor’s own text; empty = inherit (toolbar).' },
    draftKey: { control: 'text', description: 'Key under which the template being edited is kept as a draft (offered again after a reload).' },
  },
  parameters: {
    docs: {
      // Each story in a frame of its own height: the editor of a 54-check-point template is long, and the API table follows the first story.
      story: { inline: false, height: '640px' },
      description: {
        component:
          '检查清单模板编辑 / checklist template editor: 巡察办 staff author the checklist of a round — focus areas, groups and check points with move (buttons, Alt+Arrow, drag and drop), duplicate and delete with undo; the option lists and rules; import from a Word document’s text or a .docx; the real `<xc-checklist>` as a live preview; errors at the field; 保存新版本 with the changes and the draft answers kept aside; JSON export and the precompile command for a strict CSP.',
      },
    },
  },
  render: (args) =>
    html`<xc-provider today="2026-12-03">
      <xc-template-editor lang=${args.lang || nothing} draft-key=${args.draftKey || nothing} .value=${bundled} .drafts=${drafts}></xc-template-editor>
    </xc-provider>`,
};
export default meta;

type Story = StoryObj<EditorArgs>;

/** The bundled 三个聚焦 template (54 check points), with two 工作底稿 made with it: delete a check point they answered, then 保存新版本. */
export const BundledTemplate: Story = {};

/** A new, empty template: one focus area, one group, one check point to word. */
export const Empty: Story = {
  render: (args) => html`<xc-provider today="2026-12-03"><xc-template-editor lang=${args.lang || nothing} draft-key=${args.draftKey || nothing}></xc-template-editor></xc-provider>`,
};

/** 从文档导入: a village checklist pasted from Word, read — its counts shown before 替换当前模板. */
export const Import: Story = {
  render: (args) =>
    html`<xc-provider today="2026-12-03">
      <xc-template-editor lang=${args.lang || nothing}
        ${ref((el) => {
          if (el) void (el as XcTemplateEditor).readImport(VILLAGE);
        })}></xc-template-editor>
    </xc-provider>`,
};

/** English. */
export const English: Story = { args: { lang: 'en' } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/template-editor/index.js';
import '../src/provider/index.js';
import { interviewRecordSchema } from '../src/generated/templates/interviewRecordSchema.js';

interface FormEditorArgs {
  lang: string;
}

const meta: Meta<FormEditorArgs> = {
  title: 'Elements/xc-template-editor (form definitions)',
  component: 'xc-template-editor',
  args: { lang: '' },
  argTypes: {
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the editor’s own text; empty = inherit (toolbar).' },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '640px' },
      description: {
        component:
          '表单定义编辑 / the template editor’s form mode (`mode="form"`): 巡察办 staff author `<xc-form>` definitions — fields with 标签 (zh-CN and English), 控件, 必填, 选项, 提示 and 显示条件, one level of groups, move (buttons, Alt+Arrow), duplicate and delete with undo; a field holding what the editor does not edit (if/then, $ref, tables, unknown annotations) is shown as JSON and kept as written; errors at the field; the real `<xc-form>` as a live preview; `draft-key` drafts, 导出 JSON with the precompile command, and a form reset back to the definition first given.',
      },
    },
  },
  render: (args) =>
    html`<xc-provider today="2026-12-03">
      <xc-template-editor mode="form" lang=${args.lang || nothing} .value=${interviewRecordSchema}></xc-template-editor>
    </xc-provider>`,
};
export default meta;

type Story = StoryObj<FormEditorArgs>;

/** The bundled 个别谈话记录 definition: its simple fields as inputs, its tables and conditional parts as JSON. */
export const InterviewRecord: Story = {};

/** A new, empty definition: one text field to label. */
export const Empty: Story = {
  render: (args) => html`<xc-provider today="2026-12-03"><xc-template-editor mode="form" lang=${args.lang || nothing}></xc-template-editor></xc-provider>`,
};

/** English. */
export const English: Story = { args: { lang: 'en' } };

/** With `draft-key`: edit, reload the story and 恢复草稿 brings the definition back; 导出 JSON shows the precompile command beside it. */
export const WithDrafts: Story = {
  render: (args) =>
    html`<xc-provider today="2026-12-03">
      <xc-template-editor mode="form" draft-key="story-form-definition" lang=${args.lang || nothing} .value=${interviewRecordSchema}></xc-template-editor>
    </xc-provider>`,
};

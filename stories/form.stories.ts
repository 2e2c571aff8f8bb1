import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/form/index.js';
import '../src/provider/index.js';
import type { XcForm } from '../src/form/index.js';
import { clueSheetSchema } from '../src/generated/templates/clueSheetSchema.js';
import { clueSheet } from '../src/generated/validators/clueSheet.js';
import { interviewRecordSchema } from '../src/generated/templates/interviewRecordSchema.js';
import { interviewRecord } from '../src/generated/validators/interviewRecord.js';
import { memoryDrafts } from '../src/core/draft.js';
import type { ValidateFunction } from '../src/core/validation-types.js';

/** The args every story shares. */
interface FormArgs {
  readonly: boolean;
  lang: string;
}

/**
 * One field of every widget. A definition given at run time needs a validator: the stories
 * that show it use a hand-written one (a host would run `npx xc-precompile`).
 */
const widgets = {
  type: 'object',
  title: '控件一览',
  description: '每种控件各一个：标签来自 title，说明来自 description，选填项标“（选填）”。',
  required: ['name', 'level', 'ack'],
  'x-xc-i18n': { en: { title: 'Every widget', description: 'One field of each widget: labels from title, hints from description, optional fields say so.' } },
  properties: {
    name: { type: 'string', title: '姓名', maxLength: 20, 'x-xc-placeholder': '如：张三', 'x-xc-i18n': { en: { title: 'Name' } } },
    note: { type: 'string', title: '情况说明', description: '可写多行，输入框随内容增高。', 'x-xc-widget': 'textarea', 'x-xc-rows': 3, 'x-xc-i18n': { en: { title: 'Details', description: 'Several lines; the box grows with the text.' } } },
    level: { type: 'string', title: '问题性质', enum: ['共性问题', '个性问题'], 'x-xc-i18n': { en: { title: 'Kind of problem', options: { 共性问题: 'Shared', 个性问题: 'Unit-specific' } } } },
    method: {
      type: 'string',
      title: '发现方式',
      enum: ['听取汇报', '受理信访', '个别谈话', '查阅资料', '实地走访', '明察暗访'],
      'x-xc-i18n': { en: { title: 'Method', options: { 听取汇报: 'Work report', 受理信访: 'Petitions', 个别谈话: 'Interview', 查阅资料: 'Documents', 实地走访: 'Site visit', 明察暗访: 'Unannounced visit' } } },
    },
    focus: {
      type: 'array',
      title: '涉及方面',
      uniqueItems: true,
      items: { type: 'string', enum: ['理论路线方针政策', '群众身边腐败问题', '领导班子和干部队伍'] },
      'x-xc-i18n': { en: { title: 'Areas', options: { 理论路线方针政策: 'Policies', 群众身边腐败问题: 'Corruption affecting the public', 领导班子和干部队伍: 'Leadership and cadres' } } },
    },
    day: { type: 'string', format: 'date', title: '发现日期', 'x-xc-i18n': { en: { title: 'Found on' } } },
    at: { type: 'string', format: 'date-time', title: '谈话时间', 'x-xc-i18n': { en: { title: 'Interview time' } } },
    clock: { type: 'string', format: 'time', title: '到达时间', 'x-xc-i18n': { en: { title: 'Arrived at' } } },
    mail: { type: 'string', format: 'email', title: '联系邮箱', 'x-xc-i18n': { en: { title: 'E-mail' } } },
    amount: { type: 'number', title: '涉及金额（元）', minimum: 0, 'x-xc-i18n': { en: { title: 'Sum involved (yuan)' } } },
    ack: { type: 'boolean', const: true, title: '已核对', description: '确认以上内容已核对无误。', 'x-xc-i18n': { en: { title: 'Checked', description: 'The above has been checked.' } } },
    who: {
      type: 'object',
      title: '联系人',
      'x-xc-widget': 'person',
      required: ['name'],
      'x-xc-i18n': { en: { title: 'Contact' } },
      properties: {
        name: { type: 'string', title: '姓名', minLength: 1, 'x-xc-i18n': { en: { title: 'Name' } } },
        unit: { type: 'string', title: '单位', 'x-xc-i18n': { en: { title: 'Unit' } } },
        post: { type: 'string', title: '职务', 'x-xc-i18n': { en: { title: 'Post' } } },
      },
    },
    internal: { type: 'string', 'x-xc-widget': 'hidden' },
  },
};

/** A small stand-in for a precompiled validator of `widgets` (required members only). */
const widgetsValidator: ValidateFunction = Object.assign(
  (data: unknown) => {
    const d = (data ?? {}) as Record<string, unknown>;
    const errors = widgets.required
      .filter((k) => d[k] === undefined || (k === 'ack' && d[k] !== true))
      .map((k) => ({ keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: k } }));
    widgetsValidator.errors = errors.length ? errors : null;
    return !errors.length;
  },
  { errors: null },
);

const widgetsFilled = {
  name: '张三',
  note: '2024年春节前以“慰问”名义发放购物卡，\n每人800元，共计3.68万元。',
  level: '个性问题',
  method: '查阅资料',
  focus: ['群众身边腐败问题'],
  day: '2026-11-20',
  at: '2026-11-26T09:30:00+08:00',
  clock: '08:45:00+08:00',
  mail: 'xuncha@example.gov.cn',
  amount: 36800,
  ack: true,
  who: { name: '李四', unit: '区委第一巡察组', post: '联络员' },
  internal: 'kept but never shown',
};

interface RenderOptions {
  schema?: unknown;
  validator?: ValidateFunction;
  value?: unknown;
  draftKey?: string;
  printView?: boolean;
}

const drafts = memoryDrafts();

const renderForm =
  (opts: RenderOptions = {}) =>
  (args: FormArgs) => html`<xc-provider .drafts=${drafts}>
    <xc-form
      .schema=${opts.schema ?? widgets}
      .validator=${'validator' in opts ? opts.validator : widgetsValidator}
      .value=${opts.value}
      ?readonly=${args.readonly}
      ?print-view=${opts.printView}
      lang=${args.lang || nothing}
      draft-key=${opts.draftKey || nothing}
    ></xc-form>
  </xc-provider>`;

const meta: Meta<FormArgs> = {
  title: 'Elements/xc-form',
  component: 'xc-form',
  tags: ['autodocs'],
  args: { readonly: false, lang: '' },
  argTypes: {
    readonly: { control: 'boolean', description: 'Shows the record as text, without letting it be changed.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the element’s own text; empty = inherit (toolbar).' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A record form driven by a JSON Schema 2020-12 form definition with `x-xc-*` annotations (schemas/form-definition.schema.json). Definitions given at run time need a `validator` (precompiled with `npx xc-precompile`) or the opt-in `xc-elements/compiler`.',
      },
    },
  },
  render: renderForm(),
};
export default meta;

type Story = StoryObj<FormArgs>;

/** Every widget, empty: text, textarea, radio, select, checkboxes, date, datetime, time, e-mail, number, checkbox, person (hidden is not shown). */
export const AllWidgets: Story = {};

/** Every widget filled in. */
export const Filled: Story = { render: renderForm({ value: widgetsFilled }) };

/** The same record read-only: text, not disabled inputs. */
export const ReadOnly: Story = { args: { readonly: true }, render: renderForm({ value: widgetsFilled }) };

/** Submit pressed on an empty form: the error summary takes focus and links to each field. */
export const SubmitWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<XcForm>('xc-form');
    await el?.updateComplete;
    await el?.submit();
  },
};

/** Repeating groups (the interview template's 谈话人, two to six): add, remove, move; limits are stated next to the buttons. */
export const RepeatingGroups: Story = {
  render: renderForm({
    schema: interviewRecordSchema,
    validator: interviewRecord,
    value: { interviewers: [{ name: '张三', unit: '区委第一巡察组', post: '组长' }, { name: '李四', unit: '区委第一巡察组' }] },
  }),
};

/**
 * Conditional requirement (clue sheet): a transfer date makes 接收人 required (it says so) and reveals
 * 办理结果 and 反馈日期. Choosing 其他 as source reveals 其他来源.
 */
export const Conditional: Story = {
  render: renderForm({ schema: clueSheetSchema, validator: clueSheet, value: { source: '其他', transferredOn: '2026-11-27' } }),
};

/** A definition given at run time with neither a validator nor the compiler: the form says how to precompile, in place of the form. */
export const NeedsPrecompiledValidator: Story = { render: renderForm({ validator: undefined }) };

/** A definition that is not valid: the translated message names the bad path. */
export const InvalidDefinition: Story = {
  render: renderForm({ schema: { type: 'object', properties: { a: { type: 'strin', title: '甲' } } } }),
};

/** `draft-key` set: type something, reload the story, and the draft is offered for restore. */
export const WithDrafts: Story = { render: renderForm({ draftKey: 'storybook-form-demo' }) };

/** English interface; the definition carries English labels in `x-xc-i18n`. */
export const English: Story = { args: { lang: 'en' }, render: renderForm({ value: widgetsFilled }) };

/** The A4 print layout on screen (`print-view`): what the browser prints. */
export const PrintView: Story = { render: renderForm({ value: widgetsFilled, printView: true }) };

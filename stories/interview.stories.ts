import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/interview/index.js';
import '../src/provider/index.js';
import type { XcInterviewForm } from '../src/interview/index.js';

interface InterviewArgs {
  readonly: boolean;
  lang: string;
}

/** A filled 个别谈话记录, worded as a team would write it. */
const interviewSample = {
  recordNo: '区委第一巡察组-谈-017',
  interviewee: { name: '赵六', unit: '区农业农村局', post: '办公室科员', politicalStatus: '中共党员' },
  startTime: '2026-11-26T09:30:00+08:00',
  endTime: '2026-11-26T10:40:00+08:00',
  place: '巡察组谈话室（区农业农村局三楼）',
  interviewers: [
    { name: '张明', unit: '区委第一巡察组', post: '组长' },
    { name: '李华', unit: '区委第一巡察组', post: '副组长' },
  ],
  recorder: { name: '王芳', unit: '区委第一巡察组', post: '联络员' },
  kind: '一般干部谈话',
  outline: ['聚焦群众身边腐败问题和不正之风', '聚焦基层党组织领导班子和干部队伍建设情况'],
  confidentialityReminder: true,
  transcript: [
    { question: '请介绍一下你的工作职责。', answer: '我在办公室负责公文流转、会议记录和部分后勤保障工作，已经三年了。' },
    {
      question: '单位落实中央八项规定精神情况如何？有没有发放购物卡、慰问品的情况？',
      answer: '2024年春节前，单位以“慰问”名义给全体职工发了购物卡，每人800元。\n钱是从“其他商品和服务支出”列支的，具体经办人是办公室主任。',
    },
    { question: '公务用车管理情况怎么样？', answer: '有一辆车节假日也出过车，没有派车单。加油卡的消费和里程好像对不上，具体要看台账。' },
    { question: '你还有什么需要向巡察组反映的吗？', answer: '基层检查考核比较多，要报的材料多，大家反映负担重。' },
  ],
  problems: [
    { summary: '2024年春节前以“慰问”名义向全体职工发放购物卡，每人800元。', personConcerned: '办公室主任', isClue: true },
    { summary: '公务用车节假日出车无派车单，加油卡消费与行驶里程不符。', personConcerned: '车辆管理员', isClue: true },
    { summary: '对下属站所检查考核过多，基层负担较重。', isClue: false },
  ],
  confirmation: { statement: '以上记录我已看过，与我所讲一致。', confirmed: true, confirmedAt: '2026-11-26T10:42:00+08:00' },
};

/** The sample as signed on 2026-11-26 10:45 (digest of its canonical JSON; see `sign()` in core). */
const signedSample = { ...interviewSample, signature: { algorithm: 'SHA-256', digest: '', signedAt: '2026-11-26T10:45:00+08:00' } };

const renderInterview =
  (opts: { value?: unknown; printView?: boolean } = {}) =>
  (args: InterviewArgs) => html`<xc-provider today="2026-11-26T10:45:00+08:00">
    <xc-interview-form .value=${opts.value} ?readonly=${args.readonly} ?print-view=${opts.printView} lang=${args.lang || nothing}></xc-interview-form>
  </xc-provider>`;

/** Sign the record shown (as 「确认并签署」 does), so the story shows a real fingerprint. */
const signIt = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector<XcInterviewForm>('xc-interview-form');
  await el?.updateComplete;
  await el?.sign();
};

const meta: Meta<InterviewArgs> = {
  title: 'Elements/xc-interview-form',
  component: 'xc-interview-form',
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
          '个别谈话记录 / individual interview record, on `<xc-form>` with the bundled template. 「确认并签署」 validates, stores a SHA-256 fingerprint in `signature` and locks the record; a signed record is verified on load. Prints as an A4 谈话笔录; 导出 Word (`download(\'docx\')`) gives the same 谈话笔录 as a .docx.',
      },
    },
  },
  render: renderInterview(),
};
export default meta;

type Story = StoryObj<InterviewArgs>;

/** A new record: two interviewer slots and one question/answer block to start with. */
export const Empty: Story = {};

/** Filled in, ready to be signed; two problems are flagged as clues. */
export const Filled: Story = { render: renderInterview({ value: interviewSample }) };

/** Signed: locked, with its fingerprint verified. */
export const Signed: Story = { render: renderInterview({ value: interviewSample }), play: signIt };

/** A signed record that was changed afterwards: the fingerprint no longer matches and the element says so. */
export const ChangedAfterSigning: Story = {
  render: renderInterview({ value: { ...signedSample, signature: { ...signedSample.signature, digest: '0'.repeat(64) } } }),
};

/** The A4 谈话笔录 as it prints: header with record number, fields as text, signature lines, fingerprint in the footer. */
export const PrintedView: Story = { render: renderInterview({ value: interviewSample, printView: true }) };

/**
 * A blank 谈话笔录 to fill in by hand: lines to write on, boxes to tick for the kind of interview,
 * one blank question and answer.
 */
export const PrintedBlank: Story = { render: renderInterview({ printView: true }) };

/** Sign-off pressed on an incomplete record: nothing is signed, the error summary names each field in full (谈话人2 · 姓名, 第1问 · 答). */
export const SignIncomplete: Story = { render: renderInterview({ value: { recordNo: '区委第一巡察组-谈-018' } }), play: signIt };

/** English interface. */
export const English: Story = { args: { lang: 'en' }, render: renderInterview({ value: interviewSample }) };

/**
 * 导出 Word: the 谈话笔录 as a .docx with the print's text — 注意保密, title and number, the head as a
 * table, 问/答 item by item, the signature lines, the fingerprint line once signed. Each export's
 * `xc-export` (file name, size) is logged under the record; the file downloads.
 */
export const ExportWord: Story = {
  render: (args) =>
    html`<div @xc-export=${(e: CustomEvent<{ filename: string; bytes?: Uint8Array }>) => {
      const log = (e.currentTarget as HTMLElement).querySelector('output')!;
      log.textContent = `xc-export: ${e.detail.filename} · ${e.detail.bytes?.length ?? 0} bytes`;
    }}>${renderInterview({ value: interviewSample })(args)}<output aria-live="polite"></output></div>`,
};

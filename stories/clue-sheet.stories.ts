import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/interview/index.js';
import { interviewToClues } from '../src/core/form-clues.js';

interface ClueArgs {
  readonly: boolean;
  lang: string;
}

/** Problems raised in an interview, two of them flagged as clues. */
const interview = {
  recordNo: '区委第一巡察组-谈-017',
  interviewee: { name: '赵六', unit: '区农业农村局', post: '办公室科员' },
  startTime: '2026-11-26T09:30:00+08:00',
  problems: [
    { summary: '2024年春节前以“慰问”名义向全体职工发放购物卡，每人800元，共计3.68万元。', personConcerned: '办公室主任', isClue: true },
    { summary: '对下属站所检查考核过多。', isClue: false },
  ],
};

/** A clue registered, transferred and answered. */
const transferred = {
  clueNo: '区委第一巡察组-线-003',
  source: '信访举报',
  receivedOn: '2026-11-20',
  reporter: { name: '（匿名）' },
  personConcerned: { name: '钱七', unit: '某村党支部', post: '书记' },
  mainProblem: '2024年农村危房改造对象中有2户为村干部近亲属，评议公示程序不完整，补助资金共计6万元。',
  evidence: [
    { title: '2024年危房改造对象花名册', ref: '区住建局存档' },
    { title: '补助资金拨付凭证', ref: '记账凭证2024-08-117' },
  ],
  proposedHandling: '初步核实',
  transferTo: '区纪委',
  transferredOn: '2026-11-27',
  receiver: '孙八',
  outcome: '已立案审查。',
  feedbackOn: '2026-12-15',
};

const renderSheet =
  (opts: { value?: unknown; printView?: boolean } = {}) =>
  (args: ClueArgs) =>
    html`<xc-clue-sheet .value=${opts.value} ?readonly=${args.readonly} ?print-view=${opts.printView} lang=${args.lang || nothing}></xc-clue-sheet>`;

const meta: Meta<ClueArgs> = {
  title: 'Elements/xc-clue-sheet',
  component: 'xc-clue-sheet',
  tags: ['autodocs'],
  args: { readonly: false, lang: '' },
  argTypes: {
    readonly: { control: 'boolean', description: 'Shows the sheet as text, without letting it be changed.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the element’s own text; empty = inherit (toolbar).' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '问题线索登记移交表 / clue register and transfer sheet, on `<xc-form>` with the bundled template. Pre-fill it through `value`, e.g. with `interviewToClues(record)` or the checklist’s `toClueEntries()`. 导出 Word (`download(\'docx\')`) gives the sheet as a .docx.',
      },
    },
  },
  render: renderSheet(),
};
export default meta;

type Story = StoryObj<ClueArgs>;

/** A new sheet (移交单位 defaults to 区纪委). */
export const Empty: Story = {};

/** Pre-filled from a problem flagged as a clue in an interview record (`interviewToClues`). */
export const FromInterview: Story = { render: renderSheet({ value: interviewToClues(interview)[0] }) };

/** Registered, transferred and answered: the outcome fields appear once there is a transfer date. */
export const Transferred: Story = { render: renderSheet({ value: transferred }) };

/** The same, read-only. */
export const ReadOnly: Story = { args: { readonly: true }, render: renderSheet({ value: transferred }) };

/** The A4 print layout on screen. */
export const PrintView: Story = { render: renderSheet({ value: transferred, printView: true }) };

/** English interface. */
export const English: Story = { args: { lang: 'en' }, render: renderSheet({ value: transferred }) };

/**
 * 相关材料 with a photo and a scan attached: printed, the sheet ends with its 附件清单 (name, kind,
 * size, the first 8 hex digits of each SHA-256, where in the sheet). With an attachment store on
 * `<xc-provider>`, the 相关材料 field takes files with `<xc-attachments>` (`x-xc-widget: "attachments"`),
 * and `print-thumbnails` prints images as thumbnails.
 */
export const PrintWithAttachments: Story = {
  render: renderSheet({
    value: {
      ...transferred,
      evidence: [
        ...transferred.evidence,
        { title: '公示栏照片', file: { id: 'demo-1', name: 'IMG_0412.jpg', type: 'image/jpeg', size: 412_338, sha256: '3f2a9c1b'.padEnd(64, '0'), takenAt: '2026-11-19T15:02:11+08:00' } },
        { title: '信访件扫描件', file: { id: 'demo-2', name: '信访件.pdf', type: 'application/pdf', size: 1_258_291, sha256: 'c0ffee12'.padEnd(64, '7') } },
      ],
    },
    printView: true,
  }),
};

/** 导出 Word on a read-only sheet: each export's `xc-export` (file name, size) is logged under the sheet; the file downloads. */
export const ExportWord: Story = {
  args: { readonly: true },
  render: (args) =>
    html`<div @xc-export=${(e: CustomEvent<{ filename: string; bytes?: Uint8Array }>) => {
      const log = (e.currentTarget as HTMLElement).querySelector('output')!;
      log.textContent = `xc-export: ${e.detail.filename} · ${e.detail.bytes?.length ?? 0} bytes`;
    }}>${renderSheet({ value: transferred })(args)}<output aria-live="polite"></output></div>`,
};

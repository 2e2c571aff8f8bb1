import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/round-summary/index.js';
import '../src/provider/index.js';
import { summariseRound, type RoundSummary, type UnitRecords } from '../src/core/round-summary.js';
import { generateRoundUnits, TODAY } from './support/generate-round.js';

interface RoundArgs {
  round: string;
  lang: string;
  today: string;
}

const render =
  (units: () => UnitRecords[] | null, summary?: () => RoundSummary) =>
  (args: RoundArgs) =>
    html`<xc-provider today=${args.today || TODAY}>
      <xc-round-summary round=${args.round || nothing} lang=${args.lang || nothing} .units=${units()} .summary=${summary?.() ?? null}></xc-round-summary>
    </xc-provider>`;

const meta: Meta<RoundArgs> = {
  title: 'Elements/xc-round-summary',
  component: 'xc-round-summary',
  tags: ['autodocs'],
  args: { round: '区委2026年第三轮巡察', lang: '', today: TODAY },
  argTypes: {
    round: { control: 'text', description: 'The round as people name it (shown after the title, used in the CSV file name).' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the element’s own text; empty = inherit (toolbar).' },
    today: { control: 'text', description: '“Today” of the provider (`<xc-provider today>`): what is overdue is counted on it.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '巡察工作统计 / round figures: per unit and for the round, 个别谈话人次, 信访件数, problems by 三个聚焦 and 共性/个性, clues found and handed over, 整改完成率 with 阶段性完成 and overdue apart, 建章立制, funds recovered — counted from the records the other elements produce. Two SVG bar charts, each with a text alternative and its data as a table; the table of every figure; CSV.',
      },
    },
  },
  render: render(() => generateRoundUnits(20, { items: 600 })),
};
export default meta;

type Story = StoryObj<RoundArgs>;

/** Three units: the numbers are easy to follow, one unit has only its ledger. */
export const ThreeUnits: Story = { render: render(() => generateRoundUnits(3, { items: 40 }).map((u, i) => (i === 2 ? { unit: u.unit, ledger: u.ledger } : u))) };

/** Twenty units of a round: checklists, interviews, petitions, clue registers and ledgers (600 items). */
export const TwentyUnits: Story = {};

/** Figures counted elsewhere (e.g. on a server with `summariseRound`) and given as `summary`. */
export const FromSummary: Story = { render: render(() => null, () => summariseRound(generateRoundUnits(5), { today: TODAY })) };

/** Later in the round: more items overdue. */
export const LaterInTheRound: Story = { args: { today: '2027-03-01' } };

/** No units yet. */
export const Empty: Story = { render: render(() => []) };

/** English. */
export const English: Story = { args: { lang: 'en', round: 'Round 3, 2026' } };

/** 导出 Excel and 导出 CSV: each export's `xc-export` (format, file name, size) is logged under the figures; the file downloads. */
export const ExportLog: Story = {
  render: (args) =>
    html`<div @xc-export=${(e: CustomEvent<{ format: string; filename: string; text: string; bytes?: Uint8Array }>) => {
      const log = (e.currentTarget as HTMLElement).querySelector('output')!;
      log.textContent = `xc-export: ${e.detail.format} · ${e.detail.filename} · ${e.detail.bytes?.length ?? e.detail.text.length} bytes`;
    }}>${render(() => generateRoundUnits(3, { items: 40 }))(args)}<output aria-live="polite"></output></div>`,
};

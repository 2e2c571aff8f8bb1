import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/rectification/index.js';
import '../src/provider/index.js';
import type { XcRectificationTracker } from '../src/rectification/index.js';
import type { RectificationLedger } from '../src/core/rectification-types.js';
import type { ChecklistTemplate } from '../src/core/checklist.js';
import { checklistSanjujiao } from '../src/generated/templates/checklistSanjujiao.js';
import { generateChecklistResponse } from './support/generate.js';
import { generateLedger, TODAY } from './support/generate-ledger.js';
import { rectifyLedger } from './support/rectify-ledger.js';

/** The args every story shares. */
interface TrackerArgs {
  /** The role given to `<xc-provider user-role>`. */
  userRole: 'unit' | 'office' | 'viewer' | '';
  readonly: boolean;
  lang: string;
  /** Fixed "today" of the provider, so deadlines and traffic lights look the same every day. */
  today: string;
  grouped: boolean;
}

const mixed = generateLedger(24, { seed: 7 });
const mixedEn = generateLedger(24, { seed: 7, lang: 'en' });
let big: RectificationLedger | undefined;

/** Findings of a filled 三个聚焦 checklist (a quarter of them problems), imported with `importFindings`. */
const filledChecklist = generateChecklistResponse(checklistSanjujiao as ChecklistTemplate, 0.9, { seed: 11 });
const imported = new WeakSet<Element>();

// ---------------------------------------------------------------------------

interface RenderOptions {
  value?: RectificationLedger | null;
  importChecklist?: boolean;
}

const renderTracker =
  (opts: RenderOptions = {}) =>
  (args: TrackerArgs) => html`<xc-provider user-role=${args.userRole || nothing} today=${args.today || nothing} .user=${{ id: 'u-001', name: args.userRole === 'unit' ? '赵芳' : '陈主任' }}>
    <xc-rectification-tracker
      .value=${opts.value ?? null}
      ?readonly=${args.readonly}
      ?grouped=${args.grouped}
      lang=${args.lang || nothing}
      ${opts.importChecklist
        ? ref((el) => {
            // Import once per element, as a host would after the checklist is submitted.
            if (!el || imported.has(el)) return;
            imported.add(el);
            queueMicrotask(() => void (el as XcRectificationTracker).importFindings(checklistSanjujiao as ChecklistTemplate, filledChecklist, { deadline: '2027-01-31' }));
          })
        : nothing}
    ></xc-rectification-tracker>
  </xc-provider>`;

const meta: Meta<TrackerArgs> = {
  title: 'Elements/xc-rectification-tracker',
  component: 'xc-rectification-tracker',
  tags: ['autodocs'],
  args: { userRole: 'office', readonly: false, lang: '', today: TODAY, grouped: false },
  argTypes: {
    userRole: {
      control: 'select',
      options: ['', 'unit', 'office', 'viewer'],
      description: 'Role of the provider: unit 被巡察单位 (fills measures, progress, evidence; submits), office 巡察办 (verifies, closes, sends back), viewer.',
    },
    readonly: { control: 'boolean', description: 'Shows the ledger without letting it be changed.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language of the element’s own text; empty = inherit (toolbar).' },
    today: { control: 'text', description: 'Fixed "today" of the provider (YYYY-MM-DD or a date-time).' },
    grouped: { control: 'boolean', description: 'Group the table by focus area.' },
  },
  parameters: {
    actions: { handles: ['xc-change', 'xc-transition', 'xc-export', 'xc-submit', 'xc-invalid'] },
    docs: {
      description: {
        component:
          '整改台账 / rectification ledger. Value: `{version: 1, title?, unit?, items: [{id, problem, measures, responsibility, kind, deadline, status, progress, evidence, verifier, history}]}` (schemas/rectification-ledger.schema.json). Click a row (or its number) to open the detail panel.',
      },
    },
  },
  render: renderTracker({ value: mixed }),
};
export default meta;

type Story = StoryObj<TrackerArgs>;

/** An empty ledger, as the office sees it before importing findings. */
export const Empty: Story = { render: renderTracker({ value: null }) };

/** A ledger made from the findings of a filled 三个聚焦 checklist (`importFindings`): every item 未启动, 限期整改 by 2027-01-31. */
export const ImportedFromChecklist: Story = { args: { grouped: true }, render: renderTracker({ value: null, importChecklist: true }) };

/** Mixed statuses and kinds; several items overdue or due soon on 2026-11-26. The office verifies and closes. */
export const MixedStatuses: Story = {};

/** The inspected unit: fills measures, responsibility, progress and evidence; starts work and submits for verification. */
export const RoleUnit: Story = { args: { userRole: 'unit' } };

/** The inspection office: edits everything, verifies and closes (销号) or sends back. */
export const RoleOffice: Story = { args: { userRole: 'office' } };

/** A viewer (e.g. the discipline commission): reads everything, changes nothing. */
export const RoleViewer: Story = { args: { userRole: 'viewer' } };

/** `readonly`: nothing can be changed whatever the role. */
export const ReadOnly: Story = { args: { readonly: true } };

/** English interface and data (`lang="en"`). */
export const English: Story = { args: { lang: 'en' }, render: renderTracker({ value: mixedEn }) };

/**
 * 整改 to the end, as the office sees it: ZG-001 has a 延期 request waiting for its decision (open
 * it), ZG-002 an approved one (the light follows the new deadline, the original stays shown),
 * ZG-003 awaits 验收 by three parties (巡察办 signed; 巡察组 and 主管部门 still to pass before 销号),
 * ZG-004 is a 长期坚持 item at 阶段性完成. Each item's panel ends with its change log.
 */
export const ExtensionsAndAcceptance: Story = { args: { userRole: 'office' }, render: (args) => renderTracker({ value: rectifyLedger() })(args) };

/** The same ledger as the unit sees it: it asks for 延期 with a reason, fills measures with their own 责任人 and 时限, marks 阶段性完成. */
export const ExtensionsAsUnit: Story = { args: { userRole: 'unit' }, render: (args) => renderTracker({ value: rectifyLedger() })(args) };

/** 5,000 generated items: the first rows show at once, the rest follow in chunks; filters and status changes stay fast. */
export const Generated5000: Story = {
  // Not on the autodocs page (which renders every story at once); open it on its own.
  tags: ['!autodocs'],
  render: (args) => {
    big ??= generateLedger(5000, { seed: 5000 });
    return renderTracker({ value: big })(args);
  },
};

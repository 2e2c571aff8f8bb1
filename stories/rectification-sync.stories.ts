import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/rectification/index.js';
import '../src/provider/index.js';
import type { XcRectificationTracker } from '../src/rectification/index.js';
import type { RectificationItem, RectificationLedger } from '../src/core/rectification-types.js';

/** The args of these stories. */
interface SyncArgs {
  lang: string;
  /** What the other party changed: a field the person also changed (a conflict), or another one. */
  clash: boolean;
}

const CREATED = { at: '2026-11-01T09:00:00+08:00', by: '王五', role: 'office', from: null, to: 'not-started' } as const;
const STARTED = { at: '2026-11-03T10:00:00+08:00', by: '李四', role: 'unit', from: 'not-started', to: 'in-progress' } as const;

function item(id: string, text: string, over: Partial<RectificationItem> = {}): RectificationItem {
  return {
    id,
    problem: { text },
    measures: [{ id: 'M-1', text: '制定整改方案' }],
    responsibility: { leader: '张副乡长', department: '党政办', person: '李明' },
    kind: 'deadline',
    deadline: '2026-12-31',
    status: 'in-progress',
    progress: 20,
    evidence: [],
    history: [{ ...CREATED }, { ...STARTED }],
    ...over,
  };
}

/** The version both started from (as the server had it when the page loaded). */
const saved = (): RectificationLedger => ({
  version: 1,
  title: '某乡巡察整改台账',
  unit: '某乡人民政府',
  items: [item('ZG-001', '“三重一大”事项未经集体研究'), item('ZG-002', '公务接待超标准'), item('ZG-003', '惠民资金发放台账不全')],
});

const started = new WeakSet<Element>();

/** The person edits ZG-002; meanwhile the office saved its own changes; the save comes back stale. */
const render = (args: SyncArgs) => html`<xc-provider user-role="unit" today="2026-11-26" .user=${{ id: 'clerk', name: '李四' }}>
  <xc-rectification-tracker
    lang=${args.lang || nothing}
    .value=${saved()}
    ${ref((el) => {
      if (!el || started.has(el)) return;
      started.add(el);
      const tracker = el as XcRectificationTracker;
      queueMicrotask(async () => {
        await tracker.updateComplete;
        tracker.applyEdit('ZG-002', { progress: 60, measures: [{ id: 'M-1', text: '制定整改方案并在村务公开栏公示' }] });
        const theirs = saved();
        theirs.items[0] = item('ZG-001', '“三重一大”事项未经集体研究', { deadline: '2027-01-31' });
        theirs.items[1] = item('ZG-002', '公务接待超标准', {
          responsibility: { leader: '张副乡长', department: '党政办', person: '赵芳' },
          ...(args.clash ? { progress: 40 } : {}),
        });
        void tracker.showConflict(theirs);
      });
    })}
  ></xc-rectification-tracker>
</xc-provider>`;

const meta: Meta<SyncArgs> = {
  title: 'Elements/xc-rectification-tracker/Working with a server',
  component: 'xc-rectification-tracker',
  args: { lang: '', clash: true },
  argTypes: { lang: { control: 'select', options: ['', 'zh-CN', 'en'] } },
  render,
  parameters: {
    docs: {
      description: {
        component:
          'What the ledger shows when a save comes back stale (HTTP 409: someone else saved first), as `bindLedger` of ' +
          '`xc-elements/client` does or a host calling `tracker.showConflict(theirLedger)`: the fields both sides changed, ' +
          'with both values and a choice for each; 合并 keeps every other change of both sides, 重新载入 takes theirs and ' +
          'keeps a copy of mine (offered back). Here the person (unit) changed progress and the first measure of ZG-002, ' +
          'while the office changed its responsible person (and progress), and the deadline of ZG-001.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<SyncArgs>;

/** Both changed ZG-002's progress: the banner asks which to keep; everything else merges. */
export const ChangedBySomeoneElse: Story = {};

/** No field changed by both: merging keeps everything. */
export const NoClash: Story = { args: { clash: false } };

/** The banner in English. */
export const English: Story = { args: { lang: 'en' } };

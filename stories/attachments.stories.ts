import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/attachments/xc-attachments.js';
import '../src/checklist/index.js';
import '../src/provider/index.js';
import type { AttachmentLimits, AttachmentRef, AttachmentStore } from '../src/core/attachment-types.js';
import type { EvidenceRef } from '../src/core/rectification-types.js';

interface AttachmentsArgs {
  /** Legend of the element. */
  label: string;
  /** What the files are evidence of (legend 附件：<subject> when no label). */
  subject: string;
  readonly: boolean;
  lang: string;
  /** Most files (limits.maxCount). */
  maxCount: number;
  /** Largest file in MB (limits.maxSize). */
  maxSizeMb: number;
}

/**
 * The smallest attachment store: bytes in a Map, in this page only. A host gives a real one
 * (IndexedDB, the reference back end, its own file service) through `<xc-provider>.attachments`.
 */
function memoryStore(): AttachmentStore {
  const blobs = new Map<string, Blob>();
  let n = 0;
  return {
    async put(blob, meta) {
      const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
      const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      const ref: AttachmentRef = { id: `story-${++n}`, name: meta.name, type: meta.type, size: blob.size, sha256 };
      blobs.set(ref.id, blob);
      return ref;
    },
    async get(ref) {
      return blobs.get(ref.id) ?? null;
    },
    async remove(ref) {
      blobs.delete(ref.id);
    },
  };
}

/** A site photo drawn on a canvas (no image file is fetched). */
async function sitePhoto(): Promise<Blob> {
  const c = new OffscreenCanvas(640, 480);
  const g = c.getContext('2d')!;
  g.fillStyle = '#9ec5e8';
  g.fillRect(0, 0, 640, 300);
  g.fillStyle = '#6a8f3a';
  g.fillRect(0, 300, 640, 180);
  g.fillStyle = '#b3261e';
  g.fillRect(220, 170, 200, 150);
  return c.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}

/** One store per page, with a photo and a PDF already in it. */
const ready = (async () => {
  const store = memoryStore();
  const photo = await store.put(await sitePhoto(), { name: '食堂账目检查现场.jpg', type: 'image/jpeg' });
  const pdf = await store.put(new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), { name: '党组会议纪要（2026年第3期）.pdf', type: 'application/pdf' });
  const value: EvidenceRef[] = [{ title: '食堂账目检查现场', file: photo }, { title: '党组会议纪要（2026年第3期）', file: pdf }];
  return { store, value };
})();

const limitsOf = (args: AttachmentsArgs): AttachmentLimits => ({ maxCount: args.maxCount, maxSize: args.maxSizeMb * 1024 * 1024 });

const render = (args: AttachmentsArgs) => {
  const host = document.createElement('div');
  void ready.then(({ store, value }) => {
    const provider = Object.assign(document.createElement('xc-provider'), { attachments: store, attachmentLimits: limitsOf(args) });
    const el = document.createElement('xc-attachments');
    Object.assign(el, { value, label: args.label, subject: args.subject, readonly: args.readonly });
    if (args.lang) el.lang = args.lang;
    provider.append(el);
    host.append(provider);
  });
  return host;
};

const meta: Meta<AttachmentsArgs> = {
  title: 'Elements/xc-attachments',
  component: 'xc-attachments',
  tags: ['autodocs'],
  args: { label: '佐证材料附件', subject: '', readonly: false, lang: '', maxCount: 20, maxSizeMb: 20 },
  argTypes: {
    label: { control: 'text', description: 'Legend of the element (default 附件, or 附件：<subject>).' },
    subject: { control: 'text', description: 'What the files are evidence of (a check point, a ledger item): the legend reads 附件：<subject> when `label` is empty. The records set it.' },
    readonly: { control: 'boolean', description: 'List the files without adding, renaming, moving or removing.' },
    lang: { control: 'select', options: ['', 'zh-CN', 'en'], description: 'Language; empty = inherit (toolbar).' },
    maxCount: { control: 'number', description: 'limits.maxCount: most files.' },
    maxSizeMb: { control: 'number', description: 'limits.maxSize, in MB.' },
  },
  parameters: {
    actions: { handles: ['xc-change', 'xc-attachment-error'] },
    docs: {
      description: {
        component:
          'Evidence files of a record: choose files (a real file chooser, keyboard reachable), take a photo on a phone, drop files or paste a screenshot. Photos are made smaller before they are stored, upright as taken. Images show as thumbnails drawn on a canvas (no `blob:` image for the CSP to allow) and open in a preview dialog; PDFs open in the browser\'s viewer. Rename, move up and down (announced), remove with 撤销 for a few seconds. The bytes go to the store the host gives (`<xc-provider>.attachments`); this page uses one kept in memory.',
      },
    },
  },
  render,
};
export default meta;

type Story = StoryObj<AttachmentsArgs>;

/** Two files already attached: a photo (thumbnail, preview) and a PDF (opens in the browser's viewer). Add more by choosing, dropping or pasting. */
export const Editing: Story = {};

/** Read-only, as a record that is signed or closed shows its files: name, type, size, preview and open. */
export const ReadOnly: Story = { args: { readonly: true } };

/** Tight limits: at most 3 files of 1 MB. A fourth file, or a larger one, is refused with its name and the reason. */
export const Limits: Story = { args: { maxCount: 3, maxSizeMb: 1 } };

/** In a checklist: a problem finding's 佐证材料 offers 添加附件 because the provider has a store. */
export const InAChecklist: Story = {
  render: () => {
    const host = document.createElement('div');
    void ready.then(({ store }) => {
      const provider = Object.assign(document.createElement('xc-provider'), { attachments: store });
      const list = document.createElement('xc-checklist');
      Object.assign(list, {
        template: {
          id: 'story',
          version: '1',
          title: '监督检查清单（节选）',
          findings: [
            { value: 'problem', label: '存在问题', isProblem: true },
            { value: 'none', label: '未发现问题' },
          ],
          sections: [{ id: 's1', title: '聚焦群众身边腐败问题和不正之风', groups: [{ id: 'g1', title: '中央八项规定精神落实情况', items: [{ id: 'p1', text: '是否存在违规发放津贴补贴或福利问题' }] }] }],
        },
        value: { templateId: 'story', templateVersion: '1', items: { p1: { finding: 'problem', description: '春节前以慰问名义发放购物卡。' } } },
        noSubmitButton: true,
      });
      provider.append(list);
      host.append(provider);
    });
    return html`${host}`;
  },
};

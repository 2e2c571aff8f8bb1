// The printed 附件清单 after a record: name, kind, size and the first 8 hex digits of each file's
// hash, where in the record it is; images as thumbnails only when `print-thumbnails` asks for them.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/interview/index.js';
import '../../src/provider/index.js';
import '../../src/checklist/index.js';
import '../../src/rectification/index.js';
import { emulateMedia } from '@web/test-runner-commands';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcInterviewForm } from '../../src/interview/xc-interview-form.js';
import type { XcClueSheet } from '../../src/interview/xc-clue-sheet.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { AttachmentRef } from '../../src/core/attachment-types.js';
import { expectAccessible } from '../support/a11y.js';
import { settle, text } from '../form/helpers.js';
import { filledInterview, inProgressItem } from '../fixtures/records.js';
import { memoryStore, picture } from './xc-attachments-support.js';

const NOW = '2026-11-26T10:45:00+08:00';
const pdf: AttachmentRef = { id: 'f-9', name: '退还记录.pdf', type: 'application/pdf', size: 1_258_291, sha256: 'c0ffee12'.padEnd(64, '7') };

async function mount<T extends HTMLElement>(tag: 'xc-interview-form' | 'xc-clue-sheet', value: unknown, attrs: { thumbnails?: boolean } = {}, store?: ReturnType<typeof memoryStore>) {
  const p = await fixture<XcProvider>(
    tag === 'xc-interview-form'
      ? html`<xc-provider today=${NOW} .attachments=${store}><xc-interview-form ?print-thumbnails=${!!attrs.thumbnails} .value=${value}></xc-interview-form></xc-provider>`
      : html`<xc-provider today=${NOW} .attachments=${store}><xc-clue-sheet ?print-thumbnails=${!!attrs.thumbnails} .value=${value}></xc-clue-sheet></xc-provider>`,
  );
  const el = p.querySelector(tag) as unknown as T & { printView: boolean; shadowRoot: ShadowRoot };
  await settle(el as never);
  el.printView = true;
  await settle(el as never);
  return el;
}

const list = (el: { shadowRoot: ShadowRoot | null }) => el.shadowRoot!.querySelector<HTMLElement>('.xc-att-list');
const rows = (el: { shadowRoot: ShadowRoot | null }) => [...(list(el)?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));

describe('附件清单 after a printed record', () => {
  it('the interview record lists its files after the fields, before the signature lines', async () => {
    const photo: AttachmentRef = { id: 'f-1', name: '公示栏.jpg', type: 'image/jpeg', size: 183_204, sha256: '3f2a9c1b'.padEnd(64, '0') };
    const el = await mount<XcInterviewForm>('xc-interview-form', { ...filledInterview(), evidence: [{ title: '公示栏照片', file: photo }, { title: '退还记录', file: pdf }] });
    await waitUntil(() => list(el), '附件清单 shown');
    expect(text(list(el)!.querySelector('h2'))).to.equal('附件清单');
    expect(rows(el)).to.deep.equal([
      ['1', '公示栏.jpg', '图片', '178.9 KB', '3f2a9c1b', '佐证材料 1 › 公示栏照片'],
      ['2', '退还记录.pdf', 'PDF 文档', '1.2 MB', 'c0ffee12', '佐证材料 2 › 退还记录'],
    ]);
    // No thumbnails unless asked for.
    expect(list(el)!.querySelector('canvas')).to.equal(null);
    const fields = el.shadowRoot.querySelector('.print-view .p-row:last-of-type')!;
    expect(fields.compareDocumentPosition(list(el)!) & Node.DOCUMENT_POSITION_FOLLOWING, 'after the fields').to.not.equal(0);
    await expectAccessible(list(el)!);
  });

  it('a record without files prints no list (and loads none of its code)', async () => {
    const el = await mount<XcInterviewForm>('xc-interview-form', filledInterview());
    await new Promise((r) => setTimeout(r, 50));
    await settle(el as never);
    expect(list(el)).to.equal(null);
  });

  it('the clue sheet lists the files of its evidence rows, images as thumbnails with print-thumbnails', async () => {
    const store = memoryStore();
    const ref = await store.put(await picture(400, 300), { name: '现场.jpg', type: 'image/jpeg' });
    const value = { clueNo: 'X-1', source: '实地走访', mainProblem: '公示栏未公示', evidence: [{ title: '会议记录', ref: '〔2026〕3号' }, { title: '现场.jpg', file: ref }] };
    const el = await mount<XcClueSheet>('xc-clue-sheet', value, { thumbnails: true }, store);
    await waitUntil(() => list(el)?.querySelector('canvas[data-drawn]'), 'thumbnail drawn', { timeout: 5000 });
    expect(rows(el).map((r) => [r[1], r[4]])).to.deep.equal([['现场.jpg', ref.sha256.slice(0, 8)]]);
    const canvas = list(el)!.querySelector('canvas')!;
    const d = canvas.getContext('2d')!.getImageData(2, Math.floor(canvas.height / 2), 1, 1).data;
    expect([d[0]! > 200, d[2]! < 60], 'the picture drawn (red left half)').to.deep.equal([true, true]);
  });
});

describe('附件清单 of the checklist and the ledger (printed with the element itself)', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('the checklist prints the files of its findings, hidden on screen', async () => {
    const photo: AttachmentRef = { id: 'f-1', name: '公示栏.jpg', type: 'image/jpeg', size: 2048, sha256: 'ab12cd34'.padEnd(64, '0') };
    const el = await fixture<XcChecklist>(html`<xc-checklist .value=${{ templateId: 'xc-sanjujiao', templateVersion: '1.0.0', items: { 'f2g4-01': { finding: 'problem', description: '未公示', evidence: [{ title: '公示栏照片', file: photo }] } } }}></xc-checklist>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.xc-att-list'), '附件清单 rendered', { timeout: 5000 });
    const section = el.shadowRoot!.querySelector<HTMLElement>('.xc-att-list')!;
    expect(getComputedStyle(section).display, 'hidden on screen').to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(section).display, 'shown in print').to.equal('block');
    expect(rows(el)).to.deep.equal([['1', '公示栏.jpg', '图片', '2 KB', 'ab12cd34', 'f2g4-01 › 佐证材料 1 › 公示栏照片']]);
  });

  it('a file attached to a finding after the checklist has loaded joins its printed list', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .value=${{ templateId: 'xc-sanjujiao', templateVersion: '1.0.0', items: { 'f2g4-01': { finding: 'problem', description: '未公示' } } }}></xc-checklist>`);
    // The print hook has arrived (the checklist knows the record has no files yet).
    await waitUntil(() => performance.getEntriesByType('resource').some((r) => r.name.includes('print-hook')), 'print hook loaded', { timeout: 5000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.xc-att-list'), 'no list without files').to.equal(null);
    // The item's own setter, as its evidence editor calls it when a file is attached.
    const item = [...el.shadowRoot!.querySelectorAll<HTMLElement & { _set(p: object): void; ip: { point: { id: string } } }>('xc-checklist-item')].find((i) => i.ip.point.id === 'f2g4-01')!;
    const photo: AttachmentRef = { id: 'f-9', name: '台账.jpg', type: 'image/jpeg', size: 1024, sha256: 'cafe0123'.padEnd(64, '0') };
    item._set({ evidence: [{ title: '台账照片', file: photo }] });
    await waitUntil(() => el.shadowRoot!.querySelector('.xc-att-list'), '附件清单 rendered after the file was attached', { timeout: 5000 });
    expect(rows(el)).to.deep.equal([['1', '台账.jpg', '图片', '1 KB', 'cafe0123', 'f2g4-01 › 佐证材料 1 › 台账照片']]);
  });

  it('the ledger prints the files of its items', async () => {
    const file: AttachmentRef = { id: 'f-2', name: '整改通知.pdf', type: 'application/pdf', size: 4096, sha256: '0badf00d'.padEnd(64, '1') };
    const ledger = { version: 1, items: [{ ...inProgressItem('ZG-001', '2026-12-31'), evidence: [{ title: '整改通知', file }] }] };
    const p = await fixture<XcProvider>(html`<xc-provider user-role="office" today="2026-11-26"><xc-rectification-tracker .value=${ledger}></xc-rectification-tracker></xc-provider>`);
    const el = p.querySelector('xc-rectification-tracker')!;
    await waitUntil(() => el.shadowRoot!.querySelector('.xc-att-list'), '附件清单 rendered', { timeout: 5000 });
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(el.shadowRoot!.querySelector('.xc-att-list')!).display).to.equal('block');
    expect(rows(el as never)).to.deep.equal([['1', '整改通知.pdf', 'PDF 文档', '4 KB', '0badf00d', 'ZG-001 › 佐证材料 1 › 整改通知']]);
  });
});

// The printed 附件清单 after a record: name, kind, size and the first 8 hex digits of each file's
// hash, where in the record it is; images as thumbnails only when `print-thumbnails` asks for them.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/interview/index.js';
import '../../src/provider/index.js';
import type { XcInterviewForm } from '../../src/interview/xc-interview-form.js';
import type { XcClueSheet } from '../../src/interview/xc-clue-sheet.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { AttachmentRef } from '../../src/core/attachment-types.js';
import { expectAccessible } from '../support/a11y.js';
import { settle, text } from '../form/helpers.js';
import { filledInterview } from '../fixtures/records.js';
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

const list = (el: { shadowRoot: ShadowRoot }) => el.shadowRoot.querySelector<HTMLElement>('.print-view .xc-att-list');
const rows = (el: { shadowRoot: ShadowRoot }) => [...(list(el)?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));

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

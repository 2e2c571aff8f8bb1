// x-xc-widget "attachments": the clue sheet's 相关材料 takes files with <xc-attachments> when the page
// has an attachment store; its other rows stay a repeating group; without a store, as before.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/interview/index.js';
import '../../src/provider/index.js';
import type { XcClueSheet } from '../../src/interview/xc-clue-sheet.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { XcAttachments } from '../../src/attachments/xc-attachments.js';
import { expectAccessible } from '../support/a11y.js';
import { settle, text } from './helpers.js';
import { memoryStore, picture } from '../attachments/xc-attachments-support.js';

async function mount(value: unknown, store?: ReturnType<typeof memoryStore>) {
  const p = await fixture<XcProvider>(html`<xc-provider today="2026-11-26" .attachments=${store}><xc-clue-sheet .value=${value}></xc-clue-sheet></xc-provider>`);
  const el = p.querySelector('xc-clue-sheet') as XcClueSheet;
  await settle(el);
  return el;
}
const evidenceField = (el: XcClueSheet) => el.shadowRoot!.querySelector<HTMLElement>('#xf-evidence')!;

describe('x-xc-widget "attachments" (clue sheet 相关材料)', () => {
  it('with a store: the files in <xc-attachments>, the other rows as before, a removal reaching the record', async () => {
    const store = memoryStore();
    const file = await store.put(await picture(40, 30), { name: '现场.jpg', type: 'image/jpeg' });
    const el = await mount({ evidence: [{ title: '会议记录', ref: '〔2026〕3号' }, { title: '现场.jpg', file }] }, store);
    await waitUntil(() => evidenceField(el).querySelector('xc-attachments'), '<xc-attachments> loaded', { timeout: 5000 });
    await customElements.whenDefined('xc-attachments');
    const box = evidenceField(el).querySelector('xc-attachments') as XcAttachments;
    await box.updateComplete;
    await waitUntil(() => box.shadowRoot!.querySelector('.file .name'), 'file listed');
    // One row for the document, none for the file (it is in the files' list).
    expect(evidenceField(el).querySelectorAll(':scope > ol > li').length).to.equal(1);
    expect([...box.shadowRoot!.querySelectorAll('.file .name')].map((n) => text(n))).to.deep.equal(['现场.jpg']);
    await expectAccessible(evidenceField(el));
    box.shadowRoot!.querySelector<HTMLButtonElement>('[data-act="remove"]')!.click();
    await settle(el);
    expect((el.value as { evidence: unknown[] }).evidence).to.deep.equal([{ title: '会议记录', ref: '〔2026〕3号' }]);
  });

  it('without a store: as before, every row in the repeating group and no <xc-attachments>', async () => {
    const file = { id: 'f-1', name: '现场.jpg', type: 'image/jpeg', size: 10, sha256: 'a'.repeat(64) };
    const el = await mount({ evidence: [{ title: '会议记录' }, { title: '现场.jpg', file }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(evidenceField(el).querySelectorAll(':scope > ol > li').length).to.equal(2);
    expect(evidenceField(el).querySelector('xc-attachments')).to.equal(null);
    // The reference itself is not offered as fields to type into.
    expect(evidenceField(el).querySelector('[id$="file.sha256"], [id*="file_2e"]')).to.equal(null);
  });
});

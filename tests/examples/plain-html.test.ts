import { expect } from '@open-wc/testing';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';

describe('example: plain HTML page with the standalone bundle', () => {
  it('loads, takes data in through the property and gives it back through events', async () => {
    localStorage.removeItem('xc-draft:example/plain-html');
    const frame = document.createElement('iframe');
    frame.src = '/examples/plain-html/index.html';
    frame.style.width = '1000px';
    frame.style.height = '800px';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const win = frame.contentWindow!;
    await win.customElements.whenDefined('xc-checklist');
    const list = win.document.getElementById('list') as XcChecklist;
    await list.updateComplete;
    // Data in: the saved answer is shown, and the host's own member survives.
    expect(list.shadowRoot!.querySelector<HTMLInputElement>('#xc-item-f1g1-01 .finding[data-value="none"] input')!.checked).to.equal(true);
    expect((list.value as unknown as { portalRecordId: string }).portalRecordId).to.equal('A-2026-17');
    // Data out: a change fires xc-change with the check point's id.
    list.shadowRoot!.querySelector<HTMLInputElement>('#xc-item-f1g1-02 .finding[data-value="na"] input')!.click();
    const out = win.document.getElementById('out')!;
    expect(out.dataset['lastChange']).to.equal('f1g1-02');
    // Submitting an incomplete checklist shows errors instead of handing data out.
    await list.submit();
    expect(out.textContent).to.equal('（尚未提交）');
    // A complete record is handed out as JSON through xc-submit.
    const ids = list.activeTemplate!.sections.flatMap((s) => s.groups).flatMap((g) => g.items).map((p) => p.id);
    list.value = { templateId: 'xc-sanjujiao', templateVersion: '1.0.0', items: Object.fromEntries(ids.map((id) => [id, { finding: 'none' }])) };
    await list.updateComplete;
    expect(await list.submit()).to.equal(true);
    expect(JSON.parse(out.textContent!).items['f3g3-05']).to.deep.equal({ finding: 'none' });
    frame.remove();
    localStorage.removeItem('xc-draft:example/plain-html');
  });
});

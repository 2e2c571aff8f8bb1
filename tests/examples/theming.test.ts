import { expect } from '@open-wc/testing';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';

describe('example: theming through --xc-* properties and ::part', () => {
  it('takes the portal colours and switches to large text', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '800px';
    document.body.append(frame);
    await new Promise((r) => {
      frame.addEventListener('load', r, { once: true });
      frame.src = '/examples/theming/index.html';
    });
    const win = frame.contentWindow!;
    await win.customElements.whenDefined('xc-checklist');
    const list = win.document.getElementById('list') as XcChecklist;
    await list.updateComplete;
    const submit = list.shadowRoot!.querySelector<HTMLElement>('[part=submit]')!;
    expect(win.getComputedStyle(submit).backgroundColor).to.equal('rgb(11, 79, 138)');
    expect(win.getComputedStyle(submit).fontWeight).to.equal('700');
    const legend = list.shadowRoot!.querySelector<HTMLElement>('.point-text')!;
    const before = parseFloat(win.getComputedStyle(legend).fontSize);
    win.document.getElementById('large')!.click();
    const after = parseFloat(win.getComputedStyle(legend).fontSize);
    expect(before).to.equal(16);
    expect(after).to.equal(20);
    frame.remove();
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/checklist/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';

const KEY = 'xc-test/two-tabs';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Another window on the same draft (an iframe shares localStorage and gets its own `storage` events). */
async function otherTab(): Promise<{ frame: HTMLIFrameElement; el: XcChecklist }> {
  const frame = document.createElement('iframe');
  frame.src = '/tests/fixtures/other-tab.html';
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const win = frame.contentWindow!;
  await win.customElements.whenDefined('xc-checklist');
  const el = win.document.querySelector('xc-checklist') as XcChecklist;
  await el.updateComplete;
  return { frame, el };
}

describe('<xc-checklist> in two tabs on the same draft', () => {
  beforeEach(() => localStorage.removeItem(`xc-draft:${KEY}`));
  afterEach(() => localStorage.removeItem(`xc-draft:${KEY}`));

  it('notices a change saved in the other tab and offers it instead of silently overwriting', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist draft-key=${KEY}></xc-checklist>`);
    await el.updateComplete;
    const other = await otherTab();
    // The other tab answers the first check point and its draft is flushed.
    other.el.shadowRoot!.querySelector<HTMLInputElement>('.finding[data-value="none"] input')!.click();
    other.frame.contentWindow!.dispatchEvent(new Event('pagehide'));
    for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('.banner.warn'); i++) {
      await wait(20);
      await el.updateComplete;
    }
    const banner = el.shadowRoot!.querySelector('.banner.warn')!;
    expect(banner.textContent).to.contain('此草稿已在其他窗口中修改');
    // Nothing was overwritten: this tab still shows its own (empty) answers until the person chooses.
    expect(el.value!.items).to.deep.equal({});
    banner.querySelector<HTMLButtonElement>('button.primary')!.click();
    await el.updateComplete;
    expect(el.value!.items['f1g1-01']).to.deep.equal({ finding: 'none' });
    other.frame.remove();
  });
});

import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/checklist/index.js';
import '../../src/interview/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';

const template = {
  id: 'focus',
  version: '1',
  title: '清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
  ],
  sections: [{ id: 's1', title: '第一部分', items: [{ id: 'p1', text: '是否存在甲问题' }] }],
};

/** The active element, followed into shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('a native form with several invalid xc elements', () => {
  it('shows every error summary and moves focus to the first invalid one, as native controls do', async () => {
    const form = fixtureSync<HTMLFormElement>(html`<form>
      <xc-checklist name="a" .template=${template} no-submit-button></xc-checklist>
      <xc-clue-sheet name="b" no-submit-button></xc-clue-sheet>
      <button>提交</button>
    </form>`);
    const first = form.querySelector<XcChecklist>('xc-checklist')!;
    const second = form.querySelector('xc-clue-sheet')!;
    await first.updateComplete;
    await second.updateComplete;
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    const invalid: string[] = [];
    form.addEventListener('xc-invalid', (e) => invalid.push((e.target as Element).localName));
    form.requestSubmit();
    for (let i = 0; i < 20 && invalid.length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    await first.updateComplete;
    await second.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(submitted).to.equal(0);
    expect(invalid.sort()).to.deep.equal(['xc-checklist', 'xc-clue-sheet']);
    expect(first.shadowRoot!.querySelector('[data-error-summary]'), 'the first shows its summary').to.exist;
    expect(second.shadowRoot!.querySelector('[data-error-summary]'), 'the second shows its summary').to.exist;
    const active = deepActive();
    expect(first.shadowRoot!.contains(active), `focus is in the first invalid element, not in <${active?.getRootNode() instanceof ShadowRoot ? (active!.getRootNode() as ShadowRoot).host.localName : active?.localName}>`).to.equal(true);
  });
});

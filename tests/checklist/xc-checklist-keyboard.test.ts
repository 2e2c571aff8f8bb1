import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/checklist/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';

const template = {
  id: 'kbd',
  version: '1',
  title: '键盘清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
    { value: 'na', label: '不适用' },
  ],
  sections: [{ id: 's', title: '部分', groups: [{ id: 'g', title: '组', items: [{ id: 'a', text: '是否存在甲问题' }, { id: 'b', text: '是否存在乙问题' }] }] }],
};

describe('<xc-checklist> by keyboard alone', () => {
  it('answers every check point, describes a problem and submits without a mouse', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${template}></xc-checklist>`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    // Start on the first check point's first finding (as Tab would reach it after the toolbar).
    root.querySelector<HTMLInputElement>('#xc-item-a .finding input')!.focus();
    // Space picks 存在问题; Tab reaches the description; type it.
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.getAttribute('data-field')).to.equal('description');
    await sendKeys({ type: '会议记录缺失' });
    // Alt+↓ jumps to the next check point; arrow keys move within its findings.
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    expect(root.activeElement?.closest('#xc-item-b')).to.exist;
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value!.items).to.deep.equal({ a: { finding: 'problem', description: '会议记录缺失' }, b: { finding: 'none' } });
    // Reach the submit button from the keyboard and press Enter.
    root.querySelector<HTMLButtonElement>('[part=submit]')!.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const ev = (await oneEvent(el, 'xc-submit')) as CustomEvent;
    expect(ev.detail.value.items.b).to.deep.equal({ finding: 'none' });
  });

  it('on a failed submit, the error summary takes focus and Enter on a link lands on the field', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${template}></xc-checklist>`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part=submit]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.activeElement).to.equal(root.querySelector('.error-summary'));
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.localName).to.equal('a');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(root.activeElement?.closest('#xc-item-a')).to.exist;
  });
});

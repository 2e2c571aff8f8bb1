import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/checklist/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import { expectAccessible } from '../support/a11y.js';

describe('<xc-checklist> loading and printing', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('loads a template from src', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist src="/tests/fixtures/small-template.json"></xc-checklist>`);
    if (!el.activeTemplate) await oneEvent(el, 'xc-load');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.title')!.textContent).to.equal('远程加载的清单');
    expect(el.shadowRoot!.querySelectorAll('xc-checklist-item')).to.have.length(1);
  });

  it('shows a translated error when src cannot be loaded', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist lang="en" src="/tests/fixtures/small-template.json"></xc-checklist>`);
    setTimeout(() => (el.src = '/tests/fixtures/no-such-template.json'));
    const ev = (await oneEvent(el, 'xc-error')) as CustomEvent;
    expect(ev.detail.errors[0].message).to.contain('404');
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(box.textContent).to.contain('The template could not be loaded: HTTP 404');
    await expectAccessible(el);
  });

  it('keeps the answers when a new version of the template replaces the old one', async () => {
    const v1 = { id: 't', version: '1', title: 't', findings: [{ value: 'p', label: '存在问题', isProblem: true }, { value: 'n', label: '未发现问题' }], sections: [{ id: 's', title: 's', groups: [{ id: 'g', title: 'g', items: [{ id: 'a', text: '甲' }, { id: 'b', text: '乙' }] }] }] };
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${v1}></xc-checklist>`);
    el.value = { templateId: 't', templateVersion: '1', items: { a: { finding: 'n' }, b: { finding: 'p', description: '乙的问题' } } };
    await el.updateComplete;
    el.template = { ...v1, version: '2', sections: [{ id: 's', title: 's', groups: [{ id: 'g', title: 'g', items: [{ id: 'a', text: '甲（修订）' }, { id: 'c', text: '丙' }] }] }] };
    await el.updateComplete;
    await el.updateComplete;
    expect(el.value!.templateVersion).to.equal('2');
    expect(el.value!.items).to.deep.equal({ a: { finding: 'n' } });
    expect(el.value!.keptAside).to.deep.equal({ b: { finding: 'p', description: '乙的问题' } });
    expect(el.shadowRoot!.querySelector('.kept-aside')!.textContent).to.contain('乙的问题');
  });

  it('prints every section open, without the tools', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist subject="被巡察单位：xx乡"></xc-checklist>`);
    await el.updateComplete;
    const btn = el.shadowRoot!.querySelector<HTMLButtonElement>('.section-title button')!;
    btn.click();
    await el.updateComplete;
    const body = el.shadowRoot!.getElementById(btn.getAttribute('aria-controls')!)!;
    expect(getComputedStyle(body).display).to.equal('none');
    window.dispatchEvent(new Event('beforeprint'));
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(body).display).to.equal('block');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.tools')!).display).to.equal('none');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.print-header')!).display).to.equal('block');
    expect(el.shadowRoot!.querySelector('.print-header')!.textContent).to.contain('被巡察单位：xx乡');
    expect(el.shadowRoot!.querySelectorAll('xc-checklist-item')).to.have.length(54);
  });
});

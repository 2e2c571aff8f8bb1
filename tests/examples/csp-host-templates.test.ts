import { expect } from '@open-wc/testing';
import type { AxeResults } from 'axe-core';
import type { XcForm } from '../../src/form/xc-form.js';
import { fieldId } from '../../src/form/display.js';
import { record, startNetworkLog, stopNetworkLog, foreignRequests } from '../support/report.js';

type FrameWindow = Window & typeof globalThis & { cspViolations: string[]; axe?: { run(c: Element, o: object): Promise<AxeResults> } };
interface FieldError { path: string; message: string; keyword: string }

const PAGE = '/examples/csp-host-templates/index.html';
const DRAFT = 'xc-draft:example/csp-host-templates';

/** Wait for `test` to hold, checking after each turn of the frame's event loop. */
async function until<T>(test: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = test();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Settle the form and the <xc-field>s inside it. */
async function settle(form: XcForm): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await form.updateComplete;
    const pending = [...form.shadowRoot!.querySelectorAll('xc-field')].filter((f) => (f as unknown as { isUpdatePending: boolean }).isUpdatePending);
    if (!pending.length && !form.isUpdatePending) break;
    await Promise.all(pending.map((f) => (f as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  }
  await new Promise((r) => setTimeout(r, 0));
}

function control<T extends HTMLElement = HTMLInputElement>(form: XcForm, name: string): T {
  const c = form.shadowRoot!.getElementById(fieldId(name)) as T | null;
  if (!c) throw new Error(`no control for ${name}`);
  return c;
}

/** Type into a control as a person would: the value, then an input event. */
function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('example: the host\'s own schema under a strict CSP (precompiled with xc-precompile)', () => {
  it('validates with the precompiled validator, submits, and the policy blocks nothing', async () => {
    localStorage.removeItem(DRAFT);
    await startNetworkLog();
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '900px';
    document.body.append(frame);
    const response = fetch(PAGE);
    await new Promise((r) => {
      frame.addEventListener('load', r, { once: true });
      frame.src = PAGE;
    });
    // The page really is served with the strict policy.
    expect((await response).headers.get('content-security-policy')).to.equal("default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'");
    const win = frame.contentWindow as FrameWindow;
    await win.customElements.whenDefined('xc-form');
    const form = win.document.getElementById('receipt') as XcForm;
    // main.js gives the host's schema and its precompiled validator; the form appears.
    await until(() => form.shadowRoot?.getElementById(fieldId('unitName')), 'the host form to render');
    await settle(form);
    expect(text(form.shadowRoot!.querySelector('[part=title]'))).to.equal('巡察组进驻通知回执');
    expect(form.shadowRoot!.querySelector('[part=load-error]'), 'no "needs precompiling" notice').to.equal(null);

    const invalid: FieldError[][] = [];
    form.addEventListener('xc-invalid', (e) => invalid.push((e as CustomEvent<{ errors: FieldError[] }>).detail.errors));
    const submitted: unknown[] = [];
    form.addEventListener('xc-submit', (e) => submitted.push((e as CustomEvent<{ value: unknown }>).detail.value));
    const submit = form.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!;

    // 1. Submit the empty form: zh-CN messages, the schema's own and the locale's.
    submit.click();
    await until(() => invalid.length === 1, 'xc-invalid on the empty form');
    await settle(form);
    const summary = text(form.shadowRoot!.querySelector('.error-summary'));
    expect(summary).to.contain('提交前请修改以下问题');
    expect(summary).to.contain('请填写被巡察单位名称');
    expect(summary).to.contain('单位类别');
    // The array's `required` is reported by the full validator only (the required-fields
    // fallback used before a validator arrives skips arrays).
    expect(invalid[0]!.map((e) => e.path)).to.include.members(['unitName', 'unitType', 'receivedOn', 'liaison', 'materials']);
    expect(summary).to.contain('请至少列出一项报送资料');
    expect(submitted).to.deep.equal([]);

    // 2. A malformed telephone and email: `pattern` and `format` errors, which only the
    //    precompiled ajv validator produces (no run-time compiler is allowed on this page).
    type(control(form, 'liaison.phone'), '12345');
    type(control(form, 'liaison.email'), 'wang@');
    await settle(form);
    submit.click();
    await until(() => invalid.length === 2, 'xc-invalid on the malformed fields');
    await settle(form);
    const second = invalid[1]!;
    expect(second.find((e) => e.path === 'liaison.phone')).to.deep.equal({ path: 'liaison.phone', keyword: 'pattern', message: '请填写11位手机号码或带区号的固定电话' });
    // ajv-i18n's zh text for a failed `format`, with no message of the schema's own.
    expect(second.find((e) => e.path === 'liaison.email')).to.deep.equal({ path: 'liaison.email', keyword: 'format', message: '应当匹配格式 "email"' });
    const emailError = form.shadowRoot!.getElementById(control(form, 'liaison.email').getAttribute('aria-describedby')!.split(' ').find((id) => form.shadowRoot!.getElementById(id)?.classList.contains('field-error'))!);
    expect(text(emailError)).to.contain('应当匹配格式 "email"');

    // 3. Fill it in properly and submit: xc-submit hands the record out.
    type(control(form, 'unitName'), 'xx乡党委');
    const township = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.value === '乡（镇）' || r.closest('label')?.textContent?.includes('乡（镇）'));
    township!.click();
    type(control(form, 'receivedOn'), '2026-03-02');
    type(control(form, 'liaison.name'), '王某');
    type(control(form, 'liaison.phone'), '0371-12345678');
    type(control(form, 'liaison.email'), 'wang@example.gov.cn');
    await settle(form);
    const add = [...form.shadowRoot!.querySelectorAll('button')].find((b) => text(b).includes('添加资料'))!;
    add.click();
    await settle(form);
    type(control(form, 'materials.0.title'), '近三年党委会会议记录');
    await settle(form);
    submit.click();
    await until(() => submitted.length === 1, 'xc-submit');
    expect(invalid.length).to.equal(2);
    expect(submitted[0]).to.deep.include({ unitName: 'xx乡党委', unitType: '乡（镇）', receivedOn: '2026-03-02' });
    expect((submitted[0] as { liaison: unknown }).liaison).to.deep.include({ name: '王某', phone: '0371-12345678', email: 'wang@example.gov.cn' });
    expect((submitted[0] as { materials: unknown }).materials).to.deep.equal([{ title: '近三年党委会会议记录', copies: 1 }]);
    // The page shows what it got (main.js).
    expect(JSON.parse(win.document.getElementById('out')!.textContent!)).to.deep.equal(submitted[0]);

    // Nothing was blocked while the page loaded, rendered, validated and submitted.
    expect(win.cspViolations).to.deep.equal([]);

    // Accessible: axe-core over the whole page, loaded from this origin as the policy allows
    // (a script URL needs a Trusted Types policy on this page: the test makes one).
    const policy = (win as unknown as { trustedTypes: { createPolicy(n: string, p: object): { createScriptURL(u: string): string } } }).trustedTypes.createPolicy('xc-test-axe', { createScriptURL: (u: string) => u });
    const s = win.document.createElement('script');
    s.src = policy.createScriptURL('/node_modules/axe-core/axe.min.js');
    await new Promise((r, j) => {
      s.onload = r;
      s.onerror = j;
      win.document.head.append(s);
    });
    const axe = await win.axe!.run(win.document.body, { resultTypes: ['violations'] });
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).to.deep.equal([]);

    // The watcher does hear the policy: an inline style attribute is refused and reported,
    // and eval is blocked.
    const probe = win.document.createElement('div');
    probe.setAttribute('style', 'color: red');
    win.document.body.append(probe);
    await until(() => win.cspViolations.some((v) => v.startsWith('style-src')), 'the probe\'s violation');
    expect(() => new win.Function('return 1')()).to.throw();

    const urls = await stopNetworkLog();
    expect(urls.some((u) => u.endsWith('/examples/csp-host-templates/host-form.validators.js')), 'the precompiled validator was loaded').to.equal(true);
    expect(foreignRequests(urls)).to.deep.equal([]);
    frame.remove();
    localStorage.removeItem(DRAFT);
    await record({
      id: 'csp.host-templates',
      check: 'A host\'s own form definition, precompiled with `npx xc-precompile`, validates and submits on a page served with `script-src \'self\'; style-src \'self\'; require-trusted-types-for \'script\'`; axe-clean, no request to another origin',
      figure: `${invalid.length} failed submits (${invalid.flat().length} zh-CN errors, incl. pattern and format), 1 valid submit, ${urls.length} requests, 0 CSP violations`,
    });
  });
});

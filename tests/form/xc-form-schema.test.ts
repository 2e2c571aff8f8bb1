// Run-time form definitions on a page that did NOT import the compiler.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/form/index.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { setSchemaCompiler } from '../../src/core/validation.js';
import { clueSheetSchema } from '../../src/generated/templates.js';
import { clueSheet } from '../../src/generated/validators/clueSheet.js';
import { expectAccessible } from '../support/a11y.js';
import { control, settle, text, type } from './helpers.js';

const small = { type: 'object', required: ['a'], properties: { a: { type: 'string', title: '甲' } } };

describe('<xc-form>: definitions given at run time', () => {
  it('without a compiler or validator, says how to precompile, in place of the form, keeping the value', async () => {
    const el = await fixture<XcForm>(html`<xc-form name="x" .schema=${small} .value=${{ a: '已填' }}></xc-form>`);
    await settle(el);
    const box = el.shadowRoot!.querySelector('[part=load-error]')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(text(box)).to.contain('npx xc-precompile').and.contain('xc-elements/compiler');
    expect(el.shadowRoot!.querySelectorAll('input').length).to.equal(0);
    expect(el.value, 'nothing typed is lost to a bad schema').to.deep.equal({ a: '已填' });
    expect(el.checkValidity()).to.equal(false);
    await expectAccessible(el);
    el.lang = 'en';
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('[part=load-error]'))).to.contain('has no precompiled validator');
  });

  it('under a CSP that forbids eval, says so', async () => {
    setSchemaCompiler({
      compile() {
        throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
      },
    });
    try {
      const el = await fixture<XcForm>(html`<xc-form .schema=${small}></xc-form>`);
      await settle(el);
      expect(text(el.shadowRoot!.querySelector('[part=load-error]'))).to.contain('安全策略（CSP）');
    } finally {
      setSchemaCompiler(null);
    }
  });

  it('uses a precompiled validator set by the host', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${clueSheetSchema} .validator=${clueSheet}></xc-form>`);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part=load-error]')).to.equal(null);
    type(control<HTMLTextAreaElement>(el, 'mainProblem'), '内容');
    const r = el.validate();
    expect(r.valid).to.equal(false);
    expect(r.errors.map((e) => e.path)).to.deep.equal(['clueNo', 'source', 'receivedOn', 'personConcerned']);
  });

  it('shows where a definition is wrong, translated', async () => {
    const bad = { type: 'object', properties: { a: { type: 'strin', title: '甲' } } };
    const kinds: string[] = [];
    const listen = (e: Event) => kinds.push((e as CustomEvent).detail.kind);
    document.addEventListener('xc-error', listen);
    const el = await fixture<XcForm>(html`<xc-form .schema=${bad} .validator=${clueSheet}></xc-form>`);
    document.removeEventListener('xc-error', listen);
    expect(kinds).to.deep.equal(['invalid']);
    await settle(el);
    const box = text(el.shadowRoot!.querySelector('[part=load-error]'));
    expect(box).to.contain('表单定义有误').and.contain('位置 properties.a.type');
    await expectAccessible(el);
    expect(el.validate().valid).to.equal(false);
    // Not a form definition at all.
    const el2 = await fixture<XcForm>(html`<xc-form lang="en" .schema=${{ type: 'array' }} .validator=${clueSheet}></xc-form>`);
    await settle(el2);
    expect(text(el2.shadowRoot!.querySelector('[part=load-error]'))).to.contain('The form definition is not valid').and.contain('At properties');
  });

  it('loads a definition from src, and says when it cannot', async () => {
    const el = await fixture<XcForm>(html`<xc-form src="/schemas/templates/clue-sheet.json" .validator=${clueSheet}></xc-form>`);
    await settle(el); // updateComplete covers the fetch
    expect(text(el.shadowRoot!.querySelector('.title'))).to.equal('问题线索登记移交表');
    const missing = await fixture<XcForm>(html`<xc-form src="/schemas/templates/nope.json"></xc-form>`);
    await settle(missing);
    expect(text(missing.shadowRoot!.querySelector('[part=load-error]'))).to.contain('无法加载').and.contain('404');
    const none = await fixture<XcForm>(html`<xc-form></xc-form>`);
    await settle(none);
    expect(text(none.shadowRoot!.querySelector('[part=load-error]'))).to.contain('未提供表单定义');
  });
});

// The shared print controller (src/base/print-page.ts): the element's @page rule is in the document
// only while printing, the element's own steps run around it, and a disconnected element leaves
// neither its rule nor its listeners behind.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { PrintPageController } from '../../src/base/print-page.js';

class PrintProbe extends LitElement {
  steps: string[] = [];
  rule = '@page{size:A4;margin:11mm}';
  readonly printPage = new PrintPageController(this, { rule: () => this.rule, before: () => this.steps.push('before'), after: () => this.steps.push('after') });
}
customElements.define('print-probe', PrintProbe);

const pageRules = () => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).map((r) => r.cssText).filter((t) => t.startsWith('@page'));

describe('PrintPageController', () => {
  it('adopts the page rule while printing and drops it after, around the element’s own steps', async () => {
    const el = await fixture<PrintProbe>(html`<print-probe></print-probe>`);
    const before = pageRules().length;
    window.dispatchEvent(new Event('beforeprint'));
    expect(pageRules().length).to.equal(before + 1);
    expect(pageRules().join(' ')).to.contain('11mm');
    expect(el.steps).to.deep.equal(['before']);
    window.dispatchEvent(new Event('afterprint'));
    expect(pageRules().length).to.equal(before);
    expect(el.steps).to.deep.equal(['before', 'after']);
  });

  it('an empty rule adopts nothing; a removed element leaves no rule and no listener', async () => {
    const el = await fixture<PrintProbe>(html`<print-probe></print-probe>`);
    const before = pageRules().length;
    el.rule = '';
    window.dispatchEvent(new Event('beforeprint'));
    expect(pageRules().length).to.equal(before);
    el.rule = '@page{size:A5}';
    window.dispatchEvent(new Event('beforeprint'));
    expect(pageRules().length).to.equal(before + 1);
    el.remove();
    expect(pageRules().length, 'removed while printing: its rule goes with it').to.equal(before);
    window.dispatchEvent(new Event('beforeprint'));
    window.dispatchEvent(new Event('afterprint'));
    expect(el.steps).to.deep.equal(['before', 'before']);
  });
});

/**
 * The report printed through the shared print controller (src/base/print-page.ts): its A4 page with
 * a 报告's margins is in the document only while printing, a long report has every problem drawn
 * when printing starts (not only the first chunk), and a report taken off the page leaves no rule.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/rectification-report/index.js';
import '../../src/provider/index.js';
import type { XcRectificationReport } from '../../src/rectification-report/xc-rectification-report.js';
import type { RectificationLedger } from '../../src/core/rectification-types.js';
import { TODAY, knownLedger } from './fixtures.js';
import { generateLedger } from '../../stories/support/generate-ledger.js';

async function settle(el: XcRectificationReport): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
  await el.updateComplete;
}

async function mount(ledger: RectificationLedger) {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <xc-provider today=${TODAY}><xc-rectification-report feedback-date="2026-09-30" .ledger=${ledger}></xc-rectification-report></xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-rectification-report')!;
  await settle(el);
  return { el, wrap, root: el.shadowRoot! };
}

/** The document-level @page rules in force. */
const pageRules = () => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).map((r) => r.cssText).filter((t) => t.startsWith('@page'));

describe('<xc-rectification-report> printed', () => {
  afterEach(() => window.dispatchEvent(new Event('afterprint')));

  it('is on A4 with a 报告’s margins (25 mm, 20 mm) while printing, and the rule goes afterwards', async () => {
    const { wrap } = await mount(knownLedger());
    const before = pageRules().length;
    window.dispatchEvent(new Event('beforeprint'));
    const rules = pageRules();
    expect(rules.length).to.equal(before + 1);
    expect(rules[rules.length - 1]).to.match(/size: A4/i).and.match(/margin: 25mm 20mm/);
    window.dispatchEvent(new Event('afterprint'));
    expect(pageRules().length).to.equal(before);
    window.dispatchEvent(new Event('beforeprint'));
    wrap.remove();
    expect(pageRules().length, 'a report taken off the page while printing leaves no rule').to.equal(before);
  });

  it('a long report has every problem drawn as printing starts, not only the first chunk', async () => {
    const { el, root } = await mount(generateLedger(600, { today: TODAY }));
    // The report drafted (in slices), its first problems drawn; the rest would follow in chunks.
    for (let i = 0; i < 100 && !el.value; i++) await new Promise((r) => setTimeout(r, 20));
    await settle(el);
    const total = el.value!.model.sections.reduce((n, s) => n + s.problems.length, 0);
    expect(total).to.equal(600);
    expect(root.querySelectorAll('.problems .problem').length).to.be.lessThan(total);
    window.dispatchEvent(new Event('beforeprint'));
    expect(root.querySelectorAll('.problems .problem').length).to.equal(total);
  });
});

import { expect } from '@open-wc/testing';
import { record } from '../support/report.js';
import { reportFromStrictPage } from '../support/report-frame.js';

describe('<xc-rectification-tracker> under a strict Content-Security-Policy', () => {
  it('renders, opens, closes an item and exports with no violation and no inline style', async () => {
    const r = await reportFromStrictPage<Record<string, unknown>>('/tests/rectification/csp-page.ts');
    expect(r.error).to.equal(undefined);
    expect(r.ok).to.equal(true);
    expect(r.evalBlocked, 'the frame really forbids eval').to.equal(true);
    expect(r.sticky).to.equal('sticky'); // styles came through constructable stylesheets
    expect(r.meterWidth).to.equal('100%'); // styleMap works under style-src 'self' (closing sets progress 100)
    expect(r.injected).to.equal(false);
    expect(r.status).to.equal('closed');
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
    await record({
      id: 'csp.package',
      check: "<xc-rectification-tracker> from the package's ES modules works under a strict CSP (no eval, no inline style, Trusted Types required)",
      figure: `rendered, grouped, an item opened and closed with a verifier, CSV exported; eval really refused; ${(r.violations as string[]).length} violations, ${(r.errors as string[]).length} errors`,
    });
  });
});

import { expect } from '@open-wc/testing';
import { record } from '../support/report.js';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

describe('<xc-rectification-tracker> under a strict Content-Security-Policy', () => {
  it('renders, opens, closes an item and exports with no violation and no inline style', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY}">
      <script type="module" src="/tests/rectification/csp-page.ts"></script></head><body></body></html>`;
    const report = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no report from the CSP frame')), 15000);
      window.addEventListener('message', function on(e: MessageEvent) {
        if (e.source !== frame.contentWindow) return;
        window.removeEventListener('message', on);
        clearTimeout(timer);
        resolve(e.data);
      });
    });
    document.body.append(frame);
    const r = await report;
    frame.remove();
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

// The attachment stores on a page without a build step: strict CSP (script-src 'self'), no import
// map, only the standalone bundle. Needs `npm run build` (dist/) first.
import { expect } from '@open-wc/testing';
import { reportFrom } from '../support/report-frame.js';

interface Report {
  ok: boolean;
  error?: string;
  before?: number;
  exports?: string[];
  ref?: { id: string; name: string; size: number; sha256: string };
  same?: boolean;
  violations: string[];
  errors: string[];
}

const run = () => reportFrom<Report>('/tests/csp/attachment-stores.html');

describe('attachment stores from the standalone bundle', () => {
  it('dist/standalone/attachment-stores.js gives a working local-first store under a strict CSP with no import map', async () => {
    const r = await run();
    expect(r.error).to.equal(undefined);
    expect(r.ok).to.equal(true);
    expect(r.before, 'the elements bundle does not load the stores').to.equal(0);
    expect(r.exports).to.deep.equal(['indexedDbAttachments', 'httpAttachments', 'adapterAttachments', 'localFirstAttachments']);
    expect(r.ref!.name).to.equal('整改报告.pdf');
    expect(r.ref!.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(r.same, 'the bytes come back from IndexedDB').to.equal(true);
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

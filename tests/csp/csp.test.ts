import { expect } from '@open-wc/testing';
import { reportFrom } from '../support/report-frame.js';
import { record } from '../support/report.js';

interface Report {
  ok: boolean;
  error?: string;
  evalBlocked: boolean;
  valid?: boolean;
  summary?: string;
  brokenErrors?: { path: string; message: string }[];
  styled?: string;
  textareas?: number;
  violations: string[];
  errors: string[];
}

const run = (bundle: string) => reportFrom<Report>(`/tests/csp/strict.html?bundle=${encodeURIComponent(bundle)}`, { timeout: 15_000 });

const BUNDLES = ['/dist/xc-elements.standalone.js'];

describe('strict Content-Security-Policy', () => {
  let proved = 0;
  let violations = 0;
  for (const bundle of BUNDLES) {
    it(`${bundle} validates with precompiled validators and shows zh-CN messages, no violations`, async () => {
      const r = await run(bundle);
      expect(r.evalBlocked, 'the page really forbids eval').to.equal(true);
      expect(r.error).to.equal(undefined);
      expect(r.ok).to.equal(true);
      expect(r.valid).to.equal(false);
      expect(r.summary).to.contain('提交前请修改以下问题').and.contain('请选择检查结论');
      expect(r.brokenErrors!.length).to.be.greaterThan(0);
      expect(r.brokenErrors![0]!.path).to.equal('findings');
      expect(r.brokenErrors![0]!.message).to.match(/[\u4e00-\u9fa5]/);
      expect(r.styled).to.equal('solid');
      expect(r.textareas, 'the interview form rendered').to.be.greaterThan(0);
      expect(r.violations).to.deep.equal([]);
      expect(r.errors).to.deep.equal([]);
      violations += r.violations.length;
      proved++;
    });
  }

  it('records the figure', async () => {
    expect(proved).to.equal(BUNDLES.length);
    await record({
      id: 'csp.standalone',
      check: "The standalone bundle works under a strict CSP (default-src 'self', no eval, no inline style, Trusted Types required)",
      figure: `${proved} bundle: a checklist validated with zh-CN messages, a broken template rejected, an interview form rendered; eval really refused; ${violations} violations`,
    });
  });
});

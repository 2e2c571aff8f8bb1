// <xc-template-editor> from the standalone bundle on a page under a strict Content-Security-Policy
// (no eval, no inline style, Trusted Types required): it renders, validates with the precompiled
// meta-schema validator, imports, saves, previews and exports with no violation and no error.
// The bundle is dist/: `npm run build` first.
import { expect } from '@open-wc/testing';
import { reportFromStrictPage } from '../support/report-frame.js';


interface Report {
  ok: boolean;
  error?: string;
  evalBlocked: boolean;
  violations: string[];
  errors: string[];
  title?: string;
  summary?: string;
  importStatus?: string;
  saveShown?: boolean;
  savedVersion?: string;
  savedPoints?: number;
  previewPoints?: number;
  exportName?: string;
  exportVersion?: string;
  styled?: string;
}

describe('<xc-template-editor> from the standalone bundle under a strict CSP', () => {
  it('edits, validates, imports, saves, previews and exports with no violation', async () => {
    const r = await reportFromStrictPage<Report>('/tests/template-editor/standalone-csp-page.ts', { timeout: 30_000, width: '1280px', height: '800px' });
    expect(r.error).to.equal(undefined);
    expect(r.evalBlocked, 'the frame really forbids eval').to.equal(true);
    expect(r.ok).to.equal(true);
    expect(r.title).to.equal('检查清单模板编辑');
    expect(r.summary).to.contain('请填写检查要点内容。');
    expect(r.summary).to.contain('请填写标题。');
    expect(r.importStatus).to.equal('读取结果：1 个聚焦方向，1 个分组，2 个检查要点。');
    expect(r.saveShown).to.equal(true);
    expect(r.savedVersion, 'a new template’s first version').to.equal('1.0.0');
    expect(r.savedPoints).to.equal(2);
    expect(r.previewPoints).to.equal(2);
    expect(r.exportName).to.equal('checklist.json');
    expect(r.exportVersion).to.equal('1.0.0');
    expect(r.styled).to.equal('solid');
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

// <xc-template-editor mode="form"> from the standalone bundle on a page under a strict
// Content-Security-Policy: the form mode's chunk loads, a failed and a good save go through the
// bundle's meta-schema validator, and the preview form shows the definition, with no violation and
// no error. The bundle is dist/: `npm run build` first.
import { expect } from '@open-wc/testing';
import { reportFromStrictPage } from '../support/report-frame.js';


describe('<xc-template-editor mode="form"> from the standalone bundle under a strict CSP', () => {
  it('edits, refuses, saves and previews a definition with no violation', async () => {
    const r = await reportFromStrictPage<Record<string, unknown>>('/tests/template-editor/form-mode-csp-page.ts', { timeout: 30_000, width: '1280px', height: '800px' });
    expect(r['error']).to.equal(undefined);
    expect(r['evalBlocked'], 'the frame really forbids eval').to.equal(true);
    expect(r['ok']).to.equal(true);
    expect(r['title']).to.equal('表单定义编辑');
    expect(r['fields']).to.equal(16);
    expect(r['failedSave']).to.equal(false);
    expect(r['summary']).to.contain('请填写字段标签。');
    expect(r['saveShown']).to.equal(true);
    expect(r['savedTitle']).to.equal('问题线索编号');
    expect(r['relabelled']).to.deep.equal(['/clueNo']);
    expect(r['sameOtherwise']).to.equal(true);
    expect(r['previewShows']).to.equal(true);
    expect(r['violations']).to.deep.equal([]);
    expect(r['errors']).to.deep.equal([]);
  });
});

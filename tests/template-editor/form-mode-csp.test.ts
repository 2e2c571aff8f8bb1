// <xc-template-editor mode="form"> from the standalone bundle on a page under a strict
// Content-Security-Policy: the form mode's chunk loads, a failed and a good save go through the
// bundle's meta-schema validator, and the preview form shows the definition, with no violation and
// no error. The bundle is dist/: `npm run build` first.
import { expect } from '@open-wc/testing';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

describe('<xc-template-editor mode="form"> from the standalone bundle under a strict CSP', () => {
  it('edits, refuses, saves and previews a definition with no violation', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1280px';
    frame.style.height = '800px';
    frame.srcdoc = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY}">
      <script type="module" src="/tests/template-editor/form-mode-csp-page.js"></script></head><body></body></html>`;
    const r = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no report from the CSP frame')), 30000);
      window.addEventListener('message', function on(e: MessageEvent) {
        if (e.source !== frame.contentWindow) return;
        window.removeEventListener('message', on);
        clearTimeout(timer);
        resolve(e.data as Record<string, unknown>);
      });
      document.body.append(frame);
    });
    frame.remove();
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

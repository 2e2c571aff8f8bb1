// <xc-attachments> from the standalone bundle on a page served with a strict CSP
// (default-src 'self': img-src allows no blob: URL): thumbnails and the preview still show,
// because they are drawn on <canvas>. Needs `npm run build` (dist/) first.
import { expect } from '@open-wc/testing';
import { reportFrom } from '../support/report-frame.js';

interface Report {
  ok: boolean;
  error?: string;
  name?: string;
  thumb?: number[];
  preview?: number[];
  dialogOpen?: boolean;
  styled?: string;
  imgs?: number;
  violations: string[];
  errors: string[];
}

const run = (bundle: string) => reportFrom<Report>(`/tests/csp/attachments.html?bundle=${encodeURIComponent(bundle)}`);

describe('<xc-attachments> under a strict Content-Security-Policy', () => {
  it('the standalone bundle attaches a photo and draws its thumbnail and preview with no violation', async () => {
    const r = await run('/dist/xc-elements.standalone.js');
    expect(r.error).to.equal(undefined);
    expect(r.ok).to.equal(true);
    expect(r.name).to.equal('现场照片.jpg');
    expect(r.imgs, 'no <img> (a blob: URL would be refused)').to.equal(0);
    expect(r.thumb![0], 'the thumbnail is drawn (red)').to.be.above(200);
    expect(r.thumb![2]).to.be.below(60);
    expect(r.dialogOpen).to.equal(true);
    expect(r.preview![0], 'the preview is drawn (red)').to.be.above(200);
    expect(r.styled, 'styles came through constructable stylesheets').to.equal('dashed');
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

// Runs inside tests/csp/attachments.html, served with
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// (so img-src is 'self': no blob: images). <xc-attachments> from the standalone bundle takes a photo,
// draws its thumbnail and its preview on canvas, and reports to the parent test.
// Reports through the shared harness (tests/support/csp-page.ts: violations, errors and the eval probe).
import { reportFromPage } from '../support/csp-page.ts';

const bundle = new URLSearchParams(location.search).get('bundle') || '/dist/xc-elements.standalone.js';

/** The smallest store: bytes in a Map. */
function memoryStore() {
  const blobs = new Map();
  let n = 0;
  return {
    async put(blob, meta) {
      const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
      const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      const ref = { id: `c${++n}`, name: meta.name, type: meta.type, size: blob.size, sha256 };
      blobs.set(ref.id, blob);
      return ref;
    },
    async get(ref) {
      return blobs.get(ref.id) || null;
    },
    async remove(ref) {
      blobs.delete(ref.id);
    },
  };
}

const until = async (ok, ms = 8000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

void reportFromPage(async () => {
  await import(bundle);
  const provider = document.getElementById('provider');
  provider.attachments = memoryStore();
  await customElements.whenDefined('xc-attachments');
  const el = document.getElementById('files');
  await el.updateComplete;
  const c = new OffscreenCanvas(120, 80);
  const g = c.getContext('2d');
  g.fillStyle = '#ff0000';
  g.fillRect(0, 0, 120, 80);
  const photo = new File([await c.convertToBlob({ type: 'image/jpeg' })], '现场照片.jpg', { type: 'image/jpeg' });
  await el.add([photo]);
  await el.updateComplete;
  const thumb = el.shadowRoot.querySelector('canvas.thumb');
  await until(() => thumb.dataset.drawn);
  const px = thumb.getContext('2d').getImageData(80, 80, 1, 1).data;
  el.shadowRoot.querySelector('[data-act=preview]').click();
  const preview = () => el.shadowRoot.querySelector('dialog canvas');
  await until(() => preview() && preview().width === 120);
  const dialogOpen = el.shadowRoot.querySelector('dialog').open;
  const pv = preview().getContext('2d').getImageData(60, 40, 1, 1).data;
  const styled = getComputedStyle(el.shadowRoot.querySelector('.drop')).borderTopStyle;
  return { name: el.shadowRoot.querySelector('.name').textContent, thumb: [px[0], px[1], px[2]], preview: [pv[0], pv[1], pv[2]], dialogOpen, styled, imgs: el.shadowRoot.querySelectorAll('img').length };
});

// Runs inside tests/csp/attachment-stores.html, served with
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// and no import map: the attachment stores come from dist/standalone/attachment-stores.js (no bare
// `idb` import), a local-first store keeps a file in IndexedDB and gives it back. Reports through the
// shared harness (tests/support/csp-page.ts: violations, errors and the eval probe).
import { reportFromPage } from '../support/csp-page.ts';

void reportFromPage(async () => {
  await import('/dist/xc-elements.standalone.js');
  // The element bundle alone loads nothing of the stores.
  const before = performance.getEntriesByType('resource').filter((r) => r.name.includes('/dist/standalone/attachment-stores')).length;
  const stores = await import('/dist/standalone/attachment-stores.js');
  const exports = ['indexedDbAttachments', 'httpAttachments', 'adapterAttachments', 'localFirstAttachments'].filter((n) => typeof stores[n] === 'function');
  const remote = { async put() { throw Object.assign(new Error('offline'), { code: 'offline' }); }, async get() { return null; }, async remove() {} };
  const store = stores.localFirstAttachments({ local: stores.indexedDbAttachments({ name: `csp-stores-${Date.now()}` }), remote, online: () => false });
  const bytes = new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], { type: 'application/pdf' });
  const ref = await store.put(bytes, { name: '整改报告.pdf', type: 'application/pdf' });
  const back = await store.get(ref);
  return { before, exports, ref, same: !!back && (await back.text()) === (await bytes.text()) };
});

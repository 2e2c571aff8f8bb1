// A page holding one <xc-rectification-report> with a draft key (`?key=`), given the ledger as a host
// would on every load, drafts in the default storage (localStorage), for
// tests/rectification-report/reload.test.ts. `window.xcReady` resolves to the element once rendered.
import '../../src/rectification-report/index.js';
import '../../src/provider/index.js';
import { knownLedger } from './fixtures.js';

const key = new URLSearchParams(location.search).get('key') ?? 'rectification-report-draft-page';
const provider = document.createElement('xc-provider');
provider.setAttribute('today', '2026-11-26');
const el = document.createElement('xc-rectification-report');
el.ledger = knownLedger();
el.setAttribute('feedback-date', '2026-10-31');
el.setAttribute('draft-key', key);
provider.append(el);
document.body.append(provider);

declare global {
  interface Window {
    xcReady: Promise<HTMLElement>;
  }
}
window.xcReady = (async () => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
  return el;
})();

// A page holding one <xc-petition-register> with a draft key (`?key=`), drafts in the default storage
// (localStorage), for tests/petition/reload.test.ts. `window.xcReady` resolves to the element once rendered.
import '../../src/petition/index.js';
import '../../src/provider/index.js';
import { sampleRegister } from './fixtures.js';

const key = new URLSearchParams(location.search).get('key') ?? 'petition-draft-page';
const provider = document.createElement('xc-provider');
provider.setAttribute('today', '2026-11-26');
provider.setAttribute('user-role', 'office');
const el = document.createElement('xc-petition-register');
el.value = sampleRegister();
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

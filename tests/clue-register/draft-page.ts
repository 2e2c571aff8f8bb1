// A page holding one <xc-clue-register> with a draft key (`?key=`), as the 组长 (role leader), drafts
// in the default storage (localStorage), for tests/clue-register/reload.test.ts. `window.xcReady`
// resolves to the element once rendered.
import '../../src/clue-register/index.js';
import '../../src/provider/index.js';
import { sampleClueRegister } from './fixtures.js';

const key = new URLSearchParams(location.search).get('key') ?? 'clue-register-draft-page';
const provider = document.createElement('xc-provider');
provider.setAttribute('today', '2026-11-30');
provider.setAttribute('user-role', 'leader');
const el = document.createElement('xc-clue-register');
el.value = sampleClueRegister();
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

// A page holding one <xc-feedback-sheet> with a draft key (`?key=`), drafts in the default storage
// (localStorage), drafted from two signed 底稿, for tests/feedback/reload.test.ts. `window.xcReady`
// resolves to the element once rendered.
import '../../src/feedback/index.js';
import '../../src/provider/index.js';
import type { XcFeedbackSheet } from '../../src/feedback/xc-feedback-sheet.js';
import { twoSheets } from './fixtures.js';

const key = new URLSearchParams(location.search).get('key') ?? 'feedback-draft-page';
const provider = document.createElement('xc-provider');
provider.setAttribute('today', '2026-12-31');
provider.setAttribute('user-role', 'leader');
const el = document.createElement('xc-feedback-sheet') as XcFeedbackSheet;
el.setAttribute('draft-key', key);
provider.append(el);
document.body.append(provider);

declare global {
  interface Window {
    xcReady: Promise<HTMLElement>;
  }
}
window.xcReady = (async () => {
  el.sheets = await twoSheets();
  await el.drafted;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
  return el;
})();

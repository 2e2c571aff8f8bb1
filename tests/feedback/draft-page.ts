// A page holding one <xc-feedback-sheet> with a draft key (`?key=`), drafts in the default storage
// (localStorage), drafted from two signed 底稿, for tests/feedback/reload.test.ts. `window.xcReady`
// resolves to the element once rendered.
import '../../src/feedback/index.js';
import '../../src/provider/index.js';
import type { XcFeedbackSheet } from '../../src/feedback/xc-feedback-sheet.js';
import { draftKey, mountDraftPage } from '../support/draft-page.js';
import { twoSheets } from './fixtures.js';

const el = document.createElement('xc-feedback-sheet') as XcFeedbackSheet;
mountDraftPage(el, {
  key: draftKey('feedback-draft-page'),
  today: '2026-12-31',
  role: 'leader',
  // Drafted once the two sheets are given, in the page.
  ready: async () => {
    el.sheets = await twoSheets();
    await el.drafted;
  },
});

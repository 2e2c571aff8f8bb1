// A page holding one <xc-petition-register> with a draft key (`?key=`), drafts in the default storage
// (localStorage), for tests/petition/reload.test.ts. `window.xcReady` resolves to the element once rendered.
import '../../src/petition/index.js';
import '../../src/provider/index.js';
import { draftKey, mountDraftPage } from '../support/draft-page.js';
import { sampleRegister } from './fixtures.js';

const el = document.createElement('xc-petition-register');
el.value = sampleRegister();
mountDraftPage(el, { key: draftKey('petition-draft-page'), today: '2026-11-26', role: 'office' });

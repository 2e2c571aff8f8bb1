// A page holding one <xc-clue-register> with a draft key (`?key=`), as the 组长 (role leader), drafts
// in the default storage (localStorage), for tests/clue-register/reload.test.ts. `window.xcReady`
// resolves to the element once rendered.
import '../../src/clue-register/index.js';
import '../../src/provider/index.js';
import { draftKey, mountDraftPage } from '../support/draft-page.js';
import { sampleClueRegister } from './fixtures.js';

const el = document.createElement('xc-clue-register');
el.value = sampleClueRegister();
mountDraftPage(el, { key: draftKey('clue-register-draft-page'), today: '2026-11-30', role: 'leader' });

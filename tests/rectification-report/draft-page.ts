// A page holding one <xc-rectification-report> with a draft key (`?key=`), given the ledger as a host
// would on every load, drafts in the default storage (localStorage), for
// tests/rectification-report/reload.test.ts. `window.xcReady` resolves to the element once rendered.
import '../../src/rectification-report/index.js';
import '../../src/provider/index.js';
import { draftKey, mountDraftPage } from '../support/draft-page.js';
import { knownLedger } from './fixtures.js';

const el = document.createElement('xc-rectification-report');
el.ledger = knownLedger();
el.setAttribute('feedback-date', '2026-10-31');
mountDraftPage(el, { key: draftKey('rectification-report-draft-page'), today: '2026-11-26' });

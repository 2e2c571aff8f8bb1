// The frame side of the bridge: the elements, driven by the portal. Only messages from the
// portal's origin(s), sent by the page that embeds this one, are obeyed; everything sent back
// goes to that origin only (the record is not for any page that happens to frame this one).
import { PORTAL_ORIGINS } from './origins.js';

const provider = document.getElementById('provider');
const clue = document.getElementById('clue');
/** The portal's origin, once it has spoken (one of PORTAL_ORIGINS); until then: the first of them. */
let portal = PORTAL_ORIGINS[0];
const tell = (msg) => {
  if (parent !== window) parent.postMessage(msg, portal);
};
const state = () => ({ type: 'xc:applied', lang: clue.lang || document.documentElement.lang, today: provider.getAttribute('today') || '' });

addEventListener('message', async (e) => {
  if (!PORTAL_ORIGINS.includes(e.origin) || e.source !== parent || !e.data || typeof e.data.type !== 'string') return;
  portal = e.origin;
  await customElements.whenDefined('xc-clue-sheet');
  const m = e.data;
  switch (m.type) {
    case 'xc:set':
      clue.value = m.value;
      break;
    case 'xc:lang':
      if (m.lang === 'zh-CN' || m.lang === 'en') {
        clue.lang = m.lang;
        document.documentElement.lang = m.lang;
      }
      tell(state());
      break;
    case 'xc:today':
      if (/^\d{4}-\d{2}-\d{2}$/.test(m.today)) provider.setAttribute('today', m.today);
      tell(state());
      break;
    case 'xc:submit':
      await clue.submit();
      break;
  }
});

clue.addEventListener('xc-change', (e) => tell({ type: 'xc:change', path: e.detail.path }));
clue.addEventListener('xc-submit', (e) => tell({ type: 'xc:submit', value: e.detail.value }));
clue.addEventListener('xc-invalid', (e) => tell({ type: 'xc:invalid', errors: e.detail.errors.length }));

// The height of the content, whenever it changes (the portal sizes the iframe to it).
let last = 0;
new ResizeObserver(() => {
  const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (h !== last) tell({ type: 'xc:height', height: (last = h) });
}).observe(document.body);

customElements.whenDefined('xc-clue-sheet').then(() => tell({ type: 'xc:ready' }));

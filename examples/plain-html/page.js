// This module ran, so the page is served over HTTP: the "open me over HTTP" note goes.
document.getElementById('served-note').hidden = true;

// Data in through a property, out through events: all a page needs.
const list = document.getElementById('list');
const out = document.getElementById('out');

// Put a saved response back (from your server, say); unknown members are kept.
list.value = {
  templateId: 'xc-sanjujiao',
  templateVersion: '1.0.0',
  items: { 'f1g1-01': { finding: 'none', methods: ['hearing'] } },
  portalRecordId: 'A-2026-17',
};

list.addEventListener('xc-change', (e) => {
  out.dataset.lastChange = e.detail.itemId ?? '';
});
list.addEventListener('xc-submit', (e) => {
  // Send it to your server here; the element sends nothing itself.
  out.textContent = JSON.stringify(e.detail.value, null, 2);
});

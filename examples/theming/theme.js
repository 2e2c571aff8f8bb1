// This module ran, so the page is served over HTTP: the "open me over HTTP" note goes.
document.getElementById('served-note').hidden = true;

document.getElementById('large').addEventListener('change', (e) => {
  document.body.classList.toggle('large', e.target.checked);
});

// Runs inside tests/csp/strict.html, served with
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'.
// Reports what happened to the parent test through postMessage.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
const errors = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));

const bundle = new URLSearchParams(location.search).get('bundle') || '/dist/xc-elements.standalone.js';
let evalBlocked = false;
try {
  // eslint-disable-next-line no-new-func
  new Function('return 1')();
} catch {
  evalBlocked = true;
}
(async () => {
try {
  // Forget the violation our own eval probe caused, then load the library.
  await new Promise((r) => setTimeout(r, 50));
  violations.length = 0;
  const xc = await import(bundle);
  const list = document.getElementById('list');
  await customElements.whenDefined('xc-checklist');
  await list.updateComplete;
  if (!list.activeTemplate) await new Promise((r) => list.addEventListener('xc-load', r, { once: true }));
  const result = await list.reportValidity();
  await list.updateComplete;
  const summary = list.shadowRoot.querySelector('.error-summary');
  // A broken template is rejected by the bundled meta-schema validator, with zh-CN text.
  const other = document.createElement('xc-checklist');
  other.template = { id: 'x', version: '1', title: 't', findings: [], sections: [] };
  const failed = new Promise((r) => other.addEventListener('xc-error', (e) => r(e.detail.errors), { once: true }));
  document.body.append(other);
  const brokenErrors = await failed;
  // The record forms too (textareas size themselves through the CSSOM, never a style attribute).
  const interview = document.createElement('xc-interview-form');
  document.body.append(interview);
  await customElements.whenDefined('xc-interview-form');
  await interview.updateComplete;
  const textareas = interview.shadowRoot.querySelectorAll('textarea').length;
  // The styles came through constructable stylesheets (style-src 'self' forbids inline <style>).
  const styled = getComputedStyle(list.shadowRoot.querySelector('.bar')).borderTopStyle;
  parent.postMessage({
    ok: true,
    evalBlocked,
    valid: result,
    summary: summary ? summary.textContent : '',
    brokenErrors,
    styled,
    textareas,
    violations,
    errors,
  }, '*');
} catch (e) {
  parent.postMessage({ ok: false, error: String(e && e.stack || e), violations, errors, evalBlocked }, '*');
}
})();

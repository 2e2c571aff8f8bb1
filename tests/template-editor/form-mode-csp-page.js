// Runs in a frame of tests/template-editor/form-mode-csp.test.ts under a strict CSP (no eval, no
// inline style, Trusted Types required): <xc-template-editor mode="form"> from the standalone bundle
// on the bundled clue sheet's definition — a label emptied and a failed save (the meta-schema's
// validator as the bundle has it), the label typed again, a good save, and the preview (the real
// <xc-form>). Reports to the parent.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
const errors = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String((e.reason && e.reason.stack) || e.reason)));
const pause = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const until = async (ok) => {
  for (let i = 0; i < 200 && !ok(); i++) await pause(20);
};

let evalBlocked = false;
try {
  // eslint-disable-next-line no-new-func
  new Function('return 1')();
} catch {
  evalBlocked = true;
}

(async () => {
  const report = { ok: false, evalBlocked, violations, errors };
  try {
    const definition = await (await fetch('/schemas/templates/clue-sheet.json')).json();
    await pause(50);
    violations.length = 0;
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-12-03');
    const el = document.createElement('xc-template-editor');
    el.setAttribute('lang', 'zh-CN');
    el.setAttribute('mode', 'form');
    el.value = definition;
    provider.append(el);
    document.body.append(provider);
    await import('/dist/xc-elements.standalone.js');
    await customElements.whenDefined('xc-template-editor');
    await until(() => el.shadowRoot && el.shadowRoot.querySelector('.form-mode'));
    report.title = el.shadowRoot.querySelector('.title').textContent;
    report.fields = el.shadowRoot.querySelectorAll('[data-fid]').length;
    const label = el.shadowRoot.getElementById('fe-1-label');
    label.value = '';
    label.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    report.failedSave = await el.save();
    await el.updateComplete;
    report.summary = el.shadowRoot.querySelector('.error-summary')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    label.value = '问题线索编号';
    label.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const saved = new Promise((r) => el.addEventListener('xc-save', (e) => r(e.detail), { once: true }));
    report.saveShown = await el.save();
    el.confirmSave();
    const detail = await saved;
    report.savedTitle = detail.template.properties.clueNo.title;
    report.relabelled = detail.changes.relabelled;
    report.sameOtherwise = JSON.stringify({ ...detail.template, properties: { ...detail.template.properties, clueNo: definition.properties.clueNo } }) === JSON.stringify(definition);
    // The preview: the real form, inside the editor.
    await until(() => el.shadowRoot.querySelector('xc-form'));
    await el.previewUpdated;
    const form = el.shadowRoot.querySelector('xc-form');
    await until(() => form.shadowRoot && form.shadowRoot.textContent.includes('问题线索编号'));
    report.previewShows = form.shadowRoot.textContent.includes('问题线索编号');
    await pause(100);
    report.ok = true;
  } catch (e) {
    report.error = String((e && e.stack) || e);
  }
  parent.postMessage(JSON.parse(JSON.stringify(report)), '*');
})();

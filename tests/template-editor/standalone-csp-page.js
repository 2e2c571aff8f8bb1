// Runs in a frame of tests/template-editor/standalone-csp.test.ts under a strict CSP
// (default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'):
// <xc-template-editor> from the standalone bundle, as a page without a bundler uses it — the tag in
// the page loads its chunk; a check point typed, a template imported, a failed and a good save
// (the meta-schema's precompiled validator), the preview and the JSON export. Reports to the parent.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
const errors = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String((e.reason && e.reason.stack) || e.reason)));
const pause = (ms = 30) => new Promise((r) => setTimeout(r, ms));

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
    await pause(50);
    violations.length = 0;
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-12-03');
    const el = document.createElement('xc-template-editor');
    el.setAttribute('lang', 'zh-CN');
    provider.append(el);
    document.body.append(provider);
    await import('/dist/xc-elements.standalone.js');
    await customElements.whenDefined('xc-template-editor');
    await el.updateComplete;
    report.title = el.shadowRoot.querySelector('.title').textContent;
    // A failed save: the summary comes from the precompiled meta-schema validator, in words for authors.
    await el.save();
    await el.updateComplete;
    report.summary = el.shadowRoot.querySelector('.error-summary')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    // Import a small document (the import loads in its own chunk) and save it.
    await el.readImport('村级巡察清单\n（一）村级组织建设\n1.班子运行\n①是否按期召开支部委员会；\n②是否落实“四议两公开”。');
    await el.updateComplete;
    report.importStatus = el.shadowRoot.querySelector('.import-result [role="status"]').textContent;
    el.applyImport();
    await el.updateComplete;
    const saved = new Promise((r) => el.addEventListener('xc-save', (e) => r(e.detail), { once: true }));
    report.saveShown = await el.save();
    el.confirmSave();
    const detail = await saved;
    report.savedVersion = detail.template.version;
    report.savedPoints = detail.template.sections.flatMap((s) => (s.groups ? s.groups.flatMap((g) => g.items) : s.items)).length;
    // The preview: the real checklist, inside the editor.
    for (let i = 0; i < 100 && !el.shadowRoot.querySelector('xc-checklist'); i++) await pause(20);
    await el.previewUpdated;
    const list = el.shadowRoot.querySelector('xc-checklist');
    for (let i = 0; i < 100 && (list.shadowRoot?.querySelectorAll('xc-checklist-item').length ?? 0) < 2; i++) await pause(20);
    report.previewPoints = list.shadowRoot.querySelectorAll('xc-checklist-item').length;
    // The JSON export, handled by the page.
    const exported = new Promise((r) => el.addEventListener('xc-export', (e) => (e.preventDefault(), r(e.detail)), { once: true }));
    el.shadowRoot.querySelector('button.export-json').click();
    const file = await exported;
    report.exportName = file.filename;
    report.exportVersion = JSON.parse(file.text).version;
    // Styles came through constructable stylesheets (no inline <style>).
    report.styled = getComputedStyle(el.shadowRoot.querySelector('.node')).borderTopStyle;
    await pause(100);
    report.ok = true;
  } catch (e) {
    report.error = String((e && e.stack) || e);
  }
  parent.postMessage(JSON.parse(JSON.stringify(report)), '*');
})();

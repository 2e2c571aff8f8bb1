// Runs inside a srcdoc frame whose <meta> Content-Security-Policy is
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// (see interview-docx.test.ts). Loads the standalone bundle, clicks the 谈话笔录's 导出 Word and
// reports the document to the parent.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample} @ ${e.sourceFile}:${e.lineNumber}`));
const errors = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

let evalBlocked = false;
try {
  new Function('return 1')();
} catch {
  evalBlocked = true;
}

(async () => {
  try {
    // Forget the violation our own eval probe caused, then load the library.
    await new Promise((r) => setTimeout(r, 50));
    violations.length = 0;
    await import('/dist/xc-elements.standalone.js');
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-11-26');
    const el = document.createElement('xc-interview-form');
    el.value = {
      recordNo: '区委第一巡察组-谈-007',
      interviewee: { name: '赵六', unit: '区农业农村局' },
      startTime: '2026-11-26T09:30:00+08:00',
      place: '巡察组谈话室',
      interviewers: [{ name: '张三' }, { name: '李四' }],
      recorder: { name: '王五' },
      kind: '一般干部谈话',
      transcript: [{ question: '请谈谈有关情况。', answer: '<img src=x onerror=alert(1)>' }],
    };
    provider.append(el);
    document.body.append(provider);
    await customElements.whenDefined('xc-interview-form');
    let button = null;
    for (let i = 0; i < 100 && !button; i++) {
      await el.updateComplete;
      button = el.shadowRoot.querySelector('button.export-docx');
      if (!button) await new Promise((r) => setTimeout(r, 50));
    }
    const detail = new Promise((resolve) =>
      el.addEventListener('xc-export', (e) => {
        e.preventDefault();
        resolve(e.detail);
      }, { once: true }),
    );
    button.click();
    const d = await detail;
    await new Promise((r) => setTimeout(r, 30));
    parent.postMessage({ ok: true, evalBlocked, format: d.format, filename: d.filename, bytes: d.bytes, violations, errors }, '*');
  } catch (e) {
    parent.postMessage({ ok: false, evalBlocked, error: String((e && e.stack) || e), violations, errors }, '*');
  }
})();

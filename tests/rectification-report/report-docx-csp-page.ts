export {}; // a module: its names stay its own
// Runs inside a srcdoc frame whose <meta> Content-Security-Policy is
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// (see report-docx.test.ts). Clicks the report's 导出 Word（公开稿） and reports the document to the parent.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample} @ ${e.sourceFile}:${e.lineNumber}`));
const errors: string[] = [];
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
    await new Promise((r) => setTimeout(r, 50));
    violations.length = 0;
    await import('../../src/rectification-report/index.js');
    await import('../../src/provider/index.js');
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-11-26');
    const el = document.createElement('xc-rectification-report');
    el.setAttribute('feedback-date', '2026-10-31');
    el.ledger = {
      version: 1,
      unit: '城关镇',
      items: [
        {
          id: 'ZG-001', problem: { text: '<img src=x onerror=alert(1)>', focusArea: '聚焦群众身边腐败问题和不正之风' }, measures: [{ id: 'M-001', text: '整改', done: true }],
          responsibility: { leader: '孙志强', department: '办公室' }, kind: 'deadline', deadline: '2026-11-20', status: 'closed', progress: 100, evidence: [],
          history: [{ at: '2026-11-01T09:00:00+08:00', by: '巡察办', from: null, to: 'not-started' }],
        },
      ],
    };
    provider.append(el);
    document.body.append(provider);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    const detail = new Promise<{ format: string; bytes?: Uint8Array }>((resolve) =>
      el.addEventListener('xc-export', (e) => {
        e.preventDefault();
        resolve(e.detail);
      }, { once: true }),
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-public-docx')!.click();
    const d = await detail;
    await new Promise((r) => setTimeout(r, 30));
    parent.postMessage({ ok: true, evalBlocked, format: d.format, bytes: d.bytes, violations, errors }, '*');
  } catch (e) {
    parent.postMessage({ ok: false, evalBlocked, error: String((e as Error)?.stack ?? e), violations, errors }, '*');
  }
})();

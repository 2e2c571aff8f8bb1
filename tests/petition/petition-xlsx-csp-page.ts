// Runs inside a srcdoc frame whose <meta> Content-Security-Policy is
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// (see petition-xlsx.test.ts). Clicks the register's 导出 Excel and reports the workbook to the parent.
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
    await import('../../src/petition/index.js');
    await import('../../src/provider/index.js');
    const provider = document.createElement('xc-provider');
    provider.setAttribute('user-role', 'office');
    provider.setAttribute('today', '2026-11-26');
    const el = document.createElement('xc-petition-register');
    el.value = {
      version: 1,
      entries: [
        { id: 'a', number: 'XF-2026-001', source: 'letter', receivedOn: '2026-11-20', petitioner: { name: '王秀兰', contact: '13912345678' }, summary: '<img src=x onerror=alert(1)>' },
      ],
    };
    provider.append(el);
    document.body.append(provider);
    await el.updateComplete;
    const detail = new Promise<{ format: string; bytes?: Uint8Array }>((resolve) =>
      el.addEventListener('xc-export', (e) => {
        e.preventDefault();
        resolve(e.detail);
      }, { once: true }),
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-xlsx')!.click();
    const d = await detail;
    await new Promise((r) => setTimeout(r, 30));
    parent.postMessage({ ok: true, evalBlocked, format: d.format, bytes: d.bytes, violations, errors }, '*');
  } catch (e) {
    parent.postMessage({ ok: false, evalBlocked, error: String((e as Error)?.stack ?? e), violations, errors }, '*');
  }
})();
export {}; // a module: its names stay its own

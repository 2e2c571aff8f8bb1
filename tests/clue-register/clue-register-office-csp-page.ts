// Runs inside a srcdoc frame whose <meta> Content-Security-Policy is
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// (see clue-register-office.test.ts). Clicks the register's 导出 Excel, then a 移交单's 导出 Word, and
// reports both files to the parent.
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
    await import('../../src/clue-register/index.js');
    await import('../../src/provider/index.js');
    const provider = document.createElement('xc-provider');
    provider.setAttribute('user-role', 'preparer');
    provider.setAttribute('today', '2026-11-30');
    const el = document.createElement('xc-clue-register');
    el.value = {
      version: 1,
      clues: [
        { id: 'a', number: 'XS-2026-001', source: { kind: 'manual' }, mainProblem: '<img src=x onerror=alert(1)>', state: 'transferred', receiver: 'discipline', sheetId: 's1', transferredOn: '2026-08-01', replyDue: '2026-11-01' },
      ],
      transfers: [{ id: 's1', number: 'YJ-2026-01', receiver: 'discipline', date: '2026-08-01', transferor: '王组员', recipient: '赵某', clueIds: ['a'], replyDue: '2026-11-01' }],
    };
    provider.append(el);
    document.body.append(provider);
    await el.updateComplete;
    const formats: string[] = [];
    const bytes: (Uint8Array | undefined)[] = [];
    const next = () =>
      new Promise<void>((resolve) =>
        el.addEventListener('xc-export', (e) => {
          e.preventDefault();
          formats.push(e.detail.format);
          bytes.push(e.detail.bytes);
          resolve();
        }, { once: true }),
      );
    let seen = next();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-xlsx')!.click();
    await seen;
    await el.showSheet('s1');
    seen = next();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-docx')!.click();
    await seen;
    await new Promise((r) => setTimeout(r, 30));
    parent.postMessage({ ok: true, evalBlocked, formats, bytes, violations, errors }, '*');
  } catch (e) {
    parent.postMessage({ ok: false, evalBlocked, error: String((e as Error)?.stack ?? e), violations, errors }, '*');
  }
})();
export {}; // a module: its names stay its own

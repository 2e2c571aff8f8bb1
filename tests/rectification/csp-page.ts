// Runs inside a srcdoc frame whose <meta> Content-Security-Policy is
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// (see csp.test.ts). Drives <xc-rectification-tracker> through its views and reports to the parent.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample} @ ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} [${(e.target as Element)?.nodeName}] ${e.sample}`));
const errors: string[] = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));

// No requestAnimationFrame: the test page may run in the background, where frames are throttled.
const frame = () => new Promise<void>((r) => setTimeout(r, 30));

// Prove the policy is in force: eval is refused (and that violation is forgotten).
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
    await import('../../src/rectification/index.js');
    await import('../../src/provider/index.js');
    const provider = document.createElement('xc-provider');
    provider.setAttribute('user-role', 'office');
    provider.setAttribute('today', '2026-11-26');
    provider.user = { id: 'u', name: '陈主任' };
    const el = document.createElement('xc-rectification-tracker');
    const history = [{ at: '2026-11-01T09:00:00+08:00', by: '巡察办', from: null, to: 'not-started' as const }];
    el.value = {
      version: 1,
      items: [
        {
          id: 'ZG-001', problem: { text: '<img src=x onerror=alert(1)>', focusArea: '聚焦群众身边腐败问题和不正之风' }, measures: [{ id: 'M-001', text: '整改' }],
          responsibility: { department: '办公室' }, kind: 'deadline', deadline: '2026-11-20', status: 'pending-verification', progress: 80,
          evidence: [{ title: '链接', ref: 'javascript:alert(1)' }, { title: '文件', ref: 'https://oa.example/1' }],
          history: [...history, { at: '2026-11-02T09:00:00+08:00', by: '单位', from: 'not-started', to: 'in-progress' }, { at: '2026-11-03T09:00:00+08:00', by: '单位', from: 'in-progress', to: 'pending-verification' }],
        },
      ],
    };
    provider.append(el);
    document.body.append(provider);
    await el.updateComplete;
    await frame();
    el.grouped = true;
    await el.updateComplete;
    await el.openItem('ZG-001');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=close]')!.click();
    await frame();
    el.applyTransition('ZG-001', 'closed', { verifier: '陈主任' });
    el.exportCsv();
    await frame();
    const root = el.shadowRoot!;
    parent.postMessage(
      {
        ok: true,
        evalBlocked,
        sticky: getComputedStyle(root.querySelector('table.ledger thead th')!).position,
        meterWidth: (root.querySelector('tr.row .meter .fill') as HTMLElement).style.width,
        injected: !!root.querySelector('img'),
        status: el.getItem('ZG-001')!.status,
        violations,
        errors,
      },
      '*',
    );
  } catch (e) {
    parent.postMessage({ ok: false, error: String((e as Error)?.stack ?? e), violations, errors }, '*');
  }
})();

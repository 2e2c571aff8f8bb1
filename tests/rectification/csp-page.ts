/**
 * Runs inside a srcdoc frame whose <meta> Content-Security-Policy is
 * default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
 * (see csp.test.ts). Drives <xc-rectification-tracker> through its views and reports to the parent
 * through the shared harness (tests/support/csp-page.ts: violations, errors and the eval probe).
 */
import { mountInProvider, reportFromPage } from '../support/csp-page.js';

// No requestAnimationFrame: the test page may run in the background, where frames are throttled.
const frame = () => new Promise<void>((r) => setTimeout(r, 30));

void reportFromPage(async () => {
  await import('../../src/rectification/index.js');
  await import('../../src/provider/index.js');
  const history = [{ at: '2026-11-01T09:00:00+08:00', by: '巡察办', from: null, to: 'not-started' as const }];
  const el = await mountInProvider('xc-rectification-tracker', { 'user-role': 'office', today: '2026-11-26' }, (el, provider) => {
    provider.user = { id: 'u', name: '陈主任' };
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
  });
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
  return {
    sticky: getComputedStyle(root.querySelector('table.ledger thead th')!).position,
    meterWidth: (root.querySelector('tr.row .meter .fill') as HTMLElement).style.width,
    injected: !!root.querySelector('img'),
    status: el.getItem('ZG-001')!.status,
  };
});

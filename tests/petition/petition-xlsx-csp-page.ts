// Runs in a frame under the strict policy of tests/support/report-frame.ts (reportFromStrictPage).
// Clicks the register's 导出 Excel and reports the workbook to the parent.
import { exportFrom, reportFromPage } from '../support/csp-page.js';

void reportFromPage(async () => {
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
  const d = await exportFrom(el, 'button.export-xlsx');
  return { format: d.format, bytes: d.bytes };
});

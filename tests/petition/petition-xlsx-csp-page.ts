// Runs in a frame under the strict policy of tests/support/report-frame.ts (reportFromStrictPage).
// Clicks the register's 导出 Excel and reports the workbook to the parent.
import { exportFrom, mountInProvider, reportFromPage } from '../support/csp-page.js';

void reportFromPage(async () => {
  await import('../../src/petition/index.js');
  await import('../../src/provider/index.js');
  const el = await mountInProvider('xc-petition-register', { 'user-role': 'office', today: '2026-11-26' }, (el) => {
    el.value = {
      version: 1,
      entries: [
        { id: 'a', number: 'XF-2026-001', source: 'letter', receivedOn: '2026-11-20', petitioner: { name: '王秀兰', contact: '13912345678' }, summary: '<img src=x onerror=alert(1)>' },
      ],
    };
  });
  const d = await exportFrom(el, 'button.export-xlsx');
  return { format: d.format, bytes: d.bytes };
});

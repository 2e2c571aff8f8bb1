// Runs in a frame under the strict policy of tests/support/report-frame.ts (reportFromStrictPage).
// Clicks the ledger's 导出 Excel and reports the workbook to the parent.
import { exportFrom, mountInProvider, reportFromPage } from '../support/csp-page.js';

void reportFromPage(async () => {
  await import('../../src/rectification/index.js');
  await import('../../src/provider/index.js');
  const el = await mountInProvider('xc-rectification-tracker', { 'user-role': 'office', today: '2026-11-26' }, (el) => {
    el.value = {
      version: 1,
      items: [
        {
          id: 'ZG-001', problem: { text: '<img src=x onerror=alert(1)>', focusArea: '聚焦群众身边腐败问题和不正之风' }, measures: [{ id: 'M-001', text: '整改' }],
          responsibility: { department: '办公室' }, kind: 'deadline', deadline: '2026-11-20', status: 'in-progress', progress: 80, evidence: [],
          history: [{ at: '2026-11-01T09:00:00+08:00', by: '巡察办', from: null, to: 'not-started' }],
        },
      ],
    };
  });
  const d = await exportFrom(el, 'button.export-xlsx');
  return { format: d.format, bytes: d.bytes };
});

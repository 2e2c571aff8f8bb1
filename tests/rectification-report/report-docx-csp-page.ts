// Runs in a frame under the strict policy of tests/support/report-frame.ts (reportFromStrictPage).
// Clicks the report's 导出 Word（公开稿） and reports the document to the parent.
import { exportFrom, reportFromPage } from '../support/csp-page.js';

void reportFromPage(async () => {
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
  const d = await exportFrom(el, 'button.export-public-docx');
  return { format: d.format, bytes: d.bytes };
});

// Runs in a frame under the strict policy of tests/support/report-frame.ts (reportFromStrictPage).
// Clicks the register's 导出 Excel and a 移交单's 导出 Word and reports both files to the parent.
import { exportFrom, mountInProvider, reportFromPage } from '../support/csp-page.js';

void reportFromPage(async () => {
  await import('../../src/clue-register/index.js');
  await import('../../src/provider/index.js');
  const el = await mountInProvider('xc-clue-register', { 'user-role': 'preparer', today: '2026-11-30' }, (el) => {
    el.value = {
      version: 1,
      clues: [
        { id: 'a', number: 'XS-2026-001', source: { kind: 'manual' }, mainProblem: '<img src=x onerror=alert(1)>', state: 'transferred', receiver: 'discipline', sheetId: 's1', transferredOn: '2026-08-01', replyDue: '2026-11-01' },
      ],
      transfers: [{ id: 's1', number: 'YJ-2026-01', receiver: 'discipline', date: '2026-08-01', transferor: '王组员', recipient: '赵某', clueIds: ['a'], replyDue: '2026-11-01' }],
    };
  });
  const xlsx = await exportFrom(el, 'button.export-xlsx');
  await el.showSheet('s1');
  const docx = await exportFrom(el, 'button.export-docx');
  const formats = [xlsx.format, docx.format];
  const bytes = [xlsx.bytes, docx.bytes];
  return { formats, bytes };
});

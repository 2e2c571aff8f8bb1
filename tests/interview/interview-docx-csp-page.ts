// Runs in a frame under the strict policy of tests/support/report-frame.ts (reportFromStrictPage).
// Loads the standalone bundle, clicks the 谈话笔录's 导出 Word and reports the document to the parent.
import { exportFrom, mountInProvider, reportFromPage, shown } from '../support/csp-page.js';

void reportFromPage(async () => {
  await import('/dist/xc-elements.standalone.js' as string);
  const el = await mountInProvider('xc-interview-form', { today: '2026-11-26' }, (el) => {
    el.value = {
      recordNo: '区委第一巡察组-谈-007',
      interviewee: { name: '赵六', unit: '区农业农村局' },
      startTime: '2026-11-26T09:30:00+08:00',
      place: '巡察组谈话室',
      interviewers: [{ name: '张三' }, { name: '李四' }],
      recorder: { name: '王五' },
      kind: '一般干部谈话',
      transcript: [{ question: '请谈谈有关情况。', answer: '<img src=x onerror=alert(1)>' }],
    };
  });
  // The bundle loads the record's code on first use: its export button shows once the form does.
  await shown(el, 'button.export-docx');
  const d = await exportFrom(el, 'button.export-docx');
  return { format: d.format, filename: d.filename, bytes: d.bytes };
});

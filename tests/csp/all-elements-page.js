// Runs inside tests/csp/all-elements.html, served with
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'.
// Every element of the standalone bundle, as a page copied from README would use it, and the
// core functions from the standalone core file beside it. Reports to the parent test through the
// shared harness (tests/support/csp-page.ts: violations, errors and the eval probe).
import { reportFromPage } from '../support/csp-page.ts';

const params = new URLSearchParams(location.search);
const bundle = params.get('bundle') || '/dist/xc-elements.standalone.js';
const coreFile = params.get('core') || '/dist/standalone/core.js';
// No requestAnimationFrame: the test page may run in the background, where frames are throttled.
const pause = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** Tags containing '-' anywhere in the page, shadow roots included. */
function customTags(root, out = new Set()) {
  for (const el of root.querySelectorAll('*')) {
    if (el.localName.includes('-')) out.add(el.localName);
    if (el.shadowRoot) customTags(el.shadowRoot, out);
  }
  return out;
}

void reportFromPage(async () => {
  /** What the parent test reads, filled in as the page goes. */
  const report = {};
  const xc = await import(bundle);
  // The core file is checked on its own: the elements are driven without it if it is missing.
  const core = await import(coreFile).catch((e) => {
    report.coreError = String(e);
    return {};
  });
  report.coreExports = ['toRectificationItems', 'toClueEntries', 'readChecklistTemplate', 'checklistResponseSchema', 'interviewToClues', 'toCsv', 'ledgerSummary'].filter(
    (n) => typeof core[n] === 'function',
  );
  report.entryExports = Object.keys(xc).sort();
  await xc.loadAll();

  // The checklist: three problems recorded, handed to the ledger by the core function.
  const list = document.getElementById('list');
  await list.updateComplete;
  if (!list.activeTemplate) await new Promise((r) => list.addEventListener('xc-load', r, { once: true }));
  const template = list.activeTemplate;
  const problem = template.findings.find((f) => f.isProblem).value;
  const points = template.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).slice(0, 3);
  const response = { templateId: template.id, templateVersion: template.version, items: {} };
  for (const p of points) response.items[p.id] = { finding: problem, description: `问题：${p.id}`, category: template.categories[0].value };
  list.value = response;
  await list.updateComplete;
  report.checklistPoints = list.shadowRoot.querySelectorAll('xc-checklist-item').length;

  const items = core.toRectificationItems
    ? core.toRectificationItems(template, response, { now: '2026-11-20T09:00:00+08:00', by: '区委第二巡察组' })
    : points.map((p, i) => ({
        id: `R-${template.id}-${p.id}`, problem: { text: `问题 ${i + 1}` }, measures: [], responsibility: {}, kind: 'deadline', deadline: '2027-01-19',
        status: 'not-started', progress: 0, evidence: [], history: [{ at: '2026-11-20T09:00:00+08:00', by: '区委第二巡察组', from: null, to: 'not-started' }],
      }));
  report.itemCount = items.length;

  // The ledger: rows render and can be opened.
  const ledger = document.getElementById('ledger');
  ledger.value = { version: 1, title: '整改台账', items };
  await ledger.updateComplete;
  await pause();
  await ledger.updateComplete;
  report.rowDefinedBeforeOpen = !!customElements.get('xc-rectification-row');
  const rows = [...ledger.shadowRoot.querySelectorAll('xc-rectification-row')];
  report.rows = rows.length;
  report.renderedRows = rows.filter((r) => r.querySelector('tr.row button.open')).length;
  report.summaryText = ledger.shadowRoot.querySelector('.summary').textContent.replace(/\s+/g, ' ');
  rows[0].querySelector('button.open').click();
  for (let i = 0; i < 100 && !ledger.shadowRoot.querySelector('dialog.detail[open] #detail-title'); i++) await pause();
  await ledger.updateComplete;
  report.detailTitle = ledger.shadowRoot.querySelector('dialog.detail[open] #detail-title')?.textContent.trim() ?? '';
  // The panel's and the charts' styles joined the tracker's shadow root (constructable stylesheets).
  report.detailStyled = getComputedStyle(ledger.shadowRoot.querySelector('.d-head')).position;
  report.chartsStyled = getComputedStyle(ledger.shadowRoot.querySelector('.charts')).display;

  // A form of the host's own definition (with its own precompiled validator: here a stand-in).
  const form = document.getElementById('form');
  const validator = Object.assign(() => true, { errors: null });
  form.validator = validator;
  form.schema = { type: 'object', title: '登记表', properties: { name: { type: 'string', title: '姓名' } } };
  await form.updateComplete;
  report.formInputs = form.shadowRoot.querySelectorAll('input').length;

  const interview = document.getElementById('interview');
  await interview.updateComplete;
  report.interviewTextareas = interview.shadowRoot.querySelectorAll('textarea').length;
  // The print layout (code and styles loaded after the first frame).
  interview.printView = true;
  await interview.updateComplete;
  const sheet = interview.shadowRoot.querySelector('.print-view');
  report.printStyled = sheet ? getComputedStyle(sheet).display : 'none shown';
  interview.printView = false;
  await interview.updateComplete;
  const clue = document.getElementById('clue');
  await clue.updateComplete;
  report.clueControls = clue.shadowRoot.querySelectorAll('input, textarea, select').length;

  // The petition register (role office: the 反映人 masked): a petition registered through the
  // intake form, listed, exported, and the same CSV from the standalone core file.
  const petitions = document.getElementById('petitions');
  petitions.value = { version: 1, entries: [] };
  await petitions.updateComplete;
  petitions.shadowRoot.querySelector('button.intake').click();
  await petitions.updateComplete;
  const pr = petitions.shadowRoot;
  pr.querySelector('input[name=source][value=letter]').click();
  for (const [sel, v] of [['#p-name', '王秀兰'], ['#p-summary', '村集体土地租金去向不明。']]) {
    const box = pr.querySelector(sel);
    box.value = v;
    box.dispatchEvent(new Event('input'));
  }
  pr.querySelector('button.save').click();
  await petitions.updateComplete;
  await pause();
  report.petitionRows = [...pr.querySelectorAll('tbody tr')].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim());
  report.petitionCsvHasName = petitions.toCsv().includes('王秀兰');
  report.petitionCoreCsvHasName = core.petitionsToCsv ? core.petitionsToCsv(petitions.value, { role: 'office', allowedRoles: ['leader'] }).includes('王秀兰') : null;
  report.petitionStyled = getComputedStyle(pr.querySelector('.toolbar')).display;

  // The clue register (role leader): a clue registered through its form (panel chunk), proposed,
  // approved, handed over on a 移交单 (sheet chunk), and the CSV from the standalone core file.
  const clues = document.getElementById('clues');
  clues.value = { version: 1, clues: [], transfers: [] };
  await clues.updateComplete;
  const cr = clues.shadowRoot;
  cr.querySelector('button.add').click();
  await clues.updateComplete;
  const clueBox = cr.querySelector('#c-problem');
  clueBox.value = '违规发放津贴补贴';
  clueBox.dispatchEvent(new Event('input'));
  cr.querySelector('button.save').click();
  await clues.updateComplete;
  const clueId = clues.value.clues[0].id;
  clues.step(clueId, { action: 'propose' });
  clues.step(clueId, { action: 'approve' });
  const clueSheet = clues.transfer({ clueIds: [clueId], transferor: '王组员', recipient: '赵某' });
  await clues.updateComplete;
  await pause();
  report.clueRows = [...cr.querySelectorAll('[part=table] tbody tr')].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim());
  report.clueSheetNumber = clueSheet && clueSheet.number;
  report.clueSheetText = (cr.querySelector('[part=print-sheet]') || { textContent: '' }).textContent.replace(/\s+/g, ' ').trim();
  report.clueStyled = getComputedStyle(cr.querySelector('.toolbar')).display;
  report.clueCoreCsv = core.cluesToCsv ? core.cluesToCsv(clues.value, { today: '2026-11-26' }).split('\r\n')[1] : null;

  // The 整改情况报告 drafted from the ledger above (its items given a 责任人); a name typed into a
  // paragraph makes the 公开稿 refuse (in the element and in the standalone core file), and once
  // rewritten for the 公开稿 it shows without the name.
  const rep = document.getElementById('report');
  rep.ledger = { version: 1, unit: '城关镇', items: items.map((it) => ({ ...it, responsibility: { person: '李明华', department: '党政办' } })) };
  await rep.updateComplete;
  await pause();
  const rr = rep.shadowRoot;
  report.reportTitle = rr.querySelector('h2.title').textContent.trim();
  report.reportDue = rr.querySelector('table.figures tr.due td').textContent.replace(/\s+/g, ' ').trim();
  rep.editParagraph('next', '由李明华同志负责推进。');
  rep.mode = 'public';
  await rep.updateComplete;
  report.reportRefusal = (rr.querySelector('.refusal') || { textContent: '' }).textContent.replace(/\s+/g, ' ').trim();
  report.reportCoreRefused = core.publicVersion ? core.publicVersion(rep.value, { restricted: core.restrictedNames(rep.ledger) }).ok === false : null;
  rep.editParagraph('next', '继续推进整改。', true);
  await rep.updateComplete;
  report.reportPublicHasName = rr.textContent.includes('李明华') || [...rr.querySelectorAll('textarea')].some((t) => t.value.includes('李明华'));
  report.reportPublicShown = !rr.querySelector('.refusal') && rr.querySelector('h2.title').textContent.trim();
  report.reportStyled = getComputedStyle(rr.querySelector('.toolbar')).display;

  // The round figures of two units from the records above (checklist, ledger, petitions, clues):
  // charts and table drawn under the policy, the CSV writer's chunk loaded on export, and the
  // same figures from the standalone core file.
  const round = document.getElementById('round');
  const roundUnits = [
    { unit: '城关镇', checklists: [{ template, response }], ledger: { version: 1, items }, petitions: petitions.value, clues: clues.value },
    { unit: '=城东村', ledger: { version: 1, items: items.slice(0, 1).map((it) => ({ ...it, status: 'closed' })) } },
  ];
  round.units = roundUnits;
  await round.updateComplete;
  const rs = round.shadowRoot;
  report.roundRows = [...rs.querySelectorAll('table.units tbody tr, table.units tfoot tr')].map((tr) => [...tr.children].slice(0, 4).map((c) => c.textContent.trim()).join('|'));
  report.roundCharts = [...rs.querySelectorAll('svg[role=img]')].length;
  report.roundStyled = getComputedStyle(rs.querySelector('.charts')).display;
  const roundCsv = await round.toCsv();
  report.roundCsvLastRow = roundCsv.split('\r\n').filter(Boolean).slice(-2).map((r) => r.split(',').slice(0, 4).join(','));
  report.roundCoreTotals = core.summariseRound ? (({ interviews, petitions: p, problems, items: n, closed }) => [interviews, p, problems, n, closed].join('|'))(core.summariseRound(roundUnits, { today: '2026-11-26' }).totals) : null;

  // The 反馈意见 (role leader): the checklist above signed by the core's 三级审核 (standalone core file),
  // drafted, issued through its button, and the 问题清单 it hands over with deadlines two months after
  // the 反馈日期 and 共性/个性 carried.
  const feedback = document.getElementById('feedback');
  if (core.reviewStep) {
    let signed = { ...response, items: { ...response.items, [points[0].id]: { ...response.items[points[0].id], scope: 'common' } } };
    for (const [action, role] of [['submit', 'preparer'], ['review', 'reviewer'], ['sign', 'leader']]) {
      const done = await core.reviewStep(signed, { action, opinion: '同意' }, { name: `${role}甲`, role }, '2026-12-20T09:00:00+08:00');
      signed = done.response;
    }
    feedback.sheets = [{ template, response: signed }];
    await feedback.drafted;
    const fr = feedback.shadowRoot;
    report.feedbackBadges = [...fr.querySelectorAll('.badge')].map((b) => b.textContent.trim());
    const issued = new Promise((r) => feedback.addEventListener('xc-issue', (e) => r(e.detail), { once: true }));
    fr.querySelector('#fb-issuer').value = '王组长';
    fr.querySelector('#fb-issuer').dispatchEvent(new Event('input'));
    fr.querySelector('.issue-button').click();
    const detail = await issued;
    report.feedbackItems = detail.items.map((i) => `${i.deadline}|${i.problem.scope || ''}`);
    report.feedbackCoreItems = core.feedbackToItems ? core.feedbackToItems(detail.value).length : null;
    report.feedbackStyled = getComputedStyle(fr.querySelector('.issue')).display;
  }

  // The template editor on the checklist's template: a check point's text typed, the new version
  // checked against the meta-schema (its precompiled validator, loaded under the policy), saved, and
  // the preview's real checklist drawn inside the editor.
  const editor = document.getElementById('editor');
  editor.value = template;
  await editor.updateComplete;
  const er = editor.shadowRoot;
  const pointText = er.querySelector('textarea[id$="-text"]');
  pointText.value = `${pointText.value}（含下属单位）`;
  pointText.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await editor.updateComplete;
  const editorSaved = new Promise((r) => editor.addEventListener('xc-save', (e) => r(e.detail), { once: true }));
  report.editorSaveShown = await editor.save();
  await editor.updateComplete;
  er.querySelector('button.confirm-save').click();
  const savedDetail = await editorSaved;
  report.editorSaved = `${template.version}→${savedDetail.template.version}|${savedDetail.changes.reworded.length}`;
  for (let i = 0; i < 100 && !er.querySelector('xc-checklist'); i++) await pause(20);
  await editor.previewUpdated;
  const preview = er.querySelector('xc-checklist');
  // The checklist draws its check points a batch at a time.
  for (let i = 0; i < 150 && (preview.shadowRoot?.querySelectorAll('xc-checklist-item').length ?? 0) < report.checklistPoints; i++) await pause(20);
  const firstShown = preview.shadowRoot.querySelector('xc-checklist-item');
  report.editorPreviewFirst = (firstShown?.shadowRoot ?? firstShown)?.textContent.includes('（含下属单位）') ?? false;
  report.editorPreviewPoints = preview.shadowRoot.querySelectorAll('xc-checklist-item').length;
  report.editorStyled = getComputedStyle(er.querySelector('.toolbar')).display;

  await pause(100);
  await ledger.updateComplete;
  const tags = [...customTags(document)].sort();
  report.tags = tags;
  report.undefinedTags = tags.filter((t) => !customElements.get(t));
  // Only the standalone files: nothing from dist/core.js or dist/chunks/ (the README copies neither).
  report.requested = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/dist/'));
  return report;
});

// Checks on what ships (run by `npm run build` and CI):
//  1. no Function constructor / `eval(` in any built file (strict CSP);
//  2. the standalone files use no syntax Chromium 78 lacks (ES2019 plus import());
//  3. sizes: every built file; for the standalone bundle, what a page pays for
//     each element (the entry plus the element's chunks) must stay within the
//     40 KB gzip budget, and all standalone files together within a ceiling;
//  4. xc-elements/core, and its standalone copy (dist/standalone/core.js), work without a DOM.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';

const BUDGET = 40 * 1024;
// Raised from 110 KB when two-level templates, named error links, text isolation (bidi), print
// in a record's own time zone and the ledger's rows in the standalone build came (113 KB); the
// per-page budget above, what a portal's page actually loads, did not move.
// Raised again from 120 KB when a sixth element came (<xc-attachments> with its stores, ~13 KB) and
// the ledger's server sync, the watermark and the printed list of attached files (~8 KB), all
// loaded only when first used; no page's first load grew.
// Raised from 150 KB when a seventh element came: <xc-petition-register> (信访件受理登记, ~12.5 KB: the
// element, the register's core and strings, English on demand), loaded only by pages that show it;
// no other page's first load grew.
// Raised from 163 KB when the checklist became a 工作底稿 (~8 KB): the 三级审核 panel with the
// fingerprint check and printed signature blocks, and its strings (English on demand), a chunk
// loaded after the checklist's first frame; the header and 定性依据 fields joined the checklist page
// (within its 40 KB budget).
// Raised from 171 KB when an eighth element came: <xc-clue-register> (问题线索台账与移交, ~18.7 KB: the
// element, the register's core with routing, the state machine, 移交单 numbering and deadlines, its
// strings, the lazily loaded clue panel and printable 移交单, English on demand), loaded only by pages
// that show it (31.9 KB gzip page); no other page's first load grew.
// Raised by 15 KB when a ninth element came: <xc-rectification-report> (整改情况报告 and its 公开稿,
// ~14.5 KB: the element, the report's core with the drafting, the due date, the leak check and its
// strings, English on demand), loaded only by pages that show it (36.1 KB gzip page); no other
// page's first load grew.
// Raised by 9 KB when a tenth element came: <xc-round-summary> (巡察工作统计, ~8.9 KB: the element with
// its two SVG charts, the round figures' core and strings, the CSV writer loaded on export, English
// on demand), loaded only by pages that show it (25.8 KB gzip page); no other page's first load grew.
// Raised by 10 KB when Word and Excel export came (the ledger's 导出 Excel, ~9.8 KB: our own SpreadsheetML
// writer over fflate's deflate, the ledger's columns and the file offer, one chunk loaded on the first
// click; English on demand); the ledger page's first load carries only the button and its loader.
// Raised by 10 KB when an eleventh element came: <xc-feedback-sheet> (巡察反馈意见 → 问题清单, ~9.2 KB: the
// element, the feedback's core with the draft from signed 底稿, 签发 and the 问题清单's deadlines, its
// strings, English on demand), loaded only by pages that show it (34.4 KB gzip page); no other page's
// first load grew.
// Raised by 2 KB when <xc-rectification-report> learnt long ledgers (drafted a slice per task, the
// 公开稿's matching done ahead in slices, problems drawn in chunks: its chunk ~16.3 KB with English,
// page 33.7 KB gzip); no other page's first load grew.
// Raised by 9 KB when the ledger followed 整改 to the end (~8.5 KB): 延期, multi-party 验收, the change
// log, 阶段性完成 and measures with their own 责任人 and 时限 (the core's rules, the panel's sections and
// their strings, loaded with the detail panel or after the first frame), and the report's and the
// round figures' own copies of the ledger modules they read (0.4 KB; they keep the ledger's core in
// the ledger's own file). The ledger's page stayed within its 40 KB.
// Raised by 38 KB when every record got its Word or Excel file and the template editor came: the
// export chunks of the registers, the interview record and clue sheet, the report and the round
// figures (~6 KB with the form record's Word layout and its strings, each loaded on the first export),
// <xc-template-editor> (~22.6 KB: the editor, its strings, the import and .docx reader loaded on use,
// loaded only by pages that show it), the 三个聚焦 matching and the bidi-aware 公开稿 check shared by
// the report and the round figures (~3.2 KB), and the ledger's new rules (~1.5 KB). Every page's
// first load stayed within its 40 KB.
// Raised by 28 KB when the template editor learnt its second mode and the elements were split: the form
// mode (~16 KB with its strings, English on demand and its meta-schema validator, a chunk loaded the first
// time mode="form" is used), the import reading real documents (~2 KB, loaded on import), and the chunks the
// splits made of what only some pages or later moments need (the ledger's additions and panel opener, the
// form's run-time definition check, the attachments' adding, the checklist's parts after its list, the
// record elements' shared base and styles: ~8 KB, partly the cost of being files of their own). Every
// page's first load stayed within its 40 KB.
const TOTAL_CEILING = 316 * 1024;
/**
 * dist/standalone/core.js: the core functions for pages without a build step. Raised from 40 KB
 * when the petition register's functions (numbering, masking of the 反映人, CSV, clues) and their
 * strings joined the core (~5.7 KB), for servers and pages that check or export a register.
 * Raised from 46 KB when the 工作底稿's review state machine (core/workpaper.ts) and the response's
 * header and review readers joined the core (~1.7 KB), for servers that take the review's steps.
 * Raised from 48 KB when the ledger's rules of 整改 to the end joined the core (~5 KB: the change
 * log, 延期, 验收 by several parties, measures with details, their checks in verifyLedgerChange
 * and the reasons in both languages), for servers that check a ledger write; no page loads it.
 * Raised from 53 KB when the clue register's functions (adding from every source, §28 routing, the
 * per-clue state machine with roles, 移交单, reply deadlines and lights, CSV, the reader) and their
 * strings in both languages joined the core (~7.5 KB), for servers that take a clue's steps.
 * Raised by 8 KB when the rectification report's functions (draftReport, the due date, restricted
 * names, leaksIn and publicVersion, which refuses a leaking 公开稿) and their strings in both
 * languages joined the core, for servers that check a 公开稿 before publishing it.
 * Raised by 4 KB when the round figures (summariseUnit, summariseRound, roundSummaryCsv: what a
 * 巡察办 reports per unit and round) and their strings in both languages joined the core (~3.9 KB),
 * for servers that count a round's figures.
 * Raised by 2 KB when the 反馈意见's functions (draftFeedback from signed 底稿, issueFeedback,
 * checkFeedbackEdit, feedbackToItems with the 问题清单's deadlines; ~1.9 KB, no strings) joined the core,
 * for servers that check a 签发 or make the 问题清单.
 * Raised by 3 KB when the rules a portal developer found missing joined the core (~2.5 KB: the
 * 三个聚焦 matching of focus-area titles, the 公开稿 check folding invisible characters and reading
 * bidi overrides as shown; ~0.6 KB: 验收 signer and date, progress held to the measures), for
 * servers that replay a ledger change or check a 公开稿.
 */
const CORE_CEILING = 78 * 1024;
let failed = false;
const fail = (msg) => {
  console.error(`✗ ${msg}`);
  failed = true;
};
const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'types') walk(p);
    } else if (p.endsWith('.js')) files.push(p);
  }
};
walk('dist');
console.log('file'.padEnd(52), 'raw KB'.padStart(8), 'gzip KB'.padStart(8));
for (const f of files.sort()) {
  const code = readFileSync(f, 'utf8');
  // Minifiers write `new Function(...)` as `Function(...)`: catch both forms.
  if (/(^|[^.\w$])(new\s+)?Function\s*\(|(^|[^.\w$])eval\s*\(/.test(code)) fail(`${f} contains the Function constructor or eval(`);
  console.log(f.padEnd(52), kb(code.length).padStart(8), kb(gz(f)).padStart(8));
}

// 2. Chromium 78: ES2019 syntax, plus dynamic import() (Chromium 63+). Reject the
// ES2020 syntax it lacks: optional chaining and nullish coalescing.
const standalone = files.filter((f) => f === 'dist/xc-elements.standalone.js' || f.startsWith('dist/standalone/'));
for (const f of standalone) {
  let ast;
  try {
    ast = parse(readFileSync(f, 'utf8'), { ecmaVersion: 2020, sourceType: 'module' });
  } catch (e) {
    fail(`${f} does not parse as ES2020: ${e.message}`);
    continue;
  }
  const bad = [];
  const visit = (n) => {
    if (!n || typeof n.type !== 'string') return;
    if (n.type === 'ChainExpression') bad.push('?.');
    if (n.type === 'LogicalExpression' && n.operator === '??') bad.push('??');
    if (n.type === 'Literal' && typeof n.bigint === 'string') bad.push('BigInt literal');
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
    }
  };
  visit(ast);
  if (bad.length) fail(`${f} uses syntax Chromium 78 lacks: ${[...new Set(bad)].join(', ')}`);
}
if (!failed) console.log(`✓ ${standalone.length} standalone files use only Chromium 78 syntax`);

// 3. What a page pays per element: the entry, plus the element's chunk and its static imports.
const meta = JSON.parse(readFileSync('dist/standalone-meta.json', 'utf8')).outputs;
const entry = 'dist/xc-elements.standalone.js';
const closure = (out, seen = new Set()) => {
  if (seen.has(out)) return seen;
  seen.add(out);
  for (const imp of meta[out]?.imports ?? []) if (imp.kind === 'import-statement') closure(imp.path, seen);
  return seen;
};
const base = closure(entry);
const sum = (set) => [...set].reduce((n, f) => n + gz(f), 0);
console.log(`standalone entry (lit, base, provider, loader): ${kb(sum(base))} KB gzip`);
for (const imp of meta[entry].imports.filter((i) => i.kind === 'dynamic-import')) {
  const set = closure(imp.path, new Set(base));
  const name = meta[imp.path]?.entryPoint ?? imp.path;
  const size = sum(set);
  // Each element's strings travel with it only: a page carries the locale files of what it shows.
  const locales = [...set].flatMap((f) => Object.keys(meta[f]?.inputs ?? {})).filter((i) => /locales\/[\w-]+\.zh-CN\.ts$/.test(i));
  for (const l of locales) {
    const part = /locales\/([\w-]+)\.zh-CN\.ts$/.exec(l)[1];
    const wanted = { checklist: ['checklist'], form: ['form', 'interview'], interview: ['xc-interview-form'], tracker: ['rectification'], rectification: ['rectification'], watermark: ['watermark'], attachments: ['attachments'], petition: ['petition'], 'rectification-report': ['rectification-report'], 'clue-register': ['clue-register'], 'round-summary': ['round-summary'], 'tracker-panel': ['rectification'], sync: ['rectification'], 'attachments-ui': ['attachments'], workpaper: ['checklist'], feedback: ['feedback'], 'template-editor': ['template-editor'] }[part] ?? [];
    if (!wanted.some((w) => name.includes(w))) fail(`a page using ${name} carries ${l}, the strings of another part`);
  }
  // The number of files too: each compresses on its own, so a page split into more files pays more.
  if (size > BUDGET) fail(`a page using ${name} loads ${kb(size)} KB gzip in ${set.size} files, over the ${kb(BUDGET)} KB budget`);
  else console.log(`✓ a page using ${name}: ${kb(size)} KB gzip in ${set.size} files (budget ${kb(BUDGET)} KB)`);
}
// The elements' files; dist/standalone/core.js is built on its own for pages that call the core
// functions, carries its own copy of what it needs, and is checked by its own ceiling below.
const all = Object.keys(meta).filter((f) => f.endsWith('.js') && f !== 'dist/standalone/core.js');
const total = all.reduce((n, f) => n + gz(f), 0);
if (total > TOTAL_CEILING) fail(`all standalone element files together are ${kb(total)} KB gzip, over the ${kb(TOTAL_CEILING)} KB ceiling`);
else console.log(`✓ every element together: ${kb(total)} KB gzip in ${all.length} files (ceiling ${kb(TOTAL_CEILING)} KB)`);
if (gz('dist/standalone/core.js') > CORE_CEILING) {
  fail(`dist/standalone/core.js is ${kb(gz('dist/standalone/core.js'))} KB gzip, over its ${kb(CORE_CEILING)} KB ceiling`);
}
if (failed) process.exit(1);

// 4. xc-elements/core is pure: it loads and works in Node, where there is no DOM.
{
  const core = await import(new URL('../dist/core.js', import.meta.url).href);
  const template = JSON.parse(readFileSync('schemas/templates/checklist-sanjujiao.json', 'utf8'));
  const read = core.readChecklistTemplate(template);
  const schema = core.checklistResponseSchema(template);
  if (!read.ok || !schema.properties) fail('xc-elements/core did not work without a DOM');
  else console.log('✓ xc-elements/core loads and works in Node (no DOM)');
  // The same functions for pages without a build step: one file beside the standalone chunks.
  const standaloneCore = await import(new URL('../dist/standalone/core.js', import.meta.url).href);
  const items = standaloneCore.toRectificationItems(template, { templateId: template.id, templateVersion: template.version, items: {} }, { now: '2026-01-01T00:00:00Z' });
  if (!Array.isArray(items) || typeof standaloneCore.toClueEntries !== 'function') fail('dist/standalone/core.js does not offer the core functions');
  else console.log(`✓ dist/standalone/core.js offers the core functions (${kb(gz('dist/standalone/core.js'))} KB gzip, loaded only by pages that import it)`);
  // xc-elements/office writes the records' Word and Excel files on a server too.
  const office = await import(new URL('../dist/office.js', import.meta.url).href);
  const now = () => Promise.resolve();
  const xlsx = await office.ledgerToXlsx({ title: '台账', items: [] }, 'zh-CN', { yieldTo: now });
  const docx = await office.writeDocx({ title: '移交单', blocks: [{ kind: 'paragraph', text: '=1+1' }] }, { yieldTo: now });
  const zip = (b) => b instanceof Uint8Array && b[0] === 0x50 && b[1] === 0x4b;
  if (!zip(xlsx) || !zip(docx)) fail('xc-elements/office did not write its files without a DOM');
  else console.log('✓ xc-elements/office writes .xlsx and .docx in Node (no DOM)');
  if (failed) process.exit(1);
}

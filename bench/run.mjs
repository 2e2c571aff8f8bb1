// npm run bench: each element against a plain-DOM floor in headless Chromium;
// medians go into bench/README.md. `node bench/run.mjs checklist form` runs a subset.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPage, launch, ms, out, ratio, root, runIn, serve, writeSection } from './lib.mjs';

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const results = {};

const server = await serve();
const browser = await launch();

/** The cold-mount page: the standalone bundle from dist/ (run `npm run build` first), then bench/pages/cold-checklist.ts. */
async function coldPage() {
  await buildPage('cold-checklist');
  await cp(join(root, 'dist/xc-elements.standalone.js'), join(out, 'xc-elements.standalone.js'));
  await cp(join(root, 'dist/standalone'), join(out, 'standalone'), { recursive: true });
  await writeFile(join(out, 'cold-checklist.html'), '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>'
    + '<script type="module" src="./xc-elements.standalone.js"></script><script type="module" src="./cold-checklist.js"></script></body></html>');
}

/** Ms of one cold mount in a fresh browser context and page (nothing cached, nothing compiled). */
async function coldOnce(kind, n) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/cold-checklist.html`);
    await page.waitForFunction(() => document.title === 'ready');
    return await page.evaluate(([k, c]) => window.runCold(k, c), [kind, n]);
  } finally {
    await context.close();
  }
}

/**
 * Medians of `samples` cold mounts of the floor and of the element, taken in turns (floor, xc, floor,
 * xc…) so that a change in the machine's load during the run weighs on both alike.
 */
async function coldMount(n, samples = 9) {
  const floor = [];
  const xc = [];
  for (let i = 0; i < samples; i++) {
    floor.push(await coldOnce('floor', n));
    xc.push(await coldOnce('xc', n));
  }
  const median = (t) => t.sort((a, b) => a - b)[(t.length - 1) >> 1];
  return { floor: median(floor), xc: median(xc) };
}
try {
  if (only.includes('cold')) {
    // `node bench/run.mjs cold`: the cold-mount figures alone, printed, README untouched.
    await coldPage();
    for (const n of [100, 2000]) console.log('cold', n, JSON.stringify(await coldMount(n)));
  }
  if (want('checklist') && !only.includes('cold')) {
    await buildPage('checklist-bench');
    const rows = [];
    await coldPage();
    for (const n of [100, 500, 2000]) {
      const r = await runIn(browser, server.port, 'checklist-bench', (count) => window.runBench(count, 5), n);
      if (n !== 500) r.cold = await coldMount(n);
      rows.push({ n, ...r });
      console.log('checklist', n, JSON.stringify(r));
    }
    results.checklist = rows;
    await writeSection('checklist', [
      '| check points | cold mount: floor / xc (ratio) | first frame: floor / xc (ratio) | all rendered (xc) | finding click: floor / xc (ratio) | keystroke: floor / xc (ratio) | memory: floor / xc (ratio) |',
      '|---:|---|---|---:|---|---|---|',
      ...rows.map((r) => `| ${r.n} | ${r.cold ? `${ms(r.cold.floor)} / ${ms(r.cold.xc)} (${ratio(r.cold.xc, r.cold.floor)})` : '—'} | ${ms(r.floor.firstFrame)} / ${ms(r.xc.firstFrame)} (${ratio(r.xc.firstFrame, r.floor.firstFrame)}) | ${ms(r.xc.complete)} | ${ms(r.floor.click)} / ${ms(r.xc.click)} (${ratio(r.xc.click, r.floor.click)}) | ${ms(r.floor.key)} / ${ms(r.xc.key)} (${ratio(r.xc.key, r.floor.key)}) | ${(r.floor.heap / 1048576).toFixed(1)} MB / ${(r.xc.heap / 1048576).toFixed(1)} MB (${ratio(r.xc.heap, r.floor.heap)}) |`),
    ].join('\n'));
  }
  if (want('form')) {
    await buildPage('form-bench');
    const rows = [];
    for (const [n, qa] of [[100, 67], [300, 200], [1000, 667]]) {
      const r = await runIn(browser, server.port, 'form-bench', ([a, b]) => window.runFormBench(a, b, 5), [n, qa]);
      rows.push({ n, qa, ...r });
      console.log('form', n, qa, JSON.stringify(r));
    }
    results.form = rows;
    await writeSection('form', [
      '| form | first frame: floor / xc (ratio) | keystroke: floor / xc (ratio) | keystroke in a field a condition reads (xc) |',
      '|---|---|---|---:|',
      ...rows.flatMap((r) => [
        `| ${r.n} generated fields | ${ms(r.fields.floor.firstFrame)} / ${ms(r.fields.xc.firstFrame)} (${ratio(r.fields.xc.firstFrame, r.fields.floor.firstFrame)}) | ${ms(r.fields.floor.key)} / ${ms(r.fields.xc.key)} (${ratio(r.fields.xc.key, r.fields.floor.key)}) | ${ms(r.fields.xc.conditionKey)} |`,
        `| interview, ${r.qa} Q/A blocks | ${ms(r.transcript.floor.firstFrame)} / ${ms(r.transcript.xc.firstFrame)} (${ratio(r.transcript.xc.firstFrame, r.transcript.floor.firstFrame)}) | ${ms(r.transcript.floor.key)} / ${ms(r.transcript.xc.key)} (${ratio(r.transcript.xc.key, r.transcript.floor.key)}) | — |`,
      ]),
    ].join('\n'));
  }
  if (want('tracker')) {
    await buildPage('tracker-bench');
    const rows = [];
    for (const n of [1000, 5000]) {
      const r = await runIn(browser, server.port, 'tracker-bench', (count) => window.runTrackerBench(count, 5), n);
      rows.push({ n, ...r });
      console.log('tracker', n, JSON.stringify(r));
    }
    results.tracker = rows;
    const line = (r, key, label) =>
      `| ${r.n} | ${label} | ${ms(r.floor.firstFrame)} / ${ms(r[key].firstFrame)} (${ratio(r[key].firstFrame, r.floor.firstFrame)}) | ${ms(r[key].complete)} | ${ms(r.floor.filter)} / ${ms(r[key].filter)} (${ratio(r[key].filter, r.floor.filter)}) | ${ms(r.floor.status)} / ${ms(r[key].status)} (${ratio(r[key].status, r.floor.status)}) | ${r[key].rowsRendered} | ${(r.floor.heap / 1048576).toFixed(1)} MB / ${(r[key].heap / 1048576).toFixed(1)} MB (${ratio(r[key].heap, r.floor.heap)}) |`;
    await writeSection('tracker', [
      '| items | table holds | first frame: floor / xc (ratio) | rows done (xc) | filter change: floor / xc (ratio) | status change: floor / xc (ratio) | rows re-rendered by a status change | memory: floor / xc (ratio) |',
      '|---:|---|---|---:|---|---|---:|---|',
      ...rows.flatMap((r) => [line(r, 'xc', 'first 200 (default)'), line(r, 'xcAll', 'all (`page-size="0"`)')]),
    ].join('\n'));
  }
  if (want('rectification-report')) {
    await buildPage('rectification-report-bench');
    const r = await runIn(browser, server.port, 'rectification-report-bench', (count) => window.runReportBench(count, 5), 5000);
    console.log('rectification-report', 5000, JSON.stringify(r));
    results.rectificationReport = r;
    await writeSection('rectification-report', [
      '| items | draft (core) | 公开稿 with leak check (core) | first frame | every problem drawn | keystroke | 公开稿 shown | keystroke in the 公开稿 | longest task | memory |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${r.n} | ${ms(r.draft)} | ${ms(r.publicVersion)} | ${ms(r.firstFrame)} | ${ms(r.complete)} | ${ms(r.key)} | ${ms(r.publicShown)} | ${ms(r.publicKey)} | ${ms(r.longestTask)} | ${(r.heap / 1048576).toFixed(1)} MB |`,
      '',
      '| Word export (from the element) | time to the file | peak JS heap above start | file | longest task |',
      '|---|---:|---:|---:|---:|',
      ...[['report', r.docx], ['公开稿 (leak check first)', r.publicDocx]].map(([label, x]) => `| ${label} of ${r.n} items → .docx | ${ms(x.time)} | ${(x.peak / 1048576).toFixed(1)} MB | ${x.bytes ? `${(x.bytes / 1024).toFixed(0)} KB` : 'refused'} | ${x.longest ? ms(x.longest) : 'none over 50 ms'} |`),
    ].join('\n'));
  }
  if (want('clue-register')) {
    await buildPage('clue-register-bench');
    const r = await runIn(browser, server.port, 'clue-register-bench', (count) => window.runClueRegisterBench(count, 5), 2000);
    console.log('clue-register', 2000, JSON.stringify(r));
    results.clueRegister = r;
    await writeSection('clue-register', [
      '| clues | first frame: floor / xc (ratio) | filter change: floor / xc (ratio) | state change: floor / xc (ratio) | memory: floor / xc (ratio) |',
      '|---:|---|---|---|---|',
      `| 2000 | ${ms(r.floor.firstFrame)} / ${ms(r.xc.firstFrame)} (${ratio(r.xc.firstFrame, r.floor.firstFrame)}) | ${ms(r.floor.filter)} / ${ms(r.xc.filter)} (${ratio(r.xc.filter, r.floor.filter)}) | ${ms(r.floor.state)} / ${ms(r.xc.state)} (${ratio(r.xc.state, r.floor.state)}) | ${(r.floor.heap / 1048576).toFixed(1)} MB / ${(r.xc.heap / 1048576).toFixed(1)} MB (${ratio(r.xc.heap, r.floor.heap)}) |`,
    ].join('\n'));
  }
  if (want('round-summary')) {
    await buildPage('round-summary-bench');
    const r = await runIn(browser, server.port, 'round-summary-bench', ([u, n]) => window.runRoundSummaryBench(u, n, 5), [20, 5000]);
    console.log('round-summary', JSON.stringify(r));
    results.roundSummary = r;
    await writeSection('round-summary', [
      '| units | ledger items | summariseRound (core) | CSV (core) | first frame (charts and table) | recount for a new "today" | CSV from the element (writer loaded) | longest task | memory |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${r.units} | ${r.items} | ${ms(r.summary)} | ${ms(r.csv)} | ${ms(r.firstFrame)} | ${ms(r.recount)} | ${ms(r.elementCsv)} | ${ms(r.longestTask)} | ${(r.heap / 1048576).toFixed(1)} MB |`,
      '',
      '| Excel export (from the element) | time to the file | peak JS heap above start | file | longest task |',
      '|---|---:|---:|---:|---:|',
      `| ${r.units} units (${r.items} ledger items) → .xlsx | ${ms(r.xlsx.time)} | ${(r.xlsx.peak / 1048576).toFixed(1)} MB | ${(r.xlsx.bytes / 1024).toFixed(1)} KB | ${r.xlsx.longest ? ms(r.xlsx.longest) : 'none over 50 ms'} |`,
    ].join('\n'));
  }
  if (want('petition')) {
    await buildPage('petition-bench');
    const r = await runIn(browser, server.port, 'petition-bench', (count) => window.runPetitionBench(count, 5), 2000);
    console.log('petition', 2000, JSON.stringify(r));
    results.petition = r;
    await writeSection('petition', [
      '| petitions | first frame: floor / xc (ratio) | filter change: floor / xc (ratio) | 处理方式 change: floor / xc (ratio) | memory: floor / xc (ratio) |',
      '|---:|---|---|---|---|',
      `| 2000 | ${ms(r.floor.firstFrame)} / ${ms(r.xc.firstFrame)} (${ratio(r.xc.firstFrame, r.floor.firstFrame)}) | ${ms(r.floor.filter)} / ${ms(r.xc.filter)} (${ratio(r.xc.filter, r.floor.filter)}) | ${ms(r.floor.state)} / ${ms(r.xc.state)} (${ratio(r.xc.state, r.floor.state)}) | ${(r.floor.heap / 1048576).toFixed(1)} MB / ${(r.xc.heap / 1048576).toFixed(1)} MB (${ratio(r.xc.heap, r.floor.heap)}) |`,
    ].join('\n'));
  }
  if (want('attachments')) {
    await buildPage('attachments-bench');
    const r = await runIn(browser, server.port, 'attachments-bench', (runs) => window.runAttachmentsBench(runs), 5);
    console.log('attachments', JSON.stringify(r));
    results.attachments = r;
    const o = (k) => r.open[k];
    const row = (k, label) => `| ${label} | ${ms(o(k).floorFirstFrame)} / ${ms(o(k).xcFirstFrame)} (${ratio(o(k).xcFirstFrame, o(k).floorFirstFrame)}) | ${ms(o(k).xcListed)} | ${ms(o(k).xcThumbs)} | ${ms(o(k).xcLongest)} |`;
    const a = r.attach;
    await writeSection('attachments', [
      '| record | first frame: floor / xc (ratio) | files listed (xc) | thumbnails drawn (xc) | longest task (xc) |',
      '|---|---|---:|---:|---:|',
      row('none', 'one piece of evidence, no files'),
      row('photos', '100 photos (2048×1536 JPEG)'),
      '',
      '| attaching at once | source photo | stored (median) | all stored | with thumbnails | longest main-thread task | tasks over 50 ms |',
      '|---|---:|---:|---:|---:|---:|---:|',
      `| ${a.photos} photos of 4000×3000 | ${(a.sourceBytes / 1048576).toFixed(1)} MB | ${(a.storedBytes / 1024).toFixed(0)} KB | ${ms(a.total)} | ${ms(a.withThumbs)} | ${ms(a.longest)} | ${a.longTasks} |`,
    ].join('\n'));
  }
  if (want('template-editor')) {
    await buildPage('template-editor-bench');
    const r = await runIn(browser, server.port, 'template-editor-bench', ([n, keys]) => window.runTemplateEditorBench(n, keys), [2000, 15]);
    console.log('template-editor', JSON.stringify(r));
    results.templateEditor = r;
    await writeSection('template-editor', [
      '| check points | editor\'s first frame | preview shown | keystroke to the next frame (median / slowest; budget 16.7 ms) | preview updated after the typing pauses | longest task while typing | memory |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      `| ${r.n} | ${ms(r.firstFrame)} | ${ms(r.previewShown)} | ${ms(r.key)} / ${ms(r.keyMax)} | ${ms(r.preview)} | ${r.longestTask ? ms(r.longestTask) : 'none over 50 ms'} | ${(r.heap / 1048576).toFixed(1)} MB |`,
    ].join('\n'));
  }
  if (want('office')) {
    await buildPage('office-bench');
    const r = await runIn(browser, server.port, 'office-bench', ([n, runs]) => window.runOfficeBench(n, runs), [5000, 3]);
    console.log('office', JSON.stringify(r));
    results.office = r;
    const row = (label, x) => `| ${label} | ${ms(x.time)} | ${(x.peak / 1048576).toFixed(1)} MB | ${(x.bytes / 1024).toFixed(0)} KB | ${x.longTasks ? ms(x.longest) : 'none over 50 ms'} |`;
    await writeSection('office', [
      '| export | time to the file | peak JS heap above start | file | longest main-thread task |',
      '|---|---:|---:|---:|---:|',
      row(`ledger of ${r.n} items → .xlsx`, r.xlsx),
      row(`report of ${r.paragraphs} paragraphs → .docx`, r.docx),
    ].join('\n'));
  }
} finally {
  await browser.close();
  server.close();
}
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2));

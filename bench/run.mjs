// npm run bench: measures <xc-checklist> against a plain-DOM floor in headless
// Chromium and writes the table into bench/README.md. Numbers are medians.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = new URL('..', import.meta.url).pathname;
await mkdir(join(root, 'bench/.out'), { recursive: true });
await build({
  entryPoints: [join(root, 'bench/pages/checklist-bench.ts')],
  outfile: join(root, 'bench/.out/checklist-bench.js'),
  bundle: true, format: 'esm', target: 'es2021', minify: true, tsconfig: join(root, 'tsconfig.json'),
  conditions: ['production'], logLevel: 'warning',
});
await writeFile(join(root, 'bench/.out/index.html'), `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body><script type="module" src="./checklist-bench.js"></script></body></html>`);

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const file = path === '/' ? 'index.html' : path;
    const body = await readFile(join(root, 'bench/.out', file));
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      // Cross-origin isolation lets the page measure its memory, DOM included.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run', '--js-flags=--expose-gc', '--enable-precise-memory-info', '--enable-blink-features=ForceEagerMeasureMemory', '--window-size=1280,900'],
  defaultViewport: { width: 1280, height: 900 },
});
const rows = [];
try {
  for (const n of [100, 500, 2000]) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const r = await page.evaluate((count) => window.runBench(count, 5), n);
    rows.push({ n, ...r });
    console.log(n, JSON.stringify(r));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

const f = (x) => x.toFixed(1);
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) + '×' : '—');
const table = [
  '| check points | first frame: floor / xc (ratio) | all rendered (xc) | finding click: floor / xc (ratio) | keystroke: floor / xc (ratio) | memory: floor / xc (ratio) |',
  '|---:|---|---:|---|---|---|',
  ...rows.map((r) => `| ${r.n} | ${f(r.floor.firstFrame)} ms / ${f(r.xc.firstFrame)} ms (${ratio(r.xc.firstFrame, r.floor.firstFrame)}) | ${f(r.xc.complete)} ms | ${f(r.floor.click)} ms / ${f(r.xc.click)} ms (${ratio(r.xc.click, r.floor.click)}) | ${f(r.floor.key)} ms / ${f(r.xc.key)} ms (${ratio(r.xc.key, r.floor.key)}) | ${(r.floor.heap / 1048576).toFixed(1)} MB / ${(r.xc.heap / 1048576).toFixed(1)} MB (${ratio(r.xc.heap, r.floor.heap)}) |`),
].join('\n');
const readmePath = join(root, 'bench/README.md');
const readme = await readFile(readmePath, 'utf8');
const stamp = `<!-- results: ${new Date().toISOString().slice(0, 10)}, ${process.platform}, Chromium headless -->`;
const next = readme.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, `<!-- results:start -->\n${stamp}\n\n${table}\n<!-- results:end -->`);
await writeFile(readmePath, next);
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(join(root, 'bench/results/latest.json'), JSON.stringify(rows, null, 2));
console.log('\n' + table);

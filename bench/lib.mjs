// Shared plumbing of the benchmarks: build a page, serve bench/.out on
// loopback (cross-origin isolated, so pages can measure memory with the DOM),
// and start Debian's Chromium headless.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

export const root = new URL('..', import.meta.url).pathname;
export const out = join(root, 'bench/.out');

/** Bundle bench/pages/<name>.ts (production lit) and give it an HTML page. */
export async function buildPage(name) {
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(root, `bench/pages/${name}.ts`)],
    outfile: join(out, `${name}.js`),
    bundle: true, format: 'esm', target: 'es2021', minify: true, tsconfig: join(root, 'tsconfig.json'),
    conditions: ['production'], logLevel: 'warning',
  });
  await writeFile(join(out, `${name}.html`), `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body><script type="module" src="./${name}.js"></script></body></html>`);
}

/** Serve bench/.out on 127.0.0.1; resolves to { port, close }. */
export async function serve() {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
  const server = createServer(async (req, res) => {
    const file = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(out, file));
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, close: () => server.close() };
}

/** Headless Debian Chromium with GC and memory measurement enabled. */
export function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--js-flags=--expose-gc', '--enable-precise-memory-info',
      '--enable-blink-features=ForceEagerMeasureMemory', '--window-size=1280,900'],
    defaultViewport: { width: 1280, height: 900 },
  });
}

/** Open a page of bench/.out and run `fn(arg)` in it once it says it is ready. */
export async function runIn(browser, port, name, fn, arg) {
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/${name}.html`);
    await page.waitForFunction(() => document.title === 'ready');
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** Replace the block between <!-- NAME:start --> and <!-- NAME:end --> in bench/README.md. */
export async function writeSection(name, markdown) {
  const path = join(root, 'bench/README.md');
  const readme = await readFile(path, 'utf8');
  const stamp = `<!-- ${new Date().toISOString().slice(0, 10)}, Chromium headless, ${process.platform} -->`;
  const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  if (!re.test(readme)) throw new Error(`bench/README.md has no ${name} section`);
  await writeFile(path, readme.replace(re, `<!-- ${name}:start -->\n${stamp}\n\n${markdown}\n<!-- ${name}:end -->`));
}

export const ms = (x) => (typeof x === 'number' ? `${x.toFixed(1)} ms` : '—');
export const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

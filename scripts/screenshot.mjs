// node scripts/screenshot.mjs — the README's screenshot (docs/screenshot.png).
// Starts the demo portal (demo/, as `npm start` does) on port 5180 through vite's
// JS API, opens it in headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH),
// answers a few check points as a person would, and writes a 1280×800 PNG.
// Needs `npm run gen` once (the demo imports src/, which imports src/generated/).
// Chinese text needs a CJK font on the machine (Debian: fonts-wqy-microhei).
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { mkdir, stat } from 'node:fs/promises';

const PORT = 5180;
const OUT = 'docs/screenshot.png';

const server = await createServer({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  server: { port: PORT, strictPort: true, host: '127.0.0.1' },
});
await server.listen();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--headless', '--disable-dev-shm-usage', '--no-first-run', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const url = `http://127.0.0.1:${PORT}/#/checklist`;
  // A fresh start: no saved demo state or drafts from an earlier run in this profile.
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => {
    const list = document.querySelector('xc-checklist');
    return !!list?.shadowRoot?.querySelector('#xc-item-f1g1-01');
  }, { timeout: 30000 });

  // Answer a few more check points by clicking, as a person would (the demo starts
  // from a partly filled sample): "no problem found" twice, "not applicable" once.
  const click = (selector) => page.evaluate((s) => {
    const input = document.querySelector('xc-checklist').shadowRoot.querySelector(s);
    if (!input) throw new Error(`nothing at ${s}`);
    input.click();
  }, selector);
  await click('#xc-item-f1g3-01 .finding[data-value="none"] input');
  await click('#xc-item-f1g3-02 .finding[data-value="none"] input');
  await click('#xc-item-f1g3-03 .finding[data-value="na"] input');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  // The top of the page: the portal's menu and header around the element.
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.scrollTo(0, 0);
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  await mkdir('docs', { recursive: true });
  await page.screenshot({ path: OUT, type: 'png' });
  console.log(`wrote ${OUT} (${Math.round((await stat(OUT)).size / 1024)} KB)`);
} finally {
  await browser.close();
  await server.close();
}

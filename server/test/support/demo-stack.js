// @ts-check
/**
 * The demo stack for end-to-end tests: the reference back end (PGlite in a temporary data
 * directory) and the demo portal on Vite, as `npm start` runs them (scripts/start.mjs), and a
 * headless Chromium driven by puppeteer-core. Shared by the e2e-*.test.js files.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * False when Chromium is there, else the reason the test is skipped (printed once).
 * @param {string} what the test, for the message
 * @returns {string | false}
 */
export function skipWithoutChromium(what) {
  if (existsSync(CHROME)) return false;
  const why = `no Chromium at ${CHROME} (apt-get install chromium, or set CHROME_PATH): ${what} is skipped`;
  console.log(`# ${why}`);
  return why;
}

/**
 * Start the back end, the demo portal and a browser.
 * @param {string} prefix name of the temporary data directory
 * @returns {Promise<{ demo: { url: string, apiUrl: string, close(): Promise<void> }, server: { db: import('../../db.js').Database }, browser: import('puppeteer-core').Browser, close(): Promise<void> }>}
 *   `server.db`: the back end's database (to count rows).
 */
export async function startDemoStack(prefix) {
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  const { startDemo } = await import('../../../scripts/start.mjs');
  // No Vite socket or file watching: a page is never reloaded under a test (by an edit elsewhere in the tree).
  const demo = await startDemo({ port: 0, apiPort: 0, dataDir, quiet: true, live: false });
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  return {
    demo,
    server: demo.api,
    browser,
    async close() {
      await browser.close();
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser context of its own (no shared cookies or storage), signed in as `account` through the
 * demo's sign-in page, on the ledger page once the shared ledger is shown. CSP violations are
 * collected in `window.__violations`, uncaught errors in `errors`.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url the demo portal
 * @param {string} account clerk, office or viewer
 * @param {{ viewport?: import('puppeteer-core').Viewport }} [opts] default 1280 × 900
 */
export async function signInToLedger(browser, url, account, opts = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(opts.viewport ?? { width: 1280, height: 900 });
  await page.evaluateOnNewDocument(() => {
    /** @type {string[]} */
    const v = [];
    Object.defineProperty(window, '__violations', { value: v });
    document.addEventListener('securitypolicyviolation', (e) => v.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  });
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}/#/ledger`);
  await page.waitForSelector('#account', { timeout: 30000 });
  await page.select('#account', account);
  await page.type('#password', 'demo');
  await page.click('.sign-in button[type="submit"]');
  await page.waitForFunction(() => {
    const t = /** @type {any} */ (document.querySelector('xc-rectification-tracker'));
    return t && t.value && t.value.items && t.value.items.length >= 3;
  }, { timeout: 30000 });
  return { context, page, errors };
}

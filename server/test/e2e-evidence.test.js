// @ts-check
/**
 * Evidence photos on the demo stack (`npm start`: the reference back end with PGlite + the demo
 * portal), end to end in Chromium:
 * - the unit's clerk, on a phone-width touch page (390 × 844), goes offline, attaches a photo
 *   (a 4,000 × 3,000 JPEG) to a ledger item's 佐证材料 through the file chooser: it is in the
 *   record at once, and the header says one file waits to be uploaded;
 * - the page is reloaded while still offline (its own files come from a cache, as an installed
 *   web app's would; the API stays cut): the file is still there (IndexedDB), still counted;
 * - back online, the file is uploaded exactly once (one POST /api/files/uploads, one row of
 *   `files`) and the item is saved; the clerk submits the item for verification;
 * - the inspection office, in another browser context, sees the photo in the item's 佐证材料,
 *   opens its preview (the image drawn, from the server), and closes (销号) the item with a verifier.
 * - with the browser's storage full (the origin's quota set to almost nothing), a photo is refused
 *   with a clear message and the record keeps what it had, and still saves.
 * Skips (with a message) when Chromium is not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signInToLedger, skipWithoutChromium, startDemoStack } from './support/demo-stack.js';

const skip = skipWithoutChromium('the offline evidence-photo test');
const ITEM = 'ZG-002';

/** @type {Awaited<ReturnType<typeof startDemoStack>>} */
let stack;
/** @type {string} */
let tmp;

before(async () => {
  if (skip) return;
  stack = await startDemoStack('xc-e2e-evidence-');
  tmp = await mkdtemp(path.join(tmpdir(), 'xc-e2e-photo-'));
});

after(async () => {
  await stack?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * Wait until `f` answers true (a page navigating in between — Vite's client reloads the page when
 * its server is reachable again — counts as not yet).
 * @param {() => Promise<boolean>} f @param {string} what
 */
async function until(f, what, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await f().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out: ${what}`);
}

/** A handle on an element inside the tracker's shadow root (the item's panel renders there). @param {import('puppeteer-core').Page} page @param {string} selector */
async function inTracker(page, selector) {
  const handle = await page.waitForFunction(
    (s) => document.querySelector('xc-rectification-tracker')?.shadowRoot?.querySelector(s) ?? null,
    { timeout: 15000 },
    selector,
  );
  return /** @type {import('puppeteer-core').ElementHandle<HTMLElement>} */ (handle.asElement());
}

/** A handle inside the open panel's `<xc-attachments>`. @param {import('puppeteer-core').Page} page @param {string} selector */
async function inAttachments(page, selector) {
  const handle = await page.waitForFunction(
    (s) => document.querySelector('xc-rectification-tracker')?.shadowRoot?.querySelector('dialog.detail xc-attachments')?.shadowRoot?.querySelector(s) ?? null,
    { timeout: 15000 },
    selector,
  );
  return /** @type {import('puppeteer-core').ElementHandle<HTMLElement>} */ (handle.asElement());
}

/** The files of an item as the page's tracker holds it. @param {import('puppeteer-core').Page} page @param {string} [itemId] */
const filesOf = (page, itemId = ITEM) =>
  page.evaluate((id) => {
    const item = /** @type {any} */ (document.querySelector('xc-rectification-tracker'))?.getItem(id);
    return (item?.evidence ?? []).filter((/** @type {any} */ e) => e.file).map((/** @type {any} */ e) => e.file);
  }, itemId);

/** The header's count of files waiting to be uploaded. @param {import('puppeteer-core').Page} page */
const headerCount = (page) => page.$eval('#upload-status', (e) => e.textContent ?? '');

/** @type {Promise<string> | undefined} */
let photoMade;
/** A 4,000 × 3,000 camera-sized JPEG, drawn on a canvas, written to a temporary file (made once). */
function makePhoto() {
  return (photoMade ??= (async () => {
    const maker = await stack.browser.newPage();
    const b64 = await maker.evaluate(async () => {
      const c = new OffscreenCanvas(4000, 3000);
      const g = /** @type {OffscreenCanvasRenderingContext2D} */ (c.getContext('2d'));
      const grad = g.createLinearGradient(0, 0, 4000, 3000);
      grad.addColorStop(0, '#9f1c1c');
      grad.addColorStop(1, '#f0d0a0');
      g.fillStyle = grad;
      g.fillRect(0, 0, 4000, 3000);
      for (let i = 0; i < 400; i++) {
        g.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
        g.fillRect((i * 997) % 4000, (i * 613) % 3000, 80, 60);
      }
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    });
    await maker.close();
    const photo = path.join(tmp, '公告栏.jpg');
    await writeFile(photo, Buffer.from(b64, 'base64'));
    return photo;
  })());
}

/** Open an item's panel (a tap on its number). @param {import('puppeteer-core').Page} page @param {string} [id] */
async function openItem(page, id = ITEM) {
  const open = await inTracker(page, `tr[data-id="${id}"] button.open`);
  await open.tap();
  await inTracker(page, 'dialog.detail[open] xc-rectification-detail');
}

test('a photo attached offline on a phone is in the record at once, survives a reload, uploads once when online, and lets the office close the item', { skip, timeout: 90000 }, async () => {
  const { browser, demo, server } = stack;
  const photo = await makePhoto();

  // The clerk, on a phone.
  const clerk = await signInToLedger(browser, demo.url, 'clerk', { viewport: { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } });
  const page = clerk.page;
  /** @type {string[]} */
  const uploads = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/files/uploads') uploads.push(r.url());
  });
  // The page's own files, kept as an installed web app's cache would (to reload while offline).
  /** @type {Map<string, { status: number, headers: Record<string, string>, body: Buffer }>} */
  const shell = new Map();
  /** @param {string} url */
  const key = (url) => url.replace(/#.*$/, '');
  page.on('response', async (r) => {
    const u = new URL(r.url());
    if (r.request().method() !== 'GET' || !u.protocol.startsWith('http') || u.pathname.startsWith('/api/') || r.status() !== 200) return;
    try {
      const h = r.headers();
      /** @type {Record<string, string>} */
      const headers = { 'content-type': h['content-type'] ?? 'application/octet-stream' };
      if (h['content-security-policy']) headers['content-security-policy'] = h['content-security-policy'];
      shell.set(key(r.url()), { status: 200, headers, body: await r.buffer() });
    } catch {
      /* a redirect or a body no longer there */
    }
  });
  // Load once more so every module of the page passes through the responses above (whole: no 304).
  await page.setCacheEnabled(false);
  await page.reload();
  await page.waitForFunction(() => /** @type {any} */ (document.querySelector('xc-rectification-tracker'))?.value?.items?.length >= 3, { timeout: 30000 });
  assert.equal((await server.db.query('select count(*)::int as n from files')).rows[0].n, 0);

  await openItem(page);
  await page.setOfflineMode(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);

  // 添加附件 opens the file chooser at once (one tap).
  const add = await inTracker(page, 'dialog.detail xc-rectification-detail button[data-attach]');
  const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 15000 }), add.tap()]);
  await chooser.accept([photo]);

  // In the record at once, downscaled in the browser, and counted as waiting, in the header and in the element.
  await until(async () => (await filesOf(page)).length === 1, 'the photo in the record');
  const [ref] = await filesOf(page);
  assert.equal(ref.name, '公告栏.jpg');
  assert.equal(ref.type, 'image/jpeg');
  assert.match(ref.sha256, /^[0-9a-f]{64}$/);
  await until(async () => /^1 个附件待上传$/.test(await headerCount(page)), 'the header counts one file waiting');
  const pendingText = await (await inAttachments(page, 'p.pending')).evaluate((e) => e.textContent ?? '');
  assert.match(pendingText, /1 个附件等待上传/);
  await inAttachments(page, 'li.file canvas.thumb');
  assert.deepEqual(uploads, [], 'nothing sent while offline');

  // A reload while offline: the page's own files from the cache, the API still cut.
  await page.setRequestInterception(true);
  const serveShell = (/** @type {import('puppeteer-core').HTTPRequest} */ r) => {
    const hit = shell.get(key(r.url()));
    if (hit && r.method() === 'GET') void r.respond({ status: hit.status, headers: hit.headers, body: hit.body });
    else if (r.url().startsWith('data:')) void r.continue();
    else void r.abort('internetdisconnected');
  };
  page.on('request', serveShell);
  // The page asks before leaving with changes not on the server yet: the clerk leaves anyway.
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await until(async () => /^1 个附件待上传$/.test(await headerCount(page)), 'the file still waits after the reload', 30000);
  assert.deepEqual(uploads, [], 'nothing sent while offline');

  // Back online: the file goes up once, the item is saved with it.
  page.off('request', serveShell);
  await page.setRequestInterception(false);
  await page.setOfflineMode(false);
  await until(async () => (await headerCount(page)) === '', 'nothing left to upload', 30000);
  const rows = (await server.db.query('select id, name, type, size, sha256 from files')).rows;
  assert.equal(rows.length, 1, 'one row of files');
  assert.equal(rows[0].sha256, ref.sha256);
  assert.equal(rows[0].id, ref.id, 'the server keeps the id the record holds');
  assert.equal(uploads.length, 1, 'one POST /api/files/uploads');

  // The page asks the server again and loads the ledger; the record made offline is in the
  // tracker's draft, offered for restore: taken, it is saved to the server.
  await page.waitForFunction(() => /** @type {any} */ (document.querySelector('xc-rectification-tracker'))?.value?.items?.length >= 3, { timeout: 30000 });
  await (await inTracker(page, '[part="draft-banner"] button.primary')).tap();
  await until(async () => (await filesOf(page)).some((/** @type {any} */ f) => f.id === ref.id), 'the photo back in the record');
  await until(async () => {
    const { ledger } = await page.evaluate(() => fetch('/api/ledgers/demo').then((r) => r.json()));
    return ledger.items.find((/** @type {any} */ i) => i.id === 'ZG-002').evidence.some((/** @type {any} */ e) => e.file?.id === ref.id);
  }, 'the item with its photo on the server');

  // The clerk submits the item for verification.
  await openItem(page);
  await (await inTracker(page, 'dialog.detail [data-action="submit"]')).tap();
  await (await inTracker(page, 'dialog.detail .action-form .confirm')).tap();
  await until(async () => {
    const { ledger } = await page.evaluate(() => fetch('/api/ledgers/demo').then((r) => r.json()));
    return ledger.items.find((/** @type {any} */ i) => i.id === 'ZG-002').status === 'pending-verification';
  }, 'the item submitted');

  // The office, elsewhere: the photo in 佐证材料, its preview, then 销号.
  const office = await signInToLedger(browser, demo.url, 'office');
  await until(async () => (await office.page.evaluate((id) => /** @type {any} */ (document.querySelector('xc-rectification-tracker')).getItem(id)?.status, ITEM)) === 'pending-verification', 'the office sees the submitted item');
  await openItem(office.page);
  const name = await (await inAttachments(office.page, 'li.file .name')).evaluate((e) => e.textContent ?? '');
  assert.equal(name, '公告栏.jpg');
  await (await inAttachments(office.page, 'li.file button[data-act="preview"]')).click();
  await until(
    () =>
      office.page.evaluate(() => {
        const c = /** @type {HTMLCanvasElement | null | undefined} */ (
          document.querySelector('xc-rectification-tracker')?.shadowRoot?.querySelector('dialog.detail xc-attachments')?.shadowRoot?.querySelector('dialog[open] canvas')
        );
        // Drawn from the server's bytes: the photo's 4:3 shape (an empty canvas is 300 × 150).
        return !!c && Math.abs(c.width / c.height - 4 / 3) < 0.01;
      }),
    'the preview shows the photo',
  );
  await office.page.keyboard.press('Escape');
  await (await inTracker(office.page, 'dialog.detail [data-action="close"]')).click();
  await (await inTracker(office.page, 'dialog.detail #d-confirm-verifier')).type('王五');
  await (await inTracker(office.page, 'dialog.detail .action-form .confirm')).click();
  await until(async () => {
    const { ledger } = await office.page.evaluate(() => fetch('/api/ledgers/demo').then((r) => r.json()));
    const item = ledger.items.find((/** @type {any} */ i) => i.id === 'ZG-002');
    return item.status === 'closed' && item.verifier === '王五';
  }, 'the item closed (销号) on the server');
  assert.equal(uploads.length, 1, 'still one upload');
  assert.equal((await server.db.query('select count(*)::int as n from files')).rows[0].n, 1);

  for (const side of [clerk, office]) {
    assert.deepEqual(await side.page.evaluate(() => /** @type {any} */ (window).__violations), [], 'no CSP violation');
    assert.deepEqual(side.errors, [], 'no uncaught error');
  }
});

test('storage full: the photo is refused with a clear message, the record keeps what it had and still saves', { skip, timeout: 60000 }, async () => {
  const { browser, demo, server } = stack;
  const photo = await makePhoto();
  const clerk = await signInToLedger(browser, demo.url, 'clerk', { viewport: { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } });
  const page = clerk.page;
  const id = 'ZG-001';
  const before = await page.evaluate((id) => /** @type {any} */ (document.querySelector('xc-rectification-tracker')).getItem(id), id);
  const rows = (await server.db.query('select count(*)::int as n from files')).rows[0].n;
  // The browser's storage for the demo's origin: full (a quota of one byte).
  const cdp = await page.createCDPSession();
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: demo.url, quotaSize: 1 });

  await openItem(page, id);
  const add = await inTracker(page, 'dialog.detail xc-rectification-detail button[data-attach]');
  const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 15000 }), add.tap()]);
  await chooser.accept([photo]);
  const message = await page.waitForFunction(
    () => {
      const box = document.querySelector('xc-rectification-tracker')?.shadowRoot?.querySelector('dialog.detail xc-attachments')?.shadowRoot;
      const text = box?.textContent ?? '';
      return /存储空间已满/.test(text) ? text : null;
    },
    { timeout: 20000 },
  );
  assert.match(String(await message.jsonValue()), /公告栏\.jpg/, 'the message names the file');
  // The record keeps what it had: no file, the rest as it was.
  assert.deepEqual(await filesOf(page, id), []);
  const now = await page.evaluate((id) => /** @type {any} */ (document.querySelector('xc-rectification-tracker')).getItem(id), id);
  assert.deepEqual(now, before);
  // And it still saves: a measure typed now reaches the server.
  await page.evaluate((id) => /** @type {any} */ (document.querySelector('xc-rectification-tracker')).applyEdit(id, { measures: [{ id: 'm-quota', text: '存储已满时照常保存' }] }), id);
  await until(async () => {
    const { ledger } = await page.evaluate(() => fetch('/api/ledgers/demo').then((r) => r.json()));
    return ledger.items.find((/** @type {any} */ i) => i.id === 'ZG-001').measures?.some((/** @type {any} */ m) => m.id === 'm-quota');
  }, 'the record saved');
  assert.equal((await server.db.query('select count(*)::int as n from files')).rows[0].n, rows, 'nothing uploaded');
  assert.equal(await headerCount(page), '', 'nothing waiting');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: demo.url });
  assert.deepEqual(clerk.errors, [], 'no uncaught error');
});

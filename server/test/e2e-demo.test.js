// @ts-check
/**
 * The demo stack end to end (`npm start`: the reference back end + the demo portal on Vite, `/api`
 * proxied), in two browsers at once: the unit's clerk and the inspection office, each in its own
 * incognito context, signed in through the demo's login, on the same shared ledger.
 * - Different items edited at the same time: both edits are kept, and each side sees the other's
 *   change without a reload.
 * - The same item edited at the same time: never a silent overwrite: the edit the server did not
 *   take is shown in the "changed by someone else" banner (merge / reload), on that side.
 * - No Content-Security-Policy violation on the demo's pages (served with the back end's strict CSP).
 * Skips (with a message) when Chromium is not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { signInToLedger, skipWithoutChromium, startDemoStack } from './support/demo-stack.js';

const skip = skipWithoutChromium('the two-browser demo test');

/** @type {Awaited<ReturnType<typeof startDemoStack>>} */
let stack;
/** @type {import('puppeteer-core').Browser} */
let browser;
/** @type {{ url: string }} */
let demo;

before(async () => {
  if (skip) return;
  stack = await startDemoStack('xc-e2e-demo-');
  ({ browser, demo } = stack);
});

after(async () => {
  await stack?.close();
});

/** @param {string} account */
const signedIn = (account) => signInToLedger(browser, demo.url, account);

/** @param {import('puppeteer-core').Page} page @param {string} id @param {object} patch */
const edit = (page, id, patch) =>
  page.evaluate((id, patch) => {
    const t = /** @type {any} */ (document.querySelector('xc-rectification-tracker'));
    t.applyEdit(id, patch);
  }, id, patch);

/** What the page's tracker holds for an item. @param {import('puppeteer-core').Page} page @param {string} id */
const item = (page, id) => page.evaluate((id) => /** @type {any} */ (document.querySelector('xc-rectification-tracker')).getItem(id), id);

/** The server's ledger, read as this page's user. @param {import('puppeteer-core').Page} page */
const serverLedger = (page) => page.evaluate(() => fetch('/api/ledgers/demo').then((r) => r.json()));

/** @param {() => Promise<boolean>} f @param {string} what */
async function until(f, what, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await f()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out: ${what}`);
}

test('two browsers on one ledger: both edits kept or a conflict shown, never a silent overwrite; each sees the other live', { skip, timeout: 120000 }, async () => {
  const clerk = await signedIn('clerk');
  const office = await signedIn('office');
  // The header names who is signed in.
  assert.match(await clerk.page.$eval('.oa-user span', (e) => e.textContent ?? ''), /李四/);
  assert.match(await office.page.$eval('.oa-user span', (e) => e.textContent ?? ''), /王五/);

  // 1. Different items at the same time: the clerk reports progress on ZG-002, the office moves ZG-001's deadline.
  await Promise.all([edit(clerk.page, 'ZG-002', { progress: 40 }), edit(office.page, 'ZG-001', { deadline: '2027-01-15' })]);
  await until(async () => {
    const { ledger } = await serverLedger(office.page);
    return ledger.items.find((/** @type {any} */ i) => i.id === 'ZG-002').progress === 40 && ledger.items.find((/** @type {any} */ i) => i.id === 'ZG-001').deadline === '2027-01-15';
  }, 'both edits on the server');
  // Each sees the other's change, without a reload (the server's change events).
  await until(async () => (await item(clerk.page, 'ZG-001')).deadline === '2027-01-15', "the clerk sees the office's deadline");
  await until(async () => (await item(office.page, 'ZG-002')).progress === 40, "the office sees the clerk's progress");
  // Their own edits are still there too.
  assert.equal((await item(clerk.page, 'ZG-002')).progress, 40);
  assert.equal((await item(office.page, 'ZG-001')).deadline, '2027-01-15');

  // 2. The same item, the same field, at the same time.
  const mine = [{ id: 'm-clerk', text: '经办人：重新制定接待标准' }];
  const theirs = [{ id: 'm-office', text: '巡察办：责令退赔超标部分' }];
  await Promise.all([edit(clerk.page, 'ZG-002', { measures: mine }), edit(office.page, 'ZG-002', { measures: theirs })]);
  /** @param {import('puppeteer-core').Page} page */
  const banner = (page) =>
    page.evaluate(() => !!document.querySelector('xc-rectification-tracker')?.shadowRoot?.querySelector('.sync-conflict[part="conflict-banner"]'));
  await until(async () => {
    const { ledger } = await serverLedger(office.page);
    const text = ledger.items.find((/** @type {any} */ i) => i.id === 'ZG-002').measures.map((/** @type {any} */ m) => m.text).join();
    return text === mine[0].text || text === theirs[0].text;
  }, 'one of the two edits saved');
  // The side whose edit the server does not have shows the conflict banner (with its edit kept in it).
  await until(async () => {
    const { ledger } = await serverLedger(office.page);
    const stored = ledger.items.find((/** @type {any} */ i) => i.id === 'ZG-002').measures[0].text;
    const loser = stored === mine[0].text ? office.page : clerk.page;
    const lost = stored === mine[0].text ? theirs[0].text : mine[0].text;
    if (!(await banner(loser))) return false;
    // Nothing typed is lost: the losing side still holds its edit, and the banner names both values.
    const held = (await item(loser, 'ZG-002')).measures.map((/** @type {any} */ m) => m.text).join();
    const bannerText = await loser.evaluate(() => document.querySelector('xc-rectification-tracker')?.shadowRoot?.querySelector('.sync-conflict')?.textContent ?? '');
    return held.includes(lost) || bannerText.includes(lost);
  }, 'the conflict banner on the side whose edit was not taken, its edit not lost');

  for (const side of [clerk, office]) {
    assert.deepEqual(await side.page.evaluate(() => /** @type {any} */ (window).__violations), [], 'no CSP violation');
    assert.deepEqual(side.errors, [], 'no uncaught error');
  }
});

test('the viewer reads the shared ledger with a watermark of its name, and cannot change it', { skip, timeout: 60000 }, async () => {
  const viewer = await signedIn('viewer');
  await viewer.page.waitForFunction(() => !!document.querySelector('xc-rectification-tracker')?.shadowRoot?.querySelector('.xc-wm span'), { timeout: 15000 });
  const mark = await viewer.page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('xc-rectification-tracker')?.shadowRoot?.querySelector('.xc-wm span')).dataset.text ?? '');
  assert.match(mark, /^赵六 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  const role = await viewer.page.evaluate(() => /** @type {any} */ (document.querySelector('xc-rectification-tracker')).effectiveRole);
  assert.equal(role, 'viewer');
  assert.deepEqual(await viewer.page.evaluate(() => /** @type {any} */ (window).__violations), [], 'no CSP violation');
  assert.deepEqual(viewer.errors, []);
});

// @ts-check
/**
 * The reference back end through a real HTTP server on 127.0.0.1 (ephemeral port), against
 * embedded PGlite in a temporary data directory — or against PostgreSQL when DATABASE_URL is set.
 * Run: node --test server/test/   (needs dist/core.js: npm run build)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from '../main.js';
import { demoLedger } from '../seed.js';
import { migrate } from '../db.js';
import { CSP } from '../app.js';
import { createItem, decideExtension, editItem, effectiveDeadline, requestExtension, signAcceptance, transition, updateItem } from 'xc-elements/core';

const TODAY = '2026-12-01';
const SECRET = randomBytes(32).toString('hex');
const DATABASE_URL = process.env.DATABASE_URL || undefined;
/** Ledger ids of this run (the suite can run again against the same PostgreSQL). */
const RUN = randomBytes(4).toString('hex');
const MINE = `t-${RUN}-mine`;
const OTHER = `t-${RUN}-other`;

/** @type {string | undefined} */
let dataDir;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;

const start = () => startServer({ databaseUrl: DATABASE_URL, dataDir, secret: SECRET, today: () => TODAY, maxBodyBytes: 64 * 1024, seed: false, keepAliveMs: 200 });

before(async () => {
  if (!DATABASE_URL) dataDir = await mkdtemp(path.join(tmpdir(), 'xc-server-test-'));
  server = await start();
  const system = { id: 'system', name: 'system', role: 'system' };
  await server.store.createLedger(MINE, demoLedger('某乡人民政府'), system, 'seed');
  await server.store.createLedger(OTHER, demoLedger('某镇人民政府'), system, 'seed');
});

after(async () => {
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/**
 * A client with a cookie jar.
 * @param {string} [user] log in as this demo account first
 */
async function client(user) {
  /** @type {Map<string, string>} */
  const jar = new Map();
  let csrf = '';
  /**
   * @param {string} method @param {string} url
   * @param {{ body?: unknown, raw?: string, headers?: Record<string, string>, csrf?: string | null }} [o]
   */
  async function req(method, url, o = {}) {
    /** @type {Record<string, string>} */
    const headers = { ...(o.headers ?? {}) };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (o.body !== undefined || o.raw !== undefined) headers['content-type'] ??= 'application/json';
    const token = o.csrf === undefined ? csrf : o.csrf;
    if (method !== 'GET' && token) headers['x-csrf-token'] = token;
    const res = await fetch(server.url + url, { method, headers, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
  }
  const self = { req, jar, get csrf() { return csrf; } };
  if (user) {
    const r = await req('POST', '/api/login', { body: { user, password: 'demo' } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    csrf = r.json.csrf;
    assert.equal(jar.get('xc_csrf'), csrf, 'the CSRF token is also in its cookie (double submit)');
  }
  return self;
}

/** The ledger as stored now (read by the office). @param {string} id */
async function stored(id) {
  const office = await client('office');
  const r = await office.req('GET', `/api/ledgers/${id}`);
  assert.equal(r.status, 200);
  return r.json;
}

const AT = '2026-11-26T09:30:00+08:00';

test('GET returns the ledger with its version as ETag, and the security headers', async () => {
  const clerk = await client('clerk');
  const r = await clerk.req('GET', `/api/ledgers/${MINE}`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('etag'), '"1"');
  assert.equal(r.json.version, 1);
  assert.equal(r.json.ledger.items.length, 3);
  assert.equal(r.headers.get('content-security-policy'), CSP);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  const list = await clerk.req('GET', '/api/ledgers');
  assert.deepEqual(list.json.ledgers.map((/** @type {any} */ l) => l.id).filter((/** @type {string} */ id) => id.includes(RUN)), [MINE], 'a unit lists only its own ledgers');
});

test('a unit starts an item: saved as version 2, the new history entry stored as a row, audited', async () => {
  const clerk = await client('clerk');
  const { ledger } = await stored(MINE);
  const item = ledger.items[0];
  item.status = 'in-progress';
  item.history.push({ at: AT, by: '李四', role: 'unit', from: 'not-started', to: 'in-progress' });
  item.progress = 10;
  const r = await clerk.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: { 'if-match': '"1"' } });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.headers.get('etag'), '"2"');
  const rows = await server.store.historyRows(MINE);
  const zg1 = rows.filter((h) => h.itemId === 'ZG-001');
  assert.equal(zg1.length, 2);
  assert.deepEqual(zg1[1]?.entry, item.history[1]);
  const audit = await server.store.auditRows();
  assert.ok(audit.some((a) => a.user_id === 'clerk' && a.action === 'update-ledger' && a.target === `ledger:${MINE}` && a.outcome === 'accepted' && a.version === 2));
});

test('a stale write gets 409 with the current ledger and version, and changes nothing', async () => {
  const office = await client('office');
  const before = await stored(MINE);
  const ledger = structuredClone(before.ledger);
  ledger.items[0].deadline = '2027-03-31';
  const r = await office.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: { 'if-match': `"${before.version - 1}"` } });
  assert.equal(r.status, 409);
  assert.equal(r.json.version, before.version);
  assert.deepEqual(r.json.ledger, before.ledger);
  assert.equal(r.headers.get('etag'), `"${before.version}"`);
  assert.deepEqual(await stored(MINE), before);
  const missing = await office.req('PUT', `/api/ledgers/${MINE}`, { body: ledger });
  assert.equal(missing.status, 428, 'a write without If-Match is refused');
});

test('two writes racing from the same version: one is saved, the other gets 409', async () => {
  const office = await client('office');
  const before = await stored(MINE);
  const a = structuredClone(before.ledger);
  a.items[0].deadline = '2027-02-28';
  const b = structuredClone(before.ledger);
  b.items[0].deadline = '2027-03-31';
  const h = { 'if-match': `"${before.version}"` };
  const results = await Promise.all([office.req('PUT', `/api/ledgers/${MINE}`, { body: a, headers: h }), office.req('PUT', `/api/ledgers/${MINE}`, { body: b, headers: h })]);
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
  const winner = results.find((r) => r.status === 200);
  const now = await stored(MINE);
  assert.equal(now.version, before.version + 1);
  assert.deepEqual(now.ledger, winner?.json.ledger);
});

test('forged: a unit closing an item is refused (403) with translated reasons, nothing stored', async () => {
  const clerk = await client('clerk');
  const before = await stored(MINE);
  const ledger = structuredClone(before.ledger);
  const item = ledger.items.find((/** @type {any} */ i) => i.status === 'pending-verification');
  Object.assign(item, { status: 'closed', verifier: '李四', closedAt: AT, progress: 100 });
  item.history.push({ at: AT, by: '李四', role: 'office', from: 'pending-verification', to: 'closed' });
  const zh = await clerk.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: { 'if-match': `"${before.version}"` } });
  assert.equal(zh.status, 403);
  assert.equal(zh.json.reasons[0].code, 'transition');
  assert.equal(zh.json.reasons[0].message, '条目 ZG-003：被巡察单位不能将条目从“待验收”改为“已销号”。');
  const en = await clerk.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: { 'if-match': `"${before.version}"`, 'accept-language': 'en-GB,en;q=0.9' } });
  assert.equal(en.status, 403);
  assert.match(en.json.reasons[0].message, /^Item ZG-003: The inspected unit may not move the item/);
  assert.deepEqual(await stored(MINE), before);
  const audit = await server.store.auditRows();
  assert.ok(audit.some((a) => a.user_id === 'clerk' && a.outcome === 'refused' && a.target === `ledger:${MINE}`));
});

test('forged: rewriting or shortening history is refused, nothing stored', async () => {
  const office = await client('office');
  const before = await stored(MINE);
  const rewritten = structuredClone(before.ledger);
  rewritten.items[1].history[0].by = '别人';
  const r1 = await office.req('PUT', `/api/ledgers/${MINE}`, { body: rewritten, headers: { 'if-match': `"${before.version}"` } });
  assert.equal(r1.status, 403);
  assert.deepEqual(r1.json.reasons.map((/** @type {any} */ x) => x.code), ['history']);
  const shortened = structuredClone(before.ledger);
  shortened.items[1].history.pop();
  shortened.items[1].status = 'not-started';
  const r2 = await office.req('PUT', `/api/ledgers/${MINE}`, { body: shortened, headers: { 'if-match': `"${before.version}"` } });
  assert.equal(r2.status, 403);
  const removed = { ...structuredClone(before.ledger), items: before.ledger.items.slice(1) };
  const r3 = await office.req('PUT', `/api/ledgers/${MINE}`, { body: removed, headers: { 'if-match': `"${before.version}"` } });
  assert.equal(r3.status, 403);
  assert.deepEqual(r3.json.reasons.map((/** @type {any} */ x) => x.code), ['removed']);
  assert.deepEqual(await stored(MINE), before);
  // The database refuses it too, whatever code runs against it.
  await assert.rejects(server.db.query('update ledger_history set entry = $1 where ledger_id = $2', ['{}', MINE]), /append-only/);
  await assert.rejects(server.db.query('delete from audit_log'), /append-only/);
});

test('forged: a unit can neither read nor change another unit’s ledger', async () => {
  const clerk = await client('clerk');
  const before = await stored(OTHER);
  const r = await clerk.req('GET', `/api/ledgers/${OTHER}`);
  assert.equal(r.status, 404);
  assert.equal(r.json.ledger, undefined);
  const ledger = structuredClone(before.ledger);
  ledger.items[0].progress = 50;
  const w = await clerk.req('PUT', `/api/ledgers/${OTHER}`, { body: ledger, headers: { 'if-match': `"${before.version}"` } });
  assert.equal(w.status, 404);
  const stale = await clerk.req('PUT', `/api/ledgers/${OTHER}`, { body: ledger, headers: { 'if-match': '"99"' } });
  assert.equal(stale.status, 404, 'not even a stale write shows it');
  assert.equal(stale.json.ledger, undefined);
  assert.deepEqual(await stored(OTHER), before);
});

test('forged: a missing or wrong CSRF token, an oversized body, a viewer, a bad shape — all refused, nothing stored', async () => {
  const clerk = await client('clerk');
  const before = await stored(MINE);
  const ledger = structuredClone(before.ledger);
  ledger.items[1].progress = 77;
  const h = { 'if-match': `"${before.version}"` };
  assert.equal((await clerk.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: h, csrf: null })).status, 403);
  const bad = await clerk.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: h, csrf: 'x'.repeat(32) });
  assert.equal(bad.status, 403);
  assert.equal(bad.json.error, 'csrf');
  const big = structuredClone(ledger);
  big.items[1].measures = [{ id: 'm1', text: '字'.repeat(40_000) }];
  const tooBig = await clerk.req('PUT', `/api/ledgers/${MINE}`, { body: big, headers: h });
  assert.equal(tooBig.status, 413);
  const viewer = await client('viewer');
  assert.equal((await viewer.req('GET', `/api/ledgers/${MINE}`)).status, 200, 'a viewer reads');
  assert.equal((await viewer.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: h })).status, 403);
  assert.equal((await clerk.req('PUT', `/api/ledgers/${MINE}`, { body: { version: 1, items: 'x' }, headers: h })).status, 422);
  assert.equal((await clerk.req('PUT', `/api/ledgers/${MINE}`, { raw: '{"version":', headers: h })).status, 400);
  assert.equal((await clerk.req('PUT', `/api/ledgers/${MINE}`, { raw: JSON.stringify(ledger), headers: { ...h, 'content-type': 'text/plain' } })).status, 415);
  const anonymous = await client();
  assert.equal((await anonymous.req('GET', `/api/ledgers/${MINE}`)).status, 401);
  const forgedCookie = await client();
  forgedCookie.jar.set('xc_session', `${Buffer.from(JSON.stringify({ u: 'office', t: 'x', e: 9e15 })).toString('base64url')}.AAAA`);
  assert.equal((await forgedCookie.req('GET', `/api/ledgers/${MINE}`)).status, 401);
  assert.equal((await clerk.req('POST', '/api/login', { body: { user: 'office', password: 'wrong' } })).status, 401);
  assert.deepEqual(await stored(MINE), before);
  // With the right token the same change goes through.
  assert.equal((await clerk.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: h })).status, 200);
});

/** A new ledger of this run (a demo ledger of `unit`, plus `extra` items), stored directly. @param {string} name @param {string} [unit] @param {any[]} [extra] */
async function fresh(name, unit = '某乡人民政府', extra = []) {
  const id = `t-${RUN}-${name}`;
  const ledger = demoLedger(unit);
  ledger.items.push(...extra);
  await server.store.createLedger(id, ledger, { id: 'system', name: 'system', role: 'system' }, 'seed');
  return id;
}

/** An item of a ledger as stored now. @param {string} id @param {string} itemId */
async function storedItem(id, itemId) {
  return structuredClone((await stored(id)).ledger.items.find((/** @type {any} */ i) => i.id === itemId));
}

const itemUrl = (/** @type {string} */ id, /** @type {string} */ itemId) => `/api/ledgers/${id}/items/${encodeURIComponent(itemId)}`;

test('item write: PUT one item with If-Match → 200 {id, version, item} and ETag, its history row and audit row; GET If-None-Match → 304 until it changes', async () => {
  const id = await fresh('item');
  const clerk = await client('clerk');
  const first = await clerk.req('GET', `/api/ledgers/${id}`);
  assert.equal(first.headers.get('etag'), '"1"');
  const same = await clerk.req('GET', `/api/ledgers/${id}`, { headers: { 'if-none-match': '"1"' } });
  assert.equal(same.status, 304);
  assert.equal(same.headers.get('etag'), '"1"');
  assert.equal(same.json, null, 'no body');
  const item = structuredClone(first.json.ledger.items[0]);
  item.status = 'in-progress';
  item.history.push({ at: AT, by: '李四', role: 'unit', from: 'not-started', to: 'in-progress' });
  item.progress = 10;
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-001'), { body: item })).status, 428, 'If-Match is required');
  const w = await clerk.req('PUT', itemUrl(id, 'ZG-001'), { body: item, headers: { 'if-match': '"1"' } });
  assert.equal(w.status, 200, JSON.stringify(w.json));
  assert.equal(w.headers.get('etag'), '"2"');
  assert.deepEqual(w.json, { id, version: 2, item });
  const rows = (await server.store.historyRows(id)).filter((h) => h.itemId === 'ZG-001');
  assert.deepEqual(rows.map((h) => [h.seq, h.version]), [[0, 1], [1, 2]]);
  assert.deepEqual(rows[1]?.entry, item.history[1]);
  const audit = await server.store.auditRows();
  assert.ok(audit.some((a) => a.user_id === 'clerk' && a.action === 'update-item' && a.target === `ledger:${id}` && a.outcome === 'accepted' && a.version === 2 && a.detail?.item === 'ZG-001'));
  const changed = await clerk.req('GET', `/api/ledgers/${id}`, { headers: { 'if-none-match': '"1"' } });
  assert.equal(changed.status, 200);
  assert.equal(changed.json.version, 2);
  assert.deepEqual(changed.json.ledger.items[0], item);
  assert.deepEqual(changed.json.ledger.items.map((/** @type {any} */ i) => i.id), ['ZG-001', 'ZG-002', 'ZG-003'], 'items keep their order');
  const again = await clerk.req('PUT', itemUrl(id, 'ZG-001'), { body: item, headers: { 'if-match': '"2"' } });
  assert.deepEqual([again.status, again.json.version], [200, 2], 'the same item again changes nothing');
  // A new item: the office only, appended.
  const office = await client('office');
  const added = createItem({ problem: { text: '新发现的问题' } }, { id: 'ZG-004', by: '王五', role: 'office', at: AT });
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-004'), { body: added, headers: { 'if-match': '"2"' } })).status, 403);
  const made = await office.req('PUT', itemUrl(id, 'ZG-004'), { body: added, headers: { 'if-match': '"2"' } });
  assert.equal(made.status, 200, JSON.stringify(made.json));
  assert.deepEqual((await stored(id)).ledger.items.map((/** @type {any} */ i) => i.id), ['ZG-001', 'ZG-002', 'ZG-003', 'ZG-004']);
});

test('item writes: different items edited from the same version never conflict; a stale edit of the same item gets 409 with the current version and ledger', async () => {
  const id = await fresh('items-race');
  const office = await client('office');
  const clerk = await client('clerk');
  const base = await stored(id);
  const h = { 'if-match': `"${base.version}"` };
  const a = structuredClone(base.ledger.items[0]);
  a.deadline = '2027-01-31';
  const b = structuredClone(base.ledger.items[1]);
  b.progress = 40;
  const wa = await office.req('PUT', itemUrl(id, 'ZG-001'), { body: a, headers: h });
  const wb = await clerk.req('PUT', itemUrl(id, 'ZG-002'), { body: b, headers: h });
  assert.deepEqual([wa.status, wb.status], [200, 200], JSON.stringify([wa.json, wb.json]));
  assert.deepEqual([wa.json.version, wb.json.version], [base.version + 1, base.version + 2]);
  // The clerk edits ZG-001 from the version it read before the office's edit of that item.
  const stale = structuredClone(base.ledger.items[0]);
  stale.progress = 5;
  const before = await stored(id);
  const r = await clerk.req('PUT', itemUrl(id, 'ZG-001'), { body: stale, headers: h });
  assert.equal(r.status, 409);
  assert.equal(r.json.error, 'stale');
  assert.equal(r.json.version, base.version + 2);
  assert.equal(r.headers.get('etag'), `"${base.version + 2}"`);
  assert.deepEqual(r.json.ledger, before.ledger);
  assert.deepEqual(r.json.item, a, 'the item as it is now, to merge with');
  assert.deepEqual(await stored(id), before, 'nothing stored');
  // Merged onto the current version, it goes through.
  const merged = { ...a, progress: 5 };
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-001'), { body: merged, headers: { 'if-match': `"${r.json.version}"` } })).status, 200);
  // Two writes of one item racing from one version: one saved, one 409.
  const now = await stored(id);
  const x = { ...structuredClone(now.ledger.items[2]), verifier: '甲' };
  const y = { ...structuredClone(now.ledger.items[2]), verifier: '乙' };
  const hh = { 'if-match': `"${now.version}"` };
  const results = await Promise.all([office.req('PUT', itemUrl(id, 'ZG-003'), { body: x, headers: hh }), office.req('PUT', itemUrl(id, 'ZG-003'), { body: y, headers: hh })]);
  assert.deepEqual(results.map((q) => q.status).sort(), [200, 409]);
  const winner = results.find((q) => q.status === 200)?.json.item;
  assert.deepEqual(await storedItem(id, 'ZG-003'), winner);
  // A version the ledger has not reached is not a base to write on.
  assert.equal((await office.req('PUT', itemUrl(id, 'ZG-003'), { body: x, headers: { 'if-match': '"999"' } })).status, 409);
});

test('forged item writes: a unit closing an item, rewritten history, another unit’s item or ledger, a unit adding an item, bad CSRF, a viewer — refused, nothing stored', async () => {
  const foreign = createItem({ problem: { text: '镇里的问题' }, unit: '某镇人民政府' }, { id: 'ZG-009', by: '王五', role: 'office', at: '2026-11-02T09:00:00+08:00' });
  const id = await fresh('items-forged', '某乡人民政府', [foreign]);
  const other = await fresh('items-forged-other', '某镇人民政府');
  const clerk = await client('clerk');
  const before = await stored(id);
  const beforeOther = await stored(other);
  const history = await server.store.historyRows(id);
  const accepted = (await server.store.auditRows()).filter((a) => a.outcome === 'accepted' && a.target === `ledger:${id}`).length;
  const h = { 'if-match': `"${before.version}"` };

  const closing = structuredClone(before.ledger.items[2]);
  Object.assign(closing, { status: 'closed', verifier: '李四', closedAt: AT, progress: 100 });
  closing.history.push({ at: AT, by: '李四', role: 'office', from: 'pending-verification', to: 'closed' });
  const r1 = await clerk.req('PUT', itemUrl(id, 'ZG-003'), { body: closing, headers: h });
  assert.equal(r1.status, 403);
  assert.equal(r1.json.error, 'refused');
  assert.deepEqual(r1.json.reasons.map((/** @type {any} */ x) => x.code), ['transition']);
  assert.equal(r1.json.reasons[0].message, '条目 ZG-003：被巡察单位不能将条目从“待验收”改为“已销号”。');

  const rewritten = structuredClone(before.ledger.items[1]);
  rewritten.history[0].by = '别人';
  const r2 = await clerk.req('PUT', itemUrl(id, 'ZG-002'), { body: rewritten, headers: h });
  assert.deepEqual([r2.status, r2.json.reasons.map((/** @type {any} */ x) => x.code)], [403, ['history']]);
  const cut = structuredClone(before.ledger.items[1]);
  cut.history.pop();
  cut.status = 'not-started';
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-002'), { body: cut, headers: h })).status, 403);

  const theirs = structuredClone(before.ledger.items[3]);
  theirs.progress = 50;
  const r3 = await clerk.req('PUT', itemUrl(id, 'ZG-009'), { body: theirs, headers: h });
  assert.deepEqual([r3.status, r3.json.reasons?.[0]?.code], [403, 'unit'], 'an item of another unit');

  const otherItem = structuredClone(beforeOther.ledger.items[1]);
  otherItem.progress = 60;
  const r4 = await clerk.req('PUT', itemUrl(other, 'ZG-002'), { body: otherItem, headers: { 'if-match': `"${beforeOther.version}"` } });
  assert.equal(r4.status, 404, 'another unit’s ledger is not found');
  const r5 = await clerk.req('PUT', itemUrl(other, 'ZG-002'), { body: otherItem, headers: { 'if-match': '"0"' } });
  assert.equal(r5.status, 404, 'not even a stale write shows it');
  assert.equal(r5.json.ledger, undefined);

  const added = createItem({ problem: { text: '单位自己加的' } }, { id: 'ZG-010', by: '李四', role: 'unit', at: AT });
  assert.deepEqual((await clerk.req('PUT', itemUrl(id, 'ZG-010'), { body: added, headers: h })).json.reasons.map((/** @type {any} */ x) => x.code), ['create']);

  const edit = structuredClone(before.ledger.items[1]);
  edit.progress = 66;
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-002'), { body: edit, headers: h, csrf: null })).status, 403, 'no CSRF token');
  const bad = await clerk.req('PUT', itemUrl(id, 'ZG-002'), { body: edit, headers: h, csrf: 'x'.repeat(32) });
  assert.deepEqual([bad.status, bad.json.error], [403, 'csrf']);
  const viewer = await client('viewer');
  assert.deepEqual((await viewer.req('PUT', itemUrl(id, 'ZG-002'), { body: edit, headers: h })).json, { error: 'read-only' });
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-001'), { body: edit, headers: h })).status, 400, 'the body names another item than the URL');
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-002'), { body: [edit], headers: h })).status, 422);
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-002'), { raw: JSON.stringify(edit), headers: { ...h, 'content-type': 'text/plain' } })).status, 415);
  const anonymous = await client();
  assert.equal((await anonymous.req('PUT', itemUrl(id, 'ZG-002'), { body: edit, headers: h })).status, 401);

  assert.deepEqual(await stored(id), before);
  assert.deepEqual(await stored(other), beforeOther);
  assert.deepEqual(await server.store.historyRows(id), history);
  const audit = (await server.store.auditRows()).filter((a) => a.target === `ledger:${id}`);
  assert.equal(audit.filter((a) => a.outcome === 'accepted').length, accepted, 'no write accepted');
  assert.ok(audit.some((a) => a.user_id === 'clerk' && a.action === 'update-item' && a.outcome === 'refused' && a.detail?.item === 'ZG-003'));
  // With the right token the same edit goes through.
  assert.equal((await clerk.req('PUT', itemUrl(id, 'ZG-002'), { body: edit, headers: h })).status, 200);
});

test('the rules the tracker checks are the server’s too: a backdated history entry and an item off the ledger schema are 422, nothing stored', async () => {
  const id = await fresh('items-rules');
  const clerk = await client('clerk');
  const before = await stored(id);
  const h = { 'if-match': `"${before.version}"` };
  const back = structuredClone(before.ledger.items[0]);
  back.status = 'in-progress';
  back.history.push({ at: '2026-10-20T09:00:00+08:00', by: '李四', role: 'unit', from: 'not-started', to: 'in-progress' });
  const r1 = await clerk.req('PUT', itemUrl(id, 'ZG-001'), { body: back, headers: h });
  assert.equal(r1.status, 422, JSON.stringify(r1.json));
  assert.deepEqual(r1.json.reasons.map((/** @type {any} */ x) => x.code), ['backdated']);
  assert.equal(r1.json.reasons[0].message, '条目 ZG-001：历史记录的日期（2026-10-20）早于前一条记录（2026-11-02）。');
  const off = structuredClone(before.ledger.items[1]);
  off.responsibility = { department: '党政办', boss: '张三' };
  const r2 = await clerk.req('PUT', itemUrl(id, 'ZG-002'), { body: off, headers: h });
  assert.equal(r2.status, 422, JSON.stringify(r2.json));
  assert.deepEqual(r2.json.reasons.map((/** @type {any} */ x) => [x.code, x.itemId, x.field]), [['schema', 'ZG-002', 'responsibility']]);
  // The whole-ledger write is checked the same way.
  const ledger = structuredClone(before.ledger);
  ledger.items[1] = off;
  const r3 = await clerk.req('PUT', `/api/ledgers/${id}`, { body: ledger, headers: h });
  assert.deepEqual([r3.status, r3.json.reasons?.[0]?.code], [422, 'schema']);
  assert.deepEqual(await stored(id), before);
});

/**
 * Open a ledger's event stream as `cl` and collect its events.
 * @param {{ jar: Map<string, string> }} cl @param {string} id @param {string} [url] another server
 */
async function openEvents(cl, id, url = server.url) {
  const ac = new AbortController();
  const res = await fetch(`${url}/api/ledgers/${id}/events`, { headers: { cookie: [...cl.jar].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: ac.signal });
  /** @type {{ event?: string, data?: string, id?: string, retry?: string, comment?: string }[]} */
  const blocks = [];
  /** @type {(() => void)[]} */
  let wake = [];
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let buf = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += dec.decode(value, { stream: true });
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            /** @type {Record<string, string>} */
            const block = {};
            for (const line of buf.slice(0, i).split('\n')) {
              if (line.startsWith(':')) block.comment = line.slice(1).trim();
              else {
                const j = line.indexOf(':');
                block[line.slice(0, j)] = line.slice(j + 1).trimStart();
              }
            }
            buf = buf.slice(i + 2);
            blocks.push(block);
            for (const w of wake) w();
            wake = [];
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: res.status,
    headers: res.headers,
    blocks,
    /** The change events received so far. */
    changes: () => blocks.filter((b) => b.event === 'change').map((b) => JSON.parse(b.data ?? 'null')),
    /** Wait until `pred` holds (at most 5 s). @param {() => boolean} pred */
    async until(pred) {
      const end = Date.now() + 5000;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timed out; received ${JSON.stringify(blocks)}`);
        await new Promise((resolve) => {
          wake.push(() => resolve(undefined));
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => ac.abort(),
  };
}

test('events: a unit hears every change of its own ledger (version, item ids, who) and never another unit’s; retry and keep-alive lines', async () => {
  const mine = await fresh('events');
  const theirs = await fresh('events-other', '某镇人民政府');
  const clerk = await client('clerk');
  const office = await client('office');
  assert.equal((await openEvents(clerk, theirs)).status, 404, 'another unit’s ledger has no events for it');
  const anonymous = await client();
  assert.equal((await openEvents(anonymous, mine)).status, 401);
  const stream = await openEvents(clerk, mine);
  const control = await openEvents(office, theirs);
  try {
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
    await stream.until(() => stream.blocks.some((b) => b.retry === '3000'));
    await stream.until(() => stream.blocks.some((b) => b.comment === 'keep-alive'));
    await stream.until(() => server.hub.count(mine) === 1 && server.hub.count(theirs) === 1);
    // The office changes the other unit's ledger, then this one (an item, then the whole ledger).
    const o = await stored(theirs);
    const oi = { ...o.ledger.items[0], deadline: '2027-05-31' };
    assert.equal((await office.req('PUT', itemUrl(theirs, 'ZG-001'), { body: oi, headers: { 'if-match': `"${o.version}"` } })).status, 200);
    await control.until(() => control.changes().length === 1);
    const m = await stored(mine);
    const mi = { ...m.ledger.items[1], deadline: '2027-04-30' };
    const w1 = await office.req('PUT', itemUrl(mine, 'ZG-002'), { body: mi, headers: { 'if-match': `"${m.version}"` } });
    assert.equal(w1.status, 200);
    const whole = structuredClone((await stored(mine)).ledger);
    whole.title = '改名后的台账';
    whole.items[0].deadline = '2027-03-31';
    const w2 = await office.req('PUT', `/api/ledgers/${mine}`, { body: whole, headers: { 'if-match': `"${w1.json.version}"` } });
    assert.equal(w2.status, 200);
    await stream.until(() => stream.changes().length === 2);
    assert.deepEqual(stream.changes(), [
      { version: w1.json.version, itemIds: ['ZG-002'], by: '王五' },
      { version: w2.json.version, itemIds: ['ZG-001'], by: '王五' },
    ]);
    assert.deepEqual(control.changes(), [{ version: o.version + 1, itemIds: ['ZG-001'], by: '王五' }]);
    assert.equal(stream.blocks.find((b) => b.event === 'change')?.id, String(w1.json.version), 'the event id is the version');
    // A refused write tells nobody.
    const refused = { ...(await storedItem(mine, 'ZG-003')), progress: 1 };
    assert.equal((await clerk.req('PUT', itemUrl(mine, 'ZG-003'), { body: refused, headers: { 'if-match': `"${w2.json.version}"` } })).status, 403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(stream.changes().length, 2);
    assert.ok(stream.changes().every((c) => c.version <= w2.json.version));
  } finally {
    stream.close();
    control.close();
  }
  // Leaving unsubscribes.
  await stream.until(() => server.hub.count(mine) === 0 && server.hub.count(theirs) === 0);
});

test('events between server processes: a change saved through one process is heard on another (PostgreSQL LISTEN/NOTIFY)', { skip: !DATABASE_URL && 'PGlite serves one process' }, async () => {
  const id = await fresh('events-pg');
  const second = await startServer({ databaseUrl: DATABASE_URL, secret: SECRET, today: () => TODAY, seed: false });
  try {
    const clerk = await client('clerk');
    const office = await client('office');
    const stream = await openEvents(clerk, id, second.url);
    try {
      assert.equal(stream.status, 200);
      await stream.until(() => second.hub.count(id) === 1);
      // LISTEN runs on a connection of its own: give it a moment to be in place.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const m = await stored(id);
      const w = await office.req('PUT', itemUrl(id, 'ZG-002'), { body: { ...m.ledger.items[1], deadline: '2027-04-30' }, headers: { 'if-match': `"${m.version}"` } });
      assert.equal(w.status, 200);
      await stream.until(() => stream.changes().length === 1);
      assert.deepEqual(stream.changes(), [{ version: w.json.version, itemIds: ['ZG-002'], by: '王五' }]);
    } finally {
      stream.close();
    }
    // A change of so many items that their ids do not fit a NOTIFY payload (8000 bytes): the other
    // process reads them from the database.
    const many = Array.from({ length: 60 }, (_, i) => createItem({ problem: { text: `问题${i}` } }, { id: `${'长'.repeat(60)}-${String(i).padStart(3, '0')}`, by: '王五', role: 'office', at: AT }));
    const big = await fresh('events-pg-many', '某乡人民政府', many);
    const bigStream = await openEvents(clerk, big, second.url);
    try {
      await bigStream.until(() => second.hub.count(big) === 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = await stored(big);
      const ledger = structuredClone(now.ledger);
      for (const item of ledger.items) item.deadline = '2027-06-30';
      const w = await office.req('PUT', `/api/ledgers/${big}`, { body: ledger, headers: { 'if-match': `"${now.version}"` } });
      assert.equal(w.status, 200, JSON.stringify(w.json));
      await bigStream.until(() => bigStream.changes().length === 1);
      assert.deepEqual(bigStream.changes()[0].itemIds, ledger.items.map((/** @type {any} */ i) => i.id));
      assert.ok(Buffer.byteLength(JSON.stringify(bigStream.changes()[0])) > 8000);
    } finally {
      bigStream.close();
    }
  } finally {
    await second.close();
  }
});

test('GET /api/drafts lists the user’s own draft keys', async () => {
  const clerk = await client('clerk');
  const office = await client('office');
  const draft = { value: { a: 1 }, savedAt: 1764547200000 };
  assert.equal((await clerk.req('PUT', `/api/drafts/list-${RUN}`, { body: draft })).status, 204);
  const mine = await clerk.req('GET', '/api/drafts');
  assert.ok(mine.json.drafts.some((/** @type {any} */ d) => d.key === `list-${RUN}` && typeof d.updatedAt === 'string'));
  const theirs = await office.req('GET', '/api/drafts');
  assert.ok(!theirs.json.drafts.some((/** @type {any} */ d) => d.key === `list-${RUN}`));
});

test('the office creates a ledger with If-None-Match: *; a unit may not', async () => {
  const id = `t-${RUN}-new`;
  const ledger = {
    version: 1,
    title: '新台账',
    unit: '某乡人民政府',
    items: [{ id: 'ZG-001', problem: { text: '新问题' }, measures: [], responsibility: {}, kind: 'immediate', progress: 0, evidence: [], status: 'not-started', history: [{ at: AT, by: '王五', role: 'office', from: null, to: 'not-started' }] }],
  };
  const clerk = await client('clerk');
  assert.equal((await clerk.req('PUT', `/api/ledgers/${id}`, { body: ledger, headers: { 'if-none-match': '*' } })).status, 403);
  const office = await client('office');
  const r = await office.req('PUT', `/api/ledgers/${id}`, { body: ledger, headers: { 'if-none-match': '*' } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.headers.get('etag'), '"1"');
  assert.equal((await office.req('PUT', `/api/ledgers/${id}`, { body: ledger, headers: { 'if-none-match': '*' } })).status, 412);
  assert.equal((await clerk.req('GET', `/api/ledgers/${id}`)).status, 200, 'the unit reads its new ledger');
});

test('drafts are kept per user: PUT, GET, DELETE; another user sees none; shapes checked', async () => {
  const clerk = await client('clerk');
  const office = await client('office');
  const draft = { value: { items: { '1.1': { finding: 'problem' } } }, savedAt: 1764547200000, templateVersion: '2025.1', writer: 'w1' };
  assert.equal((await clerk.req('PUT', '/api/drafts/checklist:demo', { body: draft })).status, 204);
  assert.deepEqual((await clerk.req('GET', '/api/drafts/checklist:demo')).json, draft);
  assert.equal((await office.req('GET', '/api/drafts/checklist:demo')).status, 404);
  assert.equal((await clerk.req('PUT', '/api/drafts/checklist:demo', { body: { value: 1 } })).status, 400, 'savedAt is required');
  assert.equal((await clerk.req('PUT', '/api/drafts/checklist:demo', { body: { ...draft, extra: 1 } })).status, 400);
  assert.equal((await clerk.req('PUT', '/api/drafts/..%2Fx', { body: draft })).status, 400);
  assert.equal((await clerk.req('PUT', '/api/drafts/checklist:demo', { body: draft, csrf: null })).status, 403);
  assert.equal((await clerk.req('DELETE', '/api/drafts/checklist:demo')).status, 204);
  assert.equal((await clerk.req('GET', '/api/drafts/checklist:demo')).status, 404);
});

/** Write one item as `who` from the version its copy comes from. @param {any} who @param {string} id @param {any} item */
async function putItem(who, id, item) {
  const { version } = await stored(id);
  return who.req('PUT', itemUrl(id, item.id), { body: item, headers: { 'if-match': `"${version}"` } });
}
const codesOf = (/** @type {any} */ r) => (r.json?.reasons ?? []).map((/** @type {any} */ x) => x.code);
const asUnit = { by: '李四', role: /** @type {const} */ ('unit'), at: AT };
const asOffice = { by: '王五', role: /** @type {const} */ ('office'), at: '2026-11-27T10:00:00+08:00' };

test('change log: an edit saved with its entry; one without it on an item that keeps a log, or with a forged entry, is refused (403), nothing stored', async () => {
  const id = await fresh('changes');
  const clerk = await client('clerk');
  // Measures with their own 责任人 and 时限: the progress follows them (one of two done: 50).
  const measures = [
    { id: 'm1', text: '退缴超标准费用', person: '李四', deadline: '2026-12-10', done: true },
    { id: 'm2', text: '修订公务接待办法', person: '张三', deadline: '2026-12-31' },
  ];
  const logged = editItem(await storedItem(id, 'ZG-002'), { measures }, asUnit);
  const ok = await putItem(clerk, id, logged);
  assert.equal(ok.status, 200, JSON.stringify(ok.json));
  const saved = await storedItem(id, 'ZG-002');
  assert.equal(saved.progress, 50);
  assert.deepEqual(saved.changes.map((/** @type {any} */ c) => [c.path.join('.'), c.by, c.role]), [['measures.m1', '李四', 'unit'], ['measures.m2', '李四', 'unit'], ['progress', '李四', 'unit']]);
  const before = await stored(id);
  // The item keeps a log now: an edit without its entry is refused.
  const unlogged = updateItem(logged, { progress: 60 }, 'unit');
  const r1 = await putItem(clerk, id, unlogged);
  assert.equal(r1.status, 403);
  assert.deepEqual(codesOf(r1), ['change-log']);
  assert.equal(r1.json.reasons[0].message, '条目 ZG-002：“整改进度（%）”被修改，但没有记录这次修改的修改记录。');
  // An entry said to be another user's, or an entry rewritten.
  // (Progress follows the measures here, so a typed progress is no edit: the forged entry names the 责任人.)
  const forged = editItem(logged, { responsibility: { ...logged.responsibility, person: '赵六' } }, { ...asUnit, by: '王五' });
  assert.deepEqual(codesOf(await putItem(clerk, id, forged)), ['change-log']);
  const rewritten = /** @type {any} */ (structuredClone(editItem(logged, { progress: 60 }, asUnit)));
  rewritten.changes[0].after.text = '改写过的措施';
  assert.deepEqual(codesOf(await putItem(clerk, id, rewritten)), ['change-log']);
  assert.deepEqual(await stored(id), before);
});

test('延期: the unit asks, a unit approving its own request is refused (403), the office approves and the deadline that counts moves', async () => {
  const id = await fresh('extension');
  const clerk = await client('clerk');
  const office = await client('office');
  const asked = requestExtension(await storedItem(id, 'ZG-002'), { deadline: '2027-01-31', reason: '退缴需经财政审批' }, asUnit);
  assert.equal((await putItem(clerk, id, asked)).status, 200);
  const self = /** @type {any} */ (decideExtension(asked, { approved: true }, { ...asOffice, by: '李四' }));
  self.extensions[0].decision.role = 'unit';
  const before = await stored(id);
  const r = await putItem(clerk, id, self);
  assert.equal(r.status, 403);
  assert.deepEqual(codesOf(r), ['extension']);
  assert.equal(r.json.reasons[0].message, '条目 ZG-002：被巡察单位不能审批延期申请；延期由巡察办审批。');
  assert.deepEqual(await stored(id), before);
  // The office may not ask in the unit's stead either.
  const byOffice = /** @type {any} */ (requestExtension(await storedItem(id, 'ZG-001'), { deadline: '2027-01-31', reason: '代为申请' }, asUnit));
  Object.assign(byOffice.extensions[0], { by: '王五', role: 'office' });
  assert.deepEqual(codesOf(await putItem(office, id, byOffice)), ['extension']);
  const approved = decideExtension(asked, { approved: true, comment: '同意延期至1月底' }, asOffice);
  const w = await putItem(office, id, approved);
  assert.equal(w.status, 200, JSON.stringify(w.json));
  const now = await storedItem(id, 'ZG-002');
  assert.equal(now.deadline, '2026-12-15', 'the original deadline stays');
  assert.equal(effectiveDeadline(now), '2027-01-31');
});

test('验收: 销号 before every party of the ledger has passed is refused (403); each party signs for itself; then the office closes', async () => {
  const id = `t-${RUN}-acceptance`;
  const ledger = {
    ...demoLedger('某乡人民政府'),
    acceptanceParties: [
      { id: 'office', name: '巡察办' },
      { id: 'team', name: '巡察组' },
      { id: 'dept', name: '主管部门', roles: ['unit'] },
    ],
  };
  await server.store.createLedger(id, ledger, { id: 'system', name: 'system', role: 'system' }, 'seed');
  const parties = ledger.acceptanceParties;
  const clerk = await client('clerk');
  const office = await client('office');
  const sig = (/** @type {any} */ item, /** @type {string} */ party, /** @type {any} */ who) =>
    signAcceptance(item, { party, name: who.by, date: '2026-11-27', opinion: '整改到位，同意销号', passed: true }, who, parties);
  let item = sig(await storedItem(id, 'ZG-003'), 'office', asOffice);
  assert.equal((await putItem(office, id, item)).status, 200);
  const early = transition(item, 'closed', { ...asOffice, verifier: '王五' });
  const r = await putItem(office, id, early);
  assert.equal(r.status, 403);
  assert.deepEqual(codesOf(r), ['acceptance']);
  assert.equal(r.json.reasons[0].message, '条目 ZG-003：销号需要所有验收方签署通过，尚未通过：巡察组、主管部门。');
  // A party the user may not sign for: the office for 主管部门 (signed by the unit's side here).
  const wrong = /** @type {any} */ (structuredClone(item));
  wrong.acceptance.push({ ...wrong.acceptance[0], party: 'dept' });
  assert.deepEqual(codesOf(await putItem(office, id, wrong)), ['acceptance']);
  // (A signature dated before the one preceding it would be refused as backdated: the unit signs later.)
  item = sig(item, 'dept', { ...asUnit, at: '2026-11-28T09:00:00+08:00' });
  const unitSigned = await putItem(clerk, id, item);
  assert.equal(unitSigned.status, 200, JSON.stringify(unitSigned.json));
  item = sig(item, 'team', { ...asOffice, at: '2026-11-29T09:00:00+08:00' });
  assert.equal((await putItem(office, id, item)).status, 200);
  const closed = transition(item, 'closed', { ...asOffice, at: '2026-11-30T09:00:00+08:00', verifier: '王五' });
  const w = await putItem(office, id, closed);
  assert.equal(w.status, 200, JSON.stringify(w.json));
  assert.equal((await storedItem(id, 'ZG-003')).status, 'closed');
});

test('migrations are recorded and applied once', async () => {
  const r = await server.db.query('select version, name from schema_migrations order by version');
  const files = (await readdir(new URL('../migrations/', import.meta.url))).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  assert.deepEqual(r.rows.map((x) => String(x.name)), files);
  assert.ok(files.includes('004_ledger_items.sql'));
  assert.deepEqual(await migrate(server.db), []);
});

test('restart: stop the server, start a new one on the same data: nothing acknowledged is lost', async () => {
  const office = await client('office');
  const before = await stored(MINE);
  const ledger = structuredClone(before.ledger);
  ledger.items[0].deadline = '2027-01-31';
  const w = await office.req('PUT', `/api/ledgers/${MINE}`, { body: ledger, headers: { 'if-match': `"${before.version}"` } });
  assert.equal(w.status, 200);
  const acknowledged = w.json;
  const historyBefore = await server.store.historyRows(MINE);
  await server.close();
  server = await start();
  const after = await stored(MINE);
  assert.equal(after.version, acknowledged.version);
  assert.deepEqual(after.ledger, acknowledged.ledger);
  assert.deepEqual(await server.store.historyRows(MINE), historyBefore);
  // Sessions survive too (the cookie is signed with the same secret).
  assert.equal((await office.req('GET', `/api/ledgers/${MINE}`)).status, 200);
});

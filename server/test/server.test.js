// @ts-check
/**
 * The reference back end through a real HTTP server on 127.0.0.1 (ephemeral port), against
 * embedded PGlite in a temporary data directory — or against PostgreSQL when DATABASE_URL is set.
 * Run: node --test server/test/   (needs dist/core.js: npm run build)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from '../main.js';
import { demoLedger } from '../seed.js';
import { migrate } from '../db.js';
import { CSP } from '../app.js';

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

const start = () => startServer({ databaseUrl: DATABASE_URL, dataDir, secret: SECRET, today: () => TODAY, maxBodyBytes: 64 * 1024, seed: false });

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

test('migrations are recorded and applied once', async () => {
  const r = await server.db.query('select version, name from schema_migrations order by version');
  assert.deepEqual(r.rows.map((x) => Number(x.version)), [1, 2]);
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

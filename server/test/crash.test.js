// @ts-check
/**
 * The server killed in the middle of writes and started again: nothing acknowledged is lost.
 * `node server/main.js` runs as a child process (PGlite in a temporary data directory, or the
 * PostgreSQL of DATABASE_URL); many item writes run at once, each 200 is recorded, the process gets
 * SIGKILL while writes are in flight, and a new process on the same data must show every
 * acknowledged write with its history rows and audit rows, and a ledger that is consistent.
 * Run: node --test server/test/   (needs dist/core.js: npm run build)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { createItem, ledgerRuleErrors, transition, updateItem } from 'xc-elements/core';
import { openDatabase } from '../db.js';
import { ledgerSchemaCheck } from '../app.js';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL || undefined;
const SECRET = randomBytes(32).toString('hex');
/** Entries are dated in the past (the child's today is the real day): never future, never backdated. */
const AT = '2020-01-02T09:00:00+08:00';
const ITEMS = 24;

/**
 * Start `node server/main.js` and wait for its address.
 * @param {string | undefined} dataDir
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, exited: Promise<number | null> }>}
 */
function startChild(dataDir) {
  /** @type {Record<string, string>} */
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', XC_SESSION_SECRET: SECRET };
  if (DATABASE_URL) env.DATABASE_URL = DATABASE_URL;
  else {
    delete env.DATABASE_URL;
    env.XC_DATA_DIR = /** @type {string} */ (dataDir);
  }
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 90_000);
    child.stderr?.on('data', (d) => (err += d));
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, exited });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

/** Log in and return a request function. @param {string} url @param {string} user */
async function session(url, user) {
  const r = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password: 'demo' }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf } = await r.json();
  /** @param {string} method @param {string} p @param {unknown} [body] @param {Record<string, string>} [headers] */
  return async (method, p, body, headers = {}) => {
    const res = await fetch(url + p, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
}

/** The next step of an item: the unit starts or submits (with progress), the office sends back. @param {any} item @param {number} n */
function nextStep(item, n) {
  const unit = { by: '李四', role: /** @type {const} */ ('unit'), at: AT };
  switch (item.status) {
    case 'not-started':
      return { role: 'unit', item: transition(item, 'in-progress', unit) };
    case 'in-progress':
      return { role: 'unit', item: transition(updateItem(item, { progress: n % 100 }, 'unit'), 'pending-verification', unit) };
    default:
      return { role: 'office', item: transition(item, 'in-progress', { by: '王五', role: 'office', at: AT, comment: `第${n}次退回` }) };
  }
}

test('killed (SIGKILL) in the middle of concurrent item writes and started again: every acknowledged write is there, with its history and audit rows', { timeout: 180_000 }, async () => {
  const dataDir = DATABASE_URL ? undefined : await mkdtemp(path.join(tmpdir(), 'xc-crash-'));
  const id = `crash-${randomBytes(4).toString('hex')}`;
  let first = await startChild(dataDir);
  /** @type {Awaited<ReturnType<typeof startChild>> | null} */
  let second = null;
  try {
    const office = await session(first.url, 'office');
    const clerk = await session(first.url, 'clerk');
    const items = Array.from({ length: ITEMS }, (_, i) =>
      createItem({ problem: { text: `问题${i + 1}` } }, { id: `C-${String(i + 1).padStart(3, '0')}`, by: '王五', role: 'office', at: AT }),
    );
    const made = await office('PUT', `/api/ledgers/${id}`, { version: 1, title: '中断测试台账', unit: '某乡人民政府', items }, { 'if-none-match': '*' });
    assert.equal(made.status, 201, JSON.stringify(made.json));

    /** Per item: the acknowledged writes in order, and the one in flight when the server died. */
    const chains = items.map((item) => ({ id: item.id, item, version: 1, acked: /** @type {{ version: number, item: any }[]} */ ([]), inFlight: /** @type {any} */ (null) }));
    let ackedCount = 0;
    let dead = false;
    const run = async (/** @type {(typeof chains)[number]} */ chain) => {
      for (let n = 1; !dead; n++) {
        const step = nextStep(chain.item, n);
        chain.inFlight = step.item;
        const put = step.role === 'unit' ? clerk : office;
        let r;
        try {
          r = await put('PUT', `/api/ledgers/${id}/items/${chain.id}`, step.item, { 'if-match': `"${chain.version}"` });
        } catch {
          return; // the server died with this write in flight
        }
        assert.equal(r.status, 200, JSON.stringify(r.json));
        chain.acked.push({ version: r.json.version, item: r.json.item });
        chain.item = r.json.item;
        chain.version = r.json.version;
        chain.inFlight = null;
        ackedCount++;
      }
    };
    const writers = chains.map(run);
    // Kill it once plenty of writes were acknowledged, while every chain has one in flight.
    while (ackedCount < 120) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    dead = true;
    await first.exited;
    await Promise.all(writers);

    second = await startChild(dataDir);
    const reader = await session(second.url, 'office');
    const now = await reader('GET', `/api/ledgers/${id}`);
    assert.equal(now.status, 200);
    const ledger = now.json.ledger;
    const version = now.json.version;
    const byId = new Map(ledger.items.map((/** @type {any} */ i) => [i.id, i]));
    let lostInFlight = 0;
    let committedInFlight = 0;
    for (const chain of chains) {
      const stored = byId.get(chain.id);
      const last = chain.acked[chain.acked.length - 1];
      // Acknowledged: there. In flight: there or not, nothing in between.
      if (chain.inFlight && isDeepStrictEqual(stored, chain.inFlight)) {
        committedInFlight++;
        continue;
      }
      if (chain.inFlight) lostInFlight++;
      assert.deepEqual(stored, last ? last.item : chain.item, `item ${chain.id}: the last acknowledged write`);
      assert.ok(!last || last.version <= version);
    }
    assert.equal(ledgerRuleErrors(ledger).length, 0, 'the workflow rules hold');
    assert.deepEqual(ledgerSchemaCheck()(ledger, 'en').errors, [], 'the schema holds');
    const ackedVersions = chains.flatMap((c) => c.acked.map((a) => a.version));
    assert.equal(new Set(ackedVersions).size, ackedVersions.length, 'no version acknowledged twice');
    // The rows, read from the database once the second process has stopped (PGlite has one user).
    second.child.kill('SIGTERM');
    await second.exited;
    second = null;
    const db = await openDatabase({ databaseUrl: DATABASE_URL, dataDir });
    try {
      const history = await db.query('select item_id, seq, entry, ledger_version from ledger_history where ledger_id = $1 order by item_id, seq', [id]);
      const itemRows = await db.query('select item_id, version from ledger_items where ledger_id = $1', [id]);
      const itemVersion = new Map(itemRows.rows.map((r) => [r.item_id, Number(r.version)]));
      for (const item of ledger.items) {
        const rows = history.rows.filter((r) => r.item_id === item.id);
        const entries = rows.map((r) => (typeof r.entry === 'string' ? JSON.parse(r.entry) : r.entry));
        assert.deepEqual(entries, item.history, `item ${item.id}: one history row per entry, in order`);
        const versions = rows.map((r) => Number(r.ledger_version));
        assert.deepEqual([...versions].sort((a, b) => a - b), versions, `item ${item.id}: versions of its rows only grow`);
        assert.equal(itemVersion.get(item.id), versions[versions.length - 1], `item ${item.id}: its version is that of its last change`);
      }
      const audit = await db.query("select version, detail from audit_log where target = $1 and outcome = 'accepted' order by id", [`ledger:${id}`]);
      const auditVersions = audit.rows.map((r) => Number(r.version));
      assert.deepEqual(auditVersions, Array.from({ length: version }, (_, i) => i + 1), 'one accepted audit row per version, in order, none missing');
      for (const v of ackedVersions) assert.ok(auditVersions.includes(v));
      const head = await db.query('select version from ledgers where id = $1', [id]);
      assert.equal(Number(head.rows[0]?.version), version);
      await assert.rejects(db.query('delete from audit_log where target = $1', [`ledger:${id}`]), /append-only/, 'the audit log is still append-only');
    } finally {
      await db.close();
    }
    console.log(`# ${ackedVersions.length} writes acknowledged before SIGKILL, all present; ${chains.filter((c) => c.inFlight).length} in flight: ${committedInFlight} stored whole, ${lostInFlight} not stored`);
  } finally {
    if (first.child.exitCode === null) first.child.kill('SIGKILL');
    if (second && second.child.exitCode === null) {
      second.child.kill('SIGKILL');
      await second.exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
});

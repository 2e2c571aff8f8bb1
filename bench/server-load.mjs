// The reference back end under load: `npm run bench:server` (needs dist/core.js: npm run build).
//
// The server (`node server/main.js`) runs in a process of its own on embedded PGlite (a temporary
// data directory) holding one ledger of 5,000 items of the unit 某乡人民政府. Then:
//   1. reads with autocannon: the whole ledger (GET), and the cheap poll (GET + If-None-Match → 304);
//   2. CLIENTS concurrent sessions (half the office 王五, half the unit clerk 李四) for DURATION
//      seconds, each reading the ledger and changing items one by one: PUT /items/:id with
//      If-Match, on 409 taking the current item from the answer and trying again. A fifth of the
//      changes go to 20 "hot" items every client edits, so conflicts really happen. Each change
//      adds a measure with an id of its own; every measure acknowledged (200) must be in the final
//      ledger — any missing one is a LOST UPDATE (must be 0).
// Prints a table and writes reports/server-load.json. Not a timed test: the figures are of this machine.
//   CLIENTS=8 DURATION=15 ITEMS=5000 npm run bench:server
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createItem, ledgerRuleErrors, transition } from 'xc-elements/core';
import { startServer } from '../server/main.js';

const ITEMS = Number(process.env.ITEMS ?? 5000);
const CLIENTS = Number(process.env.CLIENTS ?? 8);
const DURATION = Number(process.env.DURATION ?? 15);
const READ_SECONDS = Number(process.env.READ_SECONDS ?? 5);
const HOT = 20;
const TODAY = '2026-12-01';
const AT = '2026-11-02T09:00:00+08:00';
const LEDGER = 'bench';
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** A ledger of `n` items: a third in progress, the rest not started (the states both roles edit). */
function bigLedger(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    let item = createItem(
      {
        problem: { text: `第${i + 1}个问题：公务接待、资金管理或议事规则方面的不足，需要逐项整改并留存佐证材料`, focusArea: `聚焦重点${(i % 4) + 1}` },
        deadline: '2027-03-31',
        responsibility: { leader: '张三', department: `部门${i % 12}`, person: '李四' },
        measures: [{ id: 'm0', text: '制定整改方案' }],
      },
      { id: `ZG-${String(i + 1).padStart(4, '0')}`, by: '王五', role: 'office', at: AT },
    );
    if (i % 3 === 0) item = transition(item, 'in-progress', { by: '李四', role: 'unit', at: '2026-11-10T10:00:00+08:00' });
    items.push(item);
  }
  return { version: 1, title: '压力测试整改台账', unit: '某乡人民政府', items };
}

/** Percentile of sorted numbers. @param {number[]} sorted @param {number} p */
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const round = (/** @type {number} */ x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Log in; returns headers to send. @param {string} url @param {string} user */
async function login(url, user) {
  const r = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password: 'demo' }) });
  if (r.status !== 200) throw new Error(`login ${user}: ${r.status}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf } = await r.json();
  return { cookie, 'x-csrf-token': csrf };
}

/** @param {import('autocannon').Result} r */
const fromAutocannon = (r) => ({
  requests: r.requests.total,
  perSecond: round(r.requests.average),
  p50ms: r.latency.p50,
  p99ms: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors,
  mbPerSecond: round(r.throughput.average / 1e6),
});

const SECRET = 'bench-secret-0123456789abcdef';

/** `node server/main.js` on `dataDir`; resolves with its address once it listens. @param {string} dataDir */
function startChild(dataDir) {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', XC_DATA_DIR: dataDir, XC_SESSION_SECRET: SECRET };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.join(root, 'server', 'main.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ url: m[1], child, kind: 'pglite' });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

async function main() {
  // Other work on the machine slows every figure: the load average is reported with them.
  const load0 = loadavg()[0];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'xc-bench-server-'));
  // The ledger is stored directly (5,000 items are more than a request body may carry), then the server starts on it.
  const started = Date.now();
  const ledger = bigLedger(ITEMS);
  const setup = await startServer({ dataDir, secret: SECRET, today: () => TODAY, seed: false });
  await setup.store.createLedger(LEDGER, ledger, { id: 'system', name: 'system', role: 'system' }, 'seed');
  await setup.close();
  const createMs = Date.now() - started;
  const server = await startChild(dataDir);
  try {
    const office = await login(server.url, 'office');
    const clerk = await login(server.url, 'clerk');
    const first = await fetch(`${server.url}/api/ledgers/${LEDGER}`, { headers: clerk });
    const bytes = (await first.arrayBuffer()).byteLength;
    console.log(`${ITEMS} items stored (and the server started) in ${createMs} ms; the ledger is ${round(bytes / 1e6, 2)} MB of JSON`);

    // 1. Reads.
    const url = `${server.url}/api/ledgers/${LEDGER}`;
    const full = await autocannon({ url, connections: 4, duration: READ_SECONDS, headers: clerk });
    const poll = await autocannon({ url, connections: 8, duration: READ_SECONDS, headers: { ...clerk, 'if-none-match': '"1"' } });

    // 2. Concurrent readers and writers.
    /** @type {Record<string, number[]>} */
    const lat = { read: [], poll: [], 'item-put': [] };
    let conflicts = 0;
    let retriesMax = 0;
    let refused = 0;
    /** @type {Map<string, Set<string>>} item id → measure ids acknowledged */
    const acked = new Map();
    const deadline = Date.now() + DURATION * 1000;
    const editable = ledger.items.filter((i) => i.status === 'not-started' || i.status === 'in-progress').map((i) => i.id);
    const hot = editable.slice(0, HOT);

    /** @param {number} n */
    const client = async (n) => {
      const headers = n % 2 ? clerk : office;
      /** @type {Map<string, { item: any, base: number }>} */
      const known = new Map();
      let latest = 0;
      const read = async () => {
        const t = performance.now();
        const r = await fetch(url, { headers });
        const body = await r.json();
        lat.read.push(performance.now() - t);
        for (const item of body.ledger.items) known.set(item.id, { item, base: body.version });
        latest = body.version;
      };
      await read();
      let seq = 0;
      while (Date.now() < deadline) {
        seq++;
        if (seq % 10 === 0) {
          // Poll: unchanged → 304; else read it all again.
          const t = performance.now();
          const r = await fetch(url, { headers: { ...headers, 'if-none-match': `"${latest}"` } });
          if (r.status === 304) lat.poll.push(performance.now() - t);
          else {
            const body = await r.json();
            lat.read.push(performance.now() - t);
            for (const item of body.ledger.items) known.set(item.id, { item, base: body.version });
            latest = body.version;
          }
          continue;
        }
        const id = Math.random() < 0.2 ? hot[Math.floor(Math.random() * hot.length)] : editable[Math.floor(Math.random() * editable.length)];
        const measure = { id: `c${n}-${seq}`, text: `客户端${n}的第${seq}项措施` };
        for (let attempt = 0; ; attempt++) {
          const mine = /** @type {{ item: any, base: number }} */ (known.get(id));
          const next = { ...mine.item, measures: [...mine.item.measures, measure] };
          const t = performance.now();
          const r = await fetch(`${url}/items/${id}`, {
            method: 'PUT',
            headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${mine.base}"` },
            body: JSON.stringify(next),
          });
          const body = await r.json();
          lat['item-put'].push(performance.now() - t);
          if (r.status === 200) {
            known.set(id, { item: body.item, base: body.version });
            latest = Math.max(latest, body.version);
            let set = acked.get(id);
            if (!set) acked.set(id, (set = new Set()));
            set.add(measure.id);
            retriesMax = Math.max(retriesMax, attempt);
            break;
          }
          if (r.status === 409) {
            // Someone changed this item since: take it as it is now and add the measure again.
            conflicts++;
            known.set(id, { item: body.item, base: body.version });
            continue;
          }
          refused++;
          break;
        }
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    const seconds = (performance.now() - t0) / 1000;

    // Every acknowledged change must be in the final state.
    const final = await (await fetch(url, { headers: office })).json();
    const byId = new Map(final.ledger.items.map((/** @type {any} */ i) => [i.id, i]));
    let lost = 0;
    let ackedTotal = 0;
    for (const [id, ids] of acked) {
      const have = new Set(byId.get(id).measures.map((/** @type {any} */ m) => m.id));
      for (const m of ids) {
        ackedTotal++;
        if (!have.has(m)) lost++;
      }
    }
    const ruleErrors = ledgerRuleErrors(final.ledger).length;

    /** @param {number[]} xs */
    const stats = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return { count: s.length, perSecond: round(s.length / seconds), p50ms: round(pct(s, 50)), p99ms: round(pct(s, 99)) };
    };
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryGB: round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: round(load0, 2), loadAverageAtEnd: round(loadavg()[0], 2) },
      database: `${server.kind}, the server in a process of its own`,
      ledger: { items: ITEMS, bytes, finalVersion: final.version },
      reads: { full: fromAutocannon(full), notModified: fromAutocannon(poll), seconds: READ_SECONDS },
      mixed: {
        clients: CLIENTS,
        seconds: round(seconds),
        operations: { read: stats(lat.read), poll: stats(lat.poll), 'item-put': stats(lat['item-put']) },
        changesAcknowledged: ackedTotal,
        changesPerSecond: round(ackedTotal / seconds),
        conflicts409: conflicts,
        mostRetriesOfOneChange: retriesMax,
        refused,
      },
      lostUpdates: lost,
      ruleErrorsInFinalLedger: ruleErrors,
    };
    await mkdir(path.join(root, 'reports'), { recursive: true });
    await writeFile(path.join(root, 'reports', 'server-load.json'), JSON.stringify(report, null, 2) + '\n');

    const rows = [
      ['GET ledger (autocannon, 4 connections)', report.reads.full.requests, report.reads.full.perSecond, report.reads.full.p50ms, report.reads.full.p99ms],
      ['GET + If-None-Match → 304 (autocannon, 8 connections)', report.reads.notModified.requests, report.reads.notModified.perSecond, report.reads.notModified.p50ms, report.reads.notModified.p99ms],
      [`mixed: GET ledger (${CLIENTS} clients)`, ...Object.values(report.mixed.operations.read)],
      [`mixed: poll → 304`, ...Object.values(report.mixed.operations.poll)],
      [`mixed: PUT item (incl. 409s)`, ...Object.values(report.mixed.operations['item-put'])],
    ];
    console.log(`\n| operation | requests | per second | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log(
      `\n${ackedTotal} changes acknowledged (${report.mixed.changesPerSecond}/s), ${conflicts} conflicts (409) retried, ${refused} refused; ` +
        `LOST UPDATES: ${lost}; rule errors in the final ledger: ${ruleErrors}\nreports/server-load.json written`,
    );
    if (lost || ruleErrors || refused) process.exitCode = 1;
  } finally {
    const exited = new Promise((resolve) => server.child.on('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

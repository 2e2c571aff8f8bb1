// The reference back end (server/app.js) inside the test server, so that tests of
// `xc-elements/client` talk to the real thing, not a mock: the first request under /api boots it
// in-process on PGlite in a temporary directory (removed at exit), with the demo accounts
// (clerk / office / viewer, password `demo`) and the seeded ledgers. It needs dist/core.js
// (`npm run build`), which the server imports as `xc-elements/core`.
//
// Paths:
//   /api/...          the API as the server has it; its cookies are the page's (Path=/).
//   /api-<name>/...   the same API, its cookies scoped to Path=/api-<name>: a page can hold
//                     several sessions at once (two people on one ledger) in one browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const ROUTE = /^\/(api(?:-[a-z0-9]+)?)(\/.*)?$/;
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'expect', 'upgrade']);

/** @type {Promise<{ fetch: (r: Request) => Response | Promise<Response> }> | undefined} */
import { clockShiftMs } from './clock-shift-plugin.mjs';

let booting;

async function boot() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'xc-wtr-server-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const { openDatabase, migrate } = await import('../../server/db.js');
  const { createApp } = await import('../../server/app.js');
  const { cookieSessions, demoAccounts } = await import('../../server/identity.js');
  const { seedDemo } = await import('../../server/seed.js');
  const db = await openDatabase({ dataDir });
  await migrate(db);
  await seedDemo(db);
  const sessions = cookieSessions({ secret: randomBytes(32).toString('hex'), accounts: demoAccounts('demo') });
  // The back end's "today" moves with the pages' clocks (XC_CLOCK_SHIFT): a change logged by a page
  // at its moved date is not "dated after today" for the server that checks it.
  const shift = clockShiftMs(process.env.XC_CLOCK_SHIFT);
  const { localDateKey } = await import('xc-elements/core');
  const { app } = createApp({ db, identity: sessions, sessions, today: () => localDateKey(new Date(Date.now() + shift)) });
  return app;
}

/** Koa middleware for web-test-runner's `middleware`: answers /api and /api-<name> with the reference back end. */
export async function referenceServerMiddleware(ctx, next) {
  const m = ROUTE.exec(ctx.path);
  if (!m) return next();
  const prefix = m[1];
  booting ??= boot();
  const app = await booting;
  const chunks = [];
  for await (const c of ctx.req) chunks.push(c);
  const headers = new Headers();
  for (const [k, v] of Object.entries(ctx.req.headers)) {
    if (v === undefined || HOP.has(k)) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  const method = ctx.method;
  const url = `http://${ctx.host}/api${m[2] ?? ''}${ctx.querystring ? `?${ctx.querystring}` : ''}`;
  const request = new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' || !chunks.length ? undefined : Buffer.concat(chunks) });
  const res = await app.fetch(request);

  ctx.respond = false;
  const out = [];
  res.headers.forEach((v, k) => {
    if (k !== 'set-cookie' && k !== 'content-length') out.push([k, v]);
  });
  for (const cookie of res.headers.getSetCookie()) {
    out.push(['set-cookie', prefix === 'api' ? cookie : cookie.replace(/;\s*Path=\/(?=;|$)/i, `; Path=/${prefix}`)]);
  }
  ctx.res.writeHead(res.status, out.flat());
  if (!res.body) return void ctx.res.end();
  const reader = res.body.getReader();
  ctx.req.on('close', () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      ctx.res.write(value);
    }
  } catch {
    /* the page went away */
  }
  ctx.res.end();
}

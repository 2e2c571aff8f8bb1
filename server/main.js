// @ts-check
/**
 * Start the reference back end:
 *   node server/main.js
 * Environment: PORT (default 8787), HOST (default 127.0.0.1), DATABASE_URL (PostgreSQL; else
 * embedded PGlite in XC_DATA_DIR, default server/.data), XC_SESSION_SECRET (≥ 16 characters;
 * a random one per start when unset, which logs everyone out on restart), XC_DEMO_PASSWORD,
 * XC_FILE_MAX_SIZE (largest evidence file in bytes, default 20 MiB) and XC_FILE_ACCEPT (accepted
 * types, comma-separated as the `accept` attribute; default images, PDF, Word, Excel).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { openDatabase, migrate } from './db.js';
import { createApp } from './app.js';
import { cookieSessions, demoAccounts } from './identity.js';
import { seedDemo } from './seed.js';

/**
 * Open the database, migrate, build the app and listen.
 * @param {{
 *   port?: number, host?: string, databaseUrl?: string, dataDir?: string, secret?: string,
 *   today?: () => string, maxBodyBytes?: number, seed?: boolean, keepAliveMs?: number,
 *   files?: import('./files.js').FileLimits, changeLog?: 'required' | 'once-started',
 * }} [opts] `files`: evidence files' largest size and accepted types (default: {@link fileLimitsFromEnv});
 *   `changeLog`: see `createApp` (default: `required` when `XC_CHANGE_LOG=required`, else `once-started`).
 */
export async function startServer(opts = {}) {
  const db = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  await migrate(db);
  if (opts.seed !== false) await seedDemo(db);
  const sessions = cookieSessions({ secret: opts.secret ?? randomBytes(32).toString('hex'), accounts: demoAccounts() });
  const { app, store, hub, close: closeApp } = createApp({ db, identity: sessions, sessions, today: opts.today, maxBodyBytes: opts.maxBodyBytes, keepAliveMs: opts.keepAliveMs, files: opts.files ?? fileLimitsFromEnv(), changeLog: opts.changeLog ?? (process.env.XC_CHANGE_LOG === 'required' ? 'required' : 'once-started') });
  const host = opts.host ?? '127.0.0.1';
  /** @type {import('node:net').Server} */
  const server = await new Promise((resolve) => {
    const s = /** @type {any} */ (serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: host }, () => resolve(s)));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}`,
    store,
    hub,
    db,
    /** Stop listening, end open event streams, let requests in flight finish, close the database. */
    async close() {
      const closing = new Promise((resolve) => server.close(() => resolve(undefined)));
      // Event streams stay open until their client leaves: the app ends them, or close would wait for ever.
      await closeApp();
      await closing;
      await db.close();
    },
  };
}

/**
 * Evidence-file limits from the environment: XC_FILE_MAX_SIZE (bytes) and XC_FILE_ACCEPT
 * (`image/*,application/pdf,.docx`). Unset: the defaults of server/files.js.
 * @param {Record<string, string | undefined>} [env]
 * @returns {import('./files.js').FileLimits}
 */
export function fileLimitsFromEnv(env = process.env) {
  /** @type {import('./files.js').FileLimits} */
  const limits = {};
  const size = env.XC_FILE_MAX_SIZE?.trim();
  if (size) {
    const n = Number(size);
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`XC_FILE_MAX_SIZE must be a whole number of bytes above 0, not ${JSON.stringify(size)}`);
    limits.maxSize = n;
  }
  const accept = env.XC_FILE_ACCEPT?.split(',').map((s) => s.trim()).filter(Boolean);
  if (accept?.length) limits.accept = accept;
  return limits;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const secret = process.env.XC_SESSION_SECRET;
  if (!secret) console.warn('XC_SESSION_SECRET is not set: using a random one (sessions end at every restart).');
  const s = await startServer({
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATABASE_URL ? undefined : (process.env.XC_DATA_DIR ?? path.join(here, '.data')),
    secret,
  });
  console.log(`xc reference back end on ${s.url} (${s.db.kind})`);
  const stop = () => void s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// @ts-check
/**
 * The database: PostgreSQL through `pg` when `DATABASE_URL` (or `databaseUrl`) is set, otherwise
 * embedded PostgreSQL (PGlite) in a data directory, or in memory when none is given. Both are
 * used through the same small interface, with parameterised SQL only.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * @typedef {{ rows: Record<string, any>[] }} QueryResult
 * @typedef {object} Queryable
 * @property {(sql: string, params?: unknown[]) => Promise<QueryResult>} query Parameterised SQL ($1, $2…).
 * @property {(sql: string) => Promise<unknown>} exec A script of several statements without parameters (migrations only).
 * @typedef {Queryable & {
 *   kind: 'pglite' | 'pg',
 *   transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>,
 *   listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>,
 *   close: () => Promise<void>,
 * }} Database
 * `listen`: PostgreSQL LISTEN on a connection of its own (reconnecting when it drops), to hear
 * other server processes' NOTIFY; resolves to a function that stops listening. PGlite serves one
 * process only: there it listens to nothing.
 */

/**
 * Open the database.
 * @param {{ databaseUrl?: string, dataDir?: string }} [opts] `databaseUrl` for PostgreSQL; else
 *   PGlite in `dataDir` (in memory when absent).
 * @returns {Promise<Database>}
 */
export async function openDatabase({ databaseUrl, dataDir } = {}) {
  if (databaseUrl) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
    return {
      kind: 'pg',
      query: (sql, params = []) => pool.query(sql, /** @type {any[]} */ (params)),
      exec: (sql) => pool.query(sql),
      async transaction(fn) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const out = await fn({ query: (sql, params = []) => client.query(sql, /** @type {any[]} */ (params)), exec: (sql) => client.query(sql) });
          await client.query('commit');
          return out;
        } catch (e) {
          await client.query('rollback').catch(() => {});
          throw e;
        } finally {
          client.release();
        }
      },
      async listen(channel, onPayload) {
        if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
        let stopped = false;
        /** @type {any} */
        let client = null;
        /** @type {ReturnType<typeof setTimeout> | undefined} */
        let retry;
        const connect = async () => {
          if (stopped) return;
          const c = new pg.Client({ connectionString: databaseUrl });
          const again = () => {
            if (client !== c) return;
            client = null;
            c.end().catch(() => {});
            if (!stopped) retry = setTimeout(() => void connect(), 1000);
          };
          c.on('error', again);
          c.on('end', again);
          c.on('notification', (/** @type {{ channel: string, payload?: string }} */ n) => {
            if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
          });
          client = c;
          try {
            await c.connect();
            await c.query(`listen ${channel}`);
          } catch {
            again();
          }
        };
        await connect();
        return async () => {
          stopped = true;
          clearTimeout(retry);
          const c = client;
          client = null;
          await c?.end().catch(() => {});
        };
      },
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return {
    kind: 'pglite',
    query: (sql, params = []) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    // PGlite runs one transaction at a time, so a transaction here is serialised anyway.
    transaction: (fn) => db.transaction((tx) => fn({ query: (sql, params = []) => tx.query(sql, params), exec: (sql) => tx.exec(sql) })),
    listen: async () => async () => {},
    close: () => db.close(),
  };
}

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Apply the numbered SQL files of `server/migrations` (`001_….sql`, `002_….sql`, …) not applied
 * yet, in order, each in its own transaction, recording each in `schema_migrations`.
 * Safe to run at every start and from several processes at once (an advisory lock serialises them).
 * @param {Database} db
 * @param {string} [dir]
 * @returns {Promise<string[]>} the files applied now.
 */
export async function migrate(db, dir = MIGRATIONS) {
  await db.query(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const files = (await readdir(dir)).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  const applied = [];
  for (const file of files) {
    const version = parseInt(file, 10);
    const sql = await readFile(path.join(dir, file), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(1515)');
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [version]);
      if (seen.rows.length) return false;
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [version, file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}


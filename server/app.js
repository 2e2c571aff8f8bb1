// @ts-check
/**
 * The reference back end: ledgers with optimistic concurrency (ETag / If-Match; per item for item
 * writes), every write re-checked with the core's `verifyLedgerChange` (with the ledger schema),
 * change notification (Server-Sent Events), per-user drafts, and the security basics (CSRF for
 * cookie sessions, body size limit, shape checks, security headers).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { localDateKey, readLedgerObject, validateWith, verifyLedgerChange, XC_KEYWORDS } from 'xc-elements/core';
import { CHANGE_CHANNEL, createStore } from './store.js';
import { requireUser } from './identity.js';
import { mountFiles } from './files.js';

/** The strict Content-Security-Policy the elements are built to run under. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/**
 * Reasons that are about permission (403); any other refusal is of the data (422). The logs of
 * 整改 to the end are the history's kin: a forged change log, a 延期 step or a 验收 signature the
 * role may not make, 销号 before every party passed.
 */
const PERMISSION = new Set(['unit', 'ledger-field', 'removed', 'id-changed', 'order', 'closed', 'field', 'history', 'transition', 'create', 'entry', 'change-log', 'extension', 'acceptance']);
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DRAFT_KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/**
 * @typedef {import('./identity.js').User} User
 * @typedef {{ Variables: { user: User, lang: string } }} Env
 */

/**
 * The language of messages: English when the client prefers it, else zh-CN.
 * @param {string | undefined} header Accept-Language
 */
export function pickLang(header) {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** `"3"` → 3; null when absent or not one strong version. @param {string | undefined} h */
function parseIfMatch(h) {
  const m = /^\s*"(\d{1,9})"\s*$/.exec(h ?? '');
  return m ? Number(m[1]) : null;
}

const etag = (/** @type {number} */ v) => `"${v}"`;
const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' };

/** Does `If-None-Match` name this version (`"3"`, `"2", "3"`, `W/"3"` or `*`)? @param {string | undefined} h @param {number} version */
function noneMatch(h, version) {
  if (!h) return false;
  if (h.trim() === '*') return true;
  return [...h.matchAll(/(?:W\/)?"(\d{1,9})"/g)].some((m) => Number(m[1]) === version);
}

/**
 * The ledger schema's check, as `<xc-rectification-tracker>` runs it on submit: the schema shipped
 * in `xc-elements/schemas/rectification-ledger.schema.json`, compiled with ajv as the build
 * precompiles it (2020-12, formats, xc's annotation keywords), messages by the core's `validateWith`.
 * @returns {(ledger: unknown, lang: string) => import('xc-elements/core').ValidationResult}
 */
export function ledgerSchemaCheck() {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('xc-elements/schemas/rectification-ledger.schema.json'), 'utf8'));
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
  addFormats.default(ajv);
  ajv.addVocabulary([...XC_KEYWORDS]);
  const validate = ajv.compile(schema);
  return (ledger, lang) => validateWith(/** @type {any} */ (validate), ledger, schema, lang);
}

/**
 * @typedef {{ version: number, itemIds: string[], by: string }} Change What an event stream sends.
 * @typedef {ReturnType<typeof createChangeHub>} ChangeHub
 */

/** In-process publish / subscribe of ledger changes, per ledger id. */
export function createChangeHub() {
  /** @type {Map<string, Set<(change: Change) => void>>} */
  const subs = new Map();
  return {
    /** @param {string} id @param {(change: Change) => void} fn @returns {() => void} unsubscribe */
    subscribe(id, fn) {
      let set = subs.get(id);
      if (!set) subs.set(id, (set = new Set()));
      set.add(fn);
      return () => {
        set.delete(fn);
        if (!set.size && subs.get(id) === set) subs.delete(id);
      };
    },
    /** @param {string} id @param {Change} change */
    publish(id, change) {
      for (const fn of [...(subs.get(id) ?? [])]) {
        try {
          fn(change);
        } catch (e) {
          console.error(e);
        }
      }
    },
    /** Subscribers of a ledger (all ledgers when no id). @param {string} [id] */
    count(id) {
      if (id !== undefined) return subs.get(id)?.size ?? 0;
      let n = 0;
      for (const set of subs.values()) n += set.size;
      return n;
    },
  };
}

/** Is `v` a draft the elements write: {value, savedAt: number, templateVersion?, writer?, unsaved?}. @param {unknown} v */
function isDraft(v) {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const d = /** @type {Record<string, unknown>} */ (v);
  const allowed = new Set(['value', 'savedAt', 'templateVersion', 'writer', 'unsaved']);
  return (
    'value' in d &&
    typeof d.savedAt === 'number' &&
    Number.isFinite(d.savedAt) &&
    (d.templateVersion === undefined || typeof d.templateVersion === 'string') &&
    (d.writer === undefined || typeof d.writer === 'string') &&
    Object.keys(d).every((k) => allowed.has(k))
  );
}

/**
 * Build the application.
 * @param {{
 *   db: import('./db.js').Database,
 *   identity: import('./identity.js').IdentityHook,
 *   sessions?: ReturnType<typeof import('./identity.js').cookieSessions>,
 *   today?: () => string,
 *   maxBodyBytes?: number,
 *   closedFinal?: boolean,
 *   schemaCheck?: ((ledger: unknown, lang: string) => import('xc-elements/core').ValidationResult) | null,
 *   changeLog?: 'required' | 'once-started',
 *   keepAliveMs?: number,
 *   files?: import('./files.js').FileLimits,
 * }} opts `sessions`: the cookie-session hook, to offer `/api/login` and `/api/logout`;
 *   `today`: the local date `YYYY-MM-DD` (default: the server's clock); `maxBodyBytes`: default 1 MiB;
 *   `schemaCheck`: the ledger schema's check on writes (default {@link ledgerSchemaCheck}; null: none);
 *   `changeLog`: `once-started` (default) lets an item without a change log be edited without one
 *   (clients that keep none), `required` refuses every field edit without its log entries;
 *   `keepAliveMs`: the comment line of event streams (default 15 s); `files`: evidence files' largest size and accepted types (server/files.js).
 */
export function createApp({
  db,
  identity,
  sessions,
  today = () => localDateKey(new Date()),
  maxBodyBytes = 1024 * 1024,
  closedFinal = true,
  schemaCheck = ledgerSchemaCheck(),
  changeLog = 'once-started',
  keepAliveMs = 15_000,
  files = {},
}) {
  const origin = randomUUID();
  const store = createStore(db, { origin });
  const hub = createChangeHub();
  /** Open event streams, ended on close. @type {Set<() => void>} */
  const streams = new Set();
  // Other server processes on the same PostgreSQL tell theirs with NOTIFY (PGlite: one process, nothing to hear).
  const listening = db.listen(CHANGE_CHANNEL, (payload) => {
    void (async () => {
      const n = JSON.parse(payload);
      if (!n || n.origin === origin || typeof n.id !== 'string') return;
      const itemIds = Array.isArray(n.itemIds) ? n.itemIds : await store.itemIdsAt(n.id, n.version);
      hub.publish(n.id, { version: Number(n.version), itemIds, by: String(n.by ?? '') });
    })().catch((e) => console.error(e));
  });
  listening.catch((e) => console.error('LISTEN failed: changes of other server processes are not heard', e));
  /** @type {Hono<Env>} */
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
  });
  app.use('*', bodyLimit({ maxSize: maxBodyBytes, onError: (c) => c.json({ error: 'too-large', maxBytes: maxBodyBytes }, 413) }));
  app.onError((err, c) => {
    console.error(err);
    return c.json({ error: 'internal' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not-found' }, 404));
  // Evidence files: before the JSON-only check below, since upload chunks are raw bytes.
  mountFiles(app, { db, identity, store, limits: files, maxBodyBytes });

  app.use('/api/*', async (c, next) => {
    c.set('lang', pickLang(c.req.header('accept-language')));
    const method = c.req.method;
    // Bodies are JSON only: a cross-site form cannot send that without a CORS preflight.
    if ((method === 'PUT' || method === 'POST') && !/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      return c.json({ error: 'json-only' }, 415);
    }
    return next();
  });

  /** The JSON body, or undefined when it is not JSON. @param {import('hono').Context} c */
  const body = async (c) => {
    try {
      return await c.req.json();
    } catch {
      return undefined;
    }
  };

  if (sessions) {
    app.post('/api/login', async (c) => {
      const b = await body(c);
      if (!b || typeof b !== 'object' || typeof b.user !== 'string' || typeof b.password !== 'string' || Object.keys(b).some((k) => k !== 'user' && k !== 'password')) {
        return c.json({ error: 'bad-body' }, 400);
      }
      const user = sessions.login(c, b.user, b.password);
      const actor = user ?? { id: String(b.user).slice(0, 64), role: 'none' };
      await store.refused(/** @type {any} */ (actor), 'login', 'session', user ? 'accepted' : 'refused', null);
      if (!user) return c.json({ error: 'bad-login' }, 401);
      return c.json({ user: publicUser(user), csrf: user.csrf });
    });
  }

  // Everything else needs a user, and unsafe methods of cookie sessions the CSRF token.
  app.use('/api/*', requireUser(identity, store));

  app.get('/api/me', (c) => c.json({ user: publicUser(c.get('user')) }));

  if (sessions) {
    app.post('/api/logout', (c) => {
      sessions.logout(c);
      return c.json({ ok: true });
    });
  }

  /** Who checks a change, in which language. @param {User} user @param {string} lang */
  const checkContext = (user, lang) => ({
    role: user.role,
    user: user.name,
    today: today(),
    lang,
    closedFinal,
    changeLog,
    ...(schemaCheck ? { schemaCheck } : {}),
    ...(user.unit !== undefined ? { unit: user.unit } : {}),
  });

  /** May this user read the ledger stored for `unit`? @param {User} user @param {string | null} unit */
  const mayRead = (user, unit) => user.role !== 'unit' || (user.unit !== undefined && unit === user.unit);

  app.get('/api/ledgers', async (c) => {
    const user = c.get('user');
    if (user.role === 'unit' && user.unit === undefined) return c.json({ ledgers: [] });
    return c.json({ ledgers: await store.listLedgers(user.role === 'unit' ? user.unit : undefined) });
  });

  app.get('/api/ledgers/:id', async (c) => {
    const id = c.req.param('id');
    if (!ID.test(id)) return c.json({ error: 'not-found' }, 404);
    const inm = c.req.header('if-none-match');
    if (inm) {
      // Polling: the version alone answers "unchanged" without reading the items.
      const head = await store.getLedgerHead(id);
      if (!head || !mayRead(c.get('user'), head.unit)) return c.json({ error: 'not-found' }, 404);
      if (noneMatch(inm, head.version)) {
        c.header('ETag', etag(head.version));
        return c.body(null, 304);
      }
    }
    const found = await store.getLedgerText(id);
    // Another unit's ledger is "not found": its existence is not told either.
    if (!found || !mayRead(c.get('user'), found.unit)) return c.json({ error: 'not-found' }, 404);
    c.header('ETag', etag(found.version));
    return c.body(`{"id":${JSON.stringify(id)},"version":${found.version},"ledger":${found.ledger}}`, 200, JSON_TYPE);
  });

  app.get('/api/ledgers/:id/events', async (c) => {
    const id = c.req.param('id');
    if (!ID.test(id)) return c.json({ error: 'not-found' }, 404);
    const head = await store.getLedgerHead(id);
    if (!head || !mayRead(c.get('user'), head.unit)) return c.json({ error: 'not-found' }, 404);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      /** @type {Promise<unknown>} */
      let writing = Promise.resolve();
      const send = (/** @type {() => Promise<unknown>} */ write) => {
        writing = writing.then(write).catch(() => stream.abort());
      };
      const off = hub.subscribe(id, (change) => send(() => stream.writeSSE({ event: 'change', id: String(change.version), data: JSON.stringify(change) })));
      const timer = setInterval(() => send(() => stream.write(': keep-alive\n\n')), keepAliveMs);
      /** @type {() => void} */
      let end = () => {};
      try {
        await stream.write(`retry: 3000\n: version ${head.version}\n\n`);
        await new Promise((resolve) => {
          end = () => resolve(undefined);
          streams.add(end);
          stream.onAbort(() => resolve(undefined));
          c.req.raw.signal.addEventListener('abort', () => resolve(undefined), { once: true });
          if (c.req.raw.signal.aborted) resolve(undefined);
        });
      } finally {
        streams.delete(end);
        clearInterval(timer);
        off();
      }
    });
  });

  app.put('/api/ledgers/:id', async (c) => {
    const user = c.get('user');
    const lang = c.get('lang');
    const id = c.req.param('id');
    if (!ID.test(id)) return c.json({ error: 'not-found' }, 404);
    if (user.role === 'viewer') {
      await store.refused(user, 'update-ledger', `ledger:${id}`, 'refused', null, { error: 'read-only' });
      return c.json({ error: 'read-only' }, 403);
    }
    const next = await body(c);
    if (next === undefined) return c.json({ error: 'bad-json' }, 400);
    const ctx = { ...checkContext(user, lang) };

    // Creating: `If-None-Match: *`, the office only, checked as a change of an empty ledger.
    if (c.req.header('if-none-match')?.trim() === '*') {
      if (user.role !== 'office') {
        await store.refused(user, 'create-ledger', `ledger:${id}`, 'refused', null, { error: 'role' });
        return c.json({ error: 'role' }, 403);
      }
      const verdict = verifyLedgerChange({ version: 1, items: [] }, next, ctx);
      if (!verdict.ok) {
        await store.refused(user, 'create-ledger', `ledger:${id}`, 'refused', null, { reasons: verdict.reasons.map((r) => r.code) });
        return c.json({ error: 'refused', reasons: verdict.reasons }, verdict.reasons.some((r) => PERMISSION.has(r.code)) ? 403 : 422);
      }
      const made = await store.createLedger(id, next, user);
      if (!made) return c.json({ error: 'exists' }, 412);
      hub.publish(id, { version: made.version, itemIds: made.ledger.items.map((/** @type {any} */ i) => i.id), by: user.name });
      c.header('ETag', etag(made.version));
      return c.json({ id, version: made.version, ledger: made.ledger }, 201);
    }

    const expected = parseIfMatch(c.req.header('if-match'));
    if (expected === null) return c.json({ error: 'if-match-required' }, 428);
    const shape = readLedgerObject(next);
    if (!shape.ok) {
      const verdict = verifyLedgerChange({ version: 1, items: [] }, next, ctx);
      return c.json({ error: 'refused', reasons: verdict.ok ? [] : verdict.reasons }, 422);
    }
    const result = await store.updateLedger(id, expected, next, user, (stored) => {
      if (!mayRead(user, stored.unit)) return { ok: false, reasons: [{ code: 'not-found' }] };
      return verifyLedgerChange(stored.ledger, next, ctx);
    });
    switch (result.status) {
      case 'missing':
        return c.json({ error: 'not-found' }, 404);
      case 'stale':
        await store.refused(user, 'update-ledger', `ledger:${id}`, 'stale', expected);
        c.header('ETag', etag(result.current.version));
        // The current ledger comes back only to those who may read it (the same rule as GET).
        if (!mayRead(user, result.current.unit)) return c.json({ error: 'not-found' }, 404);
        return c.json({ error: 'stale', version: result.current.version, ledger: result.current.ledger }, 409);
      case 'refused': {
        if (result.reasons[0]?.code === 'not-found') {
          await store.refused(user, 'update-ledger', `ledger:${id}`, 'refused', expected, { reasons: ['other-unit'] });
          return c.json({ error: 'not-found' }, 404);
        }
        await store.refused(user, 'update-ledger', `ledger:${id}`, 'refused', expected, { reasons: result.reasons.map((r) => r.code) });
        const status = result.reasons.some((r) => PERMISSION.has(r.code)) ? 403 : 422;
        return c.json({ error: 'refused', reasons: result.reasons }, status);
      }
      default:
        if (result.status === 'saved') hub.publish(id, { version: result.current.version, itemIds: result.itemIds, by: user.name });
        c.header('ETag', etag(result.current.version));
        return c.json({ id, version: result.current.version, ledger: result.current.ledger });
    }
  });

  app.put('/api/ledgers/:id/items/:itemId', async (c) => {
    const user = c.get('user');
    const lang = c.get('lang');
    const id = c.req.param('id');
    const itemId = c.req.param('itemId');
    if (!ID.test(id) || !itemId || itemId.length > 200) return c.json({ error: 'not-found' }, 404);
    const target = `ledger:${id}`;
    if (user.role === 'viewer') {
      await store.refused(user, 'update-item', target, 'refused', null, { item: itemId, error: 'read-only' });
      return c.json({ error: 'read-only' }, 403);
    }
    const item = await body(c);
    if (item === undefined) return c.json({ error: 'bad-json' }, 400);
    const base = parseIfMatch(c.req.header('if-match'));
    if (base === null) return c.json({ error: 'if-match-required' }, 428);
    const ctx = checkContext(user, lang);
    if (!item || typeof item !== 'object' || Array.isArray(item) || typeof item.id !== 'string' || !item.id) {
      const verdict = verifyLedgerChange({ version: 1, items: [] }, { version: 1, items: [item] }, ctx);
      return c.json({ error: 'refused', reasons: verdict.ok ? [] : verdict.reasons }, 422);
    }
    if (item.id !== itemId) return c.json({ error: 'id-mismatch' }, 400);
    const result = await store.updateItem(id, itemId, base, item, user, (stored) => {
      if (!mayRead(user, stored.unit)) return { ok: false, reasons: [{ code: 'not-found' }] };
      // The ledger with this item replaced (or added), checked as a change of the ledger. Every rule
      // of verifyLedgerChange is about one item or the ledger's own members, so the other items
      // (unchanged) are left out: the verdict is the same, the check does not grow with the ledger.
      const members = { ...stored.members, version: 1 };
      return verifyLedgerChange({ ...members, items: stored.item ? [stored.item] : [] }, { ...members, items: [item] }, ctx);
    });
    switch (result.status) {
      case 'missing':
        return c.json({ error: 'not-found' }, 404);
      case 'stale': {
        if (!mayRead(user, result.unit)) {
          await store.refused(user, 'update-item', target, 'refused', base, { item: itemId, reasons: ['other-unit'] });
          return c.json({ error: 'not-found' }, 404);
        }
        await store.refused(user, 'update-item', target, 'stale', base, { item: itemId });
        // The ledger as it is now (read in one snapshot with the item), to merge with.
        const now = await store.getLedgerText(id, itemId);
        if (!now) return c.json({ error: 'not-found' }, 404);
        c.header('ETag', etag(now.version));
        return c.body(`{"error":"stale","version":${now.version},"ledger":${now.ledger},"item":${now.item ?? 'null'}}`, 409, JSON_TYPE);
      }
      case 'refused': {
        if (result.reasons[0]?.code === 'not-found') {
          await store.refused(user, 'update-item', target, 'refused', base, { item: itemId, reasons: ['other-unit'] });
          return c.json({ error: 'not-found' }, 404);
        }
        await store.refused(user, 'update-item', target, 'refused', base, { item: itemId, reasons: result.reasons.map((r) => r.code) });
        return c.json({ error: 'refused', reasons: result.reasons }, result.reasons.some((r) => PERMISSION.has(r.code)) ? 403 : 422);
      }
      default:
        if (result.status === 'saved') hub.publish(id, { version: result.version, itemIds: [itemId], by: user.name });
        c.header('ETag', etag(result.version));
        return c.json({ id, version: result.version, item: result.item });
    }
  });

  app.get('/api/drafts', async (c) => c.json({ drafts: await store.listDrafts(c.get('user').id) }));

  app.get('/api/drafts/:key', async (c) => {
    const key = c.req.param('key');
    if (!DRAFT_KEY.test(key)) return c.json({ error: 'bad-key' }, 400);
    const draft = await store.getDraft(c.get('user').id, key);
    return draft === null ? c.json({ error: 'not-found' }, 404) : c.json(draft);
  });

  app.put('/api/drafts/:key', async (c) => {
    const key = c.req.param('key');
    if (!DRAFT_KEY.test(key)) return c.json({ error: 'bad-key' }, 400);
    const draft = await body(c);
    if (!isDraft(draft)) return c.json({ error: 'bad-body' }, 400);
    await store.putDraft(c.get('user'), key, draft);
    return c.body(null, 204);
  });

  app.delete('/api/drafts/:key', async (c) => {
    const key = c.req.param('key');
    if (!DRAFT_KEY.test(key)) return c.json({ error: 'bad-key' }, 400);
    await store.deleteDraft(c.get('user'), key);
    return c.body(null, 204);
  });

  return {
    app,
    store,
    hub,
    /** End the open event streams; stop listening to other processes' notifications. */
    async close() {
      for (const end of [...streams]) end();
      const stop = await listening.catch(() => null);
      await stop?.();
    },
  };
}

/** The user as the client may see it (no token). @param {User} u */
function publicUser(u) {
  return { id: u.id, name: u.name, role: u.role, ...(u.unit !== undefined ? { unit: u.unit } : {}) };
}

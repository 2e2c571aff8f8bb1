// @ts-check
/**
 * The reference back end: ledgers with optimistic concurrency (ETag / If-Match), every write
 * re-checked with the core's `verifyLedgerChange`, per-user drafts, and the security basics
 * (CSRF for cookie sessions, body size limit, shape checks, security headers).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { localDateKey, readLedgerObject, verifyLedgerChange } from 'xc-elements/core';
import { createStore } from './store.js';
import { sameSecret } from './identity.js';

/** The strict Content-Security-Policy the elements are built to run under. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/** Reasons that are about permission (403); any other refusal is of the data (422). */
const PERMISSION = new Set(['unit', 'ledger-field', 'removed', 'id-changed', 'order', 'closed', 'field', 'history', 'transition', 'create', 'entry']);
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
 * }} opts `sessions`: the cookie-session hook, to offer `/api/login` and `/api/logout`;
 *   `today`: the local date `YYYY-MM-DD` (default: the server's clock); `maxBodyBytes`: default 1 MiB.
 */
export function createApp({ db, identity, sessions, today = () => localDateKey(new Date()), maxBodyBytes = 1024 * 1024, closedFinal = true }) {
  const store = createStore(db);
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
  app.use('/api/*', async (c, next) => {
    const user = await identity.identify(c);
    if (!user) return c.json({ error: 'unauthenticated' }, 401);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && user.csrf !== undefined) {
      const sent = c.req.header('x-csrf-token');
      if (!sent || !sameSecret(sent, user.csrf)) {
        await store.refused(user, `${c.req.method} ${c.req.path}`, 'csrf', 'refused', null);
        return c.json({ error: 'csrf' }, 403);
      }
    }
    c.set('user', user);
    return next();
  });

  app.get('/api/me', (c) => c.json({ user: publicUser(c.get('user')) }));

  if (sessions) {
    app.post('/api/logout', (c) => {
      sessions.logout(c);
      return c.json({ ok: true });
    });
  }

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
    const found = await store.getLedger(id);
    // Another unit's ledger is "not found": its existence is not told either.
    if (!found || !mayRead(c.get('user'), found.unit)) return c.json({ error: 'not-found' }, 404);
    c.header('ETag', etag(found.version));
    return c.json({ id, version: found.version, ledger: found.ledger });
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
    const ctx = { role: user.role, user: user.name, today: today(), lang, closedFinal, ...(user.unit !== undefined ? { unit: user.unit } : {}) };

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
        c.header('ETag', etag(result.current.version));
        return c.json({ id, version: result.current.version, ledger: result.current.ledger });
    }
  });

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

  return { app, store };
}

/** The user as the client may see it (no token). @param {User} u */
function publicUser(u) {
  return { id: u.id, name: u.name, role: u.role, ...(u.unit !== undefined ? { unit: u.unit } : {}) };
}

// @ts-check
/**
 * Who is asking. The server asks an identity hook — a function reading the request — and never
 * the request body. Two hooks come with the reference:
 *
 * - {@link cookieSessions}: demo accounts, a login endpoint and an HMAC-signed session cookie,
 *   with a CSRF token bound to the session (double submit: cookie `xc_csrf` + header `X-CSRF-Token`);
 * - {@link trustedHeaderIdentity}: the user named by a header that the host's SSO gateway or OA
 *   reverse proxy sets (and strips from client requests).
 *
 * A portal writes its own hook the same way: `identify(c)` returns the user or null.
 */
import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';

/**
 * @typedef {'unit' | 'office' | 'viewer'} Role
 * @typedef {object} User
 * @property {string} id Stable user id (audit log, drafts).
 * @property {string} name The name history entries carry (`by`): the same as `<xc-provider>`'s `user.name` on the page.
 * @property {Role} role
 * @property {string} [unit] The user's unit (被巡察单位); a `unit` user reads and changes only its ledgers.
 * @property {string} [csrf] When the identity rides on an ambient credential (a cookie), the token
 *   every unsafe request must echo in `X-CSRF-Token`.
 * @typedef {{ identify: (c: import('hono').Context) => User | null | Promise<User | null> }} IdentityHook
 * @typedef {{ id: string, name: string, role: Role, unit?: string, password: string, label: string }} Account
 */

/**
 * The demo accounts: a unit clerk (单位经办人), the inspection office (巡察办) and a viewer (只读).
 * The password of all three is `XC_DEMO_PASSWORD`, or `demo` when it is not set. Not for production.
 * @param {string} [password]
 * @returns {Account[]}
 */
export function demoAccounts(password = process.env.XC_DEMO_PASSWORD || 'demo') {
  return [
    { id: 'clerk', name: '李四', role: 'unit', unit: '某乡人民政府', password, label: '单位经办人' },
    { id: 'office', name: '王五', role: 'office', password, label: '巡察办' },
    { id: 'viewer', name: '赵六', role: 'viewer', password, label: '只读' },
  ];
}

const b64url = (/** @type {Buffer} */ b) => b.toString('base64url');
const digest = (/** @type {string} */ s) => createHash('sha256').update(s, 'utf8').digest();
/** Compare two strings in constant time. @param {string} a @param {string} b */
export const sameSecret = (a, b) => timingSafeEqual(digest(a), digest(b));

/**
 * Sessions in an HMAC-signed cookie (`xc_session`, HttpOnly, SameSite=Strict) holding the account
 * id, the session's CSRF token and its expiry; the CSRF token is also given in a readable cookie
 * (`xc_csrf`) and in the login answer, for the page to send back in `X-CSRF-Token`.
 * @param {{ secret: string, accounts?: Account[], maxAgeSeconds?: number, secure?: boolean, now?: () => number }} opts
 *   `secure`: mark cookies Secure (set it when served over https).
 */
export function cookieSessions({ secret, accounts = demoAccounts(), maxAgeSeconds = 8 * 3600, secure = false, now = Date.now }) {
  if (!secret || secret.length < 16) throw new Error('cookieSessions needs a secret of at least 16 characters');
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const mac = (/** @type {string} */ payload) => b64url(createHmac('sha256', secret).update(payload).digest());
  /** @param {Account} a @param {string} csrf @returns {User} */
  const user = (a, csrf) => ({ id: a.id, name: a.name, role: a.role, ...(a.unit ? { unit: a.unit } : {}), csrf });
  const cookieOpts = /** @type {const} */ ({ path: '/', sameSite: 'Strict', secure, maxAge: maxAgeSeconds });

  return {
    /** @type {IdentityHook['identify']} */
    identify(c) {
      const raw = getCookie(c, 'xc_session');
      if (!raw || raw.length > 1024) return null;
      const dot = raw.lastIndexOf('.');
      if (dot < 0) return null;
      const payload = raw.slice(0, dot);
      if (!sameSecret(mac(payload), raw.slice(dot + 1))) return null;
      let data;
      try {
        data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      if (!data || typeof data.u !== 'string' || typeof data.t !== 'string' || typeof data.e !== 'number' || data.e < now()) return null;
      const a = byId.get(data.u);
      return a ? user(a, data.t) : null;
    },

    /**
     * Check a login and set the cookies. @param {import('hono').Context} c
     * @param {unknown} id @param {unknown} password @returns {User | null}
     */
    login(c, id, password) {
      const a = typeof id === 'string' ? byId.get(id) : undefined;
      // Compare even for an unknown account, so timing does not tell which ids exist.
      const ok = sameSecret(typeof password === 'string' ? password : '', a?.password ?? randomBytes(16).toString('hex'));
      if (!a || !ok) return null;
      const csrf = b64url(randomBytes(24));
      const payload = b64url(Buffer.from(JSON.stringify({ u: a.id, t: csrf, e: now() + maxAgeSeconds * 1000 })));
      setCookie(c, 'xc_session', `${payload}.${mac(payload)}`, { ...cookieOpts, httpOnly: true });
      setCookie(c, 'xc_csrf', csrf, cookieOpts);
      return user(a, csrf);
    },

    /** @param {import('hono').Context} c */
    logout(c) {
      deleteCookie(c, 'xc_session', { path: '/' });
      deleteCookie(c, 'xc_csrf', { path: '/' });
    },
  };
}

/**
 * The user named by a header the host's gateway sets after single sign-on (e.g. `X-Remote-User`),
 * looked up in the host's directory. Use it only behind a gateway that removes the header from
 * client requests. When the gateway's own credential is a browser cookie, return a `csrf` from
 * `lookup` too (the server then demands it in `X-CSRF-Token`).
 * @param {{ header: string, lookup: (id: string) => User | null | Promise<User | null> }} opts
 * @returns {IdentityHook}
 */
export function trustedHeaderIdentity({ header, lookup }) {
  return {
    identify(c) {
      const id = c.req.header(header);
      return id ? lookup(id) : null;
    },
  };
}

/**
 * Middleware for every `/api` route past the login: the user from the identity hook (401 without
 * one), and for unsafe methods of cookie sessions the CSRF token in `X-CSRF-Token` (403, audited).
 * The ledger routes and the file routes (mounted before the JSON-only check) both use it.
 * @param {IdentityHook} identity
 * @param {{ refused: (actor: User, action: string, target: string, outcome: string, version: number | null) => Promise<unknown> }} store
 * @returns {import('hono').MiddlewareHandler}
 */
export function requireUser(identity, store) {
  return async (c, next) => {
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
  };
}

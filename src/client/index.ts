/**
 * `xc-elements/client`: talk to a back end that speaks the reference server's HTTP API
 * (server/README.md) — load a ledger, save it item by item with optimistic concurrency, hear of
 * changes made by others (Server-Sent Events, or polling with `If-None-Match`), keep drafts on the
 * server — and wire an `<xc-rectification-tracker>` to it.
 *
 * The library makes no request of its own: these functions talk only to the `baseUrl` the host
 * passes (default `/api`, same origin), with the page's own cookies (`credentials: 'same-origin'`)
 * and the CSRF token the server asks for (by default read from the readable `xc_csrf` cookie).
 */
import type { RectificationItem, RectificationLedger } from '../core/rectification-types.js';
import type { Draft, DraftStorage } from '../core/draft.js';
import type { SyncErrorEventDetail } from '../events/xc-sync-error.js';

/** Options of {@link createLedgerClient} and {@link httpDraftStorage}. */
export interface ClientOptions {
  /** Where the API is (default `/api`). Nothing else is ever requested. */
  baseUrl?: string;
  /** The CSRF token sent as `X-CSRF-Token` with every unsafe request (default: the `xc_csrf` cookie). */
  csrf?: () => string | undefined;
  /** The fetch to use (default the page's). */
  fetch?: typeof fetch;
  /**
   * The language the server writes its messages in (sent as `Accept-Language`): default the
   * page's `<html lang>`, else `zh-CN` (the elements' default), so refusal reasons read in the
   * page's language rather than the browser's.
   */
  lang?: () => string | undefined;
}

/** A change announced by the server (`event: change` of `/ledgers/:id/events`), or found by polling. */
export interface LedgerChange {
  /** The ledger's version after the change. */
  version: number;
  /** The items changed (empty when not known, e.g. found by polling). */
  itemIds: string[];
  /** Who changed it (empty when not known). */
  by: string;
  /** The ledger itself, when the change was found by polling (no second request needed). */
  ledger?: RectificationLedger;
}

/** A refusal reason of the server's rules (`verifyLedgerChange`). */
export interface RefusalReason {
  code: string;
  message?: string;
  itemId?: string;
  field?: string;
}

/** A write was based on an old version: someone else saved first (HTTP 409). */
export class LedgerConflict extends Error {
  override name = 'LedgerConflict';
  constructor(
    /** The version on the server now. */
    readonly version: number,
    /** The ledger on the server now. */
    readonly ledger: RectificationLedger,
  ) {
    super(`The ledger changed on the server (now version ${version})`);
  }
}

/** The server refused a request (its rules, permission, or another error): `status` and, for rule refusals, `reasons`. */
export class LedgerRefused extends Error {
  override name = 'LedgerRefused';
  constructor(
    /** The HTTP status (403, 404, 422, …). */
    readonly status: number,
    /** Why, when the server's rules refused (`{error: 'refused', reasons}`); else empty. */
    readonly reasons: RefusalReason[],
    /** The server's error code (`refused`, `csrf`, `read-only`, `not-found`, …). */
    readonly error: string = '',
  ) {
    super(`The server refused the request (${status}${error ? ` ${error}` : ''})`);
  }
}

/** What {@link createLedgerClient} returns. */
export interface LedgerClient {
  /** The ledger and its version (`GET /ledgers/:id`). */
  load(id: string): Promise<{ version: number; ledger: RectificationLedger }>;
  /**
   * Save one item (`PUT /ledgers/:id/items/:itemId` with `If-Match: "<baseVersion>"`).
   * @throws {LedgerConflict} when the item changed on the server since `baseVersion`.
   * @throws {LedgerRefused} when the server's rules or permissions refuse it.
   */
  saveItem(id: string, item: RectificationItem, baseVersion: number): Promise<{ version: number; item: RectificationItem }>;
  /**
   * Save the whole ledger (`PUT /ledgers/:id` with `If-Match`).
   * @throws {LedgerConflict} / {LedgerRefused} as {@link saveItem}.
   */
  save(id: string, ledger: RectificationLedger, baseVersion: number): Promise<{ version: number; ledger: RectificationLedger }>;
  /**
   * Hear of changes: Server-Sent Events from `/ledgers/:id/events`; where those are not to be had
   * (no EventSource, or the stream is refused), polling every `poll` ms (default 15 s) with
   * `If-None-Match`, which costs a 304 while nothing changed. Returns the function that stops it.
   */
  subscribe(id: string, onChange: (change: LedgerChange) => void, options?: { poll?: number }): () => void;
}

/** A cookie of the page by name (undefined when absent). */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** The request function shared by the client and the draft storage. */
function requester(opts: ClientOptions) {
  const base = trimSlash(opts.baseUrl ?? '/api');
  const csrf = opts.csrf ?? (() => readCookie('xc_csrf'));
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  // Not the browser's own Accept-Language: the page's, else the elements' default language.
  const lang = opts.lang ?? (() => (typeof document === 'undefined' ? undefined : document.documentElement.lang) || 'zh-CN');
  return {
    base,
    async request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
      const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
      const l = lang();
      if (l) headers['Accept-Language'] = l;
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      if (method !== 'GET' && method !== 'HEAD') {
        const token = csrf();
        if (token) headers['X-CSRF-Token'] = token;
      }
      return doFetch(base + path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    },
  };
}

/** The JSON of a response, or an empty object when it has none. */
async function json(res: Response): Promise<Record<string, unknown>> {
  try {
    return (await res.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Turn an error response into the client's errors. */
async function failure(res: Response): Promise<never> {
  const body = await json(res);
  if (res.status === 409 && body['ledger']) throw new LedgerConflict(Number(body['version']), body['ledger'] as RectificationLedger);
  throw new LedgerRefused(res.status, Array.isArray(body['reasons']) ? (body['reasons'] as RefusalReason[]) : [], typeof body['error'] === 'string' ? body['error'] : '');
}

const seg = (s: string) => encodeURIComponent(s);

/**
 * A client of the ledger API (server/README.md). Every request goes to `baseUrl` with the page's
 * cookies and, on writes, the CSRF token.
 */
export function createLedgerClient(options: ClientOptions = {}): LedgerClient {
  const { base, request } = requester(options);
  /** The last version seen of each ledger, for polling. */
  const known = new Map<string, number>();
  const seen = (id: string, v: number) => known.set(id, Math.max(known.get(id) ?? 0, v));

  return {
    async load(id) {
      const res = await request('GET', `/ledgers/${seg(id)}`);
      if (!res.ok) return failure(res);
      const body = await json(res);
      const version = Number(body['version']);
      seen(id, version);
      return { version, ledger: body['ledger'] as RectificationLedger };
    },

    async saveItem(id, item, baseVersion) {
      const res = await request('PUT', `/ledgers/${seg(id)}/items/${seg(item.id)}`, { body: item, headers: { 'If-Match': `"${baseVersion}"` } });
      if (!res.ok) return failure(res);
      const body = await json(res);
      const version = Number(body['version']);
      seen(id, version);
      return { version, item: (body['item'] as RectificationItem | undefined) ?? item };
    },

    async save(id, ledger, baseVersion) {
      const res = await request('PUT', `/ledgers/${seg(id)}`, { body: ledger, headers: { 'If-Match': `"${baseVersion}"` } });
      if (!res.ok) return failure(res);
      const body = await json(res);
      const version = Number(body['version']);
      seen(id, version);
      return { version, ledger: body['ledger'] as RectificationLedger };
    },

    subscribe(id, onChange, { poll = 15_000 } = {}) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let source: EventSource | undefined;

      /** Read the ledger now (If-None-Match): a poll, or what changed while the stream was down. */
      const catchUp = async () => {
        try {
          const v = known.get(id);
          const res = await request('GET', `/ledgers/${seg(id)}`, v ? { headers: { 'If-None-Match': `"${v}"` } } : {});
          if (!res.ok || stopped) return;
          const body = await json(res);
          const version = Number(body['version']);
          if (version > (known.get(id) ?? 0)) {
            seen(id, version);
            onChange({ version, itemIds: [], by: '', ledger: body['ledger'] as RectificationLedger });
          }
        } catch {
          /* offline: the next poll or reconnection reads again */
        }
      };
      const pollOnce = async () => {
        if (stopped) return;
        await catchUp();
        if (!stopped) timer = setTimeout(() => void pollOnce(), poll);
      };
      const startPolling = () => {
        source?.close();
        source = undefined;
        if (!stopped && timer === undefined) timer = setTimeout(() => void pollOnce(), poll);
      };

      let opened = false;
      let backoff = 1_000;
      let reopen: ReturnType<typeof setTimeout> | undefined;
      const open = () => {
        if (stopped) return;
        clearTimeout(reopen);
        reopen = undefined;
        source?.close();
        const s = (source = new EventSource(`${base}/ledgers/${seg(id)}/events`, { withCredentials: false }));
        s.addEventListener('open', () => {
          backoff = 1_000;
          // Back after a drop: changes made meanwhile were not announced to us.
          if (opened) void catchUp();
          opened = true;
        });
        s.addEventListener('change', (e) => {
          try {
            const d = JSON.parse((e as MessageEvent<string>).data) as Partial<LedgerChange>;
            const version = Number(d.version);
            if (!Number.isFinite(version)) return;
            onChange({ version, itemIds: Array.isArray(d.itemIds) ? d.itemIds.map(String) : [], by: typeof d.by === 'string' ? d.by : '' });
          } catch {
            /* not a change we can read */
          }
        });
        s.addEventListener('error', () => {
          if (s !== source || s.readyState !== EventSource.CLOSED) return; // the browser retries by itself
          // A stream the server refused from the start: poll instead.
          if (!opened) return startPolling();
          // A stream that worked and was lost (network drop): open it again, waiting longer each time.
          reopen = setTimeout(open, backoff);
          backoff = Math.min(backoff * 2, 30_000);
        });
      };
      const onOnline = () => {
        if (stopped) return;
        if (source && source.readyState === EventSource.CLOSED && opened) open();
        else if (!source) void catchUp();
      };
      if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

      if (typeof EventSource === 'function') open();
      else startPolling();

      return () => {
        stopped = true;
        clearTimeout(reopen);
        if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
        clearTimeout(timer);
        source?.close();
      };
    },
  };
}

/** The part of `<xc-rectification-tracker>` that {@link bindLedger} uses. */
export interface BindableTracker extends HTMLElement {
  value: RectificationLedger | null;
  readonly unsyncedItemIds: string[];
  /** The conflict banner is open: saves wait for the person's choice. */
  readonly hasConflict?: boolean;
  getItem(id: string): RectificationItem | undefined;
  markItemSynced(item: RectificationItem): void;
  showConflict(theirs: RectificationLedger): unknown;
  receiveRemote(theirs: RectificationLedger): unknown;
  /** Tell the person that the server refused this item's save, and put the server's item back (the refused edit kept to be got back). */
  showRefused?(itemId: string, reasons: RefusalReason[], serverItem?: RectificationItem): unknown;
  /** Say how many items' saves wait for the network (0: none). */
  showPending?(count: number): unknown;
}

/** Detail of `xc-sync-error`, fired on the tracker by {@link bindLedger} when a save is refused or the server cannot be reached. */
export type SyncErrorDetail = SyncErrorEventDetail;

/** What {@link bindLedger} returns. */
export interface LedgerBinding {
  /** Settles once the ledger is loaded and shown (rejects when it could not be loaded). */
  readonly ready: Promise<void>;
  /** The server's version the tracker is based on now. */
  readonly version: number;
  /** Save the items changed and not saved yet, now (also done after every `xc-change`, after a short pause). */
  flush(): Promise<void>;
  /** Stop listening to the tracker and the server. */
  disconnect(): void;
}

/**
 * Wire an `<xc-rectification-tracker>` to the server: load ledger `id` into it; save every item the
 * person changes, one by one, based on the version loaded (after each `xc-change`, after `delay` ms);
 * when a save is stale (409) show the tracker's "changed by someone else" banner (merge or reload,
 * nothing typed lost: `tracker.showConflict`); when another party's change is announced, apply it
 * (`tracker.receiveRemote`: at once when nothing is unsaved, else merged). A refused save or an
 * unreachable server fires `xc-sync-error` (`{itemId, error}`) on the tracker; unreachable saves are
 * tried again after `retry` ms. Give the tracker a `draft-key` too: its draft keeps the typing
 * whatever the network does.
 */
export function bindLedger(
  tracker: BindableTracker,
  client: LedgerClient,
  id: string,
  options: { poll?: number; delay?: number; retry?: number } = {},
): LedgerBinding {
  const { delay = 300, retry = 5_000 } = options;
  let version = 0;
  let stopped = false;
  let saving: Promise<void> | null = null;
  let again = false;
  let held = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe = () => {};
  let deferred: LedgerChange | null = null;

  const fail = (itemId: string | null, error: unknown) =>
    tracker.dispatchEvent(new CustomEvent<SyncErrorDetail>('xc-sync-error', { bubbles: true, composed: true, detail: { itemId, error } }));

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void flush(), ms);
  };

  /** Take a version of the server (from an event or after a save that skipped one). */
  const takeRemote = async (known?: { version: number; ledger?: RectificationLedger }) => {
    const fresh = known?.ledger ? { version: known.version, ledger: known.ledger } : await client.load(id);
    if (stopped || fresh.version <= version) return;
    version = fresh.version;
    await tracker.receiveRemote(fresh.ledger);
  };

  /** Items refused as they are now (canonical text): not sent again until changed. */
  const refused = new Map<string, string>();

  /** The server's item, to put back in place of a refused edit (undefined when it cannot be read). */
  const serverItem = async (itemId: string) => {
    try {
      return (await client.load(id)).ledger.items.find((i) => i.id === itemId);
    } catch {
      return undefined;
    }
  };

  const saveAll = async () => {
    do {
      again = false;
      let waiting = 0;
      // Each item is saved on its own: one refused or unreachable does not hold back the others.
      for (const itemId of tracker.unsyncedItemIds) {
        // While the person chooses (merge or reload), a save would overwrite the other side's change.
        if (stopped || held || tracker.hasConflict) return;
        const item = tracker.getItem(itemId);
        if (!item || refused.get(itemId) === JSON.stringify(item)) continue;
        try {
          const before = version;
          const r = await client.saveItem(id, item, version);
          refused.delete(itemId);
          tracker.markItemSynced(r.item);
          // Someone else saved in between (their change did not touch this item): fetch it.
          if (r.version > before + 1) await takeRemote();
          version = Math.max(version, r.version);
        } catch (e) {
          if (e instanceof LedgerConflict) {
            // The person decides (merge or reload); their choice fires xc-change, which saves again.
            version = Math.max(version, e.version);
            held = true;
            tracker.showPending?.(0);
            await tracker.showConflict(e.ledger);
            return;
          }
          fail(itemId, e);
          if (e instanceof LedgerRefused) {
            refused.set(itemId, JSON.stringify(item));
            if (tracker.showRefused) await tracker.showRefused(itemId, e.reasons, await serverItem(itemId));
          } else waiting++;
        }
      }
      tracker.showPending?.(waiting);
      if (waiting) schedule(retry);
    } while (again && !stopped);
  };

  const flush = (): Promise<void> => {
    if (saving) {
      again = true;
      return saving;
    }
    saving = saveAll().finally(() => {
      saving = null;
      // A change announced while saving: our own save's, unless the version moved on further.
      const later = deferred;
      deferred = null;
      if (later && later.version > version && !stopped) void takeRemote(later).catch((e) => fail(null, e));
    });
    return saving;
  };

  const onChange = () => {
    held = false;
    schedule(delay);
  };
  // Back online: send what waited at once.
  const onOnline = () => schedule(0);

  const ready = client.load(id).then(
    (r) => {
      if (stopped) return;
      version = r.version;
      tracker.value = r.ledger;
      tracker.addEventListener('xc-change', onChange);
      if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
      unsubscribe = client.subscribe(
        id,
        (change) => {
          if (change.version <= version) return;
          if (saving) {
            deferred = !deferred || change.version > deferred.version ? change : deferred;
            return;
          }
          void takeRemote(change).catch((e) => fail(null, e));
        },
        options.poll ? { poll: options.poll } : {},
      );
    },
    (e) => {
      fail(null, e);
      throw e;
    },
  );

  return {
    ready,
    get version() {
      return version;
    },
    flush,
    disconnect() {
      stopped = true;
      clearTimeout(timer);
      tracker.removeEventListener('xc-change', onChange);
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      unsubscribe();
    },
  };
}

/**
 * A draft key as the server's `/drafts/:key` takes it (one-to-one): `k`, then the key with each
 * character outside `A-Za-z0-9.:-` written as `_` and 4 hex digits (`round-3/unit-12~previous` →
 * `kround-3_002funit-12_007eprevious`).
 */
export function draftKeyPath(key: string): string {
  return `k${key.replace(/[^A-Za-z0-9.:-]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
}

/**
 * A {@link DraftStorage} over the server's `/drafts/:key` (each user's own): `load`, `save` and
 * `remove` answer with Promises. While a save is in flight the elements keep a copy in
 * localStorage until the server confirms it, so closing the page loses nothing.
 */
export function httpDraftStorage(options: ClientOptions = {}): DraftStorage {
  const { request } = requester(options);
  return {
    async load(key) {
      const res = await request('GET', `/drafts/${draftKeyPath(key)}`);
      if (res.status === 404) return null;
      if (!res.ok) return failure(res);
      const d = (await json(res)) as unknown as Draft;
      return d && typeof d.savedAt === 'number' && 'value' in d ? d : null;
    },
    async save(key, draft) {
      const res = await request('PUT', `/drafts/${draftKeyPath(key)}`, { body: draft });
      if (!res.ok) await failure(res);
    },
    async remove(key) {
      const res = await request('DELETE', `/drafts/${draftKeyPath(key)}`);
      if (!res.ok && res.status !== 404) await failure(res);
    },
  };
}

/**
 * The demo on the reference back end (`npm start`): who is signed in, sign in and out, and the
 * shared ledger through `xc-elements/client`. Served without the back end (a static server, the
 * test server), `/api/me` answers no JSON and the demo keeps everything in localStorage as before.
 */
import { bindLedger, createLedgerClient, readCookie, type LedgerBinding } from '../src/client/index.js';
import { httpAttachments, indexedDbAttachments, localFirstAttachments, type LocalFirstAttachments } from '../src/attachments/stores/index.js';
import type { AttachmentLimits, AttachmentStore } from '../src/core/attachment-types.js';
import type { RectificationItem } from '../src/core/rectification-types.js';

/** The signed-in user as the server tells it. */
export interface DemoUser {
  id: string;
  name: string;
  role: 'unit' | 'office' | 'viewer';
  unit?: string;
}

/**
 * `local`: no back end; `server`: the back end answers (user null: not signed in), or did at the
 * last visit and the network is down now (`offline`: the user signed in then).
 */
export type Mode = { kind: 'local' } | { kind: 'server'; user: DemoUser | null; offline?: boolean };

/** The signed-in user, remembered for a visit without network (the server still decides who may do what). */
const ME = 'xc-demo:me';
function remember(user: DemoUser | null): void {
  try {
    if (user) localStorage.setItem(ME, JSON.stringify(user));
    else localStorage.removeItem(ME);
  } catch {
    /* storage off: an offline visit then starts without a user */
  }
}
function remembered(): DemoUser | null {
  try {
    const u = JSON.parse(localStorage.getItem(ME) ?? 'null') as DemoUser | null;
    return u && typeof u.id === 'string' && typeof u.name === 'string' ? u : null;
  } catch {
    return null;
  }
}

/** The one shared ledger of the demo (unit 某乡人民政府, the clerk's). */
export const LEDGER_ID = 'demo';

export const client = createLedgerClient({ baseUrl: '/api' });

const json = (r: Response) => (r.headers.get('content-type') ?? '').includes('application/json');

/** Ask the back end who is signed in. */
export async function whoAmI(): Promise<Mode> {
  // Only where the page says a back end is there (`npm start` adds the meta): a static server may
  // leave an unknown path unanswered, holding one of the browser's few connections.
  if (!document.querySelector('meta[name="xc-api"]')) return { kind: 'local' };
  try {
    // No answer in 5 s: as without a back end.
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 5000);
    const r = await fetch('/api/me', { credentials: 'same-origin', headers: { accept: 'application/json' }, signal: ctl.signal }).finally(() => clearTimeout(timer));
    if (!json(r)) return { kind: 'local' };
    if (r.status === 401) {
      remember(null);
      return { kind: 'server', user: null };
    }
    if (r.ok) {
      const { user } = (await r.json()) as { user: DemoUser };
      remember(user);
      return { kind: 'server', user };
    }
  } catch {
    // No network (a phone out of coverage): the user of the last visit goes on working; what they
    // do waits in this browser (drafts, files) until the network is back.
    const user = navigator.onLine === false ? remembered() : null;
    if (user) return { kind: 'server', user, offline: true };
  }
  return { kind: 'local' };
}

/** Sign in; the user, or null when the account or password is wrong. */
export async function signIn(user: string, password: string): Promise<DemoUser | null> {
  const r = await fetch('/api/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  const me = r.ok ? ((await r.json()) as { user: DemoUser }).user : null;
  remember(me);
  return me;
}

export async function signOut(): Promise<void> {
  remember(null);
  await fetch('/api/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': readCookie('xc_csrf') ?? '' },
    body: '{}',
  });
}

let binding: { tracker: Element; binding: LedgerBinding } | null = null;

function bind(tracker: Element): LedgerBinding {
  const b = bindLedger(tracker as unknown as Parameters<typeof bindLedger>[0], client, LEDGER_ID);
  // A ledger that could not be loaded (no network) is reported by xc-sync-error; loaded again when the network is back.
  b.ready.catch(() => undefined);
  return b;
}

/** Wire the ledger page's tracker to the server ledger (once per tracker element). */
export function bindTracker(tracker: Element | undefined, onError: (message: string) => void): void {
  if (binding && binding.tracker !== tracker) {
    binding.binding.disconnect();
    binding = null;
  }
  if (!tracker || binding) return;
  tracker.addEventListener('xc-sync-error', (e) => {
    const err = (e as CustomEvent<{ error: unknown }>).detail.error as { reasons?: { message?: string }[]; message?: string };
    onError(err?.reasons?.map((r) => r.message).filter(Boolean).join('；') || err?.message || String(err));
  });
  binding = { tracker, binding: bind(tracker) };
}

/** Load the ledger anew into the bound tracker (the network is back after a start without it). */
export function rebindTracker(): void {
  if (!binding) return;
  const { tracker } = binding;
  binding.binding.disconnect();
  binding = { tracker, binding: bind(tracker) };
}

/** The office adds new items (from a submitted checklist) to the shared ledger; returns how many were added. */
export async function addItems(items: RectificationItem[]): Promise<number> {
  const { version, ledger } = await client.load(LEDGER_ID);
  const have = new Set(ledger.items.map((i) => i.id));
  let added = 0;
  for (const item of items) {
    if (have.has(item.id)) continue;
    await client.saveItem(LEDGER_ID, item, version);
    added++;
  }
  return added;
}

/**
 * Evidence files of the demo: photos downscaled to a 2048-pixel long side, at most 10 MiB and 10
 * files per piece of evidence (the back end takes up to XC_FILE_MAX_SIZE, 20 MiB by default).
 */
export const ATTACHMENT_LIMITS: AttachmentLimits = { maxSize: 10 * 1024 * 1024, maxCount: 10, maxLongSide: 2048, quality: 0.85 };

let files: { key: string; store: AttachmentStore } | null = null;

/**
 * The evidence-file store of this page. Signed in on the back end: kept in this browser at once
 * (IndexedDB, one database per user, so nothing of another user's queue is sent in this user's
 * name), uploaded to `/api/files` as soon as the network is there, the count of files waiting in
 * `pendingCount`. Without a back end the files stay in this browser.
 */
export function attachmentStore(user: DemoUser | null): AttachmentStore {
  const key = user ? `xc-demo-files-${user.id}` : 'xc-demo-files';
  if (files?.key === key) return files.store;
  if (files && 'close' in files.store) (files.store as LocalFirstAttachments).close();
  const local = indexedDbAttachments({ dbName: key });
  const store = user ? localFirstAttachments({ local, remote: httpAttachments({ baseUrl: '/api' }), lockName: key }) : local;
  files = { key, store };
  return store;
}

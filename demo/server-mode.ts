/**
 * The demo on the reference back end (`npm start`): who is signed in, sign in and out, and the
 * shared ledger through `xc-elements/client`. Served without the back end (a static server, the
 * test server), `/api/me` answers no JSON and the demo keeps everything in localStorage as before.
 */
import { bindLedger, createLedgerClient, readCookie, type LedgerBinding } from '../src/client/index.js';
import type { RectificationItem } from '../src/core/rectification-types.js';

/** The signed-in user as the server tells it. */
export interface DemoUser {
  id: string;
  name: string;
  role: 'unit' | 'office' | 'viewer';
  unit?: string;
}

/** `local`: no back end; `server`: the back end answers (user null: not signed in). */
export type Mode = { kind: 'local' } | { kind: 'server'; user: DemoUser | null };

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
    if (r.status === 401) return { kind: 'server', user: null };
    if (r.ok) return { kind: 'server', user: ((await r.json()) as { user: DemoUser }).user };
  } catch {
    /* no back end */
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
  return r.ok ? ((await r.json()) as { user: DemoUser }).user : null;
}

export async function signOut(): Promise<void> {
  await fetch('/api/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': readCookie('xc_csrf') ?? '' },
    body: '{}',
  });
}

let binding: { tracker: Element; binding: LedgerBinding } | null = null;

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
  binding = { tracker, binding: bindLedger(tracker as unknown as Parameters<typeof bindLedger>[0], client, LEDGER_ID) };
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

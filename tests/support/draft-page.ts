/**
 * The page side of a draft page: a page holding one element with a draft key, drafts in the
 * default storage (localStorage), for tests that reload, close or reopen it (tests/reliability/,
 * each record's reload test). `mountDraftPage` puts the element inside an `<xc-provider>` with a
 * fixed "today" and sets `window.xcReady`, which resolves to the element once it has rendered.
 */
declare global {
  interface Window {
    xcReady: Promise<HTMLElement>;
  }
}

/** The draft key the page was opened with (`?key=`), else `fallback`. */
export function draftKey(fallback: string): string {
  return new URLSearchParams(location.search).get('key') ?? fallback;
}

export interface DraftPageOptions {
  /** The draft key (see {@link draftKey}). */
  key: string;
  /** The provider's `today`. */
  today: string;
  /** The provider's `user-role`, if any. */
  role?: string;
  /** The provider's current user, if any. */
  user?: { id: string; name: string };
  /** Work before the element counts as rendered (data given once it is in the page); by default its first update. */
  ready?: () => Promise<unknown>;
}

/** Put `el` with its draft key in the page inside a provider, and set `window.xcReady`. */
export function mountDraftPage(el: HTMLElement & { updateComplete: Promise<unknown> }, o: DraftPageOptions): void {
  const provider = document.createElement('xc-provider');
  provider.setAttribute('today', o.today);
  if (o.role) provider.setAttribute('user-role', o.role);
  if (o.user) provider.user = o.user;
  el.setAttribute('draft-key', o.key);
  provider.append(el);
  document.body.append(provider);
  window.xcReady = (async () => {
    await (o.ready ? o.ready() : el.updateComplete);
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    return el;
  })();
}

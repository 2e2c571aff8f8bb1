// Helpers for tests that open tests/fixtures/draft-page.html in iframes (a tab each) and
// reload, close or reopen them.

/** Resolves at the frame's next load event. */
export function loaded(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the draft page did not load')), 15000);
    frame.addEventListener('load', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export interface Tab<T extends HTMLElement = HTMLElement> {
  frame: HTMLIFrameElement;
  el: T;
}

/** Open the draft page (`query`: `el=…&key=…`) in a new iframe; resolves once its element has rendered. */
export async function openTab<T extends HTMLElement = HTMLElement>(query: string): Promise<Tab<T>> {
  const frame = document.createElement('iframe');
  frame.src = `/tests/fixtures/draft-page.html?${query}`;
  frame.style.width = '900px';
  frame.style.height = '700px';
  const done = loaded(frame);
  document.body.append(frame);
  await done;
  return { frame, el: (await frame.contentWindow!.xcReady) as T };
}

/** Reload the page in a tab; resolves once its element has rendered again. */
export async function reloadTab<T extends HTMLElement = HTMLElement>(tab: Tab<T>): Promise<Tab<T>> {
  const done = loaded(tab.frame);
  tab.frame.contentWindow!.location.reload();
  await done;
  return { frame: tab.frame, el: (await tab.frame.contentWindow!.xcReady) as T };
}

/** Wait (polling, at most `ms`) until `check` returns something truthy. */
export async function until<T>(check: () => T, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Focus a control inside a tab with the caret at its end, ready for key presses. */
export function focusEnd(tab: Tab, c: HTMLInputElement | HTMLTextAreaElement): void {
  tab.frame.contentWindow!.focus();
  c.focus();
  if (c.type !== 'number' && c.type !== 'date') c.setSelectionRange(c.value.length, c.value.length);
}

/** Forget a draft and the one kept aside beside it. */
export function forget(key: string): void {
  localStorage.removeItem(`xc-draft:${key}`);
  localStorage.removeItem(`xc-draft:${key}~previous`);
}

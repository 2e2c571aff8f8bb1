/**
 * The test side of a record's draft page (tests/<record>/draft-page.html, written with
 * tests/support/draft-page.ts): open it in a frame with a draft key, and take the draft it offers
 * after a reload. Reloading, typing at the end of a box and forgetting a draft are in
 * tests/reliability/pages.ts.
 */
import { expect } from '@open-wc/testing';
import { loaded, type Tab } from '../reliability/pages.js';

/** Open `page` (e.g. `/tests/petition/draft-page.html`) with draft key `key` in a new 1000 × 700 frame; resolves once its element has rendered. */
export async function openDraftPage<T extends HTMLElement>(page: string, key: string): Promise<Tab<T>> {
  const frame = document.createElement('iframe');
  frame.src = `${page}?key=${encodeURIComponent(key)}`;
  frame.style.width = '1000px';
  frame.style.height = '700px';
  const done = loaded(frame);
  document.body.append(frame);
  await done;
  return { frame, el: (await frame.contentWindow!.xcReady) as T };
}

/** Press the draft banner's restore button (it must be there) and wait for the element to show the draft. */
export async function restoreDraft(tab: Tab<HTMLElement & { updateComplete: Promise<unknown> }>): Promise<void> {
  const button = tab.el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=draft-banner] button.primary');
  expect(button, 'the draft is offered after the reload').to.exist;
  button!.click();
  await tab.el.updateComplete;
}

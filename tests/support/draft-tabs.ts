/**
 * The test side of a record's draft page (tests/<record>/draft-page.html, written with
 * tests/support/draft-page.ts): open it in a frame with a draft key, take the draft it offers
 * after a reload, and type word by word with a reload cut right after each last key. Reloading a
 * tab, typing at the end of a box and forgetting a draft are in tests/reliability/pages.ts.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { focusEnd, loaded, reloadTab, type Tab } from '../reliability/pages.js';

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

type Shown = HTMLElement & { updateComplete: Promise<unknown> };

/**
 * For each word: find the box (`box` opens it where needed), type the word at its end with real key
 * presses, reload the page at once (inside the draft's save pause), take the offered draft and check
 * that the box holds everything typed so far (then `after`, the test's own checks). Resolves to the
 * tab after the last reload.
 */
export async function typeThroughReloads<T extends Shown>(
  tab: Tab<T>,
  words: readonly string[],
  box: (tab: Tab<T>) => HTMLTextAreaElement | Promise<HTMLTextAreaElement>,
  after?: (tab: Tab<T>) => void,
): Promise<Tab<T>> {
  let expected: string | undefined;
  for (const word of words) {
    const b = await box(tab);
    expected ??= b.value;
    focusEnd(tab, b);
    await sendKeys({ type: word });
    expected += word;
    tab = await reloadTab(tab);
    await restoreDraft(tab);
    expect((await box(tab)).value).to.equal(expected);
    after?.(tab);
  }
  return tab;
}

/** Hostile text for tests: the payloads of tests/fixtures/xss-payloads.txt, and the check that none of them became markup or ran. */
import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    __xss: (id: number) => void;
    __xssFired: number[];
  }
}

/** Install the hook every payload calls if it ever runs, and read the corpus. */
export async function loadPayloads(): Promise<string[]> {
  window.__xssFired = [];
  window.__xss = (id: number) => void window.__xssFired.push(id);
  return (await (await fetch('/tests/fixtures/xss-payloads.txt')).text()).split('\n').filter((l) => l.length > 0);
}

/**
 * Nothing in `root` came from data as markup: none of the `forbidden` elements, no
 * on* attribute, links only http(s) or relative, and no payload ran.
 */
export function assertInert(root: ParentNode, forbidden: string): void {
  expect([...root.querySelectorAll(forbidden)].map((b) => b.outerHTML.slice(0, 80))).to.deep.equal([]);
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    expect(/^(https?:|#|\/|\.)/i.test(href.trim()), href).to.equal(true);
  }
  for (const node of root.querySelectorAll('*')) {
    for (const attr of node.getAttributeNames()) expect(attr.startsWith('on'), `${node.localName}[${attr}]`).to.equal(false);
  }
  expect(window.__xssFired).to.deep.equal([]);
}

/**
 * "The elements make no request that the host did not ask for": every example page
 * (examples/<name>/index.html, and examples/<name>/dist/index.html where the example is built;
 * the list comes from the test server, so new examples are picked up), and the demo portal,
 * loaded with the browser's own request log (puppeteer request events for the page and all its
 * frames, failed requests included). Every request must go to the page's own server.
 *
 * The demo is a Vite page in development; the test server serves its TypeScript as modules
 * just the same, so it is loaded here too.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { foreignRequests, record, startNetworkLog, stopNetworkLog } from '../support/report.js';

const DEMO = '/demo/index.html';

/** localhost ↔ 127.0.0.1, same port: the other origin of the same test server. */
function otherLoopback(origin: string): string {
  const u = new URL(origin);
  u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return u.origin;
}

function load(url: string): Promise<HTMLIFrameElement> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1200px';
    frame.style.height = '900px';
    const timer = setTimeout(() => reject(new Error(`${url} did not load`)), 20000);
    frame.addEventListener('load', () => (clearTimeout(timer), resolve(frame)), { once: true });
    frame.src = url;
    document.body.append(frame);
  });
}

/** Every element of the page, in shadow roots too. */
function allElements(root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** The xc elements that rendered, once they (and what they load after the first frame) are done. */
async function rendered(win: Window): Promise<number> {
  let xc: Element[] = [];
  for (let i = 0; i < 60; i++) {
    xc = allElements(win.document).filter((e) => e.localName.startsWith('xc-') && e.shadowRoot && e.shadowRoot.childElementCount > 0);
    if (xc.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(xc.map((e) => (e as unknown as { updateComplete?: Promise<unknown> }).updateComplete));
  // Validators, locale strings and element chunks arrive after the first frame.
  await new Promise((r) => setTimeout(r, 800));
  return xc.length;
}

describe('examples and the demo make no request of their own', function () {
  this.timeout(5 * 60 * 1000);
  let pages: string[] = [];

  before(async () => {
    pages = (await executeServerCommand<string[], undefined>('xc-examples')) ?? [];
  });

  it('lists the example pages', () => {
    expect(pages).to.include('/examples/plain-html/index.html');
    expect(pages.length).to.be.greaterThan(3);
  });

  it('every example page and the demo: no request to another origin', async () => {
    const failures: string[] = [];
    let rendering = 0;
    let requests = 0;
    const all = [...pages, DEMO];
    for (const url of all) {
      // The source page of a built example (React, Vue) needs its build tool; its built page is in the list.
      const buildInput = pages.includes(url.replace(/index\.html$/, 'dist/index.html'));
      // The iframe example's portal shows the elements in a frame on the other loopback name of this
      // server (another origin by design): those requests are its own, its elements out of reach.
      const crossOrigin = url.startsWith('/examples/iframe/') ? otherLoopback(location.origin) : null;
      await startNetworkLog();
      const frame = await load(url);
      const count = await rendered(frame.contentWindow!);
      const urls = await stopNetworkLog();
      requests += urls.length;
      if (count) rendering++;
      else if (!buildInput && !crossOrigin) failures.push(`${url}: no xc element rendered`);
      if (!urls.some((u) => u.endsWith(url))) failures.push(`${url}: the log did not see the page itself`);
      for (const u of foreignRequests(urls)) if (new URL(u).origin !== crossOrigin) failures.push(`${url}: requested ${u}`);
      frame.remove();
    }
    expect(failures).to.deep.equal([]);
    await record({
      id: 'network.examples',
      check: 'Example pages and the demo portal make no request to another origin (browser request log, failed requests included)',
      figure: `${all.length} pages (${all.length - 1} example pages and the demo; ${rendering} rendering xc elements), ${requests} requests logged, 0 foreign`,
    });
  });
});

/**
 * Every Storybook story, loaded from the static build (storybook-static/, made by
 * `npm test` before the runner starts): it renders, is axe-clean, and neither the
 * story nor the elements request anything from another origin. Requests are seen
 * through the browser's own request log (every frame, failed requests included).
 */
import { expect } from '@open-wc/testing';
import type { AxeResults } from 'axe-core';
import { foreignRequests, record, startNetworkLog, stopNetworkLog } from '../support/report.js';

interface Entry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

const base = '/storybook-static';
let stories: Entry[] = [];

before(async () => {
  const index = (await (await fetch(`${base}/index.json`)).json()) as { entries: Record<string, Entry> };
  stories = Object.values(index.entries).filter((e) => e.type === 'story');
});

function load(id: string): Promise<HTMLIFrameElement> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1200px';
    frame.style.height = '900px';
    const timer = setTimeout(() => reject(new Error(`story ${id} did not load`)), 20000);
    frame.addEventListener('load', () => {
      clearTimeout(timer);
      resolve(frame);
    });
    frame.src = `${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;
    document.body.append(frame);
  });
}

/** Wait until the story's root has an xc element that finished rendering (or the time runs out). */
async function rendered(win: Window): Promise<Element | null> {
  for (let i = 0; i < 100; i++) {
    const root = win.document.querySelector('#storybook-root');
    const xc = root ? [...root.querySelectorAll('*')].find((e) => e.localName.startsWith('xc-') && e.shadowRoot && e.shadowRoot.childElementCount > 0) : undefined;
    if (xc) {
      await (xc as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      await new Promise((r) => setTimeout(r, 150));
      return root;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

describe('every story', function () {
  this.timeout(10 * 60 * 1000);

  it('has stories to check', () => {
    expect(stories.length).to.be.greaterThan(5);
  });

  it('renders, passes axe-core and requests nothing from another origin', async () => {
    const failures: string[] = [];
    let axeClean = 0;
    let requests = 0;
    for (const story of stories) {
      await startNetworkLog();
      const frame = await load(story.id);
      const win = frame.contentWindow!;
      const root = await rendered(win);
      if (!root) failures.push(`${story.id}: no xc element rendered`);
      else {
        // Storybook's own preview never loads axe: bring it in like the other tests do.
        if (!(win as unknown as { axe?: unknown }).axe) {
          const s = win.document.createElement('script');
          s.src = '/node_modules/axe-core/axe.min.js';
          await new Promise((r, j) => {
            s.onload = r;
            s.onerror = j;
            win.document.head.append(s);
          });
        }
        const axe = (win as unknown as { axe: { run(c: Element, o: object): Promise<AxeResults> } }).axe;
        const result = await axe.run(root, { resultTypes: ['violations'], rules: { region: { enabled: false } } });
        for (const v of result.violations) failures.push(`${story.id}: axe ${v.id} – ${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(' | ')}`);
        if (!result.violations.length) axeClean++;
      }
      const urls = await stopNetworkLog();
      requests += urls.length;
      if (!urls.some((u) => u.includes(`iframe.html?id=${encodeURIComponent(story.id)}`))) failures.push(`${story.id}: the request log did not see the story load`);
      for (const url of foreignRequests(urls)) failures.push(`${story.id}: requested ${url}`);
      frame.remove();
    }
    expect(failures).to.deep.equal([]);
    expect(axeClean).to.equal(stories.length);
    await record({ id: 'axe.stories', check: 'Every Storybook story renders and passes axe-core', figure: `${axeClean} stories axe-clean` });
    await record({
      id: 'network.stories',
      check: 'Storybook stories make no request to another origin (browser request log, failed requests included)',
      figure: `${stories.length} stories, ${requests} requests logged, 0 foreign`,
    });
  });
});

/**
 * Storybook's element pages, from the static build (storybook-static/, made by `npm test`
 * before the runner starts).
 */
import { expect } from '@open-wc/testing';

interface Entry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

const base = '/storybook-static';

/**
 * The element pages (autodocs) as a developer opens them on a 1366 px screen (the docs frame
 * is about 1130 px beside Storybook's sidebar): the API table comes soon after the first
 * story, lists the public API only (no plumbing of the base such as `t` or `formValue`), offers
 * no control for what can only be read, and is not cut at the right.
 */
describe('element docs pages', function () {
  this.timeout(5 * 60 * 1000);
  const INTERNALS = ['t', 'env', 'effectiveLang', 'formValue'];
  const READ_ONLY = ['validity', 'validationMessage', 'form'];

  function loadDocs(id: string): Promise<HTMLIFrameElement> {
    return new Promise((resolve, reject) => {
      const frame = document.createElement('iframe');
      frame.style.width = '1130px';
      frame.style.height = '768px';
      const timer = setTimeout(() => reject(new Error(`docs ${id} did not load`)), 20000);
      frame.addEventListener('load', () => (clearTimeout(timer), resolve(frame)), { once: true });
      frame.src = `${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=docs`;
      document.body.append(frame);
    });
  }

  it('show the API table near the top, public members only, no control for read-only ones, nothing cut off', async () => {
    const index = (await (await fetch(`${base}/index.json`)).json()) as { entries: Record<string, Entry & { tags?: string[] }> };
    const pages = Object.values(index.entries).filter((e) => e.type === 'docs' && e.tags?.includes('autodocs'));
    expect(pages.length).to.be.greaterThan(4);
    const failures: string[] = [];
    for (const page of pages) {
      const frame = await loadDocs(page.id);
      const win = frame.contentWindow!;
      let table: HTMLTableElement | null = null;
      for (let i = 0; i < 200 && !table; i++) {
        table = win.document.querySelector<HTMLTableElement>('table.docblock-argstable');
        if (!table) await new Promise((r) => setTimeout(r, 100));
      }
      if (!table) {
        failures.push(`${page.id}: no API table`);
        frame.remove();
        continue;
      }
      await new Promise((r) => setTimeout(r, 1500)); // the stories above it render and settle
      const top = table.getBoundingClientRect().top + win.scrollY;
      if (top > 1200) failures.push(`${page.id}: the API table starts ${Math.round(top)} px down`);
      const rows = [...table.querySelectorAll('tbody tr')];
      const nameOf = (tr: Element) => (tr.querySelector('td')?.textContent ?? '').replace(/\*$/, '').trim();
      for (const tr of rows) {
        const name = nameOf(tr);
        if (INTERNALS.includes(name)) failures.push(`${page.id}: lists the internal ${name}`);
        if (READ_ONLY.includes(name) && [...tr.querySelectorAll('button, input, textarea, select')].length) failures.push(`${page.id}: offers a control for the read-only ${name}`);
      }
      const right = Math.min(win.innerWidth, win.document.documentElement.clientWidth);
      const box = table.getBoundingClientRect();
      if (box.right > right + 1) failures.push(`${page.id}: the table reaches ${Math.round(box.right)} px of ${right}`);
      for (const cell of table.querySelectorAll('tbody td:last-child')) {
        const r = cell.getBoundingClientRect();
        if (r.width > 0 && r.right > right + 1) {
          failures.push(`${page.id}: a control cell reaches ${Math.round(r.right)} px of ${right}`);
          break;
        }
      }
      for (const el of table.querySelectorAll('tbody td:last-child *')) {
        const r = el.getBoundingClientRect();
        const cell = el.closest('td')!.getBoundingClientRect();
        if (r.width > 0 && r.right > cell.right + 1) {
          failures.push(`${page.id}: a control sticks out of its cell (${Math.round(r.right)} > ${Math.round(cell.right)})`);
          break;
        }
      }
      frame.remove();
    }
    expect(failures).to.deep.equal([]);
  });
});

/**
 * Example pages opened from disk (file://) stay without their module scripts: each one then
 * says how to serve it, and the note goes once the page's scripts ran.
 */
import { expect } from '@open-wc/testing';

const PAGES = ['plain-html', 'form-post', 'theming'];

function load(url: string, sandbox?: string): Promise<HTMLIFrameElement> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
    Object.assign(frame.style, { width: '1000px', height: '700px' });
    const timer = setTimeout(() => reject(new Error(`${url} did not load`)), 20000);
    frame.addEventListener('load', () => (clearTimeout(timer), resolve(frame)), { once: true });
    frame.src = url;
    document.body.append(frame);
  });
}

describe('example pages say how to serve them', function () {
  this.timeout(60000);

  for (const name of PAGES) {
    it(`${name}: without its scripts (as from file://) it tells how to serve it; served, the note goes`, async () => {
      // No script runs in this frame: what a page opened from disk shows.
      const bare = await load(`/examples/${name}/index.html`, 'allow-same-origin');
      const note = bare.contentDocument!.getElementById('served-note');
      expect(note, 'the page has the note').to.exist;
      expect(note!.getBoundingClientRect().height).to.be.greaterThan(0);
      const text = note!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('file://').and.contain('python3 -m http.server').and.contain('node examples/form-post/server.mjs').and.contain(`/examples/${name}/`);
      bare.remove();

      const served = await load(`/examples/${name}/index.html`);
      const win = served.contentWindow!;
      await win.customElements.whenDefined(name === 'form-post' ? 'xc-clue-sheet' : 'xc-checklist');
      for (let i = 0; i < 50 && !win.document.getElementById('served-note')!.hidden; i++) await new Promise((r) => setTimeout(r, 50));
      expect(win.document.getElementById('served-note')!.getBoundingClientRect().height, 'hidden once the scripts ran').to.equal(0);
      served.remove();
    });
  }
});

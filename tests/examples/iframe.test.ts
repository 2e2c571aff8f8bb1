/**
 * examples/iframe: the elements in an <iframe> on another origin than the portal, driven through
 * a postMessage bridge that checks event.origin on both sides. In the test server, localhost and
 * 127.0.0.1 on the same port are two origins: the portal is this page's origin, the frame the other.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { XcForm } from '../../src/form/xc-form.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(f: () => T, what: string, ms = 10000): Promise<NonNullable<T>> {
  for (let t = 0; t < ms; t += 50) {
    const v = f();
    if (v) return v as NonNullable<T>;
    await wait(50);
  }
  throw new Error(`timed out: ${what}`);
}
function load(src: string, width = 1000, height = 900): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { width: `${width}px`, height: `${height}px` });
  const loaded = new Promise<HTMLIFrameElement>((r) => frame.addEventListener('load', () => r(frame), { once: true }));
  frame.src = src;
  document.body.append(frame);
  return loaded;
}

describe('example: the elements in an iframe of a portal on another origin', function () {
  this.timeout(40000);

  it('portal → frame: record, language, today; frame → portal: change, invalid, submit, height', async () => {
    const portal = await load('/examples/iframe/index.html');
    const doc = portal.contentDocument!;
    const text = (id: string) => doc.getElementById(id)!.textContent!;
    const inner = doc.getElementById('frame') as HTMLIFrameElement;
    // The frame really is on another origin: its document is out of reach.
    expect(new URL(inner.src).origin).to.not.equal(location.origin);
    expect(() => inner.contentDocument!.body).to.throw();
    await until(() => text('state').startsWith('就绪（'), `the frame is ready (${text('state')})`);
    expect(text('state')).to.equal('就绪（zh-CN，2026-11-26）');
    // The iframe takes the height of its content.
    const h = Number(await until(() => Number(text('height')) > 300 && text('height'), 'a height message'));
    expect(inner.getBoundingClientRect().height).to.be.closeTo(h, 4);

    // A person types in the frame (real key presses): the portal hears of the change.
    // A click at the top of the frame (its title) puts the keyboard there; Tab reaches the first field.
    // (Focus crossing into another origin's frame process can take a moment: tried up to three times.)
    const at = inner.getBoundingClientRect();
    const top = portal.getBoundingClientRect();
    for (let attempt = 0; attempt < 3 && text('changed') === '—'; attempt++) {
      await sendMouse({ type: 'click', position: [Math.round(top.left + at.left + 12), Math.round(top.top + at.top + 12)] });
      await wait(300);
      await sendKeys({ press: 'Tab' });
      await wait(300);
      await sendKeys({ type: 'X' });
      for (let i = 0; i < 20 && text('changed') === '—'; i++) await wait(100);
    }
    await until(() => text('changed') === 'clueNo', `a change reported (${text('changed')})`);

    // Submitting an empty record: the frame answers with its errors.
    doc.getElementById('submit')!.click();
    await until(() => /未提交：\d+ 处要改/.test(text('submitted')), `invalid reported (${text('submitted')})`);

    // The record, the language and today from the portal.
    doc.getElementById('lang')!.click();
    await until(() => text('state') === '就绪（en，2026-11-26）', `language applied (${text('state')})`);
    const today = doc.getElementById('today') as HTMLInputElement;
    today.value = '2026-12-01';
    today.dispatchEvent(new Event('change'));
    await until(() => text('state') === '就绪（en，2026-12-01）', `today applied (${text('state')})`);
    doc.getElementById('load')!.click();
    await wait(200);
    doc.getElementById('submit')!.click();
    await until(() => text('submitted') === 'XS-2026-011', `the record submitted back (${text('submitted')})`);

    // A message from another origin (this test page, not the frame) is ignored by the portal.
    const before = text('submitted');
    portal.contentWindow!.postMessage({ type: 'xc:submit', value: { clueNo: 'FORGED' } }, '*');
    await until(() => text('ignored') !== '0', 'the forged message counted as ignored');
    expect(text('submitted')).to.equal(before);

    // The frame window itself, navigated to a page of another origin (here: the portal's own),
    // is not believed either: its messages carry that origin.
    const blank = new Promise((r) => inner.addEventListener('load', r, { once: true }));
    inner.src = 'about:blank';
    await blank;
    const script = inner.contentDocument!.createElement('script');
    script.textContent = "parent.postMessage({ type: 'xc:submit', value: { clueNo: 'FORGED-2' } }, '*');";
    inner.contentDocument!.body.append(script);
    await until(() => text('ignored') === '2', `the message from the navigated frame counted as ignored (${text('ignored')})`);
    expect(text('submitted')).to.equal(before);
    portal.remove();
  });

  it('the frame ignores a page of another origin than the portal it allows, even when that page embeds it', async () => {
    // Loaded from this test page's own origin, the frame allows only the other origin as its
    // portal: this page is its parent, but its messages come from the wrong origin.
    const frame = await load('/examples/iframe/frame.html', 900, 700);
    const win = frame.contentWindow!;
    await win.customElements.whenDefined('xc-clue-sheet');
    const clue = win.document.getElementById('clue') as XcForm;
    await clue.updateComplete;
    win.postMessage({ type: 'xc:set', value: { clueNo: 'FORGED-1' } }, '*');
    win.postMessage({ type: 'xc:lang', lang: 'en' }, '*');
    await wait(300);
    expect((clue.value as { clueNo?: string } | null)?.clueNo).to.not.equal('FORGED-1');
    expect(clue.lang).to.equal('');
    frame.remove();
  });
});

/**
 * examples/jquery: jQuery 3 and classic scripts, the standalone bundle from one module script;
 * jQuery handles the element's events, sets and reads `.value`, and a plain form posts it.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XcForm } from '../../src/form/xc-form.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(f: () => T, what: string, ms = 8000): Promise<NonNullable<T>> {
  for (let t = 0; t < ms; t += 50) {
    const v = f();
    if (v) return v as NonNullable<T>;
    await wait(50);
  }
  throw new Error(`timed out: ${what}`);
}

describe('example: jQuery page, no build step', function () {
  this.timeout(30000);

  it('jQuery sees typing through xc-change, sets .value; the plain form posts the record only when complete', async () => {
    const frame = document.createElement('iframe');
    Object.assign(frame.style, { width: '1000px', height: '800px' });
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.src = '/examples/jquery/index.html';
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow!;
    await win.customElements.whenDefined('xc-clue-sheet');
    const sheet = win.document.getElementById('clue') as XcForm;
    await sheet.updateComplete;
    const status = () => win.document.getElementById('status')!.textContent!;
    expect(win.document.getElementById('served-note')!.hidden).to.equal(true);

    // Typing (real key presses) reaches jQuery's delegated handler.
    const input = await until(() => sheet.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]'), 'a text field');
    input.focus();
    await sendKeys({ type: 'XS-1' });
    await until(() => /已填 \d+ 项（最后修改：clueNo）/.test(status()), `jQuery saw the change (${status()})`);
    expect((sheet.value as { clueNo?: string }).clueNo, "jQuery reads .value").to.equal("XS-1");

    // Incomplete: the form does not post; jQuery hears xc-invalid.
    const form = win.document.getElementById('oa') as HTMLFormElement;
    form.requestSubmit();
    await until(() => /还有 \d+ 处要改/.test(status()), `jQuery saw xc-invalid (${status()})`);
    expect(win.location.pathname).to.equal('/examples/jquery/index.html');

    // jQuery sets the record through .prop('value', …), then the form posts it.
    win.document.getElementById('load')!.click();
    await until(() => (sheet.value as { clueNo?: string } | null)?.clueNo === 'XS-2026-007', 'the record set by jQuery');
    await sheet.updateComplete;
    const posted = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    (win.document.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await posted;
    const received = frame.contentDocument!.getElementById('received')!;
    const fields = Object.fromEntries([...received.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]));
    expect(fields['round']).to.equal('第十轮');
    expect(JSON.parse(fields['clue']!).mainProblem).to.equal('集体资金未经村民代表会议决定出借');
    frame.remove();
  });
});

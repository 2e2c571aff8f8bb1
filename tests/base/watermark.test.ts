/**
 * `<xc-provider watermark>`: read-only and print views carry the viewer's name and the time from
 * the provider's clock; editable views do not (on screen); the layer takes no clicks and is hidden
 * from screen readers, while a visually hidden note says the view is watermarked. Under a strict
 * CSP (tests/csp/watermark.html) it causes no violation.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { filledInterview, inProgressItem } from '../fixtures/records.js';
import { expectAccessible } from '../support/a11y.js';
import { reportFrom } from '../support/report-frame.js';

const USER = { id: 'wangwu', name: '王五' };
// A date-time stops the provider's clock there (local time): the watermark shows 09:30.
const TODAY = '2026-11-26T09:30:00';
const WHEN_ZH = '2026年11月26日 09:30';

/** The element's watermark layer, or null. */
const layer = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('.xc-wm');

/** The layer is on show: laid out, with tiles carrying `text`. */
function expectShown(el: Element, text: string): HTMLElement {
  const wm = layer(el);
  expect(wm, `<${el.localName}> has a watermark layer`).to.exist;
  const box = wm!.getBoundingClientRect();
  expect(getComputedStyle(wm!).display, 'laid out').to.not.equal('none');
  expect(box.width * box.height, 'covers the element').to.be.greaterThan(1000);
  const tiles = [...wm!.querySelectorAll('span')];
  expect(tiles.length).to.be.greaterThan(3);
  expect(tiles[0]!.dataset['text']).to.equal(text);
  expect(getComputedStyle(tiles[0]!, '::before').content).to.equal(JSON.stringify(text));
  return wm!;
}

async function settle(el: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  // The provider loads the watermark's code on first use; the element then renders again.
  for (let i = 0; i < 50 && !layer(el); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
  await el.updateComplete;
}

describe('watermark', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
  });

  it('a read-only checklist carries the name and the provider time; it takes no clicks and is hidden from screen readers', async () => {
    const p = await fixture(html`<xc-provider watermark today=${TODAY} .user=${USER}><xc-checklist readonly></xc-checklist></xc-provider>`);
    const list = p.querySelector('xc-checklist') as XcChecklist;
    await settle(list);
    const wm = expectShown(list, `王五 ${WHEN_ZH}`);
    expect(wm.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(wm).pointerEvents).to.equal('none');
    expect(getComputedStyle(wm).userSelect).to.equal('none');
    // The text underneath is still what a click reaches.
    const title = list.shadowRoot!.querySelector('.title')!;
    const r = title.getBoundingClientRect();
    const hit = list.shadowRoot!.elementFromPoint(r.left + 5, r.top + r.height / 2);
    expect(title.contains(hit), 'a click on the title reaches the title').to.equal(true);
    // Said once, visually hidden, for screen readers.
    const notes = [...list.shadowRoot!.querySelectorAll('.visually-hidden')].filter((n) => n.textContent!.includes('水印'));
    expect(notes.map((n) => n.textContent)).to.deep.equal([`本页带有水印：王五 ${WHEN_ZH}`]);
    // Low contrast: the tiles are faint.
    expect(getComputedStyle(wm).color).to.match(/rgba\(.*0\.\d+\)/);
    await expectAccessible(p);
  });

  it('an editable checklist shows none on screen, but prints it', async () => {
    const p = await fixture(html`<xc-provider watermark today=${TODAY} .user=${USER}><xc-checklist></xc-checklist></xc-provider>`);
    const list = p.querySelector('xc-checklist') as XcChecklist;
    await settle(list);
    expect(layer(list) ? getComputedStyle(layer(list)!).display : 'none', 'not on screen').to.equal('none');
    expect(list.shadowRoot!.textContent).to.not.contain('本页带有水印');
    await emulateMedia({ media: 'print' });
    expectShown(list, `王五 ${WHEN_ZH}`);
  });

  it('no watermark without the provider attribute', async () => {
    const p = await fixture(html`<xc-provider today=${TODAY} .user=${USER}><xc-checklist readonly></xc-checklist></xc-provider>`);
    const list = p.querySelector('xc-checklist') as XcChecklist;
    await list.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    await list.updateComplete;
    expect(layer(list)).to.equal(null);
    await emulateMedia({ media: 'print' });
    expect(layer(list)).to.equal(null);
  });

  it('the ledger: shown for a viewer, not for the office on screen; watermark-text replaces the default; English', async () => {
    const ledger = { version: 1 as const, items: [inProgressItem('ZG-001', '2026-12-20')] };
    const p = await fixture(html`<xc-provider watermark today=${TODAY} .user=${USER} user-role="viewer" lang="en">
      <xc-rectification-tracker .value=${ledger}></xc-rectification-tracker></xc-provider>`);
    const tracker = p.querySelector('xc-rectification-tracker') as XcRectificationTracker;
    await settle(tracker);
    expectShown(tracker, '王五 November 26, 2026 at 09:30');
    expect(tracker.shadowRoot!.textContent).to.contain('This page carries a watermark');
    p.setAttribute('user-role', 'office');
    await tracker.updateComplete;
    expect(getComputedStyle(layer(tracker)!).display, 'office edits: not on screen').to.equal('none');
    p.setAttribute('watermark-text', '内部资料 请勿外传');
    await tracker.updateComplete;
    await emulateMedia({ media: 'print' });
    expectShown(tracker, '内部资料 请勿外传');
  });

  it('the interview record: in its print view and when read-only, not while it is filled in', async () => {
    const p = await fixture(html`<xc-provider watermark today=${TODAY} .user=${USER}>
      <xc-interview-form print-view .value=${filledInterview()}></xc-interview-form>
      <xc-interview-form readonly .value=${filledInterview()}></xc-interview-form>
      <xc-interview-form .value=${filledInterview()}></xc-interview-form></xc-provider>`);
    const [printed, readonly, editing] = [...p.querySelectorAll('xc-interview-form')] as XcForm[];
    for (const el of [printed!, readonly!, editing!]) await settle(el);
    const wm = expectShown(printed!, `王五 ${WHEN_ZH}`);
    expect(printed!.shadowRoot!.querySelector('.print-view')!.contains(wm), 'inside the A4 layout').to.equal(true);
    expectShown(readonly!, `王五 ${WHEN_ZH}`);
    expect(getComputedStyle(layer(editing!)!).display).to.equal('none');
  });

  it('under a strict CSP: shown, no violation', async () => {
    const report = await reportFrom<{ ok: boolean; error?: string; tiles: number; text: string; printed: string; violations: string[]; errors: string[] }>('/tests/csp/watermark.html', { timeout: 15000, width: '900px', height: '700px' });
    expect(report.error).to.equal(undefined);
    expect(report.ok).to.equal(true);
    expect(report.tiles, JSON.stringify(report)).to.be.greaterThan(3);
    expect(report.text).to.equal(`王五 ${WHEN_ZH}`);
    expect(report.printed, 'the editable form prints it').to.equal('flex');
    expect(report.violations).to.deep.equal([]);
    expect(report.errors).to.deep.equal([]);
  });
});

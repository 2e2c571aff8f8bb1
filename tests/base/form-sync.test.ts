/**
 * The deferred form sync every form element uses (src/base/form-sync.ts): the value follows typing
 * after a pause, at once when focus leaves the element and when the element leaves the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DeferredFormSync } from '../../src/base/form-sync.js';

class SyncHost extends LitElement {
  runs = 0;
  sync = new DeferredFormSync(this, () => this.runs++, 50);
  protected override render() {
    return html`<input aria-label="x" />`;
  }
}
customElements.define('test-sync-host', SyncHost);

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('DeferredFormSync', () => {
  it('runs once after the pause, however many changes came', async () => {
    const el = await fixture<SyncHost>(html`<test-sync-host></test-sync-host>`);
    el.sync.later();
    el.sync.later();
    el.sync.later();
    expect(el.runs).to.equal(0);
    expect(el.sync.pending).to.equal(true);
    await wait(120);
    expect(el.runs).to.equal(1);
    expect(el.sync.pending).to.equal(false);
  });

  it('runs at once when focus leaves the element, and only when a sync waits', async () => {
    const el = await fixture<SyncHost>(html`<test-sync-host></test-sync-host>`);
    const input = el.shadowRoot!.querySelector('input')!;
    // What focus leaving a control inside produces (also when the test page's window has no focus).
    const leave = () => input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    leave();
    expect(el.runs, 'nothing waited').to.equal(0);
    el.sync.later();
    leave();
    expect(el.runs).to.equal(1);
    await wait(120);
    expect(el.runs, 'the flushed sync does not run again').to.equal(1);
  });

  it('runs at once when the element is removed; cancel drops a waiting sync', async () => {
    const el = await fixture<SyncHost>(html`<test-sync-host></test-sync-host>`);
    el.sync.later();
    el.sync.cancel();
    await wait(120);
    expect(el.runs).to.equal(0);
    el.sync.later();
    el.remove();
    expect(el.runs).to.equal(1);
  });
});

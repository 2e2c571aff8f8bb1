import { expect, fixtureSync, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { RectificationLedger } from '../../src/core/rectification-types.js';
import { inProgressItem } from '../fixtures/records.js';

// "Today" reaches an element only through the provider (or an explicit argument): these tests
// prove that nothing it shows is counted with the machine's clock, even for one frame, and that
// XC_CLOCK_SHIFT really moves the clock of the pages the suite runs on.

const item = inProgressItem;


/** Overdue on 2026-06-15: one item (due 06-01). On the real date of any later year: all three. */
const ledger: RectificationLedger = {
  version: 1,
  items: [item('A', '2026-06-01'), item('B', '2026-06-30'), item('C', '2026-07-31')],
};

const overdueText = (el: XcRectificationTracker) => el.shadowRoot!.querySelector('xc-rectification-summary')?.shadowRoot?.textContent ?? el.shadowRoot!.textContent ?? '';

/** Open tests/fixtures/late-provider.html (with `query`) in a frame and wait for what it reports. */
function latePage<T>(query: string): Promise<T> {
  const frame = document.createElement('iframe');
  frame.src = `/tests/fixtures/late-provider.html${query}`;
  document.body.append(frame);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no report from the late-provider page')), 8000);
    window.addEventListener('message', function on(e: MessageEvent) {
      if (e.source !== frame.contentWindow) return;
      window.removeEventListener('message', on);
      clearTimeout(timer);
      frame.remove();
      resolve(e.data as T);
    });
  });
}

describe('the clock', () => {
  it('a tracker inside a provider counts with the provider\'s today from its first frame, and after a change once updateComplete resolves', async () => {
    const frames: string[] = [];
    const wrap = fixtureSync<HTMLElement>(html`<div></div>`);
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-06-15');
    const el = document.createElement('xc-rectification-tracker');
    el.value = ledger;
    provider.append(el);
    // Record what every rendered frame shows, from the first on.
    const watch = () => {
      if (!el.isConnected) return;
      frames.push(/逾期\s*(\d+)\s*项/.exec(overdueText(el))?.[1] ?? '');
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    wrap.append(provider);
    await el.updateComplete;
    expect(/逾期\s*(\d+)\s*项/.exec(overdueText(el))?.[1]).to.equal('1');
    // Frames are watched, not waited for: a test that awaits a frame can hang where none comes.
    await new Promise((r) => setTimeout(r, 100));
    expect(frames.filter((f) => f !== '' && f !== '1'), `frames: ${frames.join(',')}`).to.deep.equal([]);

    // The provider's today moves on: the recount is done when updateComplete resolves, no timer later.
    provider.setAttribute('today', '2026-07-10');
    await provider.updateComplete;
    await el.updateComplete;
    expect(/逾期\s*(\d+)\s*项/.exec(overdueText(el))?.[1]).to.equal('2');
    wrap.remove();
  });

  it('a tracker inside a provider that is defined later waits for it instead of rendering with the machine\'s clock', async () => {
    // A page of its own, so the provider can be defined after the tracker (as a portal that loads
    // the provider's script later would do).
    const report = await latePage<{ before: string; after: string; defined: boolean }>('');
    // Before the provider is defined the tracker has shown nothing (no figures of the machine's day).
    expect(report.before).to.equal('');
    expect(report.defined).to.equal(true);
    expect(report.after).to.equal('1');
  });

  it('a provider\'s today fixes the day only: history entries carry that day, the clock running on within it (not a fixed noon)', async () => {
    const wrap = fixtureSync<HTMLElement>(html`<div></div>`);
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', '2026-06-15');
    provider.setAttribute('user-role', 'unit');
    provider.user = { id: 'u1', name: '赵芳' };
    const el = document.createElement('xc-rectification-tracker');
    el.value = { version: 1, items: [{ ...item('A', '2026-07-31'), status: 'not-started', progress: 0 }] };
    provider.append(el);
    wrap.append(provider);
    await el.updateComplete;
    el.applyTransition('A', 'in-progress');
    await new Promise((r) => setTimeout(r, 30));
    el.applyEdit('A', { progress: 50 });
    el.applyTransition('A', 'pending-verification');
    const history = el.getItem('A')!.history.slice(1);
    expect(history.map((h) => h.to)).to.deep.equal(['in-progress', 'pending-verification']);
    for (const h of history) {
      const at = new Date(h.at);
      expect([at.getFullYear(), at.getMonth() + 1, at.getDate()], h.at).to.deep.equal([2026, 6, 15]);
    }
    expect(Date.parse(history[1]!.at)).to.be.greaterThan(Date.parse(history[0]!.at));
    wrap.remove();
  });

  it('a tracker inside a provider whose script never loads renders without it after a while, and says why', async function () {
    this.timeout(10000);
    const report = await latePage<{ before: string; rendered: boolean; warnings: string[] }>('?never');
    expect(report.before, 'nothing shown while waiting').to.equal('');
    expect(report.rendered, 'rendered in the end').to.equal(true);
    expect(report.warnings.some((w) => w.includes('<xc-provider>'))).to.equal(true);
  });

  it('XC_CLOCK_SHIFT moves the clock of the test pages by the configured offset', async () => {
    const { now, shiftMs } = (await executeServerCommand('xc-clock')) as { now: number; shiftMs: number };
    // The page's Date against the clock the shift does not touch (performance), and the server's:
    // they differ by the shift alone, whatever the day.
    const unshifted = performance.timeOrigin + performance.now();
    expect(Math.abs(Date.now() - unshifted - shiftMs), `shift ${shiftMs} ms`).to.be.below(1000);
    expect(Math.abs(unshifted - now), 'page and server share one machine clock').to.be.below(60_000);
    expect(new Date(2026, 0, 2).getFullYear()).to.equal(2026);
    expect(new Date(0) instanceof Date).to.equal(true);
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/checklist/index.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import { generateChecklistTemplate } from '../../stories/support/generate.js';

/**
 * What a person meets on a page's first checklist: the list comes first. The parts that come after
 * it (the 三级审核 panel, the printed 附件清单, the evidence editor) are loaded once the whole list
 * has been on screen, a short list is rendered whole at once, and the check points do not each ask
 * the provider for its environment.
 */
describe('<xc-checklist> first mount', () => {
  const items = (el: XcChecklist) => el.shadowRoot?.querySelectorAll('xc-checklist-item').length ?? 0;
  const count = (t: ReturnType<typeof generateChecklistTemplate>) => t.sections.flatMap((s) => s.groups).flatMap((g) => g.items).length;

  it('asks for the parts after the list only once every check point has been on screen', async () => {
    const template = generateChecklistTemplate(100);
    const total = count(template);
    const el = document.createElement('xc-checklist') as XcChecklist;
    el.template = template;
    document.body.append(el);
    // The frame in which the last check point is on screen.
    while (items(el) < total) await new Promise((r) => requestAnimationFrame(r));
    const listShown = performance.now();
    const later = () => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /xc-checklist-review|print-hook|xc-checklist-evidence/.test(r.name));
    expect(later().filter((r) => r.startTime < listShown).map((r) => r.name), 'asked for before the list was on screen').to.deep.equal([]);
    // Then they come by themselves: the panel is rendered without anyone asking for it.
    await waitUntil(() => el.shadowRoot!.querySelector('xc-checklist-review'), 'the 三级审核 panel', { timeout: 5000 });
    expect(later().map((r) => r.name.replace(/.*\//, '').replace(/\?.*/, '')).sort()).to.deep.equal(['print-hook.ts', 'xc-checklist-evidence.ts', 'xc-checklist-review.ts']);
    el.remove();
  });

  it('renders a list of up to 150 check points whole, without waiting for a timer', async () => {
    // Timers of the chunked rendering (about a frame) never fire here: only what the first render draws counts.
    const realSetTimeout = window.setTimeout;
    const held: unknown[] = [];
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => (ms === 16 ? (held.push(fn), 0) : realSetTimeout(fn, ms, ...rest))) as typeof window.setTimeout;
    try {
      const template = generateChecklistTemplate(120);
      const el = await fixture<XcChecklist>(html`<xc-checklist .template=${template}></xc-checklist>`);
      expect(items(el), 'every check point after the first render').to.equal(count(template));
      expect(held, 'no chunk timer was needed').to.have.length(0);
      // A longer list still starts with a first chunk and follows in chunks.
      const long = generateChecklistTemplate(400);
      const el2 = await fixture<XcChecklist>(html`<xc-checklist .template=${long}></xc-checklist>`);
      expect(items(el2)).to.be.below(count(long));
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });

  it('asks the provider for its environment once, not once per check point', async () => {
    const p = await fixture<XcProvider>(html`<xc-provider></xc-provider>`);
    let requests = 0;
    p.addEventListener('context-request', () => requests++);
    const template = generateChecklistTemplate(60);
    const el = document.createElement('xc-checklist') as XcChecklist;
    el.template = template;
    p.append(el);
    await el.updateComplete;
    await waitUntil(() => items(el) === count(template), 'every check point');
    // The checklist's own request, and the 三级审核 panel's (one each, whatever the list's length).
    expect(requests, 'context requests that reached the provider').to.be.at.most(2);
  });
});

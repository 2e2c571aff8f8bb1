import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcRectificationDetail } from '../../src/rectification/xc-rectification-detail.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { parseCsv } from '../../src/core/rectification.js';
import { assertInert, loadPayloads } from '../support/xss.js';
import { payloadPaths } from '../support/text-paths.js';
import { record } from '../support/report.js';

/**
 * Tags that only the element itself may create. The tracker draws its charts as `<svg>` and
 * puts their data tables in `<details>`: those are counted, not forbidden.
 */
const FORBIDDEN = 'script, img, iframe, math, object, embed, frame, frameset, video, audio, style, link, meta, base, form, marquee, template';

let payloads: string[] = [];

before(async () => {
  payloads = await loadPayloads();
});

function hostileLedger(batch: string[]): RectificationLedger {
  const items: RectificationItem[] = batch.map((p, i) => ({
    id: `X-${i}`,
    problem: { text: p, focusArea: batch[(i + 1) % batch.length]!, category: p, source: { checkpointId: p, note: p } },
    measures: [{ id: 'M-001', text: p, done: i % 2 === 0 }],
    responsibility: { leader: p, department: batch[i % 5]!, person: p },
    kind: 'deadline',
    deadline: '2026-11-20',
    status: 'closed',
    progress: 100,
    evidence: [{ title: p, kind: p, ref: p }, { title: '正常链接', ref: 'https://oa.example.gov.cn/doc?id=1' }],
    verifier: p,
    closedAt: '2026-11-25T09:00:00+08:00',
    history: [
      { at: '2026-11-01T09:00:00+08:00', by: p, role: p, from: null, to: 'not-started' },
      { at: '2026-11-02T09:00:00+08:00', by: p, role: 'unit', from: 'not-started', to: 'in-progress', comment: p },
      { at: '2026-11-03T09:00:00+08:00', by: p, role: 'unit', from: 'in-progress', to: 'pending-verification', comment: p },
      { at: '2026-11-25T09:00:00+08:00', by: p, role: 'office', from: 'pending-verification', to: 'closed', comment: p },
    ],
    [p]: p,
  }));
  return { version: 1, title: batch[0], unit: batch[1], items };
}

async function settle(el: XcRectificationTracker) {
  await el.updateComplete;
  el.renderAll();
  await el.updateComplete;
  await nextFrame();
  await new Promise((r) => setTimeout(r, 50));
}

function assertTrackerInert(el: XcRectificationTracker) {
  const root = el.shadowRoot!;
  assertInert(root, FORBIDDEN);
  // Only the chart drawings: one <svg> per chart with data, and nothing scripted inside them.
  for (const svg of root.querySelectorAll('svg')) {
    expect(svg.closest('figure.chart'), 'an <svg> outside the charts').to.exist;
    expect(svg.querySelectorAll('script, foreignObject, a, use, image, animate, set')).to.have.length(0);
  }
}

/** Text paths of the ledger gone through, and CSV cells that would start a spreadsheet formula. */
const paths = new Set<string>();
let formulaCells = 0;
let cells = 0;
let roles = 0;
/** A spreadsheet takes a cell starting with one of these as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

describe('hostile text through every text path of <xc-rectification-tracker>', () => {
  it('has a corpus of at least 100 payloads', () => {
    expect(payloads.length).to.be.at.least(100);
  });

  for (const role of ['office', 'viewer']) {
    it(`renders payloads in the table, summary, detail panel, history and exports as inert text (${role})`, async function () {
      this.timeout(120000);
      for (let start = 0; start < payloads.length; start += 25) {
        const batch = payloads.slice(start, start + 25);
        for (const x of payloadPaths(hostileLedger(batch), new Set(batch))) paths.add(x);
        const p = await fixture<XcProvider>(html`<xc-provider user-role=${role} today="2026-11-26">
          <xc-rectification-tracker grouped .value=${hostileLedger(batch)}></xc-rectification-tracker></xc-provider>`);
        const el = p.querySelector('xc-rectification-tracker')!;
        await settle(el);
        const text = el.shadowRoot!.textContent!;
        for (const x of batch) expect(text.includes(x), x).to.equal(true);
        assertTrackerInert(el);
        // Every item's detail panel (with history) — the first and a middle one.
        for (const id of ['X-0', `X-${Math.floor(batch.length / 2)}`]) {
          await el.openItem(id);
          await settle(el);
          const detail = el.shadowRoot!.querySelector<XcRectificationDetail>('xc-rectification-detail')!;
          const shown = detail.textContent! + [...detail.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((i) => i.value).join('\n');
          expect(shown.includes(batch[Number(id.slice(2))]!)).to.equal(true);
          assertTrackerInert(el);
          el.closeItem();
        }
        // Search with hostile text, and a failed validation summary.
        const search = el.shadowRoot!.querySelector<HTMLInputElement>('#f-search')!;
        search.value = batch[3]!;
        search.dispatchEvent(new Event('input'));
        await settle(el);
        assertTrackerInert(el);
        // Exports copy text; CSV neutralises formulas and round-trips.
        const csv = el.exportCsv();
        const rows = parseCsv(csv);
        expect(rows.slice(1).map((r) => r[1])).to.deep.equal(batch);
        // As written: no cell starts a formula; those that would have are guarded with an apostrophe.
        const raw = parseCsv(csv, { keepFormulaGuard: true });
        raw.forEach((row, r) =>
          row.forEach((cell, c) => {
            cells++;
            expect(FORMULA.test(cell), `CSV cell ${r}:${c} ${cell}`).to.equal(false);
            if (FORMULA.test(rows[r]![c]!)) {
              formulaCells++;
              expect(cell).to.equal(`'${rows[r]![c]}`);
            }
          }),
        );
        expect(JSON.parse(el.exportJson()).items.map((i: RectificationItem) => i.problem.text)).to.deep.equal(batch);
        p.remove();
      }
      roles++;
    });
  }

  it('records the figures', async () => {
    expect(roles).to.equal(2);
    expect(formulaCells).to.be.greaterThan(0);
    await record({
      id: 'xss.tracker',
      check: '<xc-rectification-tracker> shows hostile text as inert text in the table, summary, charts, detail panel and history; exports copy it exactly',
      figure: `${payloads.length} payloads × ${paths.size} text paths of the ledger, as office and viewer, with search, CSV and JSON exports`,
    });
    await record({
      id: 'xss.csv-formula',
      check: 'CSV export: no cell starts a spreadsheet formula (= + - @ TAB CR are guarded), and the text reads back exactly',
      figure: `${formulaCells} formula-like cells guarded among ${cells} cells written from ${payloads.length} payloads`,
    });
  });

  it('shows hostile text in an unreadable value as text', async () => {
    for (const x of payloads.slice(0, 30)) {
      const el = await fixture<XcRectificationTracker>(html`<xc-rectification-tracker .value=${{ version: 1, items: [{ id: x }, { id: x }] } as any}></xc-rectification-tracker>`);
      await settle(el);
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain(x);
      assertTrackerInert(el);
      el.remove();
    }
  });
});

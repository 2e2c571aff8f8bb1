/**
 * Runs inside headless Chromium (bench/tracker.mjs). Measures <xc-rectification-tracker>
 * against the floor: the same table (nine columns, a button per row, the same fixed column
 * widths) as plain DOM built from one HTML string, filtered by hiding rows and updated by
 * setting one cell's text. The element is measured twice: as it comes (`xc`: the first 200
 * matching rows in the table, "show more" for the rest) and with `page-size="0"` (`xcAll`:
 * every row in the table, rendered in chunks after the first frame).
 */
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import { generateLedger } from '../../stories/support/generate-ledger.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { kindLabel, statusLabel } from '../../src/core/rectification.js';
import { frame, gc, heap, median, esc } from './measure.js';

const TODAY = '2026-11-26';

function floorRow(it: RectificationItem): string {
  const r = it.responsibility;
  return `<tr data-status="${it.status}"><th scope="row"><button type="button">${esc(it.id)}</button></th><td>${esc(it.problem.text)}</td><td>${esc(it.problem.focusArea ?? '')}</td>` +
    `<td>${esc(r.department ?? '')}</td><td>${esc(r.leader ?? '')}<br>${esc(r.person ?? '')}</td><td>${kindLabel(it.kind, 'zh-CN')}</td>` +
    `<td>${it.deadline ?? ''}</td><td class="st">${statusLabel(it.status, 'zh-CN')}</td><td>${it.progress}%</td></tr>`;
}

function floorHtml(ledger: RectificationLedger): string {
  const head = ['编号', '问题描述', '所属聚焦', '责任部门', '责任领导 / 责任人', '整改类型', '整改时限', '整改状态', '整改进度（%）'];
  // The same fixed column widths as the element's table (so both lay out the same way).
  const widths = ['7.5em', 'auto', '10em', '7.5em', '7.5em', '6.5em', '10em', '7em', '7.5em'];
  return `<style>.floor{width:100%;min-width:76em;table-layout:fixed}${widths.map((w, i) => `.floor th:nth-child(${i + 1}){width:${w}}`).join('')}</style>` +
    `<table class="floor"><caption>整改台账问题清单</caption><thead><tr>${head.map((h) => `<th scope="col"><button type="button">${h}</button></th>`).join('')}</tr></thead>` +
    `<tbody>${ledger.items.map(floorRow).join('')}</tbody></table>`;
}

interface Mounted {
  host: HTMLElement;
  el?: XcRectificationTracker;
  firstFrame: number;
  complete: number;
  heap: number;
}

type Kind = 'floor' | 'xc' | 'xcAll';

async function mount(kind: Kind, ledger: RectificationLedger): Promise<Mounted> {
  const host = document.createElement('div');
  document.body.append(host);
  gc();
  await frame();
  const before = await heap();
  const t0 = performance.now();
  let el: XcRectificationTracker | undefined;
  if (kind === 'floor') {
    host.innerHTML = floorHtml(ledger);
  } else {
    const provider = document.createElement('xc-provider') as XcProvider;
    provider.setAttribute('user-role', 'unit');
    provider.setAttribute('today', TODAY);
    provider.user = { id: 'bench', name: '测试' };
    el = document.createElement('xc-rectification-tracker');
    // xc: the default page of 200 rows ("show more" for the rest); xcAll: every row in the table.
    el.pageSize = kind === 'xcAll' ? 0 : 200;
    el.value = ledger;
    provider.append(el);
    host.append(provider);
    await el.updateComplete;
  }
  await frame();
  const firstFrame = performance.now() - t0;
  let complete = firstFrame;
  if (el) {
    // The rest of the rows render in chunks after the first frame.
    const target = el.pageSize > 0 ? Math.min(el.pageSize, ledger.items.length) : ledger.items.length;
    while (el.shadowRoot!.querySelectorAll('xc-rectification-row').length < target) await frame();
    complete = performance.now() - t0;
  }
  await frame();
  gc();
  const used = (await heap()) - before;
  return { host, el, firstFrame, complete, heap: used };
}

/** Wait until the element has rendered every row it is going to (chunks done). */
async function settled(el: XcRectificationTracker): Promise<void> {
  const total = (el.value?.items.length ?? 0);
  const target = el.pageSize > 0 ? Math.min(el.pageSize, total) : total;
  while (el.shadowRoot!.querySelectorAll('xc-rectification-row').length < target) await frame();
  await frame();
}

/** Filter by status 整改中 (and back, unmeasured): time to the first frame showing the result. */
async function filterChange(m: Mounted, reps: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    if (m.el) {
      const select = m.el.shadowRoot!.querySelector<HTMLSelectElement>('#f-status')!;
      select.value = 'in-progress';
      select.dispatchEvent(new Event('change'));
      await m.el.updateComplete;
    } else {
      for (const tr of m.host.querySelectorAll<HTMLTableRowElement>('tbody tr')) tr.hidden = tr.dataset.status !== 'in-progress';
    }
    await frame();
    times.push(performance.now() - t0);
    // Back to all rows, fully rendered, before the next round.
    if (m.el) {
      const select = m.el.shadowRoot!.querySelector<HTMLSelectElement>('#f-status')!;
      select.value = '';
      select.dispatchEvent(new Event('change'));
      await m.el.updateComplete;
      if (m.el.pageSize === 0) m.el.renderAll();
      await settled(m.el);
    } else {
      for (const tr of m.host.querySelectorAll<HTMLTableRowElement>('tbody tr')) tr.hidden = false;
    }
    await frame();
  }
  return median(times);
}

/** 未启动 → 整改中 of one item (through the core, with history): time to the first frame showing it. */
async function statusChange(m: Mounted, ledger: RectificationLedger, reps: number): Promise<{ time: number; rowsRendered: number }> {
  // Items whose rows are in the table (the first page for the paged element).
  const shown = m.el && m.el.pageSize > 0 ? ledger.items.slice(0, m.el.pageSize) : ledger.items;
  const ids = shown.filter((i) => i.status === 'not-started').map((i) => i.id);
  const times: number[] = [];
  let rowsRendered = 0;
  for (let i = 0; i < reps; i++) {
    const id = ids[Math.floor(((i + 1) * ids.length) / (reps + 2))]!;
    let renders = 0;
    const count = () => renders++;
    m.el?.shadowRoot!.addEventListener('xc-bench-row-render', count);
    const t0 = performance.now();
    if (m.el) {
      m.el.applyTransition(id, 'in-progress');
      await m.el.updateComplete;
    } else {
      const index = ledger.items.findIndex((it) => it.id === id);
      const tr = m.host.querySelectorAll<HTMLTableRowElement>('tbody tr')[index]!;
      tr.dataset.status = 'in-progress';
      tr.querySelector('.st')!.textContent = statusLabel('in-progress', 'zh-CN');
    }
    await frame();
    times.push(performance.now() - t0);
    m.el?.shadowRoot!.removeEventListener('xc-bench-row-render', count);
    rowsRendered = Math.max(rowsRendered, renders);
  }
  return { time: median(times), rowsRendered };
}

/** Count row renders (to show that a status change renders one row only). */
function instrumentRows(): void {
  const Row = customElements.get('xc-rectification-row') as unknown as { prototype: { update(this: HTMLElement, c: unknown): void } };
  const original = Row.prototype.update;
  Row.prototype.update = function (this: HTMLElement, changed: unknown) {
    this.dispatchEvent(new Event('xc-bench-row-render', { bubbles: true }));
    return original.call(this, changed);
  };
}

async function run(n: number, reps = 5) {
  const ledger = generateLedger(n, { seed: n, today: TODAY });
  const result: Record<string, Record<string, number>> = { floor: {}, xc: {}, xcAll: {} };
  for (const kind of ['floor', 'xc', 'xcAll'] as const) {
    const first: number[] = [];
    const complete: number[] = [];
    const heaps: number[] = [];
    for (let i = 0; i < reps; i++) {
      const m = await mount(kind, ledger);
      first.push(m.firstFrame);
      complete.push(m.complete);
      heaps.push(m.heap);
      m.host.remove();
      await frame();
    }
    const m = await mount(kind, ledger);
    const filter = await filterChange(m, reps);
    const status = await statusChange(m, ledger, reps);
    m.host.remove();
    result[kind] = { firstFrame: median(first), complete: median(complete), heap: median(heaps), filter, status: status.time, rowsRendered: status.rowsRendered };
  }
  return result;
}

instrumentRows();
(window as unknown as { runTrackerBench: typeof run }).runTrackerBench = run;
document.title = 'ready';

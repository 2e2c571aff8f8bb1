/**
 * Runs inside headless Chromium (bench/run.mjs round-summary). Measures the round figures of 20
 * units whose ledgers hold 5,000 items in all (with their checklists, interviews, petitions and
 * clue registers): the core's summariseRound and roundSummaryCsv alone, then <xc-round-summary>
 * mounted with the units (first frame with charts and table), a recount when "today" moves on, the
 * CSV from the element, the memory it holds, and the longest task on the page through all of it.
 * Then the element's Excel export (`download('xlsx')`, the xc-export cancelled so nothing downloads):
 * the time to the file, the peak of the JS heap above where it started, the file's size and the
 * longest task while it was written.
 */
import '../../src/round-summary/index.js';
import '../../src/provider/index.js';
import type { XcRoundSummary } from '../../src/round-summary/xc-round-summary.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import { summariseRound } from '../../src/core/round-summary.js';
import { roundSummaryCsv } from '../../src/core/round-summary-csv.js';
import { generateRoundUnits, roundTemplate } from '../../stories/support/generate-round.js';
import { frame, gc, heap, median } from './measure.js';

const TODAY = '2026-11-26';

declare global {
  interface Window {
    runRoundSummaryBench(units: number, items: number, reps: number): Promise<unknown>;
  }
}

/** Longest task seen between start() and stop() (long-task entries). */
class LongTasks {
  private longest = 0;
  private observer?: PerformanceObserver;
  start(): void {
    this.longest = 0;
    try {
      this.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) this.longest = Math.max(this.longest, e.duration);
      });
      this.observer.observe({ type: 'longtask', buffered: false });
    } catch {
      /* no long-task timing */
    }
  }
  stop(): number {
    this.observer?.takeRecords().forEach((e) => (this.longest = Math.max(this.longest, e.duration)));
    this.observer?.disconnect();
    return this.longest;
  }
}

window.runRoundSummaryBench = async (unitCount: number, items: number, reps: number) => {
  const units = generateRoundUnits(unitCount, { items, today: TODAY });
  const counted = units.reduce((n, u) => n + ((u.ledger as { items?: unknown[] } | undefined)?.items?.length ?? 0), 0);
  // The core alone.
  const summaryTimes: number[] = [];
  const csvTimes: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    const s = summariseRound(units, { today: TODAY, templates: [roundTemplate] });
    summaryTimes.push(performance.now() - t0);
    t0 = performance.now();
    roundSummaryCsv(s, 'zh-CN');
    csvTimes.push(performance.now() - t0);
  }

  // The element.
  const longTasks = new LongTasks();
  const host = document.createElement('div');
  document.body.append(host);
  gc();
  await frame();
  const before = await heap();
  longTasks.start();
  const t0 = performance.now();
  const provider = document.createElement('xc-provider') as XcProvider;
  provider.setAttribute('today', TODAY);
  const el = document.createElement('xc-round-summary') as XcRoundSummary;
  el.units = units;
  provider.append(el);
  host.append(provider);
  await el.updateComplete;
  await frame();
  const firstFrame = performance.now() - t0;
  const rows = el.shadowRoot!.querySelectorAll('table.units tbody tr').length;
  // "Today" moves on: every unit counted again.
  const recounts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const r0 = performance.now();
    provider.setAttribute('today', `2026-12-${String(i + 1).padStart(2, '0')}`);
    await el.updateComplete;
    await frame();
    recounts.push(performance.now() - r0);
  }
  const c0 = performance.now();
  await el.toCsv();
  const elementCsv = performance.now() - c0;
  const longestTask = longTasks.stop();
  gc();
  const memory = (await heap()) - before;

  // The Excel export from the element.
  const used = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  const runs: { time: number; peak: number; bytes: number; longest: number }[] = [];
  for (let i = 0; i < Math.min(reps, 3); i++) {
    gc();
    await frame();
    const tasks = new LongTasks();
    tasks.start();
    const base = used();
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, used())), 1);
    let bytes = 0;
    const take = (e: Event) => {
      e.preventDefault();
      bytes = (e as CustomEvent<{ bytes?: Uint8Array }>).detail.bytes?.length ?? 0;
    };
    el.addEventListener('xc-export', take);
    const x0 = performance.now();
    await el.download('xlsx');
    const time = performance.now() - x0;
    peak = Math.max(peak, used());
    clearInterval(sampler);
    el.removeEventListener('xc-export', take);
    await frame();
    runs.push({ time, peak: peak - base, bytes, longest: tasks.stop() });
  }
  const xlsx = { time: median(runs.map((r) => r.time)), peak: median(runs.map((r) => r.peak)), bytes: runs[0]!.bytes, longest: Math.max(...runs.map((r) => r.longest)) };
  host.remove();
  return {
    units: unitCount,
    items: counted,
    rows,
    summary: median(summaryTimes),
    csv: median(csvTimes),
    firstFrame,
    recount: median(recounts),
    elementCsv,
    longestTask,
    heap: memory,
    xlsx,
  };
};

document.title = 'ready';

/**
 * Runs inside headless Chromium (bench/run.mjs rectification-report). Measures the 整改情况报告 of a
 * 5,000-item ledger: the core's draft and 公开稿 (with its leak check) alone, then
 * <xc-rectification-report> mounted with the ledger (first frame, every problem drawn), a keystroke
 * in a paragraph, and the 公开稿 shown; and the longest task on the page through all of it
 * (a long task over 200 ms would freeze the page). Then the element's Word exports
 * (`download('docx')` and `download('docx', { public: true })`, the xc-export cancelled so nothing
 * downloads): the time to the file, the peak of the JS heap above where it started (sampled between
 * chunks; the page runs with --enable-precise-memory-info), the file's size and the longest task.
 */
import '../../src/rectification-report/index.js';
import '../../src/provider/index.js';
import type { XcRectificationReport } from '../../src/rectification-report/xc-rectification-report.js';
import { draftReport, publicVersion, reportValue, restrictedNames } from '../../src/core/rectification-report.js';
import { generateLedger } from '../../stories/support/generate-ledger.js';
import { frame, gc, heap, median } from './measure.js';

const TODAY = '2026-11-26';

declare global {
  interface Window {
    runReportBench(n: number, reps: number): Promise<unknown>;
  }
}

/** Longest task seen since `start()`: long-task entries, and the gaps between polls as a floor for them. */
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

window.runReportBench = async (n: number, reps: number) => {
  const ledger = generateLedger(n, { today: TODAY });
  const restricted = restrictedNames(ledger);
  // The core alone.
  const draftTimes: number[] = [];
  const publicTimes: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    const model = draftReport(ledger, { today: TODAY, feedbackDate: '2026-10-31' });
    draftTimes.push(performance.now() - t0);
    t0 = performance.now();
    publicVersion(reportValue(model), { restricted });
    publicTimes.push(performance.now() - t0);
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
  const provider = document.createElement('xc-provider');
  provider.setAttribute('today', TODAY);
  const el = document.createElement('xc-rectification-report') as XcRectificationReport;
  el.setAttribute('feedback-date', '2026-10-31');
  el.ledger = ledger;
  provider.append(el);
  host.append(provider);
  await el.updateComplete;
  await frame();
  const firstFrame = performance.now() - t0;
  const problems = () => el.shadowRoot!.querySelectorAll('.problems .problem').length;
  while (problems() < n) await frame();
  const complete = performance.now() - t0;
  const mountLongest = longTasks.stop();
  await frame();
  gc();
  const memory = (await heap()) - before;

  // A keystroke in a paragraph (the report mode).
  longTasks.start();
  const keys: number[] = [];
  const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-paragraph="overview"] textarea')!;
  for (let i = 0; i < reps * 4; i++) {
    const k0 = performance.now();
    box.value += '字';
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: '字' }));
    await el.updateComplete;
    await frame();
    keys.push(performance.now() - k0);
  }
  // The 公开稿 shown, then a keystroke in it.
  const p0 = performance.now();
  el.mode = 'public';
  await el.updateComplete;
  await frame();
  const publicShown = performance.now() - p0;
  const pubKeys: number[] = [];
  const pubBox = el.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-paragraph="next"] textarea')!;
  for (let i = 0; i < reps * 2; i++) {
    const k0 = performance.now();
    pubBox.value += '字';
    pubBox.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: '字' }));
    await el.updateComplete;
    await frame();
    pubKeys.push(performance.now() - k0);
  }
  const editLongest = longTasks.stop();

  // The Word exports: the report as edited, then the 公开稿 through its leak check.
  const used = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  const exportOnce = async (pub: boolean) => {
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
    const t0 = performance.now();
    await el.download('docx', { public: pub });
    const time = performance.now() - t0;
    peak = Math.max(peak, used());
    clearInterval(sampler);
    el.removeEventListener('xc-export', take);
    await frame();
    return { time, peak: peak - base, bytes, longest: tasks.stop() };
  };
  const exportRuns = async (pub: boolean) => {
    const runs = [];
    for (let i = 0; i < Math.min(reps, 3); i++) runs.push(await exportOnce(pub));
    return { time: median(runs.map((r) => r.time)), peak: median(runs.map((r) => r.peak)), bytes: runs[0]!.bytes, longest: Math.max(...runs.map((r) => r.longest)) };
  };
  const docx = await exportRuns(false);
  const publicDocx = await exportRuns(true);
  host.remove();
  return {
    n,
    draft: median(draftTimes),
    publicVersion: median(publicTimes),
    firstFrame,
    complete,
    key: median(keys),
    publicShown,
    publicKey: median(pubKeys),
    longestTask: Math.max(mountLongest, editLongest),
    mountLongest,
    editLongest,
    heap: memory,
    docx,
    publicDocx,
  };
};

document.title = 'ready';

/**
 * Runs inside headless Chromium (bench/run.mjs rectification-report). Measures the 整改情况报告 of a
 * 5,000-item ledger: the core's draft and 公开稿 (with its leak check) alone, then
 * <xc-rectification-report> mounted with the ledger (first frame, every problem drawn), a keystroke
 * in a paragraph, and the 公开稿 shown; and the longest task on the page through all of it
 * (a long task over 200 ms would freeze the page).
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
  };
};

document.title = 'ready';

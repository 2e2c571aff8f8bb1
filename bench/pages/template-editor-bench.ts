/**
 * Runs inside headless Chromium (bench/run.mjs template-editor). <xc-template-editor> on a template
 * of `n` check points: the first frame of the editor, a keystroke in one check point's text until
 * the next frame (the budget is one frame, 16.7 ms), the live preview's update once the typing
 * pauses, and memory.
 */
import '../../src/template-editor/index.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';
import { frame, gc, heap, median } from './measure.js';

/** A template of `n` check points: 10 focus areas of 10 groups each. */
export function bigTemplate(n: number): ChecklistTemplateSource {
  const per = Math.max(1, Math.ceil(n / 100));
  return {
    id: 'big',
    version: '1.0.0',
    title: '大型清单',
    findings: [{ value: 'problem', label: '存在问题', isProblem: true }, { value: 'none', label: '未发现问题' }],
    sections: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      title: `聚焦方向${s + 1}`,
      groups: Array.from({ length: 10 }, (_, g) => ({ id: `s${s}g${g}`, title: `分组${g + 1}`, items: Array.from({ length: per }, (_, i) => ({ id: `s${s}g${g}-${i}`, text: `检查要点 ${s}.${g}.${i}：是否按规定执行` })) })),
    })),
  };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(n: number, keys: number) {
  const host = document.createElement('div');
  document.body.append(host);
  gc();
  await frame();
  const before = await heap();
  const start = performance.now();
  const el = document.createElement('xc-template-editor') as XcTemplateEditor;
  el.lang = 'zh-CN';
  el.value = bigTemplate(n);
  host.append(el);
  await el.updateComplete;
  await frame();
  const firstFrame = performance.now() - start;
  let list: (HTMLElement & { activeTemplate?: unknown }) | null = null;
  for (let i = 0; i < 1000 && !(list = el.shadowRoot!.querySelector('xc-checklist'))?.activeTemplate; i++) await wait(10);
  const previewShown = performance.now() - start;
  await wait(500);
  const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#n5-5-0-text')!;
  const times: number[] = [];
  let longest = 0;
  const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
  obs.observe({ entryTypes: ['longtask'] });
  for (let k = 0; k < keys; k++) {
    const t0 = performance.now();
    area.value += '项';
    area.dispatchEvent(new Event('input'));
    await frame();
    times.push(performance.now() - t0);
    await wait(40);
  }
  const t1 = performance.now();
  await el.previewUpdated;
  for (let i = 0; i < 500 && !list!.shadowRoot!.textContent!.includes(`是否按规定执行${'项'.repeat(keys)}`); i++) await wait(10);
  const preview = performance.now() - t1;
  obs.disconnect();
  const mem = (await heap()) - before;
  host.remove();
  return { firstFrame, previewShown, key: median(times), keyMax: Math.max(...times), preview, longestTask: longest, heap: mem };
}

declare global {
  interface Window {
    runTemplateEditorBench(n: number, keys: number): Promise<unknown>;
  }
}

window.runTemplateEditorBench = async (n, keys) => {
  await run(100, 3); // warm the code paths
  return { n, ...(await run(n, keys)) };
};
document.title = 'ready';

/**
 * Runs inside headless Chromium (bench/run.mjs). Measures <xc-checklist> against
 * the floor: the same controls as plain DOM built from one HTML string.
 */
import '../../src/index.js';
import { generateChecklistTemplate } from '../../stories/support/generate.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { ChecklistTemplate } from '../../src/core/checklist.js';
import { textOf } from '../../src/core/text.js';
import { frame, gc, heap, median, esc } from './measure.js';
import { floorHtml } from './checklist-floor.js';


/** What the element reveals when a problem is found, as plain HTML (the floor's click inserts it). */
function floorDetails(t: ChecklistTemplate, id: string): string {
  const opts = (xs: { value: string; label: unknown }[] | undefined) => (xs ?? []).map((o) => `<option value="${o.value}">${esc(textOf(o.label as string, 'zh-CN'))}</option>`).join('');
  return `<div class="details"><div><label for="${id}-d">问题描述</label><p id="${id}-h">写明问题事实、时间、涉及人员或金额等。</p><textarea id="${id}-d" rows="3" aria-describedby="${id}-h"></textarea></div>` +
    `<fieldset><legend>发现方式（选填）</legend>${(t.methods ?? []).map((m) => `<label><input type="checkbox">${esc(textOf(m.label, 'zh-CN'))}</label>`).join('')}</fieldset>` +
    `<fieldset><legend>佐证材料（选填）</legend><button type="button">添加佐证材料</button></fieldset>` +
    `<div><label for="${id}-c">问题类别（选填）</label><select id="${id}-c"><option value="">（未分类）</option>${opts(t.categories)}</select></div>` +
    `<fieldset><legend>问题性质（选填）</legend>${(t.scopes ?? []).map((x) => `<label><input type="radio" name="${id}-s">${esc(textOf(x.label, 'zh-CN'))}</label>`).join('')}</fieldset>` +
    `<div><label><input type="checkbox">作为问题线索移交区纪委</label></div><div><label for="${id}-n">备注（选填）</label><textarea id="${id}-n" rows="1"></textarea></div></div>`;
}

async function mount(kind: 'floor' | 'xc', t: ChecklistTemplate) {
  const host = document.createElement('div');
  document.body.append(host);
  gc();
  await frame();
  const before = await heap();
  const t0 = performance.now();
  let el: XcChecklist | undefined;
  if (kind === 'floor') {
    host.innerHTML = floorHtml(t);
    // The floor's only behaviour: a problem finding reveals the same detail fields as plain HTML.
    host.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      if (input.type !== 'radio' || input.value !== t.findings[0]!.value) return;
      const fieldset = input.closest('fieldset')!;
      if (!fieldset.querySelector('.details')) fieldset.insertAdjacentHTML('beforeend', floorDetails(t, fieldset.parentElement!.id));
    });
  } else {
    el = document.createElement('xc-checklist');
    el.noSubmitButton = true;
    el.template = t;
    host.append(el);
  }
  // The first frame that shows check points (not `updateComplete`: for a template given by the page
  // it waits until the whole list is on screen and checked by the meta-schema).
  do await frame();
  while (el && !el.shadowRoot?.querySelector('xc-checklist-item'));
  const firstFrame = performance.now() - t0;
  let complete = firstFrame;
  if (el) {
    // The rest of the list renders in chunks after the first frame.
    while (el.shadowRoot!.querySelectorAll('xc-checklist-item').length < t.sections.flatMap((s) => s.groups).flatMap((g) => g.items).length) await frame();
    complete = performance.now() - t0;
    await el.updateComplete; // the check, before memory is measured
  }
  await frame();
  gc();
  const used = (await heap()) - before;
  return { host, el, firstFrame, complete, heap: used };
}

async function interactions(kind: 'floor' | 'xc', t: ChecklistTemplate, reps: number) {
  const m = await mount(kind, t);
  const root: ParentNode = m.el ? m.el.shadowRoot! : m.host;
  const ids = t.sections.flatMap((s) => s.groups).flatMap((g) => g.items).map((p) => p.id);
  const clicks: number[] = [];
  const keys: number[] = [];
  for (let i = 0; i < reps; i++) {
    const id = ids[Math.floor(((i + 1) * ids.length) / (reps + 2))]!;
    const item = kind === 'xc' ? root.querySelector(`#xc-item-${CSS.escape(id)}`) : root.querySelector(`#f-${CSS.escape(id)}`);
    if (!item) throw new Error(`${kind}: no item ${id} among ${root.querySelectorAll('[id]').length}`);
    item.scrollIntoView();
    await frame();
    const radio = item.querySelectorAll<HTMLInputElement>('input[type=radio]')[0]!; // the problem finding
    const t0 = performance.now();
    radio.click();
    if (m.el) await m.el.updateComplete;
    await frame();
    clicks.push(performance.now() - t0);
    let area = item.querySelector<HTMLTextAreaElement>('textarea');
    if (!area) {
      // The floor has no description field: give it one, as plain as can be.
      area = document.createElement('textarea');
      item.append(area);
    }
    await frame();
    for (let k = 0; k < 5; k++) {
      const t1 = performance.now();
      area.value += '字';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      keys.push(performance.now() - t1);
    }
  }
  m.host.remove();
  return { click: median(clicks), key: median(keys) };
}

async function run(n: number, reps = 5) {
  const t = generateChecklistTemplate(n);
  const result: Record<string, Record<string, number>> = { floor: {}, xc: {} };
  for (const kind of ['floor', 'xc'] as const) {
    const first: number[] = [];
    const complete: number[] = [];
    const heaps: number[] = [];
    for (let i = 0; i < reps; i++) {
      const m = await mount(kind, t);
      first.push(m.firstFrame);
      complete.push(m.complete);
      heaps.push(m.heap);
      m.host.remove();
      await frame();
    }
    const inter = await interactions(kind, t, 6);
    result[kind] = { firstFrame: median(first), complete: median(complete), heap: median(heaps), click: inter.click, key: inter.key };
  }
  return result;
}

(window as unknown as { runBench: typeof run }).runBench = run;
document.title = 'ready';


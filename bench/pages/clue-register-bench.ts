/**
 * Runs inside headless Chromium (bench/run.mjs clue-register). Measures <xc-clue-register> with
 * 2,000 clues against the floor: the same table (eight columns, a checkbox and a button per row)
 * as plain DOM built from one HTML string, filtered by hiding rows and updated by setting one
 * cell's text. Like the ledger, the element shows the first 200 matching rows (more on request).
 * A state change is a 组员's 提出移交建议 on one clue, through the core (history, receiver).
 */
import '../../src/clue-register/index.js';
import '../../src/provider/index.js';
import type { XcClueRegister } from '../../src/clue-register/xc-clue-register.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import { clueOriginText, clueReceiverLabel, clueStateLabel, receiverOf, replyLight, replyLightLabel, type ClueRegister, type RegisterClue } from '../../src/core/clue-register.js';
import { manyClues } from '../../tests/clue-register/fixtures.js';
import { frame, gc, heap, median, esc } from './measure.js';

const TODAY = '2026-11-30';

function floorRow(c: RegisterClue): string {
  const light = replyLight(c, TODAY);
  return `<tr data-state="${c.state}"><td><input type="checkbox" aria-label="选择线索 ${esc(c.number)}"></td><th scope="row"><button type="button">${esc(c.number)}</button></th>` +
    `<td>${esc(c.mainProblem)}<br>${esc(c.category ?? '')}</td><td>${esc(clueOriginText(c, 'zh-CN'))}</td><td>${clueReceiverLabel(receiverOf(c), 'zh-CN')}</td>` +
    `<td class="st">${clueStateLabel(c.state, 'zh-CN')}</td><td>${c.replyDue ?? ''}<br>${replyLightLabel(light, 'zh-CN')}</td><td></td></tr>`;
}

function floorHtml(reg: ClueRegister): string {
  const head = ['', '线索编号', '主要问题', '出处', '移交对象', '状态', '回复期限', '处置结果'];
  return `<table><caption>本轮巡察的问题线索</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${reg.clues.map(floorRow).join('')}</tbody></table>`;
}

interface Mounted {
  host: HTMLElement;
  el?: XcClueRegister;
  firstFrame: number;
  heap: number;
}

async function mount(kind: 'floor' | 'xc', reg: ClueRegister): Promise<Mounted> {
  const host = document.createElement('div');
  document.body.append(host);
  gc();
  await frame();
  const before = await heap();
  const t0 = performance.now();
  let el: XcClueRegister | undefined;
  if (kind === 'floor') host.innerHTML = floorHtml(reg);
  else {
    const provider = document.createElement('xc-provider') as XcProvider;
    provider.setAttribute('user-role', 'preparer');
    provider.setAttribute('today', TODAY);
    el = document.createElement('xc-clue-register');
    el.value = reg;
    provider.append(el);
    host.append(provider);
    await el.updateComplete;
  }
  await frame();
  const firstFrame = performance.now() - t0;
  await frame();
  gc();
  return { host, el, firstFrame, heap: (await heap()) - before };
}

/** Filter by state 组长已批准 (and back, unmeasured): time to the first frame showing the result. */
async function filterChange(m: Mounted, reps: number): Promise<number> {
  const times: number[] = [];
  const set = async (value: string) => {
    if (m.el) {
      const select = m.el.shadowRoot!.querySelector<HTMLSelectElement>('.f-state')!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await m.el.updateComplete;
    } else for (const tr of m.host.querySelectorAll<HTMLTableRowElement>('tbody tr')) tr.hidden = !!value && tr.dataset.state !== value;
  };
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await set('approved');
    await frame();
    times.push(performance.now() - t0);
    await set('');
    await frame();
  }
  return median(times);
}

/** 登记 → 拟移交 of one clue among the rows shown: time to the first frame showing it. */
async function stateChange(m: Mounted, reg: ClueRegister, reps: number): Promise<number> {
  const ids = reg.clues.slice(0, 200).filter((c) => c.state === 'registered').map((c) => c.id);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const id = ids[i]!;
    const t0 = performance.now();
    if (m.el) {
      const refused = m.el.step(id, { action: 'propose' });
      if (refused) throw new Error(refused);
      await m.el.updateComplete;
    } else {
      const tr = m.host.querySelectorAll<HTMLTableRowElement>('tbody tr')[reg.clues.findIndex((c) => c.id === id)]!;
      tr.dataset.state = 'proposed';
      tr.querySelector('.st')!.textContent = clueStateLabel('proposed', 'zh-CN');
    }
    await frame();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function run(n: number, reps = 5) {
  const reg = manyClues(n);
  const result: Record<string, Record<string, number>> = {};
  for (const kind of ['floor', 'xc'] as const) {
    const first: number[] = [];
    const heaps: number[] = [];
    for (let i = 0; i < reps; i++) {
      const m = await mount(kind, reg);
      first.push(m.firstFrame);
      heaps.push(m.heap);
      m.host.remove();
      await frame();
    }
    const m = await mount(kind, reg);
    const filter = await filterChange(m, reps);
    const state = await stateChange(m, reg, reps);
    m.host.remove();
    result[kind] = { firstFrame: median(first), heap: median(heaps), filter, state };
  }
  return result;
}

(window as unknown as { runClueRegisterBench: typeof run }).runClueRegisterBench = run;
document.title = 'ready';

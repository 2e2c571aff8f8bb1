/**
 * Runs inside headless Chromium (bench/run.mjs petition). Measures <xc-petition-register> with
 * 2,000 petitions against the floor: the same table (eight columns, a button per row) as plain
 * DOM built from one HTML string, filtered by hiding rows and updated by setting one cell's text.
 * A status change is setting a petition's 处理方式 (作为问题线索), through the core.
 */
import '../../src/petition/index.js';
import '../../src/provider/index.js';
import type { XcPetitionRegister } from '../../src/petition/xc-petition-register.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import { petitionHandlingLabel, petitionSourceLabel, type PetitionEntry, type PetitionRegister } from '../../src/core/petition.js';
import { frame, gc, heap, median, esc } from './measure.js';

const TODAY = '2026-11-30';
const SOURCES = ['letter', 'call', 'visit', 'online', 'other'] as const;
const CATEGORIES = ['三资管理', '为民服务', '选人用人', '作风建设', '惠民资金'];

/** `n` petitions of a round, deterministic; a third already handled. */
export function manyPetitions(n: number): PetitionRegister {
  const entries: PetitionEntry[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    entries.push({
      id: `p${i}`,
      number: `XF-2026-${String(i + 1).padStart(4, '0')}`,
      source: SOURCES[i % SOURCES.length]!,
      receivedOn: `2026-11-${day}`,
      ...(i % 4 === 0 ? { anonymous: true } : { petitioner: { name: `反映人${i}`, contact: `1390000${String(i).padStart(4, '0')}` } }),
      concerned: { name: `被反映人${i % 97}`, unit: `第${i % 13}村委会` },
      summary: `反映第${i % 13}村集体资金使用不规范等问题（第${i}件）。`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      ...(i % 3 === 0 ? { inScope: true, handling: 'clue' as const } : {}),
    });
  }
  return { version: 1, unit: 'xx乡党委', entries };
}

function floorRow(e: PetitionEntry): string {
  return `<tr data-category="${esc(e.category ?? '')}"><th scope="row"><button type="button">${esc(e.number)}</button></th><td>${petitionSourceLabel(e.source, 'zh-CN')}</td><td>${e.receivedOn}</td>` +
    `<td>***</td><td>${esc(e.concerned?.name ?? '')}<br>${esc(e.concerned?.unit ?? '')}</td><td>${esc(e.summary)}</td><td>${esc(e.category ?? '')}</td><td class="h">${petitionHandlingLabel(e.handling, 'zh-CN')}</td></tr>`;
}

function floorHtml(reg: PetitionRegister): string {
  const head = ['编号', '来源', '收件日期', '反映人', '被反映人/单位', '内容摘要', '问题类别', '处理方式'];
  return `<table><caption>信访件</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${reg.entries.map(floorRow).join('')}</tbody></table>`;
}

interface Mounted {
  host: HTMLElement;
  el?: XcPetitionRegister;
  firstFrame: number;
  heap: number;
}

async function mount(kind: 'floor' | 'xc', reg: PetitionRegister): Promise<Mounted> {
  const host = document.createElement('div');
  document.body.append(host);
  gc();
  await frame();
  const before = await heap();
  const t0 = performance.now();
  let el: XcPetitionRegister | undefined;
  if (kind === 'floor') host.innerHTML = floorHtml(reg);
  else {
    const provider = document.createElement('xc-provider') as XcProvider;
    provider.setAttribute('user-role', 'office');
    provider.setAttribute('today', TODAY);
    el = document.createElement('xc-petition-register');
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

/** Filter by one category (and back, unmeasured): time to the first frame showing the result. */
async function filterChange(m: Mounted, reps: number): Promise<number> {
  const times: number[] = [];
  const set = async (value: string) => {
    if (m.el) {
      const select = m.el.shadowRoot!.querySelector<HTMLSelectElement>('.f-category')!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await m.el.updateComplete;
    } else for (const tr of m.host.querySelectorAll<HTMLTableRowElement>('tbody tr')) tr.hidden = !!value && tr.dataset.category !== value;
  };
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await set(CATEGORIES[1]!);
    await frame();
    times.push(performance.now() - t0);
    await set('');
    await frame();
  }
  return median(times);
}

/** One petition's 处理方式 set to 作为问题线索: time to the first frame showing it. */
async function statusChange(m: Mounted, reg: PetitionRegister, reps: number): Promise<number> {
  const ids = reg.entries.slice(0, 200).filter((e) => !e.handling).map((e) => e.id);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const id = ids[i]!;
    const t0 = performance.now();
    if (m.el) {
      if (!m.el.editEntry(id, { handling: 'clue', inScope: true })) throw new Error(`edit of ${id} refused`);
      await m.el.updateComplete;
    } else {
      const tr = m.host.querySelectorAll<HTMLTableRowElement>('tbody tr')[reg.entries.findIndex((e) => e.id === id)]!;
      tr.querySelector('.h')!.textContent = petitionHandlingLabel('clue', 'zh-CN');
    }
    await frame();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function run(n: number, reps = 5) {
  const reg = manyPetitions(n);
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
    const state = await statusChange(m, reg, reps);
    m.host.remove();
    result[kind] = { firstFrame: median(first), heap: median(heaps), filter, state };
  }
  return result;
}

(window as unknown as { runPetitionBench: typeof run }).runPetitionBench = run;
document.title = 'ready';

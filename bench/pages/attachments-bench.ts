/**
 * Runs inside headless Chromium (bench/run.mjs attachments). Two measures of evidence files:
 *  1. opening a record (a read-only checklist of 20 check points, one problem finding) whose
 *     evidence holds 100 photos, against the same record with one title-only piece of evidence,
 *     each against its floor (the same text as plain DOM from one HTML string; for the photos,
 *     100 list items with a 160 px canvas each, drawn with nothing). First frame, the files
 *     listed, every thumbnail drawn, and the longest main-thread task while that happened;
 *  2. attaching 20 photos of 4000×3000 (JPEG) at once: the total time and the longest task.
 */
import '../../src/checklist/index.js';
import '../../src/provider/index.js';
import '../../src/attachments/xc-attachments.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { XcAttachments } from '../../src/attachments/xc-attachments.js';
import type { AttachmentRef, AttachmentStore } from '../../src/core/attachment-types.js';
import { frame, median, esc } from './measure.js';

function memoryStore(): AttachmentStore {
  const blobs = new Map<string, Blob>();
  let n = 0;
  return {
    async put(blob, meta) {
      const ref = { id: `b${++n}`, name: meta.name, type: meta.type, size: blob.size, sha256: '0'.repeat(64) };
      blobs.set(ref.id, blob);
      return ref;
    },
    async get(ref) {
      return blobs.get(ref.id) ?? null;
    },
    async remove(ref) {
      blobs.delete(ref.id);
    },
  };
}

async function photo(width: number, height: number, quality = 0.9): Promise<Blob> {
  const c = new OffscreenCanvas(width, height);
  const g = c.getContext('2d')!;
  // Some structure, so that the JPEG is not trivially small.
  for (let i = 0; i < 40; i++) {
    g.fillStyle = `hsl(${i * 37} 70% 50%)`;
    g.fillRect((i * width) / 40, 0, width / 40, height);
  }
  return c.convertToBlob({ type: 'image/jpeg', quality });
}

const POINTS = 20;
const template = {
  id: 'bench',
  version: '1',
  title: '测试清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
  ],
  sections: [{ id: 's1', title: '第一部分', groups: [{ id: 'g1', title: '第一组', items: Array.from({ length: POINTS }, (_, i) => ({ id: `p${i}`, text: `是否存在第${i + 1}类问题` })) }] }],
};

function floorHtml(files: number): string {
  const points = template.sections[0]!.groups[0]!.items.map(
    (p, i) => `<div role="group"><p>${i + 1} ${esc(p.text)}</p><dl><dt>检查结论</dt><dd>${i === 0 ? '存在问题' : '未发现问题'}</dd>${i === 0 ? `<dt>佐证材料</dt><dd><ul><li>会议纪要</li></ul>${files ? `<ul>${Array.from({ length: files }, (_, j) => `<li><button type="button"><canvas width="160" height="160"></canvas>预览</button><span>IMG_${j}.jpg</span><span>图片，300 KB</span></li>`).join('')}</ul>` : ''}</dd>` : ''}</dl></div>`,
  );
  return points.join('');
}

interface Open {
  firstFrame: number;
  listed: number;
  thumbs: number;
  longest: number;
}

async function open(kind: 'floor' | 'xc', files: AttachmentRef[], store: AttachmentStore): Promise<Open> {
  const host = document.createElement('div');
  document.body.append(host);
  await frame();
  const tasks: number[] = [];
  const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
  obs.observe({ type: 'longtask' });
  const t0 = performance.now();
  let listed = 0;
  let thumbs = 0;
  let firstFrame = 0;
  if (kind === 'floor') {
    host.innerHTML = floorHtml(files.length);
    await frame();
    firstFrame = listed = thumbs = performance.now() - t0;
  } else {
    const provider = document.createElement('xc-provider') as XcProvider;
    provider.attachments = store;
    const list = document.createElement('xc-checklist') as XcChecklist;
    list.template = template;
    list.readonly = true;
    list.value = {
      templateId: 'bench',
      templateVersion: '1',
      items: Object.fromEntries(
        template.sections[0]!.groups[0]!.items.map((p, i) => [p.id, i === 0 ? { finding: 'problem', description: '问题', evidence: [{ title: '会议纪要' }, ...files.map((file) => ({ title: file.name, file }))] } : { finding: 'none' }]),
      ),
    };
    provider.append(list);
    host.append(provider);
    await frame();
    firstFrame = performance.now() - t0;
    const el = () => list.shadowRoot?.querySelector('xc-attachments') as XcAttachments | null;
    const count = (sel: string) => el()?.shadowRoot?.querySelectorAll(sel).length ?? 0;
    if (files.length) {
      while (count('.file') < files.length) await new Promise((r) => setTimeout(r, 5));
      listed = performance.now() - t0;
      while (count('canvas.thumb[data-drawn]') < files.length) await new Promise((r) => setTimeout(r, 5));
      thumbs = performance.now() - t0;
    } else {
      listed = thumbs = firstFrame;
    }
  }
  await new Promise((r) => setTimeout(r, 20));
  obs.disconnect();
  host.remove();
  await frame();
  return { firstFrame, listed, thumbs, longest: Math.max(0, ...tasks) };
}

const med = (rs: Open[], k: keyof Open) => median(rs.map((r) => r[k]));

async function runOpen(runs: number) {
  const store = memoryStore();
  // 100 photos as they are stored after downscaling (2048×1536).
  const stored = await photo(2048, 1536, 0.85);
  const files: AttachmentRef[] = [];
  for (let i = 0; i < 100; i++) files.push(await store.put(stored, { name: `IMG_${i}.jpg`, type: 'image/jpeg' }));
  const out: Record<string, Record<string, number>> = {};
  for (const [label, list] of [['none', [] as AttachmentRef[]], ['photos', files]] as const) {
    const floor: Open[] = [];
    const xc: Open[] = [];
    // One warm-up of each (chunks, fonts), then alternate.
    await open('floor', list, store);
    await open('xc', list, store);
    for (let i = 0; i < runs; i++) {
      floor.push(await open('floor', list, store));
      xc.push(await open('xc', list, store));
    }
    out[label] = {
      floorFirstFrame: med(floor, 'firstFrame'),
      xcFirstFrame: med(xc, 'firstFrame'),
      xcListed: med(xc, 'listed'),
      xcThumbs: med(xc, 'thumbs'),
      xcLongest: Math.max(...xc.map((r) => r.longest)),
    };
  }
  return out;
}

async function runAttach() {
  const big = await photo(4000, 3000);
  const host = document.createElement('div');
  document.body.append(host);
  const provider = document.createElement('xc-provider') as XcProvider;
  provider.attachments = memoryStore();
  const el = document.createElement('xc-attachments') as XcAttachments;
  provider.append(el);
  host.append(provider);
  await el.updateComplete;
  await frame();
  const tasks: number[] = [];
  const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
  obs.observe({ type: 'longtask' });
  const files = Array.from({ length: 20 }, (_, i) => new File([big], `IMG_${i}.jpg`, { type: 'image/jpeg' }));
  const t0 = performance.now();
  await el.add(files);
  const total = performance.now() - t0;
  // The thumbnails of what was attached, too.
  while ((el.shadowRoot?.querySelectorAll('canvas.thumb[data-drawn]').length ?? 0) < 20) await new Promise((r) => setTimeout(r, 5));
  const withThumbs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  host.remove();
  const stored = el.value.filter((e) => e.file).map((e) => e.file!.size);
  return { photos: 20, sourceBytes: big.size, storedBytes: median(stored), total, withThumbs, longest: Math.max(0, ...tasks), longTasks: tasks.length };
}

Object.assign(window, { runAttachmentsBench: async (runs: number) => ({ open: await runOpen(runs), attach: await runAttach() }) });
document.title = 'ready';

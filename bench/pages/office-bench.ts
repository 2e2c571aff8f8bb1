/**
 * Runs inside headless Chromium (bench/run.mjs office). The Word and Excel exports of a generated
 * 5,000-item ledger: the ledger as .xlsx (ledgerToXlsx: the CSV's columns, dates as dates) and a
 * report-like .docx of 5,000 paragraphs (a heading per 50 problems, each problem's text and
 * measures as paragraphs, a 200-row table, signature lines). For each: the time to the file's
 * bytes, the peak of the JS heap above where it started (sampled between chunks; the page runs
 * with --enable-precise-memory-info), the file's size, and the longest main-thread task while it
 * was written (PerformanceObserver `longtask`: tasks over 50 ms; 0 means none).
 */
import { generateLedger } from '../../stories/support/generate-ledger.js';
import { ledgerToXlsx } from '../../src/core/office/ledger-xlsx.js';
import { writeDocx, type DocxBlock } from '../../src/core/office/docx.js';
import type { RectificationLedger } from '../../src/core/rectification-types.js';
import { frame, gc, median } from './measure.js';

interface Run {
  time: number;
  peak: number;
  bytes: number;
  longest: number;
  longTasks: number;
}

const used = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

async function measure(write: () => Promise<Uint8Array>): Promise<Run> {
  gc();
  await frame();
  const tasks: number[] = [];
  const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
  obs.observe({ type: 'longtask' });
  const base = used();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 1);
  const t0 = performance.now();
  const bytes = await write();
  const time = performance.now() - t0;
  peak = Math.max(peak, used());
  clearInterval(sampler);
  await frame();
  tasks.push(...obs.takeRecords().map((e) => e.duration));
  obs.disconnect();
  return { time, peak: peak - base, bytes: bytes.length, longest: Math.max(0, ...tasks), longTasks: tasks.length };
}

function report(ledger: RectificationLedger): DocxBlock[] {
  const blocks: DocxBlock[] = [{ kind: 'heading', level: 1, text: '一、整改工作总体情况' }];
  let paragraphs = 0;
  ledger.items.forEach((it, i) => {
    if (paragraphs >= 5000) return;
    if (i % 50 === 0) blocks.push({ kind: 'heading', level: 2, text: `（${i / 50 + 1}）第 ${i + 1}–${i + 50} 项问题` });
    blocks.push({ kind: 'paragraph', text: `${i + 1}. ${it.problem.text}` });
    blocks.push({ kind: 'paragraph', text: `整改措施：${(it.measures ?? []).map((m) => m.text).join('；')}。整改进度 ${it.progress}%。` });
    paragraphs += 2;
  });
  blocks.push({ kind: 'heading', level: 1, text: '二、整改台账（摘录）' });
  blocks.push({ kind: 'table', header: ['编号', '问题', '责任部门', '整改时限'], rows: ledger.items.slice(0, 200).map((it) => [it.id, it.problem.text, it.responsibility.department ?? '', it.deadline ?? '']) });
  blocks.push({ kind: 'signature', lines: ['被巡察单位党组织（盖章）', '主要负责人（签名）：', '日期：    年  月  日'] });
  return blocks;
}

async function run(n: number, runs: number) {
  const ledger = generateLedger(n, { today: '2026-11-26' });
  const blocks = report(ledger);
  const pick = (rs: Run[]): Run => ({
    time: median(rs.map((r) => r.time)),
    peak: median(rs.map((r) => r.peak)),
    bytes: rs[0]!.bytes,
    longest: Math.max(...rs.map((r) => r.longest)),
    longTasks: Math.max(...rs.map((r) => r.longTasks)),
  });
  const xlsx: Run[] = [];
  const docx: Run[] = [];
  for (let i = 0; i < runs; i++) {
    xlsx.push(await measure(() => ledgerToXlsx(ledger, 'zh-CN')));
    docx.push(await measure(() => writeDocx({ title: '关于巡察反馈意见整改情况的报告', blocks, page: 'A4' })));
  }
  return { n, paragraphs: blocks.filter((b) => b.kind === 'paragraph').length, xlsx: pick(xlsx), docx: pick(docx) };
}

(window as unknown as { runOfficeBench: typeof run }).runOfficeBench = run;
document.title = 'ready';

/**
 * Runs inside headless Chromium (wired from bench/run.mjs). Measures <xc-form>
 * on a generated definition of `n` fields, and <xc-interview-form> on a
 * transcript of `qa` question/answer blocks, against the floor: the same labels
 * and controls as plain DOM built from one HTML string.
 *
 * `window.runFormBench(n = 300, qa = 200, reps = 5)` resolves to
 * `{ fields: {floor, xc}, transcript: {floor, xc} }`, each with the medians
 * `firstFrame` (ms from mounting to the first frame after it), `key` (ms from
 * one keystroke to the next frame, in fields spread over the form) and, for
 * xc, `conditionKey` (a keystroke in a field that conditions look at, which
 * rebuilds the form model). Per-keystroke time should stay flat as `n` grows.
 */
import '../../src/form/index.js';
import '../../src/interview/index.js';
import type { XcForm } from '../../src/form/xc-form.js';
import type { JsonSchema, ValidateFunction } from '../../src/core/validation-types.js';
import { fieldId } from '../../src/form/display.js';
import { frame, median, esc } from './measure.js';


/** Validation runs after a pause, never per keystroke; the bench leaves ajv out of the numbers. */
const accept: ValidateFunction = Object.assign(() => true, { errors: null });

const KINDS = ['text', 'textarea', 'select', 'radio', 'date', 'number'] as const;

/** A flat definition of n fields in sections of 20: every widget kind in turn, a third required, one field in 50 shown only when a switch is on. */
export function generateFormSchema(n: number): JsonSchema {
  const properties: Record<string, unknown> = {
    mode: { type: 'string', title: '是否涉及资金', enum: ['是', '否'], 'x-xc-group': '第1部分' },
  };
  const required: string[] = [];
  for (let i = 1; i <= n; i++) {
    const k = KINDS[i % KINDS.length]!;
    const group = `第${Math.floor((i - 1) / 20) + 1}部分`;
    const base = { title: `检查项目${i}`, description: i % 4 ? undefined : `第${i}项的填写说明。`, 'x-xc-group': group };
    const f: Record<string, unknown> =
      k === 'text' ? { type: 'string', maxLength: 100 }
      : k === 'textarea' ? { type: 'string', 'x-xc-widget': 'textarea', 'x-xc-rows': 2 }
      : k === 'select' ? { type: 'string', enum: ['甲', '乙', '丙', '丁', '戊'] }
      : k === 'radio' ? { type: 'string', enum: ['存在问题', '未发现问题', '不适用'] }
      : k === 'date' ? { type: 'string', format: 'date' }
      : { type: 'number', minimum: 0 };
    if (i % 50 === 0) f['x-xc-hidden'] = { not: { field: 'mode', const: '是' } };
    properties[`f${i}`] = { ...f, ...base };
    if (i % 3 === 0) required.push(`f${i}`);
  }
  return { type: 'object', title: `生成的表单（${n} 项）`, required, properties };
}

/** An interview record with qa question/answer blocks. */
export function generateTranscript(qa: number): Record<string, unknown> {
  return {
    recordNo: 'BENCH-001',
    interviewee: { name: '赵六', unit: '区农业农村局' },
    place: '谈话室',
    kind: '一般干部谈话',
    transcript: Array.from({ length: qa }, (_, i) => ({ question: `第${i + 1}个问题：请谈谈有关情况。`, answer: `第${i + 1}个回答。`.repeat(8) })),
  };
}

function floorFields(schema: JsonSchema): string {
  let out = `<h2>${esc(String(schema['title']))}</h2>`;
  let group = '';
  for (const [key, raw] of Object.entries(schema['properties'] as Record<string, Record<string, unknown>>)) {
    if (raw['x-xc-group'] !== group) {
      out += `${group ? '</section>' : ''}<section><h3>${esc(String(raw['x-xc-group']))}</h3>`;
      group = String(raw['x-xc-group']);
    }
    const id = `f-${key}`;
    const label = esc(String(raw['title']));
    const hint = raw['description'] ? `<p id="${id}-h">${esc(String(raw['description']))}</p>` : '';
    const options = (raw['enum'] as string[] | undefined) ?? [];
    if (options.length && options.length <= 4) {
      out += `<fieldset><legend>${label}</legend>${hint}${options.map((o) => `<label><input type="radio" name="${id}" value="${esc(o)}">${esc(o)}</label>`).join('')}</fieldset>`;
      continue;
    }
    const control =
      options.length ? `<select id="${id}"><option value="">请选择</option>${options.map((o) => `<option>${esc(o)}</option>`).join('')}</select>`
      : raw['x-xc-widget'] === 'textarea' ? `<textarea id="${id}" rows="2"></textarea>`
      : `<input id="${id}" type="${raw['format'] === 'date' ? 'date' : raw['type'] === 'number' ? 'number' : 'text'}">`;
    out += `<div><label for="${id}">${label}</label>${hint}${control}</div>`;
  }
  return `${out}</section>`;
}

function floorTranscript(record: Record<string, unknown>): string {
  const blocks = record['transcript'] as { question: string; answer: string }[];
  return `<h2>个别谈话记录</h2><fieldset><legend>谈话内容</legend><ol>${blocks
    .map(
      (b, i) => `<li><fieldset><legend>第${i + 1}问</legend><div><label for="q${i}">问</label><textarea id="q${i}" rows="2">${esc(b.question)}</textarea></div>` +
        `<div><label for="a${i}">答</label><textarea id="a${i}" rows="6">${esc(b.answer)}</textarea></div></fieldset><button type="button">上移</button><button type="button">下移</button><button type="button">删除</button></li>`,
    )
    .join('')}</ol></fieldset>`;
}

type Scenario = 'fields' | 'transcript';

async function mount(kind: 'floor' | 'xc', scenario: Scenario, n: number, qa: number) {
  const host = document.createElement('div');
  document.body.append(host);
  await frame();
  const t0 = performance.now();
  let el: XcForm | undefined;
  if (scenario === 'fields') {
    const schema = generateFormSchema(n);
    if (kind === 'floor') host.innerHTML = floorFields(schema);
    else {
      el = document.createElement('xc-form');
      el.schema = schema;
      el.validator = accept;
      host.append(el);
    }
  } else {
    const record = generateTranscript(qa);
    if (kind === 'floor') host.innerHTML = floorTranscript(record);
    else {
      el = document.createElement('xc-interview-form');
      el.value = record;
      host.append(el);
    }
  }
  if (el) {
    await el.updateComplete;
    // The fields are elements of their own: wait until every one has rendered.
    for (let i = 0; i < 20; i++) {
      const pending = [...el.shadowRoot!.querySelectorAll('xc-field')].filter((f) => f.isUpdatePending);
      if (!pending.length) break;
      await Promise.all(pending.map((f) => f.updateComplete));
    }
  }
  await frame();
  return { host, el, firstFrame: performance.now() - t0 };
}

/** The text controls to type into, spread over the form. */
function targets(root: ParentNode, el: XcForm | undefined, scenario: Scenario, n: number, qa: number, count: number): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let i = 0; i < count; i++) {
    if (scenario === 'fields') {
      // text fields are f6, f12, … (i % 6 === 0); spread them over the list.
      const k = Math.max(6, Math.round(((i + 1) * n) / (count + 1) / 6) * 6);
      out.push(root.querySelector<HTMLElement>(el ? `#${fieldId(`f${k}`)}` : `#f-f${k}`)!);
    } else {
      const k = Math.floor(((i + 1) * qa) / (count + 1));
      out.push(root.querySelector<HTMLElement>(el ? `#${fieldId(`transcript.${k}.answer`)}` : `#a${k}`)!);
    }
  }
  return out;
}

async function keystrokes(inputs: HTMLElement[], per: number): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    if (!input) throw new Error('bench: a target control is missing');
    input.scrollIntoView();
    await frame();
    for (let k = 0; k < per; k++) {
      const t = performance.now();
      const area = input as HTMLInputElement;
      area.value += '字';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      times.push(performance.now() - t);
    }
  }
  return times;
}

async function scenario(s: Scenario, n: number, qa: number, reps: number) {
  const result: Record<string, Record<string, number>> = {};
  for (const kind of ['floor', 'xc'] as const) {
    const first: number[] = [];
    for (let i = 0; i < reps; i++) {
      const m = await mount(kind, s, n, qa);
      first.push(m.firstFrame);
      m.host.remove();
      await frame();
    }
    const m = await mount(kind, s, n, qa);
    const root: ParentNode = m.el ? m.el.shadowRoot! : m.host;
    const keys = await keystrokes(targets(root, m.el, s, n, qa, 6), 5);
    const row: Record<string, number> = { firstFrame: median(first), key: median(keys) };
    if (m.el && s === 'fields') {
      // A field conditions look at: the model is rebuilt (once per change, not per field).
      const cond: number[] = [];
      for (let i = 0; i < 5; i++) {
        const radios = root.querySelectorAll<HTMLInputElement>(`#${fieldId('mode')} input`);
        const t = performance.now();
        radios[i % 2]!.click();
        await m.el.updateComplete;
        await frame();
        cond.push(performance.now() - t);
      }
      row['conditionKey'] = median(cond);
    }
    result[kind] = row;
    m.host.remove();
    await frame();
  }
  return result;
}

async function run(n = 300, qa = 200, reps = 5) {
  return { fields: await scenario('fields', n, qa, reps), transcript: await scenario('transcript', n, qa, reps) };
}

(window as unknown as { runFormBench: typeof run }).runFormBench = run;
document.title = 'ready';

// What a person reads in the ledger on the checklist → ledger path: labels and short numbers
// (never a bare machine code), a table that fits a 1280 px page, a detail panel that opens at
// its top, and data text that cannot reorder its neighbours (bidi controls isolated).
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { RectificationItem } from '../../src/core/rectification-types.js';
import { toRectificationItems, type ChecklistResponse, type ChecklistTemplate } from '../../src/core/checklist.js';
import { checklistSanjujiao } from '../../src/generated/templates/checklistSanjujiao.js';
import { loadPayloads } from '../support/xss.js';
import { expectAccessible } from '../support/a11y.js';
import { CONTROLS, readsLeftToRight, unisolated } from '../security/bidi.js';

const template = checklistSanjujiao as unknown as ChecklistTemplate;
const CODES = /\b(first-topic|ideology|performance|political-sensitivity)\b|R-xc-|f\dg\d-\d\d/;

/** Three problems recorded in the bundled checklist, with the categories given as codes, handed to the ledger. */
function fromChecklist(): RectificationItem[] {
  const problem = template.findings.find((f) => f.isProblem)!.value;
  const points = template.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).slice(0, 3);
  const response: ChecklistResponse = { templateId: template.id, templateVersion: template.version, items: {} };
  const cats = ['first-topic', 'ideology', 'performance'];
  points.forEach((p, i) => (response.items[p.id] = { finding: problem, description: `问题描述${i + 1}`, category: cats[i] }));
  const items = toRectificationItems(template, response, { now: '2026-11-20T09:00:00+08:00', by: '区委第二巡察组', deadline: '2027-01-19' });
  expect(items.map((i) => i.id)[0]).to.match(/^R-xc-sanjujiao-/);
  // Ledgers written before the checklist handed over labels carry the bare code; one carries a label.
  items[0]!.problem.category = 'first-topic';
  (items[1]!.problem as Record<string, unknown>).category = '意识形态工作重视不够';
  (items[1]!.problem as Record<string, unknown>).categoryId = 'ideology';
  return items;
}

async function mount(items: RectificationItem[], role = 'office'): Promise<XcRectificationTracker> {
  const provider = await fixture<XcProvider>(html`<xc-provider user-role=${role} today="2026-11-26"
    ><xc-rectification-tracker .value=${{ version: 1, items }}></xc-rectification-tracker
  ></xc-provider>`);
  const el = provider.querySelector('xc-rectification-tracker')!;
  await el.updateComplete;
  for (const row of el.shadowRoot!.querySelectorAll('xc-rectification-row')) await (row as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** The visible text of a tree (the visually hidden helper text included; it is read too). */
const textOf = (root: Element) => (root.textContent ?? '').replace(/\s+/g, ' ');

describe('the ledger as people read it', () => {
  before(async () => {
    await setViewport({ width: 1280, height: 800 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('shows category labels and short numbers, never a bare code or a machine id, in the table and the detail panel', async () => {
    const el = await mount(fromChecklist());
    const table = el.shadowRoot!.querySelector('table.ledger')!;
    const text = textOf(table);
    expect(text).not.to.match(CODES);
    expect(text).to.contain('意识形态工作重视不够');
    const numbers = [...table.querySelectorAll('button.open')].map((b) => b.textContent!.replace(el.t.trackerOpen, '').trim());
    expect(numbers).to.deep.equal(['1', '2', '3']);
    // The ids stay in the data.
    expect(el.value!.items.map((i) => i.id).every((id) => id.startsWith('R-xc-sanjujiao-'))).to.equal(true);
    for (const role of ['office', 'viewer']) {
      const t = role === 'office' ? el : await mount(fromChecklist(), role);
      for (const id of t.value!.items.map((i) => i.id)) {
        await t.openItem(id);
        const detail = t.shadowRoot!.querySelector('xc-rectification-detail')!;
        expect(textOf(detail), role).not.to.match(CODES);
        // Nor in a field being edited (a bare code is not offered for editing as text).
        for (const input of detail.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) expect(input.value, `${role} #${input.id}`).not.to.match(CODES);
        expect(detail.querySelector('#detail-title')!.textContent!.trim()).to.match(/^问题 [1-3]$/);
        t.closeItem();
        await nextFrame();
      }
    }
    // The error summary names items the same way.
    const broken = fromChecklist();
    (broken[2] as unknown as Record<string, unknown>).progress = 150;
    const invalid = await mount(broken);
    expect(await invalid.reportValidity()).to.equal(false);
    await invalid.updateComplete;
    const summary = textOf(invalid.shadowRoot!.querySelector('.error-summary')!);
    expect(summary).not.to.match(CODES);
    expect(summary).to.contain('问题 3 · ');
    await el.openItem(el.value!.items[1]!.id);
    const detail = el.shadowRoot!.querySelector('xc-rectification-detail')!;
    const category = detail.querySelector<HTMLInputElement>('#d-category')!;
    expect(category.value).to.equal('意识形态工作重视不够');
    // Text typed there is the office's own: the template's code no longer goes with it.
    category.value = '意识形态工作责任制落实不到位';
    category.dispatchEvent(new Event('input', { bubbles: true }));
    const edited = el.getItem(el.value!.items[1]!.id)!.problem as Record<string, unknown>;
    expect(edited['category']).to.equal('意识形态工作责任制落实不到位');
    expect(edited).not.to.have.property('categoryId');
    el.closeItem();
  });

  it('shows the evidence a finding rested on in the detail panel, apart from the evidence of completion', async () => {
    const problem = template.findings.find((f) => f.isProblem)!.value;
    const point = template.sections[0]!.groups[0]!.items[0]!;
    const response: ChecklistResponse = {
      templateId: template.id,
      templateVersion: template.version,
      items: { [point.id]: { finding: problem, description: '会议记录缺失', methods: ['documents'], evidence: [{ title: '2025年党组会议记录', ref: '档案室第12卷' }] } },
    };
    const items = toRectificationItems(template, response, { now: '2026-11-20T09:00:00+08:00', by: '区委第二巡察组', deadline: '2027-01-19' });
    for (const role of ['unit', 'office', 'viewer']) {
      const el = await mount(items, role);
      await el.openItem(items[0]!.id);
      const detail = el.shadowRoot!.querySelector('xc-rectification-detail')!;
      const found = detail.querySelector('.d-found-evidence');
      expect(found, `${role}: the finding's evidence is shown`).to.exist;
      expect(textOf(found!)).to.contain(el.t.trackerFoundEvidence).and.contain('2025年党组会议记录').and.contain('档案室第12卷');
      // It is not evidence of completion: that list is still empty.
      expect(el.getItem(items[0]!.id)!.evidence).to.deep.equal([]);
      el.closeItem();
    }
  });

  it('fits a 1280 px page: the table is within its box (整改进度 shown whole) and an id cell takes at most two lines', async () => {
    const items = fromChecklist();
    // A ledger's own long numbers too.
    items.push({ ...items[2]!, id: 'ZG-2026-0001' }, { ...items[2]!, id: 'R-xc-sanjujiao-f3g2-04-extra' });
    const el = await mount(items);
    await nextFrame();
    const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
    const table = el.shadowRoot!.querySelector<HTMLElement>('table.ledger')!;
    expect(document.documentElement.clientWidth).to.equal(1280);
    expect(wrap.scrollWidth, 'nothing scrolls sideways in the table box').to.be.at.most(wrap.clientWidth);
    const box = wrap.getBoundingClientRect();
    const progress = el.shadowRoot!.querySelector<HTMLElement>('th.c-progress')!.getBoundingClientRect();
    expect(progress.right).to.be.at.most(box.right + 0.5);
    expect(table.getBoundingClientRect().right).to.be.at.most(box.right + 0.5);
    for (const b of el.shadowRoot!.querySelectorAll<HTMLElement>('button.open')) {
      const number = b.querySelector('bdi') ?? b;
      const lineHeight = parseFloat(getComputedStyle(b).lineHeight) || parseFloat(getComputedStyle(b).fontSize) * 1.5;
      const range = document.createRange();
      range.selectNodeContents(number);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      expect(lines.size, `${b.textContent} on ${lines.size} lines`).to.be.at.most(2);
      expect(range.getBoundingClientRect().height, b.textContent!).to.be.at.most(lineHeight * 2 + 1);
    }
    await expectAccessible(el);
  });

  it('opens each item at the top of the panel, not at the scroll position of the one before', async () => {
    await setViewport({ width: 1280, height: 500 });
    try {
      const el = await mount(fromChecklist());
      const ids = el.value!.items.map((i) => i.id);
      const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.detail')!;
      await el.openItem(ids[0]!);
      dialog.scrollTop = 10_000;
      expect(dialog.scrollTop, 'the panel is taller than the window').to.be.greaterThan(100);
      // Closed, then another opened…
      el.closeItem();
      await new Promise((r) => setTimeout(r, 50));
      await el.openItem(ids[1]!);
      expect(dialog.scrollTop).to.equal(0);
      const first = el.shadowRoot!.querySelector('#d-h-problem')!.getBoundingClientRect();
      expect(first.top).to.be.at.least(dialog.getBoundingClientRect().top);
      expect(first.bottom).to.be.at.most(dialog.getBoundingClientRect().bottom);
      // …and one opened from another (the error summary does this).
      dialog.scrollTop = 10_000;
      await el.openItem(ids[2]!);
      expect(dialog.scrollTop).to.equal(0);
      el.closeItem();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});

describe('direction controls in ledger data cannot disguise their neighbours', () => {
  let controls: string[] = [];
  before(async () => {
    controls = (await loadPayloads()).filter((p) => CONTROLS.test(p));
    expect(controls.length, 'the corpus holds bidi and invisible controls').to.be.at.least(10);
  });

  it('a right-to-left override in an evidence kind leaves the link after it reading left to right', async () => {
    const [item] = fromChecklist();
    const el = await mount(
      [{ ...item!, evidence: [{ title: '整改报告', kind: '\u202E文件', ref: 'https://oa.example/abc123' }], history: [{ ...item!.history[0]!, by: '\u202E巡察组', role: 'office' }] }],
      'viewer',
    );
    await el.openItem(item!.id);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('ul.evidence a')!;
    const linkText = [...link.querySelectorAll('*'), link].flatMap((e) => [...e.childNodes]).find((c): c is Text => c instanceof Text && c.data.includes('abc123'))!;
    expect(readsLeftToRight(linkText), 'link text in reading order').to.equal(true);
    // The role after the name in the history stays in order too.
    const who = el.shadowRoot!.querySelector('table.history tbody td:nth-child(2)')!;
    const after = [...who.childNodes].filter((c): c is Text => c instanceof Text && c.data.trim().length > 1).pop()!;
    expect(readsLeftToRight(after), JSON.stringify(after.data)).to.equal(true);
  });

  it('every piece of data with a control of the corpus is isolated in the rows, the group headings, the summary and the detail panel', async () => {
    const [base] = fromChecklist();
    const items: RectificationItem[] = controls.map((p, i) => ({
      ...base!,
      id: `B-${i}`,
      problem: { text: p, focusArea: p, category: p, source: { checkpointId: p, note: p } },
      measures: [{ id: 'M-001', text: p }],
      responsibility: { leader: p, department: p, person: p },
      evidence: [{ title: p, kind: p, ref: `https://oa.example/${i}` }],
      verifier: p,
      history: [{ ...base!.history[0]!, by: p, role: 'office', comment: p }],
    }));
    for (const role of ['viewer', 'office']) {
      const el = await mount(items, role);
      el.grouped = true;
      await el.updateComplete;
      await nextFrame();
      expect(el.shadowRoot!.querySelectorAll('tr.group-row').length, 'a group heading per focus area').to.equal(controls.length);
      expect(unisolated(el.shadowRoot!.querySelector('table.ledger')!, controls), `${role}: table`).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('xc-rectification-summary .chart'), 'the charts are shown').to.exist;
      expect(unisolated(el.shadowRoot!.querySelector('.summary')!, controls), `${role}: summary`).to.deep.equal([]);
      for (const id of ['B-0', `B-${controls.length - 1}`]) {
        await el.openItem(id);
        expect(unisolated(el.shadowRoot!.querySelector('xc-rectification-detail')!, controls), `${role}: detail ${id}`).to.deep.equal([]);
        el.closeItem();
        await nextFrame();
      }
    }
  });
});

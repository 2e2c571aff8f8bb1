import { expect, fixture, html, oneEvent, nextFrame } from '@open-wc/testing';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import { XcRectificationRow } from '../../src/rectification/xc-rectification-row.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { parseCsv, RectificationError } from '../../src/core/rectification.js';
import type { ChecklistResponse, ChecklistTemplate } from '../../src/core/checklist.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { generateLedger } from '../../stories/support/generate-ledger.js';
import { expectAccessible } from '../support/a11y.js';

const F1 = '聚焦党的理论路线方针政策和党中央决策部署情况';
const F2 = '聚焦群众身边腐败问题和不正之风';
const CREATED = { at: '2026-11-01T09:00:00+08:00', by: '区委第二巡察组', role: 'office', from: null, to: 'not-started' } as const;

function item(over: Partial<RectificationItem> & { id: string }): RectificationItem {
  return {
    problem: { text: '理论学习中心组全年集中学习仅2次', focusArea: F1 },
    measures: [{ id: 'M-001', text: '制定年度学习计划' }],
    responsibility: { leader: '王局长', department: '办公室', person: '李明' },
    kind: 'deadline',
    deadline: '2026-12-31',
    status: 'not-started',
    progress: 0,
    evidence: [],
    history: [{ ...CREATED }],
    ...over,
  };
}

/** Five items: on track, due soon, overdue, awaiting verification, closed. Today is 2026-11-26. */
function ledger(): RectificationLedger {
  return {
    version: 1,
    title: '区农业农村局巡察反馈问题整改台账',
    unit: '区农业农村局',
    round: { no: 10 },
    items: [
      item({ id: 'ZG-001', hostNote: '保留此字段' }),
      item({
        id: 'ZG-002',
        problem: { text: '春节前违规发放购物卡', focusArea: F2, category: '八项规定' },
        responsibility: { leader: '张副局长', department: '财务股', person: '赵芳' },
        deadline: '2026-11-30',
        status: 'in-progress',
        progress: 40,
        history: [{ ...CREATED }, { at: '2026-11-03T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'not-started', to: 'in-progress' }],
      }),
      item({
        id: 'ZG-003',
        problem: { text: '公务用车无派车单出车17次', focusArea: F2 },
        responsibility: { leader: '张副局长', department: '办公室', person: '孙强' },
        deadline: '2026-11-20',
        status: 'in-progress',
        progress: 60,
        history: [{ ...CREATED }, { at: '2026-11-03T10:00:00+08:00', by: '孙强', role: 'unit', from: 'not-started', to: 'in-progress' }],
      }),
      item({
        id: 'ZG-004',
        problem: { text: '专项资金台账与财务账不符', focusArea: F2 },
        responsibility: { leader: '王局长', department: '财务股', person: '赵芳' },
        kind: 'immediate',
        deadline: undefined,
        status: 'pending-verification',
        progress: 100,
        history: [
          { ...CREATED },
          { at: '2026-11-02T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'not-started', to: 'in-progress' },
          { at: '2026-11-20T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'in-progress', to: 'pending-verification' },
        ],
      }),
      item({
        id: 'ZG-005',
        problem: { text: '党支部委员缺额未补选', focusArea: F1 },
        kind: 'ongoing',
        deadline: undefined,
        status: 'closed',
        progress: 100,
        evidence: [{ title: '支部补选会议记录', kind: '会议纪要', ref: 'https://oa.example/doc/5' }],
        verifier: '陈主任',
        closedAt: '2026-11-25T15:00:00+08:00',
        history: [
          { ...CREATED },
          { at: '2026-11-02T10:00:00+08:00', by: '李明', role: 'unit', from: 'not-started', to: 'in-progress' },
          { at: '2026-11-10T10:00:00+08:00', by: '李明', role: 'unit', from: 'in-progress', to: 'pending-verification' },
          { at: '2026-11-25T15:00:00+08:00', by: '陈主任', role: 'office', from: 'pending-verification', to: 'closed' },
        ],
      }),
    ].map((i) => {
      const copy = { ...i } as RectificationItem;
      if (copy.deadline === undefined) delete copy.deadline;
      return copy;
    }),
  };
}

const USER = { id: 'u-1', name: '陈主任' };

async function mount(role: string, value: RectificationLedger | null = ledger(), today = '2026-11-26', extra = '') {
  const p = await fixture<XcProvider>(html`<xc-provider user-role=${role} today=${today} .user=${USER}>
    <xc-rectification-tracker .value=${value} lang=${extra || 'zh-CN'}></xc-rectification-tracker>
  </xc-provider>`);
  const el = p.querySelector('xc-rectification-tracker')!;
  await settle(el);
  return el;
}

async function settle(el: XcRectificationTracker) {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: XcRectificationTracker, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const $$ = <T extends Element = HTMLElement>(el: XcRectificationTracker, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const rowIds = (el: XcRectificationTracker) => $$(el, 'tr.row button.open').map((b) => b.textContent!.replace('打开详情：', '').replace('Open details: ', '').trim());
const rowOf = (el: XcRectificationTracker, id: string) => $$(el, 'tr.row').find((r) => r.querySelector('button.open')!.textContent!.includes(id))!;
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function open(el: XcRectificationTracker, id: string) {
  rowOf(el, id).querySelector<HTMLButtonElement>('button.open')!.click();
  await settle(el);
  const detail = $(el, 'xc-rectification-detail');
  await (detail as any).updateComplete;
  return detail;
}

async function click(el: XcRectificationTracker, target: HTMLElement) {
  target.click();
  await settle(el);
  await ($(el, 'xc-rectification-detail') as any)?.updateComplete;
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<xc-rectification-tracker>', () => {
  it('shows the ledger as a table with a text traffic light, a summary and charts with text alternatives', async () => {
    const el = await mount('office');
    expect(text($(el, '.head .title'))).to.equal('区农业农村局巡察反馈问题整改台账');
    expect(text($(el, '.role-note'))).to.equal('当前身份：巡察办');
    const heads = $$(el, 'table.ledger thead th').map((th) => text(th).replace(/[▲▼↕]/g, '').trim());
    expect(heads).to.deep.equal(['编号', '问题描述', '所属聚焦', '责任部门', '责任领导 / 责任人', '整改类型', '整改时限', '整改状态', '整改进度（%）']);
    expect(rowIds(el)).to.deep.equal(['ZG-001', 'ZG-002', 'ZG-003', 'ZG-004', 'ZG-005']);
    // Time used against time allowed, in words: start 11-01, today 11-26.
    expect(text(rowOf(el, 'ZG-001').querySelector('.c-deadline'))).to.equal('2026年12月31日 正常 · 剩 35 天');
    expect(text(rowOf(el, 'ZG-002').querySelector('.c-deadline'))).to.equal('2026年11月30日 临期 · 剩 4 天');
    expect(text(rowOf(el, 'ZG-003').querySelector('.c-deadline'))).to.equal('2026年11月20日 逾期 6 天');
    expect(text(rowOf(el, 'ZG-005').querySelector('.c-deadline'))).to.equal('2026年11月25日销号');
    expect(text(rowOf(el, 'ZG-002').querySelector('.c-status'))).to.equal('整改中');
    expect(text(rowOf(el, 'ZG-002').querySelector('.c-progress'))).to.equal('40%');
    // Summary figures and charts.
    const summary = $(el, '.summary');
    expect(text(summary.querySelector('.figures'))).to.contain('共 5 项').and.contain('已销号 1 / 5（20%）').and.contain('逾期 1 项');
    const statusSvg = summary.querySelector('[data-chart=status] svg')!;
    expect(statusSvg.getAttribute('role')).to.equal('img');
    expect(text(summary.querySelector('#chart-status-alt'))).to.equal('未启动：1 项；整改中：2 项；阶段性完成：0 项；待验收：1 项；已销号：1 项');
    expect(text(summary.querySelector('#chart-overdue-alt'))).to.equal('办公室：1 项');
    expect(text(summary.querySelector('#chart-time-alt'))).to.equal('2026年11月25日：销号 1 项，累计 1 项');
    expect(summary.querySelectorAll('[data-chart=status] table.data tbody tr')).to.have.length(5);
    await expectAccessible(el);
  });

  it('turns the light red from 00:00 the day after the deadline, not on the deadline day', async () => {
    const dueToday = await mount('office', ledger(), '2026-12-31T23:59:59');
    expect(text(rowOf(dueToday, 'ZG-001').querySelector('.light'))).to.equal('临期 · 今日到期');
    expect(rowOf(dueToday, 'ZG-001').dataset.light).to.equal('yellow');
    const nextDay = await mount('office', ledger(), '2027-01-01T00:00:00');
    expect(text(rowOf(nextDay, 'ZG-001').querySelector('.light'))).to.equal('逾期 1 天');
    expect(rowOf(nextDay, 'ZG-001').dataset.light).to.equal('red');
    // Half the time used exactly (start 11-01, deadline 12-31: 30 of 60 days) is yellow.
    const half = await mount('office', ledger(), '2026-12-01');
    expect(text(rowOf(half, 'ZG-001').querySelector('.light'))).to.equal('临期 · 剩 30 天');
    const before = await mount('office', ledger(), '2026-11-30');
    expect(text(rowOf(before, 'ZG-001').querySelector('.light'))).to.equal('正常 · 剩 31 天');
  });

  it('sorts by any column with aria-sort on the header', async () => {
    const el = await mount('office');
    const sortButton = (label: string) => $$<HTMLButtonElement>(el, 'thead th button.sort').find((b) => b.textContent!.includes(label))!;
    await click(el, sortButton('整改时限'));
    const th = sortButton('整改时限').closest('th')!;
    expect(th.getAttribute('aria-sort')).to.equal('ascending');
    expect(rowIds(el)).to.deep.equal(['ZG-003', 'ZG-002', 'ZG-001', 'ZG-004', 'ZG-005']); // empty deadlines last
    await click(el, sortButton('整改时限'));
    expect(th.getAttribute('aria-sort')).to.equal('descending');
    expect(rowIds(el)).to.deep.equal(['ZG-001', 'ZG-002', 'ZG-003', 'ZG-004', 'ZG-005']);
    await click(el, sortButton('整改进度'));
    expect(th.hasAttribute('aria-sort')).to.equal(false);
    expect(rowIds(el)).to.deep.equal(['ZG-001', 'ZG-002', 'ZG-003', 'ZG-004', 'ZG-005']);
    await click(el, sortButton('整改进度'));
    expect(rowIds(el)).to.deep.equal(['ZG-004', 'ZG-005', 'ZG-003', 'ZG-002', 'ZG-001']);
    await click(el, sortButton('整改状态'));
    expect(rowIds(el)).to.deep.equal(['ZG-001', 'ZG-002', 'ZG-003', 'ZG-004', 'ZG-005']);
    await click(el, sortButton('所属聚焦'));
    expect(rowIds(el).slice(0, 2).sort()).to.deep.equal(['ZG-001', 'ZG-005']);
    await expectAccessible(el);
  });

  it('filters by status, department, kind, overdue and search text, and groups by focus area', async () => {
    const el = await mount('office');
    choose($(el, '#f-status'), 'in-progress');
    await settle(el);
    expect(rowIds(el)).to.deep.equal(['ZG-002', 'ZG-003']);
    expect(text($(el, '.match-count'))).to.equal('显示 2 / 5 项');
    choose($(el, '#f-status'), '');
    const depts = $$<HTMLOptionElement>(el, '#f-department option').map((o) => o.textContent);
    expect(depts).to.deep.equal(['全部', '办公室', '财务股']); // pinyin order: bàn before cái
    choose($(el, '#f-department'), '财务股');
    await settle(el);
    expect(rowIds(el)).to.deep.equal(['ZG-002', 'ZG-004']);
    choose($(el, '#f-department'), '');
    choose($(el, '#f-kind'), 'ongoing');
    await settle(el);
    expect(rowIds(el)).to.deep.equal(['ZG-005']);
    choose($(el, '#f-kind'), '');
    await click(el, $(el, '#f-overdue'));
    expect(rowIds(el)).to.deep.equal(['ZG-003']);
    await click(el, $(el, '#f-overdue'));
    type($(el, '#f-search'), '购物卡');
    await settle(el);
    expect(rowIds(el)).to.deep.equal(['ZG-002']);
    type($(el, '#f-search'), '没有这个词');
    await settle(el);
    expect(rowIds(el)).to.deep.equal([]);
    expect(text($(el, '.match-count'))).to.equal('没有符合条件的问题。');
    type($(el, '#f-search'), '');
    await click(el, $(el, '#f-group'));
    expect(el.grouped).to.equal(true);
    const groups = $$(el, 'tbody.group .group-row th').map((th) => text(th));
    expect(groups).to.deep.equal([`${F1}2 项`, `${F2}3 项`]);
    expect(rowIds(el)).to.deep.equal(['ZG-001', 'ZG-005', 'ZG-002', 'ZG-003', 'ZG-004']);
    await expectAccessible(el);
  });

  it('unit: offers only its own steps, and a start appends to the history, fires xc-transition and re-renders one row', async () => {
    const el = await mount('unit');
    let renders = new Map<string, number>();
    const proto = XcRectificationRow.prototype as any;
    const original = proto.update;
    proto.update = function (this: XcRectificationRow, changed: unknown) {
      renders.set(this.item.id, (renders.get(this.item.id) ?? 0) + 1);
      return original.call(this, changed);
    };
    try {
      const detail = await open(el, 'ZG-001');
      const dialog = $<HTMLDialogElement>(el, 'dialog.detail');
      expect(dialog.open).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(detail.querySelector('#detail-title'));
      const actions = [...detail.querySelectorAll('.actions button')].map((b) => text(b));
      expect(actions).to.deep.equal(['开始整改']);
      // The unit edits measures, responsibility, progress and evidence, not the kind or deadline.
      expect(detail.querySelector('#d-kind')).to.equal(null);
      expect(detail.querySelector('#d-deadline')).to.equal(null);
      expect(detail.querySelector('#d-problem')).to.equal(null);
      expect(detail.querySelector('#d-progress')).to.exist;
      expect(detail.querySelector('#d-m-0')).to.exist;
      expect(detail.querySelector('#d-leader')).to.exist;
      await expectAccessible(el);

      await click(el, detail.querySelector<HTMLButtonElement>('[data-action=start]')!);
      const comment = detail.querySelector<HTMLTextAreaElement>('#d-confirm-comment')!;
      expect(el.shadowRoot!.activeElement).to.equal(comment);
      type(comment, '已召开专题会议部署');
      renders = new Map();
      const changes: CustomEvent[] = [];
      el.addEventListener('xc-change', (e) => changes.push(e as CustomEvent));
      setTimeout(() => detail.querySelector<HTMLButtonElement>('.action-form .confirm')!.click());
      const ev = (await oneEvent(el, 'xc-transition')) as CustomEvent;
      await settle(el);
      expect(ev.detail.itemId).to.equal('ZG-001');
      expect(ev.detail.from).to.equal('not-started');
      expect(ev.detail.to).to.equal('in-progress');
      expect(ev.detail.entry).to.deep.include({ by: '陈主任', role: 'unit', from: 'not-started', to: 'in-progress', comment: '已召开专题会议部署' });
      expect(changes.map((c) => c.detail.reason)).to.deep.equal(['transition']);
      expect(changes[0]!.detail.value.items[0].status).to.equal('in-progress');
      // Only that row rendered again.
      expect([...renders.keys()]).to.deep.equal(['ZG-001']);
      expect(text(rowOf(el, 'ZG-001').querySelector('.c-status'))).to.equal('整改中');
      // History: appended, shown read-only.
      const history = [...detail.querySelectorAll('table.history tbody tr')].map((tr) => text(tr));
      expect(history).to.have.length(2);
      expect(history[0]).to.contain('区委第二巡察组（巡察办）').and.contain('创建（未启动）');
      expect(history[1]).to.contain('陈主任（被巡察单位）').and.contain('未启动 → 整改中').and.contain('已召开专题会议部署');
      expect(detail.querySelectorAll('table.history input, table.history textarea')).to.have.length(0);
      expect(text(detail.querySelector('.d-message'))).to.equal('ZG-001 已变为“整改中”。');
      expect(el.shadowRoot!.activeElement).to.equal(detail.querySelector('.d-message'));
      expect([...detail.querySelectorAll('.actions button')].map((b) => text(b))).to.deep.equal(['提交验收']);
      expect(el.value!.items[0]!.history).to.have.length(2);
      await expectAccessible(el);
    } finally {
      proto.update = original;
    }
  });

  it('unit: an item awaiting verification can be neither edited nor closed; the core refuses it too', async () => {
    const el = await mount('unit');
    const detail = await open(el, 'ZG-004');
    expect(detail.querySelectorAll('.d-body input, .d-body textarea, .d-body select')).to.have.length(0);
    expect(text(detail.querySelector('[aria-labelledby=d-h-flow] .hint'))).to.equal('当前身份在此状态下没有可执行的操作。');
    let code = '';
    try {
      el.applyTransition('ZG-004', 'closed', { verifier: '我' });
    } catch (e) {
      code = (e as RectificationError).code;
    }
    expect(code).to.equal('role');
    expect(() => el.applyEdit('ZG-004', { progress: 50 })).to.throw(RectificationError);
  });

  it('office: closing asks for a verifier and needs evidence, showing the core’s refusal translated', async () => {
    const el = await mount('office');
    const detail = await open(el, 'ZG-004');
    expect([...detail.querySelectorAll('.actions button')].map((b) => text(b))).to.deep.equal(['验收销号', '退回整改']);
    const closeButton = detail.querySelector<HTMLButtonElement>('[data-action=close]')!;
    expect(text(detail.querySelector('#d-blocked'))).to.equal('销号前须至少有一项佐证材料。');
    expect(closeButton.getAttribute('aria-describedby')).to.equal('d-blocked');
    await click(el, closeButton);
    const verifier = detail.querySelector<HTMLInputElement>('#d-confirm-verifier')!;
    expect(el.shadowRoot!.activeElement).to.equal(verifier);
    type(verifier, '陈主任');
    await click(el, detail.querySelector<HTMLButtonElement>('.action-form .confirm')!);
    const alert = detail.querySelector('#d-action-error')!;
    expect(text(alert)).to.contain('销号须至少有一项佐证材料，请先添加佐证材料。');
    expect(el.getItem('ZG-004')!.status).to.equal('pending-verification');
    await expectAccessible(el);

    // Add evidence: an empty title is held back with a message until it is filled in.
    await click(el, detail.querySelector<HTMLButtonElement>('[aria-labelledby=d-h-evidence] button.add')!);
    const title = detail.querySelector<HTMLInputElement>('#d-ev-0-title')!;
    expect(el.shadowRoot!.activeElement).to.equal(title);
    expect(text(detail.querySelector('#d-ev-0-error'))).to.contain('请填写材料名称。');
    expect(el.getItem('ZG-004')!.evidence).to.deep.equal([]);
    type(title, '资金对账说明');
    await settle(el);
    expect(el.getItem('ZG-004')!.evidence).to.deep.equal([{ title: '资金对账说明' }]);
    expect(detail.querySelector('#d-ev-0-error')).to.equal(null);

    // Now without a verifier: refused, with the reason next to the field.
    await click(el, detail.querySelector<HTMLButtonElement>('[data-action=close]')!);
    await click(el, detail.querySelector<HTMLButtonElement>('.action-form .confirm')!);
    expect(text(detail.querySelector('#d-confirm-verifier-error'))).to.contain('销号须填写验收人。');
    expect(el.shadowRoot!.activeElement).to.equal(detail.querySelector('#d-confirm-verifier'));
    await expectAccessible(el);
    type(detail.querySelector<HTMLInputElement>('#d-confirm-verifier')!, '陈主任');
    setTimeout(() => detail.querySelector<HTMLButtonElement>('.action-form .confirm')!.click());
    const ev = (await oneEvent(el, 'xc-transition')) as CustomEvent;
    await settle(el);
    expect(ev.detail.to).to.equal('closed');
    const closed = el.getItem('ZG-004')!;
    expect(closed.status).to.equal('closed');
    expect(closed.verifier).to.equal('陈主任');
    expect(closed.progress).to.equal(100);
    expect(closed.history).to.have.length(4);
    expect(text(rowOf(el, 'ZG-004').querySelector('.c-status'))).to.equal('已销号');
    expect(detail.querySelector('.actions')).to.equal(null);
  });

  it('office: sending back needs a comment, which goes into the history', async () => {
    const el = await mount('office');
    const detail = await open(el, 'ZG-004');
    await click(el, detail.querySelector<HTMLButtonElement>('[data-action=send-back]')!);
    expect(text(detail.querySelector('label[for=d-confirm-comment]'))).to.equal('退回原因');
    await click(el, detail.querySelector<HTMLButtonElement>('.action-form .confirm')!);
    expect(text(detail.querySelector('#d-confirm-comment-error'))).to.contain('退回整改须写明原因。');
    expect(el.getItem('ZG-004')!.status).to.equal('pending-verification');
    type(detail.querySelector<HTMLTextAreaElement>('#d-confirm-comment')!, '白条入账问题未说明');
    await click(el, detail.querySelector<HTMLButtonElement>('.action-form .confirm')!);
    const it = el.getItem('ZG-004')!;
    expect(it.status).to.equal('in-progress');
    expect(it.history.at(-1)).to.deep.include({ from: 'pending-verification', to: 'in-progress', comment: '白条入账问题未说明', role: 'office' });
    expect(text(detail.querySelector('table.history tbody tr:last-child'))).to.contain('待验收 → 整改中').and.contain('白条入账问题未说明');
  });

  it('viewer and read-only: nothing to change, nothing offered', async () => {
    const viewer = await mount('viewer');
    expect(text($(viewer, '.role-note'))).to.equal('当前身份：查看');
    let detail = await open(viewer, 'ZG-004');
    expect(detail.querySelectorAll('.d-body input, .d-body textarea, .d-body select, .actions button')).to.have.length(0);
    expect(text(detail.querySelector('[aria-labelledby=d-h-flow] .hint'))).to.equal('当前身份在此状态下没有可执行的操作。');
    expect($(viewer, 'button.add')).to.equal(null);
    await expectAccessible(viewer);

    const p = await fixture<XcProvider>(html`<xc-provider user-role="office" today="2026-11-26">
      <xc-rectification-tracker readonly .value=${ledger()}></xc-rectification-tracker></xc-provider>`);
    const ro = p.querySelector('xc-rectification-tracker')!;
    await settle(ro);
    expect(ro.effectiveRole).to.equal('viewer');
    expect(text($(ro, '.head .banner'))).to.equal('只读：此台账不可修改。');
    detail = await open(ro, 'ZG-005');
    expect(detail.querySelectorAll('.d-body input, .d-body textarea, .d-body select, .actions button')).to.have.length(0);
    // Evidence links only when safe.
    expect([...detail.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://oa.example/doc/5']);
    let refused: unknown;
    await ro.importFindings({} as ChecklistTemplate, {} as ChecklistResponse).catch((e: unknown) => (refused = e));
    expect(refused).to.be.instanceOf(RectificationError);
    await expectAccessible(ro);
  });

  it('with no role at all, says so and only shows', async () => {
    const el = await fixture<XcRectificationTracker>(html`<xc-rectification-tracker .value=${ledger()}></xc-rectification-tracker>`);
    await settle(el);
    expect(el.effectiveRole).to.equal('viewer');
    expect(text($(el, '.role-note'))).to.equal('未指定身份，只能查看。');
    // The attribute overrides the context.
    el.setAttribute('user-role', 'unit');
    await settle(el);
    expect(el.effectiveRole).to.equal('unit');
    expect(el.getAttribute('role')).to.equal(null);
  });

  it('moves focus into the detail panel and back to the row when it closes', async () => {
    const el = await mount('unit');
    const button = rowOf(el, 'ZG-002').querySelector<HTMLButtonElement>('button.open')!;
    button.focus();
    const detail = await open(el, 'ZG-002');
    expect(el.shadowRoot!.activeElement).to.equal(detail.querySelector('#detail-title'));
    detail.querySelector<HTMLButtonElement>('.d-close')!.click();
    await settle(el);
    expect($<HTMLDialogElement>(el, 'dialog.detail').open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(rowOf(el, 'ZG-002').querySelector('button.open'));
  });

  it('keeps a refused edit when the panel is closed and opened again', async () => {
    const el = await mount('unit');
    let detail = await open(el, 'ZG-002');
    type(detail.querySelector<HTMLInputElement>('#d-progress')!, '150');
    await settle(el);
    detail.querySelector<HTMLButtonElement>('.d-close')!.click();
    await settle(el);
    detail = await open(el, 'ZG-002');
    expect(detail.querySelector<HTMLInputElement>('#d-progress')!.value).to.equal('150');
    expect(text(detail.querySelector('#d-progress-error'))).to.contain('进度须为 0 到 100 之间的整数。');
    expect(el.getItem('ZG-002')!.progress).to.equal(40);
  });

  it('keeps a malformed edit in the panel with its message until it is put right', async () => {
    const el = await mount('unit');
    const detail = await open(el, 'ZG-002');
    const progress = detail.querySelector<HTMLInputElement>('#d-progress')!;
    type(progress, '150');
    await settle(el);
    expect(text(detail.querySelector('#d-progress-error'))).to.contain('进度须为 0 到 100 之间的整数。');
    expect(progress.getAttribute('aria-invalid')).to.equal('true');
    expect(el.getItem('ZG-002')!.progress).to.equal(40);
    await expectAccessible(el);
    type(progress, '70');
    await settle(el);
    expect(detail.querySelector('#d-progress-error')).to.equal(null);
    expect(el.getItem('ZG-002')!.progress).to.equal(70);
    expect(text(rowOf(el, 'ZG-002').querySelector('.c-progress'))).to.equal('70%');
    // Measures: add, edit, tick done, remove.
    await click(el, detail.querySelector<HTMLButtonElement>('[aria-labelledby=d-h-measures] button.add')!);
    const m1 = detail.querySelector<HTMLTextAreaElement>('#d-m-1')!;
    expect(el.shadowRoot!.activeElement).to.equal(m1);
    type(m1, '退缴购物卡款项');
    await settle(el);
    detail.querySelectorAll<HTMLInputElement>('ul.measures input[type=checkbox]')[1]!.click();
    await settle(el);
    expect(el.getItem('ZG-002')!.measures).to.deep.equal([
      { id: 'M-001', text: '制定年度学习计划' },
      { id: 'M-002', text: '退缴购物卡款项', done: true },
    ]);
    await click(el, detail.querySelectorAll<HTMLButtonElement>('ul.measures button.remove')[0]!);
    expect(el.getItem('ZG-002')!.measures.map((m) => m.id)).to.deep.equal(['M-002']);
    // Responsibility.
    type(detail.querySelector<HTMLInputElement>('#d-person')!, '钱进');
    await settle(el);
    expect(el.getItem('ZG-002')!.responsibility).to.deep.equal({ leader: '张副局长', department: '财务股', person: '钱进' });
    expect(text(rowOf(el, 'ZG-002').querySelector('.c-resp'))).to.contain('钱进');
  });

  it('office edits kind and deadline: 限期整改 needs a deadline', async () => {
    const el = await mount('office');
    const detail = await open(el, 'ZG-004');
    choose(detail.querySelector<HTMLSelectElement>('#d-kind')!, 'deadline');
    await settle(el);
    expect(text(detail.querySelector('#d-deadline-error'))).to.contain('限期整改须填写整改时限。');
    expect(el.getItem('ZG-004')!.kind).to.equal('immediate');
    type(detail.querySelector<HTMLInputElement>('#d-deadline')!, '2026-12-15');
    await settle(el);
    expect(el.getItem('ZG-004')!).to.deep.include({ kind: 'deadline', deadline: '2026-12-15' });
    expect(detail.querySelector('#d-deadline-error')).to.equal(null);
    expect(text(rowOf(el, 'ZG-004').querySelector('.c-kind'))).to.equal('限期整改');
  });

  it('exports CSV for Excel (BOM, Chinese text) and JSON with unknown members kept', async () => {
    const el = await mount('office');
    setTimeout(() => $<HTMLButtonElement>(el, 'button.export-csv').click());
    const ev = (await oneEvent(el, 'xc-export')) as CustomEvent;
    ev.preventDefault(); // no real download in the test
    expect(ev.detail.format).to.equal('csv');
    expect(ev.detail.filename).to.equal('区农业农村局巡察反馈问题整改台账-2026-11-26.csv');
    const csv = ev.detail.text as string;
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    expect(csv).to.contain('编号,问题描述').and.contain('春节前违规发放购物卡').and.contain('整改中');
    const rows = parseCsv(csv);
    expect(rows).to.have.length(6);
    expect(rows[2]![1]).to.equal('春节前违规发放购物卡');
    // The bytes a spreadsheet reads begin with the UTF-8 BOM.
    const bytes = new Uint8Array(await new Blob([csv]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);

    const json = JSON.parse(el.exportJson());
    expect(json.round).to.deep.equal({ no: 10 });
    expect(json.items[0].hostNote).to.equal('保留此字段');
    // A download happens through an <a download> of an object URL when nobody cancels.
    let anchor: HTMLAnchorElement | null = null;
    const origClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      anchor = this;
    };
    try {
      expect(el.download('json')).to.equal(true);
    } finally {
      HTMLAnchorElement.prototype.click = origClick;
    }
    expect(anchor!.download).to.equal('区农业农村局巡察反馈问题整改台账-2026-11-26.json');
    expect(anchor!.href).to.match(/^blob:/);
    expect(anchor!.isConnected).to.equal(false);
    // A format it does not write (a script's guess) starts nothing and fires nothing.
    let fired = 0;
    el.addEventListener('xc-export', () => fired++);
    expect((el.download as (f: string) => unknown)('pdf')).to.equal(false);
    expect(fired).to.equal(0);
  });

  it('keeps unknown members of the ledger and its items through edits and transitions', async () => {
    const el = await mount('unit');
    el.applyEdit('ZG-001', { progress: 10 });
    el.applyTransition('ZG-001', 'in-progress');
    const v = el.value as any;
    expect(v.round).to.deep.equal({ no: 10 });
    expect(v.items[0].hostNote).to.equal('保留此字段');
    expect(v.items[0].progress).to.equal(10);
  });

  it('imports the problems of a checklist, skipping those already in the ledger', async () => {
    const template: ChecklistTemplate = {
      id: 'small',
      version: '1',
      title: '小清单',
      findings: [
        { value: 'problem', label: '存在问题', isProblem: true },
        { value: 'none', label: '未发现问题' },
      ],
      sections: [
        { id: 's1', title: F1, groups: [{ id: 'g1', title: '第一组', items: [{ id: 'p1', text: '是否存在甲问题' }, { id: 'p2', text: '是否存在乙问题' }] }] },
        { id: 's2', title: F2, groups: [{ id: 'g2', title: '第二组', items: [{ id: 'p3', text: '是否存在丙问题' }] }] },
      ],
    } as ChecklistTemplate;
    const response: ChecklistResponse = {
      templateId: 'small',
      templateVersion: '1',
      items: { p1: { finding: 'problem', description: '会议记录缺失' }, p2: { finding: 'none' }, p3: { finding: 'problem' } },
    };
    // Only the office adds items (the server refuses them from anyone else): a unit's import is refused.
    const unit = await mount('unit', null);
    let refused: unknown;
    await unit.importFindings(template, response).catch((e: unknown) => (refused = e));
    expect(refused).to.be.instanceOf(RectificationError);
    expect(unit.value!.items).to.have.length(0);
    const el = await mount('office', null);
    expect(text($(el, '.empty'))).to.contain('台账中还没有问题。');
    await expectAccessible(el);
    const changed = oneEvent(el, 'xc-change');
    const result = await el.importFindings(template, response, { deadline: '2027-01-31' });
    expect(((await changed) as CustomEvent).detail.reason).to.equal('import');
    await settle(el);
    expect(result).to.deep.equal({ added: ['R-small-p1', 'R-small-p3'], skipped: [] });
    expect(rowIds(el)).to.deep.equal(['R-small-p1', 'R-small-p3']);
    expect(text(rowOf(el, 'R-small-p1').querySelector('.c-problem'))).to.equal('会议记录缺失');
    expect(text(rowOf(el, 'R-small-p3').querySelector('.c-focus'))).to.equal(F2);
    const first = el.getItem('R-small-p1')!;
    expect(first.history[0]).to.deep.include({ by: '陈主任', from: null, to: 'not-started' });
    expect(first.deadline).to.equal('2027-01-31');
    expect(el.validate().valid).to.equal(true);
    const again = await el.importFindings(template, response);
    expect(again).to.deep.equal({ added: [], skipped: ['R-small-p1', 'R-small-p3'] });
    expect(el.value!.items).to.have.length(2);
    await settle(el);
    expect(text($(el, '[role=status][aria-live]'))).to.equal('已导入 0 个问题，跳过已有的 2 个。');
    await expectAccessible(el);
  });

  it('office adds a new item and the detail opens on it', async () => {
    const el = await mount('office');
    await click(el, $(el, 'button.add'));
    await settle(el);
    const detail = $(el, 'xc-rectification-detail');
    expect(text(detail.querySelector('#detail-title'))).to.equal('问题 ZG-006');
    expect(rowIds(el)).to.include('ZG-006');
    type(detail.querySelector<HTMLTextAreaElement>('#d-problem')!, '新发现的问题');
    await settle(el);
    expect(el.getItem('ZG-006')!.problem.text).to.equal('新发现的问题');
    expect(el.getItem('ZG-006')!.history[0]).to.deep.include({ by: '陈主任', role: 'office', to: 'not-started' });
  });

  it('takes part in a form: FormData holds the ledger JSON; an invalid ledger blocks submit', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><xc-provider user-role="unit" today="2026-11-26">
      <xc-rectification-tracker name="ledger" .value=${ledger()}></xc-rectification-tracker></xc-provider><button>提交</button></form>`);
    const el = form.querySelector('xc-rectification-tracker')!;
    await settle(el);
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    form.requestSubmit();
    expect(submitted).to.equal(1);
    const data = JSON.parse(new FormData(form).get('ledger') as string);
    expect(data.items).to.have.length(5);
    expect(data.round).to.deep.equal({ no: 10 });
    el.applyTransition('ZG-001', 'in-progress');
    // The form value follows after a pause, or at once when focus leaves the element.
    el.dispatchEvent(new FocusEvent('focusout'));
    expect(JSON.parse(new FormData(form).get('ledger') as string).items[0].status).to.equal('in-progress');
    el.applyTransition('ZG-001', 'pending-verification');
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.parse(new FormData(form).get('ledger') as string).items[0].status).to.equal('pending-verification');
    // A closed item without evidence breaks the workflow rules.
    const bad = ledger();
    bad.items[4] = { ...bad.items[4]!, evidence: [] };
    el.value = bad;
    await settle(el);
    form.requestSubmit();
    expect(submitted).to.equal(1);
    await settle(el);
    const summary = $(el, '.error-summary');
    expect(text(summary)).to.contain('ZG-005 · 佐证材料：已销号但没有佐证材料');
    await expectAccessible(el);
    // The link opens the item.
    summary.querySelector<HTMLAnchorElement>('a')!.click();
    await settle(el);
    await settle(el);
    expect($<HTMLDialogElement>(el, 'dialog.detail').open).to.equal(true);
    expect(text($(el, '#detail-title'))).to.equal('问题 ZG-005');
  });

  it('reports schema errors with the item and field', async () => {
    const el = await mount('office');
    const bad = ledger();
    bad.items[1] = { ...bad.items[1]!, progress: 150 };
    el.value = bad;
    await settle(el);
    // The schema validator loads after the first frame; reportValidity waits for it.
    await el.reportValidity();
    const r = el.validate();
    expect(r.valid).to.equal(false);
    expect(r.errors[0]!.keyword).to.equal('maximum');
    expect(r.errors[0]!.path).to.equal('items.1.progress');
    expect(r.errors[0]!.message).to.match(/^ZG-002 · 整改进度（%）：/);
  });

  it('shows a translated message for a value that is not a ledger, and keeps the value', async () => {
    const el = await fixture<XcRectificationTracker>(html`<xc-rectification-tracker .value=${{ version: 2, items: [] } as any}></xc-rectification-tracker>`);
    await settle(el);
    expect(text($(el, '[role=alert]'))).to.contain('整改台账格式有误').and.contain('不支持的台账版本（应为 1）。');
    expect((el.value as any).version).to.equal(2);
    expect(el.checkValidity()).to.equal(false);
  });

  it('shows a ledger with malformed members (reported by validation) without breaking', async () => {
    const bad = ledger() as any;
    bad.items[0].responsibility = { department: 42, leader: ['x'] };
    bad.items[1].history = 'none';
    bad.items[2].measures = null;
    bad.items[3].status = 'lost';
    const el = await mount('office', bad);
    expect(rowIds(el)).to.have.length(5);
    choose($(el, '#f-department'), '财务股');
    await settle(el);
    expect(rowIds(el).length).to.be.greaterThan(0);
    const detail = await open(el, 'ZG-002');
    expect(text(detail.querySelector('[aria-labelledby=d-h-history] .hint'))).to.equal('暂无记录。');
    expect(el.validate().valid).to.equal(false);
  });

  it('speaks English', async () => {
    const el = await mount('office', ledger(), '2026-11-26', 'en');
    const heads = $$(el, 'table.ledger thead th').map((th) => text(th).replace(/[▲▼↕]/g, '').trim());
    expect(heads).to.deep.equal(['No.', 'Problem', 'Focus area', 'Responsible department', 'Leader / person in charge', 'Kind', 'Deadline', 'Status', 'Progress (%)']);
    expect(text(rowOf(el, 'ZG-003').querySelector('.light'))).to.equal('6 days overdue');
    expect(text(rowOf(el, 'ZG-002').querySelector('.light'))).to.equal('Due soon · 4 days left');
    expect(text(rowOf(el, 'ZG-002').querySelector('.c-status'))).to.equal('In progress');
    expect(text($(el, '.figures'))).to.contain('5 items').and.contain('Closed 1 of 5 (20%)');
    expect(text($(el, '.role-note'))).to.equal('Acting as: Inspection office');
    const detail = await open(el, 'ZG-004');
    expect([...detail.querySelectorAll('.actions button')].map((b) => text(b))).to.deep.equal(['Verify and close', 'Send back']);
    await click(el, detail.querySelector<HTMLButtonElement>('[data-action=send-back]')!);
    await click(el, detail.querySelector<HTMLButtonElement>('.action-form .confirm')!);
    expect(text(detail.querySelector('#d-confirm-comment-error'))).to.contain('Sending back needs a reason.');
    const csv = el.exportCsv();
    expect(csv).to.contain('Status').and.contain('Awaiting verification');
    await expectAccessible(el);
  });

  it('saves drafts of the ledger and offers them back', async () => {
    const drafts = memoryDrafts();
    const p = await fixture<XcProvider>(html`<xc-provider user-role="unit" today="2026-11-26" .drafts=${drafts}>
      <xc-rectification-tracker draft-key="ledger-1" .value=${ledger()}></xc-rectification-tracker></xc-provider>`);
    const el = p.querySelector('xc-rectification-tracker')!;
    await settle(el);
    el.applyEdit('ZG-002', { progress: 55 });
    window.dispatchEvent(new Event('pagehide'));
    expect((drafts.entries.get('ledger-1')!.value as RectificationLedger).items[1]!.progress).to.equal(55);
    const p2 = await fixture<XcProvider>(html`<xc-provider user-role="unit" today="2026-11-26" .drafts=${drafts}>
      <xc-rectification-tracker draft-key="ledger-1" .value=${ledger()}></xc-rectification-tracker></xc-provider>`);
    const el2 = p2.querySelector('xc-rectification-tracker')!;
    await settle(el2);
    const banner = $(el2, '.banner');
    expect(text(banner)).to.contain('草稿');
    banner.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle(el2);
    expect(el2.getItem('ZG-002')!.progress).to.equal(55);
    expect(text(rowOf(el2, 'ZG-002').querySelector('.c-progress'))).to.equal('55%');
  });

  it('the generated ledgers of the stories and the bench are valid', async () => {
    const el = await mount('office', generateLedger(300, { seed: 1 }));
    expect(el.validate()).to.deep.equal({ valid: true, errors: [] });
    el.value = generateLedger(50, { seed: 2, lang: 'en' });
    expect(el.validate()).to.deep.equal({ valid: true, errors: [] });
    const statuses = new Set(el.value!.items.map((i) => i.status));
    expect(statuses.size).to.equal(4);
  });

  it('shows a long ledger a page at a time, in chunks, with "show more" and "show all"', async function () {
    this.timeout(60000); // axe over a few hundred rows takes a while on a busy machine
    const items = Array.from({ length: 600 }, (_, i) => item({ id: `ZG-${String(i + 1).padStart(4, '0')}`, status: i % 2 ? 'in-progress' : 'not-started' }));
    const p = await fixture<XcProvider>(html`<xc-provider user-role="office" today="2026-11-26" .user=${USER}>
      <xc-rectification-tracker .value=${{ version: 1, items }} lang="zh-CN"></xc-rectification-tracker>
    </xc-provider>`);
    const el = p.querySelector('xc-rectification-tracker')!;
    for (let i = 0; i < 100 && !$$(el, 'xc-rectification-row').length; i++) await new Promise((r) => setTimeout(r, 0));
    expect($$(el, 'xc-rectification-row').length).to.be.greaterThan(0).and.lessThan(200); // the first chunk before the first frame
    for (let i = 0; i < 10 && $$(el, 'xc-rectification-row').length < 200; i++) await settle(el);
    expect($$(el, 'xc-rectification-row').length).to.equal(200);
    expect(text($(el, '.match-count'))).to.equal('显示 200 / 600 项');
    choose($(el, '#f-status'), 'in-progress');
    await settle(el);
    expect(text($(el, '.match-count'))).to.equal('显示 200 / 600 项，符合条件 300 项');
    expect(text($(el, '.more'))).to.equal('再显示 100 项');
    await click(el, $(el, 'button.show-more'));
    for (let i = 0; i < 10 && $$(el, 'xc-rectification-row').length < 300; i++) await settle(el);
    expect($$(el, 'xc-rectification-row').length).to.equal(300);
    // Focus goes to the first row added (compared as booleans: a failing DOM diff is huge).
    expect(el.shadowRoot!.activeElement === rowOf(el, 'ZG-0402').querySelector('button.open')).to.equal(true);
    expect($(el, '.more')).to.equal(null);
    choose($(el, '#f-status'), '');
    await settle(el);
    expect(text($(el, '.more'))).to.equal('再显示 200 项 显示全部 600 项');
    await expectAccessible(el);
    // Printing (and renderAll) shows every row.
    window.dispatchEvent(new Event('beforeprint'));
    await settle(el);
    expect($$(el, 'xc-rectification-row').length).to.equal(600);
  });
});

describe('<xc-rectification-tracker> on a host page', () => {
  it('adds no blank scroll below itself: text hidden for screen readers inside the scrolling table stays inside it', async () => {
    const items = Array.from({ length: 60 }, (_, i) => item({ id: `ZG-${String(i + 1).padStart(3, '0')}` }));
    const el = await mount('office', { version: 1, items });
    for (let i = 0; i < 5; i++) await settle(el);
    const bottom = el.getBoundingClientRect().bottom + window.scrollY;
    const page = document.documentElement.scrollHeight;
    // The page ends where the ledger ends (give or take the body's margin).
    expect(page - bottom, `page ${page} px tall, ledger ends at ${Math.round(bottom)} px`).to.be.below(40);
  });
});

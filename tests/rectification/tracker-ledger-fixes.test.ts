/**
 * The ledger element where a portal developer tripped: the 验收 signer is the signed-in user (not
 * typed) and the date signed stays within 待验收 … today; a progress edit cannot contradict the
 * measures; the row shows the deadline in force after an approved 延期 with the original beside
 * it; every 验收 signature stays listed, the one in force marked; the change log names a measure's
 * 完成日期 and keeps separate number edits apart; the 延期 form names every missing field and,
 * once sent, puts focus on its section.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { verifyLedgerChange } from '../../src/core/verify.js';
import { expectAccessible } from '../support/a11y.js';

const TODAY = '2026-12-03';
const CREATED = { at: '2026-11-01T09:00:00+08:00', by: '区委第二巡察组', role: 'office', from: null, to: 'not-started' } as const;
const STARTED = { at: '2026-11-03T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'not-started', to: 'in-progress' } as const;
const SUBMITTED = { at: '2026-11-20T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'in-progress', to: 'pending-verification' } as const;

function item(over: Partial<RectificationItem> & { id: string }): RectificationItem {
  return {
    problem: { text: '公务接待超标准' },
    measures: [{ id: 'M-001', text: '修订接待制度' }],
    responsibility: { department: '办公室', person: '孙强' },
    kind: 'deadline',
    deadline: '2026-11-30',
    status: 'in-progress',
    progress: 0,
    evidence: [],
    history: [{ ...CREATED }, { ...STARTED }],
    ...over,
  };
}

const PARTIES = [{ id: 'xcb', name: '巡察办', signers: ['钱卫东'] }];

async function mount(role: string, value: RectificationLedger, user = { id: 'u-1', name: '赵芳' }) {
  const p = await fixture<XcProvider>(html`<xc-provider user-role=${role} today=${TODAY} .user=${user}>
    <xc-rectification-tracker .value=${value}></xc-rectification-tracker>
  </xc-provider>`);
  const el = p.querySelector('xc-rectification-tracker')!;
  await settle(el);
  return el;
}

async function settle(el: XcRectificationTracker) {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  const d = el.shadowRoot!.querySelector('xc-rectification-detail') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  await d?.updateComplete;
  await nextFrame();
}

const $ = <T extends Element = HTMLElement>(el: XcRectificationTracker, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rowOf = (el: XcRectificationTracker, id: string) => [...el.shadowRoot!.querySelectorAll('tr.row')].find((r) => r.querySelector('button.open')!.textContent!.includes(id))!;
const focused = (el: XcRectificationTracker) => el.shadowRoot!.activeElement as HTMLElement | null;

async function press(el: XcRectificationTracker, sel: string) {
  $<HTMLElement>(el, sel)!.focus();
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

async function typeInto(el: XcRectificationTracker, sel: string, value: string, replace = false) {
  const input = $<HTMLInputElement>(el, sel)!;
  input.focus();
  if (replace) input.select();
  if (input.type === 'date') {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  } else await sendKeys({ type: value });
  await settle(el);
}

describe('<xc-rectification-tracker>: what a portal developer tripped on', () => {
  it('验收: the signer is the signed-in user, shown not typed; a date out of 待验收 … today is refused at the field', async () => {
    const value: RectificationLedger = {
      version: 1,
      acceptanceParties: PARTIES,
      items: [item({ id: 'SW-01', status: 'pending-verification', evidence: [{ title: '整改报告' }], history: [{ ...CREATED }, { ...STARTED }, { ...SUBMITTED }] })],
    };
    const el = await mount('office', value, { id: 'u-9', name: '钱卫东' });
    await el.openItem('SW-01');
    await settle(el);
    expect(!!$(el, '#d-acc-name'), 'no box to type another name into').to.equal(false);
    expect(text($(el, '.d-acc-signer'))).to.equal('钱卫东');
    const date = $<HTMLInputElement>(el, '#d-acc-date')!;
    expect([date.min, date.max]).to.deep.equal(['2026-11-20', TODAY]);
    await typeInto(el, '#d-acc-opinion', '整改到位');
    for (const d of ['2026-11-01', '2027-03-01']) {
      await typeInto(el, '#d-acc-date', d);
      await press(el, '.d-acc-sign');
      expect(text($(el, '#d-acc-date-error')), d).to.contain('签署日期须在送验收之日至今天之间');
      expect(focused(el)?.id).to.equal('d-acc-date');
    }
    expect(el.getItem('SW-01')!.acceptance ?? []).to.have.length(0);
    await typeInto(el, '#d-acc-date', '2026-12-01');
    await press(el, '.d-acc-sign');
    expect(el.getItem('SW-01')!.acceptance!.at(-1)).to.include({ name: '钱卫东', by: '钱卫东', date: '2026-12-01' });
    expect(focused(el)?.id, 'focus on the section signed in').to.equal('d-h-acceptance');
    expect(verifyLedgerChange(value, el.value!, { role: 'office', user: '钱卫东', today: TODAY })).to.deep.equal({ ok: true });
    await expectAccessible(el);
  });

  it('验收: a failed signature stays listed once the same party passes, the latest marked as in force', async () => {
    const failed = { party: 'xcb', name: '钱卫东', date: '2026-11-25', opinion: '材料不全', passed: false, at: '2026-11-25T09:00:00+08:00', by: '钱卫东', role: 'office' };
    const passed = { ...failed, date: '2026-12-02', opinion: '补齐材料，整改到位', passed: true, at: '2026-12-02T09:00:00+08:00' };
    const value: RectificationLedger = {
      version: 1,
      acceptanceParties: PARTIES,
      items: [item({ id: 'SW-01', status: 'pending-verification', evidence: [{ title: '整改报告' }], history: [{ ...CREATED }, { ...STARTED }, { ...SUBMITTED }], acceptance: [failed, passed] })],
    };
    const el = await mount('viewer', value);
    await el.openItem('SW-01');
    await settle(el);
    const rows = [...el.shadowRoot!.querySelectorAll('.d-acceptance tbody tr')].map(text);
    expect(rows).to.have.length(2);
    expect(rows[0]).to.contain('验收通过（现行）').and.contain('补齐材料');
    expect(rows[1]).to.contain('验收未通过（此前签署）').and.contain('材料不全').and.contain('2026年11月25日');
    await expectAccessible(el);
  });

  it('progress derived from measures with details: a progress edit does not stick, the row shows what the measures give', async () => {
    const measures = [
      { id: 'M1', text: '修订接待制度', person: '孙强', deadline: '2026-12-10', done: true },
      { id: 'M2', text: '清退超标费用', person: '孙强', deadline: '2026-12-20' },
      { id: 'M3', text: '通报', person: '王五', deadline: '2026-12-30' },
    ];
    const value: RectificationLedger = { version: 1, items: [item({ id: 'SW-01', measures, progress: 33 })] };
    const el = await mount('unit', value);
    const next = el.applyEdit('SW-01', { progress: 95 });
    expect(next.progress).to.equal(33);
    await settle(el);
    expect(text(rowOf(el, 'SW-01').querySelector('.c-progress'))).to.equal('33%');
    expect(verifyLedgerChange(value, el.value!, { role: 'unit', user: '赵芳', today: TODAY })).to.deep.equal({ ok: true });
  });

  it('after an approved 延期 the row shows the deadline in force, the original below it', async () => {
    const approved = {
      id: 'ext-1',
      at: '2026-11-25T09:00:00+08:00',
      by: '赵芳',
      role: 'unit',
      deadline: '2027-01-31',
      reason: '待预算批复',
      decision: { at: '2026-11-26T09:00:00+08:00', by: '陈主任', role: 'office', approved: true },
    };
    const el = await mount('viewer', { version: 1, items: [item({ id: 'SW-01', extensions: [approved] }), item({ id: 'SW-02' })] });
    const cell = rowOf(el, 'SW-01').querySelector('.c-deadline')!;
    expect(text(cell.querySelector('.date'))).to.equal('2027年1月31日');
    expect(text(cell)).to.contain('原定2026年11月30日').and.contain('剩 59 天');
    const plain = rowOf(el, 'SW-02').querySelector('.c-deadline')!;
    expect(text(plain.querySelector('.date'))).to.equal('2026年11月30日');
    expect(text(plain), 'no original line when nothing moved').not.to.contain('原定');
    await expectAccessible(el);
  });

  it('the change log names a measure\u2019s 完成日期, and keeps number edits made as separate steps apart', async () => {
    const changes = [
      { at: '2026-12-01T09:00:00+08:00', by: '赵芳', role: 'unit', path: ['measures', 'M-001', 'doneOn'], after: '2026-12-01' },
    ];
    const el = await mount('unit', { version: 1, items: [item({ id: 'SW-01', changes })] });
    await el.openItem('SW-01');
    await settle(el);
    await typeInto(el, '#d-progress', '33', true);
    await typeInto(el, '#d-progress', '95', true);
    const rows = [...el.shadowRoot!.querySelectorAll('.d-changes tbody tr')].map(text);
    expect(rows).to.have.length(3);
    expect(rows[0]).to.contain('整改进度').and.match(/33 95$/);
    expect(rows[1]).to.contain('整改进度').and.match(/0 33$/);
    expect(rows[2]).to.contain('措施 1 · 完成日期').and.contain('2026年12月1日');
  });

  it('延期: sent empty, both the date and the reason are named; once sent, focus goes to the section', async () => {
    const value: RectificationLedger = { version: 1, items: [item({ id: 'SW-01' })] };
    const el = await mount('unit', value);
    await el.openItem('SW-01');
    await settle(el);
    await press(el, '.d-ext-submit');
    expect(text($(el, '#d-ext-deadline-error'))).to.contain('请选择申请延期至的日期');
    expect(text($(el, '#d-ext-reason-error'))).to.contain('请填写理由');
    expect(focused(el)?.id).to.equal('d-ext-deadline');
    await typeInto(el, '#d-ext-deadline', '2027-01-31');
    await press(el, '.d-ext-submit');
    expect(!!$(el, '#d-ext-deadline-error'), 'the date is there now').to.equal(false);
    expect(text($(el, '#d-ext-reason-error'))).to.contain('请填写理由');
    await typeInto(el, '#d-ext-reason', '待预算批复');
    await press(el, '.d-ext-submit');
    expect(focused(el)?.id).to.equal('d-h-extension');
    expect(text($(el, '.d-message'))).to.contain('延期申请已提交');
    expect($(el, '.d-message')!.getAttribute('role')).to.equal('status');
    expect(verifyLedgerChange(value, el.value!, { role: 'unit', user: '赵芳', today: TODAY })).to.deep.equal({ ok: true });
    await expectAccessible(el);
  });
});

/**
 * 整改 to the end in the ledger element: 延期 asked by the unit and decided by the office (the
 * light follows the approved deadline, the original stays shown), every field edit on the
 * change log, 阶段性完成 for a 长期坚持 item, measures with their own 责任人 and 时限 driving
 * progress, and 销号 only after every required 验收 party has passed — with the keyboard for the
 * forms, as a person would.
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

const TODAY = '2026-11-26';
const CREATED = { at: '2026-11-01T09:00:00+08:00', by: '区委第二巡察组', role: 'office', from: null, to: 'not-started' } as const;
const STARTED = { at: '2026-11-03T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'not-started', to: 'in-progress' } as const;

function item(over: Partial<RectificationItem> & { id: string }): RectificationItem {
  return {
    problem: { text: '公务用车无派车单出车17次', focusArea: '聚焦群众身边腐败问题和不正之风' },
    measures: [{ id: 'M-001', text: '建立派车单制度' }],
    responsibility: { leader: '张副局长', department: '办公室', person: '孙强' },
    kind: 'deadline',
    deadline: '2026-11-20',
    status: 'in-progress',
    progress: 60,
    evidence: [],
    history: [{ ...CREATED }, { ...STARTED }],
    ...over,
  };
}

function ledger(extra: Partial<RectificationLedger> = {}): RectificationLedger {
  return {
    version: 1,
    title: '区农业农村局巡察反馈问题整改台账',
    items: [
      item({ id: 'ZG-001' }),
      item({ id: 'ZG-002', kind: 'ongoing', deadline: undefined, problem: { text: '党支部委员缺额未补选' } }),
      item({
        id: 'ZG-003',
        status: 'pending-verification',
        progress: 100,
        evidence: [{ title: '派车单制度文件' }],
        history: [{ ...CREATED }, { ...STARTED }, { at: '2026-11-20T10:00:00+08:00', by: '赵芳', role: 'unit', from: 'in-progress', to: 'pending-verification' }],
      }),
    ],
    ...extra,
  };
}

const PARTIES = [
  { id: 'office', name: '巡察办' },
  { id: 'team', name: '巡察组' },
  { id: 'dept', name: '主管部门', signers: ['钱处长'] },
];

async function mount(role: string, value: RectificationLedger, user = { id: 'u-1', name: '赵芳' }) {
  const p = await fixture<XcProvider>(html`<xc-provider user-role=${role} today=${TODAY} .user=${user}>
    <xc-rectification-tracker .value=${value}></xc-rectification-tracker>
  </xc-provider>`);
  const el = p.querySelector('xc-rectification-tracker')!;
  await settle(el);
  return { el, provider: p };
}

async function settle(el: XcRectificationTracker) {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  const d = el.shadowRoot!.querySelector('xc-rectification-detail') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  await d?.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: XcRectificationTracker, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rowOf = (el: XcRectificationTracker, id: string) => [...el.shadowRoot!.querySelectorAll('tr.row')].find((r) => r.querySelector('button.open')!.textContent!.includes(id))!;

/** Focus a control and type into it with the keyboard. */
async function typeInto(el: XcRectificationTracker, sel: string, value: string, replace = false) {
  const input = $<HTMLInputElement>(el, sel)!;
  input.focus();
  if (replace) input.select();
  if (input.type === 'date') {
    // Chromium's date field takes the digits of its parts in the locale's order: set it as a person picking a date would end up.
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  } else await sendKeys({ type: value });
  await settle(el);
}

async function press(el: XcRectificationTracker, sel: string) {
  $<HTMLElement>(el, sel)!.focus();
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

describe('<xc-rectification-tracker>: 整改 to the end', () => {
  it('延期: the unit asks with a reason, the office approves; the light follows the approved deadline and the original stays shown', async () => {
    const value = ledger();
    const { el, provider } = await mount('unit', value);
    expect(text(rowOf(el, 'ZG-001').querySelector('.light'))).to.contain('逾期');
    await el.openItem('ZG-001');
    await settle(el);
    // Without a reason the core refuses, and says so at the field.
    await typeInto(el, '#d-ext-deadline', '2027-01-31');
    await press(el, '.d-ext-submit');
    expect(text($(el, '#d-ext-reason-error'))).to.contain('请填写理由');
    expect(el.getItem('ZG-001')!.extensions ?? []).to.have.length(0);
    await typeInto(el, '#d-ext-reason', '需待年度预算批复后采购车辆管理系统');
    await press(el, '.d-ext-submit');
    expect(text($(el, '.d-extensions tbody'))).to.contain('待巡察办审批').and.contain('需待年度预算批复');
    expect(text($(el, '.d-message'))).to.contain('延期申请已提交');
    // Still the old light: a request is not a decision.
    expect(text(rowOf(el, 'ZG-001').querySelector('.light'))).to.contain('逾期');
    const asked = el.value!;
    expect(verifyLedgerChange(value, asked, { role: 'unit', user: '赵芳', today: TODAY }).ok, 'the server would take it').to.equal(true);

    // The office decides.
    el.closeItem();
    provider.setAttribute('user-role', 'office');
    provider.user = { id: 'u-2', name: '陈主任' };
    await settle(el);
    await el.openItem('ZG-001');
    await settle(el);
    await typeInto(el, '#d-ext-comment', '同意延期');
    await press(el, '.d-ext-approve');
    expect(text($(el, '.d-extensions tbody'))).to.contain('已批准（陈主任）');
    expect(text($(el, '.d-section[aria-labelledby="d-h-extension"]'))).to.contain('原定时限').and.contain('2026年11月20日').and.contain('经批准延期至').and.contain('2027年1月31日');
    expect(el.getItem('ZG-001')!.deadline, 'the item keeps its own deadline').to.equal('2026-11-20');
    el.closeItem();
    await settle(el);
    expect(text(rowOf(el, 'ZG-001').querySelector('.light'))).not.to.contain('逾期');
    expect(verifyLedgerChange(asked, el.value!, { role: 'office', user: '陈主任', today: TODAY }).ok).to.equal(true);
    await expectAccessible(el);
  });

  it('every field edit is on the change log, newest first, with who, the field by its name, before and after', async () => {
    const { el } = await mount('unit', ledger());
    await el.openItem('ZG-001');
    await settle(el);
    await typeInto(el, '#d-person', '周');
    await typeInto(el, '#d-progress', '70', true);
    const rows = [...el.shadowRoot!.querySelectorAll('.d-changes tbody tr')].map(text);
    expect(rows[0]).to.contain('赵芳').and.contain('整改进度').and.match(/60 70$/);
    expect(rows.some((r) => r.includes('责任人') && r.includes('孙强') && r.includes('孙强周'))).to.equal(true);
    const log = el.getItem('ZG-001')!.changes!;
    expect(log.at(-1)).to.include({ by: '赵芳', role: 'unit' });
    expect(log.at(-1)!.path).to.deep.equal(['progress']);
  });

  it('阶段性完成: a 长期坚持 item in progress is marked stage reached by the unit', async () => {
    const { el } = await mount('unit', ledger());
    await el.openItem('ZG-002');
    await settle(el);
    await press(el, '[data-action="reach-stage"]');
    await press(el, '.action-form .confirm');
    expect(el.getItem('ZG-002')!.status).to.equal('stage-reached');
    expect(text($(el, '.d-head .status'))).to.equal('阶段性完成');
    el.closeItem();
    await settle(el);
    expect(text(rowOf(el, 'ZG-002').querySelector('.c-status'))).to.equal('阶段性完成');
    // A 限期整改 item is never offered the step.
    await el.openItem('ZG-001');
    await settle(el);
    expect($(el, '[data-action="reach-stage"]')).to.equal(null);
  });

  it('measures with their own 责任人 and 时限: progress follows the measures done', async () => {
    const { el } = await mount('unit', ledger());
    await el.openItem('ZG-001');
    await settle(el);
    await typeInto(el, '#d-m-0-person', '孙强');
    await typeInto(el, '#d-m-0-deadline', '2026-12-15');
    await press(el, '#d-h-measures ~ button.add');
    await typeInto(el, '#d-m-1', '公开车辆使用情况');
    $<HTMLInputElement>(el, '#d-h-measures ~ ul .done input')!.click();
    await settle(el);
    expect(el.getItem('ZG-001')!.measures[0]).to.include({ person: '孙强', deadline: '2026-12-15', done: true });
    expect(el.getItem('ZG-001')!.progress).to.equal(50);
    expect(text($(el, '.d-progress-derived'))).to.contain('进度按已完成的措施计算');
    expect($(el, '#d-progress'), 'progress is not typed when measures drive it').to.equal(null);
    await expectAccessible(el);
  });

  it('验收 by three parties: 销号 waits until every required party has passed, each signing with name, date and opinion', async () => {
    const value = ledger({ acceptanceParties: PARTIES });
    const { el, provider } = await mount('office', value, { id: 'u-2', name: '陈主任' });
    await el.openItem('ZG-003');
    await settle(el);
    expect(text($(el, '.d-acc-missing'))).to.contain('巡察办').and.contain('巡察组').and.contain('主管部门');
    const close = $<HTMLButtonElement>(el, '[data-action="close"]')!;
    expect(text($(el, `#${close.getAttribute('aria-describedby')}`))).to.contain('所有必需的验收方');
    // 主管部门 names its signer: 陈主任 is not offered it.
    const offered = [...el.shadowRoot!.querySelectorAll('.d-acc-parties label')].map(text);
    expect(offered).to.deep.equal(['代表巡察办签署', '代表巡察组签署']);
    // An opinion is required.
    await press(el, '.d-acc-sign');
    expect(text($(el, '#d-acc-opinion-error'))).to.contain('请填写验收意见');
    await typeInto(el, '#d-acc-opinion', '整改到位，同意销号');
    await press(el, '.d-acc-sign');
    expect(text($(el, '.d-acceptance tr[data-party="office"]'))).to.contain('验收通过').and.contain('陈主任');
    $<HTMLInputElement>(el, '.d-acc-parties input[value="team"]')!.click();
    await typeInto(el, '#d-acc-opinion', '同意');
    await press(el, '.d-acc-sign');
    // Two of three: closing is still refused, by the core too.
    expect(() => el.applyTransition('ZG-003', 'closed', { verifier: '陈主任' })).to.throw().with.property('code', 'needs-acceptance');

    const signedByTwo = el.value!;
    expect(verifyLedgerChange(value, signedByTwo, { role: 'office', user: '陈主任', today: TODAY })).to.deep.equal({ ok: true });
    el.closeItem();
    provider.user = { id: 'u-3', name: '钱处长' };
    await settle(el);
    await el.openItem('ZG-003');
    await settle(el);
    expect([...el.shadowRoot!.querySelectorAll('.d-acc-parties label')].map(text)).to.include('代表主管部门签署');
    $<HTMLInputElement>(el, '.d-acc-parties input[value="dept"]')!.click();
    await typeInto(el, '#d-acc-opinion', '主管部门验收通过');
    await press(el, '.d-acc-sign');
    expect($(el, '.d-acc-missing')).to.equal(null);
    await press(el, '[data-action="close"]');
    await typeInto(el, '#d-confirm-verifier', '钱处长');
    await press(el, '.action-form .confirm');
    expect(el.getItem('ZG-003')!.status).to.equal('closed');
    expect(verifyLedgerChange(signedByTwo, el.value!, { role: 'office', user: '钱处长', today: TODAY })).to.deep.equal({ ok: true });
    await expectAccessible(el);
  });

  it('speaks English in the new sections', async () => {
    const p = await fixture<XcProvider>(html`<xc-provider user-role="unit" today=${TODAY} .user=${{ id: 'u', name: 'Zhao' }}>
      <xc-rectification-tracker lang="en" .value=${ledger({ acceptanceParties: PARTIES })}></xc-rectification-tracker>
    </xc-provider>`);
    const el = p.querySelector('xc-rectification-tracker')!;
    await settle(el);
    await el.openItem('ZG-001');
    await settle(el);
    expect(text($(el, '#d-h-extension'))).to.equal('Extension');
    expect(text($(el, '.d-ext-submit'))).to.equal('Send the request');
    expect(text($(el, '#d-h-changes'))).to.equal('Change log');
    expect(text($(el, '#d-h-acceptance'))).to.equal('Acceptance');
  });
});

describe('共性/个性 in the ledger', () => {
  it('a problem carried from the 反馈意见 shows whether it is common or specific', async () => {
    const value = ledger();
    value.items[0]!.problem = { ...value.items[0]!.problem, scope: 'common' } as RectificationItem['problem'];
    value.items[1]!.problem = { ...value.items[1]!.problem, scope: 'specific' } as RectificationItem['problem'];
    const { el } = await mount('viewer', value);
    await el.openItem('ZG-001');
    await settle(el);
    expect(text($(el, '.d-scope'))).to.equal('问题性质共性问题');
    await el.openItem('ZG-002');
    await settle(el);
    expect(text($(el, '.d-scope'))).to.equal('问题性质个性问题');
    await el.openItem('ZG-003');
    await settle(el);
    expect($(el, '.d-scope'), 'nothing said where the scope is not known').to.equal(null);
  });
});

describe('the 整改 story ledger', () => {
  it('is a valid ledger (schema and workflow rules)', async () => {
    const { rectifyLedger } = await import('../../stories/support/rectify-ledger.js');
    const { el } = await mount('office', rectifyLedger());
    await el.reportValidity();
    expect(el.validate()).to.deep.equal({ valid: true, errors: [] });
  });
});

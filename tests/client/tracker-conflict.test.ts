/**
 * "Changed by someone else" in <xc-rectification-tracker>: a stale save shows what conflicts and
 * offers merge or reload, and nothing typed (with real key presses) is lost either way; a change
 * announced by the server is applied quietly when nothing is unsaved, keeping filters and focus.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcRectificationDetail } from '../../src/rectification/xc-rectification-detail.js';
import type { XcRectificationRow } from '../../src/rectification/xc-rectification-row.js';
import type { RectificationLedger } from '../../src/core/rectification-types.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { expectAccessible } from '../support/a11y.js';
import { CREATED, ledgerItem } from '../fixtures/records.js';

const item = ledgerItem; // a ledger item in progress, with a measure and its 责任
const base = (): RectificationLedger => ({ version: 1, title: '整改台账', items: [item('ZG-001'), item('ZG-002'), item('ZG-003', { status: 'not-started', history: [{ ...CREATED }] })] });

async function mount(drafts = memoryDrafts()) {
  const wrap = await fixture<HTMLElement>(html`<xc-provider today="2026-11-26" user-role="unit" .user=${{ id: 'clerk', name: '李四' }} .drafts=${drafts}>
    <xc-rectification-tracker draft-key="ledger-demo" .value=${base()}></xc-rectification-tracker>
  </xc-provider>`);
  const el = wrap.querySelector('xc-rectification-tracker')!;
  await el.updateComplete;
  return { el, drafts };
}

const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const detailOf = (el: XcRectificationTracker) => el.shadowRoot!.querySelector<XcRectificationDetail>('xc-rectification-detail')!;
const deepActive = (root: Document | ShadowRoot = document): Element | null => {
  let a = root.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

/** Open an item and type into its first measure and its progress with real key presses. */
async function typeIntoItem(el: XcRectificationTracker, id: string, measure: string, progress: string) {
  await el.openItem(id);
  const detail = detailOf(el);
  const m = detail.querySelector<HTMLTextAreaElement>('#d-m-0')!;
  m.focus();
  m.setSelectionRange(m.value.length, m.value.length);
  await sendKeys({ type: measure });
  const p = detail.querySelector<HTMLInputElement>('#d-progress')!;
  p.focus();
  p.select();
  await sendKeys({ type: progress });
  await el.updateComplete;
}

/** What someone else saved meanwhile: ZG-002's progress and person, ZG-001's deadline. */
function theirs(): RectificationLedger {
  const l = base();
  l.items[0] = item('ZG-001', { deadline: '2027-01-31' });
  l.items[1] = item('ZG-002', { progress: 30, responsibility: { leader: '王局长', department: '办公室', person: '赵芳' } });
  return l;
}

describe('tracker: changed by someone else', () => {
  it('names the conflict (both values), merge keeps the typing and their changes, the chosen value wins', async () => {
    const { el } = await mount();
    await typeIntoItem(el, 'ZG-002', '并公示', '55');
    expect(el.getItem('ZG-002')!.measures[0]!.text).to.equal('制定计划并公示');
    expect(el.unsyncedItemIds).to.deep.equal(['ZG-002']);

    const conflicts = await el.showConflict(theirs());
    expect(conflicts.map((c) => `${c.itemId}:${c.field}`)).to.deep.equal(['ZG-002:progress']);
    await el.updateComplete;
    // The panel is modal: the banner is inside it, announced, and has focus.
    const banner = el.shadowRoot!.querySelector<HTMLElement>('dialog.detail .sync-conflict')!;
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(banner);
    expect(text(banner)).to.contain('此台账已被他人修改');
    const choice = banner.querySelector('fieldset')!;
    expect(text(choice.querySelector('legend'))).to.equal('问题 ZG-002 · 整改进度（%）');
    expect(text(choice)).to.contain('保留对方的：30').and.contain('保留我的：55');
    await expectAccessible(el);

    // Keyboard: Tab to the radios, arrow to "mine", Tab to 合并, Enter.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.classList.contains('sync-merge')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    expect(el.shadowRoot!.querySelector('.sync-conflict')).to.equal(null);
    const merged = el.value!;
    expect(merged.items[1]!.measures[0]!.text, 'the typed text survives').to.equal('制定计划并公示');
    expect(merged.items[1]!.progress, 'mine, as chosen').to.equal(55);
    expect(merged.items[1]!.responsibility.person, 'theirs, no conflict').to.equal('赵芳');
    expect(merged.items[0]!.deadline, 'their other item').to.equal('2027-01-31');
    // Measured from their version now: only my item is left to save.
    expect(el.unsyncedItemIds).to.deep.equal(['ZG-002']);
    const detail = detailOf(el);
    expect(detail.querySelector<HTMLTextAreaElement>('#d-m-0')!.value, 'the open panel shows it').to.equal('制定计划并公示');
  });

  it('reload shows their version, says a copy of mine is kept, and gets it back', async () => {
    const { el, drafts } = await mount();
    await typeIntoItem(el, 'ZG-002', '并公示', '55');
    const closed = oneEvent(el.shadowRoot!.querySelector('dialog.detail')!, 'close');
    el.closeItem();
    await closed;
    await el.updateComplete;
    await el.showConflict(theirs());
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.sync-reload')!.click();
    await el.updateComplete;
    expect(el.value!.items[1]!.progress).to.equal(30);
    expect(el.value!.items[1]!.measures[0]!.text).to.equal('制定计划');
    const notice = el.shadowRoot!.querySelector('.sync-kept')!;
    expect(text(notice)).to.contain('您未保存的修改已另存一份');
    expect((drafts.entries.get('ledger-demo~mine')?.value as RectificationLedger).items[1]!.measures[0]!.text, 'kept beyond the page too').to.equal('制定计划并公示');
    expect(deepActive()?.classList.contains('sync-recover')).to.equal(true);
    await expectAccessible(el);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const banner = el.shadowRoot!.querySelector('.sync-conflict')!;
    expect(text(banner)).to.contain('保留我的：55');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.sync-merge')!.click();
    await el.updateComplete;
    expect(el.value!.items[1]!.measures[0]!.text).to.equal('制定计划并公示');
    expect(el.value!.items[1]!.progress).to.equal(30);
  });

  it('typing done while the banner waits is merged too, and a new clash is asked about first', async () => {
    const { el } = await mount();
    await typeIntoItem(el, 'ZG-002', '并公示', '55');
    await el.showConflict(theirs());
    await el.updateComplete;
    // Back into the panel: more text in the measure, and the person's name, which the other side changed too.
    const detail = detailOf(el);
    const m = detail.querySelector<HTMLTextAreaElement>('#d-m-0')!;
    m.focus();
    m.setSelectionRange(m.value.length, m.value.length);
    await sendKeys({ type: '栏' });
    const person = detail.querySelector<HTMLInputElement>('#d-person')!;
    person.focus();
    person.select();
    await sendKeys({ type: '孙强' });
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.sync-merge')!.click();
    await el.updateComplete;
    const banner = el.shadowRoot!.querySelector('.sync-conflict');
    expect(banner, 'asked again').to.exist;
    expect(text(banner)).to.contain('保留我的：孙强').and.contain('保留对方的：赵芳');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.sync-merge')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.sync-conflict')).to.equal(null);
    expect(el.getItem('ZG-002')!.measures[0]!.text).to.equal('制定计划并公示栏');
    expect(el.getItem('ZG-002')!.responsibility.person, 'theirs unless mine is chosen').to.equal('赵芳');
  });

  it('speaks English when the ledger does (the banner\'s strings load with it)', async () => {
    const { el } = await mount();
    el.lang = 'en';
    await el.updateComplete;
    el.applyEdit('ZG-002', { progress: 55 });
    await el.showConflict(theirs());
    await el.updateComplete;
    const banner = el.shadowRoot!.querySelector('.sync-conflict')!;
    expect(text(banner)).to.contain('Someone else changed this ledger');
    expect(text(banner)).to.contain('Keep theirs: 30').and.contain('Keep mine: 55');
    expect(text(banner)).not.to.match(/保留|合并|重新载入/);
  });

  it('a change announced by the server is applied quietly when nothing is unsaved: filter, focus and rows stay', async () => {
    const { el } = await mount();
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('#f-search')!;
    search.focus();
    await sendKeys({ type: '问题 ZG-00' });
    await el.updateComplete;
    const row = el.shadowRoot!.querySelectorAll<XcRectificationRow>('xc-rectification-row')[1]!;
    row.focusOpen();
    const focused = deepActive();
    const changed = base();
    changed.items[1] = item('ZG-002', { progress: 70 });
    expect(await el.receiveRemote(changed)).to.equal('applied');
    await el.updateComplete;
    await row.updateComplete;
    expect(search.value).to.equal('问题 ZG-00');
    expect(deepActive(), 'focus stays on the row').to.equal(focused);
    expect(el.value!.items[1]!.progress).to.equal(70);
    expect(text(row.shadowRoot ?? row)).to.contain('70');
    expect(el.shadowRoot!.querySelector('.sync-conflict')).to.equal(null);
  });

  it('a new item announced by the server keeps the rows shown ("show more") and the focused row', async () => {
    const { el } = await mount();
    el.pageSize = 2;
    await el.updateComplete;
    const rows = () => el.shadowRoot!.querySelectorAll<XcRectificationRow>('xc-rectification-row');
    expect(rows().length).to.equal(2);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.show-more')!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(rows().length).to.equal(3);
    const second = rows()[1]!;
    second.focusOpen();
    const added = base();
    added.items.push(item('ZG-004', { status: 'not-started', history: [{ ...CREATED }] }));
    expect(await el.receiveRemote(added)).to.equal('applied');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(rows().length, 'the page is not reset to its first 2 rows').to.be.at.least(3);
    const active = el.shadowRoot!.activeElement?.closest<XcRectificationRow>('xc-rectification-row');
    expect(active?.item?.id, 'focus is back on the row it was on').to.equal('ZG-002');
    expect(el.value!.items.map((i) => i.id)).to.deep.equal(['ZG-001', 'ZG-002', 'ZG-003', 'ZG-004']);
  });

  it('merges a change announced by the server with unsaved typing, and says so politely', async () => {
    const { el } = await mount();
    await typeIntoItem(el, 'ZG-002', '并公示', '55');
    const changed = base();
    changed.items[0] = item('ZG-001', { progress: 90 });
    expect(await el.receiveRemote(changed)).to.equal('merged');
    await el.updateComplete;
    expect(el.value!.items[0]!.progress).to.equal(90);
    expect(el.value!.items[1]!.measures[0]!.text).to.equal('制定计划并公示');
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(text(live)).to.equal('他人修改了 1 项，已与您未保存的修改合并。');
    // A clash instead opens the banner.
    expect(await el.receiveRemote(theirs())).to.equal('conflict');
  });
});

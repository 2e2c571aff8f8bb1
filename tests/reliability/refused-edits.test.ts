/**
 * The ledger's detail panel keeps an edit the core refused (progress 150, a by-deadline item
 * whose deadline was cleared, evidence without a title) beside the ledger until it is put right.
 * Those edits are typing too: they go into the draft, and a reload or a closed tab loses none;
 * so does the comment typed to confirm a status change.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import { record } from '../support/report.js';
import { focusEnd, forget, openTab, reloadTab, type Tab } from './pages.js';

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

type Page = Tab<XcRectificationTracker>;

const open = (key: string, role: string): Promise<Page> => openTab<XcRectificationTracker>(`el=tracker&role=${role}&key=${encodeURIComponent(key)}`);

/** Reload the page (or close it and open it again), restore the offered draft, open the item. */
async function cut(page: Page, how: 'reload' | 'close', key: string, role: string): Promise<{ page: Page; detail: HTMLElement }> {
  let next: Page;
  if (how === 'close') {
    page.frame.remove();
    next = await open(key, role);
  } else {
    next = await reloadTab(page);
  }
  const restore = next.el.shadowRoot!.querySelector<HTMLButtonElement>('[part="draft-banner"] button.primary');
  expect(restore, `a draft is offered after the ${how}`).to.exist;
  restore!.click();
  await next.el.updateComplete;
  return { page: next, detail: await detailOf(next) };
}

async function detailOf(page: Page): Promise<HTMLElement> {
  expect(await page.el.openItem('ZG-001')).to.equal(true);
  const detail = page.el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('xc-rectification-detail')!;
  await detail.updateComplete;
  return detail;
}

async function settle(page: Page): Promise<void> {
  await page.el.updateComplete;
  await (page.el.shadowRoot!.querySelector('xc-rectification-detail') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

describe('refused ledger edits are in the draft', () => {
  const proved: string[] = [];

  for (const how of ['reload', 'close'] as const) {
    it(`progress typed as 150 (refused) comes back after a ${how}, with its message`, async () => {
      const key = `reliability/refused/progress-${how}`;
      forget(key);
      let page = await open(key, 'unit');
      let detail = await detailOf(page);
      const progress = detail.querySelector<HTMLInputElement>('#d-progress')!;
      expect(progress.value).to.equal('40');
      focusEnd(page, progress);
      for (let i = 0; i < 2; i++) await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '150' });
      await settle(page);
      expect(text(detail.querySelector('#d-progress-error'))).to.contain('进度须为 0 到 100 之间的整数。');
      // What the core accepted on the way ("1", "15") is in the ledger; "150" is not.
      expect(page.el.getItem('ZG-001')!.progress).to.equal(15);
      ({ page, detail } = await cut(page, how, key, 'unit'));
      expect(detail.querySelector<HTMLInputElement>('#d-progress')!.value).to.equal('150');
      expect(text(detail.querySelector('#d-progress-error'))).to.contain('进度须为 0 到 100 之间的整数。');
      expect(page.el.getItem('ZG-001')!.progress).to.equal(15);
      // Put right after the restore: the ledger takes it, and the refused edit leaves the draft.
      focusEnd(page, detail.querySelector<HTMLInputElement>('#d-progress')!);
      await sendKeys({ press: 'Backspace' });
      await settle(page);
      expect(page.el.getItem('ZG-001')!.progress).to.equal(15);
      expect(detail.querySelector('#d-progress-error')).to.equal(null);
      ({ page, detail } = await cut(page, how, key, 'unit'));
      expect(detail.querySelector<HTMLInputElement>('#d-progress')!.value).to.equal('15');
      expect(detail.querySelector('#d-progress-error'), 'no stale refused edit').to.equal(null);
      page.frame.remove();
      forget(key);
      proved.push(`progress (${how})`);
    });
  }

  it('evidence without a title, with its kind typed, comes back after a reload', async () => {
    const key = 'reliability/refused/evidence';
    forget(key);
    let page = await open(key, 'unit');
    let detail = await detailOf(page);
    detail.querySelector<HTMLButtonElement>('[aria-labelledby=d-h-evidence] button.add')!.click();
    await settle(page);
    expect(text(detail.querySelector('#d-ev-0-error'))).to.not.equal('');
    focusEnd(page, detail.querySelector<HTMLInputElement>('#d-ev-0-kind')!);
    await sendKeys({ type: '会议纪要' });
    focusEnd(page, detail.querySelector<HTMLInputElement>('#d-ev-0-ref')!);
    await sendKeys({ type: 'OA-2026-17' });
    await settle(page);
    expect(page.el.getItem('ZG-001')!.evidence).to.deep.equal([]);
    ({ page, detail } = await cut(page, 'reload', key, 'unit'));
    expect(detail.querySelector<HTMLInputElement>('#d-ev-0-kind')!.value).to.equal('会议纪要');
    expect(detail.querySelector<HTMLInputElement>('#d-ev-0-ref')!.value).to.equal('OA-2026-17');
    expect(detail.querySelector<HTMLInputElement>('#d-ev-0-title')!.value).to.equal('');
    expect(text(detail.querySelector('#d-ev-0-error'))).to.not.equal('');
    // Typing the title after the restore completes the edit.
    focusEnd(page, detail.querySelector<HTMLInputElement>('#d-ev-0-title')!);
    await sendKeys({ type: '整改报告' });
    await settle(page);
    expect(page.el.getItem('ZG-001')!.evidence).to.deep.equal([{ title: '整改报告', kind: '会议纪要', ref: 'OA-2026-17' }]);
    page.frame.remove();
    forget(key);
    proved.push('evidence');
  });

  it('a cleared deadline of a by-deadline item (refused) stays cleared after a reload', async () => {
    const key = 'reliability/refused/deadline';
    forget(key);
    let page = await open(key, 'office');
    let detail = await detailOf(page);
    const deadline = detail.querySelector<HTMLInputElement>('#d-deadline')!;
    expect(deadline.value).to.equal('2026-12-31');
    deadline.value = '';
    deadline.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(page);
    expect(text(detail.querySelector('#d-deadline-error'))).to.contain('限期整改须填写整改时限。');
    ({ page, detail } = await cut(page, 'reload', key, 'office'));
    expect(detail.querySelector<HTMLInputElement>('#d-deadline')!.value).to.equal('');
    expect(text(detail.querySelector('#d-deadline-error'))).to.contain('限期整改须填写整改时限。');
    expect(page.el.getItem('ZG-001')!.deadline).to.equal('2026-12-31');
    page.frame.remove();
    forget(key);
    proved.push('deadline');
  });

  it('a status change being confirmed comes back after a close, with its typed comment', async () => {
    const key = 'reliability/refused/action';
    forget(key);
    let page = await open(key, 'unit');
    let detail = await detailOf(page);
    detail.querySelector<HTMLButtonElement>('[data-action="submit"]')!.click();
    await settle(page);
    focusEnd(page, detail.querySelector<HTMLTextAreaElement>('#d-confirm-comment')!);
    await sendKeys({ type: '已完成整改，请验收' });
    ({ page, detail } = await cut(page, 'close', key, 'unit'));
    expect(detail.querySelector('[data-action="submit"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(detail.querySelector<HTMLTextAreaElement>('#d-confirm-comment')!.value).to.equal('已完成整改，请验收');
    detail.querySelector<HTMLButtonElement>('button.confirm')!.click();
    await settle(page);
    const item = page.el.getItem('ZG-001')!;
    expect(item.status).to.equal('pending-verification');
    expect(item.history.at(-1)!.comment).to.equal('已完成整改，请验收');
    // Confirmed: nothing is left to offer after another reload but the ledger itself.
    ({ page, detail } = await cut(page, 'reload', key, 'unit'));
    expect(detail.querySelector('#d-confirm-comment')).to.equal(null);
    expect(page.el.getItem('ZG-001')!.status).to.equal('pending-verification');
    page.frame.remove();
    forget(key);
    proved.push('status-change comment');
  });

  it('records the figure', async () => {
    expect(proved).to.have.length(5);
    await record({
      id: 'lost.refused-edits',
      check: 'Ledger edits the rules refused so far, and a status change being confirmed, are in the draft and come back after a reload or close',
      figure: `${proved.length} unfinished edits (${proved.join(', ')}) cut by a reload or close and restored`,
    });
  });
});

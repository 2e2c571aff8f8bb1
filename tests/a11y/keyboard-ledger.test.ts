/**
 * The rectification ledger worked with the keyboard alone, from a button on the page
 * before it: the unit opens an item's detail (Enter), adds evidence, submits it for
 * verification with a comment, closes the panel with Escape (focus back on the row);
 * then the office opens the same item and closes it (销号) with a verifier.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcRectificationRow } from '../../src/rectification/xc-rectification-row.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import { expectAccessible } from '../support/a11y.js';
import { record } from '../support/report.js';
import { KeyCounter, deepActive, describe as describeEl } from './keys.js';
import { smallLedger, TODAY } from './fixtures.js';

async function settle(el: XcRectificationTracker): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

const rowButton = (id: string) => (e: Element) => e.matches('button.open') && (e.closest('xc-rectification-row') as XcRectificationRow | null)?.item?.id === id;
const inDialog = (sel: string) => (e: Element) => e.matches(sel) && !!e.closest('dialog[open]');

/** Wait until the dialog has closed and the tracker has moved focus. */
async function closed(el: XcRectificationTracker): Promise<void> {
  const dialog = el.shadowRoot!.querySelector('dialog')!;
  for (let i = 0; i < 50 && (dialog.open || el.shadowRoot!.querySelector('xc-rectification-detail')); i++) await nextFrame();
  await settle(el);
}

describe('keyboard only: <xc-rectification-tracker>', () => {
  it('unit submits an item for verification, office closes it (销号), all with keys; focus returns to the row', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <button id="before" type="button">before</button>
      <xc-provider user-role="unit" today=${TODAY} .user=${{ id: 'u-9', name: '赵芳' }}>
        <xc-rectification-tracker lang="zh-CN" .value=${smallLedger()}></xc-rectification-tracker>
      </xc-provider>
    </div>`);
    const provider = wrap.querySelector<XcProvider>('xc-provider')!;
    const el = wrap.querySelector<XcRectificationTracker>('xc-rectification-tracker')!;
    await settle(el);
    const historyBefore = el.getItem('ZG-002')!.history.length;
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const keys = new KeyCounter();

    // --- the unit ---
    await keys.tabTo(rowButton('ZG-002'), 'the open button of row ZG-002', { max: 40 });
    await keys.press('Enter');
    await settle(el);
    expect(el.shadowRoot!.querySelector('dialog')!.open, 'Enter opens the detail').to.equal(true);
    expect(deepActive()?.id, 'focus moves to the detail heading').to.equal('detail-title');
    await expectAccessible(el);

    // Evidence first (closing needs it later): Enter on "add", focus lands in the new title.
    await keys.tabTo(inDialog('#d-h-evidence ~ button.add'), 'the add-evidence button', { max: 40 });
    await keys.press('Enter');
    await settle(el);
    expect(deepActive()?.id).to.equal('d-ev-0-title');
    await keys.type('制度文件及会议纪要');

    await keys.tabTo(inDialog('button[data-action=submit]'), 'the submit-for-verification button', { max: 20 });
    await keys.press('Enter');
    await settle(el);
    expect(deepActive()?.id, 'the confirm form takes focus').to.equal('d-confirm-comment');
    await keys.type('已完成整改，请验收');
    await keys.tabTo(inDialog('button.confirm'), 'the confirm button', { max: 3 });
    await keys.press('Enter');
    await settle(el);

    const submitted = el.getItem('ZG-002')!;
    expect(submitted.status).to.equal('pending-verification');
    expect(submitted.evidence).to.deep.equal([{ title: '制度文件及会议纪要' }]);
    const entry = submitted.history[submitted.history.length - 1]!;
    expect(entry).to.include({ from: 'in-progress', to: 'pending-verification', role: 'unit', by: '赵芳', comment: '已完成整改，请验收' });
    expect(deepActive()?.classList.contains('d-message'), 'focus on the done message').to.equal(true);
    const historyRows = () => [...el.shadowRoot!.querySelectorAll('table.history tbody tr')].map((r) => (r.textContent ?? '').replace(/\s+/g, ' '));
    expect(historyRows().at(-1)).to.contain('已完成整改，请验收');
    await expectAccessible(el);

    // Escape closes the panel; focus goes back to the row's button.
    await keys.press('Escape');
    await closed(el);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    expect(rowButton('ZG-002')(deepActive()!), `focus back on row ZG-002, not ${describeEl(deepActive())}`).to.equal(true);
    const statusCell = () => [...el.shadowRoot!.querySelectorAll<XcRectificationRow>('xc-rectification-row')].find((r) => r.item.id === 'ZG-002')!.querySelector('.c-status');
    expect(statusCell()!.textContent).to.contain('待验收');

    // --- the office (the role changes in the provider), from where focus is ---
    provider.setAttribute('user-role', 'office');
    provider.user = { id: 'u-1', name: '陈主任' };
    await settle(el);
    expect(el.effectiveRole).to.equal('office');
    await keys.press('Enter');
    await settle(el);
    expect(deepActive()?.id).to.equal('detail-title');
    await keys.tabTo(inDialog('button[data-action=close]'), 'the close (销号) button', { max: 60 });
    await keys.press('Enter');
    await settle(el);
    expect(deepActive()?.id, 'closing asks for the verifier first').to.equal('d-confirm-verifier');
    await keys.type('陈主任');
    await keys.tabTo(inDialog('button.confirm'), 'the confirm button', { max: 3 });
    await keys.press('Enter');
    await settle(el);
    const done = el.getItem('ZG-002')!;
    expect(done.status).to.equal('closed');
    expect(done.verifier).to.equal('陈主任');
    expect(done.history[done.history.length - 1]).to.include({ from: 'pending-verification', to: 'closed', role: 'office', by: '陈主任' });
    await expectAccessible(el);
    await keys.press('Escape');
    await closed(el);
    expect(rowButton('ZG-002')(deepActive()!), `focus back on row ZG-002, not ${describeEl(deepActive())}`).to.equal(true);
    expect(statusCell()!.textContent).to.contain('已销号');
    // What the keys did, read back from the item's history: one entry per status change.
    const added = done.history.slice(historyBefore);
    const transitions = added.filter((h) => h.from !== h.to);
    expect(transitions.map((h) => `${h.from}→${h.to}`)).to.deep.equal(['in-progress→pending-verification', 'pending-verification→closed']);

    await record({
      id: 'a11y.keyboard.ledger',
      check: 'A ledger item is opened, given evidence, submitted for verification (unit) and closed with a verifier (office) with the keyboard alone; Escape closes the panel and focus returns to the row',
      figure: `${keys.count} key presses, ${transitions.length} transitions (${transitions.map((h) => `${h.from} → ${h.to}`).join(', ')}), ${added.length} history entries added (${historyBefore} → ${done.history.length}), focus back on the row after both panels`,
    });
  });
});

// Typing in <xc-feedback-sheet> (a problem rewritten, a 意见建议 typed) survives a real reload of the
// page, cut at once after the last key (inside the draft's save pause).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XcFeedbackSheet } from '../../src/feedback/xc-feedback-sheet.js';
import { focusEnd, forget, reloadTab, type Tab as PageTab } from '../reliability/pages.js';
import { openDraftPage, restoreDraft } from '../support/draft-tabs.js';
import { record } from '../support/report.js';

type Tab = PageTab<XcFeedbackSheet>;

const open = (key: string) => openDraftPage<XcFeedbackSheet>('/tests/feedback/draft-page.html', key);

async function typeInto(tab: Tab, sel: string, word: string): Promise<void> {
  focusEnd(tab, tab.el.shadowRoot!.querySelector<HTMLTextAreaElement>(sel)!);
  await sendKeys({ type: word });
}

describe('<xc-feedback-sheet>: drafts across a real reload', function () {
  this.timeout(60000);

  it('a rewritten problem and a typed 意见建议 come back, up to the last key before the reload', async () => {
    const key = `feedback-reload-${Date.now()}`;
    forget(key);
    let tab = await open(key);
    const before = tab.el.value.items[0]!.text;
    await typeInto(tab, '#fb-item-0', '，流于形式');
    tab.el.shadowRoot!.querySelector<HTMLButtonElement>('.add-suggestion')!.click();
    await tab.el.updateComplete;
    await typeInto(tab, '#fb-sugg-0', '建立学习制度');
    // Reloaded at once after the last key: inside the draft's save pause.
    tab = await reloadTab(tab);
    await restoreDraft(tab);
    expect(tab.el.value.items[0]!.text).to.equal(`${before}，流于形式`);
    expect(tab.el.value.suggestions).to.deep.equal(['建立学习制度']);
    expect(tab.el.shadowRoot!.querySelector<HTMLTextAreaElement>('#fb-sugg-0')!.value).to.equal('建立学习制度');
    tab.frame.remove();
    forget(key);
    await record({
      id: 'reload.feedback',
      check: 'A problem rewritten and a 意见建议 typed in <xc-feedback-sheet> come back after a real reload of the page, cut at once after the last key',
      figure: '1 reload, 2 fields, every character back',
    });
  });
});

// Typing in <xc-feedback-sheet> (a problem rewritten, a 意见建议 typed) survives a real reload of the
// page, cut at once after the last key (inside the draft's save pause).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XcFeedbackSheet } from '../../src/feedback/xc-feedback-sheet.js';
import { forget, loaded } from '../reliability/pages.js';
import { record } from '../support/report.js';

interface Tab {
  frame: HTMLIFrameElement;
  el: XcFeedbackSheet;
}

async function open(key: string): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.src = `/tests/feedback/draft-page.html?key=${encodeURIComponent(key)}`;
  frame.style.width = '1000px';
  frame.style.height = '700px';
  const done = loaded(frame);
  document.body.append(frame);
  await done;
  return { frame, el: (await frame.contentWindow!.xcReady) as XcFeedbackSheet };
}

async function reload(tab: Tab): Promise<Tab> {
  const done = loaded(tab.frame);
  tab.frame.contentWindow!.location.reload();
  await done;
  return { frame: tab.frame, el: (await tab.frame.contentWindow!.xcReady) as XcFeedbackSheet };
}

async function typeInto(tab: Tab, sel: string, word: string): Promise<void> {
  const box = tab.el.shadowRoot!.querySelector<HTMLTextAreaElement>(sel)!;
  tab.frame.contentWindow!.focus();
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
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
    tab = await reload(tab);
    const button = tab.el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=draft-banner] button.primary');
    expect(button, 'the draft is offered after the reload').to.exist;
    button!.click();
    await tab.el.updateComplete;
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

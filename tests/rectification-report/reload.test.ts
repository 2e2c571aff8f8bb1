// Rewriting a paragraph of <xc-rectification-report> survives a real reload of the page, cut at once
// after a key (inside the draft's save pause); the report is drafted from the host's ledger again
// and the rewritten paragraph keeps the person's words.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XcRectificationReport } from '../../src/rectification-report/xc-rectification-report.js';
import { forget, loaded } from '../reliability/pages.js';

interface Tab {
  frame: HTMLIFrameElement;
  el: XcRectificationReport;
}

async function open(key: string): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.src = `/tests/rectification-report/draft-page.html?key=${encodeURIComponent(key)}`;
  frame.style.width = '1000px';
  frame.style.height = '700px';
  const done = loaded(frame);
  document.body.append(frame);
  await done;
  return { frame, el: (await frame.contentWindow!.xcReady) as XcRectificationReport };
}

async function reload(tab: Tab): Promise<Tab> {
  const done = loaded(tab.frame);
  tab.frame.contentWindow!.location.reload();
  await done;
  return { frame: tab.frame, el: (await tab.frame.contentWindow!.xcReady) as XcRectificationReport };
}

const box = (tab: Tab, id: string) => tab.el.shadowRoot!.querySelector<HTMLTextAreaElement>(`[data-paragraph="${id}"] textarea`)!;

describe('<xc-rectification-report>: drafts across a real reload', function () {
  this.timeout(60000);

  it('a paragraph typed right before a reload comes back, up to the last key, in a report drafted again', async () => {
    const key = `report-reload-${Date.now()}`;
    forget(key);
    let tab = await open(key);
    let expected = box(tab, 'next').value;
    for (const word of ['明年一季度', '全部完成']) {
      const b = box(tab, 'next');
      tab.frame.contentWindow!.focus();
      b.focus();
      b.setSelectionRange(b.value.length, b.value.length);
      await sendKeys({ type: word });
      expected += word;
      tab = await reload(tab);
      const restore = tab.el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=draft-banner] button.primary');
      expect(restore, 'the draft is offered after the reload').to.exist;
      restore!.click();
      await tab.el.updateComplete;
      expect(box(tab, 'next').value).to.equal(expected);
      expect(tab.el.value!.model.figures.total, 'drafted from the ledger').to.equal(6);
    }
    tab.frame.remove();
    forget(key);
  });
});

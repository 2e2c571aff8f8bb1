// Rewriting a paragraph of <xc-rectification-report> survives a real reload of the page, cut at once
// after a key (inside the draft's save pause); the report is drafted from the host's ledger again
// and the rewritten paragraph keeps the person's words.
import { expect } from '@open-wc/testing';
import type { XcRectificationReport } from '../../src/rectification-report/xc-rectification-report.js';
import { forget, type Tab as PageTab } from '../reliability/pages.js';
import { openDraftPage, typeThroughReloads } from '../support/draft-tabs.js';

type Tab = PageTab<XcRectificationReport>;

const open = (key: string) => openDraftPage<XcRectificationReport>('/tests/rectification-report/draft-page.html', key);

const box = (tab: Tab, id: string) => tab.el.shadowRoot!.querySelector<HTMLTextAreaElement>(`[data-paragraph="${id}"] textarea`)!;

describe('<xc-rectification-report>: drafts across a real reload', function () {
  this.timeout(60000);

  it('a paragraph typed right before a reload comes back, up to the last key, in a report drafted again', async () => {
    const key = `report-reload-${Date.now()}`;
    forget(key);
    let tab = await open(key);
    tab = await typeThroughReloads(tab, ['明年一季度', '全部完成'], (t) => box(t, 'next'), (t) => {
      expect(t.el.value!.model.figures.total, 'drafted from the ledger').to.equal(6);
    });
    tab.frame.remove();
    forget(key);
  });
});

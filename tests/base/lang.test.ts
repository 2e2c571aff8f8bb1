import { expect, fixture, html } from '@open-wc/testing';
import '../../src/interview/index.js';
import type { XcClueSheet } from '../../src/interview/xc-clue-sheet.js';

/** The text of the element's first legend or heading, as a user reads it. */
function heading(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('legend, h2, h3')?.textContent?.trim() ?? '';
}

describe('language from an ancestor', () => {
  it('follows a later change of lang on a container, not only on <html>', async () => {
    const box = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><xc-clue-sheet></xc-clue-sheet></div>`);
    const sheet = box.querySelector<XcClueSheet>('xc-clue-sheet')!;
    await sheet.updateComplete;
    const zh = heading(sheet);
    expect(zh).to.match(/[\u4e00-\u9fff]/);
    box.setAttribute('lang', 'en');
    // The English strings load on first use; wait until they are on screen.
    for (let i = 0; i < 50 && /[\u4e00-\u9fff]/.test(heading(sheet)); i++) {
      await new Promise((r) => setTimeout(r, 20));
      await sheet.updateComplete;
    }
    expect(heading(sheet)).to.not.match(/[\u4e00-\u9fff]/);
    expect(heading(sheet)).to.not.equal('');
    box.setAttribute('lang', 'zh-CN');
    await new Promise((r) => setTimeout(r, 0));
    await sheet.updateComplete;
    expect(heading(sheet)).to.equal(zh);
  });
});

// Typing in <xc-clue-register>'s forms survives a real reload of the page, cut at once after a key
// (inside the draft's save pause), and a 移交单 just made survives one too.
import { expect } from '@open-wc/testing';
import type { XcClueRegister } from '../../src/clue-register/xc-clue-register.js';
import { forget, reloadTab } from '../reliability/pages.js';
import { openDraftPage, restoreDraft, typeThroughReloads } from '../support/draft-tabs.js';
import { record } from '../support/report.js';

const open = (key: string) => openDraftPage<XcClueRegister>('/tests/clue-register/draft-page.html', key);

describe('<xc-clue-register>: drafts across a real reload', function () {
  this.timeout(60000);
  let typed = 0;
  let reloads = 0;

  it('what was typed in a clue’s 处理建议 comes back, up to the last key before the reload', async () => {
    const key = `clue-reload-${Date.now()}`;
    forget(key);
    let tab = await open(key);
    const words = ['建议移交', '区纪委监委', '初步核实'];
    tab = await typeThroughReloads(tab, words, async (t) => {
      if (!t.el.shadowRoot!.querySelector('#d-suggestion')) await t.el.openClue('c');
      return t.el.shadowRoot!.querySelector<HTMLTextAreaElement>('#d-suggestion')!;
    });
    typed += [...words.join('')].length;
    reloads += words.length;
    tab.frame.remove();
    forget(key);
  });

  it('a 移交单 made and then the page reloaded: offered back with its number and the clue 已移交', async () => {
    const key = `clue-reload-sheet-${Date.now()}`;
    forget(key);
    let tab = await open(key);
    const sheet = tab.el.transfer({ clueIds: ['b'], transferor: '王组员', recipient: '钱某' });
    expect(typeof sheet === 'object' && sheet.number).to.equal('YJ-2026-02');
    tab = await reloadTab(tab);
    reloads++;
    await restoreDraft(tab);
    expect(tab.el.value.transfers.map((s) => s.number)).to.deep.equal(['YJ-2026-01', 'YJ-2026-02']);
    expect(tab.el.value.clues.find((c) => c.id === 'b')!.state).to.equal('transferred');
    tab.frame.remove();
    forget(key);
    await record({
      id: 'reload.clue-register',
      check: '<xc-clue-register>: what is typed in a clue’s panel and a 移交单 just made come back after a real reload cut right after the last key',
      figure: `${reloads} reloads, ${typed} characters typed with real key presses, 0 lost; 1 移交单 restored with its number`,
    });
  });
});

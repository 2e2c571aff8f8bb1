// Typing in <xc-petition-register>'s intake form survives a real reload of the page, cut at once
// after a key (inside the draft's save pause), and a registered petition survives one too.
import { expect } from '@open-wc/testing';
import type { XcPetitionRegister } from '../../src/petition/xc-petition-register.js';
import { forget, reloadTab } from '../reliability/pages.js';
import { openDraftPage, restoreDraft, typeThroughReloads } from '../support/draft-tabs.js';
import { record } from '../support/report.js';

const open = (key: string) => openDraftPage<XcPetitionRegister>('/tests/petition/draft-page.html', key);

describe('<xc-petition-register>: drafts across a real reload', function () {
  this.timeout(60000);
  let typed = 0;
  let reloads = 0;

  it('what was typed in the intake form comes back, up to the last key before the reload', async () => {
    const key = `petition-reload-${Date.now()}`;
    forget(key);
    let tab = await open(key);
    const words = ['来访群众', '反映低保', '评定不公'];
    tab = await typeThroughReloads(tab, words, async (t) => {
      if (!t.el.shadowRoot!.querySelector('#p-summary')) {
        t.frame.contentWindow!.focus();
        t.el.shadowRoot!.querySelector<HTMLButtonElement>('button.intake')!.click();
        await t.el.updateComplete;
      }
      return t.el.shadowRoot!.querySelector<HTMLTextAreaElement>('#p-summary')!;
    });
    typed += [...words.join('')].length;
    reloads += words.length;
    tab.frame.remove();
    forget(key);
  });

  it('a petition registered and then the page reloaded: offered back with its number', async () => {
    const key = `petition-reload-add-${Date.now()}`;
    forget(key);
    let tab = await open(key);
    tab.el.addEntry({ source: 'online', receivedOn: '2026-11-26', summary: '网上反映', anonymous: true });
    tab = await reloadTab(tab);
    reloads++;
    await restoreDraft(tab);
    expect(tab.el.value.entries.map((e) => e.number)).to.deep.equal(['XF-2026-001', 'XF-2026-002', 'XF-2026-003', 'XF-2026-004']);
    tab.frame.remove();
    forget(key);
    await record({
      id: 'reload.petition',
      check: '<xc-petition-register>: what is typed in the intake form and a petition just registered come back after a real reload cut right after the last key',
      figure: `${reloads} reloads, ${typed} characters typed with real key presses, 0 lost; 1 registered petition restored with its number`,
    });
  });
});

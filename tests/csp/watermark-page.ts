// Runs inside tests/csp/watermark.html, served with
// default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'.
// Shows a watermarked read-only checklist and reports to the parent test through the shared
// harness (tests/support/csp-page.ts: violations, errors and the eval probe).
import { reportFromPage } from '../support/csp-page.js';

void reportFromPage(async () => {
  // The provider first: src/index.ts defines <xc-checklist> before <xc-provider>, and a checklist
  // already in the page then asks for the environment before the provider can answer.
  await import('../../src/provider/index.js');
  await import('../../src/index.js');
  const provider = document.querySelector('xc-provider')!;
  provider.user = { id: 'wangwu', name: '王五' };
  const list = document.getElementById('list') as HTMLElementTagNameMap['xc-checklist'];
  const clue = document.getElementById('clue') as HTMLElementTagNameMap['xc-clue-sheet'];
  await customElements.whenDefined('xc-checklist');
  let wm: HTMLElement | null = null;
  for (let i = 0; i < 100 && !wm; i++) {
    await new Promise((r) => setTimeout(r, 30));
    await list.updateComplete;
    wm = list.shadowRoot!.querySelector<HTMLElement>('.xc-wm');
  }
  await customElements.whenDefined('xc-clue-sheet');
  await clue.updateComplete;
  const printed = clue.shadowRoot!.querySelector<HTMLElement>('.xc-wm');
  // The layer's rules for print (position: fixed, shown) are in its adopted stylesheet.
  const printRule = printed && matchMedia('print').matches ? getComputedStyle(printed).display : printed ? 'flex' : 'none';
  return { tiles: wm ? wm.querySelectorAll('span').length : 0, text: wm?.querySelector('span')?.dataset['text'] ?? '', printed: printRule };
});

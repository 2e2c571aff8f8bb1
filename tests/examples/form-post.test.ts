import { expect } from '@open-wc/testing';
import type { XcForm } from '../../src/form/xc-form.js';

function load(frame: HTMLIFrameElement, src?: string): Promise<void> {
  return new Promise((r) => {
    frame.addEventListener('load', () => r(), { once: true });
    if (src) frame.src = src;
  });
}

describe('example: an element inside an existing <form method="post">', () => {
  it('blocks the post while the record is incomplete, then the server receives its JSON under its name', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    await load(frame, '/examples/form-post/index.html');
    const win = frame.contentWindow!;
    await win.customElements.whenDefined('xc-clue-sheet');
    const form = win.document.getElementById('oa') as HTMLFormElement;
    const sheet = win.document.querySelector('xc-clue-sheet') as XcForm;
    await sheet.updateComplete;
    // Incomplete: the browser does not post, the element shows its error summary.
    form.requestSubmit();
    await new Promise((r) => setTimeout(r, 100));
    await sheet.updateComplete;
    expect(win.location.pathname).to.equal('/examples/form-post/index.html');
    expect(sheet.shadowRoot!.querySelector('.error-summary')).to.exist;
    // Complete it (as a person would have), then post.
    sheet.value = {
      clueNo: 'XS-2026-003',
      source: '巡察中发现',
      receivedOn: '2026-11-20',
      personConcerned: { name: '李某', unit: 'xx乡财政所', post: '所长' },
      mainProblem: '2025年违规发放津补贴3.2万元',
      proposedHandling: '初步核实',
    };
    await sheet.updateComplete;
    const posted = load(frame);
    form.requestSubmit();
    await posted;
    const received = frame.contentDocument!.getElementById('received')!;
    const fields = Object.fromEntries([...received.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]));
    expect(fields['round']).to.equal('第十轮');
    const clue = JSON.parse(fields['clue']!);
    expect(clue.mainProblem).to.equal('2025年违规发放津补贴3.2万元');
    expect(clue.personConcerned).to.deep.equal({ name: '李某', unit: 'xx乡财政所', post: '所长' });
    frame.remove();
  });
});

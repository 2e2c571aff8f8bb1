/**
 * <xc-checklist> on a 390 px phone with text that has no place to break (a URL, a 5,000-character
 * token) in a focus area's title, a group's title, a check point and its hint: the page does not
 * scroll sideways (the text wraps inside its box), and the same in the template editor's preview.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/checklist/index.js';
import '../../src/template-editor/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';

const URL = 'https://oa.example.gov.cn/xuncha/2027/round-1/attachments/' + 'x'.repeat(120) + '?id=1234567890';
const TOKEN = 'A'.repeat(5000);

const LONG = {
  id: 'long',
  version: '1',
  title: URL,
  findings: [
    { value: 'ok', label: '符合' },
    { value: 'fail', label: '不符合', isProblem: true },
  ],
  sections: [
    { id: 's1', ordinal: '一、', title: TOKEN, items: [{ id: 'p1', text: URL, hint: TOKEN }, { id: 'p2', text: TOKEN }] },
    { id: 's2', ordinal: '二、', title: URL, groups: [{ id: 'g1', ordinal: '（一）', title: TOKEN, items: [{ id: 'p3', text: `是否${TOKEN}` }] }] },
  ],
} as unknown as ChecklistTemplateSource;

const wide = () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);

describe('long unbroken text at 390 px', () => {
  before(() => setViewport({ width: 390, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('<xc-checklist>: the page is no wider than the screen, and the check point text wraps inside its box', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${LONG}></xc-checklist>`);
    await el.updateComplete;
    await nextFrame();
    await nextFrame();
    expect(wide()).to.be.at.most(390);
    const legend = el.shadowRoot!.querySelector('xc-checklist-item legend.point-text, xc-checklist-item .point-text') ?? el.shadowRoot!.querySelector('xc-checklist-item')!.shadowRoot?.querySelector('.point-text');
    expect(legend, 'a check point is shown').to.exist;
    expect(legend!.getBoundingClientRect().right).to.be.at.most(390);
    const button = el.shadowRoot!.querySelector('.section-title button')!;
    expect(button.getBoundingClientRect().right).to.be.at.most(390);
    expect(button.getBoundingClientRect().height, 'the title wraps onto more lines').to.be.greaterThan(100);
  });

  it('<xc-template-editor>: the page with its preview is no wider than the screen', async () => {
    const el = await fixture<XcTemplateEditor>(html`<xc-template-editor .value=${LONG}></xc-template-editor>`);
    await el.updateComplete;
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('xc-checklist'); i++) await new Promise((r) => setTimeout(r, 20));
    await el.previewUpdated;
    await nextFrame();
    await nextFrame();
    expect(el.shadowRoot!.querySelector('xc-checklist'), 'the preview is shown').to.exist;
    expect(wide()).to.be.at.most(390);
  });
});

// <xc-template-editor> on a 2,000-check-point template: each keystroke shows in the field it was typed
// in, and the preview waits for a pause in the typing, then shows it. (How long a keystroke takes is
// measured by `npm run bench`, bench/pages/template-editor-bench.ts, not here.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/template-editor/index.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';

const big: ChecklistTemplateSource = {
  id: 'big',
  version: '1.0.0',
  title: '大型清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
  ],
  sections: Array.from({ length: 10 }, (_, s) => ({
    id: `s${s}`,
    title: `聚焦方向${s + 1}`,
    groups: Array.from({ length: 10 }, (_, g) => ({ id: `s${s}g${g}`, title: `分组${g + 1}`, items: Array.from({ length: 20 }, (_, i) => ({ id: `s${s}g${g}-${i}`, text: `检查要点 ${s}.${g}.${i}：是否按规定执行` })) })),
  })),
};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<xc-template-editor> with 2,000 check points', () => {
  it('renders each keystroke in its field, and updates the preview once the typing pauses', async function () {
    this.timeout(60000);
    const el = (await fixture(html`<xc-template-editor lang="zh-CN" .value=${big}></xc-template-editor>`)) as XcTemplateEditor;
    await el.updateComplete;
    let list: (HTMLElement & { activeTemplate?: unknown }) | null = null;
    for (let i = 0; i < 300 && !(list = el.shadowRoot!.querySelector('xc-checklist'))?.activeTemplate; i++) await wait(20);
    await wait(500);
    // Count what the editor hands the preview (the checklist's own template property, spied on).
    let sets = 0;
    let proto: object | null = list;
    let desc: PropertyDescriptor | undefined;
    while (proto && !(desc = Object.getOwnPropertyDescriptor(proto, 'template'))) proto = Object.getPrototypeOf(proto);
    Object.defineProperty(list!, 'template', {
      configurable: true,
      get() {
        return desc!.get!.call(this);
      },
      set(v: unknown) {
        // lit sets an object binding again on every render of the editor; only a new template counts.
        if (v !== desc!.get!.call(this)) sets++;
        desc!.set!.call(this, v);
      },
    });
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#n5-5-5-text')!;
    for (let k = 0; k < 15; k++) {
      area.value += '项';
      area.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#n5-5-5-text')!.value.endsWith('项'.repeat(k + 1)), 'the field shows what was typed').to.equal(true);
      await wait(30);
    }
    expect(sets, 'the preview waited for the pause').to.equal(0);
    await el.previewUpdated;
    expect(sets).to.equal(1);
    for (let i = 0; i < 200 && !list!.shadowRoot!.textContent!.includes('是否按规定执行项项项'); i++) await wait(20);
    expect(list!.shadowRoot!.textContent).to.contain('是否按规定执行项项项');
  });
});

/**
 * examples/vue2: a Vue 2.7 page without a build step (Vue's browser build and the standalone
 * bundle from script tags) binds <xc-checklist> through a v-model wrapper.
 */
import { expect } from '@open-wc/testing';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(f: () => T, what: string, ms = 8000): Promise<NonNullable<T>> {
  for (let t = 0; t < ms; t += 50) {
    const v = f();
    if (v) return v as NonNullable<T>;
    await wait(50);
  }
  throw new Error(`timed out: ${what}`);
}

describe('example: Vue 2.7 page, no build step', function () {
  this.timeout(30000);

  it('v-model both ways, a Vue-bound lang, submit; Vue does not take the tags for components', async () => {
    const frame = document.createElement('iframe');
    Object.assign(frame.style, { width: '1000px', height: '800px' });
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.src = '/examples/vue2/index.html';
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow! as Window & typeof globalThis & { Vue: new (o: object) => { $mount(): unknown } };
    await win.customElements.whenDefined('xc-checklist');
    const list = await until(() => win.document.querySelector('xc-checklist') as XcChecklist | null, 'the checklist');
    await until(() => list.shadowRoot?.querySelector('#xc-item-f1g1-02 .finding[data-value="na"] input'), 'check points rendered');
    const answered = () => win.document.getElementById('answered')!.textContent!.trim();
    expect(answered()).to.equal('已答 0 项');

    // Element → Vue: a click on a finding reaches the model.
    list.shadowRoot!.querySelector<HTMLInputElement>('#xc-item-f1g1-02 .finding[data-value="na"] input')!.click();
    await until(() => answered() === '已答 1 项', `Vue's count follows the element (${answered()})`);

    // Vue → element: a record set on the model is shown, the portal's own member kept.
    win.document.getElementById('sample')!.click();
    await until(() => list.shadowRoot!.querySelector<HTMLInputElement>('#xc-item-f1g1-01 .finding[data-value="none"] input')?.checked, 'the record set through v-model');
    expect((list.value as unknown as { portalRecordId: string }).portalRecordId).to.equal('OA-2026-0042');
    expect(answered()).to.equal('已答 2 项');

    // A Vue binding sets the element's language.
    win.document.getElementById('lang')!.click();
    await until(() => list.getAttribute('lang') === 'en', 'lang bound');
    await list.updateComplete;
    await until(() => !/[\u4e00-\u9fa5]/.test(list.shadowRoot!.querySelector('.bar')?.textContent ?? '中'), 'English strings');

    // Submitting an incomplete record shows errors instead of handing data out.
    win.document.getElementById('submit')!.click();
    await until(() => list.shadowRoot!.querySelector('.error-summary'), 'error summary');
    expect(win.document.getElementById('out')!.textContent).to.equal('（尚未提交）');

    // Vue's development build warns on an unknown element (console.error) as it creates it: with the
    // page's configuration, a template with the tags creates them without a warning.
    const warnings: string[] = [];
    const orig = win.console.error;
    win.console.error = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
    new win.Vue({ template: '<div><xc-provider><xc-clue-sheet></xc-clue-sheet></xc-provider></div>' }).$mount();
    win.console.error = orig;
    expect(warnings.filter((w) => /Unknown custom element/.test(w)), 'ignoredElements in force').to.deep.equal([]);
    frame.remove();
  });
});

/**
 * A successful submit ends the draft: going back to the record must not offer to restore
 * what was just submitted (the draft banner is for work that was not handed in).
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/compiler/index.js';
import '../../src/checklist/index.js';
import '../../src/form/index.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { memoryDrafts } from '../../src/core/draft.js';

const small = {
  id: 'small',
  version: '1',
  title: '小清单',
  findings: [
    { value: 'problem', label: { 'zh-CN': '存在问题', en: 'Problem found' }, isProblem: true },
    { value: 'none', label: { 'zh-CN': '未发现问题', en: 'No problem' } },
  ],
  methods: [{ value: 'hearing', label: '听取汇报' }],
  sections: [{ id: 's1', title: '第一部分', groups: [{ id: 'g1', title: '第一组', items: [{ id: 'p1', text: '是否存在甲问题' }, { id: 'p2', text: '是否存在乙问题' }] }] }],
};

/** A form definition of its own, compiled at run time (the compiler is imported above). */
const note = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: '便签',
  required: ['text'],
  properties: { text: { type: 'string', title: '内容', minLength: 1 } },
};

async function settle(el: HTMLElement & { updateComplete: Promise<unknown> }) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
}

const banner = (el: HTMLElement) => el.shadowRoot!.querySelector('[part=draft-banner]');

describe('drafts after a successful submit', () => {
  it('<xc-checklist>: submitted, then opened again with the same draft-key and storage: no restore offer', async () => {
    const drafts = memoryDrafts();
    const make = () => fixture<HTMLElement>(html`<xc-provider .drafts=${drafts}><xc-checklist draft-key="round/1" .template=${small}></xc-checklist></xc-provider>`);
    const p1 = await make();
    const el1 = p1.querySelector<XcChecklist>('xc-checklist')!;
    await settle(el1);
    for (const id of ['p1', 'p2']) el1.shadowRoot!.querySelector<HTMLInputElement>(`#xc-item-${id} .finding[data-value="none"] input`)!.click();
    await settle(el1);
    // Typed but not yet saved (inside the save pause), then submitted.
    expect(await el1.submit()).to.equal(true);
    await settle(el1);
    p1.remove();

    const p2 = await make();
    const el2 = p2.querySelector<XcChecklist>('xc-checklist')!;
    await settle(el2);
    expect(banner(el2)?.textContent?.trim() ?? '', 'no draft banner for a submitted record').to.equal('');
    expect(drafts.entries.has('round/1')).to.equal(false);
  });

  it('<xc-form>: a draft saved before the submit is removed by it', async () => {
    const drafts = memoryDrafts();
    const make = () => fixture<HTMLElement>(html`<xc-provider .drafts=${drafts}><xc-form draft-key="note/1" .schema=${note}></xc-form></xc-provider>`);
    const p1 = await make();
    const el1 = p1.querySelector<XcForm>('xc-form')!;
    await settle(el1);
    const input = el1.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;
    input.value = '已交的便签';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 600)); // past the save pause: the draft is stored
    expect(drafts.entries.has('note/1'), 'the draft was saved while typing').to.equal(true);
    expect(await el1.submit()).to.equal(true);
    await settle(el1);
    p1.remove();

    const p2 = await make();
    const el2 = p2.querySelector<XcForm>('xc-form')!;
    await settle(el2);
    expect(banner(el2)?.textContent?.trim() ?? '', 'no draft banner for a submitted record').to.equal('');

    // Typing after the submit is a new draft again.
    const again = el2.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;
    again.value = '新的内容';
    again.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 600));
    expect(drafts.entries.has('note/1')).to.equal(true);
  });
});

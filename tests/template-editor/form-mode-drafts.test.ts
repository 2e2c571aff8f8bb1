// <xc-template-editor mode="form">: the definition being edited is the draft (offered after a reload
// and restored exactly; never offered to the checklist mode, nor a checklist draft to the form mode);
// 导出 JSON exports the definition with the precompile command beside it; 从文档导入 is not shown; a
// form reset goes back to the definition first given; confirmSave() typed for the form mode.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { FormSaveDetail } from '../../src/template-editor/index.js';
import type { JsonSchema } from '../../src/core/validation-types.js';
import { memoryDrafts, type DraftStorage } from '../../src/core/draft.js';
import { fetchJson, mountEditor, props, root, typeInto, until } from './mount.js';
import { labelText } from '../a11y/keys.js';
import { expectAccessible } from '../support/a11y.js';

/** The editor with drafts under `key`, once a draft it has would be offered. */
async function mount(value: unknown, drafts: DraftStorage, mode: 'form' | 'checklist' = 'form', key = 'tpl'): Promise<XcTemplateEditor> {
  const el = await mountEditor(value, { drafts, mode, draftKey: key });
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
  return el;
}

const buttons = (el: XcTemplateEditor) => [...root(el).querySelectorAll('button')].map((b) => b.textContent!.trim());
const banner = (el: XcTemplateEditor) => root(el).querySelector('[part="draft-banner"]');
function input(el: XcTemplateEditor, label: string): HTMLInputElement {
  const i = [...root(el).querySelectorAll<HTMLInputElement>('input')].find((x) => labelText(x) === label);
  if (!i) throw new Error(`no ${label}`);
  return i;
}

describe('<xc-template-editor mode="form">: drafts, export, import, reset, types', () => {
  let interview: JsonSchema;
  before(async () => {
    interview = await fetchJson('/schemas/templates/interview-record.json');
  });

  it('F1: keeps the definition being edited as its draft, offers it after a reload and restores it exactly; the checklist mode never sees it', async () => {
    const drafts = memoryDrafts();
    const el = await mount(interview, drafts);
    // No draft anywhere yet: nothing offered.
    expect(banner(el)).to.equal(null);
    await typeInto(el, input(el, '表单标题'), '谈话记录（第二轮）');
    window.dispatchEvent(new Event('pagehide'));
    const edited = el.value as unknown as JsonSchema;
    expect(edited['title']).to.equal('谈话记录（第二轮）');
    expect(drafts.entries.get('tpl#form')?.value).to.deep.equal(edited);
    // The checklist mode's draft entry is not written by the form mode.
    expect(drafts.entries.has('tpl')).to.equal(false);
    el.closest('xc-provider')!.remove();

    // A reload with the same definition: the draft is offered, and restored exactly.
    const again = await mount(interview, drafts);
    await until('the draft offered', () => banner(again));
    expect(banner(again)!.textContent).to.contain('草稿');
    await expectAccessible(again);
    const restore = [...banner(again)!.querySelectorAll('button')].find((b) => b.textContent!.trim() === '恢复草稿')!;
    restore.click();
    await again.updateComplete;
    expect(again.value).to.deep.equal(edited);
    expect(input(again, '表单标题').value).to.equal('谈话记录（第二轮）');
    expect(banner(again)).to.equal(null);
    // One undoable step.
    expect(again.undo()).to.equal(true);
    expect(again.value).to.deep.equal(interview);
    again.closest('xc-provider')!.remove();

    // The checklist mode under the same key is offered nothing (the form draft is not its own).
    const checklist = await mount(undefined, drafts, 'checklist');
    expect(banner(checklist)).to.equal(null);
    checklist.closest('xc-provider')!.remove();

    // And a checklist draft is never offered to the form mode.
    const other = memoryDrafts();
    other.save('tpl', { value: { id: 'T', version: '1.0.0', title: '清单', sections: [{ id: 's1', title: '方向', items: [{ id: 'p1', text: '要点' }] }] }, savedAt: Date.parse('2026-12-02T10:00:00Z') });
    other.save('tpl#form', { value: { id: 'T', sections: [] }, savedAt: Date.parse('2026-12-02T10:00:00Z') });
    const form = await mount(interview, other);
    await new Promise((r) => setTimeout(r, 50));
    await form.updateComplete;
    expect(banner(form)).to.equal(null);
    expect(form.value).to.deep.equal(interview);
  });

  it('F1: a saved version ends the draft', async () => {
    const drafts = memoryDrafts();
    const el = await mount(interview, drafts);
    await typeInto(el, input(el, '表单标题'), '谈话记录 2');
    window.dispatchEvent(new Event('pagehide'));
    expect(drafts.entries.has('tpl#form')).to.equal(true);
    expect(await el.save()).to.equal(true);
    const saved = oneEvent(el, 'xc-save');
    // F5: typed for the form mode.
    const detail: FormSaveDetail | null = el.confirmSave('form');
    expect(detail!.changes.relabelled).to.deep.equal([]);
    expect(((await saved) as CustomEvent<FormSaveDetail>).detail.template['title']).to.equal('谈话记录 2');
    window.dispatchEvent(new Event('pagehide'));
    expect(drafts.entries.has('tpl#form')).to.equal(false);
  });

  it('F2/F3: 导出 JSON exports the definition, named by its $id, with the precompile command; 从文档导入 is not shown', async () => {
    const el = await mount(interview, memoryDrafts());
    expect(buttons(el)).to.include('导出 JSON');
    expect(root(el).querySelector('.import, [part="import"]')).to.equal(null);
    expect(root(el).textContent).to.not.contain('从文档导入');
    expect(el.applyImport()).to.equal(false);
    expect(root(el).querySelector<HTMLInputElement>('.precompile .command')!.value).to.equal('npx xc-precompile interview-record.json -o interview-record.validators.js');
    const exported = oneEvent(el, 'xc-export');
    el.addEventListener('xc-export', (e) => e.preventDefault(), { once: true });
    [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === '导出 JSON')!.click();
    const { detail } = (await exported) as CustomEvent<{ format: string; filename: string; text: string }>;
    expect(detail.format).to.equal('json');
    expect(detail.filename).to.equal('interview-record.json');
    expect(JSON.parse(detail.text)).to.deep.equal(interview);
    // Without an $id the title names it; hostile or empty text falls back to a plain name.
    const noId = { ...interview, title: '谈话 记录/第2轮' };
    delete (noId as Record<string, unknown>)['$id'];
    el.value = noId as never;
    await el.updateComplete;
    expect(root(el).querySelector<HTMLInputElement>('.precompile .command')!.value).to.equal('npx xc-precompile 谈话-记录-第2轮.json -o 谈话-记录-第2轮.validators.js');
    el.value = { type: 'object', title: '"; rm -rf / #', properties: { a: { type: 'string', title: 'A' } } } as never;
    await el.updateComplete;
    expect(root(el).querySelector<HTMLInputElement>('.precompile .command')!.value).to.equal('npx xc-precompile rm-rf.json -o rm-rf.validators.js');
    el.value = { type: 'object', properties: { a: { type: 'string', title: 'A' } } } as never;
    await el.updateComplete;
    expect(root(el).querySelector<HTMLInputElement>('.precompile .command')!.value).to.equal('npx xc-precompile 表单定义.json -o 表单定义.validators.js');
    await expectAccessible(el);
  });

  it('F4: a host form reset (and reset()) goes back to the definition first given', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><xc-provider today="2026-12-03"><xc-template-editor name="def" mode="form" .value=${interview}></xc-template-editor></xc-provider></form>`);
    const el = form.querySelector('xc-template-editor') as XcTemplateEditor;
    await until('the form mode', () => el.shadowRoot!.querySelector('.form-mode'));
    await el.updateComplete;
    await typeInto(el, input(el, '表单标题'), '改过的标题');
    expect((el.value as unknown as JsonSchema)['title']).to.equal('改过的标题');
    expect(JSON.parse(new FormData(form).get('def') as string)['title']).to.equal('改过的标题');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal(interview);
    expect(input(el, '表单标题').value).to.equal(interview['title']);
    expect(JSON.parse(new FormData(form).get('def') as string)).to.deep.equal(interview);
    expect(props(el.value as unknown as JsonSchema)['kind']).to.deep.equal(props(interview)['kind']);
    await typeInto(el, input(el, '表单标题'), '又改了');
    el.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal(interview);
    expect(el.canUndo).to.equal(false);
  });
});

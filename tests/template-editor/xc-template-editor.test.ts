// <xc-template-editor>: a small template authored by keyboard alone (fields, add, Alt+Arrow moves,
// delete and 撤销), the live preview following, ids never reused through the UI, the save's confirm
// step naming the draft answers kept aside, errors at the fields (axe-clean), JSON export, and the
// draft of the template surviving a reload.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/template-editor/index.js';
import '../../src/provider/index.js';
import { memoryDrafts } from '../../src/core/draft.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';
import type { ExportEventDetail, TemplateSaveDetail } from '../../src/events/index.js';
import { setViewport } from '@web/test-runner-commands';
import { KeyCounter, deepActive, settle } from '../a11y/keys.js';
import { expectAccessible } from '../support/a11y.js';

const SMALL: ChecklistTemplateSource = {
  id: 'village',
  version: '1.0.0',
  title: '村级巡察清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
  ],
  categories: [{ value: 'c1', label: '“三资”管理不规范' }],
  sections: [
    { id: 'f1', ordinal: '（一）', title: '村级组织建设', groups: [{ id: 'f1g1', ordinal: '一是', title: '班子运行', items: [{ id: 'f1g1-01', text: '是否按期召开支部委员会' }, { id: 'f1g1-02', text: '是否落实“四议两公开”' }] }] },
    { id: 'f2', ordinal: '（二）', title: '村级财务管理', items: [{ id: 'f2-01', text: '集体资产是否登记造册', category: 'c1' }] },
  ],
};

async function mount(value?: unknown, attrs: { draftKey?: string; drafts?: ReturnType<typeof memoryDrafts>; lang?: string } = {}): Promise<XcTemplateEditor> {
  const provider = await fixture(html`<xc-provider today="2026-12-03" .drafts=${attrs.drafts ?? memoryDrafts()}
    ><xc-template-editor lang=${attrs.lang ?? 'zh-CN'} draft-key=${attrs.draftKey ?? ''} .value=${value}></xc-template-editor
  ></xc-provider>`);
  const el = provider.querySelector('xc-template-editor') as XcTemplateEditor;
  await el.updateComplete;
  return el;
}

const root = (el: XcTemplateEditor) => el.shadowRoot!;
const texts = (t: ChecklistTemplateSource) => t.sections.flatMap((s) => ('groups' in s ? s.groups.flatMap((g) => g.items) : s.items).map((p) => p.text));
const ids = (t: ChecklistTemplateSource) => t.sections.flatMap((s) => [s.id, ...('groups' in s ? s.groups.flatMap((g) => [g.id, ...g.items.map((p) => p.id)]) : s.items.map((p) => p.id))]);
const status = (el: XcTemplateEditor) => root(el).querySelector('[role="status"]')!.textContent!.trim();
async function preview(el: XcTemplateEditor): Promise<HTMLElement & { activeTemplate: unknown; updateComplete: Promise<unknown> }> {
  for (let i = 0; i < 100 && !root(el).querySelector('xc-checklist'); i++) await new Promise((r) => setTimeout(r, 20));
  await el.previewUpdated;
  const list = root(el).querySelector('xc-checklist') as HTMLElement & { activeTemplate: unknown; updateComplete: Promise<unknown> };
  for (let i = 0; i < 100 && !list.activeTemplate; i++) await new Promise((r) => setTimeout(r, 20));
  await list.updateComplete;
  return list;
}

describe('<xc-template-editor>', () => {
  it('authors a small template by keyboard alone: fields, add, Alt+Arrow moves (focus follows), delete and 撤销', async () => {
    const el = await mount();
    const keys = new KeyCounter();
    const focusedId = () => deepActive()?.id ?? '';
    // The empty template: one focus area, one group, one check point.
    await keys.tabTo((e) => e.id === 'tpl-title', 'the template title');
    await keys.type('村级巡察清单');
    await keys.tabTo((e) => e.id === 'n0--1--1-title', 'the focus area title');
    await keys.type('村级组织建设');
    await keys.tabTo((e) => e.id === 'n0-0--1-title', 'the group title');
    await keys.type('班子运行');
    await keys.tabTo((e) => e.id === 'n0-0-0-text', 'the check point text');
    await keys.type('是否按期召开支部委员会');
    await keys.tabTo((e) => e.classList.contains('add-item'), 'the 添加检查要点 button');
    expect(deepActive()!.textContent!.trim()).to.equal('添加检查要点');
    await keys.press('Enter');
    await el.updateComplete;
    expect(focusedId(), 'focus goes to the new check point').to.equal('n0-0-1-text');
    await keys.type('是否按时收缴党费');
    expect(texts(el.value)).to.deep.equal(['是否按期召开支部委员会', '是否按时收缴党费']);
    expect(el.value.title).to.equal('村级巡察清单');

    // Alt+ArrowUp moves the check point being typed in; focus stays in its text.
    await keys.press('Alt+ArrowUp');
    await el.updateComplete;
    expect(texts(el.value)).to.deep.equal(['是否按时收缴党费', '是否按期召开支部委员会']);
    expect(focusedId()).to.equal('n0-0-0-text');
    expect((deepActive() as HTMLTextAreaElement).value).to.equal('是否按时收缴党费');
    expect(status(el)).to.contain('已移动');

    // Delete the other one with its 删除 button: the status says so and offers 撤销, which has focus.
    await keys.tabTo((e) => e.classList.contains('delete') && (e as HTMLElement).dataset.for === 'f1g1-01', 'the first check point’s 删除');
    await keys.press('Enter');
    await el.updateComplete;
    expect(texts(el.value)).to.deep.equal(['是否按时收缴党费']);
    expect(status(el)).to.equal('已删除：检查要点 1.1.2「是否按期召开支部委员会」');
    expect(deepActive()!.textContent!.trim()).to.equal('撤销');
    await keys.press('Enter');
    await el.updateComplete;
    expect(texts(el.value)).to.deep.equal(['是否按时收缴党费', '是否按期召开支部委员会']);
    // Focus back on what came back, on its 上移 (not a text field: the next Ctrl+Z is the editor's).
    expect(deepActive()!.textContent!.trim()).to.equal('上移');
    expect((deepActive() as HTMLElement).dataset.for, 'focus back on what came back').to.equal('f1g1-01');

    // Ctrl+Z in a text field is the field's own (the editor leaves it to the browser); on a button
    // it undoes the editor's last step (the move), Ctrl+Shift+Z redoes it.
    root(el).querySelector<HTMLTextAreaElement>('#n0-0-1-text')!.focus();
    const inField = new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
    deepActive()!.dispatchEvent(inField);
    expect(inField.defaultPrevented).to.equal(false);
    expect(texts(el.value)).to.deep.equal(['是否按时收缴党费', '是否按期召开支部委员会']);
    await keys.tabTo((e) => e.classList.contains('duplicate'), 'a 复制 button');
    await keys.press('Control+z');
    await el.updateComplete;
    expect(texts(el.value)).to.deep.equal(['是否按期召开支部委员会', '是否按时收缴党费']);
    expect(status(el)).to.equal('已撤销：移动检查要点 1.1.1「是否按时收缴党费」');
    await keys.press('Control+Shift+Z');
    await el.updateComplete;
    expect(texts(el.value)).to.deep.equal(['是否按时收缴党费', '是否按期召开支部委员会']);
    await keys.press('Control+z');
    await keys.press('Control+y');
    expect(texts(el.value)).to.deep.equal(['是否按时收缴党费', '是否按期召开支部委员会']);
    // What was typed in one field is one step: undoing the move, then the typing, leaves the new check point empty.
    await keys.press('Control+z');
    await keys.press('Control+z');
    expect(texts(el.value)).to.deep.equal(['是否按期召开支部委员会', '']);
    await keys.press('Control+y');
    await keys.press('Control+y');

    // The preview is the real checklist, showing what was typed.
    const list = await preview(el);
    expect(list.shadowRoot!.textContent).to.contain('是否按时收缴党费');
    expect(list.shadowRoot!.textContent).to.contain('村级组织建设');
    expect(keys.count).to.be.greaterThan(0);
  });

  it('moves into the neighbouring group with Alt+ArrowDown at a group’s end; drops with drag and drop call moveTo', async () => {
    const el = await mount(SMALL);
    const keys = new KeyCounter();
    root(el).querySelector<HTMLTextAreaElement>('#n0-0-1-text')!.focus();
    await keys.press('Alt+ArrowDown');
    await el.updateComplete;
    const v = el.value;
    expect(('items' in v.sections[1]! ? v.sections[1].items : []).map((p) => p.id)).to.deep.equal(['f1g1-02', 'f2-01']);
    expect((deepActive() as HTMLTextAreaElement).value).to.equal('是否落实“四议两公开”');
    // Drag f2-01's handle onto f1g1-01.
    const handle = root(el).querySelector<HTMLElement>('[data-node="f2-01"] .handle')!;
    const target = root(el).querySelector<HTMLElement>('[data-node="f1g1-01"]')!;
    const dt = new DataTransfer();
    handle.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: dt }));
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: dt });
    target.dispatchEvent(over);
    expect(over.defaultPrevented, 'the check point accepts the drop').to.equal(true);
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: dt }));
    await el.updateComplete;
    const after = el.value.sections[0]!;
    expect(('groups' in after ? after.groups[0]!.items : []).map((p) => p.id)).to.deep.equal(['f2-01', 'f1g1-01']);
  });

  it('never gives a deleted id again through the UI: delete, add, duplicate, import', async () => {
    const el = await mount(SMALL);
    const button = (id: string, cls: string) => root(el).querySelector<HTMLButtonElement>(`[data-for="${id}"].${cls}`)!;
    button('f1g1-02', 'delete').click();
    await el.updateComplete;
    expect(el.value.retiredIds).to.deep.equal(['f1g1-02']);
    root(el).querySelector<HTMLButtonElement>('[data-node="f1g1"] .add-item')!.click();
    await el.updateComplete;
    button('f1g1-01', 'duplicate').click();
    await el.updateComplete;
    button('f1', 'duplicate').click();
    await el.updateComplete;
    const all = ids(el.value);
    expect(all).not.to.include('f1g1-02');
    expect(new Set(all).size).to.equal(all.length);
    // An import that re-creates the deleted one's place does not bring the old id back into retiredIds' way.
    await el.readImport('（一）村级组织建设\n一是班子运行。重点检查是否按期召开支部委员会；是否落实“四议两公开”。');
    root(el).querySelector<HTMLButtonElement>('.import-replace')!.click();
    await el.updateComplete;
    const v = el.value;
    for (const id of ids(v)) expect(v.retiredIds ?? []).not.to.include(id);
    expect(v.retiredIds).to.include('f2-01');
  });

  it('保存新版本 shows errors at the fields with a summary that takes focus (axe-clean), then the changes and the draft answers kept aside', async () => {
    const el = await mount(SMALL);
    el.drafts = [{ items: { 'f1g1-02': { finding: 'problem' }, 'f2-01': { finding: 'none' } } }];
    // Empty a check point's text and delete another one.
    const text = root(el).querySelector<HTMLTextAreaElement>('#n0-0-0-text')!;
    text.value = '';
    text.dispatchEvent(new Event('input'));
    root(el).querySelector<HTMLButtonElement>('[data-for="f1g1-02"].delete')!.click();
    await el.updateComplete;
    const invalid = oneEvent(el, 'xc-invalid');
    root(el).querySelector<HTMLButtonElement>('button.save')!.click();
    await invalid;
    await el.updateComplete;
    const summary = root(el).querySelector('.error-summary')!;
    expect(summary.textContent).to.contain('请填写检查要点内容。');
    expect(summary.textContent).not.to.contain('anyOf');
    expect(deepActive()).to.equal(summary);
    const field = root(el).querySelector<HTMLTextAreaElement>('#n0-0-0-text')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).to.contain('请填写检查要点内容。');
    await expectAccessible(el);

    field.value = '是否按期召开支部委员会会议';
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(root(el).querySelector('.error-summary'), 'fixing the field clears its error').to.equal(null);
    expect(await el.save()).to.equal(true);
    const confirm = root(el).querySelector('.confirm')!;
    expect(confirm.textContent).to.contain('版本 1.0.0 → 2.0.0');
    expect(confirm.textContent).to.contain('删除 1 个检查要点，新增 0 个，修改表述 1 个');
    expect(confirm.textContent).to.contain('有 1 个已填写的检查要点将被移出清单');
    expect(confirm.querySelector('.kept-aside li')!.textContent).to.contain('是否落实“四议两公开”');
    expect(deepActive()!.id).to.equal('te-confirm-title');
    const saved = oneEvent(el, 'xc-save');
    confirm.querySelector<HTMLButtonElement>('.confirm-save')!.click();
    const detail = ((await saved) as CustomEvent<TemplateSaveDetail>).detail;
    expect(detail.template.version).to.equal('2.0.0');
    expect(detail.template.retiredIds).to.deep.equal(['f1g1-02']);
    expect(detail.changes.removed).to.deep.equal(['f1g1-02']);
    expect(detail.changes.reworded).to.deep.equal(['f1g1-01']);
    expect(el.saved!.version).to.equal('2.0.0');
    expect(status(el)).to.equal('已保存版本 2.0.0。');
  });

  it('exports JSON through a cancelable xc-export and shows no precompile command (a checklist template needs none)', async () => {
    const el = await mount(SMALL);
    const b = root(el).querySelector<HTMLButtonElement>('button.export-json')!;
    expect(b.textContent!.trim()).to.equal('导出 JSON');
    const seen = oneEvent(el, 'xc-export');
    b.click();
    const ev = (await seen) as CustomEvent<ExportEventDetail>;
    ev.preventDefault();
    expect(ev.detail.format).to.equal('json');
    expect(ev.detail.filename).to.equal('village.json');
    expect(JSON.parse(ev.detail.text)).to.deep.equal(SMALL);
    expect(root(el).querySelector('.command, .precompile'), 'xc-precompile is for form definitions').to.equal(null);
    expect(root(el).textContent).not.to.contain('xc-precompile');
  });

  it('edits the other language without losing the first, and previews in English', async () => {
    const el = await mount(SMALL);
    const en = root(el).querySelector<HTMLInputElement>('input[name="te-edit-lang"][value="en"]')!;
    en.click();
    await el.updateComplete;
    const title = root(el).querySelector<HTMLInputElement>('#n0--1--1-title')!;
    expect(title.value).to.equal('');
    expect(title.placeholder).to.equal('村级组织建设');
    // The Chinese to translate from is shown under the field and read with it.
    const described = title.getAttribute('aria-describedby')!.split(' ').map((id) => root(el).getElementById(id)!.textContent);
    expect(described).to.include('中文：村级组织建设');
    title.value = 'Village organisations';
    title.dispatchEvent(new Event('input'));
    expect(el.value.sections[0]!.title).to.deep.equal({ 'zh-CN': '村级组织建设', en: 'Village organisations' });
    root(el).querySelector<HTMLInputElement>('input[name="te-preview-lang"][value="en"]')!.click();
    await el.updateComplete;
    const list = await preview(el);
    await new Promise((r) => setTimeout(r, 50));
    await list.updateComplete;
    expect(list.shadowRoot!.textContent).to.contain('Village organisations');
  });

  it('shows the preview beside the editor on a wide screen and below it on a narrow one', async () => {
    const el = await mount(SMALL);
    await preview(el);
    const box = (sel: string) => root(el).querySelector(sel)!.getBoundingClientRect();
    await setViewport({ width: 1280, height: 800 });
    await settle();
    expect(box('.preview').left, 'beside').to.be.at.least(box('.editor').right);
    await setViewport({ width: 390, height: 800 });
    await settle();
    expect(box('.preview').top, 'below').to.be.at.least(box('.editor').bottom);
    expect(box('.editor').right).to.be.at.most(390);
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps the template being edited as a draft that survives a reload', async () => {
    const drafts = memoryDrafts();
    const first = await mount(SMALL, { draftKey: 'tpl-draft', drafts });
    const text = root(first).querySelector<HTMLTextAreaElement>('#n0-0-0-text')!;
    text.value = '草稿里改过的要点';
    text.dispatchEvent(new Event('input'));
    first.closest('xc-provider')!.remove(); // the page goes: the draft is flushed
    const again = await mount(SMALL, { draftKey: 'tpl-draft', drafts });
    await settle();
    await again.updateComplete;
    const restore = [...root(again).querySelectorAll<HTMLButtonElement>('[part="draft-banner"] button')].find((b) => b.textContent!.trim() === '恢复草稿' || b.classList.contains('primary'))!;
    expect(restore, 'the draft is offered').to.exist;
    restore.click();
    await again.updateComplete;
    expect(texts(again.value)[0]).to.equal('草稿里改过的要点');
    expect(root(again).querySelector<HTMLTextAreaElement>('#n0-0-0-text')!.value).to.equal('草稿里改过的要点');
  });
});

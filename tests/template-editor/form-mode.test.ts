// <xc-template-editor mode="form">: an <xc-form> definition authored by keyboard alone (three fields,
// a select with options, a required field, a move by Alt+Arrow), the real <xc-form> previewing it in
// zh-CN and English; the bundled interview definition relabelled and saved with every other member as
// it was; what the editor does not edit shown as JSON and kept; errors at the field with a summary
// taking focus; hostile text inert everywhere; axe-clean.
import { expect, oneEvent } from '@open-wc/testing';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { JsonSchema } from '../../src/core/validation-types.js';
import { fetchJson, mountEditor, props, root, typeInto, until } from './mount.js';
import { KeyCounter, deepActive, labelText } from '../a11y/keys.js';
import { expectAccessible } from '../support/a11y.js';
import { assertInert, loadPayloads } from '../support/xss.js';

interface FormSave {
  template: JsonSchema;
  changes: { removed: string[]; added: string[]; relabelled: string[] };
}

const mount = (value?: unknown, lang = 'zh-CN') => mountEditor(value, { lang });
const status = (el: XcTemplateEditor) => root(el).querySelector('[role="status"]')!.textContent!.trim();
/** The preview form, once it shows the definition as it is now. */
async function preview(el: XcTemplateEditor): Promise<HTMLElement> {
  await until('the preview', () => root(el).querySelector('xc-form'));
  await (el as unknown as { previewUpdated: Promise<void> }).previewUpdated;
  const form = root(el).querySelector('xc-form') as HTMLElement & { updateComplete: Promise<unknown> };
  await form.updateComplete;
  await new Promise((r) => setTimeout(r, 50));
  await form.updateComplete;
  return form;
}
/** Elements matching `selector` under `node`, inside nested shadow roots too. */
function deepAll(node: ParentNode, selector: string): Element[] {
  const out = [...node.querySelectorAll(selector)];
  for (const e of node.querySelectorAll('*')) if (e.shadowRoot) out.push(...deepAll(e.shadowRoot, selector));
  return out;
}
const previewLabels = (form: HTMLElement) => deepAll(form.shadowRoot!, 'label, legend').map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
/** The input labelled `label` in the field row whose heading starts with `head`. */
function control(el: XcTemplateEditor, head: string, label: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const row = [...root(el).querySelectorAll<HTMLElement>('[data-fid]')].find((r) => r.querySelector('[role="heading"]')!.textContent!.trim().startsWith(head));
  const input = [...(row?.querySelectorAll<HTMLInputElement>('input, select, textarea') ?? [])].find((i) => labelText(i) === label);
  if (!input) throw new Error(`no ${label} in ${head}`);
  return input;
}

describe('<xc-template-editor mode="form">', () => {
  it('authors a 3-field form by keyboard alone: a required field, a select with options, a move by Alt+Arrow; the preview shows it', async () => {
    const el = await mount();
    const keys = new KeyCounter();
    const focused = () => deepActive() as HTMLInputElement;
    await keys.tabTo((e) => labelText(e) === '表单标题', 'the form title');
    await keys.type('问题线索登记');
    // Field 1: 姓名, required.
    await keys.tabTo((e) => labelText(e) === '标签', 'the first field’s label');
    await keys.type('姓名');
    await keys.tabTo((e) => labelText(e) === '必填', 'required');
    await keys.press('Space');
    expect(focused().checked).to.equal(true);
    // Field 2: 来源, a select with two options.
    await keys.tabTo((e) => e.textContent === '添加字段', 'add field');
    await keys.press('Enter');
    expect(labelText(focused())).to.equal('标签');
    expect(focused().closest('[data-fid]')!.getAttribute('data-fid')).to.equal('/field-2');
    await keys.type('来源');
    await keys.tabTo((e) => labelText(e) === '控件', 'the widget');
    await keys.press('ArrowDown', 2);
    expect((deepActive() as HTMLSelectElement).value).to.equal('select');
    await keys.tabTo((e) => e.textContent === '添加选项', 'add option');
    await keys.press('Enter');
    expect(labelText(focused())).to.equal('选项 1');
    await keys.press('Control+A');
    await keys.type('信访举报');
    await keys.tabTo((e) => e.textContent === '添加选项', 'add option');
    await keys.press('Enter');
    await keys.press('Control+A');
    await keys.type('审计移交');
    // Field 3: 备注, a textarea, moved above 来源 with Alt+ArrowUp (focus stays on its label).
    await keys.tabTo((e) => e.textContent === '添加字段', 'add field');
    await keys.press('Enter');
    await keys.type('备注');
    await keys.press('Alt+ArrowUp');
    expect(focused().value).to.equal('备注');
    expect(status(el)).to.match(/已移动：字段 3「备注」/);
    await keys.tabTo((e) => labelText(e) === '控件', 'the widget');
    await keys.press('ArrowDown');
    // Save by keyboard: back to 保存新版本, then 确认保存.
    await keys.tabTo((e) => e.textContent === '保存新版本', 'save', { back: true, max: 120 });
    await keys.press('Enter');
    await until('the confirm step', () => root(el).querySelector('.confirm-save'));
    expect(deepActive()!.id).to.equal('fe-confirm-title');
    const saved = oneEvent(el, 'xc-save') as Promise<CustomEvent<FormSave>>;
    await keys.tabTo((e) => e.textContent === '确认保存', 'confirm');
    await keys.press('Enter');
    const { detail } = await saved;
    const def = detail.template;
    expect(def['title']).to.equal('问题线索登记');
    expect(def['required']).to.deep.equal(['field-1']);
    expect(Object.keys(props(def))).to.deep.equal(['field-1', 'field-3', 'field-2']);
    expect(props(def)['field-1']).to.deep.equal({ type: 'string', 'x-xc-widget': 'text', title: '姓名' });
    expect(props(def)['field-2']).to.deep.include({ type: 'string', 'x-xc-widget': 'select', title: '来源', enum: ['信访举报', '审计移交'] });
    expect(props(def)['field-3']).to.deep.include({ 'x-xc-widget': 'textarea', title: '备注' });
    expect(detail.changes.added).to.deep.equal(['/field-3', '/field-2']);
    // The preview is the real form: the three fields in order, the select with its options, 姓名 required.
    const form = await preview(el);
    const labels = previewLabels(form);
    expect(labels.findIndex((l) => l.startsWith('姓名'))).to.be.lessThan(labels.findIndex((l) => l.startsWith('备注')));
    expect(labels.findIndex((l) => l.startsWith('备注'))).to.be.lessThan(labels.findIndex((l) => l.startsWith('来源')));
    expect(deepAll(form.shadowRoot!, 'select option').map((o) => o.textContent!.trim())).to.include.members(['信访举报', '审计移交']);
    // 姓名 is required: the form marks the others 选填, not it.
    expect(labels.find((l) => l.startsWith('姓名'))).to.not.contain('选填');
    expect(labels.find((l) => l.startsWith('备注'))).to.contain('选填');
    await expectAccessible(el);
  });

  it('previews in English with the English labels, and undoes a delete with 撤销', async () => {
    const el = await mount({ type: 'object', properties: { a: { type: 'string', title: '地点', 'x-xc-i18n': { en: { title: 'Place' } } }, b: { type: 'boolean', title: '已确认' } } });
    let form = await preview(el);
    expect(previewLabels(form).some((l) => l.startsWith('地点'))).to.equal(true);
    root(el).querySelector<HTMLInputElement>('input[name="fe-preview-lang"][value="en"]')!.click();
    await el.updateComplete;
    form = await preview(el);
    await until('the English preview', () => previewLabels(form).some((l) => l.startsWith('Place')));
    await typeInto(el, control(el, '字段 1', '标签（英文）') as HTMLInputElement, 'Venue');
    form = await preview(el);
    await until('the new English label', () => previewLabels(form).some((l) => l.startsWith('Venue')));
    // Delete 字段 2, then 撤销: it comes back, focused.
    const row2 = root(el).querySelectorAll<HTMLElement>('[data-fid]')[1]!;
    row2.querySelector<HTMLButtonElement>('button.delete')!.click();
    await el.updateComplete;
    expect(status(el)).to.equal('已删除：字段 2「已确认」');
    expect((el.value as unknown as JsonSchema)['properties']).to.not.have.property('b');
    root(el).querySelector<HTMLButtonElement>('.fe-status-undo')!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(props(el.value as unknown as JsonSchema)['b']).to.deep.equal({ type: 'boolean', title: '已确认' });
    expect(labelText(deepActive()!)).to.equal('标签');
  });

  it('loads the bundled interview definition, saves one label edited: every other member identical', async () => {
    const interview = await fetchJson('/schemas/templates/interview-record.json');
    const original = JSON.parse(JSON.stringify(interview)) as JsonSchema;
    const el = await mount(interview);
    // The simple fields as inputs; the tables, references and conditional parts as JSON.
    expect((control(el, '字段 8', '控件') as HTMLSelectElement).value).to.equal('select');
    expect(JSON.parse((control(el, '字段 12', 'JSON') as HTMLTextAreaElement).value)).to.deep.equal(props(interview)['transcript']);
    await typeInto(el, control(el, '字段 5', '标签') as HTMLInputElement, '谈话场所');
    expect(await el.save()).to.equal(true);
    await el.updateComplete;
    expect(root(el).querySelector('.confirm .changes')!.textContent).to.contain('改名 1 个');
    const saved = oneEvent(el, 'xc-save') as Promise<CustomEvent<FormSave>>;
    root(el).querySelector<HTMLButtonElement>('.confirm-save')!.click();
    const { detail } = await saved;
    const expected = JSON.parse(JSON.stringify(original)) as JsonSchema;
    props(expected)['place']!['title'] = '谈话场所';
    expect(detail.template).to.deep.equal(expected);
    expect(JSON.stringify(detail.template)).to.equal(JSON.stringify(expected));
    expect(detail.changes).to.deep.equal({ removed: [], added: [], relabelled: ['/place'] });
    expect(interview).to.deep.equal(original);
    await expectAccessible(el);
  });

  it('shows errors at the field with a summary that takes focus; JSON that does not parse is not applied', async () => {
    const def: JsonSchema = {
      type: 'object',
      properties: {
        a: { type: 'string', title: '甲' },
        b: { type: 'string', title: '乙', 'x-xc-colour': 'red' },
        c: { type: 'string', title: '丙', 'x-xc-widget': 'select', enum: ['x'] },
      },
    };
    const el = await mount(def);
    await typeInto(el, control(el, '字段 1', '标签') as HTMLInputElement, '');
    const invalid = oneEvent(el, 'xc-invalid');
    expect(await el.save()).to.equal(false);
    await invalid;
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('[data-error-summary]')!;
    expect(root(el).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')].map((a) => a.textContent!.trim());
    // Each line of the summary says where: the field's number (and label).
    expect(links).to.include('字段 1：请填写字段标签。');
    expect(links.some((l) => l.includes('x-xc-colour'))).to.equal(true);
    const label = control(el, '字段 1', '标签');
    expect(label.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).getElementById(label.getAttribute('aria-describedby')!)!.textContent).to.contain('请填写字段标签。');
    // The unknown member is named at the advanced field's JSON.
    const json = control(el, '字段 2', 'JSON') as HTMLTextAreaElement;
    expect(json.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
    // JSON being typed stays as typed when something else renders the editor meanwhile.
    json.value = '{ "type": "string", "title": ';
    json.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.requestUpdate();
    await el.updateComplete;
    expect((control(el, '字段 2', 'JSON') as HTMLTextAreaElement).value).to.equal('{ "type": "string", "title": ');
    // JSON that does not parse: kept as typed, the error shown, the definition unchanged.
    json.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect((control(el, '字段 2', 'JSON') as HTMLTextAreaElement).value).to.equal('{ "type": "string", "title": ');
    expect(root(el).textContent).to.contain('JSON 格式有误，未采用');
    expect(props(el.value as unknown as JsonSchema)['b']).to.deep.equal(def['properties'] && props(def)['b']);
    // Fixed: the error goes, and the field takes the JSON.
    const fixed = control(el, '字段 2', 'JSON') as HTMLTextAreaElement;
    fixed.value = '{ "type": "string", "title": "乙" }';
    fixed.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(props(el.value as unknown as JsonSchema)['b']).to.deep.equal({ type: 'string', title: '乙' });
    expect((control(el, '字段 2', '控件') as HTMLSelectElement).value).to.equal('text');
    await typeInto(el, control(el, '字段 1', '标签') as HTMLInputElement, '甲');
    expect(root(el).querySelector('[data-error-summary]')).to.equal(null);
    expect(await el.save()).to.equal(true);
  });

  it('switches between the modes: each keeps what it edits', async () => {
    const def: JsonSchema = { type: 'object', properties: { a: { type: 'string', title: '地点' } } };
    const el = await mount(def);
    await typeInto(el, control(el, '字段 1', '标签') as HTMLInputElement, '会议地点');
    // Ctrl+Z outside a text field undoes the form mode's step.
    (control(el, '字段 1', '必填') as HTMLInputElement).focus();
    await new KeyCounter().press('Control+z');
    expect(props(el.value as unknown as JsonSchema)['a']!['title']).to.equal('地点');
    el.mode = 'checklist';
    await el.updateComplete;
    expect(root(el).querySelector('.title')!.textContent).to.equal('检查清单模板编辑');
    expect(Array.isArray((el.value as { sections?: unknown }).sections)).to.equal(true);
    el.mode = 'form';
    await el.updateComplete;
    await until('the form mode again', () => root(el).querySelector('.form-mode'));
    expect(el.value as unknown).to.deep.equal(def);
  });

  it('speaks English on an English page', async () => {
    const el = await mount(undefined, 'en');
    await until('the English strings', () => root(el).querySelector('.title')!.textContent === 'Form definition editor');
    expect(labelText(root(el).querySelector('#fe-form-title')!)).to.equal('Form title');
    expect([...root(el).querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include.members(['Undo', 'Save new version', 'Add field', 'Move up']);
  });

  it('keeps hostile text inert in every field, in the editor and in the preview', async () => {
    const payloads = await loadPayloads();
    const take = (i: number) => payloads[i % payloads.length]!;
    const properties: Record<string, JsonSchema> = {};
    for (let i = 0; i < payloads.length; i += 4) {
      properties[take(i)] = {
        type: 'string',
        title: take(i + 1),
        'x-xc-widget': 'select',
        enum: [take(i + 2), `${take(i + 3)}!`],
        'x-xc-help': take(i + 3),
        'x-xc-hidden': { field: take(i), const: take(i + 2) },
        'x-xc-i18n': { en: { title: take(i + 2), options: { [take(i + 2)]: take(i + 1) } } },
      };
    }
    properties['json'] = { type: 'array', title: take(5), items: { type: 'object', title: take(6) } };
    const el = await mount({ type: 'object', title: take(7), properties });
    expect(root(el).querySelectorAll('[data-fid]').length).to.equal(Object.keys(properties).length);
    const form = await preview(el);
    assertInert(root(el), 'script, img, svg, iframe, object, embed, math, video, audio');
    for (const r of [form.shadowRoot!, ...deepAll(form.shadowRoot!, '*').filter((e) => e.shadowRoot).map((e) => e.shadowRoot!)]) assertInert(r, 'script, img, svg, iframe, object, embed, math, video, audio');
    root(el).querySelector<HTMLInputElement>('input[name="fe-preview-lang"][value="en"]')!.click();
    await preview(el);
    for (const r of [form.shadowRoot!, ...deepAll(form.shadowRoot!, '*').filter((e) => e.shadowRoot).map((e) => e.shadowRoot!)]) assertInert(r, 'script, img, svg, iframe, object, embed, math, video, audio');
    expect(deepAll(form.shadowRoot!, 'label, legend').length).to.be.greaterThan(payloads.length / 4);
    expect(window.__xssFired).to.deep.equal([]);
  });
});

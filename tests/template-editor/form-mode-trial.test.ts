// <xc-template-editor mode="form">, what a trial of it met: long labels never make the page scroll
// sideways (a condition's 依据字段 lists them); focus goes back to 保存新版本 after 确认保存 and 取消;
// a new option's text is selected so typing replaces it; read-only, nothing is saved.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { JsonSchema } from '../../src/core/validation-types.js';
import { mountEditor, root } from './mount.js';
import { deepActive } from '../a11y/keys.js';
import { expectAccessible } from '../support/a11y.js';

const mount = (value: unknown, readonly = false) => mountEditor(value, { readonly });
const button = (el: XcTemplateEditor, text: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

const LONG = '关于被巡察党组织落实全面从严治党主体责任和监督责任情况的专项说明及其佐证材料目录与整改承诺事项逐条说明（含附件）';
const def = (): JsonSchema => ({
  type: 'object',
  title: '登记',
  properties: {
    a: { type: 'string', title: LONG + LONG, enum: ['是', '否'], 'x-xc-widget': 'radio' },
    b: { type: 'string', title: '说明', 'x-xc-hidden': { not: { field: 'a', const: '是' } } },
  },
});

describe('<xc-template-editor mode="form">: trial findings', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('T1: a long label never makes the editor scroll sideways at 390 px', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await mount(def());
    const editor = root(el).querySelector<HTMLElement>('.editor')!;
    await new Promise((r) => setTimeout(r, 50));
    const select = [...root(el).querySelectorAll('select')].find((s) => [...s.options].some((o) => o.title === LONG + LONG))!;
    expect(select, 'the condition lists the long field').to.exist;
    expect(select.getBoundingClientRect().right).to.be.at.most(editor.getBoundingClientRect().right + 1);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
  });

  it('T6/T7: focus goes back to 保存新版本 after 确认保存 and 取消; a new option’s text is selected', async () => {
    const el = await mount(def());
    const title = [...root(el).querySelectorAll<HTMLInputElement>('input')].find((i) => i.id === 'fe-form-title')!;
    title.value = '登记表';
    title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(await el.save()).to.equal(true);
    button(el, '取消').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(deepActive()?.textContent?.trim()).to.equal('保存新版本');
    expect(await el.save()).to.equal(true);
    button(el, '确认保存').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(deepActive()?.textContent?.trim()).to.equal('保存新版本');
    button(el, '添加选项').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    const focused = deepActive() as HTMLInputElement;
    expect(focused.value).to.equal('选项3');
    await sendKeys({ type: '可能' });
    await el.updateComplete;
    expect(focused.value).to.equal('可能');
  });

  it('T10: a value that is not a definition is refused and said; the definition being edited stays', async () => {
    const el = await mount(def());
    const before = el.value;
    const seen: unknown[] = [];
    el.addEventListener('xc-value-error', (e) => seen.push((e as CustomEvent<{ value: unknown; errors: { message: string }[] }>).detail.value));
    const wrapper = { code: 0, data: def() };
    for (const v of ['abc', null, { type: 'array' }, wrapper]) {
      el.value = v as never;
      await el.updateComplete;
      expect(el.value, String(v)).to.deep.equal(before);
      expect((el as unknown as { rejectedValue: unknown }).rejectedValue).to.equal(v);
    }
    expect(seen).to.deep.equal(['abc', null, { type: 'array' }, wrapper]);
    expect(root(el).querySelector<HTMLInputElement>('#fe-form-title')!.value).to.equal('登记');
    el.value = wrapper.data as never;
    expect((el as unknown as { rejectedValue: unknown }).rejectedValue).to.equal(null);
    expect(el.value).to.deep.equal(wrapper.data);
  });

  it('T9/T12: an edit clears 没有变化; a condition names only fields it can compare', async () => {
    const d = def();
    Object.assign(d['properties'] as Record<string, unknown>, {
      many: { type: 'array', title: '多选项', items: { type: 'string', enum: ['x', 'y'] }, 'x-xc-widget': 'checkboxes', uniqueItems: true },
      grp: { type: 'object', title: '分组甲', properties: { g: { type: 'string', title: '组内' } } },
      ref: { $ref: '#/$defs/who', title: '引用字段' },
    });
    d['$defs'] = { who: { type: 'string' } };
    const el = await mount(d);
    expect(await el.save()).to.equal(true);
    const status = () => root(el).querySelector('.status [role="status"]')!.textContent!.trim();
    expect(status()).to.equal('与上一版本相比没有变化。');
    const title = root(el).querySelector<HTMLInputElement>('#fe-form-title')!;
    title.value = '登记表';
    title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(status()).to.equal('');
    // 说明's condition (equals 甲) lists 甲 only: not the checkbox group, the fieldset or the $ref field.
    const row = [...root(el).querySelectorAll<HTMLElement>('[data-fid="/b"]')][0]!;
    const fieldSelect = [...row.querySelectorAll('select')].find((x) => x.closest('.field')!.querySelector('label')!.textContent === '依据字段')!;
    expect([...fieldSelect.options].map((o) => o.textContent!.trim())).to.deep.equal([(LONG + LONG).slice(0, 40) + '…']);
  });

  it('T5: a choice switched to text and back keeps its options (English labels too)', async () => {
    const el = await mount(def());
    const widget = () => root(el).querySelector<HTMLSelectElement>('[data-fid="/a"] select.widget')!;
    const choose = async (w: string) => {
      widget().value = w;
      widget().dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
    };
    const d = def();
    ((d['properties'] as Record<string, JsonSchema>)['a'] as Record<string, unknown>)['x-xc-i18n'] = { en: { options: { 是: 'Yes', 否: 'No' } } };
    el.value = d as never;
    await el.updateComplete;
    await choose('text');
    const a = () => (el.value as unknown as { properties: Record<string, Record<string, unknown>> }).properties['a']!;
    expect(a()['enum']).to.equal(undefined);
    await choose('select');
    expect(a()['enum']).to.deep.equal(['是', '否']);
    expect(a()['x-xc-widget']).to.equal('select');
    expect(a()['title']).to.equal(LONG + LONG);
    expect(((a()['x-xc-i18n'] as Record<string, Record<string, unknown>>)['en']!['options'])).to.deep.equal({ 是: 'Yes', 否: 'No' });
    expect([...root(el).querySelectorAll<HTMLInputElement>('[data-fid="/a"] .fe-options input')].map((i) => i.value)).to.deep.equal(['是', 'Yes', '否', 'No']);
  });

  it('T9/T12: the confirm step lists the fields added and relabelled by label; a field’s tools are described by its heading', async () => {
    const el = await mount(def());
    const label = root(el).querySelector<HTMLInputElement>('[data-fid="/b"] input[type="text"]')!;
    label.value = '情况说明';
    label.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('button.add-field')!.click();
    await el.updateComplete;
    const fresh = [...root(el).querySelectorAll<HTMLElement>('[data-fid]')].at(-1)!;
    const input = fresh.querySelector<HTMLInputElement>('input[type="text"]')!;
    input.value = '新字段';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(await el.save()).to.equal(true);
    const confirm = root(el).querySelector('.confirm')!;
    expect([...confirm.querySelectorAll('.added li')].map((l) => l.textContent!.trim())).to.deep.equal(['新字段']);
    expect([...confirm.querySelectorAll('.relabelled li')].map((l) => l.textContent!.trim())).to.deep.equal(['说明 → 情况说明']);
    const up = root(el).querySelector<HTMLButtonElement>('[data-fid="/b"] button.up')!;
    expect(root(el).getElementById(up.getAttribute('aria-describedby')!)!.textContent).to.contain('字段 2');
    await expectAccessible(el);
  });

  it('T11: a field whose label comes from its $ref shows that label (as the placeholder of its empty label)', async () => {
    const interview = (await (await fetch('/schemas/templates/interview-record.json')).json()) as JsonSchema;
    const el = await mount(interview);
    const label = root(el).querySelector<HTMLInputElement>('[data-fid="/interviewee/name"] input[type="text"]')!;
    expect(label.value).to.equal('');
    expect(label.placeholder).to.equal('姓名');
    const en = root(el).querySelectorAll<HTMLInputElement>('[data-fid="/interviewee/name"] input[type="text"]')[1]!;
    expect(en.placeholder).to.equal('Name');
  });

  it('T12: read-only, 保存新版本 saves nothing and fires no xc-save', async () => {
    const el = await mount(def(), true);
    let saves = 0;
    el.addEventListener('xc-save', () => saves++);
    expect(await el.save()).to.equal(false);
    expect(el.confirmSave('form')).to.equal(null);
    expect(root(el).querySelector('.confirm')).to.equal(null);
    expect(saves).to.equal(0);
  });
});

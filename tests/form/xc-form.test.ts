import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import '../../src/compiler/index.js';
import '../../src/form/index.js';
import '../../src/provider/index.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { clueSheetSchema, interviewRecordSchema } from '../../src/generated/templates.js';
import { clueSheet } from '../../src/generated/validators/clueSheet.js';
import { interviewRecord } from '../../src/generated/validators/interviewRecord.js';
import { expectAccessible } from '../support/a11y.js';
import { choose, control, expectNotSame, expectSame, fieldOf, settle, text, type } from './helpers.js';

const widgets = {
  type: 'object',
  title: '全部控件',
  description: '每种控件各一个。',
  required: ['name', 'ok'],
  properties: {
    name: { type: 'string', title: '姓名', maxLength: 20, 'x-xc-placeholder': '如：张三' },
    note: { type: 'string', title: '备注', description: '可写多行。', 'x-xc-widget': 'textarea', 'x-xc-rows': 3 },
    level: { type: 'string', title: '等级', enum: ['高', '中', '低'] },
    city: { type: 'string', title: '城市', enum: ['甲', '乙', '丙', '丁', '戊'] },
    tags: { type: 'array', title: '标签', uniqueItems: true, items: { type: 'string', enum: ['a', 'b', 'c'], 'x-xc-i18n': { 'zh-CN': { options: { a: '甲类', b: '乙类', c: '丙类' } } } } },
    day: { type: 'string', format: 'date', title: '日期' },
    at: { type: 'string', format: 'date-time', title: '时间' },
    clock: { type: 'string', format: 'time', title: '钟点' },
    mail: { type: 'string', format: 'email', title: '邮箱' },
    count: { type: 'integer', title: '人数', minimum: 0 },
    ok: { type: 'boolean', const: true, title: '已阅' },
    who: { $ref: '#/$defs/person', title: '联系人' },
    secret: { type: 'string', 'x-xc-widget': 'hidden' },
  },
  $defs: {
    person: {
      type: 'object',
      'x-xc-widget': 'person',
      required: ['name'],
      properties: { name: { type: 'string', title: '姓名', minLength: 1 }, unit: { type: 'string', title: '单位' }, post: { type: 'string', title: '职务' } },
    },
  },
};

const v = (el: XcForm) => el.value as Record<string, unknown>;

describe('<xc-form>: widgets', () => {
  it('renders every widget, labelled, and writes what is entered', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${widgets} .value=${{ secret: 'kept' }}></xc-form>`);
    await settle(el);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('.title'))).to.equal('全部控件');
    // Labels from titles, （选填） on optional fields only, no asterisks.
    expect(text(root.querySelector(`label[for=${control(el, 'name').id}]`))).to.equal('姓名');
    expect(text(root.querySelector(`label[for=${control(el, 'note').id}]`))).to.equal('备注（选填）');
    expect(root.textContent).not.to.contain('*');
    expect(control(el, 'name').placeholder).to.equal('如：张三');
    expect(control(el, 'name').maxLength).to.equal(20);
    expect(control(el, 'note').getAttribute('aria-describedby')).to.equal(`${control(el, 'note').id}-hint`);
    expect(root.getElementById(`${control(el, 'note').id}-hint`)!.textContent).to.equal('可写多行。');
    // The hidden widget is not shown, its value is kept.
    expect(root.querySelectorAll('input[type=text]').length).to.equal(4); // name + who.name/unit/post
    await expectAccessible(el);

    setTimeout(() => type(control(el, 'name'), '张三'));
    const change = (await oneEvent(el, 'xc-change')) as CustomEvent;
    expect(change.detail.path).to.equal('name');
    expect(change.detail.value).to.deep.equal({ secret: 'kept', name: '张三' });
    type(control<HTMLTextAreaElement>(el, 'note'), '第一行\n第二行');
    (control<HTMLFieldSetElement>(el, 'level').querySelectorAll('input')[1] as HTMLInputElement).click();
    choose(control<HTMLSelectElement>(el, 'city'), 2);
    const tags = control<HTMLFieldSetElement>(el, 'tags').querySelectorAll('input');
    tags[2]!.click();
    tags[0]!.click();
    type(control(el, 'day'), '2026-11-26');
    type(control(el, 'at'), '2026-11-26T09:30');
    type(control(el, 'clock'), '14:05');
    type(control(el, 'mail'), 'zhang@example.gov.cn');
    type(control(el, 'count'), '3');
    control(el, 'ok').click();
    type(control(el, 'who.name'), '李四');
    type(control(el, 'who.unit'), '区纪委');
    await settle(el);
    const value = v(el);
    expect(value).to.deep.include({
      name: '张三', note: '第一行\n第二行', level: '中', city: '丙', tags: ['a', 'c'], day: '2026-11-26', mail: 'zhang@example.gov.cn',
      count: 3, ok: true, who: { name: '李四', unit: '区纪委' }, secret: 'kept',
    });
    expect(value['at']).to.match(/^2026-11-26T09:30:00[+-]\d\d:\d\d$/);
    expect(value['clock']).to.match(/^14:05:00[+-]\d\d:\d\d$/);
    // The datetime shows back as it was typed.
    expect(control(el, 'at').value).to.equal('2026-11-26T09:30');
    expect(control<HTMLFieldSetElement>(el, 'who').classList.contains('person')).to.equal(true);
    expect(text(control<HTMLFieldSetElement>(el, 'tags').querySelector('label'))).to.equal('甲类');
    setTimeout(() => el.submit());
    const ev = (await oneEvent(el, 'xc-submit')) as CustomEvent;
    expect(ev.detail.value).to.deep.equal(value);
    await expectAccessible(el);
  });

  it('removes a cleared field (an empty string would count as filled) and clears an optional choice', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${widgets} .value=${{ name: '张三', mail: 'a@b.cn', level: '高', count: 2 }}></xc-form>`);
    await settle(el);
    type(control(el, 'mail'), '');
    type(control(el, 'count'), '');
    fieldOf(el, 'level').querySelector<HTMLButtonElement>('button.clear')!.click();
    await settle(el);
    expect(v(el)).to.deep.equal({ name: '张三' });
    expect(!!fieldOf(el, 'level').querySelector('button.clear')).to.equal(false);
  });

  it('shows a read-only view as text, not disabled inputs', async () => {
    const value = { name: '张三', level: '中', tags: ['a', 'b'], day: '2026-11-26', ok: true, who: { name: '李四', unit: '区纪委', post: '科员' }, note: '多行\n内容' };
    const el = await fixture<XcForm>(html`<xc-form readonly .schema=${widgets} .value=${value}></xc-form>`);
    await settle(el);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('input, select, textarea').length).to.equal(0);
    expect(!!root.querySelector('[part=submit]')).to.equal(false);
    const rows = [...root.querySelectorAll('.ro')].map((r) => text(r));
    expect(rows).to.include.members(['姓名张三', '等级中', '标签甲类、乙类', '日期2026年11月26日', '已阅是', '联系人李四（区纪委 科员）', '城市（未填写）']);
    expect(root.querySelector('.ro-value.pre')!.textContent).to.equal('多行\n内容');
    expect(text(root.querySelector('.banner'))).to.contain('只读');
    await expectAccessible(el);
    // Nothing can be changed through the element.
    expect(v(el)).to.deep.equal({ ...value });
  });

  it('validates a run-time definition with the compiler when the page imported it', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${widgets}></xc-form>`);
    await settle(el);
    type(control(el, 'mail'), '不是邮箱');
    type(control(el, 'count'), '-1');
    const result = el.validate();
    expect(result.valid).to.equal(false);
    expect(result.errors.map((e) => `${e.path}:${e.keyword}`)).to.deep.equal(['name:required', 'mail:format', 'count:minimum', 'ok:required']);
  });
});

describe('<xc-form>: repeating groups', () => {
  it('adds, moves and removes items, enforcing min/maxItems with a stated reason', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${interviewRecordSchema} .validator=${interviewRecord}></xc-form>`);
    await settle(el);
    const list = () => control<HTMLFieldSetElement>(el, 'interviewers');
    const items = () => [...list().querySelectorAll(':scope > ol > li')];
    const tools = (i: number) => [...items()[i]!.querySelectorAll<HTMLButtonElement>(':scope > .item-tools > button')];
    const add = () => list().querySelector<HTMLButtonElement>(':scope > .array-tools > .add')!;
    expect(items()).to.have.length(2); // the default: two interviewers
    expect(text(items()[0]!.querySelector('legend'))).to.equal('谈话人1');
    // At the minimum (2): removing is refused, and says why.
    const remove = tools(0)[2]!;
    expect(remove.getAttribute('aria-disabled')).to.equal('true');
    const reason = el.shadowRoot!.getElementById(remove.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).to.contain('至少需要 2 项');
    remove.click();
    await settle(el);
    expect(items()).to.have.length(2);
    await expectAccessible(el);

    type(control(el, 'interviewers.0.name'), '张三');
    type(control(el, 'interviewers.1.name'), '李四');
    add().click();
    await settle(el);
    expect(items()).to.have.length(3);
    expectSame(el.shadowRoot!.activeElement, control(el, 'interviewers.2.name'), 'focus moves to the new item');
    type(control(el, 'interviewers.2.name'), '王五');
    expect(tools(0)[2]!.getAttribute('aria-disabled')).to.equal('false');
    tools(2)[0]!.click(); // move 王五 up
    await settle(el);
    expect((v(el)['interviewers'] as { name: string }[]).map((p) => p.name)).to.deep.equal(['张三', '王五', '李四']);
    expectSame(el.shadowRoot!.activeElement, tools(1)[0], 'focus follows the moved item');
    expect(tools(0)[0]!.disabled, 'the first cannot move up').to.equal(true);
    tools(0)[2]!.click(); // remove 张三
    await settle(el);
    expect((v(el)['interviewers'] as { name: string }[]).map((p) => p.name)).to.deep.equal(['王五', '李四']);
    // Up to the maximum (6): then adding is refused, and says why.
    for (let i = 0; i < 4; i++) {
      add().click();
      await settle(el);
    }
    expect(items()).to.have.length(6);
    expect(add().getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.getElementById(add().getAttribute('aria-describedby')!)!.textContent).to.contain('最多 6 项');
    add().click();
    await settle(el);
    expect(items()).to.have.length(6);
    await expectAccessible(el);
  });

  it('repeats primitive items; clearing one keeps it in place', async () => {
    const schema = { type: 'object', properties: { words: { type: 'array', title: '关键词', maxItems: 3, items: { type: 'string', title: '关键词' } } } };
    const el = await fixture<XcForm>(html`<xc-form .schema=${schema}></xc-form>`);
    await settle(el);
    expect(text(control(el, 'words'))).to.contain('（尚未添加）');
    const add = () => control(el, 'words').querySelector<HTMLButtonElement>('.add')!;
    add().click();
    await settle(el);
    add().click();
    await settle(el);
    type(control(el, 'words.0'), '公车');
    type(control(el, 'words.1'), '购物卡');
    type(control(el, 'words.0'), '');
    await settle(el);
    expect(v(el)['words']).to.deep.equal(['', '购物卡']);
    await expectAccessible(el);
  });
});

describe('<xc-form>: conditions', () => {
  it('says when a field becomes required and when it no longer is', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${clueSheetSchema} .validator=${clueSheet}></xc-form>`);
    await settle(el);
    const label = () => text(el.shadowRoot!.querySelector(`label[for=${control(el, 'receiver').id}]`));
    expect(label()).to.equal('接收人（选填）');
    expect(fieldOf(el, 'outcome').hidden, 'outcome waits for a transfer date').to.equal(true);
    type(control(el, 'transferredOn'), '2026-11-27');
    await settle(el);
    expect(label()).to.equal('接收人（现为必填）');
    expect(text(el.shadowRoot!.querySelector('.screen > [role=status]'))).to.contain('“接收人”现为必填项');
    expect(fieldOf(el, 'outcome').hidden).to.equal(false);
    await expectAccessible(el);
    type(control(el, 'transferredOn'), '');
    await settle(el);
    expect(label()).to.equal('接收人（选填）');
    expect(fieldOf(el, 'outcome').hidden).to.equal(true);
  });

  it('hides a field without losing its value', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${interviewRecordSchema} .validator=${interviewRecord}></xc-form>`);
    await settle(el);
    expect(fieldOf(el, 'kind').querySelector('select')).to.exist;
    expect(!!el.shadowRoot!.querySelector(`#${CSS.escape('xf-kindOther')}`)).to.equal(false);
    choose(control<HTMLSelectElement>(el, 'kind'), 6); // 其他
    await settle(el);
    type(control(el, 'kindOther'), '回访谈话');
    choose(control<HTMLSelectElement>(el, 'kind'), 4); // 群众谈话
    await settle(el);
    expect(fieldOf(el, 'kindOther').hidden).to.equal(true);
    expect(v(el)['kindOther']).to.equal('回访谈话');
    choose(control<HTMLSelectElement>(el, 'kind'), 6);
    await settle(el);
    expect(control(el, 'kindOther').value).to.equal('回访谈话');
  });

  it('shows a field that is hidden and required at once when it has an error', async () => {
    const schema = { type: 'object', required: ['code'], properties: { code: { type: 'string', title: '内部编号', 'x-xc-hidden': true }, note: { type: 'string', title: '备注' } } };
    const el = await fixture<XcForm>(html`<xc-form .schema=${schema}></xc-form>`);
    await settle(el);
    expect(fieldOf(el, 'note')).to.exist;
    expect(!!el.shadowRoot!.querySelector('#xf-code')).to.equal(false);
    await el.reportValidity();
    await settle(el);
    const summary = el.shadowRoot!.querySelector('.error-summary')!;
    expect(text(summary)).to.contain('请填写内部编号');
    const input = control(el, 'code');
    expect(input.getAttribute('aria-describedby')).to.contain('xf-code-note');
    expect(text(el.shadowRoot!.getElementById('xf-code-note'))).to.contain('本应隐藏');
    summary.querySelector('a')!.click();
    await settle(el);
    expectSame(el.shadowRoot!.activeElement, input);
    await expectAccessible(el);
  });

  it('rebuilds the model only for changes that conditions look at', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${interviewRecordSchema} .validator=${interviewRecord}></xc-form>`);
    await settle(el);
    const model = () => (el as unknown as { model: object }).model;
    const before = model();
    const other = fieldOf(el, 'recordNo');
    const otherField = other.field;
    type(control<HTMLTextAreaElement>(el, 'transcript.0.answer'), '有关情况如下');
    type(control(el, 'place'), '谈话室');
    await settle(el);
    expectSame(model(), before, 'typing in a plain field');
    expectSame(other.field, otherField, 'other fields keep their descriptors');
    control(el, 'confirmation.confirmed').click();
    await settle(el);
    expectNotSame(model(), before, 'a field an if looks at');
    expect(v(el)['transcript']).to.deep.equal([{ answer: '有关情况如下' }]);
  });
});

describe('<xc-form>: errors, title and form association', () => {
  it("a radio group's error link focuses its first radio", async () => {
    const schema = { type: 'object', required: ['level'], properties: { level: widgets.properties.level } };
    const el = await fixture<XcForm>(html`<xc-form .schema=${schema}></xc-form>`);
    await settle(el);
    expect(control(el, 'level').querySelectorAll('input[type=radio]')).to.have.length(3);
    setTimeout(() => el.submit());
    await oneEvent(el, 'xc-invalid');
    await settle(el);
    [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')].find((a) => a.textContent!.includes('等级'))!.click();
    await settle(el);
    expectSame(el.shadowRoot!.activeElement, control(el, 'level').querySelector('input'));
  });

  it('shows errors on submit only, in a focused summary whose links focus each field', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${clueSheetSchema} .validator=${clueSheet}></xc-form>`);
    await settle(el);
    type(control(el, 'clueNo'), '线-001');
    await settle(el);
    expect(!!el.shadowRoot!.querySelector('.error-summary')).to.equal(false);
    expect(!!el.shadowRoot!.querySelector('.field-error')).to.equal(false);
    const titles: string[] = [];
    el.addEventListener('xc-title', (e) => titles.push((e as CustomEvent).detail.title));
    setTimeout(() => el.submit());
    const inv = (await oneEvent(el, 'xc-invalid')) as CustomEvent;
    expect(inv.detail.errors.map((e: { path: string }) => e.path)).to.deep.equal(['source', 'receivedOn', 'personConcerned', 'mainProblem']);
    await settle(el);
    const summary = el.shadowRoot!.querySelector<HTMLElement>('.error-summary')!;
    expectSame(el.shadowRoot!.activeElement, summary);
    expect(titles).to.deep.equal(['错误：问题线索登记移交表']);
    const area = control<HTMLTextAreaElement>(el, 'mainProblem');
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    const errId = area.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(text(el.shadowRoot!.getElementById(errId))).to.equal('错误：请填写主要问题');
    expect(control(el, 'clueNo').getAttribute('aria-invalid')).to.equal('false');
    await expectAccessible(el);
    const link = [...summary.querySelectorAll('a')].find((a) => a.textContent === '请填写主要问题')!;
    link.click();
    await settle(el);
    expectSame(el.shadowRoot!.activeElement, area);
    // 处理建议 is the team's free text, not a required choice of the receiver's disposal.
    expect(control(el, 'proposedHandling').localName).to.equal('textarea');
    expect(control(el, 'proposedHandling').getAttribute('aria-invalid')).to.equal('false');
    // Typing fixes an error; nothing new appears while typing (receiver becomes required but is not flagged).
    type(area, '虚报冒领补助资金');
    type(control(el, 'transferredOn'), '2026-11-27');
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('.error-summary'))).not.to.contain('主要问题');
    expect(text(el.shadowRoot!.querySelector('.error-summary'))).not.to.contain('接收人');
    expect(area.getAttribute('aria-invalid')).to.equal('false');
    expect(area.value).to.equal('虚报冒领补助资金');
  });

  it('tells the host the title when errors clear', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${widgets} .value=${{ ok: true, who: { name: '甲' } }}></xc-form>`);
    await settle(el);
    await el.reportValidity();
    await settle(el);
    setTimeout(() => type(control(el, 'name'), '张三'));
    const ev = (await oneEvent(el, 'xc-title')) as CustomEvent;
    expect(ev.detail).to.deep.equal({ title: '全部控件', errors: false });
  });

  it('takes part in a native form: JSON under its name, submission blocked while invalid', async () => {
    // fixtureSync, then settle: fixture() waits for an animation frame when the root (here a
    // plain <form>) has no updateComplete, and a page that renders no frame for a while (hidden,
    // or its renderer busy) timed this test out once. Nothing here needs a frame.
    const form = fixtureSync<HTMLFormElement>(html`<form><xc-form name="clue" .schema=${clueSheetSchema} .validator=${clueSheet}></xc-form><button>提交</button></form>`);
    const el = form.querySelector('xc-form')!;
    await settle(el);
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    expect(JSON.parse(new FormData(form).get('clue') as string)).to.deep.equal({ transferTo: '区纪委' });
    form.requestSubmit();
    await settle(el);
    expect(submitted).to.equal(0);
    expect(el.shadowRoot!.querySelector('.error-summary'), 'the element shows what is wrong').to.exist;
    el.value = {
      clueNo: '线-001', source: '个别谈话', receivedOn: '2026-11-26', personConcerned: { name: '某某', unit: '某村' }, mainProblem: '问题', proposedHandling: '初步核实', transferTo: '区纪委',
    };
    await settle(el);
    form.requestSubmit();
    expect(submitted).to.equal(1);
    expect(JSON.parse(new FormData(form).get('clue') as string)).to.deep.equal(el.value);
    form.reset();
    await settle(el);
    expect(el.value).to.deep.equal({ transferTo: '区纪委' });
  });
});

describe('<xc-form>: drafts, language, print', () => {
  it('saves drafts and offers them for restore', async () => {
    const drafts = memoryDrafts();
    const make = () =>
      fixture<HTMLElement>(html`<xc-provider .drafts=${drafts}><xc-form draft-key="clue-1" .schema=${clueSheetSchema} .validator=${clueSheet}></xc-form></xc-provider>`);
    const p1 = await make();
    const el1 = p1.querySelector('xc-form')!;
    await settle(el1);
    type(control<HTMLTextAreaElement>(el1, 'mainProblem'), '草稿内容');
    await new Promise((r) => setTimeout(r, 500));
    expect((drafts.entries.get('clue-1')!.value as Record<string, unknown>)['mainProblem']).to.equal('草稿内容');
    p1.remove();

    const p2 = await make();
    const el2 = p2.querySelector('xc-form')!;
    await settle(el2);
    const banner = el2.shadowRoot!.querySelector('[part=draft-banner]')!;
    expect(text(banner)).to.contain('发现');
    await expectAccessible(el2);
    banner.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle(el2);
    expect(control<HTMLTextAreaElement>(el2, 'mainProblem').value).to.equal('草稿内容');
    expect(!!el2.shadowRoot!.querySelector('[part=draft-banner]')).to.equal(false);
  });

  it('speaks English', async () => {
    const el = await fixture<XcForm>(html`<xc-form lang="en" .schema=${clueSheetSchema} .validator=${clueSheet}></xc-form>`);
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('.title'))).to.equal('Problem clue register and transfer sheet');
    expect(text(el.shadowRoot!.querySelector(`label[for=${control(el, 'receiver').id}]`))).to.equal('Received by (optional)');
    expect(text(control<HTMLSelectElement>(el, 'source').options[1])).to.equal('Petition or report');
    await el.reportValidity();
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('.error-summary h2'))).to.equal('There is a problem');
    expect(text(el.shadowRoot!.querySelector('.error-summary'))).to.contain('Describe the main problem');
    await expectAccessible(el);
  });

  it('prints the fields as text on A4, with page numbers', async () => {
    const value = { clueNo: '线-001', source: '信访举报', mainProblem: '第一行\n第二行', personConcerned: { name: '某某', unit: '某村' } };
    const el = await fixture<XcForm>(html`<xc-form .schema=${clueSheetSchema} .validator=${clueSheet} .value=${value}></xc-form>`);
    await settle(el);
    window.dispatchEvent(new Event('beforeprint'));
    const view = el.shadowRoot!.querySelector('.print-view')!;
    expect(view, 'rendered at once, before the browser lays out the page').to.exist;
    const rows = [...view.querySelectorAll('.p-row')].map((r) => text(r));
    expect(rows).to.include.members(['线索编号线-001', '线索来源信访举报', '被反映人某某（某村）']);
    const sheets = (document as unknown as { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets;
    const rules = sheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    const count = sheets.length;
    expect(rules).to.contain('@page').and.match(/size: a4/i).and.contain('counter(pages)');
    window.dispatchEvent(new Event('afterprint'));
    await settle(el);
    expect(!!el.shadowRoot!.querySelector('.print-view')).to.equal(false);
    expect((document as unknown as { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets.length).to.equal(count - 1);
    el.printView = true;
    await settle(el);
    expect(el.shadowRoot!.querySelector('.print-view.preview')).to.exist;
    await expectAccessible(el);
  });
});

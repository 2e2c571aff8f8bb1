import { expect, fixture, html, oneEvent, nextFrame } from '@open-wc/testing';
import '../../src/checklist/index.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { expectAccessible } from '../support/a11y.js';

const small = {
  id: 'small',
  version: '1',
  title: '小清单',
  findings: [
    { value: 'problem', label: { 'zh-CN': '存在问题', en: 'Problem found' }, isProblem: true },
    { value: 'none', label: { 'zh-CN': '未发现问题', en: 'No problem' } },
    { value: 'na', label: { 'zh-CN': '不适用', en: 'N/A' } },
  ],
  methods: [
    { value: 'hearing', label: '听取汇报' },
    { value: 'interview', label: '个别谈话' },
  ],
  sections: [
    { id: 's1', title: '第一部分', groups: [{ id: 'g1', ordinal: '一是', title: '第一组', items: [{ id: 'p1', text: '是否存在甲问题' }, { id: 'p2', text: '是否存在乙问题' }] }] },
    { id: 's2', title: '第二部分', groups: [{ id: 'g2', title: '第二组', items: [{ id: 'p3', text: '是否存在丙问题' }] }] },
  ],
};

async function settle(el: XcChecklist) {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

function item(el: XcChecklist, id: string) {
  return el.shadowRoot!.querySelector<HTMLElement>(`#xc-item-${id}`)!;
}

function pick(el: XcChecklist, id: string, value: string) {
  const input = item(el, id).querySelector<HTMLInputElement>(`.finding[data-value="${value}"] input`)!;
  input.click();
}

describe('<xc-checklist>', () => {
  it('renders the bundled 三个聚焦 template when given none, every check point eventually', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist></xc-checklist>`);
    await settle(el);
    const titles = [...el.shadowRoot!.querySelectorAll('.section-title button')].map((b) => b.textContent!.trim());
    expect(titles).to.have.length(3);
    expect(titles[0]).to.contain('聚焦党的理论路线方针政策和党中央决策部署情况');
    el.renderAll();
    await el.updateComplete;
    const total = checklistSanjujiao.sections.flatMap((s: any) => s.groups).flatMap((g: any) => g.items).length;
    expect(el.shadowRoot!.querySelectorAll('xc-checklist-item').length).to.equal(total);
    expect(el.shadowRoot!.querySelector('.bar')!.textContent).to.contain(`已填写 0 / ${total}`);
    await expectAccessible(el);
  });

  it('records a finding, shows details for a problem and updates progress', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${small}></xc-checklist>`);
    await settle(el);
    setTimeout(() => pick(el, 'p1', 'problem'));
    const ev = (await oneEvent(el, 'xc-change')) as CustomEvent;
    expect(ev.detail.itemId).to.equal('p1');
    expect(ev.detail.value.items.p1.finding).to.equal('problem');
    await settle(el);
    const textarea = item(el, 'p1').querySelector<HTMLTextAreaElement>('textarea[data-field=description]')!;
    expect(textarea).to.exist;
    expect(el.shadowRoot!.querySelector('.bar')!.textContent).to.contain('已填写 1 / 3').and.contain('发现问题 1 个');
    // The section's own counts follow too.
    expect(el.shadowRoot!.querySelector('#h-s1')!.textContent).to.contain('1 / 2').and.contain('发现问题 1 个');
    expect(el.shadowRoot!.querySelector('#h-s2')!.textContent).to.contain('0 / 1');
    await expectAccessible(el);
  });

  it('shows errors only on submit, in a focused summary whose links focus the field', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${small}></xc-checklist>`);
    await settle(el);
    pick(el, 'p1', 'problem');
    await settle(el);
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.field-error')).to.equal(null);
    setTimeout(() => el.submit());
    const inv = (await oneEvent(el, 'xc-invalid')) as CustomEvent;
    const paths = inv.detail.errors.map((e: { path: string }) => e.path);
    expect(paths).to.deep.equal(['items.p1.description', 'items.p2.finding', 'items.p3.finding']);
    await settle(el);
    const summary = el.shadowRoot!.querySelector<HTMLElement>('.error-summary')!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.textContent).to.contain('请填写问题描述').and.contain('请选择检查结论');
    const textarea = item(el, 'p1').querySelector<HTMLTextAreaElement>('textarea[data-field=description]')!;
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = textarea.getAttribute('aria-describedby')!.split(' ');
    const err = el.shadowRoot!.getElementById(describedBy[1]!)!;
    expect(err.textContent).to.contain('错误：').and.contain('请填写问题描述');
    await expectAccessible(el);
    summary.querySelector<HTMLAnchorElement>('a')!.click();
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(textarea);
    // Typing fixes the error without clearing text; no new error appears.
    textarea.value = '会议记录缺失';
    textarea.dispatchEvent(new Event('input'));
    await settle(el);
    expect(el.shadowRoot!.querySelector('.error-summary')!.textContent).not.to.contain('请填写问题描述');
    expect(textarea.value).to.equal('会议记录缺失');
  });

  it('refuses a piece of evidence left without its title, and its error link reaches that title', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${small}></xc-checklist>`);
    await settle(el);
    el.value = {
      templateId: 'small',
      templateVersion: '1',
      items: { p1: { finding: 'problem', description: '会议记录缺失', evidence: [{ title: '党组会议记录' }, { title: '  ' }] }, p2: { finding: 'none' }, p3: { finding: 'na' } },
    };
    await settle(el);
    setTimeout(() => el.submit());
    const inv = (await oneEvent(el, 'xc-invalid')) as CustomEvent;
    expect(inv.detail.errors.map((e: { path: string }) => e.path)).to.deep.equal(['items.p1.evidence.1.title']);
    await settle(el);
    const title = item(el, 'p1').querySelector<HTMLInputElement>('[data-field="evidence.1.title"]')!;
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById(title.getAttribute('aria-describedby')!)!.textContent).to.contain('请填写材料名称');
    el.shadowRoot!.querySelector<HTMLAnchorElement>('.error-summary a')!.click();
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(title);
    await expectAccessible(el);
  });

  it('fires xc-submit with the value when everything is answered', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${small}></xc-checklist>`);
    await settle(el);
    pick(el, 'p1', 'none');
    pick(el, 'p2', 'na');
    pick(el, 'p3', 'none');
    setTimeout(() => el.submit());
    const ev = (await oneEvent(el, 'xc-submit')) as CustomEvent;
    expect(ev.detail.value.items).to.deep.equal({ p1: { finding: 'none' }, p2: { finding: 'na' }, p3: { finding: 'none' } });
    expect(el.validate()).to.deep.equal({ valid: true, errors: [] });
  });

  it('filters and searches', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${small}></xc-checklist>`);
    await settle(el);
    pick(el, 'p2', 'problem');
    await settle(el);
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('.filters input');
    radios[2]!.click(); // problems
    await settle(el);
    expect([...el.shadowRoot!.querySelectorAll('xc-checklist-item')].map((i) => i.id)).to.deep.equal(['xc-item-p2']);
    radios[1]!.click(); // unanswered
    await settle(el);
    expect([...el.shadowRoot!.querySelectorAll('xc-checklist-item')].map((i) => i.id)).to.deep.equal(['xc-item-p1', 'xc-item-p3']);
    radios[0]!.click();
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = '丙';
    search.dispatchEvent(new Event('input'));
    await settle(el);
    expect([...el.shadowRoot!.querySelectorAll('xc-checklist-item')].map((i) => i.id)).to.deep.equal(['xc-item-p3']);
  });

  it('collapses sections with aria-expanded', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${small}></xc-checklist>`);
    await settle(el);
    const btn = el.shadowRoot!.querySelector<HTMLButtonElement>('.section-title button')!;
    btn.click();
    await settle(el);
    expect(btn.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.getElementById(btn.getAttribute('aria-controls')!)!.hidden).to.equal(true);
  });

  it('moves between check points with Alt+arrow keys', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${small}></xc-checklist>`);
    await settle(el);
    const first = item(el, 'p1').querySelector<HTMLInputElement>('input[type=radio]')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, composed: true }));
    await settle(el);
    expect(item(el, 'p2').contains(el.shadowRoot!.activeElement)).to.equal(true);
    el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', altKey: true, bubbles: true, composed: true }));
    await settle(el);
    expect(item(el, 'p3').contains(el.shadowRoot!.activeElement)).to.equal(true);
  });

  it('shows a translated error naming the bad path for a broken template', async () => {
    const broken = { ...small, sections: [{ id: 's1', title: 'x', groups: [{ id: 'g1', title: 'y', items: [{ id: 'bad id!', text: 'z' }] }] }] };
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${broken}></xc-checklist>`);
    await settle(el);
    const box = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(box.textContent).to.contain('模板格式有误').and.contain('sections/0/groups/0/items/0/id'.split('/').join('.'));
    await expectAccessible(el);
  });

  it('reports duplicate check point ids', async () => {
    const dup = { ...small, sections: [{ id: 's1', title: 'x', groups: [{ id: 'g1', title: 'y', items: [{ id: 'a', text: 'z' }, { id: 'a', text: 'w' }] }] }] };
    const el = await fixture<XcChecklist>(html`<xc-checklist lang="en" .template=${dup}></xc-checklist>`);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('The id "a" is used more than once');
  });

  it('follows lang from an ancestor and switches to English', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><xc-checklist .template=${small}></xc-checklist></div>`);
    const el = wrap.querySelector('xc-checklist')!;
    await settle(el);
    expect(el.shadowRoot!.querySelector('.bar')!.textContent).to.contain('0 of 3 answered');
    expect(item(el, 'p1').textContent).to.contain('Problem found');
  });

  it('keeps answers to removed check points aside and unknown members', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${small}></xc-checklist>`);
    el.value = { templateId: 'small', templateVersion: '0', items: { p1: { finding: 'none', extra: 1 }, gone: { finding: 'problem', description: '旧问题' } }, host: { round: 3 } } as any;
    await settle(el);
    const v = el.value!;
    expect(v.items.p1).to.deep.equal({ finding: 'none', extra: 1 });
    expect(v.keptAside).to.deep.equal({ gone: { finding: 'problem', description: '旧问题' } });
    expect((v as any).host).to.deep.equal({ round: 3 });
    expect(el.shadowRoot!.querySelector('.kept-aside')!.textContent).to.contain('旧问题');
  });

  it('read-only mode shows answers as text with no controls', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist readonly .template=${small}
      .value=${{ templateId: 'small', templateVersion: '1', items: { p1: { finding: 'problem', description: '<img src=x onerror=alert(1)>', evidence: [{ title: '纪要', ref: 'javascript:alert(1)' }, { title: '台账', ref: 'https://oa.example/doc/1' }] } } }}></xc-checklist>`);
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('input, textarea, select').length).to.equal(0 + el.shadowRoot!.querySelectorAll('.bar input').length);
    const p1 = item(el, 'p1');
    expect(p1.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(p1.querySelector('img')).to.equal(null);
    const links = [...p1.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://oa.example/doc/1']);
    await expectAccessible(el);
  });

  it('saves drafts and offers a newer one for restore', async () => {
    const drafts = memoryDrafts();
    const p = await fixture<XcProvider>(html`<xc-provider .drafts=${drafts}><xc-checklist draft-key="t1" .template=${small}></xc-checklist></xc-provider>`);
    const el = p.querySelector('xc-checklist')!;
    await settle(el);
    pick(el, 'p1', 'problem');
    await settle(el);
    const ta = item(el, 'p1').querySelector<HTMLTextAreaElement>('textarea')!;
    ta.value = '草稿内容';
    ta.dispatchEvent(new Event('input'));
    window.dispatchEvent(new Event('pagehide'));
    expect((drafts.entries.get('t1')!.value as any).items.p1.description).to.equal('草稿内容');
    // A fresh element with the same key offers it.
    const p2 = await fixture<XcProvider>(html`<xc-provider .drafts=${drafts}><xc-checklist draft-key="t1" .template=${small}></xc-checklist></xc-provider>`);
    const el2 = p2.querySelector('xc-checklist')!;
    await settle(el2);
    const banner = el2.shadowRoot!.querySelector('.banner')!;
    expect(banner.textContent).to.contain('草稿');
    await expectAccessible(el2);
    banner.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle(el2);
    expect(el2.value!.items.p1!.description).to.equal('草稿内容');
  });

  it('keeps working and says so once when storage fails', async () => {
    const failing = { load: () => null, save: () => { throw new DOMException('full', 'QuotaExceededError'); }, remove: () => {} };
    const p = await fixture<XcProvider>(html`<xc-provider .drafts=${failing}><xc-checklist draft-key="t2" .template=${small}></xc-checklist></xc-provider>`);
    const el = p.querySelector('xc-checklist')!;
    await settle(el);
    pick(el, 'p1', 'none');
    window.dispatchEvent(new Event('pagehide'));
    pick(el, 'p2', 'none');
    window.dispatchEvent(new Event('pagehide'));
    await settle(el);
    const notes = [...el.shadowRoot!.querySelectorAll('.banner')].filter((b) => b.textContent!.includes('无法保存草稿'));
    expect(notes).to.have.length(1);
    expect(el.value!.items.p2!.finding).to.equal('none');
  });

  it('takes part in a native form: FormData and blocked submit while invalid', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><xc-checklist name="checklist" .template=${small}></xc-checklist><button>提交</button></form>`);
    const el = form.querySelector('xc-checklist')!;
    await settle(el);
    let submitted = 0;
    form.addEventListener('submit', (e) => { e.preventDefault(); submitted++; });
    form.requestSubmit();
    expect(submitted).to.equal(0);
    pick(el, 'p1', 'none');
    pick(el, 'p2', 'none');
    pick(el, 'p3', 'na');
    item(el, 'p3').querySelector('input')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    form.requestSubmit();
    expect(submitted).to.equal(1);
    const data = JSON.parse(new FormData(form).get('checklist') as string);
    expect(data.items.p3.finding).to.equal('na');
    form.reset();
    await settle(el);
    expect(el.value!.items).to.deep.equal({});
  });
});

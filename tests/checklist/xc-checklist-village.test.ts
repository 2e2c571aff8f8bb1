/**
 * A portal's own checklist of another shape than the bundled one (a village-level list:
 * five focus areas with check points directly under them, four findings including 基本符合,
 * hints on some check points), tried from the README alone.
 */
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/checklist/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { ChecklistTemplate } from '../../src/core/checklist.js';
import { expectAccessible } from '../support/a11y.js';

const village = {
  id: 'village',
  version: '1',
  title: '村级巡察监督检查清单',
  findings: [
    { value: 'yes', label: { 'zh-CN': '符合', en: 'Meets' } },
    { value: 'mostly', label: { 'zh-CN': '基本符合', en: 'Mostly meets' } },
    { value: 'no', label: { 'zh-CN': '不符合', en: 'Does not meet' }, isProblem: true },
    { value: 'na', label: { 'zh-CN': '不适用', en: 'N/A' } },
  ],
  evidenceKinds: [{ value: 'minutes', label: { 'zh-CN': '会议记录', en: 'Minutes' } }],
  sections: [
    { id: 'v1', ordinal: '一、', title: '党建工作', items: [
      { id: 'v1-1', text: { 'zh-CN': '是否按时召开支部党员大会和支委会', en: 'Does the branch hold its general meetings and committee meetings on time' }, hint: { 'zh-CN': '查阅近一年会议记录', en: 'Read the minutes of the last year' } },
      { id: 'v1-2', text: '是否落实“三会一课”制度' },
    ] },
    { id: 'v2', ordinal: '二、', title: '“三务”公开', items: [{ id: 'v2-1', text: '是否按时公开村务、党务、财务' }] },
    { id: 'v3', ordinal: '三、', title: '集体“三资”管理', items: [{ id: 'v3-1', text: '是否存在集体资产出租未经民主程序的问题' }] },
    { id: 'v4', ordinal: '四、', title: '惠民资金', items: [{ id: 'v4-1', text: '是否存在优亲厚友、虚报冒领的问题' }] },
    { id: 'v5', ordinal: '五、', title: '作风建设', items: [{ id: 'v5-1', text: '是否存在吃拿卡要的问题' }] },
  ],
} as unknown as ChecklistTemplate;

const IDS = ['v1-1', 'v1-2', 'v2-1', 'v3-1', 'v4-1', 'v5-1'];

function complete(finding = 'yes') {
  return { templateId: 'village', templateVersion: '1', items: Object.fromEntries(IDS.map((id) => [id, { finding }])) };
}

async function settle(el: XcChecklist) {
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: XcChecklist, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const $$ = <T extends Element = HTMLElement>(el: XcChecklist, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const item = (el: XcChecklist, id: string) => $(el, `#xc-item-${id}`);
function pick(el: XcChecklist, id: string, value: string) {
  item(el, id).querySelector<HTMLInputElement>(`.finding[data-value="${value}"] input`)!.click();
}

describe('<xc-checklist> with a two-level template of its own', () => {
  it('shows check points right under their focus area: no invented group heading, numbered focus area.check point', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${village}></xc-checklist>`);
    await settle(el);
    expect(el.activeTemplate, 'template refused').to.exist;
    expect($$(el, '.section-title button').map((b) => b.textContent!.replace(/\s+/g, ''))).to.deep.equal(['一、党建工作', '二、“三务”公开', '三、集体“三资”管理', '四、惠民资金', '五、作风建设']);
    expect($$(el, '.group-title')).to.have.length(0);
    expect($$(el, 'xc-checklist-item').map((i) => i.id)).to.deep.equal(IDS.map((id) => `xc-item-${id}`));
    expect($$(el, '.point-no').map((n) => n.textContent!.trim())).to.deep.equal(['1.1', '1.2', '2.1', '3.1', '4.1', '5.1']);
    // Collapsing a focus area hides its check points.
    $<HTMLButtonElement>(el, '#h-v1 button').click();
    await settle(el);
    expect(item(el, 'v1-1').getClientRects().length).to.equal(0);
    expect(el.shadowRoot!.querySelector('.bar')!.textContent).to.contain('已填写 0 / 6');
    pick(el, 'v2-1', 'no');
    await settle(el);
    expect($(el, '#h-v2').textContent).to.contain('1 / 1').and.contain('发现问题 1 个');
    await expectAccessible(el);
  });

  it('names the check point in every error summary link (zh-CN and en)', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${village}></xc-checklist>`);
    await settle(el);
    pick(el, 'v2-1', 'no');
    await settle(el);
    await el.reportValidity();
    await settle(el);
    const links = $$(el, '.error-summary a').map((a) => a.textContent!.replace(/[\u2068\u2069]/g, ''));
    expect(links).to.have.length(6);
    expect(links[0]).to.equal('1.1 是否按时召开支部党员大会和支…：请选择检查结论');
    expect(links[2]).to.equal('2.1 是否按时公开村务、党务、财务：请填写问题描述');
    expect(new Set(links).size).to.equal(links.length);
    // Still one link per field, focusing it.
    $$<HTMLAnchorElement>(el, '.error-summary a')[2]!.click();
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(item(el, 'v2-1').querySelector('textarea[data-field=description]'));
    await expectAccessible(el);

    const en = await fixture<XcChecklist>(html`<xc-checklist lang="en" .template=${village}></xc-checklist>`);
    await settle(en);
    await en.reportValidity();
    await settle(en);
    const first = $(en, '.error-summary a').textContent!.replace(/[\u2068\u2069]/g, '');
    expect(first).to.equal('1.1 Does the branch hold its general…: Select a finding');
  });

  it('shows a hint as guidance after the question, described by it, not inside the legend', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${village}></xc-checklist>`);
    await settle(el);
    const fieldset = item(el, 'v1-1').querySelector('fieldset.point')!;
    const legend = fieldset.querySelector('legend')!;
    expect(legend.textContent).not.to.contain('查阅近一年会议记录');
    expect(legend.textContent!.replace(/\s+/g, ' ').trim()).to.equal('1.1 是否按时召开支部党员大会和支委会');
    const ids = (fieldset.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const hint = ids.map((id) => el.shadowRoot!.getElementById(id)).find((n) => n?.textContent?.includes('查阅近一年会议记录'));
    expect(hint, 'hint referenced by aria-describedby').to.exist;
    // After the question on screen.
    expect(hint!.getBoundingClientRect().top).to.be.at.least(legend.getBoundingClientRect().bottom - 1);
    // With a finding error the hint stays described too.
    await el.reportValidity();
    await settle(el);
    const after = (fieldset.getAttribute('aria-describedby') ?? '').split(/\s+/);
    expect(after).to.include(hint!.id);
    expect(after.some((id) => el.shadowRoot!.getElementById(id)?.textContent?.includes('请选择检查结论'))).to.equal(true);
    // Read-only: the hint is not part of the check point's text either.
    el.readonly = true;
    el.value = complete();
    await settle(el);
    const text = item(el, 'v1-1').querySelector('.point-text')!;
    expect(text.textContent).not.to.contain('查阅近一年会议记录');
    expect(item(el, 'v1-1').textContent).to.contain('查阅近一年会议记录');
    await expectAccessible(el);
  });

  it('says so when a value it cannot read is given, and keeps what was given', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${village}></xc-checklist>`);
    await settle(el);
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const bad = { templateId: 'village', items: 5 };
      setTimeout(() => (el.value = bad as never));
      const ev = (await oneEvent(el, 'xc-value-error')) as CustomEvent;
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(ev.detail.value).to.equal(bad);
      expect(ev.detail.errors.map((e: { path: string }) => e.path)).to.deep.equal(['items']);
      expect(ev.detail.errors[0].message).to.be.a('string').and.not.equal('');
      expect(warnings.length).to.equal(1);
      expect(el.rejectedValue).to.equal(bad);
      // An answer that is not an object is not dropped silently either.
      setTimeout(() => (el.value = { templateId: 'village', items: { 'v1-1': 'yes', 'v1-2': { finding: 'yes' } } } as never));
      const ev2 = (await oneEvent(el, 'xc-value-error')) as CustomEvent;
      expect(ev2.detail.errors.map((e: { path: string }) => e.path)).to.deep.equal(['items.v1-1']);
      await settle(el);
      expect(el.value!.items['v1-2']).to.deep.equal({ finding: 'yes' });
      // Replaced by a good value: nothing rejected any more, no event.
      let fired = 0;
      el.addEventListener('xc-value-error', () => fired++);
      el.value = complete();
      await settle(el);
      expect(el.rejectedValue).to.equal(null);
      expect(fired).to.equal(0);
      expect(warnings.length).to.equal(2);
    } finally {
      console.warn = warn;
    }
  });

  it('drops errors that no longer apply when a complete value is loaded', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${village}></xc-checklist>`);
    await settle(el);
    await el.reportValidity();
    await settle(el);
    expect($$(el, '.error-summary a')).to.have.length(6);
    el.value = { ...complete(), items: { ...complete().items, 'v5-1': {} } };
    await settle(el);
    expect($$(el, '.error-summary a').map((a) => a.textContent)).to.have.length(1);
    expect($$(el, '[data-invalid]').map((i) => i.id)).to.deep.equal(['xc-item-v5-1']);
    el.value = complete();
    await settle(el);
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    expect($$(el, '.field-error')).to.have.length(0);
    expect($$(el, '[data-invalid]')).to.have.length(0);
  });
});

describe('<xc-checklist> layout at 1280 px', () => {
  before(() => setViewport({ width: 1280, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('opens a one-line note box for an answer without a problem, which grows with its text', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${village}></xc-checklist>`);
    await settle(el);
    pick(el, 'v1-1', 'yes');
    await settle(el);
    const notes = item(el, 'v1-1').querySelector<HTMLTextAreaElement>('textarea[data-field=notes]')!;
    const line = parseFloat(getComputedStyle(notes).lineHeight) || parseFloat(getComputedStyle(notes).fontSize) * 1.5;
    const empty = notes.getBoundingClientRect().height;
    const cs = getComputedStyle(notes);
    const contentLines = (notes.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)) / line;
    expect(contentLines, `lines of an empty note box (${empty}px high, line ${line}px)`).to.be.below(1.3);
    notes.value = '第一行\n第二行\n第三行';
    notes.dispatchEvent(new Event('input'));
    await settle(el);
    expect(notes.getBoundingClientRect().height).to.be.above(empty + line * 1.5);
    expect(notes.scrollHeight).to.be.at.most(notes.clientHeight + 1);
  });

  it('keeps each evidence label on one line and its link error clear of the remove button', async () => {
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${village}
      .value=${{ templateId: 'village', templateVersion: '1', items: { 'v2-1': { finding: 'no', description: '滞后', evidence: [{ title: '公开栏照片', kind: 'minutes', ref: 'javascript:alert(1)' }] } } }}></xc-checklist>`);
    await settle(el);
    await el.reportValidity();
    await settle(el);
    const row = item(el, 'v2-1').querySelector('.evidence-row')!;
    const error = row.querySelector('.field-error')!;
    const button = row.querySelector('button.remove')!;
    expect(error, 'link error shown').to.exist;
    const lineOf = (n: Element) => parseFloat(getComputedStyle(n).lineHeight) || parseFloat(getComputedStyle(n).fontSize) * 1.6;
    const labels = [...row.querySelectorAll('label')];
    expect(labels.length).to.be.at.least(3);
    for (const label of labels) {
      // The label's own text (everything before its control) takes one line.
      const control = label.querySelector('input, select')!;
      const range = document.createRange();
      range.setStart(label, 0);
      range.setEndBefore(control);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const tops = rects.map((r) => r.top);
      expect(Math.max(...tops) - Math.min(...tops), `label "${range.toString().trim()}" wraps`).to.be.below(lineOf(label) * 0.5);
      expect(Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top))).to.be.below(lineOf(label) * 1.5);
    }
    const a = error.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(overlap, 'error overlaps the remove button').to.equal(false);
    // The error sits under its field, not squeezed beside the button.
    const ref = row.querySelector('[data-field="evidence.0.ref"]')!.getBoundingClientRect();
    expect(a.top).to.be.at.least(ref.bottom - 1);
    expect(a.width).to.be.above(ref.width * 0.9);
    await expectAccessible(el);
  });

  it('scrolls the focused error summary below a sticky host header (--xc-scroll-margin-top)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <header style="position: sticky; top: 0; height: 96px; background: #fff; z-index: 10">门户页眉</header>
      <div style="height: 1500px">门户内容</div>
      <xc-checklist style="--xc-scroll-margin-top: 104px; --xc-sticky-top: 96px" .template=${village}></xc-checklist>
      <div style="height: 1500px"></div>
    </div>`);
    const el = wrap.querySelector('xc-checklist')!;
    await settle(el);
    window.scrollTo(0, 0);
    await el.reportValidity();
    await settle(el);
    await new Promise((r) => setTimeout(r, 100));
    const summary = $(el, '.error-summary');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    const header = wrap.querySelector('header')!.getBoundingClientRect();
    const top = summary.getBoundingClientRect().top;
    expect(window.scrollY).to.be.above(1000);
    expect(top, 'summary top below the header').to.be.at.least(header.bottom);
    expect(top).to.be.below(header.bottom + 40);
    expect(getComputedStyle(summary).scrollMarginTop).to.equal('104px');
    window.scrollTo(0, 0);
  });
});

describe('<xc-checklist> isolates data text (right-to-left override)', () => {
  const RLO = '\u202e';
  /** Whether the characters of `needle` inside `host` are laid out left to right (not reversed by a neighbour's override). */
  function inOrder(host: Element, needle: string): boolean {
    const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(needle);
      if (at < 0) continue;
      const r1 = document.createRange();
      r1.setStart(n, at);
      r1.setEnd(n, at + 1);
      const r2 = document.createRange();
      r2.setStart(n, at + needle.length - 1);
      r2.setEnd(n, at + needle.length);
      return r1.getBoundingClientRect().left < r2.getBoundingClientRect().left;
    }
    throw new Error(`"${needle}" not found in ${host.textContent}`);
  }

  it('keeps the text after hostile evidence, method, subject and check point text in reading order', async () => {
    const tpl = {
      ...village,
      methods: [{ value: 'm1', label: `听取${RLO}汇报` }, { value: 'm2', label: '个别谈话' }],
      evidenceKinds: [{ value: 'minutes', label: `会议${RLO}记录` }],
      sections: [{ id: 'v1', title: `党建${RLO}工作`, items: [{ id: 'v1-1', text: `是否${RLO}按时召开`, hint: `查阅${RLO}记录` }, { id: 'v1-2', text: '是否落实制度' }] }],
    } as unknown as ChecklistTemplate;
    const value = {
      templateId: 'village',
      templateVersion: '1',
      items: {
        'v1-1': { finding: 'no', description: `滞后${RLO}两季度`, methods: ['m1', 'm2'], evidence: [{ title: `照片${RLO}一张`, kind: 'minutes', ref: `V-7${RLO}x` }, { title: '第二份材料' }] },
      },
    };
    const el = await fixture<XcChecklist>(html`<xc-checklist readonly subject=${`被巡察单位${RLO}甲村`} .template=${tpl} .value=${value}></xc-checklist>`);
    await settle(el);
    const dl = item(el, 'v1-1').querySelector('dl')!;
    // The next method, the kind's brackets and the ref after a hostile title, and the next evidence entry.
    expect(inOrder(dl, '个别谈话'), 'method after a hostile method').to.equal(true);
    expect(inOrder(dl, '第二份材料'), 'evidence entry after a hostile one').to.equal(true);
    // Every piece of data text sits in an isolate (or alone in a box of its own).
    expectIsolated(el, [`照片${RLO}一张`, `会议${RLO}记录`, `V-7${RLO}x`, `听取${RLO}汇报`, `滞后${RLO}两季度`, `是否${RLO}按时召开`, `查阅${RLO}记录`, `党建${RLO}工作`, `被巡察单位${RLO}甲村`]);
    // The section's counts after its hostile title.
    expect(inOrder($(el, '#h-v1'), '1 / 2')).to.equal(true);
    // Editable: check point, hint, finding, method and kind labels, titles.
    el.readonly = false;
    await settle(el);
    expectIsolated(el, [`是否${RLO}按时召开`, `查阅${RLO}记录`, `听取${RLO}汇报`, `会议${RLO}记录`, `党建${RLO}工作`, `被巡察单位${RLO}甲村`]);
    expect(inOrder(item(el, 'v1-1').querySelector('.field.inline')!, '个别谈话'), 'method label after a hostile one').to.equal(true);
  });

  /** The only content of its box (lit's comment markers aside). */
  const alone = (n: Node) => [...n.parentNode!.childNodes].filter((c) => c.nodeType !== Node.COMMENT_NODE && (c.nodeType !== Node.TEXT_NODE || c.textContent!.trim())).length === 1;

  function expectIsolated(el: XcChecklist, texts: string[]) {
    for (const text of texts) {
      const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
      let found = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent!.includes(text)) continue;
        found++;
        const bidi = getComputedStyle(n.parentElement!).unicodeBidi;
        const display = getComputedStyle(n.parentElement!).display;
        expect(bidi === 'isolate' || bidi === 'isolate-override' || bidi === 'plaintext' || (display !== 'inline' && alone(n)), `${JSON.stringify(text)} in <${n.parentElement!.localName}> (${bidi}, ${display})`).to.equal(true);
      }
      expect(found, text).to.be.above(0);
    }
  }

  it('keeps the error summary link text in order after a hostile check point', async () => {
    const tpl = { ...village, sections: [{ id: 'v1', title: '党建', items: [{ id: 'v1-1', text: `是否${RLO}按时召开` }] }] } as unknown as ChecklistTemplate;
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${tpl}></xc-checklist>`);
    await settle(el);
    await el.reportValidity();
    await settle(el);
    expect(inOrder($(el, '.error-summary a'), '请选择检查结论')).to.equal(true);
  });
});

describe('<xc-checklist> with check point ids that hold dots', () => {
  it('attaches errors to the right check point and links to it (ids such as "1.1")', async () => {
    const dotted = {
      ...village,
      sections: [
        { id: 'a', title: '党建工作', items: [{ id: '1.1', text: '是否按时召开支部党员大会' }, { id: '1.2', text: '是否落实“三会一课”' }] },
        { id: 'b', title: '“三务”公开', items: [{ id: '2.1', text: '是否按时公开村务' }] },
      ],
    } as unknown as ChecklistTemplate;
    const el = await fixture<XcChecklist>(html`<xc-checklist .template=${dotted}></xc-checklist>`);
    await settle(el);
    pick(el, '1\\.2', 'no');
    await settle(el);
    await el.reportValidity();
    await settle(el);
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((a) => a.textContent!.replace(/[\u2068\u2069]/g, ''))).to.deep.equal([
      '1.1 是否按时召开支部党员大会：请选择检查结论',
      '1.2 是否落实“三会一课”：请填写问题描述',
      '2.1 是否按时公开村务：请选择检查结论',
    ]);
    expect($$(el, '[data-invalid]').map((i) => i.id)).to.deep.equal(['xc-item-1.1', 'xc-item-1.2', 'xc-item-2.1']);
    expect(links[1]!.getAttribute('href')).to.equal('#xc-item-1.2');
    links[1]!.click();
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(item(el, '1\\.2').querySelector('textarea[data-field=description]'));
  });
});

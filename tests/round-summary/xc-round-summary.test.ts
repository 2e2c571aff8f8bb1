// <xc-round-summary> in Chromium: the figures of three known units and the round, charts whose text alternatives equal their data tables, CSV, axe, hostile text, English, print.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/round-summary/index.js';
import '../../src/provider/index.js';
import { summariseRound, type UnitRecords } from '../../src/core/round-summary.js';
import { parseCsv } from '../../src/core/rectification/csv.js';
import { expectAccessible } from '../support/a11y.js';
import { assertInert, loadPayloads } from '../support/xss.js';
import { TODAY, template, units } from './fixtures.js';
import { generateRoundUnits } from '../../stories/support/generate-round.js';

async function mount(opts: { units?: unknown; summary?: unknown; lang?: string; today?: string; round?: string } = {}) {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <xc-provider today=${opts.today ?? TODAY}>
      <xc-round-summary lang=${opts.lang ?? 'zh-CN'} round=${opts.round ?? ''} .templates=${[template]} .units=${opts.units ?? units} .summary=${opts.summary ?? null}></xc-round-summary>
    </xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-round-summary')!;
  await el.updateComplete;
  return { el, root: el.shadowRoot! };
}

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cells = (tr: Element) => [...tr.children].map((c) => text(c));

describe('<xc-round-summary>', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('shows the figures of three units and the round: key figures, one row per unit, totals', async () => {
    const { root } = await mount({ round: '区委第三轮巡察' });
    expect(text(root.querySelector('h2'))).to.equal('巡察工作统计：区委第三轮巡察');
    const keys = Object.fromEntries([...root.querySelectorAll('.keys > div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
    expect(keys).to.deep.equal({
      个别谈话人次: '4',
      信访件数: '3',
      发现问题数: '8',
      发现问题线索数: '7',
      移交问题线索数: '2',
      整改完成率: '29%',
      阶段性完成: '1',
      其中逾期: '2',
      '建章立制（项）': '3',
      '挽回（追缴）资金（元）': '1,200.75',
    });
    const table = root.querySelector('table.units')!;
    expect(cells(table.querySelector('thead tr')!)).to.deep.equal([
      '被巡察单位', '个别谈话人次', '信访件数', '发现问题数', '其中共性问题', '其中个性问题', '发现问题线索数', '移交问题线索数',
      '整改事项数', '已销号', '阶段性完成', '正在整改', '其中逾期', '整改完成率', '建章立制（项）', '挽回（追缴）资金（元）', '问责/处理人数',
    ]);
    expect([...table.querySelectorAll('tbody tr')].map(cells)).to.deep.equal([
      ['甲乡', '3', '2', '4', '2', '1', '3', '2', '4', '1', '1', '2', '1', '25%', '3', '1,000.5', '2'],
      ['乙村', '0', '0', '3', '1', '0', '0', '0', '3', '1', '0', '2', '1', '33%', '0', '200.25', '1'],
      ['丙社区', '1', '1', '1', '1', '0', '4', '0', '0', '0', '0', '0', '0', '—', '0', '0', '0'],
    ]);
    expect(cells(table.querySelector('tfoot tr')!)).to.deep.equal(['合计', '4', '3', '8', '4', '1', '7', '2', '7', '2', '1', '4', '2', '29%', '3', '1,200.75', '3']);
    // Where a figure came from another record than usual, a note says so.
    expect([...root.querySelectorAll('.note')].map(text)).to.deep.equal([
      '未提供监督检查清单的单位，问题数按整改台账的问题清单计。',
      '未提供问题线索台账的单位，线索数按清单、谈话记录和信访件中标为线索的条目计，移交数计为 0。',
    ]);
  });

  it('twenty generated units (the stories\' data): a row and a completion bar each, the focus chart the three focus areas of the bundled checklist', async () => {
    const generated = generateRoundUnits(20, { items: 600 });
    const { root } = await mount({ units: generated });
    expect(root.querySelectorAll('table.units tbody tr').length).to.equal(20);
    expect(root.querySelectorAll('figure[data-chart="completion"] rect.bar').length).to.equal(20);
    const areas = [...root.querySelectorAll('figure[data-chart="focus"] details tbody th')].map(text);
    expect(areas).to.deep.equal(['聚焦党的理论路线方针政策和党中央决策部署情况', '聚焦群众身边腐败问题和不正之风', '聚焦基层党组织领导班子和干部队伍建设情况']);
    expect(text(root.querySelector('tfoot [data-figure="items"]'))).to.equal('600');
  });

  it('"today" comes from the provider: a later day makes more items overdue', async () => {
    const { root } = await mount({ today: '2026-10-15' });
    expect(text(root.querySelector('tfoot [data-figure="overdue"]'))).to.equal('1');
    const later = await mount({ today: '2027-03-01' });
    expect(text(later.root.querySelector('tfoot [data-figure="overdue"]'))).to.equal('4');
  });

  it('each chart is an image named by its caption and a sentence equal to its data table, one bar per row', async () => {
    const { root } = await mount();
    const charts = [...root.querySelectorAll('figure.chart')];
    expect(charts.map((f) => f.getAttribute('data-chart'))).to.deep.equal(['completion', 'focus']);
    for (const f of charts) {
      const svg = f.querySelector('svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      const [capId, altId] = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(root.getElementById(capId!)).to.equal(f.querySelector('figcaption'));
      const alt = text(root.getElementById(altId!));
      const rows = [...f.querySelectorAll('details table tbody tr')].map(cells);
      expect(svg.querySelectorAll('rect.bar').length).to.equal(rows.length);
      const sentences = alt.split('；');
      expect(sentences.length).to.equal(rows.length);
      if (f.getAttribute('data-chart') === 'completion') {
        expect(rows).to.deep.equal([
          ['甲乡', '25%', '1', '4'],
          ['乙村', '33%', '1', '3'],
        ]);
        sentences.forEach((s, i) => expect(s).to.equal(`${rows[i]![0]}：${rows[i]![1]}（已销号 ${rows[i]![2]} / 共 ${rows[i]![3]} 项）`));
        // The bars: the labels and values drawn are the table's.
        expect([...svg.querySelectorAll('text.value')].map(text)).to.deep.equal(rows.map((r) => r[1]));
      } else {
        expect(rows).to.deep.equal([
          ['聚焦一', '4', '2', '1'],
          ['聚焦二', '2', '1', '0'],
          ['聚焦三', '1', '1', '0'],
          ['（未注明聚焦方向）', '1', '0', '0'],
        ]);
        sentences.forEach((s, i) => expect(s).to.equal(`${rows[i]![0]}：${rows[i]![1]} 个问题（共性 ${rows[i]![2]}，个性 ${rows[i]![3]}）`));
        expect([...svg.querySelectorAll('text.value')].map(text)).to.deep.equal(rows.map((r) => r[1]));
        // Bars in proportion to the figures: 4 : 2.
        const widths = [...svg.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('width')));
        expect(widths[0]! / widths[1]!).to.be.closeTo(2, 0.01);
      }
    }
  });

  it('bar labels cut short never read alike: two long unit names keep their ends, the full name is each bar\'s tooltip', async () => {
    const ledger = (closed: number) => ({ version: 1, items: [0, 1].map((i) => ({ id: `Z${i}`, status: i < closed ? 'closed' : 'in-progress', problem: { text: '问题' } })) });
    const names = ['某某县第一中学教育集团总校', '某某县第一中学教育集团分校'];
    const { root } = await mount({ units: names.map((unit, i) => ({ unit, ledger: ledger(i) })) });
    const chart = root.querySelector('[data-chart="completion"]')!;
    const shown = [...chart.querySelectorAll('svg text.label')].map(text);
    expect(shown).to.have.length(2);
    expect(new Set(shown).size, shown.join(' | ')).to.equal(2);
    for (const [i, s] of shown.entries()) expect(s.slice(-1), s).to.equal(names[i]!.slice(-1));
    expect([...chart.querySelectorAll('svg g > title')].map(text)).to.deep.equal(names);
    // One focus area, spelled three ways, is one bar.
    const spelled = ['三、聚焦群众身边腐败问题和不正之风', '聚焦群众身边的腐败问题和不正之风', '聚焦群众身边腐败问题和不正之风'];
    const one = await mount({ units: [{ unit: '甲', ledger: { version: 1, items: spelled.map((f, i) => ({ id: `F${i}`, status: 'in-progress', problem: { text: '问题', focusArea: f } })) } as never }] });
    expect([...one.root.querySelectorAll('[data-chart="focus"] svg g > title')].map(text)).to.deep.equal(['聚焦群众身边腐败问题和不正之风']);
  });

  it('CSV: the download is the table, with the totals; cancelable xc-export', async () => {
    const { el } = await mount({ round: '第三轮' });
    let detail: { format: string; filename: string; text: string } | undefined;
    el.addEventListener('xc-export', (e) => {
      detail = (e as CustomEvent).detail;
      e.preventDefault();
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.export')!.click();
    await new Promise((r) => setTimeout(r, 200));
    expect(detail!.format).to.equal('csv');
    expect(detail!.filename).to.equal(`巡察工作统计-第三轮-${TODAY}.csv`);
    const rows = parseCsv(detail!.text);
    expect(rows.map((r) => r[0])).to.deep.equal(['被巡察单位', '甲乡', '乙村', '丙社区', '合计']);
    expect(rows[4]!.slice(0, 4)).to.deep.equal(['合计', '4', '3', '8']);
    expect(await el.download()).to.equal(false);
  });

  it('figures counted elsewhere (`summary`) are shown as given, totals recounted from the rows', async () => {
    const s = summariseRound(units, { today: TODAY, templates: [template] });
    const { root } = await mount({ units: null, summary: { units: s.units.slice(0, 2), totals: s.totals } });
    expect([...root.querySelectorAll('table.units tbody tr')].length).to.equal(2);
    expect(text(root.querySelector('tfoot [data-figure="interviews"]'))).to.equal('3');
  });

  it('no units, or a value it cannot read: a plain message, no charts', async () => {
    for (const bad of [[], 'nonsense', { units: 'x' }]) {
      const { root } = await mount({ units: bad });
      expect(root.querySelectorAll('svg').length).to.equal(0);
      if (Array.isArray(bad)) expect(text(root.querySelector('.hint'))).to.equal('尚无被巡察单位的数据。');
    }
  });

  it('is accessible (axe), on screen and with the charts\' data open', async () => {
    const { el, root } = await mount();
    await expectAccessible(el);
    for (const d of root.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
    await expectAccessible(el);
  });

  it('the export button and the charts\' data are reachable by keyboard alone, with a visible focus', async () => {
    const { el, root } = await mount();
    const button = root.querySelector<HTMLButtonElement>('button.export')!;
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    const summaries = [...root.querySelectorAll('summary')];
    expect(summaries.length).to.equal(2);
    expect(summaries.every((s) => s.tabIndex === 0)).to.equal(true);
    summaries[0]!.focus();
    expect(getComputedStyle(summaries[0]!).outlineStyle === 'none' && getComputedStyle(summaries[0]!).boxShadow === 'none').to.equal(false);
  });

  it('hostile text in unit names and focus areas stays inert text, on screen and in the CSV', async () => {
    const payloads = await loadPayloads();
    const hostile: UnitRecords[] = payloads.map((p, i) => ({
      unit: p,
      ledger: [{ id: `x${i}`, problem: { text: p, focusArea: p }, measures: [], responsibility: {}, kind: 'deadline', deadline: '2027-01-01', status: 'closed', progress: 100, evidence: [], history: [] }] as never,
    }));
    const { el, root } = await mount({ units: hostile });
    assertInert(root, 'script, img, iframe, math, object, embed, frame, frameset, video, audio, style, link, meta, base, marquee, template, foreignObject, svg svg');
    expect(root.querySelectorAll('svg').length).to.equal(2);
    // Names are shown trimmed, as text.
    const shown = payloads.map((p) => p.trim() || '（未命名单位）');
    expect([...root.querySelectorAll('table.units tbody th')].map((th) => th.textContent)).to.deep.equal(shown);
    const rows = parseCsv(await el.toCsv());
    expect(rows.slice(1, -1).map((r) => r[0])).to.deep.equal(shown);
  });

  it('English: every string of the element in English', async () => {
    const { root } = await mount({ lang: 'en' });
    expect(text(root.querySelector('h2'))).to.equal('Inspection round figures');
    expect(text(root.querySelector('button.export'))).to.equal('Export CSV');
    expect(cells(root.querySelector('tfoot tr')!).slice(0, 4)).to.deep.equal(['Total', '4', '3', '8']);
    expect(text(root.querySelector('figure[data-chart="focus"] figcaption'))).to.equal('Problems found by focus area');
    // Focus areas keep the records' own names (the ledger's are Chinese), so one area is counted once.
    expect(text(root.querySelector('#chart-focus-alt'))).to.contain('聚焦一: 4 problems (2 common, 1 unit-specific)');
    const heads = cells(root.querySelector('table.units thead tr')!);
    expect(heads.filter((h) => /[\u4e00-\u9fff]/.test(h))).to.deep.equal([]);
    expect(heads.slice(0, 3)).to.deep.equal(['Inspected unit', 'One-to-one interviews (persons)', 'Petitions received']);
    expect([...root.querySelectorAll('.keys dt')].map(text).filter((h) => /[\u4e00-\u9fff]/.test(h))).to.deep.equal([]);
  });

  it('without a lang of its own it speaks the language of the page around it, across a shadow root, and follows a change', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><div></div></div>`);
    const host = wrap.firstElementChild!.attachShadow({ mode: 'open' });
    const provider = document.createElement('xc-provider');
    provider.setAttribute('today', TODAY);
    const el = document.createElement('xc-round-summary');
    provider.append(el);
    host.append(provider);
    el.units = units;
    el.templates = [template];
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Inspection round figures');
    wrap.setAttribute('lang', 'zh-CN');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('巡察工作统计');
  });

  it('print: the toolbar and the charts\' data are left out, the table stays', async () => {
    const { root } = await mount();
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(root.querySelector('.toolbar')!).display).to.equal('none');
    expect(getComputedStyle(root.querySelector('.chart-data')!).display).to.equal('none');
    expect(getComputedStyle(root.querySelector('table.units')!).display).to.equal('table');
  });
});

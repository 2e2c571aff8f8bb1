// <xc-round-summary>'s Excel export: the 导出 Excel button beside the CSV one, the cancelable
// xc-export with the workbook's bytes read back with exceljs (one row per unit and 合计, counts as
// numbers, the completion rate as a percent cell, the CSV's columns, hostile names inert), English,
// axe, the CSV still working, and the export on a page under a strict CSP.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/round-summary/index.js';
import '../../src/provider/index.js';
import type { XcRoundSummary } from '../../src/round-summary/xc-round-summary.js';
import type { ExportEventDetail } from '../../src/events/index.js';
import type { UnitRecords } from '../../src/core/round-summary.js';
import { parseCsv } from '../../src/core/rectification/csv.js';
import { readXlsx, cellText } from '../core/office-readers.js';
import { expectAccessible } from '../support/a11y.js';
import { TODAY, template, units } from './fixtures.js';
import { reportFromStrictPage } from '../support/report-frame.js';

const FORMULA = '=cmd|"/c calc"!A1';
const MARKUP = '<img src=x onerror=alert(1)>';
const hostile: UnitRecords[] = [
  ...units,
  { unit: FORMULA, ledger: { version: 1, items: [] } as never },
  { unit: MARKUP },
];

async function mount(lang = 'zh-CN', round = '第三轮', list: UnitRecords[] = units): Promise<XcRoundSummary> {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <xc-provider today=${TODAY}>
      <xc-round-summary lang=${lang} round=${round} .templates=${[template]} .units=${list}></xc-round-summary>
    </xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-round-summary')!;
  await el.updateComplete;
  return el;
}

const button = (el: XcRoundSummary) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-xlsx')!;

/** The workbook of the next xc-export, cancelled (no download in the test). */
async function nextWorkbook(el: XcRoundSummary, start: () => unknown) {
  const seen = oneEvent(el, 'xc-export');
  start();
  const ev = (await seen) as CustomEvent<ExportEventDetail>;
  ev.preventDefault();
  return { detail: ev.detail, sheet: (await readXlsx(ev.detail.bytes!)).worksheets[0]! };
}

const values = (row: { values: unknown }) => (row.values as unknown[]).slice(1);

describe('<xc-round-summary> Excel export', () => {
  it('has an 导出 Excel button beside 导出 CSV; the workbook has one row per unit and 合计, counts as numbers, the rate as a percent', async () => {
    const el = await mount();
    const b = button(el);
    expect(b, 'the Excel button').to.exist;
    expect(b.textContent!.trim()).to.equal('导出 Excel');
    const csvButton = el.shadowRoot!.querySelector<HTMLButtonElement>('button.export')!;
    expect(csvButton.textContent!.trim()).to.equal('导出 CSV');
    expect(b.parentElement).to.equal(csvButton.parentElement);
    const { detail, sheet } = await nextWorkbook(el, () => b.click());
    expect(detail.format).to.equal('xlsx');
    expect(detail.text).to.equal('');
    expect(detail.filename).to.equal(`巡察工作统计-第三轮-${TODAY}.xlsx`);
    expect(sheet.name).to.equal('巡察工作统计：第三轮');
    expect(sheet.actualRowCount).to.equal(5);
    const head = values(sheet.getRow(1)).map((v) => cellText(v as never));
    expect(head.slice(0, 4)).to.deep.equal(['被巡察单位', '个别谈话人次', '信访件数', '发现问题数']);
    expect([2, 3, 4, 5].map((n) => sheet.getRow(n).getCell(1).value)).to.deep.equal(['甲乡', '乙村', '丙社区', '合计']);
    // Counts are numbers, the same figures as on screen.
    expect(values(sheet.getRow(2)).slice(1, 4)).to.deep.equal([3, 2, 4]);
    expect(values(sheet.getRow(5)).slice(1, 4)).to.deep.equal([4, 3, 8]);
    const funds = head.indexOf('挽回（追缴）资金（元）') + 1;
    expect(sheet.getRow(5).getCell(funds).value).to.equal(1200.75);
    const rate = sheet.getRow(5).getCell(head.indexOf('整改完成率') + 1);
    expect(rate.type).to.equal(2); // ValueType.Number
    expect(rate.value).to.be.closeTo(2 / 7, 1e-9);
    expect(rate.numFmt).to.contain('%');
    expect(sheet.getRow(2).getCell(head.indexOf('整改完成率') + 1).value).to.equal(0.25);
    // The focus areas' columns, as in the CSV.
    expect(head.slice(-4)).to.deep.equal(['聚焦一：发现问题数', '聚焦二：发现问题数', '聚焦三：发现问题数', '（未注明聚焦方向）：发现问题数']);
    expect(values(sheet.getRow(2)).slice(-4)).to.deep.equal([2, 1, 1, 0]);
    await expectAccessible(el);
  });

  it('the workbook and the CSV are one table: same heads, same rows, same figures', async () => {
    const el = await mount();
    let csv = '';
    el.addEventListener('xc-export', (e) => {
      if (e.detail.format === 'csv') csv = e.detail.text;
    });
    const { sheet } = await nextWorkbook(el, () => void el.download('xlsx'));
    const seenCsv = oneEvent(el, 'xc-export');
    void el.download();
    ((await seenCsv) as CustomEvent).preventDefault();
    const rows = parseCsv(csv);
    expect(rows.length).to.equal(sheet.actualRowCount);
    rows.forEach((r, i) => {
      const cellsOf = values(sheet.getRow(i + 1));
      expect(cellsOf.length, `row ${i + 1}`).to.equal(r.length);
      r.forEach((c, j) => {
        const x = cellsOf[j];
        const shown = typeof x === 'number' && /%$/.test(c) ? `${(x * 100).toFixed(1)}%` : cellText(x as never);
        expect(shown, `row ${i + 1}, column ${j + 1}`).to.equal(c);
      });
    });
  });

  it('a unit without 整改 items has no rate: an empty cell in the workbook, "—" on screen (not 0 %)', async () => {
    const el = await mount('zh-CN', '第三轮', [...units, { unit: '丁镇' }]);
    const row = [...el.shadowRoot!.querySelectorAll('table.units tbody tr')].find((tr) => tr.querySelector('th')!.textContent!.trim() === '丁镇')!;
    expect(row.querySelector('[data-figure="completionRate"]')!.textContent!.trim()).to.equal('—');
    const { sheet } = await nextWorkbook(el, () => button(el).click());
    const head = values(sheet.getRow(1)).map((v) => cellText(v as never));
    const col = head.indexOf('整改完成率') + 1;
    expect(sheet.getRow(5).getCell(1).value).to.equal('丁镇');
    expect(sheet.getRow(5).getCell(col).value).to.equal(null);
    expect(sheet.getRow(2).getCell(col).value).to.equal(0.25);
  });

  it('hostile unit names stay text in the workbook (no formula, no markup)', async () => {
    const el = await mount('zh-CN', '', hostile);
    const { detail, sheet } = await nextWorkbook(el, () => button(el).click());
    expect(detail.filename).to.equal(`巡察工作统计-${TODAY}.xlsx`);
    const names = Array.from({ length: sheet.actualRowCount }, (_, i) => sheet.getRow(i + 1).getCell(1));
    const formula = names.find((c) => c.value === FORMULA)!;
    expect(formula, 'the formula-like name, as text').to.exist;
    expect(formula.formula).to.equal(undefined);
    expect(formula.type).to.equal(3); // ValueType.String
    expect(names.some((c) => c.value === MARKUP)).to.equal(true);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('English: the button, the heads and 合计 in English; download("xlsx") resolves false when cancelled, true otherwise', async () => {
    const el = await mount('en', '');
    expect(button(el).textContent!.trim()).to.equal('Export Excel');
    el.addEventListener('xc-export', (e) => e.preventDefault(), { once: true });
    expect(await el.download('xlsx')).to.equal(false);
    let bytes: Uint8Array | undefined;
    el.addEventListener('xc-export', (e) => (bytes = e.detail.bytes), { once: true });
    expect(await el.download('xlsx')).to.equal(true);
    const sheet = (await readXlsx(bytes!)).worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).to.equal('Inspected unit');
    expect(sheet.getRow(sheet.actualRowCount).getCell(1).value).to.equal('Total');
    await expectAccessible(el);
  });

  it('exports under a strict Content-Security-Policy with no violation', async () => {
    const r = await reportFromStrictPage<Record<string, unknown>>('/tests/round-summary/round-summary-xlsx-csp-page.ts');
    expect(r.error).to.equal(undefined);
    expect(r.evalBlocked, 'the frame really forbids eval').to.equal(true);
    expect(r.ok).to.equal(true);
    expect(r.format).to.equal('xlsx');
    const sheet = (await readXlsx(r.bytes as Uint8Array)).worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).to.equal(MARKUP);
    expect(sheet.getRow(3).getCell(1).value).to.equal('合计');
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

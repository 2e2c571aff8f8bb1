// <xc-petition-register>'s Excel export: the 导出 Excel button beside 导出 CSV, the cancelable xc-export
// with the workbook's bytes read back with exceljs (the CSV's columns and texts, one row per petition,
// dates as dates, hostile text as text, the 反映人 masked as in the CSV), English, axe, and the export
// on a page under a strict CSP.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/petition/index.js';
import '../../src/provider/index.js';
import type { XcPetitionRegister } from '../../src/petition/xc-petition-register.js';
import type { PetitionRegister } from '../../src/core/petition.js';
import type { ExportEventDetail } from '../../src/events/index.js';
import { parseCsv } from '../../src/core/csv.js';
import { cellText, readXlsx } from '../core/office-readers.js';
import { expectAccessible } from '../support/a11y.js';
import { NAME, PHONE, sampleRegister } from './fixtures.js';
import { reportFromStrictPage } from '../support/report-frame.js';

const TODAY = '2026-11-26';
const FORMULA = '=cmd|"/c calc"!A1';
const MARKUP = '<img src=x onerror=alert(1)>';

/** The sample, with hostile text in a summary, a result and the person concerned. */
function register(): PetitionRegister {
  const r = sampleRegister();
  r.entries.push({
    id: 'd', number: 'XF-2026-004', source: 'online', receivedOn: '2026-11-23', petitioner: { name: '孙丽', contact: '@lisun' },
    concerned: { name: MARKUP }, summary: FORMULA, result: `${MARKUP}\n第二行`, handling: 'to-unit', transferredOn: '2026-11-25',
  });
  return r;
}

async function mount(opts: { role?: string; identityRoles?: string; lang?: string } = {}): Promise<XcPetitionRegister> {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <xc-provider today=${TODAY} user-role=${opts.role ?? 'office'}>
      <xc-petition-register lang=${opts.lang ?? 'zh-CN'} identity-roles=${opts.identityRoles ?? ''} .value=${register()}></xc-petition-register>
    </xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-petition-register')!;
  await el.updateComplete;
  return el;
}

/** Click 导出 Excel and catch the export (cancelled: no file is saved by the test). */
async function clickExcel(el: XcPetitionRegister): Promise<ExportEventDetail> {
  const seen = new Promise<ExportEventDetail>((resolve) =>
    el.addEventListener('xc-export', (e) => {
      e.preventDefault();
      resolve(e.detail);
    }, { once: true }),
  );
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-xlsx')!.click();
  return seen;
}

/** Every cell of the first sheet as text (dates as YYYY-MM-DD), row by row. */
async function cells(bytes: Uint8Array): Promise<{ rows: string[][]; sheet: Awaited<ReturnType<typeof readXlsx>>['worksheets'][number] }> {
  const sheet = (await readXlsx(bytes)).worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const out: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      out.push(v instanceof Date ? v.toISOString().slice(0, 10) : cellText(v));
    }
    rows.push(out);
  });
  return { rows, sheet };
}

describe('<xc-petition-register> Excel export', () => {
  it('导出 Excel beside 导出 CSV: the workbook has the CSV\'s columns and texts, one row per petition, dates as dates, hostile text as text', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    const xlsxButton = root.querySelector<HTMLButtonElement>('button.export-xlsx')!;
    const csvButton = root.querySelector<HTMLButtonElement>('button.export')!;
    expect(xlsxButton.textContent!.trim()).to.equal('导出 Excel');
    expect(csvButton.textContent!.trim()).to.equal('导出 CSV');
    expect(xlsxButton.parentElement).to.equal(csvButton.parentElement);
    await expectAccessible(el);

    const d = await clickExcel(el);
    expect(d.format).to.equal('xlsx');
    expect(d.filename).to.equal('信访件登记-2026-11-26.xlsx');
    expect(d.text).to.equal('');
    expect(d.bytes).to.be.instanceOf(Uint8Array);
    const { rows, sheet } = await cells(d.bytes!);
    expect(sheet.name).to.equal('信访件受理登记');
    // The same texts as the CSV, cell by cell (the dates read back as the same days).
    const csv = parseCsv(el.toCsv());
    expect(rows).to.deep.equal(csv);
    expect(rows.map((r) => r[0])).to.deep.equal(['编号', 'XF-2026-001', 'XF-2026-002', 'XF-2026-003', 'XF-2026-004']);
    const head = rows[0]!;
    // 收件日期 and 转办日期 are real date cells; an empty 转办日期 stays empty.
    const received = sheet.getRow(2).getCell(head.indexOf('收件日期') + 1).value;
    expect(received).to.be.instanceOf(Date);
    expect((received as Date).toISOString().slice(0, 10)).to.equal('2026-11-20');
    const passed = sheet.getRow(3).getCell(head.indexOf('转办日期') + 1).value;
    expect(passed).to.be.instanceOf(Date);
    expect((passed as Date).toISOString().slice(0, 10)).to.equal('2026-11-22');
    expect(sheet.getRow(2).getCell(head.indexOf('转办日期') + 1).value).to.equal(null);
    // Hostile text is text: no formula, the markup as it was typed.
    const summary = sheet.getRow(5).getCell(head.indexOf('内容摘要') + 1);
    expect(summary.formula).to.equal(undefined);
    expect(summary.value).to.equal(FORMULA);
    expect(sheet.getRow(4).getCell(head.indexOf('内容摘要') + 1).value).to.equal('=HYPERLINK("http://x")');
    expect(sheet.getRow(5).getCell(head.indexOf('被反映人') + 1).value).to.equal(MARKUP);
    expect(sheet.getRow(5).getCell(head.indexOf('办理结果') + 1).value).to.equal(`${MARKUP}\n第二行`);
    expect(root.querySelector('img'), 'no markup from the data in the page').to.equal(null);
  });

  it('a role not allowed never finds the 反映人 in any cell; an allowed role does', async () => {
    const hidden = await clickExcel(await mount({ role: 'office', identityRoles: 'leader' }));
    const masked = (await cells(hidden.bytes!)).rows;
    const all = masked.flat().join('\n');
    for (const secret of [NAME, PHONE, '孙丽', '@lisun', '赵建国']) expect(all, secret).not.to.contain(secret);
    const who = masked[0]!.indexOf('反映人');
    expect(masked.slice(1).map((r) => r[who])).to.deep.equal(['（保密）', '匿名', '（保密）', '（保密）']);

    const shown = await clickExcel(await mount({ role: 'leader', identityRoles: 'leader' }));
    const open = (await cells(shown.bytes!)).rows;
    expect(open[1]![who]).to.equal(NAME);
    expect(open[1]![open[0]!.indexOf('联系方式')]).to.equal(PHONE);
  });

  it('exports the petitions shown (filters applied), like the CSV', async () => {
    const el = await mount();
    const category = el.shadowRoot!.querySelector<HTMLSelectElement>('.f-category')!;
    category.value = '三资管理';
    category.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const { rows } = await cells((await clickExcel(el)).bytes!);
    expect(rows.map((r) => r[0])).to.deep.equal(['编号', 'XF-2026-001', 'XF-2026-003']);
  });

  it('download("xlsx") resolves false when a listener cancels, true otherwise; English on an English page', async () => {
    const el = await mount({ lang: 'en' });
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button.export-xlsx')!.textContent!.trim()).to.equal('Export Excel');
    expect(el.shadowRoot!.querySelector('button.export')!.textContent!.trim()).to.equal('Export CSV');
    el.addEventListener('xc-export', (e) => e.preventDefault(), { once: true });
    expect(await el.download('xlsx')).to.equal(false);
    let detail: ExportEventDetail | undefined;
    el.addEventListener('xc-export', (e) => (detail = e.detail), { once: true });
    expect(await el.download('xlsx')).to.equal(true);
    expect(detail!.filename).to.equal('petitions-2026-11-26.xlsx');
    const { rows, sheet } = await cells(detail!.bytes!);
    expect(sheet.name).to.equal('Petition register');
    expect(rows[0]).to.deep.equal(parseCsv(el.toCsv())[0]);
    expect(rows[0]).to.include('Received on').and.include('Petitioner');
    expect(rows[1]![3]).to.equal('(confidential)');
    // The CSV call is as it was.
    el.addEventListener('xc-export', (e) => e.preventDefault(), { once: true });
    expect(el.download()).to.equal(false);
  });

  it('exports under a strict Content-Security-Policy with no violation', async () => {
    const r = await reportFromStrictPage<Record<string, unknown>>('/tests/petition/petition-xlsx-csp-page.ts');
    expect(r.error).to.equal(undefined);
    expect(r.evalBlocked, 'the frame really forbids eval').to.equal(true);
    expect(r.ok).to.equal(true);
    expect(r.format).to.equal('xlsx');
    const { rows } = await cells(r.bytes as Uint8Array);
    expect(rows[1]![0]).to.equal('XF-2026-001');
    expect(rows[1]![rows[0]!.indexOf('内容摘要')]).to.equal(MARKUP);
    expect(rows.flat().join('\n')).not.to.contain(NAME);
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

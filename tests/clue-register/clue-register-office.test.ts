// <xc-clue-register>'s Office exports: 导出 Excel beside 导出 CSV (the workbook read back with exceljs:
// the CSV's columns and texts, one row per clue, 移交日期/回复期限/回复日期 as dates, the light in words)
// and a 移交单's 导出 Word beside its print button (read back with mammoth: the printed sheet's title,
// number, 移交对象, date, table and signature lines, nothing of a 反映人), hostile text as text,
// English, axe, and both exports on a page under a strict CSP.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/clue-register/index.js';
import '../../src/provider/index.js';
import type { XcClueRegister } from '../../src/clue-register/xc-clue-register.js';
import type { ClueRegister } from '../../src/core/clue-register.js';
import type { ExportEventDetail } from '../../src/events/index.js';
import { parseCsv } from '../../src/core/csv.js';
import { cellText, readDocx, readXlsx } from '../core/office-readers.js';
import { expectAccessible } from '../support/a11y.js';
import { sampleClueRegister } from './fixtures.js';
import { reportFromStrictPage } from '../support/report-frame.js';

const TODAY = '2026-11-30';
const FORMULA = '=cmd|"/c calc"!A1';
const MARKUP = '<img src=x onerror=alert(1)>';
/** A name a host's value carries where the register has no place for it: no export may write it. */
const REPORTER = '王秀兰';

/** The sample, with a replied clue on the sheet, hostile text, the receiving body named, and a stray 反映人. */
function register(): ClueRegister {
  const r = sampleClueRegister();
  r.clues.push({
    id: 'd', number: 'XS-2026-004', source: { kind: 'manual' }, mainProblem: MARKUP, personConcerned: { name: '钱某', unit: FORMULA }, suggestion: `${FORMULA}\n第二行`,
    state: 'replied', receiver: 'discipline', sheetId: 'YJ-2026-01', transferredOn: '2026-08-01', replyDue: '2026-11-01', reply: { disposal: 'hold', on: '2026-10-20', note: FORMULA },
    reporter: { name: REPORTER },
  });
  r.transfers![0]!.clueIds.push('d');
  r.transfers![0]!.receiverUnit = '区纪委监委';
  (r.transfers![0] as Record<string, unknown>)['reporter'] = REPORTER;
  return r;
}

async function mount(opts: { lang?: string; role?: string } = {}): Promise<XcClueRegister> {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <xc-provider today=${TODAY} user-role=${opts.role ?? 'preparer'}>
      <xc-clue-register lang=${opts.lang ?? 'zh-CN'} .value=${register()}></xc-clue-register>
    </xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-clue-register')!;
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
  return el;
}

/** Click a button of the register and catch its export (cancelled: no file is saved by the test). */
async function click(el: XcClueRegister, selector: string): Promise<ExportEventDetail> {
  const seen = new Promise<ExportEventDetail>((resolve) =>
    el.addEventListener('xc-export', (e) => {
      e.preventDefault();
      resolve(e.detail);
    }, { once: true }),
  );
  el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!.click();
  return seen;
}

type Sheet = Awaited<ReturnType<typeof readXlsx>>['worksheets'][number];
/** Every cell of the first sheet as text (dates as YYYY-MM-DD), row by row. */
async function cells(bytes: Uint8Array): Promise<{ rows: string[][]; sheet: Sheet }> {
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

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** The tables of a document's HTML (from mammoth), as rows of cell texts. */
function tablesOf(docHtml: string): string[][][] {
  const doc = new DOMParser().parseFromString(docHtml, 'text/html');
  for (const br of doc.querySelectorAll('br')) br.replaceWith('\n'); // a line break within a cell
  return [...doc.querySelectorAll('table')].map((t) => [...t.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => norm(c.textContent))));
}

describe('<xc-clue-register> Excel and Word export', () => {
  it('导出 Excel beside 导出 CSV: the CSV\'s columns and texts, one row per clue, dates as dates, the light in words, hostile text as text', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    const xlsx = root.querySelector<HTMLButtonElement>('button.export-xlsx')!;
    const csv = root.querySelector<HTMLButtonElement>('button.export')!;
    expect(xlsx.textContent!.trim()).to.equal('导出 Excel');
    expect(csv.textContent!.trim()).to.equal('导出 CSV');
    expect(xlsx.parentElement).to.equal(csv.parentElement);

    const d = await click(el, 'button.export-xlsx');
    expect(d.format).to.equal('xlsx');
    expect(d.filename).to.equal('问题线索台账-2026-11-30.xlsx');
    const { rows, sheet } = await cells(d.bytes!);
    expect(sheet.name).to.equal('问题线索台账');
    expect(rows).to.deep.equal(parseCsv(el.toCsv()));
    expect(rows.map((r) => r[0])).to.deep.equal(['线索编号', 'XS-2026-001', 'XS-2026-002', 'XS-2026-003', 'XS-2026-004']);
    const head = rows[0]!;
    const at = (row: number, label: string) => sheet.getRow(row).getCell(head.indexOf(label) + 1);
    for (const [label, day] of [['移交日期', '2026-08-01'], ['回复期限', '2026-11-01']] as const) {
      expect(at(2, label).value, label).to.be.instanceOf(Date);
      expect((at(2, label).value as Date).toISOString().slice(0, 10)).to.equal(day);
    }
    expect(at(5, '回复日期').value).to.be.instanceOf(Date);
    expect((at(5, '回复日期').value as Date).toISOString().slice(0, 10)).to.equal('2026-10-20');
    expect(at(3, '移交日期').value, 'no date: an empty cell').to.equal(null);
    expect(at(2, '回复提醒').value).to.equal('红灯：逾期未回复');
    expect(at(5, '主要问题').value).to.equal(MARKUP);
    for (const label of ['回复说明', '被反映人']) {
      expect(at(5, label).formula, label).to.equal(undefined);
      expect(String(at(5, label).value)).to.contain(FORMULA);
    }
    expect(rows.flat().join('\n')).not.to.contain(REPORTER);
  });

  it('a 移交单\'s 导出 Word beside its print button: the printed sheet\'s strings and table as .docx, nothing of a 反映人', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    await el.showSheet('YJ-2026-01');
    await el.updateComplete;
    const printed = root.querySelector<HTMLElement>('[part=print-sheet]')!;
    const word = printed.querySelector<HTMLButtonElement>('button.export-docx')!;
    expect(word.textContent!.trim()).to.equal('导出 Word（移交单）');
    expect(word.parentElement).to.equal(printed.querySelector('button.print')!.parentElement);
    await expectAccessible(el);

    const d = await click(el, '[part=print-sheet] button.export-docx');
    expect(d.format).to.equal('docx');
    expect(d.filename).to.equal('问题线索移交单-YJ-2026-01.docx');
    expect(d.text).to.equal('');
    const doc = await readDocx(d.bytes!);
    const lines = doc.text.split('\n').map(norm).filter(Boolean);
    expect(lines[0]).to.equal('问题线索移交单');
    expect(lines).to.include.members([
      '编号：YJ-2026-01',
      '移交对象：纪检监察机关（区纪委监委）',
      '移交日期：2026年8月1日',
      '共移交问题线索 2 条。 请于 2026年11月1日 前回复处置结果。',
      '移交人：王组员',
      '接收人：赵某',
    ]);
    expect(lines.filter((l) => l.startsWith('签字：'))).to.have.length(2);
    expect(lines.filter((l) => l.startsWith('日期：'))).to.have.length(2);
    // The same strings as the printed sheet: its heading, number, and its table cell by cell.
    expect(lines).to.include.members([norm(printed.querySelector('h3')!.textContent), norm(printed.querySelector('.sheet-number')!.textContent)]);
    const shown = [...printed.querySelectorAll('table tr')].map((tr) => [...tr.children].map((c) => norm(c.textContent)));
    const [table] = tablesOf(doc.html);
    expect(table).to.deep.equal(shown);
    expect(table![0]).to.deep.equal(['序号', '线索编号', '主要问题', '被反映人', '处理建议']);
    expect(table![2]).to.deep.equal(['2', 'XS-2026-004', MARKUP, `钱某 ${FORMULA}`, `${FORMULA} 第二行`]);
    // Hostile text stays text: escaped in mammoth's HTML, never markup.
    expect(doc.html).to.contain('&lt;img src=x onerror=alert(1)&gt;');
    expect(doc.text).not.to.contain(REPORTER);
  });

  it('English: buttons, columns and the sheet in English; a cancelled export resolves false; an unknown sheet gives no file', async () => {
    const el = await mount({ lang: 'en' });
    await new Promise((r) => setTimeout(r, 50));
    await el.showSheet('YJ-2026-01');
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('button.export-xlsx')!.textContent!.trim()).to.equal('Export Excel');
    expect(root.querySelector('button.export')!.textContent!.trim()).to.equal('Export CSV');
    expect(root.querySelector('button.export-docx')!.textContent!.trim()).to.equal('Export Word (hand-over sheet)');
    el.addEventListener('xc-export', (e) => e.preventDefault(), { once: true });
    expect(await el.download('xlsx')).to.equal(false);
    let detail: ExportEventDetail | undefined;
    el.addEventListener('xc-export', (e) => (detail = e.detail), { once: true });
    expect(await el.download('xlsx')).to.equal(true);
    const { rows, sheet } = await cells(detail!.bytes!);
    expect(sheet.name).to.equal('Problem clue register');
    expect(rows[0]).to.deep.equal(parseCsv(el.toCsv())[0]);
    expect(rows[0]).to.include('Reply due').and.include('Replied on');

    const fired: ExportEventDetail[] = [];
    el.addEventListener('xc-export', (e) => {
      e.preventDefault();
      fired.push(e.detail);
    });
    expect(await el.downloadTransfer('YJ-2026-01')).to.equal(false);
    expect(fired.map((f) => f.format)).to.deep.equal(['docx']);
    const doc = await readDocx(fired[0]!.bytes!);
    const lines = doc.text.split('\n').map(norm).filter(Boolean);
    expect(lines[0]).to.equal('Problem clue transfer sheet');
    expect(lines).to.include.members(['No. YJ-2026-01', 'Transfer to: Discipline inspection and supervision organ (区纪委监委)', 'Handed over by: 王组员', 'Received by: 赵某']);
    expect(tablesOf(doc.html)[0]![0]).to.deep.equal(['No.', 'Clue no.', 'Main problem', 'Person concerned', 'Suggested handling']);
    expect(await el.downloadTransfer('no-such-sheet')).to.equal(false);
    expect(fired).to.have.length(1);
    // The CSV call is as it was.
    expect(el.download()).to.equal(false);
    expect(fired.map((f) => f.format)).to.deep.equal(['docx', 'csv']);
  });

  it('exports Excel and Word under a strict Content-Security-Policy with no violation', async () => {
    const r = await reportFromStrictPage<Record<string, unknown>>('/tests/clue-register/clue-register-office-csp-page.ts');
    expect(r.error).to.equal(undefined);
    expect(r.evalBlocked, 'the frame really forbids eval').to.equal(true);
    expect(r.ok).to.equal(true);
    expect(r.formats).to.deep.equal(['xlsx', 'docx']);
    const [xlsx, docx] = r.bytes as Uint8Array[];
    const { rows } = await cells(xlsx!);
    expect(rows[1]![0]).to.equal('XS-2026-001');
    expect(rows[1]![rows[0]!.indexOf('主要问题')]).to.equal(MARKUP);
    const doc = await readDocx(docx!);
    expect(doc.text).to.contain('问题线索移交单').and.contain(MARKUP);
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

// The Word and Excel writers of src/core/office, checked by opening what they write with reader
// libraries (exceljs, mammoth: test-only dependencies) in real Chromium.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { writeXlsx, toSerial } from '../../src/core/office/xlsx.js';
import { writeDocx } from '../../src/core/office/docx.js';
import { ledgerToXlsx } from '../../src/core/office/ledger-xlsx.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { loadPayloads } from '../support/xss.js';
import { readXlsx, readDocx, cellText } from './office-readers.js';

const F1 = '聚焦党的理论路线方针政策和党中央决策部署情况';
const CREATED = { at: '2026-11-01T09:00:00+08:00', by: '区委第二巡察组', role: 'office', from: null, to: 'not-started' } as const;

function item(over: Partial<RectificationItem> & { id: string }): RectificationItem {
  return {
    problem: { text: '理论学习中心组全年集中学习仅2次', focusArea: F1 },
    measures: [{ id: 'M-001', text: '制定年度学习计划' }, { id: 'M-002', text: '每月集中学习' }],
    responsibility: { leader: '王局长', department: '办公室', person: '李明' },
    kind: 'deadline',
    deadline: '2026-12-31',
    status: 'in-progress',
    progress: 40,
    evidence: [],
    history: [{ ...CREATED }],
    ...over,
  };
}

function ledger(): RectificationLedger {
  return {
    version: 1,
    title: '区农业农村局巡察反馈问题整改台账',
    items: [
      item({ id: 'ZG-001' }),
      item({
        id: 'ZG-002',
        problem: { text: '=HYPERLINK("http://evil.example","点我")', focusArea: F1 },
        deadline: '2026-11-30',
        extensions: [{ id: 'E-1', at: '2026-11-20T09:00:00+08:00', by: '赵芳', deadline: '2027-01-15', reason: '待审计', decision: { at: '2026-11-21T09:00:00+08:00', by: '陈主任', approved: true } }],
      } as Partial<RectificationItem> & { id: string }),
      item({ id: 'ZG-003', status: 'closed', progress: 100, verifier: '陈主任', closedAt: '2026-11-25T10:00:00+08:00', deadline: '不是日期' }),
    ],
  };
}

describe('Office writers: .xlsx', () => {
  it('writes the ledger with one row per item, dates as dates, and reads back with exceljs', async () => {
    const bytes = await ledgerToXlsx(ledger(), 'zh-CN');
    const book = await readXlsx(bytes);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).to.equal('区农业农村局巡察反馈问题整改台账');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).to.include.members(['编号', '整改时限', '延期后时限', '整改状态']);
    expect(header.indexOf('延期后时限')).to.equal(header.indexOf('整改时限') + 1);
    expect(sheet.getCell('A1').font?.bold).to.equal(true);
    expect(sheet.views[0]).to.include({ state: 'frozen', ySplit: 1 });
    expect(sheet.actualRowCount).to.equal(4);
    const col = (label: string) => header.indexOf(label) + 1;
    const row = (n: number) => sheet.getRow(n);
    expect(row(2).getCell(col('编号')).value).to.equal('ZG-001');
    expect(row(4).getCell(col('编号')).value).to.equal('ZG-003');
    // A date cell IS a date: exceljs gives a Date (a number with a date format), not text.
    const deadline = row(2).getCell(col('整改时限'));
    expect(deadline.value).to.be.instanceOf(Date);
    expect((deadline.value as Date).toISOString().slice(0, 10)).to.equal('2026-12-31');
    expect(deadline.numFmt).to.match(/yyyy/);
    const extended = row(3).getCell(col('延期后时限')).value as Date;
    expect(extended).to.be.instanceOf(Date);
    expect(extended.toISOString().slice(0, 10)).to.equal('2027-01-15');
    expect((row(3).getCell(col('整改时限')).value as Date).toISOString().slice(0, 10)).to.equal('2026-11-30');
    expect((row(4).getCell(col('销号日期')).value as Date).toISOString().slice(0, 10)).to.equal('2026-11-25');
    // Not a date stays text: nothing lost.
    expect(row(4).getCell(col('整改时限')).value).to.equal('不是日期');
    expect(row(2).getCell(col('整改进度（%）')).value).to.equal(0.4);
    // A value starting with = is text, never a formula.
    const formula = row(3).getCell(col('问题描述'));
    expect(formula.type).to.not.equal(6 /* ExcelJS.ValueType.Formula */);
    expect(formula.formula).to.equal(undefined);
    expect(formula.value).to.equal('=HYPERLINK("http://evil.example","点我")');
    // Multi-line cells keep their lines.
    expect(row(2).getCell(col('整改措施')).value).to.equal('1. 制定年度学习计划\n2. 每月集中学习');
  });

  it('keeps Chinese, XSS payloads and formula-like text as exact text; drops characters XML forbids', async () => {
    const payloads = await loadPayloads();
    const hostile = [...payloads, '=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', ' 前后空格 ', '整改\r\n完成', 'a_x0041_b', '😀 表情'];
    const bytes = await writeXlsx({ sheets: [{ name: 'a/b:c*?[x]', columns: [{ header: '内容', width: 50 }, { header: '数', type: 'number' }], rows: hostile.map((t, i) => [t, i]) }, { name: 'a/b:c*?[x]', columns: [{ header: '控制' }], rows: [['a\u0001b\u0008c\uFFFEd']] }] });
    const book = await readXlsx(bytes);
    expect(book.worksheets.map((s) => s.name)).to.deep.equal(['a b c   x', 'a b c   x (2)']);
    const sheet = book.worksheets[0]!;
    expect(sheet.actualRowCount).to.equal(hostile.length + 1);
    hostile.forEach((t, i) => {
      const c = sheet.getRow(i + 2).getCell(1);
      expect(c.formula, t).to.equal(undefined);
      expect(cellText(c.value), t).to.equal(t);
      expect(sheet.getRow(i + 2).getCell(2).value).to.equal(i);
    });
    expect(book.worksheets[1]!.getCell('A2').value).to.equal('abcd');
  });

  it('reads dates, date-times and percentages by their column type', async () => {
    const bytes = await writeXlsx({
      sheets: [{
        name: '日期',
        columns: [{ header: 'd', type: 'date' }, { header: 'dt', type: 'datetime' }, { header: 'p', type: 'percent' }],
        rows: [['2026-02-28', new Date(2026, 1, 28, 14, 30), 0.25], ['2026-02-30', 'x', 'y'], [null, '', undefined]],
      }],
    });
    const sheet = (await readXlsx(bytes)).worksheets[0]!;
    expect((sheet.getCell('A2').value as Date).toISOString()).to.equal('2026-02-28T00:00:00.000Z');
    // exceljs reads a serial as that wall time in UTC: the local time written is 14:30.
    expect((sheet.getCell('B2').value as Date).toISOString()).to.equal('2026-02-28T14:30:00.000Z');
    expect(sheet.getCell('C2').value).to.equal(0.25);
    expect(sheet.getCell('C2').numFmt).to.equal('0%');
    expect(sheet.getCell('A3').value).to.equal('2026-02-30');
    expect(sheet.getCell('A4').value).to.equal(null);
    expect(toSerial('1970-01-01', false)).to.equal(25569);
    expect(toSerial('2026-11-26', false)).to.equal(46352);
  });

  it('keeps a date-time written with its offset as written, whatever the machine’s time zone; percent decimals; a text longer than a cell holds is cut, not refused', async () => {
    const long = '长'.repeat(40_000);
    const bytes = await writeXlsx({
      sheets: [{
        name: '时区',
        columns: [{ header: 'd', type: 'date' }, { header: 'dt', type: 'datetime' }, { header: 'p1', type: 'percent', decimals: 1 }, { header: 't' }, { header: 'x', type: 'money' as never }],
        rows: [
          ['2026-12-05T02:00:00+08:00', '2026-12-05T08:30:00+08:00', 0.625, long, 12.5],
          ['2026-12-04T23:30:00-05:00', '2026-12-04T23:30:00Z', 1, 'a', 'b'],
        ],
      }],
    });
    const sheet = (await readXlsx(bytes)).worksheets[0]!;
    // The office's own date and time, not the browser's (a server in UTC would have said 12-04 and 00:30).
    expect((sheet.getCell('A2').value as Date).toISOString()).to.equal('2026-12-05T00:00:00.000Z');
    expect((sheet.getCell('B2').value as Date).toISOString()).to.equal('2026-12-05T08:30:00.000Z');
    expect((sheet.getCell('A3').value as Date).toISOString()).to.equal('2026-12-04T00:00:00.000Z');
    expect((sheet.getCell('B3').value as Date).toISOString()).to.equal('2026-12-04T23:30:00.000Z');
    expect(sheet.getCell('C2').value).to.equal(0.625);
    expect(sheet.getCell('C2').numFmt).to.equal('0.0%');
    const cut = cellText(sheet.getCell('D2').value);
    expect(cut.length).to.be.at.most(32_767);
    expect(cut.endsWith('…')).to.equal(true);
    expect(cut.startsWith('长'.repeat(1000))).to.equal(true);
    expect(sheet.getCell('E2').value, 'an unknown type is text').to.equal('12.5');
  });

  it('the ledger’s 销号日期 is the office’s own date, else the day of the history’s 销号 entry', async () => {
    const closedItem = (over: Partial<RectificationItem>) =>
      item({ id: 'ZG-9', status: 'closed', verifier: '秦振华', evidence: [{ title: '整改报告' }], ...over });
    const bytes = await ledgerToXlsx({ title: 'T', items: [
      closedItem({ closedAt: '2026-12-05T02:00:00+08:00' }),
      closedItem({ id: 'ZG-10', history: [{ ...CREATED }, { at: '2026-12-06T01:00:00+08:00', by: '秦振华', role: 'office', from: 'pending-verification', to: 'closed' }] }),
    ] }, 'zh-CN');
    const sheet = (await readXlsx(bytes)).worksheets[0]!;
    const col = (sheet.getRow(1).values as unknown[]).findIndex((v) => cellText(v as never) === '销号日期');
    expect((sheet.getRow(2).getCell(col).value as Date).toISOString().slice(0, 10)).to.equal('2026-12-05');
    expect((sheet.getRow(3).getCell(col).value as Date).toISOString().slice(0, 10)).to.equal('2026-12-06');
  });

  it('writes the headers in English', async () => {
    const sheet = (await readXlsx(await ledgerToXlsx({ ...ledger(), title: '' }, 'en'))).worksheets[0]!;
    expect(sheet.name).to.equal('Rectification ledger');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).to.include('Status');
  });
});

describe('Office writers: .docx', () => {
  it('writes headings, paragraphs, a table and signature lines that mammoth reads back in order', async () => {
    const bytes = await writeDocx({
      title: '谈话笔录',
      page: 'A4',
      blocks: [
        { kind: 'heading', level: 1, text: '一、基本情况' },
        { kind: 'paragraph', text: '谈话时间：2026年11月26日\n谈话地点：区委第二巡察组驻地' },
        { kind: 'heading', level: 2, text: '（一）反映的问题' },
        { kind: 'table', header: ['序号', '问题', '整改时限'], rows: [['1', '公务用车<b>无派车单</b>', '2026-12-31'], ['2', '=1+1 & "引号"', '']] },
        { kind: 'paragraph', text: '<script>alert(1)</script>' },
        { kind: 'signature', lines: ['谈话人（签名）：', '记录人（签名）：', '日期：    年  月  日'] },
      ],
    });
    const { html, text } = await readDocx(bytes);
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    expect(doc.querySelector('h1')?.textContent).to.equal('一、基本情况');
    expect(doc.querySelector('h2')?.textContent).to.equal('（一）反映的问题');
    expect(doc.querySelector('script')).to.equal(null);
    const rows = [...doc.querySelectorAll('table tr')].map((tr) => [...tr.querySelectorAll('td,th')].map((c) => c.textContent));
    expect(rows).to.deep.equal([['序号', '问题', '整改时限'], ['1', '公务用车<b>无派车单</b>', '2026-12-31'], ['2', '=1+1 & "引号"', '']]);
    const order = ['谈话笔录', '一、基本情况', '谈话时间：2026年11月26日', '谈话地点：区委第二巡察组驻地', '（一）反映的问题', '公务用车<b>无派车单</b>', '<script>alert(1)</script>', '谈话人（签名）：', '记录人（签名）：', '日期：    年  月  日'];
    let at = -1;
    for (const piece of order) {
      const i = text.indexOf(piece, at + 1);
      expect(i, `"${piece}" after position ${at}`).to.be.greaterThan(at);
      at = i;
    }
  });

  it('names the page A4 and the fonts by family only', async () => {
    const bytes = await writeDocx({ title: 't', blocks: [{ kind: 'paragraph', text: 'x' }] });
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    expect(Object.keys(files).some((f) => /\.(ttf|otf|odttf)$/.test(f))).to.equal(false);
    expect(strFromU8(files['word/document.xml']!)).to.contain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(strFromU8(files['word/styles.xml']!)).to.contain('w:eastAsia="宋体"');
  });
});

describe('Office writers: any text', () => {
  it('any string round-trips through .xlsx as exact text (less the characters XML 1.0 forbids), and through .docx', async () => {
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('=1+1', '_x0041_', ' a ', '\r\n', '<w:t>', ']]>')), { minLength: 1, maxLength: 12 }), async (texts) => {
        const sheet = (await readXlsx(await writeXlsx({ sheets: [{ name: 'x', columns: [{ header: 'h' }], rows: texts.map((t) => [t]) }] }))).worksheets[0]!;
        texts.forEach((t, i) => {
          const want = t.replace(forbidden, '');
          const c = sheet.getRow(i + 2).getCell(1);
          expect(c.formula).to.equal(undefined);
          expect(cellText(c.value), JSON.stringify(t)).to.equal(want === '' ? '' : want);
        });
        const { text } = await readDocx(await writeDocx({ title: '', blocks: texts.map((t) => ({ kind: 'paragraph' as const, text: t })) }));
        for (const t of texts) {
          const words = t.replace(forbidden, '').split(/\s+/).filter((w) => w.length > 0);
          for (const w of words) expect(text, JSON.stringify(t)).to.contain(w);
        }
      }),
      { numRuns: 40, seed: 2026 },
    );
  });
});

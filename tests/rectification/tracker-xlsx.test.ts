// <xc-rectification-tracker>'s Excel export: the toolbar's button, the cancelable xc-export with the
// workbook's bytes (read back with exceljs), and the export on a page under a strict CSP.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import type { ExportEventDetail } from '../../src/events/index.js';
import { readXlsx } from '../core/office-readers.js';
import { expectAccessible } from '../support/a11y.js';
import { reportFromStrictPage } from '../support/report-frame.js';

const F1 = '聚焦党的理论路线方针政策和党中央决策部署情况';
const CREATED = { at: '2026-11-01T09:00:00+08:00', by: '区委第二巡察组', role: 'office', from: null, to: 'not-started' } as const;
const item = (id: string, over: Partial<RectificationItem> = {}): RectificationItem => ({
  id,
  problem: { text: `问题${id}`, focusArea: F1 },
  measures: [{ id: 'M-001', text: '制定计划' }],
  responsibility: { leader: '王局长', department: '办公室', person: '李明' },
  kind: 'deadline',
  deadline: '2026-12-31',
  status: 'not-started',
  progress: 0,
  evidence: [],
  history: [{ ...CREATED }],
  ...over,
});

function ledger(): RectificationLedger {
  return {
    version: 1,
    title: '区农业农村局整改台账',
    items: [item('ZG-001'), item('ZG-002', { problem: { text: '=cmd|"/c calc"!A1', focusArea: F1 }, deadline: '2026-11-30' }), item('ZG-003')],
  };
}

async function mount(lang = 'zh-CN'): Promise<XcRectificationTracker> {
  const provider = await fixture(html`<xc-provider today="2026-11-26" user-role="office"
    ><xc-rectification-tracker lang=${lang} .value=${ledger()}></xc-rectification-tracker
  ></xc-provider>`);
  const el = provider.querySelector('xc-rectification-tracker') as XcRectificationTracker;
  await el.updateComplete;
  return el;
}

const button = (el: XcRectificationTracker) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-xlsx')!;

describe('<xc-rectification-tracker> Excel export', () => {
  it('has an 导出 Excel button beside the CSV and JSON ones; clicking it fires xc-export with the workbook', async () => {
    const el = await mount();
    const b = button(el);
    expect(b, 'the Excel button').to.exist;
    expect(b.textContent!.trim()).to.equal('导出 Excel');
    expect(el.shadowRoot!.querySelector('button.export-csv')!.textContent!.trim()).to.equal('导出 CSV');
    expect(b.closest('.tools')).to.equal(el.shadowRoot!.querySelector('button.export-csv')!.closest('.tools'));
    const seen = oneEvent(el, 'xc-export');
    b.click();
    const ev = (await seen) as CustomEvent<ExportEventDetail>;
    ev.preventDefault();
    expect(ev.detail.format).to.equal('xlsx');
    expect(ev.detail.filename).to.equal('区农业农村局整改台账-2026-11-26.xlsx');
    expect(ev.detail.bytes).to.be.instanceOf(Uint8Array);
    const sheet = (await readXlsx(ev.detail.bytes!)).worksheets[0]!;
    expect(sheet.actualRowCount).to.equal(4);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).to.equal('编号');
    expect([2, 3, 4].map((n) => sheet.getRow(n).getCell(1).value)).to.deep.equal(['ZG-001', 'ZG-002', 'ZG-003']);
    const deadline = sheet.getRow(3).getCell(header.indexOf('整改时限') + 1).value as Date;
    expect(deadline).to.be.instanceOf(Date);
    expect(deadline.toISOString().slice(0, 10)).to.equal('2026-11-30');
    const problem = sheet.getRow(3).getCell(header.indexOf('问题描述') + 1);
    expect(problem.formula).to.equal(undefined);
    expect(problem.value).to.equal('=cmd|"/c calc"!A1');
    await expectAccessible(el);
  });

  it('download("xlsx") resolves false when a listener cancels, true otherwise; English headers on an English page', async () => {
    const el = await mount('en');
    el.addEventListener('xc-export', (e) => e.preventDefault(), { once: true });
    expect(await el.download('xlsx')).to.equal(false);
    expect(button(el).textContent!.trim()).to.equal('Export Excel');
    let bytes: Uint8Array | undefined;
    el.addEventListener('xc-export', (e) => (bytes = e.detail.bytes), { once: true });
    expect(await el.download('xlsx')).to.equal(true);
    const sheet = (await readXlsx(bytes!)).worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).to.include('Extended deadline');
  });

  it('exports under a strict Content-Security-Policy with no violation', async () => {
    const r = await reportFromStrictPage<Record<string, unknown>>('/tests/rectification/tracker-xlsx-csp-page.ts');
    expect(r.error).to.equal(undefined);
    expect(r.evalBlocked, 'the frame really forbids eval').to.equal(true);
    expect(r.ok).to.equal(true);
    expect(r.format).to.equal('xlsx');
    const sheet = (await readXlsx(r.bytes as Uint8Array)).worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).to.equal('ZG-001');
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

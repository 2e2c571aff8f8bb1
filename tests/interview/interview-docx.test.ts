// <xc-interview-form>'s Word export: the 导出 Word button beside the print button, the cancelable
// xc-export with the document's bytes (read back with mammoth: the print's title, fields, signature
// lines and fingerprint line; hostile text as text), English, and the standalone bundle under a
// strict CSP. Needs `npm run build` (dist/) for the last test.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/interview/index.js';
import '../../src/provider/index.js';
import type { XcInterviewForm } from '../../src/interview/xc-interview-form.js';
import type { XcClueSheet } from '../../src/interview/xc-clue-sheet.js';
import type { ExportEventDetail } from '../../src/events/index.js';
import { sign } from '../../src/core/fingerprint.js';
import { filledInterview } from '../fixtures/records.js';
import { readDocx } from '../core/office-readers.js';
import { expectAccessible } from '../support/a11y.js';
import { settle } from '../form/helpers.js';
import { reportFromStrictPage } from '../support/report-frame.js';

const NOW = '2026-11-26T10:45:00+08:00';
const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=cmd|"/c calc"!A1';

/** The filled record with hostile text in an answer and a problem. */
function hostile(): Record<string, unknown> {
  const r = filledInterview();
  (r['transcript'] as { answer: string }[])[1]!.answer = XSS;
  (r['problems'] as { summary: string }[])[1]!.summary = FORMULA;
  return r;
}

async function mount(value: unknown, lang = 'zh-CN', today = NOW): Promise<XcInterviewForm> {
  const p = await fixture(html`<xc-provider today=${today}><xc-interview-form lang=${lang} .value=${value}></xc-interview-form></xc-provider>`);
  const el = p.querySelector('xc-interview-form') as XcInterviewForm;
  await settle(el);
  return el;
}

const button = (el: XcInterviewForm | XcClueSheet) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-docx')!;
const parse = (h: string) => new DOMParser().parseFromString(`<body>${h}</body>`, 'text/html').body;

/** Click 导出 Word and take the file from the (cancelled) xc-export. */
async function exported(el: XcInterviewForm | XcClueSheet): Promise<ExportEventDetail> {
  const seen = oneEvent(el, 'xc-export');
  button(el).click();
  const ev = (await seen) as CustomEvent<ExportEventDetail>;
  ev.preventDefault();
  return ev.detail;
}

/** Each piece is found in `text` after the one before it. */
function inOrder(text: string, pieces: string[]) {
  let at = -1;
  for (const piece of pieces) {
    const i = text.indexOf(piece, at + 1);
    expect(i, `"${piece}" after position ${at}`).to.be.greaterThan(at);
    at = i;
  }
}

describe('<xc-interview-form> Word export', () => {
  it('has an 导出 Word button beside the print button; clicking it gives the 谈话笔录 as .docx', async () => {
    const el = await mount(hostile());
    const b = button(el);
    expect(b, 'the Word button').to.exist;
    expect(b.textContent!.trim()).to.equal('导出 Word');
    expect(b.previousElementSibling!.textContent!.trim()).to.equal('打印谈话笔录');
    const d = await exported(el);
    expect(d.format).to.equal('docx');
    expect(d.filename).to.equal('谈话笔录-赵六.docx');
    expect(d.text).to.equal('');
    expect(d.bytes).to.be.instanceOf(Uint8Array);
    const { html: h, text } = await readDocx(d.bytes!);
    const doc = parse(h);
    expect(doc.querySelector('p')!.textContent).to.equal('个别谈话笔录');
    inOrder(text, [
      '个别谈话笔录', '注意保密', '编号：区委第一巡察组-谈-007',
      '谈话对象', '赵六（区农业农村局 科员 中共党员）', '开始时间', '2026年11月26日 09:30（UTC+08:00）', '谈话地点', '巡察组谈话室',
      '谈话人', '张三（区委第一巡察组 组长）、李四（区委第一巡察组 副组长）', '记录人', '王五（区委第一巡察组）', '谈话类型', '一般干部谈话',
      '谈话提纲：聚焦群众身边腐败问题和不正之风', '第1问', '问：请谈谈本单位落实中央八项规定精神的情况。', '答：春节前单位发放过购物卡，每人800元。',
      '第2问', `答：${XSS}`, '问题2', `问题摘要：${FORMULA}`, '确认意见：以上记录我已看过，与我所讲一致。',
      '谈话人（签字）：', '日期：', '记录人（签字）：', '日期：', '谈话对象（签字）：', '日期：', '本记录尚未签署定稿。',
    ]);
    expect(text.match(/记录编号/g), 'the number is in the head line only, as in print').to.equal(null);
    expect(doc.querySelector('img'), 'hostile text stays text').to.equal(null);
    await expectAccessible(el);
  });

  it('a signed record exports with its SHA-256 fingerprint line; the button is there once it is locked', async () => {
    const signed = await sign(filledInterview(), NOW);
    const el = await mount(signed);
    expect(el.signed).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part=sign]')).to.equal(null);
    const { text } = await readDocx((await exported(el)).bytes!);
    expect(text).to.contain(`记录指纹（SHA-256）：${signed.signature.digest}`);
    expect(text).not.to.contain('本记录尚未签署定稿');
    await expectAccessible(el);
  });

  it('download("docx") resolves false when a listener cancels, true otherwise; English on an English page', async () => {
    const el = await mount(hostile(), 'en');
    expect(button(el).textContent!.trim()).to.equal('Export Word');
    el.addEventListener('xc-export', (e) => e.preventDefault(), { once: true });
    expect(await el.download('docx')).to.equal(false);
    let detail: ExportEventDetail | undefined;
    el.addEventListener('xc-export', (e) => (detail = e.detail), { once: true });
    expect(await el.download('docx')).to.equal(true);
    expect(detail!.filename).to.equal('Interview record-赵六.docx');
    const { text } = await readDocx(detail!.bytes!);
    inOrder(text, ['Interview record', 'Confidential', 'Interviewee', 'Kind of interview', 'With a general cadre', 'Q: ', 'Interviewers (signature):', 'Date:', 'This record has not been signed.']);
    expect(text).not.to.contain('一般干部谈话');
  });

  it('names the file after the interview date without an interviewee, else today; never with a path or reserved character', async () => {
    const noName = filledInterview();
    delete noName['interviewee'];
    expect((await exported(await mount(noName))).filename).to.equal('谈话笔录-2026-11-26.docx');
    expect((await exported(await mount({}, 'zh-CN', '2026-12-01'))).filename).to.equal('谈话笔录-2026-12-01.docx');
    const odd = filledInterview();
    odd['interviewee'] = { name: '../赵:六*?', unit: '区农业农村局' };
    expect((await exported(await mount(odd))).filename).to.equal('谈话笔录-.._赵_六_.docx');
  });

  it('the standalone bundle exports under a strict Content-Security-Policy with no violation', async () => {
    const r = await reportFromStrictPage<Record<string, unknown>>('/tests/interview/interview-docx-csp-page.ts', { timeout: 20_000 });
    expect(r.error).to.equal(undefined);
    expect(r.evalBlocked, 'the frame really forbids eval').to.equal(true);
    expect(r.ok).to.equal(true);
    expect(r.format).to.equal('docx');
    expect(r.filename).to.equal('谈话笔录-赵六.docx');
    const { html: h, text } = await readDocx(r.bytes as Uint8Array);
    expect(text).to.contain('个别谈话笔录').and.contain(`答：${XSS}`).and.contain('谈话对象（签字）：');
    expect(parse(h).querySelector('img')).to.equal(null);
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

/** A 问题线索登记移交表 transferred to the 区纪委, with hostile text in its problem. */
const clue = () => ({
  clueNo: '区委第一巡察组-线-003',
  source: '个别谈话',
  receivedOn: '2026-11-26',
  reporter: { name: '赵六', unit: '区农业农村局' },
  personConcerned: { name: '钱七', unit: '区农业农村局', post: '办公室主任' },
  mainProblem: `春节前以慰问名义发放购物卡。\n${XSS}`,
  proposedHandling: FORMULA,
  transferTo: '区纪委',
  transferredOn: '2026-11-28',
  receiver: '孙八',
  disposal: '初步核实',
});

async function mountSheet(value: unknown, lang = 'zh-CN', readonly = false): Promise<XcClueSheet> {
  const p = await fixture(html`<xc-provider today="2026-11-30"><xc-clue-sheet lang=${lang} ?readonly=${readonly} .value=${value}></xc-clue-sheet></xc-provider>`);
  const el = p.querySelector('xc-clue-sheet') as XcClueSheet;
  await settle(el);
  return el;
}

describe('<xc-clue-sheet> Word export', () => {
  it('has an 导出 Word button under the submit button; the file has the sheet as printed', async () => {
    const el = await mountSheet(clue());
    expect(button(el).textContent!.trim()).to.equal('导出 Word');
    expect(el.shadowRoot!.querySelector('[part=submit]'), 'the submit button stays').to.exist;
    const d = await exported(el);
    expect(d.format).to.equal('docx');
    expect(d.filename).to.equal('问题线索登记表-区委第一巡察组-线-003.docx');
    const { html: h, text } = await readDocx(d.bytes!);
    const doc = parse(h);
    expect(doc.querySelector('p')!.textContent).to.equal('问题线索登记移交表');
    const head = [...doc.querySelector('table')!.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td')].map((c) => c.textContent!.trim()));
    expect(head).to.deep.include(['线索来源', '个别谈话']);
    expect(head).to.deep.include(['受理日期', '2026年11月26日']);
    expect(head).to.deep.include(['被反映人', '钱七（区农业农村局 办公室主任）']);
    inOrder(text, ['线索编号', '区委第一巡察组-线-003', '主要问题', XSS, '处置与移交', `处理建议：${FORMULA}`, '移交单位：区纪委', '接收人：孙八', '办理结果', '处置结果：初步核实']);
    expect(doc.querySelector('img'), 'hostile text stays text').to.equal(null);
    await expectAccessible(el);
  });

  it('a read-only sheet still exports; English; cancel prevents the download; no number: named after its date', async () => {
    const el = await mountSheet(clue(), 'en', true);
    expect(el.shadowRoot!.querySelector('[part=submit]')).to.equal(null);
    expect(button(el).textContent!.trim()).to.equal('Export Word');
    el.addEventListener('xc-export', (e) => e.preventDefault(), { once: true });
    expect(await el.download('docx')).to.equal(false);
    const d = await exported(el);
    expect(d.filename).to.equal('Clue sheet-区委第一巡察组-线-003.docx');
    const { text } = await readDocx(d.bytes!);
    inOrder(text, ['Source', 'Individual interview', 'Disposal: Preliminary verification']);
    await expectAccessible(el);
    const noNo = clue() as Record<string, unknown>;
    delete noNo['clueNo'];
    expect((await exported(await mountSheet(noNo))).filename).to.equal('问题线索登记表-2026-11-26.docx');
  });
});

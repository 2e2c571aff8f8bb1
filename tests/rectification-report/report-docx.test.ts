// <xc-rectification-report>'s Word export: the 导出 Word buttons (报告, 公开稿) beside print, the
// report as the person edited it read back with mammoth (headings for its parts, the figures as a
// table, the due date, the edits winning over the draft, hostile text as text), the 公开稿 without
// any name of the ledger, a refused 公开稿 giving no xc-export and no bytes while the element shows
// the same message as on screen, a property over random names, English, axe, and a strict CSP.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/rectification-report/index.js';
import '../../src/provider/index.js';
import type { XcRectificationReport } from '../../src/rectification-report/xc-rectification-report.js';
import { draftReport, editParagraph, publicVersion, reportValue, restrictedNames, type ReportValue } from '../../src/core/rectification-report.js';
import { reportToDocx } from '../../src/core/office/report-docx.js';
import { formatDateKey } from '../../src/core/i18n.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import type { ExportEventDetail } from '../../src/events/index.js';
import { readDocx } from '../core/office-readers.js';
import meta, * as stories from '../../stories/rectification-report.stories.js';
import { expectAccessible } from '../support/a11y.js';
import { F1, F2, F3, TODAY, item, knownLedger } from './fixtures.js';
import { reportFromStrictPage } from '../support/report-frame.js';

const FORMULA = '=cmd|"/c calc"!A1';
const MARKUP = '<img src=x onerror=alert(1)>';

async function settle(el: XcRectificationReport): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
  await el.updateComplete;
}

async function mount(opts: { ledger?: RectificationLedger; lang?: string; mode?: string } = {}) {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <xc-provider today=${TODAY}>
      <xc-rectification-report lang=${opts.lang ?? 'zh-CN'} mode=${opts.mode ?? 'report'} feedback-date="2026-10-31" .ledger=${opts.ledger ?? knownLedger()}></xc-rectification-report>
    </xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-rectification-report')!;
  await settle(el);
  return el;
}

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: XcRectificationReport, cls: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button.${cls}`)!;

/** The document of the next xc-export (cancelled: no download in the test), read back with mammoth. */
async function nextDocx(el: XcRectificationReport, start: () => unknown) {
  const seen = oneEvent(el, 'xc-export');
  start();
  const ev = (await seen) as CustomEvent<ExportEventDetail>;
  ev.preventDefault();
  expect(ev.detail.format).to.equal('docx');
  expect(ev.detail.bytes).to.be.instanceOf(Uint8Array);
  return { detail: ev.detail, ...(await readDocx(ev.detail.bytes!)) };
}

/** Every name the 公开稿 must not show, of a ledger. */
const names = (ledger: RectificationLedger) => [...new Set(restrictedNames(ledger).map((n) => n.text))];

describe('<xc-rectification-report> Word export', () => {
  it('导出 Word（报告）: the report as edited, its parts as headings, the figures and the due date as a table', async () => {
    const el = await mount();
    const b = button(el, 'export-docx');
    expect(b.textContent!.trim()).to.equal('导出 Word（报告）');
    expect(button(el, 'export-public-docx').textContent!.trim()).to.equal('导出 Word（公开稿）');
    expect(b.parentElement).to.equal(button(el, 'print').parentElement);
    el.editParagraph('overview', '本段由本人改写：整改总体进展顺利。');
    el.editParagraph('next', `${FORMULA} ${MARKUP}`);
    const { detail, html: h, text: t } = await nextDocx(el, () => b.click());
    expect(detail.filename).to.equal(`关于城关镇巡察整改情况的报告-${TODAY}.docx`);
    expect(t).to.contain('关于城关镇巡察整改情况的报告');
    // The parts as Word headings, in order.
    const h1 = [...h.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]);
    expect(h1).to.deep.equal(['一、总体整改情况', '二、反馈问题整改情况', '三、尚未完成整改的问题及原因', '四、下一步工作打算']);
    const h2 = [...h.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2).to.deep.equal([`（一）${F1}`, `（二）${F2}`, `（三）${F3}`, '（四）其他问题']);
    expect(h).to.contain('<h3>1. 理论学习中心组学习流于形式</h3>');
    // The figures as a table: the due date two months after the feedback, 建章立制, funds, people.
    expect(h).to.contain('<table>');
    const due = el.value!.model.dueDate!;
    expect(due).to.equal('2026-12-31');
    expect(h).to.contain(`<td><p>报送期限</p></td><td><p>${formatDateKey(due, 'zh-CN')} 反馈后2个月内报送</p></td>`);
    expect(h).to.contain('<td><p>建章立制（项）</p></td><td><p>3</p></td>');
    expect(h).to.contain('<td><p>挽回（追缴）资金（元）</p></td><td><p>128,000.50</p></td>');
    expect(h).to.contain('<td><p>问责、处理（人）</p></td><td><p>3</p></td>');
    // The person's edits win over the drafted text; the drafted overview is not there.
    expect(t).to.contain('本段由本人改写：整改总体进展顺利。');
    expect(t).not.to.contain('巡察反馈问题共6个');
    // Each problem's responsibility, evidence and what was done.
    expect(t).to.contain('责任领导：张振华；责任部门：党政办；责任人：李明华');
    expect(t).to.contain('佐证材料：学习计划（李明华签字）');
    expect(t).to.contain('采取的整改措施：制定学习计划；开展专题研讨。');
    // Hostile text stays text.
    expect(t).to.contain(FORMULA);
    expect(t).to.contain(MARKUP);
    expect(h).not.to.contain('<img');
    await expectAccessible(el);
  });

  it('导出 Word（公开稿）: departments only, no evidence, not one name of the ledger (a name in a problem\'s text shown as the role)', async () => {
    const ledger = knownLedger();
    ledger.items[5]!.problem.text = '钱卫东经手的档案管理混乱';
    const el = await mount({ ledger });
    const { detail, text: t } = await nextDocx(el, () => button(el, 'export-public-docx').click());
    expect(detail.filename).to.equal(`关于城关镇巡察整改情况的报告-公开稿-${TODAY}.docx`);
    expect(t).to.contain('公开稿（依据《中国共产党巡视工作条例》第三十二条公开整改情况）');
    expect(t).to.contain('责任部门：党政办');
    expect(t).not.to.contain('佐证材料');
    expect(t).to.contain('6. 责任人经手的档案管理混乱');
    const leaked = names(knownLedger()).filter((n) => t.includes(n));
    expect(leaked).to.deep.equal([]);
    // …while the report itself names them (the check is not vacuous).
    const report = await nextDocx(el, () => void el.download('docx'));
    expect(names(knownLedger()).filter((n) => report.text.includes(n))).to.include.members(['张振华', '李明华', '赵丽娟']);
  });

  it('a refused 公开稿 makes no file: no xc-export, no bytes, and the element shows the same message as the 公开稿 on screen', async () => {
    const el = await mount();
    el.editParagraph('overview', '张振华同志亲自督办，整改进展顺利。');
    await settle(el);
    let exports = 0;
    el.addEventListener('xc-export', () => exports++);
    const made: unknown[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (o: Blob | MediaSource) => (made.push(o), create.call(URL, o));
    try {
      expect(await el.download('docx', { public: true })).to.equal(false);
      button(el, 'export-public-docx').click();
      await new Promise((r) => setTimeout(r, 300));
      await settle(el);
    } finally {
      URL.createObjectURL = create;
    }
    expect(exports, 'no xc-export').to.equal(0);
    expect(made, 'no file made').to.deep.equal([]);
    const alert = el.shadowRoot!.querySelector('.export-refusal')!;
    expect(alert, 'the refusal').to.exist;
    expect(alert.getAttribute('role')).to.equal('alert');
    const exportMessage = text(alert);
    expect(exportMessage).to.contain('公开稿暂不能生成');
    expect(exportMessage).to.contain('总体整改情况：含有“张振华”（责任领导）');
    await expectAccessible(el);
    // Its 修改 button shows the 公开稿, refused on screen with the same message.
    alert.querySelector<HTMLButtonElement>('button.fix')!.click();
    await settle(el);
    expect(el.mode).to.equal('public');
    expect(el.shadowRoot!.querySelector('.export-refusal'), 'not twice').to.equal(null);
    const onScreen = el.shadowRoot!.querySelector('.refusal')!;
    expect(text(onScreen.querySelector('p'))).to.equal(text(alert.querySelector('p')));
    expect([...onScreen.querySelectorAll('li bdi')].map(text)).to.deep.equal([...alert.querySelectorAll('li bdi')].map(text));
    // Fixed in the 公开稿: the file is made, and the message is gone.
    el.editParagraph('overview', '主要负责人亲自督办，整改进展顺利。', true);
    el.mode = 'report';
    await settle(el);
    const { text: t } = await nextDocx(el, () => button(el, 'export-public-docx').click());
    expect(t).to.contain('主要负责人亲自督办');
    expect(t).not.to.contain('张振华');
    await settle(el);
    expect(el.shadowRoot!.querySelector('.export-refusal')).to.equal(null);
  });

  it('safe by default: a 公开稿 made on a server from draftReport\'s value, the caller passing no names, refuses a name of the ledger (core and element)', async () => {
    const ledger = knownLedger();
    ledger.items[2]!.responsibility.person = '郑海涛';
    const drafted = reportValue(draftReport(ledger, { today: TODAY, feedbackDate: '2026-10-31' }));
    const value = editParagraph(drafted, 'next', '由郑海涛同志负责后续整改。', true);
    for (const r of [publicVersion(value), publicVersion(value, { restricted: [] }), await reportToDocx(value, { public: true }), await reportToDocx(value, { public: true, restricted: [] })]) {
      expect(r.ok).to.equal(false);
      expect(r).not.to.have.property('bytes');
      expect(!r.ok && r.leaks.map((l) => `${l.paragraph}|${l.text}|${l.role}`)).to.include('next|郑海涛|person');
    }
    // The model keeps the ledger's people; the 公开稿 made from it does not carry the list.
    expect(value.model.restricted!.map((n) => n.text)).to.include.members(['郑海涛', '张振华', '王建国']);
    const fine = publicVersion(drafted);
    expect(fine.ok).to.equal(true);
    expect(fine.ok && fine.model).not.to.have.property('restricted');
    // A model saved before it kept the list still refuses its problems' responsible people.
    const { restricted: _gone, ...older } = value.model;
    expect(publicVersion({ ...value, model: older }).ok).to.equal(false);
    // The element given only the saved value (no ledger) refuses the same file.
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <xc-provider today=${TODAY}><xc-rectification-report lang="zh-CN" .value=${value}></xc-rectification-report></xc-provider>
    </div>`);
    const el = wrap.querySelector('xc-rectification-report')!;
    await settle(el);
    let exports = 0;
    el.addEventListener('xc-export', () => exports++);
    expect(await el.download('docx', { public: true })).to.equal(false);
    await settle(el);
    expect(exports).to.equal(0);
    expect(text(el.shadowRoot!.querySelector('.export-refusal'))).to.contain('含有“郑海涛”（责任人）');
  });

  it('content: evidence with its 文号, money with two decimals, a long problem as a short heading with its full text below, and no 党委党组织', async () => {
    const ledger = knownLedger();
    ledger.unit = '白石镇党委';
    ledger.items[0]!.evidence = [{ title: '学习计划', ref: '白党发〔2026〕12号' }, { title: '会议记录' }];
    ledger.items[1]!.outcome = { fundsRecovered: 128000.5 };
    const long = '理论学习'.repeat(1250);
    ledger.items[2]!.problem.text = long;
    const value = reportValue(draftReport(ledger, { today: TODAY, feedbackDate: '2026-10-31' }));
    expect(value.model.paragraphs.find((p) => p.id === 'intro')!.text).to.contain('白石镇党委坚决扛起').and.not.contain('党委党组织');
    expect(draftReport({ ...ledger, unit: '白石镇' }, { today: TODAY }).paragraphs[0]!.text).to.contain('白石镇党组织坚决扛起');
    const r = await reportToDocx(value);
    if (!r.ok) throw new Error('refused');
    const { html: h, text: t } = await readDocx(r.bytes);
    expect(t).to.contain('佐证材料：学习计划（白党发〔2026〕12号）；会议记录');
    expect(t).to.contain('挽回（追缴）资金128,000.50元');
    expect(h, 'the total, 128,000.5 + 3,000').to.contain('<td><p>挽回（追缴）资金（元）</p></td><td><p>131,000.50</p></td>');
    const h3 = [...h.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1]!);
    expect(Math.max(...h3.map((x) => x.length)), 'no heading holds the whole text').to.be.lessThan(50);
    const head = `3. ${long.slice(0, 40)}…`;
    expect(h3.filter((x) => x === head).length, 'under its area and among the open problems').to.equal(2);
    expect(h.split(`<p>${long}</p>`).length - 1, 'the full text once, as a paragraph').to.equal(1);
    // The screen and the print head it the same way: the short heading, the full text below it.
    const el = await mount({ ledger });
    const problem = el.shadowRoot!.querySelector('.problem[data-item="ZG-3"]')!;
    expect(text(problem.querySelector('h5'))).to.equal(head);
    expect(text(problem.querySelector('.problem-text'))).to.equal(long);
    expect(text(el.shadowRoot!.querySelector('.open-item[data-item="ZG-3"] h4'))).to.equal(head);
    expect(el.shadowRoot!.querySelector('.problem[data-item="ZG-1"] .problem-text'), 'a short problem is its heading only').to.equal(null);
    await expectAccessible(el);
  });

  it('a name hidden by a bidi override or a variation selector refuses the 公开稿\'s file (no bytes)', async () => {
    const ledger = knownLedger();
    ledger.items[0]!.responsibility.leader = '韩立新';
    const restricted = restrictedNames(ledger);
    for (const typed of ['由局党组书记韩\u202E新立\u202C同志牵头。', '由局党组书记韩\uFE00立新同志牵头。']) {
      const value = editParagraph(reportValue(draftReport(ledger, { today: TODAY, feedbackDate: '2026-10-31' })), 'intro', typed, true);
      const r = await reportToDocx(value, { public: true, restricted, lang: 'zh-CN' });
      expect(r.ok, JSON.stringify(typed)).to.equal(false);
      expect(r).not.to.have.property('bytes');
      expect(!r.ok && r.leaks.map((l) => `${l.paragraph}|${l.text}`)).to.include('intro|韩立新');
    }
  });

  it('the fixed wording is checked too: a restricted string in a heading refuses the 公开稿\'s file (core and element)', async () => {
    const ledger = knownLedger();
    const value = reportValue(draftReport(ledger, { today: TODAY, feedbackDate: '2026-10-31' }));
    const restricted = [...restrictedNames(ledger), { text: '总体整改情况', role: 'other' as const }];
    const r = await reportToDocx(value, { public: true, restricted, lang: 'zh-CN' });
    expect(r.ok).to.equal(false);
    expect(r).not.to.have.property('bytes');
    expect(!r.ok && r.leaks.map((l) => `${l.label}|${l.text}`)).to.include('报告的固定文字（标题、表格）|总体整改情况');
    const el = await mount({ ledger });
    el.restricted = ['总体整改情况'];
    await settle(el);
    let exports = 0;
    el.addEventListener('xc-export', () => exports++);
    expect(await el.download('docx', { public: true })).to.equal(false);
    await settle(el);
    expect(exports).to.equal(0);
    expect(text(el.shadowRoot!.querySelector('.export-refusal'))).to.contain('报告的固定文字（标题、表格）：含有“总体整改情况”（有关人员）');
  });

  it('property: with random names in the ledger and in edits, a 公开稿 .docx — the caller passing the names or nothing — is either refused (no bytes) or holds no name of the ledger', async () => {
    const surname = fc.constantFrom(...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高');
    const given = fc.constantFrom(...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛超霞平刚桂');
    const name = fc.tuple(surname, given, fc.option(given, { nil: '' })).map(([a, b, c]) => a + b + c);
    const entry = fc.record({ leader: name, person: name, measurePerson: name, verifier: name, actor: name, inProblem: fc.boolean(), status: fc.constantFrom('closed', 'in-progress', 'not-started', 'stage-reached') });
    let refused = 0;
    let produced = 0;
    let producedWithNothing = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.option(fc.nat(20)), fc.boolean(), fc.boolean(), async (entries, typedName, intoPublic, callerPasses) => {
        const items: RectificationItem[] = entries.map((e, i) =>
          item(`R-${i + 1}`, {
            problem: { text: e.inProblem ? `${e.person}违规报销差旅费` : `问题${i + 1}`, focusArea: [F1, F2, F3][i % 3] },
            measures: [{ id: 'm1', text: `由${e.measurePerson}牵头清退`, person: e.measurePerson, done: true }],
            responsibility: { leader: e.leader, department: '党政办', person: e.person },
            verifier: e.verifier,
            status: e.status as RectificationItem['status'],
            history: [{ at: '2026-09-01T09:00:00+08:00', by: e.actor, from: null, to: 'not-started', comment: `${e.actor}登记` }],
          }),
        );
        const ledger: RectificationLedger = { version: 1, unit: '城关镇', items };
        const restricted = restrictedNames(ledger);
        const all = names(ledger);
        let value: ReportValue = reportValue(draftReport(ledger, { today: TODAY, feedbackDate: '2026-10-31' }));
        if (typedName !== null) {
          const who = all[typedName % all.length]!;
          value = editParagraph(value, 'next', `请${who}同志继续跟进。`, intoPublic);
        }
        // Whether or not the caller passes the ledger's names: the value carries them.
        const r = await reportToDocx(value, callerPasses ? { public: true, restricted, lang: 'zh-CN' } : { public: true });
        if (!r.ok) {
          refused++;
          expect(r).not.to.have.property('bytes');
          expect(r.leaks.length).to.be.greaterThan(0);
          return;
        }
        produced++;
        if (!callerPasses) producedWithNothing++;
        const { text: t } = await readDocx(r.bytes);
        expect(all.filter((n) => t.includes(n)), 'names in the 公开稿').to.deep.equal([]);
      }),
      { numRuns: 40, seed: 20261203 },
    );
    expect(refused, 'some runs refused').to.be.greaterThan(0);
    expect(produced, 'some runs produced a file').to.be.greaterThan(0);
    expect(producedWithNothing, 'some files made with nothing passed').to.be.greaterThan(0);
  });

  it('the WordExport story: the report\'s export is logged, the 公开稿\'s is refused (a typed name) with the alert, and it is axe-clean', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>${stories.WordExport.render!(meta.args as never, {} as never)}</div>`);
    const el = wrap.querySelector('xc-rectification-report')!;
    await settle(el);
    el.addEventListener('xc-export', (e) => e.preventDefault());
    const log = wrap.querySelector('output')!;
    expect(await el.download('docx', { public: true })).to.equal(false);
    await settle(el);
    expect(log.textContent).to.equal('');
    expect(text(el.shadowRoot!.querySelector('.export-refusal'))).to.contain('孙强');
    await el.download('docx');
    expect(log.textContent).to.match(/^xc-export: .+\.docx · \d+ bytes$/);
    await expectAccessible(el);
  });

  it('speaks English: the buttons and the document', async () => {
    const el = await mount({ lang: 'en' });
    expect(button(el, 'export-docx').textContent!.trim()).to.equal('Export Word (report)');
    expect(button(el, 'export-public-docx').textContent!.trim()).to.equal('Export Word (public version)');
    const { html: h, text: t } = await nextDocx(el, () => button(el, 'export-docx').click());
    expect(h).to.contain('<h1>1. Overall progress</h1>');
    expect(t).to.contain('Due date');
    await expectAccessible(el);
  });

  it('exports the 公开稿 under a strict Content-Security-Policy with no violation', async () => {
    const r = await reportFromStrictPage<Record<string, unknown>>('/tests/rectification-report/report-docx-csp-page.ts');
    expect(r.error).to.equal(undefined);
    expect(r.evalBlocked, 'the frame really forbids eval').to.equal(true);
    expect(r.ok).to.equal(true);
    expect(r.format).to.equal('docx');
    const { text: t } = await readDocx(r.bytes as Uint8Array);
    expect(t).to.contain(MARKUP);
    expect(t).not.to.contain('孙志强');
    expect(r.violations).to.deep.equal([]);
    expect(r.errors).to.deep.equal([]);
  });
});

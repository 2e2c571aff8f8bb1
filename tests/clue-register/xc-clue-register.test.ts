// <xc-clue-register> in Chromium: clues from every source, keyboard-only route → 组长 approval →
// 移交单 → reply, the printed sheet with signature lines, the light in words, filters and counts,
// CSV, hostile text, axe, drafts across a reload, English.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/clue-register/index.js';
import '../../src/provider/index.js';
import type { XcClueRegister } from '../../src/clue-register/xc-clue-register.js';
import { clueFromPetition, cluesFromChecklist, cluesFromInterview, type ClueRegister } from '../../src/core/clue-register.js';
import { petitionToClue } from '../../src/core/petition.js';
import { toClueEntries } from '../../src/core/checklist.js';
import { interviewToClues } from '../../src/core/form-clues.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { parseCsv } from '../../src/core/rectification/csv.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { expectAccessible } from '../support/a11y.js';
import { KeyCounter, deepActive, settle as settleKeys } from '../a11y/keys.js';
import { assertInert, loadPayloads } from '../support/xss.js';
import { record } from '../support/report.js';
import { manyClues, sampleClueRegister as sample } from './fixtures.js';

const TODAY = '2026-11-30';
const REPORTER = '王秀兰';

async function settle(el: XcClueRegister): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
  await el.updateComplete;
}

async function mount(opts: { value?: unknown; role?: string; lang?: string; today?: string; drafts?: ReturnType<typeof memoryDrafts>; draftKey?: string } = {}) {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <button id="before" type="button">before</button>
    <xc-provider today=${opts.today ?? TODAY} user-role=${opts.role ?? 'preparer'} .drafts=${opts.drafts}>
      <xc-clue-register lang=${opts.lang ?? 'zh-CN'} draft-key=${opts.draftKey ?? ''} .value=${opts.value}></xc-clue-register>
    </xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-clue-register')!;
  await settle(el);
  return { el, wrap, root: el.shadowRoot!, provider: wrap.querySelector('xc-provider')! };
}

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rowsOf = (root: ShadowRoot) => [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));

/** Clues from the three sources, the petition with its 反映人 given (an allowed role made it). */
function sourceInputs() {
  const response = { items: { 'f2g4-01': { finding: 'problem', description: '违规发放加班补贴3.2万元', clue: true, methods: ['documents'], evidence: [{ title: '工资发放表' }] } } } as never;
  const interview = { recordNo: 'TH-007', startTime: '2026-11-20T09:00', interviewee: { name: '谈话对象' }, problems: [{ summary: '春节前以慰问名义发放购物卡', isClue: true, personConcerned: '某主任' }] };
  const petition = petitionToClue({ id: 'p1', number: 'XF-2026-001', source: 'letter', receivedOn: '2026-11-21', summary: '干部选拔任用程序不规范', petitioner: { name: REPORTER, contact: '13912345678' } }, { role: 'leader', allowedRoles: ['leader'] });
  return [
    ...cluesFromChecklist(toClueEntries(checklistSanjujiao, response), 'resp-1'),
    ...cluesFromInterview(interviewToClues(interview), 'TH-007'),
    clueFromPetition({ clue: petition, entryId: 'p1', category: '选人用人' }),
  ];
}

describe('<xc-clue-register>', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('takes clues from the checklist, an interview and a petition, links each to its source, and never the 反映人', async () => {
    const { el, root } = await mount({ value: { version: 1, clues: [], transfers: [] } });
    const changes: CustomEvent[] = [];
    el.addEventListener('xc-change', (e) => changes.push(e as CustomEvent));
    expect(el.addClues(sourceInputs())).to.have.length(3);
    await settle(el);
    expect(rowsOf(root).map((r) => r.slice(1, 5))).to.deep.equal([
      ['XS-2026-001', '违规发放加班补贴3.2万元违反中央八项规定精神及实施细则', '监督检查清单 f2g4-01', '纪检监察机关'],
      ['XS-2026-002', '春节前以慰问名义发放购物卡', '个别谈话 TH-007', '纪检监察机关'],
      ['XS-2026-003', '干部选拔任用程序不规范选人用人', '信访举报 XF-2026-001', '组织部门'],
    ]);
    expect(changes.at(-1)!.detail).to.include({ reason: 'add' });
    expect(el.addClues(sourceInputs()), 'the same sources again add nothing').to.have.length(0);
    await settle(el);
    expect(text(root.querySelector('[role=status]'))).to.equal('3 条已在台账中，未重复登记。');
    expect(JSON.stringify(el.value)).not.to.contain(REPORTER);
    expect(root.textContent + el.toCsv()).not.to.contain(REPORTER);
    await expectAccessible(el);
  });

  it('with the keyboard alone: clues the records offer (checklist, interview, petition) are picked and registered', async () => {
    const { el, wrap, root } = await mount({ value: { version: 1, clues: [], transfers: [] } });
    el.candidates = sourceInputs();
    await settle(el);
    expect(text(root.querySelector('#cand-title'))).to.equal('清单、谈话记录和信访件中尚未登记的线索（3 条）');
    const keys = new KeyCounter();
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    await keys.tabTo((a) => a.classList.contains('pick'), 'the first candidate');
    await keys.press('Space');
    await keys.press('Tab');
    await keys.press('Tab');
    await keys.press('Space'); // the petition
    await keys.tabTo((a) => a.classList.contains('add-picked'), 'register the selected');
    await keys.press('Enter');
    await settle(el);
    expect(el.value.clues.map((c) => c.source.kind)).to.deep.equal(['checklist', 'petition']);
    expect(text(root.querySelector('#cand-title')), 'what is registered leaves the list').to.equal('清单、谈话记录和信访件中尚未登记的线索（1 条）');
    expect(JSON.stringify(el.value)).not.to.contain(REPORTER);
    await expectAccessible(el);
  });

  it('with the keyboard alone: a member registers and proposes a clue, the 组长 approves, a 移交单 is made, a reply is recorded', async () => {
    const { el, wrap, root, provider } = await mount({ value: { version: 1, clues: [], transfers: [] } });
    const keys = new KeyCounter();
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    // 组员: register a clue.
    await keys.tabTo((a) => a.classList.contains('add'), 'the add button');
    await keys.press('Enter');
    await settle(el);
    expect(deepActive()?.localName, 'focus on the form heading').to.equal('h3');
    await keys.tabTo((a) => a.id === 'c-problem', 'the main problem');
    await keys.type('村务公开栏长期未更新');
    await keys.tabTo((a) => a.id === 'c-concerned', 'the person concerned');
    await keys.type('李某');
    await keys.tabTo((a) => a.id === 'c-suggestion', 'the suggestion');
    await keys.type('建议移交区纪委监委核实');
    await keys.tabTo((a) => a.classList.contains('save'), 'the save button');
    await keys.press('Enter');
    await settle(el);
    expect(el.value.clues[0]).to.deep.include({ number: 'XS-2026-001', mainProblem: '村务公开栏长期未更新', suggestion: '建议移交区纪委监委核实', state: 'registered' });
    // 组员: propose it.
    await keys.tabTo((a) => a.classList.contains('open'), 'the clue');
    await keys.press('Enter');
    await settle(el);
    expect(root.querySelector('.do-approve'), 'a member cannot approve').to.equal(null);
    await keys.tabTo((a) => a.classList.contains('do-propose'), 'propose');
    await keys.press('Enter');
    await settle(el);
    expect(el.value.clues[0]!.state).to.equal('proposed');
    expect(el.value.clues[0]!.receiver).to.equal('discipline');
    // 组长: approve.
    provider.setAttribute('user-role', 'leader');
    await settle(el);
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    await keys.tabTo((a) => a.classList.contains('open'), 'the clue');
    await keys.press('Enter');
    await settle(el);
    await keys.tabTo((a) => a.classList.contains('do-approve'), 'approve');
    await keys.press('Enter');
    await settle(el);
    expect(el.value.clues[0]!.state).to.equal('approved');
    expect(rowsOf(root)[0]![5]).to.equal('组长已批准');
    // Select it and make the 移交单.
    await keys.tabTo((a) => a.classList.contains('select'), 'the row checkbox', { back: true });
    await keys.press('Space');
    await keys.tabTo((a) => a.classList.contains('make-sheet'), 'make a sheet', { back: true });
    await keys.press('Enter');
    await settle(el);
    await keys.tabTo((a) => a.id === 's-unit', 'the receiving unit');
    await keys.type('区纪委监委');
    await keys.tabTo((a) => a.id === 's-transferor', 'the transferor');
    await keys.type('王组员');
    await keys.press('Tab');
    await keys.type('赵某');
    const transfers: CustomEvent[] = [];
    el.addEventListener('xc-transfer', (e) => transfers.push(e as CustomEvent));
    await keys.tabTo((a) => a.classList.contains('make'), 'the make button');
    await keys.press('Enter');
    await settle(el);
    expect(transfers).to.have.length(1);
    expect(transfers[0]!.detail.sheet).to.deep.include({ number: 'YJ-2026-01', receiver: 'discipline', receiverUnit: '区纪委监委', transferor: '王组员', recipient: '赵某', date: TODAY, replyDue: '2027-02-28' });
    expect(el.value.clues[0]!.state).to.equal('transferred');
    expect(text(root.querySelector('.sheet-view h3'))).to.equal('问题线索移交单');
    expect(deepActive()?.id, 'focus on the sheet').to.equal('sheet-title');
    expect(rowsOf(root)[0]![6]).to.equal('2027年2月28日绿灯：回复期限未到');
    // The reply comes back.
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    await keys.tabTo((a) => a.classList.contains('open'), 'the clue');
    await keys.press('Enter');
    await settle(el);
    await keys.tabTo((a) => a instanceof HTMLInputElement && a.name === 'disposal', 'the disposals');
    await keys.press('ArrowRight'); // 初步核实
    await keys.tabTo((a) => a.id === 'd-reply-note', 'the reply note');
    await keys.type('已初步核实');
    await keys.tabTo((a) => a.classList.contains('do-reply'), 'record the reply');
    await keys.press('Enter');
    await settle(el);
    expect(el.value.clues[0]!.reply).to.deep.equal({ disposal: 'verification', on: TODAY, note: '已初步核实' });
    expect(rowsOf(root)[0]!.slice(5)).to.deep.equal(['已回复', '2027年2月28日—', '初步核实2026年11月30日']);
    expect(keys.count).to.be.lessThan(400);
    await record({
      id: 'keyboard.clue-register',
      check: 'A clue goes through <xc-clue-register> with the keyboard alone: registered and proposed by a member, approved by the 组长, handed over on a numbered 移交单 with 移交人 and 接收人, and its reply recorded',
      figure: `${keys.count} key presses; 1 clue XS-2026-001 on 移交单 YJ-2026-01, reply due 2027-02-28, 处置结果 初步核实`,
    });
  });

  it('a refused form says why, with focus on the message and the field named by it', async () => {
    const { el, root } = await mount({ value: sample(), role: 'leader' });
    root.querySelector<HTMLButtonElement>('.add')!.click();
    await settle(el);
    root.querySelector<HTMLButtonElement>('.panel .save')!.click();
    await settle(el);
    const message = root.querySelector('.refusal')!;
    expect(text(message)).to.equal('请填写主要问题。');
    expect(deepActive()).to.equal(message);
    const box = root.querySelector('#c-problem')!;
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-describedby')).to.contain('panel-error');
    expect(el.value.clues).to.have.length(3);
    await expectAccessible(el);
    // A reply without 处置结果.
    await el.openClue('a');
    await settle(el);
    root.querySelector<HTMLButtonElement>('.do-reply')!.click();
    await settle(el);
    expect(text(root.querySelector('.refusal'))).to.equal('请选择处置结果。');
    expect(root.querySelector('fieldset.reply')!.getAttribute('aria-describedby')).to.equal('panel-error');
    expect(el.value.clues[0]!.state).to.equal('transferred');
    await expectAccessible(el);
  });

  it('submit() with a clue lacking its main problem: the summary has focus and its link opens that clue at the field', async () => {
    const reg = sample();
    reg.clues[2]!.mainProblem = '';
    const { el, root } = await mount({ value: reg });
    expect(await el.submit()).to.equal(false);
    const summary = root.querySelector('[data-error-summary]')!;
    expect(deepActive()).to.equal(summary);
    expect(text(summary)).to.contain('线索 XS-2026-003：请填写主要问题');
    summary.querySelector('a')!.click();
    await settle(el);
    await settle(el);
    expect(text(root.querySelector('.panel h3'))).to.equal('线索 XS-2026-003');
    const box = root.querySelector<HTMLTextAreaElement>('#d-problem')!;
    expect(deepActive()).to.equal(box);
    box.value = '公务接待超标准';
    box.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('.do-save')!.click();
    await settle(el);
    expect(el.value.clues[2]!.mainProblem).to.equal('公务接待超标准');
    expect(el.value.clues[2]!.state, 'saving words takes no step').to.equal('registered');
    expect(el.checkValidity()).to.equal(true);
    await expectAccessible(el);
  });

  it('a member cannot approve: the step is refused with a message', async () => {
    const reg = sample();
    reg.clues[2]!.state = 'proposed';
    const { el, root } = await mount({ value: reg, role: 'preparer' });
    expect(el.step('c', { action: 'approve' })).to.equal('role');
    expect(el.value.clues[2]!.state).to.equal('proposed');
    await el.openClue('c');
    await settle(el);
    expect(root.querySelector('.do-approve')).to.equal(null);
    expect(root.querySelector('.do-withdraw')).to.exist;
  });

  it('the light in colour and in words, the overdue filter and count follow the provider’s today', async () => {
    const { el, root, provider } = await mount({ value: sample(), today: '2026-10-01' });
    expect(rowsOf(root)[0]![6]).to.equal('2026年11月1日绿灯：回复期限未到');
    expect(text(root.querySelector('.overdue'))).to.equal('逾期未回复 0 条');
    provider.setAttribute('today', '2026-10-20');
    await settle(el);
    expect(rowsOf(root)[0]![6]).to.equal('2026年11月1日黄灯：临近回复期限');
    provider.setAttribute('today', TODAY);
    await settle(el);
    expect(rowsOf(root)[0]![6]).to.equal('2026年11月1日红灯：逾期未回复');
    expect(root.querySelector('tbody tr td.light-red')).to.exist;
    expect(text(root.querySelector('.overdue'))).to.equal('逾期未回复 1 条');
    root.querySelector<HTMLInputElement>('.f-overdue')!.click();
    await settle(el);
    expect(rowsOf(root).map((r) => r[1])).to.deep.equal(['XS-2026-001']);
    const receiver = root.querySelector<HTMLSelectElement>('.f-receiver')!;
    receiver.value = 'organisation';
    receiver.dispatchEvent(new Event('change'));
    await settle(el);
    expect(text(root.querySelector('.shown'))).to.equal('没有符合筛选条件的线索。');
    root.querySelector<HTMLInputElement>('.f-overdue')!.click();
    await settle(el);
    expect(rowsOf(root).map((r) => r[1])).to.deep.equal(['XS-2026-002']);
    let exported: { filename: string; text: string } | undefined;
    el.addEventListener('xc-export', (e) => {
      e.preventDefault();
      exported = (e as CustomEvent).detail;
    });
    root.querySelector<HTMLButtonElement>('.export')!.click();
    expect(exported!.filename).to.equal('问题线索台账-2026-11-30.csv');
    expect(parseCsv(exported!.text).map((r) => r[0])).to.deep.equal(['线索编号', 'XS-2026-002']);
    await expectAccessible(el);
  });

  it('printed, a 移交单 shown is the only thing on the page, with its clues and signature lines for 移交人 and 接收人', async () => {
    const { el, root } = await mount({ value: sample() });
    await el.showSheet('YJ-2026-01');
    await settle(el);
    const sheet = root.querySelector<HTMLElement>('[part=print-sheet]')!;
    expect(getComputedStyle(root.querySelector('.screen')!).display).not.to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(root.querySelector('.screen')!).display).to.equal('none');
    expect(getComputedStyle(sheet).display).to.equal('block');
    expect(getComputedStyle(sheet.querySelector('.screen-only')!).display, 'no buttons on paper').to.equal('none');
    expect(text(sheet.querySelector('h3'))).to.equal('问题线索移交单');
    expect(text(sheet.querySelector('.sheet-number'))).to.equal('编号：YJ-2026-01');
    expect(text(sheet.querySelector('tbody'))).to.contain('XS-2026-001').and.contain('违规发放津贴');
    const signs = [...sheet.querySelectorAll('.sign')];
    expect(signs.map((s) => text(s.querySelector('p')))).to.deep.equal(['移交人王组员', '接收人赵某']);
    for (const s of signs) {
      const line = s.querySelector<HTMLElement>('.sign-line')!;
      expect(line.getBoundingClientRect().width, 'a line long enough to sign on').to.be.greaterThan(80);
      expect(getComputedStyle(line).borderBottomStyle).to.equal('solid');
    }
  });

  it('hostile text is shown as text in the list, the panel and the 移交单; CSV copies it exactly', async () => {
    const payloads = await loadPayloads();
    const reg: ClueRegister = {
      version: 1,
      unit: payloads[0],
      round: payloads[1],
      clues: payloads.map((p, i) => ({
        id: `x${i}`, number: p.slice(0, 60) || `n${i}`, source: { kind: 'petition', recordId: p, label: p }, mainProblem: p, category: p, suggestion: p,
        personConcerned: { name: p, unit: p }, state: 'transferred', sheetId: 's1', transferredOn: '2026-11-01', replyDue: '2027-02-01', reply: undefined,
      })),
      transfers: [{ id: 's1', number: payloads[2]!, receiver: 'discipline', receiverUnit: payloads[3], date: '2026-11-01', transferor: payloads[4]!, recipient: payloads[5]!, clueIds: payloads.map((_, i) => `x${i}`), replyDue: '2027-02-01' }],
    };
    const { el, root } = await mount({ value: reg, role: 'leader' });
    const forbidden = 'script, img, iframe, math, object, embed, frame, frameset, video, audio, style, link, meta, base, marquee, template, svg';
    assertInert(root, forbidden);
    await el.openClue('x5');
    await settle(el);
    assertInert(root, forbidden);
    expect(root.querySelector<HTMLTextAreaElement>('#d-suggestion')!.value).to.equal(payloads[5]);
    await el.showSheet('s1');
    await settle(el);
    assertInert(root, forbidden);
    const rows = parseCsv(el.toCsv());
    expect(rows.slice(1).map((r) => r[3])).to.deep.equal(payloads);
    await record({
      id: 'xss.clue-register',
      check: '<xc-clue-register> shows hostile text as inert text in the list, counts, the clue panel and the printed 移交单; the CSV copies it exactly',
      figure: `${payloads.length} payloads × 12 text paths (unit, round, number, source, problem, category, person and unit, suggestion, sheet number, receiving unit, 移交人, 接收人)`,
    });
  });

  it('what is typed in a form comes back after a reload (draft), with the register', async () => {
    const drafts = memoryDrafts();
    const first = await mount({ value: { version: 1, clues: [], transfers: [] }, drafts, draftKey: 'clues/t1' });
    first.root.querySelector<HTMLButtonElement>('.add')!.click();
    await settle(first.el);
    first.root.querySelector<HTMLTextAreaElement>('#c-problem')!.focus();
    await new KeyCounter().type('民主测评中反映选人用人问题');
    await settleKeys();
    first.wrap.remove();
    expect(drafts.entries.has('clues/t1')).to.equal(true);
    const second = await mount({ value: { version: 1, clues: [], transfers: [] }, drafts, draftKey: 'clues/t1' });
    const restore = second.root.querySelector<HTMLButtonElement>('[part~=draft-banner] button.primary')!;
    expect(restore, 'the draft is offered').to.exist;
    restore.click();
    await settle(second.el);
    expect(second.root.querySelector<HTMLTextAreaElement>('#c-problem')!.value).to.equal('民主测评中反映选人用人问题');
    expect(text(second.root.querySelector('#c-route-hint'))).to.contain('组织部门');
  });

  it('a long register shows its first 200 rows, then more on request, all of them before printing', async () => {
    const { el, root } = await mount({ value: manyClues(450) });
    const listRows = () => root.querySelectorAll('[part=table] tbody tr').length;
    expect(listRows()).to.equal(200);
    expect(text(root.querySelector('.show-more'))).to.equal('再显示 200 条（还有 250 条）');
    root.querySelector<HTMLButtonElement>('.show-more')!.click();
    await settle(el);
    expect(listRows()).to.equal(400);
    root.querySelector<HTMLButtonElement>('.show-all')!.click();
    await settle(el);
    expect(listRows()).to.equal(450);
    expect(root.querySelector('.show-more')).to.equal(null);
    const state = root.querySelector<HTMLSelectElement>('.f-state')!;
    state.value = 'registered';
    state.dispatchEvent(new Event('change'));
    await settle(el);
    expect(listRows(), 'a filter starts from the first page again').to.equal(90);
    state.value = '';
    state.dispatchEvent(new Event('change'));
    await settle(el);
    expect(listRows()).to.equal(200);
    window.dispatchEvent(new Event('beforeprint'));
    await settle(el);
    expect(listRows(), 'printed: every clue').to.equal(450);
    const a4 = () => document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => /@page[^}]*size: *a4/i.test(r.cssText)));
    expect(a4(), 'an A4 page while printing').to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    expect(a4(), 'and no page rule after').to.equal(false);
  });

  it('English: the strings of the element and of the sheet in English', async () => {
    const { el, root } = await mount({ value: sample(), lang: 'en' });
    expect(text(root.querySelector('.title'))).to.equal('Problem clue register');
    expect(rowsOf(root)[0]![6]).to.contain('Red: reply overdue');
    await el.showSheet('YJ-2026-01');
    await settle(el);
    expect(text(root.querySelector('.sheet-view h3'))).to.equal('Problem clue transfer sheet');
    expect(text(root.querySelector('.toolbar'))).not.to.match(/[\u4e00-\u9fff]/);
  });

  it('a value that is not a register is refused with a message, and kept in rejectedValue', async () => {
    const bad = { version: 1, clues: [{ id: 'a', state: 'registered', source: { kind: 'manual' } }, { id: 'a', state: 'registered', source: { kind: 'manual' } }] };
    const { el, root } = await mount({ value: bad });
    expect(text(root.querySelector('[role=alert]'))).to.contain('台账无法读取').and.contain('线索编号“a”重复');
    expect(el.rejectedValue).to.deep.equal(bad);
    expect(el.checkValidity()).to.equal(false);
  });
});

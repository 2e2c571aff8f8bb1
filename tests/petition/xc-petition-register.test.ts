// <xc-petition-register> in Chromium: keyboard-only intake, anonymity, the 反映人 masked by role
// on screen, in print and in CSV, filters and counts, the clue hand-off, hostile text, axe, drafts.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/petition/index.js';
import '../../src/provider/index.js';
import type { XcPetitionRegister } from '../../src/petition/xc-petition-register.js';
import type { PetitionRegister } from '../../src/core/petition.js';
import { parseCsv } from '../../src/core/rectification/csv.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { expectAccessible } from '../support/a11y.js';
import { KeyCounter, deepActive, settle as settleKeys } from '../a11y/keys.js';
import { assertInert, loadPayloads } from '../support/xss.js';
import { NAME, PHONE, sampleRegister } from './fixtures.js';
import { record } from '../support/report.js';

const TODAY = '2026-11-26';

async function settle(el: XcPetitionRegister): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

async function mount(opts: { value?: unknown; role?: string; identityRoles?: string; lang?: string; drafts?: ReturnType<typeof memoryDrafts>; draftKey?: string } = {}) {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <button id="before" type="button">before</button>
    <xc-provider today=${TODAY} user-role=${opts.role ?? 'office'} .drafts=${opts.drafts}>
      <xc-petition-register lang=${opts.lang ?? 'zh-CN'} identity-roles=${opts.identityRoles ?? ''} draft-key=${opts.draftKey ?? ''} .value=${opts.value}></xc-petition-register>
    </xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-petition-register')!;
  await settle(el);
  return { el, wrap, root: el.shadowRoot! };
}

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rowsOf = (root: ShadowRoot) => [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));

describe('<xc-petition-register>', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('a petition is registered with the keyboard alone: numbered, listed, counted, xc-change fired', async () => {
    const { el, wrap, root } = await mount({ value: { version: 1, entries: [] } });
    const changes: CustomEvent[] = [];
    el.addEventListener('xc-change', (e) => changes.push(e as CustomEvent));
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const keys = new KeyCounter();
    await keys.tabTo((a) => a.classList.contains('intake'), 'the intake button');
    await keys.press('Enter');
    await settle(el);
    expect(deepActive()?.id, 'focus moves to the form heading').to.equal('editor-title');
    expect(text(root.querySelector('.next-number'))).to.equal('登记后编号：XF-2026-001');
    // 来源: the radio group, arrows choose
    await keys.tabTo((a) => a instanceof HTMLInputElement && a.name === 'source', 'the source radios');
    await keys.press('ArrowRight'); // 来电 (arrows move and check)
    await keys.tabTo((a) => a.id === 'p-name', 'the name');
    await keys.type(NAME);
    await keys.press('Tab');
    await keys.type(PHONE);
    await keys.tabTo((a) => a.id === 'p-concernedName', 'the person concerned');
    await keys.type('李某');
    await keys.press('Tab');
    await keys.type('xx村委会');
    await keys.press('Tab');
    await keys.type('村集体土地租金去向不明。');
    await keys.tabTo((a) => a.id === 'p-category', 'the category');
    await keys.type('三资管理');
    await keys.tabTo((a) => a.classList.contains('save'), 'the register button');
    await keys.press('Enter');
    await settle(el);
    expect(el.value.entries).to.have.length(1);
    const entry = el.value.entries[0]!;
    expect(entry).to.deep.include({ number: 'XF-2026-001', source: 'call', receivedOn: TODAY, summary: '村集体土地租金去向不明。', category: '三资管理' });
    expect(entry.petitioner).to.deep.equal({ name: NAME, contact: PHONE });
    expect(entry.concerned).to.deep.equal({ name: '李某', unit: 'xx村委会' });
    expect(changes.at(-1)!.detail).to.include({ reason: 'add', entryId: entry.id });
    expect(root.querySelector('.editor'), 'the form closed').to.equal(null);
    expect(deepActive()?.classList.contains('intake'), 'focus back on the intake button').to.equal(true);
    expect(text(root.querySelector('[role=status].status'))).to.equal('已登记 XF-2026-001。');
    expect(rowsOf(root)[0]!.slice(0, 4)).to.deep.equal(['查看和修改：XF-2026-001', '来电', '2026年11月26日', '（保密）']);
    expect(text(root.querySelector('.by-source'))).to.contain('来电 1 件');
    expect(root.textContent).not.to.contain(NAME);
    expect(keys.count).to.be.lessThan(120);
    await record({
      id: 'keyboard.petition',
      check: 'A petition is registered in <xc-petition-register> with the keyboard alone, starting outside the element: the intake form opens with focus on its heading, closes with focus back on the intake button, the petition is numbered, listed (反映人 masked) and counted',
      figure: `${keys.count} key presses (Tab, arrows, Enter and typing), 1 petition registered as XF-2026-001 with 8 fields`,
    });
  });

  it('refuses an incomplete petition: the error summary has focus, each control names its error', async () => {
    const { el, root } = await mount();
    await el.openEditor();
    await settle(el);
    root.querySelector<HTMLButtonElement>('.save')!.click();
    await settle(el);
    const summary = root.querySelector('.editor [data-error-summary]')!;
    expect(deepActive()).to.equal(summary);
    expect(text(summary)).to.contain('请选择来源').and.contain('请填写反映人姓名').and.contain('请填写内容摘要');
    const summaryBox = root.querySelector<HTMLTextAreaElement>('#p-summary')!;
    expect(summaryBox.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root.getElementById(summaryBox.getAttribute('aria-describedby')!))).to.contain('请填写内容摘要');
    expect(el.value.entries).to.have.length(0);
    // The link moves focus to the control.
    [...summary.querySelectorAll('a')].find((a) => text(a).includes('内容摘要'))!.click();
    await settle(el);
    expect(deepActive()).to.equal(summaryBox);
    await expectAccessible(el);
  });

  it('submit() with an incomplete petition: the summary has focus and its link opens that petition at the field', async () => {
    const reg = sampleRegister();
    reg.entries[1]!.summary = '';
    const { el, root } = await mount({ value: reg });
    expect(await el.submit()).to.equal(false);
    const summary = root.querySelector('[data-error-summary]')!;
    expect(deepActive()).to.equal(summary);
    expect(text(summary)).to.contain('XF-2026-002：请填写内容摘要');
    summary.querySelector('a')!.click();
    await settle(el);
    await settle(el);
    expect(text(root.querySelector('#editor-title'))).to.equal('信访件 XF-2026-002');
    const box = root.querySelector<HTMLTextAreaElement>('#p-summary')!;
    expect(deepActive()).to.equal(box);
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
  });

  it('anonymous: ticking the box hides name and contact, and nothing of them is stored', async () => {
    const { el, root } = await mount();
    await el.openEditor();
    await settle(el);
    const name = root.querySelector<HTMLInputElement>('#p-name')!;
    name.value = '张三';
    name.dispatchEvent(new Event('input'));
    root.querySelector<HTMLInputElement>('.anonymous')!.click();
    await settle(el);
    expect(root.querySelector('#p-name'), 'name input gone').to.equal(null);
    expect(root.querySelector('#p-contact'), 'contact input gone').to.equal(null);
    root.querySelector<HTMLInputElement>('input[name=source][value=letter]')!.click();
    const summary = root.querySelector<HTMLTextAreaElement>('#p-summary')!;
    summary.value = '匿名来信反映问题';
    summary.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('.save')!.click();
    await settle(el);
    expect(el.value.entries[0]).to.deep.include({ anonymous: true });
    expect(JSON.stringify(el.value)).not.to.contain('张三');
    expect(rowsOf(root)[0]![3]).to.equal('匿名');
  });

  it('shows the 反映人 only to a role listed in identity-roles; masked for others, on screen and in the editor', async () => {
    const hidden = await mount({ value: sampleRegister(), role: 'office', identityRoles: 'leader' });
    expect(text(hidden.root.querySelector('table'))).not.to.contain(NAME).and.not.to.contain(PHONE);
    expect(rowsOf(hidden.root)[0]![3]).to.equal('（保密）');
    expect(text(hidden.root.querySelector('.identity-note'))).to.equal('反映人信息保密，当前身份不可查看。');
    await hidden.el.openEditor('a');
    await settle(hidden.el);
    expect(hidden.root.querySelector('#p-name'), 'no identity input for a role not allowed').to.equal(null);
    expect(text(hidden.root.querySelector('.editor'))).not.to.contain(NAME);
    // Editing the summary keeps the identity the role cannot see.
    const summary = hidden.root.querySelector<HTMLTextAreaElement>('#p-summary')!;
    summary.value = '补充：租金去向不明。';
    summary.dispatchEvent(new Event('input'));
    hidden.root.querySelector<HTMLButtonElement>('.save')!.click();
    await settle(hidden.el);
    expect(hidden.el.value.entries[0]!.petitioner).to.deep.equal({ name: NAME, contact: PHONE });
    expect(hidden.el.value.entries[0]!.summary).to.equal('补充：租金去向不明。');
    expect(hidden.el.value.entries[0]!.concerned, 'the person concerned as it was').to.deep.equal({ name: '李某', unit: 'xx村委会' });
    await expectAccessible(hidden.el);

    const none = await mount({ value: sampleRegister(), role: 'leader' });
    expect(text(none.root.querySelector('table')), 'no identity-roles: masked for every role').not.to.contain(NAME);

    const shown = await mount({ value: sampleRegister(), role: 'leader', identityRoles: 'leader, office-head' });
    expect(rowsOf(shown.root)[0]![3]).to.equal(`${NAME}${PHONE}`);
    expect(text(shown.root.querySelector('.identity-note'))).to.equal('当前身份可查看反映人信息。');
    await expectAccessible(shown.el);
  });

  it('printed, the 反映人 column is not there for any role, and a note says why', async () => {
    const { root } = await mount({ value: sampleRegister(), role: 'leader', identityRoles: 'leader' });
    const cell = root.querySelector('tbody tr td.identity')!;
    expect(getComputedStyle(cell).display).not.to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(cell).display).to.equal('none');
    expect(getComputedStyle(root.querySelector('thead th.identity')!).display).to.equal('none');
    expect(getComputedStyle(root.querySelector('.print-note')!).display).to.equal('block');
    expect(getComputedStyle(root.querySelector('.toolbar')!).display).to.equal('none');
    // What is still drawn in print holds neither name nor contact.
    const printed = [...root.querySelectorAll('table *')].filter((n) => n.children.length === 0 && getComputedStyle(n).display !== 'none' && !n.closest('.identity'));
    expect(printed.map((n) => n.textContent).join(' ')).not.to.contain(NAME).and.not.to.contain(PHONE);
  });

  it('filters narrow the list and the counts; CSV holds the rows shown, never a masked name', async () => {
    const { el, root } = await mount({ value: sampleRegister(), role: 'office' });
    expect(text(root.querySelector('.counts .total'))).to.equal('共 3 件');
    expect(text(root.querySelector('.by-category'))).to.contain('三资管理 2 件').and.contain('为民服务 1 件');
    expect(text(root.querySelector('.by-handling'))).to.contain('作为问题线索 1 件').and.contain('未定 1 件');
    const category = root.querySelector<HTMLSelectElement>('.f-category')!;
    category.value = '三资管理';
    category.dispatchEvent(new Event('change'));
    await settle(el);
    expect(rowsOf(root).map((r) => r[0])).to.deep.equal(['查看和修改：XF-2026-001', '查看和修改：XF-2026-003']);
    expect(text(root.querySelector('.shown'))).to.equal('显示 2 / 3 件');
    expect(text(root.querySelector('.counts .total'))).to.equal('共 2 件');
    let exported: { filename: string; text: string } | undefined;
    el.addEventListener('xc-export', (e) => {
      e.preventDefault();
      exported = (e as CustomEvent).detail;
    });
    root.querySelector<HTMLButtonElement>('.export')!.click();
    expect(exported!.filename).to.equal('信访件登记-2026-11-26.csv');
    expect(exported!.text).not.to.contain(NAME).and.not.to.contain(PHONE);
    const rows = parseCsv(exported!.text);
    expect(rows.map((r) => r[0])).to.deep.equal(['编号', 'XF-2026-001', 'XF-2026-003']);
    expect(rows[1]![3]).to.equal('（保密）');
    // A search for the masked name finds nothing (it would tell who wrote).
    const query = root.querySelector<HTMLInputElement>('.f-query')!;
    query.value = NAME;
    query.dispatchEvent(new Event('input'));
    await settle(el);
    expect(text(root.querySelector('.shown'))).to.equal('没有符合条件的信访件。');
  });

  it('a petition turned into a clue: xc-petition-to-clue with a clue-sheet value and the entry id, no identity', async () => {
    const { el, root } = await mount({ value: sampleRegister(), role: 'office', identityRoles: 'leader' });
    await el.openEditor('a');
    await settle(el);
    setTimeout(() => root.querySelector<HTMLButtonElement>('.to-clue')!.click());
    const e = await new Promise<CustomEvent>((r) => el.addEventListener('xc-petition-to-clue', (ev) => r(ev as CustomEvent), { once: true }));
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.entryId).to.equal('a');
    expect(e.detail.clue).to.deep.include({ source: '信访举报', mainProblem: '村集体土地租金去向不明。', receivedOn: '2026-11-20' });
    expect(JSON.stringify(e.detail.clue)).not.to.contain(NAME);
  });

  it('a petition cited as evidence: xc-petition-cite with its number and summary, kind petition, no identity', async () => {
    const { el, root } = await mount({ value: sampleRegister(), role: 'leader', identityRoles: 'leader' });
    await el.openEditor('a');
    await settle(el);
    setTimeout(() => root.querySelector<HTMLButtonElement>('.cite')!.click());
    const e = await new Promise<CustomEvent>((r) => el.addEventListener('xc-petition-cite', (ev) => r(ev as CustomEvent), { once: true }));
    expect(e.detail).to.deep.equal({ evidence: { title: '信访件 XF-2026-001：村集体土地租金去向不明。', kind: 'petition', ref: 'XF-2026-001' }, entryId: 'a' });
    await settle(el);
    expect(text(root.querySelector('[role=status].status'))).to.equal('已引用 XF-2026-001 为佐证材料。');
  });

  it('a row opens its petition with Enter; Escape closes it and focus goes back to the row', async () => {
    const { el, wrap, root } = await mount({ value: sampleRegister() });
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const keys = new KeyCounter();
    await keys.tabTo((a) => a.classList.contains('open') && text(a).includes('XF-2026-002'), 'the second row');
    await keys.press('Enter');
    await settle(el);
    expect(text(root.querySelector('#editor-title'))).to.equal('信访件 XF-2026-002');
    expect(deepActive()?.id).to.equal('editor-title');
    await keys.press('Tab');
    await keys.press('Escape');
    await settle(el);
    expect(root.querySelector('.editor')).to.equal(null);
    expect(text(deepActive())).to.contain('XF-2026-002');
  });

  it('an edit through the form keeps what the form does not show (a host member of the entry and of 被反映人)', async () => {
    const reg = sampleRegister();
    Object.assign(reg.entries[0]!, { oaId: 'OA-77' });
    Object.assign(reg.entries[0]!.concerned!, { post: '村主任' });
    const { el, root } = await mount({ value: reg, role: 'leader', identityRoles: 'leader' });
    await el.openEditor('a');
    await settle(el);
    const unit = root.querySelector<HTMLInputElement>('#p-concernedUnit')!;
    unit.value = 'xx村股份经济合作社';
    unit.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('.save')!.click();
    await settle(el);
    expect(el.value.entries[0]).to.deep.include({ oaId: 'OA-77', concerned: { name: '李某', unit: 'xx村股份经济合作社', post: '村主任' } });
  });

  it('deleting a petition retires its number: the next one is not given it again', async () => {
    const { el, root } = await mount({ value: sampleRegister(), role: 'office' });
    await el.openEditor('c');
    await settle(el);
    root.querySelector<HTMLButtonElement>('.remove')!.click();
    await settle(el);
    expect(el.value.entries.map((e) => e.number)).to.deep.equal(['XF-2026-001', 'XF-2026-002']);
    await el.openEditor();
    await settle(el);
    expect(text(root.querySelector('.next-number'))).to.equal('登记后编号：XF-2026-004');
  });

  it('hostile text from the register is shown as text: no markup, no script, and CSV copies it exactly', async () => {
    const payloads = await loadPayloads();
    const register: PetitionRegister = {
      version: 1,
      unit: payloads[0],
      round: payloads[1],
      entries: payloads.map((p, i) => ({
        id: `x${i}`, number: p.slice(0, 60) || `n${i}`, source: 'letter', receivedOn: '2026-11-20', summary: p, category: payloads[(i + 3) % payloads.length],
        concerned: { name: p, unit: p }, petitioner: { name: p, contact: p }, result: p, feedback: p,
      })),
    };
    for (const role of ['office', 'leader']) {
      const { el, root } = await mount({ value: register, role, identityRoles: 'leader' });
      for (let i = 0; i < 100 && root.querySelectorAll('tbody tr').length < payloads.length; i++) await new Promise((r) => setTimeout(r, 20));
      expect(root.querySelectorAll('tbody tr').length, 'every row drawn').to.equal(payloads.length);
      assertInert(root, 'script, img, iframe, math, object, embed, frame, frameset, video, audio, style, link, meta, base, marquee, template, svg');
      await el.openEditor('x5');
      await settle(el);
      assertInert(root, 'script, img, iframe, math, object, embed, frame, frameset, video, audio, style, link, meta, base, marquee, template, svg');
      expect(root.querySelector<HTMLTextAreaElement>('#p-summary')!.value).to.equal(payloads[5]);
      const rows = parseCsv(el.toCsv());
      expect(rows.slice(1).map((r) => r[7])).to.deep.equal(payloads);
    }
    await record({
      id: 'xss.petition',
      check: '<xc-petition-register> shows hostile text as inert text in the list, counts, filters and editor; the CSV copies it exactly',
      figure: `${payloads.length} payloads × 11 text paths (unit, round, number, summary, category, person and unit concerned, petitioner name and contact, outcome, feedback), with the 反映人 masked (office) and shown (leader)`,
    });
  });

  it('English: every string of the element in English, masked as (confidential)', async () => {
    const { el, root } = await mount({ value: sampleRegister(), lang: 'en' });
    expect(text(root.querySelector('.title'))).to.equal('Petition register');
    expect(rowsOf(root)[0]!.slice(1, 4)).to.deep.equal(['Letter', 'November 20, 2026', '(confidential)']);
    expect([...root.querySelectorAll('.counts h3, .counts h4, thead, .toolbar > label')].map((n) => n.firstChild?.textContent ?? text(n)).join(' ')).not.to.match(/[\u4e00-\u9fff]/);
    await el.openEditor();
    await settle(el);
    expect(text(root.querySelector('.editor legend'))).to.equal('Source');
  });

  it('what is typed in the intake form comes back after a reload (draft), with the register', async () => {
    const drafts = memoryDrafts();
    const first = await mount({ value: { version: 1, entries: [] }, drafts, draftKey: 'petitions/t1' });
    await first.el.openEditor();
    await settle(first.el);
    const summary = first.root.querySelector<HTMLTextAreaElement>('#p-summary')!;
    summary.focus();
    await new KeyCounter().type('来访群众反映低保评定不公');
    await settleKeys();
    first.wrap.remove(); // the page goes away: the draft is written at once
    expect(drafts.entries.has('petitions/t1')).to.equal(true);
    const second = await mount({ value: { version: 1, entries: [] }, drafts, draftKey: 'petitions/t1' });
    const restore = second.root.querySelector<HTMLButtonElement>('[part~=draft-banner] button.primary')!;
    expect(restore, 'the draft is offered').to.exist;
    restore.click();
    await settle(second.el);
    expect(second.root.querySelector<HTMLTextAreaElement>('#p-summary')!.value).to.equal('来访群众反映低保评定不公');
  });

  it('for a role that may not see the 反映人, the draft in the browser holds no identity, and a restored draft gets it back', async () => {
    const drafts = memoryDrafts();
    const first = await mount({ value: sampleRegister(), role: 'office', identityRoles: 'leader', drafts, draftKey: 'petitions/masked' });
    first.el.editEntry('a', { result: '已转区纪委' });
    await first.el.openEditor('a');
    await settle(first.el);
    first.wrap.remove();
    const stored = JSON.stringify(drafts.entries.get('petitions/masked'));
    expect(stored).to.contain('已转区纪委');
    expect(stored).not.to.contain(NAME).and.not.to.contain(PHONE);
    const second = await mount({ value: sampleRegister(), role: 'office', identityRoles: 'leader', drafts, draftKey: 'petitions/masked' });
    second.root.querySelector<HTMLButtonElement>('[part~=draft-banner] button.primary')!.click();
    await settle(second.el);
    expect(second.el.value.entries[0]).to.deep.include({ result: '已转区纪委', petitioner: { name: NAME, contact: PHONE } });
    expect(text(second.root.querySelector('.editor h3'))).to.equal('信访件 XF-2026-001');
    // A role that may see it keeps it in its draft as it is.
    const leader = await mount({ value: sampleRegister(), role: 'leader', identityRoles: 'leader', drafts, draftKey: 'petitions/leader' });
    leader.el.editEntry('a', { result: 'x' });
    leader.wrap.remove();
    expect(JSON.stringify(drafts.entries.get('petitions/leader'))).to.contain(NAME);
  });

  it('2,000 petitions: the first rows come with the first frame, the rest in chunks; before printing, all at once', async () => {
    const entries = Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, number: `XF-2026-${String(i + 1).padStart(4, '0')}`, source: 'letter' as const, receivedOn: '2026-11-20', summary: `第${i}件` }));
    const { el, root } = await mount({ value: { version: 1, entries } });
    const first = root.querySelectorAll('tbody tr').length;
    expect(first, 'not all at once').to.be.greaterThan(0).and.lessThan(500);
    expect(text(root.querySelector('.shown'))).to.equal('显示 2000 / 2000 件');
    window.dispatchEvent(new Event('beforeprint'));
    expect(root.querySelectorAll('tbody tr').length, 'all rows before printing').to.equal(2000);
    // An edit keeps the rows drawn (no start from the first chunk again), and shows the change.
    el.editEntry('p1500', { summary: '已修改' });
    await settle(el);
    expect(root.querySelectorAll('tbody tr').length).to.equal(2000);
    expect(text(root.querySelector('tr[data-id=p1500] td.summary'))).to.equal('已修改');
    // A filter starts again from its first rows.
    const q = root.querySelector<HTMLInputElement>('.f-query')!;
    q.value = '第1';
    q.dispatchEvent(new Event('input'));
    await settle(el);
    expect(root.querySelectorAll('tbody tr').length).to.be.lessThan(200);
    // 第1, 第10–19, 第100–199, 第1000–1999, less p1500 (its summary changed).
    for (let i = 0; i < 200 && root.querySelectorAll('tbody tr').length < 1110; i++) await new Promise((r) => setTimeout(r, 10));
    expect(root.querySelectorAll('tbody tr').length).to.equal(1110);
  });

  it('a value that is not a register is refused with a message, and kept in rejectedValue', async () => {
    const { el, root } = await mount({ value: { version: 1, entries: [{ id: 'a' }, { id: 'a' }] } });
    expect(text(root.querySelector('[role=alert]'))).to.contain('信访登记簿格式有误').and.contain('内部编号 a 重复出现');
    expect(el.rejectedValue).to.deep.equal({ version: 1, entries: [{ id: 'a' }, { id: 'a' }] });
    expect(el.checkValidity()).to.equal(false);
  });
});

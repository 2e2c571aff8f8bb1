/**
 * The demo portal (demo/, `npm start`) as a person sees it on a phone (390 × 844), on a
 * 1366 × 768 laptop and in English. The demo is served by the test server like the other
 * pages (see network.test.ts); it keeps its state in this origin's localStorage, so every
 * test starts from a cleared one and walks the round itself (sample answers, submit).
 */
import { expect } from '@open-wc/testing';
import { manyProblems } from '../../stories/support/samples.js';

const DEMO = '/demo/index.html';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function clearDemo(): void {
  for (const k of Object.keys(localStorage)) if (k.startsWith('xc-demo') || k.startsWith('xc-draft:xc-demo')) localStorage.removeItem(k);
}

function load(url: string, width: number, height: number): Promise<HTMLIFrameElement> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    Object.assign(frame.style, { width: `${width}px`, height: `${height}px`, border: '0', display: 'block' });
    const timer = setTimeout(() => reject(new Error(`${url} did not load`)), 20000);
    frame.addEventListener('load', () => (clearTimeout(timer), resolve(frame)), { once: true });
    frame.src = url;
    document.body.append(frame);
  });
}

/** Every element of the document, in shadow roots too. */
function allElements(root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** Inside a box that scrolls sideways itself (the ledger's table): the person scrolls that box, not the page. */
function inScroller(el: Element): boolean {
  // Nodes of the demo's frame: instanceof would compare with this window's classes.
  for (let n: Node | null = el.parentNode; n; n = n.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (n as ShadowRoot).host ? (n as ShadowRoot).host : n.parentNode) {
    if (n.nodeType !== Node.ELEMENT_NODE || n === el.ownerDocument.documentElement || n === el.ownerDocument.body) continue;
    const o = el.ownerDocument.defaultView!.getComputedStyle(n as Element).overflowX;
    if ((o === 'auto' || o === 'scroll') && (n as Element).getBoundingClientRect().right <= (el.ownerDocument.defaultView?.innerWidth ?? 0) + 1) return true;
  }
  return false;
}

const describeEl = (e: Element) => `${e.localName}${e.id ? `#${e.id}` : ''}${e.getAttribute('class') ? `.${e.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`;

/** Wait until the page's xc elements rendered and what they load after the first frame arrived. */
async function settle(win: Window): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const xc = allElements(win.document).filter((e) => e.localName.startsWith('xc-') && e.localName !== 'xc-provider');
    if (xc.length && xc.every((e) => e.shadowRoot ? e.shadowRoot.childElementCount > 0 : true)) {
      await Promise.all(xc.map((e) => (e as unknown as { updateComplete?: Promise<unknown> }).updateComplete));
      break;
    }
    await wait(100);
  }
  await wait(700);
}

async function go(win: Window, route: string): Promise<Document> {
  win.location.hash = `#/${route}`;
  await wait(50);
  await settle(win);
  return win.document;
}

/** The demo with a submitted checklist (so the ledger and clue pages have items). */
async function demoWithARound(width: number, height: number, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<HTMLIFrameElement> {
  clearDemo();
  localStorage.setItem('xc-demo:checklist', JSON.stringify(manyProblems));
  localStorage.setItem('xc-demo:lang', JSON.stringify(lang));
  const frame = await load(`${DEMO}#/checklist`, width, height);
  await settle(frame.contentWindow!);
  const list = frame.contentDocument!.querySelector('xc-checklist') as unknown as { submit(): Promise<boolean> };
  expect(await list.submit(), 'the sample answers submit').to.equal(true);
  await settle(frame.contentWindow!);
  return frame;
}

/** Headings a person sees (h1–h3, shadow roots included), as text. */
function visibleHeadings(doc: Document): string[] {
  return allElements(doc)
    .filter((e) => /^h[1-3]$/.test(e.localName) && (e as HTMLElement).checkVisibility?.() !== false && e.getBoundingClientRect().height > 0)
    .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('the demo portal', function () {
  this.timeout(3 * 60 * 1000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
    clearDemo();
  });

  it('on a phone (390 px): nothing is wider than the screen, the page has the width, the menu folds and a ledger item opens with a click', async () => {
    frame = await demoWithARound(390, 844);
    const win = frame.contentWindow!;
    const failures: string[] = [];
    for (const route of ['checklist', 'templates', 'interview', 'petitions', 'clues', 'clue-register', 'feedback', 'ledger', 'report', 'round', 'about']) {
      const doc = await go(win, route);
      const vw = win.innerWidth;
      for (const el of allElements(doc)) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && (r.right > vw + 1 || r.left < -1) && !inScroller(el)) failures.push(`${route}: ${describeEl(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
      }
      if (doc.documentElement.scrollWidth > vw) failures.push(`${route}: the page scrolls sideways (${doc.documentElement.scrollWidth} px)`);
      const main = doc.querySelector('main')!.getBoundingClientRect();
      if (main.width < 350) failures.push(`${route}: the main column is ${Math.round(main.width)} px wide`);
      const h1 = doc.querySelector('main h1') as HTMLElement;
      if (h1.scrollWidth > h1.clientWidth + 1) failures.push(`${route}: the heading is cut`);
    }
    expect(failures.slice(0, 20), `${failures.length} problems`).to.deep.equal([]);

    // The menu is one button until opened; a link takes you there and folds it again.
    const doc = win.document;
    const toggle = doc.getElementById('menu-toggle') as HTMLButtonElement;
    const menu = doc.getElementById('main-menu')!;
    expect(menu.getBoundingClientRect().height, 'the menu is folded').to.equal(0);
    expect(toggle.getBoundingClientRect().width).to.be.greaterThan(0);
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const link = menu.querySelector<HTMLAnchorElement>('a[href="#/ledger"]')!;
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
    link.click();
    await settle(win);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.getBoundingClientRect().height, 'folded again after choosing').to.equal(0);

    // Open the first ledger item where a finger would tap it: nothing lies on top of it.
    const tracker = doc.querySelector('xc-rectification-tracker')!;
    const open = tracker.shadowRoot!.querySelector<HTMLButtonElement>('button.open')!;
    open.scrollIntoView({ block: 'center' });
    await wait(100);
    const r = open.getBoundingClientRect();
    let hit: Element | null = doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    while (hit?.shadowRoot) {
      const inner: Element | null = hit.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    expect(hit === open || open.contains(hit), `the tap lands on ${hit ? describeEl(hit) : 'nothing'}`).to.equal(true);
    (hit as HTMLElement).click();
    await wait(500);
    const dialog = allElements(doc).find((e) => e.localName === 'dialog') as HTMLDialogElement | undefined;
    expect(dialog?.open, 'the item opened').to.equal(true);
  });

  it('the ledger page ends at its footer (no blank scroll below it) and its header scrolls away on a 768 px screen', async () => {
    frame = await demoWithARound(1366, 768);
    const win = frame.contentWindow!;
    const doc = await go(win, 'ledger');
    const footer = doc.querySelector('footer')!.getBoundingClientRect();
    const end = footer.bottom + win.scrollY;
    expect(doc.documentElement.scrollHeight, `the page scrolls to ${doc.documentElement.scrollHeight} px, the footer ends at ${Math.round(end)} px`).to.be.at.most(Math.ceil(end) + 1);

    win.scrollTo(0, 600);
    await wait(100);
    expect(doc.querySelector('.oa-header')!.getBoundingClientRect().bottom, 'the portal header is out of view').to.be.at.most(0);
  });

  it('on a tall screen the header and the checklist\'s summary bar stay in view while scrolling', async () => {
    clearDemo();
    frame = await load(`${DEMO}#/checklist`, 1366, 1000);
    const win = frame.contentWindow!;
    await settle(win);
    win.scrollTo(0, 1500);
    await wait(150);
    const header = win.document.querySelector('.oa-header')!.getBoundingClientRect();
    expect(header.top, 'the portal header sticks').to.equal(0);
    const bar = win.document.querySelector('xc-checklist')!.shadowRoot!.querySelector('[part=summary-bar]')!.getBoundingClientRect();
    expect(bar.top, 'the summary bar sticks below the header').to.be.within(header.bottom - 2, header.bottom + 2);
  });

  it('every page names its title once; the clue page shows one numbered sheet at a time', async () => {
    frame = await demoWithARound(1366, 768);
    const win = frame.contentWindow!;
    for (const route of ['interview', 'clues', 'ledger']) {
      const doc = await go(win, route);
      const headings = visibleHeadings(doc);
      const h1 = doc.querySelector('main h1')!.textContent!.trim();
      expect(headings.filter((h) => h === h1), `${route}: ${headings.join(' | ')}`).to.have.length(1);
    }
    const doc = await go(win, 'clues');
    const clues = JSON.parse(localStorage.getItem('xc-demo:clues')!) as unknown[];
    expect(clues.length, 'the sample answers flag clues').to.be.greaterThan(1);
    expect(doc.querySelectorAll('xc-clue-sheet')).to.have.length(1);
    expect(doc.getElementById('clue-heading')!.textContent).to.contain(`线索 1（共 ${clues.length} 条）`);
    const buttons = [...doc.querySelectorAll<HTMLButtonElement>('.clue-list button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(clues.map((_, i) => `线索 ${i + 1}`));
    buttons[1]!.click();
    await settle(win);
    expect(doc.querySelectorAll('xc-clue-sheet')).to.have.length(1);
    expect(doc.getElementById('clue-heading')!.textContent).to.contain(`线索 2（共 ${clues.length} 条）`);
    expect(doc.activeElement).to.equal(doc.getElementById('clue-heading'));
    expect(doc.querySelector('.clue-list button[aria-current="true"]')!.textContent!.trim()).to.equal('线索 2');
  });

  it('in English the demo names its own data in English and the ledger chart labels are whole', async () => {
    frame = await demoWithARound(1366, 768, 'en');
    const win = frame.contentWindow!;
    const doc = await go(win, 'ledger');
    const tracker = doc.querySelector('xc-rectification-tracker')!;
    const title = tracker.shadowRoot!.querySelector('h2.title')!.textContent!.trim();
    expect(title).not.to.match(/[\u4e00-\u9fff]/);
    const labels = [...tracker.shadowRoot!.querySelectorAll('[data-chart=status] text.label')].map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent!);
    expect(labels).to.include('Awaiting verification');
    expect(labels.filter((l) => l.includes('…')), 'no status label is cut').to.deep.equal([]);
    // Drawn inside the chart: no label starts left of the drawing.
    const svg = tracker.shadowRoot!.querySelector('[data-chart=status] svg')!.getBoundingClientRect();
    for (const t of tracker.shadowRoot!.querySelectorAll('[data-chart=status] text.label')) expect(t.getBoundingClientRect().left).to.be.at.least(svg.left - 1);
  });

  it('整改 to the end on the demo ledger: the unit asks for 延期 and the office approves; three parties sign before 销号', async () => {
    frame = await demoWithARound(1366, 768);
    const win = frame.contentWindow!;
    const doc = await go(win, 'ledger');
    type Tracker = HTMLElementTagNameMap['xc-rectification-tracker'];
    const tracker = () => doc.querySelector('xc-rectification-tracker') as Tracker;
    const $ = <T extends HTMLElement>(sel: string) => tracker().shadowRoot!.querySelector<T>(sel);
    const asRole = async (r: string) => {
      doc.querySelectorAll<HTMLInputElement>('fieldset.roles input')[['unit', 'office', 'viewer'].indexOf(r)]!.click();
      await settle(win);
    };
    const fill = async (sel: string, value: string) => {
      const el = $<HTMLInputElement>(sel)!;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      await wait(50);
    };
    const press = async (sel: string) => {
      $<HTMLButtonElement>(sel)!.click();
      await settle(win);
    };
    const id = tracker().value!.items[0]!.id;
    const deadline = tracker().value!.items[0]!.deadline!;

    await asRole('unit');
    expect(await tracker().openItem(id)).to.equal(true);
    await press('[data-action="start"]');
    await press('.action-form .confirm');
    // Ninety days after the item's own deadline (which the demo set from the page's clock).
    const later = new Date(`${deadline}T12:00:00`);
    later.setDate(later.getDate() + 90);
    await fill('#d-ext-deadline', `${later.getFullYear()}-${String(later.getMonth() + 1).padStart(2, '0')}-${String(later.getDate()).padStart(2, '0')}`);
    await fill('#d-ext-reason', '需待年度预算批复');
    await press('.d-ext-submit');
    expect($('.d-extensions tbody')?.textContent).to.contain('待巡察办审批');
    await press('#d-h-evidence ~ button.add');
    await fill('#d-ev-0-title', '整改方案及会议纪要');
    await press('[data-action="submit"]');
    await press('.action-form .confirm');
    expect(tracker().getItem(id)!.status).to.equal('pending-verification');

    await asRole('office');
    expect(await tracker().openItem(id)).to.equal(true);
    expect($('#d-ext-comment'), 'a request on an item awaiting verification is still decided').not.to.equal(null);
    await fill('#d-ext-comment', '同意');
    await press('.d-ext-approve');
    expect($('.d-extensions tbody')?.textContent).to.contain('已批准');
    expect($('.d-section[aria-labelledby="d-h-extension"]')?.textContent).to.contain('原定时限');
    expect(tracker().getItem(id)!.deadline, 'the original deadline stays').to.equal(deadline);
    for (const party of ['office', 'team', 'dept']) {
      $<HTMLInputElement>(`.d-acc-parties input[value="${party}"]`)!.click();
      await fill('#d-acc-opinion', '整改到位');
      await press('.d-acc-sign');
    }
    expect($('.d-acc-missing')).to.equal(null);
    await press('[data-action="close"]');
    await fill('#d-confirm-verifier', '李华');
    await press('.action-form .confirm');
    expect(tracker().getItem(id)!.status).to.equal('closed');
    // Kept by the demo (its localStorage), so a reload shows it closed.
    expect((JSON.parse(localStorage.getItem('xc-demo:ledger')!) as { items: { id: string; status: string }[] }).items.find((i) => i.id === id)!.status).to.equal('closed');
  });

  it('the 底稿 on the demo goes 编制 → 复核 → 审签 with the page\'s role switch, and stays signed after a reload', async () => {
    frame = await demoWithARound(1366, 768);
    const win = frame.contentWindow!;
    const doc = await go(win, 'checklist');
    type List = HTMLElementTagNameMap['xc-checklist'];
    const list = () => doc.querySelector('xc-checklist') as List;
    const asRole = async (r: string) => {
      const radios = [...doc.querySelectorAll<HTMLInputElement>('input[name="review-role"]')];
      radios[['preparer', 'reviewer', 'leader'].indexOf(r)]!.click();
      await settle(win);
    };
    await asRole('preparer');
    expect((await list().review('submit', { opinion: '请复核' })).ok, 'submitted by the preparer').to.equal(true);
    await asRole('reviewer');
    expect((await list().review('review', { opinion: '同意' })).ok, 'reviewed by the deputy').to.equal(true);
    await asRole('leader');
    expect((await list().review('sign', { opinion: '同意' })).ok, 'signed by the leader').to.equal(true);
    expect(list().value!.review!.steps.map((s) => s.by)).to.deep.equal(['张明', '刘强', '陈刚']);
    win.location.reload();
    await new Promise((r) => frame!.addEventListener('load', r, { once: true }));
    await settle(frame.contentWindow!);
    const again = frame.contentDocument!.querySelector('xc-checklist') as List;
    expect(again.reviewState).to.equal('signed');
    expect(await again.verify()).to.equal(true);
  });

  it('a petition becomes a clue; clues go out on one 移交单 after the 组长 approves, and a reply comes back', async () => {
    frame = await demoWithARound(1366, 768);
    const win = frame.contentWindow!;
    let doc = await go(win, 'petitions');
    const petitions = doc.querySelector('xc-petition-register') as HTMLElementTagNameMap['xc-petition-register'];
    const first = petitions.value.entries[0]!;
    expect(petitions.toClue(first.id), 'the petition handed on').not.to.equal(null);
    await settle(win);
    expect(doc.querySelector('.notice[role="status"]')?.textContent).to.contain(first.number);

    doc = await go(win, 'clue-register');
    type Register = HTMLElementTagNameMap['xc-clue-register'];
    const reg = () => doc.querySelector('xc-clue-register') as Register;
    const asRole = async (r: string) => {
      [...doc.querySelectorAll<HTMLInputElement>('input[name="clue-role"]')][['preparer', 'reviewer', 'leader'].indexOf(r)]!.click();
      await settle(win);
    };
    const fromPetition = reg().value.clues.find((c) => c.source?.kind === 'petition')!;
    expect(fromPetition, 'the petition is in the register').not.to.equal(undefined);
    // The checklist's flagged problems are offered too; register them all.
    reg().addClues(reg().candidates);
    await settle(win);
    const ids = reg().value.clues.map((c) => c.id);
    expect(ids.length).to.be.greaterThan(1);
    await asRole('preparer');
    for (const id of ids) expect(reg().step(id, { action: 'propose', receiver: 'discipline' }), `propose ${id}`).to.equal(null);
    expect(reg().step(ids[0]!, { action: 'approve' }), 'a member cannot approve').to.not.equal(null);
    await asRole('leader');
    for (const id of ids) expect(reg().step(id, { action: 'approve' }), `approve ${id}`).to.equal(null);
    const sheet = reg().transfer({ clueIds: ids, transferor: '陈刚', recipient: '区纪委 接收人' });
    expect(typeof sheet === 'object' && sheet.clueIds).to.deep.equal(ids);
    await asRole('preparer');
    expect(reg().step(ids[0]!, { action: 'reply', disposal: 'verification', note: '已初步核实' })).to.equal(null);
    const stored = JSON.parse(localStorage.getItem('xc-demo:clueRegister')!) as { clues: { id: string; state: string }[]; transfers: unknown[] };
    expect(stored.transfers).to.have.length(1);
    expect(stored.clues.find((c) => c.id === ids[0])!.state).to.equal('replied');
    // The petitioner's name never reaches the clue register.
    expect(localStorage.getItem('xc-demo:clueRegister')).not.to.contain('王秀兰');
  });

  it('the signed 底稿 drafts the 反馈意见; the 组长 issues it and its 问题清单 reaches the ledger, counted from the 反馈日期', async () => {
    frame = await demoWithARound(1366, 768);
    const win = frame.contentWindow!;
    let doc = await go(win, 'checklist');
    const list = doc.querySelector('xc-checklist') as HTMLElementTagNameMap['xc-checklist'];
    const asRole = async (name: string, r: string) => {
      [...doc.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)][['preparer', 'reviewer', 'leader'].indexOf(r)]!.click();
      await settle(win);
    };
    for (const [r, action] of [['preparer', 'submit'], ['reviewer', 'review'], ['leader', 'sign']] as const) {
      await asRole('review-role', r);
      expect((await list.review(action, { opinion: '同意' })).ok, action).to.equal(true);
    }
    localStorage.removeItem('xc-demo:ledger');
    doc = await go(win, 'feedback');
    const sheet = doc.querySelector('xc-feedback-sheet') as HTMLElementTagNameMap['xc-feedback-sheet'];
    await sheet.drafted;
    const problems = sheet.value.items.length;
    expect(problems, 'problems drafted from the signed sheet').to.be.greaterThan(0);
    expect(sheet.setFeedbackDate('2026-12-31')).to.equal(true);
    await asRole('feedback-role', 'leader');
    const again = doc.querySelector('xc-feedback-sheet') as HTMLElementTagNameMap['xc-feedback-sheet'];
    const items = await again.issue();
    expect(items).to.have.length(problems);
    await settle(win);
    const ledger = JSON.parse(localStorage.getItem('xc-demo:ledger')!) as { items: { id: string; deadline?: string; problem: { scope?: string } }[] };
    expect(ledger.items).to.have.length(problems);
    expect(ledger.items.every((i) => i.deadline === '2027-02-28'), 'two months after 2026-12-31').to.equal(true);
    doc = await go(win, 'ledger');
    const tracker = doc.querySelector('xc-rectification-tracker') as HTMLElementTagNameMap['xc-rectification-tracker'];
    expect(tracker.value!.items.map((i) => i.id)).to.deep.equal(ledger.items.map((i) => i.id));
  });

  it('巡察工作统计 counts the records made on the demo’s pages as its first unit, beside the round’s other units', async () => {
    frame = await demoWithARound(1366, 768);
    const win = frame.contentWindow!;
    const items = (JSON.parse(localStorage.getItem('xc-demo:ledger')!) as { items: unknown[] }).items.length;
    expect(items, 'the submitted checklist made ledger items').to.be.greaterThan(0);
    const doc = await go(win, 'round');
    expect(doc.querySelector('main h1')!.textContent).to.equal('巡察工作统计');
    expect(doc.querySelector('a[href="#/round"]')!.getAttribute('aria-current')).to.equal('page');
    const summary = doc.querySelector('xc-round-summary') as HTMLElementTagNameMap['xc-round-summary'];
    await summary.updateComplete;
    const rows = [...summary.shadowRoot!.querySelectorAll('[part="table"] tbody tr, [part="table"] tfoot tr')];
    const names = rows.map((r) => r.querySelector('th')!.textContent!.trim());
    expect(names, 'this unit first, two sample units, then the totals').to.have.length(4);
    expect(names[0]).to.equal('区农业农村局党组（第十轮巡察第二组）');
    expect(names[3]).to.equal('合计');
    const cell = (row: Element, figure: string) => Number(row.querySelector(`td[data-figure="${figure}"]`)!.textContent!.replace(/[^\d.]/g, ''));
    expect(cell(rows[0]!, 'items'), "the demo ledger's items").to.equal(items);
    expect(cell(rows[0]!, 'problems'), 'the problems of the submitted checklist').to.be.greaterThan(0);
    expect(cell(rows[3]!, 'items'), 'the totals add up').to.equal(cell(rows[0]!, 'items') + cell(rows[1]!, 'items') + cell(rows[2]!, 'items'));
  });

  it('模板管理: a check point reworded in the editor is saved as a new version, said in a notice and stored; the checklist page keeps the bundled template', async () => {
    clearDemo();
    localStorage.setItem('xc-demo:checklist', JSON.stringify(manyProblems));
    frame = await load(`${DEMO}#/templates`, 1366, 768);
    const win = frame.contentWindow!;
    await settle(win);
    const doc = win.document;
    expect(doc.querySelector('main h1')!.textContent).to.equal('模板管理');
    expect(doc.querySelector('a[href="#/templates"]')!.getAttribute('aria-current')).to.equal('page');
    expect([...doc.querySelectorAll('.oa-menu a')].map((a) => a.getAttribute('href')).slice(0, 2), 'after 监督检查清单 in the menu').to.deep.equal(['#/checklist', '#/templates']);
    const editor = doc.querySelector('xc-template-editor') as HTMLElementTagNameMap['xc-template-editor'];
    await editor.updateComplete;
    const root = editor.shadowRoot!;
    const status = doc.querySelector('main [role="status"]')!;
    expect(status.textContent!.trim(), 'no notice before a save').to.equal('');
    // Type into the first check point's text, as a person does.
    const box = root.querySelector<HTMLTextAreaElement>('textarea[id$="-text"]')!;
    const before = box.value;
    box.focus();
    box.value = `${before}（含下属单位）`;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '（含下属单位）' }));
    await editor.updateComplete;
    root.querySelector<HTMLButtonElement>('button.save')!.click();
    let confirm: HTMLButtonElement | null = null;
    for (let i = 0; i < 100 && !(confirm = root.querySelector<HTMLButtonElement>('button.confirm-save')); i++) await wait(30);
    expect(confirm, 'the new version is shown before it is saved').to.exist;
    confirm!.click();
    await settle(win);
    const stored = JSON.parse(localStorage.getItem('xc-demo:template')!) as { version: string; sections: { groups?: { items: { text: unknown }[] }[]; items?: { text: unknown }[] }[] };
    expect(stored.version, 'one check point reworded: minor version up').to.equal('1.1.0');
    const first = stored.sections[0]!.groups ? stored.sections[0]!.groups[0]!.items[0]! : stored.sections[0]!.items![0]!;
    expect(JSON.stringify(first.text)).to.contain('（含下属单位）');
    expect(status.textContent, 'the notice says the version saved').to.contain('已保存').and.contain('第 1.1.0 版');
    // The checklist page still fills the bundled template.
    const list = (await go(win, 'checklist')).querySelector('xc-checklist') as HTMLElementTagNameMap['xc-checklist'];
    await list.updateComplete;
    expect(list.activeTemplate!.version).to.equal('1.0.0');
  });

  it('模板管理: deleting a check point answered on the checklist page says, before saving, that the 底稿 keeps that answer aside', async () => {
    clearDemo();
    localStorage.setItem('xc-demo:checklist', JSON.stringify(manyProblems));
    frame = await load(`${DEMO}#/templates`, 1366, 768);
    const win = frame.contentWindow!;
    await settle(win);
    const editor = win.document.querySelector('xc-template-editor') as HTMLElementTagNameMap['xc-template-editor'];
    await editor.updateComplete;
    const root = editor.shadowRoot!;
    const answered = Object.keys(manyProblems.items)[0]!;
    root.querySelector<HTMLButtonElement>(`button.delete[data-for="${answered}"]`)!.click();
    await editor.updateComplete;
    root.querySelector<HTMLButtonElement>('button.save')!.click();
    let panel: Element | null = null;
    for (let i = 0; i < 100 && !(panel = root.querySelector('[part="confirm"]')); i++) await wait(30);
    const text = panel!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('1 个已填写的检查要点将被移出清单').and.contain(`(${answered})`);
    expect(root.querySelector('[part="confirm"] .version')!.textContent).to.contain('2.0.0');
  });

  it('模板管理: work on the template survives a reload (offered as a draft and restored)', async () => {
    clearDemo();
    frame = await load(`${DEMO}#/templates`, 1366, 768);
    let win = frame.contentWindow!;
    await settle(win);
    let editor = win.document.querySelector('xc-template-editor') as HTMLElementTagNameMap['xc-template-editor'];
    const box = editor.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[id$="-text"]')!;
    box.focus();
    box.value = `${box.value}（草稿）`;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '（草稿）' }));
    // A draft is written at once when focus leaves.
    box.blur();
    editor.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await wait(300);
    const reloaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
    win.location.reload();
    await reloaded;
    win = frame.contentWindow!;
    await settle(win);
    editor = win.document.querySelector('xc-template-editor') as HTMLElementTagNameMap['xc-template-editor'];
    const restore = editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="draft-banner"] button.primary');
    expect(restore, 'the draft is offered after the reload').to.exist;
    restore!.click();
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[id$="-text"]')!.value).to.contain('（草稿）');
  });

  it('the 整改情况报告 is drafted from the demo ledger; its 公开稿 is refused while a person named in the ledger is in the text', async () => {
    frame = await demoWithARound(1366, 768);
    const win = frame.contentWindow!;
    // A person responsible, as the unit would fill in.
    const stored = JSON.parse(localStorage.getItem('xc-demo:ledger')!) as { items: { responsibility: Record<string, string> }[] };
    stored.items[0]!.responsibility = { leader: '张建国', department: '办公室' };
    localStorage.setItem('xc-demo:ledger', JSON.stringify(stored));
    const doc = await go(win, 'report');
    const report = doc.querySelector('xc-rectification-report') as HTMLElementTagNameMap['xc-rectification-report'];
    await report.updateComplete;
    const model = report.value!.model;
    expect(model.paragraphs.length, 'paragraphs drafted').to.be.greaterThan(0);
    expect(report.publicVersion()!.ok, 'the drafted 公开稿 names nobody').to.equal(true);
    expect(report.editParagraph(model.paragraphs[0]!.id, '张建国同志牵头整改。', true)).to.equal(true);
    const refused = report.publicVersion()!;
    expect(refused.ok).to.equal(false);
    report.mode = 'public';
    await report.updateComplete;
    expect(report.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('张建国');
  });
});

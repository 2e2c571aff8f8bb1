// <xc-feedback-sheet> in Chromium: drafted from signed 底稿 (an unsigned one refused), problems under the
// 三个聚焦 with 共性/个性 as text, edits and 意见建议 by keyboard, 签发 by the 组长 only and locked after,
// the 问题清单 handed to a real <xc-rectification-tracker> with deadlines from the 反馈日期, hostile text,
// axe, English, the draft across a reload, and the A4 print.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/feedback/index.js';
import '../../src/provider/index.js';
import '../../src/rectification/index.js';
import type { XcFeedbackSheet, FeedbackIssueDetail } from '../../src/feedback/xc-feedback-sheet.js';
import type { FeedbackSheet, FeedbackValue } from '../../src/core/feedback.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { expectAccessible } from '../support/a11y.js';
import { KeyCounter, deepActive } from '../a11y/keys.js';
import { assertInert, loadPayloads } from '../support/xss.js';
import { record } from '../support/report.js';
import { problem, signedSheet, twoSheets } from './fixtures.js';

const TODAY = '2026-12-31';
const F1 = '聚焦党的理论路线方针政策和党中央决策部署情况';
const F2 = '聚焦群众身边腐败问题和不正之风';
const F3 = '聚焦基层党组织领导班子和干部队伍建设情况';

async function settle(el: XcFeedbackSheet): Promise<void> {
  await el.updateComplete;
  await el.drafted;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

async function mount(opts: { sheets?: FeedbackSheet[]; value?: FeedbackValue; role?: string; lang?: string; drafts?: ReturnType<typeof memoryDrafts>; draftKey?: string } = {}) {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <button id="before" type="button">before</button>
    <xc-provider today=${TODAY} user-role=${opts.role ?? 'leader'} .user=${{ id: 'u1', name: '王组长' }} .drafts=${opts.drafts}>
      <xc-feedback-sheet lang=${opts.lang ?? 'zh-CN'} draft-key=${opts.draftKey ?? ''} .value=${opts.value}></xc-feedback-sheet>
    </xc-provider>
  </div>`);
  const el = wrap.querySelector('xc-feedback-sheet')!;
  if (opts.sheets) el.sheets = opts.sheets;
  await settle(el);
  return { el, wrap, root: el.shadowRoot! };
}

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<xc-feedback-sheet>', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('drafts from two signed sheets: problems under the 三个聚焦 headings, 共性/个性 written out, counted', async () => {
    const { el, root } = await mount({ sheets: await twoSheets() });
    expect([...root.querySelectorAll('.group h3')].map(text)).to.deep.equal([F1, F2, F3]);
    expect([...root.querySelectorAll('.group')].map((g) => [...g.querySelectorAll('.badge')].map(text))).to.deep.equal([
      ['共性问题'],
      ['个性问题', '未区分共性个性'],
      ['共性问题'],
    ]);
    expect(root.querySelector<HTMLTextAreaElement>('#fb-item-0')!.value).to.equal('学习贯彻不深入，以会议传达会议');
    expect(text(root.querySelector('label[for="fb-item-0"]'))).to.equal('问题 1');
    expect(text(root.querySelector('.counts'))).to.equal('共反馈问题 4 个，其中共性问题 2 个、个性问题 1 个。');
    expect(text(root.querySelector('.basis'))).to.equal('定性依据：《中国共产党章程》');
    // reset() goes back to the first draft, not to nothing.
    el.editItem(el.value.items[0]!.id, '改');
    el.reset();
    await settle(el);
    expect(root.querySelector<HTMLTextAreaElement>('#fb-item-0')!.value).to.equal('学习贯彻不深入，以会议传达会议');
  });

  it('refuses a sheet that is not signed, and says which', async () => {
    const good = await signedSheet('A', { 'f1g1-01': problem('甲') });
    const notYet = await signedSheet('B', { 'f1g1-01': problem('乙') }, 'review');
    const { el, root } = await mount({ sheets: [good, notYet] });
    expect(text(root.querySelector('[part="load-error"]'))).to.equal('第 2 份工作底稿：尚未审签，只有已审签的工作底稿才能起草反馈意见');
    expect(el.value.items).to.deep.equal([]);
  });

  it('problems and 意见建议 are edited with the keyboard alone, the 反馈日期 typed', async () => {
    const { el, wrap, root } = await mount({ sheets: await twoSheets() });
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const keys = new KeyCounter();
    await keys.tabTo((a) => a.id === 'fb-item-1', 'problem 2');
    await keys.press('End');
    await keys.type('，群众反映强烈');
    await keys.tabTo((a) => a.classList.contains('add-suggestion'), 'add a recommendation');
    await keys.press('Enter');
    await settle(el);
    expect(deepActive()?.id).to.equal('fb-sugg-0');
    await keys.type('严格落实村务公开制度');
    await keys.tabTo((a) => a.classList.contains('add-suggestion'), 'add a recommendation');
    await keys.press('Enter');
    await settle(el);
    await keys.type('多余的一条');
    await keys.press('Tab');
    expect(text(deepActive())).to.equal('删除意见建议 2');
    await keys.press('Enter');
    await settle(el);
    await keys.tabTo((a) => a.id === 'fb-date', 'the feedback date');
    // Segment by segment in the order the browser's locale lays the date field out; the year is left with Tab.
    const parts = new Intl.DateTimeFormat(undefined, { calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(2026, 10, 30))
      .filter((p) => p.type !== 'literal');
    for (const [i, p] of parts.entries()) {
      await keys.type(p.value);
      if (p.type === 'year' && i < parts.length - 1) await keys.press('Tab');
    }
    await settle(el);
    expect(el.value.items[1]!.text).to.equal('村务公开不及时，群众反映强烈');
    expect(el.value.suggestions).to.deep.equal(['严格落实村务公开制度']);
    expect(el.value.feedbackDate).to.equal('2026-11-30');
    expect(text(root.querySelector('.due'))).to.equal('整改情况报告报送期限：2027年1月30日');
    // 签发 by keyboard too: focus goes to the note that it is issued.
    const issued = new Promise<CustomEvent<FeedbackIssueDetail>>((r) => el.addEventListener('xc-issue', (e) => r(e), { once: true }));
    await keys.tabTo((a) => a.classList.contains('issue-button'), 'the issue button');
    await keys.press('Enter');
    await settle(el);
    expect((await issued).detail.items.map((i) => i.deadline)).to.deep.equal(Array(4).fill('2027-01-30'));
    expect(deepActive()?.classList.contains('issued')).to.equal(true);
    await record({
      id: 'keyboard.feedback',
      check: 'A 反馈意见 is edited and issued in <xc-feedback-sheet> with the keyboard alone: a problem rewritten, a 意见建议 added, one added and removed, the 反馈日期 typed, 签发; focus follows each add, remove and the 签发',
      figure: `${keys.count} key presses, 1 problem edited, 1 recommendation kept, the date 2026-11-30, 4 问题清单 items due 2027-01-30`,
    });
  });

  it('only the 组长 issues; issued, it is read-only and fires xc-issue with the 问题清单', async () => {
    const sheets = await twoSheets();
    const other = await mount({ sheets, role: 'reviewer' });
    expect(other.root.querySelector('.issue-button')).to.equal(null);
    expect(text(other.root.querySelector('.leader-only'))).to.equal('反馈意见由组长签发。');
    expect(await other.el.issue()).to.equal(null);
    // The host's own role names, mapped as for the 工作底稿's review: 组长 issues.
    other.el.reviewRoles = { leader: ['reviewer'] };
    await settle(other.el);
    expect(other.root.querySelector('.issue-button')).not.to.equal(null);

    const { el, root } = await mount({ sheets });
    const events: CustomEvent<FeedbackIssueDetail>[] = [];
    el.addEventListener('xc-issue', (e) => events.push(e));
    expect((root.querySelector('#fb-issuer') as HTMLInputElement).value).to.equal('王组长');
    root.querySelector<HTMLButtonElement>('.issue-button')!.click();
    await settle(el);
    expect(events.length).to.equal(1);
    const { value, items } = events[0]!.detail;
    expect(value.issuedBy).to.equal('王组长');
    expect(value.feedbackDate, 'today from the provider').to.equal(TODAY);
    expect(items.map((i) => i.deadline)).to.deep.equal(['2027-02-28', '2027-02-28', '2027-02-28', '2027-02-28']);
    expect(root.querySelectorAll('textarea, input, .issue-button, .add-suggestion').length).to.equal(0);
    expect(text(root.querySelector('.issued'))).to.match(/^已签发：王组长，/);
    expect(el.editItem(value.items[0]!.id, '改')).to.equal(false);
    // Drafting again from the same sheets keeps the issued feedback as it was.
    el.sheets = sheets;
    await settle(el);
    expect(el.value).to.deep.equal(value);
  });

  it('an empty problem stops 签发: the error summary takes focus and links to the problem', async () => {
    const { el, root } = await mount({ sheets: await twoSheets() });
    el.editItem(el.value.items[2]!.id, '   ');
    await settle(el);
    expect(await el.issue()).to.equal(null);
    await settle(el);
    const summary = root.querySelector<HTMLElement>('[data-error-summary]')!;
    expect(root.activeElement).to.equal(summary);
    expect(text(summary.querySelector('li'))).to.equal('请填写问题 3 的内容');
    summary.querySelector<HTMLAnchorElement>('a')!.click();
    await settle(el);
    expect(root.activeElement?.id).to.equal('fb-item-2');
    expect(root.querySelector('#fb-item-2')!.getAttribute('aria-describedby')).to.contain('fb-item-2-err');
  });

  it('the 问题清单 in a real <xc-rectification-tracker>: 共性/个性 kept, deadlines two months after the 反馈日期, importing twice adds nothing', async () => {
    const { el } = await mount({ sheets: await twoSheets() });
    el.setFeedbackDate('2026-12-31');
    const items = (await el.issue())!;
    const wrap = await fixture<HTMLDivElement>(html`<div><xc-provider today="2027-01-04" user-role="office"><xc-rectification-tracker></xc-rectification-tracker></xc-provider></div>`);
    const tracker = wrap.querySelector('xc-rectification-tracker')!;
    tracker.value = { version: 1, items: [...items, ...items.filter(() => false)] };
    await tracker.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await tracker.updateComplete;
    const rows = [...tracker.shadowRoot!.querySelectorAll('tr.row')];
    expect(rows.length).to.equal(4);
    expect(rows.map((r) => text(r.querySelector('.c-deadline .date')))).to.deep.equal(Array(4).fill('2027年2月28日'));
    expect(rows.map((r) => text(r.querySelector('.c-focus')))).to.deep.equal([F1, F2, F2, F3]);
    expect(tracker.value.items.map((i) => i.problem.scope ?? null)).to.deep.equal(['common', 'specific', null, 'common']);
    expect(tracker.value.items.map((i) => i['feedbackItemId'])).to.deep.equal(el.value.items.map((i) => i.id));
    // An item opens in the ledger's panel (its id, with the sheet's number and check point, is no trouble).
    rows[1]!.querySelector<HTMLButtonElement>('button.open')!.click();
    for (let i = 0; i < 100 && !tracker.shadowRoot!.querySelector('dialog.detail[open] #detail-title'); i++) await new Promise((r) => setTimeout(r, 20));
    const dialog = tracker.shadowRoot!.querySelector('dialog.detail[open]')!;
    expect(text(dialog.querySelector('#detail-title'))).to.equal('问题 2');
    expect([...dialog.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')].some((b) => b.value === '村务公开不及时')).to.equal(true);
    // The same list again (issued twice, imported twice): ids are the same, so a merge adds nothing.
    expect(el.problemList().map((i) => i.id)).to.deep.equal(items.map((i) => i.id));
  });

  it('hostile text in problems, 定性依据, suggestions and the head stays inert text', async () => {
    const payloads = await loadPayloads();
    const value: FeedbackValue = {
      version: 1,
      unit: payloads[0],
      round: payloads[1],
      items: payloads.map((p, i) => ({
        id: `x${i}`,
        focusArea: payloads[(i + 2) % payloads.length]!,
        scope: i % 3 === 0 ? p : 'common',
        text: p,
        basis: payloads[(i + 1) % payloads.length],
        source: { templateId: 't', checkpointId: p, note: p, sheetNo: p, digest: 'd' },
      })),
      suggestions: payloads,
    };
    const { el, root } = await mount({ value });
    assertInert(root, 'script, img, iframe, object, embed, svg, math, style:not([data-lit]), a:not([href^="#"]), form');
    // A text area keeps every character but writes line breaks as \n, as the browser does.
    const nl = (x: string) => x.replace(/\r\n?/g, '\n');
    expect([...root.querySelectorAll<HTMLTextAreaElement>('.item textarea')].map((t) => t.value).sort()).to.deep.equal(payloads.map(nl).sort());
    el.setFeedbackDate('2026-12-01');
    await el.issue();
    await settle(el);
    assertInert(root, 'script, img, iframe, object, embed, svg, math, a:not([href^="#"]), form');
    expect(root.textContent).to.contain(payloads[3]!.trim().slice(0, 10));
    await record({
      id: 'xss.feedback',
      check: '<xc-feedback-sheet> shows hostile text as inert text while drafting (text areas) and once issued (text), and hands it to the 问题清单 unchanged',
      figure: `${payloads.length} payloads × 8 text paths (unit, round, focus area, scope, problem, basis, source, suggestion)`,
    });
  });

  it('passes axe drafting and issued, in Chinese and in English', async () => {
    const sheets = await twoSheets();
    const { el } = await mount({ sheets });
    el.setSuggestions(['加强学习']);
    await settle(el);
    await expectAccessible(el);
    await el.issue();
    await settle(el);
    await expectAccessible(el);
    const en = await mount({ sheets, lang: 'en' });
    await expectAccessible(en.el);
  });

  it('speaks English', async () => {
    const { root } = await mount({ sheets: await twoSheets(), lang: 'en' });
    expect(text(root.querySelector('.title'))).to.equal('Inspection feedback');
    expect(text(root.querySelector('.counts'))).to.equal('4 problems fed back: 2 common, 1 unit-specific.');
    expect([...root.querySelectorAll('.badge')].map(text)).to.deep.equal(['Common problem', 'Unit-specific problem', 'Common or specific not stated', 'Common problem']);
    expect(text(root.querySelector('label[for="fb-date"]'))).to.equal('Feedback date');
    expect(text(root.querySelector('.issue-button'))).to.equal('Issue');
  });

  it('keeps the typing in a draft across a reload', async () => {
    const drafts = memoryDrafts();
    const sheets = await twoSheets();
    const first = await mount({ sheets, drafts, draftKey: 'fb/round-3' });
    const box = first.root.querySelector<HTMLTextAreaElement>('#fb-item-0')!;
    box.focus();
    box.value = '改写：学习贯彻流于形式';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    first.el.setSuggestions(['建议一']);
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((r) => setTimeout(r, 50));
    first.wrap.remove();
    const again = await mount({ drafts, draftKey: 'fb/round-3' });
    const restore = [...again.root.querySelectorAll<HTMLButtonElement>('[part="draft-banner"] button')].find((b) => text(b) === again.el.t.draftRestore)!;
    restore.click();
    await settle(again.el);
    expect(again.el.value.items[0]!.text).to.equal('改写：学习贯彻流于形式');
    expect(again.el.value.suggestions).to.deep.equal(['建议一']);
  });

  it('prints on A4: text instead of fields, the 组长 signature line, no buttons', async () => {
    const { el, root } = await mount({ sheets: await twoSheets() });
    el.setSuggestions(['建议一']);
    await settle(el);
    window.dispatchEvent(new Event('beforeprint'));
    const adopted = (document.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join(' ');
    await emulateMedia({ media: 'print' });
    expect(adopted.toUpperCase()).to.contain('A4');
    const shown = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)].filter((n) => n.getClientRects().length > 0).length;
    expect(shown('textarea, button, input')).to.equal(0);
    expect(shown('.print-text')).to.equal(5);
    expect(shown('.signature')).to.equal(1);
    expect(text(root.querySelector('.signature'))).to.contain('巡察组组长（签字）：');
    window.dispatchEvent(new Event('afterprint'));
    expect((document.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join(' ').toUpperCase()).not.to.contain('A4');
  });
});

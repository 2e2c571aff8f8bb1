/**
 * The checklist as a 工作底稿: the stored header (typed by keyboard, in the value and in
 * FormData, printed as the sheet's head), 定性依据 beside a problem's description, the bundled
 * template's "a problem needs a method and evidence" rule at the field, and the 三级审核 in the
 * browser: 编制 → 复核 → 退回修改 (the comment beside its check point for the author) → 编制 →
 * 复核 → 审签 with the roles switched on the provider, the lock and fingerprint after 审签, the
 * tamper warning, axe, XSS payloads through the new text paths, and the printed signature blocks.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/checklist/index.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcProvider } from '../../src/provider/xc-provider.js';
import type { ChecklistResponse, ChecklistTemplate } from '../../src/core/checklist.js';
import { memoryDrafts } from '../../src/core/draft.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { expectAccessible } from '../support/a11y.js';
import { assertInert, loadPayloads } from '../support/xss.js';
import { KeyCounter, deepActive } from '../a11y/keys.js';

const TODAY = '2026-11-20';
const small: ChecklistTemplate = {
  id: 'wp-small',
  version: '1',
  title: '工作底稿（测试）',
  findings: [
    { value: 'problem', label: { 'zh-CN': '存在问题', en: 'Problem found' }, isProblem: true },
    { value: 'none', label: { 'zh-CN': '未发现问题', en: 'No problem' } },
  ],
  methods: [
    { value: 'documents', label: { 'zh-CN': '查阅资料', en: 'Documents' } },
    { value: 'attend-meetings', label: { 'zh-CN': '列席会议', en: 'Attending meetings' } },
  ],
  rules: { requireAll: true, requireMethodForProblem: true, requireEvidenceForProblem: true },
  sections: [{ id: 's1', title: '第一部分', groups: [{ id: 'g1', title: '第一组', items: [{ id: 'p1', text: '是否存在甲问题' }, { id: 'p2', text: '是否存在乙问题' }] }] }],
};

const filled = (): ChecklistResponse => ({
  templateId: 'wp-small',
  templateVersion: '1',
  header: { no: '一组-底稿-007', unit: '某乡人民政府', team: '区委第一巡察组', round: '第三轮', preparedBy: '张三', preparedOn: '2026-11-18' },
  items: {
    p1: { finding: 'problem', description: '三重一大事项未经集体研究', basis: '《中国共产党支部工作条例》第十九条', methods: ['documents'], evidence: [{ title: '党委会议记录' }] },
    p2: { finding: 'none' },
  },
});

async function settle(el: XcChecklist) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    const review = el.shadowRoot!.querySelector('xc-checklist-review');
    if (review) await (review as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await nextFrame();
  }
}

const root = (el: XcChecklist) => el.shadowRoot!;
const panel = (el: XcChecklist) => root(el).querySelector('xc-checklist-review')!.shadowRoot!;
const item = (el: XcChecklist, id: string) => root(el).querySelector<HTMLElement>(`#xc-item-${id}`)!;

async function inProvider(value: ChecklistResponse | null, template: ChecklistTemplate | undefined = small) {
  const p = await fixture<XcProvider>(html`<xc-provider today=${TODAY} user-role="preparer" .user=${{ id: 'u1', name: '张三' }} .drafts=${memoryDrafts()}>
    <xc-checklist .template=${template} .value=${value}></xc-checklist>
  </xc-provider>`);
  const el = p.querySelector('xc-checklist')!;
  await settle(el);
  return { p, el };
}

async function as(p: XcProvider, el: XcChecklist, role: string, name: string) {
  p.userRole = role;
  p.user = { id: name, name };
  await p.updateComplete;
  await settle(el);
}

function type(field: HTMLTextAreaElement | HTMLInputElement | HTMLSelectElement, v: string) {
  field.value = v;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

async function act(el: XcChecklist, action: string, opinion?: string) {
  const pr = panel(el);
  if (opinion !== undefined) type(pr.querySelector<HTMLTextAreaElement>('#wp-opinion')!, opinion);
  await settle(el);
  const button = pr.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  expect(button, `a ${action} button for the role`).to.exist;
  button!.click();
  // The step (and, for 审签, the fingerprint) is asynchronous.
  for (let i = 0; i < 10 && !panel(el).querySelector('button:not([disabled])[data-action]') && el.reviewState !== 'signed'; i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 30));
  await settle(el);
}

describe('<xc-checklist> as a 工作底稿', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('takes the header typed by keyboard into its value and into FormData', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><button id="before" type="button">before</button><xc-checklist name="wp" .template=${small}></xc-checklist></form>`);
    const el = form.querySelector('xc-checklist')!;
    await settle(el);
    form.querySelector<HTMLButtonElement>('#before')!.focus();
    const keys = new KeyCounter();
    const typed: Record<string, string> = { no: '一组-底稿-007', unit: '某乡人民政府', team: '区委第一巡察组', round: '第三轮', preparedBy: '张三' };
    for (const [k, v] of Object.entries(typed)) {
      await keys.tabTo((e) => e.id === `xc-h-${k}`, `the ${k} field`, { max: 12 });
      expect(root(el).querySelector(`label[for="xc-h-${k}"]`)!.textContent!.trim()).to.not.equal('');
      await keys.type(v);
    }
    await keys.tabTo((e) => e.id === 'xc-h-preparedOn', 'the date field', { max: 3 });
    // The date's parts in the order the browser's locale shows them (year first in zh-CN, month first in en-US).
    const parts = { year: '2026', month: '11', day: '18' } as Record<string, string>;
    for (const part of new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2026, 10, 18))) if (parts[part.type]) await keys.type(parts[part.type]!);
    await el.updateComplete;
    expect(el.value!.header).to.deep.equal({ ...typed, preparedOn: '2026-11-18' });
    el.dispatchEvent(new FocusEvent('focusout'));
    (deepActive() as HTMLElement | null)?.blur();
    await new Promise((r) => setTimeout(r, 300));
    const sent = JSON.parse(new FormData(form).get('wp') as string);
    expect(sent.header).to.deep.equal({ ...typed, preparedOn: '2026-11-18' });
  });

  it('shows 定性依据 beside the description of a problem, kept in the answer', async () => {
    const { el } = await inProvider(null);
    item(el, 'p1').querySelector<HTMLInputElement>('.finding[data-value="problem"] input')!.click();
    await settle(el);
    const basis = item(el, 'p1').querySelector<HTMLTextAreaElement>('textarea[data-field="basis"]')!;
    expect(basis.labels![0]!.textContent).to.contain('定性依据');
    const desc = item(el, 'p1').querySelector('textarea[data-field="description"]')!;
    expect(desc.compareDocumentPosition(basis) & Node.DOCUMENT_POSITION_FOLLOWING, 'right after the description').to.not.equal(0);
    type(basis, '《条例》第五条');
    expect(el.value!.items['p1']!.basis).to.equal('《条例》第五条');
    await expectAccessible(el);
  });

  it('the bundled template: a problem without a method or evidence shows the translated errors at the field and is not submitted', async () => {
    const template = checklistSanjujiao as unknown as ChecklistTemplate;
    const items: ChecklistResponse['items'] = {};
    for (const s of template.sections) for (const g of s.groups) for (const p of g.items) items[p.id] = { finding: 'none' };
    items['f1g1-01'] = { finding: 'problem', description: '理论学习中心组全年仅学习2次' };
    const el = await fixture<XcChecklist>(html`<xc-checklist .value=${{ templateId: 'xc-sanjujiao', templateVersion: template.version, items }}></xc-checklist>`);
    await settle(el);
    let submitted = false;
    el.addEventListener('xc-submit', () => (submitted = true));
    expect(await el.submit()).to.equal(false);
    await settle(el);
    expect(submitted).to.equal(false);
    const summary = root(el).querySelector<HTMLElement>('[data-error-summary]')!;
    expect(root(el).activeElement, 'focus on the error summary').to.equal(summary);
    expect(summary.textContent).to.contain('请选择至少一种发现方式').and.contain('请添加至少一项佐证材料');
    const point = item(el, 'f1g1-01');
    expect(point.querySelector('#f1g1-01-methods-error')!.textContent).to.contain('请选择至少一种发现方式');
    expect(point.querySelector('#f1g1-01-evidence-error')!.textContent).to.contain('请添加至少一项佐证材料');
    expect(point.querySelector('fieldset.evidence')!.getAttribute('aria-describedby')).to.equal('f1g1-01-evidence-error');
    const methods = [...point.querySelectorAll('fieldset.field.inline label')].map((l) => l.textContent!.trim());
    expect(methods).to.include.members(['列席会议', '个别访谈/座谈', '民主测评', '问卷调查', '调阅复制']);
    el.lang = 'en';
    await settle(el);
    await el.reportValidity();
    await settle(el);
    expect(item(el, 'f1g1-01').querySelector('#f1g1-01-methods-error')!.textContent).to.contain('Select at least one method');
  });

  it('编制 → 复核 → 退回修改 (comment beside its check point) → 编制 → 复核 → 审签, roles switched on the provider; locked and fingerprinted after 审签', async () => {
    const { p, el } = await inProvider(filled());
    const events: string[] = [];
    el.addEventListener('xc-review', (e) => events.push(`${(e as CustomEvent).detail.action}:${(e as CustomEvent).detail.state}`));
    expect(panel(el).querySelector('.state')!.textContent).to.contain('编制中');
    // The reviewer has nothing to do on a sheet being drafted.
    await as(p, el, 'reviewer', '李四');
    expect(panel(el).querySelector('button[data-action]')).to.equal(null);
    expect(panel(el).textContent).to.contain('没有可办理的审核步骤');

    await as(p, el, 'preparer', '张三');
    await act(el, 'submit', '请复核');
    expect(el.reviewState).to.equal('submitted');
    expect(panel(el).querySelector('.state')!.textContent).to.contain('待复核');
    expect(item(el, 'p1').querySelector('input, textarea'), 'locked while under review').to.equal(null);
    expect(root(el).querySelector('#xc-h-no'), 'the header too').to.equal(null);

    // 副组长 returns it with a comment pinned to p1.
    await as(p, el, 'reviewer', '李四');
    panel(el).querySelector<HTMLButtonElement>('button.add')!.click();
    await settle(el);
    type(panel(el).querySelector<HTMLSelectElement>('#wp-c0-point')!, 'p1');
    type(panel(el).querySelector<HTMLTextAreaElement>('#wp-c0-text')!, '请补充会议记录页码');
    await act(el, 'return', '证据不够具体');
    expect(el.reviewState).to.equal('returned');

    // The author sees the comment beside p1, not beside p2, and can edit again.
    await as(p, el, 'preparer', '张三');
    const note = item(el, 'p1').querySelector('.return-comment')!;
    expect(note.textContent).to.contain('退回意见').and.contain('请补充会议记录页码');
    expect(item(el, 'p1').querySelector('fieldset.point')!.getAttribute('aria-describedby')).to.contain('p1-comment');
    expect(item(el, 'p2').querySelector('.return-comment')).to.equal(null);
    await expectAccessible(el);
    const ev = item(el, 'p1').querySelector<HTMLInputElement>('[data-field="evidence.0.title"]')!;
    type(ev, '党委会议记录第12页');
    await act(el, 'submit', '已补充');
    expect(el.reviewState).to.equal('submitted');
    expect(item(el, 'p1').querySelector('.return-comment'), 'gone once resubmitted').to.equal(null);

    await as(p, el, 'reviewer', '李四');
    await act(el, 'review', '同意，报组长审签');
    expect(el.reviewState).to.equal('reviewed');

    // The 组长 cannot sign without an opinion.
    await as(p, el, 'leader', '王五');
    await act(el, 'sign', '');
    expect(el.reviewState).to.equal('reviewed');
    expect(panel(el).querySelector('#wp-refused')!.textContent).to.contain('请填写审核意见');
    await act(el, 'sign', '同意');
    expect(el.reviewState).to.equal('signed');

    const v = el.value!;
    expect(v.signature!.digest).to.match(/^[0-9a-f]{64}$/);
    expect(v.review!.steps.map((s) => `${s.action}:${s.by}`)).to.deep.equal(['submit:张三', 'return:李四', 'submit:张三', 'review:李四', 'sign:王五']);
    expect(v.review!.steps[1]!.comments).to.deep.equal({ p1: '请补充会议记录页码' });
    expect(v.review!.steps.every((s) => s.at.startsWith(TODAY))).to.equal(true);
    expect(events).to.deep.equal(['submit:submitted', 'return:returned', 'submit:submitted', 'review:reviewed', 'sign:signed']);
    expect(await el.verify()).to.equal(true);
    await settle(el);
    const status = panel(el).querySelector('.banner')!;
    expect(status.textContent).to.contain('核验一致').and.contain(v.signature!.digest.slice(0, 8));
    // Locked for every role.
    expect(item(el, 'p1').querySelector('input, textarea')).to.equal(null);
    expect(panel(el).querySelector('button[data-action]')).to.equal(null);
    expect(root(el).querySelector('.banner[role="note"]')!.textContent).to.contain('底稿已审签');
    expect((await el.review('return', { opinion: '再看看' })).ok).to.equal(false);
    await expectAccessible(el);
  });

  it('a signed sheet changed afterwards shows the tamper warning', async () => {
    const { p, el } = await inProvider(filled());
    for (const [role, action, opinion] of [['preparer', 'submit', ''], ['reviewer', 'review', '同意'], ['leader', 'sign', '同意']] as const) {
      await as(p, el, role, `${role}-name`);
      expect((await el.review(action, { opinion })).ok, action).to.equal(true);
    }
    const signed = el.value!;
    el.value = { ...signed, items: { ...signed.items, p1: { ...signed.items['p1']!, description: '改过的描述' } } };
    await el.verify();
    await settle(el);
    const alert = panel(el).querySelector('.tamper[role="alert"]')!;
    expect(alert.textContent).to.contain('警告').and.contain('指纹不一致');
    expect(el.verified).to.equal(false);
    expect(el.reviewState, 'still locked').to.equal('signed');
    await expectAccessible(el);
  });

  it('XSS payloads in the header, 定性依据 and review comments stay inert text', async () => {
    const payloads = await loadPayloads();
    const batch = payloads.slice(0, 40);
    const { p, el } = await inProvider(filled());
    const header = Object.fromEntries(['no', 'unit', 'team', 'round', 'preparedBy'].map((k, i) => [k, batch[i % batch.length]!]));
    const value = filled();
    value.header = header;
    value.items['p1']!.basis = batch.join('\n');
    await as(p, el, 'preparer', batch[5]!);
    el.value = value;
    await settle(el);
    expect((await el.review('submit')).ok).to.equal(true);
    await as(p, el, 'reviewer', batch[6]!);
    expect((await el.review('return', { opinion: batch[7]!, comments: { p1: batch.slice(8).join(' '), p2: batch[9]! } })).ok).to.equal(true);
    await as(p, el, 'preparer', '张三');
    await settle(el);
    expect(item(el, 'p1').querySelector('.return-comment')!.textContent).to.contain(batch[8]!);
    const forbidden = 'script, img, iframe, svg, math, object, embed, frame, frameset, video, audio, style, link, meta, base, form, marquee, details';
    assertInert(root(el), forbidden);
    assertInert(panel(el), forbidden);
    expect((root(el).querySelector('#xc-h-unit') as HTMLInputElement).value).to.equal(header['unit']);
    expect(panel(el).textContent).to.contain(batch[7]!);
  });

  it('prints the header as the sheet’s head and the three signature blocks', async () => {
    const { p, el } = await inProvider(filled());
    for (const [role, action, opinion, name] of [['preparer', 'submit', '', '张三'], ['reviewer', 'review', '同意', '李四'], ['leader', 'sign', '同意上报', '王五']] as const) {
      await as(p, el, role, name);
      expect((await el.review(action, { opinion })).ok, action).to.equal(true);
    }
    await settle(el);
    const head = root(el).querySelector<HTMLElement>('.print-head')!;
    const blocks = () => [...panel(el).querySelectorAll<HTMLElement>('.p-sign .sig')];
    expect(head.getBoundingClientRect().height, 'not on screen').to.equal(0);
    expect(blocks()[0]!.getBoundingClientRect().height).to.equal(0);
    await emulateMedia({ media: 'print' });
    await nextFrame();
    expect(head.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(head.textContent).to.contain('底稿编号').and.contain('一组-底稿-007').and.contain('被巡察单位').and.contain('某乡人民政府').and.contain('编制日期').and.contain('2026-11-18');
    const sig = blocks();
    expect(sig).to.have.length(3);
    for (const b of sig) expect(b.getBoundingClientRect().height, b.dataset['level']).to.be.greaterThan(0);
    expect(sig.map((b) => b.querySelector('h4')!.textContent)).to.deep.equal(['编制（承办人）', '复核（副组长）', '审签（组长）']);
    expect(sig[0]!.textContent).to.contain('张三');
    expect(sig[1]!.textContent).to.contain('李四').and.contain('同意');
    expect(sig[2]!.textContent).to.contain('王五').and.contain('同意上报').and.contain('2026');
    // Side by side on the page, in one row.
    const [a, b, c] = sig.map((x) => x.getBoundingClientRect());
    expect(a!.top).to.equal(b!.top);
    expect(b!.top).to.equal(c!.top);
    expect(a!.right).to.be.at.most(b!.left + 1);
    expect(root(el).querySelector<HTMLElement>('fieldset.wp-header, dl.wp-header')!.getBoundingClientRect().height, 'the on-screen header is not printed').to.equal(0);
  });

  it('keyboard only: the 副组长 returns the sheet with a comment pinned to a check point, the 承办人 reads it there', async () => {
    const { p, el } = await inProvider(filled());
    expect((await el.review('submit')).ok).to.equal(true);
    await as(p, el, 'reviewer', '李四');
    const before = document.createElement('button');
    before.textContent = 'before';
    p.before(before);
    before.focus();
    const keys = new KeyCounter();
    const inPanel = (sel: string) => (e: Element) => e.getRootNode() === panel(el) && e.matches(sel);
    await keys.tabTo(inPanel('#wp-opinion'), 'the opinion', { max: 40 });
    await keys.type('证据不够具体');
    await keys.tabTo(inPanel('button.add'), 'add a comment', { max: 5 });
    await keys.press('Enter');
    await settle(el);
    // Focus moves to the new comment's check point; ↓ picks the second one.
    expect(deepActive()!.id).to.equal('wp-c0-point');
    await keys.press('ArrowDown');
    await keys.tabTo(inPanel('#wp-c0-text'), 'the comment', { max: 3 });
    await keys.type('未写明检查范围');
    await keys.tabTo(inPanel('button[data-action="return"]'), 'the return button', { max: 6 });
    await keys.press('Enter');
    for (let i = 0; i < 20 && el.reviewState !== 'returned'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(el.reviewState).to.equal('returned');
    expect(el.value!.review!.steps.at(-1)!.comments).to.deep.equal({ p2: '未写明检查范围' });
    await as(p, el, 'preparer', '张三');
    expect(item(el, 'p2').querySelector('.return-comment')!.textContent).to.contain('未写明检查范围');
    before.remove();
  });

  it('the header goes into the draft and comes back with it', async () => {
    const drafts = memoryDrafts();
    const p = await fixture<XcProvider>(html`<xc-provider .drafts=${drafts}><xc-checklist draft-key="wp-1" .template=${small}></xc-checklist></xc-provider>`);
    const el = p.querySelector('xc-checklist')!;
    await settle(el);
    type(root(el).querySelector<HTMLInputElement>('#xc-h-unit')!, '某乡人民政府');
    window.dispatchEvent(new Event('pagehide'));
    expect((drafts.entries.get('wp-1')!.value as ChecklistResponse).header).to.deep.equal({ unit: '某乡人民政府' });
    const again = await fixture<XcProvider>(html`<xc-provider .drafts=${drafts}><xc-checklist draft-key="wp-1" .template=${small}></xc-checklist></xc-provider>`);
    const el2 = again.querySelector('xc-checklist')!;
    await settle(el2);
    root(el2).querySelector<HTMLButtonElement>('[part=draft-banner] button.primary')!.click();
    await settle(el2);
    expect((root(el2).querySelector('#xc-h-unit') as HTMLInputElement).value).to.equal('某乡人民政府');
  });

  it('maps the portal’s own role names with reviewRoles, and speaks English with lang="en"', async () => {
    const { p, el } = await inProvider(filled());
    el.reviewRoles = { preparer: ['承办人'], reviewer: ['副组长'], leader: ['组长'] };
    await as(p, el, 'preparer', '张三');
    expect(panel(el).querySelector('button[data-action]'), 'the default name no longer acts').to.equal(null);
    await as(p, el, '承办人', '张三');
    expect(panel(el).querySelector('button[data-action="submit"]')!.textContent).to.contain('提交复核');
    await act(el, 'submit');
    await as(p, el, '副组长', '李四');
    el.lang = 'en';
    await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    const buttons = [...panel(el).querySelectorAll('button[data-action]')].map((b) => b.textContent!.trim());
    expect(buttons).to.deep.equal(['Approve review', 'Return for changes']);
    expect(panel(el).querySelector('.state')!.textContent).to.contain('Awaiting review');
    expect(root(el).querySelector('.banner[role="note"]')!.textContent).to.contain('under review');
    expect(root(el).querySelector('dl.wp-header')!.textContent).to.contain('Sheet number').and.contain('一组-底稿-007');
    await act(el, 'review', '');
    expect(panel(el).querySelector('#wp-refused')!.textContent).to.contain('Enter an opinion');
    await expectAccessible(el);
  });

  it('shows each step’s time as it was signed (in the step’s own offset), whatever the machine’s zone', async () => {
    const value: ChecklistResponse = {
      ...filled(),
      review: {
        state: 'returned',
        steps: [
          { action: 'submit', level: 'preparer', by: '张三', role: 'preparer', at: '2026-11-18T17:20:00+08:00', opinion: '请复核' },
          { action: 'return', level: 'reviewer', by: '李四', role: 'reviewer', at: '2026-11-19T08:05:00+08:00', opinion: '退回', comments: { p1: '补充' } },
        ],
      },
    };
    const { el } = await inProvider(value);
    const history = [...panel(el).querySelectorAll('.history > li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(history[0]).to.contain('2026年11月18日').and.contain('17:20');
    expect(history[1]).to.contain('2026年11月19日').and.contain('08:05');
    expect(panel(el).querySelector('.sig[data-level="preparer"]')!.textContent).to.contain('17:20');
  });

  it('a signed sheet is not offered an older draft in its place', async () => {
    const { p, el } = await inProvider(filled());
    for (const [role, action] of [['preparer', 'submit'], ['reviewer', 'review'], ['leader', 'sign']] as const) {
      await as(p, el, role, role);
      await el.review(action, { opinion: '同意' });
    }
    const signed = el.value!;
    const drafts = memoryDrafts();
    drafts.entries.set('wp-signed', { value: filled(), savedAt: Date.now(), templateVersion: '1' });
    const again = await fixture<XcProvider>(html`<xc-provider .drafts=${drafts}><xc-checklist draft-key="wp-signed" .template=${small} .value=${signed}></xc-checklist></xc-provider>`);
    const el2 = again.querySelector('xc-checklist')!;
    await settle(el2);
    expect(el2.reviewState).to.equal('signed');
    expect(root(el2).querySelector('[part=draft-banner] button.primary')?.textContent ?? null, 'no restore offered').to.equal(null);
  });

  it('without a user on the provider, the step asks for the name to sign with', async () => {
    const p = await fixture<XcProvider>(html`<xc-provider today=${TODAY} user-role="preparer" .drafts=${memoryDrafts()}><xc-checklist .template=${small} .value=${filled()}></xc-checklist></xc-provider>`);
    const el = p.querySelector('xc-checklist')!;
    await settle(el);
    const name = panel(el).querySelector<HTMLInputElement>('#wp-name')!;
    expect(name.labels![0]!.textContent).to.contain('签名');
    await act(el, 'submit');
    expect(el.reviewState).to.equal('drafting');
    expect(panel(el).querySelector('#wp-refused')!.textContent).to.contain('请填写签名');
    expect(panel(el).activeElement).to.equal(panel(el).querySelector('#wp-name'));
    type(panel(el).querySelector<HTMLInputElement>('#wp-name')!, '赵六');
    await act(el, 'submit');
    expect(el.reviewState).to.equal('submitted');
    expect(el.value!.review!.steps[0]!.by).to.equal('赵六');
  });

  it('old responses without header or review load as a sheet being drafted', async () => {
    const { el } = await inProvider({ templateId: 'wp-small', templateVersion: '1', items: { p1: { finding: 'none' } }, hostNote: 1 } as ChecklistResponse);
    expect(el.reviewState).to.equal('drafting');
    expect((root(el).querySelector('#xc-h-no') as HTMLInputElement).value).to.equal('');
    expect(el.value!['hostNote']).to.equal(1);
    expect(el.value!.header).to.equal(undefined);
  });
});

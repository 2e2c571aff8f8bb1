import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/interview/index.js';
import '../../src/provider/index.js';
import type { XcClueSheet } from '../../src/interview/xc-clue-sheet.js';
import { fingerprint, sign } from '../../src/core/fingerprint.js';
import { interviewToClues } from '../../src/core/form-clues.js';
import { expectAccessible } from '../support/a11y.js';
import { control, settle, text, type } from '../form/helpers.js';
import { filledInterview as filled } from '../fixtures/records.js';

const NOW = '2026-11-26T10:45:00+08:00';


const mount = (value?: unknown, lang = '') =>
  fixture<HTMLElement>(html`<xc-provider today=${NOW}><xc-interview-form lang=${lang || 'zh-CN'} .value=${value}></xc-interview-form></xc-provider>`).then(async (p) => {
    const el = p.querySelector('xc-interview-form')!;
    await settle(el);
    return el;
  });

describe('<xc-interview-form>', () => {
  it('renders the bundled 个别谈话记录 template', async () => {
    const el = await mount();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('.title'))).to.equal('个别谈话记录');
    expect(control(el, 'interviewers').querySelectorAll(':scope > ol > li')).to.have.length(2);
    expect(control(el, 'transcript').querySelectorAll(':scope > ol > li')).to.have.length(1);
    expect(text(control<HTMLFieldSetElement>(el, 'outline').querySelector('legend'))).to.equal('谈话提纲（选填）');
    expect(text(root.querySelector('[part=sign]'))).to.equal('确认并签署');
    expect(!!root.querySelector('[part=submit]')).to.equal(false);
    expect([...root.querySelectorAll('.section-title')].map((h) => text(h))).to.deep.equal(['基本情况', '谈话内容', '确认']);
    await expectAccessible(el);
  });

  it('refuses to sign an incomplete record and shows what is missing', async () => {
    const el = await mount();
    setTimeout(() => root(el).querySelector<HTMLButtonElement>('[part=sign]')!.click());
    const inv = (await oneEvent(el, 'xc-invalid')) as CustomEvent;
    expect(inv.detail.errors.map((e: { path: string }) => e.path)).to.include.members(['recordNo', 'place', 'interviewers.0.name', 'confidentialityReminder']);
    await settle(el);
    expect(el.signed).to.equal(false);
    expect(text(root(el).querySelector('.error-summary'))).to.contain('请填写谈话地点').and.contain('请确认已向谈话对象告知保密纪律');
    await expectAccessible(el);
  });

  it('signs: validates, fingerprints with the environment clock, and locks the record', async () => {
    const el = await mount(filled());
    setTimeout(() => root(el).querySelector<HTMLButtonElement>('[part=sign]')!.click());
    const ev = (await oneEvent(el, 'xc-sign')) as CustomEvent;
    const value = el.value as Record<string, any>;
    expect(ev.detail.digest).to.equal(value.signature.digest);
    expect(value.signature.algorithm).to.equal('SHA-256');
    expect(value.signature.digest).to.equal(await fingerprint(filled()));
    expect(Date.parse(value.signature.signedAt)).to.equal(Date.parse(NOW));
    expect(value.signature.signedAt).to.match(/^2026-11-2\dT\d\d:45:00[+-]\d\d:\d\d$/);
    await settle(el);
    expect(root(el).querySelectorAll('input, select, textarea').length, 'read-only from now on').to.equal(0);
    expect(!!root(el).querySelector('[part=sign]')).to.equal(false);
    const status = root(el).querySelector('[part=signature]')!;
    expect(text(status)).to.contain('已锁定').and.contain('核验通过');
    expect(text(status.querySelector('.digest')).replace(/ /g, '')).to.equal(value.signature.digest);
    await expectAccessible(el);
    // Locked also after a reload: the value carries its signature.
    const again = await mount(value);
    expect(root(again).querySelectorAll('input, select, textarea').length).to.equal(0);
    await again.verify();
    await settle(again);
    expect(text(root(again).querySelector('[part=signature]'))).to.contain('核验通过');
  });

  it('gives the same fingerprint for the same record, another for one changed character', async () => {
    const a = await sign(filled(), NOW);
    const reordered = Object.fromEntries(Object.entries(filled()).reverse());
    expect((await sign(reordered, '2027-01-01T00:00:00+08:00')).signature.digest).to.equal(a.signature.digest);
    const changed = filled();
    (changed['transcript'] as { answer: string }[])[0]!.answer = '春节前单位发放过购物卡，每人900元。';
    expect((await sign(changed, NOW)).signature.digest).not.to.equal(a.signature.digest);
    expect(a.signature.digest).to.match(/^[0-9a-f]{64}$/);
  });

  it('warns when a signed record no longer matches its fingerprint', async () => {
    const signed = await sign(filled(), NOW);
    (signed['transcript'] as { answer: string }[])[1]!.answer += '。';
    const el = await mount(signed);
    await el.verify();
    await settle(el);
    const warning = root(el).querySelector('[part=signature]')!;
    expect(warning.getAttribute('role')).to.equal('alert');
    expect(text(warning)).to.contain('不一致');
    expect(root(el).querySelectorAll('input, select, textarea').length).to.equal(0);
    await expectAccessible(el);
  });

  it('prints an A4 谈话笔录 with signature lines and the fingerprint', async () => {
    const signed = await sign(filled(), NOW);
    const el = await mount(signed);
    el.printView = true;
    await settle(el);
    const view = root(el).querySelector('.print-view')!;
    expect(text(view.querySelector('.p-title'))).to.equal('个别谈话笔录');
    expect(text(view.querySelector('.p-no'))).to.equal('编号：区委第一巡察组-谈-007');
    expect(text(view.querySelector('.p-secret'))).to.equal('注意保密');
    const rows = [...view.querySelectorAll('.p-row')].map((r) => text(r));
    expect(rows).to.include.members(['谈话对象赵六（区农业农村局 科员 中共党员）', '谈话人张三（区委第一巡察组 组长）、李四（区委第一巡察组 副组长）', '问请谈谈本单位落实中央八项规定精神的情况。']);
    expect(rows.some((r) => r.startsWith('开始时间2026年11月26日'))).to.equal(true);
    expect([...view.querySelectorAll('.sig')].map((s) => text(s).split('：')[0])).to.deep.equal(['谈话人（签字）', '记录人（签字）', '谈话对象（签字）']);
    expect(text(view.querySelector('.p-foot'))).to.equal(`记录指纹（SHA-256）：${signed.signature.digest}`);
    expect(text(view), 'the fingerprint is not printed twice in the body').not.to.contain('记录指纹摘要');
    expect(rows.some((r) => r.startsWith('记录编号')), 'nor the number').to.equal(false);
    await expectAccessible(el);
    // Printing for real: the footer goes into the page margins too.
    el.printView = false;
    await settle(el);
    window.dispatchEvent(new Event('beforeprint'));
    const rules = (document as unknown as { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    window.dispatchEvent(new Event('afterprint'));
    expect(rules).to.contain(signed.signature.digest);
  });

  it('turns problems flagged as clues into clue-sheet values', async () => {
    const el = await mount(filled());
    const button = [...root(el).querySelectorAll('button')].find((b) => text(b).includes('问题线索'))!;
    expect(text(button)).to.equal('将 1 个问题登记为问题线索');
    setTimeout(() => button.click());
    const ev = (await oneEvent(el, 'xc-clues')) as CustomEvent;
    expect(ev.detail.clues).to.deep.equal(interviewToClues(filled()));
    expect(el.clues()[0]!.mainProblem).to.equal('春节前以慰问名义发放购物卡。');
  });

  it('speaks English', async () => {
    const el = await mount(undefined, 'en');
    expect(text(root(el).querySelector('.title'))).to.equal('Individual interview record');
    expect(text(root(el).querySelector('[part=sign]'))).to.equal('Confirm and sign');
    type(control(el, 'recordNo'), 'T1-I-001');
    await el.sign();
    await settle(el);
    expect(text(root(el).querySelector('.error-summary h2'))).to.equal('There is a problem');
    expect(text(root(el).querySelector('.error-summary'))).to.contain('Enter where the interview took place');
    await expectAccessible(el);
  });
});

describe('<xc-clue-sheet>', () => {
  it('is pre-filled from an interview and keeps where the clue came from', async () => {
    const [clue] = interviewToClues(filled());
    const el = await fixture<XcClueSheet>(html`<xc-clue-sheet .value=${clue}></xc-clue-sheet>`);
    await settle(el);
    expect(text(root(el).querySelector('.title'))).to.equal('问题线索登记移交表');
    expect(control<HTMLTextAreaElement>(el, 'mainProblem').value).to.equal('春节前以慰问名义发放购物卡。');
    expect(control<HTMLSelectElement>(el, 'source').selectedOptions[0]!.textContent).to.equal('个别谈话');
    expect(control(el, 'receivedOn').value).to.equal('2026-11-26');
    expect(control(el, 'transferTo').value, 'defaults fill what the clue lacks').to.equal('区纪委');
    expect(control(el, 'personConcerned.name').value).to.equal('单位办公室主任');
    await expectAccessible(el);
    type(control(el, 'clueNo'), '线-001');
    type(control(el, 'personConcerned.unit'), '区农业农村局');
    type(control<HTMLTextAreaElement>(el, 'proposedHandling'), '建议移交区纪委监委初步核实');
    setTimeout(() => el.submit());
    const ev = (await oneEvent(el, 'xc-submit')) as CustomEvent;
    expect(ev.detail.value.sourceRef).to.deep.equal({ kind: 'interview', recordNo: '区委第一巡察组-谈-007' });
    expect(ev.detail.value.proposedHandling, '处理建议 is the team’s own words').to.equal('建议移交区纪委监委初步核实');
  });
});

function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

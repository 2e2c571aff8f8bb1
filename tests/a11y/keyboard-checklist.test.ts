/**
 * A checklist completed with the keyboard alone, from a button on the page before it:
 * Tab / Shift+Tab to move, Space and arrow keys to answer, typing for the description,
 * Enter to submit. No control is focused or clicked by script.
 * (tests/checklist/xc-checklist-keyboard.test.ts covers Alt+arrows and the error summary.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/checklist/index.js';
import { expectAccessible } from '../support/a11y.js';
import { record } from '../support/report.js';
import { KeyCounter, deepActive, labelText } from './keys.js';
import { smallTemplate } from './fixtures.js';

const inItem = (id: string) => (el: Element) => !!el.closest(`#xc-item-${id}`) && el.matches('input[type=radio]');

describe('keyboard only: <xc-checklist>', () => {
  it('answers every check point, describes the problem and submits with keys alone', async () => {
    const template = await smallTemplate();
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <button id="before" type="button">before</button>
      <xc-checklist .template=${template}></xc-checklist>
    </div>`);
    const el = wrap.querySelector('xc-checklist')!;
    await el.updateComplete;
    let submitted: CustomEvent | null = null;
    el.addEventListener('xc-submit', (e) => (submitted = e as CustomEvent));
    // Focus starts on the page, outside the element.
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const keys = new KeyCounter();

    // Check point 1: Tab into its findings, Space picks the first (存在问题), Tab to the description.
    const first = await keys.tabTo(inItem('q1'), 'the first check point');
    expect(labelText(first)).to.contain('存在问题');
    await keys.press('Space');
    await el.updateComplete;
    const desc = await keys.tabTo((e) => e.getAttribute('data-field') === 'description', 'the description of check point 1', { max: 3 });
    expect(desc.closest('#xc-item-q1')).to.exist;
    await keys.type('三重一大事项未经集体研究');

    // Check point 2: Tab to it, → moves to and picks 未发现问题.
    await keys.tabTo(inItem('q2'), 'the second check point', { max: 10 });
    await keys.press('ArrowRight');
    // Check point 3: ← from the first finding wraps to the last, 不适用.
    await keys.tabTo(inItem('q3'), 'the third check point', { max: 10 });
    await keys.press('ArrowLeft');
    await el.updateComplete;
    expect(labelText(deepActive()!)).to.contain('不适用');
    expect(el.value!.items).to.deep.equal({
      q1: { finding: 'problem', description: '三重一大事项未经集体研究' },
      q2: { finding: 'none' },
      q3: { finding: 'na' },
    });

    // Back up to the submit button with Shift+Tab, Enter submits.
    await keys.tabTo((e) => e.getAttribute('part') === 'submit', 'the submit button', { back: true, max: 30 });
    await keys.press('Enter');
    await el.updateComplete;
    expect(submitted, 'xc-submit fired').to.not.equal(null);
    expect(submitted!.detail.value.templateId).to.equal('fixture-small');
    expect(submitted!.detail.value.items).to.deep.equal(el.value!.items);
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    await expectAccessible(el);
    // Every check point of the template is answered in what was submitted.
    const points = template.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.id)));
    const answered = Object.keys(submitted!.detail.value.items as Record<string, unknown>);
    expect(answered.sort()).to.deep.equal([...points].sort());
    await record({
      id: 'a11y.keyboard.checklist',
      check: 'A checklist is answered (a problem with its description, no problem, not applicable) and submitted with the keyboard alone, starting outside the element',
      figure: `${answered.length} check points, ${keys.count} key presses (Tab, Shift+Tab, Space, arrows, Enter and typing), xc-submit with the typed value`,
    });
  });

  it('a missing description is reported and reached from the error summary with keys alone', async () => {
    const template = await smallTemplate();
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <button id="before" type="button">before</button>
      <xc-checklist .template=${template}></xc-checklist>
    </div>`);
    const el = wrap.querySelector('xc-checklist')!;
    await el.updateComplete;
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const keys = new KeyCounter();
    await keys.tabTo(inItem('q1'), 'the first check point');
    await keys.press('Space');
    await keys.tabTo((e) => e.getAttribute('part') === 'submit', 'the submit button', { back: true, max: 30 });
    await keys.press('Enter');
    await el.updateComplete;
    // The error summary has focus; its first link leads to the missing description.
    expect(deepActive()?.classList.contains('error-summary')).to.equal(true);
    await expectAccessible(el);
    await keys.press('Tab');
    expect(deepActive()?.localName).to.equal('a');
    await keys.press('Enter');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    const target = deepActive()!;
    expect(target.closest('#xc-item-q1'), 'focus lands in check point 1').to.exist;
    expect(target.getAttribute('data-field')).to.equal('description');
    expect(target.getAttribute('aria-invalid')).to.equal('true');
    await keys.type('记录不全');
    expect(el.value!.items['q1']).to.deep.equal({ finding: 'problem', description: '记录不全' });
  });
});

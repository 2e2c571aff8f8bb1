/**
 * Colour is never the only signal (WCAG 1.4.1): every state that has a colour also has words
 * a person reads or hears — different words per state — and errors are named in text and
 * wired to their controls. "Spoken text" below is the text content without aria-hidden parts
 * (a coloured dot is aria-hidden; the words beside it are not).
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/checklist/index.js';
import '../../src/interview/index.js';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcInterviewForm } from '../../src/interview/xc-interview-form.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcRectificationRow } from '../../src/rectification/xc-rectification-row.js';
import type { ChecklistResponse } from '../../src/core/checklist.js';
import { record } from '../support/report.js';
import { smallLedger, smallTemplate, TODAY } from './fixtures.js';
import { settleAll } from './elements.js';
import { KeyCounter } from './keys.js';
import { visuallyHidden } from './visual.js';

/** Text a screen reader gets from an element: its text without aria-hidden subtrees (aria-label wins). */
function spoken(el: Element): string {
  if (el.getAttribute('aria-hidden') === 'true') return '';
  const label = el.getAttribute('aria-label');
  if (label) return label;
  let out = '';
  for (const n of el.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    else if (n instanceof Element) out += spoken(n);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Text a sighted person reads: spoken text minus what is only for screen readers. */
function seen(el: Element): string {
  if (el instanceof HTMLElement && (el.classList.contains('visually-hidden') || el.hidden)) return '';
  let out = '';
  for (const n of el.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    else if (n instanceof Element && n.getAttribute('aria-hidden') !== 'true') out += seen(n);
  }
  return out.replace(/\s+/g, ' ').trim();
}

const states: string[] = [];

describe('colour is never the only signal', () => {
  it('ledger: on time, due soon and overdue say so in words, in the row and the detail panel', async () => {
    const p = await fixture(html`<xc-provider user-role="unit" today=${TODAY}>
      <xc-rectification-tracker lang="zh-CN" .value=${smallLedger()}></xc-rectification-tracker>
    </xc-provider>`);
    const el = p.querySelector<XcRectificationTracker>('xc-rectification-tracker')!;
    await settleAll(el);
    const t = el.t;
    const rows = [...el.shadowRoot!.querySelectorAll<XcRectificationRow>('xc-rectification-row')];
    const light = (id: string) => rows.find((r) => r.item.id === id)!.querySelector('.light')!;
    const expected = { 'ZG-001': ['green', t.trackerLightGreen], 'ZG-002': ['yellow', t.trackerLightYellow], 'ZG-003': ['red', t.trackerDaysOverdue(6)] } as const;
    const texts: string[] = [];
    for (const [id, [colour, word]] of Object.entries(expected)) {
      const l = light(id);
      expect(l.getAttribute('data-light'), `${id} is ${colour}`).to.equal(colour);
      // The dot is decoration; the words carry the state, for eyes and ears alike.
      expect(l.querySelector('.dot')!.getAttribute('aria-hidden')).to.equal('true');
      expect(spoken(l), `${id} says its state`).to.contain(word);
      expect(seen(l)).to.equal(spoken(l));
      texts.push(spoken(l));
    }
    expect(new Set(texts.map((s) => s.split(' ')[0])).size, `three different words: ${texts.join(' | ')}`).to.equal(3);
    states.push(`ledger lights ×${texts.length}`);

    // Statuses are coloured badges with their names.
    const statusTexts = rows.map((r) => spoken(r.querySelector('.c-status .status')!));
    expect(statusTexts).to.deep.equal(['未启动', '整改中', '整改中']);
    // The overdue row's coloured edge is backed by the words in its deadline cell.
    const red = rows.find((r) => r.item.id === 'ZG-003')!;
    expect(red.querySelector('tr')!.getAttribute('data-light')).to.equal('red');
    expect(spoken(red.querySelector('.c-deadline')!)).to.contain(t.trackerDaysOverdue(6));
    // The summary's overdue count and the chart bars are numbers with names, not colour.
    expect(spoken(el.shadowRoot!.querySelector('.fig-overdue')!)).to.equal(t.trackerOverdueTotal(1));
    const bars = [...el.shadowRoot!.querySelectorAll('figure[data-chart=status] svg g')].map((g) => spoken(g));
    expect(bars).to.deep.equal(['未启动 1', '整改中 2', '阶段性完成 0', '待验收 0', '已销号 0']);
    const svg = el.shadowRoot!.querySelector('figure[data-chart=status] svg')!;
    const alt = svg.getAttribute('aria-labelledby')!.split(' ').map((id) => spoken(el.shadowRoot!.getElementById(id)!)).join(' ');
    expect(alt).to.contain('未启动').and.contain('整改中');
    states.push(`status badges ×${new Set(statusTexts).size}`, `chart bars ×${bars.length}`);

    // The detail panel repeats the light in words.
    const keys = new KeyCounter();
    el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!.focus();
    await keys.tabTo((e) => e.matches('button.open') && (e.closest('xc-rectification-row') as XcRectificationRow).item.id === 'ZG-003', 'row ZG-003', { max: 15 });
    await keys.press('Enter');
    await settleAll(el);
    const head = el.shadowRoot!.querySelector('dialog .d-head')!;
    expect(spoken(head)).to.contain(t.trackerDaysOverdue(6)).and.contain('整改中');
    states.push('detail panel light');
  });

  it('checklist: problem, no problem, not applicable and unanswered read differently, editable and read-only', async () => {
    const template = await smallTemplate();
    const value: ChecklistResponse = {
      templateId: template.id,
      templateVersion: template.version,
      items: { q1: { finding: 'problem', description: '会议记录缺失' }, q2: { finding: 'none' } },
    };
    const el = await fixture<XcChecklist>(html`<xc-checklist lang="zh-CN" .template=${template} .value=${value}></xc-checklist>`);
    await settleAll(el);
    const item = (id: string) => el.shadowRoot!.querySelector(`#xc-item-${id}`)!;
    // Editable: the problem item's coloured edge goes with its checked, labelled radio and the description field.
    expect(item('q1').hasAttribute('data-problem')).to.equal(true);
    const checkedLabel = (id: string) => {
      const r = item(id).querySelector<HTMLInputElement>('input[type=radio]:checked');
      return r ? spoken(r.closest('label')!) : '';
    };
    expect([checkedLabel('q1'), checkedLabel('q2'), checkedLabel('q3')]).to.deep.equal(['存在问题', '未发现问题', '']);
    expect(spoken(item('q1').querySelector('label[for$=-description]')!)).to.equal(el.t.description);
    // The progress bar's problem count (red) is a number with words.
    expect(spoken(el.shadowRoot!.querySelector('.count.problems')!)).to.equal(el.t.progressProblems(1));

    // The chosen filter differs from the others by more than its colour (and is a checked radio).
    const labels = [...el.shadowRoot!.querySelectorAll('.filters label')];
    const on = labels.find((l) => l.classList.contains('on'))!;
    const off = labels.find((l) => !l.classList.contains('on'))!;
    const shape = (l: Element) => {
      const s = getComputedStyle(l);
      return [s.fontWeight, s.textDecorationLine, s.borderTopWidth, getComputedStyle(l, '::before').content].join('|');
    };
    expect(shape(on), 'the chosen filter is marked by weight, line, border or a sign too').to.not.equal(shape(off));
    expect(on.querySelector('input')!.checked).to.equal(true);

    // Read-only: each finding is written out; unanswered says so (not a coloured blank).
    el.value = { ...value, items: { ...value.items, q3: { finding: 'na' } } };
    el.readonly = true;
    await settleAll(el);
    const ro = ['q1', 'q2', 'q3'].map((id) => seen(item(id).querySelector('.finding-value')!));
    expect(ro).to.deep.equal(['存在问题', '未发现问题', '不适用']);
    el.value = value;
    await settleAll(el);
    expect(seen(item('q3').querySelector('.finding-value')!)).to.equal(el.t.unansweredMark);
    states.push(`checklist findings ×${new Set([...ro, seen(item('q3').querySelector('.finding-value')!)]).size}`);
  });

  it('errors: every invalid control is named invalid and described by a visible message', async () => {
    const template = await smallTemplate();
    const checklist = await fixture<XcChecklist>(html`<xc-checklist lang="zh-CN" .template=${template}
      .value=${{ templateId: template.id, templateVersion: template.version, items: { q1: { finding: 'problem' } } }}></xc-checklist>`);
    await settleAll(checklist);
    await checklist.reportValidity();
    await settleAll(checklist);
    const interview = await fixture<XcInterviewForm>(html`<xc-interview-form lang="zh-CN"></xc-interview-form>`);
    await settleAll(interview);
    await interview.reportValidity();
    await settleAll(interview);
    await nextFrame();

    let checked = 0;
    for (const el of [checklist, interview] as HTMLElement[]) {
      const root = el.shadowRoot!;
      const invalid = [...root.querySelectorAll('[aria-invalid=true]')];
      expect(invalid.length, `${el.localName} shows errors`).to.be.greaterThan(0);
      for (const c of invalid) {
        // The message is referenced by the control or its group (radios share their fieldset's).
        const ids = [c.getAttribute('aria-describedby'), c.closest('fieldset')?.getAttribute('aria-describedby')].join(' ').split(/\s+/).filter(Boolean);
        const messages = ids.map((id) => root.getElementById(id)).filter((m): m is HTMLElement => !!m && m.classList.contains('field-error'));
        expect(messages.length, `${el.localName}: ${c.outerHTML.slice(0, 80)} has an error message`).to.be.greaterThan(0);
        for (const m of messages) {
          expect(seen(m).length, 'the message is visible text').to.be.greaterThan(1);
          expect(visuallyHidden(m)).to.equal(false);
          // Heard with its prefix, so it is not only the red colour that says "error".
          expect(spoken(m).startsWith(checklist.t.errorPrefix)).to.equal(true);
        }
        checked++;
      }
      // And the error summary names them in words at the top.
      const summary = root.querySelector('.error-summary')!;
      expect(spoken(summary)).to.contain(checklist.t.errorSummaryTitle);
    }
    states.push(`${checked} invalid controls`);
  });

  after(async () => {
    if (states.length < 5) return;
    await record({
      id: 'a11y.colour',
      check: 'Colour is never the only signal: traffic lights, statuses, chart bars, checklist findings and errors all carry words (different per state) or an error message wired to the control',
      figure: states.join(', '),
    });
  });
});

/**
 * The bundled interview record filled and signed with the keyboard alone, from a button
 * on the page before it: typing, Tab, arrow keys in selects and date-time fields, Space
 * for checkboxes, Enter for buttons (a Q/A block added, the record signed).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/interview/index.js';
import type { XcInterviewForm } from '../../src/interview/xc-interview-form.js';
import { expectAccessible } from '../support/a11y.js';
import { record } from '../support/report.js';
import { KeyCounter, deepActive, describe as describeEl } from './keys.js';

const byId = (id: string) => (el: Element) => el.id === id;
/** The field id the form gives a dotted path (`.` is written `_2e`). */
const fid = (path: string) => `xf-${path.replace(/\./g, '_2e')}`;

/**
 * Type a date-time into a focused `datetime-local`, segment by segment in the order the browser's
 * language lays the field out (en-US: mm dd yyyy hh mm AM/PM; zh-CN: yyyy mm dd hh mm; de:
 * dd mm yyyy hh mm). The segments and their order come from Intl in the page's default locale,
 * which is the one the browser lays date fields out in (navigator.language can differ: it is the
 * Accept-Language list). A two-digit segment moves on by itself; the year (up to six digits) and
 * the day period (chosen by its first letter) are left with Tab.
 */
async function typeDateTime(keys: KeyCounter, y: number, mo: number, d: number, h: number, mi: number): Promise<void> {
  const parts = new Intl.DateTimeFormat(undefined, {
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .formatToParts(new Date(y, mo - 1, d, h, mi))
    .filter((p) => p.type !== 'literal');
  for (const [i, p] of parts.entries()) {
    await keys.type(p.type === 'dayPeriod' ? p.value[0]! : p.value);
    if ((p.type === 'year' || p.type === 'dayPeriod') && i < parts.length - 1) await keys.press('Tab');
  }
}

type Obj = Record<string, unknown>;

describe('keyboard only: <xc-interview-form>', () => {
  it('fills the required fields, adds a Q/A block and signs with keys alone', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <button id="before" type="button">before</button>
      <xc-interview-form lang="zh-CN"></xc-interview-form>
    </div>`);
    const el = wrap.querySelector<XcInterviewForm>('xc-interview-form')!;
    await el.updateComplete;
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const keys = new KeyCounter();
    /** Ids of the controls given a value. */
    const filled = new Set<string>();
    const mark = () => filled.add(deepActive()!.id);

    await keys.tabTo(byId(fid('recordNo')), 'the record number', { max: 3 });
    await keys.type('一组-谈-007');
    mark();
    await keys.tabTo(byId(fid('interviewee.name')), "the interviewee's name", { max: 2 });
    await keys.type('王某');
    mark();
    await keys.press('Tab');
    await keys.type('某镇政府');
    mark();
    await keys.tabTo(byId(fid('interviewee.politicalStatus')), 'the political status', { max: 3 });
    await keys.press('ArrowDown');
    mark();

    await keys.tabTo(byId(fid('startTime')), 'the start time', { max: 2 });
    await typeDateTime(keys, 2026, 5, 12, 9, 30);
    mark();
    await keys.tabTo(byId(fid('endTime')), 'the end time', { max: 4 });
    await typeDateTime(keys, 2026, 5, 12, 11, 5);
    mark();
    await keys.tabTo(byId(fid('place')), 'the place', { max: 4 });
    await keys.type('巡察组谈话室');
    mark();

    await keys.tabTo(byId(fid('interviewers.0.name')), 'interviewer 1', { max: 2 });
    await keys.type('李组长');
    mark();
    await keys.tabTo(byId(fid('interviewers.1.name')), 'interviewer 2', { max: 6 });
    await keys.type('赵副组长');
    mark();
    await keys.tabTo(byId(fid('recorder.name')), 'the recorder', { max: 8 });
    await keys.type('钱干事');
    mark();
    await keys.tabTo(byId(fid('kind')), 'the kind of interview', { max: 4 });
    await keys.press('ArrowDown', 5);
    mark();
    await keys.tabTo(byId(fid('confidentialityReminder')), 'the confidentiality reminder', { max: 5 });
    await keys.press('Space');
    mark();

    await keys.tabTo(byId(fid('transcript.0.question')), 'question 1', { max: 2 });
    await keys.type('你对单位财务管理有何了解？');
    mark();
    await keys.press('Tab');
    await keys.type('报销审批把关不严。');
    mark();
    // Add a second Q/A block with Enter on its button; focus moves into it.
    const blocksBefore = ((el.value as Obj)['transcript'] as unknown[]).length;
    await keys.tabTo((e) => e.matches('button.add') && (e.textContent ?? '').includes('添加问答'), 'the add-question button', { max: 6 });
    await keys.press('Enter');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(deepActive()?.id, 'focus moves into the new block').to.equal(fid('transcript.1.question'));
    await keys.type('有无具体事例？');
    mark();
    await keys.press('Tab');
    expect(deepActive()?.id).to.equal(fid('transcript.1.answer'));
    await keys.type('二〇二五年有三笔招待费无清单。');
    mark();

    // The interviewee confirms: the revealed confirmation time is reached and typed too.
    await keys.tabTo(byId(fid('confirmation.confirmed')), 'the confirmation box', { max: 12 });
    await keys.press('Space');
    mark();
    await el.updateComplete;
    await keys.tabTo(byId(fid('confirmation.confirmedAt')), 'the confirmation time', { max: 2 });
    await typeDateTime(keys, 2026, 5, 12, 11, 10);
    mark();
    await expectAccessible(el);

    // Sign: Enter on the sign button.
    await keys.tabTo((e) => e.getAttribute('part') === 'sign', 'the sign button', { max: 6 });
    const signed = oneEvent(el, 'xc-sign');
    await keys.press('Enter');
    const ev = (await signed) as CustomEvent<{ value: Obj; digest: string }>;
    await el.updateComplete;

    const v = el.value as Obj;
    expect(v['recordNo']).to.equal('一组-谈-007');
    expect(v['interviewee']).to.deep.equal({ name: '王某', unit: '某镇政府', politicalStatus: '中共党员' });
    expect(String(v['startTime'])).to.match(/^2026-05-12T09:30:00/);
    expect(String(v['endTime'])).to.match(/^2026-05-12T11:05:00/);
    expect(v['place']).to.equal('巡察组谈话室');
    expect((v['interviewers'] as Obj[]).map((p) => p['name'])).to.deep.equal(['李组长', '赵副组长']);
    expect((v['recorder'] as Obj)['name']).to.equal('钱干事');
    expect(v['kind']).to.equal('群众谈话');
    expect(v['confidentialityReminder']).to.equal(true);
    expect(v['transcript']).to.deep.equal([
      { question: '你对单位财务管理有何了解？', answer: '报销审批把关不严。' },
      { question: '有无具体事例？', answer: '二〇二五年有三笔招待费无清单。' },
    ]);
    const blocksAdded = (v['transcript'] as unknown[]).length - blocksBefore;
    expect(blocksAdded).to.equal(1);
    expect((v['confirmation'] as Obj)['confirmed']).to.equal(true);
    expect(String((v['confirmation'] as Obj)['confirmedAt'])).to.match(/^2026-05-12T11:10:00/);

    // Signed and locked: a fingerprint, no controls left to change it, no sign button.
    expect(el.signed).to.equal(true);
    expect(ev.detail.digest).to.match(/^[0-9a-f]{64}$/);
    expect((v['signature'] as Obj)['digest']).to.equal(ev.detail.digest);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('.fields input, .fields select, .fields textarea').length, 'no editable control after signing').to.equal(0);
    expect(root.querySelector('[part=sign]')).to.equal(null);
    expect(root.querySelector('[part=signature]')?.textContent).to.contain(el.t.interviewFingerprint);
    // The sign button is gone: focus is not dropped to the page but put on the sign-off status.
    const focused = deepActive();
    expect(focused && root.contains(focused), `focus after signing is inside the element, not ${describeEl(focused)}`).to.equal(true);
    expect(focused!.closest('[part=signature]'), 'focus is on the sign-off status').to.exist;
    await expectAccessible(el);
    await record({
      id: 'a11y.keyboard.interview',
      check: 'The interview record is filled (text, selects, date-times, checkboxes, a revealed field), a Q/A block added and the record signed with the keyboard alone; it is then locked and focus stays on its status',
      figure: `${keys.count} key presses, ${filled.size} fields given a value, ${blocksAdded} Q/A block added, signed (SHA-256)`,
    });
  });
});

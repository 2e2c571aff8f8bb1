// The interview record as its people read it: an error summary that names every field in full,
// times printed in the record's own offset, and an empty record printed with lines to write on.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/interview/index.js';
import '../../src/provider/index.js';
import type { XcInterviewForm } from '../../src/interview/xc-interview-form.js';
import { expectAccessible } from '../support/a11y.js';
import { settle, text } from '../form/helpers.js';

const NOW = '2026-11-26T10:45:00+08:00';

const mount = (value?: unknown, lang = 'zh-CN') =>
  fixture<HTMLElement>(html`<xc-provider today=${NOW}><xc-interview-form lang=${lang} .value=${value}></xc-interview-form></xc-provider>`).then(async (p) => {
    const el = p.querySelector('xc-interview-form') as XcInterviewForm;
    await settle(el);
    return el;
  });

const root = (el: HTMLElement) => el.shadowRoot!;

describe('<xc-interview-form> as people read it', () => {
  it('error summary: every entry says which field, with its group and row, in full; no two alike', async () => {
    const el = await mount({
      interviewee: { unit: '区农业农村局' },
      interviewers: [{ name: '张三', unit: '区委第一巡察组' }, { unit: '区委第一巡察组' }],
      transcript: [{}],
    });
    expect(await el.reportValidity()).to.equal(false);
    await settle(el);
    const entries = [...root(el).querySelectorAll('.error-summary li')].map((li) => text(li));
    expect(entries.length).to.be.greaterThan(3);
    expect(new Set(entries).size, entries.join(' | ')).to.equal(entries.length);
    expect(entries).to.include('谈话对象 · 姓名：请填写姓名');
    expect(entries.some((e) => /^谈话人\s*2 · 姓名：/.test(e)), entries.join(' | ')).to.equal(true);
    // A 问/答 row is named by its item (第1问), which names its group.
    expect(entries).to.include.members(['第1问 · 问：请填写问', '第1问 · 答：请填写答']);
    // The message next to each field stays short: the field says where it is.
    const inline = [...root(el).querySelectorAll('.field-error')].map((p) => text(p));
    expect(inline.some((m) => m.endsWith('请填写姓名'))).to.equal(true);
    // In English too.
    const en = await mount({ interviewee: { unit: 'Bureau' }, interviewers: [{ name: 'Zhang' }, {}] }, 'en');
    await en.reportValidity();
    await settle(en);
    const enEntries = [...root(en).querySelectorAll('.error-summary li')].map((li) => text(li));
    expect(enEntries.some((e) => /^Interviewee · Name: /.test(e)), enEntries.join(' | ')).to.equal(true);
    expect(new Set(enEntries).size).to.equal(enEntries.length);
    await expectAccessible(el);
  });

  it('prints times in the record’s own offset, with the offset, whatever the machine’s time zone', async () => {
    const el = await mount({
      startTime: '2026-11-20T09:30:00+08:00',
      endTime: '2026-11-20T09:30:00-05:00',
      confirmation: { confirmed: true, confirmedAt: '2026-11-20T23:50:00Z' },
    });
    el.printView = true;
    await settle(el);
    const rows = [...root(el).querySelectorAll('.print-view .p-row')].map((r) => text(r));
    const row = (label: string) => rows.find((r) => r.startsWith(label)) ?? '';
    expect(row('开始时间')).to.match(/2026年11月20日.*09:30（UTC\+08:00）$/);
    expect(row('结束时间')).to.match(/2026年11月20日.*09:30（UTC-05:00）$/);
    expect(row('确认时间')).to.match(/2026年11月20日.*23:50（UTC）$/);
    // The read-only view says the same.
    el.printView = false;
    el.readonly = true;
    await settle(el);
    expect(text(root(el).querySelector('.fields'))).to.contain('09:30（UTC+08:00）');
  });

  it('shows and edits times in the record’s own offset on screen too, saying the offset when it is not the machine’s', async () => {
    const el = await mount({ startTime: '2026-11-20T09:30:00+08:00', endTime: '2026-11-20T11:05:00+08:00' });
    const start = root(el).querySelector<HTMLInputElement>('input[type=datetime-local]')!;
    // 09:30 as written (and printed), not converted to this machine's zone.
    expect(start.value).to.equal('2026-11-20T09:30');
    const beijing = new Date('2026-11-20T09:30:00+08:00').getTimezoneOffset() === -480;
    const tz = root(el).querySelector(`#${start.id}-tz`);
    if (beijing) expect(tz, 'no zone said on a machine already at +08:00').to.equal(null);
    else {
      expect(text(tz)).to.equal('UTC+08:00');
      expect(start.getAttribute('aria-describedby')).to.contain(`${start.id}-tz`);
    }
    // An edit keeps the record's offset: one record, one zone.
    start.value = '2026-11-20T10:00';
    start.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    expect((el.value as Record<string, unknown>)['startTime']).to.equal('2026-11-20T10:00:00+08:00');
  });

  it('prints an empty record with lines to write on (and boxes to tick), a blank item for each empty group', async () => {
    const el = await mount();
    el.printView = true;
    await settle(el);
    const view = root(el).querySelector('.print-view')!;
    const rows = [...view.querySelectorAll<HTMLElement>('.p-row')];
    expect(rows.length).to.be.greaterThan(8);
    const blank = rows.filter((r) => !text(r.querySelector('.p-value')));
    const bare = blank.filter((r) => !r.querySelector('.p-lines > span, .p-box'));
    expect(bare.map((r) => text(r.querySelector('.p-label')))).to.deep.equal([]);
    for (const line of view.querySelectorAll<HTMLElement>('.p-lines > span')) {
      expect(line.getBoundingClientRect().height, 'a line has room to write on').to.be.greaterThan(20);
      expect(getComputedStyle(line).borderBottomStyle).to.equal('solid');
    }
    // 谈话内容 (empty) prints one blank 问/答 item to fill in.
    const labels = rows.map((r) => text(r.querySelector('.p-label')));
    expect(labels).to.include.members(['问', '答', '谈话地点']);
    // The kind of interview is a choice: its options are printed with boxes to tick.
    const kind = rows.find((r) => text(r.querySelector('.p-label')) === '谈话类型')!;
    expect(kind.querySelectorAll('.p-box').length).to.be.greaterThan(1);
    await expectAccessible(el);
  });
});

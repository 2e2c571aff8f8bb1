/**
 * 反馈意见 → 问题清单 (src/core/feedback.ts): drafted only from signed 底稿, stable ids, 签发 locks,
 * the 问题清单's deadlines from the 反馈日期 (month-end safe), 共性/个性 carried into ledger items that
 * pass the ledger schema, and (fast-check) no problem lost or duplicated on the way.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  checkFeedbackEdit,
  draftFeedback,
  feedbackDueDate,
  feedbackToItems,
  groupFeedback,
  issueFeedback,
  FeedbackError,
  type FeedbackValue,
} from '../../src/core/feedback.js';
import { toRectificationItems } from '../../src/core/checklist.js';
import { mergeNewItems } from '../../src/core/rectification.js';
import { rectificationLedger } from '../../src/generated/validators/rectificationLedger.js';
import { AT, TEMPLATE, draftSheet, problem, signedSheet, twoSheets } from '../feedback/fixtures.js';

const ISSUE = { by: '组长甲', at: '2026-12-01T10:00:00+08:00', feedbackDate: '2026-12-31' };

async function drafted(): Promise<FeedbackValue> {
  const d = await draftFeedback(await twoSheets());
  if (!d.ok) throw new Error(`refused: ${d.code}`);
  return d.value;
}

describe('feedback core: draft', () => {
  it('drafts the problems of two signed sheets, grouped by the 三个聚焦 with 共性/个性 kept', async () => {
    const v = await drafted();
    expect(v.items.map((i) => i.text)).to.deep.equal(['学习贯彻不深入，以会议传达会议', '村务公开不及时', '惠民资金发放台账不清', '党支部“三会一课”记录不全']);
    expect(v.items.map((i) => i.scope ?? null)).to.deep.equal(['common', 'specific', null, 'common']);
    expect(v.items[0]!.basis).to.equal('《中国共产党章程》');
    expect(v.unit).to.equal('某乡人民政府');
    expect(v.round).to.equal('第三轮');
    const groups = groupFeedback(v);
    expect(groups.map((g) => [g.focusArea, g.items.length])).to.deep.equal([
      ['聚焦党的理论路线方针政策和党中央决策部署情况', 1],
      ['聚焦群众身边腐败问题和不正之风', 2],
      ['聚焦基层党组织领导班子和干部队伍建设情况', 1],
    ]);
  });

  it('gives the same ids when the same sheets are drafted twice, and keeps an edited text on a redraft', async () => {
    const sheets = await twoSheets();
    const a = await draftFeedback(sheets);
    const b = await draftFeedback(sheets);
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.value.items.map((i) => i.id)).to.deep.equal(b.value.items.map((i) => i.id));
    expect(a.value.items[0]!.id).to.equal('xc-sanjujiao:一组-底稿-001:f1g1-01');
    const edited: FeedbackValue = { ...a.value, suggestions: ['加强理论学习'], items: a.value.items.map((i, n) => (n === 0 ? { ...i, text: '改写后的问题' } : i)) };
    const again = await draftFeedback(sheets, { previous: edited });
    if (!again.ok) throw new Error('refused');
    expect(again.value.items[0]!.text).to.equal('改写后的问题');
    expect(again.value.suggestions).to.deep.equal(['加强理论学习']);
  });

  it('refuses a sheet that is not signed, naming the sheet', async () => {
    const good = await signedSheet('A', { 'f1g1-01': problem('甲') });
    for (const upTo of ['submit', 'review'] as const) {
      const reviewed = await signedSheet('B', { 'f1g1-01': problem('乙') }, upTo);
      expect(await draftFeedback([good, reviewed])).to.deep.equal({ ok: false, code: 'unsigned', sheet: 1 });
    }
    expect(await draftFeedback([{ template: TEMPLATE, response: draftSheet('C', {}) }])).to.deep.equal({ ok: false, code: 'unsigned', sheet: 0 });
  });

  it('refuses a signed sheet changed after 审签 (tampered), and the same sheet twice', async () => {
    const s = await signedSheet('A', { 'f1g1-01': problem('甲') });
    const tampered = { ...s, response: { ...s.response, items: { ...s.response.items, 'f1g1-01': problem('改过的') } } };
    expect(await draftFeedback([tampered])).to.deep.equal({ ok: false, code: 'tampered', sheet: 0 });
    expect(await draftFeedback([s, s])).to.deep.equal({ ok: false, code: 'duplicate', sheet: 1 });
    expect(await draftFeedback([{ template: TEMPLATE, response: null } as never])).to.deep.equal({ ok: false, code: 'value', sheet: 0 });
  });
});

describe('feedback core: issue', () => {
  it('签发 locks the feedback: a second issue and any edit are refused', async () => {
    const v = await drafted();
    const done = issueFeedback(v, ISSUE);
    if (!done.ok) throw new Error(done.code);
    expect(done.value.issuedBy).to.equal('组长甲');
    expect(done.value.feedbackDate).to.equal('2026-12-31');
    expect(issueFeedback(done.value, ISSUE)).to.deep.equal({ ok: false, code: 'locked' });
    const edited = { ...done.value, items: done.value.items.map((i) => ({ ...i, text: '改' })) };
    expect(checkFeedbackEdit(done.value, edited)).to.deep.equal({ ok: false, code: 'locked' });
    expect(checkFeedbackEdit(done.value, done.value)).to.equal(null);
    expect(checkFeedbackEdit(v, { ...v, suggestions: ['x'] })).to.equal(null);
    // The draft given is not changed.
    expect(v.issuedAt).to.equal(undefined);
  });

  it('refuses 签发 without a name, a time, a 反馈日期, or with an empty problem', async () => {
    const v = await drafted();
    expect(issueFeedback(v, { ...ISSUE, by: ' ' })).to.deep.equal({ ok: false, code: 'name' });
    expect(issueFeedback(v, { ...ISSUE, at: 'yesterday' })).to.deep.equal({ ok: false, code: 'time' });
    expect(issueFeedback(v, { by: '组长甲', at: ISSUE.at })).to.deep.equal({ ok: false, code: 'date' });
    expect(issueFeedback(v, { ...ISSUE, feedbackDate: '2026-02-30' })).to.deep.equal({ ok: false, code: 'date' });
    expect(issueFeedback({ ...v, items: [{ ...v.items[0]!, text: '  ' }] }, ISSUE)).to.deep.equal({ ok: false, code: 'text' });
    expect(issueFeedback('x', ISSUE)).to.deep.equal({ ok: false, code: 'value' });
  });
});

describe('feedback core: 问题清单', () => {
  it('makes ledger items linked by stable ids, 共性/个性 carried, passing the ledger schema', async () => {
    const issued = issueFeedback(await drafted(), ISSUE);
    if (!issued.ok) throw new Error(issued.code);
    const items = feedbackToItems(issued.value);
    expect(items.map((i) => i['feedbackItemId'])).to.deep.equal(issued.value.items.map((i) => i.id));
    expect(items.map((i) => i.problem.scope ?? null)).to.deep.equal(['common', 'specific', null, 'common']);
    const ledger = { version: 1, items };
    expect(rectificationLedger(ledger), JSON.stringify(rectificationLedger.errors)).to.equal(true);
    // Importing the same list twice adds nothing.
    const again = mergeNewItems(items, feedbackToItems(issued.value));
    expect(again.added).to.deep.equal([]);
    expect(again.items.length).to.equal(items.length);
  });

  it('puts the deadline two months after the 反馈日期, month-end safe, or as configured', async () => {
    const v = await drafted();
    const at = (feedbackDate: string) => {
      const r = issueFeedback(v, { ...ISSUE, feedbackDate });
      if (!r.ok) throw new Error(r.code);
      return r.value;
    };
    expect(feedbackToItems(at('2026-12-31'))[0]!.deadline).to.equal('2027-02-28');
    expect(feedbackToItems(at('2027-12-31'))[0]!.deadline).to.equal('2028-02-29');
    expect(feedbackToItems(at('2026-10-31'))[0]!.deadline).to.equal('2026-12-31');
    expect(feedbackToItems(at('2026-11-15'))[0]!.startedOn).to.equal('2026-11-15');
    expect(feedbackToItems(at('2026-11-15'), { reportDueMonths: 3 })[0]!.deadline).to.equal('2027-02-15');
    expect(feedbackDueDate('2026-08-31', 6)).to.equal('2027-02-28');
    expect(() => feedbackToItems(at('2026-11-15'), { reportDueMonths: 0 })).to.throw(FeedbackError);
  });

  it('makes no 问题清单 from a draft', async () => {
    const v = await drafted();
    let code = '';
    try {
      feedbackToItems(v);
    } catch (e) {
      code = (e as FeedbackError).code;
    }
    expect(code).to.equal('not-issued');
  });

  it('toRectificationItems carries 共性/个性 too, and the ledger schema takes it', () => {
    const r = draftSheet('A', { 'f1g1-01': problem('甲', 'common'), 'f1g1-02': problem('乙', 'specific') });
    const items = toRectificationItems(TEMPLATE, r, { now: AT, by: '巡察办' });
    expect(items.map((i) => i.problem.scope)).to.deep.equal(['common', 'specific']);
    expect(rectificationLedger({ version: 1, items }), JSON.stringify(rectificationLedger.errors)).to.equal(true);
  });

  it('property: every problem of the sheets is one feedback item and one ledger item, none lost or doubled', async () => {
    const ids = TEMPLATE.sections.flatMap((s) => ('groups' in s ? s.groups.flatMap((g) => g.items) : s.items)).map((p) => p.id).slice(0, 12);
    const answer = fc.oneof(
      fc.constant({ finding: 'none' }),
      fc.record({ d: fc.string({ minLength: 1, maxLength: 8 }), scope: fc.constantFrom(undefined, 'common', 'specific') }).map(({ d, scope }) => problem(`问题${d}`, scope)),
    );
    const sheetArb = fc.dictionary(fc.constantFrom(...ids), answer, { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), async (answers) => {
        const sheets = [];
        for (const [n, a] of answers.entries()) sheets.push(await signedSheet(`底稿-${n}`, a));
        const d = await draftFeedback(sheets);
        if (!d.ok) throw new Error(d.code);
        const expected = answers.flatMap((a, n) => Object.entries(a).filter(([, x]) => x.finding === 'problem').map(([cp]) => `${TEMPLATE.id}:底稿-${n}:${cp}`));
        expect([...d.value.items.map((i) => i.id)].sort()).to.deep.equal([...expected].sort());
        const issued = issueFeedback(d.value, ISSUE);
        if (!issued.ok) throw new Error(issued.code);
        const items = feedbackToItems(issued.value);
        expect(new Set(items.map((i) => i.id)).size).to.equal(expected.length);
        expect(items.map((i) => i.problem.scope)).to.deep.equal(d.value.items.map((i) => i.scope));
        expect(rectificationLedger({ version: 1, items })).to.equal(true);
      }),
      { numRuns: 15, seed: 14 },
    );
  });
});

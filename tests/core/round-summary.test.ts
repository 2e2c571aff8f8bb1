// The round figures' pure core: exact figures of three known units and of the round, the CSV, and properties (totals are the sums of the units; garbage never throws).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { summariseRound, summariseUnit, totalOf, ROUND_FIGURES, type UnitFigures } from '../../src/core/round-summary.js';
import { roundSummaryCsv } from '../../src/core/round-summary-csv.js';
import { chartLabels, clipLabel } from '../../src/core/round-summary-labels.js';
import { parseCsv } from '../../src/core/rectification/csv.js';
import { loadLocale } from '../../src/core/i18n.js';
import { isOverdue } from '../../src/core/rectification/dates.js';
import type { RectificationItem } from '../../src/core/rectification-types.js';
import { TODAY, template, unitA, unitB, unitC, units } from '../round-summary/fixtures.js';

const opts = { today: TODAY, templates: [template] };
const pick = (u: UnitFigures) => Object.fromEntries(ROUND_FIGURES.map((f) => [f, u[f]]));

describe('round summary core', () => {
  it('counts a unit with every kind of record', () => {
    const a = summariseUnit(unitA, opts);
    expect(a.unit).to.equal('甲乡');
    expect(pick(a)).to.deep.equal({
      interviews: 3,
      petitions: 2,
      problems: 4,
      common: 2,
      specific: 1,
      clues: 3,
      cluesHandedOver: 2,
      items: 4,
      closed: 1,
      stageReached: 1,
      inProgress: 2,
      overdue: 1,
      completionRate: 0.25,
      rulesMade: 3,
      fundsRecovered: 1000.5,
      peopleHandled: 2,
    });
    expect(a.byFocus).to.deep.equal([
      { focusArea: '聚焦一', problems: 2, common: 1, specific: 1 },
      { focusArea: '聚焦二', problems: 1, common: 0, specific: 0 },
      { focusArea: '聚焦三', problems: 1, common: 1, specific: 0 },
    ]);
    expect(a.problemsFrom).to.equal('checklist');
    expect(a.cluesFrom).to.equal('register');
  });

  it('counts a unit with only a ledger: problems from its 问题清单, an approved 延期 keeps an item on time', () => {
    const b = summariseUnit(unitB, opts);
    expect(b.problemsFrom).to.equal('ledger');
    expect([b.problems, b.common, b.specific]).to.deep.equal([3, 1, 0]);
    // The ledger names 聚焦二 first; the template of `templates` orders the areas.
    expect(b.byFocus.map((f) => [f.focusArea, f.problems])).to.deep.equal([
      ['聚焦一', 1],
      ['聚焦二', 1],
      ['', 1],
    ]);
    expect([b.items, b.closed, b.stageReached, b.inProgress, b.overdue]).to.deep.equal([3, 1, 0, 2, 1]);
    expect(b.completionRate).to.equal(1 / 3);
    // A negative count and a text where a number belongs add nothing.
    expect([b.rulesMade, b.fundsRecovered, b.peopleHandled]).to.deep.equal([0, 200.25, 1]);
    expect([b.interviews, b.petitions, b.clues, b.cluesHandedOver, b.cluesFrom]).to.deep.equal([0, 0, 0, 0, 'none']);
  });

  it('without a clue register, counts the clues flagged in the records and none handed over', () => {
    const c = summariseUnit(unitC, opts);
    expect([c.clues, c.cluesHandedOver, c.cluesFrom]).to.deep.equal([4, 0, 'records']);
    expect([c.interviews, c.petitions, c.problems, c.common, c.items, c.completionRate]).to.deep.equal([1, 1, 1, 1, 0, 0]);
  });

  it('a bare response without its template counts the finding value `problem` only, focus area unnamed', () => {
    const f = summariseUnit({ unit: 'x', checklists: [{ templateId: 'unknown', templateVersion: '1', items: { a: { finding: 'problem' }, b: { finding: 'found' } } }] }, { today: TODAY });
    expect(f.problems).to.equal(1);
    expect(f.byFocus).to.deep.equal([{ focusArea: '', problems: 1, common: 0, specific: 0 }]);
  });

  it('names focus areas in the language asked for', () => {
    const c = summariseUnit(unitC, { ...opts, lang: 'en' });
    expect(c.byFocus[0]!.focusArea).to.equal('Focus one');
  });

  it('the round: every unit in order and exact totals', () => {
    const s = summariseRound(units, opts);
    expect(s.units.map((u) => u.unit)).to.deep.equal(['甲乡', '乙村', '丙社区']);
    expect(pick(s.totals)).to.deep.equal({
      interviews: 4,
      petitions: 3,
      problems: 8,
      common: 4,
      specific: 1,
      clues: 7,
      cluesHandedOver: 2,
      items: 7,
      closed: 2,
      stageReached: 1,
      inProgress: 4,
      overdue: 2,
      completionRate: 2 / 7,
      rulesMade: 3,
      fundsRecovered: 1200.75,
      peopleHandled: 3,
    });
    expect(s.totals.byFocus.map((f) => [f.focusArea, f.problems, f.common, f.specific])).to.deep.equal([
      ['聚焦一', 4, 2, 1],
      ['聚焦二', 2, 1, 0],
      ['聚焦三', 1, 1, 0],
      ['', 1, 0, 0],
    ]);
  });

  it('"today" decides what is overdue', () => {
    expect(summariseUnit(unitA, { ...opts, today: '2026-10-31' }).overdue).to.equal(0);
    expect(summariseUnit(unitA, { ...opts, today: '2026-11-02' }).overdue).to.equal(1);
  });

  it('CSV: a row per unit and the totals, formulas in names written as text', async () => {
    const s = summariseRound([...units, { unit: '=HYPERLINK("http://x")' }], opts);
    const csv = roundSummaryCsv(s, 'zh-CN');
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    expect(csv).to.contain(`'=HYPERLINK`);
    const rows = parseCsv(csv);
    expect(rows[0]!.slice(0, 4)).to.deep.equal(['被巡察单位', '个别谈话人次', '信访件数', '发现问题数']);
    expect(rows[0]!.slice(-4)).to.deep.equal(['聚焦一：发现问题数', '聚焦二：发现问题数', '聚焦三：发现问题数', '（未注明聚焦方向）：发现问题数']);
    expect(rows.map((r) => r[0])).to.deep.equal(['被巡察单位', '甲乡', '乙村', '丙社区', '=HYPERLINK("http://x")', '合计']);
    const rate = rows[0]!.indexOf('整改完成率');
    expect(rows[1]![rate]).to.equal('25.0%');
    expect(rows[5]![rate]).to.equal('28.6%');
    expect(rows[5]!.slice(1, 4)).to.deep.equal(['4', '3', '8']);
    expect(rows[1]!.slice(-4)).to.deep.equal(['2', '1', '1', '0']);
    await loadLocale('en');
    expect(parseCsv(roundSummaryCsv(s, 'en'))[5]![0]).to.equal('Total');
  });

  it('counts one focus area under one name whatever its spelling, in the template\'s order (the trial\'s seven "areas" are three)', () => {
    const bundled = (focusArea: string) => ({ problem: { text: '问题', focusArea, source: { templateId: 'xc-sanjujiao', checkpointId: 'x' } } });
    const [T1, T2, T3] = ['聚焦党的理论路线方针政策和党中央决策部署情况', '聚焦群众身边腐败问题和不正之风', '聚焦基层党组织领导班子和干部队伍建设情况'];
    const ledger = (areas: string[]) => ({ version: 1, items: areas.map((a, i) => ({ id: `Z-${i}`, status: 'in-progress', ...bundled(a) })) });
    const s = summariseRound(
      [
        { unit: '甲', ledger: ledger(['三、聚焦基层党组织领导班子和干部队伍建设情况', '聚焦群众身边的腐败问题和不正之风', '']) as never },
        { unit: '乙', ledger: ledger(['聚焦党的理论路线方针政策和党中央决策部署', T3, T2, T1, '（一）聚焦党的理论路线方针政策和党中央决策部署情况']) as never },
      ],
      { today: TODAY },
    );
    expect(s.units[0]!.byFocus.map((f) => [f.focusArea, f.problems])).to.deep.equal([[T2, 1], [T3, 1], ['', 1]]);
    expect(s.totals.byFocus.map((f) => [f.focusArea, f.problems])).to.deep.equal([[T1, 3], [T2, 2], [T3, 2], ['', 1]]);
    // Figures given as they are (a server's): merged by the same rule, in order of first appearance, or the templates' order when given.
    const given = s.units.map((u) => ({ ...u, byFocus: u.byFocus.map((f) => ({ ...f, focusArea: f.focusArea ? `二、${f.focusArea.replace('情况', '')}` : '' })) }));
    expect(totalOf(given).byFocus.map((f) => f.problems)).to.deep.equal([2, 2, 3, 1]);
    const tpl = { id: 't', version: '1', title: 't', findings: [], sections: [T1, T2, T3].map((title, i) => ({ id: `s${i}`, title, items: [] })) };
    expect(totalOf(given, [tpl as never]).byFocus.map((f) => [f.focusArea, f.problems])).to.deep.equal([[T1, 3], [T2, 2], [T3, 2], ['', 1]]);
    // The CSV's per-area columns count each unit's spellings under the totals' names.
    const csv = parseCsv(roundSummaryCsv({ units: given, totals: totalOf(given, [tpl as never]) }, 'zh-CN'));
    expect(csv.map((r) => r.slice(-4))).to.deep.equal([[`${T1}：发现问题数`, `${T2}：发现问题数`, `${T3}：发现问题数`, '（未注明聚焦方向）：发现问题数'], ['0', '1', '1', '1'], ['3', '1', '1', '0'], ['3', '2', '2', '1']]);
  });

  it('a unit without 整改 items has no completion rate: an empty CSV cell, as the screen shows "—"', () => {
    const s = summariseRound([...units, { unit: '丁镇' }], opts);
    const rows = parseCsv(roundSummaryCsv(s, 'zh-CN'));
    const rate = rows[0]!.indexOf('整改完成率');
    expect(rows.find((r) => r[0] === '丁镇')![rate]).to.equal('');
    expect(rows.find((r) => r[0] === '甲乡')![rate]).to.equal('25.0%');
    expect(rows.find((r) => r[0] === '合计')![rate]).to.equal('28.6%');
  });

  it('a malformed ledger item (unknown status, a deadline that is no date) counts as nothing', () => {
    const good = { id: 'G', status: 'in-progress', deadline: '2026-10-01', problem: { text: '甲', focusArea: '聚焦一' }, outcome: { rulesMade: 1 } };
    const weird = { id: 'W', status: 'weird', deadline: 'not-a-date', problem: { text: '乙', focusArea: '聚焦二' }, outcome: { rulesMade: 5 } };
    const f = summariseUnit({ unit: '戊', ledger: { version: 1, items: [good, weird, { id: 'N' }] } as never }, opts);
    expect([f.items, f.closed, f.stageReached, f.inProgress, f.overdue, f.problems, f.rulesMade]).to.deep.equal([1, 0, 0, 1, 1, 1, 1]);
    expect(f.byFocus.map((x) => x.focusArea)).to.deep.equal(['聚焦一']);
    expect(f.completionRate).to.equal(0);
    // Every status of the ledger counts.
    for (const status of ['not-started', 'in-progress', 'stage-reached', 'pending-verification', 'closed']) {
      expect(summariseUnit({ unit: '戊', ledger: [{ ...good, status }] as never }, opts).items, status).to.equal(1);
    }
  });

  it('chart labels: cut to fit, and two that would read alike told apart by their ends, else numbered', () => {
    expect(chartLabels(['甲乡', '某某县第一中学教育集团总校'])).to.deep.equal(['甲乡', clipLabel('某某县第一中学教育集团总校')]);
    expect(chartLabels(['某某县第一中学教育集团总校', '某某县第一中学教育集团分校', '甲乡', '某某县第一中学教育集团总校'])).to.deep.equal(['某某县第一中学…总校', '某某县第一中学…分校', '甲乡', '某某县第一中学…总校']);
    const mid = ['甲甲甲甲甲甲甲甲甲甲乙甲甲甲甲甲甲甲甲甲', '甲甲甲甲甲甲甲甲甲甲丙甲甲甲甲甲甲甲甲甲'];
    const shown = chartLabels(mid);
    expect(new Set(shown).size).to.equal(2);
    expect(shown.map((s) => s.slice(-1))).to.deep.equal(['①', '②']);
    const wide = (s: string) => [...s].reduce((w, c) => w + (/[\u2e80-\u9fff\u2460-\u2473]/.test(c) ? 1 : 0.58), 0);
    for (const s of [...shown, ...chartLabels(['某某县第一中学教育集团总校', '某某县第一中学教育集团分校'])]) expect(wide(s), s).to.be.at.most(10.6);
  });

  it('property: the totals are the sums of the units, and each unit\'s items split into closed, stage reached and in progress (overdue among them)', () => {
    const status = fc.constantFrom('not-started', 'in-progress', 'stage-reached', 'pending-verification', 'closed', 'bogus');
    const date = fc.constantFrom('2026-10-01', '2026-11-30', '2026-12-01', '2027-02-01', 'not a date');
    const ledgerItem = fc.record({
      status,
      kind: fc.constantFrom('immediate', 'deadline', 'ongoing'),
      deadline: date,
      problem: fc.record({ focusArea: fc.constantFrom('聚焦一', '聚焦二', '', 'x'), scope: fc.constantFrom('common', 'specific', undefined) }),
      outcome: fc.record({ rulesMade: fc.integer({ min: -2, max: 5 }), fundsRecovered: fc.double({ min: 0, max: 1e6, noNaN: true }), peopleHandled: fc.nat(4) }),
    });
    const answer = fc.record({ finding: fc.constantFrom('found', 'ok', 'problem'), scope: fc.constantFrom('common', 'specific', 'other'), clue: fc.boolean() });
    const unit = fc.record(
      {
        unit: fc.string({ maxLength: 4 }),
        checklists: fc.array(fc.record({ templateId: fc.constantFrom('tpl-round', 'other'), items: fc.dictionary(fc.constantFrom('a1', 'a2', 'b1', 'b2', 'c1', 'zz'), answer) }), { maxLength: 2 }),
        interviews: fc.array(fc.oneof(fc.record({ problems: fc.array(fc.record({ isClue: fc.boolean() }), { maxLength: 3 }) }), fc.constant(null)), { maxLength: 4 }),
        petitions: fc.array(fc.record({ handling: fc.constantFrom('clue', 'file') }), { maxLength: 4 }),
        clues: fc.array(fc.record({ state: fc.constantFrom('registered', 'transferred', 'replied') }), { maxLength: 4 }),
        ledger: fc.array(ledgerItem, { maxLength: 8 }),
      },
      { requiredKeys: ['unit'] },
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }), (us) => {
        const s = summariseRound(us as never, opts);
        expect(s.units.length).to.equal(us.length);
        for (const f of ROUND_FIGURES) {
          if (f === 'completionRate') continue;
          const sum = s.units.reduce((n, u) => n + u[f], 0);
          if (f === 'fundsRecovered') expect(s.totals[f]).to.be.closeTo(sum, 0.011);
          else expect(s.totals[f], f).to.equal(sum);
        }
        expect(s.totals.completionRate).to.equal(s.totals.items ? s.totals.closed / s.totals.items : 0);
        for (const u of s.units) {
          expect(u.closed + u.stageReached + u.inProgress).to.equal(u.items);
          expect(u.overdue).to.be.at.most(u.inProgress);
          expect(u.byFocus.reduce((n, f) => n + f.problems, 0)).to.equal(u.problems);
          expect(u.common + u.specific).to.be.at.most(u.problems);
        }
        expect(s.totals.byFocus.reduce((n, f) => n + f.problems, 0)).to.equal(s.totals.problems);
      }),
      { numRuns: 200 },
    );
  });

  it('property: what is overdue is what the ledger calls overdue (its own deadline, an approved 延期, closed and 长期坚持 items)', () => {
    const date = fc.oneof(
      fc.constantFrom('2026-11-30', '2026-12-01', '2026-12-02', '2026-02-30', '', 'x', '2026-12-01T23:30:00+08:00', '2026-11-30T16:30:00Z'),
      fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    const ext = fc.record({ id: fc.string(), deadline: date, decision: fc.option(fc.record({ approved: fc.oneof(fc.boolean(), fc.constant('yes')) }), { nil: undefined }) });
    const item = fc.record({
      status: fc.constantFrom('not-started', 'in-progress', 'pending-verification', 'closed', 'stage-reached'),
      kind: fc.constantFrom('immediate', 'deadline', 'ongoing', undefined),
      deadline: fc.option(date, { nil: undefined }),
      extensions: fc.option(fc.array(ext, { maxLength: 3 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 10 }), date, (items, today) => {
        const f = summariseUnit({ unit: 'u', ledger: items as never }, { today });
        const expected = (items as unknown as RectificationItem[]).filter((i) => i.status !== 'closed' && i.status !== 'stage-reached' && isOverdue(i, today)).length;
        expect(f.overdue).to.equal(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('property: anything at all gives figures and a CSV, never an exception', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }), fc.anything(), (units, unit) => {
        const s = summariseRound(units as never, { today: TODAY, templates: units as never });
        summariseUnit(unit as never, { today: unit as never, templates: [unit] as never, lang: unit as never });
        summariseUnit({ unit: 'x', checklists: [unit, { template: unit, response: unit }], interviews: [unit], petitions: unit, clues: unit, ledger: unit } as never, opts);
        totalOf([unit, s.totals] as never);
        roundSummaryCsv(s, 'zh-CN');
        roundSummaryCsv(unit as never, 'zh-CN');
      }),
      { numRuns: 300 },
    );
  });
});

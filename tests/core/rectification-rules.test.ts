/**
 * The rules of 整改 to the end, in the core: the change log of field edits, 延期 (request and
 * decision), 阶段性完成 for 长期坚持 items, measures with their own 责任人 and 时限, and 验收 by
 * several parties. Every new step and every refusal, by role.
 */
import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/core/i18n.js';
import {
  acceptanceParties,
  acceptanceState,
  acceptedTransitions,
  allowedTransitions,
  canDecideExtension,
  canRequestExtension,
  changeLogProblem,
  createItem,
  daysLeft,
  decideExtension,
  diffItem,
  editItem,
  effectiveDeadline,
  filterItems,
  hasMeasureDetails,
  isOverdue,
  itemProgress,
  ledgerSummary,
  measureProgress,
  overdueMeasures,
  parseCsv,
  pendingExtension,
  RectificationError,
  requestExtension,
  signableParties,
  signAcceptance,
  sortItems,
  statusLabel,
  toCsv,
  trafficLight,
  transition,
  transitionAccepted,
  updateItem,
  type RectificationErrorCode,
} from '../../src/core/rectification.js';
import type { AcceptanceParty, RectificationItem } from '../../src/core/rectification-types.js';

const T0 = '2026-11-01T09:00:00+08:00';
const AT = '2026-11-26T09:30:00+08:00';
const LATER = '2026-11-27T10:00:00+08:00';
const unit = { by: '李四', role: 'unit' as const, at: AT };
const office = { by: '王五', role: 'office' as const, at: AT };

function item(over: Partial<RectificationItem> = {}): RectificationItem {
  return {
    ...createItem(
      {
        problem: { text: '“三重一大”事项未经集体研究' },
        measures: [{ id: 'm1', text: '修订议事规则' }],
        responsibility: { leader: '张三', department: '党政办', person: '李四' },
        deadline: '2026-12-31',
      },
      { id: 'ZG-001', by: '王五', role: 'office', at: T0 },
    ),
    ...over,
  };
}

function codeOf(fn: () => unknown): RectificationErrorCode | 'none' {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(RectificationError);
    return (e as RectificationError).code;
  }
  return 'none';
}

before(() => loadLocale('en'));

describe('rectification rules: 阶段性完成 (stage reached) for 长期坚持 items', () => {
  const ongoing = () => transition(item({ kind: 'ongoing', deadline: undefined }), 'in-progress', unit);

  it('the unit marks an ongoing item as stage reached; other kinds and other roles are refused', () => {
    const a = ongoing();
    expect(allowedTransitions(a, 'unit').map((t) => t.action)).to.deep.equal(['submit', 'reach-stage']);
    const b = transition(a, 'stage-reached', { ...unit, comment: '制度已建立，长期执行' });
    expect(b.status).to.equal('stage-reached');
    expect(b.history.at(-1)).to.deep.include({ from: 'in-progress', to: 'stage-reached', role: 'unit' });
    expect(codeOf(() => transition(a, 'stage-reached', office))).to.equal('role');
    const deadline = transition(item(), 'in-progress', unit);
    expect(allowedTransitions(deadline, 'unit').map((t) => t.action)).to.deep.equal(['submit']);
    expect(codeOf(() => transition(deadline, 'stage-reached', unit))).to.equal('not-ongoing');
  });

  it('from a stage: the unit submits for verification, the office sends back with a comment', () => {
    const s = transition(ongoing(), 'stage-reached', unit);
    expect(allowedTransitions(s, 'unit').map((t) => t.to)).to.deep.equal(['pending-verification']);
    expect(allowedTransitions(s, 'office').map((t) => [t.to, t.requires])).to.deep.equal([['in-progress', ['comment']]]);
    expect(codeOf(() => transition(s, 'in-progress', office))).to.equal('needs-comment');
    expect(transition(s, 'in-progress', { ...office, comment: '阶段目标未达到' }).status).to.equal('in-progress');
    expect(transition(s, 'pending-verification', unit).status).to.equal('pending-verification');
    expect(codeOf(() => transition(s, 'closed', office))).to.equal('not-allowed');
  });

  it('the unit still edits an item at a stage; its kind stays ongoing', () => {
    const s = transition(ongoing(), 'stage-reached', unit);
    expect(updateItem(s, { progress: 70 }, 'unit').progress).to.equal(70);
    expect(codeOf(() => updateItem(s, { kind: 'deadline', deadline: '2027-01-01' }, 'office'))).to.equal('invalid');
  });

  it('is counted apart from closed in the summary, filtered by status, named in both languages and in CSV', () => {
    const s = transition(ongoing(), 'stage-reached', unit);
    const closed = { ...item({ id: 'ZG-002' }), status: 'closed' as const };
    const sum = ledgerSummary([s, closed, item({ id: 'ZG-003' })], '2026-12-01');
    expect(sum.stageReached).to.equal(1);
    expect(sum.closed).to.equal(1);
    expect(sum.byStatus['stage-reached']).to.equal(1);
    expect(sum.completionRate).to.equal(1 / 3);
    expect(filterItems([s, closed], { status: 'stage-reached' }, '2026-12-01').map((i) => i.id)).to.deep.equal(['ZG-001']);
    expect(statusLabel('stage-reached', 'zh-CN')).to.equal('阶段性完成');
    expect(statusLabel('stage-reached', 'en')).to.equal('Stage reached');
    expect(toCsv([s], 'zh-CN')).to.contain('阶段性完成');
    expect(trafficLight(s, '2027-06-01')).to.equal('none');
  });
});

describe('rectification rules: 延期 (extension)', () => {
  const started = () => transition(item(), 'in-progress', unit);
  const asked = () => requestExtension(started(), { deadline: '2027-02-28', reason: '需财政资金，待预算批复' }, unit);

  it('the unit asks with a reason; the request waits and the deadline that counts is unchanged', () => {
    const a = asked();
    expect(a.extensions).to.deep.equal([{ id: 'ext-1', at: AT, by: '李四', role: 'unit', deadline: '2027-02-28', reason: '需财政资金，待预算批复' }]);
    expect(pendingExtension(a)?.id).to.equal('ext-1');
    expect(effectiveDeadline(a)).to.equal('2026-12-31');
    expect(canRequestExtension(a, 'unit'), 'one request at a time').to.equal(false);
    expect(canRequestExtension(started(), 'unit')).to.equal(true);
    expect(canRequestExtension(started(), 'office')).to.equal(false);
  });

  it('refuses a request from the office, without a reason, not later, twice, or on a closed item', () => {
    const s = started();
    expect(codeOf(() => requestExtension(s, { deadline: '2027-02-28', reason: '理由' }, office))).to.equal('role');
    expect(codeOf(() => requestExtension(s, { deadline: '2027-02-28', reason: '  ' }, unit))).to.equal('needs-reason');
    expect(codeOf(() => requestExtension(s, { deadline: '2027-02-28', reason: 5 as unknown as string }, unit)), 'not text').to.equal('needs-reason');
    expect(codeOf(() => requestExtension(s, { deadline: '2026-12-31', reason: '理由' }, unit))).to.equal('extension');
    expect(codeOf(() => requestExtension(s, { deadline: '2027-02-30', reason: '理由' }, unit))).to.equal('invalid');
    expect(codeOf(() => requestExtension(asked(), { deadline: '2027-03-31', reason: '理由' }, unit))).to.equal('extension');
    expect(codeOf(() => requestExtension({ ...s, status: 'closed' }, { deadline: '2027-02-28', reason: '理由' }, unit))).to.equal('extension');
    expect(codeOf(() => requestExtension(item({ kind: 'ongoing', deadline: undefined }), { deadline: '2027-02-28', reason: '理由' }, unit))).to.equal('extension');
  });

  it('the office approves: the light and the overdue count use the new deadline; the original stays', () => {
    const a = decideExtension(asked(), { approved: true, comment: '同意' }, { ...office, at: LATER });
    expect(a.extensions![0]!.decision).to.deep.equal({ at: LATER, by: '王五', role: 'office', approved: true, comment: '同意' });
    expect(a.deadline, 'original kept').to.equal('2026-12-31');
    expect(effectiveDeadline(a)).to.equal('2027-02-28');
    expect(isOverdue(asked(), '2027-01-05')).to.equal(true);
    expect(isOverdue(a, '2027-01-05')).to.equal(false);
    expect(trafficLight(asked(), '2027-01-05')).to.equal('red');
    expect(trafficLight(a, '2027-01-05')).to.not.equal('red');
    expect(daysLeft(a, '2027-02-27')).to.equal(1);
    expect(ledgerSummary([a, asked()], '2027-01-05').overdue).to.equal(1);
    expect(sortItems([item({ id: 'ZG-002', deadline: '2027-01-31' }), a], 'deadline').map((i) => i.id)).to.deep.equal(['ZG-002', 'ZG-001']);
    expect(canRequestExtension(a, 'unit'), 'a later request is possible').to.equal(true);
  });

  it('CSV has the approved deadline in a column of its own, beside the original', () => {
    const a = decideExtension(asked(), { approved: true, comment: '同意' }, office);
    const rows = parseCsv(toCsv([a, asked()], 'zh-CN'));
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(col('延期后时限')).to.equal(col('整改时限') + 1);
    expect([rows[1]![col('整改时限')], rows[1]![col('延期后时限')]]).to.deep.equal(['2026-12-31', '2027-02-28']);
    expect([rows[2]![col('整改时限')], rows[2]![col('延期后时限')]]).to.deep.equal(['2026-12-31', '']);
    expect(parseCsv(toCsv([a], 'en'))[0]).to.include('Extended deadline');
  });

  it('the office refuses with a comment: the original deadline counts', () => {
    const a = decideExtension(asked(), { approved: false, comment: '理由不充分' }, office);
    expect(a.extensions![0]!.decision!.approved).to.equal(false);
    expect(effectiveDeadline(a)).to.equal('2026-12-31');
    expect(isOverdue(a, '2027-01-05')).to.equal(true);
  });

  it('refuses a decision by the unit, without a waiting request, or a refusal without a comment', () => {
    expect([canDecideExtension(asked(), 'office'), canDecideExtension(asked(), 'unit'), canDecideExtension(started(), 'office')]).to.deep.equal([true, false, false]);
    expect(codeOf(() => decideExtension(asked(), { approved: true }, unit))).to.equal('role');
    expect(codeOf(() => decideExtension(started(), { approved: true }, office))).to.equal('extension');
    expect(codeOf(() => decideExtension(asked(), { approved: false }, office))).to.equal('needs-comment');
  });

  it('updateItem never touches the request list (it changes only through its own steps)', () => {
    expect(codeOf(() => updateItem(asked(), { extensions: [] }, 'office'))).to.equal('role');
  });
});

describe('rectification rules: measures with 责任人 and 时限', () => {
  const measures = [
    { id: 'm1', text: '修订议事规则', person: '李四', deadline: '2026-12-15', done: true, doneOn: '2026-12-10' },
    { id: 'm2', text: '组织专题学习', person: '张三', deadline: '2026-12-20' },
    { id: 'm3', text: '建立台账', deadline: '2027-01-10' },
  ];

  it('derives the progress from the measures when they carry details; legacy items keep their own', () => {
    const a = item({ measures, progress: 90 });
    expect(hasMeasureDetails(a)).to.equal(true);
    expect(measureProgress(a)).to.equal(33);
    expect(itemProgress(a)).to.equal(33);
    const legacy = item({ measures: [{ id: 'm1', text: '修订', done: true }, { id: 'm2', text: '学习' }], progress: 80 });
    expect(hasMeasureDetails(legacy)).to.equal(false);
    expect(measureProgress(legacy)).to.equal(50);
    expect(itemProgress(legacy)).to.equal(80);
    expect(measureProgress(item({ measures: [] }))).to.equal(null);
    expect(itemProgress({ ...a, status: 'closed' })).to.equal(100);
  });

  it('lists the measures past their own deadline and not done', () => {
    const a = item({ measures });
    expect(overdueMeasures(a, '2026-12-20').map((m) => m.id)).to.deep.equal([]);
    expect(overdueMeasures(a, '2026-12-21').map((m) => m.id)).to.deep.equal(['m2']);
    expect(overdueMeasures(a, '2027-01-11').map((m) => m.id)).to.deep.equal(['m2', 'm3']);
  });

  it('editItem sets the derived progress; malformed measure details are refused', () => {
    const a = transition(item(), 'in-progress', unit);
    const b = editItem(a, { measures }, unit);
    expect(b.progress).to.equal(33);
    expect(b.changes!.map((c) => c.path.join('.'))).to.include('progress');
    expect(codeOf(() => updateItem(a, { measures: [{ id: 'm1', text: 'x', deadline: '2026-13-01' }] }, 'unit'))).to.equal('invalid');
    expect(codeOf(() => updateItem(a, { measures: [{ id: 'm1', text: 'x', person: 3 as unknown as string }] }, 'unit'))).to.equal('invalid');
  });
});

describe('rectification rules: the change log', () => {
  it('diffItem names each field: members of objects, measures by id, evidence appended, the rest whole', () => {
    const a = item({ evidence: [{ title: '通知' }] });
    const b: RectificationItem = {
      ...a,
      deadline: '2027-01-31',
      responsibility: { ...a.responsibility, person: '赵六' },
      measures: [{ id: 'm1', text: '修订并印发议事规则' }, { id: 'm2', text: '专题学习', person: '李四' }],
      evidence: [{ title: '通知' }, { title: '会议纪要' }],
      status: 'in-progress',
      history: [...a.history, { at: AT, by: '李四', from: 'not-started', to: 'in-progress' }],
    };
    expect(diffItem(a, b)).to.deep.equal([
      { path: ['measures', 'm1', 'text'], before: '修订议事规则', after: '修订并印发议事规则' },
      { path: ['measures', 'm2'], after: { id: 'm2', text: '专题学习', person: '李四' } },
      { path: ['responsibility', 'person'], before: '李四', after: '赵六' },
      { path: ['evidence', '1'], after: { title: '会议纪要' } },
      { path: ['deadline'], before: '2026-12-31', after: '2027-01-31' },
    ]);
    const reordered = { ...a, measures: [{ id: 'm2', text: 'b' }, { id: 'm1', text: '修订议事规则' }] };
    expect(diffItem(a, reordered)).to.deep.equal([{ path: ['measures'], before: a.measures, after: reordered.measures }]);
    const removed = { ...a, deadline: undefined, evidence: [] };
    delete removed.deadline;
    expect(diffItem(a, removed)).to.deep.equal([
      { path: ['evidence'], before: [{ title: '通知' }], after: [] },
      { path: ['deadline'], before: '2026-12-31' },
    ]);
  });

  it('editItem records who, when, role and every field; nothing when nothing changed', () => {
    const a = item();
    const b = editItem(a, { deadline: '2027-01-31', responsibility: { ...a.responsibility, person: '赵六' } }, office);
    expect(b.changes).to.deep.equal([
      { at: AT, by: '王五', role: 'office', path: ['responsibility', 'person'], before: '李四', after: '赵六' },
      { at: AT, by: '王五', role: 'office', path: ['deadline'], before: '2026-12-31', after: '2027-01-31' },
    ]);
    const c = editItem(b, { kind: 'ongoing', deadline: undefined }, { ...office, at: LATER });
    expect(c.changes!.slice(2).map((e) => [e.path.join('.'), e.before, e.after])).to.deep.equal([
      ['kind', 'deadline', 'ongoing'],
      ['deadline', '2027-01-31', undefined],
    ]);
    expect(editItem(c, { kind: 'ongoing' }, office)).to.equal(c);
    expect(codeOf(() => editItem(a, { deadline: '2027-03-31' }, unit))).to.equal('role');
    expect(codeOf(() => editItem(a, { deadline: '2027-01-31' }, { ...office, at: 'yesterday' }))).to.equal('invalid');
    expect(codeOf(() => updateItem(b, { changes: [] }, 'office')), 'the log is not a field').to.equal('role');
  });

  it('changeLogProblem: an edit without its entry, a rewritten log, a malformed entry', () => {
    const a = editItem(item(), { deadline: '2027-01-31' }, office);
    const ok = editItem(a, { responsibility: { person: '赵六' } }, office);
    expect(changeLogProblem(a, ok)).to.equal(null);
    expect(changeLogProblem(a, { ...ok, changes: a.changes })).to.deep.equal({ code: 'missing', path: ['responsibility', 'leader'] });
    expect(changeLogProblem(a, { ...a, changes: [] })).to.deep.equal({ code: 'rewritten' });
    const rewritten = { ...ok, changes: [{ ...a.changes![0]!, before: '2027-06-30' }, ...ok.changes!.slice(1)] };
    expect(changeLogProblem(a, rewritten)?.code).to.equal('rewritten');
    expect(changeLogProblem(a, { ...ok, changes: [...a.changes!, { at: AT, by: '王五', path: ['status'] }] })?.code).to.equal('malformed');
    // An entry naming the field but not the value it now holds does not record it.
    const lying = { ...ok, changes: [...a.changes!, { ...ok.changes![1]!, after: '钱七' }, ...ok.changes!.slice(2)] };
    expect(changeLogProblem(a, lying)?.code).to.equal('missing');
    // Several edits of one field between saves: the last entry gives the value.
    const twice = editItem(editItem(a, { progress: 10 }, office), { progress: 20 }, office);
    expect(changeLogProblem(a, twice)).to.equal(null);
  });
});

describe('rectification rules: 验收 by several parties', () => {
  const parties: AcceptanceParty[] = [
    { id: 'office', name: '巡察办' },
    { id: 'team', name: '巡察组', signers: ['王五', '孙八'] },
    { id: 'dept', name: '主管部门', roles: ['unit'] },
    { id: 'audit', name: '审计局', required: false },
  ];
  const waiting = () => {
    let a = transition(item({ evidence: [{ title: '会议纪要' }] }), 'in-progress', { ...unit, at: T0 });
    a = transition(a, 'pending-verification', { ...unit, at: '2026-11-20T09:00:00+08:00' });
    return a;
  };
  const sign = (a: RectificationItem, party: string, opts: { by: string; role: 'unit' | 'office' | 'viewer'; at: string } = office, passed = true) =>
    signAcceptance(a, { party, name: opts.by, date: '2026-11-26', opinion: passed ? '整改到位' : '材料不全', passed }, opts, parties);

  it('reads the parties of the ledger (well-formed ones, ids once)', () => {
    expect(acceptanceParties({ acceptanceParties: [...parties, { id: 'office', name: 'dup' }, { name: 'x' } as AcceptanceParty] }).map((p) => p.id)).to.deep.equal([
      'office',
      'team',
      'dept',
      'audit',
    ]);
    expect(acceptanceParties({})).to.deep.equal([]);
  });

  it('each party signs with name, date, opinion and pass / fail', () => {
    const a = sign(waiting(), 'office');
    expect(a.acceptance).to.deep.equal([{ party: 'office', name: '王五', date: '2026-11-26', opinion: '整改到位', passed: true, at: AT, by: '王五', role: 'office' }]);
  });

  it('refuses an unknown party, a user or role that may not sign for it, no opinion, an item not awaiting verification', () => {
    const a = waiting();
    expect(codeOf(() => sign(a, 'nobody'))).to.equal('party');
    expect(codeOf(() => sign(a, 'team', { ...office, by: '周九' }))).to.equal('party');
    expect(codeOf(() => sign(a, 'office', unit))).to.equal('party');
    expect(codeOf(() => sign(a, 'dept', office))).to.equal('party');
    expect(codeOf(() => sign(a, 'dept', unit))).to.equal('none');
    expect(signableParties(a, parties, '王五', 'office').map((p) => p.id)).to.deep.equal(['office', 'team', 'audit']);
    expect(signableParties(a, parties, '周九', 'office').map((p) => p.id)).to.deep.equal(['office', 'audit']);
    expect(signableParties(a, parties, '李四', 'unit').map((p) => p.id)).to.deep.equal(['dept']);
    expect(signableParties(a, parties, '李四', 'viewer')).to.deep.equal([]);
    expect(signableParties(transition(item(), 'in-progress', unit), parties, '王五', 'office')).to.deep.equal([]);
    expect(codeOf(() => signAcceptance(a, { party: 'office', name: '王五', date: '2026-11-26', opinion: ' ', passed: true }, office, parties))).to.equal('needs-comment');
    // The name signed is the recording user's: none given is theirs, another is refused.
    expect(signAcceptance(a, { party: 'office', name: '', date: '2026-11-26', opinion: '好', passed: true }, office, parties).acceptance![0]!.name).to.equal('王五');
    expect(codeOf(() => signAcceptance(a, { party: 'office', name: '孙八', date: '2026-11-26', opinion: '好', passed: true }, office, parties))).to.equal('signer');
    expect(codeOf(() => sign(transition(item(), 'in-progress', unit), 'office'))).to.equal('party');
  });

  it('销号 waits until every required party has passed; an optional party is not waited for', () => {
    let a = waiting();
    const close = (x: RectificationItem) => transitionAccepted(x, 'closed', { ...office, verifier: '王五' }, parties);
    expect(codeOf(() => close(a))).to.equal('needs-acceptance');
    expect(acceptedTransitions(a, 'office', parties).find((t) => t.action === 'close')?.blockedBy).to.equal('needs-acceptance');
    a = sign(a, 'office');
    a = sign(a, 'team', { ...office, by: '孙八' }, false);
    a = sign(a, 'dept', unit);
    const state = acceptanceState(a, parties);
    expect(state.complete).to.equal(false);
    expect(state.missing.map((p) => p.id)).to.deep.equal(['team']);
    expect(codeOf(() => close(a))).to.equal('needs-acceptance');
    a = sign(a, 'team', { ...office, at: LATER });
    expect(acceptanceState(a, parties).complete).to.equal(true);
    expect(acceptedTransitions(a, 'office', parties).find((t) => t.action === 'close')?.blockedBy).to.equal(undefined);
    expect(close(a).status).to.equal('closed');
  });

  it('a new round after sending back: earlier signatures no longer count', () => {
    let a = waiting();
    for (const [p, o] of [['office', office], ['team', office], ['dept', unit]] as const) a = sign(a, p, o);
    expect(acceptanceState(a, parties).complete).to.equal(true);
    a = transition(a, 'in-progress', { ...office, at: LATER, comment: '补充材料' });
    a = transition(a, 'pending-verification', { ...unit, at: '2026-11-28T09:00:00+08:00' });
    expect(acceptanceState(a, parties).complete).to.equal(false);
    expect(a.acceptance).to.have.length(3);
  });

  it('a party\u2019s latest signature by time counts, whatever the order of the list (a merge appends the other side\u2019s)', () => {
    const a = sign(sign(waiting(), 'office', { ...office, at: LATER }, true), 'office', office, false);
    expect(a.acceptance!.map((x) => x.passed)).to.deep.equal([true, false]);
    expect(acceptanceState(a, parties).parties[0]!.signature!.at).to.equal(LATER);
    expect(acceptanceState(a, parties).parties[0]!.passed).to.equal(true);
  });

  it('a ledger naming no parties closes as before', () => {
    expect(transitionAccepted(waiting(), 'closed', { ...office, verifier: '王五' }, []).status).to.equal('closed');
    expect(acceptedTransitions(waiting(), 'office', []).find((t) => t.action === 'close')?.blockedBy).to.equal(undefined);
  });
});

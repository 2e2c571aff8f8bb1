/**
 * verifyLedgerChange and the rules of 整改 to the end: what the core's helpers produce
 * (editItem, requestExtension, decideExtension, signAcceptance, transitionAccepted, a 阶段性完成
 * step) is accepted; forgeries are refused with their own reason: an edit without its change-log
 * entry, a rewritten or backdated log, a unit deciding its own 延期, a signature for a party the
 * user may not sign for, 销号 before every required party has passed.
 */
import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/core/i18n.js';
import {
  createItem,
  decideExtension,
  editItem,
  requestExtension,
  signAcceptance,
  transition,
  transitionAccepted,
  updateItem,
  type RectificationRole,
} from '../../src/core/rectification.js';
import type { AcceptanceParty, RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { verifyLedgerChange, type LedgerChangeContext, type VerifyResult } from '../../src/core/verify.js';
import { mergeLedgers } from '../../src/core/ledger-merge.js';

const TODAY = '2026-12-01';
const USERS: Record<RectificationRole, string> = { unit: '李四', office: '王五', viewer: '赵六' };
const ctx = (role: RectificationRole, over: Partial<LedgerChangeContext> = {}): LedgerChangeContext => ({ role, user: USERS[role], today: TODAY, ...over });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const codes = (r: VerifyResult) => (r.ok ? [] : r.reasons.map((x) => x.code));
const T0 = '2026-11-01T09:00:00+08:00';
const AT = '2026-11-26T09:30:00+08:00';
const LATER = '2026-11-27T10:00:00+08:00';
const by = (role: RectificationRole, at = AT) => ({ by: USERS[role], role, at });

const PARTIES: AcceptanceParty[] = [
  { id: 'office', name: '巡察办' },
  { id: 'team', name: '巡察组', signers: ['孙八'] },
  { id: 'dept', name: '主管部门', roles: ['unit'] },
];

function baseItem(over: Partial<RectificationItem> = {}): RectificationItem {
  const made = createItem(
    { problem: { text: '“三重一大”事项未经集体研究' }, deadline: '2026-12-31', responsibility: { department: '党政办', person: '李四' }, ...over },
    { id: 'ZG-001', by: USERS.office, role: 'office', at: T0 },
  );
  return transition(made, 'in-progress', by('unit', '2026-11-02T09:00:00+08:00'));
}

const ledger = (item: RectificationItem, members: Partial<RectificationLedger> = {}): RectificationLedger => ({
  version: 1,
  unit: '某乡人民政府',
  ...members,
  items: [item],
});

before(() => loadLocale('en'));

describe('verifyLedgerChange: the change log', () => {
  it('accepts edits made with editItem, in both modes', () => {
    const a = baseItem();
    const b = editItem(a, { progress: 40, measures: [{ id: 'm1', text: '修订议事规则', person: '李四', deadline: '2026-12-15' }] }, by('unit'));
    for (const changeLog of ['required', 'once-started'] as const) {
      expect(verifyLedgerChange(ledger(a), ledger(b), ctx('unit', { changeLog })), changeLog).to.deep.equal({ ok: true });
    }
    const c = editItem(b, { deadline: '2027-01-31', responsibility: { department: '党政办', person: '赵六' } }, by('office', LATER));
    expect(verifyLedgerChange(ledger(b), ledger(c), ctx('office', { changeLog: 'required' }))).to.deep.equal({ ok: true });
  });

  it('refuses a field edit without its entry (required), and for an item that has a log (default)', () => {
    const a = baseItem();
    const unlogged = updateItem(a, { progress: 40 }, 'unit');
    const required = verifyLedgerChange(ledger(a), ledger(unlogged), ctx('unit', { changeLog: 'required' }));
    expect(codes(required)).to.deep.equal(['change-log']);
    expect(required.ok ? '' : required.reasons[0]!.message).to.equal('条目 ZG-001：“整改进度（%）”被修改，但没有记录这次修改的修改记录。');
    // A legacy item (no log yet) may still be edited without one by default…
    expect(verifyLedgerChange(ledger(a), ledger(unlogged), ctx('unit'))).to.deep.equal({ ok: true });
    // …but once it has a log, every edit needs its entry.
    const logged = editItem(a, { progress: 20 }, by('unit'));
    const after = updateItem(logged, { progress: 40 }, 'unit');
    expect(codes(verifyLedgerChange(ledger(logged), ledger(after), ctx('unit')))).to.deep.equal(['change-log']);
    // An office deadline move is on the record too.
    const moved = updateItem(logged, { deadline: '2027-06-30' }, 'office');
    expect(codes(verifyLedgerChange(ledger(logged), ledger(moved), ctx('office')))).to.deep.equal(['change-log']);
  });

  it('refuses forged entries: another user, another role, a wrong value, future or backdated, a member that is not a field', () => {
    const a = editItem(baseItem(), { progress: 10 }, by('unit'));
    const ok = editItem(a, { progress: 40 }, by('unit', LATER));
    const forge = (f: (e: Record<string, unknown>) => void) => {
      const b = clone(ok);
      f(b.changes!.at(-1)! as unknown as Record<string, unknown>);
      return codes(verifyLedgerChange(ledger(a), ledger(b), ctx('unit')));
    };
    expect(forge(() => undefined)).to.deep.equal([]);
    expect(forge((e) => (e['by'] = '王五'))).to.deep.equal(['change-log']);
    expect(forge((e) => (e['role'] = 'office'))).to.deep.equal(['change-log']);
    expect(forge((e) => (e['after'] = 99))).to.deep.equal(['change-log']);
    expect(forge((e) => (e['at'] = '2026-12-09T09:00:00+08:00'))).to.deep.equal(['future']);
    // New entries follow on among themselves: one dated a day before the new entry preceding it is backdated.
    const two = editItem(editItem(a, { progress: 40 }, by('unit', LATER)), { responsibility: { person: '赵六' } }, by('unit', LATER));
    const back = clone(two);
    back.changes!.at(-1)!.at = '2026-11-26T09:00:00+08:00';
    expect(codes(verifyLedgerChange(ledger(a), ledger(two), ctx('unit')))).to.deep.equal([]);
    expect(codes(verifyLedgerChange(ledger(a), ledger(back), ctx('unit')))).to.deep.equal(['backdated']);
    expect(forge((e) => (e['path'] = ['status']))).to.deep.equal(['change-log']);
  });

  it('accepts an edit made offline and merged after someone else\u2019s save (older than the stored entries)', () => {
    const base = editItem(baseItem(), { progress: 10 }, by('unit'));
    // The unit edits offline on the 26th…
    const mine = editItem(base, { progress: 30 }, by('unit', '2026-11-26T18:00:00+08:00'));
    // …the office moves the deadline on the 28th and saves first.
    const theirs = editItem(base, { deadline: '2027-01-31' }, by('office', '2026-11-28T09:00:00+08:00'));
    const merged = mergeLedgers(ledger(base), ledger(mine), ledger(theirs));
    expect(merged.conflicts).to.deep.equal([]);
    expect(verifyLedgerChange(ledger(theirs), merged.ledger, ctx('unit', { changeLog: 'required' }))).to.deep.equal({ ok: true });
  });

  it('refuses a log rewritten, shortened or removed', () => {
    const a = editItem(baseItem(), { progress: 10 }, by('unit'));
    const rewritten = clone(a);
    rewritten.changes![0]!.before = 50;
    expect(codes(verifyLedgerChange(ledger(a), ledger(rewritten), ctx('unit')))).to.deep.equal(['change-log']);
    const removed = clone(a);
    delete removed.changes;
    expect(codes(verifyLedgerChange(ledger(a), ledger(removed), ctx('unit')))).to.deep.equal(['change-log']);
    expect(codes(verifyLedgerChange(ledger(a), ledger({ ...a, changes: [] }), ctx('unit')))).to.deep.equal(['change-log']);
  });

  it('what a status step sets (销号: closedAt, progress, verifier) needs no entry', () => {
    let a = editItem(baseItem(), { evidence: [{ title: '会议纪要' }] }, by('unit'));
    a = transition(a, 'pending-verification', by('unit'));
    const closed = transition(a, 'closed', { ...by('office', LATER), verifier: '王五' });
    expect(verifyLedgerChange(ledger(a), ledger(closed), ctx('office', { changeLog: 'required' }))).to.deep.equal({ ok: true });
  });
});

describe('verifyLedgerChange: 延期', () => {
  const asked = () => requestExtension(baseItem(), { deadline: '2027-02-28', reason: '需财政资金' }, by('unit'));

  it('accepts the unit asking and the office deciding', () => {
    const a = baseItem();
    const b = asked();
    expect(verifyLedgerChange(ledger(a), ledger(b), ctx('unit', { changeLog: 'required' }))).to.deep.equal({ ok: true });
    const approved = decideExtension(b, { approved: true, comment: '同意' }, by('office', LATER));
    expect(verifyLedgerChange(ledger(b), ledger(approved), ctx('office', { changeLog: 'required' }))).to.deep.equal({ ok: true });
    const refused = decideExtension(b, { approved: false, comment: '理由不充分' }, by('office', LATER));
    expect(verifyLedgerChange(ledger(b), ledger(refused), ctx('office'))).to.deep.equal({ ok: true });
  });

  it('refuses a unit approving its own request, in the same save or later', () => {
    const b = asked();
    const self = clone(b);
    self.extensions![0]!.decision = { at: LATER, by: USERS.unit, role: 'unit', approved: true };
    const later = verifyLedgerChange(ledger(b), ledger(self), ctx('unit'));
    expect(codes(later)).to.deep.equal(['extension']);
    expect(later.ok ? '' : later.reasons[0]!.message).to.contain('被巡察单位不能审批延期申请');
    const en = verifyLedgerChange(ledger(b), ledger(self), ctx('unit', { lang: 'en' }));
    expect(en.ok ? '' : en.reasons[0]!.message).to.equal('Item ZG-001: The inspected unit may not decide on an extension; the inspection office decides.');
    expect(codes(verifyLedgerChange(ledger(baseItem()), ledger(self), ctx('unit')))).to.deep.equal(['extension']);
  });

  it('refuses the office asking, a request without a reason or not later, a refusal without a comment, a rewritten request', () => {
    const a = baseItem();
    const byOffice = clone(asked());
    Object.assign(byOffice.extensions![0]!, { by: USERS.office, role: 'office' });
    expect(codes(verifyLedgerChange(ledger(a), ledger(byOffice), ctx('office')))).to.deep.equal(['extension']);
    const noReason = clone(asked());
    noReason.extensions![0]!.reason = '';
    expect(codes(verifyLedgerChange(ledger(a), ledger(noReason), ctx('unit')))).to.deep.equal(['extension']);
    const numeric = clone(asked()) as unknown as { extensions: Record<string, unknown>[] };
    numeric.extensions[0]!['reason'] = 5;
    expect(codes(verifyLedgerChange(ledger(a), ledger(numeric as unknown as RectificationItem), ctx('unit')))).to.deep.equal(['extension']);
    const notLater = clone(asked());
    notLater.extensions![0]!.deadline = '2026-12-01';
    expect(codes(verifyLedgerChange(ledger(a), ledger(notLater), ctx('unit')))).to.deep.equal(['extension']);
    const b = asked();
    const bare = clone(b);
    bare.extensions![0]!.decision = { at: LATER, by: USERS.office, role: 'office', approved: false };
    expect(codes(verifyLedgerChange(ledger(b), ledger(bare), ctx('office')))).to.deep.equal(['extension']);
    const moved = clone(b);
    moved.extensions![0]!.deadline = '2027-12-31';
    expect(codes(verifyLedgerChange(ledger(b), ledger(moved), ctx('unit')))).to.deep.equal(['extension']);
    expect(codes(verifyLedgerChange(ledger(b), ledger({ ...b, extensions: [] }), ctx('unit')))).to.deep.equal(['extension']);
  });

  it('the item\u2019s own deadline stays the office\u2019s: a unit cannot move it instead of asking', () => {
    const a = baseItem();
    expect(codes(verifyLedgerChange(ledger(a), ledger({ ...a, deadline: '2027-06-30' }), ctx('unit')))).to.deep.equal(['field']);
  });
});

describe('verifyLedgerChange: 阶段性完成 and 验收 by several parties', () => {
  it('a stage is reached only by an ongoing item', () => {
    const ongoing = baseItem({ kind: 'ongoing', deadline: undefined });
    const staged = transition(ongoing, 'stage-reached', by('unit'));
    expect(verifyLedgerChange(ledger(ongoing), ledger(staged), ctx('unit'))).to.deep.equal({ ok: true });
    const a = baseItem();
    const forged = clone(a);
    forged.status = 'stage-reached';
    forged.history.push({ at: AT, by: USERS.unit, role: 'unit', from: 'in-progress', to: 'stage-reached' });
    expect(codes(verifyLedgerChange(ledger(a), ledger(forged), ctx('unit')))).to.deep.equal(['transition']);
  });

  const waiting = () => transition(editItem(baseItem(), { evidence: [{ title: '会议纪要' }] }, by('unit')), 'pending-verification', by('unit', '2026-11-20T09:00:00+08:00'));
  const members = { acceptanceParties: PARTIES };
  const sign = (x: RectificationItem, party: string, who: { by: string; role: RectificationRole; at: string }) =>
    signAcceptance(x, { party, name: who.by, date: '2026-11-26', opinion: '整改到位', passed: true }, who, PARTIES);

  it('accepts each party signing for itself and 销号 once every required party has passed', () => {
    const a = waiting();
    const b = sign(a, 'office', by('office'));
    expect(verifyLedgerChange(ledger(a, members), ledger(b, members), ctx('office'))).to.deep.equal({ ok: true });
    const c = sign(b, 'dept', by('unit'));
    expect(verifyLedgerChange(ledger(b, members), ledger(c, members), ctx('unit'))).to.deep.equal({ ok: true });
    const d = sign(c, 'team', { by: '孙八', role: 'office', at: AT });
    expect(verifyLedgerChange(ledger(c, members), ledger(d, members), { ...ctx('office'), user: '孙八' })).to.deep.equal({ ok: true });
    const closed = transitionAccepted(d, 'closed', { ...by('office', LATER), verifier: '王五' }, PARTIES);
    expect(verifyLedgerChange(ledger(d, members), ledger(closed, members), ctx('office', { changeLog: 'required' }))).to.deep.equal({ ok: true });
  });

  it('refuses 销号 before every required party has passed, naming those missing', () => {
    const a = sign(waiting(), 'office', by('office'));
    const closed = transition(a, 'closed', { ...by('office', LATER), verifier: '王五' });
    const r = verifyLedgerChange(ledger(a, members), ledger(closed, members), ctx('office'));
    expect(codes(r)).to.deep.equal(['acceptance']);
    expect(r.ok ? '' : r.reasons[0]!.message).to.contain('尚未通过：巡察组、主管部门');
    // Signing for another party in the same save does not help.
    const forged = clone(closed);
    forged.acceptance!.push(
      { party: 'team', name: '王五', date: '2026-11-27', opinion: '同意', passed: true, at: LATER, by: USERS.office, role: 'office' },
      { party: 'dept', name: '王五', date: '2026-11-27', opinion: '同意', passed: true, at: LATER, by: USERS.office, role: 'office' },
    );
    expect(codes(verifyLedgerChange(ledger(a, members), ledger(forged, members), ctx('office')))).to.deep.equal(['acceptance']);
    // Without parties in the ledger, the office closes as before.
    expect(verifyLedgerChange(ledger(a), ledger(closed), ctx('office'))).to.deep.equal({ ok: true });
  });

  it('refuses a signature for a party the user may not sign for, and rewritten signatures', () => {
    const a = waiting();
    const asUnit = clone(a);
    asUnit.acceptance = [{ party: 'office', name: '李四', date: '2026-11-26', opinion: '好', passed: true, at: AT, by: USERS.unit, role: 'unit' }];
    expect(codes(verifyLedgerChange(ledger(a, members), ledger(asUnit, members), ctx('unit')))).to.deep.equal(['acceptance']);
    const b = sign(a, 'office', by('office'));
    const flipped = clone(b);
    flipped.acceptance![0]!.passed = false;
    expect(codes(verifyLedgerChange(ledger(b, members), ledger(flipped, members), ctx('office')))).to.deep.equal(['acceptance']);
  });
});

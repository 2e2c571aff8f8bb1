/**
 * The ledger's rules where a portal developer found them loose, in the core and in
 * verifyLedgerChange's replay: a 验收 signature in the recording user's own name, dated from the day
 * the item went to 待验收 to today; "dated after today" exactly (run this file under TZ=UTC and
 * TZ=Asia/Shanghai); progress derived from measures with details never stored otherwise; and a
 * server with no stored ledger yet (null) given a verdict instead of a crash.
 */
import { expect } from '@open-wc/testing';
import {
  createItem,
  editItem,
  itemProgress,
  requestExtension,
  RectificationError,
  signAcceptance,
  transition,
  updateItem,
  type RectificationRole,
} from '../../src/core/rectification.js';
import type { AcceptanceParty, RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { verifyLedgerChange, type LedgerChangeContext, type VerifyResult } from '../../src/core/verify.js';

const TODAY = '2026-12-03';
const USERS: Record<RectificationRole, string> = { unit: '李四', office: '钱卫东', viewer: '赵六' };
const ctx = (role: RectificationRole, over: Partial<LedgerChangeContext> = {}): LedgerChangeContext => ({ role, user: USERS[role], today: TODAY, ...over });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const codes = (r: VerifyResult) => (r.ok ? [] : r.reasons.map((x) => x.code));
const messages = (r: VerifyResult) => (r.ok ? '' : r.reasons.map((x) => x.message).join(' | '));
const by = (role: RectificationRole, at: string) => ({ by: USERS[role], role, at });
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof RectificationError) return e.code;
    throw e;
  }
  return 'no refusal';
};

const PARTIES: AcceptanceParty[] = [{ id: 'xcb', name: '巡察办', signers: ['钱卫东'] }];
const members = { acceptanceParties: PARTIES };
const ledger = (item: RectificationItem, extra: Partial<RectificationLedger> = {}): RectificationLedger => ({ version: 1, unit: '某乡人民政府', ...extra, items: [item] });

function started(over: Partial<RectificationItem> = {}): RectificationItem {
  const made = createItem(
    { problem: { text: '公务接待超标准' }, deadline: '2026-12-31', responsibility: { person: '李四' }, ...over },
    { id: 'SW-01', by: USERS.office, role: 'office', at: '2026-11-01T09:00:00+08:00' },
  );
  return transition(made, 'in-progress', by('unit', '2026-11-02T09:00:00+08:00'));
}

/** Waiting for verification since 2026-11-20 (local date in UTC and in Asia/Shanghai alike). */
const waiting = () =>
  transition(editItem(started(), { evidence: [{ title: '整改报告' }] }, by('unit', '2026-11-19T09:00:00+08:00')), 'pending-verification', by('unit', '2026-11-20T12:00:00+08:00'));

describe('验收 signatures: the recording user\u2019s own name, dated within 待验收 … today', () => {
  const AT = '2026-12-02T10:00:00+08:00';
  const input = (over: Partial<Parameters<typeof signAcceptance>[1]> = {}) => ({ party: 'xcb', date: '2026-12-01', opinion: '整改到位', passed: true, ...over });

  it('the core refuses another\u2019s name, a date before 待验收 and a date after today', () => {
    const a = waiting();
    const who = { ...by('office', AT), today: TODAY };
    expect(codeOf(() => signAcceptance(a, input({ name: '周建华' }), who, PARTIES))).to.equal('signer');
    expect(codeOf(() => signAcceptance(a, input({ name: '钱卫东', date: '2026-11-01' }), who, PARTIES))).to.equal('sign-date');
    expect(codeOf(() => signAcceptance(a, input({ name: '钱卫东', date: '2027-03-01' }), who, PARTIES))).to.equal('sign-date');
    // Without `today` the day recorded is the latest date.
    expect(codeOf(() => signAcceptance(a, input({ date: '2026-12-03' }), by('office', AT), PARTIES))).to.equal('sign-date');
    // The first and the last day of the window are fine; no name means the recording user's.
    expect(signAcceptance(a, input({ date: '2026-11-20' }), who, PARTIES).acceptance!.at(-1)).to.include({ name: '钱卫东', by: '钱卫东', date: '2026-11-20' });
    expect(signAcceptance(a, input({ name: ' 钱卫东 ', date: TODAY }), who, PARTIES).acceptance!.at(-1)).to.include({ name: '钱卫东', date: TODAY });
  });

  it('verifyLedgerChange refuses the same forgeries made by hand, with a translated reason', () => {
    const a = waiting();
    const good = signAcceptance(a, input({ date: '2026-12-02' }), by('office', AT), PARTIES);
    expect(verifyLedgerChange(ledger(a, members), ledger(good, members), ctx('office'))).to.deep.equal({ ok: true });
    const forge = (over: Record<string, unknown>) => {
      const f = clone(good);
      Object.assign(f.acceptance![0]!, over);
      return verifyLedgerChange(ledger(a, members), ledger(f, members), ctx('office'));
    };
    const other = forge({ name: '周建华' });
    expect(codes(other)).to.deep.equal(['acceptance']);
    expect(messages(other)).to.contain('签署人须为记录签署的用户本人');
    for (const date of ['2026-11-01', '2027-03-01', '2026-12-04']) {
      const r = forge({ date });
      expect(codes(r), date).to.deep.equal(['acceptance']);
      expect(messages(r), date).to.contain('签署日期须在条目送验收之日至今天之间');
    }
    expect(messages(verifyLedgerChange(ledger(a, members), ledger(clone(good), members), ctx('office', { lang: 'en' })))).to.equal('');
  });
});

describe('"dated after today" is exact (in the server\u2019s time zone)', () => {
  const TOMORROW_LATE = '2026-12-04T23:59Z';
  const TOMORROW_EARLY = '2026-12-04T00:00Z';
  const TODAY_AT = '2026-12-03T06:00Z';

  it('refuses a transition, an edit and a 延期 request dated tomorrow, and takes them dated today', () => {
    const a = started();
    for (const at of [TOMORROW_LATE, TOMORROW_EARLY]) {
      const moved = transition(editItem(a, { evidence: [{ title: '整改报告' }] }, by('unit', TODAY_AT)), 'pending-verification', by('unit', at));
      expect(codes(verifyLedgerChange(ledger(a), ledger(moved), ctx('unit'))), `transition ${at}`).to.deep.equal(['future']);
      const edited = editItem(a, { progress: 40 }, by('unit', at));
      expect(codes(verifyLedgerChange(ledger(a), ledger(edited), ctx('unit'))), `edit ${at}`).to.deep.equal(['future']);
      const asked = requestExtension(a, { deadline: '2027-01-31', reason: '预算未批复' }, by('unit', at));
      expect(codes(verifyLedgerChange(ledger(a), ledger(asked), ctx('unit'))), `延期 ${at}`).to.deep.equal(['future']);
    }
    const moved = transition(editItem(a, { evidence: [{ title: '整改报告' }] }, by('unit', TODAY_AT)), 'pending-verification', by('unit', TODAY_AT));
    expect(verifyLedgerChange(ledger(a), ledger(moved), ctx('unit'))).to.deep.equal({ ok: true });
    const asked = requestExtension(a, { deadline: '2027-01-31', reason: '预算未批复' }, by('unit', TODAY_AT));
    expect(verifyLedgerChange(ledger(a), ledger(asked), ctx('unit'))).to.deep.equal({ ok: true });
  });
});

describe('progress derived from measures with details', () => {
  const measures = [
    { id: 'M1', text: '修订接待制度', person: '李四', deadline: '2026-12-10', done: true, doneOn: '2026-11-25' },
    { id: 'M2', text: '清退超标费用', person: '李四', deadline: '2026-12-20' },
    { id: 'M3', text: '通报', person: '王五', deadline: '2026-12-30' },
  ];
  const AT = '2026-12-02T10:00:00+08:00';

  it('editItem never stores a progress the measures contradict; a measure done moves it', () => {
    const a = editItem(started(), { measures }, by('unit', AT));
    expect(a.progress).to.equal(33);
    const b = editItem(a, { progress: 95 }, by('unit', AT));
    expect(b.progress).to.equal(33);
    expect(b.progress).to.equal(itemProgress(b));
    expect(b, 'nothing changed, nothing logged').to.equal(a);
    const c = editItem(a, { measures: measures.map((m) => (m.id === 'M2' ? { ...m, done: true, doneOn: '2026-12-02' } : m)), progress: 95 }, by('unit', AT));
    expect(c.progress).to.equal(66);
    expect(verifyLedgerChange(ledger(a), ledger(c), ctx('unit'))).to.deep.equal({ ok: true });
  });

  it('verifyLedgerChange refuses a stored progress the measures contradict', () => {
    const a = editItem(started(), { measures }, by('unit', AT));
    const forged = updateItem(a, { progress: 95 }, 'unit');
    forged.changes = [...a.changes!, { at: AT, by: USERS.unit, role: 'unit', path: ['progress'], before: 33, after: 95 }];
    const r = verifyLedgerChange(ledger(a), ledger(forged), ctx('unit'));
    expect(codes(r)).to.deep.equal(['value']);
    expect(messages(r)).to.contain('应为 33%');
    // An item without details keeps its typed progress.
    const plain = started();
    expect(verifyLedgerChange(ledger(plain), ledger(editItem(plain, { progress: 95 }, by('unit', AT))), ctx('unit'))).to.deep.equal({ ok: true });
  });
});

describe('verifyLedgerChange with no stored ledger', () => {
  it('null is no ledger yet: checked as new, never thrown on; a stored non-ledger is refused', () => {
    const made = createItem({ problem: { text: '公务接待超标准' } }, { id: 'SW-01', by: USERS.office, role: 'office', at: '2026-12-01T09:00:00+08:00' });
    const incoming = ledger(made);
    expect(verifyLedgerChange(null, incoming, ctx('office'))).to.deep.equal({ ok: true });
    expect(verifyLedgerChange(undefined, incoming, ctx('office'))).to.deep.equal({ ok: true });
    expect(codes(verifyLedgerChange(null, incoming, ctx('unit')))).to.include('create');
    const stored = verifyLedgerChange({} as RectificationLedger, incoming, ctx('office'));
    expect(codes(stored)).to.deep.equal(['invalid']);
    expect(messages(stored)).to.contain('已存储的数据不是整改台账');
  });
});

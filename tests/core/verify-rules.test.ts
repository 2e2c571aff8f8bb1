import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/core/i18n.js';
import { createItem, transition, updateItem, type RectificationRole } from '../../src/core/rectification.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { validateWith } from '../../src/core/validation.js';
import { verifyLedgerChange, type LedgerChangeContext, type VerifyResult } from '../../src/core/verify.js';
import { rectificationLedger } from '../../src/generated/validators/rectificationLedger.js';

/** Where element and server must agree: backdated entries, the tracker's rules and the ledger schema. */
const TODAY = '2026-12-01';
const USERS: Record<RectificationRole, string> = { unit: '李四', office: '王五', viewer: '赵六' };
const schemaCheck: LedgerChangeContext['schemaCheck'] = (l, lang) => validateWith(rectificationLedger, l, {}, lang);
const ctx = (role: RectificationRole, over: Partial<LedgerChangeContext> = {}): LedgerChangeContext => ({ role, user: USERS[role], today: TODAY, schemaCheck, ...over });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const codes = (r: VerifyResult) => (r.ok ? [] : r.reasons.map((x) => x.code));
const ledger = (...items: RectificationItem[]): RectificationLedger => ({ version: 1, title: '某县巡察整改台账', unit: '某乡人民政府', items });
const by = (role: RectificationRole, at = '2026-11-26T09:30:00+08:00') => ({ by: USERS[role], role, at });
const created = (id = 'ZG-001') =>
  createItem({ problem: { text: '公务接待超标准' }, deadline: '2026-12-31' }, { id, by: USERS.office, role: 'office', at: '2026-11-20T09:00:00+08:00' });

describe('verifyLedgerChange: the rules the tracker checks, on the server too', () => {
  before(() => loadLocale('en'));

  it('refuses a new history entry dated on a day before the entry preceding it (backdated)', () => {
    const a = ledger(created());
    const back = ledger(transition(a.items[0]!, 'in-progress', by('unit', '2026-11-10T09:00:00+08:00')));
    const r = verifyLedgerChange(a, back, ctx('unit'));
    expect(codes(r)).to.deep.equal(['backdated']);
    expect(!r.ok && r.reasons[0]!.field).to.equal('history');
    expect(!r.ok && r.reasons[0]!.message).to.equal('条目 ZG-001：历史记录的日期（2026-11-10）早于前一条记录（2026-11-20）。');
    // Each added entry follows the one before it, not only the stored ones.
    const started = transition(a.items[0]!, 'in-progress', by('unit', '2026-11-25T09:00:00+08:00'));
    const withEvidence = updateItem(started, { evidence: [{ title: '纪要' }] }, 'unit');
    const twoSteps = ledger(transition(withEvidence, 'pending-verification', by('unit', '2026-11-22T09:00:00+08:00')));
    expect(codes(verifyLedgerChange(a, twoSteps, ctx('unit')))).to.deep.equal(['backdated']);
    // The same day is not backdating (clocks of two computers differ by minutes).
    const sameDay = ledger(transition(a.items[0]!, 'in-progress', by('unit', '2026-11-20T08:00:00+08:00')));
    expect(verifyLedgerChange(a, sameDay, ctx('unit')).ok).to.equal(true);
  });

  it('refuses a change that leaves a closed item without evidence or verifier (the tracker’s rules), even when closed items may be corrected', () => {
    let item = transition(created(), 'in-progress', by('unit'));
    item = updateItem(item, { evidence: [{ title: '会议纪要' }] }, 'unit');
    item = transition(transition(item, 'pending-verification', by('unit')), 'closed', { ...by('office'), verifier: '王五' });
    const a = ledger(item);
    const stripped = clone(a);
    stripped.items[0]!.evidence = [];
    stripped.items[0]!.verifier = ' ';
    const r = verifyLedgerChange(a, stripped, ctx('office', { closedFinal: false }));
    expect(codes(r)).to.deep.equal(['rule', 'rule']);
    expect(!r.ok && r.reasons.map((x) => x.field)).to.deep.equal(['evidence', 'verifier']);
    expect(!r.ok && r.reasons[0]!.message).to.equal('条目 ZG-001：已销号但没有佐证材料。');
    const en = verifyLedgerChange(a, stripped, ctx('office', { closedFinal: false, lang: 'en' }));
    expect(!en.ok && en.reasons[1]!.message).to.equal('Item ZG-001: Closed without a verifier.');
    const fixed = clone(a);
    fixed.items[0]!.problem.text = '公务接待超标准（更正）';
    expect(verifyLedgerChange(a, fixed, ctx('office', { closedFinal: false })).ok, 'a correction that keeps the rules').to.equal(true);
  });

  it('refuses what the ledger schema refuses in a changed item, and only what the change broke', () => {
    const a = ledger(transition(created(), 'in-progress', by('unit')), created('ZG-002'));
    const extra = clone(a);
    extra.items[0]!.responsibility = { department: '党政办', boss: '张三' } as RectificationItem['responsibility'];
    const r = verifyLedgerChange(a, extra, ctx('unit'));
    expect(codes(r)).to.deep.equal(['schema']);
    expect(!r.ok && r.reasons[0]!.itemId).to.equal('ZG-001');
    expect(!r.ok && r.reasons[0]!.field).to.equal('responsibility');
    expect(!r.ok && r.reasons[0]!.message).to.match(/^条目 ZG-001：“责任分工”：/);
    const badEvidence = clone(a);
    badEvidence.items[0]!.evidence = [{ title: '纪要', link: 'x' } as never];
    expect(codes(verifyLedgerChange(a, badEvidence, ctx('unit')))).to.deep.equal(['schema']);
    // Without the schema's check only the workflow rules run (the old behaviour for hosts that give none).
    expect(verifyLedgerChange(a, extra, ctx('unit', { schemaCheck: undefined })).ok).to.equal(true);
    // A stored item that was already off the schema does not block edits of another item.
    const legacy = clone(a);
    (legacy.items[1] as Record<string, unknown>)['progress'] = 'half';
    const edit = clone(legacy);
    edit.items[0]!.progress = 40;
    expect(verifyLedgerChange(legacy, edit, ctx('unit')).ok).to.equal(true);
    // Ledger members too: the office giving the ledger a title that is not text.
    const title = { ...clone(a), title: 7 as unknown as string };
    expect(codes(verifyLedgerChange(a, title, ctx('office')))).to.deep.equal(['schema']);
  });
});

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { loadLocale } from '../../src/core/i18n.js';
import { canonicalJson } from '../../src/core/draft.js';
import { createItem, newItemId, transition, updateItem, STATUSES, type RectificationRole } from '../../src/core/rectification.js';
import type { RectificationItem, RectificationLedger, RectificationStatus } from '../../src/core/rectification-types.js';
import { verifyChecklistResponse, verifyLedgerChange, verifySignedRecord, type LedgerChangeContext, type VerifyResult } from '../../src/core/verify.js';
import { indexTemplate, toRectificationItems, type ChecklistResponse, type ChecklistTemplate } from '../../src/core/checklist.js';
import { sign } from '../../src/core/fingerprint.js';
import { checklistSanjujiao } from '../../src/generated/templates/checklistSanjujiao.js';

/** Fixed: results never depend on the day or the run. */
const TODAY = '2026-12-01';
const SEED = 20261201;
const USERS: Record<RectificationRole, string> = { unit: '李四', office: '王五', viewer: '赵六' };
const ctx = (role: RectificationRole, over: Partial<LedgerChangeContext> = {}): LedgerChangeContext => ({ role, user: USERS[role], today: TODAY, ...over });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const codes = (r: VerifyResult) => (r.ok ? [] : r.reasons.map((x) => x.code));

function baseItem(id = 'ZG-001'): RectificationItem {
  return createItem(
    { problem: { text: '“三重一大”事项未经集体研究' }, deadline: '2026-12-31', responsibility: { department: '党政办' } },
    { id, by: USERS.office, role: 'office', at: '2026-11-01T09:00:00+08:00' },
  );
}

function ledger(...items: RectificationItem[]): RectificationLedger {
  return { version: 1, title: '某县巡察整改台账', unit: '某乡人民政府', items };
}

const AT = '2026-11-26T09:30:00+08:00';
const by = (role: RectificationRole) => ({ by: USERS[role], role, at: AT });

describe('verifyLedgerChange', () => {
  before(() => loadLocale('en'));

  it('accepts what the workflow allows: a unit starts, edits and submits; the office closes', () => {
    const a = ledger(baseItem());
    let item = transition(a.items[0]!, 'in-progress', by('unit'));
    item = updateItem(item, { progress: 80, evidence: [{ title: '议事规则（修订稿）' }] }, 'unit');
    item = transition(item, 'pending-verification', by('unit'));
    const b = ledger(item);
    expect(verifyLedgerChange(a, b, ctx('unit'))).to.deep.equal({ ok: true });
    const c = ledger(transition(item, 'closed', { ...by('office'), verifier: '王五' }));
    expect(verifyLedgerChange(b, c, ctx('office'))).to.deep.equal({ ok: true });
    expect(verifyLedgerChange(c, clone(c), ctx('viewer')), 'no change at all').to.deep.equal({ ok: true });
  });

  it('refuses a unit closing an item, with the reason in Chinese by default and in English on request', () => {
    let item = transition(baseItem(), 'in-progress', by('unit'));
    item = updateItem(item, { evidence: [{ title: '会议纪要' }] }, 'unit');
    item = transition(item, 'pending-verification', by('unit'));
    const a = ledger(item);
    const forged = clone(a);
    const it0 = forged.items[0]!;
    it0.status = 'closed';
    it0.verifier = USERS.unit;
    it0.closedAt = AT;
    it0.progress = 100;
    it0.history.push({ at: AT, by: USERS.unit, role: 'unit', from: 'pending-verification', to: 'closed' });
    const zh = verifyLedgerChange(a, forged, ctx('unit'));
    expect(codes(zh)).to.deep.equal(['transition']);
    expect(!zh.ok && zh.reasons[0]!.message).to.equal('条目 ZG-001：被巡察单位不能将条目从“待验收”改为“已销号”。');
    expect(!zh.ok && zh.reasons[0]!.itemId).to.equal('ZG-001');
    const en = verifyLedgerChange(a, forged, ctx('unit', { lang: 'en' }));
    expect(!en.ok && en.reasons[0]!.message).to.match(/^Item ZG-001: The inspected unit may not move the item from ".+" to ".+"\.$/);
  });

  it('refuses rewritten or shortened history, removed items, changed ids, reordered items', () => {
    const a = ledger(transition(baseItem(), 'in-progress', by('unit')), baseItem('ZG-002'));
    const rewritten = clone(a);
    rewritten.items[0]!.history[0]!.by = '别人';
    expect(codes(verifyLedgerChange(a, rewritten, ctx('office')))).to.deep.equal(['history']);
    const shortened = clone(a);
    shortened.items[0]!.history.pop();
    expect(codes(verifyLedgerChange(a, shortened, ctx('office')))).to.include('history');
    const removed = ledger(a.items[0]!);
    expect(codes(verifyLedgerChange(a, removed, ctx('office')))).to.deep.equal(['removed']);
    const renamed = clone(a);
    renamed.items[1]!.id = 'ZG-009';
    expect(codes(verifyLedgerChange(a, renamed, ctx('office')))).to.deep.equal(['id-changed']);
    const reordered = ledger(a.items[1]!, a.items[0]!);
    expect(codes(verifyLedgerChange(a, reordered, ctx('office')))).to.deep.equal(['order']);
  });

  it('refuses a field the role may not change, and any change to a closed item', () => {
    const a = ledger(baseItem());
    const deadline = clone(a);
    deadline.items[0]!.deadline = '2027-06-30';
    const r = verifyLedgerChange(a, deadline, ctx('unit'));
    expect(codes(r)).to.deep.equal(['field']);
    expect(!r.ok && r.reasons[0]!.field).to.equal('deadline');
    expect(verifyLedgerChange(a, deadline, ctx('office')).ok, 'the office may').to.equal(true);
    expect(codes(verifyLedgerChange(a, deadline, ctx('viewer')))).to.deep.equal(['field']);

    let item = transition(baseItem(), 'in-progress', by('unit'));
    item = updateItem(item, { evidence: [{ title: '会议纪要' }] }, 'unit');
    item = transition(transition(item, 'pending-verification', by('unit')), 'closed', { ...by('office'), verifier: '王五' });
    const closed = ledger(item);
    const edited = clone(closed);
    edited.items[0]!.problem.text = '改过的问题';
    expect(codes(verifyLedgerChange(closed, edited, ctx('office')))).to.deep.equal(['closed']);
    expect(verifyLedgerChange(closed, edited, ctx('office', { closedFinal: false })).ok, 'when the portal lets the office correct closed items').to.equal(true);
  });

  it('refuses a status changed without its history entry, and an entry in another name or dated after today', () => {
    const a = ledger(baseItem());
    const bare = clone(a);
    bare.items[0]!.status = 'in-progress';
    expect(codes(verifyLedgerChange(a, bare, ctx('unit')))).to.deep.equal(['mismatch']);
    const otherName = ledger(transition(a.items[0]!, 'in-progress', { ...by('unit'), by: '别人' }));
    expect(codes(verifyLedgerChange(a, otherName, ctx('unit')))).to.deep.equal(['entry']);
    const future = ledger(transition(a.items[0]!, 'in-progress', { ...by('unit'), at: '2026-12-05T09:00:00+08:00' }));
    expect(codes(verifyLedgerChange(a, future, ctx('unit')))).to.deep.equal(['future']);
    expect(verifyLedgerChange(a, future, ctx('unit', { today: '2026-12-05' })).ok).to.equal(true);
  });

  it('lets only the office add items, as createItem makes them', () => {
    const a = ledger(baseItem());
    const added = ledger(a.items[0]!, createItem({ problem: { text: '新问题' } }, { id: newItemId(['ZG-001']), ...by('office') }));
    expect(verifyLedgerChange(a, added, ctx('office')).ok).to.equal(true);
    expect(codes(verifyLedgerChange(a, added, ctx('unit')))).to.deep.equal(['create']);
    const born = clone(added);
    born.items[1]!.status = 'closed';
    expect(codes(verifyLedgerChange(a, born, ctx('office')))).to.deep.equal(['mismatch']);
  });

  it('accepts items the office imports from a checklist’s findings (toRectificationItems), refuses them from a unit', () => {
    const template = checklistSanjujiao as ChecklistTemplate;
    const response: ChecklistResponse = {
      templateId: template.id,
      templateVersion: template.version,
      items: { 'f2g4-01': { finding: 'problem', description: '2025年违规发放加班补贴3.2万元', category: 'first-topic' } },
    };
    const a = ledger(baseItem());
    const incoming = toRectificationItems(template, response, { now: '2026-11-28T10:00:00.000Z', by: USERS.office, lang: 'zh-CN' });
    expect(incoming).to.have.length(1);
    const b = ledger(...a.items, ...incoming);
    expect(verifyLedgerChange(a, b, ctx('office'))).to.deep.equal({ ok: true });
    expect(codes(verifyLedgerChange(a, b, ctx('unit')))).to.deep.equal(['create']);
  });

  it('keeps a unit to its own ledger and items when the host names its unit', () => {
    const a = ledger(baseItem());
    const b = ledger(transition(a.items[0]!, 'in-progress', by('unit')));
    expect(verifyLedgerChange(a, b, ctx('unit', { unit: '某乡人民政府' })).ok).to.equal(true);
    expect(codes(verifyLedgerChange(a, b, ctx('unit', { unit: '另一个乡' })))).to.deep.equal(['unit']);
    const other = { ...baseItem(), unit: '另一个乡' };
    const c = ledger(transition(other, 'in-progress', by('unit')));
    expect(codes(verifyLedgerChange({ ...ledger(other), unit: undefined }, { ...c, unit: undefined }, ctx('unit', { unit: '某乡人民政府' })))).to.deep.equal(['unit']);
    const retitled = { ...a, title: '改名' };
    expect(codes(verifyLedgerChange(a, retitled, ctx('unit')))).to.deep.equal(['ledger-field']);
  });

  it('refuses what is not a ledger', () => {
    const a = ledger(baseItem());
    expect(codes(verifyLedgerChange(a, { version: 2, items: [] }, ctx('office')))).to.deep.equal(['invalid']);
    expect(codes(verifyLedgerChange(a, 'x', ctx('office')))).to.deep.equal(['invalid']);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: any sequence of allowed actions is accepted; any forgery is refused.
// ---------------------------------------------------------------------------------------------

type Action =
  | { t: 'edit'; role: RectificationRole; pick: number; field: 'progress' | 'measures' | 'evidence' | 'responsibility' | 'deadline' | 'verifier' | 'problem'; n: number }
  | { t: 'move'; role: RectificationRole; pick: number; to: RectificationStatus; day: number }
  | { t: 'add'; role: RectificationRole; day: number };

const role = fc.constantFrom<RectificationRole>('unit', 'office', 'viewer');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('edit' as const), role, pick: fc.nat(), field: fc.constantFrom('progress', 'measures', 'evidence', 'responsibility', 'deadline', 'verifier', 'problem'), n: fc.nat(100) }),
  fc.record({ t: fc.constant('move' as const), role, pick: fc.nat(), to: fc.constantFrom(...STATUSES), day: fc.integer({ min: 2, max: 30 }) }),
  fc.record({ t: fc.constant('add' as const), role, day: fc.integer({ min: 2, max: 30 }) }),
);

function patchFor(field: string, n: number): Partial<RectificationItem> {
  switch (field) {
    case 'progress':
      return { progress: n };
    case 'measures':
      return { measures: [{ id: `m${n}`, text: `措施${n}` }] };
    case 'evidence':
      return { evidence: [{ title: `佐证${n}` }] };
    case 'responsibility':
      return { responsibility: { department: `部门${n}` } };
    case 'deadline':
      return { deadline: `2027-01-${String((n % 28) + 1).padStart(2, '0')}` };
    case 'verifier':
      return { verifier: `验收人${n}` };
    default:
      return { problem: { text: `问题${n}` } };
  }
}

/**
 * Apply an action with the core's own functions; null when the core refuses it (or when it
 * would edit a closed item, which the verifier refuses by default).
 */
function apply(l: RectificationLedger, a: Action, closedFinal = true): RectificationLedger | null {
  const at = `2026-11-${String(a.t === 'edit' ? 1 : a.day).padStart(2, '0')}T10:00:00+08:00`;
  try {
    if (a.t === 'add') {
      if (a.role !== 'office') return null;
      const item = createItem({ problem: { text: '新问题' } }, { id: newItemId(l.items.map((i) => i.id)), by: USERS[a.role], role: a.role, at });
      return { ...l, items: [...l.items, item] };
    }
    if (!l.items.length) return null;
    const i = a.pick % l.items.length;
    const old = l.items[i]!;
    let next: RectificationItem;
    if (a.t === 'edit') {
      if (old.status === 'closed' && closedFinal) return null;
      next = updateItem(old, patchFor(a.field, a.n), a.role);
    } else {
      // A step is dated no earlier than the step before it (a backdated entry is a forgery).
      const last = Number(String(old.history[old.history.length - 1]?.at ?? '').slice(8, 10)) || 1;
      const stepAt = `2026-11-${String(Math.max(a.day, last)).padStart(2, '0')}T10:00:00+08:00`;
      next = transition(old, a.to, { by: USERS[a.role], role: a.role, at: stepAt, comment: a.to === 'in-progress' ? '材料不全' : undefined, verifier: '王五' });
    }
    const items = [...l.items];
    items[i] = next;
    return { ...l, items };
  } catch {
    return null;
  }
}

/** A ledger with an item in every status, made with the core functions. */
function start(): RectificationLedger {
  const started = transition(baseItem('ZG-002'), 'in-progress', by('unit'));
  const pending = transition(updateItem(transition(baseItem('ZG-003'), 'in-progress', by('unit')), { evidence: [{ title: '会议纪要' }] }, 'unit'), 'pending-verification', by('unit'));
  const closed = transition({ ...pending, id: 'ZG-004' }, 'closed', { ...by('office'), verifier: '王五' });
  return ledger(baseItem(), started, pending, closed);
}

/** Saves: runs of actions by one role, each checked as one change. */
const saves = fc.array(fc.tuple(role, fc.array(action, { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 6 });

function play(plan: [RectificationRole, Action[]][], closedFinal = true): { before: RectificationLedger; after: RectificationLedger; role: RectificationRole }[] {
  let l = start();
  const out = [];
  for (const [who, acts] of plan) {
    let next = l;
    for (const a of acts) next = apply(next, { ...a, role: who }, closedFinal) ?? next;
    out.push({ before: l, after: next, role: who });
    l = next;
  }
  return out;
}

describe('verifyLedgerChange properties', () => {
  it('accepts every change made with the core functions by roles allowed to make it', () => {
    fc.assert(
      fc.property(saves, (plan) => {
        for (const { before, after, role: who } of play(plan)) {
          const r = verifyLedgerChange(before, clone(after), ctx(who));
          if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.reasons)}`);
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('accepts office corrections of closed items when closed items are not final', () => {
    fc.assert(
      fc.property(saves, (plan) => {
        for (const { before, after, role: who } of play(plan, false)) {
          const r = verifyLedgerChange(before, clone(after), ctx(who, { closedFinal: false }));
          if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.reasons)}`);
        }
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  type Forgery = { kind: 'history-edit' | 'history-cut' | 'status' | 'unit-field' | 'remove' | 'viewer' | 'unit-close' | 'closed-edit' | 'id'; pick: number; n: number };
  const forgery: fc.Arbitrary<Forgery> = fc.record({
    kind: fc.constantFrom('history-edit', 'history-cut', 'status', 'unit-field', 'remove', 'viewer', 'unit-close', 'closed-edit', 'id'),
    pick: fc.nat(),
    n: fc.nat(1000),
  });

  /** A forged change of `l` and the role that sends it; null when the forgery does not apply. */
  function forge(l: RectificationLedger, f: Forgery): { after: RectificationLedger; role: RectificationRole } | null {
    const after = clone(l);
    const item = after.items[f.pick % after.items.length]!;
    switch (f.kind) {
      case 'history-edit': {
        const h = item.history[f.n % item.history.length]!;
        const which = f.n % 3;
        if (which === 0) h.by = `${h.by}x`;
        else if (which === 1) h.at = '2026-01-01T00:00:00+08:00';
        else h.comment = `${h.comment ?? ''}改`;
        return { after, role: f.n % 2 ? 'office' : 'unit' };
      }
      case 'history-cut':
        item.history = item.history.slice(0, f.n % item.history.length);
        return { after, role: f.n % 2 ? 'office' : 'unit' };
      case 'status': {
        const to = STATUSES.filter((s) => s !== item.status)[f.n % 3]!;
        item.status = to;
        return { after, role: f.n % 2 ? 'office' : 'unit' };
      }
      case 'unit-field': {
        const field = (['deadline', 'verifier', 'problem', 'kind', 'closedAt'] as const)[f.n % 5];
        if (field === 'kind') item.kind = item.kind === 'ongoing' ? 'immediate' : 'ongoing';
        else if (field === 'closedAt') item.closedAt = '2026-11-30';
        else Object.assign(item, patchFor(field, f.n));
        if (canonicalJson(item) === canonicalJson(l.items[f.pick % l.items.length])) return null;
        return { after, role: 'unit' };
      }
      case 'remove':
        after.items.splice(f.pick % after.items.length, 1);
        return { after, role: f.n % 2 ? 'office' : 'unit' };
      case 'viewer':
        Object.assign(item, patchFor(['progress', 'measures', 'evidence', 'responsibility'][f.n % 4]!, f.n + 1));
        if (canonicalJson(item) === canonicalJson(l.items[f.pick % l.items.length])) return null;
        return { after, role: 'viewer' };
      case 'unit-close': {
        if (item.status === 'closed') return null;
        // Claiming to be the office in the entry does not help: the role comes from the session.
        item.history.push({ at: AT, by: USERS.unit, role: f.n % 2 ? 'office' : 'unit', from: item.status, to: 'closed' });
        item.status = 'closed';
        item.verifier = USERS.unit;
        if (!item.evidence.length) item.evidence = [{ title: '自证' }];
        item.closedAt = AT;
        item.progress = 100;
        return { after, role: 'unit' };
      }
      case 'closed-edit': {
        const closed = after.items.find((i) => i.status === 'closed');
        if (!closed) return null;
        closed.deadline = closed.deadline === '2027-06-30' ? '2027-07-01' : '2027-06-30';
        return { after, role: 'office' };
      }
      case 'id':
        item.id = `${item.id}-${f.n}`;
        return { after, role: 'office' };
    }
  }

  it('refuses every forged change (history, status, other roles’ fields, removed items, ids) and says why', () => {
    fc.assert(
      fc.property(saves, forgery, fc.constantFrom('zh-CN', 'en'), (plan, f, lang) => {
        const steps = play(plan);
        const l = steps[steps.length - 1]!.after;
        const forged = forge(l, f);
        fc.pre(forged !== null);
        const r = verifyLedgerChange(l, forged!.after, ctx(forged!.role, { lang }));
        if (r.ok) throw new Error(`accepted forgery ${f.kind}: ${JSON.stringify(forged!.after)}`);
        for (const reason of r.reasons) {
          expect(reason.message, reason.code).to.be.a('string').and.not.equal('');
          expect(reason.message).not.to.match(/undefined|\[object/);
        }
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});

describe('verifyChecklistResponse', () => {
  const template = checklistSanjujiao as ChecklistTemplate;
  const ids = indexTemplate(template).points.map((p) => p.point.id);
  const filled = (): ChecklistResponse => ({
    templateId: template.id,
    templateVersion: template.version,
    items: Object.fromEntries(ids.map((id) => [id, { finding: 'none' }])),
  });

  it('accepts a complete response and refuses one the element would not submit', () => {
    expect(verifyChecklistResponse(template, filled())).to.deep.equal({ ok: true });
    const bad = filled();
    // A method and a piece of evidence (the template asks for both), but no description.
    bad.items['f1g1-01'] = { finding: 'problem', methods: ['hearing'], evidence: [{ title: '会议记录' }] };
    delete bad.items['f3g3-05'];
    const r = verifyChecklistResponse(template, bad);
    expect(codes(r)).to.deep.equal(['checklist', 'checklist']);
    expect(!r.ok && r.reasons.map((x) => x.itemId)).to.deep.equal(['f1g1-01', 'f3g3-05']);
    expect(!r.ok && r.reasons[0]!.message).to.contain('请填写问题描述');
    expect(codes(verifyChecklistResponse(template, { ...filled(), templateId: 'other' }))).to.deep.equal(['template']);
    expect(codes(verifyChecklistResponse(template, 42))).to.deep.equal(['invalid']);
  });
});

describe('verifySignedRecord', () => {
  it('accepts a signed record unchanged and refuses one changed after signing or never signed', async () => {
    const signed = await sign({ recordNo: '一组-谈-001', transcript: [{ question: '问', answer: '答' }] }, '2026-11-26T10:30:00+08:00');
    expect(await verifySignedRecord(signed)).to.deep.equal({ ok: true });
    const changed = { ...signed, transcript: [{ question: '问', answer: '改过的答' }] };
    expect(codes(await verifySignedRecord(changed))).to.deep.equal(['signature']);
    expect(codes(await verifySignedRecord({ recordNo: 'x' }))).to.deep.equal(['unsigned']);
  });
});

describe('verifyLedgerChange on junk', () => {
  it('never throws, whatever is sent in place of items, fields or history entries', () => {
    const base = start();
    const junk = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(null, '', 'closed', -1, 1e309, [], {}));
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('item', 'field', 'entry', 'new'), fc.string({ maxLength: 12 }), junk, role, (pick, where, key, value, who) => {
        const after = clone(base) as unknown as { items: Record<string, unknown>[] };
        const item = after.items[pick % after.items.length]!;
        if (where === 'item') after.items[pick % after.items.length] = { ...(value as object), id: item['id'] } as Record<string, unknown>;
        else if (where === 'field') item[key || 'progress'] = value;
        else if (where === 'entry') (item['history'] as unknown[]).push(value);
        else after.items.push({ id: `N-${key}`, [key || 'problem']: value, history: [value] });
        const r = verifyLedgerChange(base, after, ctx(who));
        expect(r.ok === true || r.reasons.length > 0).to.equal(true);
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});

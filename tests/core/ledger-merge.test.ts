/**
 * Three-way merge of ledgers (src/core/ledger-merge.ts): examples of each rule, then properties
 * checked with fast-check on generated edits (fixed seed, XC_FUZZ_SEED changes it): merging
 * never loses an entry of either side's history, merge(base, x, base) = x, merge(base, base, y) = y.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { executeServerCommand } from '@web/test-runner-commands';
import { canonicalJson } from '../../src/core/draft.js';
import { conflictKey, mergeLedgers, resolveConflicts } from '../../src/core/ledger-merge.js';
import type { HistoryEntry, RectificationItem, RectificationLedger, RectificationStatus } from '../../src/core/rectification-types.js';

const RUNS = 300;
before(async () => {
  const { seed } = (await executeServerCommand('xc-fuzz-seed')) as { seed: number };
  fc.configureGlobal({ numRuns: RUNS, includeErrorInReport: true, seed });
});

const created: HistoryEntry = { at: '2026-03-01T08:00:00.000Z', by: '王五', role: 'office', from: null, to: 'not-started' };
const started: HistoryEntry = { at: '2026-03-02T08:00:00.000Z', by: '李四', role: 'unit', from: 'not-started', to: 'in-progress' };

function item(id: string, over: Partial<RectificationItem> = {}): RectificationItem {
  return {
    id,
    problem: { text: `问题 ${id}` },
    measures: [],
    responsibility: { department: '办公室', person: '张三' },
    kind: 'deadline',
    deadline: '2026-06-30',
    status: 'in-progress',
    progress: 10,
    evidence: [],
    history: [created, started],
    ...over,
  };
}
const ledger = (...items: RectificationItem[]): RectificationLedger => ({ version: 1, title: '台账', items });
const j = (v: unknown) => canonicalJson(v);

describe('mergeLedgers: examples', () => {
  it('keeps edits of different fields and items from both sides', () => {
    const base = ledger(item('a'), item('b'));
    const mine = ledger(item('a', { progress: 50 }), item('b'));
    const theirs = ledger(item('a', { responsibility: { department: '办公室', person: '李四' } }), item('b', { deadline: '2026-07-31' }));
    const { ledger: merged, conflicts } = mergeLedgers(base, mine, theirs);
    expect(conflicts).to.deep.equal([]);
    expect(merged.items[0]!.progress).to.equal(50);
    expect(merged.items[0]!.responsibility.person).to.equal('李四');
    expect(merged.items[1]!.deadline).to.equal('2026-07-31');
  });

  it('merges members of an object field one by one', () => {
    const base = ledger(item('a'));
    const mine = ledger(item('a', { responsibility: { department: '党政办', person: '张三' } }));
    const theirs = ledger(item('a', { responsibility: { department: '办公室', person: '李四' } }));
    const { ledger: merged, conflicts } = mergeLedgers(base, mine, theirs);
    expect(conflicts).to.deep.equal([]);
    expect(merged.items[0]!.responsibility).to.deep.equal({ department: '党政办', person: '李四' });
  });

  it('reports the same field changed differently as a conflict: theirs in the ledger, both values in the conflict', () => {
    const base = ledger(item('a'));
    const { ledger: merged, conflicts } = mergeLedgers(base, ledger(item('a', { progress: 40 })), ledger(item('a', { progress: 60 })));
    expect(merged.items[0]!.progress).to.equal(60);
    expect(conflicts).to.deep.equal([{ itemId: 'a', field: 'progress', base: 10, mine: 40, theirs: 60 }]);
    const chosen = resolveConflicts(merged, conflicts, new Set([conflictKey(conflicts[0]!)]));
    expect(chosen.items[0]!.progress).to.equal(40);
    expect(merged.items[0]!.progress, 'the merged ledger itself is not changed').to.equal(60);
  });

  it('keeps both sides\' history entries once each, in time order, and follows the latest valid transition', () => {
    const submit: HistoryEntry = { at: '2026-03-05T08:00:00.000Z', by: '李四', role: 'unit', from: 'in-progress', to: 'pending-verification' };
    const sendBack: HistoryEntry = { at: '2026-03-06T08:00:00.000Z', by: '王五', role: 'office', from: 'pending-verification', to: 'in-progress', comment: '材料不全' };
    const otherSubmit: HistoryEntry = { at: '2026-03-04T08:00:00.000Z', by: '赵六', role: 'unit', from: 'in-progress', to: 'pending-verification' };
    const base = ledger(item('a'));
    const mine = ledger(item('a', { status: 'in-progress', history: [created, started, submit, sendBack] }));
    const theirs = ledger(item('a', { status: 'pending-verification', history: [created, started, otherSubmit] }));
    const { ledger: merged, conflicts } = mergeLedgers(base, mine, theirs);
    expect(conflicts).to.deep.equal([]);
    expect(merged.items[0]!.history).to.deep.equal([created, started, otherSubmit, submit, sendBack]);
    // otherSubmit (→ pending), submit (from in-progress: not valid after pending, skipped), sendBack (pending → in-progress).
    expect(merged.items[0]!.status).to.equal('in-progress');
  });

  it('keeps items added on either side, theirs first', () => {
    const base = ledger(item('a'));
    const { ledger: merged } = mergeLedgers(base, ledger(item('a'), item('m')), ledger(item('a'), item('t')));
    expect(merged.items.map((i) => i.id)).to.deep.equal(['a', 't', 'm']);
  });

  it('merges the ledger\'s own members too (conflict itemId null)', () => {
    const base = ledger(item('a'));
    const { ledger: merged, conflicts } = mergeLedgers(base, { ...base, title: '我的' }, { ...base, title: '他的' });
    expect(merged.title).to.equal('他的');
    expect(conflicts).to.deep.equal([{ itemId: null, field: 'title', base: '台账', mine: '我的', theirs: '他的' }]);
  });

  it('keeps the change-log entries and 验收 signatures of both sides once each, theirs first; a 延期 decision either side made', () => {
    const entry = (at: string, by: string, after: number) => ({ at, by, role: 'unit', path: ['progress'], before: 10, after });
    const sig = (at: string, party: string) => ({ party, name: '王五', date: at.slice(0, 10), opinion: '同意', passed: true, at, by: '王五', role: 'office' });
    const request = { id: 'ext-1', at: '2026-03-03T08:00:00.000Z', by: '李四', role: 'unit', deadline: '2026-07-31', reason: '待预算批复' };
    const base = ledger(item('a', { changes: [entry('2026-03-03T07:00:00.000Z', '李四', 10)], extensions: [request] }));
    const mine = ledger(
      item('a', {
        progress: 30,
        changes: [...base.items[0]!.changes!, entry('2026-03-04T09:00:00.000Z', '李四', 30)],
        acceptance: [sig('2026-03-04T10:00:00.000Z', 'office')],
      }),
    );
    const decided = { ...request, decision: { at: '2026-03-04T08:00:00.000Z', by: '王五', role: 'office', approved: true } };
    const theirs = ledger(
      item('a', {
        changes: [...base.items[0]!.changes!, { ...entry('2026-03-04T08:30:00.000Z', '王五', 10), path: ['deadline'], before: '2026-06-30', after: '2026-06-30' }],
        acceptance: [sig('2026-03-04T08:00:00.000Z', 'team')],
        extensions: [decided],
      }),
    );
    const { ledger: merged, conflicts } = mergeLedgers(base, mine, theirs);
    expect(conflicts).to.deep.equal([]);
    const it0 = merged.items[0]!;
    expect(it0.changes!.map((c) => c.at)).to.deep.equal(['2026-03-03T07:00:00.000Z', '2026-03-04T08:30:00.000Z', '2026-03-04T09:00:00.000Z']);
    // Theirs (what the server holds) stay a prefix even when mine are older: the server takes mine as appended.
    const early = { ...mine.items[0]!, changes: [...base.items[0]!.changes!, entry('2026-03-04T06:00:00.000Z', '李四', 30)] };
    expect(mergeLedgers(base, ledger(early), theirs).ledger.items[0]!.changes!.map((c) => c.at)).to.deep.equal([
      '2026-03-03T07:00:00.000Z',
      '2026-03-04T08:30:00.000Z',
      '2026-03-04T06:00:00.000Z',
    ]);
    expect(it0.acceptance!.map((x) => x.party)).to.deep.equal(['team', 'office']);
    expect(it0.extensions).to.deep.equal([decided]);
    expect(it0.progress).to.equal(30);
    // Both sides decided the same request differently: a conflict, theirs kept.
    const refused = { ...request, decision: { at: '2026-03-04T09:00:00.000Z', by: '王五', role: 'office', approved: false, comment: '不同意' } };
    const clash = mergeLedgers(base, ledger(item('a', { changes: base.items[0]!.changes, extensions: [refused] })), theirs);
    expect(clash.ledger.items[0]!.extensions).to.deep.equal([decided]);
    expect(clash.conflicts.map((c) => c.field)).to.deep.equal(['extensions.ext-1']);
  });
});

// ---------------------------------------------------------------------------
// Properties on generated edits
// ---------------------------------------------------------------------------

const STATUSES: RectificationStatus[] = ['not-started', 'in-progress', 'pending-verification', 'closed'];
const text = fc.string({ maxLength: 6 });
const time = fc.integer({ min: 0, max: 1000 }).map((m) => new Date(Date.UTC(2026, 2, 3) + m * 60_000).toISOString());

/** One edit of a side: a field changed, an entry appended, an item added. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('progress' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ op: fc.constant('person' as const), at: fc.nat(), value: text }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), value: text }),
  fc.record({ op: fc.constant('extra' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ op: fc.constant('entry' as const), at: fc.nat(), value: fc.record({ at: time, by: text, to: fc.constantFrom(...STATUSES) }) }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), value: text }),
);

const baseLedger = fc
  .array(fc.record({ progress: fc.integer({ min: 0, max: 100 }), person: text }), { maxLength: 5 })
  .map((rows) => ledger(...rows.map((r, i) => item(`i${i}`, { progress: r.progress, responsibility: { person: r.person } }))));

/** Apply edits to a copy of the ledger, as a person (or the server) would: history only appended to. */
function applyEdits(l: RectificationLedger, edits: ReadonlyArray<Record<string, unknown>>, side: string): RectificationLedger {
  const items = l.items.map((i) => JSON.parse(JSON.stringify(i)) as RectificationItem);
  for (const e of edits) {
    if (e['op'] === 'add') {
      items.push(item(`${side}-${items.length}`, { problem: { text: String(e['value']) } }));
      continue;
    }
    if (!items.length) continue;
    const it = items[Number(e['at']) % items.length]!;
    const v = e['value'];
    if (e['op'] === 'progress') it.progress = v as number;
    else if (e['op'] === 'person') it.responsibility = { ...it.responsibility, person: v as string };
    else if (e['op'] === 'text') it.problem = { ...it.problem, text: v as string };
    else if (e['op'] === 'extra') it[`x-${side}`] = v;
    else if (e['op'] === 'entry') {
      const { at, by, to } = v as { at: string; by: string; to: RectificationStatus };
      it.history = [...it.history, { at, by: `${side}:${by}`, from: it.status, to }];
      it.status = to;
    }
  }
  return { ...l, items };
}

const scenario = fc.record({ base: baseLedger, mine: fc.array(edit, { maxLength: 8 }), theirs: fc.array(edit, { maxLength: 8 }) }).map(({ base, mine, theirs }) => ({
  base,
  mine: applyEdits(base, mine as Record<string, unknown>[], 'm'),
  theirs: applyEdits(base, theirs as Record<string, unknown>[], 't'),
}));

describe('mergeLedgers: properties', () => {
  it('never loses an entry of either side\'s history, and repeats none', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const { ledger: merged } = mergeLedgers(base, mine, theirs);
        const byId = new Map(merged.items.map((i) => [i.id, i]));
        for (const side of [mine, theirs]) {
          for (const it of side.items) {
            const got = byId.get(it.id);
            expect(got, `item ${it.id} kept`).to.exist;
            const keys = new Set(got!.history.map(j));
            expect(keys.size, 'no entry twice').to.equal(got!.history.length);
            for (const e of it.history) expect(keys.has(j(e)), `entry of ${it.id} kept`).to.equal(true);
          }
        }
      }),
    );
  });

  it('merge(base, x, base) = x', () => {
    fc.assert(fc.property(scenario, ({ base, mine }) => {
      expect(j(mergeLedgers(base, mine, base).ledger)).to.equal(j(mine));
    }));
  });

  it('merge(base, base, y) = y', () => {
    fc.assert(fc.property(scenario, ({ base, theirs }) => {
      expect(j(mergeLedgers(base, base, theirs).ledger)).to.equal(j(theirs));
    }));
  });

  it('without conflicts, every field either side changed has that side\'s value; with conflicts, theirs', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const { ledger: merged, conflicts } = mergeLedgers(base, mine, theirs);
        const baseById = new Map(base.items.map((i) => [i.id, i]));
        const byId = new Map(merged.items.map((i) => [i.id, i]));
        const conflicted = new Set(conflicts.map(conflictKey));
        for (const it of mine.items) {
          const b = baseById.get(it.id);
          if (!b) continue;
          if (j(it.progress) !== j(b.progress) && !conflicted.has(conflictKey({ itemId: it.id, field: 'progress' }))) {
            expect(byId.get(it.id)!.progress).to.equal(it.progress);
          }
        }
        for (const c of conflicts) {
          const path = c.field.split('.');
          let v: unknown = c.itemId === null ? merged : byId.get(c.itemId);
          for (const k of path) v = (v as Record<string, unknown> | undefined)?.[k];
          expect(j(v)).to.equal(j(c.theirs));
        }
      }),
    );
  });
});

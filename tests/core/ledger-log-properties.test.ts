/**
 * Properties of the ledger's append-only logs (the change log, 延期 requests, 验收 signatures),
 * checked with fast-check on generated sessions of work (fixed seed; XC_FUZZ_SEED changes it):
 * - whatever the core's own helpers produce, step after step, verifyLedgerChange accepts
 *   (the change log required);
 * - a forgery of any of it (an entry rewritten, dropped or of another user, a field edited without
 *   its entry, a decision or signature the role may not make) is refused;
 * - merging two sides' work keeps every log entry of both, once each.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { executeServerCommand } from '@web/test-runner-commands';
import { canonicalJson } from '../../src/core/draft.js';
import { mergeLedgers } from '../../src/core/ledger-merge.js';
import {
  createItem,
  decideExtension,
  editItem,
  pendingExtension,
  requestExtension,
  signAcceptance,
  transitionAccepted,
  updateItem,
  type RectificationRole,
} from '../../src/core/rectification.js';
import type { AcceptanceParty, RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { verifyLedgerChange, type LedgerChangeContext } from '../../src/core/verify.js';

const RUNS = 150;
before(async () => {
  const { seed } = (await executeServerCommand('xc-fuzz-seed')) as { seed: number };
  fc.configureGlobal({ numRuns: RUNS, includeErrorInReport: true, seed });
});

const USERS: Record<RectificationRole, string> = { unit: '李四', office: '王五', viewer: '赵六' };
const PARTIES: AcceptanceParty[] = [
  { id: 'office', name: '巡察办' },
  { id: 'dept', name: '主管部门', roles: ['unit'] },
];
const TODAY = '2026-12-31';
const j = (v: unknown) => canonicalJson(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const ctx = (role: RectificationRole): LedgerChangeContext => ({ role, user: USERS[role], today: TODAY, changeLog: 'required' });
const ledger = (item: RectificationItem): RectificationLedger => ({ version: 1, unit: '某乡人民政府', acceptanceParties: PARTIES, items: [item] });
/** The i-th minute after 1 November 2026, 09:00 Beijing time, as the helpers write it. */
const minute = (i: number) => new Date(Date.UTC(2026, 10, 1, 1, i)).toISOString();

type Op =
  | { op: 'edit'; role: 'unit' | 'office'; field: 'progress' | 'person' | 'measure' | 'evidence' | 'deadline'; value: number; text: string }
  | { op: 'step' }
  | { op: 'ask'; days: number; text: string }
  | { op: 'decide'; approved: boolean; text: string }
  | { op: 'sign'; party: 'office' | 'dept'; passed: boolean; text: string };

const text = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== '');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('edit' as const),
    role: fc.constantFrom('unit' as const, 'office' as const),
    field: fc.constantFrom('progress' as const, 'person' as const, 'measure' as const, 'evidence' as const, 'deadline' as const),
    value: fc.integer({ min: 0, max: 100 }),
    text,
  }),
  fc.record({ op: fc.constant('step' as const) }),
  fc.record({ op: fc.constant('ask' as const), days: fc.integer({ min: 1, max: 90 }), text }),
  fc.record({ op: fc.constant('decide' as const), approved: fc.boolean(), text }),
  fc.record({ op: fc.constant('sign' as const), party: fc.constantFrom('office' as const, 'dept' as const), passed: fc.boolean(), text }),
);

const addDays = (key: string, n: number) => new Date(Date.parse(`${key}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** One step of work as the helpers make it, or null when the workflow has no such step now. Returns who made it. */
function apply(item: RectificationItem, o: Op, at: string): { item: RectificationItem; role: RectificationRole } | null {
  const who = (role: RectificationRole) => ({ by: USERS[role], role, at });
  try {
    switch (o.op) {
      case 'edit': {
        const patch: Partial<RectificationItem> =
          o.field === 'progress'
            ? { progress: o.value }
            : o.field === 'person'
              ? { responsibility: { ...item.responsibility, person: o.text } }
              : o.field === 'measure'
                ? { measures: [...item.measures, { id: `m${item.measures.length + 1}`, text: o.text, person: o.text, done: o.value > 50 }] }
                : o.field === 'evidence'
                  ? { evidence: [...item.evidence, { title: o.text }] }
                  : { deadline: addDays('2026-12-31', o.value) };
        return { item: editItem(item, patch, who(o.role)), role: o.role };
      }
      case 'step': {
        const order: Record<string, [RectificationItem['status'], RectificationRole]> = {
          'not-started': ['in-progress', 'unit'],
          'in-progress': ['pending-verification', 'unit'],
          'pending-verification': ['closed', 'office'],
        };
        const next = order[item.status];
        if (!next) return null;
        const [to, role] = next;
        return { item: transitionAccepted(item, to, { ...who(role), verifier: USERS.office }, PARTIES), role };
      }
      case 'ask': {
        const base = pendingExtension(item) ? undefined : (item.extensions ?? []).filter((e) => e.decision?.approved).at(-1)?.deadline ?? item.deadline;
        if (!base) return null;
        return { item: requestExtension(item, { deadline: addDays(base, o.days), reason: o.text }, who('unit')), role: 'unit' };
      }
      case 'decide':
        return { item: decideExtension(item, { approved: o.approved, comment: o.text }, who('office')), role: 'office' };
      case 'sign': {
        const role = o.party === 'dept' ? 'unit' : 'office';
        return {
          item: signAcceptance(item, { party: o.party, name: USERS[role], date: at.slice(0, 10), opinion: o.text, passed: o.passed }, who(role), PARTIES),
          role,
        };
      }
    }
  } catch {
    return null;
  }
}

function start(): RectificationItem {
  return createItem(
    { problem: { text: '问题' }, deadline: '2026-12-31', responsibility: { department: '办公室', person: '张三' } },
    { id: 'ZG-001', by: USERS.office, role: 'office', at: minute(0) },
  );
}

/** Run the ops; every step the helpers allow, with the ledger before it and who made it. */
function session(ops: Op[]): { before: RectificationItem; after: RectificationItem; role: RectificationRole }[] {
  let item = start();
  const steps: { before: RectificationItem; after: RectificationItem; role: RectificationRole }[] = [];
  ops.forEach((o, i) => {
    if (item.status === 'closed') return;
    const r = apply(item, o, minute(i + 1));
    if (!r || r.item === item) return;
    steps.push({ before: item, after: r.item, role: r.role });
    item = r.item;
  });
  return steps;
}

describe('ledger logs: properties', () => {
  it('verifyLedgerChange accepts every step the helpers make (change log required)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        for (const s of session(ops)) {
          const r = verifyLedgerChange(ledger(s.before), ledger(s.after), ctx(s.role));
          if (!r.ok) throw new Error(`refused ${j(r.reasons)} for ${j(s.after)}`);
        }
      }),
    );
  });

  it('refuses a forgery of any step: an entry rewritten, dropped or of another user, an edit without its entry', () => {
    const forgeries: ((b: RectificationItem, a: RectificationItem) => RectificationItem | null)[] = [
      // Rewrite an existing entry of some log.
      (b, a) => {
        for (const k of ['changes', 'extensions', 'acceptance'] as const) {
          const list = b[k] as unknown[] | undefined;
          if (list?.length) {
            const f = clone(a);
            (f[k] as unknown as Record<string, unknown>[])[0]!['by'] = '钱七';
            return f;
          }
        }
        return null;
      },
      // Drop the last entry of a log that grew.
      (b, a) => {
        for (const k of ['changes', 'extensions', 'acceptance'] as const) {
          if ((a[k]?.length ?? 0) > (b[k]?.length ?? 0)) {
            const f = clone(a);
            (f[k] as unknown[]).pop();
            // An empty list is no list: dropping the only entry of a new log is the item as it was.
            if (!(f[k] as unknown[]).length && b[k] === undefined) return null;
            return f;
          }
        }
        return null;
      },
      // The new entries said to be another user's.
      (b, a) => {
        for (const k of ['changes', 'extensions', 'acceptance'] as const) {
          const n = b[k]?.length ?? 0;
          if ((a[k]?.length ?? 0) > n) {
            const f = clone(a);
            (f[k] as unknown as Record<string, unknown>[])[n]!['by'] = '钱七';
            return f;
          }
        }
        return null;
      },
      // A field edited on top without its entry.
      (_b, a) => (a.status === 'closed' || a.status === 'pending-verification' ? null : updateItem(a, { progress: (a.progress + 7) % 101 }, 'unit')),
    ];
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), fc.nat(), (ops, pick) => {
        const steps = session(ops);
        if (!steps.length) return;
        const s = steps[pick % steps.length]!;
        for (const forge of forgeries) {
          const f = forge(s.before, s.after);
          // (A forgery that gives back the item as it was is no change at all.)
          if (!f || j(f) === j(s.before)) continue;
          const r = verifyLedgerChange(ledger(s.before), ledger(f), ctx(s.role));
          if (r.ok) throw new Error(`accepted a forgery ${j(f)} of ${j(s.before)}`);
        }
      }),
    );
  });

  it('junk in the logs or the parties is refused with reasons, never a thrown error', () => {
    // Entries shaped like the real ones, every member any JSON value (or a plausible one), and plain junk.
    const v = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(USERS.unit), fc.constant(USERS.office), fc.constant('unit'), fc.constant('office'), fc.constant(minute(50)), fc.constant('2027-03-01'));
    const shaped = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, v])), { requiredKeys: [] });
    const entry = fc.oneof(
      shaped(['at', 'by', 'role', 'path', 'before', 'after']),
      shaped(['id', 'at', 'by', 'role', 'deadline', 'reason']).chain((r) => shaped(['at', 'by', 'role', 'approved', 'comment']).map((d) => ({ ...r, decision: d }))),
      shaped(['id', 'at', 'by', 'role', 'deadline', 'reason']),
      shaped(['party', 'name', 'date', 'opinion', 'passed', 'at', 'by', 'role']),
      shaped(['id', 'name', 'roles', 'signers', 'required']),
    );
    const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.oneof(entry, fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), junk, junk, junk, junk, (ops, c, e, a, p) => {
        const s = session(ops).at(-1);
        const before = s?.after ?? start();
        const forged = { ...clone(before), changes: c, extensions: e, acceptance: a } as unknown as RectificationItem;
        const l = { ...ledger(forged), acceptanceParties: p } as unknown as RectificationLedger;
        for (const role of ['unit', 'office'] as const) {
          const r = verifyLedgerChange(ledger(before), l, ctx(role));
          if (!r.ok) expect(r.reasons.every((x) => typeof x.message === 'string' && x.message.length > 0)).to.equal(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('merging two sides\u2019 work keeps every log entry of both', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 8 }), fc.array(opArb, { maxLength: 8 }), fc.array(opArb, { maxLength: 8 }), (common, m, t) => {
        const baseSteps = session(common);
        const base = baseSteps.at(-1)?.after ?? start();
        const run = (ops: Op[], offset: number) => {
          let item = base;
          ops.forEach((o, i) => {
            const r = item.status === 'closed' ? null : apply(item, o, minute(100 + offset + i * 2));
            if (r) item = r.item;
          });
          return item;
        };
        const mine = run(m, 0);
        const theirs = run(t, 1);
        const { ledger: m2, conflicts } = mergeLedgers(ledger(base), ledger(mine), ledger(theirs));
        const merged = m2.items[0]!;
        const conflicted = new Set(conflicts.map((c) => c.field));
        for (const k of ['changes', 'acceptance', 'history'] as const) {
          const have = new Set(((merged[k] as unknown[] | undefined) ?? []).map(j));
          for (const e of [...((mine[k] as unknown[] | undefined) ?? []), ...((theirs[k] as unknown[] | undefined) ?? [])]) {
            if (!have.has(j(e))) throw new Error(`merge lost ${k} entry ${j(e)}`);
          }
          expect(have.size, `${k} once each`).to.equal(((merged[k] as unknown[] | undefined) ?? []).length);
        }
        // Every request of either side is there, with any decision either side made, unless both
        // sides made different requests (or decisions) under one id: a conflict, theirs kept, told.
        const have = new Map((merged.extensions ?? []).map((e) => [e.id, e]));
        for (const e of [...(mine.extensions ?? []), ...(theirs.extensions ?? [])]) {
          expect(have.has(e.id), `request ${e.id}`).to.equal(true);
          if (conflicted.has(`extensions.${e.id}`)) continue;
          expect(j(have.get(e.id)), `request ${e.id} as made`).to.equal(j(e.decision ? e : { ...e, ...(have.get(e.id)?.decision ? { decision: have.get(e.id)!.decision } : {}) }));
        }
      }),
    );
  });
});

/**
 * The 工作底稿's 三级审核 (src/core/workpaper.ts): every allowed step and every refusal, the
 * lock and fingerprint after 审签, edits a server would refuse, and (fast-check) that no
 * sequence of steps ever changes a signed sheet or reaches 审签 without 编制 and 复核.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  allowedReviewActions,
  checkWorkpaperEdit,
  checkWorkpaperStep,
  isWorkpaperEditable,
  isWorkpaperLocked,
  levelsOf,
  reviewStep,
  verifyWorkpaper,
  workpaperState,
  WORKPAPER_ACTIONS,
  type WorkpaperRefusalCode,
} from '../../src/core/workpaper.js';
import { checklistResponseSchema, returnedComments, type ChecklistResponse, type WorkpaperAction, type WorkpaperState } from '../../src/core/checklist.js';
import { checklistSanjujiao } from '../../src/generated/templates/checklistSanjujiao.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const AT = '2026-11-20T09:30:00+08:00';
const ROLES = { preparer: '承办人', reviewer: '副组长', leader: '组长' } as const;
const actor = (role: string, name = `${role}甲`) => ({ name, role });

const sheet = (): ChecklistResponse => ({
  templateId: 'wp',
  templateVersion: '1',
  header: { no: '一组-底稿-001', unit: '某乡人民政府', team: '区委第一巡察组', round: '第三轮', preparedBy: '张三', preparedOn: '2026-11-18' },
  items: { p1: { finding: 'problem', description: '三重一大事项未经集体研究', basis: '《中国共产党章程》第十条', methods: ['documents'], evidence: [{ title: '会议记录' }] }, p2: { finding: 'none' } },
  hostNote: { kept: true },
});

/** A sheet in `state`, reached by allowed steps from drafting. */
async function inState(state: WorkpaperState): Promise<ChecklistResponse> {
  const paths: Record<WorkpaperState, [WorkpaperAction, string][]> = {
    drafting: [],
    submitted: [['submit', 'preparer']],
    reviewed: [['submit', 'preparer'], ['review', 'reviewer']],
    returned: [['submit', 'preparer'], ['return', 'reviewer']],
    signed: [['submit', 'preparer'], ['review', 'reviewer'], ['sign', 'leader']],
  };
  let r = sheet();
  for (const [action, role] of paths[state]) {
    const done = await reviewStep(r, { action, opinion: `${action} 意见`, ...(action === 'return' ? { comments: { p1: '证据不足' } } : {}) }, actor(role), AT);
    if (!done.ok) throw new Error(`${action} by ${role} refused: ${done.code}`);
    r = done.response;
  }
  return r;
}

const STATES: WorkpaperState[] = ['drafting', 'submitted', 'reviewed', 'returned', 'signed'];
const ROLE_NAMES = ['preparer', 'reviewer', 'leader', 'viewer'];
/** The allowed steps: state → action → role that may take it → next state. */
const ALLOWED: [WorkpaperState, WorkpaperAction, string, WorkpaperState][] = [
  ['drafting', 'submit', 'preparer', 'submitted'],
  ['returned', 'submit', 'preparer', 'submitted'],
  ['submitted', 'review', 'reviewer', 'reviewed'],
  ['submitted', 'return', 'reviewer', 'returned'],
  ['reviewed', 'return', 'leader', 'returned'],
  ['reviewed', 'sign', 'leader', 'signed'],
];

describe('workpaper review (三级审核)', () => {
  // Every state × action × role: allowed where the table says, refused with the right code elsewhere.
  for (const state of STATES)
    for (const action of WORKPAPER_ACTIONS)
      for (const role of ROLE_NAMES) {
        const allowed = ALLOWED.find(([s, a, r]) => s === state && a === action && r === role);
        const actionAllowedHere = ALLOWED.some(([s, a]) => s === state && a === action);
        const expected: WorkpaperRefusalCode | null = allowed ? null : state === 'signed' ? 'locked' : !actionAllowedHere ? 'state' : 'role';
        it(`${state} · ${action} by ${role}: ${allowed ? `→ ${allowed[3]}` : `refused (${expected})`}`, async () => {
          const before = await inState(state);
          const copy = JSON.parse(JSON.stringify(before));
          const out = await reviewStep(before, { action, opinion: '同意', ...(action === 'return' ? { comments: { p1: '补充证据' } } : {}) }, actor(role), AT);
          expect(before, 'the response given is not changed').to.deep.equal(copy);
          if (!allowed) {
            expect(out).to.deep.equal({ ok: false, code: expected });
            return;
          }
          expect(out.ok).to.equal(true);
          if (!out.ok) return;
          expect(out.state).to.equal(allowed[3]);
          expect(workpaperState(out.response)).to.equal(allowed[3]);
          const last = out.response.review!.steps.at(-1)!;
          expect(last).to.include({ action, by: `${role}甲`, role, at: AT, opinion: '同意' });
          expect(out.response.review!.steps).to.have.length(before.review?.steps.length ? before.review.steps.length + 1 : 1);
          expect(out.response['hostNote'], 'unknown members kept').to.deep.equal({ kept: true });
          expect(out.response.header).to.deep.equal(sheet().header);
        });
      }

  it('refuses a step without a name, a time, an opinion, with bad comments, or of no such action', async () => {
    const submitted = await inState('submitted');
    const cases: [string, Promise<unknown>, WorkpaperRefusalCode][] = [
      ['no name', reviewStep(submitted, { action: 'review', opinion: '同意' }, actor('reviewer', '  '), AT), 'name'],
      ['no time', reviewStep(submitted, { action: 'review', opinion: '同意' }, actor('reviewer'), 'yesterday'), 'time'],
      ['no opinion to review', reviewStep(submitted, { action: 'review', opinion: ' ' }, actor('reviewer'), AT), 'opinion'],
      ['no opinion to return', reviewStep(submitted, { action: 'return', comments: { p1: 'x' } }, actor('reviewer'), AT), 'opinion'],
      ['comment on an unknown check point', reviewStep(submitted, { action: 'return', opinion: '退回', comments: { nope: 'x' } }, actor('reviewer'), AT, { pointIds: ['p1', 'p2'] }), 'comments'],
      ['empty comment', reviewStep(submitted, { action: 'return', opinion: '退回', comments: { p1: ' ' } }, actor('reviewer'), AT), 'comments'],
      ['comments on a review', reviewStep(submitted, { action: 'review', opinion: '同意', comments: { p1: 'x' } }, actor('reviewer'), AT), 'comments'],
      ['unknown action', reviewStep(submitted, { action: 'approve' as WorkpaperAction, opinion: '同意' }, actor('reviewer'), AT), 'action'],
      ['not a response', reviewStep('junk' as unknown as ChecklistResponse, { action: 'submit' }, actor('preparer'), AT), 'value'],
    ];
    for (const [what, p, code] of cases) expect(await p, what).to.deep.equal({ ok: false, code });
  });

  it('maps provider roles to levels (configurable; a level left out keeps its default)', async () => {
    const roles = { preparer: ['承办人'], reviewer: ['副组长'], leader: ['组长'] };
    expect(levelsOf('副组长', roles)).to.deep.equal(['reviewer']);
    expect(levelsOf('reviewer', { preparer: ['clerk'] })).to.deep.equal(['reviewer']);
    let r = sheet();
    for (const [action, role] of [['submit', ROLES.preparer], ['review', ROLES.reviewer], ['sign', ROLES.leader]] as const) {
      const out = await reviewStep(r, { action, opinion: '同意' }, actor(role), AT, { roles });
      expect(out.ok, `${action} by ${role}`).to.equal(true);
      if (out.ok) r = out.response;
    }
    expect(await reviewStep(sheet(), { action: 'submit' }, actor('preparer'), AT, { roles }), 'the default name no longer maps').to.deep.equal({ ok: false, code: 'role' });
    expect(allowedReviewActions(await inState('submitted'), '副组长', roles)).to.deep.equal(['review', 'return']);
    expect(allowedReviewActions(await inState('reviewed'), 'leader')).to.deep.equal(['return', 'sign']);
    expect(allowedReviewActions(await inState('signed'), 'leader')).to.deep.equal([]);
  });

  it('编制 fills an empty 编制人 and 编制日期 (never one already written)', async () => {
    const bare = { ...sheet(), header: { no: '底稿-1', preparedBy: ' ' } };
    const out = await reviewStep(bare, { action: 'submit' }, actor('preparer', '张三'), AT);
    expect(out.ok && out.response.header).to.deep.equal({ no: '底稿-1', preparedBy: '张三', preparedOn: '2026-11-20' });
    const none = { templateId: 'wp', templateVersion: '1', items: {} };
    const out2 = await reviewStep(none, { action: 'submit' }, actor('preparer', '张三'), AT);
    expect(out2.ok && out2.response.header).to.deep.equal({ preparedBy: '张三', preparedOn: '2026-11-20' });
    const written = await reviewStep(sheet(), { action: 'submit' }, actor('preparer', '李四'), AT);
    expect(written.ok && written.response.header).to.deep.equal(sheet().header);
    const junk = await reviewStep({ ...sheet(), header: 'x' as never }, { action: 'submit' }, actor('preparer', '李四'), AT);
    expect(junk.ok && junk.response.header, 'a header of another type is left as it is').to.equal('x');
  });

  it('a return pins comments to check points, shown while returned and gone once resubmitted', async () => {
    const returned = await inState('returned');
    expect(returnedComments(returned)).to.deep.equal({ p1: '证据不足' });
    expect(isWorkpaperEditable(returned)).to.equal(true);
    const again = await reviewStep(returned, { action: 'submit' }, actor('preparer'), AT);
    expect(again.ok && returnedComments(again.response)).to.deep.equal({});
    expect(again.ok && again.response.review!.steps.map((s) => s.action)).to.deep.equal(['submit', 'return', 'submit']);
  });

  it('审签 locks the sheet with a SHA-256 fingerprint; any change is detected', async () => {
    const signed = await inState('signed');
    expect(isWorkpaperLocked(signed)).to.equal(true);
    expect(signed.signature).to.include({ algorithm: 'SHA-256', signedAt: AT });
    expect(signed.signature!.digest).to.match(/^[0-9a-f]{64}$/);
    expect(await verifyWorkpaper(signed)).to.equal(true);
    expect(await verifyWorkpaper(JSON.parse(JSON.stringify(signed))), 'the same after a round trip through JSON').to.equal(true);
    const tampered = { ...signed, items: { ...signed.items, p1: { ...signed.items['p1'], description: '已改' } } };
    expect(await verifyWorkpaper(tampered)).to.equal(false);
    const reopened = { ...signed, review: { ...signed.review!, state: 'drafting' as const } };
    expect(workpaperState(reopened), 'a signature locks whatever review.state says').to.equal('signed');
    expect(await verifyWorkpaper(reopened)).to.equal(false);
    expect(await verifyWorkpaper(sheet()), 'unsigned').to.equal(false);
  });

  it('edits: refused on a signed sheet and for content while with a reviewer; review only through steps', async () => {
    const edit = (r: ChecklistResponse) => ({ ...r, header: { ...r.header, unit: '另一单位' } });
    expect(checkWorkpaperEdit(sheet(), edit(sheet()))).to.equal(null);
    const returned = await inState('returned');
    expect(checkWorkpaperEdit(returned, edit(returned))).to.equal(null);
    for (const state of ['submitted', 'reviewed'] as const) {
      const r = await inState(state);
      expect(checkWorkpaperEdit(r, edit(r)), state).to.deep.equal({ ok: false, code: 'content' });
      expect(checkWorkpaperEdit(r, r), `${state}, unchanged`).to.equal(null);
    }
    const signed = await inState('signed');
    expect(checkWorkpaperEdit(signed, edit(signed))).to.deep.equal({ ok: false, code: 'locked' });
    expect(checkWorkpaperEdit(signed, JSON.parse(JSON.stringify(signed)))).to.equal(null);
    const submitted = await inState('submitted');
    expect(checkWorkpaperEdit(submitted, { ...submitted, review: { state: 'reviewed', steps: submitted.review!.steps } })).to.deep.equal({ ok: false, code: 'state' });
    expect(checkWorkpaperEdit(null, signed), 'a new sheet cannot arrive signed').to.deep.equal({ ok: false, code: 'state' });
  });

  it('a server checks a step taken in the browser against who it knows is signed in', async () => {
    const before = sheet();
    const edited = { ...before, header: { ...before.header, unit: '某镇人民政府' } };
    const sent = await reviewStep(edited, { action: 'submit', opinion: '请复核' }, actor('preparer', '张三'), AT);
    if (!sent.ok) throw new Error(sent.code);
    expect(await checkWorkpaperStep(before, sent.response, actor('preparer', '张三')), 'an edit and the step').to.equal(null);
    expect(await checkWorkpaperStep(before, sent.response, actor('preparer', '李四')), 'signed with another name').to.deep.equal({ ok: false, code: 'name' });
    expect(await checkWorkpaperStep(before, sent.response, actor('reviewer', '张三')), 'not this role').to.deep.equal({ ok: false, code: 'role' });
    expect(await checkWorkpaperStep(before, before, actor('preparer', '张三')), 'no step').to.deep.equal({ ok: false, code: 'state' });
    // With the reviewer: the content cannot change with the step.
    const submitted = sent.response;
    const reviewed = await reviewStep(submitted, { action: 'review', opinion: '同意' }, actor('reviewer', '李四'), AT);
    if (!reviewed.ok) throw new Error(reviewed.code);
    expect(await checkWorkpaperStep(submitted, reviewed.response, actor('reviewer', '李四'))).to.equal(null);
    const sneaky = { ...reviewed.response, items: { ...reviewed.response.items, p2: { finding: 'problem', description: '加的' } } };
    expect(await checkWorkpaperStep(submitted, sneaky, actor('reviewer', '李四'))).to.deep.equal({ ok: false, code: 'content' });
    // 审签: the fingerprint must be the one the step gives.
    const signed = await reviewStep(reviewed.response, { action: 'sign', opinion: '同意' }, actor('leader', '王五'), AT);
    if (!signed.ok) throw new Error(signed.code);
    expect(await checkWorkpaperStep(reviewed.response, signed.response, actor('leader', '王五'))).to.equal(null);
    const forged = { ...signed.response, signature: { ...signed.response.signature!, digest: '0'.repeat(64) } };
    expect(await checkWorkpaperStep(reviewed.response, forged, actor('leader', '王五'))).to.deep.equal({ ok: false, code: 'content' });
    expect(await checkWorkpaperStep(signed.response, { ...signed.response, review: { state: 'signed', steps: [...signed.response.review!.steps, { ...signed.response.review!.steps[0]! }] } }, actor('preparer', '张三'))).to.deep.equal({ ok: false, code: 'locked' });
  });

  it('the response schema takes the header, the review record and the signature; old responses without them too', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const template = { ...(checklistSanjujiao as object), rules: { ...checklistSanjujiao.rules, requireAll: false } } as never;
    const validate = ajv.compile(checklistResponseSchema(template));
    const problem = { finding: 'problem', description: '问题', basis: '《条例》第五条', methods: ['attend-meetings'], evidence: [{ title: '会议记录' }] };
    const old = { templateId: 'xc-sanjujiao', templateVersion: '1.0.0', items: { 'f1g1-01': { finding: 'problem', description: '问题', methods: ['hearing'], evidence: [{ title: '记录' }] } } };
    expect(workpaperState(old)).to.equal('drafting');
    expect(validate(old), JSON.stringify(validate.errors)).to.equal(true);
    let r: ChecklistResponse = { ...old, header: sheet().header, items: { 'f1g1-01': problem } };
    for (const [action, role] of [['submit', 'preparer'], ['review', 'reviewer'], ['sign', 'leader']] as const) {
      const out = await reviewStep(r, { action, opinion: '同意' }, actor(role), AT);
      if (out.ok) r = out.response;
    }
    expect(workpaperState(r)).to.equal('signed');
    expect(validate(r), JSON.stringify(validate.errors)).to.equal(true);
    expect(validate({ ...r, header: { preparedOn: '18/11/2026' } }), 'a date that is not YYYY-MM-DD').to.equal(false);
    expect(validate({ ...r, review: { state: 'approved', steps: [] } }), 'an unknown state').to.equal(false);
    expect(validate({ ...r, items: { 'f1g1-01': { ...problem, methods: [] } } }), 'a problem needs a method').to.equal(false);
    expect(validate({ ...r, items: { 'f1g1-01': { ...problem, evidence: undefined } } }), 'a problem needs evidence').to.equal(false);
  });

  it('property: no sequence of steps changes a signed sheet, and 审签 always follows 编制 and 复核', async () => {
    const stepArb = fc.record({ action: fc.constantFrom(...WORKPAPER_ACTIONS), role: fc.constantFrom(...ROLE_NAMES), opinion: fc.constantFrom('', '同意', '退回') });
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 12 }), async (steps) => {
        let r = sheet();
        let signed: string | null = null;
        for (const s of steps) {
          const out = await reviewStep(r, { action: s.action, opinion: s.opinion }, actor(s.role), AT);
          if (signed) expect(out).to.deep.equal({ ok: false, code: 'locked' });
          if (!out.ok) continue;
          r = out.response;
          if (out.state === 'signed') {
            signed = JSON.stringify(r);
            const actions = r.review!.steps.map((x) => x.action);
            expect(actions.lastIndexOf('submit')).to.be.lessThan(actions.lastIndexOf('review'));
            expect(actions.at(-1)).to.equal('sign');
          }
        }
        if (signed) expect(await verifyWorkpaper(r)).to.equal(true);
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});

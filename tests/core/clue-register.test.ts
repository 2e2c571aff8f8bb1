// The clue register's pure core: adding from every source without duplicates, §28 routing, the
// state machine (every allowed and refused step), 移交单 numbering, reply deadlines and lights,
// masking kept, CSV, reading.
import { expect } from '@open-wc/testing';
import {
  CLUE_STATES,
  CLUE_STEPS,
  ClueRegisterError,
  addClues,
  addMonths,
  allowedClueActions,
  clueFromPetition,
  clueCounts,
  clueLevelsOf,
  clueStep,
  cluesFromChecklist,
  cluesFromInterview,
  cluesToCsv,
  editClue,
  emptyClueRegister,
  filterClues,
  makeTransferSheet,
  overdueCount,
  parseClueRegister,
  readClueRegister,
  replyLight,
  suggestReceiver,
  validateClueRegister,
  type ClueAction,
  type ClueRegister,
  type ClueState,
  type ClueStepInput,
} from '../../src/core/clue-register.js';
import { petitionToClue } from '../../src/core/petition.js';
import { toClueEntries } from '../../src/core/checklist.js';
import { interviewToClues } from '../../src/core/form-clues.js';
import { parseCsv } from '../../src/core/rectification/csv.js';
import { loadLocale } from '../../src/core/i18n.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { clueRegister as validateSchema } from '../../src/generated/validators/clueRegister.js';
import { clueSheet } from '../../src/generated/validators/clueSheet.js';

const TODAY = '2026-11-30';
const member = { role: 'preparer', name: '王组员' };
const deputy = { role: 'reviewer', name: '李副组长' };
const leader = { role: 'leader', name: '张组长' };
const stranger = { role: 'viewer', name: '某人' };

const manual = (mainProblem: string, category?: string) => ({ source: { kind: 'manual' as const }, mainProblem, ...(category ? { category } : {}) });

/** A register with one clue in `state`, reached by the allowed steps. */
function clueIn(state: ClueState, category?: string): { register: ClueRegister; id: string } {
  let register = addClues(emptyClueRegister(), [manual('村务公开不及时', category)], TODAY).register;
  const id = register.clues[0]!.id;
  const go = (step: ClueStepInput, actor = leader) => {
    const r = clueStep(register, id, step, actor);
    if (!r.ok) throw new Error(r.code);
    register = r.register;
  };
  if (state === 'registered') return { register, id };
  go({ action: 'propose', on: TODAY }, member);
  if (state === 'proposed') return { register, id };
  go({ action: 'approve', on: TODAY });
  if (state === 'approved') return { register, id };
  const t = makeTransferSheet(register, { clueIds: [id], date: TODAY, transferor: '王组员', recipient: '区纪委 赵某' }, member);
  if (!t.ok) throw new Error(t.code);
  register = t.register;
  if (state === 'transferred') return { register, id };
  go({ action: 'reply', on: '2026-12-20', disposal: 'verification' }, member);
  return { register, id };
}

describe('clue register core', () => {
  before(() => loadLocale('en'));

  describe('adding clues from every source', () => {
    it('takes checklist findings, interview problems and petitions with a link back, and skips a source added twice', () => {
      const response = { items: { 'f2g4-01': { finding: 'problem', description: '违规发放加班补贴', clue: true, methods: ['documents'], evidence: [{ title: '工资发放表' }] } } } as never;
      const entries = toClueEntries(checklistSanjujiao, response);
      expect(entries.length, 'the checklist gives one clue').to.equal(1);
      const interview = { recordNo: 'TH-007', startTime: '2026-11-20T09:00', interviewee: { name: '谈话对象' }, problems: [{ summary: '违规发放补贴', isClue: true, personConcerned: '某主任' }] };
      const petition = petitionToClue({ id: 'p1', number: 'XF-2026-001', source: 'letter', receivedOn: '2026-11-21', summary: '干部选拔任用不规范', petitioner: { name: '举报人甲', contact: '13800000000' } });
      const inputs = [...cluesFromChecklist(entries, 'resp-1'), ...cluesFromInterview(interviewToClues(interview), 'TH-007'), clueFromPetition({ clue: petition, entryId: 'p1', category: '选人用人' })];
      const first = addClues(emptyClueRegister(), inputs, TODAY);
      expect(first.added.map((c) => c.number)).to.deep.equal(['XS-2026-001', 'XS-2026-002', 'XS-2026-003']);
      expect(first.added.map((c) => c.source)).to.deep.equal([
        { kind: 'checklist', recordId: 'resp-1', itemId: 'f2g4-01' },
        { kind: 'interview', recordId: 'TH-007', itemId: first.added[1]!.source.itemId },
        { kind: 'petition', recordId: 'p1', label: 'XF-2026-001' },
      ]);
      expect(first.added[0]!.id).to.equal('checklist:resp-1:f2g4-01');
      expect(first.added[1]!.receivedOn).to.equal('2026-11-20');
      expect(first.added[1]!.personConcerned).to.deep.equal({ name: '某主任' });
      const again = addClues(first.register, inputs, TODAY);
      expect(again.added, 'nothing new').to.have.length(0);
      expect(again.skipped).to.equal(3);
      expect(again.register.clues).to.have.length(3);
      // A changed interview problem is another clue; a manual clue is always new.
      const more = addClues(first.register, [...cluesFromInterview([{ source: '个别谈话', mainProblem: '另一问题', sourceRef: { kind: 'interview', recordNo: 'TH-007' } }]), manual('甲'), manual('甲')], TODAY);
      expect(more.added.map((c) => c.number)).to.deep.equal(['XS-2026-004', 'XS-2026-005', 'XS-2026-006']);
      expect(new Set(more.register.clues.map((c) => c.id)).size).to.equal(6);
      expect(validateSchema(more.register), JSON.stringify(validateSchema.errors)).to.equal(true);
    });

    it('keeps the 反映人 out of the register, its CSV and its JSON, even when the source carried it', () => {
      const NAME = '举报人甲';
      const shown = petitionToClue({ id: 'p1', number: 'XF-2026-001', source: 'letter', receivedOn: '2026-11-21', summary: '违规吃喝', petitioner: { name: NAME, contact: '13800000000' } }, { role: 'leader', allowedRoles: ['leader'] });
      expect(shown.reporter?.name, 'the petition gave the identity to an allowed role').to.equal(NAME);
      const input = { ...clueFromPetition({ clue: shown, entryId: 'p1' }), reporter: { name: NAME }, petitioner: { name: NAME } } as never;
      const { register } = addClues(emptyClueRegister(), [input], TODAY);
      expect(JSON.stringify(register)).not.to.contain(NAME);
      expect(JSON.stringify(register)).not.to.contain('13800000000');
      expect(cluesToCsv(register, { today: TODAY })).not.to.contain(NAME);
      expect(validateSchema({ ...register, clues: [{ ...register.clues[0], reporter: { name: NAME } }] }), 'the schema refuses a reporter').to.equal(false);
    });

    it('refuses inputs without a main problem or a known source kind', () => {
      const r = addClues(emptyClueRegister(), [manual('  '), { source: { kind: 'other' }, mainProblem: 'x' } as never, null as never], TODAY);
      expect(r.added).to.have.length(0);
      expect(r.skipped).to.equal(3);
    });
  });

  describe('routing (条例 §28)', () => {
    it('sends 选人用人, 民主集中制 and 基层组织建设 to the 组织部门, the rest to the 纪检监察机关, and lets the team override', () => {
      expect(suggestReceiver({ category: '选人用人', mainProblem: '' })).to.equal('organisation');
      expect(suggestReceiver({ category: '民主集中制', mainProblem: '' })).to.equal('organisation');
      expect(suggestReceiver({ category: '基层组织建设', mainProblem: '' })).to.equal('organisation');
      expect(suggestReceiver({ mainProblem: '村党支部基层组织建设薄弱' })).to.equal('organisation');
      expect(suggestReceiver({ category: '违反中央八项规定精神', mainProblem: '选人用人' }), 'the category wins over words of the problem').to.equal('discipline');
      expect(suggestReceiver({ mainProblem: '违规发放津贴' })).to.equal('discipline');
      // A checklist finding's category reaches the clue and routes it: 基层党支部建设薄弱 (branch-building) goes to the 组织部门.
      const checklistClue = cluesFromChecklist(toClueEntries(checklistSanjujiao, { items: { 'f3g1-03': { finding: 'problem', description: '村党支部不按期换届', category: 'branch-building', clue: true, methods: ['documents'], evidence: [{ title: '换届记录' }] } } } as never));
      expect(checklistClue[0]!.category).to.equal('基层党支部建设薄弱');
      expect(suggestReceiver({ category: checklistClue[0]!.category, mainProblem: checklistClue[0]!.mainProblem })).to.equal('organisation');
      const { register, id } = clueIn('registered', '选人用人');
      const proposed = clueStep(register, id, { action: 'propose', on: TODAY, receiver: 'discipline' }, member);
      expect(proposed.ok && proposed.clue.receiver).to.equal('discipline');
      const plain = clueStep(register, id, { action: 'propose', on: TODAY }, member);
      expect(plain.ok && plain.clue.receiver, 'the suggestion is taken when none is given').to.equal('organisation');
      expect(clueStep(register, id, { action: 'propose', on: TODAY, receiver: 'court' as never }, member)).to.deep.equal({ ok: false, code: 'receiver' });
    });
  });

  describe('the state machine', () => {
    it('maps the 工作底稿 roles: 承办人 and 副组长 are members, 组长 leads; others take no step', () => {
      expect(clueLevelsOf('preparer')).to.deep.equal(['member']);
      expect(clueLevelsOf('reviewer')).to.deep.equal(['member']);
      expect(clueLevelsOf('leader')).to.deep.equal(['member', 'leader']);
      expect(clueLevelsOf('viewer')).to.deep.equal([]);
      expect(clueLevelsOf('')).to.deep.equal([]);
      expect(clueLevelsOf('zuzhang', { leader: ['zuzhang'] }), "the host's own names").to.deep.equal(['member', 'leader']);
    });

    // Every (state, action, actor) triple: allowed exactly where CLUE_STEPS says so.
    const actions: Exclude<ClueAction, 'transfer'>[] = ['propose', 'withdraw', 'approve', 'return', 'reply'];
    const actors = { member, deputy, leader, stranger };
    const expected: Record<string, ClueState | 'state' | 'role'> = {};
    for (const state of CLUE_STATES)
      for (const action of actions)
        for (const [who, actor] of Object.entries(actors)) {
          const edge = CLUE_STEPS.find((s) => s.action === action && s.from.includes(state));
          const levels = clueLevelsOf(actor.role);
          expected[`${state} ${action} ${who}`] = !edge ? 'state' : edge.levels.some((l) => levels.includes(l)) ? edge.to : 'role';
        }

    it('takes every allowed step and refuses every other one with its reason', () => {
      const seen: Record<string, string> = {};
      for (const state of CLUE_STATES)
        for (const action of actions)
          for (const [who, actor] of Object.entries(actors)) {
            const { register, id } = clueIn(state);
            const r = clueStep(register, id, { action, on: '2026-12-20', disposal: 'hold' }, actor);
            seen[`${state} ${action} ${who}`] = r.ok ? r.clue.state : r.code;
          }
      expect(seen).to.deep.equal(expected);
      // Spelled out for the reader: the 组长 approves, a member cannot; a member proposes.
      expect(seen['proposed approve member']).to.equal('role');
      expect(seen['proposed approve deputy']).to.equal('role');
      expect(seen['proposed approve leader']).to.equal('approved');
      expect(seen['registered approve leader']).to.equal('state');
      expect(seen['registered propose member']).to.equal('proposed');
      expect(seen['approved return leader']).to.equal('registered');
      expect(seen['approved return member']).to.equal('role');
      expect(seen['replied reply leader']).to.equal('state');
      expect(seen['registered propose stranger']).to.equal('role');
    });

    it('lists the actions a role may take now', () => {
      expect(allowedClueActions({ state: 'proposed' }, 'preparer')).to.deep.equal(['withdraw']);
      expect(allowedClueActions({ state: 'proposed' }, 'leader')).to.deep.equal(['withdraw', 'approve', 'return']);
      expect(allowedClueActions({ state: 'approved' }, 'preparer')).to.deep.equal(['transfer']);
      expect(allowedClueActions({ state: 'replied' }, 'leader')).to.deep.equal([]);
    });

    it('refuses an unknown clue, a bad date, a reply without 处置结果 or dated before the transfer; transfer only by a sheet', () => {
      const { register, id } = clueIn('transferred');
      expect(clueStep(register, 'nope', { action: 'reply', on: TODAY, disposal: 'hold' }, member)).to.deep.equal({ ok: false, code: 'unknown' });
      expect(clueStep(register, id, { action: 'reply', on: '2026-02-30', disposal: 'hold' }, member)).to.deep.equal({ ok: false, code: 'date' });
      expect(clueStep(register, id, { action: 'reply', on: TODAY }, member)).to.deep.equal({ ok: false, code: 'disposal' });
      expect(clueStep(register, id, { action: 'reply', on: TODAY, disposal: 'punish' as never }, member)).to.deep.equal({ ok: false, code: 'disposal' });
      expect(clueStep(register, id, { action: 'reply', on: '2026-11-29', disposal: 'hold' }, member)).to.deep.equal({ ok: false, code: 'date' });
      const approved = clueIn('approved');
      expect(clueStep(approved.register, approved.id, { action: 'transfer' as never, on: TODAY }, leader)).to.deep.equal({ ok: false, code: 'state' });
      const ok = clueStep(register, id, { action: 'reply', on: '2026-12-20', disposal: 'investigation', note: '已立案' }, member);
      expect(ok.ok && ok.clue.reply).to.deep.equal({ disposal: 'investigation', on: '2026-12-20', note: '已立案' });
      expect(ok.ok && ok.clue.history!.map((h) => `${h.action}/${h.role}`)).to.deep.equal(['propose/preparer', 'approve/leader', 'transfer/preparer', 'reply/preparer']);
      expect(register.clues[0]!.state, 'the register given is not changed').to.equal('transferred');
    });

    it('lets the team edit a clue until it is transferred', () => {
      const a = clueIn('approved');
      const e = editClue(a.register, a.id, { suggestion: '建议初步核实', category: '' });
      expect(e.ok && e.clue.suggestion).to.equal('建议初步核实');
      const t = clueIn('transferred');
      expect(editClue(t.register, t.id, { suggestion: 'x' })).to.deep.equal({ ok: false, code: 'state' });
      expect(editClue(a.register, a.id, { receiver: 'court' as never })).to.deep.equal({ ok: false, code: 'receiver' });
    });
  });

  describe('移交单', () => {
    function approvedMany(n: number, category?: string): ClueRegister {
      let register = addClues(emptyClueRegister(), Array.from({ length: n }, (_, i) => manual(`问题${i + 1}`, category)), TODAY).register;
      for (const c of register.clues) {
        for (const [action, actor] of [['propose', member], ['approve', leader]] as const) {
          const r = clueStep(register, c.id, { action, on: TODAY }, actor);
          if (!r.ok) throw new Error(r.code);
          register = r.register;
        }
      }
      return register;
    }

    it('numbers sheets by the pattern, never reusing a number, and hands over only approved clues of one receiver', () => {
      let register = approvedMany(3);
      const ids = register.clues.map((c) => c.id);
      const a = makeTransferSheet(register, { clueIds: ids.slice(0, 2), date: TODAY, transferor: '王组员', recipient: '赵某', receiverUnit: '区纪委监委' }, member);
      expect(a.ok).to.equal(true);
      if (!a.ok) return;
      expect(a.sheet).to.deep.include({ number: 'YJ-2026-01', receiver: 'discipline', receiverUnit: '区纪委监委', transferor: '王组员', recipient: '赵某', replyDue: '2027-02-28' });
      expect(a.sheet.clueIds).to.deep.equal(ids.slice(0, 2));
      expect(a.register.clues.map((c) => c.state)).to.deep.equal(['transferred', 'transferred', 'approved']);
      expect(a.register.clues[0]).to.deep.include({ sheetId: a.sheet.id, transferredOn: TODAY, replyDue: '2027-02-28' });
      register = a.register;
      expect(makeTransferSheet(register, { clueIds: [ids[0]!], date: TODAY, transferor: 'a', recipient: 'b' }, member), 'already transferred').to.deep.equal({ ok: false, code: 'state', clueId: ids[0] });
      const b = makeTransferSheet(register, { clueIds: [ids[2]!], date: '2026-12-01', transferor: 'a', recipient: 'b' }, leader);
      expect(b.ok && b.sheet.number).to.equal('YJ-2026-02');
      // A sheet removed by hand from the list of another year does not bring its number back.
      const withPattern = { ...approvedMany(1), sheetPattern: '区委一组移交〔{yyyy}〕{seq}号', transfers: [{ id: 'old', number: '区委一组移交〔2026〕7号', receiver: 'discipline' as const, date: TODAY, transferor: 'a', recipient: 'b', clueIds: ['x'], replyDue: TODAY }] };
      const c = makeTransferSheet(withPattern, { clueIds: [withPattern.clues[0]!.id], date: TODAY, transferor: 'a', recipient: 'b' }, member);
      expect(c.ok && c.sheet.number).to.equal('区委一组移交〔2026〕8号');
      expect(validateSchema(b.ok ? b.register : null), JSON.stringify(validateSchema.errors)).to.equal(true);
    });

    it('refuses an empty sheet, names or date missing, a clue not approved, a stranger, and clues for two receivers', () => {
      const register = approvedMany(1);
      const org = approvedMany(1, '选人用人').clues[0]!;
      const both = { ...register, clues: [...register.clues, { ...org, id: 'org', number: 'XS-2026-099' }] };
      const id = register.clues[0]!.id;
      const base = { date: TODAY, transferor: 'a', recipient: 'b' };
      expect(makeTransferSheet(register, { ...base, clueIds: [] }, member)).to.deep.equal({ ok: false, code: 'empty' });
      expect(makeTransferSheet(register, { ...base, clueIds: [id], recipient: ' ' }, member)).to.deep.equal({ ok: false, code: 'names' });
      expect(makeTransferSheet(register, { ...base, clueIds: [id], date: '2026-13-01' }, member)).to.deep.equal({ ok: false, code: 'date' });
      expect(makeTransferSheet(register, { ...base, clueIds: [id] }, stranger)).to.deep.equal({ ok: false, code: 'role', clueId: id });
      expect(makeTransferSheet(both, { ...base, clueIds: [id, 'org'] }, member)).to.deep.equal({ ok: false, code: 'mixed-receiver', clueId: 'org' });
      const proposed = clueIn('proposed');
      expect(makeTransferSheet(proposed.register, { ...base, clueIds: [proposed.id] }, leader), 'not yet approved').to.deep.equal({ ok: false, code: 'state', clueId: proposed.id });
    });
  });

  describe('reply deadlines', () => {
    it('adds calendar months, clamping to the month end', () => {
      expect(addMonths('2026-11-30', 3)).to.equal('2027-02-28');
      expect(addMonths('2027-11-30', 3), 'leap year').to.equal('2028-02-29');
      expect(addMonths('2026-08-31', 1)).to.equal('2026-09-30');
      expect(addMonths('2026-10-15', 3)).to.equal('2027-01-15');
      expect(addMonths('2026-12-31', 2)).to.equal('2027-02-28');
      expect(addMonths('2026-01-31', 12)).to.equal('2027-01-31');
    });

    it('takes the register’s reply period and lights green, yellow, red on the day given', () => {
      const { register, id } = clueIn('approved');
      const t = makeTransferSheet({ ...register, replyMonths: 1 }, { clueIds: [id], date: '2026-11-30', transferor: 'a', recipient: 'b' }, member);
      expect(t.ok && t.sheet.replyDue).to.equal('2026-12-30');
      const clue = t.ok ? t.register.clues[0]! : null!;
      expect(replyLight(clue, '2026-12-01')).to.equal('green');
      expect(replyLight(clue, '2026-12-16')).to.equal('yellow');
      expect(replyLight(clue, '2026-12-30'), 'the last day is not late').to.equal('yellow');
      expect(replyLight(clue, '2026-12-31')).to.equal('red');
      expect(replyLight({ state: 'replied', replyDue: '2026-12-30' }, '2027-05-01'), 'a reply ends the light').to.equal('none');
      expect(replyLight({ state: 'approved' }, '2027-05-01')).to.equal('none');
      expect(overdueCount(t.ok ? t.register.clues : [], '2026-12-31')).to.equal(1);
      expect(overdueCount(t.ok ? t.register.clues : [], '2026-12-30')).to.equal(0);
      const bad = { ...register, replyMonths: 0 };
      const t2 = makeTransferSheet(bad, { clueIds: [id], date: '2026-11-30', transferor: 'a', recipient: 'b' }, member);
      expect(t2.ok && t2.sheet.replyDue, 'an unusable period is the default three months').to.equal('2027-02-28');
    });
  });

  describe('filters, counts, CSV, reading', () => {
    function mixed(): ClueRegister {
      const a = clueIn('transferred');
      const { register } = addClues(a.register, [manual('选人用人问题', '选人用人'), manual('=HYPERLINK("http://x")')], TODAY);
      return register;
    }

    it('filters by state, receiver, overdue and words; counts by state and receiver with the overdue ones', () => {
      const r = mixed();
      expect(filterClues(r.clues, { state: 'transferred' }, TODAY).map((c) => c.mainProblem)).to.deep.equal(['村务公开不及时']);
      expect(filterClues(r.clues, { receiver: 'organisation' }, TODAY).map((c) => c.mainProblem)).to.deep.equal(['选人用人问题']);
      expect(filterClues(r.clues, { overdue: true }, '2027-03-01')).to.have.length(1);
      expect(filterClues(r.clues, { overdue: true }, '2027-02-28')).to.have.length(0);
      expect(filterClues(r.clues, { query: 'xs-2026-002' }, TODAY).map((c) => c.number)).to.deep.equal(['XS-2026-002']);
      const c = clueCounts(r.clues, '2027-03-01');
      expect(c).to.deep.equal({ total: 3, byState: { registered: 2, proposed: 0, approved: 0, transferred: 1, replied: 0 }, byReceiver: { discipline: 2, organisation: 1 }, overdue: 1 });
    });

    it('writes CSV with formulas guarded, labels in the language asked for, and reads back', () => {
      const r = mixed();
      const csv = cluesToCsv(r, { today: '2027-03-01' });
      expect(csv.startsWith('\uFEFF线索编号,线索来源,出处,主要问题')).to.equal(true);
      const rows = parseCsv(csv);
      expect(rows[1]!.slice(0, 4)).to.deep.equal(['XS-2026-001', '直接登记', '直接登记', '村务公开不及时']);
      expect(rows[1]).to.include('红灯：逾期未回复');
      expect(rows[1]).to.include('YJ-2026-01');
      expect(rows[2]).to.include('组织部门');
      expect(rows[3]![3]).to.equal('=HYPERLINK("http://x")');
      expect(csv).to.contain(`"'=HYPERLINK(""http://x"")"`);
      const en = cluesToCsv(r, { today: TODAY, lang: 'en' });
      expect(en).to.contain('Clue no.,Source');
      expect(en).to.contain('Transferred');
    });

    it('reads a register with clear errors for bad input', () => {
      expect(readClueRegister({ version: 1, clues: [] })).to.deep.equal({ ok: true, register: { version: 1, clues: [], transfers: [] } });
      expect(readClueRegister(null)).to.deep.equal({ ok: false, error: 'not-object' });
      expect(readClueRegister({ version: 2, clues: [] })).to.deep.equal({ ok: false, error: 'version' });
      expect(readClueRegister({ version: 1 })).to.deep.equal({ ok: false, error: 'clues' });
      expect(readClueRegister({ version: 1, clues: [], transfers: {} })).to.deep.equal({ ok: false, error: 'transfers' });
      expect(readClueRegister({ version: 1, clues: [{ id: 'a', state: 'lost', source: { kind: 'manual' } }] })).to.deep.equal({ ok: false, error: 'clue', index: 0 });
      expect(readClueRegister({ version: 1, clues: [{ state: 'registered', source: { kind: 'manual' } }] })).to.deep.equal({ ok: false, error: 'clue-id', index: 0 });
      const c = { id: 'a', state: 'registered', source: { kind: 'manual' } };
      expect(readClueRegister({ version: 1, clues: [c, c] })).to.deep.equal({ ok: false, error: 'duplicate-id', index: 1, id: 'a' });
      expect(readClueRegister({ version: 1, clues: [], transfers: [{ id: 'x' }] })).to.deep.equal({ ok: false, error: 'sheet', index: 0 });
      expect(() => parseClueRegister('{"version":1,"clues":[1]}')).to.throw(ClueRegisterError, '第 1 条线索不是对象。');
      expect(() => parseClueRegister('{', 'en')).to.throw(ClueRegisterError, /^Not valid JSON/);
      const kept = parseClueRegister('\uFEFF{"version":1,"clues":[],"transfers":[],"host":{"x":1}}');
      expect(kept['host'], 'unknown members are kept').to.deep.equal({ x: 1 });
      expect(validateClueRegister({ version: 1, clues: [{ ...c, number: 'XS-1', mainProblem: ' ' } as never], transfers: [] }, 'zh-CN').errors.map((e) => e.message)).to.deep.equal(['线索 XS-1：请填写主要问题']);
    });
  });

  describe('the clue sheet', () => {
    const base = { clueNo: '线-001', source: '个别谈话', receivedOn: '2026-11-26', personConcerned: { name: '某某', unit: '某村' }, mainProblem: '问题' };
    it('no longer asks the team for the receiver’s disposal category: 处理建议 is free text, 处置结果 is recorded later', () => {
      expect(clueSheet(base), JSON.stringify(clueSheet.errors)).to.equal(true);
      expect(clueSheet({ ...base, proposedHandling: '建议移交区纪委监委初步核实' }), 'free text').to.equal(true);
      expect(clueSheet({ ...base, proposedHandling: '初步核实' }), 'an old record stays valid').to.equal(true);
      expect(clueSheet({ ...base, transferredOn: '2026-12-01', receiver: '赵某', disposal: '立案审查', outcome: '已立案', feedbackOn: '2027-01-10' })).to.equal(true);
      expect(clueSheet({ ...base, disposal: '罚款' })).to.equal(false);
    });
  });
});

import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/core/i18n.js';
import {
  allowedTransitions,
  assertHistoryPreserved,
  assertLedgerHistoryPreserved,
  canEdit,
  createItem,
  daysLeft,
  defaultCsvColumns,
  filterItems,
  groupByFocusArea,
  isOverdue,
  ledgerSummary,
  newItemId,
  parseCsv,
  parseLedger,
  RectificationError,
  sortItems,
  statusLabel,
  kindLabel,
  toCsv,
  toDateKey,
  toJson,
  trafficLight,
  transition,
  updateItem,
  type RectificationErrorCode,
} from '../../src/core/rectification.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';

const AT = '2026-11-26T09:30:00+08:00';

function item(over: Partial<RectificationItem> = {}): RectificationItem {
  return {
    id: 'ZG-001',
    problem: { text: '“三重一大”事项未经集体研究', focusArea: '聚焦基层党组织领导班子和干部队伍建设情况', category: '组织建设' },
    measures: [{ id: 'm1', text: '修订议事规则' }],
    responsibility: { leader: '张三', department: '党政办', person: '李四' },
    kind: 'deadline',
    deadline: '2026-12-31',
    status: 'not-started',
    progress: 0,
    evidence: [],
    history: [{ at: '2026-11-01T09:00:00+08:00', by: '巡察办', from: null, to: 'not-started' }],
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

const unit = { by: '李四', role: 'unit' as const, at: AT };
const office = { by: '王五', role: 'office' as const, at: AT };

// English strings load on demand; pure calls below use them synchronously.
before(() => loadLocale('en'));

describe('rectification: workflow and roles', () => {
  it('lists the transitions each role may make', () => {
    const a = item();
    expect(allowedTransitions(a, 'unit').map((t) => t.to)).to.deep.equal(['in-progress']);
    expect(allowedTransitions(a, 'office')).to.deep.equal([]);
    expect(allowedTransitions(a, 'viewer')).to.deep.equal([]);
    const b = item({ status: 'in-progress' });
    expect(allowedTransitions(b, 'unit').map((t) => t.action)).to.deep.equal(['submit']);
    const c = item({ status: 'pending-verification' });
    expect(allowedTransitions(c, 'unit')).to.deep.equal([]);
    const oc = allowedTransitions(c, 'office');
    expect(oc.map((t) => t.to)).to.deep.equal(['closed', 'in-progress']);
    expect(oc[0]!.blockedBy).to.equal('needs-evidence');
    expect(oc[0]!.requires).to.deep.equal(['verifier']);
    expect(oc[1]!.requires).to.deep.equal(['comment']);
    expect(allowedTransitions(item({ status: 'closed' }), 'office')).to.deep.equal([]);
  });

  it('walks the whole workflow, appending history and never mutating', () => {
    const a = item();
    const frozen = JSON.stringify(a);
    const b = transition(a, 'in-progress', unit);
    expect(JSON.stringify(a)).to.equal(frozen);
    expect(b).to.not.equal(a);
    expect(b.status).to.equal('in-progress');
    expect(b.history).to.have.length(2);
    expect(b.history[1]).to.deep.equal({ at: AT, by: '李四', role: 'unit', from: 'not-started', to: 'in-progress' });
    const c = transition(b, 'pending-verification', unit);
    const d = transition(c, 'in-progress', { ...office, comment: '佐证材料不足' });
    expect(d.history[3]!.comment).to.equal('佐证材料不足');
    const e = updateItem(d, { evidence: [{ title: '整改报告' }], progress: 90 }, 'unit');
    const f = transition(transition(e, 'pending-verification', unit), 'closed', { ...office, verifier: '王五' });
    expect(f.status).to.equal('closed');
    expect(f.history.map((h) => h.to)).to.deep.equal(['not-started', 'in-progress', 'pending-verification', 'in-progress', 'pending-verification', 'closed']);
    expect(f.history.slice(0, a.history.length)).to.deep.equal(a.history);
    expect(JSON.stringify(a)).to.equal(frozen);
  });

  it('refuses steps by role and by workflow', () => {
    const a = item();
    expect(codeOf(() => transition(a, 'in-progress', office))).to.equal('role');
    expect(codeOf(() => transition(a, 'in-progress', { ...unit, role: 'viewer' }))).to.equal('role');
    expect(codeOf(() => transition(a, 'closed', office))).to.equal('not-allowed');
    expect(codeOf(() => transition(a, 'pending-verification', unit))).to.equal('not-allowed');
    const p = item({ status: 'pending-verification', evidence: [{ title: '会议纪要' }] });
    expect(codeOf(() => transition(p, 'closed', { ...unit, verifier: 'x' }))).to.equal('role');
    expect(codeOf(() => transition(item({ status: 'closed' }), 'in-progress', office))).to.equal('not-allowed');
    expect(codeOf(() => transition(a, 'in-progress', { ...unit, at: 'yesterday' }))).to.equal('invalid');
  });

  it('closes only with evidence and a verifier; sending back needs a comment', () => {
    const p = item({ status: 'pending-verification', progress: 80 });
    expect(codeOf(() => transition(p, 'closed', { ...office, verifier: '王五' }))).to.equal('needs-evidence');
    const withEvidence = { ...p, evidence: [{ title: '党委会会议纪要', ref: '〔2026〕12号' }] };
    expect(codeOf(() => transition(withEvidence, 'closed', office))).to.equal('needs-verifier');
    expect(codeOf(() => transition(withEvidence, 'closed', { ...office, verifier: '  ' }))).to.equal('needs-verifier');
    const closed = transition(withEvidence, 'closed', { ...office, verifier: '王五' });
    expect(closed.status).to.equal('closed');
    expect(closed.closedAt).to.equal(AT);
    expect(closed.progress).to.equal(100);
    expect(closed.verifier).to.equal('王五');
    // a verifier already on the item is enough
    expect(transition({ ...withEvidence, verifier: '赵六' }, 'closed', office).verifier).to.equal('赵六');
    expect(codeOf(() => transition(p, 'in-progress', office))).to.equal('needs-comment');
    expect(codeOf(() => transition(p, 'in-progress', { ...office, comment: ' ' }))).to.equal('needs-comment');
    expect(transition(p, 'in-progress', { ...office, comment: '整改不到位' }).status).to.equal('in-progress');
  });

  it('keeps field permissions per role', () => {
    for (const f of ['measures', 'progress', 'evidence', 'responsibility']) expect(canEdit('unit', f), f).to.equal(true);
    for (const f of ['problem', 'deadline', 'kind', 'verifier', 'status', 'history', 'id']) expect(canEdit('unit', f), f).to.equal(false);
    for (const f of ['problem', 'deadline', 'kind', 'verifier', 'measures', 'remarks']) expect(canEdit('office', f), f).to.equal(true);
    for (const f of ['history', 'status', 'id']) expect(canEdit('office', f), f).to.equal(false);
    expect(canEdit('viewer', 'progress')).to.equal(false);
    expect(canEdit('unit', 'progress', 'in-progress')).to.equal(true);
    expect(canEdit('unit', 'progress', 'pending-verification')).to.equal(false);
    expect(canEdit('unit', 'progress', 'closed')).to.equal(false);
  });

  it('updates allowed fields only, never history or status', () => {
    const a = item({ status: 'in-progress' });
    const b = updateItem(a, { progress: 60, evidence: [{ title: '制度文件' }] }, 'unit');
    expect(b.progress).to.equal(60);
    expect(a.progress).to.equal(0);
    expect(b.history).to.equal(a.history);
    expect(codeOf(() => updateItem(a, { deadline: '2027-01-31' }, 'unit'))).to.equal('role');
    expect(codeOf(() => updateItem(a, { status: 'closed' }, 'office'))).to.equal('role');
    expect(codeOf(() => updateItem(a, { history: [] }, 'office'))).to.equal('role');
    expect(codeOf(() => updateItem(a, { progress: 10 }, 'viewer'))).to.equal('role');
    expect(codeOf(() => updateItem(a, { progress: 101 }, 'unit'))).to.equal('invalid');
    expect(codeOf(() => updateItem(a, { progress: 1.5 }, 'unit'))).to.equal('invalid');
    expect(codeOf(() => updateItem(a, { deadline: '2026-02-30' }, 'office'))).to.equal('invalid');
    expect(codeOf(() => updateItem(a, { deadline: undefined }, 'office'))).to.equal('invalid'); // 限期整改 needs one
    const c = updateItem(a, { kind: 'ongoing', deadline: undefined, remarks: '备注' }, 'office');
    expect(c).to.not.have.property('deadline');
    expect(c.remarks).to.equal('备注');
    expect(codeOf(() => updateItem(item({ status: 'pending-verification' }), { progress: 90 }, 'unit'))).to.equal('role');
  });

  it('keeps history append-only', () => {
    const a = item();
    const b = transition(a, 'in-progress', unit);
    expect(() => assertHistoryPreserved(a, b)).to.not.throw();
    const edited = { ...b, history: [{ ...b.history[0]!, by: '别人' }, b.history[1]!] };
    expect(codeOf(() => assertHistoryPreserved(a, edited))).to.equal('history');
    expect(codeOf(() => assertHistoryPreserved(b, { ...b, history: b.history.slice(1) }))).to.equal('history');
    expect(codeOf(() => assertHistoryPreserved(b, { ...b, history: [...b.history].reverse() }))).to.equal('history');
    expect(() => assertLedgerHistoryPreserved([a], [b, item({ id: 'ZG-002' })])).to.not.throw();
    expect(codeOf(() => assertLedgerHistoryPreserved([a], []))).to.equal('history');
    expect(() => assertLedgerHistoryPreserved([a], [], { allowRemoval: true })).to.not.throw();
  });

  it('creates items with a creating history entry', () => {
    const a = createItem({ problem: { text: '问题' }, deadline: '2027-01-01' }, { id: 'ZG-009', by: '巡察办', role: 'office', at: AT });
    expect(a.status).to.equal('not-started');
    expect(a.kind).to.equal('deadline');
    expect(a.history).to.deep.equal([{ at: AT, by: '巡察办', role: 'office', from: null, to: 'not-started' }]);
    expect(codeOf(() => createItem({ problem: { text: 'x' }, kind: 'deadline' }, { id: 'a', by: 'b', at: AT }))).to.equal('invalid');
  });
});

describe('rectification: deadlines and traffic lights', () => {
  // Start 2026-12-01, deadline 2026-12-11: ten days.
  const a = item({ startedOn: '2026-12-01', deadline: '2026-12-11', status: 'in-progress' });

  it('is not overdue on the deadline day itself, to its last minute', () => {
    expect(trafficLight(a, new Date(2026, 11, 11, 0, 0))).to.equal('yellow');
    expect(trafficLight(a, new Date(2026, 11, 11, 23, 59, 59, 999))).to.equal('yellow');
    expect(isOverdue(a, new Date(2026, 11, 11, 23, 59))).to.equal(false);
    expect(daysLeft(a, new Date(2026, 11, 11, 23, 59))).to.equal(0);
    expect(trafficLight(a, '2026-12-11')).to.equal('yellow');
  });

  it('is overdue from one minute after midnight of the next day', () => {
    expect(trafficLight(a, new Date(2026, 11, 12, 0, 0))).to.equal('red');
    expect(trafficLight(a, new Date(2026, 11, 12, 0, 1))).to.equal('red');
    expect(isOverdue(a, new Date(2026, 11, 12, 0, 1))).to.equal(true);
    expect(daysLeft(a, new Date(2026, 11, 12, 0, 1))).to.equal(-1);
    expect(trafficLight(a, '2026-12-12')).to.equal('red');
  });

  it('turns yellow at half time exactly', () => {
    expect(trafficLight(a, new Date(2026, 11, 5, 23, 59))).to.equal('green'); // 4/10
    expect(trafficLight(a, new Date(2026, 11, 6, 0, 0))).to.equal('yellow'); // 5/10
    expect(trafficLight(a, '2026-12-06', { yellow: 0.6 })).to.equal('green');
    expect(trafficLight(a, '2026-12-04', { yellow: 0.3 })).to.equal('yellow'); // 3/10 exactly
    expect(trafficLight(a, '2026-11-20')).to.equal('green'); // before the start
  });

  it('counts calendar days across a daylight-saving change', () => {
    // 2026-03-08 is a DST change in many zones; whole days are counted, never hours.
    const b = item({ startedOn: '2026-03-01', deadline: '2026-03-21' });
    expect(trafficLight(b, new Date(2026, 2, 10, 23, 59))).to.equal('green'); // 9/20
    expect(trafficLight(b, new Date(2026, 2, 11, 0, 0))).to.equal('yellow'); // 10/20
    expect(daysLeft(b, new Date(2026, 2, 11, 12, 0))).to.equal(10);
  });

  it('handles a start on the deadline day', () => {
    const b = item({ startedOn: '2026-12-11', deadline: '2026-12-11' });
    expect(trafficLight(b, '2026-12-10')).to.equal('green');
    expect(trafficLight(b, '2026-12-11')).to.equal('yellow');
    expect(trafficLight(b, '2026-12-12')).to.equal('red');
  });

  it('starts the clock at the first history entry (local date) when startedOn is missing', () => {
    const at = new Date(2026, 11, 1, 0, 30).toISOString(); // 00:30 local, maybe the previous day in UTC
    const b = item({ deadline: '2026-12-11', history: [{ at, by: 'x', from: null, to: 'not-started' }] });
    expect(toDateKey(at)).to.equal('2026-12-01');
    expect(trafficLight(b, '2026-12-05')).to.equal('green');
    expect(trafficLight(b, '2026-12-06')).to.equal('yellow');
  });

  it('shows no light for closed, ongoing and deadline-less items', () => {
    expect(trafficLight(item({ status: 'closed', deadline: '2020-01-01' }), '2026-12-01')).to.equal('none');
    expect(trafficLight(item({ kind: 'ongoing', deadline: '2020-01-01' }), '2026-12-01')).to.equal('none');
    expect(trafficLight(item({ kind: 'immediate', deadline: undefined }), '2026-12-01')).to.equal('none');
    expect(isOverdue(item({ status: 'closed', deadline: '2020-01-01' }), '2026-12-01')).to.equal(false);
    expect(daysLeft(item({ kind: 'ongoing' }), '2026-12-01')).to.equal(null);
    expect(trafficLight(item({ kind: 'immediate', deadline: '2026-11-30' }), '2026-12-01')).to.equal('red');
  });
});

describe('rectification: views', () => {
  const items = [
    item({ id: 'ZG-10', problem: { text: '账目不清', focusArea: '聚焦群众身边腐败问题和不正之风' }, responsibility: { department: '财务科', leader: '赵' }, deadline: '2026-12-01', status: 'in-progress', progress: 40 }),
    item({ id: 'ZG-2', problem: { text: '阿拉' }, responsibility: { department: '党政办', leader: '安' }, deadline: '2027-01-01', progress: 10 }),
    item({ id: 'ZG-1', problem: { text: '会议记录缺失', focusArea: '聚焦群众身边腐败问题和不正之风' }, responsibility: { department: '财务科' }, kind: 'ongoing', deadline: undefined, status: 'closed', progress: 100, history: [{ at: '2026-11-01T09:00:00+08:00', by: 'x', from: null, to: 'not-started' }, { at: new Date(2026, 10, 20, 10).toISOString(), by: 'y', from: 'pending-verification', to: 'closed' }] }),
    item({ id: 'ZG-3', problem: { text: '不落实' }, responsibility: {}, deadline: '2026-11-01', status: 'pending-verification', progress: 40 }),
  ];

  it('counts and labels an item whose status or kind is an object that cannot become text, without throwing', () => {
    // Found by the fuzz tests (seed -66948989): `in` and hasOwnProperty convert their key.
    const odd = { ...items[0]!, status: { toString: null }, kind: { toString: null } } as unknown as RectificationItem;
    const s = ledgerSummary([odd, items[1]!], '2026-11-26');
    expect(s.total).to.equal(2);
    expect(s.byStatus['not-started']).to.equal(1);
    expect(statusLabel(odd.status, 'zh-CN')).to.be.a('string');
    expect(kindLabel(odd.kind, 'zh-CN')).to.be.a('string');
    expect(() => toCsv([odd], 'zh-CN')).not.to.throw();
  });

  it('sorts by any column, Chinese-aware and stable, empties last', () => {
    expect(sortItems(items, 'id').map((i) => i.id)).to.deep.equal(['ZG-1', 'ZG-2', 'ZG-3', 'ZG-10']);
    expect(sortItems(items, 'id', 'desc').map((i) => i.id)).to.deep.equal(['ZG-10', 'ZG-3', 'ZG-2', 'ZG-1']);
    // 财务科 (cái) after 党政办 (dǎng)? pinyin: c < d
    expect(sortItems(items, 'department').map((i) => i.id)).to.deep.equal(['ZG-10', 'ZG-1', 'ZG-2', 'ZG-3']);
    expect(sortItems(items, 'department', 'desc').map((i) => i.id)).to.deep.equal(['ZG-2', 'ZG-10', 'ZG-1', 'ZG-3']);
    expect(sortItems(items, 'leader').map((i) => i.id)).to.deep.equal(['ZG-2', 'ZG-10', 'ZG-1', 'ZG-3']);
    expect(sortItems(items, 'problem').map((i) => i.problem.text)).to.deep.equal(['阿拉', '不落实', '会议记录缺失', '账目不清']);
    expect(sortItems(items, 'progress').map((i) => i.id)).to.deep.equal(['ZG-2', 'ZG-10', 'ZG-3', 'ZG-1']);
    expect(sortItems(items, 'progress', 'desc').map((i) => i.id)).to.deep.equal(['ZG-1', 'ZG-10', 'ZG-3', 'ZG-2']);
    expect(sortItems(items, 'deadline').map((i) => i.id)).to.deep.equal(['ZG-3', 'ZG-10', 'ZG-2', 'ZG-1']);
    expect(sortItems(items, 'status').map((i) => i.id)).to.deep.equal(['ZG-2', 'ZG-10', 'ZG-3', 'ZG-1']);
    expect(sortItems(items, 'kind').map((i) => i.id)).to.deep.equal(['ZG-10', 'ZG-2', 'ZG-3', 'ZG-1']);
    expect(sortItems(items, 'person').map((i) => i.id)).to.deep.equal(['ZG-10', 'ZG-2', 'ZG-1', 'ZG-3']);
    expect(items[0]!.id).to.equal('ZG-10'); // input untouched
  });

  it('filters by status, department, kind, overdue and text', () => {
    const today = '2026-12-15';
    expect(filterItems(items, { status: 'closed' }, today).map((i) => i.id)).to.deep.equal(['ZG-1']);
    expect(filterItems(items, { status: ['closed', 'in-progress'] }, today).map((i) => i.id)).to.deep.equal(['ZG-10', 'ZG-1']);
    expect(filterItems(items, { department: '财务科' }, today).map((i) => i.id)).to.deep.equal(['ZG-10', 'ZG-1']);
    expect(filterItems(items, { kind: 'ongoing' }, today).map((i) => i.id)).to.deep.equal(['ZG-1']);
    expect(filterItems(items, { overdue: true }, today).map((i) => i.id)).to.deep.equal(['ZG-10', 'ZG-3']);
    expect(filterItems(items, { overdue: false }, today).map((i) => i.id)).to.deep.equal(['ZG-2', 'ZG-1']);
    expect(filterItems(items, { text: '账目' }, today).map((i) => i.id)).to.deep.equal(['ZG-10']);
    expect(filterItems(items, { text: 'zg-3' }, today).map((i) => i.id)).to.deep.equal(['ZG-3']);
    expect(filterItems(items, { text: '修订 议事' }, today)).to.have.length(4);
    expect(filterItems(items, { text: '修订 不存在' }, today)).to.have.length(0);
  });

  it('groups by focus area and summarises', () => {
    const groups = groupByFocusArea(items);
    expect(groups.map((g) => [g.focusArea, g.items.length])).to.deep.equal([
      ['聚焦群众身边腐败问题和不正之风', 2],
      ['', 2],
    ]);
    const s = ledgerSummary(items, '2026-12-15');
    expect(s.total).to.equal(4);
    expect(s.byStatus).to.deep.equal({ 'not-started': 1, 'in-progress': 1, 'stage-reached': 0, 'pending-verification': 1, closed: 1 });
    expect(s.stageReached).to.equal(0);
    expect(s.completionRate).to.equal(0.25);
    expect(s.overdue).to.equal(2);
    expect(s.overdueByDepartment).to.deep.equal([{ department: '', count: 1 }, { department: '财务科', count: 1 }]);
    expect(s.completionOverTime).to.deep.equal([{ date: '2026-11-20', closed: 1, cumulative: 1 }]);
    expect(s.byLight.red).to.equal(2);
    expect(ledgerSummary([], '2026-12-15').completionRate).to.equal(0);
  });

  it('makes new ids', () => {
    expect(newItemId([])).to.equal('ZG-001');
    expect(newItemId(['ZG-001', 'ZG-007', 'X-99'])).to.equal('ZG-008');
    expect(newItemId(['R1'], 'R')).to.equal('R002');
  });

  it('names statuses and kinds in the language', () => {
    expect(statusLabel('closed', 'zh-CN')).to.equal('已销号');
    expect(statusLabel('pending-verification', 'en')).to.equal('Awaiting verification');
    expect(kindLabel('ongoing', 'zh-CN')).to.equal('长期坚持');
  });
});

describe('rectification: CSV and JSON', () => {
  const tricky = [
    '问题，含中文逗号, and an ASCII comma',
    '他说"要整改"，引号',
    '第一行\n第二行\r\n第三行',
    '=HYPERLINK("http://evil","点我")',
    '+86 电话',
    '-1',
    '@SUM(A1)',
    '\t制表符开头',
    "'=已经有引号",
    "'普通撇号",
    '',
  ];

  it('writes a BOM, CRLF rows, quoting and formula guards', () => {
    const csv = toCsv([item()], 'zh-CN');
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    expect(csv.endsWith('\r\n')).to.equal(true);
    const header = csv.slice(1, csv.indexOf('\r\n'));
    expect(header.split(',')).to.deep.equal(defaultCsvColumns('zh-CN').map((c) => c.label));
    expect(header.startsWith('编号,问题描述')).to.equal(true);
    expect(csv).to.contain('限期整改');
    expect(csv).to.contain('未启动');
    expect(toCsv([item()], 'en')).to.contain('Not started');

    // one custom column whose cell is the tricky text; the row after the header is the field as written
    const rows = tricky.map((t) => toCsv([item()], 'zh-CN', [{ key: 'x', label: 'X', value: () => t }]).split('\r\n')[1]);
    expect(rows[0]).to.equal('"问题，含中文逗号, and an ASCII comma"');
    expect(rows[1]).to.equal('"他说""要整改""，引号"');
    expect(rows[3]).to.equal(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(rows[4]).to.equal("'+86 电话");
    expect(rows[5]).to.equal("'-1");
    expect(rows[6]).to.equal("'@SUM(A1)");
    expect(rows[7]).to.equal("'\t制表符开头");
    expect(rows[8]).to.equal("''=已经有引号");
    expect(rows[9]).to.equal("'普通撇号");
  });

  it('round-trips Chinese text with commas, quotes, newlines and formula cells', () => {
    const items = tricky.map((t, i) =>
      item({ id: `ZG-${i}`, problem: { text: t }, measures: [{ id: 'a', text: '措施一，"甲"' }, { id: 'b', text: '=措施二' }] }),
    );
    const columns = [
      { key: 'id', label: '编号' },
      { key: 'problem', label: '问题,描述' },
      { key: 'measures', label: '=措施' },
    ];
    const csv = toCsv(items, 'zh-CN', columns);
    const rows = parseCsv(csv);
    expect(rows).to.have.length(items.length + 1);
    expect(rows[0]).to.deep.equal(['编号', '问题,描述', '=措施']);
    rows.slice(1).forEach((r, i) => {
      expect(r).to.deep.equal([`ZG-${i}`, tricky[i], '1. 措施一，"甲"\n2. =措施二']);
    });
    const guarded = parseCsv(csv, { keepFormulaGuard: true });
    expect(guarded[4]![1]).to.equal(`'${tricky[3]}`);
    // and the full default export parses back to the same number of columns
    const full = parseCsv(toCsv(items, 'en'));
    expect(full.every((r) => r.length === defaultCsvColumns('en').length)).to.equal(true);
  });

  it('parses CSV from other tools (LF, CR, no final newline, empty fields)', () => {
    expect(parseCsv('a,b\nc,"d\ne"')).to.deep.equal([['a', 'b'], ['c', 'd\ne']]);
    expect(parseCsv('\uFEFFa,,\r\n,"",x\r')).to.deep.equal([['a', '', ''], ['', '', 'x']]);
    expect(parseCsv('')).to.deep.equal([]);
    expect(parseCsv('""')).to.deep.equal([['']]);
  });

  it('round-trips JSON keeping unknown members', () => {
    const ledger: RectificationLedger = {
      version: 1,
      title: '整改台账',
      hostMeta: { system: 'OA', n: 3 },
      items: [{ ...item(), hostField: ['保留'], evidence: [{ title: '纪要' }] }],
    };
    const text = toJson(ledger);
    const back = parseLedger(text);
    expect(back).to.deep.equal(ledger);
    expect(back.hostMeta).to.deep.equal({ system: 'OA', n: 3 });
    expect(back.items[0]!.hostField).to.deep.equal(['保留']);
    expect(codeOf(() => parseLedger('{'))).to.equal('invalid');
    expect(codeOf(() => parseLedger('{"version":2,"items":[]}'))).to.equal('invalid');
    expect(codeOf(() => parseLedger('{"version":1}'))).to.equal('invalid');
    expect(codeOf(() => parseLedger('{"version":1,"items":[{"id":"a"},{"id":"a"}]}'))).to.equal('invalid');
  });
});

describe('rectification: schema', () => {
  const sample: RectificationLedger = {
    version: 1,
    title: '区委第一巡察组反馈问题整改台账',
    unit: '某某镇',
    hostMeta: { any: 'thing' },
    items: [
      transition(
        transition(
          transition(item({ evidence: [{ title: '党委会会议纪要', kind: '会议纪要', ref: 'https://oa.local/doc/1' }], extra: 1 }), 'in-progress', unit),
          'pending-verification',
          unit,
        ),
        'closed',
        { ...office, verifier: '王五' },
      ),
      item({ id: 'ZG-002', kind: 'ongoing', deadline: undefined }),
    ],
  };

  // Loaded inside the tests (not imported at the top) so that a module that cannot load fails
  // only the test that needs it. ajv `require`s JSON files, so the test runner must serve
  // node_modules/**/*.json as ES modules for the run-time compiler to load.
  const loaders: [string, () => Promise<(d: unknown) => boolean>][] = [
    ['runtime ajv, strict', async () => {
      const Ajv2020 = (await import('ajv/dist/2020.js')).default;
      const addFormats = (await import('ajv-formats')).default;
      const schema = (await (await fetch('/schemas/rectification-ledger.schema.json')).json()) as object;
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats(ajv);
      return ajv.compile(schema);
    }],
    ['precompiled validator', async () =>
      (await import('../../src/generated/validators/rectificationLedger.js')).rectificationLedger as unknown as (d: unknown) => boolean],
  ];

  for (const [name, load] of loaders) {
    it(`accepts a sample ledger and refuses broken ones (${name})`, async () => {
      const validate = await load();
      const ok = validate(JSON.parse(JSON.stringify(sample)));
      expect(ok, JSON.stringify((validate as unknown as { errors: unknown }).errors)).to.equal(true);
      const broken = (mut: (l: any) => void) => {
        const l = JSON.parse(JSON.stringify(sample));
        mut(l);
        return validate(l);
      };
      expect(broken((l) => delete l.items[0].deadline)).to.equal(false); // 限期整改 needs a deadline
      expect(broken((l) => (l.items[0].deadline = '2026-13-01'))).to.equal(false);
      expect(broken((l) => (l.items[0].progress = 101))).to.equal(false);
      expect(broken((l) => (l.items[0].progress = 50.5))).to.equal(false);
      expect(broken((l) => (l.items[0].status = 'done'))).to.equal(false);
      expect(broken((l) => (l.items[0].kind = 'soon'))).to.equal(false);
      expect(broken((l) => (l.items[0].history[0].at = '2026-11-01'))).to.equal(false);
      expect(broken((l) => (l.version = 2))).to.equal(false);
      expect(broken((l) => (l.items[1].kind = 'immediate'))).to.equal(true);
    });
  }
});

/**
 * Generated rectification ledgers of any size, for the stories, the tests and the
 * benchmark. Deterministic: the same arguments always give the same ledger.
 */
import type { HistoryEntry, RectificationItem, RectificationKind, RectificationLedger, RectificationStatus } from '../../src/core/rectification-types.js';
import { prng } from './generate.js';

/** The "today" the stories and the bench are set on. */
export const TODAY = '2026-11-26';

// ---------------------------------------------------------------------------
// Generated ledgers (deterministic: same arguments, same ledger)
// ---------------------------------------------------------------------------

type Bi = [zh: string, en: string];

const FOCUS: Bi[] = [
  ['聚焦党的理论路线方针政策和党中央决策部署情况', 'Party theory, line, principles, policies and central decisions'],
  ['聚焦群众身边腐败问题和不正之风', 'Corruption and misconduct affecting the public'],
  ['聚焦基层党组织领导班子和干部队伍建设情况', 'Leadership teams and cadre building of grassroots Party organisations'],
];

/** [focus index, problem, category, measure]. */
const PROBLEMS: [number, Bi, Bi, Bi][] = [
  [0, ['理论学习中心组全年集中学习仅2次，低于不少于6次的要求。', 'The theory study group met only twice in the year (at least six required).'], ['学习贯彻不深入', 'Study not in depth'], ['制定年度学习计划，按季度开展集中学习。', 'Draw up a yearly study plan with a session every quarter.']],
  [0, ['2025年3次党组会议未传达学习相关文件精神，会议记录仅列题目。', 'Three Party group meetings in 2025 did not relay the documents; the minutes list only agenda items.'], ['学习贯彻不深入', 'Study not in depth'], ['补充传达学习并完善会议记录规范。', 'Hold the missed sessions and set a standard for minutes.']],
  [0, ['对上轮巡察反馈的高标准农田项目推进缓慢问题搁置未解决。', 'The slow high-standard farmland project raised by the last round was left unresolved.'], ['整改不到位', 'Rectification incomplete'], ['制定项目推进时间表，每月调度。', 'Set a timetable for the project and review it monthly.']],
  [1, ['春节前以慰问名义向职工发放购物卡，共计3.68万元。', 'Shopping cards worth CNY 36,800 were handed out to staff before the Spring Festival.'], ['违反中央八项规定精神', 'Eight-point rules'], ['全额清退并对相关责任人批评教育。', 'Recover the full amount and admonish those responsible.']],
  [1, ['公务用车2024年有17次出车无派车单，其中6次在节假日。', 'An official car made 17 trips in 2024 without a dispatch slip, 6 of them on holidays.'], ['违反中央八项规定精神', 'Eight-point rules'], ['修订公务用车管理办法，安装车辆定位系统。', 'Revise the car rules and fit the cars with trackers.']],
  [1, ['专项资金台账与财务账相差4.6万元，存在白条入账5笔。', 'The special-fund register differs from the accounts by CNY 46,000; 5 entries rest on informal IOUs.'], ['财务管理不规范', 'Irregular financial management'], ['开展专项资金清理核对，规范票据管理。', 'Reconcile the special funds and tighten the rules on receipts.']],
  [1, ['办公楼维修项目拆分为3个合同签订，规避公开招标。', 'The office repair project was split into 3 contracts to avoid public tendering.'], ['工程项目管理不规范', 'Irregular project management'], ['完善工程项目审批制度，追究相关责任。', 'Tighten project approval and hold those responsible to account.']],
  [1, ['农机补贴申领仍要求群众提供重复证明材料，群众往返2至3次。', 'Farm machinery subsidy claims still require duplicate certificates; people make 2–3 trips.'], ['服务群众不到位', 'Poor service to the public'], ['梳理办事材料清单，实行一次性告知。', 'List the documents needed and tell applicants once, in full.']],
  [1, ['检查考核过多，要求基层报送材料28类，基层负担较重。', 'Too many inspections: 28 kinds of reports demanded of the grassroots.'], ['形式主义官僚主义', 'Formalism and bureaucratism'], ['精简考核事项，合并报表。', 'Cut inspections and merge reports.']],
  [2, ['第三党支部委员缺额2名超过半年未补选。', 'Branch 3 has lacked 2 committee members for over six months.'], ['基层组织建设薄弱', 'Weak grassroots organisation'], ['按程序召开党员大会补选支部委员。', 'Hold a members’ meeting to elect the missing members.']],
  [2, ['民主生活会相互批评意见多为“希望”“建议”类，批评辣味不足。', 'Criticism at the democratic life meeting stayed at “hopes” and “suggestions”.'], ['党内政治生活不严肃', 'Lax inner-Party life'], ['重新召开专题民主生活会。', 'Hold a new meeting on the topic.']],
  [2, ['财务、采购等重点岗位3名干部任职超过10年未交流轮岗。', 'Three cadres in finance and procurement posts have not rotated in over 10 years.'], ['干部管理不规范', 'Irregular cadre management'], ['制定重点岗位交流轮岗计划。', 'Plan the rotation of key posts.']],
];

const DEPARTMENTS: Bi[] = [
  ['办公室', 'General office'],
  ['财务股', 'Finance'],
  ['人事股', 'Personnel'],
  ['农村经济股', 'Rural economy'],
  ['农田建设股', 'Farmland construction'],
  ['执法大队', 'Enforcement brigade'],
  ['农机服务中心', 'Farm machinery centre'],
  ['机关党委', 'Party committee of the bureau'],
];
const LEADERS: Bi[] = [['王建国', 'Wang Jianguo'], ['张秀英', 'Zhang Xiuying'], ['李伟', 'Li Wei'], ['刘洋', 'Liu Yang']];
const PERSONS: Bi[] = [['赵芳', 'Zhao Fang'], ['孙强', 'Sun Qiang'], ['周敏', 'Zhou Min'], ['吴磊', 'Wu Lei'], ['郑丽', 'Zheng Li'], ['钱进', 'Qian Jin']];
const OFFICE: Bi = ['区委巡察办 陈主任', 'Chen, inspection office'];

const DAY = 86_400_000;
const keyOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (key: string) => Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)));
const at = (ms: number, hour = 9) => `${keyOf(ms)}T${String(hour).padStart(2, '0')}:30:00+08:00`;

export interface GenerateLedgerOptions {
  /** "Today" the ledger is made around (default 2026-11-26). */
  today?: string;
  seed?: number;
  /** `en` gives English texts. */
  lang?: string;
}

/**
 * A realistic ledger of `n` items for stories and the benchmark: the three focus areas, eight
 * departments, every kind and status (about 20 % 未启动, 40 % 整改中, 15 % 待验收, 25 % 已销号)
 * with consistent histories, evidence and verifiers, deadlines around `today` so that some
 * items are overdue, some due soon and some on track.
 */
export function generateLedger(n: number, options: GenerateLedgerOptions = {}): RectificationLedger {
  const rand = prng(options.seed ?? 2026);
  const en = options.lang?.startsWith('en') ? 1 : 0;
  const today = msOf(options.today ?? TODAY);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const width = Math.max(3, String(n).length);
  const items: RectificationItem[] = [];
  for (let i = 0; i < n; i++) {
    const [focus, problem, category, measure] = PROBLEMS[i % PROBLEMS.length]!;
    const created = today - (20 + Math.floor(rand() * 100)) * DAY;
    const r = rand();
    const kind: RectificationKind = r < 0.7 ? 'deadline' : r < 0.9 ? 'immediate' : 'ongoing';
    const deadline = kind === 'ongoing' ? undefined : created + (kind === 'immediate' ? 15 : 30 + Math.floor(rand() * 90)) * DAY;
    const s = rand();
    const status: RectificationStatus = s < 0.2 ? 'not-started' : s < 0.6 ? 'in-progress' : s < 0.75 ? 'pending-verification' : 'closed';
    const person = pick(PERSONS)[en];
    const history: HistoryEntry[] = [{ at: at(created), by: OFFICE[en], role: 'office', from: null, to: 'not-started' }];
    const steps: RectificationStatus[] = ['in-progress', 'pending-verification', 'closed'];
    const reach = ['not-started', 'in-progress', 'pending-verification', 'closed'].indexOf(status);
    let when = created;
    for (let k = 0; k < reach; k++) {
      when = Math.min(today - (reach - k) * DAY, when + (1 + Math.floor(rand() * 20)) * DAY);
      const to = steps[k]!;
      history.push({ at: at(when, 10 + k), by: to === 'closed' ? OFFICE[en] : person, role: to === 'closed' ? 'office' : 'unit', from: history[history.length - 1]!.to, to });
    }
    const item: RectificationItem = {
      id: `ZG-${String(i + 1).padStart(width, '0')}`,
      problem: { text: problem[en], focusArea: FOCUS[focus]![en], category: category[en], source: { note: en ? 'Feedback of the inspection team' : '巡察组反馈意见' } },
      measures: [
        { id: 'M-001', text: measure[en], ...(status !== 'not-started' ? { done: status !== 'in-progress' || rand() < 0.5 } : {}) },
        { id: 'M-002', text: en ? 'Report the result to the inspection office.' : '向区委巡察办报送整改情况。', ...(status === 'closed' || status === 'pending-verification' ? { done: true } : {}) },
      ],
      responsibility: { leader: pick(LEADERS)[en], department: pick(DEPARTMENTS)[en], person },
      kind,
      ...(deadline !== undefined ? { deadline: keyOf(deadline) } : {}),
      startedOn: keyOf(created),
      status,
      progress: status === 'not-started' ? 0 : status === 'in-progress' ? 10 * (1 + Math.floor(rand() * 9)) : 100,
      evidence:
        status === 'pending-verification' || status === 'closed'
          ? [{ title: en ? 'Rectification report' : '整改情况报告', kind: en ? 'Document' : '文件资料', ref: `ZGBG-2026-${String(i + 1).padStart(4, '0')}` }]
          : [],
      history,
    };
    if (status === 'closed') {
      item.verifier = OFFICE[en];
      item.closedAt = history[history.length - 1]!.at;
    }
    items.push(item);
  }
  return {
    version: 1,
    title: en ? 'Rectification ledger: district agriculture bureau (10th round)' : '区农业农村局第十轮巡察反馈问题整改台账',
    unit: en ? 'District Agriculture and Rural Affairs Bureau' : '区农业农村局',
    items,
  };
}

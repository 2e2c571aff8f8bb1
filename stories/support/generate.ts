/**
 * Generated checklist templates and responses of any size, for the "Generated2000" story
 * and the benchmarks. Deterministic: the same arguments always give the same data, so
 * runs can be compared.
 */
import type { ChecklistItemResponse, ChecklistResponse, ChecklistTemplate, CheckGroup, CheckSection } from '../../src/core/checklist.js';

export interface GenerateTemplateOptions {
  /** Focus areas (default 4). */
  sections?: number;
  /** Groups per focus area (default 10). */
  groupsPerSection?: number;
  /** Template id (default `xc-generated-<n>`). */
  id?: string;
}

const SECTION_TITLES: [string, string][] = [
  ['聚焦党的理论路线方针政策和党中央决策部署情况', 'Party theory, line, principles, policies and central decisions'],
  ['聚焦群众身边腐败问题和不正之风', 'Corruption and misconduct affecting the public'],
  ['聚焦基层党组织领导班子和干部队伍建设情况', 'Leadership teams and cadre building of grassroots Party organisations'],
  ['聚焦巡察整改和成果运用情况', 'Rectification after inspection and use of the results'],
];

const GROUP_TOPICS: [string, string][] = [
  ['学习贯彻党的创新理论', 'studying the Party’s new theories'],
  ['落实重大决策部署', 'carrying out major decisions'],
  ['意识形态工作责任制', 'responsibility for ideological work'],
  ['整治形式主义、官僚主义', 'curbing formalism and bureaucratism'],
  ['为民服务和办实事', 'serving the public'],
  ['资金管理和资产处置', 'funds and asset disposal'],
  ['工程项目和政府采购', 'construction projects and procurement'],
  ['执行中央八项规定精神', 'the central eight-point rules'],
  ['选人用人和干部监督', 'selection and supervision of cadres'],
  ['基层党支部建设', 'building grassroots Party branches'],
  ['民主集中制执行', 'democratic centralism'],
  ['主体责任和监督责任', 'primary and supervisory responsibility'],
];

const POINT_PATTERNS: [string, string][] = [
  ['是否存在{t}不深入、不扎实，停留在会议传达层面等问题', 'Is work on {t} shallow, stopping at relaying meetings?'],
  ['是否存在{t}制度不健全、执行不严格等问题', 'Are the rules on {t} incomplete or loosely applied?'],
  ['是否存在{t}工作台账缺失、记录不完整等问题', 'Are the records on {t} missing or incomplete?'],
  ['是否存在{t}责任落实不到位、压力传导层层递减等问题', 'Is responsibility for {t} not fully taken up or diluted level by level?'],
  ['是否存在{t}中搞变通、打折扣、做选择等问题', 'Are the requirements on {t} bent, watered down or applied selectively?'],
  ['是否存在{t}方面群众反映强烈、信访集中等问题', 'Are there strong public complaints or many petitions about {t}?'],
];

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const ordinal = (i: number) => ORDINALS[i] ?? String(i + 1);

/** A small fixed-seed PRNG (mulberry32): same seed, same numbers. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid checklist template with `n` check points spread as evenly as possible over
 * 4 focus areas × 10 groups (by default). Ids are `s<k>`, `s<k>g<j>` and `s<k>g<j>-<nnn>`;
 * texts are bilingual (zh-CN / en).
 */
export function generateChecklistTemplate(n: number, options: GenerateTemplateOptions = {}): ChecklistTemplate {
  const sectionCount = Math.max(1, options.sections ?? 4);
  const groupsPer = Math.max(1, options.groupsPerSection ?? 10);
  const total = Math.max(sectionCount * groupsPer, Math.floor(n));
  const groupCount = sectionCount * groupsPer;
  const base = Math.floor(total / groupCount);
  const extra = total % groupCount;
  let made = 0;
  const sections: CheckSection[] = [];
  for (let s = 0; s < sectionCount; s++) {
    const [zhS, enS] = SECTION_TITLES[s % SECTION_TITLES.length]!;
    const groups: CheckGroup[] = [];
    for (let g = 0; g < groupsPer; g++) {
      const gi = s * groupsPer + g;
      const size = base + (gi < extra ? 1 : 0);
      const [zhT, enT] = GROUP_TOPICS[gi % GROUP_TOPICS.length]!;
      const gid = `s${s + 1}g${g + 1}`;
      groups.push({
        id: gid,
        ordinal: `${ordinal(g)}是`,
        title: { 'zh-CN': `监督检查${zhT}情况（第${g + 1}组）`, en: `Checking ${enT} (group ${g + 1})` },
        items: Array.from({ length: size }, (_, k) => {
          made++;
          const [zhP, enP] = POINT_PATTERNS[(gi + k) % POINT_PATTERNS.length]!;
          return {
            id: `${gid}-${String(k + 1).padStart(3, '0')}`,
            text: { 'zh-CN': `${zhP.replace('{t}', zhT)}（要点${made}）`, en: `${enP.replace('{t}', enT)} (point ${made})` },
            ...(k % 7 === 0 ? { hint: { 'zh-CN': '主体责任落实情况', en: 'Primary responsibility' } } : {}),
          };
        }),
      });
    }
    sections.push({ id: `s${s + 1}`, ordinal: `（${ordinal(s)}）`, title: { 'zh-CN': zhS, en: enS }, groups });
  }
  return {
    id: options.id ?? `xc-generated-${total}`,
    version: '1.0.0',
    title: { 'zh-CN': `巡察监督检查清单（生成，${total}个要点）`, en: `Inspection checklist (generated, ${total} check points)` },
    description: { 'zh-CN': '用于演示和性能测试的生成模板。', en: 'A generated template for demos and benchmarks.' },
    findings: [
      { value: 'problem', label: { 'zh-CN': '存在问题', en: 'Problem found' }, isProblem: true },
      { value: 'none', label: { 'zh-CN': '未发现问题', en: 'No problem found' } },
      { value: 'na', label: { 'zh-CN': '不适用', en: 'Not applicable' } },
    ],
    methods: [
      { value: 'hearing', label: { 'zh-CN': '听取汇报', en: 'Hearing work reports' } },
      { value: 'petitions', label: { 'zh-CN': '受理信访', en: 'Receiving petitions' } },
      { value: 'interview', label: { 'zh-CN': '个别谈话', en: 'One-to-one interview' } },
      { value: 'documents', label: { 'zh-CN': '查阅资料', en: 'Reviewing documents' } },
      { value: 'site-visit', label: { 'zh-CN': '实地走访', en: 'Site visit' } },
    ],
    evidenceKinds: [
      { value: 'interview-record', label: { 'zh-CN': '谈话记录', en: 'Interview record' } },
      { value: 'meeting-minutes', label: { 'zh-CN': '会议纪要', en: 'Meeting minutes' } },
      { value: 'accounts', label: { 'zh-CN': '账目凭证', en: 'Accounts and vouchers' } },
      { value: 'documents', label: { 'zh-CN': '文件资料', en: 'Documents' } },
    ],
    categories: [
      { value: 'performance', label: { 'zh-CN': '履职尽责不充分', en: 'Duties not fully performed' } },
      { value: 'finance-mgmt', label: { 'zh-CN': '财务管理不规范', en: 'Irregular financial management' } },
      { value: 'eight-point-rules', label: { 'zh-CN': '违反中央八项规定精神', en: 'Violation of the eight-point rules' } },
      { value: 'party-building', label: { 'zh-CN': '党建工作抓得不牢', en: 'Party building not firmly grasped' } },
      { value: 'other', label: { 'zh-CN': '其他', en: 'Other' } },
    ],
    scopes: [
      { value: 'common', label: { 'zh-CN': '共性问题', en: 'Common problem' } },
      { value: 'specific', label: { 'zh-CN': '个性问题', en: 'Unit-specific problem' } },
    ],
    rules: { requireAll: true },
    sections,
  };
}

const PROBLEM_TEXTS = [
  '2025年3次党组会议未传达学习相关文件精神，会议记录仅列题目，无研究部署内容。',
  '抽查2024年度12笔大额支出，其中3笔未经集体研究，报销凭证附件不全。',
  '专项资金台账与财务账相差4.6万元，未能说明原因。',
  '个别谈话中5名干部反映领导班子议事决策不够民主，“一把手”末位表态制度执行不严。',
  '2名科级干部个人有关事项报告漏报房产，组织未作处理。',
  '便民服务窗口一次性告知制度未落实，群众反映同一事项需往返3次以上。',
  '公务用车使用登记不全，2024年有17次出车无审批记录。',
  '党支部“三会一课”记录存在补记现象，组织生活会批评意见流于形式。',
];

const PROBLEM_TEXTS_EN = [
  'Three Party group meetings in 2025 did not relay the documents; the minutes list only the agenda items.',
  '3 of 12 large expenses sampled for 2024 were not decided collectively; vouchers are incomplete.',
  'The special-fund register differs from the accounts by CNY 46,000 without explanation.',
];

/**
 * A response to `template` with about `fraction` (0…1) of the check points answered:
 * roughly one answer in six is a problem with a description, methods, evidence, a
 * category and scope (every third problem flagged as a clue); the rest are
 * 未发现问题 / 不适用. `lang: 'en'` gives English descriptions.
 */
export function generateChecklistResponse(template: ChecklistTemplate, fraction: number, options: { seed?: number; lang?: string } = {}): ChecklistResponse {
  const rand = prng(options.seed ?? 2025);
  const f = Math.min(1, Math.max(0, fraction));
  const texts = options.lang?.startsWith('en') ? PROBLEM_TEXTS_EN : PROBLEM_TEXTS;
  const problem = template.findings.find((x) => x.isProblem)?.value ?? template.findings[0]!.value;
  const others = template.findings.filter((x) => x.value !== problem).map((x) => x.value);
  const methods = (template.methods ?? []).map((m) => m.value);
  const kinds = (template.evidenceKinds ?? []).map((k) => k.value);
  const categories = (template.categories ?? []).map((c) => c.value);
  const scopes = (template.scopes ?? []).map((s) => s.value);
  const pick = <T>(list: T[]): T | undefined => (list.length ? list[Math.floor(rand() * list.length)] : undefined);
  const items: Record<string, ChecklistItemResponse> = {};
  let problems = 0;
  for (const section of template.sections)
    for (const group of section.groups)
      for (const point of group.items) {
        if (rand() >= f) continue;
        if (rand() < 1 / 6) {
          problems++;
          const item: ChecklistItemResponse = {
            finding: problem,
            description: texts[problems % texts.length]!,
            methods: methods.filter(() => rand() < 0.4).slice(0, 3),
            evidence: [{ title: `巡察工作底稿第${problems}号`, ...(kinds.length ? { kind: pick(kinds) } : {}), ref: `XC-2025-${String(problems).padStart(4, '0')}` }],
          };
          if (!item.methods!.length && methods.length) item.methods = [methods[0]!];
          const category = point.category ?? pick(categories);
          if (category) item.category = category;
          const scope = pick(scopes);
          if (scope) item.scope = scope;
          if (problems % 3 === 0) item.clue = true;
          items[point.id] = item;
        } else {
          items[point.id] = { finding: rand() < 0.85 ? (others[0] ?? problem) : (others[1] ?? others[0] ?? problem) };
        }
      }
  return { templateId: template.id, templateVersion: template.version, items };
}

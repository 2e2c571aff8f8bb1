/**
 * Round figures (巡察办's 轮次统计): what a 巡察办 reports for a round and for each unit of it —
 * 个别谈话人次, 信访件数, problems found (by 三个聚焦, 共性/个性), clues found and handed over,
 * 整改完成率 (已销号 / 阶段性完成 / 正在整改 / 逾期), 建章立制, funds recovered and people dealt with —
 * counted from the records the elements already produce: checklist responses, interview records,
 * petition registers, clue registers and rectification ledgers. Pure; no DOM; `today` is an
 * argument. Every reader takes anything: a missing or malformed record counts as nothing, never
 * throws. The CSV of a summary is in `./round-summary-csv.ts` (it loads the ledger's CSV helpers).
 *
 * This module reads the records by their shape (type imports only), so a page that shows the
 * figures does not carry the petition register's, the clue register's or the ledger's strings.
 */
import { extendLocale } from './i18n.js';
import { isObj } from './obj.js';
import { textOf, type LocalizedText } from './text.js';
import roundSummaryZhCN, { type RoundSummaryMessages } from './locales/round-summary.zh-CN.js';
import { isOverdue } from './rectification/dates.js';
import { FocusAreas, knownFocusAreas } from './focus-area.js';
import type { ChecklistResponse, ChecklistTemplateSource } from './checklist.js';
import type { PetitionEntry, PetitionRegister } from './petition.js';
import type { ClueRegister, RegisterClue } from './clue-register.js';
import type { RectificationItem, RectificationLedger, RectificationStatus } from './rectification-types.js';
import type { RectificationFigures } from './rectification-report.js';

// The figures' words join the registry with this module (pages without the round summary do not carry them).
extendLocale(roundSummaryZhCN, { en: () => import('./locales/round-summary.en.js') });

/** A checklist response with the template it was filled in on. */
export interface ChecklistWithTemplate {
  template: ChecklistTemplateSource;
  response: ChecklistResponse;
}

/** The records of one 被巡察单位 in a round. Every member but `unit` is optional. */
export interface UnitRecords {
  /** The unit's name as people read it. */
  unit: string;
  /**
   * Checklist responses (监督检查清单 / 工作底稿): each either `{ template, response }` or a bare
   * response, whose template is looked up in {@link SummaryOptions.templates} by `templateId`.
   */
  checklists?: readonly (ChecklistWithTemplate | ChecklistResponse)[];
  /** 个别谈话记录: values of `<xc-interview-form>` (schemas/templates/interview-record.json). */
  interviews?: readonly unknown[];
  /** The petition register (信访件受理登记) of the unit, or its entries. */
  petitions?: PetitionRegister | readonly PetitionEntry[];
  /** The clue register (问题线索台账) of the unit, or its clues. */
  clues?: ClueRegister | readonly RegisterClue[];
  /** The rectification ledger (整改台账) of the unit, or its items. */
  ledger?: RectificationLedger | readonly RectificationItem[];
}

/** Options of {@link summariseUnit} and {@link summariseRound}. */
export interface SummaryOptions {
  /** Today (`YYYY-MM-DD`, a Date or epoch ms): what is overdue is counted on it. */
  today: Date | string | number;
  /** Templates for bare checklist responses, found by their `templateId`. */
  templates?: readonly ChecklistTemplateSource[];
  /**
   * Language of the focus areas' titles taken from templates (default zh-CN, the language the
   * ledger's items carry when made from a checklist: keep them alike so one area is counted once).
   */
  lang?: string;
}

/** Problems of one focus area (聚焦…). */
export interface FocusFigures {
  /** The focus area's title (`''`: not named). */
  focusArea: string;
  /** Problems found in it. */
  problems: number;
  /** Of them 共性问题 (the finding's `scope` is `common`). */
  common: number;
  /** Of them 个性问题 (`scope` is `specific`). */
  specific: number;
}

/** Where a figure was counted from. */
export type ProblemCountSource = 'checklist' | 'ledger' | 'none';
export type ClueCountSource = 'register' | 'records' | 'none';

/**
 * The figures of one unit (or, in {@link RoundSummary.totals}, of the whole round). The 整改 figures
 * ({@link RectificationFigures}) count the ledger's items with one of its statuses (`closed +
 * stageReached + inProgress = items`); `overdue` only among the items in progress; `completionRate`
 * is `closed / items` (0 without items, where the screen, the CSV and the workbook show no rate: "—"
 * and an empty cell); `fundsRecovered` is rounded to 0.01.
 */
export interface UnitFigures extends RectificationFigures {
  /** The unit's name (`''` in the totals). */
  unit: string;
  /**
   * 个别谈话人次: the interview records (every record of the bundled 个别谈话记录 is one person
   * interviewed once, whatever its 谈话类型; a record is any object in `interviews`).
   */
  interviews: number;
  /** 信访件数: the petitions in the register (every object entry, whatever its handling or scope). */
  petitions: number;
  /**
   * Problems found: the problem findings of the checklists (a finding whose value the template
   * marks `isProblem`; without a template, the value `problem`) when the unit has checklists, else
   * the items of its ledger (the ledger's 问题清单); never both, so a problem is not counted twice.
   */
  problems: number;
  /** 共性问题: problems whose finding has `scope: 'common'` (ledger items: `problem.scope`, when a host keeps it). */
  common: number;
  /** 个性问题: problems with `scope: 'specific'`. The rest (`problems − common − specific`) says neither. */
  specific: number;
  /**
   * Problems per focus area: the template's section title, or the ledger item's `problem.focusArea`,
   * each spelling of an area under one name (src/core/focus-area.ts: a leading ordinal dropped,
   * 的/情况/spaces/punctuation ignored, a known template's title when it matches one); the areas of
   * the templates (`templates`, the checklists' own, the bundled one for items made from it) in
   * their order, then the others in order of first appearance, the unnamed last.
   */
  byFocus: FocusFigures[];
  /** What `problems` was counted from. */
  problemsFrom: ProblemCountSource;
  /**
   * Clues found: the clues of the clue register when the unit has one (it gathers every source);
   * else those flagged in the records: checklist problems marked as clue, interview problems
   * marked `isClue`, petitions handled as a clue (`handling: 'clue'`).
   */
  clues: number;
  /** Clues handed over (移交): register clues in state `transferred` or `replied` (0 without a register). */
  cluesHandedOver: number;
  /** What `clues` was counted from. */
  cluesFrom: ClueCountSource;
  /** 整改 items: the items of the ledger with one of its statuses (an item with another, or none, is malformed and counts nowhere). */
  items: number;
}

/** The figures of a round: one row per unit, and their totals. */
export interface RoundSummary {
  units: UnitFigures[];
  /** Sums of the units' figures (`unit` is `''`; `completionRate` is the round's closed / items; `byFocus` merged by title). */
  totals: UnitFigures;
}

/** The counted members of {@link UnitFigures}, in the order tables and CSV show them. */
export const ROUND_FIGURES = [
  'interviews',
  'petitions',
  'problems',
  'common',
  'specific',
  'clues',
  'cluesHandedOver',
  'items',
  'closed',
  'stageReached',
  'inProgress',
  'overdue',
  'completionRate',
  'rulesMade',
  'fundsRecovered',
  'peopleHandled',
] as const;
export type RoundFigure = (typeof ROUND_FIGURES)[number];

/** The message key naming each figure (the element's table heads and key figures, the CSV's and the workbook's columns). */
export const ROUND_FIGURE_LABELS: Readonly<Record<RoundFigure, keyof RoundSummaryMessages>> = Object.freeze({
  interviews: 'rsInterviews',
  petitions: 'rsPetitions',
  problems: 'rsProblems',
  common: 'rsCommon',
  specific: 'rsSpecific',
  clues: 'rsClues',
  cluesHandedOver: 'rsCluesHandedOver',
  items: 'rsItems',
  closed: 'rsClosed',
  stageReached: 'rsStageReached',
  inProgress: 'rsInProgress',
  overdue: 'rsOverdue',
  completionRate: 'rsCompletionRate',
  rulesMade: 'rsRulesMade',
  fundsRecovered: 'rsFundsRecovered',
  peopleHandled: 'rsPeopleHandled',
});

type Rec = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
/** A non-negative finite number, else 0. */
const amount = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
/** Rounded to 0.01, and finite: a sum past the largest number stays at it. */
const cents = (n: number): number => {
  const m = Math.min(n, Number.MAX_VALUE);
  return Number.isFinite(m * 100) ? Math.round(m * 100) / 100 : m;
};

/** The entries of a register given as the register (`member` holds them) or as the list itself. */
function entriesOf(value: unknown, member: string): Rec[] | null {
  if (Array.isArray(value)) return value.filter(isObj);
  if (isObj(value) && Array.isArray(value[member])) return (value[member] as unknown[]).filter(isObj);
  return null;
}

/** A template's problem finding values and, per check point id, its focus area's title. */
interface TemplateFacts {
  problemValues: Set<string>;
  focusOf: Map<string, string>;
}

const factsCache = new WeakMap<object, Map<string, TemplateFacts>>();

function templateFacts(template: unknown, lang: string): TemplateFacts | null {
  if (!isObj(template)) return null;
  let byLang = factsCache.get(template);
  const hit = byLang?.get(lang);
  if (hit) return hit;
  const problemValues = new Set<string>();
  for (const f of list(template['findings'])) if (isObj(f) && f['isProblem'] === true && typeof f['value'] === 'string') problemValues.add(f['value']);
  const focusOf = new Map<string, string>();
  for (const section of list(template['sections'])) {
    if (!isObj(section)) continue;
    const title = titleText(section['title'], lang);
    const points = Array.isArray(section['groups']) ? section['groups'].flatMap((g) => (isObj(g) ? list(g['items']) : [])) : list(section['items']);
    for (const p of points) if (isObj(p) && typeof p['id'] === 'string' && !focusOf.has(p['id'])) focusOf.set(p['id'], title);
  }
  const facts = { problemValues, focusOf };
  if (!byLang) factsCache.set(template, (byLang = new Map()));
  byLang.set(lang, facts);
  return facts;
}

function titleText(v: unknown, lang: string): string {
  if (typeof v === 'string') return v.trim();
  if (!isObj(v)) return '';
  // Only text members: a title map may hold anything.
  const clean: Record<string, string> = {};
  for (const [k, t] of Object.entries(v)) if (typeof t === 'string') clean[k] = t;
  return textOf(clean as LocalizedText, lang).trim();
}

/** Counts problems by focus area: each spelling of an area under one name (src/core/focus-area.ts). */
class FocusTally {
  private readonly areas = new Map<string, FocusFigures>();
  constructor(private readonly names: FocusAreas) {}
  add(title: string, scope: unknown, n = 1): void {
    const focusArea = this.names.name(title);
    let f = this.areas.get(focusArea);
    if (!f) this.areas.set(focusArea, (f = { focusArea, problems: 0, common: 0, specific: 0 }));
    f.problems += n;
    if (scope === 'common') f.common += n;
    else if (scope === 'specific') f.specific += n;
  }
  merge(other: readonly FocusFigures[]): void {
    const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    for (const o of other) {
      this.add(o.focusArea, null, n(o.problems));
      const f = this.areas.get(this.names.name(o.focusArea))!;
      f.common += n(o.common);
      f.specific += n(o.specific);
    }
  }
  /** Known areas in the templates' order, the others in order of first appearance, the unnamed area last. */
  result(): FocusFigures[] {
    return this.names.sort([...this.areas.values()], (f) => f.focusArea);
  }
}

const emptyFigures = (unit: string): UnitFigures => ({
  unit,
  interviews: 0,
  petitions: 0,
  problems: 0,
  common: 0,
  specific: 0,
  byFocus: [],
  problemsFrom: 'none',
  clues: 0,
  cluesHandedOver: 0,
  cluesFrom: 'none',
  items: 0,
  closed: 0,
  stageReached: 0,
  overdue: 0,
  inProgress: 0,
  completionRate: 0,
  rulesMade: 0,
  fundsRecovered: 0,
  peopleHandled: 0,
});

/** A checklist input as template and response (the template from `templates` for a bare response; null when none fits). */
function checklistOf(input: unknown, templates: readonly unknown[]): { template: unknown; response: Rec } | null {
  if (!isObj(input)) return null;
  if (isObj(input['response'])) return { template: input['template'], response: input['response'] };
  const id = input['templateId'];
  const template = typeof id === 'string' ? templates.find((t) => isObj(t) && t['id'] === id) : undefined;
  return { template, response: input };
}

/** The ledger's statuses (STATUSES of src/core/rectification/workflow.ts): an item with another counts as nothing. */
const STATUSES: ReadonlySet<unknown> = new Set<RectificationStatus>(['not-started', 'in-progress', 'stage-reached', 'pending-verification', 'closed']);

/** The items of a ledger that count: objects with one of the ledger's statuses. */
const ledgerItems = (v: unknown): Rec[] => (entriesOf(v, 'items') ?? []).filter((i) => STATUSES.has(i['status']));

/**
 * The focus areas known for some units' records: the section titles of `templates` and of the
 * checklists' own templates, and the bundled template's when a ledger item was made from it.
 */
function focusAreasFor(units: readonly unknown[], options: SummaryOptions): FocusAreas {
  const lang = typeof options?.lang === 'string' ? options.lang : 'zh-CN';
  const templates: unknown[] = [...list(options?.templates)];
  const items: unknown[] = [];
  for (const u of units) {
    if (!isObj(u)) continue;
    for (const c of list(u['checklists'])) if (isObj(c) && isObj(c['template'])) templates.push(c['template']);
    items.push(...ledgerItems(u['ledger']));
  }
  return new FocusAreas(knownFocusAreas(templates, items, lang));
}

/**
 * The figures of one unit on `today` (see {@link UnitFigures} for what each counts). Takes
 * anything: a unit with only a ledger, or with malformed records, gives the figures it can.
 * Focus areas are named and ordered by src/core/focus-area.ts: each spelling of an area under
 * one name (a template's title when it matches one), known areas in the templates' order.
 */
export function summariseUnit(records: UnitRecords, options: SummaryOptions): UnitFigures {
  return unitFigures(records, options, focusAreasFor([records], options));
}

function unitFigures(records: UnitRecords, options: SummaryOptions, areas: FocusAreas): UnitFigures {
  const r: Rec = isObj(records) ? records : {};
  const lang = typeof options?.lang === 'string' ? options.lang : 'zh-CN';
  const today = options?.today;
  const templates = list(options?.templates);
  const out = emptyFigures(text(r['unit']));

  // 个别谈话人次
  out.interviews = list(r['interviews']).filter(isObj).length;

  // 信访件数
  const petitions = entriesOf(r['petitions'], 'entries');
  out.petitions = petitions?.length ?? 0;

  // Problems from the checklists
  const focus = new FocusTally(areas);
  let flaggedClues = 0;
  const checklists = list(r['checklists']).map((c) => checklistOf(c, templates)).filter((c) => c !== null);
  for (const { template, response } of checklists) {
    const facts = templateFacts(template, lang);
    const answers = response['items'];
    if (!isObj(answers)) continue;
    for (const [id, answer] of Object.entries(answers)) {
      if (!isObj(answer) || typeof answer['finding'] !== 'string') continue;
      const problem = facts ? facts.problemValues.has(answer['finding']) : answer['finding'] === 'problem';
      if (!problem) continue;
      out.problems++;
      if (answer['scope'] === 'common') out.common++;
      else if (answer['scope'] === 'specific') out.specific++;
      focus.add(facts?.focusOf.get(id) ?? '', answer['scope']);
      if (answer['clue'] === true) flaggedClues++;
    }
  }
  if (checklists.length) out.problemsFrom = 'checklist';

  // The ledger: 整改 figures, and the problems when no checklist was given
  // An item without one of the ledger's statuses is malformed: it counts as nothing (no item, no problem, no status).
  const items = ledgerItems(r['ledger']);
  if (items.length && !checklists.length) out.problemsFrom = 'ledger';
  for (const item of items) {
    const status = item['status'];
    if (status === 'closed') out.closed++;
    else if (status === 'stage-reached') out.stageReached++;
    else {
      out.inProgress++;
      // The ledger's own rule: the deadline that counts (an approved 延期's), local calendar days.
      if (today != null && isOverdue(item as RectificationItem, today)) out.overdue++;
    }
    const outcome = item['outcome'];
    if (isObj(outcome)) {
      out.rulesMade += amount(outcome['rulesMade']);
      out.fundsRecovered += amount(outcome['fundsRecovered']);
      out.peopleHandled += amount(outcome['peopleHandled']);
    }
    if (out.problemsFrom === 'ledger') {
      const problem = isObj(item['problem']) ? item['problem'] : {};
      out.problems++;
      if (problem['scope'] === 'common') out.common++;
      else if (problem['scope'] === 'specific') out.specific++;
      focus.add(text(problem['focusArea']), problem['scope']);
    }
  }
  out.items = items.length;
  out.completionRate = out.items ? out.closed / out.items : 0;
  out.rulesMade = Math.min(out.rulesMade, Number.MAX_VALUE);
  out.peopleHandled = Math.min(out.peopleHandled, Number.MAX_VALUE);
  out.fundsRecovered = cents(out.fundsRecovered);
  out.byFocus = focus.result();

  // Clues: the register when there is one, else the flags in the records
  const clues = entriesOf(r['clues'], 'clues');
  if (clues) {
    out.cluesFrom = 'register';
    out.clues = clues.length;
    out.cluesHandedOver = clues.filter((c) => c['state'] === 'transferred' || c['state'] === 'replied').length;
  } else {
    for (const rec of list(r['interviews'])) {
      if (isObj(rec)) for (const p of list(rec['problems'])) if (isObj(p) && p['isClue'] === true) flaggedClues++;
    }
    for (const p of petitions ?? []) if (p['handling'] === 'clue') flaggedClues++;
    out.clues = flaggedClues;
    if (checklists.length || out.interviews || petitions) out.cluesFrom = 'records';
  }
  return out;
}

/** The members summed in the totals (every counted figure but the rate). */
const SUMMED = ROUND_FIGURES.filter((f) => f !== 'completionRate');

/**
 * The totals of unit figures: sums, the round's completion rate, focus areas merged as
 * src/core/focus-area.ts names them (each spelling of an area once; `templates`' areas first, in
 * their order).
 */
export function totalOf(units: readonly UnitFigures[], templates: readonly ChecklistTemplateSource[] = []): UnitFigures {
  return totalWith(units, new FocusAreas(knownFocusAreas(templates)));
}

function totalWith(units: readonly UnitFigures[], areas: FocusAreas): UnitFigures {
  const t = emptyFigures('');
  const focus = new FocusTally(areas);
  for (const u of units) {
    // A summary given by a host may hold anything where a number belongs.
    for (const k of SUMMED) if (Number.isFinite(u?.[k])) t[k] += u[k];
    if (Array.isArray(u?.byFocus)) focus.merge(u.byFocus.filter((f) => isObj(f) && typeof f.focusArea === 'string'));
  }
  for (const k of SUMMED) t[k] = Math.min(t[k], Number.MAX_VALUE);
  t.fundsRecovered = cents(t.fundsRecovered);
  t.completionRate = t.items ? t.closed / t.items : 0;
  t.byFocus = focus.result();
  const kinds = new Set(units.map((u) => u?.problemsFrom).filter((k) => k !== 'none'));
  t.problemsFrom = kinds.has('checklist') ? 'checklist' : kinds.has('ledger') ? 'ledger' : 'none';
  const clueKinds = new Set(units.map((u) => u?.cluesFrom).filter((k) => k !== 'none'));
  t.cluesFrom = clueKinds.has('register') ? 'register' : clueKinds.has('records') ? 'records' : 'none';
  return t;
}

/**
 * The figures of a round on `today`: {@link summariseUnit} for each unit (in the order given;
 * anything that is not an object counts as a unit without records), and their totals.
 */
export function summariseRound(units: readonly UnitRecords[], options: SummaryOptions): RoundSummary {
  const areas = focusAreasFor(list(units), options);
  const rows = list(units).map((u) => unitFigures(u as UnitRecords, options, areas));
  return { units: rows, totals: totalWith(rows, areas) };
}

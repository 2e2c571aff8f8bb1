/**
 * The 整改情况报告 (and the 主要负责人组织落实整改情况报告) drafted from a rectification ledger, and its
 * 公开稿 (the public version, 条例 §32). Pure: no DOM, no clock (`today` is an argument), no input
 * mutated.
 *
 * - {@link draftReport} makes a report model from a ledger: title, unit, the due date (two months
 *   after the feedback by default), overall figures, one section per 三个聚焦 focus area with each
 *   problem's measures and result, the items not yet done with their reasons and next steps, and
 *   the editable paragraphs of the text.
 * - A person's rewrites are kept apart from the model ({@link ReportValue}: `{ version: 1, model,
 *   edits, publicEdits? }`), so a redraft from a changed ledger ({@link redraftReport}) keeps them.
 * - {@link publicVersion} makes the 公开稿: responsibility names, evidence and clue details left out,
 *   names in the drafted text replaced by roles (责任领导, 责任人…), and it REFUSES — returning where
 *   each leak is — while any restricted text ({@link restrictedNames}: people of the ledger and of
 *   the clue register) remains, in particular in a person's edits, which it never rewrites.
 */
import { extendLocale, formatDateKey, formatPercent, resolveLocale, type Messages } from './i18n.js';
import rectificationReportZhCN, { type RectificationReportMessages } from './locales/rectification-report.zh-CN.js';
import type { AcceptanceSignature, ExtensionRequest, HistoryEntry, Measure, RectificationItem, RectificationKind, RectificationLedger, RectificationStatus } from './rectification-types.js';
import { FocusAreas, knownFocusAreas } from './focus-area.js';
import { isDateKey, isOverdue, toDateKey } from './rectification/dates.js';
import { asList, asText } from './rectification/values.js';
import { monthsAfter } from './date-key.js';
import type { ClueRegister } from './clue-register.js';
import type { FieldError, ValidationResult } from './validation-types.js';
import { isObj } from './obj.js';

// The report's words join the registry with this module (pages without the report do not carry them).
extendLocale(rectificationReportZhCN, { en: () => import('./locales/rectification-report.en.js') });

type RM = Messages & RectificationReportMessages;
/** The report's strings in `lang` (zh-CN until English has loaded: see `loadLocale`). */
export const reportMessages = (lang: string): RM => resolveLocale(lang) as RM;

// --- Types -----------------------------------------------------------------------------------

/** 整改情况报告 of the unit, or the 主要负责人组织落实整改情况报告. */
export type ReportKind = 'unit' | 'leader';

/**
 * What an item's rectification achieved, as an optional member `outcome` of a ledger item (kept by
 * the ledger as unknown members are): 建章立制 (rules made), 挽回/追缴资金 in yuan, people 问责/处理.
 */
export interface ReportOutcome {
  rulesMade?: number;
  fundsRecovered?: number;
  peopleHandled?: number;
}

/**
 * The 整改 figures of a ledger, as the 整改情况报告 ({@link ReportFigures}) and the round figures
 * (`UnitFigures`, core/round-summary.ts) both count them: `closed + stageReached + inProgress` is
 * every item counted.
 */
export interface RectificationFigures {
  /** 已销号: items with status `closed`. */
  closed: number;
  /** 阶段性完成: items with status `stage-reached` (长期坚持 items with a stage reached), counted apart from the closed. */
  stageReached: number;
  /** 正在整改: items neither closed nor at a stage reached (未启动, 整改中, 待验收), overdue ones included. */
  inProgress: number;
  /** 逾期: items past the deadline that counts on `today` (an approved 延期's; closed and 长期坚持 items have none). */
  overdue: number;
  /** 整改完成率: `closed` of all items counted, 0–1 (0 without items). */
  completionRate: number;
  /** 建章立制: the sum of the items' `outcome.rulesMade` (non-negative finite numbers only). */
  rulesMade: number;
  /** 挽回/追缴资金: the sum of the items' `outcome.fundsRecovered`, in the unit the ledger records (元). */
  fundsRecovered: number;
  /** 问责/处理人数: the sum of the items' `outcome.peopleHandled`. */
  peopleHandled: number;
}

/** The overall figures of the report: the 整改 figures of every item of the ledger. */
export interface ReportFigures extends RectificationFigures {
  /** The items of the ledger. */
  total: number;
}

/** One problem as the report shows it. */
export interface ReportProblem {
  itemId: string;
  /** Its number in the report, 1… in report order. */
  no: number;
  problem: string;
  status: RectificationStatus;
  kind: RectificationKind;
  /** In the 公开稿 only the department. */
  responsibility: { leader?: string; department?: string; person?: string };
  /** Titles of the evidence of completion (none in the 公开稿). */
  evidence: string[];
  outcome: ReportOutcome;
  /** The id of its paragraph (`item:<itemId>`): measures taken and result. */
  paragraph: string;
}

/** The problems of one 三个聚焦 focus area (`focusArea` '' for items without one, last). */
export interface ReportSection {
  focusArea: string;
  title: string;
  problems: ReportProblem[];
}

/** An item not yet closed: why, and what comes next. */
export interface ReportOpenItem {
  itemId: string;
  no: number;
  status: RectificationStatus;
  /** A 延期's reason, else the latest comment of the history ('' when none). */
  reason: string;
  /** The measures not yet done. */
  nextSteps: string[];
  /** The id of its paragraph (`open:<itemId>`). */
  paragraph: string;
}

/** One paragraph of the text a person may rewrite. */
export interface ReportParagraph {
  /** `intro`, `leader`, `overview`, `item:<itemId>`, `open:<itemId>`, `next`. */
  id: string;
  text: string;
}

/** The report as drafted from a ledger. */
export interface ReportModel {
  version: 1;
  kind: ReportKind;
  lang: string;
  /** Whether this is the 公开稿. */
  public: boolean;
  title: string;
  unit: string;
  /** 反馈日期, `YYYY-MM-DD`, when given. */
  feedbackDate?: string;
  /** 报送期限: `dueMonths` after the feedback. */
  dueDate?: string;
  dueMonths: number;
  /** The `today` it was drafted on, `YYYY-MM-DD`. */
  draftedOn: string;
  figures: ReportFigures;
  sections: ReportSection[];
  open: ReportOpenItem[];
  paragraphs: ReportParagraph[];
  /**
   * The names of the ledger's people drafted into it (restrictedNames of the ledger: 责任领导, 责任人,
   * verifiers, signers, whoever took a step…), kept so that its 公开稿 is refused while any of them
   * remains, with nothing passed by the caller. The report's value is the office's own record; the
   * 公开稿 ({@link publicVersion}) is made without this list.
   */
  restricted?: RestrictedName[];
}

/** The element's value: the drafted model and the person's rewrites by paragraph id (kept across redrafts). */
export interface ReportValue {
  version: 1;
  model: ReportModel;
  /** Rewritten paragraphs of the report. */
  edits: Record<string, string>;
  /** Rewritten paragraphs of the 公开稿 only (else the report's edit, else the drafted public text). */
  publicEdits?: Record<string, string>;
  [extra: string]: unknown;
}

/** Options of {@link draftReport}. */
export interface DraftReportOptions {
  /** The local date counts are made on (overdue items). */
  today: Date | string | number;
  /** 反馈日期, `YYYY-MM-DD`. */
  feedbackDate?: string;
  /** Months from the feedback to the due date (default 2, 条例: within two months). */
  dueMonths?: number;
  kind?: ReportKind;
  lang?: string;
  /**
   * Checklist templates whose section titles are the known 三个聚焦 (the bundled template's are
   * known without it for items made from it): sections take their titles and order.
   */
  templates?: readonly unknown[];
}

/** Whose name a restricted string is: it is replaced by this role in the 公开稿's drafted text. */
export type RestrictedRole = 'leader' | 'person' | 'measure-person' | 'verifier' | 'actor' | 'signer' | 'clue-person' | 'other';

/** A string that must not appear in the 公开稿. */
export interface RestrictedName {
  text: string;
  role: RestrictedRole;
}

/** A restricted string found in a text. */
export interface LeakHit {
  text: string;
  role: RestrictedRole;
  /** Where in the text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

/** A restricted string that would leak into the 公开稿, and where. */
export interface ReportLeak {
  /** Path in the public model, e.g. `paragraphs.3.text`, `sections.0.problems.1.problem`. */
  path: string;
  /** The paragraph id when in a paragraph. */
  paragraph?: string;
  /** Where, as people read it (e.g. 问题3的整改情况). */
  label: string;
  text: string;
  role: RestrictedRole;
  /** Whether it comes from a person's edit (drafted text is masked; edits never are). */
  edited: boolean;
}

/** The 公开稿, or where restricted text remains. */
export type PublicResult = { ok: true; model: ReportModel } | { ok: false; leaks: ReportLeak[] };

// --- Dates -----------------------------------------------------------------------------------

export { monthsAfter };

/** The 报送期限: `months` (default 2) after the feedback date. */
export function reportDueDate(feedbackDate: string | undefined, months = 2): string | undefined {
  return feedbackDate ? monthsAfter(feedbackDate, months) : undefined;
}

// --- Reading the ledger ----------------------------------------------------------------------

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/** An item's `outcome` member, read safely (non-numbers and negatives count as none). */
export function itemOutcome(item: RectificationItem): ReportOutcome {
  const o = isObj(item.outcome) ? item.outcome : {};
  const out: ReportOutcome = {};
  if (num(o.rulesMade)) out.rulesMade = num(o.rulesMade);
  if (num(o.fundsRecovered)) out.fundsRecovered = num(o.fundsRecovered);
  if (num(o.peopleHandled)) out.peopleHandled = num(o.peopleHandled);
  return out;
}

function closedOn(item: RectificationItem): string | undefined {
  const h = [...asList(item.history)].reverse().find((e) => (e as HistoryEntry | null)?.to === 'closed') as HistoryEntry | undefined;
  return toDateKey(item.closedAt as string | undefined) ?? toDateKey(h?.at) ?? undefined;
}

function measuresOf(item: RectificationItem): Measure[] {
  return (asList(item.measures) as (Measure | null)[]).filter((m): m is Measure => isObj(m) && !!asText(m.text).trim());
}

/** Why an item is not done: the latest 延期's reason, else the latest comment of its history. */
function reasonOf(item: RectificationItem): string {
  const ext = (asList(item.extensions) as (ExtensionRequest | null)[]).filter((e) => isObj(e) && asText(e.reason).trim());
  if (ext.length) return asText(ext[ext.length - 1]!.reason).trim();
  const h = [...asList(item.history)].reverse().find((e) => isObj(e) && asText(e.comment).trim()) as HistoryEntry | undefined;
  return h ? asText(h.comment).trim() : '';
}

const trimEnd = (s: string) => s.trim().replace(/[。．.；;，,]+$/u, '');

// --- Drafting --------------------------------------------------------------------------------

/**
 * Draft the report from a ledger (see the module notes). Items are taken in ledger order, grouped
 * by their 三个聚焦 focus area as src/core/focus-area.ts names them (each spelling of an area once,
 * without a leading ordinal, under a known template's title when it matches one): the templates'
 * areas in their order, then the others in order of first appearance, items without one last. The
 * `text` of each paragraph is in `lang` (zh-CN by default).
 */
export function draftReport(ledger: RectificationLedger | null | undefined, options: DraftReportOptions): ReportModel {
  const steps = draftSteps(ledger, options, Infinity);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link draftReport} a slice at a time, for long ledgers drafted in the page: awaits a task after
 * every `chunk` items (default 250), so no task holds the page for long. `signal` stops it.
 */
export async function draftReportInChunks(
  ledger: RectificationLedger | null | undefined,
  options: DraftReportOptions,
  chunk = 250,
  signal?: { aborted: boolean },
): Promise<ReportModel | null> {
  const steps = draftSteps(ledger, options, chunk);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal?.aborted) return null;
  }
}

/** The items by focus area, named and ordered by src/core/focus-area.ts (items in ledger order within each). */
function focusGroups(items: readonly RectificationItem[], templates: readonly unknown[] | undefined): { focusArea: string; items: RectificationItem[] }[] {
  const areas = new FocusAreas(knownFocusAreas(templates, items));
  const groups = new Map<string, RectificationItem[]>();
  for (const item of items) {
    const name = areas.name(asText(item.problem?.focusArea));
    let g = groups.get(name);
    if (!g) groups.set(name, (g = []));
    g.push(item);
  }
  return areas.sort([...groups].map(([focusArea, list]) => ({ focusArea, items: list })), (g) => g.focusArea);
}

function* draftSteps(ledger: RectificationLedger | null | undefined, options: DraftReportOptions, chunk: number): Generator<void, ReportModel, void> {
  const lang = options.lang || 'zh-CN';
  const t = reportMessages(lang);
  const kind: ReportKind = options.kind === 'leader' ? 'leader' : 'unit';
  const items = (asList(ledger?.items) as (RectificationItem | null)[]).filter((i): i is RectificationItem => isObj(i) && typeof i.id === 'string');
  const unit = asText(ledger?.unit).trim();
  const unitName = unit || t.rrUnitUnknown;
  const dueMonths = Number.isInteger(options.dueMonths) && options.dueMonths! > 0 ? options.dueMonths! : 2;
  const feedbackDate = isDateKey(options.feedbackDate) ? options.feedbackDate : undefined;
  const dueDate = reportDueDate(feedbackDate, dueMonths);
  const draftedOn = toDateKey(options.today) ?? '';

  // The same counts as the ledger's summary (ledgerSummary), item by item so that a long ledger is drafted in slices.
  const figures: ReportFigures = {
    total: items.length,
    closed: 0,
    stageReached: 0,
    inProgress: 0,
    overdue: 0,
    completionRate: 0,
    rulesMade: 0,
    fundsRecovered: 0,
    peopleHandled: 0,
  };

  const paragraphs: ReportParagraph[] = [];
  const feedbackText = feedbackDate ? formatDateKey(feedbackDate, lang) : '';
  paragraphs.push({ id: 'intro', text: kind === 'leader' ? t.rrIntroLeader(unitName, feedbackText) : t.rrIntroUnit(unitName, feedbackText) });
  if (kind === 'leader') paragraphs.push({ id: 'leader', text: t.rrLeaderDuty });

  const sections: ReportSection[] = [];
  const itemParagraphs: ReportParagraph[] = [];
  const open: ReportOpenItem[] = [];
  const openParagraphs: ReportParagraph[] = [];
  let no = 0;
  for (const group of focusGroups(items, options.templates)) {
    const problems: ReportProblem[] = [];
    for (const item of group.items) {
      if (no && no % chunk === 0) yield;
      no++;
      if (item.status === 'closed') figures.closed++;
      else if (item.status === 'stage-reached') figures.stageReached++;
      else figures.inProgress++;
      if (isOverdue(item, options.today)) figures.overdue++;
      const outcome = itemOutcome(item);
      figures.rulesMade += outcome.rulesMade ?? 0;
      figures.fundsRecovered += outcome.fundsRecovered ?? 0;
      figures.peopleHandled += outcome.peopleHandled ?? 0;
      const measures = measuresOf(item);
      const anyDone = measures.some((m) => m.done === true);
      const done = item.status === 'closed' && !anyDone ? measures : measures.filter((m) => m.done === true);
      const parts: string[] = [];
      parts.push(done.length ? t.rrMeasuresDone(done.map((m) => trimEnd(m.text)).join(t.rrListSep)) : t.rrNoMeasuresDone);
      const status = item.status;
      const closed = closedOn(item);
      parts.push(
        status === 'closed'
          ? t.rrResultClosed(closed ? formatDateKey(closed, lang) : '')
          : status === 'stage-reached'
            ? t.rrResultStage
            : status === 'pending-verification'
              ? t.rrResultPending
              : status === 'not-started'
                ? t.rrResultNotStarted
                : t.rrResultInProgress(Math.round(Math.min(100, num(item.progress)))),
      );
      const o: string[] = [];
      if (outcome.rulesMade) o.push(t.rrItemRules(outcome.rulesMade));
      if (outcome.fundsRecovered) o.push(t.rrItemFunds(t.rrMoney(outcome.fundsRecovered)));
      if (outcome.peopleHandled) o.push(t.rrItemPeople(outcome.peopleHandled));
      if (o.length) parts.push(t.rrItemOutcome(o.join(t.rrPartSep)));
      const paragraph = `item:${item.id}`;
      itemParagraphs.push({ id: paragraph, text: parts.join(lang.startsWith('zh') ? '' : ' ') });
      const resp = isObj(item.responsibility) ? item.responsibility : {};
      const responsibility: ReportProblem['responsibility'] = {};
      for (const k of ['leader', 'department', 'person'] as const) if (asText(resp[k]).trim()) responsibility[k] = asText(resp[k]).trim();
      problems.push({
        itemId: item.id,
        no,
        problem: asText(item.problem?.text).trim(),
        status,
        kind: item.kind,
        responsibility,
        // Each piece as the ledger's CSV and workbook show it: its title, then its 文号 or link in brackets.
        evidence: asList(item.evidence)
          .map((e) => {
            const title = asText((e as { title?: unknown } | null)?.title).trim();
            const ref = asText((e as { ref?: unknown } | null)?.ref).trim();
            return title && ref ? title + t.bracket(ref) : title || ref;
          })
          .filter(Boolean),
        outcome,
        paragraph,
      });
      if (status !== 'closed') {
        const reason = reasonOf(item);
        const nextSteps = measures
          .filter((m) => m.done !== true)
          .map((m) => trimEnd(m.text) + (isDateKey(m.deadline) ? t.rrOpenDeadline(formatDateKey(m.deadline, lang)) : ''));
        const id = `open:${item.id}`;
        open.push({ itemId: item.id, no, status, reason, nextSteps, paragraph: id });
        const sep = lang.startsWith('zh') ? '；' : '. ';
        openParagraphs.push({
          id,
          text: `${reason ? t.rrOpenReason(trimEnd(reason)) : t.rrOpenNoReason}${sep}${nextSteps.length ? t.rrOpenNext(nextSteps.join(t.rrListSep)) : t.rrOpenNoNext}${lang.startsWith('zh') ? '。' : '.'}`.replace(/。。$/u, '。').replace(/\.\.$/, '.'),
        });
      }
    }
    sections.push({ focusArea: group.focusArea, title: group.focusArea || t.rrNoFocus, problems });
  }

  figures.completionRate = figures.total ? figures.closed / figures.total : 0;
  let overview = t.rrOverview(figures.total, figures.closed, figures.stageReached, figures.inProgress, figures.overdue, formatPercent(figures.completionRate, lang));
  if (figures.rulesMade || figures.fundsRecovered || figures.peopleHandled) {
    overview += (lang.startsWith('zh') ? '' : ' ') + t.rrOverviewOutcome(figures.rulesMade, t.rrMoney(figures.fundsRecovered), figures.peopleHandled);
  }
  paragraphs.push({ id: 'overview', text: overview });
  paragraphs.push(...itemParagraphs, ...openParagraphs);
  paragraphs.push({ id: 'next', text: t.rrNextDraft(open.length) });

  return {
    version: 1,
    kind,
    lang,
    public: false,
    title: kind === 'leader' ? t.rrTitleLeader(unitName) : t.rrTitleUnit(unitName),
    unit,
    ...(feedbackDate ? { feedbackDate } : {}),
    ...(dueDate ? { dueDate } : {}),
    dueMonths,
    draftedOn,
    figures,
    sections,
    open,
    paragraphs,
    restricted: restrictedNames(ledger),
  };
}

/** Paragraphs by id and problems' numbers by item id, per model (reports hold thousands of paragraphs). */
const indexes = new WeakMap<ReportModel, { paragraphs: Map<string, ReportParagraph>; no: Map<string, number> }>();
function indexOf(model: ReportModel) {
  let ix = indexes.get(model);
  if (!ix) {
    ix = { paragraphs: new Map(model.paragraphs.map((p) => [p.id, p])), no: new Map() };
    for (const sec of model.sections) for (const p of sec.problems) ix.no.set(p.itemId, p.no);
    indexes.set(model, ix);
  }
  return ix;
}

/** The drafted text of paragraph `id` ('' when there is none). */
export function draftedText(model: ReportModel, id: string): string {
  return indexOf(model).paragraphs.get(id)?.text ?? '';
}

/** A fresh value from a model (no edits). */
export function reportValue(model: ReportModel): ReportValue {
  return { version: 1, model, edits: {} };
}

/** Draft again from the (changed) ledger, keeping every edit of `value` (and its 公开稿 edits). */
export function redraftReport(value: ReportValue, ledger: RectificationLedger | null | undefined, options: DraftReportOptions): ReportValue {
  return { ...value, version: 1, model: draftReport(ledger, options), edits: { ...value.edits }, ...(value.publicEdits ? { publicEdits: { ...value.publicEdits } } : {}) };
}

/**
 * A new value with paragraph `id` rewritten to `text` (in the 公开稿 when `publicText`). Setting
 * the drafted text again drops the edit.
 */
export function editParagraph(value: ReportValue, id: string, text: string, publicText = false): ReportValue {
  const key = publicText ? 'publicEdits' : 'edits';
  const edits = { ...(value[key] ?? {}) } as Record<string, string>;
  if (!publicText && text === indexOf(value.model).paragraphs.get(id)?.text) delete edits[id];
  else edits[id] = text;
  return { ...value, [key]: edits };
}

/** The text of paragraph `id` in the report: the person's edit, else the drafted text. */
export function paragraphText(value: ReportValue, id: string): string {
  const e = value.edits?.[id];
  return typeof e === 'string' ? e : draftedText(value.model, id);
}

/** Where a paragraph is, as people read it (问题3的整改情况, 开头…). */
export function paragraphLabel(model: ReportModel, id: string, lang: string = model.lang): string {
  const t = reportMessages(lang);
  if (id === 'intro') return t.rrLabelIntro;
  if (id === 'leader') return t.rrLabelLeader;
  if (id === 'overview') return t.rrLabelOverview;
  if (id === 'next') return t.rrLabelNext;
  const m = /^(item|open):(.*)$/s.exec(id);
  if (m) {
    const n = indexOf(model).no.get(m[2]!) ?? 0;
    return m[1] === 'item' ? t.rrLabelItem(n) : t.rrLabelOpen(n);
  }
  return id;
}

/**
 * Read a value given to the element: `{ version: 1, model, edits }` with a model of the expected
 * shape. `null` when it cannot be read.
 */
export function readReportValue(v: unknown): ReportValue | null {
  if (!isObj(v) || v.version !== 1 || !isObj(v.model)) return null;
  const m = v.model;
  if (m.version !== 1 || typeof m.title !== 'string' || !Array.isArray(m.paragraphs) || !Array.isArray(m.sections) || !Array.isArray(m.open) || !isObj(m.figures)) return null;
  if (!m.paragraphs.every((p) => isObj(p) && typeof p.id === 'string' && typeof p.text === 'string')) return null;
  if (!m.sections.every((s) => isObj(s) && typeof s.title === 'string' && Array.isArray(s.problems) && s.problems.every((p) => isObj(p) && typeof p.itemId === 'string' && typeof p.problem === 'string' && isObj(p.responsibility) && Array.isArray(p.evidence)))) return null;
  const edits = (e: unknown) => (isObj(e) ? Object.fromEntries(Object.entries(e).filter(([, x]) => typeof x === 'string')) as Record<string, string> : {});
  const out: ReportValue = { ...v, version: 1, model: m as unknown as ReportModel, edits: edits(v.edits) };
  if (v.publicEdits !== undefined) out.publicEdits = edits(v.publicEdits);
  return out;
}

/** Every paragraph has text (an edit may not empty one). */
export function validateReport(value: ReportValue, lang = 'zh-CN'): ValidationResult {
  const t = reportMessages(lang);
  const errors: FieldError[] = [];
  for (const p of value.model.paragraphs) {
    if (!paragraphText(value, p.id).trim()) errors.push({ path: `paragraphs.${p.id}`, message: `${paragraphLabel(value.model, p.id, lang)}：${t.rrEmptyParagraph}`, keyword: 'required' });
  }
  return { valid: errors.length === 0, errors };
}

// --- Restricted text and the 公开稿 --------------------------------------------------------------

/**
 * Whether a code point is skipped when matching: white space, every format character (`Cf`: zero
 * width space and joiners, soft hyphen, word joiner, bidi controls, tags…), every default-ignorable
 * code point (variation selectors U+FE00–FE0F and U+E0100–E01EF, the combining grapheme joiner,
 * Hangul fillers…) and combining marks (a mark on a character leaves the name readable). None of
 * them changes what a reader takes the name to be.
 */
const SKIP = /^[\s\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}]$/u;
/** Explicit bidi embeddings, overrides and isolates (LRE…RLO, PDF, LRI…PDI): they can reorder what is shown. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
/** Strong right-to-left letters (Hebrew, Arabic and the other RTL scripts, their presentation forms, the RTL planes). */
const RTL = /^[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]$/u;

interface Folded {
  s: string;
  /** For each char of `s`: the offsets in the original text of the code point it came from (only when asked for). */
  from: number[];
  to: number[];
}

/**
 * One code point folded for matching: NFKD without its combining marks (so é and e\u0301 are e),
 * lower case, '' for white space and invisible characters (fast paths for ASCII and CJK
 * ideographs, which it leaves as they are).
 */
function foldPoint(cp: number, ch: string): string {
  if (cp < 0x80) {
    if (cp === 32 || (cp >= 9 && cp <= 13)) return '';
    return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
  }
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return ch;
  if (SKIP.test(ch)) return '';
  let out = '';
  for (const c of ch.normalize('NFKD').toLowerCase()) if (!SKIP.test(c)) out += c;
  return out;
}

/** The text folded for matching (NFKD without marks, lower case, without white space or invisible characters), in the order it is stored; with `mapped`, offsets back into it. */
function fold(text: string, mapped = true): Folded {
  let s = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldPoint(cp, len === 1 ? text[i]! : text.slice(i, i + 2));
    if (f) {
      s += f;
      if (mapped) for (let k = 0; k < f.length; k++) {
        from.push(i);
        to.push(i + len);
      }
    }
    i += len;
  }
  return { s, from, to };
}

interface Embedding {
  level: number;
  /** 0 none, 1 left-to-right (LRO), 2 right-to-left (RLO). */
  override: 0 | 1 | 2;
  isolate: boolean;
}

/**
 * The text folded as it is SHOWN when it holds explicit bidi controls: the embedding levels of the
 * Unicode bidi algorithm's explicit rules (RLO…PDF shows its letters right to left, RLE/RLI
 * reorder runs of right-to-left letters), then its rule L2 (runs reversed from the highest level
 * down). Letters other than right-to-left ones count as left-to-right, the paragraph as
 * left-to-right. `韩\u202E新立\u202C` is shown, and folded here, as 韩立新. The offsets of each
 * char are those of the code point it came from, wherever it now stands.
 */
function visualFold(text: string): Folded {
  const pieces: { f: string; from: number; to: number; level: number }[] = [];
  const base: Embedding = { level: 0, override: 0, isolate: false };
  let stack: Embedding[] = [base];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = len === 1 ? text[i]! : text.slice(i, i + 2);
    const top = stack[stack.length - 1]!;
    if (cp === 0x0a || cp === 0x0d || cp === 0x2029) stack = [base];
    else if (cp === 0x202c) {
      if (stack.length > 1 && !top.isolate) stack.pop();
    } else if (cp === 0x2069) {
      for (let k = stack.length - 1; k > 0; k--) if (stack[k]!.isolate) {
        stack.length = k;
        break;
      }
    } else if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2068)) {
      const rtl = cp === 0x202b || cp === 0x202e || cp === 0x2067;
      const level = rtl ? (top.level + 1) | 1 : (top.level + 2) & ~1;
      if (level <= 125) stack.push({ level, override: cp === 0x202d ? 1 : cp === 0x202e ? 2 : 0, isolate: cp >= 0x2066 });
    } else {
      const f = foldPoint(cp, ch);
      if (f) {
        const rtl = top.override ? top.override === 2 : RTL.test(ch);
        const level = rtl === (top.level % 2 === 1) ? top.level : top.level + 1;
        pieces.push({ f, from: i, to: i + len, level });
      }
    }
    i += len;
  }
  let max = 0;
  let minOdd = Infinity;
  for (const p of pieces) {
    if (p.level > max) max = p.level;
    if (p.level % 2 && p.level < minOdd) minOdd = p.level;
  }
  for (let lv = max; lv >= minOdd; lv--) {
    for (let a = 0; a < pieces.length; ) {
      if (pieces[a]!.level < lv) {
        a++;
        continue;
      }
      let b = a;
      while (b < pieces.length && pieces[b]!.level >= lv) b++;
      const run = pieces.slice(a, b).reverse();
      pieces.splice(a, run.length, ...run);
      a = b;
    }
  }
  const out: Folded = { s: '', from: [], to: [] };
  for (const p of pieces) {
    out.s += p.f;
    for (let k = 0; k < p.f.length; k++) {
      out.from.push(p.from);
      out.to.push(p.to);
    }
  }
  return out;
}

interface Entry {
  key: string;
  name: RestrictedName;
}

/** Restricted names ready to match: by their folded first character, the longest first; and results already found per text. */
interface Prepared {
  list: Entry[];
  byFirst: Map<string, Entry[]>;
  /** Masked texts by language, then by text. */
  masked: Map<string, Map<string, string>>;
  /** Hits per text (most texts of a report stay the same from one keystroke to the next). */
  found: Map<string, LeakHit[]>;
  /** The 公开稿's copy of each problem, kept while the problem and the names are the same. */
  problems: WeakMap<ReportProblem, { lang: string; pub: ReportProblem }>;
}

const preparedCache = new WeakMap<readonly unknown[], Prepared>();

/** The restricted strings worth matching: folded, at least two characters, each once (the longest first). Kept per list given. */
function prepared(restricted: readonly (string | RestrictedName)[]): Prepared {
  const hit = preparedCache.get(restricted);
  if (hit) return hit;
  const seen = new Map<string, RestrictedName>();
  const texts = new Set<string>();
  for (const r of restricted) {
    const name: RestrictedName = typeof r === 'string' ? { text: r, role: 'other' } : r;
    if (!name || typeof name.text !== 'string' || texts.has(name.text)) continue;
    texts.add(name.text);
    const key = fold(name.text, false).s;
    if ([...key].length < 2 || seen.has(key)) continue;
    seen.set(key, { text: name.text.trim(), role: name.role ?? 'other' });
  }
  const list = [...seen].map(([key, name]) => ({ key, name })).sort((a, b) => b.key.length - a.key.length);
  const byFirst = new Map<string, Entry[]>();
  for (const e of list) {
    const first = e.key[0]!;
    let l = byFirst.get(first);
    if (!l) byFirst.set(first, (l = []));
    l.push(e);
  }
  const out: Prepared = { list, byFirst, masked: new Map(), found: new Map(), problems: new WeakMap() };
  preparedCache.set(restricted, out);
  return out;
}

/** Where names start in a folded string: one pass, trying only the names that begin with each character. */
function scan(s: string, p: Prepared): { at: number; e: Entry }[] {
  const out: { at: number; e: Entry }[] = [];
  if (!p.list.length) return out;
  for (let i = 0; i < s.length; i++) {
    const cands = p.byFirst.get(s[i]!);
    if (!cands) continue;
    for (const e of cands) if (s.startsWith(e.key, i)) out.push({ at: i, e });
  }
  return out;
}

/**
 * The restricted strings found in `text`: each occurrence of a name, matched whatever the width,
 * case, accents, white space or invisible characters between its characters (张 三, ＺＨＡＮＧ, José as Jose, 张\u200D三 and
 * 张\uFE00三 are found: every format, default-ignorable and combining character is skipped), both
 * as the text is stored and, when it holds bidi controls, as it is shown (`韩\u202E新立\u202C`,
 * shown 韩立新, is found; the hit then spans every character of the name). Names shorter than two
 * characters are not matched (a single character would match everywhere).
 */
export function leaksIn(text: string, restricted: readonly (string | RestrictedName)[]): LeakHit[] {
  if (typeof text !== 'string' || !text) return [];
  return hits(text, prepared(restricted));
}

const NONE: LeakHit[] = [];

function hits(text: string, p: Prepared): LeakHit[] {
  if (!text || !p.list.length) return NONE;
  const known = p.found.get(text);
  if (known) return known;
  let out = NONE;
  // Most texts hold no name: look first without offsets, then again with them. A text with bidi
  // controls is read twice: as stored (what is copied, read aloud, indexed) and as shown.
  const shown = BIDI.test(text) ? visualFold(text) : null;
  if (scan(fold(text, false).s, p).length || (shown && scan(shown.s, p).length)) {
    const found: LeakHit[] = [];
    const seen = new Set<string>();
    for (const f of shown ? [fold(text), shown] : [fold(text)]) {
      for (const { at, e } of scan(f.s, p)) {
        let start = Infinity;
        let end = 0;
        for (let k = at; k < at + e.key.length; k++) {
          start = Math.min(start, f.from[k]!);
          end = Math.max(end, f.to[k]!);
        }
        const id = `${start}:${end}:${e.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        found.push({ text: e.name.text, role: e.name.role, start, end });
      }
    }
    out = found.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  if (p.found.size > 200_000) p.found.clear();
  p.found.set(text, out);
  return out;
}

/** `text` with every restricted name replaced by its role as the language names it. */
export function maskRestricted(text: string, restricted: readonly (string | RestrictedName)[], lang = 'zh-CN'): string {
  return maskWith(text, prepared(restricted), lang);
}

const ROLE_KEYS: Record<RestrictedRole, keyof RectificationReportMessages> = {
  leader: 'rrRoleLeader',
  person: 'rrRolePerson',
  'measure-person': 'rrRoleMeasurePerson',
  verifier: 'rrRoleVerifier',
  actor: 'rrRoleActor',
  signer: 'rrRoleSigner',
  'clue-person': 'rrRoleCluePerson',
  other: 'rrRoleOther',
};

/** A restricted role as the language names it (责任领导, 责任人, 有关人员…). */
export function restrictedRoleLabel(role: RestrictedRole, lang = 'zh-CN'): string {
  return String(reportMessages(lang)[ROLE_KEYS[role] ?? 'rrRoleOther']);
}

function maskWith(text: string, p: Prepared, lang: string): string {
  if (!text || !p.list.length) return text;
  let byText = p.masked.get(lang);
  if (!byText) p.masked.set(lang, (byText = new Map()));
  const known = byText.get(text);
  if (known !== undefined) return known;
  const found = hits(text, p);
  let out = '';
  let at = 0;
  // Overlapping hits are joined: nothing of either name stays.
  for (let i = 0; i < found.length; ) {
    let { start, end } = found[i]!;
    const role = found[i]!.role;
    let j = i + 1;
    while (j < found.length && found[j]!.start < end) end = Math.max(end, found[j++]!.end);
    start = Math.max(start, at);
    out += text.slice(at, start) + restrictedRoleLabel(role, lang);
    at = end;
    i = j;
  }
  out += text.slice(at);
  if (byText.size > 100_000) byText.clear();
  byText.set(text, out);
  return out;
}

/**
 * Whether an actor's name (who took a step) names a body or a role rather than a person: folded as
 * the leak check folds, it is one of `bodies` (the unit, the acceptance parties' names) or it is,
 * or ends with, a role's display name of either language (`rrBodyNames`: 巡察办, 被巡察单位,
 * 巡察组…, Inspection office…), so 区巡察办 and 县委第二巡察组 are bodies.
 */
function bodyMatcher(bodies: readonly unknown[]): (name: string) => boolean {
  const roles = new Set<string>();
  for (const l of ['zh-CN', 'en']) for (const r of reportMessages(l).rrBodyNames ?? []) roles.add(fold(r, false).s);
  const exact = new Set<string>(roles);
  for (const b of bodies) if (typeof b === 'string' && b.trim()) exact.add(fold(b, false).s);
  exact.delete('');
  roles.delete('');
  return (name) => {
    const key = fold(name, false).s;
    if (exact.has(key)) return true;
    for (const r of roles) if (key.endsWith(r)) return true;
    return false;
  };
}

/**
 * The names the 公开稿 must not show: of the ledger (责任领导 and 责任人, measures' 责任人, the
 * verifier, everyone in the history, change log, 延期 requests and decisions, 验收 signatures) and,
 * when given, of the clue register (被反映人, whoever took a step, 移交人 and 接收人), plus `extra`.
 *
 * Who took a step (role `actor`) may be a body, not a person: without a named user the tracker
 * writes its role's display name (巡察办, 被巡察单位). An actor that is the ledger's `unit`, an
 * acceptance party's `name`, or a role's display name in either language — or ends with one
 * (区巡察办, 县委第二巡察组) — is not restricted, so the 公开稿 may say 向区巡察办报送. The same
 * text given as a person (责任领导, 责任人, 验收人, signer…) or in `extra` stays restricted.
 */
export function restrictedNames(
  ledger: RectificationLedger | null | undefined,
  options: { clues?: ClueRegister | null; extra?: readonly (string | RestrictedName)[] } = {},
): RestrictedName[] {
  const out: RestrictedName[] = [];
  const isBody = bodyMatcher([ledger?.unit, ...asList(ledger?.acceptanceParties).map((p) => (isObj(p) ? p.name : undefined))]);
  const add = (v: unknown, role: RestrictedRole) => {
    if (typeof v === 'string' && v.trim() && !(role === 'actor' && isBody(v))) out.push({ text: v.trim(), role });
  };
  for (const item of asList(ledger?.items) as (RectificationItem | null)[]) {
    if (!isObj(item)) continue;
    const r = isObj(item.responsibility) ? item.responsibility : {};
    add(r.leader, 'leader');
    add(r.person, 'person');
    add(item.verifier, 'verifier');
    for (const m of asList(item.measures)) if (isObj(m)) add(m.person, 'measure-person');
    for (const h of asList(item.history)) if (isObj(h)) add(h.by, 'actor');
    for (const c of asList(item.changes)) if (isObj(c)) {
      add(c.by, 'actor');
      // A responsible person changed: the one before is a name too.
      const path = asList(c.path);
      if (path[0] === 'responsibility' && (path[1] === 'leader' || path[1] === 'person')) {
        add(c.before, path[1] as RestrictedRole);
        add(c.after, path[1] as RestrictedRole);
      } else if (path[0] === 'verifier') {
        add(c.before, 'verifier');
        add(c.after, 'verifier');
      }
    }
    for (const e of asList(item.extensions)) if (isObj(e)) {
      add(e.by, 'actor');
      if (isObj(e.decision)) add(e.decision.by, 'actor');
    }
    for (const s of asList(item.acceptance) as (AcceptanceSignature | null)[]) if (isObj(s)) {
      add(s.name, 'signer');
      add(s.by, 'actor');
    }
  }
  for (const p of asList(ledger?.acceptanceParties)) if (isObj(p)) for (const s of asList(p.signers)) add(s, 'signer');
  const clues = options.clues;
  if (clues) {
    for (const c of asList(clues.clues)) if (isObj(c)) {
      if (isObj(c.personConcerned)) add(c.personConcerned.name, 'clue-person');
      for (const h of asList(c.history)) if (isObj(h)) add(h.name, 'actor');
    }
    for (const s of asList(clues.transfers)) if (isObj(s)) {
      add(s.transferor, 'actor');
      add(s.recipient, 'actor');
    }
  }
  for (const e of options.extra ?? []) typeof e === 'string' ? add(e, 'other') : isObj(e) && add(e.text, e.role ?? 'other');
  return out;
}

/** Calls `visit` for every string of a value with its path (members in order); the path is joined only when asked for. */
function strings(v: unknown, path: (string | number)[], visit: (text: string, path: () => string) => void): void {
  if (typeof v === 'string') visit(v, () => path.join('.'));
  else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      strings(v[i], path, visit);
      path.pop();
    }
  } else if (isObj(v)) {
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      path.push(k);
      strings(v[k], path, visit);
      path.pop();
    }
  }
}

function pathLabel(model: ReportModel, path: string, lang: string): { label: string; paragraph?: string } {
  const t = reportMessages(lang);
  let m = /^paragraphs\.(\d+)\./.exec(path);
  if (m) {
    const id = model.paragraphs[Number(m[1])]?.id ?? '';
    return { label: paragraphLabel(model, id, lang), paragraph: id };
  }
  m = /^sections\.(\d+)\.problems\.(\d+)\./.exec(path);
  if (m) {
    const p = model.sections[Number(m[1])]?.problems[Number(m[2])];
    return { label: path.endsWith('.problem') ? t.rrLabelProblem(p?.no ?? 0) : t.rrLabelItem(p?.no ?? 0) };
  }
  m = /^open\.(\d+)\./.exec(path);
  if (m) return { label: t.rrLabelOpen(model.open[Number(m[1])]?.no ?? 0) };
  if (/^sections\.\d+\./.test(path)) return { label: t.rrLabelSection };
  if (path === 'title') return { label: t.rrLabelTitle };
  if (path === 'unit') return { label: t.rrLabelUnit };
  return { label: path };
}

const noNames: readonly RestrictedName[] = [];
const mergedNames = new WeakMap<ReportModel, WeakMap<readonly unknown[], readonly RestrictedName[]>>();

/**
 * Everything the 公开稿 of `model` must not hold: `extra` (the caller's — restrictedNames of the
 * ledger and clues, say — first, so their roles win), then the ledger's people the model keeps
 * (`model.restricted`, from draftReport) and the responsible people named in its problems (a model
 * drafted before it kept the list). The same array for the same model and `extra`, so its matching
 * is prepared once.
 */
export function reportRestricted(model: ReportModel, extra: readonly (string | RestrictedName)[] = noNames): readonly RestrictedName[] {
  let byExtra = mergedNames.get(model);
  if (!byExtra) mergedNames.set(model, (byExtra = new WeakMap()));
  let out = byExtra.get(extra);
  if (!out) {
    const list: RestrictedName[] = extra.map((e) => (typeof e === 'string' ? { text: e, role: 'other' as const } : e)).filter((e) => isObj(e) && typeof e.text === 'string');
    for (const r of asList(model.restricted)) if (isObj(r) && typeof r.text === 'string' && r.text.trim()) list.push({ text: r.text.trim(), role: typeof r.role === 'string' ? (r.role as RestrictedRole) : 'other' });
    for (const sec of model.sections) for (const p of sec.problems) {
      if (p.responsibility.leader?.trim()) list.push({ text: p.responsibility.leader.trim(), role: 'leader' });
      if (p.responsibility.person?.trim()) list.push({ text: p.responsibility.person.trim(), role: 'person' });
    }
    byExtra.set(extra, (out = list));
  }
  return out;
}

/**
 * The 公开稿 (条例 §32) of a report: responsibility reduced to the department, no evidence, the
 * names of `restricted` ({@link restrictedNames}) in the drafted text replaced by their roles, and the
 * person's edits (`publicEdits`, else `edits`) applied as typed. Every string of the result is then
 * checked with {@link leaksIn}: while any restricted text remains — a name typed into an edit, say —
 * it refuses, with where each one is (`{ ok: false, leaks }`), and gives no text at all. The names
 * of the ledger's people the report was drafted with are always restricted ({@link reportRestricted});
 * `restricted` only adds names (of the clue register, extras).
 */
export function publicVersion(value: ReportValue, options: { restricted?: readonly (string | RestrictedName)[]; lang?: string } = {}): PublicResult {
  const { restricted: _kept, ...model } = value.model;
  const lang = options.lang ?? model.lang ?? 'zh-CN';
  const names = prepared(reportRestricted(value.model, options.restricted));
  const mask = (s: string) => maskWith(s, names, lang);
  const edited = new Set<string>();
  const paragraphs = model.paragraphs.map((p) => {
    const pub = value.publicEdits?.[p.id];
    const own = value.edits?.[p.id];
    if (typeof pub === 'string' || typeof own === 'string') {
      edited.add(p.id);
      return { id: p.id, text: typeof pub === 'string' ? pub : own! };
    }
    return { id: p.id, text: mask(p.text) };
  });
  const out: ReportModel = {
    ...model,
    public: true,
    title: mask(model.title),
    unit: mask(model.unit),
    sections: model.sections.map((s) => ({
      ...s,
      focusArea: mask(s.focusArea),
      title: mask(s.title),
      problems: s.problems.map((p) => {
        const kept = names.problems.get(p);
        if (kept && kept.lang === lang) return kept.pub;
        const pub: ReportProblem = { ...p, problem: mask(p.problem), responsibility: p.responsibility.department ? { department: mask(p.responsibility.department) } : {}, evidence: [] };
        names.problems.set(p, { lang, pub });
        return pub;
      }),
    })),
    open: model.open.map((o) => ({ ...o, reason: mask(o.reason), nextSteps: o.nextSteps.map(mask) })),
    paragraphs,
  };
  const leaks: ReportLeak[] = [];
  strings(out, [], (text, pathOf) => {
    const found = hits(text, names);
    if (!found.length) return;
    const path = pathOf();
    const where = pathLabel(out, path, lang);
    const seen = new Set<string>();
    for (const h of found) {
      if (seen.has(h.text)) continue;
      seen.add(h.text);
      leaks.push({ path, ...(where.paragraph ? { paragraph: where.paragraph } : {}), label: where.label, text: h.text, role: h.role, edited: !!where.paragraph && edited.has(where.paragraph) });
    }
  });
  return leaks.length ? { ok: false, leaks } : { ok: true, model: out };
}

/**
 * Do the matching of {@link publicVersion} ahead, a slice of texts per task (`chunk`, default 400):
 * for a long report, the first 公开稿 then takes no long task. The results are kept with the
 * `restricted` list given (the same array must be passed to `publicVersion`). `signal` stops it.
 */
export async function preparePublicVersion(
  value: ReportValue,
  options: { restricted?: readonly (string | RestrictedName)[]; lang?: string } = {},
  chunk = 400,
  signal?: { aborted: boolean },
): Promise<void> {
  const model = value.model;
  const lang = options.lang ?? model.lang ?? 'zh-CN';
  const p = prepared(reportRestricted(model, options.restricted));
  if (!p.list.length) return;
  const texts: string[] = [model.title, model.unit];
  for (const sec of model.sections) {
    texts.push(sec.title, sec.focusArea);
    for (const pr of sec.problems) texts.push(pr.problem, pr.responsibility.department ?? '');
  }
  for (const o of model.open) texts.push(o.reason, ...o.nextSteps);
  for (const para of model.paragraphs) texts.push(para.text);
  for (let i = 0; i < texts.length; i++) {
    if (i && i % chunk === 0) {
      await new Promise((r) => setTimeout(r, 0));
      if (signal?.aborted) return;
    }
    const masked = maskWith(texts[i]!, p, lang);
    hits(masked, p);
  }
}

/** A leak as a sentence: where, what and whose (问题3的整改情况：含有“张三”（责任人）). */
export function leakMessage(leak: ReportLeak, lang = 'zh-CN'): string {
  return reportMessages(lang).rrLeak(leak.label, leak.text, restrictedRoleLabel(leak.role, lang));
}

/**
 * 反馈意见 → 问题清单 (no DOM; usable on a server).
 *
 * After 审签 the 巡察组 gives the unit's leadership its 反馈意见: the problems of the signed 工作底稿,
 * grouped by the 三个聚焦, each marked 共性 or 个性, with 意见建议 and the 反馈日期. Once issued (签发),
 * the feedback is locked and becomes the unit's 问题清单: one ledger item per problem, linked to its
 * feedback item by a stable id, 共性/个性 carried, and the deadline the 整改情况报告 is due by (two
 * months after the 反馈日期 by default, 条例 §27), not the day of import.
 *
 * - {@link draftFeedback}: the feedback drafted from signed 底稿 (an unsigned or tampered one is refused);
 * - {@link issueFeedback}: 签发, which locks it; {@link checkFeedbackEdit} for a server taking edits;
 * - {@link feedbackToItems}: the 问题清单 as ledger items (for `<xc-rectification-tracker>`'s value, or a merge
 *   that skips ids already in the ledger, so importing twice adds nothing).
 */
import { reviewOf, toRectificationItems, type ChecklistResponse, type ChecklistTemplateSource } from './checklist.js';
import { verifyWorkpaper } from './workpaper.js';
import { isDateKey, monthsAfter } from './date-key.js';
import { canonicalJson } from './draft.js';
import type { EvidenceRef, RectificationItem } from './rectification-types.js';
import { isObj } from './obj.js';

/** Where a feedback item came from: the check point of a signed 底稿. */
export interface FeedbackSource {
  templateId: string;
  checkpointId: string;
  /** The check point's own words. */
  note?: string;
  /** The 底稿编号 of the sheet, when it has one. */
  sheetNo?: string;
  /** The SHA-256 fingerprint of the signed sheet (its `signature.digest`). */
  digest: string;
}

/** One problem of the 反馈意见. Unknown members are kept. */
export interface FeedbackItem {
  /** Stable: derived from the sheet and the check point (the same sheet drafted twice gives the same ids). */
  id: string;
  /** The focus area (聚焦…) as people read it; items are grouped by it. */
  focusArea: string;
  /** 共性/个性: the template's scope id (`common` / `specific` in the bundled template). */
  scope?: string;
  /** The problem as the feedback states it (the finding's description at first; editable until issued). */
  text: string;
  /** 定性依据. */
  basis?: string;
  category?: string;
  categoryId?: string;
  /** The finding's evidence (佐证材料). */
  evidence?: EvidenceRef[];
  source: FeedbackSource;
  [extra: string]: unknown;
}

/** The 反馈意见. Unknown members are kept. */
export interface FeedbackValue {
  version: 1;
  /** 被巡察单位. */
  unit?: string;
  /** 轮次. */
  round?: string;
  /** 反馈日期, `YYYY-MM-DD`: the deadlines of the 问题清单 count from it. */
  feedbackDate?: string;
  items: FeedbackItem[];
  /** 意见建议, in order. */
  suggestions: string[];
  /** Set by 签发 (RFC 3339); from then on the feedback is locked. */
  issuedAt?: string;
  /** Who issued it (the 组长's name). */
  issuedBy?: string;
  [extra: string]: unknown;
}

/** A signed 底稿 and the template it was filled with. */
export interface FeedbackSheet {
  template: ChecklistTemplateSource;
  response: ChecklistResponse;
}

/**
 * Why something was refused:
 * - `value`: not a feedback value (or not a sheet: no template or response);
 * - `unsigned`: a 底稿 is not signed (审签) — only signed sheets are fed back;
 * - `tampered`: a signed 底稿 no longer matches its fingerprint;
 * - `template`: a sheet's response was filled with another template than the one given;
 * - `duplicate`: the same sheet (same template and 底稿编号) given twice;
 * - `locked`: the feedback is issued: no edit and no second 签发;
 * - `name`: 签发 without a name; `time`: `at` is not a date-time;
 * - `date`: no 反馈日期, or not a `YYYY-MM-DD` date;
 * - `text`: a problem's text is empty;
 * - `months`: `reportDueMonths` is not a whole number of months from 1 to 24;
 * - `not-issued`: the 问题清单 is made only from issued feedback.
 */
export type FeedbackRefusalCode = 'value' | 'unsigned' | 'tampered' | 'template' | 'duplicate' | 'locked' | 'name' | 'time' | 'date' | 'text' | 'months' | 'not-issued';

/** A refusal: its code and, for a sheet, its index in the list given. */
export interface FeedbackRefusal {
  ok: false;
  code: FeedbackRefusalCode;
  sheet?: number;
}

/** Thrown by {@link feedbackToItems}. */
export class FeedbackError extends Error {
  constructor(
    readonly code: FeedbackRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedbackError';
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const refuse = (code: FeedbackRefusalCode, sheet?: number): FeedbackRefusal => ({ ok: false, code, ...(sheet === undefined ? {} : { sheet }) });

/** An empty feedback. */
export function emptyFeedback(): FeedbackValue {
  return { version: 1, items: [], suggestions: [] };
}

/** Is the feedback issued (签发), and so locked? */
export function isFeedbackIssued(value: unknown): boolean {
  return isObj(value) && typeof value['issuedAt'] === 'string' && value['issuedAt'] !== '';
}

/**
 * Read a value as a feedback: `null` when it is not one (not an object, `items` not a list of
 * items with an id and text, `suggestions` not a list of text). Unknown members are kept.
 */
export function readFeedback(value: unknown): FeedbackValue | null {
  if (!isObj(value)) return null;
  const items = value['items'] ?? [];
  const suggestions = value['suggestions'] ?? [];
  if (!Array.isArray(items) || !Array.isArray(suggestions)) return null;
  if (!suggestions.every((s) => typeof s === 'string')) return null;
  // Known members are text where given (a value shown as text must be text, never an object).
  const texts = (o: Record<string, unknown>, keys: readonly string[]) => keys.every((k) => o[k] === undefined || typeof o[k] === 'string');
  if (!texts(value, ['unit', 'round', 'feedbackDate', 'issuedAt', 'issuedBy'])) return null;
  const ids = new Set<string>();
  for (const it of items) {
    if (!isObj(it) || typeof it['id'] !== 'string' || !it['id'] || typeof it['text'] !== 'string' || ids.has(it['id'])) return null;
    if (!isObj(it['source']) || typeof it['focusArea'] !== 'string') return null;
    if (!texts(it, ['scope', 'basis', 'category', 'categoryId']) || !texts(it['source'], ['templateId', 'checkpointId', 'note', 'sheetNo', 'digest'])) return null;
    if (it['evidence'] !== undefined && (!Array.isArray(it['evidence']) || !it['evidence'].every((e) => isObj(e) && typeof e['title'] === 'string'))) return null;
    ids.add(it['id']);
  }
  return { ...value, version: 1, items: items as FeedbackItem[], suggestions: suggestions as string[] };
}

/** The items grouped by focus area, the groups in the order of their first item. */
export function groupFeedback(value: FeedbackValue): { focusArea: string; items: FeedbackItem[] }[] {
  const groups = new Map<string, FeedbackItem[]>();
  for (const it of value.items) {
    const list = groups.get(it.focusArea);
    if (list) list.push(it);
    else groups.set(it.focusArea, [it]);
  }
  return [...groups].map(([focusArea, items]) => ({ focusArea, items }));
}

/** How many items are 共性 (`common`), 个性 (`specific`) or neither. */
export function feedbackCounts(value: FeedbackValue): { problems: number; common: number; specific: number } {
  return {
    problems: value.items.length,
    common: value.items.filter((i) => i.scope === 'common').length,
    specific: value.items.filter((i) => i.scope === 'specific').length,
  };
}

/** The stable id of a problem: template, sheet (底稿编号, else the head of its fingerprint) and check point. */
export function feedbackItemId(templateId: string, sheetKey: string, checkpointId: string): string {
  return `${templateId}:${sheetKey}:${checkpointId}`;
}

/**
 * Draft the 反馈意见 from signed 底稿. Every sheet must be signed (审签) and still match its
 * fingerprint; the problems come in the order of the sheets and, in each, of the template. Each
 * item's text starts as the finding's description (else the check point's words). `previous`: an
 * earlier draft whose edits are kept (an item's text, the suggestions, the 反馈日期, unknown members)
 * for the items drafted again; an issued `previous` is returned unchanged. `unit` and `round` come
 * from the first sheet's head unless `previous` has them.
 */
export async function draftFeedback(
  sheets: readonly FeedbackSheet[],
  options: { lang?: string; previous?: FeedbackValue | null } = {},
): Promise<{ ok: true; value: FeedbackValue } | FeedbackRefusal> {
  const lang = options.lang ?? 'zh-CN';
  const prev = options.previous ? readFeedback(options.previous) : null;
  if (prev && isFeedbackIssued(prev)) return { ok: true, value: prev };
  if (!Array.isArray(sheets)) return refuse('value');
  const items: FeedbackItem[] = [];
  const seen = new Set<string>();
  for (const [i, sheet] of sheets.entries()) {
    const raw: unknown = sheet;
    if (!isObj(raw) || !isObj(raw['template']) || !Array.isArray(raw['template']['sections']) || !isObj(raw['response']) || !isObj(raw['response']['items'])) return refuse('value', i);
    const { template, response } = sheet;
    if (reviewOf(response).state !== 'signed' || !isObj(response.signature)) return refuse('unsigned', i);
    if (!(await verifyWorkpaper(response))) return refuse('tampered', i);
    if (str(response.templateId) !== template.id) return refuse('template', i);
    const no = str(isObj(response.header) ? response.header.no : '').trim();
    const key = no || str(response.signature.digest).slice(0, 12);
    if (seen.has(`${template.id}\u0000${key}`)) return refuse('duplicate', i);
    seen.add(`${template.id}\u0000${key}`);
    // The ledger's own reading of a finding (text, focus area, category, evidence, scope), so both agree.
    for (const r of toRectificationItems(template, response, { lang, now: '1970-01-01T00:00:00Z' })) {
      const cp = r.problem.source?.checkpointId ?? '';
      const answer = response.items[cp];
      const basis = str(answer?.basis).trim();
      const { text, focusArea, scope, category, categoryId, evidence } = r.problem;
      items.push({
        id: feedbackItemId(template.id, key, cp),
        focusArea: focusArea ?? '',
        ...(scope ? { scope } : {}),
        text,
        ...(basis ? { basis } : {}),
        ...(category ? { category } : {}),
        ...(categoryId ? { categoryId } : {}),
        ...(evidence?.length ? { evidence } : {}),
        source: {
          templateId: template.id,
          checkpointId: cp,
          ...(r.problem.source?.note ? { note: r.problem.source.note } : {}),
          ...(no ? { sheetNo: no } : {}),
          digest: str(response.signature.digest),
        },
      });
    }
  }
  const head = isObj(sheets[0]?.response.header) ? sheets[0]!.response.header : undefined;
  const unit = str(prev?.unit) || str(head?.unit);
  const round = str(prev?.round) || str(head?.round);
  const before = new Map((prev?.items ?? []).map((it) => [it.id, it]));
  const merged = items.map((it) => {
    const old = before.get(it.id);
    // An edit made in the earlier draft is kept; what comes from the sheet stays the sheet's.
    return old ? { ...old, ...it, text: old.text } : it;
  });
  const value: FeedbackValue = {
    ...(prev ?? {}),
    version: 1,
    ...(unit ? { unit } : {}),
    ...(round ? { round } : {}),
    items: merged,
    suggestions: prev?.suggestions ?? [],
  };
  return { ok: true, value };
}

const isDateTime = (at: unknown): at is string => typeof at === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(at) && !Number.isNaN(Date.parse(at));

/**
 * 签发: lock the feedback. `by` (the 组长's name) and `at` (RFC 3339, the caller's clock) are
 * recorded; `feedbackDate` (`YYYY-MM-DD`) sets the 反馈日期 (else the value's own is used). Refused:
 * `value`, `locked` (already issued), `name`, `time`, `date` (no valid 反馈日期), `text` (a problem
 * with empty text). Suggestions left empty are dropped.
 */
export function issueFeedback(value: unknown, options: { by: string; at: string; feedbackDate?: string }): { ok: true; value: FeedbackValue } | FeedbackRefusal {
  const v = readFeedback(value);
  if (!v) return refuse('value');
  if (isFeedbackIssued(v)) return refuse('locked');
  if (typeof options?.by !== 'string' || !options.by.trim()) return refuse('name');
  if (!isDateTime(options.at)) return refuse('time');
  const feedbackDate = options.feedbackDate ?? v.feedbackDate;
  if (!isDateKey(feedbackDate)) return refuse('date');
  if (v.items.some((it) => !it.text.trim())) return refuse('text');
  return {
    ok: true,
    value: { ...v, feedbackDate, suggestions: v.suggestions.map((s) => s.trim()).filter(Boolean), issuedAt: options.at, issuedBy: options.by.trim() },
  };
}

/**
 * May the feedback be saved as `after` when it was `before` (for a server, or anyone taking edits)?
 * Null when it may: anything while drafting (but not an issue without {@link issueFeedback}'s checks:
 * `after` issued needs `before` issued, else use issueFeedback), nothing once issued (`locked`).
 */
export function checkFeedbackEdit(before: unknown, after: unknown): FeedbackRefusal | null {
  const a = readFeedback(after);
  if (!a) return refuse('value');
  if (isFeedbackIssued(before)) return canonicalJson(before) === canonicalJson(after) ? null : refuse('locked');
  if (isFeedbackIssued(a)) {
    const checked = issueFeedback({ ...a, issuedAt: undefined, issuedBy: undefined }, { by: str(a.issuedBy), at: str(a.issuedAt) });
    return checked.ok ? null : checked;
  }
  return null;
}

/** The 整改情况报告's due date: `months` (default 2) calendar months after the 反馈日期, month-end safe. */
export function feedbackDueDate(feedbackDate: string, months = 2): string | undefined {
  return monthsAfter(feedbackDate, months);
}

/** The ledger id of a feedback item's 问题清单 entry. */
export function feedbackLedgerId(feedbackItemId: string): string {
  return `FK-${feedbackItemId}`;
}

/**
 * The 问题清单: one ledger item per problem of issued feedback. Each item's id is
 * {@link feedbackLedgerId} its feedback item's (so issuing or importing twice gives the same ids: a merge
 * that skips existing ids adds nothing), `feedbackItemId` links back, `problem.scope` carries
 * 共性/个性, and the deadline is the 反馈日期 plus `reportDueMonths` (default 2) months, month-end
 * safe; the clock of the traffic light starts on the 反馈日期. `by` and `at` sign the item's first
 * history entry (default: the issuer and the time of issue).
 * @throws {FeedbackError} `not-issued`, `value`, `date`, `months`.
 */
export function feedbackToItems(value: unknown, options: { reportDueMonths?: number; by?: string; at?: string; lang?: string } = {}): RectificationItem[] {
  const v = readFeedback(value);
  if (!v) throw new FeedbackError('value', 'Not a feedback value');
  if (!isFeedbackIssued(v)) throw new FeedbackError('not-issued', 'The 问题清单 is made from issued feedback only');
  const months = options.reportDueMonths ?? 2;
  if (!Number.isInteger(months) || months < 1 || months > 24) throw new FeedbackError('months', 'reportDueMonths must be a whole number of months from 1 to 24');
  const date = v.feedbackDate;
  const deadline = date ? monthsAfter(date, months) : undefined;
  if (!deadline) throw new FeedbackError('date', 'The feedback has no 反馈日期');
  const at = options.at ?? str(v.issuedAt);
  const by = options.by ?? str(v.issuedBy);
  return v.items.map((it) => {
    const src = it.source;
    const problem: RectificationItem['problem'] = {
      text: it.text,
      source: {
        ...(str(src.templateId) ? { templateId: src.templateId } : {}),
        ...(str(src.checkpointId) ? { checkpointId: src.checkpointId } : {}),
        ...(str(src.note) ? { note: src.note } : {}),
      },
      ...(it.focusArea ? { focusArea: it.focusArea } : {}),
      ...(str(it.category) ? { category: it.category } : {}),
      ...(str(it.categoryId) ? { categoryId: it.categoryId } : {}),
      ...(str(it.scope) ? { scope: it.scope } : {}),
      ...(Array.isArray(it.evidence) && it.evidence.length ? { evidence: it.evidence } : {}),
    };
    return {
      id: feedbackLedgerId(it.id),
      feedbackItemId: it.id,
      problem,
      measures: [],
      responsibility: {},
      kind: 'deadline',
      deadline,
      startedOn: date,
      status: 'not-started',
      progress: 0,
      evidence: [],
      history: [{ at, by, from: null, to: 'not-started' }],
    } satisfies RectificationItem;
  });
}

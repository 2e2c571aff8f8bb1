/**
 * The 工作底稿's 三级审核 (no DOM; usable on a server): 编制 (承办人) → 复核 (副组长) → 审签 (组长).
 *
 * A checklist response is the 底稿. Its `review` member records where the sheet is
 * (`state`) and every step taken (`steps`: who, in which role, when, with which opinion,
 * and for a return the comments pinned to check points). The steps:
 *
 * | from                   | action   | level (who)          | to          |
 * |------------------------|----------|----------------------|-------------|
 * | drafting, returned     | `submit` | preparer 承办人 (编制) | submitted   |
 * | submitted              | `review` | reviewer 副组长 (复核) | reviewed    |
 * | submitted              | `return` | reviewer 副组长 (退回) | returned    |
 * | reviewed               | `return` | leader 组长 (退回)     | returned    |
 * | reviewed               | `sign`   | leader 组长 (审签)     | signed      |
 *
 * Every other step is refused with a code (see {@link WorkpaperRefusal}). 审签 puts a
 * SHA-256 fingerprint on the sheet (`signature`, made by `fingerprint.ts` as for the
 * interview record): from then on the sheet is locked (every step and every edit refused)
 * and {@link verifyWorkpaper} tells whether it is still the sheet that was signed.
 *
 * Which provider roles (`<xc-provider user-role>`) act at which level is configurable
 * ({@link WorkpaperRoles}); by default `preparer`, `reviewer` and `leader`.
 */
import { sign, verify } from './fingerprint.js';
import { canonicalJson } from './draft.js';
import { isObj } from './obj.js';
import { reviewOf, type ChecklistResponse, type WorkpaperAction, type WorkpaperLevel, type WorkpaperState, type WorkpaperStep } from './checklist.js';

import { DEFAULT_WORKPAPER_ROLES, levelsOf, workpaperRoles, type WorkpaperRoles } from './team-roles.js';

export { DEFAULT_WORKPAPER_ROLES, levelsOf, workpaperRoles, type WorkpaperRoles };

/** One allowed step of the review. */
export interface WorkpaperEdge {
  from: readonly WorkpaperState[];
  action: WorkpaperAction;
  level: WorkpaperLevel;
  to: WorkpaperState;
}

/** The review's state machine: every allowed step (anything else is refused). */
export const WORKPAPER_STEPS: readonly WorkpaperEdge[] = Object.freeze([
  { from: ['drafting', 'returned'], action: 'submit', level: 'preparer', to: 'submitted' },
  { from: ['submitted'], action: 'review', level: 'reviewer', to: 'reviewed' },
  { from: ['submitted'], action: 'return', level: 'reviewer', to: 'returned' },
  { from: ['reviewed'], action: 'return', level: 'leader', to: 'returned' },
  { from: ['reviewed'], action: 'sign', level: 'leader', to: 'signed' },
] as const);

/** Every action, in the order of the review. */
export const WORKPAPER_ACTIONS: readonly WorkpaperAction[] = ['submit', 'review', 'return', 'sign'];

/**
 * Why a step was refused:
 * - `value`: not a checklist response (not an object, or `items` not an object);
 * - `locked`: the sheet is signed (审签) and takes no step and no edit;
 * - `action`: no such action;
 * - `state`: the action is not a step from the sheet's state (复核 of a sheet still being drafted…);
 * - `role`: the actor's role may not take this step;
 * - `name`: the actor has no name (every step is signed by name);
 * - `time`: `at` is not a date-time;
 * - `opinion`: 复核, 退回 and 审签 need an opinion;
 * - `comments`: a comment is not text, is empty, or is pinned to a check point the sheet does not have;
 * - `content`: (edits only) the sheet is with a reviewer: its content cannot change until it is returned;
 * - `invalid`: (not given by this module) the sheet does not pass validation, so it is not submitted:
 *   `<xc-checklist>` validates before 编制, and a server can do the same with `validateChecklist`.
 */
export type WorkpaperRefusalCode = 'value' | 'locked' | 'action' | 'state' | 'role' | 'name' | 'time' | 'opinion' | 'comments' | 'content' | 'invalid';

/** A refused step. */
export interface WorkpaperRefusal {
  ok: false;
  code: WorkpaperRefusalCode;
}

/** A step taken: the new response (the one given is not changed). */
export interface WorkpaperDone {
  ok: true;
  response: ChecklistResponse;
  state: WorkpaperState;
}

/** Who takes a step. */
export interface WorkpaperActor {
  /** The name signed on the step. */
  name: string;
  /** The provider role (`user-role`), mapped to a level by {@link WorkpaperRoles}. */
  role: string;
}

/** What a step says: the action, the opinion, and (for a return) comments by check point id. */
export interface WorkpaperStepInput {
  action: WorkpaperAction;
  opinion?: string;
  comments?: Record<string, string>;
}

/** Options of {@link reviewStep}. */
export interface WorkpaperOptions {
  /** Provider roles per level (defaults: {@link DEFAULT_WORKPAPER_ROLES}); a level left out keeps its default. */
  roles?: Partial<WorkpaperRoles>;
  /** The check point ids of the sheet's template: comments on other ids are refused (not checked when left out). */
  pointIds?: Iterable<string>;
}


/**
 * The state of a sheet: `signed` when it carries a signature (whatever its `review` says),
 * else `review.state`, else `drafting` (also for old responses without `review`).
 */
export function workpaperState(response: unknown): WorkpaperState {
  return reviewOf(response).state;
}

/** Is the sheet signed, and so locked? */
export function isWorkpaperLocked(response: unknown): boolean {
  return workpaperState(response) === 'signed';
}

/** May the content (header, answers) change in this state? Only while it is with its preparer: 编制中 or 已退回. */
export function isWorkpaperEditable(response: unknown): boolean {
  const s = workpaperState(response);
  return s === 'drafting' || s === 'returned';
}

/** The steps `role` may take on the sheet now, in the order of the review. */
export function allowedReviewActions(response: unknown, role: string | undefined, roles?: Partial<WorkpaperRoles>): WorkpaperAction[] {
  const state = workpaperState(response);
  const levels = levelsOf(role, roles);
  return WORKPAPER_ACTIONS.filter((a) => WORKPAPER_STEPS.some((e) => e.action === a && e.from.includes(state) && levels.includes(e.level)));
}

/** The refusal of a step, or the edge it takes (the checks of {@link reviewStep} without doing it). */
export function checkReviewStep(response: unknown, step: WorkpaperStepInput, actor: WorkpaperActor, at: string, options: WorkpaperOptions = {}): WorkpaperRefusal | { ok: true; edge: WorkpaperEdge; comments: Record<string, string> } {
  const refuse = (code: WorkpaperRefusalCode): WorkpaperRefusal => ({ ok: false, code });
  if (!isObj(response) || !isObj(response['items'])) return refuse('value');
  const state = workpaperState(response);
  if (state === 'signed') return refuse('locked');
  const action = isObj(step) ? step.action : undefined;
  if (!WORKPAPER_ACTIONS.includes(action as WorkpaperAction)) return refuse('action');
  const edges = WORKPAPER_STEPS.filter((e) => e.action === action && e.from.includes(state));
  if (!edges.length) return refuse('state');
  const levels = levelsOf(typeof actor?.role === 'string' ? actor.role : undefined, options.roles);
  const edge = edges.find((e) => levels.includes(e.level));
  if (!edge) return refuse('role');
  if (typeof actor.name !== 'string' || !actor.name.trim()) return refuse('name');
  if (typeof at !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(at) || Number.isNaN(Date.parse(at))) return refuse('time');
  const opinion = typeof step.opinion === 'string' ? step.opinion.trim() : '';
  if (action !== 'submit' && !opinion) return refuse('opinion');
  const comments: Record<string, string> = {};
  if (step.comments !== undefined) {
    if (!isObj(step.comments) || action !== 'return') return refuse('comments');
    const known = options.pointIds ? new Set(options.pointIds) : null;
    for (const [id, text] of Object.entries(step.comments)) {
      if (typeof text !== 'string' || !text.trim() || (known && !known.has(id))) return refuse('comments');
      Object.defineProperty(comments, id, { value: text.trim(), enumerable: true, writable: true, configurable: true });
    }
  }
  return { ok: true, edge, comments };
}

/**
 * Take one step of the review: `step.action` by `actor` at `at` (an RFC 3339 date-time, the
 * caller's clock). Returns the new response, with the step appended to `review.steps` and the
 * new `review.state`; for 审签 the response also carries `signature` (SHA-256 of the whole
 * sheet, the review with its 审签 step included). 编制 (submit) fills the head's empty 编制人
 * (`header.preparedBy`: the actor's name) and 编制日期 (`header.preparedOn`: the day of `at`).
 * Or a refusal with its code.
 */
export async function reviewStep(response: ChecklistResponse, step: WorkpaperStepInput, actor: WorkpaperActor, at: string, options: WorkpaperOptions = {}): Promise<WorkpaperDone | WorkpaperRefusal> {
  const checked = checkReviewStep(response, step, actor, at, options);
  if (!checked.ok) return checked;
  const { edge, comments } = checked;
  const entry: WorkpaperStep = {
    action: edge.action,
    level: edge.level,
    by: actor.name.trim(),
    role: actor.role,
    at,
    opinion: typeof step.opinion === 'string' ? step.opinion.trim() : '',
    ...(Object.keys(comments).length ? { comments } : {}),
  };
  const before = reviewOf(response);
  const next: ChecklistResponse = { ...response, review: { ...(isObj(response['review']) ? response['review'] : {}), state: edge.to, steps: [...before.steps, entry] } };
  // 编制 fills the head's 编制人 and 编制日期 when they were left empty: who submitted it, that day.
  if (edge.action === 'submit' && (response.header === undefined || isObj(response.header))) {
    const header: Record<string, unknown> = { ...(response.header ?? {}) };
    if (typeof header['preparedBy'] !== 'string' || !header['preparedBy'].trim()) header['preparedBy'] = entry.by;
    if (typeof header['preparedOn'] !== 'string' || !header['preparedOn']) header['preparedOn'] = at.slice(0, 10);
    next.header = header;
  }
  if (edge.to === 'signed') {
    const signed = await sign(next, at);
    return { ok: true, response: signed, state: 'signed' };
  }
  return { ok: true, response: next, state: edge.to };
}

/** Does a signed sheet still match its fingerprint? False for a sheet that is not signed. */
export function verifyWorkpaper(response: unknown): Promise<boolean> {
  return isObj(response) ? verify(response) : Promise.resolve(false);
}

/** The sheet without what only the review may change (`review`, `signature`), as canonical JSON. */
function contentOf(response: Record<string, unknown>): string {
  const { review: _r, signature: _s, ...rest } = response;
  return canonicalJson(rest);
}

/**
 * May a sheet be saved as `after` when it was `before` (for a server, or anyone that takes
 * edits)? Refused: any change to a signed sheet (`locked`); a change of content while the sheet
 * is with a reviewer (`content`); a change of `review` or `signature` that is not a step (`state`:
 * steps go through {@link reviewStep}). Null when the edit is allowed.
 */
export function checkWorkpaperEdit(before: unknown, after: unknown): WorkpaperRefusal | null {
  if (!isObj(after) || !isObj(after['items'])) return { ok: false, code: 'value' };
  if (!isObj(before)) return isWorkpaperEditable(after) && !('signature' in after) && reviewOf(after).steps.length === 0 ? null : { ok: false, code: 'state' };
  if (isWorkpaperLocked(before)) return canonicalJson(before) === canonicalJson(after) ? null : { ok: false, code: 'locked' };
  if (canonicalJson(before['review'] ?? null) !== canonicalJson(after['review'] ?? null) || 'signature' in after) return { ok: false, code: 'state' };
  if (!isWorkpaperEditable(before) && contentOf(before) !== contentOf(after)) return { ok: false, code: 'content' };
  return null;
}

/**
 * A sheet sent back after one step taken in the browser (`<xc-checklist>`'s `review()`): is `after`
 * exactly `before`, with the content edits its preparer may make, plus that one step, taken now by
 * `actor` (who the server knows is signed in: name and role)? Null when it is. Refused: `after`
 * is not `before` plus one step (`state`), the step is signed with another name (`name`), the
 * content changed where it may not (`content`, `locked`), any refusal of {@link reviewStep} for the
 * step, or a result (an 审签's fingerprint included) other than the one the step gives (`content`).
 */
export async function checkWorkpaperStep(before: unknown, after: unknown, actor: WorkpaperActor, options: WorkpaperOptions = {}): Promise<WorkpaperRefusal | null> {
  if (!isObj(after) || !isObj(after['items']) || !isObj(before)) return { ok: false, code: 'value' };
  const done = reviewOf(before).steps;
  const steps = reviewOf(after).steps;
  if (steps.length !== done.length + 1 || canonicalJson(steps.slice(0, -1)) !== canonicalJson(done)) return { ok: false, code: 'state' };
  const step = steps[steps.length - 1]!;
  if (step.by !== actor.name?.trim()) return { ok: false, code: 'name' };
  // The content as sent, with the review as it was: edits first (allowed only where the preparer may edit), then the step.
  const { review: _r, signature: _s, ...content } = after;
  const base: Record<string, unknown> = { ...content };
  if ('review' in before) base['review'] = before['review'];
  const edit = checkWorkpaperEdit(before, base);
  if (edit) return edit;
  const out = await reviewStep(base as ChecklistResponse, { action: step.action, opinion: step.opinion, ...(step.comments !== undefined ? { comments: step.comments } : {}) }, actor, step.at, options);
  if (!out.ok) return out;
  return canonicalJson(out.response) === canonicalJson(after) ? null : { ok: false, code: 'content' };
}

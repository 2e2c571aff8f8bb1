/**
 * The clue register (问题线索台账) of a round of 巡察 and the 移交 of its clues. Pure; no DOM
 * (usable on a server). Every clue of the round in one list, whatever its source (a checklist
 * finding flagged as clue, an interview, a petition, or registered directly), each linked back to
 * its source record; routing per 条例 §28 (纪检监察机关, or 组织部门 for 选人用人 / 民主集中制 /
 * 基层组织建设 problems); the 组长's approval before 移交; numbered batch 移交单; reply deadlines
 * with a traffic light; the receiver's 处置结果 recorded when it comes back.
 *
 * Per clue, the state machine:
 *
 * | from                   | action     | who             | to          |
 * |------------------------|------------|-----------------|-------------|
 * | registered 登记         | `propose`  | member or leader | proposed   |
 * | proposed 拟移交          | `withdraw` | member or leader | registered |
 * | proposed                | `approve`  | leader 组长      | approved   |
 * | proposed, approved      | `return`   | leader 组长      | registered |
 * | approved 组长已批准      | (移交单)   | member or leader | transferred (see {@link makeTransferSheet}) |
 * | transferred 已移交       | `reply`    | member or leader | replied    |
 *
 * Roles reuse the 工作底稿's mapping (src/core/workpaper.ts): the provider's `user-role`
 * `preparer` (承办人) and `reviewer` (副组长) are team members, `leader` (组长) is the leader;
 * a host maps its own role names with the same {@link WorkpaperRoles} object.
 *
 * The 反映人 never enters the register: whatever a source gives as reporter or petitioner is left
 * out when a clue is added, so the list, print and CSV cannot carry it (the source record keeps it,
 * with its own confidentiality). The JSON is described by schemas/clue-register.schema.json.
 */
import { extendLocale, resolveLocale, type Messages } from './i18n.js';
import clueRegisterZhCN, { type ClueRegisterMessages } from './locales/clue-register.zh-CN.js';
import { addMonths, isDateKey } from './date-key.js';
import { nextNumber, numberingPattern } from './numbering.js';

export { addMonths, nextNumber, numberingPattern };
import { csvText } from './csv.js';
import type { EvidenceRef } from './rectification-types.js';
import type { ClueEntry } from './checklist.js';
import type { InterviewClue } from './form-clues.js';
import type { PetitionClue } from './petition.js';
import { levelsOf, type WorkpaperRoles } from './team-roles.js';
import type { FieldError, ValidationResult } from './validation-types.js';
import { isObj } from './obj.js';

// The register's words join the registry with this module (pages without a register do not carry them).
extendLocale(clueRegisterZhCN, { en: () => import('./locales/clue-register.en.js') });

/** 登记 → 拟移交 → 组长已批准 → 已移交 → 已回复. */
export type ClueState = 'registered' | 'proposed' | 'approved' | 'transferred' | 'replied';
/** 纪检监察机关 / 组织部门 (条例 §28). */
export type ClueReceiver = 'discipline' | 'organisation';
/** The receiver's 处置结果: 谈话函询 / 初步核实 / 立案审查 / 暂存待查 / 予以了结. */
export type ClueDisposal = 'inquiry' | 'verification' | 'investigation' | 'hold' | 'closed';
/** The steps a person takes on one clue (the transfer itself is made by a 移交单). */
export type ClueAction = 'propose' | 'withdraw' | 'approve' | 'return' | 'transfer' | 'reply';
/** Where a clue came from. */
export type ClueSourceKind = 'checklist' | 'interview' | 'petition' | 'manual';

export const CLUE_STATES: readonly ClueState[] = ['registered', 'proposed', 'approved', 'transferred', 'replied'];
export const CLUE_RECEIVERS: readonly ClueReceiver[] = ['discipline', 'organisation'];
export const CLUE_DISPOSALS: readonly ClueDisposal[] = ['inquiry', 'verification', 'investigation', 'hold', 'closed'];
export const CLUE_SOURCE_KINDS: readonly ClueSourceKind[] = ['checklist', 'interview', 'petition', 'manual'];

/** The clue sheet's (schemas/templates/clue-sheet.json) 处置结果 values, by code. */
export const DISPOSAL_SHEET_VALUES: Readonly<Record<ClueDisposal, string>> = Object.freeze({
  inquiry: '谈话函询',
  verification: '初步核实',
  investigation: '立案审查',
  hold: '暂存待查',
  closed: '予以了结',
});

/** The default numbering of clues: `XS-2026-001`. */
export const DEFAULT_CLUE_PATTERN = 'XS-{yyyy}-{seq:3}';
/** The default numbering of 移交单: `YJ-2026-01`. */
export const DEFAULT_SHEET_PATTERN = 'YJ-{yyyy}-{seq:2}';
/** Months the receiver has to reply, by default. */
export const DEFAULT_REPLY_MONTHS = 3;
/** Days before the reply deadline the light turns yellow, by default. */
export const DEFAULT_WARN_DAYS = 14;

/** The link back to the source record. */
export interface ClueSourceLink {
  kind: ClueSourceKind;
  /** The record: a checklist template or response id, an interview record's number, a petition's id. */
  recordId?: string;
  /** The item in that record: a check point id, an interview problem. */
  itemId?: string;
  /** What people quote (a petition's number, an interview record's number), when it differs from the id. */
  label?: string;
}

/** One step taken on a clue. */
export interface ClueStep {
  action: ClueAction;
  role: string;
  name?: string;
  /** YYYY-MM-DD. */
  on: string;
  note?: string;
}

/** The receiver's answer. */
export interface ClueReply {
  disposal: ClueDisposal;
  /** YYYY-MM-DD. */
  on: string;
  note?: string;
}

/** One clue of the register. Unknown members are kept. */
export interface RegisterClue {
  /** Stable id, from the source link (the same source added twice is one clue). */
  id: string;
  /** 线索编号, from the register's pattern; never given twice. */
  number: string;
  source: ClueSourceLink;
  /** 线索来源 as the clue sheet words it (巡察中发现, 个别谈话, 信访举报…). */
  sourceLabel?: string;
  /** YYYY-MM-DD. */
  receivedOn?: string;
  mainProblem: string;
  /** 问题类别 (routes the clue: 选人用人 / 民主集中制 / 基层组织建设 go to the 组织部门). */
  category?: string;
  personConcerned?: { name?: string; unit?: string; post?: string };
  evidence?: EvidenceRef[];
  /** 处理建议: the team's own words. */
  suggestion?: string;
  /** 移交对象; when left out, {@link suggestReceiver} says where it goes. */
  receiver?: ClueReceiver;
  state: ClueState;
  /** The 移交单 that carried it. */
  sheetId?: string;
  transferredOn?: string;
  /** 回复期限, YYYY-MM-DD. */
  replyDue?: string;
  reply?: ClueReply;
  history?: ClueStep[];
  [extra: string]: unknown;
}

/** One 移交单: many clues handed over together. */
export interface TransferSheet {
  id: string;
  /** 移交单编号, from the register's pattern; never given twice. */
  number: string;
  receiver: ClueReceiver;
  /** The receiving body by name (e.g. 区纪委监委), when given. */
  receiverUnit?: string;
  /** YYYY-MM-DD. */
  date: string;
  /** 移交人. */
  transferor: string;
  /** 接收人. */
  recipient: string;
  clueIds: string[];
  /** 回复期限 of the sheet's clues. */
  replyDue: string;
  [extra: string]: unknown;
}

/** The whole register. Unknown members are kept. */
export interface ClueRegister {
  version: 1;
  round?: string;
  unit?: string;
  /** Numbering of clues (tokens {yyyy} {yy} {mm} {dd} {seq} {seq:N}), default `XS-{yyyy}-{seq:3}`. */
  numberPattern?: string;
  /** Numbering of 移交单, default `YJ-{yyyy}-{seq:2}`. */
  sheetPattern?: string;
  /** Months to reply after 移交 (default 3). */
  replyMonths?: number;
  clues: RegisterClue[];
  transfers: TransferSheet[];
  [extra: string]: unknown;
}

/** Who acts: the provider's role and a name for the history. */
export interface ClueActor {
  role: string;
  name?: string;
}

/** Why a step was refused. */
export type ClueRefusalCode = 'unknown' | 'state' | 'role' | 'receiver' | 'disposal' | 'date' | 'empty' | 'mixed-receiver' | 'names';

export type ClueStepResult = { ok: true; register: ClueRegister; clue: RegisterClue } | { ok: false; code: ClueRefusalCode };

type CM = Messages & ClueRegisterMessages;
/** The strings of `lang`, the register's included. */
export const clueRegisterMessages = (lang: string): CM => resolveLocale(lang) as CM;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const own = (o: object, k: unknown): boolean => typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k);

/** An empty register. */
export const emptyClueRegister = (): ClueRegister => ({ version: 1, clues: [], transfers: [] });

// --- Dates -----------------------------------------------------------------------------------

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
function daysBetween(a: string, b: string): number {
  const t = (k: string) => {
    const [y, m, d] = k.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** The register's reply period in months (a whole number from 1 to 24; default 3). */
export function replyMonthsOf(register: Pick<ClueRegister, 'replyMonths'> | null | undefined): number {
  const n = register?.replyMonths;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 24 ? n : DEFAULT_REPLY_MONTHS;
}

/** The traffic light of a clue's reply: none until transferred and after the reply. */
export type ReplyLight = 'green' | 'yellow' | 'red' | 'none';

/**
 * The reply light on `today` (YYYY-MM-DD, given by the caller, never the clock): red when the
 * deadline has passed without a reply, yellow within `warnDays` (default 14) of it, else green.
 */
export function replyLight(clue: Pick<RegisterClue, 'state' | 'replyDue'>, today: string, warnDays = DEFAULT_WARN_DAYS): ReplyLight {
  if (clue.state !== 'transferred' || !isDateKey(clue.replyDue) || !isDateKey(today)) return 'none';
  const left = daysBetween(today, clue.replyDue);
  return left < 0 ? 'red' : left <= warnDays ? 'yellow' : 'green';
}

/** How many transferred clues are past their reply deadline on `today`. */
export function overdueCount(clues: readonly RegisterClue[], today: string): number {
  let n = 0;
  for (const c of clues) if (replyLight(c, today) === 'red') n++;
  return n;
}

// --- Routing ---------------------------------------------------------------------------------

/** The problem areas the 条例 §28 sends to the 组织部门 (and the words that name them). */
export const ORGANISATION_TOPICS: readonly string[] = ['选人用人', '民主集中制', '基层组织建设', '基层党组织建设', '党支部建设', '基层党支部', '干部选拔任用', 'personnel selection', 'democratic centralism', 'grassroots organisation', 'grassroots party branch', 'branch-building'];

/**
 * Where a clue goes under 条例 §28: to the 组织部门 when its category (or, without one, its main
 * problem) concerns 选人用人, 民主集中制 or 基层组织建设; to the 纪检监察机关 otherwise. A clue's own
 * `receiver` overrides this (see {@link receiverOf}).
 */
export function suggestReceiver(clue: Pick<RegisterClue, 'category' | 'mainProblem'>): ClueReceiver {
  const text = (str(clue.category).trim() || str(clue.mainProblem)).toLowerCase();
  return ORGANISATION_TOPICS.some((w) => text.includes(w.toLowerCase())) ? 'organisation' : 'discipline';
}

/** The clue's receiver: its own, else the suggested one. */
export function receiverOf(clue: RegisterClue): ClueReceiver {
  return own(RECEIVER_KEYS, clue.receiver) ? clue.receiver! : suggestReceiver(clue);
}

// --- Adding clues ----------------------------------------------------------------------------

/** What a source gives for one clue. */
export interface ClueInput {
  source: ClueSourceLink;
  mainProblem: string;
  sourceLabel?: string;
  receivedOn?: string;
  category?: string;
  personConcerned?: { name?: string; unit?: string; post?: string };
  evidence?: EvidenceRef[];
  suggestion?: string;
  receiver?: ClueReceiver;
}

/** A short, stable fingerprint of a text (FNV-1a, 32 bits, hex): an interview problem's identity. */
function textKey(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The stable id of a source link (null for a manual clue: each is new). */
export function clueSourceKey(source: ClueSourceLink): string | null {
  if (source.kind === 'manual') return null;
  return [source.kind, str(source.recordId), str(source.itemId)].join(':');
}

/** Clue-flagged checklist findings (`toClueEntries`) as inputs; `recordId` names the response (default the template). */
export function cluesFromChecklist(entries: readonly ClueEntry[], recordId?: string): ClueInput[] {
  return entries.map((e) => ({
    source: { kind: 'checklist', recordId: recordId ?? str(e.sourceRef?.templateId), itemId: str(e.sourceRef?.checkpointId) },
    sourceLabel: str(e.source) || undefined,
    mainProblem: str(e.mainProblem),
    category: str(e['category']) || undefined,
    evidence: Array.isArray(e.evidence) ? e.evidence : undefined,
  }));
}

/** Problems of an interview record (`interviewToClues`) as inputs, each identified by its record and its text. */
export function cluesFromInterview(clues: readonly InterviewClue[], recordId?: string): ClueInput[] {
  return clues.map((c) => ({
    source: { kind: 'interview', recordId: recordId ?? str(c.sourceRef?.recordNo), itemId: textKey(str(c.mainProblem)) },
    sourceLabel: str(c.source) || undefined,
    mainProblem: str(c.mainProblem),
    receivedOn: c.receivedOn,
    personConcerned: c.personConcerned ? { name: str(c.personConcerned.name) } : undefined,
    evidence: Array.isArray(c.evidence) ? c.evidence.map((e) => ({ title: str(e.title), ...(e.ref ? { ref: e.ref } : {}) })) : undefined,
  }));
}

/** A petition turned into a clue (`petitionToClue`, or the detail of `xc-petition-to-clue`) as an input. */
export function clueFromPetition(detail: { clue: PetitionClue; entryId: string; category?: string }): ClueInput {
  const c = detail.clue;
  const ref = c.evidence?.[0]?.ref;
  return {
    source: { kind: 'petition', recordId: detail.entryId, ...(ref ? { label: str(ref) } : {}) },
    sourceLabel: str(c.source) || undefined,
    mainProblem: str(c.mainProblem),
    receivedOn: c.receivedOn,
    category: detail.category,
    personConcerned: c.personConcerned,
    evidence: c.evidence?.map((e) => ({ title: str(e.title), ...(e.ref ? { ref: e.ref } : {}) })),
  };
}

/** Only the members a register clue takes from an input: never a reporter or petitioner. */
function fromInput(input: ClueInput, id: string, number: string, today: string): RegisterClue {
  const clue: RegisterClue = { id, number, source: { kind: input.source.kind }, mainProblem: str(input.mainProblem).trim(), state: 'registered' };
  for (const k of ['recordId', 'itemId', 'label'] as const) if (str(input.source[k])) clue.source[k] = str(input.source[k]);
  if (str(input.sourceLabel)) clue.sourceLabel = str(input.sourceLabel);
  clue.receivedOn = isDateKey(input.receivedOn) ? input.receivedOn : today;
  if (str(input.category).trim()) clue.category = str(input.category).trim();
  const p = input.personConcerned;
  if (isObj(p) && (str(p.name).trim() || str(p.unit).trim())) {
    clue.personConcerned = {};
    for (const k of ['name', 'unit', 'post'] as const) if (str(p[k]).trim()) clue.personConcerned[k] = str(p[k]).trim();
  }
  if (Array.isArray(input.evidence) && input.evidence.length) clue.evidence = input.evidence.filter(isObj).map((e) => ({ ...e, title: str(e.title) }));
  if (str(input.suggestion).trim()) clue.suggestion = str(input.suggestion);
  if (own(RECEIVER_KEYS, input.receiver)) clue.receiver = input.receiver;
  return clue;
}

/**
 * Add clues to the register: each gets a number and a stable id from its source, and a source
 * already in the register (or twice in `inputs`) is skipped. `today` (YYYY-MM-DD) dates the
 * numbering and clues without a date received. The register given is not changed.
 */
export function addClues(register: ClueRegister, inputs: readonly ClueInput[], today: string): { register: ClueRegister; added: RegisterClue[]; skipped: number } {
  const ids = new Set(register.clues.map((c) => c.id));
  const numbers = register.clues.map((c) => c.number);
  const pattern = numberingPattern(register.numberPattern, DEFAULT_CLUE_PATTERN);
  const added: RegisterClue[] = [];
  let skipped = 0;
  for (const input of inputs) {
    if (!isObj(input) || !isObj(input.source) || !own(SOURCE_KEYS, input.source.kind) || !str(input.mainProblem).trim()) {
      skipped++;
      continue;
    }
    const key = clueSourceKey(input.source);
    if (key && ids.has(key)) {
      skipped++;
      continue;
    }
    const number = nextNumber(numbers, pattern, today);
    numbers.push(number);
    let id = key ?? `manual:${number}`;
    for (let i = 2; ids.has(id); i++) id = `${key ?? `manual:${number}`}~${i}`;
    ids.add(id);
    added.push(fromInput(input, id, number, today));
  }
  return { register: { ...register, clues: [...register.clues, ...added] }, added, skipped };
}

/** Change what the team writes of a clue (problem, category, person, 处理建议, receiver) while it is not yet transferred. */
export function editClue(register: ClueRegister, id: string, changes: Partial<Pick<RegisterClue, 'mainProblem' | 'category' | 'personConcerned' | 'suggestion' | 'receiver'>>): ClueStepResult {
  const clue = register.clues.find((c) => c.id === id);
  if (!clue) return { ok: false, code: 'unknown' };
  if (clue.state === 'transferred' || clue.state === 'replied') return { ok: false, code: 'state' };
  if (changes.receiver !== undefined && !own(RECEIVER_KEYS, changes.receiver)) return { ok: false, code: 'receiver' };
  const next: RegisterClue = { ...clue };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') delete next[k];
    else next[k] = v;
  }
  return { ok: true, clue: next, register: { ...register, clues: register.clues.map((c) => (c.id === id ? next : c)) } };
}

// --- The state machine -----------------------------------------------------------------------

/** Who may act: team members (组员) and the leader (组长). */
export type ClueLevel = 'member' | 'leader';

/** One allowed step. */
export interface ClueEdge {
  from: readonly ClueState[];
  action: ClueAction;
  levels: readonly ClueLevel[];
  to: ClueState;
}

/** Every allowed step (anything else is refused). */
export const CLUE_STEPS: readonly ClueEdge[] = Object.freeze([
  { from: ['registered'], action: 'propose', levels: ['member', 'leader'], to: 'proposed' },
  { from: ['proposed'], action: 'withdraw', levels: ['member', 'leader'], to: 'registered' },
  { from: ['proposed'], action: 'approve', levels: ['leader'], to: 'approved' },
  { from: ['proposed', 'approved'], action: 'return', levels: ['leader'], to: 'registered' },
  { from: ['approved'], action: 'transfer', levels: ['member', 'leader'], to: 'transferred' },
  { from: ['transferred'], action: 'reply', levels: ['member', 'leader'], to: 'replied' },
] as const);

/**
 * The levels a provider role acts at, through the 工作底稿's role mapping: `preparer` and
 * `reviewer` are members, `leader` is the leader (and may do what members do).
 */
export function clueLevelsOf(role: string | null | undefined, roles?: Partial<WorkpaperRoles>): ClueLevel[] {
  const levels = levelsOf(role, roles);
  const out: ClueLevel[] = [];
  if (levels.length) out.push('member');
  if (levels.includes('leader')) out.push('leader');
  return out;
}

/** The actions this role may take on this clue now. */
export function allowedClueActions(clue: Pick<RegisterClue, 'state'>, role: string | null | undefined, roles?: Partial<WorkpaperRoles>): ClueAction[] {
  const levels = clueLevelsOf(role, roles);
  return CLUE_STEPS.filter((s) => s.from.includes(clue.state) && s.levels.some((l) => levels.includes(l))).map((s) => s.action);
}

/** What a step says. */
export interface ClueStepInput {
  action: Exclude<ClueAction, 'transfer'>;
  /** YYYY-MM-DD: when the step is taken (for `reply`, the date of the reply). */
  on: string;
  note?: string;
  /** For `reply`: the 处置结果. */
  disposal?: ClueDisposal;
  /** For `propose`: the receiver (default the clue's own or the suggested one). */
  receiver?: ClueReceiver;
}

/** Check a step without taking it. */
function check(clue: RegisterClue | undefined, action: ClueAction, actor: ClueActor, roles?: Partial<WorkpaperRoles>): ClueRefusalCode | null {
  if (!clue) return 'unknown';
  const edge = CLUE_STEPS.find((s) => s.action === action && s.from.includes(clue.state));
  if (!edge) return 'state';
  const levels = clueLevelsOf(actor.role, roles);
  if (!edge.levels.some((l) => levels.includes(l))) return 'role';
  return null;
}

/**
 * Take one step on a clue (not `transfer`: that is {@link makeTransferSheet}). Refused with a code
 * when the state does not allow it, the role may not take it, a proposal has no valid receiver, or a
 * reply has no 处置结果 or a date before the transfer. The register given is not changed.
 */
export function clueStep(register: ClueRegister, id: string, step: ClueStepInput, actor: ClueActor, roles?: Partial<WorkpaperRoles>): ClueStepResult {
  const clue = register.clues.find((c) => c.id === id);
  if ((step.action as string) === 'transfer') return { ok: false, code: 'state' };
  const refused = check(clue, step.action, actor, roles);
  if (refused) return { ok: false, code: refused };
  if (!isDateKey(step.on)) return { ok: false, code: 'date' };
  const c = clue!;
  const to = CLUE_STEPS.find((s) => s.action === step.action && s.from.includes(c.state))!.to;
  const next: RegisterClue = { ...c, state: to };
  if (step.action === 'propose') {
    const receiver = step.receiver ?? receiverOf(c);
    if (!own(RECEIVER_KEYS, receiver)) return { ok: false, code: 'receiver' };
    next.receiver = receiver;
  }
  if (step.action === 'reply') {
    if (!own(DISPOSAL_KEYS, step.disposal)) return { ok: false, code: 'disposal' };
    if (isDateKey(c.transferredOn) && step.on < c.transferredOn) return { ok: false, code: 'date' };
    next.reply = { disposal: step.disposal!, on: step.on, ...(str(step.note).trim() ? { note: str(step.note) } : {}) };
  }
  next.history = [...(Array.isArray(c.history) ? c.history : []), stepOf(step.action, actor, step.on, step.note)];
  return { ok: true, clue: next, register: { ...register, clues: register.clues.map((x) => (x.id === id ? next : x)) } };
}

function stepOf(action: ClueAction, actor: ClueActor, on: string, note?: string): ClueStep {
  return { action, role: str(actor.role), ...(str(actor.name).trim() ? { name: str(actor.name).trim() } : {}), on, ...(str(note).trim() ? { note: str(note) } : {}) };
}

// --- 移交单 ----------------------------------------------------------------------------------

/** What a 移交单 needs. */
export interface TransferInput {
  clueIds: readonly string[];
  /** YYYY-MM-DD. */
  date: string;
  transferor: string;
  recipient: string;
  receiverUnit?: string;
}

export type TransferResult = { ok: true; register: ClueRegister; sheet: TransferSheet } | { ok: false; code: ClueRefusalCode; clueId?: string };

/**
 * Make one numbered 移交单 of many clues: only clues the 组长 approved, all to one receiver; each
 * becomes 已移交 with the sheet's date and a reply deadline `replyMonths` (default 3) after it. The
 * sheet is numbered by `sheetPattern` (default `YJ-{yyyy}-{seq:2}`), one above every number the
 * register has given, so no number is used twice. The register given is not changed.
 */
export function makeTransferSheet(register: ClueRegister, input: TransferInput, actor: ClueActor, roles?: Partial<WorkpaperRoles>): TransferResult {
  const ids = [...new Set(Array.isArray(input.clueIds) ? input.clueIds : [])];
  if (!ids.length) return { ok: false, code: 'empty' };
  if (!isDateKey(input.date)) return { ok: false, code: 'date' };
  if (!str(input.transferor).trim() || !str(input.recipient).trim()) return { ok: false, code: 'names' };
  const byId = new Map(register.clues.map((c) => [c.id, c]));
  let receiver: ClueReceiver | undefined;
  for (const id of ids) {
    const clue = byId.get(id);
    const refused = check(clue, 'transfer', actor, roles);
    if (refused) return { ok: false, code: refused, clueId: id };
    const r = receiverOf(clue!);
    if (receiver && r !== receiver) return { ok: false, code: 'mixed-receiver', clueId: id };
    receiver = r;
  }
  const number = nextNumber(
    (Array.isArray(register.transfers) ? register.transfers : []).map((s) => s.number),
    numberingPattern(register.sheetPattern, DEFAULT_SHEET_PATTERN),
    input.date,
  );
  const taken = new Set((register.transfers ?? []).map((s) => s.id));
  let sheetId = number;
  for (let i = 2; taken.has(sheetId); i++) sheetId = `${number}~${i}`;
  const replyDue = addMonths(input.date, replyMonthsOf(register));
  const sheet: TransferSheet = {
    id: sheetId,
    number,
    receiver: receiver!,
    ...(str(input.receiverUnit).trim() ? { receiverUnit: str(input.receiverUnit).trim() } : {}),
    date: input.date,
    transferor: str(input.transferor).trim(),
    recipient: str(input.recipient).trim(),
    clueIds: ids,
    replyDue,
  };
  const inSheet = new Set(ids);
  const clues = register.clues.map((c) =>
    inSheet.has(c.id)
      ? { ...c, state: 'transferred' as const, receiver: receiverOf(c), sheetId, transferredOn: input.date, replyDue, history: [...(Array.isArray(c.history) ? c.history : []), stepOf('transfer', actor, input.date, number)] }
      : c,
  );
  return { ok: true, sheet, register: { ...register, clues, transfers: [...(register.transfers ?? []), sheet] } };
}

// --- Labels, filters, counts -----------------------------------------------------------------

const STATE_KEYS: Record<ClueState, keyof ClueRegisterMessages> = {
  registered: 'crStateRegistered',
  proposed: 'crStateProposed',
  approved: 'crStateApproved',
  transferred: 'crStateTransferred',
  replied: 'crStateReplied',
};
const RECEIVER_KEYS: Record<ClueReceiver, keyof ClueRegisterMessages> = { discipline: 'crReceiverDiscipline', organisation: 'crReceiverOrganisation' };
const DISPOSAL_KEYS: Record<ClueDisposal, keyof ClueRegisterMessages> = {
  inquiry: 'crDisposalInquiry',
  verification: 'crDisposalVerification',
  investigation: 'crDisposalInvestigation',
  hold: 'crDisposalHold',
  closed: 'crDisposalClosed',
};
const SOURCE_KEYS: Record<ClueSourceKind, keyof ClueRegisterMessages> = { checklist: 'crSourceChecklist', interview: 'crSourceInterview', petition: 'crSourcePetition', manual: 'crSourceManual' };
const LIGHT_KEYS: Record<ReplyLight, keyof ClueRegisterMessages> = { green: 'crLightGreen', yellow: 'crLightYellow', red: 'crLightRed', none: 'crLightNone' };

const label = (keys: Record<string, keyof ClueRegisterMessages>, v: unknown, lang: string): string => (own(keys, v) ? String(clueRegisterMessages(lang)[keys[v as string]!]) : str(v));
/** 登记 / 拟移交…; an unknown code as it is. */
export const clueStateLabel = (v: unknown, lang: string) => label(STATE_KEYS, v, lang);
/** 纪检监察机关 / 组织部门; 未定 for none. */
export const clueReceiverLabel = (v: unknown, lang: string) => (v == null || v === '' ? clueRegisterMessages(lang).crReceiverNone : label(RECEIVER_KEYS, v, lang));
/** 谈话函询 / 初步核实…. */
export const clueDisposalLabel = (v: unknown, lang: string) => label(DISPOSAL_KEYS, v, lang);
/** 监督检查清单 / 个别谈话 / 信访举报 / 直接登记. */
export const clueSourceLabel = (v: unknown, lang: string) => label(SOURCE_KEYS, v, lang);
/** The light in words (绿灯：回复期限未到…), so it never depends on colour. */
export const replyLightLabel = (v: ReplyLight, lang: string) => label(LIGHT_KEYS, v, lang);

/** The origin of a clue in words: the kind and what people quote of the record. */
export function clueOriginText(clue: RegisterClue, lang: string): string {
  const s = clue.source ?? { kind: 'manual' };
  const ref = str(s.label) || str(s.recordId);
  const kind = clueSourceLabel(s.kind, lang);
  return s.kind === 'checklist' && str(s.itemId) ? `${kind} ${str(s.itemId)}` : ref && s.kind !== 'manual' ? `${kind} ${ref}` : kind;
}

/** What the list shows; every member optional. */
export interface ClueFilter {
  state?: ClueState;
  receiver?: ClueReceiver;
  /** Only clues past their reply deadline on `today`. */
  overdue?: boolean;
  query?: string;
}

/** The clues matching the filter (`today` for `overdue`). */
export function filterClues(clues: readonly RegisterClue[], filter: ClueFilter, today: string): RegisterClue[] {
  const words = str(filter.query).toLowerCase().split(/\s+/).filter(Boolean);
  return clues.filter((c) => {
    if (filter.state && c.state !== filter.state) return false;
    if (filter.receiver && receiverOf(c) !== filter.receiver) return false;
    if (filter.overdue && replyLight(c, today) !== 'red') return false;
    if (!words.length) return true;
    const hay = [c.number, c.mainProblem, c.category, c.personConcerned?.name, c.personConcerned?.unit, c.suggestion, c.source?.label, c.source?.recordId].map(str).join('\n').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Counts by state and receiver, and the overdue ones. */
export interface ClueCounts {
  total: number;
  byState: Record<ClueState, number>;
  byReceiver: Record<ClueReceiver, number>;
  overdue: number;
}

export function clueCounts(clues: readonly RegisterClue[], today: string): ClueCounts {
  const byState = Object.fromEntries(CLUE_STATES.map((s) => [s, 0])) as Record<ClueState, number>;
  const byReceiver = { discipline: 0, organisation: 0 } as Record<ClueReceiver, number>;
  let overdue = 0;
  for (const c of clues) {
    if (own(byState, c.state)) byState[c.state]++;
    byReceiver[receiverOf(c)]++;
    if (replyLight(c, today) === 'red') overdue++;
  }
  return { total: clues.length, byState, byReceiver, overdue };
}

// --- Validation and reading ------------------------------------------------------------------

/** What must be right in every clue: a main problem. Paths `clues.<index>.<field>`. */
export function validateClueRegister(register: ClueRegister, lang: string): ValidationResult {
  const t = clueRegisterMessages(lang);
  const errors: FieldError[] = [];
  register.clues.forEach((c, i) => {
    if (!str(c.mainProblem).trim()) errors.push({ path: `clues.${i}.mainProblem`, message: t.crClueError(str(c.number) || String(i + 1), t.crNeedProblem), keyword: 'required' });
  });
  return { valid: errors.length === 0, errors };
}

/** Why {@link readClueRegister} refused a value. */
export type ClueShapeError = 'not-object' | 'version' | 'clues' | 'transfers' | 'clue' | 'clue-id' | 'duplicate-id' | 'sheet';

/** A register that cannot be read: `code` says why, `message` says it in the language asked for. */
export class ClueRegisterError extends Error {
  constructor(
    readonly code: ClueShapeError | 'not-json',
    message: string,
    readonly index?: number,
  ) {
    super(message);
    this.name = 'ClueRegisterError';
  }
}

/**
 * Check that `value` has the shape the register needs to be shown (the full check is the schema's):
 * an object with `version: 1`, `clues` a list of objects with non-empty string ids (none twice) and a
 * known state, `transfers` (optional) a list of sheets with id, number and clueIds. A register
 * without `transfers` reads as one with none. Never throws.
 */
export function readClueRegister(value: unknown): { ok: true; register: ClueRegister } | { ok: false; error: ClueShapeError; index?: number; id?: string } {
  if (!isObj(value)) return { ok: false, error: 'not-object' };
  if (value['version'] !== 1) return { ok: false, error: 'version' };
  const clues = value['clues'];
  if (!Array.isArray(clues)) return { ok: false, error: 'clues' };
  const transfers = value['transfers'] ?? [];
  if (!Array.isArray(transfers)) return { ok: false, error: 'transfers' };
  const seen = new Set<string>();
  for (let i = 0; i < clues.length; i++) {
    const c: unknown = clues[i];
    if (!isObj(c) || !own(STATE_KEYS, c['state']) || !isObj(c['source'])) return { ok: false, error: 'clue', index: i };
    const id = c['id'];
    if (typeof id !== 'string' || !id) return { ok: false, error: 'clue-id', index: i };
    if (seen.has(id)) return { ok: false, error: 'duplicate-id', index: i, id };
    seen.add(id);
  }
  for (let i = 0; i < transfers.length; i++) {
    const s: unknown = transfers[i];
    if (!isObj(s) || typeof s['id'] !== 'string' || typeof s['number'] !== 'string' || !Array.isArray(s['clueIds'])) return { ok: false, error: 'sheet', index: i };
  }
  return { ok: true, register: (value['transfers'] ? value : { ...value, transfers: [] }) as unknown as ClueRegister };
}

/** The message of a shape error in `lang` (counted from 1). */
export function clueShapeMessage(r: { error: ClueShapeError; index?: number; id?: string }, lang: string): string {
  const t = clueRegisterMessages(lang);
  const n = (r.index ?? 0) + 1;
  switch (r.error) {
    case 'not-object':
      return t.crShapeNotObject;
    case 'version':
      return t.crShapeVersion;
    case 'clues':
      return t.crShapeClues;
    case 'transfers':
      return t.crShapeTransfers;
    case 'clue':
      return t.crShapeClue(n);
    case 'clue-id':
      return t.crShapeClueId(n);
    case 'duplicate-id':
      return t.crShapeDuplicate(str(r.id));
    case 'sheet':
      return t.crShapeSheet(n);
  }
}

/**
 * Read a register from JSON text (a leading BOM is skipped), keeping unknown members.
 * @throws {ClueRegisterError} with a message in `lang` saying what is wrong.
 */
export function parseClueRegister(text: string, lang = 'zh-CN'): ClueRegister {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ClueRegisterError('not-json', clueRegisterMessages(lang).crShapeNotJson((e as Error).message));
  }
  const r = readClueRegister(data);
  if (r.ok) return r.register;
  throw new ClueRegisterError(r.error, clueShapeMessage(r, lang), r.index);
}

/** The message of a refusal in `lang`. */
export function clueRefusalMessage(code: ClueRefusalCode | 'locked', lang: string): string {
  return clueRegisterMessages(lang).crRefused[code] ?? code;
}

// --- CSV ---------------------------------------------------------------------------------------

/** Options of {@link cluesToCsv}. */
export interface ClueCsvOptions {
  lang?: string;
  /** YYYY-MM-DD, for the light. */
  today: string;
  /** The clues to write (a filtered list), default all. */
  clues?: readonly RegisterClue[];
}

/** The columns of the register's exports, in order (the CSV's and the Excel workbook's). */
export const CLUE_TABLE_COLUMNS = [
  'number', 'source', 'sourceRecord', 'problem', 'category', 'concerned', 'suggestion', 'receiver',
  'state', 'sheet', 'transferredOn', 'replyDue', 'light', 'disposal', 'repliedOn', 'replyNote',
] as const;
/** One column of {@link CLUE_TABLE_COLUMNS}. */
export type ClueTableColumn = (typeof CLUE_TABLE_COLUMNS)[number];

/**
 * The clues as a table of texts, the one both exports write (CSV and Excel, so the two cannot
 * drift): `head` the column labels in the options' language (see {@link CLUE_TABLE_COLUMNS}), `rows`
 * one per clue, dates as `YYYY-MM-DD`, states, receivers, 处置结果 and the light in words. No 反映人
 * column: the register does not hold one.
 */
export function clueTable(register: ClueRegister, options: ClueCsvOptions): { head: string[]; rows: string[][] } {
  const lang = options.lang ?? 'zh-CN';
  const t = clueRegisterMessages(lang);
  const sheets = new Map((register.transfers ?? []).map((s) => [s.id, s.number]));
  const head = [
    t.crColNumber, t.crColSource, t.crColSourceRecord, t.crColProblem, t.crColCategory, t.crColConcerned, t.crColSuggestion, t.crColReceiver,
    t.crColState, t.crColSheet, t.crColTransferredOn, t.crColDue, t.crColLight, t.crColDisposal, t.crColRepliedOn, t.crColReplyNote,
  ];
  const rows = (options.clues ?? register.clues).map((c) => [
    str(c.number), str(c.sourceLabel) || clueSourceLabel(c.source?.kind, lang), clueOriginText(c, lang), str(c.mainProblem), str(c.category),
    [str(c.personConcerned?.name), str(c.personConcerned?.unit)].filter(Boolean).join(' '), str(c.suggestion), clueReceiverLabel(receiverOf(c), lang),
    clueStateLabel(c.state, lang), str(sheets.get(str(c.sheetId))), str(c.transferredOn), str(c.replyDue), replyLightLabel(replyLight(c, options.today), lang),
    c.reply ? clueDisposalLabel(c.reply.disposal, lang) : '', str(c.reply?.on), str(c.reply?.note),
  ]);
  return { head, rows };
}

/**
 * The clues as CSV for spreadsheets (the core's `csvText`: UTF-8 BOM, CRLF, formulas guarded), one row per clue, with
 * the light in words: the table of {@link clueTable}. No 反映人 column: the register does not hold one.
 */
export function cluesToCsv(register: ClueRegister, options: ClueCsvOptions): string {
  const { head, rows } = clueTable(register, options);
  return csvText([head, ...rows]);
}

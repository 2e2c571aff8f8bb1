/**
 * The petition register (信访件受理登记) of a 巡察组 while it is stationed: letters, calls, visits and
 * online reports, numbered, filtered, counted, exported, turned into clues or cited as evidence.
 * Pure; no DOM. The 反映人's identity is masked here, in the core, for every role the host does not
 * allow, so that nothing built on a masked view (the list, print, CSV, a clue) can carry it.
 * The JSON is described by schemas/petition-register.schema.json.
 */
import { extendLocale, resolveLocale, type Messages } from './i18n.js';
import petitionZhCN, { type PetitionMessages } from './locales/petition.zh-CN.js';
import { isDateKey } from './date-key.js';
import type { EvidenceRef } from './rectification-types.js';
import type { FieldError, ValidationResult } from './validation-types.js';
import { clueSources } from '../generated/clue-sources.js';
import { csvText } from './csv.js';
import { nextNumber, numberingPattern } from './numbering.js';
import { isObj } from './obj.js';

// The register's words join the registry with this module (pages without a register do not carry them).
extendLocale(petitionZhCN, { en: () => import('./locales/petition.en.js') });

/** 来信 / 来电 / 来访 / 网络 / 其他. */
export type PetitionSource = 'letter' | 'call' | 'visit' | 'online' | 'other';
/** 作为问题线索 / 转被巡察单位 / 转纪委 / 转组织部 / 转有关部门 / 留存参考. */
export type PetitionHandling = 'clue' | 'to-unit' | 'to-discipline' | 'to-organisation' | 'to-department' | 'file';

export const PETITION_SOURCES: readonly PetitionSource[] = ['letter', 'call', 'visit', 'online', 'other'];
export const PETITION_HANDLINGS: readonly PetitionHandling[] = ['clue', 'to-unit', 'to-discipline', 'to-organisation', 'to-department', 'file'];

/** The default numbering: `XF-2026-001`. */
export const DEFAULT_PETITION_PATTERN = 'XF-{yyyy}-{seq:3}';

/** One petition (信访件). Unknown members are kept on load-edit-save. */
export interface PetitionEntry {
  /** Stable internal id, unique in the register. */
  id: string;
  /** The number people quote (编号), from the register's pattern; never given twice. */
  number: string;
  source: PetitionSource;
  /** 收件日期, YYYY-MM-DD. */
  receivedOn: string;
  /** 匿名反映: no name or contact is kept. */
  anonymous?: boolean;
  /** 反映人 and how to reach them: confidential (保密). */
  petitioner?: { name?: string; contact?: string };
  /** 被反映人 / 被反映单位. */
  concerned?: { name?: string; unit?: string };
  /** 内容摘要. */
  summary: string;
  /** 问题类别, as people read it. */
  category?: string;
  /** 是否属巡察受理范围 (undefined: not decided yet). */
  inScope?: boolean;
  handling?: PetitionHandling;
  /** 转办日期, YYYY-MM-DD. */
  transferredOn?: string;
  /** 办理结果. */
  result?: string;
  /** 反馈 (to the petitioner). */
  feedback?: string;
  /** Set on a masked view only: the identity was left out for this role. Never stored. */
  identityMasked?: true;
  [extra: string]: unknown;
}

/** The whole register. Unknown members are kept. */
export interface PetitionRegister {
  version: 1;
  /** 被巡察单位. */
  unit?: string;
  /** 巡察轮次 / 巡察组. */
  round?: string;
  /** Numbering pattern, e.g. `XF-{yyyy}-{seq:3}` (tokens {yyyy} {yy} {mm} {dd} {seq} {seq:N}). */
  numberPattern?: string;
  entries: PetitionEntry[];
  /** Numbers of deleted petitions: kept so that no number is ever given twice. */
  retiredNumbers?: string[];
  [extra: string]: unknown;
}

/** Who is looking: the role in force and the roles the host allows to see identities. */
export interface PetitionViewer {
  role?: string | null;
  allowedRoles?: readonly string[] | null;
}

type PM = Messages & PetitionMessages;
/** The strings of `lang`, petition strings included. */
export const petitionMessages = (lang: string): PM => resolveLocale(lang) as PM;

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : typeof v === 'object' ? '' : String(v));

// --- Numbering -------------------------------------------------------------------------------

/** A usable pattern: the given one when it holds exactly one {seq}, else the default. */
export function petitionPattern(pattern: unknown): string {
  return numberingPattern(pattern, DEFAULT_PETITION_PATTERN);
}

/**
 * The number the next petition gets: the pattern (default `XF-{yyyy}-{seq:3}`) with the date's
 * year, month and day, and a sequence one above the highest of that year's (or month's…) numbers
 * in the register, deleted ones included, so no number is ever given twice.
 */
export function nextPetitionNumber(register: Pick<PetitionRegister, 'entries' | 'retiredNumbers'> | null | undefined, pattern: unknown, date: string): string {
  const taken: unknown[] = [];
  for (const e of Array.isArray(register?.entries) ? register!.entries : []) if (isObj(e)) taken.push(e['number']);
  if (Array.isArray(register?.retiredNumbers)) taken.push(...register!.retiredNumbers);
  return nextNumber(taken, petitionPattern(pattern), date);
}

/** The fields of a petition a person fills in (number and id are given by the register). */
export type PetitionInput = Partial<PetitionEntry> & Pick<PetitionEntry, 'source' | 'receivedOn' | 'summary'>;

/** Keep only what an entry may hold: an anonymous petition keeps no name or contact. */
function cleaned(e: PetitionEntry): PetitionEntry {
  const out: PetitionEntry = { ...e };
  delete out.identityMasked;
  if (out.anonymous) delete out.petitioner;
  return out;
}

/**
 * Register a petition: it gets the next number (from `date`, default its date received) and an id;
 * returns the new register (the old one is not changed) and the entry.
 */
export function addPetition(register: PetitionRegister, input: PetitionInput, date: string = input.receivedOn): { register: PetitionRegister; entry: PetitionEntry } {
  const number = nextPetitionNumber(register, register.numberPattern, date);
  const ids = new Set(register.entries.map((e) => e.id));
  let id = input.id && !ids.has(input.id) ? input.id : number;
  for (let i = 2; ids.has(id); i++) id = `${number}~${i}`;
  const entry = cleaned({ ...input, id, number } as PetitionEntry);
  return { register: { ...register, entries: [...register.entries, entry] }, entry };
}

/** Change a petition (its id and number stay); returns the new register. */
export function updatePetition(register: PetitionRegister, id: string, changes: Partial<PetitionEntry>): PetitionRegister {
  return {
    ...register,
    entries: register.entries.map((e) => (e.id === id ? cleaned({ ...e, ...changes, id: e.id, number: e.number }) : e)),
  };
}

/** Delete a petition; its number is retired (kept in `retiredNumbers`) and never given again. */
export function removePetition(register: PetitionRegister, id: string): PetitionRegister {
  const gone = register.entries.find((e) => e.id === id);
  if (!gone) return register;
  return {
    ...register,
    entries: register.entries.filter((e) => e !== gone),
    retiredNumbers: [...(register.retiredNumbers ?? []), gone.number],
  };
}

// --- Confidentiality -------------------------------------------------------------------------

/** Whether this viewer may see the 反映人's identity: only a role the host lists (none by default). */
export function identityVisible(viewer: PetitionViewer = {}): boolean {
  const role = viewer.role;
  return typeof role === 'string' && role !== '' && Array.isArray(viewer.allowedRoles) && viewer.allowedRoles.includes(role);
}

/**
 * The entry without the 反映人's name and contact (`identityMasked: true` says they were left out;
 * an anonymous entry has none to leave out). Members the register does not know are left out too:
 * a host's own member may hold anything.
 */
export function maskPetitioner(entry: PetitionEntry): PetitionEntry {
  const out: PetitionEntry = {
    id: entry.id,
    number: entry.number,
    source: entry.source,
    receivedOn: entry.receivedOn,
    summary: entry.summary,
  };
  for (const k of ['anonymous', 'concerned', 'category', 'inScope', 'handling', 'transferredOn', 'result', 'feedback'] as const) {
    if (entry[k] !== undefined) (out as Record<string, unknown>)[k] = entry[k];
  }
  if (!entry.anonymous) out.identityMasked = true;
  return out;
}

/**
 * The register as this viewer may see it: for a role not allowed, every entry masked
 * ({@link maskPetitioner}). The list, print, CSV and clues are all made from this view.
 */
export function petitionView(register: PetitionRegister, viewer: PetitionViewer = {}): { register: PetitionRegister; identityVisible: boolean } {
  const visible = identityVisible(viewer);
  if (visible) return { register, identityVisible: true };
  return { register: { ...register, entries: register.entries.map(maskPetitioner) }, identityVisible: false };
}

/** The 反映人 as a line of text: name and contact, 匿名, or （保密） when masked. */
export function petitionerText(entry: PetitionEntry, lang: string): { name: string; contact: string } {
  const t = petitionMessages(lang);
  if (entry.anonymous) return { name: t.petAnonymous, contact: '' };
  if (entry.identityMasked) return { name: t.petMasked, contact: t.petMasked };
  return { name: str(entry.petitioner?.name), contact: str(entry.petitioner?.contact) };
}

// --- Labels, filters and counts ----------------------------------------------------------------

const SOURCE_KEYS: Record<PetitionSource, keyof PetitionMessages> = {
  letter: 'petSourceLetter',
  call: 'petSourceCall',
  visit: 'petSourceVisit',
  online: 'petSourceOnline',
  other: 'petSourceOther',
};
const HANDLING_KEYS: Record<PetitionHandling, keyof PetitionMessages> = {
  clue: 'petHandlingClue',
  'to-unit': 'petHandlingUnit',
  'to-discipline': 'petHandlingDiscipline',
  'to-organisation': 'petHandlingOrganisation',
  'to-department': 'petHandlingDepartment',
  file: 'petHandlingFile',
};
const own = (o: object, k: unknown): boolean => typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k);

/** 来信 / Letter…; an unknown code as it is. */
export function petitionSourceLabel(source: unknown, lang: string): string {
  return own(SOURCE_KEYS, source) ? String(petitionMessages(lang)[SOURCE_KEYS[source as PetitionSource]]) : str(source);
}

/** 作为问题线索 / 转纪委…; 未定 when none; an unknown code as it is. */
export function petitionHandlingLabel(handling: unknown, lang: string): string {
  if (handling == null || handling === '' || handling === 'none') return petitionMessages(lang).petHandlingNone;
  return own(HANDLING_KEYS, handling) ? String(petitionMessages(lang)[HANDLING_KEYS[handling as PetitionHandling]]) : str(handling);
}

/** What the list shows. Every member is optional; `handling: 'none'` is the entries without one. */
export interface PetitionFilter {
  source?: string;
  category?: string;
  handling?: string;
  inScope?: 'yes' | 'no' | 'unknown';
  /** Words to find in the number, summary, person or unit concerned, category, outcome and feedback (and the petitioner's name where it is shown). */
  query?: string;
}

/**
 * The entries that match the filter. Give it a masked view's entries ({@link petitionView}): a
 * search for a masked petitioner's name then finds nothing, and so tells nothing.
 */
export function filterPetitions(entries: readonly PetitionEntry[], filter: PetitionFilter = {}): PetitionEntry[] {
  const words = str(filter.query).toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (filter.source && e.source !== filter.source) return false;
    if (filter.category !== undefined && filter.category !== '__all' && str(e.category).trim() !== filter.category) return false;
    if (filter.handling && (filter.handling === 'none' ? !!e.handling : e.handling !== filter.handling)) return false;
    if (filter.inScope && (filter.inScope === 'unknown' ? typeof e.inScope === 'boolean' : e.inScope !== (filter.inScope === 'yes'))) return false;
    if (!words.length) return true;
    const hay = [
      e.number,
      e.summary,
      e.concerned?.name,
      e.concerned?.unit,
      e.category,
      e.result,
      e.feedback,
      e.identityMasked || e.anonymous ? '' : e.petitioner?.name,
    ]
      .map(str)
      .join('\n')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Counts by 来源, 问题类别 ('' for none) and 处理方式 ('none' for none). */
export interface PetitionCounts {
  total: number;
  bySource: Record<string, number>;
  byCategory: Record<string, number>;
  byHandling: Record<string, number>;
}

/** How many petitions of each source, category and handling (in the entries given, e.g. a filtered list). */
export function petitionCounts(entries: readonly PetitionEntry[]): PetitionCounts {
  const bySource: Record<string, number> = Object.create(null);
  const byCategory: Record<string, number> = Object.create(null);
  const byHandling: Record<string, number> = Object.create(null);
  const add = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  for (const e of entries) {
    add(bySource, str(e.source));
    add(byCategory, str(e.category).trim());
    add(byHandling, str(e.handling) || 'none');
  }
  return { total: entries.length, bySource, byCategory, byHandling };
}

// --- Validation and reading ------------------------------------------------------------------

/** What a person must get right in one petition; paths relative to the entry. */
export function validatePetitionEntry(entry: Partial<PetitionEntry>, lang: string): FieldError[] {
  const t = petitionMessages(lang);
  const errors: FieldError[] = [];
  if (!own(SOURCE_KEYS, entry.source)) errors.push({ path: 'source', message: t.petNeedSource, keyword: 'required' });
  if (!entry.receivedOn) errors.push({ path: 'receivedOn', message: t.petNeedDate, keyword: 'required' });
  else if (!isDateKey(entry.receivedOn)) errors.push({ path: 'receivedOn', message: t.petBadDate, keyword: 'format' });
  if (!entry.anonymous && !str(entry.petitioner?.name).trim()) errors.push({ path: 'petitioner.name', message: t.petNeedPetitioner, keyword: 'required' });
  if (!str(entry.summary).trim()) errors.push({ path: 'summary', message: t.petNeedSummary, keyword: 'required' });
  if (entry.transferredOn) {
    if (!isDateKey(entry.transferredOn)) errors.push({ path: 'transferredOn', message: t.petBadDate, keyword: 'format' });
    else if (isDateKey(entry.receivedOn) && entry.transferredOn < entry.receivedOn) errors.push({ path: 'transferredOn', message: t.petTransferBeforeReceived, keyword: 'minimum' });
  }
  return errors;
}

/** Every entry's errors, paths `entries.<index>.<field>`, messages naming the petition's number. */
export function validatePetitionRegister(register: PetitionRegister, lang: string): ValidationResult {
  const t = petitionMessages(lang);
  const errors: FieldError[] = [];
  register.entries.forEach((e, i) => {
    for (const err of validatePetitionEntry(e, lang)) errors.push({ ...err, path: `entries.${i}.${err.path}`, message: t.petEntryError(str(e.number) || String(i + 1), err.message) });
  });
  return { valid: errors.length === 0, errors };
}

/** Why {@link readPetitionRegister} refused a value. */
export type PetitionShapeError = 'not-object' | 'version' | 'entries' | 'entry' | 'entry-id' | 'duplicate-id';

/** A register that cannot be read: `code` says why, `message` says it in the language asked for. */
export class PetitionError extends Error {
  constructor(
    readonly code: PetitionShapeError | 'not-json',
    message: string,
    readonly index?: number,
  ) {
    super(message);
    this.name = 'PetitionError';
  }
}

/**
 * Check that `value` has the shape the register needs to be shown: an object with `version: 1` and
 * an `entries` list of objects with non-empty string ids, no id twice (the full check is the
 * schema's). Never throws.
 */
export function readPetitionRegister(value: unknown): { ok: true; register: PetitionRegister } | { ok: false; error: PetitionShapeError; index?: number; id?: string } {
  if (!isObj(value)) return { ok: false, error: 'not-object' };
  if (value['version'] !== 1) return { ok: false, error: 'version' };
  const entries = value['entries'];
  if (!Array.isArray(entries)) return { ok: false, error: 'entries' };
  const seen = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e: unknown = entries[i];
    if (!isObj(e)) return { ok: false, error: 'entry', index: i };
    const id = e['id'];
    if (typeof id !== 'string' || !id) return { ok: false, error: 'entry-id', index: i };
    if (seen.has(id)) return { ok: false, error: 'duplicate-id', index: i, id };
    seen.add(id);
  }
  return { ok: true, register: value as unknown as PetitionRegister };
}

/** The message of a shape error in `lang` (entries counted from 1). */
export function petitionShapeMessage(r: { error: PetitionShapeError; index?: number; id?: string }, lang: string): string {
  const t = petitionMessages(lang);
  const n = (r.index ?? 0) + 1;
  switch (r.error) {
    case 'not-object':
      return t.petShapeNotObject;
    case 'version':
      return t.petShapeVersion;
    case 'entries':
      return t.petShapeEntries;
    case 'entry':
      return t.petShapeEntry(n);
    case 'entry-id':
      return t.petShapeEntryId(n);
    case 'duplicate-id':
      return t.petShapeDuplicate(str(r.id));
  }
}

/**
 * Read a register from JSON text (a leading BOM is skipped), keeping unknown members.
 * @throws {PetitionError} with a message in `lang` saying what is wrong.
 */
export function parsePetitionRegister(text: string, lang = 'zh-CN'): PetitionRegister {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new PetitionError('not-json', petitionMessages(lang).petShapeNotJson((e as Error).message));
  }
  const r = readPetitionRegister(data);
  if (r.ok) return r.register;
  throw new PetitionError(r.error, petitionShapeMessage(r, lang), r.index);
}

// --- CSV ---------------------------------------------------------------------------------------

/** Options of {@link petitionsToCsv}. */
export interface PetitionCsvOptions extends PetitionViewer {
  lang?: string;
  /** The entries to write (a filtered list), default all of the register's. They are masked here again. */
  entries?: readonly PetitionEntry[];
}

/** The columns of the register's exports, in order (the CSV's and the Excel workbook's). */
export const PETITION_TABLE_COLUMNS = [
  'number', 'source', 'receivedOn', 'petitioner', 'contact', 'concernedName', 'concernedUnit',
  'summary', 'category', 'inScope', 'handling', 'transferredOn', 'result', 'feedback',
] as const;
/** One column of {@link PETITION_TABLE_COLUMNS}. */
export type PetitionTableColumn = (typeof PETITION_TABLE_COLUMNS)[number];

/** The table both exports of the register write: column keys, their labels, and one row of texts per petition. */
export interface PetitionTable {
  /** {@link PETITION_TABLE_COLUMNS}: what each column holds. */
  columns: readonly PetitionTableColumn[];
  /** The columns' labels in the language asked for. */
  head: string[];
  rows: string[][];
}

/**
 * The register as a table of texts, the one both exports write (CSV and Excel, so the two cannot
 * drift): `head` the column labels in the options' language (`columns` says which is which),
 * `rows` one per petition, dates as `YYYY-MM-DD`, sources, handlings and 是/否 in words. The 反映人
 * is masked here unless the viewer's role is allowed, whatever entries are given.
 */
export function petitionTable(register: PetitionRegister, options: PetitionCsvOptions = {}): PetitionTable {
  const lang = options.lang ?? 'zh-CN';
  const t = petitionMessages(lang);
  const visible = identityVisible(options);
  const entries = (options.entries ?? register.entries).map((e) => (visible ? e : maskPetitioner(e)));
  const yesNo = (v: unknown) => (v === true ? t.petYes : v === false ? t.petNo : t.petUnknown);
  const head = [
    t.petColNumber, t.petColSource, t.petColReceivedOn, t.petColPetitioner, t.petColContact, t.petColConcerned, t.petColConcernedUnit,
    t.petColSummary, t.petColCategory, t.petColInScope, t.petColHandling, t.petColTransferredOn, t.petColResult, t.petColFeedback,
  ];
  const rows = entries.map((e) => {
    const who = petitionerText(e, lang);
    return [
      str(e.number), petitionSourceLabel(e.source, lang), str(e.receivedOn), who.name, who.contact, str(e.concerned?.name), str(e.concerned?.unit),
      str(e.summary), str(e.category), yesNo(e.inScope), petitionHandlingLabel(e.handling, lang), str(e.transferredOn), str(e.result), str(e.feedback),
    ];
  });
  return { columns: PETITION_TABLE_COLUMNS, head, rows };
}

/**
 * The register as CSV for spreadsheets (UTF-8 BOM, CRLF, formulas guarded), one row per petition,
 * with the 反映人 masked unless the viewer's role is allowed: the table of {@link petitionTable}.
 */
export function petitionsToCsv(register: PetitionRegister, options: PetitionCsvOptions = {}): string {
  const { head, rows } = petitionTable(register, options);
  return csvText([head, ...rows]);
}

// --- Hand-offs ---------------------------------------------------------------------------------

/** A clue-sheet value (schemas/templates/clue-sheet.json) made from a petition. */
export interface PetitionClue {
  source: string;
  receivedOn?: string;
  mainProblem: string;
  personConcerned?: { name: string; unit?: string };
  reporter?: { name: string };
  evidence: { title: string; kind?: string; ref: string }[];
  [extra: string]: unknown;
}

/**
 * A petition as a pre-filled `<xc-clue-sheet>` value: source 信访举报, the date received, the
 * summary as main problem, the person and unit concerned, the petition cited (number) as its
 * supporting document. The 反映人 goes with it only when the viewer may see the identity (and the
 * petition is not anonymous); clue number and handling are for the team.
 */
export function petitionToClue(entry: PetitionEntry, options: PetitionViewer & { lang?: string } = {}): PetitionClue {
  const e = identityVisible(options) ? entry : maskPetitioner(entry);
  const t = petitionMessages(options.lang ?? 'zh-CN');
  const clue: PetitionClue = { source: clueSources.petition, mainProblem: str(e.summary).trim(), evidence: [{ title: t.petEvidenceTitle(str(e.number)), ref: str(e.number) }] };
  if (isDateKey(e.receivedOn)) clue.receivedOn = e.receivedOn;
  const name = str(e.concerned?.name).trim();
  const unit = str(e.concerned?.unit).trim();
  if (name || unit) clue.personConcerned = { name, ...(unit ? { unit } : {}) };
  const reporter = !e.anonymous && !e.identityMasked ? str(e.petitioner?.name).trim() : '';
  if (reporter) clue.reporter = { name: reporter };
  return clue;
}

/**
 * A petition cited as evidence of a check point or ledger item: its number and the start of its
 * summary, kind `petition` (the bundled checklist's 信访件), never the 反映人.
 */
export function petitionAsEvidence(entry: PetitionEntry, lang = 'zh-CN'): EvidenceRef {
  const summary = str(entry.summary).trim();
  const short = summary.length > 40 ? `${summary.slice(0, 40)}…` : summary;
  const t = petitionMessages(lang);
  return { title: short ? t.petEvidenceWithSummary(str(entry.number), short) : t.petEvidenceTitle(str(entry.number)), kind: 'petition', ref: str(entry.number) };
}

/** Types of the rectification ledger (整改台账). The JSON is described by schemas/rectification-ledger.schema.json. */

/**
 * 未启动 → 整改中 → 待验收 → 已销号 (and 待验收 → 整改中 when verification fails). A 长期坚持 item may
 * also reach 阶段性完成 (`stage-reached`: a stage reached, still being worked on) from 整改中.
 */
export type RectificationStatus = 'not-started' | 'in-progress' | 'stage-reached' | 'pending-verification' | 'closed';

/** 立行立改 / 限期整改 / 长期坚持. */
export type RectificationKind = 'immediate' | 'deadline' | 'ongoing';

/** Where a problem came from: a check point of a checklist response. */
export interface ProblemSource {
  templateId?: string;
  checkpointId?: string;
  /** Free text such as 个别谈话 or 信访, when not from a checklist. */
  note?: string;
}

import type { AttachmentRef } from './attachment-types.js';

/** A piece of evidence (a document, record or link). */
export interface EvidenceRef {
  title: string;
  kind?: string;
  /** An identifier (文号) or an http(s)/relative link. */
  ref?: string;
  /** An attached file (photo, scan, document): a reference to bytes kept in an attachment store. */
  file?: AttachmentRef;
  /** The original photo, stored as well as the downscaled one in `file` when the host's limits say `keepOriginal`. */
  original?: AttachmentRef;
}

/** One step of the history; history is append-only. */
export interface HistoryEntry {
  /** ISO date-time. */
  at: string;
  /** Who did it (name or user id). */
  by: string;
  role?: string;
  /** null for the entry that created the item. */
  from: RectificationStatus | null;
  to: RectificationStatus;
  comment?: string;
}

/** One measure (任务清单 entry) with, optionally, its own 责任人 and 时限 (责任清单). */
export interface Measure {
  id: string;
  text: string;
  done?: boolean;
  /** Who carries it out (责任人). */
  person?: string;
  /** Its own deadline (时限), `YYYY-MM-DD`. */
  deadline?: string;
  /** The local date it was done, `YYYY-MM-DD`. */
  doneOn?: string;
}

/**
 * One field edit, on the item's append-only change log (`changes`): who, when, in which role,
 * which field (`path`: the member, then a member of an object or the id of a measure, or the
 * index of an appended piece of evidence), the value before (absent: there was none) and after
 * (absent: removed). Made by `diffItem` / `editItem`.
 */
export interface FieldChange {
  /** ISO date-time. */
  at: string;
  by: string;
  role?: string;
  path: string[];
  before?: unknown;
  after?: unknown;
}

/** The office's answer to a request for 延期. */
export interface ExtensionDecision {
  /** ISO date-time. */
  at: string;
  by: string;
  role?: string;
  approved: boolean;
  comment?: string;
}

/** A request for 延期 (a later deadline), made by the unit, decided by the office. */
export interface ExtensionRequest {
  /** Unique among the item's requests. */
  id: string;
  /** ISO date-time of the request. */
  at: string;
  by: string;
  role?: string;
  /** The deadline asked for, `YYYY-MM-DD`. */
  deadline: string;
  reason: string;
  /** Absent while the request waits for the office. */
  decision?: ExtensionDecision;
}

/** One party's 验收 signature on an item (append-only: a later one of the same party supersedes). */
export interface AcceptanceSignature {
  /** The party's id (see {@link AcceptanceParty}). */
  party: string;
  /** The signer's name as signed: always the user who recorded it (`by`). */
  name: string;
  /** The date signed, `YYYY-MM-DD`: from the day the item went to 待验收 to the day recorded. */
  date: string;
  opinion: string;
  passed: boolean;
  /** ISO date-time it was recorded, and by which user and role. */
  at: string;
  by: string;
  role?: string;
}

/** A party that takes part in 验收 (e.g. 巡察办, 巡察组, 主管部门), named by the ledger. */
export interface AcceptanceParty {
  id: string;
  name: string;
  /** Roles whose users may sign for it (default: `office`). */
  roles?: string[];
  /** When given, only these users (by name, as history entries name them) may sign for it. */
  signers?: string[];
  /** Whether 销号 waits for its passing signature (default true). */
  required?: boolean;
}

/** One item of the ledger: the 问题清单, 任务清单 and 责任清单 entries of one problem. */
export interface RectificationItem {
  id: string;
  problem: {
    text: string;
    source?: ProblemSource;
    /** Focus area title (聚焦…). */
    focusArea?: string;
    /** Problem category as people read it (the label in the template's taxonomy). */
    category?: string;
    /** The category's id in the template's taxonomy, when the item came from a checklist. */
    categoryId?: string;
    /** 共性/个性: the id of the finding's scope in the checklist template (`common` / `specific` in the bundled one). */
    scope?: string;
    /** Evidence of the problem as found (the finding's 佐证材料); `evidence` of the item is evidence of completion. */
    evidence?: EvidenceRef[];
  };
  measures: Measure[];
  responsibility: { leader?: string; department?: string; person?: string };
  kind: RectificationKind;
  /** ISO date (YYYY-MM-DD); required for 限期整改. */
  deadline?: string;
  /** ISO date the clock for the traffic light starts (defaults to the first history entry). */
  startedOn?: string;
  status: RectificationStatus;
  /** 0–100. */
  progress: number;
  evidence: EvidenceRef[];
  verifier?: string;
  closedAt?: string;
  history: HistoryEntry[];
  /** Append-only log of field edits (absent in ledgers made before it). */
  changes?: FieldChange[];
  /** Requests for 延期 and their decisions, oldest first. */
  extensions?: ExtensionRequest[];
  /** 验收 signatures, oldest first. */
  acceptance?: AcceptanceSignature[];
  [extra: string]: unknown;
}

/** The whole ledger. Unknown members are kept on load-edit-save. */
export interface RectificationLedger {
  version: 1;
  title?: string;
  unit?: string;
  items: RectificationItem[];
  /** The parties of 验收; 销号 waits until every required one has passed (none: as before, the office alone). */
  acceptanceParties?: AcceptanceParty[];
  [extra: string]: unknown;
}

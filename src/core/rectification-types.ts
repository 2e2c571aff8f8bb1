/** Types of the rectification ledger (整改台账). The JSON is described by schemas/rectification-ledger.schema.json. */

/** 未启动 → 整改中 → 待验收 → 已销号 (and 待验收 → 整改中 when verification fails). */
export type RectificationStatus = 'not-started' | 'in-progress' | 'pending-verification' | 'closed';

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
    /** Evidence of the problem as found (the finding's 佐证材料); `evidence` of the item is evidence of completion. */
    evidence?: EvidenceRef[];
  };
  measures: { id: string; text: string; done?: boolean }[];
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
  [extra: string]: unknown;
}

/** The whole ledger. Unknown members are kept on load-edit-save. */
export interface RectificationLedger {
  version: 1;
  title?: string;
  unit?: string;
  items: RectificationItem[];
  [extra: string]: unknown;
}

/**
 * The ledger's figures for a dashboard (counts, completion rate, overdue by department, completion
 * over time). A module of its own: the ledger element counts them with its summary charts, which
 * load after the first frame, so the page's first load does not carry this.
 */
import type { HistoryEntry, RectificationItem, RectificationKind, RectificationStatus } from '../rectification-types.js';
import { KINDS, STATUSES } from './workflow.js';
import { isOverdue, toDateKey, trafficLight, type TrafficLight } from './dates.js';
import { asList, asText } from './values.js';
import { zhCollator } from './views.js';

/** Figures for a ledger dashboard. */
export interface LedgerSummary {
  total: number;
  byStatus: Record<RectificationStatus, number>;
  byKind: Record<RectificationKind, number>;
  byLight: Record<TrafficLight, number>;
  /** Number of closed (销号) items. */
  closed: number;
  /** Number of 长期坚持 items at 阶段性完成 (counted apart from closed ones). */
  stageReached: number;
  /** closed / total, 0–1 (0 for an empty ledger). */
  completionRate: number;
  /** Number of overdue items. */
  overdue: number;
  /** Overdue items per responsible department (`''` when none is named), most first, then by name. */
  overdueByDepartment: { department: string; count: number }[];
  /**
   * Closings per local date, ascending, with the running total: from each closed item's last
   * history entry to `closed` (or its `closedAt` when the history has none).
   */
  completionOverTime: { date: string; closed: number; cumulative: number }[];
}

/** Counts, completion rate, overdue items by department and completion over time of `items` on `today`. */
export function ledgerSummary(items: readonly RectificationItem[], today: Date | string | number = new Date()): LedgerSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<RectificationStatus, number>;
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<RectificationKind, number>;
  const byLight: Record<TrafficLight, number> = { green: 0, yellow: 0, red: 0, none: 0 };
  const overdueDept = new Map<string, number>();
  const closings = new Map<string, number>();
  let overdue = 0;
  for (const item of items) {
    // `in` would convert a non-string member (an object without toString) and throw.
    if (typeof item.status === 'string' && STATUSES.includes(item.status)) byStatus[item.status]++;
    if (typeof item.kind === 'string' && KINDS.includes(item.kind)) byKind[item.kind]++;
    byLight[trafficLight(item, today)]++;
    if (isOverdue(item, today)) {
      overdue++;
      const dept = asText(item.responsibility?.department).trim();
      overdueDept.set(dept, (overdueDept.get(dept) ?? 0) + 1);
    }
    if (item.status === 'closed') {
      const last = [...asList(item.history)].reverse().find((h) => (h as HistoryEntry | null)?.to === 'closed') as HistoryEntry | undefined;
      const date = toDateKey(last?.at) ?? toDateKey(item.closedAt);
      if (date) closings.set(date, (closings.get(date) ?? 0) + 1);
    }
  }
  const coll = zhCollator();
  const overdueByDepartment = [...overdueDept]
    .map(([department, count]) => ({ department, count }))
    .sort((a, b) => b.count - a.count || coll.compare(a.department, b.department));
  let cumulative = 0;
  const completionOverTime = [...closings.keys()].sort().map((date) => {
    const closed = closings.get(date)!;
    cumulative += closed;
    return { date, closed, cumulative };
  });
  const total = items.length;
  return {
    total,
    byStatus,
    byKind,
    byLight,
    closed: byStatus.closed,
    stageReached: byStatus['stage-reached'],
    completionRate: total ? byStatus.closed / total : 0,
    overdue,
    overdueByDepartment,
    completionOverTime,
  };
}


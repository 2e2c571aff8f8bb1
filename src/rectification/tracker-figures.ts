/**
 * The ledger element's figures (the summary and the list of departments for the filter), as a
 * reactive controller. They follow the ledger: at once when a small ledger is given, else after
 * the first frame; after a change, once typing pauses, so that a change costs its one row only;
 * and again when "today" moves on.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { departmentsOf } from '../core/rectification/views.js';
import type { LedgerSummary } from '../core/rectification/summary.js';

/** The counting of the figures (core/rectification/summary.ts), given once it has loaded with the charts. */
export type Summariser = (items: RectificationLedger['items'], today: string) => LedgerSummary;
import type { RectificationLedger } from '../core/rectification-types.js';

/** Up to this many items, the summary and form value are ready with the first frame; above, they follow it. */
export const SYNC_LIMIT = 300;

/** What the controller needs of the ledger element. */
export interface FiguresHost extends ReactiveControllerHost {
  readonly shownLedger: RectificationLedger | null;
  /** Today as `YYYY-MM-DD`. */
  readonly today: string;
}

export class TrackerFigures implements ReactiveController {
  /** The figures shown, or null (not counted yet, or the ledger could not be counted). */
  summary: LedgerSummary | null = null;
  /** The departments named in the ledger, sorted. */
  departments: string[] = [];
  private summarise: Summariser | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private countedFor = '';
  private gen = 0;

  constructor(private readonly host: FiguresHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The counting has loaded (with the summary's charts): count now. */
  useSummariser(fn: Summariser): void {
    if (this.summarise === fn) return;
    this.summarise = fn;
    this.gen++;
    this.count();
  }

  /** Count again: `initial` for a ledger just given (at once when small, else after the first frame), else after a pause. */
  later(initial = false): void {
    clearTimeout(this.timer);
    const n = this.host.shownLedger?.items.length ?? 0;
    const gen = ++this.gen;
    if (initial && n <= SYNC_LIMIT) this.count();
    // After the first frame has shown the table (the frame after it computes the figures).
    else if (initial) requestAnimationFrame(() => requestAnimationFrame(() => gen === this.gen && this.count()));
    else this.timer = setTimeout(() => this.count(), n <= SYNC_LIMIT ? 100 : 300);
  }

  /**
   * Called in the element's `willUpdate`: the clock (or the provider's fixed "today") may have
   * changed since the figures were counted; recount in this update, so no frame shows figures of
   * another day and `updateComplete` covers the recount.
   */
  followToday(): void {
    if (this.summary && this.countedFor !== this.host.today) {
      clearTimeout(this.timer);
      this.gen++;
      this.count();
    }
  }

  private count(): void {
    const ledger = this.host.shownLedger;
    const items = ledger?.items ?? [];
    this.countedFor = this.host.today;
    try {
      this.summary = ledger && this.summarise ? this.summarise(items, this.countedFor) : null;
    } catch {
      // Malformed members (a number where text belongs) break no view: validation reports them.
      this.summary = null;
    }
    const depts = departmentsOf(items);
    if (depts.join('\u0000') !== this.departments.join('\u0000')) this.departments = depts;
    this.host.requestUpdate();
  }
}

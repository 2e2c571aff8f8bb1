/**
 * What the ledger's table shows, as a reactive controller of the tracker: the filters and the
 * sort a person chose, the ids of the matching items in order, and how many of them are rendered
 * — a page size (grown by "show more"), of which the first rows come with the first frame and the
 * rest in chunks after it (the base's ChunkedRender: timers, so a background tab completes too),
 * so a long ledger never blocks the page. The tracker
 * calls `refresh()` in every update and reads the rest while rendering; the view asks the tracker
 * for an update whenever any of it changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ChunkedRender } from '../base/chunks.js';
import { filterItems, type ItemFilter, type SortDirection, sortItemsBy, type TrackerSortKey } from '../core/rectification/views.js';
import type { RectificationItem, RectificationKind, RectificationStatus } from '../core/rectification-types.js';

/** Rows rendered before the first frame; the rest follow in chunks, one task each. */
const FIRST_CHUNK = 40;
const CHUNK = 250;

/** The filters a person can set from the toolbar. */
export interface LedgerFilters {
  status: RectificationStatus | '';
  department: string;
  kind: RectificationKind | '';
  overdueOnly: boolean;
  query: string;
}

export class LedgerView implements ReactiveController {
  /** The filters in force. Change them with `set()`. */
  readonly filters: LedgerFilters = { status: '', department: '', kind: '', overdueOnly: false, query: '' };
  /** The sort in force (null: the ledger's own order). */
  sort: { key: TrackerSortKey; dir: SortDirection } | null = null;
  /** Ids of the matching items, in the order shown. */
  visible: string[] = [];
  /** Grows whenever `visible` is computed anew (a fresh table body). */
  version = 0;
  /** Rows rendered now (grown by the chunks). */
  get renderLimit(): number {
    return this.chunks.limit;
  }
  set renderLimit(n: number) {
    this.chunks.limit = n;
  }
  /** How many of the matching rows may be shown (page size, grown by "show more"). */
  shownLimit = Infinity;

  private key = '';
  /** Keep the rows shown (page, "show more") through the next refresh: the ledger changed under the person, not the view. */
  private keep = false;
  private readonly chunks: ChunkedRender;

  constructor(private readonly host: ReactiveControllerHost & { readonly hasUpdated: boolean }) {
    host.addController(this);
    this.chunks = new ChunkedRender(host, FIRST_CHUNK, CHUNK);
  }

  /** Set some filters (from the toolbar); the table follows at the next update. */
  set(patch: Partial<LedgerFilters>): void {
    Object.assign(this.filters, patch);
    this.host.requestUpdate();
  }

  /** Sort by a column: ascending first, then descending. */
  sortBy(key: TrackerSortKey): void {
    const dir: SortDirection = this.sort?.key === key && this.sort?.dir === 'asc' ? 'desc' : 'asc';
    this.sort = { key, dir };
    this.host.requestUpdate();
  }

  /** Whether any filter is set. */
  get filtering(): boolean {
    const f = this.filters;
    return !!(f.status || f.department || f.kind || f.overdueOnly || f.query.trim());
  }

  /** Rows to render in the end: the matches, up to the page limit. */
  get target(): number {
    return Math.min(this.visible.length, this.shownLimit);
  }

  /**
   * Called in every update of the tracker: computes the matches anew when the ledger (its
   * `listVersion`), the page size, a filter, the sort or — for "overdue only" — the day changed.
   */
  refresh(items: readonly RectificationItem[], listVersion: number, pageSize: number, today: string): void {
    const f = this.filters;
    const key = [listVersion, pageSize, f.status, f.department, f.kind, f.overdueOnly, f.query.trim(), this.sort?.key, this.sort?.dir, f.overdueOnly ? today : ''].join('\u0001');
    if (key === this.key) return;
    this.key = key;
    const filter: ItemFilter = {};
    if (f.status) filter.status = f.status;
    if (f.kind) filter.kind = f.kind;
    if (f.department) filter.department = f.department;
    if (f.overdueOnly) filter.overdue = true;
    if (f.query.trim()) filter.text = f.query;
    let list = items;
    try {
      if (Object.keys(filter).length) list = filterItems(items, filter, today);
      if (this.sort) list = sortItemsBy(list, this.sort.key, this.sort.dir);
    } catch {
      // A malformed member (which validation reports) must not leave the table empty.
    }
    this.visible = list.map((i) => i.id);
    this.version++;
    const kept = this.keep ? this.shownLimit : 0;
    const keptRows = this.keep ? this.renderLimit : 0;
    this.keep = false;
    this.shownLimit = Math.max(pageSize > 0 ? pageSize : Infinity, kept);
    this.renderLimit = Math.min(Math.max(FIRST_CHUNK, keptRows), this.visible.length, this.shownLimit);
    this.scheduleChunks();
  }

  /** Render the rest of the rows up to the target in chunks. */
  scheduleChunks(): void {
    this.chunks.grow(this.target);
  }

  /** The next refresh keeps the rows shown so far (a version saved elsewhere arrived). */
  keepPage(): void {
    this.keep = true;
  }

  /** Every matching row, beyond the page size too (before printing); true when rows were added. */
  renderAll(): boolean {
    this.stop();
    this.shownLimit = Infinity;
    if (this.renderLimit >= this.visible.length) return false;
    this.renderLimit = this.visible.length;
    return true;
  }

  /** Show `count` more rows (or all); returns the id of the first new row. */
  showMore(count: number): string | undefined {
    const before = this.target;
    const first = this.visible[before];
    this.shownLimit = count === Infinity ? Infinity : before + count;
    // Everything up to the first chunk of the new rows now (earlier rows may still be on their way).
    this.renderLimit = Math.min(this.target, before + Math.min(count, CHUNK));
    this.host.requestUpdate();
    this.scheduleChunks();
    return first;
  }

  private stop(): void {
    this.chunks.stop();
  }

  hostConnected(): void {
    if (this.host.hasUpdated) this.scheduleChunks();
  }

  hostDisconnected(): void {
    this.stop();
  }
}

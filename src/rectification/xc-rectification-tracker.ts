import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { XcFormElement } from '../base/form-element.js';
import { defineElement } from '../base/define.js';
import { DraftController } from '../base/draft-controller.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { StickyOffsetController } from '../base/sticky-offset.js';
import type { ChecklistResponse, ChecklistTemplate } from '../core/checklist.js';
import type { FieldError, JsonSchema, ValidationResult } from '../core/validation-types.js';
import {
  createItem,
  ledgerSummary,
  localDateKey,
  newItemId,
  RectificationError,
  toCsv,
  toJson,
  transition,
  updateItem,
  type LedgerSummary,
  type RectificationItem,
  type RectificationLedger,
  type RectificationRole,
  type RectificationStatus,
} from '../core/rectification.js';
import {
  departmentsOf,
  mergeNewItems,
  readLedgerObject,
  toRole,
  type LedgerShapeError,
} from '../core/rectification-extra.js';
// Imported for its effect too: the rows are rendered by the tracker itself, so their element must be
// defined with it (a type-only import would leave them out of a bundle's tracker chunk).
import './xc-rectification-row.js';
import type { XcRectificationRow, RowOpenDetail } from './xc-rectification-row.js';
import type { XcRectificationDetail, TrackerActions, PendingAction } from './xc-rectification-detail.js';
import { itemNumber, roleLabel } from './labels.js';
import { adoptStyles } from './adopt-styles.js';
import './locale.js';
import { trackerStyles } from './xc-rectification-tracker.styles.js';
import { lazy } from '../base/lazy.js';
import { PendingStore } from './pending.js';
import { validateLedger, type SchemaCheck } from './tracker-validation.js';
import { LedgerView } from './ledger-view.js';
import { renderMore, renderToolbar } from './tracker-toolbar.js';
import { renderBody, renderHead } from './tracker-table.js';
import type { ConflictView } from './tracker-sync.js';
import type { MergeConflict } from '../core/ledger-merge.js';
import { loadLocale } from '../core/i18n.js';
import { canonicalJson, isPromiseLike } from '../core/draft.js';

/** Up to this many items, the summary and form value are ready with the first frame; above, they follow it. */
const SYNC_LIMIT = 300;

/**
 * The ledger schema (`schemas/rectification-ledger.schema.json`) carries no titles or
 * `x-xc-messages`; the tracker writes its own field names into messages, so the validator's
 * translated messages need no schema lookups.
 */
const NO_SCHEMA: JsonSchema = {};

import type { TransitionEventDetail, ExportEventDetail } from '../events/index.js';
export type { TransitionEventDetail, ExportEventDetail };

/** What {@link XcRectificationTracker.receiveRemote} did with a version saved elsewhere. */
export type RemoteOutcome = 'applied' | 'merged' | 'conflict';

/** A conflict being shown, with the three versions it came from. */
interface OpenConflict extends ConflictView {
  base: RectificationLedger | null;
  mine: RectificationLedger;
  theirs: RectificationLedger;
  merged: RectificationLedger;
  /**
   * Which side is the ledger shown while the banner waits, and so goes on taking the person's typing:
   * `mine` for a stale save or a clashing remote change, `theirs` when a kept copy is being got back.
   */
  live: 'mine' | 'theirs';
}

/** A shallow copy that later edits (which replace items, never change them in place) do not reach. */
const snapshot = (l: RectificationLedger): RectificationLedger => ({ ...l, items: [...l.items] });
const membersOf = (l: RectificationLedger | null) => (l ? canonicalJson({ ...l, items: undefined }) : '');

/** What {@link XcRectificationTracker.importFindings} did. */
export interface ImportResult {
  /** Ids of the items added. */
  added: string[];
  /** Ids of findings left out because the ledger already has an item with that id. */
  skipped: string[];
}

/** The "changed by someone else" banner, the merge and their strings, loaded the first time they are needed. */
type SyncModule = typeof import('./tracker-sync.js');
const loadSync: () => Promise<SyncModule> = lazy(() => import('./tracker-sync.js'));

/** The printed 附件清单: a small chunk loaded after the first frame, the list itself only when the record has files. */
const loadPrintFiles = lazy(() => import('../attachments/print-hook.js'));
let printFiles: typeof import('../attachments/print-hook.js') | undefined;

/** Load (and register) the detail panel once. */
const loadDetail: () => Promise<unknown> = lazy(() => import('./xc-rectification-detail.js'));

/** Load (and register) the summary charts once, with their styles. */
const loadSummary: () => Promise<string> = lazy(() =>
  Promise.all([import('./xc-rectification-summary.js'), import('./xc-rectification-summary.styles.js')]).then(([, m]) => m.summaryStyles),
);

/**
 * The rectification ledger: the inspected unit and the inspection office follow
 * each problem found by a tour through not started → in progress → awaiting verification → closed — the problem,
 * its measures (the task list), who is responsible (the responsibility list), kind and deadline with a traffic
 * light, progress, evidence, and an append-only history of every status change.
 *
 * The role comes from the context (`<xc-provider user-role="unit|office|viewer">`) or the
 * `user-role` attribute: the unit fills measures, responsibility, progress and evidence and
 * submits for verification; the office edits everything, verifies and closes or sends
 * back; a viewer (and `readonly`) only reads. What a role may not do is not offered, and the
 * core refuses it too. "Today" comes from the context's clock (`<xc-provider today=…>`).
 *
 * It takes part in native forms: the ledger is submitted as JSON under `name`.
 *
 * With a server (see `bindLedger` of `xc-elements/client`): a `value` given by the host is the saved
 * version; `unsyncedItemIds` says what the person changed since (`markItemSynced` after each save);
 * `showConflict(theirs)` shows "changed by someone else" after a stale save (merge or reload, nothing
 * typed lost) and `receiveRemote(theirs)` takes another party's change.
 *
 * @customElement xc-rectification-tracker
 * @tag xc-rectification-tracker
 *
 * @fires xc-change - The ledger changed. `detail: { value: RectificationLedger, itemId: string | null, reason: 'edit' | 'transition' | 'add' | 'import' | 'restore' }` (`value` is read lazily).
 * @fires xc-transition - An item changed status. `detail: { itemId, from, to, entry }` (`entry` is the history entry appended).
 * @fires xc-export - An export is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'json' | 'csv', filename, text }`.
 * @fires xc-submit - `submit()` found the ledger valid. `detail: { value }`.
 * @fires xc-invalid - Validation failed on submit. `detail: { errors: {path, message, keyword}[] }`.
 *
 * @slot header - Shown under the title (e.g. the round and the inspection team).
 * @slot actions - Extra buttons in the toolbar (e.g. the host's own import or save).
 *
 * @csspart summary - The summary section with figures and charts.
 * @csspart toolbar - The sticky bar with filters, search, grouping and export.
 * @csspart table - The scrolling box that holds the table.
 * @csspart detail - The dialog with one item's details.
 * @csspart error-summary - The error summary shown on failed submit.
 * @csspart draft-banner - Draft restore / storage notices.
 * @csspart conflict-banner - "Changed by someone else": the conflicts, merge and reload (see `showConflict`), and the notice that a copy of the person's changes was kept; also a save the server refused (see `showRefused`).
 * @csspart sync-status - How many items' saves wait for the network (see `showPending`).
 *
 * @cssprop --xc-font-family - Font family (system fonts only by default).
 * @cssprop --xc-font-size - Base font size (raise it for large-text, senior-friendly pages).
 * @cssprop --xc-color-primary - Main accent colour (buttons).
 * @cssprop --xc-color-text - Text colour.
 * @cssprop --xc-color-muted - Hint text colour.
 * @cssprop --xc-color-surface - Background.
 * @cssprop --xc-color-surface-alt - Background of bars, headers and banners.
 * @cssprop --xc-color-border - Border colour of controls and cells.
 * @cssprop --xc-color-error - Error colour.
 * @cssprop --xc-color-focus - Focus ring colour.
 * @cssprop --xc-color-success - Green of the traffic light and closed items.
 * @cssprop --xc-color-warning - Yellow of the traffic light.
 * @cssprop --xc-color-danger - Red of the traffic light (overdue).
 * @cssprop --xc-sticky-top - Offset of the sticky toolbar (below a portal's fixed header).
 * @cssprop --xc-table-max-height - Height of the scrolling table box (default 70vh); its header row stays in view.
 */
export class XcRectificationTracker extends XcFormElement implements TrackerActions {
  static override styles = [tokens, trackerStyles];

  /**
   * The role acting (`unit`, `office`, `viewer`), overriding the context's. Not `role`: that
   * attribute belongs to ARIA. Unknown or missing roles are `viewer`.
   */
  @property({ attribute: 'user-role' }) userRole = '';

  /** Fraction (0–1) of the time from start to deadline from which the traffic light turns yellow. */
  @property({ type: Number, attribute: 'yellow-threshold' }) yellowThreshold = 0.5;

  /** Group the table by focus area. */
  @property({ type: Boolean, reflect: true }) grouped = false;

  /**
   * Rows shown at first (and added by "show more"); the rest of the matches are a button away.
   * A table's layout costs every row it holds, so a long ledger stays quick to change this way.
   * `0` shows every row (rendered in chunks). Printing always shows every row.
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 200;

  /** Filters, sort, matches and how many rows are rendered (see ledger-view.ts). */
  private _view = new LedgerView(this);
  @state() private _listVersion = 0;
  @state() private _summary: LedgerSummary | null = null;
  @state() private _departments: string[] = [];
  @state() private _openId: string | null = null;
  @state() private _loadError: { error: LedgerShapeError; index?: number; id?: string } | null = null;
  @state() private _announce = '';
  /** "Changed by someone else" being shown. */
  @state() private _conflict: OpenConflict | null = null;
  /** The person's changes set aside by a reload, to be got back. */
  @state() private _kept: { base: RectificationLedger | null; mine: RectificationLedger } | null = null;
  /** A save the server refused (see `showRefused`). */
  @state() private _refused: { itemId: string; reasons: { code: string; message?: string }[] } | null = null;
  /** How many items' saves wait for the network (see `showPending`). */
  @state() private _pendingSaves = 0;
  /** The ledger as last saved elsewhere (the server): what the person's changes are measured from. */
  private _baseline: RectificationLedger | null = null;
  private _conflictReturn: HTMLElement | null = null;

  private _ledger: RectificationLedger | null = { version: 1, items: [] };
  private _raw: unknown = null;
  private _initial: unknown = undefined;
  private _byId = new Map<string, RectificationItem>();
  private _indexOf = new Map<string, number>();
  private _rows = new Map<string, XcRectificationRow>();
  private _syncTimer: ReturnType<typeof setTimeout> | undefined;
  private _summaryTimer: ReturnType<typeof setTimeout> | undefined;
  private _returnFocus: HTMLElement | null = null;
  private _summaryToday = '';
  private _summaryGen = 0;

  constructor() {
    super();
    // Heights of the sticky toolbar and table header, for scroll margins: focus scrolls in below them, not under them.
    new StickyOffsetController(
      this,
      [
        { selector: '.toolbar', property: '--_xc-bar-h' },
        { selector: 'table.ledger thead th', property: '--_xc-head-h' },
      ],
      '.table-wrap, .more',
    );
  }

  private _drafts = new DraftController(this, {
    storage: () => this.env.drafts,
    value: () => this._ledger ?? this._raw,
    // Edits the core refused so far are typing too: they are saved beside the ledger.
    unsaved: {
      get: () => this._pending.toJson(),
      restore: (u) => this._pending.restore(u),
    },
    now: () => this.env.now(),
  });

  /** The ledger `{version: 1, title?, unit?, items: [...]}`. Unknown members of the ledger and its items are kept. */
  @property({ attribute: false })
  get value(): RectificationLedger | null {
    if (!this._ledger) return (this._raw as RectificationLedger | null) ?? null;
    return { ...this._ledger, items: [...this._ledger.items] };
  }
  set value(v: RectificationLedger | null) {
    const old = this.value;
    if (this._initial === undefined) this._initial = v;
    this._adopt(v);
    // A value given by the host is what was saved: the person's changes are counted from it.
    this._baseline = this._ledger ? snapshot(this._ledger) : null;
    this.requestUpdate('value', old);
  }

  override get formValue(): unknown {
    return this._ledger ?? this._raw;
  }

  override isEmpty(): boolean {
    return !this._ledger || this._ledger.items.length === 0;
  }

  /** The role in force: `viewer` when read-only or disabled, else `user-role`, else the context's role. */
  get effectiveRole(): RectificationRole {
    if (this.readonly || this.isDisabled) return 'viewer';
    return toRole(this.userRole || this.environment?.role);
  }

  /** Today as a local date `YYYY-MM-DD`, from the context's clock. */
  get today(): string {
    return localDateKey(this.env.now());
  }

  /** The item with this id (the current version), or undefined. */
  getItem(id: string): RectificationItem | undefined {
    return this._byId.get(id);
  }

  /** Who is acting, for the history: the user's name, else id, else the role's name. */
  private get _by(): string {
    const u = this.env.user;
    return u?.name?.trim() || u?.id?.trim() || roleLabel(this.effectiveRole, this.t) || this.t.trackerUnknownUser;
  }

  // -------------------------------------------------------------------------
  // Changes (all through the core)
  // -------------------------------------------------------------------------

  /**
   * Apply field edits to an item as the current role (the core's `updateItem`).
   * @throws {RectificationError} `role` (the role may not edit a field now), `invalid` (a malformed value); nothing is applied then.
   */
  applyEdit(id: string, patch: Partial<RectificationItem>): RectificationItem {
    const item = this._byId.get(id);
    if (!item) throw new RectificationError('invalid', `No item ${id}`);
    const next = updateItem(item, patch, this.effectiveRole);
    this._replace(next);
    this._changed(id, 'edit');
    return next;
  }

  /**
   * Move an item to status `to` as the current role and user (the core's `transition`): appends a
   * history entry and fires `xc-transition` and `xc-change`.
   * @throws {RectificationError} `not-allowed`, `role`, `needs-evidence`, `needs-verifier`, `needs-comment`, `invalid`.
   */
  applyTransition(id: string, to: RectificationStatus, opts: { comment?: string; verifier?: string } = {}): RectificationItem {
    const item = this._byId.get(id);
    if (!item) throw new RectificationError('invalid', `No item ${id}`);
    const next = transition(item, to, {
      by: this._by,
      role: this.effectiveRole,
      at: this.env.now().toISOString(),
      comment: opts.comment,
      verifier: opts.verifier,
    });
    this._replace(next);
    const entry = next.history[next.history.length - 1]!;
    this.dispatchEvent(
      new CustomEvent<TransitionEventDetail>('xc-transition', { bubbles: true, composed: true, detail: { itemId: id, from: item.status, to: next.status, entry } }),
    );
    this._changed(id, 'transition');
    return next;
  }

  /**
   * Add the problems found in a checklist response (the core's `toRectificationItems`), skipping
   * findings whose item is already in the ledger (same id). New items start not-started, by-deadline with
   * `deadline` (default: 60 days from today).
   * The checklist logic it needs is loaded on first use.
   * @throws {RectificationError} (as a rejected promise) `role` unless acting as the office (read-only and disabled trackers act as viewers); `invalid` when the ledger could not be read.
   */
  async importFindings(template: ChecklistTemplate, response: ChecklistResponse, options: { deadline?: string } = {}): Promise<ImportResult> {
    // New items come from the office only (as the core's createItem and the server's check say);
    // read-only and disabled trackers act as viewers.
    if (this.effectiveRole !== 'office') throw new RectificationError('role', `Only the office imports findings; acting as ${this.effectiveRole}`);
    const { toRectificationItems } = await import('../core/checklist.js');
    if (!this._ledger) throw new RectificationError('invalid', 'The ledger could not be read');
    const incoming = toRectificationItems(template, response, {
      now: this.env.now().toISOString(),
      by: this._by,
      lang: this.effectiveLang,
      deadline: options.deadline,
    });
    const merged = mergeNewItems(this._ledger.items, incoming);
    if (merged.added.length) {
      this._ledger = { ...this._ledger, items: merged.items };
      this._reindex();
      this._listVersion++;
      this._changed(null, 'import');
    }
    this._announce = this.t.trackerImported(merged.added.length, merged.skipped.length);
    return { added: merged.added, skipped: merged.skipped };
  }

  /**
   * Add a new, empty item (office only: it is the office that lists problems) and open it.
   * @returns the new item's id.
   * @throws {RectificationError} `role` for other roles.
   */
  async addItem(): Promise<string> {
    if (this.effectiveRole !== 'office') throw new RectificationError('role', `Role "${this.effectiveRole}" may not add items`);
    if (!this._ledger) throw new RectificationError('invalid', 'The ledger could not be read');
    const item = createItem(
      { problem: { text: '' } },
      { id: newItemId(this._ledger.items.map((i) => i.id)), by: this._by, role: this.effectiveRole, at: this.env.now().toISOString() },
    );
    this._ledger = { ...this._ledger, items: [...this._ledger.items, item] };
    this._reindex();
    this._listVersion++;
    this._changed(item.id, 'add');
    await this.openItem(item.id);
    return item.id;
  }

  /** Put a changed item in place and re-render its row (only). */
  private _replace(next: RectificationItem): void {
    const i = this._indexOf.get(next.id);
    if (i === undefined || !this._ledger) return;
    this._ledger.items[i] = next;
    this._byId.set(next.id, next);
    const row = this._rows.get(next.id);
    if (row?.isConnected && row.item?.id === next.id) row.item = next;
    if (this._openId === next.id) this.requestUpdate();
  }

  /** After every change: drafts, summary, form value, event. */
  private _changed(itemId: string | null, reason: 'edit' | 'transition' | 'add' | 'import' | 'restore'): void {
    this._drafts.changed();
    this._scheduleSummary();
    this._scheduleSync();
    this.emitChange({ itemId, reason });
  }

  // -------------------------------------------------------------------------
  // Working with a server: saved versions, changes by someone else
  // -------------------------------------------------------------------------

  /**
   * Tell the ledger that `ledger` (default: what it shows now) is the version saved on the server:
   * changes are counted from it ({@link unsyncedItemIds}) and merged against it. Setting `value`
   * does this too.
   */
  markSynced(ledger?: RectificationLedger): void {
    const l = ledger ?? this._ledger;
    this._baseline = l ? snapshot(l) : null;
  }

  /** Tell the ledger that this item (as the server returned it) is saved. */
  markItemSynced(item: RectificationItem): void {
    const items = [...(this._baseline?.items ?? [])];
    const i = items.findIndex((x) => x.id === item.id);
    if (i >= 0) items[i] = item;
    else items.push(item);
    this._baseline = { ...(this._baseline ?? this._ledger ?? { version: 1 }), items } as RectificationLedger;
  }

  /** Ids of the items that differ from the saved version (changed or added here, not saved yet), in ledger order. */
  get unsyncedItemIds(): string[] {
    if (!this._ledger) return [];
    const base = new Map((this._baseline?.items ?? []).map((i) => [i.id, i]));
    return this._ledger.items.filter((i) => {
      const b = base.get(i.id);
      return b !== i && (!b || canonicalJson(b) !== canonicalJson(i));
    }).map((i) => i.id);
  }

  /** Whether the "changed by someone else" banner is waiting for the person (merge or reload): nothing should be saved meanwhile. */
  get hasConflict(): boolean {
    return !!this._conflict;
  }

  /** Whether anything shown differs from the saved version (an item, or the ledger's own members). */
  get hasUnsyncedChanges(): boolean {
    return this.unsyncedItemIds.length > 0 || membersOf(this._ledger) !== membersOf(this._baseline);
  }

  /**
   * A save was refused because someone else saved first (HTTP 409 with their version): show
   * "changed by someone else" (`part="conflict-banner"`, `role="alert"`, focused) naming each field
   * both changed, with both values and a choice per field, and two ways on:
   * 合并 (merge) keeps every change of the person where theirs did not touch the same field, and the
   * value chosen where both did; 重新载入 (reload) shows their version and keeps a copy of the
   * person's (in memory, and in the draft storage under `<draft-key>~mine`), which the notice
   * offers back. Nothing typed is lost either way; edits the rules refused so far stay pending.
   * After a merge the ledger fires `xc-change` (`reason: 'restore'`, `itemId: null`):
   * {@link unsyncedItemIds} then says what to save.
   * The banner's code loads the first time it is needed: the promise settles once it is shown.
   * @returns the conflicts shown (empty when the changes do not clash).
   */
  async showConflict(theirs: RectificationLedger): Promise<MergeConflict[]> {
    const sync = await this._loadSync();
    const mine = this.value;
    if (!mine || !this._ledger) {
      this.value = theirs;
      return [];
    }
    const open = this._conflict;
    if (open?.live === 'theirs') {
      // A kept copy was being got back: it stays kept; this conflict is about what is shown now.
      this._kept = { base: open.base, mine: open.mine };
      this._conflict = null;
    }
    return this._openConflict(sync, this._conflict?.base ?? this._baseline, mine, theirs);
  }

  private _sync: SyncModule | null = null;

  /**
   * Tell the person that the server refused the save of item `itemId` (its rules or permissions):
   * an alert (`role="alert"`) names the item and each reason (the server's message, in the page's
   * language when the client sends it). The item is put back as the server has it (`serverItem`,
   * default the last saved version) and the refused edit is kept, offered back by 找回我的修改.
   */
  async showRefused(itemId: string, reasons: readonly { code: string; message?: string }[], serverItem?: RectificationItem): Promise<void> {
    await this._loadSync();
    const cur = this.value;
    const back = serverItem ?? this._baseline?.items.find((i) => i.id === itemId);
    if (cur && back) {
      this._kept = { base: this._baseline ? snapshot(this._baseline) : null, mine: snapshot(cur) };
      this._applyKeeping({ ...cur, items: cur.items.map((i) => (i.id === itemId ? back : i)) });
      this.markItemSynced(back);
      this._changed(itemId, 'restore');
    }
    this._refused = { itemId, reasons: reasons.map((r) => ({ code: r.code, ...(r.message ? { message: r.message } : {}) })) };
  }

  /** Say (`part="sync-status"`, `role="status"`) how many items' saves wait for the network; 0 hides it. */
  async showPending(count: number): Promise<void> {
    if (count && !this._sync) await this._loadSync();
    this._pendingSaves = count;
  }

  /** The banner's code and strings (in the element's language). */
  private async _loadSync(): Promise<SyncModule> {
    const sync = (this._sync ??= await loadSync());
    await loadLocale(this.effectiveLang).catch(() => undefined);
    return sync;
  }

  /**
   * A version saved elsewhere was announced (the server's change event): applied at once when
   * the person has no unsaved changes (filters, sort, rows shown, the open item and focus stay
   * as they are), merged with a polite notice when they have and nothing clashes, else shown as a
   * conflict ({@link showConflict}). A version applied at once is applied before this returns;
   * the merge's code loads the first time it is needed.
   */
  async receiveRemote(theirs: RectificationLedger): Promise<RemoteOutcome> {
    const read = readLedgerObject(theirs);
    if (!read.ok || !this._ledger) {
      this.value = theirs;
      return 'applied';
    }
    if (!this._conflict && !this.hasUnsyncedChanges) {
      this._applyKeeping(theirs);
      this._baseline = snapshot(read.ledger);
      this._drafts.changed();
      return 'applied';
    }
    const sync = await this._loadSync();
    if (this._conflict) {
      await this.showConflict(theirs);
      return 'conflict';
    }
    const base = this._baseline;
    const m = sync.mergeLedgers(base, this.value!, theirs);
    if (m.conflicts.length) {
      this._openConflict(sync, base, this.value!, theirs);
      return 'conflict';
    }
    const before = new Map((base?.items ?? []).map((i) => [i.id, canonicalJson(i)]));
    const changed = read.ledger.items.filter((i) => before.get(i.id) !== canonicalJson(i)).length;
    this._applyKeeping(m.ledger);
    this._baseline = snapshot(read.ledger);
    this._announce = this.t.trackerSyncRemoteMerged(changed);
    this._changed(null, 'restore');
    return 'merged';
  }

  private _openConflict(sync: SyncModule, base: RectificationLedger | null, mine: RectificationLedger, theirs: RectificationLedger, live: 'mine' | 'theirs' = 'mine'): MergeConflict[] {
    const m = sync.mergeLedgers(base, mine, theirs);
    const keepMine = new Set([...(this._conflict?.keepMine ?? [])].filter((k) => m.conflicts.some((c) => sync.conflictKey(c) === k)));
    if (!this._conflict) this._conflictReturn = this._deepActive();
    this._conflict = { conflicts: m.conflicts, keepMine, base, mine, theirs, merged: m.ledger, live };
    if (live === 'mine') this._kept = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.sync-conflict')?.focus());
    return m.conflicts;
  }

  private _mergeConflict(): void {
    const c = this._conflict;
    const sync = this._sync;
    if (!c || !sync) return;
    // Typing done while the banner waited is part of the live side: merge what is shown now.
    const mine = c.live === 'mine' ? this.value! : c.mine;
    const theirs = c.live === 'theirs' ? this.value! : c.theirs;
    const m = sync.mergeLedgers(c.base, mine, theirs);
    const shown = new Set(c.conflicts.map((x) => sync.conflictKey(x)));
    if (m.conflicts.some((x) => !shown.has(sync.conflictKey(x)))) {
      // That typing clashes with their version too: ask again, with the new field listed.
      this._openConflict(sync, c.base, mine, theirs, c.live);
      return;
    }
    this._conflict = null;
    this._applyKeeping(sync.resolveConflicts(m.ledger, m.conflicts, c.keepMine));
    if (c.live === 'mine') this._baseline = snapshot(c.theirs);
    this._announce = this.t.trackerSyncMerged;
    this._changed(null, 'restore');
    this._refocus();
  }

  private _reloadConflict(): void {
    const c = this._conflict;
    if (!c) return;
    this._conflict = null;
    const mine = c.live === 'mine' ? this.value! : c.mine;
    const theirs = c.live === 'theirs' ? this.value! : c.theirs;
    this._kept = { base: c.base, mine };
    if (this.draftKey) {
      // A copy beyond this page too (a server's draft storage may answer later: nothing waits for it).
      try {
        const saved = this.env.drafts.save(`${this.draftKey}~mine`, { value: mine, savedAt: this.env.now().getTime(), unsaved: this._pending.toJson() });
        if (isPromiseLike<void>(saved)) saved.then(undefined, () => undefined);
      } catch {
        /* kept in memory */
      }
    }
    this._applyKeeping(theirs);
    if (c.live === 'mine') this._baseline = snapshot(c.theirs);
    this._changed(null, 'restore');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.sync-recover')?.focus());
  }

  private _recoverKept(): void {
    const k = this._kept;
    if (!k || !this._ledger || !this._sync) return;
    this._kept = null;
    this._openConflict(this._sync, k.base, k.mine, this.value!, 'theirs');
  }

  /** Focus back where it was before the banner took it (or on the table). */
  private _refocus(): void {
    const back = this._conflictReturn;
    this._conflictReturn = null;
    void this.updateComplete.then(() => {
      if (back?.isConnected) back.focus();
      else this.renderRoot.querySelector<HTMLElement>('.table-wrap')?.focus();
    });
  }

  /** The focused element inside this one (through the rows' and panel's shadow roots). */
  private _deepActive(): HTMLElement | null {
    let a = this.shadowRoot?.activeElement ?? null;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a as HTMLElement | null;
  }

  /**
   * Show another version of the ledger without disturbing the person: when it has the same items
   * in the same order, only changed rows re-render (filters, sort, rows shown, the open item and
   * focus stay); otherwise the table is rebuilt with the same filters and page, and focus returns
   * to the row it was on.
   */
  private _applyKeeping(next: RectificationLedger): void {
    const read = readLedgerObject(next);
    const cur = this._ledger;
    if (!read.ok || !cur) {
      this._adopt(next);
      this.requestUpdate();
      return;
    }
    const incoming = read.ledger.items;
    const sameIds = cur.items.length === incoming.length && cur.items.every((it, i) => it.id === incoming[i]!.id);
    if (sameIds) {
      this._ledger = { ...read.ledger, items: cur.items };
      this._raw = next;
      incoming.forEach((it, i) => {
        if (cur.items[i] !== it && canonicalJson(cur.items[i]) !== canonicalJson(it)) this._replace(it);
      });
      this._scheduleSummary();
      this._scheduleSync();
      this.requestUpdate();
      return;
    }
    // Rows render into the tracker's own tree: the focused control sits inside its row.
    const rowId = this.shadowRoot?.activeElement?.closest<XcRectificationRow>('xc-rectification-row')?.item?.id;
    this._view.keepPage();
    this._adopt(next);
    this.requestUpdate();
    if (rowId) {
      void this.updateComplete.then(async () => {
        const row = this._rows.get(rowId);
        await row?.updateComplete;
        row?.focusOpen();
      });
    }
  }

  // -------------------------------------------------------------------------
  // Value
  // -------------------------------------------------------------------------

  private _adopt(v: unknown): void {
    this._raw = v;
    if (v == null) {
      this._ledger = { version: 1, items: [] };
      this._loadError = null;
    } else {
      const read = readLedgerObject(v);
      if (read.ok) {
        this._ledger = { ...read.ledger, items: [...read.ledger.items] };
        this._loadError = null;
      } else {
        this._ledger = null;
        this._loadError = { error: read.error, index: read.index, id: read.id };
      }
    }
    this._reindex();
    if (this._openId && !this._byId.has(this._openId)) this._openId = null;
    this._listVersion++;
    this._scheduleSummary(true);
    this._scheduleSync(true);
  }

  /** Why the value cannot be shown, in the element's language. */
  private _loadMessage(): string {
    const t = this.t;
    const e = this._loadError;
    if (!e) return t.trackerInvalid;
    const n = (e.index ?? 0) + 1;
    switch (e.error) {
      case 'not-object':
        return t.trackerShapeNotObject;
      case 'version':
        return t.trackerShapeVersion;
      case 'items':
        return t.trackerShapeItems;
      case 'item':
        return t.trackerShapeItem(n);
      case 'item-id':
        return t.trackerShapeItemId(n);
      default:
        return t.duplicateId(e.id ?? '');
    }
  }

  private _reindex(): void {
    this._byId = new Map();
    this._indexOf = new Map();
    (this._ledger?.items ?? []).forEach((item, i) => {
      this._byId.set(item.id, item);
      this._indexOf.set(item.id, i);
    });
  }

  /**
   * The summary follows the ledger: at once when a small ledger is given, else after the first
   * frame; after a change, once typing pauses, so that a change costs the one row only.
   */
  private _scheduleSummary(initial = false): void {
    clearTimeout(this._summaryTimer);
    const n = this._ledger?.items.length ?? 0;
    if (initial && n <= SYNC_LIMIT) {
      this._summaryGen++;
      this._computeSummary();
      return;
    }
    if (initial) {
      // After the first frame has shown the table (the frame after it computes the figures).
      const gen = ++this._summaryGen;
      requestAnimationFrame(() => requestAnimationFrame(() => gen === this._summaryGen && this._computeSummary()));
      return;
    }
    this._summaryGen++;
    this._summaryTimer = setTimeout(() => this._computeSummary(), n <= SYNC_LIMIT ? 100 : 300);
  }

  private _computeSummary(): void {
    const items = this._ledger?.items ?? [];
    this._summaryToday = this.today;
    try {
      this._summary = this._ledger ? ledgerSummary(items, this._summaryToday) : null;
    } catch {
      // Malformed members (a number where text belongs) break no view: validation reports them.
      this._summary = null;
    }
    const depts = departmentsOf(items);
    if (depts.join('\u0000') !== this._departments.join('\u0000')) this._departments = depts;
  }

  /**
   * The form value (JSON of the whole ledger) and validity: at once when a small ledger is
   * given; after a change, after a pause (and at once when focus leaves the element, on
   * `checkValidity()`, `reportValidity()` and submit).
   */
  private _scheduleSync(initial = false): void {
    clearTimeout(this._syncTimer);
    const n = this._ledger?.items.length ?? 0;
    if (initial && n <= SYNC_LIMIT) {
      this._syncTimer = undefined;
      this.syncForm();
      return;
    }
    this._syncTimer = setTimeout(() => this._flushSync(), 250);
  }

  private _flushSync(): void {
    if (this._syncTimer === undefined) return;
    clearTimeout(this._syncTimer);
    this._syncTimer = undefined;
    this.syncForm();
    this.refreshShownErrors();
  }

  private _onFocusOut = () => this._flushSync();

  override checkValidity(): boolean {
    this._flushSync();
    return super.checkValidity();
  }

  /** Validate the ledger against the schema (precompiled) and the workflow rules; shows nothing. */
  override validate(): ValidationResult {
    const t = this.t;
    if (!this._ledger) return { valid: false, errors: [{ path: '', message: this._loadMessage(), keyword: 'load' }] };
    // The schema check arrives after the first frame (reportValidity waits for it); the workflow rules are always here.
    return validateLedger(this._ledger, this._schemaCheck, t, this.effectiveLang);
  }

  /** Back to the value first given (or an empty ledger); the stored draft is kept until the next change. */
  override reset(): void {
    this.submitted = false;
    this.shownErrors = [];
    this._closeDialog();
    this._adopt(this._initial ?? null);
    this.requestUpdate();
  }

  protected override restoreValue(value: unknown): void {
    this.value = value as RectificationLedger;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.toolbar select, .toolbar input, button') ?? undefined;
  }

  override async reportValidity(): Promise<boolean> {
    this._flushSync();
    await this._loadSchemaCheck();
    return super.reportValidity();
  }

  override async submit(): Promise<boolean> {
    const ok = await super.submit();
    if (ok) this._drafts.flush();
    return ok;
  }

  // -------------------------------------------------------------------------
  // Export
  // -------------------------------------------------------------------------

  /** The ledger as JSON text (unknown members kept). */
  exportJson(): string {
    return this._ledger ? toJson(this.value!) : JSON.stringify(this._raw, null, 2) + '\n';
  }

  /** The ledger as CSV for Excel (UTF-8 BOM, CRLF, quoted cells, statuses and kinds in the element's language). */
  exportCsv(): string {
    return toCsv(this._ledger?.items ?? [], this.effectiveLang);
  }

  /**
   * Download the ledger as a file (`<a download>` of an object URL: nothing is sent anywhere).
   * Fires the cancelable `xc-export` first.
   * @returns whether the download was started (false when a listener cancelled it).
   */
  download(format: 'json' | 'csv'): boolean {
    const text = format === 'csv' ? this.exportCsv() : this.exportJson();
    const base = (typeof this._ledger?.title === 'string' && this._ledger.title.trim()) || this.t.trackerFileName;
    const filename = `${base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}-${this.today}.${format}`;
    const ok = this.dispatchEvent(
      new CustomEvent<ExportEventDetail>('xc-export', { bubbles: true, composed: true, cancelable: true, detail: { format, filename, text } }),
    );
    if (!ok) return false;
    const blob = new Blob([text], { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  }

  // -------------------------------------------------------------------------
  // Detail dialog
  // -------------------------------------------------------------------------

  /** Open the detail panel of an item (focus moves into it; closing returns it). */
  async openItem(id: string): Promise<boolean> {
    if (!this._byId.has(id)) return false;
    // The panel's code loads the first time an item is opened (updateComplete waits for it).
    const loading = loadDetail();
    this._detailLoading = loading;
    try {
      await loading;
    } catch {
      return false;
    } finally {
      this._detailLoading = null;
    }
    const active = this.shadowRoot?.activeElement as HTMLElement | null;
    if (!this._openId) this._returnFocus = active && !active.closest('dialog') ? active : null;
    const previous = this._openId;
    this._openId = id;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.detail');
    const detail = dialog?.querySelector<XcRectificationDetail>('xc-rectification-detail');
    if (!dialog || !detail) return false;
    if (!dialog.open) dialog.showModal();
    await detail.updateComplete;
    // Each item starts at the top of the panel (the dialog keeps its scroll position otherwise).
    if (previous !== id) dialog.scrollTop = 0;
    detail.focusHeading();
    return true;
  }

  /** Close the detail panel (focus goes back where it was). */
  closeItem(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.detail')?.close();
  }

  private _closeDialog(): void {
    const dialog = this.renderRoot?.querySelector<HTMLDialogElement>('dialog.detail');
    if (dialog?.open) dialog.close();
  }

  private _onDialogClose = (e: Event) => {
    // The close event comes a task later: the dialog may have been opened again since.
    if ((e.target as HTMLDialogElement).open) return;
    const id = this._openId;
    this._openId = null;
    const row = id ? this._rows.get(id) : undefined;
    if (row?.isConnected) row.focusOpen();
    else if (this._returnFocus?.isConnected) this._returnFocus.focus();
    else this.renderRoot.querySelector<HTMLElement>('.table-wrap')?.focus();
    this._returnFocus = null;
  };

  private _onRowOpen = (e: Event) => {
    e.stopPropagation();
    void this.openItem((e as CustomEvent<RowOpenDetail>).detail.id);
  };

  // -------------------------------------------------------------------------
  // Lifecycle and rendering
  // -------------------------------------------------------------------------

  private _detailLoading: Promise<unknown> | null = null;
  /** Refused edits and status changes being confirmed (see pending.ts). */
  private _pending = new PendingStore();

  /** @internal (TrackerActions) */
  pendingEdits(id: string) {
    return this._pending.edit(id);
  }

  /** @internal (TrackerActions) */
  keepPendingEdits(id: string, patch: Partial<RectificationItem>, errors: Record<string, string>): void {
    // Into the draft too (a reload loses nothing), and out of it once put right.
    if (this._pending.keepEdit(id, patch, errors)) this._drafts.changed();
  }

  /** @internal (TrackerActions) */
  pendingAction(id: string): PendingAction | undefined {
    return this._pending.action(id);
  }

  /** @internal (TrackerActions) */
  keepPendingAction(id: string, action: PendingAction | null): void {
    if (this._pending.keepAction(id, action)) this._drafts.changed();
  }

  /**
   * `updateComplete` also waits for the detail panel's code when an item is being opened,
   * and for the ledger schema's check once it has begun loading (after the first frame), so
   * that `validate()` after it reports what the schema says.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this._detailLoading) {
      await this._detailLoading.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    if (this._schemaReady) {
      await this._schemaReady;
      result = await super.getUpdateComplete();
    }
    if (this._summaryLoading) {
      await this._summaryLoading;
      await (this.renderRoot.querySelector('xc-rectification-summary') as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    }
    return result;
  }

  private _summaryLoading: Promise<unknown> | null = null;
  private _schemaCheck: SchemaCheck | null = null;
  private _schemaReady: Promise<void> | null = null;

  /** The ledger schema's validator and the message pipeline load after the first frame. */
  private _loadSchemaCheck(): Promise<void> {
    this._schemaReady ??= Promise.all([import('../generated/validators/rectificationLedger.js'), import('../core/validation.js')]).then(
      ([v, m]) => {
        this._schemaCheck = (ledger, lang) => m.validateWith(v.rectificationLedger, ledger, NO_SCHEMA, lang);
        this.syncForm();
      },
      () => {
        // Could not load: validate with the workflow rules alone, and try again next time.
        this._schemaReady = null;
      },
    );
    return this._schemaReady;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    // Not needed to read or work the table, the charts and the schema check follow the first frame.
    setTimeout(() => {
      this._summaryLoading ??= loadSummary().then((styles) => adoptStyles(this.shadowRoot, styles)).catch(() => undefined);
      void this._loadSchemaCheck();
    }, 0);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._initial === undefined && this._listVersion === 0) this._adopt(null);
    this.addEventListener('focusout', this._onFocusOut);
    addEventListener('beforeprint', this._beforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusout', this._onFocusOut);
    removeEventListener('beforeprint', this._beforePrint);
    this._flushSync();
    clearTimeout(this._syncTimer);
    clearTimeout(this._summaryTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Drafts are looked for once the context (with its draft storage) has arrived: at the first
    // update, after an enclosing provider's. The value given by then is what a draft is compared with.
    if (!this.hasUpdated) this._drafts.check();
    const today = this.today;
    // The clock (or the provider's fixed "today") may change after the figures were counted:
    // recount now, in this update, so no frame shows figures of another day and
    // `updateComplete` covers the recount.
    if (this._summary && this._summaryToday !== today) {
      clearTimeout(this._summaryTimer);
      this._summaryGen++;
      this._computeSummary();
    }
    this._view.refresh(this._ledger?.items ?? [], this._listVersion, this.pageSize, today);
  }

  /** Render every matching row now, beyond the page size too (done before printing). */
  renderAll(): void {
    const added = this._view.renderAll();
    this.requestUpdate();
    // At once, not at the next microtask: printing starts right after beforeprint.
    if (added) this.performUpdate();
  }

  /** Show `count` more rows (or all), then move focus to the first of them. */
  private async _showMore(count: number): Promise<void> {
    const first = this._view.showMore(count);
    await this.updateComplete;
    const row = first ? this._rows.get(first) : undefined;
    if (row) {
      await row.updateComplete;
      row.focusOpen();
    }
  }

  private _beforePrint = () => this.renderAll();

  protected override render() {
    const t = this.t;
    const lang = this.effectiveLang;
    if (!this._ledger) {
      return html`<div class="load-error" role="alert">
        <p><strong>${t.trackerInvalid}</strong></p>
        <p>${this._loadMessage()}</p>
      </div>`;
    }
    const ledger = this._ledger;
    const role = this.effectiveRole;
    const declared = this.userRole || this.environment?.role;
    const openItem = this._openId ? this._byId.get(this._openId) : undefined;
    return html`
      <div class="head">
        <h2 class="title">${typeof ledger.title === 'string' && ledger.title ? ledger.title : t.trackerLabel}</h2>
        ${typeof ledger.unit === 'string' && ledger.unit ? html`<p class="unit">${ledger.unit}</p>` : nothing}
        <slot name="header"></slot>
        ${this.readonly
          ? html`<p class="banner" role="note">${t.trackerReadonly}</p>`
          : declared
            ? html`<p class="role-note">${t.trackerRole(roleLabel(role, t))}</p>`
            : html`<p class="role-note">${t.trackerNoRole}</p>`}
      </div>
      ${renderDraftBanner(this._drafts, t, lang, (v) => {
        this._adopt(v);
        this._changed(null, 'restore');
        this.requestUpdate();
      })}
      ${openItem ? nothing : this._renderSync()}
      ${renderErrorSummary(
        this.shownErrors.slice(0, 50),
        t,
        async (e) => this._errorTarget(e),
        (e) => `xc-err-${e.path.replace(/[^\w-]/g, '-')}`,
      )}
      <section class="summary" part="summary" aria-labelledby="summary-title">
        <h3 id="summary-title">${t.trackerSummary}</h3>
        <xc-rectification-summary .summary=${this._summary} .t=${t} .lang=${lang} .noDepartment=${t.trackerNoDepartment}></xc-rectification-summary>
      </section>
      ${renderToolbar({
        t,
        lang,
        view: this._view,
        departments: this._departments,
        grouped: this.grouped,
        role,
        total: ledger.items.length,
        setGrouped: (g) => (this.grouped = g),
        download: (format) => this.download(format),
        addItem: () => void this.addItem(),
      })}
      ${ledger.items.length === 0
        ? html`<p class="empty">${t.trackerEmpty}${role === 'office' ? html` ${t.trackerEmptyOffice}` : nothing}</p>`
        : html`<div class="table-wrap" part="table" tabindex="0" role="region" aria-labelledby="table-caption"
            @xc-row-open=${this._onRowOpen}>
            <table class="ledger">
              <caption id="table-caption">${t.trackerTableCaption}</caption>
              ${renderHead(t, this._view)}
              ${guard([this._view.version, this._view.renderLimit, this._listVersion, lang, t, this.today, this.yellowThreshold, this.grouped], () =>
                // A new filter or sort starts a fresh body (one removal), chunks then add to it.
                keyed(
                  `${this._view.version}:${this.grouped}`,
                  renderBody({
                    t,
                    lang,
                    view: this._view,
                    grouped: this.grouped,
                    today: this.today,
                    yellow: this.yellowThreshold,
                    item: (id) => this._byId.get(id)!,
                    numberOf: (id) => this._numberOf(id),
                    rows: this._rows,
                  }),
                ),
              )}
            </table>
          </div>
          ${renderMore(t, this._view, this.pageSize, (n) => void this._showMore(n))}
          <p class="hint keys">${t.trackerKeyboardHelp}</p>`}
      <dialog class="detail" part="detail" aria-labelledby="detail-title" @close=${this._onDialogClose}>
        ${openItem ? this._renderSync() : nothing}
        ${openItem
          ? html`<xc-rectification-detail
              .item=${openItem}
              .no=${this._numberOf(openItem.id)}
              .actingRole=${role}
              .t=${t}
              .lang=${lang}
              .today=${this.today}
              .yellow=${this.yellowThreshold}
              .actions=${this as TrackerActions}
              .departments=${this._departments}
            ></xc-rectification-detail>`
          : nothing}
      </dialog>
      ${printFiles ? printFiles.printFileList(this, this._ledger, { lang, store: this.environment?.attachments, printOnly: true }) : void loadPrintFiles().then((m) => ((printFiles = m), this.requestUpdate()))}
      <p class="visually-hidden" role="status" aria-live="polite">${this._announce}</p>
      ${this.environment?.watermark?.(this, role === 'viewer')}
    `;
  }

  /** The "changed by someone else" banner: inside the open panel (the page behind a modal dialog is inert), else above the table. */
  private _renderSync() {
    if (!this._sync) return nothing;
    return this._sync.renderSyncBanner({
      t: this.t,
      lang: this.effectiveLang,
      conflict: this._conflict,
      kept: !!this._kept,
      refused: this._refused,
      pending: this._pendingSaves,
      numberOf: (id) => this._numberOf(id),
      choose: (key, mine) => {
        const c = this._conflict;
        if (!c) return;
        if (mine) c.keepMine.add(key);
        else c.keepMine.delete(key);
        this.requestUpdate();
      },
      merge: () => this._mergeConflict(),
      reload: () => this._reloadConflict(),
      recover: () => {
        this._refused = null;
        this._recoverKept();
      },
      dismissRefused: () => {
        this._refused = null;
        this._kept = null;
        this._refocus();
      },
      dismissKept: () => {
        this._kept = null;
        this._refocus();
      },
    });
  }

  /** The number people read for an item (its short number, or its place in the ledger). */
  private _numberOf(id: string): string {
    return itemNumber(id, this._indexOf.get(id) ?? 0);
  }

  /** The control an error is about: the item's detail opens and the field's control (or its heading) is returned. */
  private async _errorTarget(e: FieldError): Promise<HTMLElement | undefined> {
    const m = /^items\.(\d+)(?:\.(.+))?$/.exec(e.path);
    const id = m ? this._ledger?.items[Number(m[1])]?.id : undefined;
    if (!id) return this.renderRoot.querySelector<HTMLElement>('.table-wrap') ?? undefined;
    await this.openItem(id);
    const detail = this.renderRoot.querySelector<XcRectificationDetail>('xc-rectification-detail');
    return detail?.controlFor(m![2] ?? '') ?? this.renderRoot.querySelector<HTMLElement>('#detail-title') ?? undefined;
  }
}

defineElement('xc-rectification-tracker', XcRectificationTracker);

declare global {
  interface HTMLElementTagNameMap {
    'xc-rectification-tracker': XcRectificationTracker;
  }
}

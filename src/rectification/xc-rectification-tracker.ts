import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { XcFormElement } from '../base/form-element.js';
import { defineElement } from '../base/define.js';
import { DraftController } from '../base/draft-controller.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { StickyOffsetController } from '../base/sticky-offset.js';
import type { ChecklistResponse, ChecklistTemplate } from '../core/checklist.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import { RectificationError, type RectificationRole, toRole, transition } from '../core/rectification/workflow.js';
import { localDateKey } from '../core/rectification/dates.js';
import { toJson, readLedgerObject, type LedgerShapeError } from '../core/rectification/json.js';
import type { RectificationItem, RectificationLedger, RectificationStatus } from '../core/rectification-types.js';
import { editItem } from '../core/rectification/changes.js';
// Imported for its effect too: the rows are rendered by the tracker itself, so their element must be
// defined with it (a type-only import would leave them out of a bundle's tracker chunk).
import './xc-rectification-row.js';
import type { XcRectificationRow, RowOpenDetail } from './xc-rectification-row.js';
import type { TrackerActions, PendingAction, ItemStep } from './xc-rectification-detail.js';
import { itemNumber, roleLabel } from './labels.js';
import { adoptStyles } from './adopt-styles.js';
import './locale.js';
import { trackerStyles } from './xc-rectification-tracker.styles.js';
import { lazy } from '../base/lazy.js';
import { PendingStore } from './pending.js';
import { loadMessage, loadSchemaCheck, validateLedger, type SchemaCheck } from './tracker-validation.js';
import { offerText } from '../base/save-text.js';
import { LedgerView } from './ledger-view.js';
import { renderTitle, renderToolbar, loadXlsx } from './tracker-toolbar.js';
import { renderTable } from './tracker-table.js';
import type { MergeConflict } from '../core/ledger-merge.js';
import { canonicalJson, isPromiseLike } from '../core/draft.js';
import { TrackerRemote, type ChangeReason, type RemoteHost } from './tracker-remote.js';
import { TrackerDialog, type DialogHost } from './tracker-dialog.js';
import { SYNC_LIMIT, TrackerFigures, type FiguresHost } from './tracker-figures.js';
import { DeferredFormSync } from '../base/form-sync.js';

import type { TransitionEventDetail, ExportEventDetail } from '../events/index.js';
export type { TransitionEventDetail, ExportEventDetail };

export type { RemoteOutcome } from './tracker-remote.js';
import type { RemoteOutcome } from './tracker-remote.js';

/** What {@link XcRectificationTracker.importFindings} did. */
export interface ImportResult {
  /** Ids of the items added. */
  added: string[];
  /** Ids of findings left out because the ledger already has an item with that id. */
  skipped: string[];
}

/** The printed 附件清单: a small chunk loaded after the first frame, the list itself only when the record has files. */
const loadPrintFiles = lazy(() => import('../attachments/print-hook.js'));
let printFiles: typeof import('../attachments/print-hook.js') | undefined;

/** The rules of multi-party 验收: loaded after the first frame, only for a ledger that names parties. */
const loadAcceptance = lazy(() => import('../core/rectification/acceptance.js'));
/** The CSV writer: not needed for the first frame. */
const loadCsv = lazy(() => import('../core/rectification/csv.js'));
// Adding items is the office's, and rare: its code loads on the first addition.
const loadAdd = lazy(() => import('./tracker-add.js'));
/** Whether a ledger names 验收 parties (then 销号 waits for them). */
const namesParties = (l: RectificationLedger | null) => Array.isArray(l?.acceptanceParties) && l!.acceptanceParties!.length > 0;

/** Load (and register) the summary charts once, with their styles. */
const loadSummary = lazy(() =>
  Promise.all([import('./xc-rectification-summary.js'), import('./xc-rectification-summary.styles.js')]).then(([m, s]) => ({ styles: s.summaryStyles, summarise: m.ledgerSummary })),
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
 * @fires xc-export - An export is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'json' | 'csv' | 'xlsx', filename, text, bytes? }` (`bytes`: the Excel workbook's).
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
export class XcRectificationTracker extends XcFormElement implements TrackerActions, RemoteHost, DialogHost, FiguresHost {
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
  @state() private _loadError: { error: LedgerShapeError; index?: number; id?: string } | null = null;
  @state() private _announce = '';
  /** The saved version, conflicts, refused and waiting saves (see tracker-remote.ts). */
  private _remote = new TrackerRemote(this);
  /** The summary's figures and the departments, following the ledger (see tracker-figures.ts). */
  private _figures = new TrackerFigures(this);
  /** The form value and validity, after a pause (at once on focusout, submit and disconnect). */
  private _formSync = new DeferredFormSync(this, () => {
    this.syncForm();
    this.refreshShownErrors();
  });
  /** The detail dialog: the open item, focus in and back (see tracker-dialog.ts). */
  private _dialog = new TrackerDialog(this);

  private _ledger: RectificationLedger | null = { version: 1, items: [] };
  private _raw: unknown = null;
  private _initial: unknown = undefined;
  private _byId = new Map<string, RectificationItem>();
  private _indexOf = new Map<string, number>();
  private _rows = new Map<string, XcRectificationRow>();

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
    this._remote.markSynced(this._ledger);
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
   * Apply field edits to an item as the current role and user (the core's `editItem`): each field
   * changed is appended to the item's change log (`changes`: who, when, field, before, after).
   * @throws {RectificationError} `role` (the role may not edit a field now), `invalid` (a malformed value); nothing is applied then.
   */
  applyEdit(id: string, patch: Partial<RectificationItem>): RectificationItem {
    const item = this._byId.get(id);
    if (!item) throw new RectificationError('invalid', `No item ${id}`);
    // Every field edit goes on the item's change log (who, when, before, after): the server refuses edits without it.
    const next = editItem(item, patch, { by: this._by, role: this.effectiveRole, at: this.env.now().toISOString() });
    this._replace(next);
    this._changed(id, 'edit');
    return next;
  }

  /**
   * Apply one of the core's steps to an item as the current role and user: `requestExtension`
   * (the unit asks for 延期), `decideExtension` (the office decides), `signAcceptance` (a party's
   * 验收) of `xc-elements/core`, or a host's own. The step gets the item and who acts
   * (`{ by, role, at }`) and returns the new item; fires `xc-change` (`reason: 'edit'`).
   * @throws {RectificationError} what the step throws; nothing is applied then.
   */
  applyStep(id: string, step: ItemStep): RectificationItem {
    const item = this._byId.get(id);
    if (!item) throw new RectificationError('invalid', `No item ${id}`);
    const next = step(item, { by: this._by, role: this.effectiveRole, at: this.env.now().toISOString() });
    this._replace(next);
    this._changed(id, 'edit');
    return next;
  }

  /**
   * Move an item to status `to` as the current role and user (the core's `transition`): appends a
   * history entry and fires `xc-transition` and `xc-change`.
   * @throws {RectificationError} `not-allowed`, `role`, `needs-evidence`, `needs-verifier`, `needs-comment`, `needs-acceptance`, `not-ongoing`, `invalid`.
   */
  applyTransition(id: string, to: RectificationStatus, opts: { comment?: string; verifier?: string } = {}): RectificationItem {
    const item = this._byId.get(id);
    if (!item) throw new RectificationError('invalid', `No item ${id}`);
    const step = { by: this._by, role: this.effectiveRole, at: this.env.now().toISOString(), comment: opts.comment, verifier: opts.verifier };
    let next: RectificationItem;
    if (!namesParties(this._ledger)) next = transition(item, to, step);
    else {
      // 销号 waits for every required 验收 party the ledger names. Their rules load after the first
      // frame (updateComplete waits for them); until then nothing is closed.
      const rules = this._acceptance;
      if (!rules) {
        void this._loadAcceptance();
        if (to === 'closed') throw new RectificationError('needs-acceptance', 'The acceptance rules are still loading');
        next = transition(item, to, step);
      } else next = rules.transitionAccepted(item, to, step, rules.acceptanceParties(this._ledger));
    }
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
    const [{ toRectificationItems }, { mergeNewItems }] = await Promise.all([import('../core/checklist.js'), loadAdd()]);
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
   * Add a new, empty item (office only: it is the office that lists problems) and open it. The
   * code that makes items loads on the first addition.
   * @returns the new item's id.
   * @throws {RectificationError} `role` for other roles.
   */
  async addItem(): Promise<string> {
    if (this.effectiveRole !== 'office') throw new RectificationError('role', `Role "${this.effectiveRole}" may not add items`);
    if (!this._ledger) throw new RectificationError('invalid', 'The ledger could not be read');
    const { createItem, newItemId } = await loadAdd();
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
    if (this._dialog.openId === next.id) this.requestUpdate();
  }

  /** After every change: drafts, summary, form value, event. */
  private _changed(itemId: string | null, reason: ChangeReason): void {
    this._drafts.changed();
    this._figures.later();
    this._formSync.later();
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
    this._remote.markSynced(ledger ?? this._ledger);
  }

  /** Tell the ledger that this item (as the server returned it) is saved. */
  markItemSynced(item: RectificationItem): void {
    this._remote.markItemSynced(item);
  }

  /** Ids of the items that differ from the saved version (changed or added here, not saved yet), in ledger order. */
  get unsyncedItemIds(): string[] {
    return this._remote.unsyncedItemIds();
  }

  /** Whether the "changed by someone else" banner is waiting for the person (merge or reload): nothing should be saved meanwhile. */
  get hasConflict(): boolean {
    return !!this._remote.conflict;
  }

  /** Whether anything shown differs from the saved version (an item, or the ledger's own members). */
  get hasUnsyncedChanges(): boolean {
    return this._remote.hasUnsyncedChanges();
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
  showConflict(theirs: RectificationLedger): Promise<MergeConflict[]> {
    return this._remote.showConflict(theirs);
  }

  /**
   * Tell the person that the server refused the save of item `itemId` (its rules or permissions):
   * an alert (`role="alert"`) names the item and each reason (the server's message, in the page's
   * language when the client sends it). The item is put back as the server has it (`serverItem`,
   * default the last saved version) and the refused edit is kept, offered back by 找回我的修改.
   */
  showRefused(itemId: string, reasons: readonly { code: string; message?: string }[], serverItem?: RectificationItem): Promise<void> {
    return this._remote.showRefused(itemId, reasons, serverItem);
  }

  /** Say (`part="sync-status"`, `role="status"`) how many items' saves wait for the network; 0 hides it. */
  showPending(count: number): Promise<void> {
    return this._remote.showPending(count);
  }

  /**
   * A version saved elsewhere was announced (the server's change event): applied at once when
   * the person has no unsaved changes (filters, sort, rows shown, the open item and focus stay
   * as they are), merged with a polite notice when they have and nothing clashes, else shown as a
   * conflict ({@link showConflict}). A version applied at once is applied before this returns;
   * the merge's code loads the first time it is needed.
   */
  receiveRemote(theirs: RectificationLedger): Promise<RemoteOutcome> {
    return this._remote.receiveRemote(theirs);
  }

  /** @internal (RemoteHost) the ledger shown, not copied. */
  get shownLedger(): RectificationLedger | null {
    return this._ledger;
  }

  /** @internal (RemoteHost) */
  adoptValue(v: RectificationLedger): void {
    this.value = v;
  }

  /** @internal (RemoteHost) */
  itemChanged(itemId: string | null, reason: ChangeReason): void {
    this._changed(itemId, reason);
  }

  /** @internal (RemoteHost) */
  draftChanged(): void {
    this._drafts.changed();
  }

  /** @internal (RemoteHost) */
  announce(text: string): void {
    this._announce = text;
  }

  /** @internal (RemoteHost) a copy of the person's version beyond this page, under `<draft-key>~mine`. */
  keepCopy(mine: RectificationLedger): void {
    if (!this.draftKey) return;
    // A server's draft storage may answer later: nothing waits for it.
    try {
      const saved = this.env.drafts.save(`${this.draftKey}~mine`, { value: mine, savedAt: this.env.now().getTime(), unsaved: this._pending.toJson() });
      if (isPromiseLike<void>(saved)) saved.then(undefined, () => undefined);
    } catch {
      /* kept in memory */
    }
  }

  /**
   * Show another version of the ledger without disturbing the person: when it has the same items
   * in the same order, only changed rows re-render (filters, sort, rows shown, the open item and
   * focus stay); otherwise the table is rebuilt with the same filters and page, and focus returns
   * to the row it was on.
   */
  /** @internal (RemoteHost) */
  applyKeeping(next: RectificationLedger): void {
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
      this._figures.later();
      this._formSync.later();
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
    if (this._dialog.openId && !this._byId.has(this._dialog.openId)) this._dialog.forget();
    if (this.hasUpdated && namesParties(this._ledger)) void this._loadAcceptance();
    this._listVersion++;
    this._figures.later(true);
    if ((this._ledger?.items.length ?? 0) <= SYNC_LIMIT) {
      // A small ledger given: its form value is there at once.
      this._formSync.cancel();
      this.syncForm();
    } else this._formSync.later();
  }

  /** Why the value cannot be shown, in the element's language. */
  private _loadMessage(): string {
    return loadMessage(this._loadError, this.t);
  }

  private _reindex(): void {
    this._byId = new Map();
    this._indexOf = new Map();
    (this._ledger?.items ?? []).forEach((item, i) => {
      this._byId.set(item.id, item);
      this._indexOf.set(item.id, i);
    });
  }

  override checkValidity(): boolean {
    this._formSync.flush();
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
    this._dialog.close();
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
    this._formSync.flush();
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

  /**
   * The ledger as CSV for Excel (UTF-8 BOM, CRLF, quoted cells, statuses and kinds in the element's language).
   * The CSV writer loads after the first frame: call it after `updateComplete` has settled once.
   * @throws {Error} when called before that.
   */
  exportCsv(): string {
    if (!this._csv) throw new Error('[xc-elements] exportCsv(): the CSV writer is still loading; await the element\'s updateComplete first');
    return this._csv.toCsv(this._ledger?.items ?? [], this.effectiveLang);
  }

  /** The CSV writer, once loaded (after the first frame). */
  private _csv: typeof import('../core/rectification/csv.js') | null = null;
  private _csvReady: Promise<void> | null = null;

  /**
   * Download the ledger as a file (`<a download>` of an object URL: nothing is sent anywhere).
   * Fires the cancelable `xc-export` first. `xlsx` is an Excel workbook (one row per item, the CSV's
   * columns, dates as dates): its writer loads on the first Excel export only, and the event carries
   * the file's `bytes`.
   * @returns whether the download was started (false when a listener cancelled it, or when the CSV
   *   writer was still loading right after the first frame: the download then starts once it is there);
   *   for `xlsx`, a promise of it, settled once the workbook is written; false for any other format.
   */
  download(format: 'json' | 'csv'): boolean;
  download(format: 'xlsx'): Promise<boolean>;
  download(format: 'json' | 'csv' | 'xlsx'): boolean | Promise<boolean>;
  download(format: 'json' | 'csv' | 'xlsx'): boolean | Promise<boolean> {
    // A format it does not write starts no download (and fires no xc-export).
    if (format !== 'json' && format !== 'csv' && format !== 'xlsx') return false;
    const base = (typeof this._ledger?.title === 'string' && this._ledger.title.trim()) || this.t.trackerFileName;
    const filename = `${base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}-${this.today}.${format}`;
    if (format === 'xlsx') {
      // The ledger as it is now; the workbook is written in chunks while the page stays responsive.
      const ledger = { title: this._ledger?.title, items: this._ledger?.items ?? [] };
      const lang = this.effectiveLang;
      return loadXlsx().then((x) => x.exportXlsx(this, ledger, lang, filename));
    }
    if (format === 'csv' && !this._csv) {
      // The CSV writer follows the first frame: the download starts once it is there.
      void this._csvReady?.then(() => this._csv && this.download('csv'));
      return false;
    }
    const text = format === 'csv' ? this.exportCsv() : this.exportJson();
    return offerText(this, format, filename, text, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8');
  }

  // -------------------------------------------------------------------------
  // Detail dialog
  // -------------------------------------------------------------------------

  /** Open the detail panel of an item (focus moves into it; closing returns it). */
  openItem(id: string): Promise<boolean> {
    return this._dialog.open(id);
  }

  /** Close the detail panel (focus goes back where it was). */
  closeItem(): void {
    this._dialog.close();
  }

  /** @internal (DialogHost) */
  hasItem(id: string): boolean {
    return this._byId.has(id);
  }

  /** @internal (DialogHost) */
  focusRow(id: string): boolean {
    const row = this._rows.get(id);
    if (!row?.isConnected) return false;
    row.focusOpen();
    return true;
  }

  private _onRowOpen = (e: Event) => {
    e.stopPropagation();
    void this.openItem((e as CustomEvent<RowOpenDetail>).detail.id);
  };

  // -------------------------------------------------------------------------
  // Lifecycle and rendering
  // -------------------------------------------------------------------------

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
    // What follows the first frame (the summary's counting with its charts, the schema check, the CSV writer) starts in a timer.
    if (this._afterFirstFrame) await this._afterFirstFrame;
    while (this._dialog.loading) {
      await this._dialog.loading.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    if (this._acceptanceReady) await this._acceptanceReady;
    if (this._csvReady) await this._csvReady;
    if (this._schemaReady) {
      await this._schemaReady;
      result = await super.getUpdateComplete();
    }
    if (this._summaryLoading) {
      await this._summaryLoading;
      // The figures are counted once the counting has come with the charts: the update it asked for, then the charts'.
      result = await super.getUpdateComplete();
      await (this.renderRoot.querySelector('xc-rectification-summary') as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    }
    return result;
  }

  private _summaryLoading: Promise<unknown> | null = null;
  private _afterFirstFrame: Promise<void> | null = null;
  private _schemaCheck: SchemaCheck | null = null;
  private _schemaReady: Promise<void> | null = null;

  /** The rules of multi-party 验收, once loaded (only for a ledger that names parties). */
  private _acceptance: typeof import('../core/rectification/acceptance.js') | null = null;
  private _acceptanceReady: Promise<void> | null = null;

  private _loadAcceptance(): Promise<void> {
    this._acceptanceReady ??= loadAcceptance().then(
      (m) => {
        this._acceptance = m;
      },
      () => {
        this._acceptanceReady = null;
      },
    );
    return this._acceptanceReady;
  }

  /** The ledger schema's validator and the message pipeline load after the first frame. */
  private _loadSchemaCheck(): Promise<void> {
    this._schemaReady ??= loadSchemaCheck().then(
      (check) => {
        this._schemaCheck = check;
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
    this._afterFirstFrame = new Promise<void>((done) => setTimeout(() => {
      done();
      this._summaryLoading ??= loadSummary()
        .then((m) => {
          adoptStyles(this.shadowRoot, m.styles);
          this._figures.useSummariser(m.summarise);
        })
        .catch(() => undefined);
      void this._loadSchemaCheck();
      this._csvReady ??= loadCsv().then(
        (m) => void (this._csv = m),
        () => void (this._csvReady = null),
      );
      if (namesParties(this._ledger)) void this._loadAcceptance();
    }, 0));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._initial === undefined && this._listVersion === 0) this._adopt(null);
    addEventListener('beforeprint', this._beforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeprint', this._beforePrint);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Drafts are looked for once the context (with its draft storage) has arrived: at the first
    // update, after an enclosing provider's. The value given by then is what a draft is compared with.
    if (!this.hasUpdated) this._drafts.check();
    this._figures.followToday();
    this._view.refresh(this._ledger?.items ?? [], this._listVersion, this.pageSize, this.today);
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
    const openItem = this._dialog.openId ? this._byId.get(this._dialog.openId) : undefined;
    return html`
      ${renderTitle(t, ledger, this.readonly, !!(this.userRole || this.environment?.role), role)}
      ${renderDraftBanner(this._drafts, t, lang, (v) => {
        this._adopt(v);
        this._changed(null, 'restore');
        this.requestUpdate();
      })}
      ${openItem ? nothing : this._remote.render()}
      ${renderErrorSummary(
        this.shownErrors.slice(0, 50),
        t,
        async (e) => this._errorTarget(e),
        (e) => `xc-err-${e.path.replace(/[^\w-]/g, '-')}`,
      )}
      <section class="summary" part="summary" aria-labelledby="summary-title">
        <h3 id="summary-title">${t.trackerSummary}</h3>
        <xc-rectification-summary .summary=${this._figures.summary} .t=${t} .lang=${lang} .noDepartment=${t.trackerNoDepartment}></xc-rectification-summary>
      </section>
      ${renderToolbar({
        t,
        lang,
        view: this._view,
        departments: this._figures.departments,
        grouped: this.grouped,
        role,
        total: ledger.items.length,
        setGrouped: (g) => (this.grouped = g),
        download: (format) => void Promise.resolve(this.download(format)).catch(() => undefined),
        addItem: () => void this.addItem(),
      })}
      ${renderTable({
        t,
        lang,
        view: this._view,
        role,
        grouped: this.grouped,
        today: this.today,
        yellow: this.yellowThreshold,
        pageSize: this.pageSize,
        listVersion: this._listVersion,
        total: ledger.items.length,
        item: (id) => this._byId.get(id)!,
        numberOf: (id) => this.numberOf(id),
        rows: this._rows,
        onRowOpen: this._onRowOpen,
        showMore: (n) => void this._showMore(n),
      })}
      <dialog class="detail" part="detail" aria-labelledby="detail-title" @close=${this._dialog.onClose}>
        ${openItem ? this._remote.render() : nothing}
        ${openItem
          ? html`<xc-rectification-detail
              .item=${openItem}
              .no=${this.numberOf(openItem.id)}
              .actingRole=${role}
              .t=${t}
              .lang=${lang}
              .today=${this.today}
              .yellow=${this.yellowThreshold}
              .actions=${this as TrackerActions}
              .departments=${this._figures.departments}
              .parties=${this._ledger?.acceptanceParties}
              .userName=${this._by}
            ></xc-rectification-detail>`
          : nothing}
      </dialog>
      ${printFiles ? printFiles.printFileList(this, this._ledger, { lang, store: this.environment?.attachments, printOnly: true }) : void loadPrintFiles().then((m) => ((printFiles = m), this.requestUpdate()))}
      <p class="visually-hidden" role="status" aria-live="polite">${this._announce}</p>
      ${this.environment?.watermark?.(this, role === 'viewer')}
    `;
  }

  /** @internal The number people read for an item (its short number, or its place in the ledger). */
  numberOf(id: string): string {
    return itemNumber(id, this._indexOf.get(id) ?? 0);
  }

  /** The control an error is about: the item's detail opens and the field's control (or its heading) is returned. */
  private async _errorTarget(e: FieldError): Promise<HTMLElement | undefined> {
    const m = /^items\.(\d+)(?:\.(.+))?$/.exec(e.path);
    const id = m ? this._ledger?.items[Number(m[1])]?.id : undefined;
    if (!id) return this.renderRoot.querySelector<HTMLElement>('.table-wrap') ?? undefined;
    await this.openItem(id);
    const detail = this._dialog.panel();
    return detail?.controlFor(m![2] ?? '') ?? this.renderRoot.querySelector<HTMLElement>('#detail-title') ?? undefined;
  }
}

defineElement('xc-rectification-tracker', XcRectificationTracker);

declare global {
  interface HTMLElementTagNameMap {
    'xc-rectification-tracker': XcRectificationTracker;
  }
}

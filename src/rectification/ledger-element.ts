/**
 * The data side of `<xc-rectification-tracker>`, the class it extends: the value read into a
 * ledger (tracker-ledger.ts), every change through the core (edits, steps, status changes, the
 * office's additions), refused edits kept in the draft (pending.ts), validity, and the server's
 * side (the saved version, conflicts, refusals, tracker-remote.ts); with the figures it counts and
 * what loads after the first frame (tracker-figures.ts, tracker-deferred.ts). It renders nothing:
 * the page (table, toolbar, dialog, exports, print) is the element's, in xc-rectification-tracker.ts.
 */
import { type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { XcFormElement } from '../base/form-element.js';
import { DraftController } from '../base/draft-controller.js';
import { DeferredFormSync } from '../base/form-sync.js';
import { lazy } from '../base/lazy.js';
import type { ChecklistResponse, ChecklistTemplate } from '../core/checklist.js';
import type { ValidationResult } from '../core/validation-types.js';
import { RectificationError, type RectificationRole, toRole, transition } from '../core/rectification/workflow.js';
import { localDateKey } from '../core/rectification/dates.js';
import type { RectificationItem, RectificationLedger, RectificationStatus } from '../core/rectification-types.js';
import { editItem } from '../core/rectification/changes.js';
import type { MergeConflict } from '../core/ledger-merge.js';
import type { TransitionEventDetail } from '../events/index.js';
import type { TrackerActions, PendingAction, ItemStep } from './xc-rectification-detail.js';
import { roleLabel } from './labels.js';
import { PendingStore } from './pending.js';
import { loadMessage, validateLedger } from './tracker-validation.js';
import { TrackerRemote, type ChangeReason, type RemoteHost, type RemoteOutcome } from './tracker-remote.js';
import { SYNC_LIMIT, TrackerFigures, type FiguresHost } from './tracker-figures.js';
import { TrackerDeferred } from './tracker-deferred.js';
import { TrackerLedger } from './tracker-ledger.js';
import type { AddHost, ImportResult } from './tracker-add.js';

// Adding items is the office's, and rare: its code loads on the first addition.
const loadAdd = lazy(() => import('./tracker-add.js'));
/** Whether a ledger names 验收 parties (then 销号 waits for them). */
const namesParties = (l: RectificationLedger | null) => Array.isArray(l?.acceptanceParties) && l!.acceptanceParties!.length > 0;

/**
 * The ledger as a form-associated value and the changes made to it (see the file's first
 * comment); `<xc-rectification-tracker>` renders it.
 */
export abstract class LedgerElement extends XcFormElement implements TrackerActions, RemoteHost, FiguresHost, AddHost {
  /**
   * The role acting (`unit`, `office`, `viewer`), overriding the context's. Not `role`: that
   * attribute belongs to ARIA. Unknown or missing roles are `viewer`.
   */
  @property({ attribute: 'user-role' }) userRole = '';

  /** The ledger read from the value, its items by id and place (see tracker-ledger.ts). */
  protected _model = new TrackerLedger();
  /** Grows whenever the ledger's list of items changes (a fresh table). */
  @state() protected _listVersion = 0;
  /** What is said politely to screen readers (an import, a version taken from the server). */
  @state() protected _announce = '';
  /** The saved version, conflicts, refused and waiting saves (see tracker-remote.ts). */
  protected _remote = new TrackerRemote(this);
  /** The summary's figures and the departments, following the ledger (see tracker-figures.ts). */
  protected _figures = new TrackerFigures(this);
  /** The form value and validity, after a pause (at once on focusout, submit and disconnect). */
  protected _formSync = new DeferredFormSync(this, () => {
    this.syncForm();
    this.refreshShownErrors();
  });
  /** The charts' counting, the schema check, the CSV writer and the 验收 rules, after the first frame (see tracker-deferred.ts). */
  protected _deferred = new TrackerDeferred(this, {
    parties: () => namesParties(this._model.ledger),
    summary: (fn) => this._figures.useSummariser(fn),
    schema: () => this.syncForm(),
  });
  /** Refused edits and status changes being confirmed (see pending.ts). */
  protected _pending = new PendingStore();
  protected _drafts = new DraftController(this, {
    storage: () => this.env.drafts,
    value: () => this.formValue,
    // Edits the core refused so far are typing too: they are saved beside the ledger.
    unsaved: {
      get: () => this._pending.toJson(),
      restore: (u) => this._pending.restore(u),
    },
    now: () => this.env.now(),
  });

  /** Open an item's detail panel (the element's dialog). */
  abstract openItem(id: string): Promise<boolean>;
  /** @internal (RemoteHost) Show another version without disturbing the person (the element's table and focus). */
  abstract applyKeeping(next: RectificationLedger): void;
  /** A changed item is in place: its row (and its open panel) show it. */
  protected itemReplaced(_next: RectificationItem): void {}
  /** Another ledger was read from the value: an open item that is gone is forgotten. */
  protected ledgerAdopted(): void {}

  /** The ledger `{version: 1, title?, unit?, items: [...]}`. Unknown members of the ledger and its items are kept. */
  @property({ attribute: false })
  get value(): RectificationLedger | null {
    const l = this._model.ledger;
    if (!l) return (this._model.raw as RectificationLedger | null) ?? null;
    return { ...l, items: [...l.items] };
  }
  set value(v: RectificationLedger | null) {
    const old = this.value;
    if (this._model.initial === undefined) this._model.initial = v;
    this._adopt(v);
    // A value given by the host is what was saved: the person's changes are counted from it.
    this._remote.markSynced(this._model.ledger);
    this.requestUpdate('value', old);
  }

  override get formValue(): unknown {
    return this._model.ledger ?? this._model.raw;
  }

  override isEmpty(): boolean {
    return !this._model.ledger?.items.length;
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
    return this._model.get(id);
  }

  /** Who is acting, for the history: the user's name, else id, else the role's name. */
  protected get _by(): string {
    const u = this.env.user;
    return u?.name?.trim() || u?.id?.trim() || roleLabel(this.effectiveRole, this.t) || this.t.trackerUnknownUser;
  }

  /** @internal (AddHost) who acts now: name, role and time. */
  actor(): { by: string; role: RectificationRole; at: string } {
    return { by: this._by, role: this.effectiveRole, at: this.env.now().toISOString() };
  }

  // -------------------------------------------------------------------------
  // Changes (all through the core)
  // -------------------------------------------------------------------------

  /** The item with this id, or the core's refusal. */
  private _item(id: string): RectificationItem {
    const item = this._model.get(id);
    if (!item) throw new RectificationError('invalid', `No item ${id}`);
    return item;
  }

  /**
   * Apply field edits to an item as the current role and user (the core's `editItem`): each field
   * changed is appended to the item's change log (`changes`: who, when, field, before, after).
   * @throws {RectificationError} `role` (the role may not edit a field now), `invalid` (a malformed value); nothing is applied then.
   */
  applyEdit(id: string, patch: Partial<RectificationItem>): RectificationItem {
    // Every field edit goes on the item's change log (who, when, before, after): the server refuses edits without it.
    return this._apply(editItem(this._item(id), patch, this.actor()));
  }

  /**
   * Apply one of the core's steps to an item as the current role and user: `requestExtension`
   * (the unit asks for 延期), `decideExtension` (the office decides), `signAcceptance` (a party's
   * 验收) of `xc-elements/core`, or a host's own. The step gets the item and who acts
   * (`{ by, role, at }`) and returns the new item; fires `xc-change` (`reason: 'edit'`).
   * @throws {RectificationError} what the step throws; nothing is applied then.
   */
  applyStep(id: string, step: ItemStep): RectificationItem {
    return this._apply(step(this._item(id), this.actor()));
  }

  /** An edit or a step done: the item in place, and the change told. */
  private _apply(next: RectificationItem): RectificationItem {
    this._replace(next);
    this._changed(next.id, 'edit');
    return next;
  }

  /**
   * Move an item to status `to` as the current role and user (the core's `transition`): appends a
   * history entry and fires `xc-transition` and `xc-change`.
   * @throws {RectificationError} `not-allowed`, `role`, `needs-evidence`, `needs-verifier`, `needs-comment`, `needs-acceptance`, `not-ongoing`, `invalid`.
   */
  applyTransition(id: string, to: RectificationStatus, opts: { comment?: string; verifier?: string } = {}): RectificationItem {
    const item = this._item(id);
    const step = { ...this.actor(), comment: opts.comment, verifier: opts.verifier };
    const ledger = this._model.ledger;
    let next: RectificationItem;
    if (!namesParties(ledger)) next = transition(item, to, step);
    else {
      // 销号 waits for every required 验收 party the ledger names. Their rules load after the first
      // frame (updateComplete waits for them); until then nothing is closed.
      const rules = this._deferred.acceptance;
      if (!rules) {
        void this._deferred.loadAcceptance();
        if (to === 'closed') throw new RectificationError('needs-acceptance', 'The acceptance rules are still loading');
        next = transition(item, to, step);
      } else next = rules.transitionAccepted(item, to, step, rules.acceptanceParties(ledger));
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
    return (await loadAdd()).importFindings(this, template, response, options.deadline);
  }

  /**
   * Add a new, empty item (office only: it is the office that lists problems) and open it. The
   * code that makes items loads on the first addition.
   * @returns the new item's id.
   * @throws {RectificationError} `role` for other roles.
   */
  async addItem(): Promise<string> {
    return (await loadAdd()).addItem(this);
  }

  /** @internal (AddHost) */
  putItems(items: RectificationItem[], itemId: string | null, reason: 'add' | 'import'): void {
    this._model.setItems(items);
    this._listVersion++;
    this._changed(itemId, reason);
  }

  /** Put a changed item in place and re-render its row (only). */
  protected _replace(next: RectificationItem): void {
    if (this._model.replace(next)) this.itemReplaced(next);
  }

  /** After every change: drafts, summary, form value, event. */
  protected _changed(itemId: string | null, reason: ChangeReason): void {
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
    this._remote.markSynced(ledger ?? this._model.ledger);
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

  /** @internal (RemoteHost, FiguresHost, AddHost) the ledger shown, not copied. */
  get shownLedger(): RectificationLedger | null {
    return this._model.ledger;
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

  /** @internal (RemoteHost, AddHost) */
  announce(text: string): void {
    this._announce = text;
  }

  /** @internal (RemoteHost) */
  unsavedTyping(): unknown {
    return this._pending.toJson();
  }

  // -------------------------------------------------------------------------
  // Value
  // -------------------------------------------------------------------------

  protected _adopt(v: unknown): void {
    const model = this._model;
    model.adopt(v);
    this.ledgerAdopted();
    if (this.hasUpdated && namesParties(model.ledger)) void this._deferred.loadAcceptance();
    this._listVersion++;
    this._figures.later(true);
    if ((model.ledger?.items.length ?? 0) <= SYNC_LIMIT) {
      // A small ledger given: its form value is there at once.
      this._formSync.cancel();
      this.syncForm();
    } else this._formSync.later();
  }

  override checkValidity(): boolean {
    this._formSync.flush();
    return super.checkValidity();
  }

  /** Validate the ledger against the schema (precompiled) and the workflow rules; shows nothing. */
  override validate(): ValidationResult {
    const ledger = this._model.ledger;
    if (!ledger) return { valid: false, errors: [{ path: '', message: loadMessage(this._model.error, this.t), keyword: 'load' }] };
    // The schema check arrives after the first frame (reportValidity waits for it); the workflow rules are always here.
    return validateLedger(ledger, this._deferred.schemaCheck, this.t, this.effectiveLang);
  }

  /** Back to the value first given (or an empty ledger); the stored draft is kept until the next change. */
  override reset(): void {
    this.submitted = false;
    this.shownErrors = [];
    this._adopt(this._model.initial ?? null);
    this.requestUpdate();
  }

  protected override restoreValue(value: unknown): void {
    this.value = value as RectificationLedger;
  }

  override async reportValidity(): Promise<boolean> {
    this._formSync.flush();
    await this._deferred.loadSchemaCheck();
    return super.reportValidity();
  }

  override async submit(): Promise<boolean> {
    const ok = await super.submit();
    if (ok) this._drafts.flush();
    return ok;
  }

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

  /** @internal The number people read for an item (its short number, or its place in the ledger). */
  numberOf(id: string): string {
    return this._model.numberOf(id);
  }

  /**
   * `updateComplete` also waits for what follows the first frame once it has begun loading: the
   * ledger schema's check (so that `validate()` after it reports what the schema says), the
   * summary's counting with its charts, the CSV writer and the 验收 rules.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    // What follows the first frame starts in a timer.
    await this._deferred.firstFrame;
    return this._deferred.settle(result, () => super.getUpdateComplete());
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    // Not needed to read or work the table, the charts and the schema check follow the first frame.
    this._deferred.start();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._model.initial === undefined && this._listVersion === 0) this._adopt(null);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Drafts are looked for once the context (with its draft storage) has arrived: at the first
    // update, after an enclosing provider's. The value given by then is what a draft is compared with.
    if (!this.hasUpdated) this._drafts.check();
    this._figures.followToday();
  }
}

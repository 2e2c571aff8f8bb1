/**
 * `<xc-rectification-tracker>`, the rectification ledger (整改台账): the element and its page. The
 * ledger's data side — value, changes through the core, validity, the server's side — is the
 * class it extends (ledger-element.ts); here are the properties of the page, the exports, printing
 * and the render, put together from the units beside it: filters and paging (ledger-view.ts),
 * toolbar and table (tracker-toolbar.ts, tracker-table.ts), the detail dialog (tracker-dialog.ts).
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../base/define.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { StickyOffsetController } from '../base/sticky-offset.js';
import { offerText } from '../base/save-text.js';
import { lazy } from '../base/lazy.js';
import { toJson } from '../core/rectification/json.js';
import type { RectificationItem, RectificationLedger } from '../core/rectification-types.js';
// Imported for its effect too: the rows are rendered by the tracker itself, so their element must be
// defined with it (a type-only import would leave them out of a bundle's tracker chunk).
import './xc-rectification-row.js';
import type { XcRectificationRow, RowOpenDetail } from './xc-rectification-row.js';
import './locale.js';
import { trackerStyles } from './xc-rectification-tracker.styles.js';
import { loadMessage } from './tracker-validation.js';
import { LedgerView } from './ledger-view.js';
import { renderTitle, renderToolbar, loadXlsx } from './tracker-toolbar.js';
import { renderTable } from './tracker-table.js';
import { TrackerDialog, type DialogHost } from './tracker-dialog.js';
import type { TrackerActions } from './xc-rectification-detail.js';
import { LedgerElement } from './ledger-element.js';

import type { TransitionEventDetail, ExportEventDetail } from '../events/index.js';
export type { TransitionEventDetail, ExportEventDetail };
export type { ImportResult } from './tracker-add.js';
export type { RemoteOutcome } from './tracker-remote.js';

/** Printing's shared controller (src/base/print-page.ts): loaded after the first frame, as the printed 附件清单. */
const loadPrintPage = lazy(() => import('../base/print-page.js'));
/** The printed 附件清单: a small chunk loaded after the first frame, the list itself only when the record has files. */
const loadPrintFiles = lazy(() => import('../attachments/print-hook.js'));
let printFiles: typeof import('../attachments/print-hook.js') | undefined;

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
export class XcRectificationTracker extends LedgerElement implements DialogHost {
  static override styles = [tokens, trackerStyles];

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
  /** The detail dialog: the open item, focus in and back (see tracker-dialog.ts). */
  private _dialog = new TrackerDialog(this);
  /** The rows rendered, by item id (kept by the table's mapElement directive). */
  private _rows = new Map<string, XcRectificationRow>();
  /**
   * Printed, the table holds every matching row (no page rule of its own: the browser's page
   * size). The controller comes after the first frame; until then the first rows are all there is.
   */
  protected printPage?: import('../base/print-page.js').PrintPageController;

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

  /** Back to the value first given (or an empty ledger); the stored draft is kept until the next change. */
  override reset(): void {
    this._dialog.close();
    super.reset();
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.toolbar select, .toolbar input, button') ?? undefined;
  }

  protected override itemReplaced(next: RectificationItem): void {
    const row = this._rows.get(next.id);
    if (row?.isConnected && row.item?.id === next.id) row.item = next;
    if (this._dialog.openId === next.id) this.requestUpdate();
  }

  protected override ledgerAdopted(): void {
    if (this._dialog.openId && !this._model.get(this._dialog.openId)) this._dialog.forget();
  }

  /**
   * Show another version of the ledger without disturbing the person: when it has the same items
   * in the same order, only changed rows re-render (filters, sort, rows shown, the open item and
   * focus stay); otherwise the table is rebuilt with the same filters and page, and focus returns
   * to the row it was on.
   * @internal (RemoteHost)
   */
  applyKeeping(next: RectificationLedger): void {
    const changed = this._model.keep(next);
    if (changed) {
      changed.forEach((it) => this._replace(it));
      this._figures.later();
      this._formSync.later();
      this.requestUpdate();
      return;
    }
    // Rows render into the tracker's own tree: the focused control sits inside its row.
    const rowId = changed === null ? this.shadowRoot?.activeElement?.closest<XcRectificationRow>('xc-rectification-row')?.item?.id : undefined;
    if (changed === null) this._view.keepPage();
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
  // Export
  // -------------------------------------------------------------------------

  // -------------------------------------------------------------------------
  // Export
  // -------------------------------------------------------------------------

  /** The ledger as JSON text (unknown members kept). */
  exportJson(): string {
    return this._model.ledger ? toJson(this.value!) : JSON.stringify(this._model.raw, null, 2) + '\n';
  }

  /**
   * The ledger as CSV for Excel (UTF-8 BOM, CRLF, quoted cells, statuses and kinds in the element's language).
   * The CSV writer loads after the first frame: call it after `updateComplete` has settled once.
   * @throws {Error} when called before that.
   */
  exportCsv(): string {
    const csv = this._deferred.csv;
    if (!csv) throw new Error('[xc-elements] exportCsv(): the CSV writer is still loading; await the element\'s updateComplete first');
    return csv.toCsv(this._model.ledger?.items ?? [], this.effectiveLang);
  }

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
    const title = this._model.ledger?.title;
    const base = (typeof title === 'string' && title.trim()) || this.t.trackerFileName;
    const filename = `${base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}-${this.today}.${format}`;
    if (format === 'xlsx') {
      // The ledger as it is now; the workbook is written in chunks while the page stays responsive.
      const ledger = { title, items: this._model.ledger?.items ?? [] };
      const lang = this.effectiveLang;
      return loadXlsx().then((x) => x.exportXlsx(this, ledger, lang, filename));
    }
    if (format === 'csv' && !this._deferred.csv) {
      // The CSV writer follows the first frame: the download starts once it is there.
      void this._deferred.csvReady?.then(() => this._deferred.csv && this.download('csv'));
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
    return !!this._model.get(id);
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

  /** `updateComplete` also waits for the detail panel's code when an item is being opened. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this._dialog.loading) {
      await this._dialog.loading.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    void loadPrintPage().then((m) => (this.printPage ??= new m.PrintPageController(this, { rule: '', before: () => this.renderAll() })), () => undefined);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this._view.refresh(this._model.ledger?.items ?? [], this._listVersion, this.pageSize, this.today);
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

  protected override render() {
    const t = this.t;
    const lang = this.effectiveLang;
    const ledger = this._model.ledger;
    if (!ledger) {
      return html`<div class="load-error" role="alert">
        <p><strong>${t.trackerInvalid}</strong></p>
        <p>${loadMessage(this._model.error, t)}</p>
      </div>`;
    }
    const role = this.effectiveRole;
    const openItem = this._dialog.openId ? this._model.get(this._dialog.openId) : undefined;
    const banner = this._remote.render();
    return html`
      ${renderTitle(t, ledger, this.readonly, !!(this.userRole || this.environment?.role), role)}
      ${renderDraftBanner(this._drafts, t, lang, (v) => {
        this._adopt(v);
        this._changed(null, 'restore');
        this.requestUpdate();
      })}
      ${openItem ? nothing : banner}
      ${renderErrorSummary(
        this.shownErrors.slice(0, 50),
        t,
        async (e) => this._dialog.controlFor(e.path, ledger.items),
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
        item: (id) => this._model.get(id)!,
        numberOf: (id) => this.numberOf(id),
        rows: this._rows,
        onRowOpen: this._onRowOpen,
        showMore: (n) => void this._showMore(n),
      })}
      <dialog class="detail" part="detail" aria-labelledby="detail-title" @close=${this._dialog.onClose}>
        ${openItem ? banner : nothing}
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
              .parties=${ledger.acceptanceParties}
              .userName=${this._by}
            ></xc-rectification-detail>`
          : nothing}
      </dialog>
      ${printFiles ? printFiles.printFileList(this, ledger, { lang, store: this.environment?.attachments, printOnly: true }) : void loadPrintFiles().then((m) => ((printFiles = m), this.requestUpdate()))}
      <p class="visually-hidden" role="status" aria-live="polite">${this._announce}</p>
      ${this.environment?.watermark?.(this, role === 'viewer')}
    `;
  }
}

defineElement('xc-rectification-tracker', XcRectificationTracker);

declare global {
  interface HTMLElementTagNameMap {
    'xc-rectification-tracker': XcRectificationTracker;
  }
}

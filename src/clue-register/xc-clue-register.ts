/**
 * <xc-clue-register>: the 问题线索台账 of a round — every clue in one list with filters, counts and
 * the reply light, selection of approved clues for a numbered 移交单, CSV. The per-clue panel
 * (route, approve, record the reply), the forms, the printable 移交单 and the Excel and Word exports
 * load lazily (./xc-clue-register-detail.ts, ./xc-clue-register-sheet.ts, ./register-export.ts).
 * The candidates, counts, table and list of 移交单 are drawn by ./clue-register-list.ts; this file holds
 * the element, its toolbar and the panels' wiring. The logic is src/core/clue-register.ts.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { XcRecordElement, type RecordRead } from '../base/record-element.js';
import { defineElement } from '../base/define.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { lazy } from '../base/lazy.js';
import { offerText } from '../base/save-text.js';
import { PrintPageController } from '../base/print-page.js';
import { tokens } from '../base/styles.js';
import { registerStyles } from '../base/register-styles.js';
import type { ValidationResult } from '../core/validation-types.js';
import type { WorkpaperRoles } from '../core/workpaper.js';
import {
  CLUE_RECEIVERS,
  CLUE_STATES,
  addClues,
  clueReceiverLabel,
  clueRefusalMessage,
  clueRegisterMessages,
  clueShapeMessage,
  clueSourceKey,
  clueStateLabel,
  clueStep,
  cluesToCsv,
  editClue,
  emptyClueRegister,
  filterClues,
  makeTransferSheet,
  readClueRegister,
  receiverOf,
  validateClueRegister,
  type ClueFilter,
  type ClueInput,
  type ClueRefusalCode,
  type ClueRegister,
  type ClueStepInput,
  type RegisterClue,
  type TransferSheet,
} from '../core/clue-register.js';
import { clueRegisterStyles } from './xc-clue-register.styles.js';
import { renderCandidates, renderCounts, renderSheets, renderTable } from './clue-register-list.js';
import type { ClueForm, PanelHost, SheetForm } from './xc-clue-register-detail.js';

/** The panels and forms: a chunk loaded the first time one opens. */
const loadDetail = lazy(() => import('./xc-clue-register-detail.js'));
/** The printable 移交单: a chunk loaded the first time a sheet is shown. */
const loadSheet = lazy(() => import('./xc-clue-register-sheet.js'));
/** The Excel and Word exports (./register-export.ts): loaded on the first export only, never with the page. */
const loadExport = lazy(() => import('./register-export.js'));

import type { ClueTransferDetail } from '../events/xc-transfer.js';
export type { ClueTransferDetail };

/** What is open besides the list. */
type Panel = { kind: 'clue'; id: string } | { kind: 'add' } | { kind: 'sheet-form' } | null;

const s = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * 问题线索台账: every problem clue of a round of 巡察, whatever its source (a checklist finding
 * flagged as clue, an interview, a petition, or registered here), each linked back to its source
 * record. A team member proposes the 移交 of a clue — to the 纪检监察机关, or to the 组织部门 for
 * 选人用人 / 民主集中制 / 基层组织建设 problems (条例 §28; suggested from the problem's category,
 * and overridable) — and the 组长 approves it. Approved clues are selected and handed over together
 * on one numbered 移交单 with 移交人 and 接收人, printed on A4 with signature lines. Each transferred
 * clue has a reply deadline (three months after 移交 by default, `replyMonths` of the register) with a
 * traffic light in colour and in words, and the receiver's 处置结果 is recorded when the reply comes.
 *
 * Roles come from `user-role`, else `<xc-provider user-role>`, mapped like the 工作底稿's review:
 * `preparer` and `reviewer` are team members, `leader` is the 组长 (a host's own names through
 * `roles`). The 反映人 is never held by the register: the list, the 移交单 (printed or as Word) and
 * the CSV and Excel exports cannot show it.
 * "Today" (the light, dates) comes from the provider's clock.
 *
 * @customElement xc-clue-register
 * @tag xc-clue-register
 *
 * @fires xc-change - The register changed. `detail: { value, clueId: string | null, reason: 'add' | 'edit' | 'step' | 'transfer' | 'restore' }` (`value` is read lazily).
 * @fires xc-transfer - A 移交单 was made. `detail: { sheet, clues }`.
 * @fires xc-submit - `submit()` found every clue complete. `detail: { value }`.
 * @fires xc-invalid - `submit()` found errors. `detail: { errors }`.
 * @fires xc-export - The CSV, the Excel workbook or a 移交单 as Word is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'csv' | 'xlsx' | 'docx', filename, text, bytes? }` (`bytes`: the workbook's or the document's).
 *
 * @slot header - Shown under the title (e.g. the unit and the round).
 *
 * @csspart toolbar - The bar with filters, the add and 移交单 buttons and export.
 * @csspart counts - The counts by state and receiver, and the overdue replies.
 * @csspart table - The list of clues.
 * @csspart panel - The open clue, form or 移交单 form.
 * @csspart print-sheet - The 移交单 as printed (A4, signature lines).
 * @csspart error-summary - The error summary.
 * @csspart draft-banner - Draft restore / storage notices.
 *
 * @cssprop --xc-font-size - Base font size.
 * @cssprop --xc-color-primary - Main accent colour.
 * @cssprop --xc-color-border - Border colour of controls and the table.
 * @cssprop --xc-color-surface-alt - Background of bars and panels.
 */
export class XcClueRegister extends XcRecordElement<ClueRegister> {
  static override styles = [tokens, registerStyles, clueRegisterStyles];

  /** The role in force for this element; wins over `<xc-provider user-role>`. */
  @property({ attribute: 'user-role' }) userRole = '';

  /** Provider roles per level, as for the 工作底稿's review (default: `preparer`, `reviewer` members, `leader` the 组长). */
  @property({ attribute: false }) roles?: Partial<WorkpaperRoles>;

  /**
   * Clues the host's records offer (from `cluesFromChecklist`, `cluesFromInterview`, `clueFromPetition`):
   * those not yet in the register are listed for a person to pick and register.
   */
  @property({ attribute: false }) candidates: readonly ClueInput[] = [];

  @state() private _picked: ReadonlySet<string> = new Set();

  /** Rows the list shows at first (more on request); 0 shows every clue at once. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 200;

  /** Rows shown beyond the first page (grows with 显示更多). */
  @state() private _extra = 0;

  @state() private _filter: ClueFilter = {};
  @state() private _selected: ReadonlySet<string> = new Set();
  @state() private _panel: Panel = null;
  @state() private _shownSheet: string | null = null;
  @state() private _status = '';
  @state() private _error = '';
  @state() private _version = 0;
  @state() private _form: ClueForm = emptyClueForm();
  @state() private _sheetForm: SheetForm = { receiverUnit: '', transferor: '', recipient: '', date: '' };

  private _opener: HTMLElement | null = null;
  private _detail?: typeof import('./xc-clue-register-detail.js');
  private _sheet?: typeof import('./xc-clue-register-sheet.js');

  /** The draft keeps the open panel and its typing beside the register. */
  protected override unsavedWork(): unknown {
    return this._panel ? { panel: this._panel, form: { ...this._form }, sheetForm: { ...this._sheetForm } } : undefined;
  }

  protected override restoreUnsaved(u: unknown): void {
    const d = u as { panel?: Panel; form?: ClueForm; sheetForm?: SheetForm } | undefined;
    if (!d || typeof d !== 'object' || !d.panel || typeof d.panel !== 'object') return;
    this._form = { ...emptyClueForm(), ...(d.form ?? {}) };
    this._sheetForm = { ...this._sheetForm, ...(d.sheetForm ?? {}) };
    void this._open(d.panel, false);
  }

  /** The register: `{ version: 1, round?, unit?, numberPattern?, sheetPattern?, replyMonths?, clues, transfers }`. Unknown members are kept. */
  @property({ attribute: false })
  get value(): ClueRegister {
    return this.record;
  }
  set value(v: ClueRegister | null | undefined) {
    this.acceptValue(v);
  }

  protected override emptyValue(): ClueRegister {
    return emptyClueRegister();
  }

  protected override readValue(v: unknown): RecordRead<ClueRegister> {
    const r = readClueRegister(v);
    return r.ok ? { value: r.register } : { error: clueShapeMessage(r, this.effectiveLang) };
  }

  /** Selected clues the new value does not have are unselected; a panel on one closes. */
  protected override adopt(v: unknown): void {
    super.adopt(v);
    const ids = new Set(this.record.clues.map((c) => c.id));
    this._selected = new Set([...this._selected].filter((id) => ids.has(id)));
    if (this._panel?.kind === 'clue' && !ids.has(this._panel.id)) this._panel = null;
    this._version++;
  }

  override isEmpty(): boolean {
    return this.record.clues.length === 0;
  }

  /** Every clue has a main problem; shows nothing. */
  override validate(): ValidationResult {
    if (this.valueError) return { valid: false, errors: [{ path: '', message: this.valueError, keyword: 'shape' }] };
    return validateClueRegister(this.record, this.effectiveLang);
  }

  /** Back to the value first given; panels close. */
  override reset(): void {
    this._panel = null;
    this._shownSheet = null;
    this._selected = new Set();
    super.reset();
  }

  /** The role in force: `user-role`, else the provider's. */
  get actingRole(): string {
    return this.userRole || this.environment?.role || '';
  }

  /** "Today" by the provider's clock, YYYY-MM-DD. */
  get today(): string {
    return this.todayKey;
  }

  private get _actor() {
    return { role: this.actingRole, name: s(this.environment?.user?.name) };
  }

  // --- Changes (also for hosts and tests) ------------------------------------------------------

  private _changed(clueId: string | null, reason: string): void {
    this._version++;
    this.changed({ clueId, reason });
  }

  /**
   * Add clues (from `cluesFromChecklist`, `cluesFromInterview`, `clueFromPetition` of the core, or
   * your own); a source already in the register is skipped. Returns the clues added.
   */
  addClues(inputs: readonly ClueInput[]): RegisterClue[] {
    if (this.locked || this.valueError) return [];
    const r = addClues(this.record, inputs, this.today);
    const t = clueRegisterMessages(this.effectiveLang);
    this._status = [r.added.length ? t.crAdded(r.added.length) : '', r.skipped ? t.crSkipped(r.skipped) : ''].filter(Boolean).join(' ');
    if (!r.added.length) return [];
    this.record = r.register;
    this._changed(r.added.length === 1 ? r.added[0]!.id : null, 'add');
    return r.added;
  }

  /** The candidates not yet in the register, each with its source key. */
  private _pending(): { key: string; input: ClueInput }[] {
    const ids = new Set(this.record.clues.map((c) => c.id));
    const out: { key: string; input: ClueInput }[] = [];
    for (const input of Array.isArray(this.candidates) ? this.candidates : []) {
      const key = input && typeof input === 'object' && input.source ? clueSourceKey(input.source) : null;
      if (key && !ids.has(key) && !out.some((o) => o.key === key)) out.push({ key, input });
    }
    return out;
  }

  /** Register the candidates picked in the list. */
  private _addPicked(): void {
    const picked = this._pending().filter((p) => this._picked.has(p.key));
    if (!picked.length) {
      this._status = clueRegisterMessages(this.effectiveLang).crPickNone;
      return;
    }
    this.addClues(picked.map((p) => p.input));
    this._picked = new Set();
  }

  /** Take a step on a clue as the role in force; returns null when done, else why it was refused. */
  step(id: string, input: Omit<ClueStepInput, 'on'> & { on?: string }): ClueRefusalCode | 'locked' | null {
    if (this.locked) return 'locked';
    const r = clueStep(this.record, id, { ...input, on: input.on ?? this.today }, this._actor, this.roles);
    if (!r.ok) return r.code;
    this.record = r.register;
    this._status = clueRegisterMessages(this.effectiveLang).crStepDone(r.clue.number, clueStateLabel(r.clue.state, this.effectiveLang));
    this._changed(id, 'step');
    return null;
  }

  /** Change what the team writes of a clue (not once transferred). */
  edit(id: string, changes: Parameters<typeof editClue>[2]): ClueRefusalCode | 'locked' | null {
    if (this.locked) return 'locked';
    const r = editClue(this.record, id, changes);
    if (!r.ok) return r.code;
    this.record = r.register;
    this._changed(id, 'edit');
    return null;
  }

  /**
   * Make a 移交单 of the given approved clues (default: the selected ones), fire `xc-transfer` and
   * show the sheet for print. Returns the sheet, or why it was refused.
   */
  transfer(input: { clueIds?: readonly string[]; date?: string; transferor: string; recipient: string; receiverUnit?: string }): TransferSheet | ClueRefusalCode | 'locked' {
    if (this.locked) return 'locked';
    const r = makeTransferSheet(this.record, { clueIds: input.clueIds ?? [...this._selected], date: input.date || this.today, transferor: input.transferor, recipient: input.recipient, receiverUnit: input.receiverUnit }, this._actor, this.roles);
    if (!r.ok) return r.code;
    this.record = r.register;
    this._selected = new Set();
    this._status = clueRegisterMessages(this.effectiveLang).crSheetMade(r.sheet.number, r.sheet.clueIds.length);
    this._changed(null, 'transfer');
    const clues = r.register.clues.filter((c) => r.sheet.clueIds.includes(c.id));
    this.dispatchEvent(new CustomEvent<ClueTransferDetail>('xc-transfer', { bubbles: true, composed: true, detail: { sheet: r.sheet, clues } }));
    void this.showSheet(r.sheet.id);
    return r.sheet;
  }

  /** Show a 移交单 (loads its layout); `window.print()` then prints it alone on A4. */
  async showSheet(id: string | null): Promise<void> {
    this._shownSheet = id;
    if (id && !this._sheet) await this._load(loadSheet().then((m) => (this._sheet = m)));
    await this.updateComplete;
  }

  /** The CSV of the clues shown (filters applied), the light in words. */
  toCsv(): string {
    return cluesToCsv(this.record, { lang: this.effectiveLang, today: this.today, clues: this._shown() });
  }

  /**
   * Download the clues shown (an object URL: nothing is sent anywhere) as CSV (the default) or, with
   * `'xlsx'`, as an Excel workbook: the CSV's columns and texts, one row per clue, 移交日期, 回复期限 and
   * 回复日期 as date cells, the light in words. The workbook's writer loads on the first Excel export
   * only. Fires the cancelable `xc-export` first (for `xlsx` with the file's `bytes`).
   * @returns whether the download started; for `xlsx`, a promise of it, settled once the workbook is written.
   */
  download(format?: 'csv'): boolean;
  download(format: 'xlsx'): Promise<boolean>;
  download(format?: 'csv' | 'xlsx'): boolean | Promise<boolean>;
  download(format: 'csv' | 'xlsx' = 'csv'): boolean | Promise<boolean> {
    const lang = this.effectiveLang;
    const filename = `${clueRegisterMessages(lang).crFileName}-${this.today}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
    if (format === 'xlsx') {
      const register = this.record;
      const options = { lang, today: this.today, clues: this._shown() };
      return loadExport().then((x) => x.exportXlsx(this, register, options, filename));
    }
    return offerText(this, 'csv', filename, this.toCsv(), 'text/csv;charset=utf-8');
  }

  /**
   * Download a 移交单 as a Word document (.docx, A4): the printed sheet's title, number, 移交对象, date,
   * table of clues, reply deadline and the signature lines of 移交人 and 接收人. Its writer loads on the
   * first Word export only. Fires the cancelable `xc-export` first (`format: 'docx'`, with the file's `bytes`).
   * @returns a promise of whether the download started (false for a sheet the register does not have).
   */
  downloadTransfer(sheetId: string): Promise<boolean> {
    const register = this.record;
    const lang = this.effectiveLang;
    return loadExport().then((x) => x.exportTransferDocx(this, register, sheetId, lang));
  }

  // --- Panels --------------------------------------------------------------------------------

  /** Open a clue's panel, the add form or the 移交单 form (loads them the first time). */
  async openClue(id: string): Promise<void> {
    await this._open({ kind: 'clue', id });
  }

  private async _open(panel: Panel, fresh = true): Promise<void> {
    this._opener = (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    this._error = '';
    if (fresh && panel?.kind === 'add') this._form = emptyClueForm();
    if (fresh && panel?.kind === 'clue') {
      const c = this.record.clues.find((x) => x.id === panel.id);
      this._form = { ...emptyClueForm(), mainProblem: s(c?.mainProblem), suggestion: s(c?.suggestion), receiver: c ? receiverOf(c) : '', replyOn: this.today };
    }
    if (fresh && panel?.kind === 'sheet-form') this._sheetForm = { receiverUnit: '', transferor: s(this.environment?.user?.name), recipient: '', date: this.today };
    this._panel = panel;
    if (!this._detail) await this._load(loadDetail().then((m) => (this._detail = m)));
    this.drafts.changed();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.panel h3')?.focus();
  }

  private async _close(): Promise<void> {
    this._panel = null;
    this._error = '';
    this.drafts.changed();
    await this.updateComplete;
    const back = this._opener?.isConnected ? this._opener : this.renderRoot.querySelector<HTMLElement>('.add');
    back?.focus();
  }

  private _loading: Promise<unknown> | null = null;

  /** A chunk being loaded: `updateComplete` waits for it, and the element draws again when it is there. */
  private async _load(p: Promise<unknown>): Promise<void> {
    const mine = p.finally(() => {
      if (this._loading === mine) this._loading = null;
      this.requestUpdate();
    });
    this._loading = mine;
    await mine.catch(() => undefined);
  }

  protected override get pendingWork(): Promise<unknown> | null {
    return this._loading;
  }

  /** What the panels need of the element. */
  private _panelHost(): PanelHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      lang: this.effectiveLang,
      today: this.today,
      locked: this.locked,
      role: this.actingRole,
      roles: this.roles,
      error: this._error,
      // Read when used: a click right after typing sees what was typed, drawn or not.
      get form() {
        return self._form;
      },
      get sheetForm() {
        return self._sheetForm;
      },
      selected: this.record.clues.filter((c) => this._selected.has(c.id)),
      setForm: (patch) => {
        this._form = { ...this._form, ...patch };
        this.drafts.changed();
      },
      setSheetForm: (patch) => {
        this._sheetForm = { ...this._sheetForm, ...patch };
        this.drafts.changed();
      },
      close: () => void this._close(),
      act: (id, input) => this._act(id, input),
      saveNew: () => this._saveNew(),
      makeSheet: () => this._makeSheet(),
    };
  }

  private async _refused(code: string): Promise<void> {
    this._error = clueRefusalMessage(code as ClueRefusalCode, this.effectiveLang);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.panel .refusal')?.focus();
  }

  private async _act(id: string, input: (Omit<ClueStepInput, 'on'> | { action?: undefined }) & { on?: string; edit?: Parameters<typeof editClue>[2] }): Promise<void> {
    const { edit, ...step } = input;
    if (edit) {
      if (edit.mainProblem !== undefined && !edit.mainProblem.trim()) return this._refused('problem');
      const e = this.edit(id, edit);
      if (e) return this._refused(e);
    }
    // Saving the team's words alone: no step.
    const refused = step.action ? this.step(id, step as Omit<ClueStepInput, 'on'>) : null;
    if (refused) return this._refused(refused);
    this._error = '';
    await this._close();
  }

  private async _saveNew(): Promise<void> {
    const f = this._form;
    if (!f.mainProblem.trim()) return this._refused('problem');
    const person = f.concernedName.trim() || f.concernedUnit.trim() ? { ...(f.concernedName.trim() ? { name: f.concernedName } : {}), ...(f.concernedUnit.trim() ? { unit: f.concernedUnit } : {}) } : undefined;
    this.addClues([{ source: { kind: 'manual' }, mainProblem: f.mainProblem, category: f.category, personConcerned: person, suggestion: f.suggestion }]);
    await this._close();
  }

  private async _makeSheet(): Promise<void> {
    const f = this._sheetForm;
    const r = this.transfer({ transferor: f.transferor, recipient: f.recipient, receiverUnit: f.receiverUnit, date: f.date });
    if (typeof r === 'string') return this._refused(r);
    this._panel = null;
    this.drafts.changed();
    await this.showSheet(r.id);
    this.renderRoot.querySelector<HTMLElement>('.sheet-view h3')?.focus();
  }

  // --- Rendering -----------------------------------------------------------------------------

  /** Printed, the list holds every clue shown by the filters, not only the first page; the page is A4. */
  protected readonly printPage = new PrintPageController(this, {
    before: () => {
      if (this.pageSize > 0) this._extra = Infinity;
    },
  });

  private _shownCache?: { key: string; clues: RegisterClue[] };
  private _shown(): RegisterClue[] {
    const f = this._filter;
    const key = `${this._version}|${this.today}|${f.state ?? ''}|${f.receiver ?? ''}|${f.overdue ? 1 : 0}|${f.query ?? ''}`;
    if (this._shownCache?.key !== key) this._shownCache = { key, clues: filterClues(this.record.clues, f, this.today) };
    return this._shownCache.clues;
  }

  /** @internal (TableHost) show the next page of rows. */
  showMore(): void {
    this._extra += Math.max(1, this.pageSize);
  }

  /** @internal (TableHost) show every row. */
  showAll(): void {
    this._extra = Infinity;
  }

  /** @internal (TableHost) select a clue for the 移交单, or unselect it. */
  toggleSelected(id: string, on: boolean): void {
    const next = new Set(this._selected);
    if (on) next.add(id);
    else next.delete(id);
    this._selected = next;
  }

  protected override render() {
    const lang = this.effectiveLang;
    const t = clueRegisterMessages(lang);
    if (this.valueError) return html`<div class="load-error" role="alert" part="load-error"><p><strong>${t.crInvalid}</strong></p><p>${this.valueError}</p></div>`;
    const reg = this.record;
    const shown = this._shown();
    const today = this.today;
    const sheet = this._shownSheet ? (reg.transfers ?? []).find((x) => x.id === this._shownSheet) : undefined;
    const printing = !!(sheet && this._sheet);
    return html`
      <div class="screen ${printing ? 'has-sheet' : ''}">
        <div class="head">
          <h2 class="title">${t.crTitle}</h2>
          ${reg.unit || reg.round ? html`<p class="subject"><bdi>${s(reg.unit)}</bdi>${reg.unit && reg.round ? ' · ' : ''}<bdi>${s(reg.round)}</bdi></p>` : nothing}
          <slot name="header"></slot>
          <p class="note">${t.crRoleNote(this.actingRole)} · ${t.crReporterNote}</p>
        </div>
        ${renderDraftBanner(this.drafts, t, lang, (v) => {
          this.adopt(v);
          this.drafts.changed();
          this.emitChange({ clueId: null, reason: 'restore' });
        })}
        ${this.locked ? html`<p class="banner" role="note">${t.crReadonly}</p>` : nothing}
        ${renderErrorSummary(this.shownErrors, t, (e) => this._errorTarget(e.path), (e) => `e-${e.path}`)}
        <p class="status visually-hidden" role="status">${this._status}</p>
        ${this._renderToolbar(t, lang)}
        ${renderCandidates(t, lang, this.locked ? [] : this._pending(), this._picked, (p) => (this._picked = p), () => this._addPicked())}
        ${this._panel ? html`<section class="panel" part="panel" @keydown=${this._onPanelKey}>${this._detail ? this._detail.renderPanel(this._panelHost(), this._panel, reg, t) : html`<p>${t.crLoading}</p>`}</section>` : nothing}
        ${renderCounts(t, lang, shown, today)}
        ${renderTable({ t, lang, today, register: reg, shown, total: reg.clues.length, extra: this._extra, selected: this._selected, locked: this.locked, host: this })}
        ${renderSheets(t, reg, (id) => void this.showSheet(id))}
        <p class="hint keys">${t.crKeyboardHelp}</p>
      </div>
      ${printing ? this._sheet!.renderSheet(sheet!, reg.clues, t, lang, () => window.print(), () => void this.showSheet(null), () => void this.downloadTransfer(sheet!.id).catch(() => undefined)) : nothing}
      ${this.environment?.watermark?.(this, this.locked)}
    `;
  }

  /** The control an error of `submit()` is about: the clue's panel opened at its main problem. */
  private async _errorTarget(path: string): Promise<HTMLElement | undefined> {
    const m = /^clues\.(\d+)\./.exec(path);
    const clue = m ? this.record.clues[Number(m[1])] : undefined;
    if (!clue) return undefined;
    await this.openClue(clue.id);
    return this.renderRoot.querySelector<HTMLElement>('#d-problem') ?? undefined;
  }

  private _onPanelKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      void this._close();
    }
  };

  private _renderToolbar(t: ReturnType<typeof clueRegisterMessages>, lang: string) {
    const f = this._filter;
    const set = (patch: ClueFilter) => {
      this._filter = { ...this._filter, ...patch };
      this._extra = 0;
    };
    const approvedSelected = this.record.clues.some((c) => this._selected.has(c.id) && c.state === 'approved');
    return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t.crFilters}>
      ${this.locked ? nothing : html`<button type="button" class="primary add" @click=${() => this._open({ kind: 'add' })}>${t.crAdd}</button>`}
      <label>${t.crColState}
        <select class="f-state" @change=${(e: Event) => set({ state: ((e.target as HTMLSelectElement).value || undefined) as ClueFilter['state'] })}>
          <option value="" ?selected=${!f.state}>${t.crAll}</option>
          ${CLUE_STATES.map((v) => html`<option value=${v} ?selected=${f.state === v}>${clueStateLabel(v, lang)}</option>`)}
        </select>
      </label>
      <label>${t.crColReceiver}
        <select class="f-receiver" @change=${(e: Event) => set({ receiver: ((e.target as HTMLSelectElement).value || undefined) as ClueFilter['receiver'] })}>
          <option value="" ?selected=${!f.receiver}>${t.crAll}</option>
          ${CLUE_RECEIVERS.map((v) => html`<option value=${v} ?selected=${f.receiver === v}>${clueReceiverLabel(v, lang)}</option>`)}
        </select>
      </label>
      <label class="check"><input type="checkbox" class="f-overdue" .checked=${!!f.overdue} @change=${(e: Event) => set({ overdue: (e.target as HTMLInputElement).checked || undefined })} />${t.crOverdueOnly}</label>
      <label class="search">${t.crSearch}
        <input type="search" class="f-query" .value=${f.query ?? ''} @input=${(e: Event) => set({ query: (e.target as HTMLInputElement).value })} />
      </label>
      ${this.locked ? nothing : html`<button type="button" class="make-sheet" aria-disabled=${approvedSelected ? 'false' : 'true'} @click=${() => (approvedSelected ? this._open({ kind: 'sheet-form' }) : this._status = clueRefusalMessage('empty', lang))}>${t.crMakeSheet}</button>`}
      <button type="button" class="export-xlsx" @click=${() => void this.download('xlsx').catch(() => undefined)}>${t.crExportXlsx}</button>
      <button type="button" class="export" @click=${() => this.download()}>${t.crExportCsv}</button>
    </div>`;
  }
}

/** The forms as typed. */
export function emptyClueForm(): ClueForm {
  return { mainProblem: '', category: '', concernedName: '', concernedUnit: '', suggestion: '', receiver: '', disposal: '', replyOn: '', replyNote: '' };
}

defineElement('xc-clue-register', XcClueRegister);

declare global {
  interface HTMLElementTagNameMap {
    'xc-clue-register': XcClueRegister;
  }
}

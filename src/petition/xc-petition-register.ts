/**
 * <xc-petition-register>: the 信访件受理登记 of a 巡察组 — intake form, list with filters and counts,
 * an entry's edit, CSV and Excel export (./petition-xlsx.ts, loaded on the first Excel export), and
 * the hand-off of a petition to the clue sheet. The logic (numbering, masking of the 反映人, filters,
 * counts, the exports' table, clues) is src/core/petition.ts; the intake/edit form is
 * ./petition-editor.ts, the counts and table ./petition-list.ts; this file holds the element and its toolbar.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { XcRecordElement, type RecordRead } from '../base/record-element.js';
import { offerText } from '../base/save-text.js';
import { lazy } from '../base/lazy.js';
import { defineElement } from '../base/define.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { registerStyles } from '../base/register-styles.js';
import { ChunkedRender } from '../base/chunks.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import {
  PETITION_HANDLINGS,
  PETITION_SOURCES,
  addPetition,
  filterPetitions,
  maskPetitioner,
  identityVisible,
  petitionHandlingLabel,
  petitionMessages,
  petitionShapeMessage,
  petitionSourceLabel,
  petitionAsEvidence,
  petitionToClue,
  petitionsToCsv,
  petitionTable,
  readPetitionRegister,
  removePetition,
  updatePetition,
  validatePetitionEntry,
  validatePetitionRegister,
  type PetitionClue,
  type PetitionEntry,
  type PetitionFilter,
  type PetitionRegister,
} from '../core/petition.js';
import type { EvidenceRef } from '../core/rectification-types.js';
import { petitionStyles } from './xc-petition-register.styles.js';
import { renderCounts, renderTable } from './petition-list.js';
import { changesOf, emptyForm, formOf, pruned, renderEditor, type Editing, type EntryForm } from './petition-editor.js';

/** The Excel export (./petition-xlsx.ts): loaded on the first Excel export only, never with the page. */
const loadXlsx = lazy(() => import('./petition-xlsx.js'));

/** Detail of `xc-petition-cite`. */
import type { PetitionCiteDetail, PetitionToClueDetail } from '../events/xc-petition.js';
export type { PetitionCiteDetail, PetitionToClueDetail };

const s = (v: unknown) => (typeof v === 'string' ? v : '');

/** Rows drawn with the first frame; the rest follow a chunk at a time. */
const FIRST_ROWS = 60;

/**
 * 信访件受理登记: the letters, calls, visits and online reports an inspection team receives while
 * stationed. A person registers a petition in the intake form (it is numbered by the register's
 * `numberPattern`, default `XF-{yyyy}-{seq:3}`, and no number is ever given twice), finds it in the
 * list (filters by source, category, handling and remit; counts by each), edits it, exports the list
 * as CSV or as an Excel workbook (`download('xlsx')`: one row per petition, dates as dates), and
 * turns a petition into a problem clue for `<xc-clue-sheet>`.
 *
 * The 反映人 (petitioner) is confidential: their name and contact are shown only when the role in
 * force (`user-role`, else `<xc-provider user-role>`) is one of `identity-roles` (none by default).
 * Elsewhere — on screen, in the CSV and the Excel workbook, and in clues — they are masked by the
 * core before anything is drawn; printed, the register leaves them out for every role. For such a role the draft (with
 * `draft-key`) keeps the petitions the host gave without their 反映人, and a restored draft takes them
 * back from the host's value, so the browser's storage holds no identity the person could not see.
 * `value` holds what the host gave:
 * a host that must not send identities to a browser masks them on its server (`petitionView`).
 *
 * @customElement xc-petition-register
 * @tag xc-petition-register
 *
 * @fires xc-change - The register changed. `detail: { value, entryId: string | null, reason: 'add' | 'edit' | 'remove' | 'restore' }` (`value` is read lazily).
 * @fires xc-submit - `submit()` found every petition complete. `detail: { value }`.
 * @fires xc-invalid - `submit()` found errors. `detail: { errors }`.
 * @fires xc-export - The CSV or the Excel workbook is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'csv' | 'xlsx', filename, text, bytes? }` (`bytes`: the workbook's).
 * @fires xc-petition-to-clue - A person asked to turn a petition into a problem clue. `detail: { clue, entryId }`: `clue` is a value for `<xc-clue-sheet>`.
 * @fires xc-petition-cite - A person asked to cite a petition as evidence (of a check point, a ledger item). `detail: { evidence, entryId }`: `evidence` holds the number and summary, never the 反映人.
 *
 * @slot header - Shown under the title (e.g. the unit and the round).
 *
 * @csspart toolbar - The bar with the intake button, filters and export.
 * @csspart counts - The counts by source, category and handling.
 * @csspart table - The list of petitions.
 * @csspart editor - The intake and edit form.
 * @csspart error-summary - The error summary.
 * @csspart draft-banner - Draft restore / storage notices.
 * @csspart load-error - The message shown instead of the register when `value` cannot be read.
 *
 * @cssprop --xc-font-size - Base font size.
 * @cssprop --xc-color-primary - Main accent colour.
 * @cssprop --xc-color-border - Border colour of controls and the table.
 * @cssprop --xc-color-surface-alt - Background of bars and the editor.
 */
export class XcPetitionRegister extends XcRecordElement<PetitionRegister> {
  static override styles = [tokens, registerStyles, petitionStyles];

  /** The role in force for this element; wins over `<xc-provider user-role>`. */
  @property({ attribute: 'user-role' }) userRole = '';

  /**
   * Roles that may see the 反映人's identity (attribute: names separated by spaces or commas).
   * Default none: the identity is masked for everyone.
   */
  @property({
    attribute: 'identity-roles',
    converter: { fromAttribute: (v: string | null) => (v ?? '').split(/[\s,]+/).filter(Boolean), toAttribute: (v: string[]) => v.join(' ') },
  })
  identityRoles: string[] = [];

  @state() private _filter: PetitionFilter = {};
  @state() private _editing: Editing | null = null;
  /** @internal (EditorHost) the errors of the editor's form on show. */
  @state() formErrors: FieldError[] = [];
  @state() private _status = '';
  @state() private _version = 0;

  /** The control that opened the editor, given focus back when it closes. */
  private _opener: HTMLElement | null = null;

  /** The draft keeps the editor's typing beside the register. */
  protected override unsavedWork(): unknown {
    return this._editing ? { ...this._editing, form: { ...this._editing.form } } : undefined;
  }

  protected override restoreUnsaved(u: unknown): void {
    const e = u as Editing | undefined;
    this._editing = e && typeof e === 'object' && e.form && typeof e.form === 'object' ? { id: typeof e.id === 'string' ? e.id : null, form: { ...emptyForm(''), ...e.form } } : null;
  }

  /** The register: `{ version: 1, unit?, round?, numberPattern?, entries: [...], retiredNumbers? }`. Unknown members are kept. */
  @property({ attribute: false })
  get value(): PetitionRegister {
    return this.record;
  }
  set value(v: PetitionRegister | null | undefined) {
    this.acceptValue(v);
    this._given = new Set(this.record.entries.filter((e) => e.petitioner).map((e) => e.id));
  }

  /** Ids of the petitions with a 反映人 in the value the host gave last. */
  private _given = new Set<string>();

  /**
   * What the draft keeps. For a role that may not see identities, the petitions the host gave go
   * without their 反映人 (the browser's storage then holds no identity the person could not see);
   * they are given back from the host's value when the draft is restored.
   */
  protected override draftValue(): PetitionRegister {
    if (this.identityShown) return this.record;
    return {
      ...this.record,
      entries: this.record.entries.map((e) => {
        if (!e.petitioner || !this._given.has(e.id)) return e;
        const out = { ...e };
        delete out.petitioner;
        return out;
      }),
    };
  }

  /** A restored draft with the 反映人 of each petition it kept without one put back from the register shown. */
  private _withIdentities(v: unknown): unknown {
    const r = readPetitionRegister(v);
    if (!r.ok) return v;
    const byId = new Map(this.record.entries.map((e) => [e.id, e]));
    return {
      ...r.register,
      entries: r.register.entries.map((e) => {
        const now = byId.get(e.id);
        return !e.petitioner && !e.anonymous && now?.petitioner ? { ...e, petitioner: now.petitioner } : e;
      }),
    };
  }

  protected override emptyValue(): PetitionRegister {
    return { version: 1, entries: [] };
  }

  protected override readValue(v: unknown): RecordRead<PetitionRegister> {
    const r = readPetitionRegister(v);
    return r.ok ? { value: r.register } : { error: petitionShapeMessage(r, this.effectiveLang) };
  }

  /** An editor open on a petition the new value does not have closes. */
  protected override adopt(v: unknown): void {
    super.adopt(v);
    if (this._editing?.id && !this.record.entries.some((e) => e.id === this._editing!.id)) this._editing = null;
    this._version++;
  }

  override isEmpty(): boolean {
    return this.record.entries.length === 0;
  }

  /** Every petition complete (source, date, summary, a name unless anonymous); shows nothing. */
  override validate(): ValidationResult {
    if (this.valueError) return { valid: false, errors: [{ path: '', message: this.valueError, keyword: 'shape' }] };
    return validatePetitionRegister(this.record, this.effectiveLang);
  }

  /** Back to the value first given; the editor closes. */
  override reset(): void {
    this._editing = null;
    this.formErrors = [];
    super.reset();
  }

  /** The role in force: `user-role`, else the provider's. */
  get actingRole(): string {
    return this.userRole || this.environment?.role || '';
  }

  /** Whether the role in force may see the 反映人's identity. */
  get identityShown(): boolean {
    return identityVisible({ role: this.actingRole, allowedRoles: this.identityRoles });
  }

  // --- Changes (also for hosts and tests) ------------------------------------------------------

  private _changed(entryId: string | null, reason: string): void {
    this._version++;
    this.changed({ entryId, reason });
  }

  /** Register a petition (numbered by the register); returns it, or null when read-only or disabled. */
  addEntry(input: Partial<PetitionEntry> & Pick<PetitionEntry, 'source' | 'receivedOn' | 'summary'>): PetitionEntry | null {
    if (this.locked || this.valueError) return null;
    const { register, entry } = addPetition(this.record, pruned({ ...input }));
    this.record = register;
    this._changed(entry.id, 'add');
    return entry;
  }

  /** Change a petition (its id and number stay); false when read-only, disabled or unknown. */
  editEntry(id: string, changes: Partial<PetitionEntry>): boolean {
    if (this.locked || !this.record.entries.some((e) => e.id === id)) return false;
    const next = updatePetition(this.record, id, changes);
    next.entries = next.entries.map((e) => (e.id === id ? pruned({ ...e }) : e));
    this.record = next;
    this._changed(id, 'edit');
    return true;
  }

  /** Delete a petition; its number is retired, never given again. */
  removeEntry(id: string): boolean {
    if (this.locked || !this.record.entries.some((e) => e.id === id)) return false;
    this.record = removePetition(this.record, id);
    this._changed(id, 'remove');
    return true;
  }

  /** What the exports write: the petitions shown (filters applied), for the role in force. */
  private _exportOptions() {
    const shown = new Set(this._shown().map((e) => e.id));
    return { lang: this.effectiveLang, role: this.actingRole, allowedRoles: this.identityRoles, entries: this.record.entries.filter((e) => shown.has(e.id)) };
  }

  /** The CSV of the petitions shown (filters applied), the 反映人 masked unless the role may see it. */
  toCsv(): string {
    return petitionsToCsv(this.record, this._exportOptions());
  }

  /**
   * Download the petitions shown (`<a download>` of an object URL: nothing is sent anywhere) as CSV
   * (the default) or, with `'xlsx'`, as an Excel workbook: the CSV's columns and texts, one row per
   * petition, 收件日期 and 转办日期 as date cells, the 反映人 masked as in the CSV. The workbook's writer
   * loads on the first Excel export only. Fires the cancelable `xc-export` first (for `xlsx` with the
   * file's `bytes`).
   * @returns whether the download started; for `xlsx`, a promise of it, settled once the workbook is written.
   */
  download(format?: 'csv'): boolean;
  download(format: 'xlsx'): Promise<boolean>;
  download(format?: 'csv' | 'xlsx'): boolean | Promise<boolean>;
  download(format: 'csv' | 'xlsx' = 'csv'): boolean | Promise<boolean> {
    const filename = `${petitionMessages(this.effectiveLang).petFileName}-${this.todayKey}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
    if (format === 'xlsx') {
      // The petitions as they are now, masked for the role in force: the CSV's table.
      const table = petitionTable(this.record, this._exportOptions());
      return loadXlsx().then((x) => x.exportXlsx(this, table, this.effectiveLang, filename));
    }
    return offerText(this, 'csv', filename, this.toCsv(), 'text/csv;charset=utf-8');
  }

  /** Fire `xc-petition-to-clue` for a petition: the clue sheet's value made from it. */
  toClue(id: string): PetitionClue | null {
    const entry = this.record.entries.find((e) => e.id === id);
    if (!entry) return null;
    const clue = petitionToClue(entry, { role: this.actingRole, allowedRoles: this.identityRoles, lang: this.effectiveLang });
    this.dispatchEvent(new CustomEvent<PetitionToClueDetail>('xc-petition-to-clue', { bubbles: true, composed: true, detail: { clue, entryId: id } }));
    this._status = petitionMessages(this.effectiveLang).petToClueDone(s(entry.number));
    return clue;
  }

  /** Fire `xc-petition-cite` for a petition: an evidence entry citing it (number and summary, no 反映人). */
  cite(id: string): EvidenceRef | null {
    const entry = this.record.entries.find((e) => e.id === id);
    if (!entry) return null;
    const evidence = petitionAsEvidence(entry, this.effectiveLang);
    this.dispatchEvent(new CustomEvent<PetitionCiteDetail>('xc-petition-cite', { bubbles: true, composed: true, detail: { evidence, entryId: id } }));
    this._status = petitionMessages(this.effectiveLang).petCiteDone(s(entry.number));
    return evidence;
  }

  // --- The editor ----------------------------------------------------------------------------

  /** Open the intake form (a new petition) or an existing petition's edit. */
  async openEditor(id: string | null = null): Promise<void> {
    this._opener = (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    const entry = id ? this.record.entries.find((e) => e.id === id) : undefined;
    const form = entry ? formOf(entry) : emptyForm(this.todayKey);
    // A role that may not see the 反映人 gets no copy of it in the form (nor so in the draft).
    if (entry && !this.identityShown) form.name = form.contact = '';
    this._editing = { id: entry ? entry.id : null, form };
    this.formErrors = [];
    this.drafts.changed();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.editor h3')?.focus();
  }

  /** An error of the whole register (`entries.<i>.<field>`): open that petition, its errors shown, and give the field. */
  private async _openAt(path: string): Promise<HTMLElement | undefined> {
    const m = /^entries\.(\d+)\.(.+)$/.exec(path);
    const entry = m ? this.record.entries[Number(m[1])] : undefined;
    if (!m || !entry) return undefined;
    await this.openEditor(entry.id);
    this.formErrors = this._check();
    await this.updateComplete;
    return this.renderRoot.querySelector<HTMLElement>(`[data-path="${m[2]}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#editor-title') ?? undefined;
  }

  /** @internal (EditorHost) close the editor; focus goes back to what opened it. */
  async closeEditor(): Promise<void> {
    this._editing = null;
    this.formErrors = [];
    this.drafts.changed();
    await this.updateComplete;
    const back = this._opener?.isConnected ? this._opener : this.renderRoot.querySelector<HTMLElement>('.intake');
    back?.focus();
  }

  /** @internal (EditorHost) remove the petition open in the editor, said in the status, and close it. */
  async removeFromEditor(entry: PetitionEntry): Promise<void> {
    this._status = petitionMessages(this.effectiveLang).petRemoved(s(entry.number));
    this.removeEntry(entry.id);
    this._opener = null;
    await this.closeEditor();
  }

  /** @internal (EditorHost) a field of the editor's form typed in. */
  setField<K extends keyof EntryForm>(key: K, v: EntryForm[K]): void {
    if (!this._editing) return;
    this._editing = { ...this._editing, form: { ...this._editing.form, [key]: v } };
    if (this.formErrors.length) {
      const now = new Set(this._check().map((e) => e.path));
      this.formErrors = this.formErrors.filter((e) => now.has(e.path));
    }
    this.drafts.changed();
  }

  /** The errors of the form as typed (an existing entry whose identity is hidden keeps its own). */
  private _check(): FieldError[] {
    const ed = this._editing!;
    const original = ed.id ? this.record.entries.find((e) => e.id === ed.id) : undefined;
    const withIdentity = !original || this.identityShown;
    const candidate = { ...original, ...changesOf(ed.form, withIdentity) };
    return validatePetitionEntry(candidate, this.effectiveLang);
  }

  /** @internal (EditorHost) save the editor's form: a new petition registered, or the entry changed. */
  async saveEditor(e?: Event): Promise<void> {
    e?.preventDefault();
    const ed = this._editing;
    if (!ed || this.locked) return;
    const errors = this._check();
    const t = petitionMessages(this.effectiveLang);
    if (errors.length) {
      this.formErrors = errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.editor [data-error-summary]')?.focus();
      return;
    }
    const original = ed.id ? this.record.entries.find((x) => x.id === ed.id) : undefined;
    const changes = changesOf(ed.form, !original || this.identityShown);
    if (original) {
      // Members of 被反映人 the form does not show (a host's `post`, say) are kept.
      const before = original.concerned;
      if (before && typeof before === 'object' && !Array.isArray(before)) {
        const merged = pruned({ ...before, name: changes.concerned?.name, unit: changes.concerned?.unit });
        changes.concerned = Object.keys(merged).length ? merged : undefined;
      }
      this.editEntry(original.id, changes);
      this._status = t.petUpdated(s(original.number));
    } else {
      const entry = this.addEntry(pruned(changes) as PetitionEntry);
      if (entry) this._status = t.petRegistered(s(entry.number));
    }
    await this.closeEditor();
  }

  /** @internal (EditorHost) Escape closes the editor. */
  onEditorKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      void this.closeEditor();
    }
  };

  // --- Rendering -----------------------------------------------------------------------------

  /** The masked (or not) view's entries, filtered. */
  private _shown(): PetitionEntry[] {
    return filterPetitions(this.view().entries, this._filter);
  }

  private _viewCache?: { key: string; register: PetitionRegister };
  /** Masked entries by the entry they mask: a petition not changed keeps its masked copy, and so its row is not redrawn. */
  private _masked = new WeakMap<PetitionEntry, PetitionEntry>();
  /** @internal (EditorHost) the register as the role in force sees it (the 反映人 masked or not). */
  view(): PetitionRegister {
    const key = `${this._version}|${this.actingRole}|${this.identityRoles.join(' ')}`;
    if (this._viewCache?.key !== key) {
      const masked = !this.identityShown;
      const cache = this._masked;
      const mask = (e: PetitionEntry) => {
        let m = cache.get(e);
        if (!m) cache.set(e, (m = maskPetitioner(e)));
        return m;
      };
      // The same masking as petitionView(), entry by entry.
      const register = masked ? { ...this.record, entries: this.record.entries.map(mask) } : this.record;
      this._viewCache = { key, register };
    }
    return this._viewCache.register;
  }

  /** Rows rendered now: the first ones with the first frame, the rest a chunk at a time. */
  private _chunks = new ChunkedRender(this, FIRST_ROWS, 300);
  private _chunkKey: unknown[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const view = this.view();
    const n = filterPetitions(view.entries, this._filter).length;
    // A new filter starts the list again; a change of the register keeps what is drawn and adds the rest.
    if (this._chunkKey[0] !== this._filter) this._chunks.restart(n);
    else if (this._chunkKey[1] !== view) {
      // Under the first chunk's size a new petition shows at once; above it, the rest follows in chunks.
      if (this._chunks.limit < FIRST_ROWS) this._chunks.restart(n);
      else this._chunks.grow(n);
    }
    this._chunkKey = [this._filter, view];
  }

  /** Draw every row now (before printing). */
  private _beforePrint = () => {
    if (this._chunks.all()) {
      this.requestUpdate();
      this.performUpdate();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeprint', this._beforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeprint', this._beforePrint);
  }

  protected override render() {
    const t = petitionMessages(this.effectiveLang);
    const lang = this.effectiveLang;
    if (this.valueError) {
      return html`<div class="load-error" role="alert" part="load-error"><p><strong>${t.petInvalid}</strong></p><p>${this.valueError}</p></div>`;
    }
    const view = this.view();
    const visible = this.identityShown;
    return html`
      <div class="head">
        <h2 class="title">${t.petTitle}</h2>
        ${view.unit || view.round ? html`<p class="subject"><bdi>${s(view.unit)}</bdi>${view.unit && view.round ? ' · ' : ''}<bdi>${s(view.round)}</bdi></p>` : nothing}
        <slot name="header"></slot>
        <p class="note identity-note">${visible ? t.petIdentityShown : t.petIdentityHidden}</p>
        <p class="print-note">${t.petPrintMasked}</p>
      </div>
      ${renderDraftBanner(this.drafts, t, lang, (v) => {
        this.adopt(this._withIdentities(v));
        this.drafts.changed();
        this.emitChange({ entryId: null, reason: 'restore' });
      })}
      ${this.locked ? html`<p class="banner" role="note">${t.petReadonly}</p>` : nothing}
      ${this._editing ? nothing : renderErrorSummary(this.shownErrors, t, (e) => this._openAt(e.path), (e) => `e-${e.path}`)}
      <p class="status visually-hidden" role="status">${this._status}</p>
      ${this._renderToolbar(t, view)}
      ${this._editing ? renderEditor(this, t, lang, this._editing, this.locked, this.todayKey) : nothing}
      ${guard([view, this._filter, t, lang, this._chunks.limit], () => {
        // Typing in the editor does not redraw a list of thousands of petitions: only a new register, filter or language does.
        const shown = filterPetitions(view.entries, this._filter);
        return html`${renderCounts(t, lang, shown)}${renderTable(t, lang, shown, view.entries.length, this._chunks.limit, (id) => void this.openEditor(id))}`;
      })}
      <p class="hint keys">${t.petKeyboardHelp}</p>
      ${this.environment?.watermark?.(this, this.locked)}
    `;
  }

  private _renderToolbar(t: ReturnType<typeof petitionMessages>, view: PetitionRegister) {
    const lang = this.effectiveLang;
    const f = this._filter;
    const set = (patch: PetitionFilter) => (this._filter = { ...this._filter, ...patch });
    const categories = [...new Set(view.entries.map((e) => s(e.category).trim()))].sort();
    return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t.petFilters}>
      ${this.locked ? nothing : html`<button type="button" class="primary intake" ?disabled=${!!this._editing && !this._editing.id} @click=${() => this.openEditor(null)}>${t.petIntake}</button>`}
      <label>${t.petColSource}
        <select class="f-source" @change=${(e: Event) => set({ source: (e.target as HTMLSelectElement).value || undefined })}>
          <option value="" ?selected=${!f.source}>${t.petAll}</option>
          ${PETITION_SOURCES.map((v) => html`<option value=${v} ?selected=${f.source === v}>${petitionSourceLabel(v, lang)}</option>`)}
        </select>
      </label>
      <label>${t.petColCategory}
        <select class="f-category" @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          set({ category: v === '__all' ? undefined : v });
        }}>
          <option value="__all" ?selected=${f.category === undefined}>${t.petAll}</option>
          ${categories.map((c) => html`<option .value=${c} ?selected=${f.category === c}>${c || t.petCategoryNone}</option>`)}
        </select>
      </label>
      <label>${t.petColHandling}
        <select class="f-handling" @change=${(e: Event) => set({ handling: (e.target as HTMLSelectElement).value || undefined })}>
          <option value="" ?selected=${!f.handling}>${t.petAll}</option>
          ${[...PETITION_HANDLINGS, 'none'].map((v) => html`<option value=${v} ?selected=${f.handling === v}>${petitionHandlingLabel(v, lang)}</option>`)}
        </select>
      </label>
      <label>${t.petColInScope}
        <select class="f-scope" @change=${(e: Event) => set({ inScope: ((e.target as HTMLSelectElement).value || undefined) as PetitionFilter['inScope'] })}>
          <option value="" ?selected=${!f.inScope}>${t.petAll}</option>
          <option value="yes" ?selected=${f.inScope === 'yes'}>${t.petYes}</option>
          <option value="no" ?selected=${f.inScope === 'no'}>${t.petNo}</option>
          <option value="unknown" ?selected=${f.inScope === 'unknown'}>${t.petUnknown}</option>
        </select>
      </label>
      <label class="search">${t.petSearch}
        <input type="search" class="f-query" .value=${f.query ?? ''} placeholder=${t.petSearchPlaceholder} @input=${(e: Event) => set({ query: (e.target as HTMLInputElement).value })} />
      </label>
      <button type="button" class="export-xlsx" @click=${() => void this.download('xlsx').catch(() => undefined)}>${t.petExportXlsx}</button>
      <button type="button" class="export" @click=${() => this.download()}>${t.petExportCsv}</button>
    </div>`;
  }
}

defineElement('xc-petition-register', XcPetitionRegister);

declare global {
  interface HTMLElementTagNameMap {
    'xc-petition-register': XcPetitionRegister;
  }
}

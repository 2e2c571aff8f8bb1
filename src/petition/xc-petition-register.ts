/**
 * <xc-petition-register>: the 信访件受理登记 of a 巡察组 — intake form, list with filters and counts,
 * an entry's edit, CSV and Excel export (./petition-xlsx.ts, loaded on the first Excel export), and
 * the hand-off of a petition to the clue sheet. The logic (numbering, masking of the 反映人, filters,
 * counts, the exports' table, clues) is src/core/petition.ts; this file only shows it.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { XcRecordElement, type RecordRead } from '../base/record-element.js';
import { offerText } from '../base/save-text.js';
import { lazy } from '../base/lazy.js';
import { defineElement } from '../base/define.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary, renderFieldError } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { registerStyles } from '../base/register-styles.js';
import { ChunkedRender } from '../base/chunks.js';
import { formatDateKey } from '../core/i18n.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import {
  PETITION_HANDLINGS,
  PETITION_SOURCES,
  addPetition,
  filterPetitions,
  maskPetitioner,
  identityVisible,
  nextPetitionNumber,
  petitionCounts,
  petitionHandlingLabel,
  petitionMessages,
  petitionShapeMessage,
  petitionSourceLabel,
  petitionAsEvidence,
  petitionToClue,
  petitionerText,
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

/** The Excel export (./petition-xlsx.ts): loaded on the first Excel export only, never with the page. */
const loadXlsx = lazy(() => import('./petition-xlsx.js'));

/** The intake/edit form as typed: every field a string (or a box ticked). */
interface EntryForm {
  source: string;
  receivedOn: string;
  anonymous: boolean;
  name: string;
  contact: string;
  concernedName: string;
  concernedUnit: string;
  summary: string;
  category: string;
  inScope: '' | 'yes' | 'no';
  handling: string;
  transferredOn: string;
  result: string;
  feedback: string;
}

/** The editor open: a new petition (`id` null) or an existing one. */
interface Editing {
  id: string | null;
  form: EntryForm;
}

/** Detail of `xc-petition-cite`. */
import type { PetitionCiteDetail, PetitionToClueDetail } from '../events/xc-petition.js';
export type { PetitionCiteDetail, PetitionToClueDetail };

const s = (v: unknown) => (typeof v === 'string' ? v : '');

const emptyForm = (today: string): EntryForm => ({
  source: '', receivedOn: today, anonymous: false, name: '', contact: '', concernedName: '', concernedUnit: '',
  summary: '', category: '', inScope: '', handling: '', transferredOn: '', result: '', feedback: '',
});

function formOf(e: PetitionEntry): EntryForm {
  return {
    source: s(e.source), receivedOn: s(e.receivedOn), anonymous: e.anonymous === true, name: s(e.petitioner?.name), contact: s(e.petitioner?.contact),
    concernedName: s(e.concerned?.name), concernedUnit: s(e.concerned?.unit), summary: s(e.summary), category: s(e.category),
    inScope: e.inScope === true ? 'yes' : e.inScope === false ? 'no' : '', handling: s(e.handling), transferredOn: s(e.transferredOn),
    result: s(e.result), feedback: s(e.feedback),
  };
}

/** The form as entry members: empty fields left out (and removed from an edited entry). */
function changesOf(f: EntryForm, withIdentity: boolean): Partial<PetitionEntry> {
  const opt = (v: string) => (v.trim() ? v : undefined);
  const out: Partial<PetitionEntry> = {
    source: f.source as PetitionEntry['source'],
    receivedOn: f.receivedOn,
    summary: f.summary,
    concerned: f.concernedName.trim() || f.concernedUnit.trim() ? { ...(opt(f.concernedName) ? { name: f.concernedName } : {}), ...(opt(f.concernedUnit) ? { unit: f.concernedUnit } : {}) } : undefined,
    category: opt(f.category),
    inScope: f.inScope === 'yes' ? true : f.inScope === 'no' ? false : undefined,
    handling: (opt(f.handling) as PetitionEntry['handling']) ?? undefined,
    transferredOn: opt(f.transferredOn),
    result: opt(f.result),
    feedback: opt(f.feedback),
  };
  if (withIdentity) {
    out.anonymous = f.anonymous || undefined;
    out.petitioner = f.anonymous ? undefined : { name: f.name, ...(opt(f.contact) ? { contact: f.contact } : {}) };
  }
  return out;
}

/** Drop members set to undefined (an emptied field), so the stored entry has no `"x": undefined`. */
function pruned<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

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
  @state() private _formErrors: FieldError[] = [];
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
    this._formErrors = [];
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
    this._formErrors = [];
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
    this._formErrors = this._check();
    await this.updateComplete;
    return this.renderRoot.querySelector<HTMLElement>(`[data-path="${m[2]}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#editor-title') ?? undefined;
  }

  private async _closeEditor(): Promise<void> {
    this._editing = null;
    this._formErrors = [];
    this.drafts.changed();
    await this.updateComplete;
    const back = this._opener?.isConnected ? this._opener : this.renderRoot.querySelector<HTMLElement>('.intake');
    back?.focus();
  }

  private _set<K extends keyof EntryForm>(key: K, v: EntryForm[K]): void {
    if (!this._editing) return;
    this._editing = { ...this._editing, form: { ...this._editing.form, [key]: v } };
    if (this._formErrors.length) {
      const now = new Set(this._check().map((e) => e.path));
      this._formErrors = this._formErrors.filter((e) => now.has(e.path));
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

  private async _save(e?: Event): Promise<void> {
    e?.preventDefault();
    const ed = this._editing;
    if (!ed || this.locked) return;
    const errors = this._check();
    const t = petitionMessages(this.effectiveLang);
    if (errors.length) {
      this._formErrors = errors;
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
    await this._closeEditor();
  }

  private _onEditorKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      void this._closeEditor();
    }
  };

  // --- Rendering -----------------------------------------------------------------------------

  /** The masked (or not) view's entries, filtered. */
  private _shown(): PetitionEntry[] {
    return filterPetitions(this._view().entries, this._filter);
  }

  private _viewCache?: { key: string; register: PetitionRegister };
  /** Masked entries by the entry they mask: a petition not changed keeps its masked copy, and so its row is not redrawn. */
  private _masked = new WeakMap<PetitionEntry, PetitionEntry>();
  private _view(): PetitionRegister {
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
    const view = this._view();
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
    const view = this._view();
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
      ${this._editing ? this._renderEditor(t, lang) : nothing}
      ${guard([view, this._filter, t, lang, this._chunks.limit], () => {
        // Typing in the editor does not redraw a list of thousands of petitions: only a new register, filter or language does.
        const shown = filterPetitions(view.entries, this._filter);
        return html`${this._renderCounts(t, lang, shown)}${this._renderTable(t, lang, shown, view.entries.length)}`;
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

  private _renderCounts(t: ReturnType<typeof petitionMessages>, lang: string, shown: PetitionEntry[]) {
    const c = petitionCounts(shown);
    const list = (cls: string, title: string, m: Record<string, number>, label: (k: string) => string) =>
      html`<div class=${cls}><h4>${title}</h4><ul>${Object.keys(m).map((k) => html`<li><bdi>${t.petCount(label(k), m[k]!)}</bdi></li>`)}</ul></div>`;
    return html`<section class="counts" part="counts" aria-labelledby="counts-title">
      <h3 id="counts-title">${t.petCounts}<span class="total">${t.petTotal(c.total)}</span></h3>
      ${list('by-source', t.petCountsBySource, c.bySource, (k) => petitionSourceLabel(k, lang))}
      ${list('by-category', t.petCountsByCategory, c.byCategory, (k) => k || t.petCategoryNone)}
      ${list('by-handling', t.petCountsByHandling, c.byHandling, (k) => petitionHandlingLabel(k, lang))}
    </section>`;
  }

  private _renderTable(t: ReturnType<typeof petitionMessages>, lang: string, shown: PetitionEntry[], total: number) {
    if (!total) return html`<p class="empty">${t.petEmpty}</p>`;
    return html`<p class="shown" role="status">${shown.length ? t.petShown(shown.length, total) : t.petNoMatches}</p>
      <div class="table-wrap">
        <table part="table">
          <caption>${t.petTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">${t.petColNumber}</th>
              <th scope="col">${t.petColSource}</th>
              <th scope="col">${t.petColReceivedOn}</th>
              <th scope="col" class="identity">${t.petColPetitioner}</th>
              <th scope="col">${t.petColConcerned}</th>
              <th scope="col">${t.petColSummary}</th>
              <th scope="col">${t.petColCategory}</th>
              <th scope="col">${t.petColHandling}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.slice(0, this._chunks.limit).map((e) => guard([e, t, lang], () => {
              const who = petitionerText(e, lang);
              return html`<tr data-id=${e.id}>
                <th scope="row"><button type="button" class="open" @click=${() => this.openEditor(e.id)}><span class="visually-hidden">${t.petOpen}</span><bdi>${s(e.number)}</bdi></button></th>
                <td>${petitionSourceLabel(e.source, lang)}</td>
                <td>${formatDateKey(e.receivedOn, lang)}</td>
                <td class="identity ${e.identityMasked ? 'masked' : ''}"><bdi>${who.name}</bdi>${who.contact && !e.identityMasked ? html`<br /><bdi>${who.contact}</bdi>` : nothing}</td>
                <td><bdi>${s(e.concerned?.name)}</bdi>${e.concerned?.name && e.concerned?.unit ? html`<br />` : nothing}<bdi>${s(e.concerned?.unit)}</bdi></td>
                <td class="summary"><bdi>${s(e.summary)}</bdi></td>
                <td><bdi>${s(e.category)}</bdi></td>
                <td>${petitionHandlingLabel(e.handling, lang)}${e.transferredOn ? html`<br />${formatDateKey(e.transferredOn, lang)}` : nothing}</td>
              </tr>`;
            }))}
          </tbody>
        </table>
      </div>`;
  }

  private _renderEditor(t: ReturnType<typeof petitionMessages>, lang: string) {
    const ed = this._editing!;
    const f = ed.form;
    const original = ed.id ? this.record.entries.find((e) => e.id === ed.id) : undefined;
    const locked = this.locked;
    const identityEditable = !original || this.identityShown;
    const err = (path: string) => this._formErrors.find((e) => e.path === path)?.message;
    const described = (id: string, path: string, hint?: string) => [err(path) ? `${id}-err` : '', hint ?? ''].filter(Boolean).join(' ') || nothing;
    const text = (id: string, key: keyof EntryForm, label: string, path = '', opts: { list?: string; type?: string } = {}) => html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type=${opts.type ?? 'text'} list=${opts.list ?? nothing} .value=${f[key] as string} ?readonly=${locked}
        aria-invalid=${err(path) ? 'true' : 'false'} aria-describedby=${described(id, path)}
        @input=${(e: Event) => this._set(key, (e.target as HTMLInputElement).value as never)} />
      ${renderFieldError(`${id}-err`, err(path), t)}
    </div>`;
    const area = (id: string, key: keyof EntryForm, label: string, path = '') => html`<div class="field wide">
      <label for=${id}>${label}</label>
      <textarea id=${id} rows="3" .value=${f[key] as string} ?readonly=${locked} aria-invalid=${err(path) ? 'true' : 'false'} aria-describedby=${described(id, path)}
        @input=${(e: Event) => this._set(key, (e.target as HTMLTextAreaElement).value as never)}></textarea>
      ${renderFieldError(`${id}-err`, err(path), t)}
    </div>`;
    const categories = [...new Set(this.record.entries.map((e) => s(e.category).trim()).filter(Boolean))];
    const who = original ? petitionerText(this._view().entries.find((e) => e.id === original.id)!, lang) : null;
    return html`<form class="editor" part="editor" aria-labelledby="editor-title" novalidate @submit=${(e: Event) => this._save(e)} @keydown=${this._onEditorKey}>
      <h3 id="editor-title" tabindex="-1">${original ? t.petEdit(s(original.number)) : t.petIntake}</h3>
      ${original ? nothing : html`<p class="hint next-number">${t.petNextNumber(nextPetitionNumber(this.record, this.record.numberPattern, f.receivedOn || this.todayKey))}</p>`}
      ${renderErrorSummary(this._formErrors, t, (e) => this.renderRoot.querySelector<HTMLElement>(`[data-path="${e.path}"]`) ?? undefined, (e) => `p-${e.path}`)}
      <fieldset class="radios" aria-describedby=${err('source') ? 'p-source-err' : nothing}>
        <legend>${t.petColSource}</legend>
        ${PETITION_SOURCES.map((v, i) => html`<label><input type="radio" name="source" value=${v} data-path=${i === 0 ? 'source' : nothing} .checked=${f.source === v} ?disabled=${locked} @change=${() => this._set('source', v)} />${petitionSourceLabel(v, lang)}</label>`)}
        ${renderFieldError('p-source-err', err('source'), t)}
      </fieldset>
      <div class="grid">
        <div class="field">
          <label for="p-receivedOn">${t.petColReceivedOn}</label>
          <input id="p-receivedOn" data-path="receivedOn" type="date" .value=${f.receivedOn} ?readonly=${locked} aria-invalid=${err('receivedOn') ? 'true' : 'false'} aria-describedby=${described('p-receivedOn', 'receivedOn')}
            @input=${(e: Event) => this._set('receivedOn', (e.target as HTMLInputElement).value)} />
          ${renderFieldError('p-receivedOn-err', err('receivedOn'), t)}
        </div>
      </div>
      <fieldset class="identity-box">
        <legend>${t.petColPetitioner}</legend>
        <p class="hint" id="p-confidential">${t.petConfidentialNote}</p>
        ${identityEditable
          ? html`<label class="check"><input type="checkbox" class="anonymous" .checked=${f.anonymous} ?disabled=${locked} @change=${(e: Event) => this._set('anonymous', (e.target as HTMLInputElement).checked)} />${t.petAnonymousLabel}</label>
              ${f.anonymous
                ? nothing
                : html`<div class="grid">
                    <div class="field">
                      <label for="p-name">${t.petName}</label>
                      <input id="p-name" data-path="petitioner.name" type="text" autocomplete="off" .value=${f.name} ?readonly=${locked}
                        aria-invalid=${err('petitioner.name') ? 'true' : 'false'} aria-describedby=${described('p-name', 'petitioner.name', 'p-confidential')}
                        @input=${(e: Event) => this._set('name', (e.target as HTMLInputElement).value)} />
                      ${renderFieldError('p-name-err', err('petitioner.name'), t)}
                    </div>
                    <div class="field">
                      <label for="p-contact">${t.petColContact}</label>
                      <input id="p-contact" type="text" autocomplete="off" .value=${f.contact} ?readonly=${locked} aria-describedby="p-confidential"
                        @input=${(e: Event) => this._set('contact', (e.target as HTMLInputElement).value)} />
                    </div>
                  </div>`}`
          : html`<p class="masked-identity"><bdi>${who?.name}</bdi></p>`}
      </fieldset>
      <div class="grid">
        ${text('p-concernedName', 'concernedName', t.petColConcerned)}
        ${text('p-concernedUnit', 'concernedUnit', t.petColConcernedUnit)}
      </div>
      <div class="field wide">
        <label for="p-summary">${t.petColSummary}</label>
        <textarea id="p-summary" data-path="summary" rows="4" .value=${f.summary} ?readonly=${locked} aria-invalid=${err('summary') ? 'true' : 'false'} aria-describedby=${described('p-summary', 'summary')}
          @input=${(e: Event) => this._set('summary', (e.target as HTMLTextAreaElement).value)}></textarea>
        ${renderFieldError('p-summary-err', err('summary'), t)}
      </div>
      <div class="grid">
        ${text('p-category', 'category', t.petColCategory, '', { list: 'p-categories' })}
        <datalist id="p-categories">${categories.map((c) => html`<option .value=${c}></option>`)}</datalist>
      </div>
      <fieldset class="radios">
        <legend>${t.petScopeLegend}</legend>
        ${([['yes', t.petYes], ['no', t.petNo], ['', t.petUnknown]] as const).map(
          ([v, label]) => html`<label><input type="radio" name="inScope" value=${v} .checked=${f.inScope === v} ?disabled=${locked} @change=${() => this._set('inScope', v)} />${label}</label>`,
        )}
      </fieldset>
      <div class="grid">
        <div class="field">
          <label for="p-handling">${t.petColHandling}</label>
          <select id="p-handling" ?disabled=${locked} @change=${(e: Event) => this._set('handling', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!f.handling}>${t.petHandlingNone}</option>
            ${PETITION_HANDLINGS.map((v) => html`<option value=${v} ?selected=${f.handling === v}>${petitionHandlingLabel(v, lang)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="p-transferredOn">${t.petColTransferredOn}</label>
          <input id="p-transferredOn" data-path="transferredOn" type="date" .value=${f.transferredOn} ?readonly=${locked}
            aria-invalid=${err('transferredOn') ? 'true' : 'false'} aria-describedby=${described('p-transferredOn', 'transferredOn')}
            @input=${(e: Event) => this._set('transferredOn', (e.target as HTMLInputElement).value)} />
          ${renderFieldError('p-transferredOn-err', err('transferredOn'), t)}
        </div>
      </div>
      ${area('p-result', 'result', t.petColResult)}
      ${area('p-feedback', 'feedback', t.petColFeedback)}
      <div class="actions">
        ${locked ? nothing : html`<button type="submit" class="primary save">${original ? t.petSaveChanges : t.petSave}</button>`}
        ${original ? html`<button type="button" class="to-clue" @click=${() => this.toClue(original.id)}>${t.petToClue}</button>
              <button type="button" class="cite" @click=${() => this.cite(original.id)}>${t.petCite}</button>` : nothing}
        ${original && !locked
          ? html`<button type="button" class="remove" @click=${async () => {
              this._status = t.petRemoved(s(original.number));
              this.removeEntry(original.id);
              this._opener = null;
              await this._closeEditor();
            }}>${t.petRemove}</button>`
          : nothing}
        <button type="button" class="cancel" @click=${() => this._closeEditor()}>${original ? t.petClose : t.petCancel}</button>
      </div>
    </form>`;
  }
}

defineElement('xc-petition-register', XcPetitionRegister);

declare global {
  interface HTMLElementTagNameMap {
    'xc-petition-register': XcPetitionRegister;
  }
}

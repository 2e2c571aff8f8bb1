/**
 * <xc-rectification-report>: the 整改情况报告 (or the 主要负责人组织落实整改情况报告) drafted from a
 * rectification ledger, editable paragraph by paragraph, printed on A4, and its 公开稿 (条例 §32),
 * which is refused while restricted text would leak. The logic (drafting, figures, due date, edits,
 * the 公开稿 and its leak check) is src/core/rectification-report.ts; the document itself (parts,
 * figures, problems, paragraph boxes) is drawn by ./report-document.ts; this file holds the element:
 * drafting when its inputs change, the toolbar, the 公开稿's refusal, the exports and printing.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { XcRecordElement, type RecordRead } from '../base/record-element.js';
import { PrintPageController } from '../base/print-page.js';
import { defineElement } from '../base/define.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { ChunkedRender } from '../base/chunks.js';
import { isLocaleReady } from '../core/i18n.js';
import type { ValidationResult } from '../core/validation-types.js';
import type { RectificationLedger } from '../core/rectification-types.js';
import type { ClueRegister } from '../core/clue-register.js';
import type { ChecklistTemplateSource } from '../core/checklist.js';
import {
  editParagraph,
  leakMessage,
  leaksIn,
  publicVersion,
  readReportValue,
  redraftReport,
  reportMessages,
  reportRestricted,
  reportValue,
  draftReport,
  draftReportInChunks,
  preparePublicVersion,
  restrictedNames,
  validateReport,
  type PublicResult,
  type ReportKind,
  type ReportLeak,
  type ReportModel,
  type ReportValue,
  type RestrictedName,
} from '../core/rectification-report.js';
import { reportStyles } from './xc-rectification-report.styles.js';
import { renderDocument } from './report-document.js';
import { lazy } from '../base/lazy.js';

/** The Word export (./report-docx.ts): loaded on the first 导出 Word only, never with the page. */
const loadDocx = lazy(() => import('./report-docx.js'));

/** Problems drawn with the first frame; the rest follow a chunk at a time. */
const FIRST_PROBLEMS = 40;
/** Ledgers longer than this are drafted a slice at a time, after the first frame. */
const CHUNKED_DRAFT = 400;

type RT = ReturnType<typeof reportMessages>;

/** Detail of `xc-change`. */
export interface ReportChangeDetail {
  value: ReportValue | null;
  /** `edit` (a paragraph typed in), `redraft` (drafted again from the ledger on request), `restore` (a draft restored). */
  reason: 'edit' | 'redraft' | 'restore';
  /** The paragraph typed in. */
  paragraph?: string;
  /** Whether the edit was made in the 公开稿. */
  public?: boolean;
}

/**
 * 整改情况报告: drafted from the rectification ledger given in `ledger` — overall figures (反馈问题,
 * 已销号, 阶段性完成, 正在整改, 超期, 完成率, 建章立制, 挽回/追缴资金, 问责/处理人数), each problem grouped by
 * the 三个聚焦 with what was done and with what result, the problems not yet done with reasons and
 * next steps, and the next steps of the unit. Every paragraph is a labelled text box the person may
 * rewrite; the rewrites live in `value.edits` and survive a redraft from a changed ledger. The due
 * date (报送期限) is `due-months` (default two) after `feedback-date`. `kind="leader"` drafts the
 * 主要负责人组织落实整改情况报告. Printed on A4, one part of the report after another on a new page.
 *
 * `mode="public"` shows the 公开稿 (条例 §32): the responsibility reduced to the department, no
 * evidence, names in the drafted text replaced by roles. While a paragraph still holds a restricted
 * name (people of the ledger, of `clues`, or in `restricted`) — typically one typed into an edit —
 * the 公开稿 is refused: an alert lists where each leak is, and only those paragraphs are shown, to
 * be rewritten for the 公开稿 (`value.publicEdits`); nothing of it prints until it is fixed.
 *
 * @customElement xc-rectification-report
 * @tag xc-rectification-report
 *
 * @fires xc-change - A paragraph was rewritten, the report redrafted on request or a draft restored. `detail: { value, reason, paragraph?, public? }` (`value` is read lazily).
 * @fires xc-submit - `submit()` found every paragraph filled. `detail: { value }`.
 * @fires xc-invalid - `submit()` found an emptied paragraph. `detail: { errors }`.
 * @fires xc-export - A Word document (the report or its 公开稿) is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'docx', filename, text: '', bytes }`. Never fired for a refused 公开稿.
 *
 * @slot header - Shown above the title (e.g. the 文号 or a letterhead).
 *
 * @csspart toolbar - The bar with the mode, the kind, the feedback date, redraft, the Word exports and print.
 * @csspart document - The report itself (what prints).
 * @csspart figures - The table of the due date and overall figures.
 * @csspart paragraph - Each editable paragraph's box.
 * @csspart refusal - The alert listing where restricted text remains in the 公开稿 (shown too when its Word export was refused).
 * @csspart error-summary - The error summary.
 * @csspart draft-banner - Draft restore / storage notices.
 * @csspart load-error - The message shown instead of the report when `value` cannot be read.
 *
 * @cssprop --xc-font-size - Base font size.
 * @cssprop --xc-color-primary - Main accent colour.
 * @cssprop --xc-color-border - Border colour of text boxes and the table.
 * @cssprop --xc-color-surface-alt - Background of the toolbar.
 */
export class XcRectificationReport extends XcRecordElement<ReportValue | null> {
  static override styles = [tokens, reportStyles];

  /** The rectification ledger the report is drafted from (`{ version: 1, unit?, items }`). */
  @property({ attribute: false }) ledger: RectificationLedger | null = null;

  /** The clue register of the round: the names in it (被反映人, 移交人, 接收人…) are kept out of the 公开稿 too. */
  @property({ attribute: false }) clues: ClueRegister | null = null;

  /** More strings the 公开稿 must not hold (names, clue numbers…), besides those of the ledger and clues. */
  @property({ attribute: false }) restricted: (string | RestrictedName)[] = [];

  /**
   * Checklist templates the ledger's problems were found with: their section titles are the known
   * 三个聚焦 — a problem's `focusArea` spelled otherwise (三、聚焦…, without 情况, with 的) is put under
   * the template's title, and the sections follow the template's order (the bundled template's
   * titles are known without it for items made from it).
   */
  @property({ attribute: false }) templates: ChecklistTemplateSource[] = [];

  /** 反馈日期 (`YYYY-MM-DD`): the due date is counted from it. */
  @property({ attribute: 'feedback-date' }) feedbackDate = '';

  /** Months from the feedback to the due date (default 2). */
  @property({ attribute: 'due-months', type: Number }) dueMonths = 2;

  /** `unit`: 整改情况报告; `leader`: 主要负责人组织落实整改情况报告. */
  @property({ reflect: true }) kind: ReportKind = 'unit';

  /** `report`: the report; `public`: the 公开稿. */
  @property({ reflect: true }) mode: 'report' | 'public' = 'report';

  @state() private _status = '';

  /** What the model was last drafted from; a change drafts again. */
  private _drafted: unknown[] = [];

  protected override anchors = 'textarea, button';

  /** The report: `{ version: 1, model, edits, publicEdits? }` (model drafted from the ledger; edits by paragraph id). */
  @property({ attribute: false })
  get value(): ReportValue | null {
    return this.record;
  }
  set value(v: ReportValue | null | undefined) {
    this.acceptValue(v);
  }

  protected override emptyValue(): ReportValue | null {
    return null;
  }

  protected override readValue(v: unknown): RecordRead<ReportValue | null> {
    const r = readReportValue(v);
    return r ? { value: r } : { error: this._t.rrShapeError };
  }

  /** With a ledger, the model is drafted from it again (the edits given are kept). */
  protected override adopt(v: unknown): void {
    super.adopt(v);
    this._drafted = [];
  }

  override isEmpty(): boolean {
    return !this.record;
  }

  /** Every paragraph has text; shows nothing. */
  override validate(): ValidationResult {
    if (this.valueError) return { valid: false, errors: [{ path: '', message: this._t.rrShapeError, keyword: 'shape' }] };
    return this.record ? validateReport(this.record, this.effectiveLang) : { valid: true, errors: [] };
  }

  /** Back to the value first given (its edits), drafted again from the ledger. */
  override reset(): void {
    super.reset();
    this.requestUpdate();
  }

  private get _t(): RT {
    return reportMessages(this.effectiveLang);
  }

  private _restricted?: { key: unknown[]; names: readonly RestrictedName[] };
  /** Every string the 公开稿 must not hold: names of the ledger, of the clues, `restricted`, and the ledger's people the report was drafted with. */
  get restrictedText(): readonly RestrictedName[] {
    const key = [this.ledger, this.clues, this.restricted, this.record?.model];
    if (!this._restricted || key.some((k, i) => k !== this._restricted!.key[i])) {
      const names = restrictedNames(this.ledger, { clues: this.clues, extra: this.restricted });
      this._restricted = { key, names: this.record ? reportRestricted(this.record.model, names) : names };
    }
    return this._restricted.names;
  }

  private _public?: { key: unknown[]; result: PublicResult | null };
  /** The 公开稿 of the report as it stands, or where restricted text remains (`null` without a report). */
  publicVersion(): PublicResult | null {
    const key = [this.record, this.restrictedText, this.effectiveLang];
    if (!this._public || key.some((k, i) => k !== this._public!.key[i])) {
      this._public = { key, result: this.record ? publicVersion(this.record, { restricted: this.restrictedText, lang: this.effectiveLang }) : null };
    }
    return this._public.result;
  }

  /** Draft again from the ledger now (edits kept); fires `xc-change` with reason `redraft`. */
  async redraft(): Promise<void> {
    if (!this.ledger) return;
    if ((this.ledger.items?.length ?? 0) > CHUNKED_DRAFT) {
      this._redraftInChunks();
      await this.updateComplete;
    } else this._redraft();
    this._status = this._t.rrRedrafted;
    this._changed('redraft');
  }

  /** The leaks of the last refused 公开稿 export, with the value they were found in (shown while it is the value). */
  private _exportLeaks: { value: ReportValue; leaks: ReportLeak[] } | null = null;

  /**
   * Download the report as a Word document (`<a download>` of an object URL: nothing is sent
   * anywhere): as the person sees and edited it, headings for its parts, the figures as a table; with
   * `{ public: true }` its 公开稿, which must first pass the same leak check as the 公开稿 on screen —
   * refused, no file is made, no `xc-export` fires, and the element shows where the leaks are. The
   * writer loads on the first export only. Fires the cancelable `xc-export` with the file's `bytes`.
   * @returns whether the download started (false without a report, when refused or cancelled).
   */
  async download(format: 'docx', options: { public?: boolean } = {}): Promise<boolean> {
    await this._drafting?.done;
    const v = this.record;
    if (format !== 'docx' || !v) return false;
    const pub = options.public === true;
    const restricted = this.restrictedText;
    const lang = this.effectiveLang;
    // The 公开稿 is the one the screen shows: the same check, its matching done ahead a slice per task.
    if (pub) await preparePublicVersion(v, { restricted, lang });
    const result = pub ? this.publicVersion()! : null;
    const r = result && !result.ok
      ? result
      : await (await loadDocx()).exportDocx(this, { model: result?.model ?? v.model, edits: pub ? undefined : v.edits, public: pub, t: this._t, lang, scan: (s) => leaksIn(s, restricted) }, this.todayKey);
    this._exportLeaks = r.ok ? null : { value: v, leaks: r.leaks };
    this.requestUpdate();
    return r.ok && r.started;
  }

  /** Rewrite a paragraph (in the 公开稿 when `publicText`); false when read-only, disabled or unknown. */
  editParagraph(id: string, text: string, publicText = false): boolean {
    if (this.locked || !this.record?.model.paragraphs.some((p) => p.id === id)) return false;
    this.record = editParagraph(this.record, id, text, publicText);
    this._changed('edit', { paragraph: id, public: publicText });
    return true;
  }

  private _syncTimer: ReturnType<typeof setTimeout> | undefined;
  /** Push the value to the form now (a typed paragraph pushes it after a pause: a report's value is large). */
  private _flushForm = () => {
    if (this._syncTimer === undefined) return;
    clearTimeout(this._syncTimer);
    this._syncTimer = undefined;
    this.syncForm();
  };

  override checkValidity(): boolean {
    this._flushForm();
    return super.checkValidity();
  }

  private _changed(reason: ReportChangeDetail['reason'], extra: Partial<ReportChangeDetail> = {}): void {
    this.drafts.changed();
    if (reason === 'edit') {
      clearTimeout(this._syncTimer);
      this._syncTimer = setTimeout(() => {
        this._syncTimer = undefined;
        this.syncForm();
      }, 250);
    } else {
      this._flushForm();
      this.syncForm();
    }
    if (this.submitted) this.refreshShownErrors();
    this.requestUpdate();
    this.emitChange({ reason, ...extra });
  }

  private _draftKey(): unknown[] {
    const lang = this.effectiveLang;
    return [this.ledger, this.templates, this.feedbackDate, this.dueMonths, this.kind, lang, isLocaleReady(lang), this.todayKey];
  }

  private _draftOptions() {
    return { today: this.todayKey, feedbackDate: this.feedbackDate || undefined, dueMonths: this.dueMonths, kind: this.kind, lang: this.effectiveLang, templates: Array.isArray(this.templates) ? this.templates : [] };
  }

  private _redraft(): void {
    this._drafting = null;
    const opts = this._draftOptions();
    this.record = this.record ? redraftReport(this.record, this.ledger, opts) : reportValue(draftReport(this.ledger, opts));
    this._drafted = this._draftKey();
  }

  /** A long ledger being drafted a slice at a time (the report shown meanwhile is the last one). */
  private _drafting: { signal: { aborted: boolean }; done: Promise<void> } | null = null;

  protected override get pendingWork(): Promise<unknown> | null {
    return this._drafting?.done ?? (this._preparing && !this._preparing.ready && !this._preparing.signal.aborted ? this._preparing.done : null);
  }

  /** A long report's 公开稿 being matched a slice at a time before it is shown (no long task). */
  private _preparing: { key: unknown[]; done: Promise<void>; signal: { aborted: boolean }; ready: boolean } | null = null;

  /** Whether the 公开稿 can be made now without a long task (a long report's matching done ahead). */
  private _publicReady(): boolean {
    const v = this.record;
    if (!v || v.model.paragraphs.length <= CHUNKED_DRAFT) return true;
    const key = [v.model, this.restrictedText, this.effectiveLang];
    const p = this._preparing;
    if (p && key.every((k, i) => k === p.key[i])) return p.ready;
    if (p) p.signal.aborted = true;
    const signal = { aborted: false };
    const prep = { key, signal, ready: false, done: Promise.resolve() };
    prep.done = preparePublicVersion(v, { restricted: this.restrictedText, lang: this.effectiveLang }, 400, signal).then(() => {
      if (signal.aborted) return;
      prep.ready = true;
      // Drawn again from the first problems, the rest in chunks.
      this._chunks.restart(v.model.sections.reduce((a, sec) => a + sec.problems.length, 0));
      this.requestUpdate();
    });
    this._preparing = prep;
    return false;
  }

  /** Draft a long ledger in slices (no long task); the model replaces the shown one when complete, the edits kept. */
  private _redraftInChunks(): void {
    if (this._drafting) this._drafting.signal.aborted = true;
    const key = this._draftKey();
    this._drafted = key;
    const signal = { aborted: false };
    const done = draftReportInChunks(this.ledger, this._draftOptions(), 250, signal).then((model) => {
      if (!model || signal.aborted) return;
      this._drafting = null;
      const v = this.record;
      this.record = v ? { ...v, version: 1, model, edits: { ...v.edits }, ...(v.publicEdits ? { publicEdits: { ...v.publicEdits } } : {}) } : reportValue(model);
      this.requestUpdate();
      // The form gets the value in a task of its own (a long report's JSON is large).
      return new Promise<void>((resolve) => setTimeout(() => {
        this.syncForm();
        resolve();
      }, 0));
    });
    this._drafting = { signal, done };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.ledger && !this.valueError) {
      const key = this._draftKey();
      if (key.length !== this._drafted.length || key.some((k, i) => k !== this._drafted[i])) {
        if ((this.ledger.items?.length ?? 0) > CHUNKED_DRAFT) this._redraftInChunks();
        else {
          this._redraft();
          if (this.hasUpdated) this.syncForm();
        }
      }
    }
    const n = this.record?.model.sections.reduce((a, s) => a + s.problems.length, 0) ?? 0;
    // The 公开稿 and the report are different texts: switching draws the first problems at once, the rest in chunks.
    if (changed.has('mode') && this.hasUpdated) this._chunks.restart(n);
    else if (this._chunkKey !== this.record?.model) {
      if (this._chunkKey === undefined || n <= FIRST_PROBLEMS) this._chunks.restart(n);
      else this._chunks.grow(n);
      this._chunkKey = this.record?.model;
    }
  }

  private _chunks = new ChunkedRender(this, FIRST_PROBLEMS, 60);
  private _chunkKey: ReportModel | undefined;

  /** Printed on A4 (the margins of a 报告): every problem drawn first. */
  protected readonly printPage = new PrintPageController(this, {
    rule: '@page{size:A4;margin:25mm 20mm}',
    before: () => {
      if (this._chunks.all()) {
        this.requestUpdate();
        this.performUpdate();
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusout', this._flushForm);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._flushForm();
    this.removeEventListener('focusout', this._flushForm);
  }

  /** Focus the text box of a paragraph (drawing every problem first). */
  async focusParagraph(id: string): Promise<HTMLTextAreaElement | null> {
    if (this._chunks.all()) this.requestUpdate();
    await this.updateComplete;
    const i = this.record?.model.paragraphs.findIndex((p) => p.id === id) ?? -1;
    const box = i < 0 ? null : this.renderRoot.querySelector<HTMLTextAreaElement>(`#para-${i}`);
    box?.focus();
    return box;
  }

  // --- Rendering -----------------------------------------------------------------------------

  protected override render() {
    const t = this._t;
    const lang = this.effectiveLang;
    if (this.valueError) {
      return html`<div class="load-error" role="alert" part="load-error"><p><strong>${t.rrInvalid}</strong></p><p>${t.rrShapeError}</p></div>`;
    }
    const v = this.record;
    const isPublic = this.mode === 'public';
    if (v && isPublic && !this._publicReady()) {
      return html`${this._renderToolbar(t)}<p class="empty" role="status">${t.rrPreparingPublic}</p>`;
    }
    const result = v && isPublic ? this.publicVersion() : null;
    const refused = result && !result.ok ? result : null;
    return html`
      ${renderDraftBanner(this.drafts, t, lang, (d) => {
        this.adopt(d);
        this.requestUpdate();
        this._changed('restore');
      })}
      ${this._renderToolbar(t)}
      ${this.locked ? html`<p class="banner" role="note">${t.rrReadonly}</p>` : nothing}
      ${renderErrorSummary(this.shownErrors, t, (e) => this.focusParagraph(e.path.replace(/^paragraphs\./, '')).then((b) => b ?? undefined), (e) => `e-${e.path}`)}
      <p class="status visually-hidden" role="status">${this._status}</p>
      ${refused ? this._renderRefusal(t, lang, refused.leaks, '') : this._exportLeaks?.value === v ? this._renderRefusal(t, lang, this._exportLeaks.leaks, 'export-refusal') : nothing}
      ${v ? renderDocument({ t, lang, value: v, isPublic, result, restricted: isPublic ? this.restrictedText : [], limit: this._chunks.limit, locked: this.locked, errors: this.shownErrors, host: this }) : html`<p class="empty" role="status">${this._drafting ? t.rrDrafting : t.rrNoLedger}</p>`}
      <p class="hint keys">${t.rrKeyboardHelp}</p>
      ${this.environment?.watermark?.(this, this.locked)}
    `;
  }

  /** Where restricted text remains in the 公开稿 (shown, or refused as a Word file): each leak, and a button to rewrite its paragraph in the 公开稿. */
  private _renderRefusal(t: RT, lang: string, leaks: ReportLeak[], cls: string) {
    return html`<div class="refusal ${cls}" role="alert" part="refusal">
      <p><strong>${t.rrPublicRefused}</strong></p>
      <ul>
        ${leaks.map(
          (l) => html`<li><bdi>${leakMessage(l, lang)}</bdi>${l.paragraph && !this.locked
            ? html` <button type="button" class="fix" @click=${() => {
                this.mode = 'public';
                void this.focusParagraph(l.paragraph!);
              }}>${t.rrPublicFix}</button>`
            : nothing}</li>`,
        )}
      </ul>
    </div>`;
  }

  private _renderToolbar(t: RT) {
    return html`<div class="toolbar" part="toolbar">
      <fieldset class="mode">
        <legend>${t.rrModeLegend}</legend>
        ${(['report', 'public'] as const).map(
          (m) => html`<label><input type="radio" name="mode" value=${m} .checked=${this.mode === m} @change=${() => (this.mode = m)} />${m === 'report' ? t.rrModeReport : t.rrModePublic}</label>`,
        )}
      </fieldset>
      <fieldset class="kind">
        <legend>${t.rrKindLegend}</legend>
        ${(['unit', 'leader'] as const).map(
          (k) => html`<label><input type="radio" name="kind" value=${k} .checked=${this.kind === k} ?disabled=${this.locked || !this.ledger} @change=${() => {
            this.kind = k;
            this._changedSoon('redraft');
          }} />${k === 'unit' ? t.rrKindUnit : t.rrKindLeader}</label>`,
        )}
      </fieldset>
      <label class="feedback">${t.rrFeedbackDate}
        <input type="date" class="feedback-date" .value=${this.feedbackDate} ?readonly=${this.locked || !this.ledger} @change=${(e: Event) => {
          this.feedbackDate = (e.target as HTMLInputElement).value;
          this._changedSoon('redraft');
        }} />
      </label>
      ${this.ledger && !this.locked ? html`<button type="button" class="redraft" @click=${() => void this.redraft()}>${t.rrRedraft}</button>` : nothing}
      ${this.record
        ? [false, true].map((pub) => html`<button type="button" class=${pub ? 'export-public-docx' : 'export-docx'} @click=${() => void this.download('docx', { public: pub }).catch(() => undefined)}>${pub ? t.rrExportPublicDocx : t.rrExportDocx}</button>`)
        : nothing}
      <button type="button" class="print" @click=${() => print()}>${t.rrPrint}</button>
    </div>`;
  }

  /** @internal (DocumentHost) drop a paragraph's rewrite (in the 公开稿 when `publicText`): its drafted text again. */
  restoreParagraph(id: string, publicText: boolean): void {
    // The value now, not the one this paragraph was drawn with.
    const cur = this.record;
    if (!cur || this.locked) return;
    const key = publicText ? 'publicEdits' : 'edits';
    const next = { ...(cur[key] ?? {}) } as Record<string, string>;
    delete next[id];
    this.record = { ...cur, [key]: next };
    this._changed('edit', { paragraph: id, public: publicText });
  }

  /** After a property set by the person: the redraft happens in the update, then the change is told. */
  private _changedSoon(reason: ReportChangeDetail['reason']): void {
    void this.updateComplete.then(() => this._changed(reason));
  }
}

defineElement('xc-rectification-report', XcRectificationReport);

declare global {
  interface HTMLElementTagNameMap {
    'xc-rectification-report': XcRectificationReport;
  }
}

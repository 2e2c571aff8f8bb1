import './locale.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { XcFormElement } from '../base/form-element.js';
import { defineElement } from '../base/define.js';
import { DraftController } from '../base/draft-controller.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { setStyle } from '../base/set-style.js';
import { StickyOffsetController } from '../base/sticky-offset.js';
import { ChunkedRender } from '../base/chunks.js';
import { mapElement } from '../base/element-map.js';
import { textOf } from '../core/text.js';
import { loadLocale } from '../core/i18n.js';
import {
  answerText,
  checklistProgress,
  emptyResponse,
  matchesFilter,
  normalizeResponse,
  progressDelta,
  checkTemplateIds,
  unreadableResponseParts,
  checkPointRef,
  pathPoint,
  headerOf,
  reviewOf,
  returnedComments,
  WORKPAPER_HEADER_FIELDS,
  type WorkpaperAction,
  type WorkpaperState,
  indexTemplate,
  validateChecklist,
  validateItem,
  type ChecklistFilter,
  type ChecklistProgress,
  type ChecklistResponse,
  type ChecklistTemplate,
  type ChecklistTemplateSource,
  type TemplateIndex,
  type IndexedPoint,
} from '../core/checklist.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import { XcChecklistItem, type ItemInputDetail } from './xc-checklist-item.js';
import type { XcChecklistTally } from './xc-checklist-tally.js';
import './xc-checklist-tally.js';
import { checklistStyles } from './xc-checklist.styles.js';
import { lazy } from '../base/lazy.js';
import { DeferredFormSync } from '../base/form-sync.js';
import type { ChecklistReviewDetail } from '../events/xc-review.js';
import type { ReviewInput, ReviewResult } from './xc-checklist-review.js';
import type { WorkpaperRoles } from '../core/workpaper.js';

/**
 * The 三级审核 panel, the fingerprint check and the printed signature blocks: a chunk of their own
 * (with their strings) that starts loading as soon as this module runs, so it is there long before
 * anyone signs, but it is not part of the checklist page's first load.
 */
const loadReview = lazy(() => import('./xc-checklist-review.js'));
let reviewPart: typeof import('./xc-checklist-review.js') | undefined;
void loadReview().then((m) => (reviewPart = m), () => undefined);

/**
 * The bundled 三重一大 template (data, about 6 KB gzip): a chunk of its own, so a page that gives
 * its own template does not load it, and asked for as soon as an element needs it.
 */
const bundledTemplate = lazy(() => import('../generated/templates/checklistSanjujiao.js').then((m) => m.checklistSanjujiao as unknown));

/** The printed 附件清单: a small chunk loaded after the first frame, the list itself only when the record has files. */
const loadPrintFiles = lazy(() => import('../attachments/print-hook.js'));
let printFiles: typeof import('../attachments/print-hook.js') | undefined;

/** How many check points are rendered before the first frame; the rest follow in chunks. */
const FIRST_CHUNK = 30;
const CHUNK = 150;

/**
 * The supervision checklist (working sheet): an inspection team records, check point
 * by check point, a finding, a description, the methods and evidence behind it,
 * a category, a common/unit-specific scope and whether it is a clue for the discipline commission.
 *
 * With no `template` or `src` it shows the bundled three-focus-areas checklist.
 * It takes part in native forms (value submitted as JSON under `name`).
 *
 * @customElement xc-checklist
 * @tag xc-checklist
 *
 * @fires xc-change - An answer changed. `detail: { value: ChecklistResponse, itemId: string | null }` (`value` is read lazily; `itemId` is null when the change is not one check point's).
 * @fires xc-submit - `submit()` found the checklist valid. `detail: { value: ChecklistResponse }`.
 * @fires xc-invalid - Validation failed on submit. `detail: { errors: {path, message, keyword}[] }`.
 * @fires xc-load - A template was loaded and is shown. `detail: { template }`.
 * @fires xc-error - The template could not be loaded or is invalid. `detail: { errors }`.
 * @fires xc-review - A step of the 三级审核 was taken (编制 submit, 复核 review, 退回修改 return, 审签 sign). `detail: { action, state, value }`; after 审签 `value.signature` holds the fingerprint.
 * @fires xc-value-error - A `value` was given that could not be read whole (not an object, `items` not an object, an answer that is not an object): what can be read is shown, the rest is left out, a warning goes to the console and the value as given stays in `rejectedValue`. `detail: { errors: {path, message, keyword}[], value }` (bubbles, composed).
 *
 * @slot header - Shown above the summary bar (e.g. the unit and round being inspected).
 * @slot actions - Replaces the default submit button in the summary bar.
 *
 * @csspart summary-bar - The sticky bar with progress, filters and search.
 * @csspart section - A focus area.
 * @csspart section-heading - The heading button of a focus area.
 * @csspart group - A group of check points.
 * @csspart findings - The finding choices of a check point.
 * @csspart error-summary - The error summary shown on failed submit.
 * @csspart draft-banner - Draft restore / storage notices.
 * @csspart submit - The default submit button.
 * @csspart header - The 工作底稿 header fieldset (底稿编号, 被巡察单位, 巡察组, 轮次, 编制人, 编制日期).
 * @csspart review - The 三级审核 panel (inside the review element).
 * @csspart signatures - The three printed signature blocks (编制, 复核, 审签).
 *
 * @cssprop --xc-font-family - Font family (system fonts only by default).
 * @cssprop --xc-font-size - Base font size (raise it for large-text, senior-friendly pages).
 * @cssprop --xc-color-primary - Main accent colour (buttons, active filter).
 * @cssprop --xc-color-text - Text colour.
 * @cssprop --xc-color-muted - Hint text colour.
 * @cssprop --xc-color-surface - Background.
 * @cssprop --xc-color-surface-alt - Background of bars and banners.
 * @cssprop --xc-color-border - Border colour of controls.
 * @cssprop --xc-color-error - Error colour.
 * @cssprop --xc-color-focus - Focus ring colour.
 * @cssprop --xc-color-problem - Marker colour of check points with a problem.
 * @cssprop --xc-sticky-top - Offset of the sticky summary bar (below a portal's fixed header).
 * @cssprop --xc-scroll-margin-top - Room kept above the error summary when it is scrolled into view on a failed submit (the height of a portal's sticky header, plus a little). Defaults to `--xc-sticky-top`.
 */
export class XcChecklist extends XcFormElement {
  static override styles = [tokens, checklistStyles];

  /**
   * The checklist template (see schemas/checklist-template.schema.json). Defaults to the bundled
   * three-focus-areas template. A focus area holds groups of check points (numbered 1.2.3) or its
   * check points directly (numbered 1.3, no group heading).
   */
  @property({ attribute: false }) template?: ChecklistTemplateSource;

  /** URL of a template to fetch (used when `template` is not set). */
  @property() src = '';

  /** Text shown above the list, e.g. the inspected unit (also printed in page headers). */
  @property() subject = '';

  /** Hide the built-in submit button (use `submit()` or a form's submit instead). */
  @property({ type: Boolean, attribute: 'no-submit-button' }) noSubmitButton = false;

  /**
   * Which `<xc-provider user-role>` values act at each level of the 三级审核:
   * `{ preparer: ['承办人'], reviewer: ['副组长'], leader: ['组长'] }`. A level left out keeps its
   * default (`preparer`, `reviewer`, `leader`).
   */
  @property({ attribute: false }) reviewRoles?: Partial<WorkpaperRoles>;

  /** Comments of the last 退回修改 by check point id, shown beside their check points while returned. */
  @state() private _comments: Record<string, string> = {};
  @state() private _reviewState: WorkpaperState = 'drafting';
  @state() private _verified: boolean | null = null;

  @state() private loaded: { template: ChecklistTemplate; index: TemplateIndex } | null = null;
  @state() private loadErrors: FieldError[] | null = null;
  @state() private loadingSrc = false;
  @state() private filter: ChecklistFilter = 'all';
  @state() private query = '';
  @state() private collapsed = new Set<string>();
  /** How many check points are rendered now (the rest follow in chunks). */
  private _chunks = new ChunkedRender(this, FIRST_CHUNK, CHUNK);
  @state() private listVersion = 0;
  @state() private progress: ChecklistProgress | null = null;

  private _response: ChecklistResponse | null = null;
  private _pendingValue: unknown = undefined;
  private _pendingGiven = false;
  private _rejected: unknown = null;
  private _initial: unknown = undefined;
  private _items = new Map<string, XcChecklistItem>();
  /** The form value and validity follow typing after a pause (at once on focusout and disconnect). */
  private _formSync = new DeferredFormSync(this, () => this.syncForm());
  private _fetchId = 0;
  private _loading: Promise<void> | null = null;

  /** `updateComplete` also waits for a template being loaded (fetched, checked). */
  protected override get pendingWork(): Promise<unknown> | null {
    return this._loading;
  }

  private _drafts = new DraftController(this, {
    storage: () => this.env.drafts,
    value: () => this._response,
    version: () => this.loaded?.template.version,
    now: () => this.env.now(),
  });

  /** The response: `{templateId, templateVersion, items: {[checkPointId]: answer}, keptAside?}`. Unknown members are kept. */
  @property({ attribute: false })
  get value(): ChecklistResponse | null {
    if (!this._response) return (this._pendingValue as ChecklistResponse | undefined) ?? null;
    return { ...this._response, items: { ...this._response.items } };
  }
  set value(v: ChecklistResponse | null) {
    const old = this.value;
    if (this._initial === undefined) this._initial = v;
    if (this.loaded) this._adopt(v, true);
    else {
      this._pendingValue = v;
      this._pendingGiven = true;
    }
    this.requestUpdate('value', old);
  }

  /**
   * The last `value` given that could not be read whole (see the `xc-value-error` event), exactly
   * as given, so that nothing of it is lost; `null` once a value that can be read is set (or after
   * `reset()`). `value` holds what is shown: the parts that could be read.
   */
  get rejectedValue(): unknown {
    return this._rejected;
  }

  override get formValue(): unknown {
    return this._response;
  }

  override isEmpty(): boolean {
    return !this._response || Object.values(this._response.items).every((i) => !i.finding);
  }

  /**
   * The template in use (after loading and checking), or null. As read: a focus area written
   * with its check points directly holds them in one group marked `implicit`.
   */
  get activeTemplate(): ChecklistTemplate | null {
    return this.loaded?.template ?? null;
  }

  /** Where the sheet is in its 三级审核: `drafting`, `submitted`, `reviewed`, `returned` or `signed`. */
  get reviewState(): WorkpaperState {
    return this._reviewState;
  }

  /** Whether the signed sheet matches its fingerprint (null: not signed, or not checked yet). */
  get verified(): boolean | null {
    return this._verified;
  }

  /**
   * Take a step of the 三级审核 as the provider's user (`user.name`, `user-role`), at the
   * provider's clock: `submit` (编制, validates first: refused with `invalid` and the error summary
   * shown when the sheet is not complete), `review` (复核), `return` (退回修改, with `comments` by
   * check point id) or `sign` (审签: the sheet is locked and gets its SHA-256 fingerprint).
   * Resolves to `{ ok: true, response, state }` or `{ ok: false, code }` (see core/workpaper.ts).
   */
  async review(action: WorkpaperAction, input: ReviewInput = {}): Promise<ReviewResult> {
    if (!this.loaded || !this._response) return { ok: false, code: 'value' };
    if (this.readonly || this.isDisabled) return { ok: false, code: 'role' };
    const m = await loadReview();
    // Only a step 编制 may take is checked for completeness (a refused role is told as such first).
    if (action === 'submit' && m.allowedReviewActions(this._response, this.environment?.role, this.reviewRoles).includes('submit') && !(await this.reportValidity())) {
      return { ok: false, code: 'invalid' };
    }
    const out = await m.runStep(this._response, action, input, this.env, this.reviewRoles, this.loaded.index);
    if (!out.ok) return out;
    this._adopt(out.response);
    if (out.state === 'signed') this._verified = true;
    this._drafts.changed();
    this.emitChange({ itemId: null });
    this.dispatchEvent(new CustomEvent<ChecklistReviewDetail>('xc-review', { bubbles: true, composed: true, detail: { action, state: out.state, value: this.value } }));
    return out;
  }

  /** Check a signed sheet against its fingerprint now (false when it is not signed); a changed one shows a warning. */
  async verify(): Promise<boolean> {
    const r = this._response;
    const ok = r ? await (await loadReview()).verifyWorkpaper(r) : false;
    if (r === this._response) this._verified = this._reviewState === 'signed' ? ok : null;
    return ok;
  }

  /** `updateComplete` also waits for the review chunk (a print preview renders it at once). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await loadReview().catch(() => undefined);
    return super.getUpdateComplete();
  }

  /** Validate every check point; shows nothing (see `reportValidity()`). */
  override validate(): ValidationResult {
    if (!this.loaded || !this._response) return { valid: !this.loadErrors, errors: this.loadErrors ?? [] };
    return validateChecklist(this.loaded.template, this.loaded.index, this._response, this.effectiveLang);
  }

  /** Back to the value first given (or empty); the stored draft is kept until the next change. */
  override reset(): void {
    this.submitted = false;
    this.shownErrors = [];
    this._rejected = null;
    this._adopt(this._initial ?? null);
    this._syncItemErrors();
  }

  protected override restoreValue(value: unknown): void {
    this.value = value as ChecklistResponse;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('input[type=radio]') ?? undefined;
  }

  override async reportValidity(): Promise<boolean> {
    this._formSync.cancel();
    this.renderAll();
    const ok = await super.reportValidity();
    this._syncItemErrors();
    return ok;
  }

  override async submit(): Promise<boolean> {
    const ok = await super.submit();
    if (ok) this._drafts.flush();
    return ok;
  }

  /** Render every check point now (done before printing, validation focus and jumps). */
  renderAll(): void {
    if (this.loaded && this._chunks.limit < this.loaded.index.points.length && this._chunks.all()) {
      this.requestUpdate();
      this.performUpdate();
    }
  }

  /** Move focus to a check point (rendering it and opening its section first). */
  async focusItem(id: string, field = 'finding'): Promise<boolean> {
    const ip = this.loaded?.index.byId.get(id);
    if (!ip) return false;
    this.renderAll();
    if (this.collapsed.has(ip.section.id) || this.collapsed.has(ip.group.id) || !this._visible(ip)) {
      const c = new Set(this.collapsed);
      c.delete(ip.section.id);
      c.delete(ip.group.id);
      this.collapsed = c;
      if (!this._visible(ip)) {
        this.filter = 'all';
        this.query = '';
      }
      await this.updateComplete;
    }
    const el = this._items.get(id);
    if (!el) return false;
    await el.updateComplete;
    const target = el.controlFor(field) ?? undefined;
    el.scrollIntoView?.({ block: 'center' });
    if (target) target.focus({ preventScroll: true });
    else el.focusFirst();
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeprint', this._beforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeprint', this._beforePrint);
  }

  private _beforePrint = () => this.renderAll();

  /** The sticky summary bar's height, for the list's scroll margins: focus scrolls in below the bar, not under it. */
  private _sticky = new StickyOffsetController(this, [{ selector: '.bar', property: '--_xc-bar-h' }], '.list');

  /** A text box scrolls only its caret into view on focus, which can leave its top under the sticky bar. */
  private _onFocusIn = (e: FocusEvent) => {
    const target = e.composedPath()[0];
    if (!(target instanceof HTMLTextAreaElement)) return;
    requestAnimationFrame(() => {
      const bar = this._sticky.stickyBar();
      if (bar && target.getBoundingClientRect().top < bar.getBoundingClientRect().bottom) target.scrollIntoView({ block: 'nearest' });
    });
  };

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('template') || changed.has('src') || (!this.loaded && !this.loadErrors && !this.loadingSrc)) {
      if (changed.has('template') || changed.has('src') || !this.hasUpdated) {
        const loading = this._load().finally(() => {
          if (this._loading === loading) this._loading = null;
        });
        this._loading = loading;
      }
    }
  }

  private async _load(): Promise<void> {
    const fetchId = ++this._fetchId;
    // The bundled template is asked for at once, beside the strings, when no other is given.
    const bundled = this.template === undefined && !this.src ? bundledTemplate() : undefined;
    // Messages made while loading (errors) must be in the element's language.
    await loadLocale(this.effectiveLang);
    let input: unknown = this.template;
    if (input === undefined && this.src) {
      this.loadingSrc = true;
      try {
        const res = await fetch(this.src, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        input = await res.json();
      } catch (e) {
        if (fetchId !== this._fetchId) return;
        this.loadingSrc = false;
        this._fail([{ path: '', message: this.t.loadFailed(e instanceof Error ? e.message : String(e)), keyword: 'load' }]);
        return;
      }
      if (fetchId !== this._fetchId) return;
      this.loadingSrc = false;
    }
    let isBundled = false;
    let read: { ok: true; template: ChecklistTemplate; index: TemplateIndex } | { ok: false; errors: FieldError[] };
    try {
      if (input === undefined) {
        input = await (bundled ?? bundledTemplate());
        if (fetchId !== this._fetchId) return;
        isBundled = true;
      }
      if (isBundled) {
        // The bundled template is checked against the meta-schema by the tests; only index it.
        const template = input as ChecklistTemplate;
        const errors = checkTemplateIds(template, this.effectiveLang);
        read = errors.length ? { ok: false, errors } : { ok: true, template, index: indexTemplate(template) };
      } else {
        // Templates from elsewhere go through the meta-schema validator, loaded only now.
        const { readChecklistTemplate } = await import('../core/checklist-template.js');
        if (fetchId !== this._fetchId) return;
        read = readChecklistTemplate(input, this.effectiveLang);
      }
    } catch (e) {
      read = { ok: false, errors: [{ path: '', message: e instanceof Error ? e.message : String(e), keyword: 'exception' }] };
    }
    if (!read.ok) {
      this._fail(read.errors);
      return;
    }
    // Keep what was typed when the template changes: the current response (or the pending value) is carried over.
    const carry = this._response ?? this._pendingValue;
    const given = !this._response && this._pendingGiven;
    this._pendingValue = undefined;
    this._pendingGiven = false;
    this.loaded = { template: read.template, index: read.index };
    this.loadErrors = null;
    this._adopt(carry ?? null, given);
    this._drafts.check();
    this.dispatchEvent(new CustomEvent('xc-load', { bubbles: true, composed: true, detail: { template: read.template } }));
  }

  private _fail(errors: FieldError[]): void {
    this.loaded = null;
    this.loadErrors = errors;
    this.syncForm();
    this.dispatchEvent(new CustomEvent('xc-error', { bubbles: true, composed: true, detail: { errors } }));
  }

  /** Show a value (`given`: set through `value`, so what cannot be read of it is reported). */
  private _adopt(v: unknown, given = false): void {
    if (!this.loaded) return;
    const { template, index } = this.loaded;
    this._response = v == null ? emptyResponse(template) : normalizeResponse(template, index, v);
    this._comments = returnedComments(this._response);
    this._reviewState = reviewOf(this._response).state;
    this._verified = null;
    if (this._reviewState === 'signed') void this.verify();
    this._hasFiles = undefined;
    this.progress = checklistProgress(index, this._response);
    this.listVersion++;
    this._scheduleChunks();
    this.syncForm();
    // Errors on show that the new value no longer has go (none are added).
    if (this.submitted) {
      this.refreshShownErrors();
      this._syncItemErrors();
    }
    if (given) this._reportUnreadable(v);
  }

  /** A value that could not be read whole: say so (event and console) and keep it as given. */
  private _reportUnreadable(v: unknown): void {
    const errors = unreadableResponseParts(v, this.effectiveLang);
    this._rejected = errors.length ? v : null;
    if (!errors.length) return;
    console.warn(this.t.valueRejected(`<${this.localName}>`), errors, v);
    this.dispatchEvent(new CustomEvent('xc-value-error', { bubbles: true, composed: true, detail: { errors, value: v } }));
  }

  private _scheduleChunks(): void {
    this._chunks.grow(this.loaded?.index.points.length ?? 0);
  }

  private _visible(ip: IndexedPoint): boolean {
    if (!this.loaded || !this._response) return true;
    return matchesFilter(this.loaded.index, ip, this._response.items[ip.point.id], this.filter, this.query, this.effectiveLang);
  }

  /**
   * Shown without letting it be changed: `readonly`, disabled (its own attribute or a disabled
   * fieldset), or a sheet that is not with its preparer (under review, or signed).
   */
  private get _locked(): boolean {
    return this.readonly || this.isDisabled || !(this._reviewState === 'drafting' || this._reviewState === 'returned');
  }

  /** A member of the header changed (typed): kept in the response, empty ones left out. */
  private _onHeaderInput(key: string, v: string): void {
    if (!this._response || this._locked) return;
    const h: Record<string, unknown> = { ...(this._response.header && typeof this._response.header === 'object' ? this._response.header : {}) };
    if (v) h[key] = v;
    else delete h[key];
    this._response.header = h;
    this._drafts.changed();
    this._formSync.later();
    if (this.submitted) this.refreshShownErrors();
    this.emitChange({ itemId: null });
  }

  private _headerLabels(): Record<(typeof WORKPAPER_HEADER_FIELDS)[number], string> {
    const t = this.t;
    return { no: t.headerNo, unit: t.headerUnit, team: t.headerTeam, round: t.headerRound, preparedBy: t.headerPreparedBy, preparedOn: t.headerPreparedOn };
  }

  /** The 工作底稿's head: six labelled fields on screen, a table in print. */
  private _renderHeader() {
    const t = this.t;
    const h = headerOf(this._response);
    const label = this._headerLabels();
    const locked = this._locked;
    const errorOf = (k: string) => this.shownErrors.find((e) => e.path === `header.${k}`);
    const printed = html`<table class="print-head" aria-hidden="true">
      ${[0, 2, 4].map((i) => {
        const [a, b] = [WORKPAPER_HEADER_FIELDS[i]!, WORKPAPER_HEADER_FIELDS[i + 1]!];
        return html`<tr><th>${label[a]}</th><td><bdi>${h[a]}</bdi></td><th>${label[b]}</th><td><bdi>${h[b]}</bdi></td></tr>`;
      })}
    </table>`;
    // A sheet that cannot be changed shows its head as text, as its answers.
    if (locked) {
      return html`<dl class="wp-header" part="header">
          ${WORKPAPER_HEADER_FIELDS.map((k) => html`<div class="wp-field"><dt>${label[k]}</dt><dd><bdi>${h[k]}</bdi></dd></div>`)}
        </dl>
        ${printed}`;
    }
    return html`<fieldset class="wp-header" part="header">
        <legend>${t.headerLegend}</legend>
        ${WORKPAPER_HEADER_FIELDS.map((k) => {
          const err = errorOf(k);
          return html`<div class="wp-field">
            <label for="xc-h-${k}">${label[k]}</label>
            <input id="xc-h-${k}" data-header=${k} type=${k === 'preparedOn' ? 'date' : 'text'} .value=${h[k]}
              aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `xc-h-${k}-error` : nothing}
              @input=${(e: Event) => this._onHeaderInput(k, (e.target as HTMLInputElement).value)} />
            ${err ? html`<p class="field-error" id="xc-h-${k}-error">${err.message}</p>` : nothing}
          </div>`;
        })}
      </fieldset>
      ${printed}`;
  }

  /** The 三级审核 panel (a lazy chunk; rendered once it is there). */
  private _renderReview() {
    if (!reviewPart) {
      void loadReview().then((m) => ((reviewPart = m), this.requestUpdate()));
      return nothing;
    }
    return html`<xc-checklist-review
      .response=${this._response}
      .index=${this.loaded!.index}
      .lang=${this.effectiveLang}
      .userRole=${this.environment?.role}
      .userName=${this.environment?.user?.name}
      .roles=${this.reviewRoles}
      .verified=${this._verified}
      .disabled=${this.readonly || this.isDisabled}
      .step=${this._step}
    ></xc-checklist-review>`;
  }

  private _step = (action: WorkpaperAction, input: ReviewInput) => this.review(action, input);

  /** Does the response refer to a file? Unknown until the print hook is there; then kept up to date by `_onItemInput`, not re-walked on each render. */
  private _hasFiles: boolean | undefined;

  /** The printed 附件清单 (hidden on screen), when the response has files. */
  private _renderFileList(lang: string): unknown {
    if (!printFiles) {
      void loadPrintFiles().then((m) => ((printFiles = m), this.requestUpdate()));
      return nothing;
    }
    this._hasFiles ??= printFiles.hasFiles(this._response);
    return this._hasFiles ? printFiles.printFileList(this, this._response, { lang, store: this.environment?.attachments, printOnly: true }) : nothing;
  }

  /** An answer changed in an item: O(1) bookkeeping, no list re-render. */
  private _onItemInput = (e: Event) => {
    e.stopPropagation();
    if (!this.loaded || !this._response || this._locked) return;
    const { id, before, after } = (e as CustomEvent<ItemInputDetail>).detail;
    this._response.items[id] = after;
    // Only the changed answer is looked at for files (the whole record is walked once, on first render).
    if (this._hasFiles === false && printFiles?.hasFiles(after)) {
      this._hasFiles = true;
      this.requestUpdate();
    }
    const d = progressDelta(this.loaded.index, before, after);
    if (d.answered || d.problems || d.clues) {
      const p = this.progress!;
      const sid = this.loaded.index.byId.get(id)!.section.id;
      const s = p.sections[sid]!;
      const ns = { total: s.total, answered: s.answered + d.answered, problems: s.problems + d.problems, clues: s.clues + d.clues };
      this.progress = { ...p, answered: p.answered + d.answered, problems: p.problems + d.problems, clues: p.clues + d.clues, sections: { ...p.sections, [sid]: ns } };
      // The list is not re-rendered for a change: tell the section's tally directly.
      const tally = this.renderRoot.querySelector<XcChecklistTally>(`#tally-${CSS.escape(sid)}`);
      if (tally) tally.counts = ns;
    }
    if (this.submitted) this._refreshItemErrors(id);
    this._drafts.changed();
    // Form value and validity are pushed after a pause (and at once on focusout/submit).
    this._formSync.later();
    this.emitChange({ itemId: id });
  };

  /** After submit, fixing a field removes its error; nothing new appears while typing. */
  private _refreshItemErrors(id: string): void {
    if (!this.loaded || !this._response) return;
    const now: FieldError[] = [];
    validateItem(this.loaded.template, this.loaded.index, id, this._response.items[id], this.effectiveLang, now);
    const prefix = `items.${id}.`;
    const keep = (e: FieldError) => !e.path.startsWith(prefix) || now.some((n) => n.path === e.path && n.keyword === e.keyword);
    const next = this.shownErrors.filter(keep);
    if (next.length !== this.shownErrors.length) {
      this.shownErrors = next;
      const item = this._items.get(id);
      if (item) item.errors = next.filter((e) => e.path.startsWith(prefix));
    }
  }

  private _syncItemErrors(): void {
    const by = new Map<string, FieldError[]>();
    for (const e of this.shownErrors) {
      const id = this.loaded ? pathPoint(this.loaded.index, e.path)?.id : undefined;
      if (id) (by.get(id) ?? by.set(id, []).get(id)!).push(e);
    }
    for (const [id, el] of this._items) el.errors = by.get(id) ?? [];
  }

  /** Alt+↑/↓/Home/End move between check points. */
  private _onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key) || !this.loaded) return;
    const current = (e.composedPath().find((n) => n instanceof XcChecklistItem) as XcChecklistItem | undefined) ?? null;
    if (e.key === 'End' || e.key === 'ArrowDown') this.renderAll();
    const items = [...this.renderRoot.querySelectorAll<XcChecklistItem>('xc-checklist-item')].filter((i) => i.offsetParent !== null || i.getClientRects().length > 0);
    if (!items.length) return;
    let target: XcChecklistItem | undefined;
    const at = current ? items.indexOf(current) : -1;
    if (e.key === 'Home') target = items[0];
    else if (e.key === 'End') target = items[items.length - 1];
    else if (e.key === 'ArrowDown') target = items[Math.min(items.length - 1, at + 1)];
    else target = items[Math.max(0, at - 1)];
    if (target) {
      e.preventDefault();
      target.scrollIntoView?.({ block: 'nearest' });
      target.focusFirst();
    }
  };

  private _toggle(id: string): void {
    const c = new Set(this.collapsed);
    if (c.has(id)) c.delete(id);
    else c.add(id);
    this.collapsed = c;
  }

  private _setAll(collapse: boolean): void {
    if (!this.loaded) return;
    this.collapsed = collapse ? new Set(this.loaded.template.sections.map((s) => s.id)) : new Set();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('readonly')) this.syncForm();
  }

  protected override render() {
    const t = this.t;
    const lang = this.effectiveLang;
    if (this.loadErrors) {
      return html`<div class="load-error" role="alert" part="load-error">
        <p><strong>${t.templateInvalid}</strong></p>
        <ul>${this.loadErrors.slice(0, 20).map((e) => html`<li>${e.keyword === 'load' ? e.message : t.templateInvalidDetail(e.path, e.message)}</li>`)}</ul>
      </div>`;
    }
    if (!this.loaded || !this._response) return html`<p role="status">${t.loading}</p>`;
    const { template } = this.loaded;
    const p = this.progress!;
    const title = textOf(template.title, lang);
    return html`
      <div class="print-header" aria-hidden="true"><bdi>${title}</bdi>${this.subject ? html` · <bdi>${this.subject}</bdi>` : nothing}</div>
      <div class="head">
        <h2 class="title"><bdi>${title}</bdi></h2>
        ${template.description ? html`<p class="hint"><bdi>${textOf(template.description, lang)}</bdi></p>` : nothing}
        ${this.subject ? html`<p class="subject"><bdi>${this.subject}</bdi></p>` : nothing}
        <slot name="header"></slot>
        ${this._renderHeader()}
      </div>
      ${this._reviewState === 'signed'
        ? nothing // A signed sheet is final: no older draft is offered in its place.
        : renderDraftBanner(this._drafts, t, lang, (v) => {
            this._adopt(v);
            this._drafts.changed();
            this.emitChange({ itemId: null });
          })}
      ${this._locked
        ? html`<p class="banner" role="note">${this.readonly || this.isDisabled ? t.readonlyNotice : this._reviewState === 'signed' ? t.workpaperSigned : t.workpaperInReview}</p>`
        : nothing}
      ${renderErrorSummary(
        this._namedErrors(),
        t,
        async (e) => {
          if (e.path.startsWith('header.')) return this.renderRoot.querySelector<HTMLElement>(`#xc-h-${CSS.escape(e.path.slice(7))}`) ?? undefined;
          const at = this.loaded ? pathPoint(this.loaded.index, e.path) : null;
          if (at) await this.focusItem(at.id, at.field || 'finding');
          return undefined;
        },
        (e) => (e.path.startsWith('header.') ? `xc-h-${e.path.slice(7)}` : `xc-item-${(this.loaded && pathPoint(this.loaded.index, e.path)?.id) ?? ''}`),
      )}
      ${this._renderBar(p)}
      <div class="list" @xc-item-input=${this._onItemInput} @keydown=${this._onKeyDown} @focusin=${this._onFocusIn}>
        ${guard([this.loaded, this.listVersion, this.filter, this.query, this.collapsed, this._chunks.limit, lang, this._locked, this._comments], () => this._renderList())}
      </div>
      ${this._renderKeptAside()}
      ${this._renderReview()}
      ${this._renderFileList(lang)}
      ${this.environment?.watermark?.(this, this._locked)}
    `;
  }

  /**
   * The errors on show as the error summary lists them: each one names its check point by number
   * and the start of its text ("1.2.3 <start of the check point>…: <message>"), the text isolated so
   * that no direction mark in it turns the message around (see `checkPointRef`).
   */
  private _namedErrors(): FieldError[] {
    const index = this.loaded?.index;
    if (!index) return this.shownErrors;
    const t = this.t;
    const lang = this.effectiveLang;
    const labels = this._headerLabels() as Record<string, string>;
    return this.shownErrors.map((e) => {
      const field = e.path.startsWith('header.') ? labels[e.path.slice(7)] : undefined;
      if (field) return { ...e, message: t.errorAtPoint(field, e.message) };
      const at = pathPoint(index, e.path);
      const ip = at ? index.byId.get(at.id) : undefined;
      if (!ip) return e;
      return { ...e, message: t.errorAtPoint(checkPointRef(ip, lang), e.message) };
    });
  }

  private _renderBar(p: ChecklistProgress) {
    const t = this.t;
    const filters: [ChecklistFilter, string][] = [
      ['all', t.filterAll],
      ['unanswered', t.filterUnanswered],
      ['problems', t.filterProblems],
      ['clues', t.filterClues],
    ];
    return html`<div class="bar" part="summary-bar">
      <div class="progress" role="status" aria-live="polite">
        <progress max=${p.total} .value=${p.answered} aria-label=${t.progressOverall(p.answered, p.total)}></progress>
        <span class="count">${t.progressOverall(p.answered, p.total)}</span>
        <span class="count problems">${t.progressProblems(p.problems)}</span>
        <span class="count clues">${t.progressClues(p.clues)}</span>
      </div>
      <div class="tools">
        <fieldset class="filters">
          <legend class="visually-hidden">${t.filterLabel}</legend>
          ${filters.map(
            ([f, label]) => html`<label class=${this.filter === f ? 'on' : ''}><input type="radio" name="xc-filter" .checked=${this.filter === f} @change=${() => (this.filter = f)} />${label}</label>`,
          )}
        </fieldset>
        <label class="search"><span class="visually-hidden">${t.searchLabel}</span>
          <input type="search" .value=${this.query} placeholder=${t.searchPlaceholder} aria-label=${t.searchLabel} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" @click=${() => this._setAll(false)}>${t.expandAll}</button>
        <button type="button" @click=${() => this._setAll(true)}>${t.collapseAll}</button>
        ${this._locked || this.noSubmitButton ? nothing : html`<slot name="actions"><button type="button" class="primary" part="submit" @click=${() => this.submit()}>${t.submit}</button></slot>`}
      </div>
      <p class="hint keys">${t.keyboardHelp}</p>
    </div>`;
  }

  private _renderList() {
    const { template, index } = this.loaded!;
    const t = this.t;
    const lang = this.effectiveLang;
    const response = this._response!;
    const limit = this._chunks.limit;
    const filtering = this.filter !== 'all' || this.query.trim() !== '';
    let shown = 0;
    const sections = template.sections.map((section) => {
      const sOpen = !this.collapsed.has(section.id);
      const sp = this.progress!.sections[section.id]!;
      const groups = section.groups.map((group) => {
        const gOpen = group.implicit || !this.collapsed.has(group.id);
        const items = group.items.map((point) => {
          const ip = index.byId.get(point.id)!;
          if (ip.index >= limit) return nothing;
          if (filtering && !matchesFilter(index, ip, response.items[point.id], this.filter, this.query, lang)) return nothing;
          shown++;
          return html`<xc-checklist-item
            .ip=${ip}
            .template=${template}
            .index=${index}
            .response=${response.items[point.id]}
            .t=${t}
            .lang=${lang}
            .readonly=${this._locked}
            .comment=${this._comments[point.id]}
            ${mapElement(this._items, point.id)}
          ></xc-checklist-item>`;
        });
        const list = html`<div role="list" class="items" id="g-${group.id}" ?hidden=${!gOpen}
            ${setStyle({ 'contain-intrinsic-size': `auto ${group.items.length * 110}px` })}>${items}</div>`;
        // Check points right under their focus area: no heading of a group (there is none).
        if (group.implicit) return list;
        return html`<section class="group" part="group" aria-labelledby="h-${group.id}">
          <h4 class="group-title" id="h-${group.id}">
            <button type="button" aria-expanded=${gOpen ? 'true' : 'false'} aria-controls="g-${group.id}" @click=${() => this._toggle(group.id)}>
              ${group.ordinal ? html`<bdi class="ordinal">${group.ordinal}</bdi>` : nothing}<bdi>${textOf(group.title, lang)}</bdi>
            </button>
          </h4>
          ${list}
        </section>`;
      });
      return html`<section class="section" part="section" aria-labelledby="h-${section.id}">
        <h3 class="section-title" id="h-${section.id}">
          <button type="button" part="section-heading" aria-expanded=${sOpen ? 'true' : 'false'} aria-controls="s-${section.id}" @click=${() => this._toggle(section.id)}>
            ${section.ordinal ? html`<bdi class="ordinal">${section.ordinal}</bdi>` : nothing}<bdi>${textOf(section.title, lang)}</bdi>
          </button>
          <xc-checklist-tally class="section-progress" id="tally-${section.id}" .counts=${sp} .t=${t}></xc-checklist-tally>
        </h3>
        <div id="s-${section.id}" class="section-body" ?hidden=${!sOpen}>${groups}</div>
      </section>`;
    });
    return html`${filtering ? html`<p class="match-count" role="status">${shown ? t.matchCount(shown) : t.noMatches}</p>` : nothing}${sections}`;
  }

  private _renderKeptAside() {
    const kept = this._response?.keptAside;
    if (!kept || !Object.keys(kept).length) return nothing;
    return html`<section class="kept-aside" part="kept-aside">
      <p>${this.t.keptAside}</p>
      <ul>${Object.entries(kept).map(([id, r]) => {
        // Kept as given: an entry may be of any type; only its text members are shown.
        const o: Record<string, unknown> = r && typeof r === 'object' ? r : {};
        return html`<li><code><bdi>${id}</bdi></code>${this.t.labelSep}<bdi>${answerText(o['description']) || answerText(o['notes']) || answerText(o['finding'])}</bdi></li>`;
      })}</ul>
    </section>`;
  }
}




defineElement('xc-checklist', XcChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'xc-checklist': XcChecklist;
  }
}

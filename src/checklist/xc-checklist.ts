/**
 * `<xc-checklist>`: the supervision checklist (监督检查清单 / 工作底稿) element — its properties, value,
 * loading, validation, the 三级审核 steps and the page around the list. The parts it draws live in
 * units beside it: checklist-header.ts (the 工作底稿's head), checklist-list.ts (the summary bar, the
 * focus areas and check points, answers kept aside), checklist-load.ts (what it loads besides its
 * own chunk); each check point is an `<xc-checklist-item>` (xc-checklist-item.ts).
 */
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
import { ChunkedRender } from '../base/chunks.js';
import { textOf } from '../core/text.js';
import { isDateKey } from '../core/date-key.js';
import { isLocaleReady, loadLocale } from '../core/i18n.js';
import {
  checklistProgress,
  emptyResponse,
  headerOf,
  matchesFilter,
  normalizeResponse,
  progressDelta,
  unreadableResponseParts,
  pathPoint,
  reviewOf,
  returnedComments,
  type WorkpaperAction,
  type WorkpaperState,
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
import type { XcChecklistItem, ItemInputDetail } from './xc-checklist-item.js';
import './xc-checklist-item.js';
import type { XcChecklistTally } from './xc-checklist-tally.js';
import './xc-checklist-tally.js';
import { checklistStyles } from './xc-checklist.styles.js';
import { DeferredFormSync } from '../base/form-sync.js';
import { renderHeader, withHeaderMember, type HeaderField } from './checklist-header.js';
import { errorsByPoint, errorTargetId, keyTarget, namedErrors, stillShown } from './checklist-errors.js';
import { renderBar, renderKeptAside, renderList } from './checklist-list.js';
import { bundledTemplate, fetchTemplate, LoadFailure, readAtOnce, readTemplate, type TemplateRead } from './checklist-load.js';
import { afterFrame, LaterParts, whenReview } from './checklist-later.js';
import { ChecklistPage } from './checklist-page.js';
import type { ChecklistReviewDetail } from '../events/xc-review.js';
import type { ReviewInput, ReviewResult } from './xc-checklist-review.js';
import type { WorkpaperRoles } from '../core/workpaper.js';

/**
 * How many check points are rendered before the first frame; the rest follow in chunks. A list of
 * up to `ALL_AT_ONCE` is rendered whole at once: in chunks it would take a timer and a frame more to
 * be complete than the few check points more cost the first frame.
 */
const FIRST_CHUNK = 30;
const CHUNK = 150;
const ALL_AT_ONCE = 150;

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
 * @fires xc-load - A template was loaded, checked by the meta-schema and is shown. A template given as a property that has
 *   the shape of a list is shown at once and this fires once the whole list is on screen and checked. `detail: { template }`.
 * @fires xc-error - The template could not be loaded or is invalid (a list shown before its check is then replaced by the errors). `detail: { errors }`.
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

  /** `updateComplete` also waits for a template being loaded (fetched, checked); for one shown before its check, until the whole list is on screen and checked. */
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
    const m = await whenReview();
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
    const ok = r ? await (await whenReview()).verifyWorkpaper(r) : false;
    if (r === this._response) this._verified = this._reviewState === 'signed' ? ok : null;
    return ok;
  }

  /** `updateComplete` also waits for the review panel's and the 附件清单's chunks, and for them to be rendered (a print preview renders them at once). */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (await this._later.ensure()) this.requestUpdate();
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
    return (await this._items.get(id)?.focusField(field)) ?? false;
  }

  /** The sticky bar's offsets, text boxes scrolled clear of it, every check point rendered before printing. */
  private _page = new ChecklistPage(this, () => this.renderAll());

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('template') || changed.has('src') || (!this.loaded && !this.loadErrors && !this.loadingSrc)) {
      if (changed.has('template') || changed.has('src') || !this.hasUpdated) {
        const loading = this._load().finally(() => {
          if (this._loading === loading) this._loading = null;
        });
        this._loading = loading;
      }
    }
    if (!this._dateControl) this._dateControl = this._toDateControl();
  }

  private async _load(): Promise<void> {
    const fetchId = ++this._fetchId;
    // The bundled template is asked for at once, beside the strings, when no other is given.
    const bundled = this.template === undefined && !this.src ? bundledTemplate() : undefined;
    // A template given by the page that has the list's shape is shown in this very update; its
    // meta-schema check comes once the whole list is on screen (`updateComplete` and xc-load wait
    // for it, and a template that fails it is replaced by its errors).
    const shown = this.template !== undefined && isLocaleReady(this.effectiveLang) ? readAtOnce(this.template, this.effectiveLang) : null;
    if (shown) {
      this._show(shown);
      // (while the list is still growing: a list whose chunks stop, as when the element leaves the page, is checked at once)
      let rendered: number;
      do {
        rendered = this._chunks.limit;
        await afterFrame();
      } while (fetchId === this._fetchId && this.isConnected && !this._listDone() && this._chunks.limit > rendered);
      if (fetchId !== this._fetchId) return;
    }
    // Messages made while loading (errors) must be in the element's language.
    await loadLocale(this.effectiveLang);
    let input: unknown = this.template;
    if (input === undefined && this.src) {
      this.loadingSrc = true;
      input = await fetchTemplate(this.src, this.t).catch((e: unknown) => e);
      if (fetchId !== this._fetchId) return;
      this.loadingSrc = false;
      if (input instanceof LoadFailure) return this._fail([input.error]);
    }
    const read = await readTemplate(input, bundled, this.effectiveLang, () => fetchId === this._fetchId, shown ?? undefined);
    if (!read) return; // another template was given meanwhile
    if (!read.ok) {
      this._fail(read.errors);
      return;
    }
    if (!shown) this._show(read);
    this.dispatchEvent(new CustomEvent('xc-load', { bubbles: true, composed: true, detail: { template: this.loaded!.template } }));
  }

  /** Show a template read; what was typed is kept (the current response, or the pending value, is carried over). */
  private _show(read: TemplateRead & { ok: true }): void {
    const carry = this._response ?? this._pendingValue;
    const given = !this._response && this._pendingGiven;
    this._pendingValue = undefined;
    this._pendingGiven = false;
    this.loaded = { template: read.template, index: read.index };
    this.loadErrors = null;
    this._adopt(carry ?? null, given);
    this._drafts.check();
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
    this._later.hasFiles = undefined;
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
    const n = this.loaded?.index.points.length ?? 0;
    if (n <= ALL_AT_ONCE) this._chunks.all(n);
    else this._chunks.grow(n);
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
  private _onHeaderInput = (key: HeaderField, v: string): void => {
    if (!this._response || this._locked) return;
    this._response.header = withHeaderMember(this._response.header, key, v);
    this._drafts.changed();
    this._formSync.later();
    if (this.submitted) this.refreshShownErrors();
    this.emitChange({ itemId: null });
  };

  private _step = (action: WorkpaperAction, input: ReviewInput) => this.review(action, input);

  /** The 三级审核 panel, the printed 附件清单 and the evidence editor, each from a chunk of its own, asked for once the whole list is on screen. */
  private _later = new LaterParts(this, () => this._listDone());

  /**
   * The head's 编制日期 is a date control once the whole list has been on screen (see `renderHeader`),
   * and only while its text box is not being typed in and holds nothing or a real calendar date: a
   * date control would show any other text (2026-1, 2026-02-30) as empty. Decided before a render,
   * until it is one (then never again).
   */
  private _dateControl = false;
  private _onHeaderBlur = (): void => this.requestUpdate();
  private _toDateControl(): boolean {
    if (!this._later.settled || (this.shadowRoot?.activeElement as HTMLElement | null)?.id === 'xc-h-preparedOn') return false;
    const date = headerOf(this._response).preparedOn;
    return !date || isDateKey(date);
  }

  /** Whether every check point of the list is rendered. */
  private _listDone(): boolean {
    return !!this.loaded && this._chunks.limit >= this.loaded.index.points.length;
  }

  /** An answer changed in an item: O(1) bookkeeping, no list re-render. */
  private _onItemInput = (e: Event) => {
    e.stopPropagation();
    if (!this.loaded || !this._response || this._locked) return;
    const { id, before, after } = (e as CustomEvent<ItemInputDetail>).detail;
    this._response.items[id] = after;
    this._later.noteAnswer(after);
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
    const next = stillShown(this.shownErrors, id, now);
    if (next.length !== this.shownErrors.length) {
      this.shownErrors = next;
      const item = this._items.get(id);
      if (item) item.errors = next.filter((e) => e.path.startsWith(`items.${id}.`));
    }
  }

  private _syncItemErrors(): void {
    const by = errorsByPoint(this.loaded?.index, this.shownErrors);
    for (const [id, el] of this._items) el.errors = by.get(id) ?? [];
  }

  /** Alt+↑/↓/Home/End move between check points. */
  private _onKeyDown = (e: KeyboardEvent) => {
    const target = this.loaded ? keyTarget(e, this.renderRoot, () => this.renderAll()) : undefined;
    if (target) {
      e.preventDefault();
      target.scrollIntoView?.({ block: 'nearest' });
      target.focusFirst();
    }
  };

  private _toggle(id: string): void {
    const c = new Set(this.collapsed);
    this.collapsed = (c.delete(id) || c.add(id), c);
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
        ${renderHeader({ t, response: this._response, locked: this._locked, errors: this.shownErrors, onInput: this._onHeaderInput, dateControl: this._dateControl, onBlur: this._onHeaderBlur })}
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
        namedErrors(this.loaded?.index, this.shownErrors, t, lang),
        t,
        async (e) => {
          if (e.path.startsWith('header.')) return this.renderRoot.querySelector<HTMLElement>(`#xc-h-${CSS.escape(e.path.slice(7))}`) ?? undefined;
          const at = this.loaded ? pathPoint(this.loaded.index, e.path) : null;
          if (at) await this.focusItem(at.id, at.field || 'finding');
          return undefined;
        },
        (e) => errorTargetId(this.loaded?.index, e),
      )}
      ${renderBar({
        t, progress: p, filter: this.filter, query: this.query, submitButton: !this._locked && !this.noSubmitButton,
        setFilter: (f) => (this.filter = f), setQuery: (q) => (this.query = q), setAll: (collapse) => this._setAll(collapse), submit: () => void this.submit(),
      })}
      <div class="list" @xc-item-input=${this._onItemInput} @keydown=${this._onKeyDown} @focusin=${this._page.onFocusIn}>
        ${guard([...this._listDeps(), this._chunks.limit], () => this._renderList())}
      </div>
      ${renderKeptAside(t, this._response)}
      ${this._later.review()
        ? html`<xc-checklist-review .response=${this._response} .index=${this.loaded.index} .lang=${lang} .userRole=${this.environment?.role}
            .userName=${this.environment?.user?.name} .roles=${this.reviewRoles} .verified=${this._verified} .disabled=${this.readonly || this.isDisabled}
            .step=${this._step}></xc-checklist-review>`
        : nothing}
      ${this._later.fileList(this._response, lang, this.environment?.attachments)}
      ${this.environment?.watermark?.(this, this._locked)}
    `;
  }

  /** What the list is drawn from, but its length: it is drawn again when one of them changes. */
  private _listDeps(): unknown[] {
    return [this.loaded, this.listVersion, this.filter, this.query, this.collapsed, this.effectiveLang, this._locked, this._comments, this.environment?.attachments];
  }

  /** What the list was last drawn from, but its length (see `ListContext.key`). */
  private _listKey: { deps: unknown[] } = { deps: [] };

  private _renderList() {
    const { template, index } = this.loaded!;
    const deps = this._listDeps();
    if (deps.some((d, i) => d !== this._listKey.deps[i])) this._listKey = { deps };
    return renderList({
      template, index, response: this._response!, progress: this.progress!, t: this.t, lang: this.effectiveLang, limit: this._chunks.limit, key: this._listKey,
      filter: this.filter, query: this.query, collapsed: this.collapsed, locked: this._locked, comments: this._comments,
      store: this.environment?.attachments, items: this._items, toggle: (id) => this._toggle(id),
    });
  }

}




defineElement('xc-checklist', XcChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'xc-checklist': XcChecklist;
  }
}

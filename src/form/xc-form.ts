/**
 * <xc-form>: a record form driven by a JSON Schema form definition — loading and checking the
 * definition, the record and its field tree, validation and the error summary, drafts, the print
 * layout. Checking a run-time definition is ./form-definition.ts (a chunk loaded for one), the
 * errors' order and wording ./form-errors.ts, the printed page's rule ./print-rule.ts, the fields ./xc-field.ts.
 */
import './locale.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PrintPageController } from '../base/print-page.js';
import { XcFormElement } from '../base/form-element.js';
import { defineElement } from '../base/define.js';
import { DraftController } from '../base/draft-controller.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { isLocaleReady, loadLocale } from '../core/i18n.js';
import type { FieldError, JsonSchema, ValidateFunction, ValidationResult } from '../core/validation-types.js';
import type { FormErrorDetail } from '../events/xc-error.js';
import { buildFormModel, defaultValue, flattenFields, getAt, isEmptyValue, setAt, type FieldDescriptor } from '../core/form-model.js';
import { conditionKeys, touchesCondition } from '../core/form-input.js';
import { XcField, renderMembers, settleTree, type FormContext } from './xc-field.js';
import { displayIsolated, displayText, fieldId, itemsAreGroups } from './display.js';
import { formStyles } from './xc-form.styles.js';
import { lazy } from '../base/lazy.js';
import { isObj } from '../core/obj.js';
import { DeferredFormSync } from '../base/form-sync.js';
import { ancestors, indexErrors, inFieldOrder, problemText, requiredOnly, summaryErrors } from './form-errors.js';
import { pageRule } from './print-rule.js';

const DISPLAY: Display = { html, nothing, displayText, displayIsolated, itemsAreGroups };
const NONE: readonly FieldError[] = [];

/** Why a form definition could not be used (the `xc-error` detail). */
export type Problem = FormErrorDetail;

type ValidationModule = typeof import('../core/validation.js');
/** The message pipeline (ajv-i18n, paths) loads once, with the first validator. */
const loadValidation: () => Promise<ValidationModule> = lazy(() => import('../core/validation.js'));

/** Checking a definition given at run time (./form-definition.ts): loaded with the first such definition. */
const loadDefinitionCheck = lazy(() => import('./form-definition.js'));

type PrintModule = typeof import('./print.js');
type Display = import('./print.js').Display;
/** The print layout loads once, after the first frame of the first form (or at once for `print-view`). */
const loadPrint: () => Promise<PrintModule> = lazy(() => import('./print.js'));


/**
 * A record form driven by a JSON Schema (2020-12) form definition with `x-xc-*`
 * annotations (see schemas/form-definition.schema.json): fieldsets for
 * objects, repeatable groups for arrays, conditional requirements and hidden
 * fields, validation on submit with messages next to each field and an error
 * summary, a read-only view, drafts, and an A4 print layout.
 *
 * Validation of a definition given at run time needs a validator: set
 * `validator` (precompiled with `npx xc-precompile`), or import
 * `xc-elements/compiler` on pages that allow eval. Without one the form says
 * how to get one, in place of the form; a value set meanwhile is kept.
 *
 * It takes part in native forms (value submitted as JSON under `name`).
 *
 * @customElement xc-form
 * @tag xc-form
 *
 * @fires xc-change - A value changed. `detail: { value, path }` (`path` is dotted, '' for the whole record; `value` is read lazily).
 * @fires xc-submit - `submit()` found the record valid. `detail: { value }`.
 * @fires xc-invalid - Validation failed on submit. `detail: { errors: {path, message, keyword}[] }`.
 * @fires xc-title - The page title the host may want to show changed (errors shown: prefixed with the locale's errorPrefix). `detail: { title, errors: boolean }`.
 * @fires xc-load - The definition was read and the form is shown. `detail: { schema }`.
 * @fires xc-error - The definition could not be loaded, compiled or is invalid. `detail: { kind, details }`.
 *
 * @slot header - Shown under the title (e.g. the round and team).
 * @slot actions - Replaces the default submit button.
 *
 * @csspart title - The form's title.
 * @csspart error-summary - The error summary shown on failed submit.
 * @csspart draft-banner - Draft restore / storage notices.
 * @csspart load-error - What is shown instead of the form when the definition cannot be used.
 * @csspart submit - The default submit button.
 * @csspart print-view - The A4 layout (printing, or `print-view` on screen).
 * @csspart attachment-list - The printed 附件清单 after the record's fields (when it refers to files): name, kind, size, the first 8 hex digits of each SHA-256, where in the record; images as thumbnails with the `print-thumbnails` attribute (and a store).
 *
 * @cssprop --xc-font-family - Font family (system fonts only by default).
 * @cssprop --xc-font-size - Base font size (raise it for large-text, senior-friendly pages).
 * @cssprop --xc-color-primary - Main accent colour.
 * @cssprop --xc-color-text - Text colour.
 * @cssprop --xc-color-muted - Hint text colour.
 * @cssprop --xc-color-surface - Background.
 * @cssprop --xc-color-border - Border colour of controls.
 * @cssprop --xc-color-error - Error colour.
 * @cssprop --xc-color-focus - Focus ring colour.
 */
export class XcForm extends XcFormElement {
  static override styles = [tokens, formStyles];

  /** The form definition (JSON Schema 2020-12 object schema with `x-xc-*` annotations). */
  @property({ attribute: false }) schema?: JsonSchema;

  /** URL of a form definition to fetch (used when `schema` is not set). */
  @property() src = '';

  /** A precompiled validator of the definition (`npx xc-precompile`); needed under a strict CSP. */
  @property({ attribute: false }) validator?: ValidateFunction;

  /** Hide the built-in submit button (use `submit()` or a form's submit instead). */
  @property({ type: Boolean, attribute: 'no-submit-button' }) noSubmitButton = false;

  /** Show the A4 print layout on screen instead of the form (a preview of what prints). */
  @property({ type: Boolean, attribute: 'print-view', reflect: true }) printView = false;

  /** The field tree for the current value (null until the definition is read). */
  @state() protected model: FieldDescriptor | null = null;
  @state() private _problem: Problem | null = null;
  @state() private _printing = false;
  /** The print layout's code, once loaded (see loadPrint). */
  @state() private _print: PrintModule | null = null;
  private _printLoading: Promise<unknown> | null = null;
  @state() private _announce = '';

  /** The current record. */
  protected record: unknown = undefined;
  /** The definition in use. */
  protected activeSchema: JsonSchema | null = null;
  private _validate: ValidateFunction | null = null;
  /** The validation module and validator arrive after the first frame (they are not needed to show the form). */
  private _validation: ValidationModule | null = null;
  private _validatorReady: Promise<void> | null = null;
  private _pending: unknown = undefined;
  private _initial: unknown = undefined;
  private _initialSet = false;
  private _fields = new Map<string, XcField>();
  private _index = new Map<string, FieldDescriptor>();
  private _keys = new Set<string>();
  private _nowRequired = new Set<string>();
  private _errorMap = new Map<string, FieldError[]>();
  private _errorUnder = new Set<string>();
  private _ctx: FormContext | null = null;
  /** The form value and validity follow typing after a pause (at once on focusout and disconnect). */
  private _formSync = new DeferredFormSync(this, () => this.syncForm());
  private _fetchId = 0;
  private _modelLang = '';
  private _problemLang = '';
  private _titleErrors: boolean | null = null;
  private _loading: Promise<void> | undefined;
  private _loadStarted = false;

  protected drafts = new DraftController(this, {
    storage: () => this.env.drafts,
    value: () => this.value,
    version: () => (typeof this.activeSchema?.['$id'] === 'string' ? (this.activeSchema['$id'] as string) : undefined),
    now: () => this.env.now(),
  });

  /** The record. Setting it shows it (members missing from an unsigned record get their defaults); unknown members are kept. */
  @property({ attribute: false })
  get value(): unknown {
    return this.model ? this.record : this._pending;
  }
  set value(v: unknown) {
    const old = this.value;
    if (!this._initialSet) {
      this._initial = v;
      this._initialSet = true;
    }
    if (this.model) this._adopt(v, true);
    else this._pending = v;
    this.requestUpdate('value', old);
  }

  override get formValue(): unknown {
    return this.value;
  }

  override isEmpty(): boolean {
    return isEmptyValue(this.value);
  }

  /** Validate the record; shows nothing (see `reportValidity()`). Errors come in the order of the fields. */
  override validate(): ValidationResult {
    if (this._problem) return { valid: false, errors: [{ path: '', message: problemText(this._problem, this.t), keyword: 'schema' }] };
    if (!this.activeSchema) return { valid: true, errors: [] };
    // Until the validator has arrived (it loads right after the first frame): required fields that are empty.
    if (!this._validate || !this._validation) return requiredOnly(this.model, this.t);
    return inFieldOrder(this._validation.validateWith(this._validate, this.record, this.activeSchema, this.effectiveLang), this._index);
  }

  /** Back to the value first given (or the defaults); the stored draft is kept until the next change. */
  override reset(): void {
    this.submitted = false;
    this.shownErrors = [];
    this._nowRequired.clear();
    this._announce = '';
    if (this.model) this._adopt(this._initial, true);
    else this._pending = this._initial;
  }

  protected override restoreValue(value: unknown): void {
    this.value = value;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('input, select, textarea, button') ?? undefined;
  }

  override async reportValidity(): Promise<boolean> {
    this._formSync.cancel();
    await this._validatorReady;
    return super.reportValidity();
  }

  override async submit(): Promise<boolean> {
    const ok = await super.submit();
    if (ok) this.drafts.flush();
    return ok;
  }

  /** Move focus to a field (dotted path, as in errors); false when it is not shown. */
  async focusField(path: string): Promise<boolean> {
    await this.updateComplete;
    for (const p of ancestors(path)) {
      const el = this._fields.get(p);
      if (el) {
        await settleTree(el);
        const target = el.focusControl();
        target?.focus();
        return !!target;
      }
    }
    return false;
  }

  /* ------------------------------------------------------- subclass hooks */

  /**
   * A bundled definition and its precompiled validator (subclasses); `schema`/`src` are then ignored.
   * The definition may be a promise (template text kept out of the page's first load).
   */
  protected bundled(): { schema: JsonSchema | Promise<JsonSchema>; loadValidator: () => Promise<ValidateFunction> } | null {
    return null;
  }

  /** Called after a record was put in place (set, restored, reset or signed). */
  protected adopted(): void {}

  /** Put a record in place as if the person had made it (drafts and `xc-change` follow). */
  protected replaceRecord(v: unknown): void {
    this._adopt(v, false);
    this.drafts.changed();
    this.drafts.flush();
    this.emitChange({ path: '' });
  }

  /** Shown between the title and the fields. */
  protected renderStatus(): unknown {
    return nothing;
  }

  /** The buttons under the fields. */
  protected renderActions(): unknown {
    if (this.readonly || this.noSubmitButton || this.model?.readOnly) return nothing;
    return html`<div class="actions"><slot name="actions"><button type="button" class="primary" part="submit" @click=${() => this.submit()}>${this.t.submit}</button></slot></div>`;
  }

  /** The head of the print layout. */
  protected renderPrintHead(): unknown {
    return html`<h1 class="p-title">${this.model?.label}</h1>`;
  }

  /** What follows the fields in the print layout (signature lines, footer). */
  protected renderPrintTail(): unknown {
    return nothing;
  }

  /** Fields left out of the print layout. */
  protected printSkip(_d: FieldDescriptor): boolean {
    return false;
  }

  /** Text at the bottom left of every printed page (where Chromium supports page-margin boxes). */
  protected printFooter(): string {
    return '';
  }

  /* ------------------------------------------------------------- loading */

  protected override willUpdate(changed: PropertyValues): void {
    const lang = this.effectiveLang;
    // Not `hasUpdated`: a first render that failed would load again on every update, without end.
    if (!this._loadStarted || changed.has('schema') || changed.has('src') || changed.has('validator') || (this._problem && this._problemLang !== lang && this._problem.kind !== 'load')) {
      this._loadStarted = true;
      const loading = (this._loading = this._load().finally(() => {
        if (this._loading === loading) this._loading = undefined;
      }));
    }
    if (this.model && this._modelLang !== lang) this._rebuild(false);
    const ro = this.readonly || this.isDisabled;
    const t = this.t;
    if (!this._ctx || this._ctx.t !== t || this._ctx.readonly !== ro || this._ctx.lang !== lang) this._ctx = this._makeContext(ro);
    if (changed.has('shownErrors')) ({ map: this._errorMap, under: this._errorUnder } = indexErrors(this.shownErrors));
  }

  /** Also waits for a definition being fetched or checked (so `await el.updateComplete` sees the form). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this._loading) {
      await this._loading;
      done = await super.getUpdateComplete();
    }
    // The print layout being shown waits for its code.
    if (this.printView && this.model && !this._print && this._printLoading) {
      await this._printLoading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    // Not needed to fill in the form: the print layout follows the first frame, ready before anyone prints.
    setTimeout(() => void this._loadPrint(), 0);
  }

  private async _load(): Promise<void> {
    const fetchId = ++this._fetchId;
    // Messages made while loading (what is wrong with a definition) must be in the element's language.
    if (!isLocaleReady(this.effectiveLang)) {
      // Without the file (an intranet copy missing it), messages fall back to zh-CN.
      await loadLocale(this.effectiveLang).catch(() => undefined);
      if (fetchId !== this._fetchId) return;
    }
    const bundled = this.bundled();
    let schema: unknown = this.schema;
    if (bundled) {
      try {
        schema = await bundled.schema;
      } catch (e) {
        if (fetchId === this._fetchId) this._fail('load', [e instanceof Error ? e.message : String(e)]);
        return;
      }
      if (fetchId !== this._fetchId) return;
    }
    if (schema === undefined && this.src) {
      try {
        const res = await fetch(this.src, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        schema = await res.json();
      } catch (e) {
        if (fetchId === this._fetchId) this._fail('load', [e instanceof Error ? e.message : String(e)]);
        return;
      }
      if (fetchId !== this._fetchId) return;
    }
    if (schema === undefined || schema === null) return this._fail('no-schema', []);
    let validate = this.validator ?? null;
    if (!bundled) {
      const checked = await (await loadDefinitionCheck()).checkDefinition(schema, validate, this, loadValidation);
      if (fetchId !== this._fetchId) return;
      this._validation = checked.validation;
      if (checked.problem) return this._fail(checked.problem.kind, checked.problem.details);
      validate = checked.validate;
    }
    const carry = this.value;
    if (!this._initialSet) {
      this._initialSet = true;
      this._initial = carry;
    }
    this._problem = null;
    this.activeSchema = schema as JsonSchema;
    this._validate = validate;
    if (bundled) {
      // A bundled record's validator is fetched after the form is on screen.
      this._validate = null;
      const ready = Promise.all([bundled.loadValidator(), loadValidation()]).then(
        ([v, validation]) => {
          if (fetchId !== this._fetchId) return;
          this._validate = v;
          this._validation = validation;
          this.syncForm();
        },
        // Could not load: validate() keeps checking required fields only.
        () => undefined,
      );
      this._validatorReady = ready;
    }
    this._keys = conditionKeys(schema);
    this.model = null;
    this._adopt(carry, true);
    this.drafts.check();
    this.dispatchEvent(new CustomEvent('xc-load', { bubbles: true, composed: true, detail: { schema } }));
    this._title(true);
  }

  private _fail(kind: Problem['kind'], details: string[]): void {
    if (this.model) this._pending = this.record;
    this.model = null;
    this.activeSchema = null;
    this._validate = null;
    this._problem = { kind, details };
    this._problemLang = this.effectiveLang;
    this.syncForm();
    this.dispatchEvent(new CustomEvent('xc-error', { bubbles: true, composed: true, detail: { kind, details } }));
  }

  /** Show a record: `defaults` fills members missing from an unsigned record with their schema defaults. */
  private _adopt(v: unknown, defaults: boolean): void {
    const s = this.activeSchema!;
    let rec = v;
    if (rec == null) rec = defaultValue(s);
    else if (defaults && isObj(rec) && !('signature' in rec)) {
      const d = defaultValue(s);
      rec = isObj(d) ? { ...d, ...rec } : rec;
    }
    this.record = rec;
    this._nowRequired.clear();
    this._rebuild(false);
    this.syncForm();
    this.adopted();
  }

  private _rebuild(compare: boolean): void {
    const lang = this.effectiveLang;
    const prev = this._index;
    const model = buildFormModel(this.activeSchema!, this.record, lang);
    const index = new Map<string, FieldDescriptor>();
    for (const d of flattenFields(model)) index.set(d.name, d);
    if (compare) {
      const became: string[] = [];
      for (const [name, d] of index) {
        if (!d.required) this._nowRequired.delete(name);
        else if (prev.get(name)?.required === false) {
          this._nowRequired.add(name);
          if (!d.hidden) became.push(this.t.formBecameRequired(d.label));
        }
      }
      if (became.length) this._announce = became.join(' ');
    }
    this._index = index;
    this._modelLang = lang;
    this.model = model;
  }

  private _makeContext(readonly: boolean): FormContext {
    return {
      t: this.t,
      lang: this.effectiveLang,
      readonly,
      now: () => this.env.now(),
      errors: (n) => this._errorMap.get(n) ?? NONE,
      errorsUnder: (n) => this._errorUnder.has(n),
      nowRequired: (n) => this._nowRequired.has(n),
      get: (p) => getAt(this.record, p),
      input: (p, v, structural) => this._input(p, v, !!structural),
      register: (n, el, prev) => {
        if (el) this._fields.set(n, el);
        else if (this._fields.get(n) === prev) this._fields.delete(n);
      },
      settled: async () => {
        await this.updateComplete;
      },
      attachments: () => this.environment?.attachments,
    };
  }

  /** A field changed: O(1) unless the change touches a condition or the shape (then the model is rebuilt). */
  private _input(path: readonly string[], v: unknown, structural: boolean): void {
    if (!this.model || this.readonly || this.isDisabled || this.model.readOnly) return;
    this.record = setAt(this.record, path, v);
    const name = path.join('.');
    const rebuild = structural || touchesCondition(this._keys, path);
    if (rebuild) this._rebuild(true);
    else {
      const d = this._index.get(name);
      if (d) d.value = v;
    }
    // After a submit, fixing a field removes its error; nothing new appears while typing.
    if (this.submitted && (rebuild || this.shownErrors.some((e) => e.path === name || name.startsWith(`${e.path}.`)))) this.refreshShownErrors();
    this.drafts.changed();
    this._formSync.later();
    this.emitChange({ path: name });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('readonly')) this.syncForm();
    if (changed.has('shownErrors')) {
      // Tell the fields whose errors changed (and their ancestors, which may reveal hidden ones).
      const names = new Set<string>();
      for (const e of [...((changed.get('shownErrors') as FieldError[] | undefined) ?? []), ...this.shownErrors]) for (const p of ancestors(e.path)) names.add(p);
      for (const n of names) this._fields.get(n)?.requestUpdate();
      this._title();
    }
  }

  /** Tell the host the page title to show (errors on show: prefixed with the locale's errorPrefix). */
  private _title(force = false): void {
    const errors = this.shownErrors.length > 0;
    if (!force && errors === this._titleErrors) return;
    this._titleErrors = errors;
    const base = this.model?.label ?? '';
    this.dispatchEvent(new CustomEvent('xc-title', { bubbles: true, composed: true, detail: { title: errors ? `${this.t.errorPrefix}${base}` : base, errors } }));
  }

  /* --------------------------------------------------------------- print */

  /** Printed: the print layout, on A4 with page numbers and the footer (see src/base/print-page.ts). */
  protected readonly printPage = new PrintPageController(this, {
    rule: () => (this.model ? pageRule(this.t, this.printFooter()) : ''),
    before: () => {
      if (!this.model) return;
      this._printing = true;
      this.performUpdate();
    },
    after: () => {
      this._printing = false;
    },
  });

  /** Load the print layout (its code and styles) for this form, once. */
  private _loadPrint(): Promise<unknown> {
    this._printLoading ??= loadPrint().then(
      (m) => {
        m.adoptPrintStyles(this.shadowRoot);
        this._print = m;
      },
      () => {
        // Could not load: tried again the next time the layout is asked for.
        this._printLoading = null;
      },
    );
    return this._printLoading;
  }

  private _renderPrint(preview: boolean) {
    const m = this.model!;
    const print = this._print;
    if (!print) {
      void this._loadPrint();
      return preview ? html`<p role="status">${this.t.loading}</p>` : nothing;
    }
    return html`<article class="print-view${preview ? ' preview' : ''}" part="print-view" aria-label=${m.label}>
      <header class="p-head">${this.renderPrintHead()}</header>
      ${print.printRows(DISPLAY, m.children, this.t, this.effectiveLang, (d) => this.printSkip(d))}
      ${print.printFileList(this, this.record, { lang: this.effectiveLang, store: this.environment?.attachments })}
      ${this.renderPrintTail()}
      ${preview ? this.environment?.watermark?.(this, true) : nothing}
    </article>`;
  }

  /* -------------------------------------------------------------- render */

  protected override render() {
    const t = this.t;
    if (this._problem) {
      const { kind, details } = this._problem;
      return html`<div class="load-error" role="alert" part="load-error">
        <p><strong>${problemText(this._problem, t)}</strong></p>
        ${kind === 'invalid' && details.length ? html`<ul>${details.slice(0, 20).map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
      </div>`;
    }
    const m = this.model;
    if (!m || !this._ctx) return html`<p role="status">${t.loading}</p>`;
    if (this.printView) return this._renderPrint(true);
    const lang = this.effectiveLang;
    return html`${this._printing ? this._renderPrint(false) : nothing}
      <div class="screen">
        <div class="head">
          ${m.label ? html`<h2 class="title" part="title">${m.label}</h2>` : nothing}
          ${m.hint ? html`<p class="hint">${m.hint}</p>` : nothing}
          <slot name="header"></slot>
        </div>
        ${renderDraftBanner(this.drafts, t, lang, (v) => {
          this._adopt(v, false);
          this.drafts.changed();
          this.emitChange({ path: '' });
        })}
        ${this.readonly ? html`<p class="banner" role="note">${t.formReadonly}</p>` : nothing}
        ${this.renderStatus()}
        ${renderErrorSummary(
          summaryErrors(this.shownErrors, this._index, t),
          t,
          async (e) => {
            await this.focusField(e.path);
            return undefined;
          },
          (e) => fieldId(e.path),
        )}
        <div class="fields">${renderMembers(m.children, this._ctx)}</div>
        <p class="visually-hidden" role="status">${this._announce}</p>
        ${this.renderActions()}
      </div>
      ${this.environment?.watermark?.(this, this.readonly || this.isDisabled)}`;
  }
}

defineElement('xc-form', XcForm);

declare global {
  interface HTMLElementTagNameMap {
    'xc-form': XcForm;
  }
}

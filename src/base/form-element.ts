import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume, ContextEvent } from '@lit/context';
import { xcContext, resolveEnvironment, type XcEnvironment } from './context.js';
import { DEFAULT_LANG, isLocaleReady, loadLocale, resolveLocale, type Messages } from '../core/i18n.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';

/** A validity rule as a plain object: the base runs every rule of an element class. */
export interface XcValidator<E extends XcFormElement = XcFormElement> {
  /** Attributes that change the outcome (for documentation and re-checks). */
  observedAttributes?: string[];
  /** Returns the validity flags to set and a message, or `null` when the rule passes. */
  check(element: E): { flags: ValidityStateFlags; message: string } | null;
}

/** How long an element inside a not-yet-defined `<xc-provider>` waits for it before rendering without it. */
const PROVIDER_WAIT_MS = 3000;

/** `required`: the value must not be empty. */
export const requiredValidator: XcValidator = {
  observedAttributes: ['required'],
  check(el) {
    return el.required && el.isEmpty() ? { flags: { valueMissing: true }, message: el.t.required } : null;
  },
};

/**
 * The one form-associated base of every xc element (no mixin chain). It takes
 * part in a native `<form>`: its value goes into FormData under `name` as JSON,
 * invalid values block submission, and reset, disabled fieldsets and
 * back/forward restore work. Subclasses provide the value, `validate()` and
 * how errors are shown.
 */
export abstract class XcFormElement extends LitElement {
  static formAssociated = true;
  /** Validity rules, run in order on every change. Subclasses add their own. */
  static validators: XcValidator[] = [requiredValidator];

  /** Access to the form machinery. */
  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /**
   * Name under which the value (JSON) is submitted with a `<form>`. Reflected: a form
   * reads the `name` attribute, and frameworks (React 19, Vue) set the property.
   */
  @property({ reflect: true, converter: { fromAttribute: (v: string | null) => v ?? '', toAttribute: (v: string) => v || null } }) name = '';

  /** Shows the record without letting it be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The record must be filled before a form submits. */
  @property({ type: Boolean, reflect: true }) required = false;

  /**
   * Disabled by its own attribute (as `input.disabled`, this is the element's own setting only).
   * A disabled `<fieldset>` around it disables it too without touching this property: see
   * `isDisabled` and the `:disabled` pseudo-class, which both cover either.
   */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Disabled as the form sees it: by its own attribute or by a disabled `<fieldset>` around it. */
  @state() private _formDisabled = false;

  /** Whether the form validates this element (false while it is disabled, by itself or a fieldset), as for native controls. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Whether the element is disabled, by its own `disabled` or by a disabled `<fieldset>`: it takes no edits and submits nothing. */
  get isDisabled(): boolean {
    return this.disabled || this._formDisabled;
  }

  /**
   * Language of the element's own text (`zh-CN` default, `en`). Falls back to the
   * nearest ancestor's `lang`, then the document's, then the provider's.
   */
  @property() override lang = '';

  /** Key under which drafts are kept; no drafts without it. */
  @property({ attribute: 'draft-key' }) draftKey = '';

  /** Environment from an `<xc-provider>` or any @lit/context provider. */
  @consume({ context: xcContext, subscribe: true })
  @state()
  protected environment?: XcEnvironment;

  /** Whether a submit was attempted: errors show from then on, not while typing. */
  @state() protected submitted = false;

  /** Errors of the last validation that are on show. */
  @state() protected shownErrors: FieldError[] = [];

  private _langObserver?: MutationObserver;
  @state() private inheritedLang = '';

  /** The environment with defaults (clock, draft storage). */
  get env() {
    return resolveEnvironment(this.environment);
  }

  /** The language in force. */
  get effectiveLang(): string {
    return this.lang || this.inheritedLang || this.environment?.lang || DEFAULT_LANG;
  }

  /** The strings of the language in force. */
  get t(): Messages {
    return resolveLocale(this.effectiveLang);
  }

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Validity as for native controls. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message of the first failing rule. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._readInheritedLang();
    // Follow `lang` changes on any element of the document (a portal's language switch
    // may set it on <html> or on the container around the element). Only `lang`
    // attribute changes reach this observer.
    this._langObserver = new MutationObserver(() => this._readInheritedLang());
    this._langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    this.addEventListener('invalid', this._onInvalid);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._langObserver?.disconnect();
    this._lateEnvironment?.();
    this._lateEnvironment = undefined;
    this.removeEventListener('invalid', this._onInvalid);
  }

  private _readInheritedLang(): void {
    let node: Node | null = this.parentNode;
    while (node) {
      if (node instanceof Element && node.getAttribute('lang')) {
        this.inheritedLang = node.getAttribute('lang')!;
        return;
      }
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    this.inheritedLang = '';
  }

  /**
   * An `<xc-provider>` around this element that has not answered (it was not defined when this
   * element connected: a portal that loads the provider's script after the elements', or an
   * entry that defines the provider after them): its environment, clock included, is still to come.
   */
  private _undefinedProvider(): boolean {
    let node: Node | null = this.parentNode;
    while (node) {
      if (node instanceof Element && node.localName === 'xc-provider') return true;
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return false;
  }

  private _lateEnvironment?: () => void;

  /**
   * The first render waits for an enclosing `<xc-provider>` that is not defined yet, so that
   * nothing is shown with the machine's clock or the default role first. Once it is defined it
   * is asked again (the request made at connection went unanswered). After 3 s without it the
   * element renders with the defaults and warns in the console.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && !this.environment && this._undefinedProvider()) {
      // Not for ever: a page whose provider script never loads still gets its elements (with the
      // defaults: machine clock, no role), and a warning says why.
      const defined = await Promise.race([
        customElements.whenDefined('xc-provider').then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), PROVIDER_WAIT_MS)),
      ]);
      if (!defined) console.warn(`<${this.localName}>: <xc-provider> around it is not defined after ${PROVIDER_WAIT_MS / 1000} s; rendering without it (load xc-elements/provider or the standalone bundle).`);
      if (defined && !this.environment && this.isConnected) {
        this.dispatchEvent(
          new ContextEvent(
            xcContext,
            this,
            (value, unsubscribe) => {
              this.environment = value;
              this._lateEnvironment = unsubscribe;
            },
            true,
          ),
        );
      }
    }
    super.scheduleUpdate();
  }

  private _localeLoading: Promise<void> | null = null;

  protected override update(changed: PropertyValues): void {
    // Strings for a language other than zh-CN arrive in their own chunk.
    const lang = this.effectiveLang;
    if (!isLocaleReady(lang) && !this._localeLoading) {
      const loading = loadLocale(lang)
        .catch(() => undefined)
        .then(() => {
          if (this._localeLoading === loading) this._localeLoading = null;
          this.requestUpdate();
        });
      this._localeLoading = loading;
    }
    super.update(changed);
  }

  /** Work of the element that `updateComplete` waits for too (a template being fetched and checked…); none by default. */
  protected get pendingWork(): Promise<unknown> | null {
    return null;
  }

  /** `updateComplete` also waits for the strings of the element's language and for {@link pendingWork}. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let wait = this._localeLoading ?? this.pendingWork; wait; wait = this._localeLoading ?? this.pendingWork) {
      await wait;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** A native form submission found this element invalid: show what is wrong. */
  private _onInvalid = (e: Event) => {
    e.preventDefault(); // no browser bubble; the element shows its own summary
    if (this._reportingFromForm) return;
    this._reportingFromForm = true;
    queueMicrotask(() => {
      this._reportingFromForm = false;
      // Every invalid element shows its errors; only the first invalid control of the form takes
      // focus, as with native controls (otherwise the last one to report would keep it).
      this._quietReport = !this._firstInvalidOfForm();
      void this.reportValidity().finally(() => (this._quietReport = false));
    });
  };
  private _reportingFromForm = false;
  private _quietReport = false;

  /** Whether this is the first invalid, enabled control of its form (tree order), or has no form. */
  private _firstInvalidOfForm(): boolean {
    const form = this.internals.form;
    if (!form) return true;
    for (const el of Array.from(form.elements)) {
      const c = el as Element & { validity?: ValidityState; disabled?: boolean; willValidate?: boolean };
      if (c.disabled || c.willValidate === false || !c.validity || c.validity.valid) continue;
      return el === this;
    }
    return true;
  }

  /** The value as JSON-able data. */
  abstract get formValue(): unknown;

  /** Whether the value counts as empty for `required`. */
  abstract isEmpty(): boolean;

  /** Validate the current value against every rule. Does not show anything. */
  abstract validate(): ValidationResult;

  /** Reset to the initial value. */
  abstract reset(): void;

  /** The control inside the shadow root that a browser should point at for an invalid state. */
  protected abstract validationAnchor(): HTMLElement | undefined;

  /** Push value and validity to the form. Call after every change. */
  protected syncForm(): void {
    const value = this.formValue;
    const json = value === undefined ? null : JSON.stringify(value);
    this.internals.setFormValue(this.isDisabled || !json ? null : json, json);
    const ctor = this.constructor as typeof XcFormElement;
    for (const rule of ctor.validators) {
      const r = rule.check(this);
      if (r) {
        this.internals.setValidity(r.flags, r.message, this.validationAnchor());
        return;
      }
    }
    const result = this.validate();
    if (!result.valid) {
      this.internals.setValidity({ customError: true }, result.errors[0]?.message ?? this.t.invalidValue, this.validationAnchor());
    } else {
      this.internals.setValidity({});
    }
  }

  /** True when the value is valid (fires `invalid` otherwise, like native controls). */
  checkValidity(): boolean {
    this.syncForm();
    return this.internals.checkValidity();
  }

  /**
   * Validate, show errors (inline and in the error summary, which takes focus)
   * and return whether the value is valid.
   */
  async reportValidity(): Promise<boolean> {
    this.submitted = true;
    const result = this.validate();
    // The element's own rules (e.g. `required` of an empty ledger) count too, as they do for
    // checkValidity() and a native form: submit() must not pass what the form would block.
    const errors = result.errors.length ? result.errors : this._ruleErrors();
    const valid = errors.length === 0;
    this.shownErrors = errors;
    this.syncForm();
    if (!valid) {
      this.dispatchEvent(new CustomEvent('xc-invalid', { bubbles: true, composed: true, detail: { errors } }));
      await this.updateComplete;
      if (!this._quietReport) await this.focusErrorSummary();
    }
    return valid;
  }

  /** The first failing validity rule of the class, as an error of the whole record. */
  private _ruleErrors(): FieldError[] {
    for (const rule of (this.constructor as typeof XcFormElement).validators) {
      const r = rule.check(this);
      if (r) return [{ path: '', message: r.message, keyword: r.flags.valueMissing ? 'required' : 'custom' }];
    }
    return [];
  }

  /** Move focus to the error summary (after it rendered). */
  protected async focusErrorSummary(): Promise<void> {
    const summary = this.renderRoot.querySelector<HTMLElement>('[data-error-summary]');
    summary?.focus();
    summary?.scrollIntoView?.({ block: 'start' });
  }

  /**
   * Fire `xc-change` (bubbling, composed). `detail.value` is read only when a
   * listener asks for it, so a keystroke does not copy the whole record.
   */
  protected emitChange(detail: Record<string, unknown>): void {
    const el = this as unknown as { value: unknown };
    this.dispatchEvent(
      new CustomEvent('xc-change', {
        bubbles: true,
        composed: true,
        detail: {
          ...detail,
          get value() {
            return el.value;
          },
        },
      }),
    );
  }

  /**
   * Submit: validate and show errors, or fire `xc-submit` with the value. A successful submit
   * removes the element's draft (its draft controller listens for this `xc-submit`).
   */
  async submit(): Promise<boolean> {
    const ok = await this.reportValidity();
    if (ok) this.dispatchEvent(new CustomEvent('xc-submit', { bubbles: true, composed: true, detail: { value: this.formValue } }));
    return ok;
  }

  /** Re-check shown errors against the new value, without adding new ones while typing. */
  protected refreshShownErrors(): void {
    if (!this.submitted) return;
    const now = this.validate().errors;
    // Only keep errors that still apply (fixing one makes it go); never add while typing.
    const keys = new Set(now.map((e) => `${e.path}\u0000${e.keyword}`));
    this.shownErrors = this.shownErrors.filter((e) => keys.has(`${e.path}\u0000${e.keyword}`)).map((e) => now.find((n) => n.path === e.path && n.keyword === e.keyword) ?? e);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('disabled') || changed.has('_formDisabled') || changed.has('required') || changed.has('lang') || changed.has('inheritedLang')) this.syncForm();
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    // Not `this.disabled = …`: that would set the element's own attribute, which then kept it
    // disabled after the fieldset was enabled again.
    this._formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.restoreValue(JSON.parse(state));
    } catch {
      /* not ours: ignore */
    }
  }

  /** Put a restored value back (form state restore). */
  protected abstract restoreValue(value: unknown): void;
}

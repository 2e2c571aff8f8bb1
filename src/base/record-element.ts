/**
 * The record elements' shared plumbing (the petition and clue registers, the 反馈意见, the 整改情况报告),
 * written once over the form-associated base: the `value` a host gives, read or refused (and kept as
 * `rejectedValue`), the value first given for `reset()` and form reset, the form-state restore, the
 * draft controller, the locked state, "today" by the provider's clock, and the form value pushed
 * again when `readonly` changes. Each element says how its value is read and what an empty one is.
 */
import type { PropertyValues } from 'lit';
import { XcFormElement } from './form-element.js';
import { DraftController } from './draft-controller.js';

/** What an element's reader made of a value: the record, or the message of why it cannot be read. */
export type RecordRead<V> = { value: V } | { error: string };

/** The local calendar day of a clock, `YYYY-MM-DD`. */
export const dayOf = (d: Date): string => `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * Base of an element whose value is one record. A subclass keeps its typed `value` accessor (for
 * its documentation and typings) and has it call {@link acceptValue}; it reads a value with
 * {@link readValue}, says what an empty record is ({@link emptyValue}), and may extend
 * {@link adopt} (close what no longer exists) and {@link reset} (close its editors first).
 */
export abstract class XcRecordElement<V> extends XcFormElement {
  /** The record shown and submitted. */
  protected record: V = this.emptyValue();

  /** Why the last `value` given could not be read ('' when it could): nothing is edited then. */
  protected valueError = '';

  private _rejected: unknown = null;
  private _initial: unknown = undefined;

  /** Selector of the control a browser points at for an invalid record (the first one matched). */
  protected anchors = 'button, input';

  /** Drafts of the record under `draft-key`, with the typing not yet in it ({@link unsavedWork}). */
  protected readonly drafts = new DraftController(this, {
    storage: () => this.env.drafts,
    value: () => this.draftValue(),
    unsaved: { get: () => this.unsavedWork(), restore: (u) => this.restoreUnsaved(u) },
    now: () => this.env.now(),
  });

  /** The record for no value (`null` or `undefined` given). */
  protected abstract emptyValue(): V;

  /** Read a value a host gave: the record, or why it cannot be read. */
  protected abstract readValue(v: unknown): RecordRead<V>;

  /** What a draft keeps of the record (the record itself by default). */
  protected draftValue(): unknown {
    return this.record;
  }

  /** Typing not yet in the record that a draft keeps beside it (none by default). */
  protected unsavedWork(): unknown {
    return undefined;
  }

  /** Put back the typing a restored draft kept beside the record. */
  protected restoreUnsaved(_unsaved: unknown): void {}

  /** The last `value` given that could not be read (it is not shown), exactly as given; `null` otherwise. */
  get rejectedValue(): unknown {
    return this._rejected;
  }

  /** The `value` setter's work: the first value given is the one `reset()` goes back to. */
  protected acceptValue(v: unknown): void {
    const old = this.record;
    if (this._initial === undefined) this._initial = v ?? null;
    this.adopt(v);
    this.requestUpdate('value', old);
  }

  /** Make `v` the value `reset()` goes back to, unless a value other than `null` was given first (a record drafted from other records). */
  protected firstValue(v: unknown): void {
    if (this._initial == null) this._initial = v;
  }

  /** Show a value (given, restored from a draft or reset to): read it, or keep it aside as refused. */
  protected adopt(v: unknown): void {
    const r = v == null ? { value: this.emptyValue() } : this.readValue(v);
    const ok = 'value' in r;
    this.record = ok ? r.value : this.emptyValue();
    this.valueError = ok ? '' : r.error;
    this._rejected = ok ? null : v;
    if (this.hasUpdated) this.syncForm();
  }

  /** Whether nothing may be changed: read-only or disabled (by itself or a fieldset). */
  protected get locked(): boolean {
    return this.readonly || this.isDisabled;
  }

  /** "Today" by the provider's clock (`<xc-provider today>`), `YYYY-MM-DD`. */
  protected get todayKey(): string {
    return dayOf(this.env.now());
  }

  override get formValue(): unknown {
    return this.record;
  }

  /** Back to the value first given; the errors on show go. */
  override reset(): void {
    this.submitted = false;
    this.shownErrors = [];
    this.adopt(this._initial ?? null);
  }

  protected override restoreValue(value: unknown): void {
    (this as unknown as { value: unknown }).value = value;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>(this.anchors) ?? undefined;
  }

  /** A change of the record: drawn, saved as a draft, pushed to the form, shown errors re-checked, `xc-change` fired. */
  protected changed(detail: Record<string, unknown>): void {
    this.requestUpdate();
    this.drafts.changed();
    this.syncForm();
    this.refreshShownErrors();
    this.emitChange(detail);
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.syncForm();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('readonly')) this.syncForm();
    if (changed.has('draftKey')) this.drafts.check();
  }
}

/** `<xc-field>` (internal): one field of `<xc-form>` — its control, label, hint and message, fieldsets and repeatable groups — and what the fields share with their form. */
import './locale.js';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { setStyle } from '../base/set-style.js';
import { defineElement } from '../base/define.js';
import { renderFieldError } from '../base/error-summary.js';
import type { Messages } from '../core/i18n.js';
import type { FieldDescriptor } from '../core/form-model.js';
import type { FieldError } from '../core/validation-types.js';
import { fromDateTimeInput, fromTimeInput, localOffset, offsetOf, timeOffset, toDateTimeInput, toTimeInput } from '../core/form-input.js';
import { displayIsolated, displayText, fieldId, itemsAreGroups, plainText } from './display.js';
import { lazy } from '../base/lazy.js';
import type { AttachmentStore } from '../core/attachment-types.js';

/** `x-xc-widget: "attachments"`: the files part (and `<xc-attachments>`) loads only where a store is. */
const loadFiles = lazy(() => import('./field-files.js'));
let filesPart: typeof import('./field-files.js') | undefined;
/** Is an array item an attached file (`{ title, file }`)? */
const isFileItem = (v: unknown) => !!(v && typeof v === 'object' && (v as { file?: unknown }).file && typeof (v as { file?: unknown }).file === 'object');

/** What every field of a form shares: strings, state lookups and the way back to the form (internal). */
export interface FormContext {
  t: Messages;
  lang: string;
  readonly: boolean;
  now(): Date;
  /** Errors on show for exactly this field. */
  errors(name: string): readonly FieldError[];
  /** Is an error on show for this field or one inside it? (A hidden field with one is shown.) */
  errorsUnder(name: string): boolean;
  /** Did the field become required while the person was filling the form? */
  nowRequired(name: string): boolean;
  /** The current value at a path (read it here, not from a descriptor, before changing arrays). */
  get(path: readonly string[]): unknown;
  /** Set the value at a path; `structural` when the shape changes (array items added, removed, moved). */
  input(path: readonly string[], value: unknown, structural?: boolean): void;
  register(name: string, el: XcField | null, prev?: XcField): void;
  /** Resolves once the form has rendered what the last input changed. */
  settled(): Promise<void>;
  /** The attachment store of the page (the provider's), if any. */
  attachments?(): AttachmentStore | undefined;
}

const isItem = (d: FieldDescriptor) => /^\d+$/.test(d.key);

/** Wait until a field and every field inside it have rendered. */
export async function settleTree(el: Element): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const all = [el, ...el.querySelectorAll('xc-field')] as XcField[];
    const pending = all.filter((f) => f.isUpdatePending);
    if (!pending.length) return;
    await Promise.all(pending.map((f) => f.updateComplete));
  }
}

/** The members of an object, under `x-xc-group` headings where the group changes. */
export function renderMembers(children: readonly FieldDescriptor[], c: FormContext): unknown[] {
  const groups: { title: string | undefined; items: TemplateResult[] }[] = [];
  for (const ch of children) {
    if (!groups.length || groups[groups.length - 1]!.title !== ch.group) groups.push({ title: ch.group, items: [] });
    groups[groups.length - 1]!.items.push(html`<xc-field .field=${ch} .ctx=${c}></xc-field>`);
  }
  return groups.map((g) => (g.title ? html`<section class="section"><h3 class="section-title">${g.title}</h3>${g.items}</section>` : g.items));
}

/**
 * One field of `<xc-form>` (internal). Renders into its own light DOM inside the
 * form's shadow root, so the form's styles and ids apply and a keystroke
 * re-renders this field only. Objects, people and repeating groups hold their
 * members as nested `<xc-field>`s.
 * @internal
 */
export class XcField extends LitElement {
  @property({ attribute: false }) field?: FieldDescriptor;
  @property({ attribute: false }) ctx?: FormContext;
  private _name: string | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._name !== undefined) this.ctx?.register(this._name, this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._name !== undefined) this.ctx?.register(this._name, null, this);
  }

  protected override willUpdate(): void {
    const d = this.field;
    const c = this.ctx;
    if (!d || !c) return;
    if (this._name !== d.name) {
      if (this._name !== undefined) c.register(this._name, null, this);
      c.register(d.name, this);
      this._name = d.name;
    }
    this.hidden = d.hidden && !c.errorsUnder(d.name);
  }

  /** The control to focus for this field (the chosen radio, else the first control), if any. */
  focusControl(): HTMLElement | undefined {
    return this.querySelector<HTMLElement>('input[type=radio]:checked') ?? this.querySelector<HTMLElement>('input, select, textarea, button') ?? undefined;
  }

  private _set(v: unknown): void {
    const d = this.field!;
    // Clearing removes the member (an empty string counts as filled); an array item is kept in its place.
    const clear = isItem(d) ? (d.type === 'string' ? '' : null) : undefined;
    this.ctx!.input(d.path, v === undefined || v === '' ? clear : v);
    this.requestUpdate();
  }

  private _mark(d: FieldDescriptor, c: FormContext) {
    return html`${d.required || isItem(d) ? nothing : html`<span class="optional">${c.t.optional}</span>`}${d.required && c.nowRequired(d.name)
      ? html`<span class="now-required">${c.t.formNowRequired}</span>`
      : nothing}`;
  }

  /** Hint, "shown because" note and error, with the ids for aria-describedby. */
  private _meta(d: FieldDescriptor, c: FormContext, id: string, error: string | undefined): [unknown, string] {
    const ids = [d.hint ? `${id}-hint` : '', d.hidden ? `${id}-note` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return [
      html`${d.hint ? html`<p class="hint" id="${id}-hint">${d.hint}</p>` : nothing}${d.hidden ? html`<p class="hint revealed" id="${id}-note">${c.t.formRevealed}</p>` : nothing}${renderFieldError(`${id}-error`, error, c.t)}`,
      ids,
    ];
  }

  protected override render() {
    const d = this.field;
    const c = this.ctx;
    if (!d || !c || this.hidden) return nothing;
    const w = d.widget === 'hidden' ? (d.type === 'object' ? 'object' : d.type === 'array' ? 'array' : 'text') : d.widget;
    if (c.readonly || d.readOnly) return this._readonly(d, c, w);
    const id = fieldId(d.name);
    const error = c.errors(d.name)[0]?.message;
    const [meta, describedBy] = this._meta(d, c, id, error);
    const invalid = error ? 'true' : 'false';
    const desc = describedBy || nothing;
    switch (w) {
      case 'object':
      case 'person':
        return html`<fieldset class="field group ${w}" id=${id} aria-describedby=${desc}>
          <legend>${d.label}${this._mark(d, c)}</legend>${meta}
          <div class="members">${renderMembers(d.children, c)}</div>
        </fieldset>`;
      case 'array':
        return this._array(d, c, id, meta, desc);
      case 'radio':
      case 'checkboxes': {
        const radio = w === 'radio';
        const v = d.value;
        const on = (x: unknown) => (radio ? v === x : Array.isArray(v) && v.includes(x));
        const change = (x: unknown, checked: boolean) => {
          if (radio) return this._set(x);
          const cur = c.get(d.path);
          const list = Array.isArray(cur) ? cur : [];
          const next = [
            ...d.options.filter((o) => (o.value === x ? checked : list.includes(o.value))).map((o) => o.value),
            ...list.filter((y) => !d.options.some((o) => o.value === y)),
          ];
          this._set(next.length ? next : undefined);
        };
        return html`<fieldset class="field choices${error ? ' invalid' : ''}" id=${id} aria-describedby=${desc}>
          <legend>${d.label}${this._mark(d, c)}</legend>${meta}
          <div class="options">
            ${d.options.map(
              (o) => html`<label class="choice"><input type=${radio ? 'radio' : 'checkbox'} name=${id} .checked=${on(o.value)} aria-invalid=${invalid}
                  @change=${(e: Event) => change(o.value, (e.target as HTMLInputElement).checked)} /><span>${o.label}${o.hint ? html`<span class="hint">${o.hint}</span>` : nothing}</span></label>`,
            )}
          </div>
          ${radio && !d.required && v !== undefined ? html`<button type="button" class="clear" @click=${() => this._set(undefined)}>${c.t.formClearChoice}</button>` : nothing}
        </fieldset>`;
      }
      case 'checkbox':
        return html`<div class="field check${error ? ' invalid' : ''}">
          <input type="checkbox" id=${id} .checked=${d.value === true} aria-invalid=${invalid} aria-describedby=${desc}
            @change=${(e: Event) => this._set((e.target as HTMLInputElement).checked)} />
          <label for=${id}>${d.label}${this._mark(d, c)}</label>${meta}
        </div>`;
    }
    return html`<div class="field">
      <label for=${id}>${d.label}${this._mark(d, c)}</label>${meta}${this._control(d, c, w, id, invalid, desc)}
    </div>`;
  }

  private _control(d: FieldDescriptor, c: FormContext, w: string, id: string, invalid: string, desc: string | typeof nothing) {
    const v = d.value;
    const k = d.constraints;
    const text = (e: Event) => (e.target as HTMLInputElement).value;
    /** A date, time or number still being typed (Chromium reports it as ''): keep the stored value and the typing. */
    const partial = (e: Event) => (e.target as HTMLInputElement).validity.badInput;
    switch (w) {
      case 'textarea':
        return html`<textarea id=${id} rows=${d.rows ?? 4} ${setStyle({ '--xc-rows': String(d.rows ?? 4) })} .value=${v == null ? '' : plainText(v)}
          maxlength=${k.maxLength ?? nothing} placeholder=${d.placeholder || nothing} aria-invalid=${invalid} aria-describedby=${desc}
          @input=${(e: Event) => this._set(text(e))}></textarea>`;
      case 'select': {
        const at = d.options.findIndex((o) => o.value === v);
        return html`<select id=${id} aria-invalid=${invalid} aria-describedby=${desc}
          @change=${(e: Event) => this._set(text(e) === '' ? undefined : d.options[Number(text(e))]?.value)}>
          <option value="" .selected=${at < 0}>${c.t.formChoose}</option>
          ${d.options.map((o, i) => html`<option value=${i} .selected=${i === at}>${o.label}</option>`)}
        </select>`;
      }
      case 'number': {
        // Keep what is typed ("1." or "1.50") while it means the stored number.
        const cur = this.querySelector<HTMLInputElement>(`#${id}`)?.value;
        const shown = cur && Number(cur) === v ? cur : v == null ? '' : String(v);
        return html`<input type="number" id=${id} .value=${shown} step=${k.multipleOf ?? (d.type === 'integer' ? 1 : 'any')}
          min=${k.minimum ?? nothing} max=${k.maximum ?? nothing} placeholder=${d.placeholder || nothing} aria-invalid=${invalid} aria-describedby=${desc}
          @input=${(e: Event) => !partial(e) && this._set(text(e) === '' ? undefined : Number(text(e)))} />`;
      }
      case 'date':
        return html`<input type="date" id=${id} .value=${typeof v === 'string' ? v : ''} aria-invalid=${invalid} aria-describedby=${desc}
          @input=${(e: Event) => !partial(e) && this._set(text(e))} />`;
      case 'datetime': {
        // Shown and edited in the offset the record carries; said next to it when it is not this machine's.
        const off = offsetOf(v);
        const at = typeof v === 'string' ? new Date(v) : null;
        const own = off && at && !Number.isNaN(at.getTime()) && (off === 'Z' ? '+00:00' : off) !== localOffset(at) ? off : undefined;
        const tzId = `${id}-tz`;
        return html`<input type="datetime-local" id=${id} .value=${toDateTimeInput(v)} aria-invalid=${invalid}
            aria-describedby=${own ? [desc === nothing ? '' : desc, tzId].filter(Boolean).join(' ') : desc}
            @input=${(e: Event) => !partial(e) && this._set(fromDateTimeInput(text(e), off))} />${own
            ? html`<span class="tz" id=${tzId}>${off === 'Z' || off === '+00:00' ? 'UTC' : `UTC${off}`}</span>`
            : nothing}`;
      }
      case 'time':
        return html`<input type="time" id=${id} .value=${toTimeInput(v)} aria-invalid=${invalid} aria-describedby=${desc}
          @input=${(e: Event) => !partial(e) && this._set(k.format === 'time' ? fromTimeInput(text(e), c.now(), timeOffset(v)) : text(e))} />`;
    }
    return html`<input type=${w === 'email' ? 'email' : 'text'} id=${id} .value=${v == null ? '' : plainText(v)} maxlength=${k.maxLength ?? nothing}
      placeholder=${d.placeholder || nothing} autocomplete="off" aria-invalid=${invalid} aria-describedby=${desc}
      @input=${(e: Event) => this._set(text(e))} />`;
  }

  /**
   * An array with `x-xc-widget: "attachments"` on a page with a store: its files (entries with
   * `file`) are edited with `<xc-attachments>`, after the other entries. Undefined otherwise (the
   * array is drawn as any other).
   */
  private _files(d: FieldDescriptor, c: FormContext, readonly: boolean) {
    const store = c.attachments?.();
    if (d.schema['x-xc-widget'] !== 'attachments' || !store) return undefined;
    if (!filesPart) {
      void loadFiles().then((m) => ((filesPart = m), this.requestUpdate()));
      return nothing;
    }
    return filesPart.renderFieldFiles(this, d, c, store, readonly);
  }

  private _array(d: FieldDescriptor, c: FormContext, id: string, meta: unknown, desc: string | typeof nothing) {
    const t = c.t;
    const files = this._files(d, c, false);
    // With the files part, the rows shown here are the entries that are not files (their places in the list kept).
    const shown = d.items.map((item, i) => ({ item, i })).filter(({ i }) => !files || !isFileItem(c.get([...d.path, String(i)])));
    const n = d.items.length;
    const min = d.constraints.minItems ?? 0;
    const max = d.constraints.maxItems ?? Infinity;
    const atMin = n <= min && min > 0;
    const atMax = n >= max;
    const limitId = `${id}-limit`;
    const limit = [atMin ? t.formMinItems(min) : '', atMax ? t.formMaxItems(max) : ''].filter(Boolean).join(' ');
    return html`<fieldset class="field array" id=${id} aria-describedby=${desc}>
      <legend>${d.label}${this._mark(d, c)}</legend>${meta}
      ${shown.length
        ? html`<ol class="items">${shown.map(
            ({ item, i }, k) => html`<li class="item">
              <xc-field .field=${item} .ctx=${c}></xc-field>
              <div class="item-tools" role="group" aria-label=${t.formItemActions(item.label)}>
                <button type="button" ?disabled=${k === 0} @click=${() => this._move(i, shown[k - 1]!.i - i, k - 1)}>${t.formMoveUp}<span class="visually-hidden"> ${item.label}</span></button>
                <button type="button" ?disabled=${k === shown.length - 1} @click=${() => this._move(i, shown[k + 1]!.i - i, k + 1)}>${t.formMoveDown}<span class="visually-hidden"> ${item.label}</span></button>
                <button type="button" class="remove" aria-disabled=${atMin ? 'true' : 'false'} aria-describedby=${atMin ? limitId : nothing}
                  @click=${() => !atMin && this._remove(i, k, shown.length)}>${t.formRemove}<span class="visually-hidden"> ${item.label}</span></button>
              </div>
            </li>`,
          )}</ol>`
        : html`<p class="empty">${t.formEmptyList}</p>`}
      <div class="array-tools">
        <button type="button" class="add" aria-disabled=${atMax ? 'true' : 'false'} aria-describedby=${atMax ? limitId : nothing}
          @click=${() => !atMax && this._add()}>${d.addLabel || t.formAdd}</button>
        ${limit ? html`<p class="hint limit" id=${limitId}>${limit}</p>` : nothing}
      </div>
      ${files ?? nothing}
    </fieldset>`;
  }

  private _list(): unknown[] {
    const v = this.ctx!.get(this.field!.path);
    return Array.isArray(v) ? v.slice() : [];
  }

  /** After a change of shape: wait for the form to render, then focus within item `i` (or the add button). */
  private async _focusAfter(i: number, button?: number): Promise<void> {
    await this.ctx!.settled();
    await settleTree(this);
    const li = this.querySelectorAll<HTMLElement>(':scope > fieldset > ol > li')[i];
    const buttons = li ? [...li.querySelectorAll<HTMLButtonElement>(':scope > .item-tools > button')] : [];
    let target: HTMLElement | undefined | null;
    if (button !== undefined) target = buttons[button]?.disabled ? buttons.find((b) => !b.disabled) : buttons[button];
    else target = (li?.querySelector('xc-field') as XcField | null)?.focusControl();
    (target ?? this.querySelector<HTMLElement>(':scope > fieldset > .array-tools > .add'))?.focus();
  }

  private _add(): void {
    const d = this.field!;
    const list = this._list();
    const tpl = d.item;
    list.push(tpl?.value !== undefined ? JSON.parse(JSON.stringify(tpl.value)) : tpl?.type === 'object' ? {} : tpl?.type === 'string' ? '' : null);
    this.ctx!.input(d.path, list, true);
    void this._focusAfter(list.length - 1);
  }

  /** Remove item `i`, shown as row `at` of `rows` (rows and items differ when files are shown apart). */
  private _remove(i: number, at = i, rows = this._list().length): void {
    const list = this._list();
    list.splice(i, 1);
    this.ctx!.input(this.field!.path, list, true);
    void this._focusAfter(rows > 1 ? Math.min(at, rows - 2) : -1, rows > 1 ? 2 : undefined);
  }

  /** Swap item `i` with item `i + by`; focus follows to row `at`. */
  private _move(i: number, by: number, at = i + by): void {
    const list = this._list();
    const j = i + by;
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    this.ctx!.input(this.field!.path, list, true);
    void this._focusAfter(at, by < 0 ? 0 : 1);
  }

  private _readonly(d: FieldDescriptor, c: FormContext, w: string) {
    const id = fieldId(d.name);
    if (w === 'object' || itemsAreGroups(d)) {
      const files = w === 'object' ? undefined : this._files(d, c, true);
      const body =
        w === 'object'
          ? renderMembers(d.children, c)
          : d.items.length
            ? html`<ol class="items">${d.items.filter((_, i) => !files || !isFileItem(c.get([...d.path, String(i)]))).map((item) => html`<li class="item"><xc-field .field=${item} .ctx=${c}></xc-field></li>`)}</ol>`
            : html`<p class="empty">${c.t.formEmptyList}</p>`;
      return html`<div class="field ro-group" role="group" aria-labelledby="${id}-label"><p class="legend" id="${id}-label">${d.label}</p>${body}${files ?? nothing}</div>`;
    }
    const text = displayText(d, c.t, c.lang);
    return html`<div class="field ro"><span class="ro-label">${d.label}</span><span class="ro-value${w === 'textarea' ? ' pre' : ''}">${text ? displayIsolated(d, c.t, c.lang) : html`<span class="empty">${c.t.formEmpty}</span>`}</span></div>`;
  }
}

defineElement('xc-field', XcField);

declare global {
  interface HTMLElementTagNameMap {
    'xc-field': XcField;
  }
}

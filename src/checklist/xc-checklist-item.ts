/**
 * `<xc-checklist-item>` (internal): one check point of `<xc-checklist>` — its finding radios, and for
 * an answer the details (description, 定性依据, methods, evidence, category, scope, clue, notes), or
 * the answer as text when the sheet cannot be changed. Renders into its own light DOM inside the
 * checklist's shadow root, so that a change re-renders this check point only.
 */
import './locale.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../base/define.js';
import type { AttachmentStore } from '../core/attachment-types.js';
import { lazy } from '../base/lazy.js';
import { renderFieldError } from '../base/error-summary.js';
import type { Messages } from '../core/i18n.js';
import { textOf } from '../core/text.js';
import { isSafeUrl } from '../core/url.js';
import {
  answerEvidence,
  answerMethods,
  answerText,
  evidenceFields,
  isProblem,
  type ChecklistItemResponse,
  type ChecklistTemplate,
  type EvidenceRef,
  type IndexedPoint,
  type TemplateIndex,
  type TemplateOption,
} from '../core/checklist.js';
import type { FieldError } from '../core/validation-types.js';

/** The evidence's files part (and `<xc-attachments>` after it) loads only where a store or files are. */
const loadFiles = lazy(() => import('../attachments/xc-attachments-field.js'));
let filesPart: typeof import('../attachments/xc-attachments-field.js') | undefined;
const isFile = (e: unknown) => !!(e && typeof e === 'object' && (e as EvidenceRef).file);

/**
 * The evidence editor, shown for problem findings only, is a chunk of its own, not part of the
 * checklist page's first load: asked for once the checklist's whole list has been on screen (see
 * checklist-later.ts), so it is there before anyone picks a finding, or at once by a problem finding.
 */
const loadEvidence = lazy(() => import('./xc-checklist-evidence.js'));
let evidenceEditor: typeof import('./xc-checklist-evidence.js') | undefined;

/** Ask for the evidence editor's chunk now (once per page). */
export function preloadEvidence(): void {
  loadEvidence().then((m) => (evidenceEditor = m), () => undefined);
}

/** Detail of the internal `xc-item-input` event. */
export interface ItemInputDetail {
  id: string;
  before: ChecklistItemResponse | undefined;
  after: ChecklistItemResponse;
}

/**
 * One check point of `<xc-checklist>` (internal). Renders into its own light DOM,
 * inside the checklist's shadow root, so the checklist's styles apply and a
 * change re-renders this item only.
 * @internal
 */
export class XcChecklistItem extends LitElement {
  @property({ attribute: false }) ip!: IndexedPoint;
  @property({ attribute: false }) template!: ChecklistTemplate;
  @property({ attribute: false }) index!: TemplateIndex;
  @property({ attribute: false }) response: ChecklistItemResponse | undefined;
  @property({ attribute: false }) errors: FieldError[] = [];
  @property({ attribute: false }) t!: Messages;
  @property() override lang = 'zh-CN';
  @property({ type: Boolean }) readonly = false;
  /** A reviewer's comment on this check point from the last 退回修改, shown beside it while the sheet is returned. */
  @property({ attribute: false }) comment?: string;
  /**
   * The provider's attachment store (it makes evidence take files), given by the checklist: one
   * subscription to the provider for the whole list instead of one per check point.
   */
  @property({ attribute: false }) store?: AttachmentStore;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'listitem');
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('ip')) this.id = `xc-item-${this.ip.point.id}`;
    if (changed.has('response')) {
      this.toggleAttribute('data-problem', isProblem(this.index, this.response));
      this.toggleAttribute('data-answered', !!this.response?.finding);
    }
    if (changed.has('errors')) this.toggleAttribute('data-invalid', this.errors.length > 0);
  }

  /** Focus the item's first control (the chosen finding, else the first one). */
  focusFirst(): void {
    const target = this.querySelector<HTMLElement>('input[type=radio]:checked') ?? this.querySelector<HTMLElement>('input, textarea, select, button, [tabindex]');
    target?.focus();
  }

  /** Scroll this check point to the middle and focus the control of `field` (else its first control), once rendered. */
  async focusField(field: string): Promise<true> {
    await this.updateComplete;
    const target = this.controlFor(field);
    this.scrollIntoView?.({ block: 'center' });
    if (target) target.focus({ preventScroll: true });
    else this.focusFirst();
    return true;
  }

  /** The control that shows `path` (`finding`, `description`, …). */
  controlFor(field: string): HTMLElement | undefined {
    if (field === 'finding') return this.querySelector<HTMLElement>('input[type=radio]:checked') ?? this.querySelector<HTMLElement>('input[type=radio]') ?? undefined;
    return this.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`) ?? this.querySelector<HTMLElement>(`[data-field^="${CSS.escape(field)}"]`) ?? undefined;
  }

  /** @internal */
  _set(patch: Partial<ChecklistItemResponse>): void {
    const before = this.response;
    const after: ChecklistItemResponse = { ...(before ?? {}), ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete after[k];
    this.response = after;
    this.dispatchEvent(new CustomEvent<ItemInputDetail>('xc-item-input', { bubbles: true, detail: { id: this.ip.point.id, before, after } }));
  }

  /** @internal */
  _errorFor(field: string): FieldError | undefined {
    const path = `items.${this.ip.point.id}.${field}`;
    return this.errors.find((e) => e.path === path);
  }

  /** @internal */
  _label(o: TemplateOption): string {
    return textOf(o.label, this.lang);
  }

  protected override render() {
    const { point } = this.ip;
    const id = point.id;
    const r = this.response ?? {};
    const number = this.ip.number;
    const text = textOf(point.text, this.lang);
    const hint = textOf(point.hint, this.lang);
    const findingError = this._errorFor('finding');
    if (this.readonly) return this._renderReadonly(number, text, hint);
    // The hint is guidance after the question, not part of it: outside the legend, described by the fieldset.
    const describedBy = [hint ? `${id}-hint` : '', this.comment ? `${id}-comment` : '', findingError ? `${id}-finding-error` : ''].filter(Boolean).join(' ');
    const invalid = findingError ? 'true' : 'false';
    // Written without white space between the tags, and with text set as a property where it can be: a
    // check point is rendered thousands of times, and each text node or marker is memory held by every one.
    return html`<fieldset class="point" aria-describedby=${describedBy || nothing}><legend class="point-text"><span class="point-no" .textContent=${number}></span> <bdi .textContent=${text}></bdi></legend>${hint || this.comment || findingError ? this._renderNotes(hint, findingError) : nothing}<div class="findings" part="findings" @change=${this._onFinding}>${this.template.findings.map(
      (f) => html`<label class="finding" data-value=${f.value}><input type="radio" name="finding-${id}" .value=${f.value} .checked=${r.finding === f.value} aria-invalid=${invalid} /><bdi .textContent=${this._label(f)}></bdi></label>`,
    )}</div>${r.finding ? this._renderDetails(r) : nothing}</fieldset>`;
  }

  /** A finding was chosen (one listener for the radios of the check point, called with the item as `this`). */
  private _onFinding(e: Event): void {
    this._set({ finding: (e.target as HTMLInputElement).value });
  }

  /** The hint, the reviewer's comment and the finding's error, when there is one of them. */
  private _renderNotes(hint: string, findingError: FieldError | undefined) {
    const id = this.ip.point.id;
    return html`${hint ? this._renderHint(hint) : nothing}${this._renderComment()}${renderFieldError(`${id}-finding-error`, findingError?.message, this.t)}`;
  }

  private _renderDetails(r: ChecklistItemResponse) {
    const id = this.ip.point.id;
    const t = this.t;
    const problem = isProblem(this.index, r);
    const descError = this._errorFor('description');
    const methodsError = this._errorFor('methods');
    const evidenceError = this._errorFor('evidence');
    const methods = this.template.methods ?? [];
    const categories = this.template.categories ?? [];
    const scopes = this.template.scopes ?? [];
    return html`<div class="details">
      ${problem
        ? html`<div class="field">
            <label for="${id}-description">${t.description}</label>
            <p class="hint" id="${id}-description-hint">${t.descriptionHint}</p>
            ${renderFieldError(`${id}-description-error`, descError?.message, t)}
            <textarea id="${id}-description" data-field="description" rows="3" .value=${answerText(r.description)}
              aria-invalid=${descError ? 'true' : 'false'}
              aria-describedby="${id}-description-hint${descError ? ` ${id}-description-error` : ''}"
              @input=${(e: Event) => this._set({ description: (e.target as HTMLTextAreaElement).value })}></textarea>
          </div>
          ${this._renderBasis(r)}`
        : nothing}
      ${methods.length
        ? html`<fieldset class="field inline" aria-describedby=${methodsError ? `${id}-methods-error` : nothing}>
            <legend>${t.methods}${this.template.rules?.requireMethodForProblem && problem ? nothing : html`<span class="optional">${t.optional}</span>`}</legend>
            ${renderFieldError(`${id}-methods-error`, methodsError?.message, t)}
            ${methods.map(
              (m, i) => html`<label><input type="checkbox" data-field=${i === 0 ? 'methods' : `methods.${i}`} .checked=${answerMethods(r).includes(m.value)}
                  @change=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    const set = new Set(answerMethods(r));
                    if (on) set.add(m.value);
                    else set.delete(m.value);
                    // keep the template's order; values the template does not offer stay, after them
                    const offered = methods.map((x) => x.value);
                    this._set({ methods: [...offered.filter((v) => set.has(v)), ...[...set].filter((v) => !offered.includes(v))] });
                  }} />
                <bdi>${this._label(m)}</bdi></label>`,
            )}
          </fieldset>`
        : nothing}
      ${problem ? (evidenceEditor ? evidenceEditor.renderEvidence(this, r, evidenceError) : this._loadEvidence()) : nothing}
      ${problem && categories.length
        ? html`<div class="field">
            <label for="${id}-category">${t.category}<span class="optional">${t.optional}</span></label>
            <select id="${id}-category" data-field="category" @change=${(e: Event) => this._set({ category: (e.target as HTMLSelectElement).value || undefined })}>
              <option value="" ?selected=${!(answerText(r.category) || this.ip.point.category)}>${t.categoryNone}</option>
              ${categories.map((c) => html`<option .value=${c.value} ?selected=${(answerText(r.category) || this.ip.point.category) === c.value}>${this._label(c)}</option>`)}
            </select>
          </div>`
        : nothing}
      ${problem && scopes.length
        ? html`<fieldset class="field inline">
            <legend>${t.scope}<span class="optional">${t.optional}</span></legend>
            ${scopes.map(
              (s) => html`<label><input type="radio" name="scope-${id}" data-field="scope" .checked=${r.scope === s.value} @change=${() => this._set({ scope: s.value })} /><bdi>${this._label(s)}</bdi></label>`,
            )}
          </fieldset>`
        : nothing}
      ${problem
        ? html`<div class="field"><label class="clue"><input type="checkbox" data-field="clue" .checked=${!!r.clue} @change=${(e: Event) => this._set({ clue: (e.target as HTMLInputElement).checked || undefined })} />${t.clue}</label></div>`
        : nothing}
      <div class="field">
        <label for="${id}-notes">${t.notes}<span class="optional">${t.optional}</span></label>
        <textarea id="${id}-notes" data-field="notes" rows=${lines(answerText(r.notes))} .value=${answerText(r.notes)} @input=${(e: Event) => this._set({ notes: (e.target as HTMLTextAreaElement).value || undefined })}></textarea>
      </div>
    </div>`;
  }

  /** 定性依据: the rule or policy the problem breaks, beside its description. */
  private _renderBasis(r: ChecklistItemResponse) {
    const id = this.ip.point.id;
    const t = this.t;
    const error = this._errorFor('basis');
    return html`<div class="field">
      <label for="${id}-basis">${t.basis}<span class="optional">${t.optional}</span></label>
      <p class="hint" id="${id}-basis-hint">${t.basisHint}</p>
      ${renderFieldError(`${id}-basis-error`, error?.message, t)}
      <textarea id="${id}-basis" data-field="basis" rows="2" .value=${answerText(r.basis)} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${id}-basis-hint${error ? ` ${id}-basis-error` : ''}"
        @input=${(e: Event) => this._set({ basis: (e.target as HTMLTextAreaElement).value || undefined })}></textarea>
    </div>`;
  }

  /** Files of the evidence (entries with `file`): 添加附件 or `<xc-attachments>`, from a lazy chunk. */
  /** Render again once the evidence editor is there (it nearly always is already). */
  private _loadEvidence() {
    void loadEvidence().then((m) => ((evidenceEditor = m), this.requestUpdate()));
    return nothing;
  }

  /** @internal */
  _files(list: unknown[], readonly: boolean) {
    const store = this.store;
    if (!filesPart) {
      if (store || list.some(isFile)) void loadFiles().then((m) => ((filesPart = m), this.requestUpdate()));
      return nothing;
    }
    const point = this.ip.point;
    return filesPart.renderEvidenceFiles(this, { list, readonly, store, lang: this.lang, addLabel: this.t.attachAdd, onChange: (evidence) => this._set({ evidence }), subject: textOf(point.text, this.lang), context: { itemId: point.id } });
  }

  /** The reviewer's comment from the last 退回修改 (data: isolated, never HTML). */
  private _renderComment() {
    return this.comment
      ? html`<p class="return-comment" id="${this.ip.point.id}-comment"><strong>${this.t.returnComment}${this.t.labelSep}</strong><bdi>${this.comment}</bdi></p>`
      : nothing;
  }

  /** The check point's hint: guidance shown after it, referenced by aria-describedby. */
  private _renderHint(hint: string) {
    return html`<p class="point-hint" id="${this.ip.point.id}-hint"><span class="hint-label">${this.t.pointHint}${this.t.labelSep}</span><bdi>${hint}</bdi></p>`;
  }

  private _renderReadonly(number: string, text: string, hint: string) {
    const r = this.response ?? {};
    const t = this.t;
    const opt = (list: TemplateOption[] | undefined, v: unknown) => {
      const o = list?.find((x) => x.value === v);
      return o ? this._label(o) : answerText(v);
    };
    const problem = isProblem(this.index, r);
    // Members of another type than they should have show as empty (validation reports them).
    const description = answerText(r.description);
    const notes = answerText(r.notes);
    const methods = answerMethods(r);
    const rawEvidence = answerEvidence(r);
    const evidence = rawEvidence.filter((e) => !isFile(e)).map(evidenceFields);
    const category = answerText(r.category) || this.ip.point.category;
    // Every piece of data text is isolated (<bdi>): a direction mark in it never turns its neighbours around.
    const iso = (s: string) => html`<bdi>${s}</bdi>`;
    const basis = answerText(r.basis);
    const describedBy = [hint ? `${this.ip.point.id}-hint` : '', this.comment ? `${this.ip.point.id}-comment` : ''].filter(Boolean).join(' ');
    return html`<div class="point readonly" role="group" aria-labelledby="${this.ip.point.id}-text" aria-describedby=${describedBy || nothing}>
      <p class="point-text" id="${this.ip.point.id}-text"><span class="point-no">${number}</span> ${iso(text)}</p>
      ${hint ? this._renderHint(hint) : nothing}
      ${this._renderComment()}
      <dl>
        <dt>${t.finding}</dt>
        <dd class="finding-value">${(r.finding && opt(this.template.findings, r.finding) && iso(opt(this.template.findings, r.finding))) || html`<span class="unanswered">${t.unansweredMark}</span>`}</dd>
        ${problem && description ? html`<dt>${t.description}</dt><dd class="pre">${iso(description)}</dd>` : nothing}
        ${problem && basis ? html`<dt>${t.basis}</dt><dd class="pre">${iso(basis)}</dd>` : nothing}
        ${methods.length ? html`<dt>${t.methods}</dt><dd>${methods.map((m, i) => html`${i ? t.formListSep : ''}${iso(opt(this.template.methods, m))}`)}</dd>` : nothing}
        ${problem && rawEvidence.length
          ? html`<dt>${t.evidence}</dt><dd><ul>${evidence.map(
              (e) => html`<li>${iso(e.title)}${e.kind ? bracketed(t, iso(opt(this.template.evidenceKinds, e.kind))) : ''}${e.ref
                ? isSafeUrl(e.ref) && /^(https?:|\/|\.)/i.test(e.ref.trim())
                  ? html` <a href=${e.ref.trim()} rel="noopener noreferrer" target="_blank">${iso(e.ref)}</a>`
                  : html` <span>${iso(e.ref)}</span>`
                : nothing}</li>`,
            )}</ul>${this._files(rawEvidence, true)}</dd>`
          : nothing}
        ${problem && category ? html`<dt>${t.category}</dt><dd>${iso(opt(this.template.categories, category))}</dd>` : nothing}
        ${problem && answerText(r.scope) ? html`<dt>${t.scope}</dt><dd>${iso(opt(this.template.scopes, r.scope))}</dd>` : nothing}
        ${problem && r.clue === true ? html`<dt>${t.clue}</dt><dd>${t.yes}</dd>` : nothing}
        ${notes ? html`<dt>${t.notes}</dt><dd class="pre">${iso(notes)}</dd>` : nothing}
      </dl>
    </div>`;
  }
}

/** Rows for a text box that starts as one line and grows with its text (where CSS field-sizing is missing). */
function lines(text: string): number {
  return Math.min(12, text.split('\n').length);
}

/** Content in the language's brackets (（…） or (…)), the brackets outside the content's isolate. */
function bracketed(t: Messages, content: unknown) {
  const [open = '', close = ''] = t.bracket('\u0000').split('\u0000');
  return html`${open}${content}${close}`;
}

defineElement('xc-checklist-item', XcChecklistItem);

declare global {
  interface HTMLElementTagNameMap {
    'xc-checklist-item': XcChecklistItem;
  }
}

/**
 * `<xc-rectification-detail>`, the detail and edit panel of one ledger item (internal), shown by
 * `<xc-rectification-tracker>` in its dialog: the problem, measures, responsibility, deadline,
 * progress and evidence as fields the role may edit (or text), with the sections beside it —
 * 整改流程 (detail-workflow.ts) and 延期 / 验收 / the change log (detail-rectify.ts). Also the
 * contract with its tracker (`TrackerActions`).
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { defineElement } from '../base/define.js';
import { xcContext, type XcEnvironment } from '../base/context.js';
import { isFileEvidence, renderEvidenceFiles } from '../attachments/xc-attachments-field.js';
import { setStyle } from '../base/set-style.js';
import { renderFieldError } from '../base/error-summary.js';
import { formatDate, type Messages } from '../core/i18n.js';
import { isSafeUrl } from '../core/url.js';
import { acceptanceParties } from '../core/rectification/acceptance.js';
import { newItemId } from '../core/rectification/additions.js';
import { canEdit, KINDS, RectificationError, type RectificationErrorCode, type RectificationRole } from '../core/rectification/workflow.js';
import { hasMeasureDetails } from '../core/rectification/measures.js';
import { kindLabel, statusLabel } from '../core/rectification/labels.js';
import { toDateKey } from '../core/rectification/dates.js';
import type { AcceptanceParty } from '../core/rectification-types.js';
import { formatDateKey } from '../core/i18n.js';
import type { EvidenceRef, HistoryEntry, RectificationItem, RectificationKind, RectificationStatus } from '../core/rectification-types.js';
import { deadlineStatusText } from './xc-rectification-row.js';
import { detailStyles } from './xc-rectification-detail.styles.js';
import { RectifySections, type RectifyHost } from './detail-rectify.js';
import { adoptSheet } from '../base/adopt-sheet.js';
import './panel-locale.js';

/** A step of the core on one item, given who acts (see the tracker's `applyStep`). */
export type ItemStep = (item: RectificationItem, actor: { by: string; role: RectificationRole; at: string }) => RectificationItem;

/** What the detail panel asks of its tracker. They throw a `RectificationError` when the core refuses. */
export interface TrackerActions {
  /** Apply a step of the core (延期, 验收) as the tracker's role and user. */
  applyStep(id: string, step: ItemStep): RectificationItem;
  /** Apply field edits (checked by the core's `updateItem` for the tracker's role). */
  applyEdit(id: string, patch: Partial<RectificationItem>): RectificationItem;
  /** Make a status change (the core's `transition` for the tracker's role and user). */
  applyTransition(id: string, to: RectificationStatus, opts?: { comment?: string; verifier?: string }): RectificationItem;
  /** Edits the core refused for an item, kept by the tracker so that closing the panel loses nothing. */
  pendingEdits?(id: string): { patch: Partial<RectificationItem>; errors: Record<string, string> } | undefined;
  /** Keep (or, with an empty patch, forget) an item's refused edits. */
  keepPendingEdits?(id: string, patch: Partial<RectificationItem>, errors: Record<string, string>): void;
  /** A status change being confirmed, with what was typed for it, kept like refused edits. */
  pendingAction?(id: string): PendingAction | undefined;
  /** Keep (or, with null, forget) the status change being confirmed. */
  keepPendingAction?(id: string, action: PendingAction | null): void;
}

/** A status change whose confirmation form is open: the target status and what was typed. */
export interface PendingAction {
  to: RectificationStatus;
  comment: string;
  verifier: string;
}

import { categoryText, DATA_MARK, isolateIn, roleLabel } from './labels.js';
import { bracket, compact, entry, refusalMessage, scopeText, shown, value } from './detail-text.js';
import { WorkflowSection, type WorkflowHost } from './detail-workflow.js';
export { roleLabel };
export { actionLabel, refusalMessage } from './detail-text.js';

/**
 * The detail/edit panel of one ledger item (internal), shown by `<xc-rectification-tracker>` in
 * a modal dialog. Renders into its own light DOM inside the tracker's shadow root. Only the
 * fields the role may edit (`canEdit`) are controls; everything else is text. Every edit goes
 * through the core at once (`updateItem`); an edit the core refuses as malformed (progress
 * 150, a by-deadline item without a deadline, evidence without a title) stays in the panel, with its
 * message, until it is put right. Status changes are offered only as `allowedTransitions` and
 * confirmed in a small form (comment, verifier); the core's refusals are shown translated.
 * @internal
 */
export class XcRectificationDetail extends LitElement implements RectifyHost, WorkflowHost {
  @property({ attribute: false }) item!: RectificationItem;
  @property({ attribute: false }) actingRole: RectificationRole = 'viewer';
  @property({ attribute: false }) t!: Messages;
  @property() override lang = 'zh-CN';
  @property() today = '';
  @property({ type: Number }) yellow = 0.5;
  @property({ attribute: false }) actions!: TrackerActions;
  /** The number people read (see `itemNumber`); the id when not given. */
  @property() no = '';
  /** Departments named in the ledger (suggestions for the department field). */
  @property({ attribute: false }) departments: string[] = [];
  /** The 验收 parties the ledger names, as it names them (none: the office alone closes). */
  @property({ attribute: false }) parties: unknown = undefined;
  private _parties: AcceptanceParty[] = [];
  /** Who acts, as history entries name them (the default signer of a 验收). */
  @property() userName = '';
  /** 延期, 验收 and the change log (detail-rectify.ts). */
  private _rectify = new RectifySections(this);
  /** The provider's environment: with an attachment store, evidence takes files (添加附件). */
  @consume({ context: xcContext, subscribe: true }) @state() private _env?: XcEnvironment;

  /** 整改流程: the status changes offered and their confirmation form (detail-workflow.ts). */
  private _flow = new WorkflowSection(this);

  /** Edits the core refused as malformed, kept until they are put right. */
  @state() private _pending: Partial<RectificationItem> = {};
  @state() private _errors: Record<string, string> = {};
  /** The panel's status line (what was just done). */
  @state() private _message = '';
  private _forId = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptSheet(this.getRootNode(), detailStyles);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The ledger's parties as given, malformed ones left out.
    if (changed.has('parties')) this._parties = acceptanceParties(Array.isArray(this.parties) ? (this.parties as AcceptanceParty[]) : []);
    if (changed.has('item') && this.item && this.item.id !== this._forId) {
      this._forId = this.item.id;
      this._rectify.follow(this.item.id);
      // Edits refused earlier (the panel was closed meanwhile) come back, with their messages.
      const kept = this.actions?.pendingEdits?.(this.item.id);
      this._pending = kept?.patch ?? {};
      this._errors = kept?.errors ?? {};
      // So does a status change whose confirmation was being typed.
      this._flow.follow();
      this._message = '';
    }
  }

  /** Focus the panel's heading (when it opens). */
  focusHeading(): void {
    this.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  /** The control that edits `field` (`progress`, `measures.1`, `evidence.0`, …), if the role may edit it. */
  controlFor(field: string): HTMLElement | undefined {
    return (
      this.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`) ??
      this.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.split('.')[0]!)}"]`) ??
      undefined
    );
  }

  private get _view(): RectificationItem {
    return { ...this.item, ...this._pending } as RectificationItem;
  }

  private _can(field: string): boolean {
    return canEdit(this.actingRole, field, this.item.status);
  }

  private _edit(field: string, val: unknown): void {
    const patch = { ...this._pending, [field]: val } as Partial<RectificationItem>;
    try {
      this.item = this.actions.applyEdit(this.item.id, patch);
      this._pending = {};
      this._errors = {};
      this.actions.keepPendingEdits?.(this.item.id, {}, {});
    } catch (e) {
      if (!(e instanceof RectificationError)) throw e;
      this._pending = patch;
      const at = e.field ?? field;
      this._errors = { [at]: this._editMessage(e, at) };
      this.actions.keepPendingEdits?.(this.item.id, patch, this._errors);
    }
  }

  private _editMessage(e: RectificationError, field: string): string {
    const t = this.t;
    if (e.code !== 'invalid') return refusalMessage(e.code, t);
    switch (field) {
      case 'progress':
        return t.trackerErrProgress;
      case 'deadline':
        return this._view.kind === 'deadline' && !this._view.deadline ? t.trackerErrDeadline : t.trackerErrDate;
      case 'startedOn':
      case 'closedAt':
        return t.trackerErrDate;
      case 'evidence':
        return t.trackerErrEvidenceTitle;
      default:
        return t.trackerErrInvalid;
    }
  }

  /** @internal (RectifyHost) a step was applied: show the new item and say so. */
  stepDone(next: RectificationItem, message: string, focus = '.d-message'): void {
    this.item = next;
    this._rectify.signed();
    this._message = message;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(focus)?.focus());
  }

  /** @internal (RectifyHost) the well-formed 验收 parties. */
  get acceptanceParties(): readonly AcceptanceParty[] {
    return this._parties;
  }

  /** @internal (WorkflowHost) */
  say(message: string): void {
    this._message = message;
  }

  /** @internal (RectifyHost) */
  refusal(code: RectificationErrorCode): string {
    return refusalMessage(code, this.t);
  }

  private _close = () => {
    this.closest('dialog')?.close();
  };

  protected override render() {
    const it = this.item;
    if (!it) return nothing;
    const t = this.t;
    const lang = this.lang;
    const v = this._view;
    const { light, text } = deadlineStatusText(it, this.today, this.yellow, t, lang);
    return html`<div class="d-head">
        <h2 id="detail-title" tabindex="-1">${isolateIn(t.trackerDetailTitle(DATA_MARK), this.no || shown(it.id))}</h2>
        <span class="status" data-status=${it.status}>${statusLabel(it.status, lang)}</span>
        ${text ? html`<span class="light" data-light=${light}><span class="dot" aria-hidden="true"></span>${text}</span>` : nothing}
        <button type="button" class="d-close" @click=${this._close}>${t.trackerClose}</button>
      </div>
      <p class="d-message" role="status" tabindex="-1">${this._message}</p>
      <div class="d-body">
        ${this._problem(v)} ${this._measures(v)} ${this._responsibility(v)} ${this._deadline(v)} ${this._progress(v)} ${this._evidence(v)}
        ${this._rectify.extension(this._section.bind(this))} ${this._rectify.acceptance(this._section.bind(this))}
        ${this._flow.render(this._section.bind(this))} ${this._history(it)} ${this._rectify.changes(this._section.bind(this))}
      </div>`;
  }

  private _section(id: string, title: string, body: unknown): TemplateResult {
    return html`<section class="d-section" aria-labelledby="d-h-${id}"><h3 id="d-h-${id}" tabindex="-1">${title}</h3>${body}</section>`;
  }

  /** A text field: a control when the role may edit `field`, else a definition. */
  private _textField(opts: { id: string; label: string; value: string; editable: boolean; onInput: (v: string) => void; multiline?: boolean; errorKey?: string; dataField?: string; list?: string; type?: string }) {
    const error = opts.errorKey ? this._errors[opts.errorKey] : undefined;
    if (!opts.editable) {
      return html`<div class="d-field"><span class="d-label">${opts.label}</span><span class="d-value ${opts.multiline ? 'pre' : ''}">${opts.value ? html`<bdi>${opts.value}</bdi>` : this.t.dateUnknown}</span></div>`;
    }
    const errId = `${opts.id}-error`;
    const control = opts.multiline
      ? html`<textarea id=${opts.id} data-field=${opts.dataField ?? nothing} rows="3" .value=${opts.value} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? errId : nothing} @input=${(e: Event) => opts.onInput(value(e))}></textarea>`
      : html`<input id=${opts.id} type=${opts.type ?? 'text'} data-field=${opts.dataField ?? nothing} list=${opts.list ?? nothing} .value=${opts.value}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? errId : nothing}
          @input=${(e: Event) => !(e.target as HTMLInputElement).validity.badInput && opts.onInput(value(e))} />`;
    return html`<div class="d-field"><label for=${opts.id}>${opts.label}</label>${renderFieldError(errId, error, this.t)}${control}</div>`;
  }

  private _problem(v: RectificationItem) {
    const t = this.t;
    const can = this._can('problem');
    const p = entry<RectificationItem['problem']>(v.problem);
    const set = (patch: Partial<RectificationItem['problem']>) => this._edit('problem', compact({ ...p, ...patch, text: patch.text ?? p.text ?? '' }, ['text']));
    const src = entry<NonNullable<RectificationItem['problem']['source']>>(p.source);
    // The category field holds the label people read (a bare code is not offered as text); text
    // typed there is no longer the template's category, so its code (categoryId) goes.
    return this._section(
      'problem',
      t.trackerSectionProblem,
      html`${this._textField({ id: 'd-problem', label: t.rectColProblem, value: shown(p.text), editable: can, multiline: true, dataField: 'problem', errorKey: 'problem', onInput: (text) => set({ text }) })}
        ${this._textField({ id: 'd-focus', label: t.rectColFocusArea, value: shown(p.focusArea), editable: can, dataField: 'problem.focusArea', onInput: (focusArea) => set({ focusArea }) })}
        ${this._textField({ id: 'd-category', label: t.rectColCategory, value: categoryText(p), editable: can, dataField: 'problem.category', onInput: (category) => set({ category, categoryId: undefined } as Partial<RectificationItem['problem']>) })}
        ${shown((p as { scope?: unknown }).scope)
          ? // Common or specific (the problem's scope), as the feedback carried it into the ledger.
            html`<div class="d-field d-scope"><span class="d-label">${t.trackerScope}</span><span class="d-value">${scopeText(shown((p as { scope?: unknown }).scope), t)}</span></div>`
          : nothing}
        ${shown(src.note)
          ? // The check point's own words; its id (f1g1-01) stays in the data.
            html`<div class="d-field"><span class="d-label">${t.trackerSource}</span><span class="d-value"><bdi>${shown(src.note)}</bdi></span></div>`
          : shown(src.checkpointId)
            ? html`<div class="d-field"><span class="d-label">${t.trackerSource}</span><span class="d-value">${isolateIn(t.trackerSourceCheckpoint(DATA_MARK), shown(src.checkpointId))}</span></div>`
            : nothing}
        ${Array.isArray(p.evidence) && p.evidence.length
          ? // What the finding rested on (the checklist's evidence), apart from the evidence of completion below.
            html`<div class="d-field d-found-evidence"><span class="d-label">${t.trackerFoundEvidence}</span>${this._evidenceList(p.evidence)}</div>`
          : nothing}`,
    );
  }

  private _measures(v: RectificationItem) {
    const t = this.t;
    const list = Array.isArray(v.measures) ? v.measures : [];
    const can = this._can('measures');
    const error = this._errors['measures'];
    if (!can) {
      return this._section(
        'measures',
        t.trackerSectionMeasures,
        list.length
          ? html`<ol class="measures">${list.map((raw) => {
              const m = entry<(typeof list)[number]>(raw);
              const who = [shown(m.person), shown(m.deadline) ? formatDateKey(shown(m.deadline), this.lang) : ''].filter(Boolean).join(t.phraseSep);
              return html`<li><bdi>${shown(m.text)}</bdi>${who ? html` <span class="measure-who">${isolateIn(bracket(DATA_MARK, t), who)}</span>` : nothing}${m.done === true ? html`<span class="done-mark">${bracket(t.trackerMeasureDone, t)}</span>` : nothing}</li>`;
            })}</ol>`
          : html`<p class="hint">${t.trackerNoMeasures}</p>`,
      );
    }
    const update = (i: number, patch: Partial<RectificationItem['measures'][number]>) =>
      this._edit('measures', list.map((m, j) => (j === i ? compact({ ...entry<typeof m>(m), ...patch, text: patch.text ?? shown(entry<typeof m>(m).text) }, ['id', 'text']) : m)));
    const add = async () => {
      this._edit('measures', [...list, { id: newItemId(list.map((m) => shown(entry<typeof m>(m).id)), 'M-'), text: '' }]);
      await this.updateComplete;
      this.querySelector<HTMLElement>(`#d-m-${list.length}`)?.focus();
    };
    return this._section(
      'measures',
      t.trackerSectionMeasures,
      html`${renderFieldError('d-measures-error', error, t)}
        ${list.length ? nothing : html`<p class="hint">${t.trackerNoMeasures}</p>`}
        <ul class="measures edit">
          ${list.map(
            (m, i) => html`<li class="d-field">
              <label for="d-m-${i}">${t.trackerMeasure(i + 1)}</label>
              <textarea id="d-m-${i}" rows="2" data-field=${i === 0 ? 'measures' : `measures.${i}`} .value=${shown(entry<typeof m>(m).text)} @input=${(e: Event) => update(i, { text: value(e) })}></textarea>
              <span class="measure-details">
                <label for="d-m-${i}-person">${t.trackerMeasurePerson}<span class="visually-hidden">${bracket(t.trackerMeasure(i + 1), t)}</span><span class="optional">${t.optional}</span></label>
                <input id="d-m-${i}-person" type="text" .value=${shown(entry<typeof m>(m).person)} @input=${(e: Event) => update(i, { person: value(e) })} />
                <label for="d-m-${i}-deadline">${t.trackerMeasureDeadline}<span class="visually-hidden">${bracket(t.trackerMeasure(i + 1), t)}</span><span class="optional">${t.optional}</span></label>
                <input id="d-m-${i}-deadline" type="date" .value=${shown(entry<typeof m>(m).deadline)}
                  @input=${(e: Event) => !(e.target as HTMLInputElement).validity.badInput && update(i, { deadline: value(e) || undefined })} />
              </span>
              <span class="measure-tools">
                <label class="done"><input type="checkbox" .checked=${entry<typeof m>(m).done === true} @change=${(e: Event) => update(i, { done: (e.target as HTMLInputElement).checked || undefined })} />${t.trackerMeasureDone}<span class="visually-hidden">${bracket(t.trackerMeasure(i + 1), t)}</span></label>
                <button type="button" class="remove" @click=${() => this._edit('measures', list.filter((_, j) => j !== i))}>${t.trackerMeasureRemove(i + 1)}</button>
              </span>
            </li>`,
          )}
        </ul>
        <button type="button" class="add" @click=${add}>${t.trackerMeasureAdd}</button>`,
    );
  }

  private _responsibility(v: RectificationItem) {
    const t = this.t;
    const r = entry<RectificationItem['responsibility']>(v.responsibility);
    const can = this._can('responsibility');
    const set = (k: 'leader' | 'department' | 'person', s: string) => this._edit('responsibility', compact({ ...r, [k]: s }));
    return this._section(
      'resp',
      t.trackerSectionResponsibility,
      html`${this._textField({ id: 'd-leader', label: t.rectColLeader, value: shown(r.leader), editable: can, dataField: 'responsibility', onInput: (s) => set('leader', s) })}
        ${this._textField({ id: 'd-department', label: t.rectColDepartment, value: shown(r.department), editable: can, dataField: 'responsibility.department', list: 'd-departments', onInput: (s) => set('department', s) })}
        ${this._textField({ id: 'd-person', label: t.rectColPerson, value: shown(r.person), editable: can, dataField: 'responsibility.person', onInput: (s) => set('person', s) })}
        ${can && this.departments.length ? html`<datalist id="d-departments">${this.departments.map((d) => html`<option value=${d}></option>`)}</datalist>` : nothing}`,
    );
  }

  private _deadline(v: RectificationItem) {
    const t = this.t;
    const lang = this.lang;
    const canKind = this._can('kind');
    const kindError = this._errors['kind'];
    const kind = canKind
      ? html`<div class="d-field"><label for="d-kind">${t.rectColKind}</label>${renderFieldError('d-kind-error', kindError, t)}
          <select id="d-kind" data-field="kind" aria-describedby=${kindError ? 'd-kind-error' : nothing} @change=${(e: Event) => this._edit('kind', value(e) as RectificationKind)}>
            ${KINDS.map((k) => html`<option .value=${k} ?selected=${v.kind === k}>${kindLabel(k, lang)}</option>`)}
          </select></div>`
      : html`<div class="d-field"><span class="d-label">${t.rectColKind}</span><span class="d-value">${v.kind ? kindLabel(v.kind, lang) : t.dateUnknown}</span></div>`;
    const date = (field: 'deadline' | 'startedOn', label: string) => {
      const can = this._can(field);
      const val = v[field] as string | undefined;
      if (!can) return html`<div class="d-field"><span class="d-label">${label}</span><span class="d-value">${val ? formatDateKey(val, lang) : t.dateUnknown}</span></div>`;
      return this._textField({ id: `d-${field}`, label, value: val ?? '', editable: true, type: 'date', dataField: field, errorKey: field, onInput: (s) => this._edit(field, s || undefined) });
    };
    return this._section('deadline', t.trackerSectionDeadline, html`${kind}${date('deadline', t.rectColDeadline)}${date('startedOn', t.trackerStartedOn)}`);
  }

  private _progress(v: RectificationItem) {
    const t = this.t;
    const can = this._can('progress');
    const error = this._errors['progress'];
    const p = typeof this.item.progress === 'number' ? Math.max(0, Math.min(100, this.item.progress)) : 0;
    const meter = html`<span class="meter" aria-hidden="true"><span class="fill" ${setStyle({ width: `${p}%` })}></span></span>`;
    const derived = hasMeasureDetails(this.item) ? html`<p class="hint d-progress-derived">${t.trackerProgressFromMeasures}</p>` : nothing;
    if (!can || hasMeasureDetails(this.item)) return this._section('progress', t.trackerSectionProgress, html`<p class="d-progress">${meter} ${t.trackerProgressOf(p)}</p>${derived}`);
    return this._section(
      'progress',
      t.trackerSectionProgress,
      html`<div class="d-field"><label for="d-progress">${t.rectColProgress}</label>${renderFieldError('d-progress-error', error, t)}
        <span class="d-progress"><input id="d-progress" type="number" min="0" max="100" step="1" inputmode="numeric" data-field="progress"
          .value=${String(v.progress ?? '')} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'd-progress-error' : nothing}
          @input=${(e: Event) => {
            // A number still being typed ("1e") reads as '': keep what is typed.
            if ((e.target as HTMLInputElement).validity.badInput) return;
            const s = value(e).trim();
            this._edit('progress', s === '' ? Number.NaN : Number(s));
          }} />${meter}</span></div>`,
    );
  }

  /** Files of an evidence list (`<xc-attachments>`, loaded lazily), or 添加附件 when editable with a store. */
  private _files(list: unknown[], readonly: boolean, onChange: (list: EvidenceRef[]) => void = () => undefined) {
    const id = typeof this.item?.id === 'string' ? this.item.id : '';
    return renderEvidenceFiles(this, { list, readonly, store: this._env?.attachments, lang: this.lang, addLabel: this.t.attachAdd, onChange, subject: this.no || id, ...(id ? { context: { itemId: id } } : {}) });
  }

  /** Pieces of evidence, read-only: title, kind and a link (only a safe one) or reference; files after them. */
  private _evidenceList(all: readonly unknown[]) {
    const t = this.t;
    const list = all.filter((e) => !isFileEvidence(e));
    return html`${list.length ? html`<ul class="evidence">${list.map((raw) => {
      const e = entry<EvidenceRef>(raw);
      const ref = shown(e.ref);
      // Each piece isolated: a direction control in the kind cannot reverse the link after it.
      return html`<li><bdi>${shown(e.title)}</bdi>${shown(e.kind) ? isolateIn(bracket(DATA_MARK, t), shown(e.kind)) : ''}${ref
        ? isSafeUrl(ref) && /^(https?:|\/|\.)/i.test(ref.trim())
          ? html` <a href=${ref.trim()} rel="noopener noreferrer" target="_blank"><bdi>${ref}</bdi></a>`
          : html` <span class="ref"><bdi>${ref}</bdi></span>`
        : nothing}</li>`;
    })}</ul>` : nothing}${this._files([...all], true)}`;
  }

  private _evidence(v: RectificationItem) {
    const t = this.t;
    // Entries of another type than an object show as empty (validation reports them); they are kept until edited.
    const list: EvidenceRef[] = Array.isArray(v.evidence) ? v.evidence : [];
    const can = this._can('evidence');
    const error = this._errors['evidence'];
    const canVerifier = this._can('verifier');
    const verifier = canVerifier
      ? this._textField({ id: 'd-verifier', label: t.rectColVerifier, value: shown(v.verifier), editable: true, dataField: 'verifier', onInput: (s) => this._edit('verifier', s.trim() ? s : undefined) })
      : shown(v.verifier)
        ? html`<div class="d-field"><span class="d-label">${t.rectColVerifier}</span><span class="d-value"><bdi>${shown(v.verifier)}</bdi></span></div>`
        : nothing;
    const closed = toDateKey(v.closedAt);
    const closedAt = closed ? html`<div class="d-field"><span class="d-label">${t.rectColClosedAt}</span><span class="d-value">${formatDateKey(closed, this.lang)}</span></div>` : nothing;
    if (!can) {
      return this._section(
        'evidence',
        t.rectColEvidence,
        html`${list.length ? this._evidenceList(list) : html`<p class="hint">${t.trackerNoEvidence}</p>`}${verifier}${closedAt}`,
      );
    }
    const update = (i: number, patch: Partial<EvidenceRef>) =>
      this._edit('evidence', list.map((e, j) => (j === i ? compact({ ...entry<EvidenceRef>(e), ...patch, title: patch.title ?? shown(entry<EvidenceRef>(e).title) }) : e)));
    const add = async () => {
      this._edit('evidence', [...list, { title: '' }]);
      await this.updateComplete;
      this.querySelector<HTMLElement>(`#d-ev-${list.length}-title`)?.focus();
    };
    return this._section(
      'evidence',
      t.rectColEvidence,
      html`${list.length ? nothing : html`<p class="hint">${t.trackerNoEvidence}</p>`}
        ${list.map((raw, i) => {
          // Files are listed by <xc-attachments> below.
          if (isFileEvidence(raw)) return nothing;
          const e = entry<EvidenceRef>(raw);
          const missing = error && !shown(e.title).trim();
          return html`<fieldset class="evidence-row">
            <legend>${t.evidenceItem(i + 1)}</legend>
            ${missing ? renderFieldError(`d-ev-${i}-error`, error, t) : nothing}
            <label for="d-ev-${i}-title">${t.evidenceTitle}</label>
            <input id="d-ev-${i}-title" type="text" data-field=${i === 0 ? 'evidence' : `evidence.${i}`} .value=${shown(e.title)}
              aria-invalid=${missing ? 'true' : 'false'} aria-describedby=${missing ? `d-ev-${i}-error` : nothing}
              @input=${(ev: Event) => update(i, { title: value(ev) })} />
            <label for="d-ev-${i}-kind">${t.evidenceKind}<span class="optional">${t.optional}</span></label>
            <input id="d-ev-${i}-kind" type="text" .value=${shown(e.kind)} @input=${(ev: Event) => update(i, { kind: value(ev) })} />
            <label for="d-ev-${i}-ref">${t.evidenceRef}<span class="optional">${t.optional}</span></label>
            <input id="d-ev-${i}-ref" type="text" .value=${shown(e.ref)} @input=${(ev: Event) => update(i, { ref: value(ev) })} />
            <button type="button" class="remove" @click=${() => this._edit('evidence', list.filter((_, j) => j !== i))}>${t.evidenceRemove(i + 1)}</button>
          </fieldset>`;
        })}
        <button type="button" class="add" @click=${add}>${t.evidenceAdd}</button>
        ${this._files(list, false, (next) => this._edit('evidence', next))}
        ${verifier}${closedAt}`,
    );
  }

  private _history(it: RectificationItem) {
    const t = this.t;
    const lang = this.lang;
    const list = Array.isArray(it.history) ? it.history : [];
    return this._section(
      'history',
      t.trackerSectionHistory,
      list.length
        ? html`<table class="history">
            <thead><tr><th scope="col">${t.trackerColWhen}</th><th scope="col">${t.trackerColWho}</th><th scope="col">${t.trackerColChange}</th><th scope="col">${t.trackerComment}</th></tr></thead>
            <tbody>
              ${list.map((raw) => {
                // An entry of another type than an object shows as an empty row (validation reports it).
                const h = entry<HistoryEntry>(raw);
                const at = typeof h.at === 'string' || typeof h.at === 'number' ? h.at : null;
                return html`<tr>
                  <td>${formatDate(at, lang, true)}</td>
                  <td>${shown(h.role) ? isolateIn(t.trackerWithRole(DATA_MARK, roleLabel(shown(h.role), t)), shown(h.by)) : html`<bdi>${shown(h.by)}</bdi>`}</td>
                  <td>${h.from ? `${statusLabel(h.from, lang)} → ${statusLabel(h.to!, lang)}` : `${t.trackerHistoryCreated}${bracket(statusLabel(h.to!, lang), t)}`}</td>
                  <td class="pre"><bdi>${shown(h.comment)}</bdi></td>
                </tr>`;
              })}
            </tbody>
          </table>`
        : html`<p class="hint">${t.trackerNoHistory}</p>`,
    );
  }
}

defineElement('xc-rectification-detail', XcRectificationDetail);

declare global {
  interface HTMLElementTagNameMap {
    'xc-rectification-detail': XcRectificationDetail;
  }
}

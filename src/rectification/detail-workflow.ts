/**
 * The 整改流程 (workflow) section of the ledger's detail panel, with the state of its confirmation
 * form: the status changes the role may make now (the core's `acceptedTransitions`, 验收 parties
 * included), each confirmed in a small form (a comment; the verifier for 销号) that is kept as
 * typing while it is open (the tracker keeps it beside refused edits, so closing the panel or a
 * reload loses nothing), and the core's refusals shown translated at their field.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { renderFieldError } from '../base/error-summary.js';
import type { Messages } from '../core/i18n.js';
import { acceptedTransitions } from '../core/rectification/acceptance.js';
import { RectificationError, type RectificationRole, type Transition } from '../core/rectification/workflow.js';
import { statusLabel } from '../core/rectification/labels.js';
import type { AcceptanceParty, RectificationItem } from '../core/rectification-types.js';
import { actionLabel, refusalMessage, value } from './detail-text.js';
import type { TrackerActions } from './xc-rectification-detail.js';

/** What the section needs of the panel. */
export interface WorkflowHost extends ReactiveControllerHost {
  item: RectificationItem;
  readonly actingRole: RectificationRole;
  readonly t: Messages;
  readonly lang: string;
  /** The number people read for the item ('' : its id). */
  readonly no: string;
  readonly actions: TrackerActions;
  /** The well-formed 验收 parties of the ledger. */
  readonly acceptanceParties: readonly AcceptanceParty[];
  querySelector<E extends Element = Element>(selectors: string): E | null;
  /** Say something in the panel's status line ('' clears it). */
  say(message: string): void;
}

export class WorkflowSection {
  /** The status change being confirmed, or null. */
  private action: Transition | null = null;
  /** A refusal of the confirmation, at its field ('' : the form's). */
  private error: { message: string; field: 'comment' | 'verifier' | '' } | null = null;
  private comment = '';
  private verifier = '';

  constructor(private readonly host: WorkflowHost) {}

  /** Another item is shown: a status change whose confirmation was being typed comes back (the tracker kept it). */
  follow(): void {
    const h = this.host;
    const action = h.actions?.pendingAction?.(h.item.id);
    this.action = (action && acceptedTransitions(h.item, h.actingRole, h.acceptanceParties).find((tr) => tr.to === action.to)) || null;
    this.comment = this.action ? action!.comment : '';
    this.verifier = this.action ? action!.verifier : '';
    this.error = null;
  }

  /** Keep what is typed into the confirmation form (or, with null, forget it). */
  private keep(tr: Transition | null): void {
    const h = this.host;
    h.actions.keepPendingAction?.(h.item.id, tr ? { to: tr.to, comment: this.comment, verifier: this.verifier } : null);
  }

  private async start(tr: Transition) {
    const h = this.host;
    this.action = tr;
    this.error = null;
    this.comment = '';
    this.verifier = h.item.verifier ?? '';
    h.say('');
    this.keep(null);
    h.requestUpdate();
    await h.updateComplete;
    h.querySelector<HTMLElement>(tr.action === 'close' ? '#d-confirm-verifier' : '#d-confirm-comment')?.focus();
  }

  private async confirm() {
    const h = this.host;
    const tr = this.action;
    if (!tr) return;
    const t = h.t;
    try {
      const next = h.actions.applyTransition(h.item.id, tr.to, {
        comment: this.comment.trim() || undefined,
        verifier: tr.action === 'close' ? this.verifier.trim() || undefined : undefined,
      });
      h.item = next;
      this.action = null;
      this.error = null;
      this.keep(null);
      h.say(t.trackerDone(h.no || next.id, statusLabel(next.status, h.lang)));
      await h.updateComplete;
      h.querySelector<HTMLElement>('.d-message')?.focus();
    } catch (e) {
      if (!(e instanceof RectificationError)) throw e;
      const field = e.code === 'needs-comment' ? 'comment' : e.code === 'needs-verifier' ? 'verifier' : '';
      this.error = { message: refusalMessage(e.code, t), field };
      h.requestUpdate();
      await h.updateComplete;
      const target = field === 'comment' ? '#d-confirm-comment' : field === 'verifier' ? '#d-confirm-verifier' : '#d-action-error';
      h.querySelector<HTMLElement>(target)?.focus();
    }
  }

  /** The section: the current status, the steps offered, the confirmation form. */
  render(section: (id: string, title: string, body: unknown) => TemplateResult): TemplateResult {
    const { item: it, t, lang } = this.host;
    const transitions = acceptedTransitions(it, this.host.actingRole, this.host.acceptanceParties);
    const blocked = transitions.find((tr) => tr.blockedBy)?.blockedBy;
    return section(
      'flow',
      t.trackerSectionWorkflow,
      html`<p class="d-current">${t.trackerCurrentStatus}${t.labelSep}<span class="status" data-status=${it.status}>${statusLabel(it.status, lang)}</span></p>
        ${transitions.length
          ? html`<div class="actions">
                ${transitions.map(
                  (tr) => html`<button type="button" class=${tr.action === 'close' || tr.action === 'submit' || tr.action === 'start' ? 'primary' : ''} data-action=${tr.action}
                    aria-expanded=${this.action?.action === tr.action ? 'true' : 'false'} aria-describedby=${tr.blockedBy ? 'd-blocked' : nothing}
                    @click=${() => this.start(tr)}>${actionLabel(tr.action, t)}</button>`,
                )}
              </div>
              ${blocked ? html`<p class="hint" id="d-blocked">${blocked === 'needs-acceptance' ? t.trackerBlockedAcceptance : t.trackerBlockedEvidence}</p>` : nothing}
              ${this.action ? this.form(this.action) : nothing}`
          : html`<p class="hint">${t.trackerNoActions}</p>`}`,
    );
  }

  private form(tr: Transition) {
    const h = this.host;
    const t = h.t;
    const label = actionLabel(tr.action, t);
    const err = this.error;
    const sendBack = tr.action === 'send-back';
    return html`<div class="action-form" role="group" aria-labelledby="d-action-title">
      <p id="d-action-title" class="action-title">${label}</p>
      ${err && !err.field ? html`<p class="field-error" id="d-action-error" role="alert" tabindex="-1"><span class="visually-hidden">${t.errorPrefix}</span>${err.message}</p>` : nothing}
      ${tr.action === 'close'
        ? html`<div class="d-field"><label for="d-confirm-verifier">${t.rectColVerifier}</label>
            ${err?.field === 'verifier' ? renderFieldError('d-confirm-verifier-error', err.message, t) : nothing}
            <input id="d-confirm-verifier" type="text" .value=${this.verifier} aria-invalid=${err?.field === 'verifier' ? 'true' : 'false'}
              aria-describedby=${err?.field === 'verifier' ? 'd-confirm-verifier-error' : nothing} @input=${(e: Event) => {
                this.verifier = value(e);
                this.keep(tr);
                h.requestUpdate();
              }} /></div>`
        : nothing}
      <div class="d-field"><label for="d-confirm-comment">${sendBack ? t.trackerCommentSendBack : t.trackerComment}${sendBack ? nothing : html`<span class="optional">${t.optional}</span>`}</label>
        ${err?.field === 'comment' ? renderFieldError('d-confirm-comment-error', err.message, t) : nothing}
        <textarea id="d-confirm-comment" rows="2" .value=${this.comment} aria-invalid=${err?.field === 'comment' ? 'true' : 'false'}
          aria-describedby=${err?.field === 'comment' ? 'd-confirm-comment-error' : nothing} @input=${(e: Event) => {
            this.comment = value(e);
            this.keep(tr);
            h.requestUpdate();
          }}></textarea></div>
      <button type="button" class="primary confirm" @click=${() => this.confirm()}>${t.trackerConfirm(label)}</button>
      <button type="button" class="cancel" @click=${() => {
        this.action = null;
        this.error = null;
        this.keep(null);
        h.requestUpdate();
        void h.updateComplete.then(() => h.querySelector<HTMLElement>(`[data-action="${tr.action}"]`)?.focus());
      }}>${t.trackerCancel}</button>
    </div>`;
  }
}

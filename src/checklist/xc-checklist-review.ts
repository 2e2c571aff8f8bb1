/**
 * The 三级审核 panel of `<xc-checklist>` (编制 → 复核 → 审签, 退回修改 with comments pinned to check
 * points), the signed sheet's fingerprint with its tamper warning, and the three printed signature
 * blocks. A chunk of its own with its own strings (locales/workpaper.*), loaded right after the
 * checklist (see xc-checklist.ts), so that the checklist page's first load stays within its budget.
 * @internal
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../base/define.js';
import { tokens } from '../base/styles.js';
import { extendLocale, formatDate, loadLocale, resolveLocale, type Messages } from '../core/i18n.js';
import workpaperZhCN, { type WorkpaperMessages } from '../core/locales/workpaper.zh-CN.js';
import { answerText, checkPointRef, reviewOf, type ChecklistResponse, type TemplateIndex, type WorkpaperAction, type WorkpaperLevel, type WorkpaperStep } from '../core/checklist.js';
import { allowedReviewActions, reviewStep, verifyWorkpaper, type WorkpaperDone, type WorkpaperRefusal, type WorkpaperRoles } from '../core/workpaper.js';
import { toRfc3339 } from '../core/form-input.js';

extendLocale(workpaperZhCN, { en: () => import('../core/locales/workpaper.en.js') });

type T = Messages & WorkpaperMessages;

/** What a step says, as `<xc-checklist>.review()` takes it. */
export interface ReviewInput {
  opinion?: string;
  /** For 退回修改: comments by check point id. */
  comments?: Record<string, string>;
  /** The name signed (defaults to the provider's user's name). */
  name?: string;
}

/** A step taken (the new response) or refused (its code). */
export type ReviewResult = WorkpaperDone | WorkpaperRefusal;

/** Take a step on `response` as the provider's user (`env`), at the provider's clock. */
export function runStep(
  response: ChecklistResponse,
  action: WorkpaperAction,
  input: ReviewInput,
  env: { user?: { name: string }; role?: string; now: () => Date },
  roles: Partial<WorkpaperRoles> | undefined,
  index: TemplateIndex,
): Promise<ReviewResult> {
  const actor = { name: input.name ?? env.user?.name ?? '', role: env.role ?? '' };
  const step = { action, ...(input.opinion !== undefined ? { opinion: input.opinion } : {}), ...(input.comments ? { comments: input.comments } : {}) };
  return reviewStep(response, step, actor, toRfc3339(env.now()), { roles, pointIds: index.byId.keys() });
}

export { allowedReviewActions, verifyWorkpaper };

/** The last step of a level that counts for its signature block (a return is not a signature). */
function signedStep(steps: WorkpaperStep[], level: WorkpaperLevel): WorkpaperStep | undefined {
  const action = level === 'preparer' ? 'submit' : level === 'reviewer' ? 'review' : 'sign';
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.action === action) return steps[i];
  return undefined;
}

const LEVELS: WorkpaperLevel[] = ['preparer', 'reviewer', 'leader'];

/**
 * When a step was taken, as it was signed: the wall-clock time in the step's own offset (17:20+08:00
 * reads 17:20 on any machine, as it prints); a time without an offset in the machine's zone.
 */
function signedTime(at: unknown, lang: string): string {
  const m = typeof at === 'string' ? /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/i.exec(at) : null;
  if (!m) return formatDate(typeof at === 'string' ? at : null, lang, true);
  const wall = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!));
  if (Number.isNaN(wall.getTime())) return formatDate(at as string, lang, true);
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' };
  return new Intl.DateTimeFormat(resolveLocale(lang).lang, opts).format(wall);
}

/**
 * The review panel (internal): the sheet's state, the record of every step, the steps the
 * provider's role may take now (with the opinion, and for a return the comments on check points),
 * the fingerprint of a signed sheet, and the printed signature blocks.
 * @internal
 */
export class XcChecklistReview extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        margin-top: calc(var(--_xc-space) * 2);
      }
      section.panel {
        border: 1px solid var(--_xc-border);
        border-radius: var(--_xc-radius);
        padding: var(--_xc-space) calc(var(--_xc-space) * 2);
      }
      h3 {
        margin: 0 0 4px;
        font-size: 1.15em;
      }
      .state {
        font-weight: 600;
      }
      .history {
        padding-inline-start: 1.4em;
      }
      .history ul {
        padding-inline-start: 1.2em;
      }
      .pre {
        white-space: pre-wrap;
      }
      label,
      legend {
        display: block;
        font-weight: 600;
        margin-top: var(--_xc-space);
      }
      textarea,
      input,
      select {
        width: 100%;
        max-width: 40em;
        border: 1px solid var(--_xc-border);
        border-radius: var(--_xc-radius);
        padding: 4px 6px;
        background: var(--_xc-bg);
      }
      fieldset {
        border: 1px solid var(--_xc-border);
        margin: var(--_xc-space) 0;
      }
      .comment-row {
        border: 0;
        border-top: 1px dashed var(--_xc-border);
        padding: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        margin-top: var(--_xc-space);
      }
      .actions button,
      .comment-row button,
      button.add {
        margin: 4px var(--_xc-space) 0 0;
        padding: 4px 12px;
        border: 1px solid var(--_xc-border);
        border-radius: var(--_xc-radius);
        background: var(--_xc-bg-alt);
      }
      .actions button.primary {
        background: var(--_xc-primary);
        color: var(--_xc-primary-fg);
        border-color: var(--_xc-primary);
      }
      .banner.ok {
        border-color: var(--_xc-ok);
      }
      .digest {
        word-break: break-all;
      }
      .p-sign {
        display: none;
      }
      @media print {
        section.panel {
          border: 0;
          padding: 0;
        }
        .work,
        .history,
        .state {
          display: none !important;
        }
        .banner {
          border: 0;
          padding: 0;
          background: none;
        }
        .p-sign {
          display: grid;
          grid-template-columns: repeat(3, 1fr);
          border: 1px solid #000;
          break-inside: avoid;
        }
        .sig {
          border-inline-end: 1px solid #000;
          padding: 6px 8px;
          min-height: 8em;
        }
        .sig:last-child {
          border-inline-end: 0;
        }
        .sig h4 {
          margin: 0 0 4px;
          font-size: 1em;
        }
        .sig p {
          margin: 2px 0;
        }
      }
    `,
  ];

  @property({ attribute: false }) response!: ChecklistResponse;
  @property({ attribute: false }) index!: TemplateIndex;
  @property() override lang = 'zh-CN';
  /** The provider's role and user name. */
  @property({ attribute: false }) userRole?: string;
  @property({ attribute: false }) userName?: string;
  @property({ attribute: false }) roles?: Partial<WorkpaperRoles>;
  /** Whether a signed sheet matches its fingerprint (null: not checked yet, or not signed). */
  @property({ attribute: false }) verified: boolean | null = null;
  /** No step can be taken (the checklist is read-only or disabled). */
  @property({ type: Boolean }) disabled = false;
  /** Takes a step (the checklist's `review()`). */
  @property({ attribute: false }) step?: (action: WorkpaperAction, input: ReviewInput) => Promise<ReviewResult>;

  @state() private _opinion = '';
  @state() private _name = '';
  @state() private _comments: { id: string; text: string }[] = [];
  @state() private _refused = '';
  @state() private _busy = false;
  private _ready = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('lang')) {
      this._ready = false;
      void loadLocale(this.lang).then(() => ((this._ready = true), this.requestUpdate()));
    }
  }

  private get t(): T {
    return resolveLocale(this._ready ? this.lang : 'zh-CN') as T;
  }

  /** Focus the panel's first control (or its heading) after a step. */
  private _focusAfter(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.state')?.focus());
  }

  private async _take(action: WorkpaperAction): Promise<void> {
    if (!this.step || this._busy) return;
    this._busy = true;
    this._refused = '';
    try {
      const comments = action === 'return' ? Object.fromEntries(this._comments.filter((c) => c.id && c.text.trim()).map((c) => [c.id, c.text])) : undefined;
      const out = await this.step(action, {
        opinion: this._opinion,
        ...(comments && Object.keys(comments).length ? { comments } : {}),
        ...(this.userName ? {} : { name: this._name }),
      });
      if (!out.ok) {
        this._refused = this.t.wpRefused[out.code] ?? out.code;
        if (out.code === 'invalid') return;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(out.code === 'name' ? '#wp-name' : out.code === 'opinion' ? '#wp-opinion' : '#wp-refused')?.focus();
        return;
      }
      this._opinion = '';
      this._comments = [];
      this._focusAfter();
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const t = this.t;
    const lang = this.lang;
    const { state, steps } = reviewOf(this.response);
    const actions = this.disabled ? [] : allowedReviewActions(this.response, this.userRole, this.roles);
    const when = (at: unknown) => signedTime(at, lang);
    const pointName = (id: string) => {
      const ip = this.index.byId.get(id);
      return ip ? checkPointRef(ip, lang) : id;
    };
    return html`<section class="panel" part="review" aria-labelledby="wp-h">
        <h3 id="wp-h">${t.wpReview}</h3>
        <p class="state" tabindex="-1" role="status">${t.wpState(t.wpStates[state] ?? state)}</p>
        ${state === 'signed' ? this._renderSigned(t) : nothing}
        ${steps.length
          ? html`<h4>${t.wpHistory}</h4>
              <ol class="history">
                ${steps.map((s) => {
                  const comments = s.comments && typeof s.comments === 'object' ? Object.entries(s.comments).filter(([, v]) => typeof v === 'string') : [];
                  return html`<li>
                    <span>${t.wpStepBy(t.wpStepDone[answerText(s.action)] ?? answerText(s.action), '\u2068' + answerText(s.by) + '\u2069', when(s.at))}</span>
                    ${answerText(s.opinion) ? html`<div class="pre"><bdi>${answerText(s.opinion)}</bdi></div>` : nothing}
                    ${comments.length ? html`<ul>${comments.map(([id, text]) => html`<li><bdi>${pointName(id)}</bdi>${t.labelSep}<bdi>${text}</bdi></li>`)}</ul>` : nothing}
                  </li>`;
                })}
              </ol>`
          : nothing}
        ${state === 'signed' ? nothing : actions.length ? this._renderWork(t, actions) : html`<p class="hint work">${t.wpNoActions}</p>`}
      </section>
      ${this._renderSignatures(t, steps)}`;
  }

  private _renderSigned(t: T) {
    const sig = (this.response['signature'] ?? {}) as Record<string, unknown>;
    const digest = answerText(sig['digest']);
    const fingerprint = html`<p>${t.wpFingerprint}<bdi><code class="digest">${(digest.match(/.{1,8}/g) ?? []).join(' ')}</code></bdi></p>`;
    const at = html`<p>${t.wpSignedAt(signedTime(sig['signedAt'], this.lang))}</p>`;
    if (this.verified === false) return html`<div class="banner warn tamper" role="alert"><p><strong>${t.wpTampered}</strong></p>${at}${fingerprint}</div>`;
    return html`<div class="banner ok" role="status">${at}${fingerprint}<p>${this.verified ? t.wpVerified : t.wpVerifying}</p></div>`;
  }

  private _renderWork(t: T, actions: WorkpaperAction[]) {
    const onlySubmit = actions.length === 1 && actions[0] === 'submit';
    const canReturn = actions.includes('return');
    const refused = this._refused;
    return html`<div class="work">
      ${this.userName
        ? nothing
        : html`<label for="wp-name">${t.wpName}</label>
            <input id="wp-name" type="text" autocomplete="name" .value=${this._name} @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)} />`}
      <label for="wp-opinion">${onlySubmit ? t.wpOpinionSubmit : t.wpOpinion}${onlySubmit ? html`<span class="optional">${t.optional}</span>` : nothing}</label>
      <textarea id="wp-opinion" rows="3" .value=${this._opinion} aria-describedby=${refused ? 'wp-refused' : nothing}
        @input=${(e: Event) => (this._opinion = (e.target as HTMLTextAreaElement).value)}></textarea>
      ${canReturn ? this._renderComments(t) : nothing}
      <p id="wp-refused" class="field-error" role="alert" tabindex="-1" ?hidden=${!refused}>${refused}</p>
      <div class="actions">
        ${actions.map(
          (a) => html`<button type="button" class=${a === 'return' ? '' : 'primary'} data-action=${a} ?disabled=${this._busy} @click=${() => this._take(a)}>${t.wpActions[a]}</button>`,
        )}
      </div>
    </div>`;
  }

  private _renderComments(t: T) {
    const points = this.index.points;
    const update = (i: number, patch: Partial<{ id: string; text: string }>) => (this._comments = this._comments.map((c, j) => (j === i ? { ...c, ...patch } : c)));
    return html`<fieldset class="comments">
      <legend>${t.wpComments}</legend>
      ${this._comments.map(
        (c, i) => html`<fieldset class="comment-row">
          <legend class="visually-hidden">${t.wpCommentItem(i + 1)}</legend>
          <label for="wp-c${i}-point">${t.wpCommentPoint}</label>
          <select id="wp-c${i}-point" @change=${(e: Event) => update(i, { id: (e.target as HTMLSelectElement).value })}>
            ${points.map((ip) => html`<option .value=${ip.point.id} ?selected=${c.id === ip.point.id}>${checkPointRef(ip, this.lang)}</option>`)}
          </select>
          <label for="wp-c${i}-text">${t.wpCommentText}</label>
          <textarea id="wp-c${i}-text" rows="2" .value=${c.text} @input=${(e: Event) => update(i, { text: (e.target as HTMLTextAreaElement).value })}></textarea>
          <button type="button" @click=${() => (this._comments = this._comments.filter((_, j) => j !== i))}>${t.wpCommentRemove(i + 1)}</button>
        </fieldset>`,
      )}
      <button type="button" class="add" @click=${async () => {
        this._comments = [...this._comments, { id: points[0]?.point.id ?? '', text: '' }];
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#wp-c${this._comments.length - 1}-point`)?.focus();
      }}>${t.wpCommentAdd}</button>
    </fieldset>`;
  }

  /** The three printed signature blocks: 编制, 复核, 审签, each with the name, time and opinion of its step (blank lines when not taken). */
  private _renderSignatures(t: T, steps: WorkpaperStep[]) {
    return html`<section class="p-sign" part="signatures" aria-label=${t.wpSignatures}>
      ${LEVELS.map((level) => {
        const s = signedStep(steps, level);
        return html`<div class="sig" data-level=${level}>
          <h4>${t.wpLevels[level]}</h4>
          <p>${t.wpSignName}${t.labelSep}<bdi>${s ? answerText(s.by) : t.wpNotSigned}</bdi></p>
          <p>${t.wpSignDate}${t.labelSep}${s ? signedTime(s.at, this.lang) : ''}</p>
          <p>${t.wpSignOpinion}${t.labelSep}<bdi class="pre">${s ? answerText(s.opinion) : ''}</bdi></p>
        </div>`;
      })}
    </section>`;
  }
}

defineElement('xc-checklist-review', XcChecklistReview);

declare global {
  interface HTMLElementTagNameMap {
    'xc-checklist-review': XcChecklistReview;
  }
}

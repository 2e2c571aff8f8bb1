import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { defineElement } from '../base/define.js';
import { xcContext, type XcEnvironment, type XcUser } from '../base/context.js';
import type { DraftStorage } from '../core/draft.js';
import type { AttachmentLimits, AttachmentStore } from '../core/attachment-types.js';

/**
 * Optional provider of the environment for every xc element inside it: the
 * current user and role, a clock, a draft storage and an attachment store. Elements work without it.
 *
 * ```html
 * <xc-provider user-role="office" .user=${{ id: 'u1', name: 'Zhang San' }}>
 *   <xc-rectification-tracker></xc-rectification-tracker>
 * </xc-provider>
 * ```
 *
 * @customElement xc-provider
 * @tag xc-provider
 * @slot - The elements that get the environment.
 */
export class XcProvider extends LitElement {
  /** Role of the current user (`unit`, `office`, `viewer`…). Not `role`: that attribute belongs to ARIA. */
  @property({ attribute: 'user-role' }) userRole = '';
  /** The current user. */
  @property({ attribute: false }) user?: XcUser;
  /**
   * Fixed "today" for demos and tests; the real clock when empty. A date (`2026-11-26`) fixes the
   * day only: deadlines and traffic lights count from it, while the times written into a record
   * (history entries, signatures) are that day at the real time of day, so they stay in the order
   * things were done. A date-time (`2026-11-26T09:30:00+08:00`) stops the clock there.
   */
  @property() today = '';
  /** Language of the elements inside (they follow the nearest `lang` anyway; this also reaches the context). */
  @property() override lang = '';
  /** Where drafts go (defaults to localStorage). */
  @property({ attribute: false }) drafts?: DraftStorage;
  /**
   * Where evidence files go (an `AttachmentStore`, e.g. `localFirstAttachments(…)` of
   * `xc-elements/attachments`). Records inside offer 添加附件 only when it is set.
   */
  @property({ attribute: false }) attachments?: AttachmentStore;
  /** Limits on evidence files for every record inside (types, size, count, photo downscaling). */
  @property({ attribute: false }) attachmentLimits?: AttachmentLimits;

  /**
   * Read-only and print views inside carry a watermark: the user's name and the time (from the
   * provider's clock, formatted in each element's language), repeated across the view. Made
   * without inline styles (strict CSP holds); it takes no clicks and is hidden from screen readers.
   * Its code loads only when this is set.
   */
  @property({ type: Boolean }) watermark = false;
  /** The watermark's text instead of the user's name and the time. */
  @property({ attribute: 'watermark-text' }) watermarkText = '';
  @state() private _wm?: typeof import('../base/watermark.js').watermarkLayer;

  @provide({ context: xcContext }) protected environment: XcEnvironment = {};

  override connectedCallback(): void {
    // Elements inside ask for the environment as they connect, right after this one (and
    // before its first update): answer them with the real one at once, never with an empty
    // placeholder whose clock is the machine's.
    this._provide();
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this._provide();
  }

  private _inputs: unknown[] = [];

  private _provide(): void {
    if (this.watermark && !this._wm) void import('../base/watermark.js').then((m) => (this._wm = m.watermarkLayer));
    const wm = this.watermark && this._wm;
    const inputs = [this.lang, this.userRole, this.user, this.today, this.drafts, this.attachments, this.attachmentLimits, wm, this.watermarkText];
    // Unchanged inputs keep the same object: consumers re-render only when something changed.
    if (inputs.length === this._inputs.length && inputs.every((v, i) => v === this._inputs[i])) return;
    this._inputs = inputs;
    this.environment = {
      lang: this.lang || undefined,
      role: this.userRole || undefined,
      user: this.user,
      now: fixedClock(this.today),
      drafts: this.drafts,
      attachments: this.attachments,
      attachmentLimits: this.attachmentLimits,
      watermark: wm ? wm({ html, nothing }, this.watermarkText) : undefined,
    };
  }

  static override styles = css`:host { display: contents; }`;

  protected override render() {
    return html`<slot></slot>`;
  }
}

/** The clock that `today` asks for (see the property), or undefined for the real one. */
function fixedClock(today: string): (() => Date) | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    const day = new Date(y, mo, d);
    // 2026-02-30 is no date (Date would make it 2 March): the real clock then.
    if (day.getFullYear() !== y || day.getMonth() !== mo || day.getDate() !== d) return undefined;
    let last = 0;
    return () => {
      const now = new Date();
      const t = new Date(y, mo, d, now.getHours(), now.getMinutes(), now.getSeconds(), now.getMilliseconds()).getTime();
      // Never back in time (a page left open past midnight): history stays in order.
      last = Math.max(t, last);
      return new Date(last);
    };
  }
  const fixed = today ? new Date(today) : null;
  return fixed && !Number.isNaN(fixed.getTime()) ? () => new Date(fixed.getTime()) : undefined;
}

defineElement('xc-provider', XcProvider);

declare global {
  interface HTMLElementTagNameMap {
    'xc-provider': XcProvider;
  }
}

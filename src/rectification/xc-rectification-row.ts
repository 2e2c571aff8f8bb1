/**
 * `<xc-rectification-row>`, one item of the ledger's table (internal), and the deadline and
 * traffic light as text that the row and the detail panel share.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../base/define.js';
import { setStyle } from '../base/set-style.js';
import type { Messages } from '../core/i18n.js';
import { daysLeft, effectiveDeadline, toDateKey, trafficLight, type TrafficLight } from '../core/rectification/dates.js';
import { kindLabel, statusLabel } from '../core/rectification/labels.js';
import { formatDateKey } from '../core/i18n.js';
import type { RectificationItem } from '../core/rectification-types.js';
import { categoryText } from './labels.js';

/** A member shown as text: text and numbers as they are, anything else (an object where text belongs) as nothing. */
const shown = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Detail of the internal `xc-row-open` event. */
export interface RowOpenDetail {
  id: string;
}

/**
 * The deadline and traffic light of an item as text (never colour alone), e.g. in English
 * `On track · 20 days left`, `Due soon · due today`, `Overdue by 3 days`, `Closed on …`
 * (words from the locale); empty when no deadline applies.
 * Shared by the row and the detail panel.
 */
export function deadlineStatusText(item: RectificationItem, today: string, yellow: number, t: Messages, lang: string): { light: TrafficLight; text: string } {
  const light = trafficLight(item, today, { yellow });
  const days = daysLeft(item, today);
  if (item.status === 'closed') {
    const closed = toDateKey(item.closedAt);
    return { light, text: closed ? t.trackerClosedOn(formatDateKey(closed, lang)) : '' };
  }
  if (light === 'none' || days == null) return { light, text: '' };
  if (light === 'red') return { light, text: t.trackerDaysOverdue(-days) };
  const left = days === 0 ? t.trackerDueToday : t.trackerDaysLeft(days);
  return { light, text: `${light === 'yellow' ? t.trackerLightYellow : t.trackerLightGreen} · ${left}` };
}

/**
 * One item of `<xc-rectification-tracker>`'s table (internal). Renders a `<tr>` into its own
 * light DOM, inside the tracker's shadow root, so the tracker's styles apply and a change of
 * this item (a status change, an edit) re-renders this row only. The element itself is
 * `display: contents`, so the `<tr>` is a row of the table for layout and accessibility.
 * @internal
 */
export class XcRectificationRow extends LitElement {
  @property({ attribute: false }) item!: RectificationItem;
  @property({ attribute: false }) t!: Messages;
  @property() override lang = 'zh-CN';
  /** Today as a local date `YYYY-MM-DD` (from the tracker's clock). */
  @property() today = '';
  /** Fraction of the time used from which the light turns yellow. */
  @property({ type: Number }) yellow = 0.5;
  /** The number people read (see `itemNumber`); the id when not given. */
  @property() no = '';
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Focus the row's "open details" button. */
  focusOpen(): void {
    this.querySelector<HTMLButtonElement>('button.open')?.focus();
  }

  private _open = (e: Event) => {
    e.stopPropagation();
    this.dispatchEvent(new CustomEvent<RowOpenDetail>('xc-row-open', { bubbles: true, detail: { id: this.item.id } }));
  };

  /** A click anywhere on the row (but not on a control) opens it too, for the mouse. */
  private _rowClick = (e: MouseEvent) => {
    if ((e.target as Element).closest('button, a, input, select, textarea')) return;
    if (getSelection()?.toString()) return; // selecting text, not opening
    this._open(e);
  };

  protected override render() {
    const it = this.item;
    if (!it) return nothing;
    const t = this.t;
    const lang = this.lang;
    const r = it.responsibility ?? {};
    const progress = typeof it.progress === 'number' && Number.isFinite(it.progress) ? Math.max(0, Math.min(100, it.progress)) : 0;
    const { light, text } = deadlineStatusText(it, this.today, this.yellow, t, lang);
    const category = categoryText(it.problem);
    // The deadline in force (an approved 延期's), the item's own below it once moved.
    const due = effectiveDeadline(it);
    // Every piece of data is isolated (<bdi>): a direction control in one cannot reorder another.
    return html`<tr class="row" data-status=${it.status} data-light=${light} data-id=${shown(it.id)} @click=${this._rowClick}>
      <th scope="row" class="c-id"><button type="button" class="open" @click=${this._open}><span class="visually-hidden">${t.trackerOpen}</span><bdi>${this.no || shown(it.id)}</bdi></button></th>
      <td class="c-problem"><span class="problem-text"><bdi>${shown(it.problem?.text)}</bdi></span>${category ? html`<span class="category"><bdi>${category}</bdi></span>` : nothing}</td>
      <td class="c-focus"><bdi>${shown(it.problem?.focusArea)}</bdi></td>
      <td class="c-dept"><bdi>${shown(r.department)}</bdi></td>
      <td class="c-resp">${shown(r.leader) ? html`<span class="leader"><bdi>${shown(r.leader)}</bdi></span>` : nothing}${shown(r.person) ? html`<span class="person"><bdi>${shown(r.person)}</bdi></span>` : nothing}</td>
      <td class="c-kind">${it.kind ? kindLabel(it.kind, lang) : ''}</td>
      <td class="c-deadline">
        ${due && it.kind !== 'ongoing'
          ? html`<span class="date"><bdi>${formatDateKey(due, lang)}</bdi></span>${due !== it.deadline && it.deadline ? html`<span class="category">${t.trackerOrigDeadline(formatDateKey(it.deadline, lang))}</span>` : nothing}`
          : nothing}
        ${text ? html`<span class="light" data-light=${light}><span class="dot" aria-hidden="true"></span>${text}</span>` : nothing}
      </td>
      <td class="c-status"><span class="status" data-status=${it.status}>${statusLabel(it.status, lang)}</span></td>
      <td class="c-progress"><span class="meter" aria-hidden="true"><span class="fill" ${setStyle({ width: `${progress}%` })}></span></span><span class="pct">${progress}%</span></td>
    </tr>`;
  }
}

defineElement('xc-rectification-row', XcRectificationRow);

declare global {
  interface HTMLElementTagNameMap {
    'xc-rectification-row': XcRectificationRow;
  }
}

/**
 * The 工作底稿's head of `<xc-checklist>` (底稿编号, 被巡察单位, 巡察组, 轮次, 编制人, 编制日期), as a render
 * function of the checklist: six labelled fields on screen, text when the sheet cannot be changed, and
 * a table in print. It holds no state of its own: the checklist gives it the response, the errors on
 * show and what to do with typing.
 * @internal
 */
import { html, nothing } from 'lit';
import type { Messages } from '../core/i18n.js';
import { headerOf, WORKPAPER_HEADER_FIELDS, type ChecklistResponse } from '../core/checklist.js';
import type { FieldError } from '../core/validation-types.js';

/** A member of the head (`no`, `unit`, …). */
export type HeaderField = (typeof WORKPAPER_HEADER_FIELDS)[number];

/** The label of each member of the head, in the element's language. */
export function headerLabels(t: Messages): Record<HeaderField, string> {
  return { no: t.headerNo, unit: t.headerUnit, team: t.headerTeam, round: t.headerRound, preparedBy: t.headerPreparedBy, preparedOn: t.headerPreparedOn };
}

/** The head with member `key` typed as `v` (an empty one left out); the head given is not changed. */
export function withHeaderMember(header: unknown, key: HeaderField, v: string): Record<string, unknown> {
  const h: Record<string, unknown> = { ...(header && typeof header === 'object' ? header : {}) };
  if (v) h[key] = v;
  else delete h[key];
  return h;
}

/** What the head is drawn from. */
export interface HeaderContext {
  t: Messages;
  response: ChecklistResponse | null;
  /** The sheet cannot be changed (read-only, disabled, under review or signed): the head shows as text. */
  locked: boolean;
  errors: readonly FieldError[];
  /** A member was typed (`v` as typed; empty removes it). */
  onInput(key: HeaderField, v: string): void;
  /**
   * Whether 编制日期 is a date control yet. A page's first date control costs the browser 20–40 ms
   * to set up (measured on a first mount of 100 check points, which it held up by as much): until
   * the list has been on screen it is a text box that takes the same YYYY-MM-DD.
   */
  dateControl: boolean;
  /** Focus left a member (the text box of 编制日期 may then become its date control). */
  onBlur(): void;
}

/** The 工作底稿's head: six labelled fields on screen, a table in print. */
export function renderHeader(c: HeaderContext) {
  const { t } = c;
  const h = headerOf(c.response);
  const label = headerLabels(t);
  const errorOf = (k: string) => c.errors.find((e) => e.path === `header.${k}`);
  const printed = html`<table class="print-head" aria-hidden="true">
    ${[0, 2, 4].map((i) => {
      const [a, b] = [WORKPAPER_HEADER_FIELDS[i]!, WORKPAPER_HEADER_FIELDS[i + 1]!];
      return html`<tr><th>${label[a]}</th><td><bdi>${h[a]}</bdi></td><th>${label[b]}</th><td><bdi>${h[b]}</bdi></td></tr>`;
    })}
  </table>`;
  // A sheet that cannot be changed shows its head as text, as its answers.
  if (c.locked) {
    return html`<dl class="wp-header" part="header">
        ${WORKPAPER_HEADER_FIELDS.map((k) => html`<div class="wp-field"><dt>${label[k]}</dt><dd><bdi>${h[k]}</bdi></dd></div>`)}
      </dl>
      ${printed}`;
  }
  return html`<fieldset class="wp-header" part="header">
      <legend>${t.headerLegend}</legend>
      ${WORKPAPER_HEADER_FIELDS.map((k) => {
        const err = errorOf(k);
        return html`<div class="wp-field">
          <label for="xc-h-${k}">${label[k]}</label>
          <input id="xc-h-${k}" data-header=${k} type=${k === 'preparedOn' && c.dateControl ? 'date' : 'text'} .value=${h[k]}
            aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `xc-h-${k}-error` : nothing}
            @input=${(e: Event) => c.onInput(k, (e.target as HTMLInputElement).value)} @focusout=${k === 'preparedOn' && !c.dateControl ? c.onBlur : nothing} />
          ${err ? html`<p class="field-error" id="xc-h-${k}-error">${err.message}</p>` : nothing}
        </div>`;
      })}
    </fieldset>
    ${printed}`;
}

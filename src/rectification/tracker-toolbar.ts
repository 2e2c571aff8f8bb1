/**
 * The ledger's toolbar and its "show more" row, as render functions of the tracker: the filters
 * (status, department, kind, text, overdue only), grouping, exports (Excel, CSV, JSON) and — for the office — adding
 * an item, with a live count of what is shown. They read and set the view (ledger-view.ts) and
 * call back into the tracker for actions; they hold no state of their own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { KINDS, STATUSES, type RectificationRole } from '../core/rectification/workflow.js';
import { kindLabel, statusLabel } from '../core/rectification/labels.js';
import type { RectificationKind, RectificationStatus } from '../core/rectification-types.js';
import type { Messages } from '../core/i18n.js';
import type { LedgerView } from './ledger-view.js';
import type { RectificationLedger } from '../core/rectification-types.js';
import { roleLabel } from './labels.js';
import { lazy } from '../base/lazy.js';

/** The Excel export (src/rectification/tracker-xlsx.ts): loaded on the first Excel export only, never with the page. */
export const loadXlsx = lazy(() => import('./tracker-xlsx.js'));

/** The ledger's title, unit, the header slot and who is acting (or that the ledger is read-only). */
export function renderTitle(t: Messages, ledger: RectificationLedger, readonly: boolean, declared: boolean, role: RectificationRole): TemplateResult {
  return html`<div class="head">
    <h2 class="title">${typeof ledger.title === 'string' && ledger.title ? ledger.title : t.trackerLabel}</h2>
    ${typeof ledger.unit === 'string' && ledger.unit ? html`<p class="unit">${ledger.unit}</p>` : nothing}
    <slot name="header"></slot>
    ${readonly
      ? html`<p class="banner" role="note">${t.trackerReadonly}</p>`
      : declared
        ? html`<p class="role-note">${t.trackerRole(roleLabel(role, t))}</p>`
        : html`<p class="role-note">${t.trackerNoRole}</p>`}
  </div>`;
}

export interface ToolbarContext {
  t: Messages;
  lang: string;
  view: LedgerView;
  /** The departments of the ledger, for the department filter. */
  departments: readonly string[];
  grouped: boolean;
  role: RectificationRole;
  /** Items in the ledger. */
  total: number;
  setGrouped(grouped: boolean): void;
  download(format: 'json' | 'csv' | 'xlsx'): void;
  addItem(): void;
}

const selected = (e: Event) => (e.target as HTMLSelectElement).value;

/** The sticky toolbar (`part="toolbar"`). */
export function renderToolbar(c: ToolbarContext): TemplateResult {
  const { t, lang, view } = c;
  const f = view.filters;
  return html`<div class="toolbar" part="toolbar">
    <div class="filters" role="search" aria-label=${t.trackerTools}>
      <span class="filter">
        <label for="f-status">${t.rectColStatus}</label>
        <select id="f-status" @change=${(e: Event) => view.set({ status: selected(e) as RectificationStatus | '' })}>
          <option value="" ?selected=${!f.status}>${t.trackerAll}</option>
          ${STATUSES.map((s) => html`<option .value=${s} ?selected=${f.status === s}>${statusLabel(s, lang)}</option>`)}
        </select>
      </span>
      <span class="filter">
        <label for="f-department">${t.rectColDepartment}</label>
        <select id="f-department" @change=${(e: Event) => view.set({ department: selected(e) })}>
          <option value="" ?selected=${!f.department}>${t.trackerAll}</option>
          ${c.departments.map((d) => html`<option .value=${d} ?selected=${f.department === d}>${d}</option>`)}
        </select>
      </span>
      <span class="filter">
        <label for="f-kind">${t.rectColKind}</label>
        <select id="f-kind" @change=${(e: Event) => view.set({ kind: selected(e) as RectificationKind | '' })}>
          <option value="" ?selected=${!f.kind}>${t.trackerAll}</option>
          ${KINDS.map((k) => html`<option .value=${k} ?selected=${f.kind === k}>${kindLabel(k, lang)}</option>`)}
        </select>
      </span>
      <span class="filter search">
        <label for="f-search">${t.trackerSearch}</label>
        <input id="f-search" type="search" .value=${f.query} placeholder=${t.trackerSearchPlaceholder} @input=${(e: Event) => view.set({ query: (e.target as HTMLInputElement).value })} />
      </span>
      <label class="check"><input id="f-overdue" type="checkbox" .checked=${f.overdueOnly} @change=${(e: Event) => view.set({ overdueOnly: (e.target as HTMLInputElement).checked })} />${t.trackerOverdueOnly}</label>
      <label class="check"><input id="f-group" type="checkbox" .checked=${c.grouped} @change=${(e: Event) => c.setGrouped((e.target as HTMLInputElement).checked)} />${t.trackerGroup}</label>
    </div>
    <div class="tools">
      <button type="button" class="export-xlsx" @click=${() => c.download('xlsx')}>${t.trackerExportXlsx}</button>
      <button type="button" class="export-csv" @click=${() => c.download('csv')}>${t.trackerExportCsv}</button>
      <button type="button" class="export-json" @click=${() => c.download('json')}>${t.trackerExportJson}</button>
      ${c.role === 'office' ? html`<button type="button" class="add primary" @click=${() => c.addItem()}>${t.trackerAdd}</button>` : nothing}
      <slot name="actions"></slot>
    </div>
    ${c.total ? html`<p class="match-count" role="status">${matchText(t, view, c.total)}</p>` : nothing}
  </div>`;
}

/** "Showing n of m" (and how many match a filter). */
function matchText(t: Messages, view: LedgerView, total: number): string {
  const matches = view.visible.length;
  if (view.filtering && matches === 0) return t.trackerNoMatches;
  const shown = view.target;
  return shown < matches && view.filtering ? `${t.trackerShown(shown, total)}${t.phraseSep}${t.trackerMatching(matches)}` : t.trackerShown(shown, total);
}

/** The "show more" / "show all" buttons under the table, when more rows match than are shown. */
export function renderMore(t: Messages, view: LedgerView, pageSize: number, showMore: (count: number) => void): TemplateResult | typeof nothing {
  const rest = view.visible.length - view.target;
  if (rest <= 0) return nothing;
  const step = Math.min(rest, pageSize > 0 ? pageSize : rest);
  return html`<p class="more">
    <button type="button" class="show-more" @click=${() => showMore(step)}>${t.trackerShowMore(step)}</button>
    ${rest > step ? html`<button type="button" class="show-all" @click=${() => showMore(Infinity)}>${t.trackerShowAll(view.visible.length)}</button>` : nothing}
  </p>`;
}

/**
 * The ledger's table as render functions of the tracker: the sortable column headings and the
 * body of rows (grouped by focus area when asked), one `<xc-rectification-row>` per item. Which
 * items and how many come from the view (ledger-view.ts); the rows register themselves in the
 * tracker's map so that focus can return to them. No state of its own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import type { RectificationRole } from '../core/rectification/workflow.js';
import { groupByFocusArea, type TrackerSortKey } from '../core/rectification/views.js';
import { renderMore } from './tracker-toolbar.js';
import type { Messages } from '../core/i18n.js';
import type { RectificationItem } from '../core/rectification-types.js';
import { mapElement } from '../base/element-map.js';
import type { LedgerView } from './ledger-view.js';
import type { XcRectificationRow } from './xc-rectification-row.js';

/** A table column: what it sorts by and its heading. */
interface Column {
  key: TrackerSortKey;
  label: (t: Messages) => string;
  cls: string;
}

const COLUMNS: readonly Column[] = [
  { key: 'id', label: (t) => t.rectColId, cls: 'c-id' },
  { key: 'problem', label: (t) => t.rectColProblem, cls: 'c-problem' },
  { key: 'focusArea', label: (t) => t.rectColFocusArea, cls: 'c-focus' },
  { key: 'department', label: (t) => t.rectColDepartment, cls: 'c-dept' },
  { key: 'leader', label: (t) => t.trackerColResponsible, cls: 'c-resp' },
  { key: 'kind', label: (t) => t.rectColKind, cls: 'c-kind' },
  { key: 'deadline', label: (t) => t.rectColDeadline, cls: 'c-deadline' },
  { key: 'status', label: (t) => t.rectColStatus, cls: 'c-status' },
  { key: 'progress', label: (t) => t.rectColProgress, cls: 'c-progress' },
];

/** The column headings, each a button that sorts by it (`aria-sort` on the sorted one). */
export function renderHead(t: Messages, view: LedgerView): TemplateResult {
  const sort = view.sort;
  return html`<thead>
    <tr>
      ${COLUMNS.map((c) => {
        const sorted = sort?.key === c.key ? sort.dir : null;
        return html`<th scope="col" class=${c.cls} aria-sort=${sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : nothing}>
          <button type="button" class="sort" @click=${() => view.sortBy(c.key)}>${c.label(t)}<span class="arrow" aria-hidden="true">${sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span></button>
        </th>`;
      })}
    </tr>
  </thead>`;
}

export interface BodyContext {
  t: Messages;
  lang: string;
  view: LedgerView;
  grouped: boolean;
  today: string;
  yellow: number;
  item(id: string): RectificationItem;
  /** The number people read for an item. */
  numberOf(id: string): string;
  /** The tracker's map of rendered rows (kept by the mapElement directive). */
  rows: Map<string, XcRectificationRow>;
}

/**
 * The rows. Plain lists, not keyed ones: a new filter or sort starts a fresh body (the tracker
 * keys it by the view's version) and chunks only add rows at the end, so rows are never moved;
 * a row whose item changes (a group that grew) renders its new item and moves in the map
 * (the base's mapElement directive keeps the map, taking out rows that leave the table).
 */
export function renderBody(c: BodyContext): TemplateResult {
  const row = (id: string) => html`<xc-rectification-row
    ${mapElement(c.rows, id)}
    .item=${c.item(id)}
    .t=${c.t}
    .lang=${c.lang}
    .today=${c.today}
    .yellow=${c.yellow}
    .no=${c.numberOf(id)}
  ></xc-rectification-row>`;
  const ids = c.view.visible.slice(0, c.view.renderLimit);
  if (!c.grouped) return html`<tbody>${ids.map(row)}</tbody>`;
  const t = c.t;
  const groups = groupByFocusArea(ids.map((id) => c.item(id)));
  return html`${groups.map(
    (g, gi) => html`<tbody class="group">
      <tr class="group-row">
        <th scope="rowgroup" colspan=${COLUMNS.length} id="group-${gi}">${g.focusArea ? html`<bdi>${g.focusArea}</bdi>` : t.trackerNoFocusArea}<span class="group-count">${t.trackerGroupCount(g.items.length)}</span></th>
      </tr>
      ${g.items.map((i) => row(i.id))}
    </tbody>`,
  )}`;
}

export interface TableContext extends BodyContext {
  role: RectificationRole;
  pageSize: number;
  /** Changes when the ledger's list of items changes. */
  listVersion: number;
  total: number;
  onRowOpen: (e: Event) => void;
  showMore: (count: number) => void;
}

/** The table (or, for an empty ledger, what to do), the "show more" row and the keyboard hint. */
export function renderTable(c: TableContext): TemplateResult {
  const { t, view } = c;
  if (c.total === 0) return html`<p class="empty">${t.trackerEmpty}${c.role === 'office' ? html` ${t.trackerEmptyOffice}` : nothing}</p>`;
  return html`<div class="table-wrap" part="table" tabindex="0" role="region" aria-labelledby="table-caption" @xc-row-open=${c.onRowOpen}>
      <table class="ledger">
        <caption id="table-caption">${t.trackerTableCaption}</caption>
        ${renderHead(t, view)}
        ${guard([view.version, view.renderLimit, c.listVersion, c.lang, t, c.today, c.yellow, c.grouped], () =>
          // A new filter or sort starts a fresh body (one removal), chunks then add to it.
          keyed(`${view.version}:${c.grouped}`, renderBody(c)),
        )}
      </table>
    </div>
    ${renderMore(t, view, c.pageSize, c.showMore)}
    <p class="hint keys">${t.trackerKeyboardHelp}</p>`;
}

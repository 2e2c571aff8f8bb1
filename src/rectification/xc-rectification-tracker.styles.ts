import { css } from 'lit';

/** Styles of `<xc-rectification-tracker>` and of its rows, summary and detail panel (all in its shadow root). */
export const trackerStyles = css`
  :host {
    --_xc-danger: var(--xc-color-danger, #b3261e);
    --_xc-info: var(--xc-color-info, #0969da);
  }
  .head .title {
    font-size: 1.4em;
    margin: 0 0 4px;
  }
  .unit {
    font-weight: 600;
    margin: 0 0 4px;
  }
  .role-note {
    color: var(--_xc-muted);
    margin: 0 0 4px;
  }
  .empty {
    padding: calc(var(--_xc-space) * 2);
    border: 1px dashed var(--_xc-border);
    border-radius: var(--_xc-radius);
  }
  .pre {
    white-space: pre-wrap;
  }
  .optional {
    color: var(--_xc-muted);
    font-weight: normal;
  }

  /* summary */
  .summary h3 {
    font-size: 1.1em;
    margin: var(--_xc-space) 0 4px;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    margin: 0 0 var(--_xc-space);
  }
  .figures > * {
    margin-inline-end: calc(var(--_xc-space) * 2);
  }
  .fig-overdue[data-some] {
    color: var(--_xc-danger);
    font-weight: 600;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18em, 1fr));
    grid-gap: var(--_xc-space);
  }
  .chart {
    margin: 0;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    background: var(--_xc-bg);
  }
  .chart figcaption {
    font-weight: 600;
    margin-bottom: 4px;
  }
  .chart svg {
    display: block;
    width: 100%;
    height: auto;
    font-size: 12px;
    overflow: visible;
  }
  .chart svg text {
    fill: currentColor;
  }
  .chart .bar {
    fill: var(--_xc-muted);
  }
  .chart .st-in-progress .bar {
    fill: var(--_xc-info);
  }
  .chart .st-pending-verification .bar {
    fill: var(--_xc-warn);
  }
  .chart .st-closed .bar {
    fill: var(--_xc-ok);
  }
  .chart .overdue .bar {
    fill: var(--_xc-danger);
  }
  .chart .axis {
    stroke: var(--_xc-border);
  }
  .chart .goal {
    stroke: var(--_xc-border);
    stroke-dasharray: 4 3;
  }
  .chart .line {
    fill: none;
    stroke: var(--_xc-ok);
    stroke-width: 2;
  }
  .chart .point {
    fill: var(--_xc-ok);
  }
  .chart-data summary {
    cursor: pointer;
    color: var(--_xc-muted);
  }
  table.data {
    border-collapse: collapse;
    margin-top: 4px;
  }
  table.data th,
  table.data td {
    border: 1px solid var(--_xc-border);
    padding: 2px 8px;
    text-align: start;
  }

  /* toolbar */
  .toolbar {
    position: sticky;
    top: var(--xc-sticky-top, 0);
    z-index: 3;
    background: var(--_xc-bg-alt);
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    margin: var(--_xc-space) 0;
  }
  .filters,
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
  }
  .filters > *,
  .tools > * {
    margin: 2px calc(var(--_xc-space) * 1.5) 2px 0;
  }
  .filter label {
    margin-inline-end: 4px;
  }
  .check {
    display: inline-flex;
    align-items: center;
    cursor: pointer;
  }
  .check input {
    margin: 0 4px 0 0;
    width: 1.1em;
    height: 1.1em;
  }
  .more {
    margin: var(--_xc-space) 0 0;
  }
  /* Below the sticky toolbar (rows also below the table's sticky header; both heights are
     measured into custom properties): focus never lands under them. */
  .table-wrap,
  .table-wrap button.sort,
  .more button {
    scroll-margin-top: calc(var(--xc-sticky-top, 0px) + var(--_xc-bar-h, 0px) + 8px);
  }
  .table-wrap button.open {
    scroll-margin-top: calc(var(--xc-sticky-top, 0px) + var(--_xc-bar-h, 0px) + var(--_xc-head-h, 0px) + 8px);
  }
  .more button {
    margin-inline-end: var(--_xc-space);
  }
  .match-count,
  .keys {
    margin: 4px 0 0;
    font-size: 0.875em;
    color: var(--_xc-muted);
  }

  /* table */
  .table-wrap {
    max-height: var(--xc-table-max-height, 70vh);
    overflow: auto;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
  }
  /* Fixed layout: column widths come from the header, so a change in one row (or a chunk of
     rows added) does not make the browser measure every row again. */
  table.ledger {
    width: 100%;
    min-width: 76em;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0;
  }
  table.ledger th.c-id {
    width: 7.5em;
  }
  table.ledger th.c-focus {
    width: 10em;
  }
  table.ledger th.c-dept,
  table.ledger th.c-resp {
    width: 7.5em;
  }
  table.ledger th.c-kind {
    width: 6.5em;
  }
  table.ledger th.c-deadline {
    width: 10em;
  }
  table.ledger th.c-status {
    width: 7em;
  }
  table.ledger th.c-progress {
    width: 7.5em;
  }
  table.ledger caption {
    text-align: start;
    font-weight: 600;
    padding: 4px var(--_xc-space);
  }
  table.ledger thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_xc-bg-alt);
    border-bottom: 2px solid var(--_xc-border);
    padding: 0;
    text-align: start;
    vertical-align: bottom;
  }
  button.sort {
    border: 0;
    background: transparent;
    font-weight: 700;
    width: 100%;
    text-align: start;
    padding: 6px 8px;
    border-radius: 0;
  }
  button.sort .arrow {
    color: var(--_xc-muted);
    margin-inline-start: 4px;
    font-size: 0.8em;
  }
  th[aria-sort] button.sort .arrow {
    color: var(--_xc-fg);
  }
  xc-rectification-row {
    display: contents;
  }
  tr.row > th,
  tr.row > td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--_xc-border);
    vertical-align: top;
    text-align: start;
    font-weight: normal;
  }
  tr.row {
    cursor: pointer;
  }
  tr.row:hover > * {
    background: var(--_xc-bg-alt);
  }
  tr.row[data-light='red'] > th {
    box-shadow: inset 4px 0 0 var(--_xc-danger);
  }
  button.open {
    font-weight: 600;
    padding: 2px 6px;
    max-width: 100%;
    text-align: start;
    word-break: break-all;
  }
  tr.row > * {
    overflow-wrap: break-word;
  }
  .problem-text {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .category,
  .c-resp span {
    display: block;
  }
  .category {
    color: var(--_xc-muted);
    font-size: 0.875em;
  }
  .c-progress {
    white-space: nowrap;
  }
  .c-deadline .date {
    display: block;
  }
  .light {
    display: inline-flex;
    align-items: center;
    font-size: 0.9em;
  }
  .light .dot {
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    margin-inline-end: 4px;
    background: var(--_xc-muted);
    flex: none;
  }
  .light[data-light='green'] .dot {
    background: var(--_xc-ok);
  }
  .light[data-light='yellow'] .dot {
    background: #d4a72c;
    box-shadow: 0 0 0 1px var(--_xc-warn);
  }
  .light[data-light='yellow'] {
    color: var(--_xc-warn);
    font-weight: 600;
  }
  .light[data-light='red'] .dot {
    background: var(--_xc-danger);
  }
  .light[data-light='red'] {
    color: var(--_xc-danger);
    font-weight: 700;
  }
  .status {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 0.8em;
    padding: 0 8px;
    font-size: 0.9em;
    background: var(--_xc-bg);
  }
  .status[data-status='in-progress'] {
    color: var(--_xc-info);
  }
  .status[data-status='pending-verification'] {
    color: var(--_xc-warn);
  }
  .status[data-status='closed'] {
    color: var(--_xc-ok);
  }
  .meter {
    display: inline-block;
    width: 4em;
    height: 0.5em;
    border: 1px solid var(--_xc-border);
    border-radius: 2px;
    background: var(--_xc-bg);
    vertical-align: middle;
    margin-inline-end: 4px;
    overflow: hidden;
  }
  .meter .fill {
    display: block;
    height: 100%;
    background: var(--_xc-ok);
  }
  tbody.group .group-row th {
    text-align: start;
    background: var(--_xc-bg-alt);
    padding: 6px 8px;
    border-bottom: 1px solid var(--_xc-border);
  }
  .group-count {
    font-weight: normal;
    color: var(--_xc-muted);
    margin-inline-start: var(--_xc-space);
  }

  /* detail dialog */
  dialog.detail {
    width: 60em;
    max-width: 96vw;
    max-height: 92vh;
    padding: 0;
    border: 2px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    color: var(--_xc-fg);
    background: var(--_xc-bg);
    overflow: auto;
  }
  dialog.detail::backdrop {
    background: rgba(0, 0, 0, 0.45);
  }
  .d-head {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    background: var(--_xc-bg-alt);
    border-bottom: 1px solid var(--_xc-border);
    padding: var(--_xc-space) calc(var(--_xc-space) * 2);
  }
  .d-head > * {
    margin-inline-end: var(--_xc-space);
  }
  .d-head h2 {
    font-size: 1.25em;
    margin: 0 var(--_xc-space) 0 0;
  }
  .d-close {
    margin-inline-start: auto;
  }
  .d-message:empty {
    display: none;
  }
  .d-message {
    margin: var(--_xc-space) calc(var(--_xc-space) * 2) 0;
    padding: 4px var(--_xc-space);
    border-left: 4px solid var(--_xc-ok);
    background: var(--_xc-bg-alt);
  }
  .d-body {
    padding: 0 calc(var(--_xc-space) * 2) calc(var(--_xc-space) * 2);
  }
  .d-section {
    border-top: 1px solid var(--_xc-border);
    padding-top: 4px;
    margin-top: var(--_xc-space);
  }
  .d-section:first-child {
    border-top: 0;
  }
  .d-section h3 {
    font-size: 1.05em;
    margin: 4px 0;
  }
  .d-field {
    display: grid;
    grid-template-columns: 9em minmax(0, 1fr);
    grid-gap: 4px var(--_xc-space);
    align-items: start;
    margin: 4px 0;
  }
  .d-field > label,
  .d-field > .d-label {
    color: var(--_xc-muted);
    padding-top: 4px;
  }
  .d-field > .field-error {
    grid-column: 2;
  }
  .d-field > input,
  .d-field > select,
  .d-field > textarea,
  .d-field > .d-progress,
  .d-field > .measure-tools {
    grid-column: 2;
  }
  .d-field > .d-value {
    padding-top: 4px;
  }
  .d-field input[type='text'] {
    width: 100%;
  }
  .d-progress input {
    width: 6em;
    margin-inline-end: var(--_xc-space);
  }
  ol.measures {
    padding-inline-start: 1.6em;
    margin: 4px 0;
  }
  ul.measures.edit {
    list-style: none;
    padding: 0;
    margin: 4px 0;
  }
  ul.measures.edit li {
    margin-bottom: var(--_xc-space);
  }
  .measure-tools {
    grid-column: 2;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
  }
  .measure-tools .done {
    display: inline-flex;
    align-items: center;
    margin-inline-end: calc(var(--_xc-space) * 2);
  }
  .done-mark {
    color: var(--_xc-ok);
  }
  .evidence-row {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    margin: 4px 0 var(--_xc-space);
    display: grid;
    grid-template-columns: 9em minmax(0, 1fr);
    grid-gap: 4px var(--_xc-space);
    align-items: center;
  }
  .evidence-row legend {
    font-weight: 600;
  }
  .evidence-row > .field-error,
  .evidence-row > button {
    grid-column: 1 / -1;
    justify-self: start;
  }
  ul.evidence {
    margin: 4px 0;
  }
  .d-current {
    margin: 4px 0;
  }
  .actions > button {
    margin: 0 var(--_xc-space) 4px 0;
  }
  .action-form {
    border: 2px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg-alt);
    padding: var(--_xc-space);
    margin: var(--_xc-space) 0;
  }
  .action-form > button {
    margin: 4px var(--_xc-space) 0 0;
  }
  .action-title {
    font-weight: 700;
    margin: 0 0 4px;
  }
  table.history {
    width: 100%;
    border-collapse: collapse;
  }
  table.history th,
  table.history td {
    border: 1px solid var(--_xc-border);
    padding: 4px 8px;
    text-align: start;
    vertical-align: top;
  }
  table.history thead th {
    background: var(--_xc-bg-alt);
  }

  /* A short viewport (200 % zoom of a laptop screen) has no room for a toolbar that stays:
     it would hold some 40 % of the height over the table. */
  @media (max-height: 30em) {
    .toolbar {
      position: static;
    }
  }
  @media (max-width: 40em) {
    .d-field,
    .evidence-row {
      grid-template-columns: minmax(0, 1fr);
    }
    .d-field > * {
      grid-column: 1 !important;
    }
  }
  @media print {
    .toolbar,
    .keys,
    .more,
    dialog,
    .chart-data,
    button.sort .arrow {
      display: none !important;
    }
    .table-wrap {
      max-height: none;
      overflow: visible;
      border: 0;
    }
    table.ledger thead th {
      position: static;
    }
    button.open,
    button.sort {
      border: 0;
      padding: 0;
      background: none;
    }
  }
`;

/**
 * Styles of `<xc-rectification-tracker>`, its rows and summary (all in its shadow root). The detail
 * panel's own styles (xc-rectification-detail.styles.ts) join the shadow root with the panel's code.
 */
import { css } from 'lit';

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
    /* The containing block of what the rows hide for screen readers (absolutely positioned):
       without it, hidden text of rows scrolled out of the box made the host page taller. */
    position: relative;
    max-height: var(--xc-table-max-height, 70vh);
    overflow: auto;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
  }
  /* Fixed layout: column widths come from the header, so a change in one row (or a chunk of
     rows added) does not make the browser measure every row again. */
  /* Sized to fit a 1280 px page (64em at 16px, with room for the page's margins): numbers are
     short (the item's place or a short number), so the first column is narrow and the progress column stays in view. */
  table.ledger {
    width: 100%;
    min-width: 64em;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0;
  }
  table.ledger th.c-id {
    width: 6em;
  }
  table.ledger th.c-focus {
    width: 9em;
  }
  table.ledger th.c-dept,
  table.ledger th.c-resp {
    width: 6.5em;
  }
  table.ledger th.c-kind {
    width: 6em;
  }
  table.ledger th.c-deadline {
    width: 9em;
  }
  table.ledger th.c-status {
    width: 6.5em;
  }
  table.ledger th.c-progress {
    width: 7em;
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
    /* Padding inside the column's width: the last heading (progress) is not pushed out of the box. */
    box-sizing: border-box;
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
  /* The meter and its figure stay on one line; the column's heading may wrap. */
  td.c-progress {
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

`;

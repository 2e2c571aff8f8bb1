/** Styles of <xc-round-summary>: key figures, the two bar charts (after the charts' box of src/base/chart.styles.ts), the table and the print layout. */
import { css } from 'lit';

export const roundSummaryStyles = css`
  .title {
    font-size: 1.3em;
    margin: 0 0 4px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    margin-bottom: var(--_xc-space);
  }
  /* Margins, not flex gap: Chromium 78 (the standalone floor) has no gap in flex layouts. */
  .toolbar > * + * {
    margin-left: var(--_xc-space);
  }
  .keys {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
    grid-gap: var(--_xc-space);
    margin: 0 0 var(--_xc-space);
  }
  .keys > div {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: 4px var(--_xc-space);
    background: var(--_xc-bg-alt);
  }
  .keys dt {
    color: var(--_xc-muted);
    font-size: 0.875em;
  }
  .keys dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
  }
  .keys .overdue[data-some] dd {
    color: var(--_xc-error);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(20em, 1fr));
    grid-gap: var(--_xc-space);
    margin-bottom: var(--_xc-space);
  }
  .chart {
    break-inside: avoid;
  }
  .chart .bar {
    fill: var(--_xc-ok);
  }
  .chart .focus .bar {
    fill: var(--_xc-primary);
  }
  .chart .track {
    fill: var(--_xc-bg-alt);
    stroke: var(--_xc-border);
    stroke-width: 0.5;
  }
  .chart-data summary {
    cursor: pointer;
    color: var(--_xc-muted);
  }
  .hint,
  .note {
    color: var(--_xc-muted);
    margin: 4px 0;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    margin-top: 4px;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 4px;
  }
  th,
  td {
    border: 1px solid var(--_xc-border);
    padding: 2px 8px;
    text-align: start;
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  thead th {
    background: var(--_xc-bg-alt);
    font-weight: 600;
    vertical-align: bottom;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    background: var(--_xc-bg-alt);
  }
  button {
    min-height: 36px;
    padding: 4px 12px;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg);
  }
  button:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--_xc-focus);
    outline-offset: 2px;
  }
  @media print {
    .toolbar,
    .chart-data {
      display: none !important;
    }
    .table-wrap {
      overflow: visible;
    }
    table {
      font-size: 10pt;
    }
    tr {
      break-inside: avoid;
    }
    .keys > div,
    thead th,
    tfoot th,
    tfoot td {
      background: none;
    }
  }
`;

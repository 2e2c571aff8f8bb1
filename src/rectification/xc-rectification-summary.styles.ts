/**
 * Styles of the summary's figures and charts (`<xc-rectification-summary>`, rendered into the
 * tracker's shadow root): they join it with the charts' code, after the first frame. The charts'
 * box is the one the round figures' charts have (base/chart.styles.ts); the bars' colours follow it.
 */
import { chartBoxStyles } from '../base/chart.styles.js';

/** The CSS as text (a tag, so the build squeezes it like lit's `css`). */
const css = (s: TemplateStringsArray): string => s.join('');

export const summaryStyles =
  chartBoxStyles.cssText +
  css`
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
  /* The ledger's own rules for a short viewport and for print: they come with the charts' styles,
     adopted right after the first frame, so that the page's first load does not carry them. */
  /* A short viewport (200 % zoom of a laptop screen) has no room for a toolbar that stays:
     it would hold some 40 % of the height over the table. */
  @media (max-height: 30em) {
    .toolbar {
      position: static;
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

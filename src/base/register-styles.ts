/**
 * Styles the two registers share (<xc-petition-register>, <xc-clue-register>): the heading, the
 * toolbar of filters and exports, the counts, the list's table, the editor or panel box, the form's
 * fields and fieldsets, and rows kept whole in print. Each register adds its own after these.
 */
import { css } from 'lit';

export const registerStyles = css`
  .title {
    font-size: 1.3em;
    margin: 0 0 4px;
  }
  .subject,
  .note {
    margin: 0 0 4px;
  }
  .note {
    color: var(--_xc-muted);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    padding: var(--_xc-space) var(--_xc-space) 0;
    margin: var(--_xc-space) 0;
    background: var(--_xc-bg-alt);
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
  }
  /* Margins, not flex gap: Chromium 78 (the standalone floor) has no gap in flex layouts. */
  .toolbar > *,
  .actions > * {
    margin: 0 var(--_xc-space) var(--_xc-space) 0;
  }
  .toolbar label {
    display: flex;
    flex-direction: column;
    font-size: 0.9em;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    margin: var(--_xc-space) 0;
  }
  .counts h3 {
    flex-basis: 100%;
    font-size: 1.05em;
    margin: 0;
  }
  .counts .total {
    font-weight: normal;
    margin-inline-start: var(--_xc-space);
  }
  .counts ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 4px 0;
  }
  th,
  td {
    border: 1px solid var(--_xc-border);
    padding: 4px 8px;
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_xc-bg-alt);
  }
  button.open {
    white-space: nowrap;
  }
  /* The petition's editor, the clue's panel. */
  .editor,
  .panel {
    border: 2px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: calc(var(--_xc-space) * 2);
    margin: var(--_xc-space) 0;
    background: var(--_xc-bg-alt);
  }
  .editor h3,
  .panel h3 {
    margin: 0 0 var(--_xc-space);
  }
  .grid {
    display: flex;
    flex-wrap: wrap;
  }
  .grid > * {
    margin-inline-end: calc(var(--_xc-space) * 2);
  }
  .field {
    display: flex;
    flex-direction: column;
    margin: 0 0 var(--_xc-space);
    min-width: 12em;
  }
  .field.wide {
    width: 100%;
  }
  fieldset {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    margin: 0 0 var(--_xc-space);
    padding: var(--_xc-space);
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
  }
  @media print {
    tr {
      break-inside: avoid;
    }
  }
`;

/** Styles of <xc-petition-register>: toolbar, counts, the list, the editor and the print layout. */
import { css } from 'lit';

export const petitionStyles = css`
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
  .print-note {
    display: none;
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
  .counts > div {
    margin-inline-end: calc(var(--_xc-space) * 3);
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
  .counts h4 {
    font-size: 1em;
    margin: 0;
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
  td.summary {
    min-width: 16em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  td.masked {
    color: var(--_xc-muted);
  }
  button.open {
    white-space: nowrap;
  }
  .editor {
    border: 2px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: calc(var(--_xc-space) * 2);
    margin: var(--_xc-space) 0;
    background: var(--_xc-bg-alt);
  }
  .editor h3 {
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
  .radios label,
  label.check {
    display: inline-flex;
    align-items: center;
    margin-inline-end: calc(var(--_xc-space) * 2);
    min-height: 2em;
  }
  .radios input,
  label.check input {
    margin-inline-end: 4px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
  }
  @media print {
    .toolbar,
    .editor,
    .keys,
    .status,
    .identity-note,
    button.open .visually-hidden {
      display: none !important;
    }
    /* 保密: the 反映人 is never printed, whatever the role on screen. */
    .identity {
      display: none !important;
    }
    .print-note {
      display: block;
    }
    button.open {
      border: 0;
      padding: 0;
      background: none;
      min-height: 0;
    }
    tr {
      break-inside: avoid;
    }
  }
`;

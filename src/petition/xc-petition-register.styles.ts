/** Styles of <xc-petition-register> of its own (after the registers' shared ones, src/base/register-styles.ts): counts by kind, the summary and masked columns, the editor's radios, the print layout. */
import { css } from 'lit';

export const petitionStyles = css`
  .print-note {
    display: none;
  }
  .counts > div {
    margin-inline-end: calc(var(--_xc-space) * 3);
  }
  .counts h4 {
    font-size: 1em;
    margin: 0;
  }
  td.summary {
    min-width: 16em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  td.masked {
    color: var(--_xc-muted);
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
  }
`;

/** Styles of <xc-clue-register> of its own (after the registers' shared ones, src/base/register-styles.ts): candidates, the reply light, panels' facts and the A4 移交单. */
import { css } from 'lit';

export const clueRegisterStyles = css`
  .toolbar label.check,
  .radios label,
  fieldset > label {
    display: inline-flex;
    flex-direction: row;
    align-items: center;
    min-height: 2em;
    margin-inline-end: calc(var(--_xc-space) * 2);
  }
  .toolbar label.check input,
  .radios label input,
  fieldset > label input {
    margin-inline-end: 4px;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
  }
  .candidates {
    border: 1px dashed var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    margin: var(--_xc-space) 0;
  }
  .candidates h3 {
    font-size: 1.05em;
    margin: 0 0 4px;
  }
  .candidates ul {
    list-style: none;
    margin: 0 0 var(--_xc-space);
    padding: 0;
  }
  .candidates label {
    display: flex;
    align-items: flex-start;
    min-height: 2em;
  }
  .candidates input {
    margin: 4px 6px 0 0;
  }
  .counts > * {
    margin-inline-end: calc(var(--_xc-space) * 3);
  }
  .counts .late {
    font-weight: 600;
  }
  td.problem {
    min-width: 14em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .category {
    color: var(--_xc-muted);
    font-size: 0.9em;
  }
  /* The light: a coloured bar beside the words (the words carry the meaning). */
  .light-green {
    border-inline-start: 6px solid #1a7f37;
  }
  .light-yellow {
    border-inline-start: 6px solid #b58100;
  }
  .light-red {
    border-inline-start: 6px solid #c62828;
    font-weight: 600;
  }
  .refusal {
    border-inline-start: 4px solid #c62828;
    padding-inline-start: var(--_xc-space);
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px calc(var(--_xc-space) * 2);
  }
  .facts dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .sheet-view {
    border: 1px solid var(--_xc-border);
    padding: calc(var(--_xc-space) * 2);
    margin: calc(var(--_xc-space) * 2) 0;
    background: #fff;
    color: #000;
  }
  .sheet-view h3 {
    text-align: center;
    font-size: 1.4em;
    margin: 0 0 4px;
  }
  .sheet-number {
    text-align: end;
    margin: 0 0 var(--_xc-space);
  }
  .sheet-head {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px calc(var(--_xc-space) * 2);
  }
  .sheet-head dd {
    margin: 0;
  }
  .signatures {
    display: flex;
    margin-top: calc(var(--_xc-space) * 4);
  }
  .sign {
    flex: 1;
  }
  .sign + .sign {
    margin-inline-start: calc(var(--_xc-space) * 6);
  }
  .sign p {
    display: flex;
    align-items: flex-end;
    margin: 0 0 calc(var(--_xc-space) * 2);
  }
  .sign-label {
    white-space: nowrap;
    margin-inline-end: var(--_xc-space);
  }
  .sign-line {
    display: inline-block;
    flex: 1;
    min-width: 8em;
    border-bottom: 1px solid #000;
    height: 1.4em;
  }
  .sign-line.short {
    flex: 0 1 8em;
  }
  @media print {
    /* A 移交单 on show prints alone; without one, the list prints. */
    .screen.has-sheet,
    .toolbar,
    .candidates,
    .panel,
    .keys,
    .status,
    .sheets,
    .sel,
    .screen-only {
      display: none !important;
    }
    .sheet-view {
      border: 0;
      margin: 0;
      padding: 0;
      font-size: 12pt;
    }
    .signatures {
      break-inside: avoid;
    }
  }
`;

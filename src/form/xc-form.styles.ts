/** Styles of `<xc-form>` and its fields on screen (the print layout's are ./print.styles.ts). */
import { css } from 'lit';

export const formStyles = css`
  .title {
    font-size: 1.4em;
    margin: 0 0 4px;
  }
  xc-field {
    display: block;
  }
  xc-field[hidden] {
    display: none;
  }
  .section {
    margin: calc(var(--_xc-space) * 2) 0;
  }
  .section-title {
    font-size: 1.15em;
    margin: 0 0 var(--_xc-space);
    border-bottom: 2px solid var(--_xc-primary);
  }
  .field {
    margin: 0 0 calc(var(--_xc-space) * 2);
    min-width: 0;
  }
  .field > label,
  .field > legend,
  .legend {
    display: block;
    font-weight: 600;
    padding: 0;
    margin: 0 0 2px;
  }
  fieldset.field {
    border: 1px solid #d0d7de;
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space) calc(var(--_xc-space) * 1.5) 0;
  }
  fieldset.choices {
    border: 0;
    padding: 0;
  }
  .optional,
  .now-required {
    font-weight: 400;
    color: var(--_xc-muted);
  }
  .now-required {
    color: var(--_xc-warn);
    font-weight: 600;
  }
  .revealed {
    color: var(--_xc-warn);
  }
  .field input[type='text'],
  .field input[type='email'],
  .field textarea,
  .field select {
    width: 100%;
    max-width: 40em;
  }
  /* Every invalid control shows it the same way: the shared [aria-invalid] rule loses to the
     input[type=…] rules for text, dates and numbers, so it is repeated here more specifically. */
  .field input[aria-invalid='true'],
  .field textarea[aria-invalid='true'],
  .field select[aria-invalid='true'] {
    border-color: var(--_xc-error);
    border-width: 2px;
  }
  /* Radios and checkboxes have no border of their own: their field gets the error bar. */
  .field.invalid.choices,
  .field.invalid.check {
    border-inline-start: 3px solid var(--_xc-error);
    padding-inline-start: 8px;
  }
  .field textarea {
    max-width: none;
    field-sizing: content;
    min-height: calc(var(--xc-rows, 3) * 1.6em + 12px);
  }
  /* Flex gap came in Chromium 84: spacing by margins (the wrapper's negative margin takes back the last one of a line). */
  .person > .members {
    display: flex;
    flex-wrap: wrap;
    margin-inline-end: calc(var(--_xc-space) * -2);
  }
  .person > .members > xc-field {
    flex: 1 1 12em;
    margin-inline-end: calc(var(--_xc-space) * 2);
  }
  .options {
    display: flex;
    flex-wrap: wrap;
  }
  .options > * {
    margin-inline-end: calc(var(--_xc-space) * 3);
  }
  .choice,
  .check {
    display: flex;
    align-items: flex-start;
    min-height: 2em;
    cursor: pointer;
  }
  .check {
    flex-wrap: wrap;
  }
  .check > .hint,
  .check > .field-error {
    flex-basis: 100%;
    padding-inline-start: 1.5em;
  }
  .choice input,
  .check input {
    width: 1.15em;
    height: 1.15em;
    margin: 0.25em 0.4em 0 0;
    flex: none;
    accent-color: var(--_xc-primary);
  }
  .check > label {
    font-weight: 600;
    flex: 1;
  }
  .choice .hint {
    display: block;
    font-size: 0.9em;
  }
  button.clear {
    margin-top: 4px;
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    border-inline-start: 3px solid #d0d7de;
    padding-inline-start: var(--_xc-space);
    margin: 0 0 var(--_xc-space);
  }
  /* Skip layout and paint of sections and repeated items far off screen (long transcripts). */
  .section,
  .item {
    content-visibility: auto;
    contain-intrinsic-size: auto 160px;
  }
  .item-tools {
    display: flex;
    flex-wrap: wrap;
    margin: -8px 0 var(--_xc-space);
  }
  .item-tools > * {
    margin: 4px 4px 0 0;
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .array-tools {
    margin: 0 0 var(--_xc-space);
  }
  .limit {
    margin: 4px 0 0;
  }
  .empty {
    color: var(--_xc-muted);
  }
  /* The offset a date-time is written in, when it is not this machine's. */
  .tz {
    margin-inline-start: 0.5em;
    color: var(--_xc-muted);
    white-space: nowrap;
  }
  .ro {
    display: grid;
    grid-template-columns: minmax(6em, max-content) 1fr;
    column-gap: calc(var(--_xc-space) * 2);
    margin-bottom: var(--_xc-space);
  }
  .ro-label {
    color: var(--_xc-muted);
  }
  .ro-group {
    border-inline-start: 3px solid #d0d7de;
    padding-inline-start: var(--_xc-space);
  }
  .pre {
    white-space: pre-wrap;
  }
  .banner.ok {
    border-color: var(--_xc-ok);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    margin: calc(var(--_xc-space) * 2) 0;
  }
  .actions > * {
    margin-inline-end: var(--_xc-space);
  }
  .actions > .hint {
    flex-basis: 100%;
    margin: var(--_xc-space) 0 0;
  }
  .digest {
    font-family: ui-monospace, 'SFMono-Regular', Consolas, monospace;
    word-break: break-all;
  }
`;

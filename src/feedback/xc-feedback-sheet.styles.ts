/** Styles of <xc-feedback-sheet>: the problems by focus area with their 共性/个性 badge, 意见建议, 签发 and the A4 print layout. */
import { css } from 'lit';

export const feedbackStyles = css`
  .title {
    font-size: 1.3em;
    margin: 0 0 4px;
  }
  .subject,
  .counts {
    margin: 0 0 var(--_xc-space);
  }
  .group h3,
  .suggestions h3 {
    font-size: 1.1em;
    margin: calc(var(--_xc-space) * 2) 0 var(--_xc-space);
  }
  ol {
    margin: 0;
    padding-left: 1.6em;
  }
  .item {
    margin-bottom: calc(var(--_xc-space) * 1.5);
  }
  .item-head label {
    font-weight: bold;
    margin-right: 8px;
  }
  /* The scope is written out as text; the box only frames it. */
  .badge {
    display: inline-block;
    padding: 0 6px;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg-alt);
    font-size: 0.9em;
  }
  .badge.scope-common {
    border-color: var(--_xc-primary);
  }
  textarea,
  input[type='text'],
  input[type='date'] {
    box-sizing: border-box;
    font: inherit;
    padding: 4px 6px;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
  }
  textarea {
    display: block;
    width: 100%;
    margin: 4px 0;
  }
  .basis,
  .source,
  .hint {
    margin: 2px 0;
    color: var(--_xc-muted);
  }
  .text {
    margin: 4px 0;
    white-space: pre-wrap;
  }
  .print-text,
  .signature {
    display: none;
  }
  .suggestions li {
    margin-bottom: var(--_xc-space);
  }
  .issue {
    margin: calc(var(--_xc-space) * 2) 0;
    padding: var(--_xc-space);
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg-alt);
  }
  .issue .field {
    margin-bottom: var(--_xc-space);
  }
  .issue label {
    display: block;
    font-weight: bold;
    margin-bottom: 2px;
  }
  .issue-button {
    margin-top: 4px;
  }
  .keys {
    color: var(--_xc-muted);
    font-size: 0.9em;
  }
  @media print {
    :host {
      font-size: 12pt;
    }
    button,
    textarea,
    input,
    .issue .hint,
    .keys,
    .banner,
    .status,
    [part='draft-banner'],
    .error-summary,
    label[for^='fb-sugg'],
    .leader-only {
      display: none !important;
    }
    .print-text {
      display: block;
      white-space: pre-wrap;
      margin: 2px 0;
    }
    .issue {
      border: 0;
      background: none;
      padding: 0;
    }
    .issue legend {
      display: none;
    }
    .title {
      text-align: center;
      font-size: 16pt;
    }
    .item {
      break-inside: avoid;
    }
    .signature {
      display: block;
      margin-top: 2em;
      break-inside: avoid;
    }
    .signature .line {
      display: inline-block;
      min-width: 12em;
      border-bottom: 1px solid #000;
    }
  }
`;

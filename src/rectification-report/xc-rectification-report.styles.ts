/** Styles of <xc-rectification-report>: the toolbar, the report's text boxes, the figures table and the A4 print layout. */
import { css } from 'lit';

export const reportStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    padding: var(--_xc-space) var(--_xc-space) 0;
    margin: 0 0 var(--_xc-space);
    background: var(--_xc-bg-alt);
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
  }
  /* Margins, not flex gap: Chromium 78 (the standalone floor) has no gap in flex layouts. */
  .toolbar > * {
    margin: 0 calc(var(--_xc-space) * 2) var(--_xc-space) 0;
  }
  .toolbar fieldset {
    border: 0;
    padding: 0;
  }
  .toolbar legend {
    padding: 0;
    font-weight: 600;
  }
  .toolbar fieldset label {
    margin-right: var(--_xc-space);
  }
  .toolbar label.feedback {
    display: flex;
    flex-direction: column;
  }
  button,
  input[type='date'] {
    padding: 4px 10px;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg);
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_xc-focus);
    outline-offset: 1px;
  }
  .banner,
  .refusal,
  .load-error {
    padding: var(--_xc-space);
    margin: 0 0 var(--_xc-space);
    border: 2px solid var(--_xc-error);
    border-radius: var(--_xc-radius);
  }
  .banner {
    border-color: var(--_xc-border);
  }
  .refusal ul {
    margin: 0;
    padding-left: 1.5em;
  }
  .refusal li {
    margin: 4px 0;
  }
  .error-summary {
    border: 3px solid var(--_xc-error);
    padding: var(--_xc-space);
    margin: 0 0 var(--_xc-space);
  }
  .error-summary h2 {
    font-size: 1.1em;
    margin: 0 0 4px;
  }
  .field-error {
    color: var(--_xc-error);
    margin: 2px 0 0;
  }
  .doc {
    max-width: 52em;
  }
  .title {
    text-align: center;
    font-size: 1.4em;
    margin: var(--_xc-space) 0;
  }
  .public-note,
  .muted,
  .hint,
  .edited {
    color: var(--_xc-muted);
  }
  h3 {
    font-size: 1.15em;
    margin: calc(var(--_xc-space) * 2) 0 var(--_xc-space);
  }
  h4 {
    font-size: 1.05em;
    margin: var(--_xc-space) 0 4px;
  }
  h5 {
    font-size: 1em;
    margin: var(--_xc-space) 0 2px;
  }
  .resp,
  .evidence {
    margin: 0 0 4px;
    color: var(--_xc-muted);
  }
  [hidden] {
    display: none !important;
  }
  .para {
    margin: 0 0 var(--_xc-space);
  }
  /* A report of thousands of problems: those off screen are not laid out until scrolled to. */
  .problem {
    content-visibility: auto;
    contain-intrinsic-size: auto 12em;
  }
  .para-label {
    display: block;
    font-size: 0.875em;
    color: var(--_xc-muted);
  }
  textarea {
    display: block;
    width: 100%;
    padding: 6px 8px;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg);
    resize: vertical;
    text-indent: 2em;
    line-height: 1.8;
  }
  .para .text {
    text-indent: 2em;
    margin: 0;
  }
  .restore {
    margin-top: 4px;
    font-size: 0.875em;
  }
  .print-text {
    display: none;
  }
  table.figures {
    border-collapse: collapse;
    margin: 0 0 var(--_xc-space);
    min-width: 22em;
  }
  table.figures caption {
    text-align: left;
    font-weight: 600;
  }
  table.figures th,
  table.figures td {
    border: 1px solid var(--_xc-border);
    padding: 4px 10px;
    text-align: left;
  }
  table.figures td {
    text-align: right;
  }
  @media print {
    :host {
      font-family: 'FangSong', 'STFangsong', 'FangSong_GB2312', serif;
      font-size: 12pt;
      color: #000;
    }
    .toolbar,
    .keys,
    .para-label,
    textarea,
    .restore,
    .fix,
    .banner,
    .export-refusal,
    .error-summary,
    .status {
      display: none !important;
    }
    /* A refused 公开稿 prints the refusal, never the text. */
    .doc.refused {
      display: none !important;
    }
    .print-text {
      display: block;
      text-indent: 2em;
      margin: 0;
      line-height: 1.8;
    }
    .doc {
      max-width: none;
    }
    .title {
      font-family: 'SimHei', 'STHeiti', sans-serif;
      font-size: 18pt;
    }
    h3 {
      font-family: 'SimHei', 'STHeiti', sans-serif;
      font-size: 14pt;
      break-after: avoid;
    }
    h4,
    h5 {
      break-after: avoid;
    }
    /* Each part of the report starts a new page. */
    .part + .para + .part,
    .part.problems,
    .part.open,
    .part.next {
      break-before: page;
    }
    .problem {
      content-visibility: visible;
    }
    .problem,
    table.figures tr {
      break-inside: avoid;
    }
    table.figures th,
    table.figures td {
      border-color: #000;
    }
  }
`;

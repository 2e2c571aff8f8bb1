/** The styles of `<xc-checklist>` and of everything rendered in its shadow root (check points, the 工作底稿's head, print). */
import { css } from 'lit';

export const checklistStyles = css`
  :host {
    --_xc-problem: var(--xc-color-problem, #b3261e);
    /* Text with no place to break (a URL, a long token) wraps inside its box instead of widening the
       page; break-word, not anywhere: Chromium 78 must be served. */
    overflow-wrap: break-word;
    word-break: break-word;
  }
  .head .title {
    font-size: 1.4em;
    margin: 0 0 4px;
  }
  .subject {
    font-weight: 600;
  }
  .bar {
    position: sticky;
    top: var(--xc-sticky-top, 0);
    z-index: 2;
    background: var(--_xc-bg-alt);
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    margin: var(--_xc-space) 0;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
  }
  .progress > * {
    margin-inline-end: calc(var(--_xc-space) * 2);
  }
  .progress progress {
    width: 12em;
    height: 0.8em;
    accent-color: var(--_xc-primary);
  }
  .count.problems {
    color: var(--_xc-problem);
    font-weight: 600;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    margin-top: 4px;
  }
  .tools > * {
    margin: 2px var(--_xc-space) 2px 0;
  }
  .filters {
    border: 0;
    padding: 0;
    display: inline-flex;
    flex-wrap: wrap;
  }
  .filters label {
    border: 1px solid var(--_xc-border);
    padding: 2px 10px;
    margin-inline-end: -1px;
    cursor: pointer;
    background: var(--_xc-bg);
  }
  .filters label.on {
    background: var(--_xc-primary);
    color: var(--_xc-primary-fg);
    font-weight: 600;
  }
  .filters input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .filters label:focus-within {
    outline: 3px solid var(--_xc-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_xc-fg);
    z-index: 1;
  }
  .keys {
    margin: 4px 0 0;
    font-size: 0.875em;
  }
  /* Below the sticky bar (its height is measured into --_xc-bar-h): focus never lands under it. */
  .list input,
  .list select,
  .list textarea,
  .list button,
  .list a,
  .list [tabindex] {
    scroll-margin-top: calc(var(--xc-sticky-top, 0px) + var(--_xc-bar-h, 0px) + 8px);
  }
  .section {
    margin: calc(var(--_xc-space) * 2) 0;
  }
  .section-title,
  .group-title {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
  }
  .section-title button,
  .group-title button {
    /* A flex item and a button: neither shrinks below its longest word unless told. */
    min-width: 0;
    max-width: 100%;
    overflow-wrap: break-word;
    word-break: break-word;
    border: 0;
    background: none;
    padding: 4px 0;
    text-align: start;
    font-weight: 700;
    font-size: inherit;
    min-height: 2em;
  }
  .section-title {
    font-size: 1.2em;
    border-bottom: 2px solid var(--_xc-primary);
  }
  .group-title {
    font-size: 1.05em;
    margin-top: var(--_xc-space);
  }
  .section-title button::before,
  .group-title button::before {
    content: '▾';
    display: inline-block;
    width: 1.2em;
  }
  .section-title button[aria-expanded='false']::before,
  .group-title button[aria-expanded='false']::before {
    content: '▸';
  }
  .ordinal {
    margin-inline-end: 0.3em;
  }
  .section-progress {
    display: inline;
    margin-inline-start: auto;
    font-size: 0.85em;
    font-weight: 400;
    color: var(--_xc-muted);
  }
  xc-checklist-item {
    display: block;
    border-inline-start: 4px solid transparent;
    border-bottom: 1px solid #d0d7de;
    padding: var(--_xc-space) var(--_xc-space) var(--_xc-space) calc(var(--_xc-space) * 1.5);
  }
  .items {
    /* Skip layout and paint of groups far off screen (find-in-page still reaches them).
       Per group rather than per item: the browser then tracks tens of boxes, not thousands. */
    content-visibility: auto;
  }
  xc-checklist-item[data-problem] {
    border-inline-start-color: var(--_xc-problem);
  }
  xc-checklist-item[data-invalid] {
    border-inline-start-color: var(--_xc-error);
    background: #fff5f5;
  }
  .point {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .point-text {
    /* A legend sizes to its content: kept within the fieldset (whose own min-width is 0). */
    max-width: 100%;
    padding: 0;
    font-weight: 600;
    margin: 0 0 4px;
  }
  .point-no {
    color: var(--_xc-muted);
    margin-inline-end: 0.2em;
  }
  /* Guidance after the check point, not part of it. */
  .point-hint {
    color: var(--_xc-muted);
    margin: 0 0 4px;
    font-size: 0.9375em;
  }
  .hint-label {
    font-weight: 600;
  }
  /* Data text never turns its neighbours around (a right-to-left override in it stays inside). */
  bdi {
    unicode-bidi: isolate;
  }
  /* Below a portal's sticky header when focused after a failed submit. */
  .error-summary {
    scroll-margin-top: var(--xc-scroll-margin-top, var(--xc-sticky-top, 0px));
  }
  .findings {
    display: flex;
    flex-wrap: wrap;
  }
  .finding {
    display: inline-flex;
    align-items: center;
    margin-inline-end: calc(var(--_xc-space) * 3);
    min-height: 2em;
    cursor: pointer;
  }
  .finding input,
  .field input[type='checkbox'],
  .field input[type='radio'] {
    width: 1.15em;
    height: 1.15em;
    margin: 0 0.35em 0 0;
    accent-color: var(--_xc-primary);
  }
  .details {
    margin-top: 4px;
    padding-inline-start: calc(var(--_xc-space) * 1.5);
    border-inline-start: 2px solid #d0d7de;
  }
  .field {
    margin: var(--_xc-space) 0;
  }
  .field > label {
    display: block;
    font-weight: 600;
  }
  fieldset.field {
    min-width: 0;
    border: 0;
    padding: 0;
  }
  fieldset.field > legend {
    font-weight: 600;
    padding: 0;
  }
  .field.inline label {
    display: inline-flex;
    align-items: center;
    margin-inline-end: calc(var(--_xc-space) * 2);
    min-height: 2em;
  }
  .optional {
    font-weight: 400;
    color: var(--_xc-muted);
  }
  textarea {
    field-sizing: content;
    min-height: 3.5em;
  }
  /* A note starts as one line and grows with its text. */
  textarea[data-field='notes'] {
    min-height: 0;
    resize: vertical;
  }
  .evidence-row {
    border: 1px dashed var(--_xc-border);
    padding: 4px var(--_xc-space);
    margin: 4px 0;
    min-width: 0;
  }
  .ev-grid {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
  }
  .ev-grid > label {
    display: flex;
    flex-direction: column;
    flex: 1 1 12em;
    min-width: 0;
    margin: 0 var(--_xc-space) 4px 0;
    font-weight: 400;
  }
  .ev-label {
    white-space: nowrap;
  }
  .ev-grid > .remove {
    margin-bottom: 4px;
  }
  /* The link's error on a line of its own under the fields, never beside the remove button. */
  .ev-grid > .field-error {
    order: 1;
    flex: 1 0 100%;
    margin: 0 0 4px;
  }
  .readonly dl {
    margin: 0;
    display: grid;
    grid-template-columns: max-content 1fr;
    column-gap: calc(var(--_xc-space) * 2);
  }
  .readonly dt {
    color: var(--_xc-muted);
  }
  .readonly dd {
    margin: 0;
  }
  .readonly ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .pre {
    white-space: pre-wrap;
  }
  .unanswered {
    color: var(--_xc-warn);
    font-weight: 600;
  }
  .match-count {
    color: var(--_xc-muted);
  }
  .kept-aside {
    border: 2px dashed var(--_xc-warn);
    padding: var(--_xc-space);
  }
  .print-header,
  .print-head {
    display: none;
  }
  .wp-header {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    margin: var(--_xc-space) 0 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: 4px calc(var(--_xc-space) * 2);
  }
  .wp-header legend {
    font-weight: 600;
  }
  .wp-field label,
  .wp-field dt {
    display: block;
  }
  .wp-field dt {
    color: var(--_xc-muted);
  }
  .wp-field dd {
    margin: 0;
    min-height: 1.6em;
  }
  .wp-field input {
    width: 100%;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: 2px 6px;
  }
  .return-comment {
    border-inline-start: 4px solid var(--_xc-warn);
    background: var(--_xc-bg-alt);
    padding: 4px var(--_xc-space);
    margin: 4px 0;
    white-space: pre-wrap;
  }
  /* A short viewport (200 % zoom of a laptop screen) has no room for a bar that stays:
     it would hold over a third of the height above the check points. */
  @media (max-height: 30em) {
    .bar {
      position: static;
    }
  }
  @media print {
    :host {
      font-size: 11pt;
      color: #000;
    }
    .bar .tools,
    .keys,
    .banner,
    .error-summary,
    button.add,
    button.remove,
    .match-count {
      display: none !important;
    }
    .bar {
      position: static;
      border: 0;
      background: none;
      padding: 0;
    }
    .wp-header {
      display: none;
    }
    .print-head {
      display: table;
      width: 100%;
      border-collapse: collapse;
      margin: 4px 0 8px;
    }
    .print-head th,
    .print-head td {
      border: 1px solid #000;
      padding: 2px 6px;
      text-align: start;
    }
    .print-head th {
      white-space: nowrap;
      width: 7em;
    }
    .print-header {
      display: block;
      position: fixed;
      top: 0;
      right: 0;
      font-size: 9pt;
      color: #444;
    }
    .section-body[hidden],
    .items[hidden] {
      display: block !important;
    }
    .section-title button::before,
    .group-title button::before {
      content: none;
    }
    .items {
      content-visibility: visible;
    }
    xc-checklist-item {
      break-inside: avoid;
    }
    .section {
      break-before: auto;
    }
    .section-title {
      break-after: avoid;
    }
  }
`;

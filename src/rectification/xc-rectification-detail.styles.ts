/** The CSS as text (a tag, so the build squeezes it like lit's `css`): this file imports nothing from lit, which keeps lit in one file of the standalone build. */
const css = (s: TemplateStringsArray): string => s.join('');

/**
 * Styles of the detail panel (`<xc-rectification-detail>`), which renders into the tracker's
 * shadow root: the panel adds them there when its code has loaded, so a page that never opens
 * an item does not download them.
 */
export const detailStyles = css`
  /* detail dialog */
  dialog.detail {
    width: 60em;
    max-width: 96vw;
    max-height: 92vh;
    padding: 0;
    border: 2px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    color: var(--_xc-fg);
    background: var(--_xc-bg);
    overflow: auto;
  }
  dialog.detail::backdrop {
    background: rgba(0, 0, 0, 0.45);
  }
  .d-head {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    background: var(--_xc-bg-alt);
    border-bottom: 1px solid var(--_xc-border);
    padding: var(--_xc-space) calc(var(--_xc-space) * 2);
  }
  .d-head > * {
    margin-inline-end: var(--_xc-space);
  }
  .d-head h2 {
    font-size: 1.25em;
    margin: 0 var(--_xc-space) 0 0;
  }
  .d-close {
    margin-inline-start: auto;
  }
  .d-message:empty {
    display: none;
  }
  .d-message {
    margin: var(--_xc-space) calc(var(--_xc-space) * 2) 0;
    padding: 4px var(--_xc-space);
    border-left: 4px solid var(--_xc-ok);
    background: var(--_xc-bg-alt);
  }
  .d-body {
    padding: 0 calc(var(--_xc-space) * 2) calc(var(--_xc-space) * 2);
  }
  .d-section {
    border-top: 1px solid var(--_xc-border);
    padding-top: 4px;
    margin-top: var(--_xc-space);
  }
  .d-section:first-child {
    border-top: 0;
  }
  .d-section h3 {
    font-size: 1.05em;
    margin: 4px 0;
  }
  .d-field {
    display: grid;
    grid-template-columns: 9em minmax(0, 1fr);
    grid-gap: 4px var(--_xc-space);
    align-items: start;
    margin: 4px 0;
  }
  .d-field > label,
  .d-field > .d-label {
    color: var(--_xc-muted);
    padding-top: 4px;
  }
  .d-field > .field-error {
    grid-column: 2;
  }
  .d-field > input,
  .d-field > select,
  .d-field > textarea,
  .d-field > .d-progress,
  .d-field > .measure-tools {
    grid-column: 2;
  }
  .d-field > .d-value {
    padding-top: 4px;
  }
  .d-field input[type='text'] {
    width: 100%;
  }
  .d-progress input {
    width: 6em;
    margin-inline-end: var(--_xc-space);
  }
  ol.measures {
    padding-inline-start: 1.6em;
    margin: 4px 0;
  }
  ul.measures.edit {
    list-style: none;
    padding: 0;
    margin: 4px 0;
  }
  ul.measures.edit li {
    margin-bottom: var(--_xc-space);
  }
  .measure-tools {
    grid-column: 2;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
  }
  /* A measure's 责任人 and 时限: label and control pairs, wrapping on narrow panels (no flex gap: Chromium 78). */
  .measure-details {
    grid-column: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    margin: 4px 0;
  }
  .measure-details label {
    margin-inline-end: 4px;
  }
  .measure-details input {
    margin-inline-end: calc(var(--_xc-space) * 2);
    margin-bottom: 4px;
  }
  .measure-details input[type='text'] {
    width: 8em;
  }
  .measure-who {
    color: var(--_xc-muted);
  }
  table.log th[scope='row'] {
    text-align: start;
    font-weight: normal;
  }
  .d-acc-parties,
  .d-acc-result {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_xc-space);
  }
  .d-acc-parties label,
  .d-acc-result label {
    display: inline-flex;
    align-items: center;
    margin-inline-end: calc(var(--_xc-space) * 2);
  }
  .measure-tools .done {
    display: inline-flex;
    align-items: center;
    margin-inline-end: calc(var(--_xc-space) * 2);
  }
  .done-mark {
    color: var(--_xc-ok);
  }
  .evidence-row {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    margin: 4px 0 var(--_xc-space);
    display: grid;
    grid-template-columns: 9em minmax(0, 1fr);
    grid-gap: 4px var(--_xc-space);
    align-items: center;
  }
  .evidence-row legend {
    font-weight: 600;
  }
  .evidence-row > .field-error,
  .evidence-row > button {
    grid-column: 1 / -1;
    justify-self: start;
  }
  ul.evidence {
    margin: 4px 0;
  }
  .d-current {
    margin: 4px 0;
  }
  .actions > button {
    margin: 0 var(--_xc-space) 4px 0;
  }
  .action-form {
    border: 2px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg-alt);
    padding: var(--_xc-space);
    margin: var(--_xc-space) 0;
  }
  .action-form > button {
    margin: 4px var(--_xc-space) 0 0;
  }
  .action-title {
    font-weight: 700;
    margin: 0 0 4px;
  }
  table.history,
  table.log {
    width: 100%;
    border-collapse: collapse;
  }
  table.history th,
  table.history td,
  table.log th,
  table.log td {
    border: 1px solid var(--_xc-border);
    padding: 4px 8px;
    text-align: start;
    vertical-align: top;
  }
  table.history thead th,
  table.log thead th {
    background: var(--_xc-bg-alt);
  }

  @media (max-width: 40em) {
    .d-field,
    .evidence-row {
      grid-template-columns: minmax(0, 1fr);
    }
    .d-field > * {
      grid-column: 1 !important;
    }
  }
`;

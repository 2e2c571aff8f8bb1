/** Styles of <xc-template-editor>: the editing column and the preview beside it (below on narrow screens). */
import { css } from 'lit';

export const templateEditorStyles = css`
  .layout {
    display: block;
  }
  @media (min-width: 64em) {
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) var(--xc-template-editor-preview-width, 40%);
      grid-column-gap: calc(var(--_xc-space) * 3);
      align-items: start;
    }
    .preview {
      position: sticky;
      top: 0;
      max-height: 100vh;
      overflow: auto;
    }
  }
  .title {
    font-size: 1.3em;
    margin: 0 0 4px;
  }
  h3 {
    font-size: 1.1em;
    margin: calc(var(--_xc-space) * 2) 0 var(--_xc-space);
  }
  h4,
  h5,
  h6,
  .node-label {
    font-size: 1em;
    margin: 0 0 4px;
    color: var(--_xc-muted);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    margin: var(--_xc-space) 0;
  }
  /* Margins, not flex gap: Chromium 78 (the standalone floor) has no gap in flex layouts. */
  .toolbar > *,
  .node-tools > *,
  .import-tools > *,
  .adds > * {
    margin: 0 var(--_xc-space) 4px 0;
  }
  fieldset {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    margin: 0 0 var(--_xc-space);
    padding: 4px var(--_xc-space) var(--_xc-space);
  }
  .langs {
    display: inline-block;
    border: none;
    padding: 0;
    margin: 0 var(--_xc-space) 4px 0;
  }
  .langs legend {
    float: left;
    margin-right: var(--_xc-space);
    padding: 0;
  }
  .langs label {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    margin-right: var(--_xc-space);
  }
  .status {
    display: flex;
    align-items: center;
    min-height: 1.6em;
  }
  .status p {
    margin: 0 var(--_xc-space) 0 0;
  }
  .field {
    margin: 0 0 4px;
  }
  .field > label {
    display: block;
    font-weight: 600;
  }
  .field input[type='text'] {
    width: 100%;
  }
  .field input.ordinal {
    width: 6em;
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
  }
  .fields > .field {
    margin-right: var(--_xc-space);
  }
  .fields > .grow {
    flex: 1 1 12em;
  }
  .node {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    margin: 0 0 var(--_xc-space);
  }
  .section {
    background: var(--_xc-bg-alt);
  }
  .group,
  .item {
    background: var(--_xc-bg);
  }
  /* Skip layout and paint of groups far off screen (a 2,000-check-point template opens in a
     fraction of the time); per group, so the browser tracks tens of boxes, not thousands. */
  .group,
  .section > .items {
    content-visibility: auto;
    contain-intrinsic-size: auto 1200px;
  }
  .items {
    list-style: none;
    padding: 0;
    margin: var(--_xc-space) 0;
  }
  .node-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
  }
  .handle {
    cursor: grab;
    font-size: 1.25em;
    padding: 0 4px;
    user-select: none;
    color: var(--_xc-muted);
  }
  .lists ol {
    padding-inline-start: 1.4em;
    margin: 0 0 4px;
  }
  .lists li {
    margin-bottom: 4px;
  }
  .lists li input[type='text'] {
    width: 60%;
  }
  .rule,
  .problem {
    display: flex;
    align-items: center;
    min-height: 24px;
  }
  .import textarea {
    width: 100%;
  }
  .unplaced {
    max-height: 12em;
    overflow: auto;
  }
  .command {
    width: 100%;
    font-family: ui-monospace, 'SFMono-Regular', Consolas, monospace;
  }
  .preview {
    border-top: 1px solid var(--_xc-border);
    margin-top: calc(var(--_xc-space) * 2);
  }
  @media (min-width: 64em) {
    .preview {
      border-top: none;
      border-left: 1px solid var(--_xc-border);
      padding-left: calc(var(--_xc-space) * 2);
      margin-top: 0;
    }
  }
  @media print {
    .group,
    .section > .items {
      content-visibility: visible;
    }
    .toolbar,
    .node-tools,
    .adds,
    .add,
    .import,
    .precompile,
    .preview {
      display: none;
    }
  }
`;

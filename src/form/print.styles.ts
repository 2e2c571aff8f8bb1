/** The CSS as text (a tag, so the build squeezes it like lit's `css`): this file imports nothing from lit, which keeps lit in one file of the standalone build. */
const css = (s: TemplateStringsArray): string => s.join('');

/**
 * The A4 print layout's styles (and what printing hides): they join the form's shadow root with
 * the print layout's code, which loads after the first frame.
 */
export const printStyles = css`
  /* Print / A4 layout */
  .print-view {
    display: none;
    color: #000;
    font-size: 11pt;
    line-height: 1.7;
  }
  .print-view.preview {
    display: block;
    max-width: 210mm;
    margin: 0 auto;
    padding: 18mm 16mm;
    border: 1px solid #d0d7de;
    background: #fff;
  }
  .p-head {
    text-align: center;
    margin-bottom: 6mm;
  }
  .p-title {
    font-size: 18pt;
    margin: 0;
    letter-spacing: 0.1em;
  }
  .p-no,
  .p-secret {
    margin: 0;
  }
  .p-secret {
    text-align: start;
    font-weight: 700;
  }
  .p-sec h2 {
    font-size: 12pt;
    margin: 4mm 0 1mm;
    border-bottom: 1px solid #000;
  }
  .p-row {
    display: grid;
    grid-template-columns: 8.5em 1fr;
    column-gap: 3mm;
    break-inside: avoid;
  }
  .p-label {
    font-weight: 700;
  }
  .p-value {
    white-space: pre-wrap;
  }
  .p-item {
    margin-bottom: 2mm;
  }
  .p-item-title {
    margin: 2mm 0 0;
    font-weight: 700;
  }
  .p-lines > span {
    display: block;
    height: 8mm;
    border-bottom: 1px solid #000;
  }
  .p-choice {
    display: inline-block;
    margin-inline-end: 6mm;
  }
  .p-box {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border: 1px solid #000;
    margin-inline-end: 1.5mm;
    vertical-align: -0.1em;
  }
  .p-sign {
    margin-top: 10mm;
    break-inside: avoid;
  }
  .sig {
    display: flex;
    align-items: flex-end;
    margin-top: 8mm;
  }
  .sig > * + * {
    margin-inline-start: 2mm;
  }
  .sig-line {
    flex: 1;
    border-bottom: 1px solid #000;
    min-height: 1.5em;
  }
  .sig-line.short {
    flex: 0 0 30mm;
  }
  .p-foot {
    margin-top: 8mm;
    font-size: 8pt;
    word-break: break-all;
  }
  @media print {
    .print-view {
      display: block;
    }
    .section,
    .item {
      content-visibility: visible;
    }
    .print-view ~ .screen,
    .actions,
    .banner,
    .error-summary,
    .item-tools,
    .array-tools,
    button {
      display: none !important;
    }
    .print-view.preview {
      border: 0;
      padding: 0;
      max-width: none;
    }
  }
`;

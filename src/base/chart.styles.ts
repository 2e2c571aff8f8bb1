/**
 * The box of a bar chart drawn as inline SVG (a `<figure class="chart">` with its `<figcaption>`
 * and `<svg>`), shared by the round figures' and the ledger summary's charts; each adds the
 * colours of its own bars after it. Lit's `css` (already in every page's shared first file): an
 * element lists it in its styles, a stylesheet made of text takes its `cssText`.
 */
import { css } from 'lit';

/** `.chart` with its caption and drawing: border, padding, caption weight, the SVG scaled to its box. */
export const chartBoxStyles = css`
  .chart {
    margin: 0;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    padding: var(--_xc-space);
    background: var(--_xc-bg);
  }
  .chart figcaption {
    font-weight: 600;
    margin-bottom: 4px;
  }
  .chart svg {
    display: block;
    width: 100%;
    height: auto;
    font-size: 12px;
    overflow: visible;
  }
  .chart svg text {
    fill: currentColor;
  }
`;

import { css } from 'lit';

/**
 * Design tokens shared by every element. Each private `--_xc-*` variable falls
 * back to a public `--xc-*` token, so a portal themes everything by setting a few
 * custom properties on any ancestor. Only system font families are named; no web
 * fonts are loaded.
 */
export const tokens = css`
  :host {
    --_xc-font: var(--xc-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif);
    --_xc-size: var(--xc-font-size, 16px);
    --_xc-fg: var(--xc-color-text, #1f2328);
    --_xc-muted: var(--xc-color-muted, #57606a);
    --_xc-bg: var(--xc-color-surface, #ffffff);
    --_xc-bg-alt: var(--xc-color-surface-alt, #f6f8fa);
    --_xc-border: var(--xc-color-border, #8c959f);
    --_xc-primary: var(--xc-color-primary, #b3261e);
    --_xc-primary-fg: var(--xc-color-on-primary, #ffffff);
    --_xc-focus: var(--xc-color-focus, #ffbf47);
    --_xc-error: var(--xc-color-error, #b3261e);
    --_xc-ok: var(--xc-color-success, #1a7f37);
    --_xc-warn: var(--xc-color-warning, #9a6700);
    --_xc-radius: var(--xc-radius, 4px);
    --_xc-space: var(--xc-space, 8px);
    display: block;
    font-family: var(--_xc-font);
    font-size: var(--_xc-size);
    line-height: 1.6;
    color: var(--_xc-fg);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg);
    padding: 4px 12px;
    min-height: 2.25em;
  }
  button.primary {
    background: var(--_xc-primary);
    color: var(--_xc-primary-fg);
    border-color: var(--_xc-primary);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input[type='text'],
  input[type='search'],
  input[type='url'],
  input[type='email'],
  input[type='date'],
  input[type='datetime-local'],
  input[type='time'],
  input[type='number'],
  select,
  textarea {
    border: 1px solid var(--_xc-border);
    border-radius: var(--_xc-radius);
    background: var(--_xc-bg);
    padding: 4px 8px;
    min-height: 2.25em;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  /* The light ring alone has too little contrast on a light page (WCAG 1.4.11): a dark
     inner ring in the text colour goes between the control and it. */
  :focus {
    outline: 3px solid var(--_xc-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_xc-fg);
  }
  /* Browsers that know :focus-visible drop the ring after a mouse click; Chromium < 86
     drops this whole rule and keeps the ring above for every focus. */
  :focus:not(:focus-visible) {
    outline: none;
    box-shadow: none;
  }
  [aria-invalid='true'] {
    border-color: var(--_xc-error);
    border-width: 2px;
  }
  .field-error {
    color: var(--_xc-error);
    font-weight: 600;
    margin: 2px 0;
  }
  .hint {
    color: var(--_xc-muted);
    margin: 0 0 4px;
  }
  .banner {
    border: 2px solid var(--_xc-border);
    border-left-width: 6px;
    padding: var(--_xc-space) calc(var(--_xc-space) * 2);
    margin: var(--_xc-space) 0;
    background: var(--_xc-bg-alt);
  }
  .banner.warn {
    border-color: var(--_xc-warn);
  }
  .banner button {
    margin-inline-end: var(--_xc-space);
  }
  .error-summary {
    border: 3px solid var(--_xc-error);
    padding: calc(var(--_xc-space) * 2);
    margin: var(--_xc-space) 0 calc(var(--_xc-space) * 2);
    background: var(--_xc-bg);
  }
  .error-summary:focus {
    outline: 3px solid var(--_xc-focus);
    box-shadow: 0 0 0 2px var(--_xc-fg);
  }
  .error-summary h2 {
    font-size: 1.15em;
    margin: 0 0 var(--_xc-space);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_xc-error);
    font-weight: 600;
  }
  .load-error {
    border: 3px solid var(--_xc-error);
    padding: calc(var(--_xc-space) * 2);
  }
  .load-error ul {
    margin: var(--_xc-space) 0 0;
  }
`;

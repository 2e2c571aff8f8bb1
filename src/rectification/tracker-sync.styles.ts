/** The CSS as text (a tag, so the build squeezes it like lit's `css`): this file imports nothing from lit, which keeps lit in one file of the standalone build. */
const css = (s: TemplateStringsArray): string => s.join('');

/**
 * Styles of the "changed by someone else" banner, which renders into the ledger's shadow root:
 * adopted there when the banner's code loads, so a page that never meets a conflict does not
 * download them.
 */
export const syncStyles = css`
  /* "Changed by someone else": one choice per conflicting field, values wrapping whole. */
  .sync-conflict:focus {
    outline: 3px solid var(--_xc-focus);
    box-shadow: 0 0 0 2px var(--_xc-fg);
  }
  .sync-choice {
    border: 1px solid var(--_xc-border);
    margin: var(--_xc-space) 0;
    padding: var(--_xc-space);
  }
  .sync-choice label {
    display: block;
    margin: 2px 0;
  }
  .sync-choice input {
    margin-inline-end: 6px;
  }
  .sync-value {
    overflow-wrap: anywhere;
  }
`;

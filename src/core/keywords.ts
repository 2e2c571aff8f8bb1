/**
 * The `x-xc-*` annotation keywords (see schemas/README.md). Validators ignore them;
 * the elements read them to choose widgets, messages and visibility.
 * Keep in sync with scripts/precompile-lib.mjs.
 */
export const XC_KEYWORDS = [
  'x-xc-widget', 'x-xc-messages', 'x-xc-hidden', 'x-xc-order', 'x-xc-placeholder',
  'x-xc-rows', 'x-xc-help', 'x-xc-print', 'x-xc-group', 'x-xc-add-label', 'x-xc-item-title',
  'x-xc-i18n', 'x-xc-source', 'x-xc-readonly-after-sign', 'x-xc-confidential', 'x-xc-retired',
] as const;

/**
 * The `@page` rule of a printed `<xc-form>`: A4 with its margins, 第 n 页 共 m 页 at the bottom
 * right and the form's footer at the bottom left (where Chromium supports page-margin boxes).
 */
import type { Messages } from '../core/i18n.js';

/** A CSS string of `s`: quotes and backslashes escaped, line breaks as spaces. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r]+/g, ' ')}"`;

/** A4 page rules with page numbers and `footer`. */
export function pageRule(t: Messages, footer: string): string {
  return (
    `@page{size:A4;margin:18mm 16mm 20mm;@bottom-right{content:"${t.formPageOf('" counter(page) "', '" counter(pages) "')}";font-size:9pt}` +
    `${footer ? `@bottom-left{content:${cssString(footer)};font-size:7pt}` : ''}}`
  );
}

/**
 * Printing a record on its paper: `@page` works only at document level (a shadow root's `@page`
 * is ignored), so while the browser prints, the element adopts its page rule into the document
 * and drops it afterwards. One controller for every printable element: it listens to
 * `beforeprint` / `afterprint` while its element is connected and runs the element's own steps
 * (draw every row, a print-only layout) around the page rule.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A4 with the margins most records print with. */
export const A4_PAGE = '@page{size:A4;margin:20mm 18mm}';

/** Options of {@link PrintPageController}. */
export interface PrintPageOptions {
  /** The page rule (CSS text of one or more `@page` rules), read when printing starts; '' for none. */
  rule?: string | (() => string);
  /** Run before printing, after the rule is adopted (e.g. draw every chunk, switch to the print layout). */
  before?: () => void;
  /** Run after printing, after the rule is dropped. */
  after?: () => void;
}

type DocWithSheets = Document & { adoptedStyleSheets?: CSSStyleSheet[] };

/** Adopts an element's page rule into the document while the page prints. */
export class PrintPageController implements ReactiveController {
  private sheet?: CSSStyleSheet;

  constructor(host: ReactiveControllerHost, private readonly options: PrintPageOptions = {}) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('beforeprint', this.before);
    addEventListener('afterprint', this.after);
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this.before);
    removeEventListener('afterprint', this.after);
    this.adopt(false);
  }

  private readonly before = (): void => {
    this.adopt(true);
    this.options.before?.();
  };

  private readonly after = (): void => {
    this.adopt(false);
    this.options.after?.();
  };

  /** Put this element's page rule into the document (or take it out). */
  private adopt(on: boolean): void {
    const doc = document as DocWithSheets;
    if (!doc.adoptedStyleSheets) return;
    const rest = doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    const rule = typeof this.options.rule === 'function' ? this.options.rule() : (this.options.rule ?? A4_PAGE);
    if (on && rule) {
      try {
        this.sheet ??= new CSSStyleSheet();
        this.sheet.replaceSync(rule);
        rest.push(this.sheet);
      } catch {
        /* no constructable stylesheets: the browser's own page size applies */
      }
    }
    if (rest.length !== doc.adoptedStyleSheets.length || on) doc.adoptedStyleSheets = rest;
  }
}

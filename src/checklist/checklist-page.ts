/**
 * How `<xc-checklist>` sits in its page, as a controller of the checklist: the sticky summary bar's
 * height kept for the list's scroll margins (focus scrolls in below the bar, not under it), a text
 * box scrolled clear of the bar when it takes focus, and every check point rendered before the page
 * is printed.
 * @internal
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { StickyOffsetController } from '../base/sticky-offset.js';

export class ChecklistPage implements ReactiveController {
  private readonly _sticky: StickyOffsetController;

  /** @param renderAll renders every check point now (before printing). */
  constructor(
    host: ReactiveElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly renderAll: () => void,
  ) {
    host.addController(this);
    this._sticky = new StickyOffsetController(host, [{ selector: '.bar', property: '--_xc-bar-h' }], '.list');
  }

  hostConnected(): void {
    addEventListener('beforeprint', this.renderAll);
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this.renderAll);
  }

  /** A text box scrolls only its caret into view on focus, which can leave its top under the sticky bar (a `focusin` listener of the list). */
  readonly onFocusIn = (e: FocusEvent): void => {
    const target = e.composedPath()[0];
    if (!(target instanceof HTMLTextAreaElement)) return;
    requestAnimationFrame(() => {
      const bar = this._sticky.stickyBar();
      if (bar && target.getBoundingClientRect().top < bar.getBoundingClientRect().bottom) target.scrollIntoView({ block: 'nearest' });
    });
  };
}

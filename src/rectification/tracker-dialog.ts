/**
 * The ledger element's detail dialog, as a reactive controller: which item is open, loading the
 * panel's code the first time an item is opened, focus into the panel and back to the row (or
 * wherever it was) when the dialog closes, and the control an error summary's link leads to. The
 * panel inside is `xc-rectification-detail.ts`; the code that opens it comes with it (detail-open.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazy } from '../base/lazy.js';
import type { RectificationItem } from '../core/rectification-types.js';
import type { XcRectificationDetail } from './xc-rectification-detail.js';

/** Load (and register) the detail panel once, with the code that opens it. */
const loadDetail = lazy(() => import('./detail-open.js'));

/** What the controller needs of the ledger element. */
export interface DialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly shadowRoot: ShadowRoot | null;
  /** Whether the ledger has an item with this id. */
  hasItem(id: string): boolean;
  /** Focus the open button of this item's row, if the row is shown; false when it is not. */
  focusRow(id: string): boolean;
}

export class TrackerDialog implements ReactiveController {
  /** The item whose panel is open, or null. */
  openId: string | null = null;
  /** The panel's code while it loads (`updateComplete` waits for it). */
  loading: Promise<unknown> | null = null;
  /** Where focus goes back when the panel closes (if not to the item's row). */
  returnFocus: HTMLElement | null = null;

  constructor(readonly host: DialogHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The `<dialog>`, once rendered. */
  dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.detail');
  }

  /** The open panel, or null. */
  panel(): XcRectificationDetail | null {
    return this.dialog()?.querySelector<XcRectificationDetail>('xc-rectification-detail') ?? null;
  }

  /**
   * Open an item's panel (focus moves into it); false when there is no such item or its code did
   * not load. The code that opens it comes with the panel's (detail-open.ts).
   */
  async open(id: string): Promise<boolean> {
    if (!this.host.hasItem(id)) return false;
    const loading = loadDetail();
    this.loading = loading;
    let code;
    try {
      code = await loading;
    } catch {
      return false;
    } finally {
      this.loading = null;
    }
    return code.openPanel(this, id);
  }

  /** Close the panel (focus goes back where it was, when the dialog's close event comes). */
  close(): void {
    const dialog = this.dialog();
    if (dialog?.open) dialog.close();
  }

  /** The item is gone: forget it (the panel closes with the next render). */
  forget(): void {
    this.openId = null;
  }

  /**
   * The control an error (by its path, `items.3.deadline`) is about: the item's panel opens and
   * the field's control (or the panel's heading) is returned; the table for the ledger's own errors.
   */
  async controlFor(path: string, items: readonly RectificationItem[]): Promise<HTMLElement | undefined> {
    const root = this.host.renderRoot;
    const m = /^items\.(\d+)(?:\.(.+))?$/.exec(path);
    const id = m ? items[Number(m[1])]?.id : undefined;
    if (!id) return root.querySelector<HTMLElement>('.table-wrap') ?? undefined;
    await this.open(id);
    return this.panel()?.controlFor(m![2] ?? '') ?? root.querySelector<HTMLElement>('#detail-title') ?? undefined;
  }

  /** The dialog's `close` listener. */
  onClose = (e: Event): void => {
    // The close event comes a task later: the dialog may have been opened again since.
    if ((e.target as HTMLDialogElement).open) return;
    const id = this.openId;
    this.openId = null;
    this.host.requestUpdate();
    if (id && this.host.focusRow(id)) {
      // back on the item's row
    } else if (this.returnFocus?.isConnected) this.returnFocus.focus();
    else this.host.renderRoot.querySelector<HTMLElement>('.table-wrap')?.focus();
    this.returnFocus = null;
  };
}


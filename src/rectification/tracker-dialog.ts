/**
 * The ledger element's detail dialog, as a reactive controller: which item is open, loading the
 * panel's code the first time an item is opened, focus into the panel and back to the row (or
 * wherever it was) when the dialog closes. The panel itself is `xc-rectification-detail.ts`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazy } from '../base/lazy.js';
import type { XcRectificationDetail } from './xc-rectification-detail.js';

/** Load (and register) the detail panel once. */
const loadDetail: () => Promise<unknown> = lazy(() => import('./xc-rectification-detail.js'));

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
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly host: DialogHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.detail');
  }

  /** The open panel, or null. */
  panel(): XcRectificationDetail | null {
    return this.dialog()?.querySelector<XcRectificationDetail>('xc-rectification-detail') ?? null;
  }

  /** Open an item's panel (focus moves into it); false when there is no such item or its code did not load. */
  async open(id: string): Promise<boolean> {
    const host = this.host;
    if (!host.hasItem(id)) return false;
    const loading = loadDetail();
    this.loading = loading;
    try {
      await loading;
    } catch {
      return false;
    } finally {
      this.loading = null;
    }
    const active = host.shadowRoot?.activeElement as HTMLElement | null;
    if (!this.openId) this.returnFocus = active && !active.closest('dialog') ? active : null;
    const previous = this.openId;
    this.openId = id;
    host.requestUpdate();
    await host.updateComplete;
    const dialog = this.dialog();
    const detail = this.panel();
    if (!dialog || !detail) return false;
    if (!dialog.open) dialog.showModal();
    await detail.updateComplete;
    // Each item starts at the top of the panel (the dialog keeps its scroll position otherwise).
    if (previous !== id) dialog.scrollTop = 0;
    detail.focusHeading();
    return true;
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

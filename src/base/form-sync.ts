/**
 * The form value and validity of an element follow typing after a pause, not on every keystroke
 * (a long record's JSON costs more than a keystroke may), and at once when focus leaves the
 * element or the element leaves the page. One controller for every element that does this.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class DeferredFormSync implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param host the element (its `focusout` flushes).
   * @param run pushes the form value and validity (usually `syncForm()`).
   * @param delay the pause after the last change, in ms.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly run: () => void,
    private readonly delay = 250,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusout', this.flush);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusout', this.flush);
    this.flush();
  }

  /** Whether a sync is waiting. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Sync after the pause (a later call starts the pause again). */
  later(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, this.delay);
  }

  /** Sync now (a waiting sync is dropped). */
  now(): void {
    this.cancel();
    this.run();
  }

  /** Sync now if one is waiting. */
  readonly flush = (): void => {
    if (this.timer !== undefined) this.now();
  };

  /** Drop a waiting sync. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A sticky bar to measure and the custom property that gets its height. */
export interface StickyBar {
  /** Selector of the sticky element in the render root (the first match is measured). */
  selector: string;
  /** Custom property that receives its height in px (`0px` while it is not sticky). */
  property: string;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; hasUpdated: boolean };

/**
 * Keeps the heights of an element's sticky bars in custom properties on the elements named by
 * `targets`, so that the styles can use them as `scroll-margin-top`: a control reached by
 * Shift+Tab (or a jump) then scrolls in below the bars instead of under them. Written through
 * the CSSOM (a strict CSP forbids style attributes in markup, not CSSOM writes).
 * @internal
 */
export class StickyOffsetController implements ReactiveController {
  private _observer: ResizeObserver | null = null;
  private _observed: (HTMLElement | null)[] = [];
  private _targets: HTMLElement[] = [];

  constructor(
    private readonly host: Host,
    private readonly bars: readonly StickyBar[],
    private readonly targets: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.hasUpdated) this.hostUpdated();
    // A height-only window resize can switch a bar between sticky and static (media
    // queries on height) without resizing it, which the observer would not report.
    window.addEventListener('resize', this._onResize);
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this._onResize);
    this._observer?.disconnect();
    this._observed = [];
    this._targets = [];
  }

  /** After a render: when a bar or a target is a new element, observe again (the observer then reports at once). */
  hostUpdated(): void {
    if (typeof ResizeObserver === 'undefined') return;
    const root = this.host.renderRoot;
    const bars = this.bars.map((b) => root.querySelector<HTMLElement>(b.selector));
    const targets = [...root.querySelectorAll<HTMLElement>(this.targets)];
    const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (same(bars, this._observed) && same(targets, this._targets)) return;
    this._observed = bars;
    this._targets = targets;
    this._observer ??= new ResizeObserver(() => this._apply());
    this._observer.disconnect();
    for (const el of bars) if (el) this._observer.observe(el);
  }

  /** The `i`-th bar, when it is on the page and sticky. */
  stickyBar(i = 0): HTMLElement | null {
    const el = this._observed[i];
    return el && el.isConnected && getComputedStyle(el).position === 'sticky' ? el : null;
  }

  private readonly _onResize = (): void => this._apply();

  private _apply(): void {
    const values = this.bars.map((b, i) => [b.property, `${this.stickyBar(i)?.offsetHeight ?? 0}px`] as const);
    for (const t of this._targets) for (const [p, v] of values) if (t.style.getPropertyValue(p) !== v) t.style.setProperty(p, v);
  }
}

/**
 * Long lists rendered in chunks, as a reactive controller: the first entries come with the
 * first frame, the rest a chunk at a time, one task each, so a long list never blocks the page.
 * One policy for every element: timers, not animation frames — a page in a background tab gets
 * no frames, and its list must still be complete when the person comes back (or prints).
 * The host reads `limit` while rendering; each chunk asks the host for an update.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Wait before the first chunk after the first frame's entries: about one frame. */
const FIRST_DELAY = 16;

export class ChunkedRender implements ReactiveController {
  /** How many entries to render now. */
  limit: number;
  /** What the chunks grow `limit` toward. */
  private target = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param first entries rendered at once (before the first frame)
   * @param chunk entries added by each later task
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly first: number,
    private readonly chunk: number,
  ) {
    this.limit = first;
    host.addController(this);
  }

  /** A fresh list of `target` entries: the first chunk now, the rest in chunks. */
  restart(target: number): void {
    this.limit = Math.min(this.first, target);
    this.grow(target);
  }

  /** Grow `limit` toward `target` in chunks (from about a frame from now), keeping what is rendered. */
  grow(target: number): void {
    this.stop();
    this.target = target;
    if (this.limit >= target) return;
    const step = () => {
      this.timer = undefined;
      if (this.limit >= this.target) return;
      this.limit = Math.min(this.target, this.limit + this.chunk);
      this.host.requestUpdate();
      if (this.limit < this.target) this.timer = setTimeout(step, 0);
    };
    this.timer = setTimeout(step, FIRST_DELAY);
  }

  /** Everything up to `target` at once (before printing, focusing an entry); true when entries were added. The caller updates. */
  all(target = Infinity): boolean {
    this.stop();
    this.target = target;
    if (this.limit >= target) return false;
    this.limit = target;
    return true;
  }

  /** No more chunks (until the next `restart` or `grow`). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  hostConnected(): void {
    // Chunks stopped by a disconnect go on where they were.
    if (this.limit < this.target && this.timer === undefined) this.grow(this.target);
  }

  hostDisconnected(): void {
    this.stop();
  }
}

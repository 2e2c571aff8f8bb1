import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { canonicalJson, type Draft, type DraftStorage } from '../core/draft.js';

/** What the draft controller needs from its element. */
export interface DraftHost extends ReactiveControllerHost, HTMLElement {
  draftKey: string;
  readonly: boolean;
}

let windowId = '';
function thisWindow(): string {
  windowId ||= `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return windowId;
}

/**
 * Keeps drafts of an element's value: saves every change (debounced), flushes
 * when the page is hidden or closed, offers a newer draft for restore on load,
 * notices changes from another tab, and keeps working in memory when storage
 * fails (saying so once).
 */
export class DraftController implements ReactiveController {
  /** A stored draft that differs from what is shown, waiting for the person to restore or discard it. */
  offered: Draft | null = null;
  /** A newer draft written by another window while this one is open. */
  fromOtherTab: Draft | null = null;
  /** Storage refused a save: drafts are kept in memory only. */
  unavailable = false;
  /** When the last draft was saved (epoch ms), 0 if never. */
  lastSaved = 0;

  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _pending: Draft | null = null;
  private _unsubscribe?: () => void;
  private _checkedKey = '';

  constructor(
    private readonly host: DraftHost,
    private readonly options: {
      storage: () => DraftStorage;
      value: () => unknown;
      version?: () => string | undefined;
      /** Typing not (yet) in the value, saved beside it (`Draft.unsaved`) and given back on restore before the value. */
      unsaved?: { get: () => unknown; restore: (unsaved: unknown) => void };
      now: () => Date;
      delay?: number;
    },
  ) {
    host.addController(this);
    // A successful submit (the base's submit() fires `xc-submit` on the element itself) ends the
    // draft: what was handed in is not offered for restore next time.
    host.addEventListener('xc-submit', (e) => {
      if (e.target === host) this.submitted();
    });
  }

  hostConnected(): void {
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this._onVisibility);
  }

  hostDisconnected(): void {
    this.flush();
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this._onVisibility);
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._checkedKey = '';
  }

  private _onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  /**
   * Look for a stored draft once the element shows its value (call when the
   * template/schema is ready). Sets `offered` when the draft differs.
   */
  check(): void {
    const key = this.host.draftKey;
    if (!key || this._checkedKey === key) return;
    this._checkedKey = key;
    const storage = this.options.storage();
    let draft: Draft | null = null;
    try {
      draft = storage.load(key);
    } catch {
      draft = null;
    }
    this.offered = draft && !this._shows(draft) ? draft : null;
    this._unsubscribe?.();
    this._unsubscribe = storage.subscribe?.(key, (d) => {
      if (!d || d.writer === thisWindow()) return;
      if (this._shows(d)) return;
      this.fromOtherTab = d;
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
  }

  /** Record a change: saved after a short pause, or at once on flush. */
  changed(): void {
    if (!this.host.draftKey || this.host.readonly) return;
    if (this.offered) this._setAside(this.offered);
    this._pending = this._current();
    clearTimeout(this._timer);
    this._timer = setTimeout(this.flush, this.options.delay ?? 400);
  }

  /** Save what is pending now. */
  flush = (): void => {
    clearTimeout(this._timer);
    this._timer = undefined;
    const draft = this._pending;
    if (!draft || !this.host.draftKey) return;
    this._pending = null;
    try {
      this.options.storage().save(this.host.draftKey, draft);
      this.lastSaved = draft.savedAt;
      if (this.unavailable) {
        this.unavailable = false;
        this.host.requestUpdate();
      }
    } catch {
      // Keep it pending so the next flush tries again; say so once.
      this._pending = draft;
      if (!this.unavailable) {
        this.unavailable = true;
        this.host.requestUpdate();
      }
    }
  };

  /** The person chose the offered draft (or another tab's): returns its value. */
  take(which: 'offered' | 'other'): unknown {
    const d = which === 'offered' ? this.offered : this.fromOtherTab;
    this.offered = null;
    this.fromOtherTab = null;
    if (d) this.options.unsaved?.restore(d.unsaved);
    this.host.requestUpdate();
    return d?.value;
  }

  /** The person declined the offered draft: it is kept aside under `<key>~previous`, never silently lost. */
  decline(which: 'offered' | 'other'): void {
    const d = which === 'offered' ? this.offered : this.fromOtherTab;
    if (which === 'offered') this.offered = null;
    else this.fromOtherTab = null;
    if (d && which === 'offered') this._setAside(d);
    if (which === 'other') {
      // Write ours back so the other tab is told in turn.
      this._pending ??= this._current();
      this.flush();
    }
    this.host.requestUpdate();
  }

  /** Forget the stored draft (after a successful submit, for example). */
  clear(): void {
    clearTimeout(this._timer);
    this._pending = null;
    if (this.host.draftKey) {
      try {
        this.options.storage().remove(this.host.draftKey);
      } catch {
        /* nothing stored */
      }
    }
  }

  /**
   * The record was submitted: forget its draft, typing still waiting in the save pause
   * included. A draft that was on offer and never taken is kept aside (as when declined).
   */
  submitted(): void {
    if (this.offered) {
      this._setAside(this.offered);
      this.host.requestUpdate();
    }
    this.clear();
  }

  /** A draft of what is shown now. */
  private _current(): Draft {
    const draft: Draft = { value: this.options.value(), savedAt: this.options.now().getTime(), templateVersion: this.options.version?.(), writer: thisWindow() };
    const unsaved = this.options.unsaved?.get();
    if (unsaved !== undefined) draft.unsaved = unsaved;
    return draft;
  }

  /** Does the element show what this draft holds (value and unsaved typing)? */
  private _shows(d: Draft): boolean {
    return canonicalJson(d.value) === canonicalJson(this.options.value()) && canonicalJson(d.unsaved) === canonicalJson(this.options.unsaved?.get());
  }

  private _setAside(d: Draft): void {
    this.offered = null;
    try {
      this.options.storage().save(`${this.host.draftKey}~previous`, d);
    } catch {
      /* storage full: the offered draft stays where it was until overwritten */
    }
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { canonicalJson, isPromiseLike, type Draft, type DraftStorage } from '../core/draft.js';

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

/** Where a draft waits in localStorage while an asynchronous store has not confirmed it. */
const UNCONFIRMED = 'xc-draft-unconfirmed:';

function localCopy(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Keeps drafts of an element's value: saves every change (debounced), flushes
 * when the page is hidden or closed, offers a newer draft for restore on load,
 * notices changes from another tab, and keeps working in memory when storage
 * fails (saying so once). The storage may be synchronous (localStorage) or answer
 * with Promises (a server): a save in flight is mirrored in localStorage until the
 * store confirms it, and a copy found there at the next visit is offered (and sent again).
 */
export class DraftController implements ReactiveController {
  /** A stored draft that differs from what is shown, waiting for the person to restore or discard it. */
  offered: Draft | null = null;
  /** A newer draft written by another window while this one is open. */
  fromOtherTab: Draft | null = null;
  /** Storage refused a save: drafts are kept in memory only. */
  unavailable = false;
  /** A save could not reach the network (an asynchronous store): kept in this browser, sent again when back online. */
  offline = false;
  /** When the last draft was saved (epoch ms), 0 if never. */
  lastSaved = 0;

  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _pending: Draft | null = null;
  private _unsubscribe?: () => void;
  private _checkedKey = '';
  /** Counts saves, so that only the latest one's confirmation drops the local copy. */
  private _saveSeq = 0;
  /** Counts changes, so that a draft arriving late from an asynchronous store does not undo typing done meanwhile. */
  private _changes = 0;
  /** The draft last copied to `<key>~previous`. */
  private _aside?: Draft;

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
    addEventListener('online', this.flush);
    document.addEventListener('visibilitychange', this._onVisibility);
  }

  hostDisconnected(): void {
    this.flush();
    removeEventListener('pagehide', this.flush);
    removeEventListener('online', this.flush);
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
    let answer: Draft | null | PromiseLike<Draft | null> = null;
    try {
      answer = storage.load(key);
    } catch {
      answer = null;
    }
    const changes = this._changes;
    const settle = (stored: Draft | null) => {
      if (this._checkedKey !== key) return;
      // A copy an asynchronous store never confirmed (the page closed mid-save) is newer: offer it.
      const local = this._readUnconfirmed(key);
      const draft = local && (!stored || local.savedAt > stored.savedAt) ? local : stored;
      const differs = !!draft && !this._shows(draft);
      // Typing began before the draft arrived: a copy is set aside, and it is still offered.
      if (differs && this._changes !== changes) this._setAside(draft!);
      this.offered = differs ? draft : null;
      this.host.requestUpdate();
    };
    if (isPromiseLike<Draft | null>(answer)) answer.then(settle, () => settle(null));
    else settle(answer);
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
    this._changes++;
    // Typing now overwrites `<key>`: the offered draft is copied aside once and stays offered until the person chooses.
    const offered = this.offered;
    if (offered && this._aside !== offered) this._setAside(offered);
    this.offered = offered;
    this._pending = this._current();
    clearTimeout(this._timer);
    this._timer = setTimeout(this.flush, this.options.delay ?? 400);
  }

  /** Save what is pending now. */
  flush = (): void => {
    clearTimeout(this._timer);
    this._timer = undefined;
    const draft = this._pending;
    const key = this.host.draftKey;
    if (!draft || !key) return;
    this._pending = null;
    const saved = () => {
      this.lastSaved = draft.savedAt;
      if (this.unavailable || this.offline) {
        this.unavailable = this.offline = false;
        this.host.requestUpdate();
      }
    };
    const failed = (e?: unknown) => {
      // Keep it pending (unless newer typing is) so the next flush tries again; say so once.
      this._pending ??= draft;
      // The network, not the browser's storage: the local copy stays, and goes when back online.
      if (e instanceof TypeError) this.offline = true;
      else if (!this.unavailable) {
        this.unavailable = true;
        this.host.requestUpdate();
      }
    };
    try {
      const answer = this.options.storage().save(key, draft);
      if (isPromiseLike<void>(answer)) {
        // Until the store confirms, a copy waits in localStorage: closing the page now loses nothing.
        const seq = ++this._saveSeq;
        this._writeUnconfirmed(key, draft);
        answer.then(
          () => {
            if (seq === this._saveSeq) this._dropUnconfirmed(key);
            saved();
          },
          failed,
        );
      } else saved();
    } catch (e) {
      failed(e);
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
    const key = this.host.draftKey;
    if (key) {
      this._saveSeq++;
      this._dropUnconfirmed(key);
      try {
        const answer = this.options.storage().remove(key);
        if (isPromiseLike<void>(answer)) answer.then(undefined, () => undefined);
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
    this._aside = d;
    try {
      const answer = this.options.storage().save(`${this.host.draftKey}~previous`, d);
      if (isPromiseLike<void>(answer)) answer.then(undefined, () => undefined);
    } catch {
      /* storage full: the offered draft stays where it was until overwritten */
    }
  }

  private _writeUnconfirmed(key: string, d: Draft): void {
    try {
      localCopy()?.setItem(UNCONFIRMED + key, JSON.stringify(d));
    } catch {
      /* no local room: the save in flight is all there is */
    }
  }

  private _readUnconfirmed(key: string): Draft | null {
    try {
      const text = localCopy()?.getItem(UNCONFIRMED + key);
      const d = text ? (JSON.parse(text) as Draft) : null;
      return d && typeof d === 'object' && typeof d.savedAt === 'number' && 'value' in d ? d : null;
    } catch {
      return null;
    }
  }

  private _dropUnconfirmed(key: string): void {
    try {
      localCopy()?.removeItem(UNCONFIRMED + key);
    } catch {
      /* nothing kept */
    }
  }
}

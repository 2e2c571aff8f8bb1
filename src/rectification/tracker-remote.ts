/**
 * The ledger element's side of working with a server, as a reactive controller: the version last
 * saved there (what the person's changes are counted and merged from), and the state of the
 * "changed by someone else" banner, a refused save and saves waiting for the network.
 *
 * Only what every ledger needs is here (counting unsaved changes, taking another party's change
 * when the person has none). Merging, the banner and its strings are in `tracker-sync.ts`, loaded
 * the first time a conflict, a refusal or a waiting save has to be shown.
 */
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Messages } from '../core/i18n.js';
import { loadLocale } from '../core/i18n.js';
import { canonicalJson, type DraftStorage } from '../core/draft.js';
import type { MergeConflict } from '../core/ledger-merge.js';
import type { RectificationItem, RectificationLedger } from '../core/rectification-types.js';
import { readLedgerObject } from '../core/rectification/json.js';
import { lazy } from '../base/lazy.js';

type SyncModule = typeof import('./tracker-sync.js');
const loadSync: () => Promise<SyncModule> = lazy(() => import('./tracker-sync.js'));

/** What `receiveRemote` did with a version saved elsewhere. */
export type RemoteOutcome = 'applied' | 'merged' | 'conflict';

/** Why a change happened, as `xc-change` says. */
export type ChangeReason = 'edit' | 'transition' | 'add' | 'import' | 'restore';

/** A conflict being shown, with the three versions it came from. */
export interface OpenConflict {
  conflicts: readonly MergeConflict[];
  /** Keys (`conflictKey`) of the conflicts where the person keeps their own value. */
  keepMine: Set<string>;
  base: RectificationLedger | null;
  mine: RectificationLedger;
  theirs: RectificationLedger;
  merged: RectificationLedger;
  /**
   * Which side is the ledger shown while the banner waits, and so goes on taking the person's typing:
   * `mine` for a stale save or a clashing remote change, `theirs` when a kept copy is being got back.
   */
  live: 'mine' | 'theirs';
}

/** A save the server refused: the item and the server's reasons. */
export interface RefusedSave {
  itemId: string;
  reasons: { code: string; message?: string }[];
}

/** What the controller needs of the ledger element. */
export interface RemoteHost extends ReactiveControllerHost {
  /** The ledger shown (a copy), or null when it could not be read. */
  readonly value: RectificationLedger | null;
  /** The ledger shown as the element holds it (not copied), or null. */
  readonly shownLedger: RectificationLedger | null;
  readonly t: Messages;
  readonly effectiveLang: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly shadowRoot: ShadowRoot | null;
  /** Adopt a version as given (when it cannot be merged with what is shown). */
  adoptValue(v: RectificationLedger): void;
  /** Show another version without disturbing the person (same filters, rows shown and focus). */
  applyKeeping(next: RectificationLedger): void;
  /** After a change: drafts, summary, form value and `xc-change`. */
  itemChanged(itemId: string | null, reason: ChangeReason): void;
  /** The stored draft follows the ledger shown (no `xc-change`). */
  draftChanged(): void;
  /** The element's draft key ('' for none): a copy of the person's version is kept under `<draft-key>~mine`. */
  readonly draftKey: string;
  /** Where drafts go, and the clock. */
  readonly env: { readonly drafts: DraftStorage; now(): Date };
  /** Typing not in the ledger yet (edits the rules refused), as the draft keeps it beside the ledger. */
  unsavedTyping(): unknown;
  /** Say something politely to screen readers. */
  announce(text: string): void;
  /** The number people read for an item. */
  numberOf(id: string): string;
}

/** A shallow copy that later edits (which replace items, never change them in place) do not reach. */
export const snapshot = (l: RectificationLedger): RectificationLedger => ({ ...l, items: [...l.items] });
const membersOf = (l: RectificationLedger | null) => (l ? canonicalJson({ ...l, items: undefined }) : '');

export class TrackerRemote implements ReactiveController {
  /** The ledger as last saved elsewhere (the server): what the person's changes are measured from. */
  baseline: RectificationLedger | null = null;
  /** "Changed by someone else" being shown. */
  conflict: OpenConflict | null = null;
  /** The person's changes set aside by a reload or a refusal, to be got back. */
  kept: { base: RectificationLedger | null; mine: RectificationLedger } | null = null;
  /** A save the server refused (see `showRefused`). */
  refused: RefusedSave | null = null;
  /** How many items' saves wait for the network. */
  pending = 0;
  /** Where focus was before the banner took it. */
  returnFocus: HTMLElement | null = null;
  /** The banner's module, once loaded. */
  sync: SyncModule | null = null;

  constructor(readonly host: RemoteHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The version given by the host is what was saved. */
  markSynced(ledger: RectificationLedger | null): void {
    this.baseline = ledger ? snapshot(ledger) : null;
  }

  markItemSynced(item: RectificationItem): void {
    const items = [...(this.baseline?.items ?? [])];
    const i = items.findIndex((x) => x.id === item.id);
    if (i >= 0) items[i] = item;
    else items.push(item);
    this.baseline = { ...(this.baseline ?? this.host.shownLedger ?? { version: 1 }), items } as RectificationLedger;
  }

  unsyncedItemIds(): string[] {
    const shown = this.host.shownLedger;
    if (!shown) return [];
    const base = new Map((this.baseline?.items ?? []).map((i) => [i.id, i]));
    return shown.items
      .filter((i) => {
        const b = base.get(i.id);
        return b !== i && (!b || canonicalJson(b) !== canonicalJson(i));
      })
      .map((i) => i.id);
  }

  hasUnsyncedChanges(): boolean {
    return this.unsyncedItemIds().length > 0 || membersOf(this.host.shownLedger) !== membersOf(this.baseline);
  }

  /** The banner's code and strings (in the element's language). */
  async load(): Promise<SyncModule> {
    const first = !this.sync;
    const sync = (this.sync ??= await loadSync());
    if (first) sync.adoptSheet(this.host.shadowRoot, sync.syncStyles);
    await loadLocale(this.host.effectiveLang).catch(() => undefined);
    return sync;
  }

  async showConflict(theirs: RectificationLedger): Promise<MergeConflict[]> {
    return (await this.load()).showConflict(this, theirs);
  }

  async showRefused(itemId: string, reasons: readonly { code: string; message?: string }[], serverItem?: RectificationItem): Promise<void> {
    (await this.load()).showRefused(this, itemId, reasons, serverItem);
  }

  async showPending(count: number): Promise<void> {
    if (count && !this.sync) await this.load();
    this.pending = count;
    this.host.requestUpdate();
  }

  async receiveRemote(theirs: RectificationLedger): Promise<RemoteOutcome> {
    const host = this.host;
    const read = readLedgerObject(theirs);
    if (!read.ok || !host.shownLedger) {
      host.adoptValue(theirs);
      return 'applied';
    }
    if (!this.conflict && !this.hasUnsyncedChanges()) {
      // Nothing of the person's to keep: shown at once, before this returns.
      host.applyKeeping(theirs);
      this.baseline = snapshot(read.ledger);
      host.draftChanged();
      return 'applied';
    }
    return (await this.load()).mergeRemote(this, theirs, read.ledger);
  }

  /** The banner (nothing until its module has loaded). */
  render() {
    return this.sync ? this.sync.renderRemote(this) : nothing;
  }
}

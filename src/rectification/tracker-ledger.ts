/**
 * The ledger the element shows, as read from its value: the ledger (null when the value cannot
 * be read as one, with the reason), the value as given, the first value given (what `reset()`
 * goes back to), and the items by id and by place. Items are replaced, never changed in place,
 * so a copy handed out stays as it was. No DOM.
 */
import type { RectificationItem, RectificationLedger } from '../core/rectification-types.js';
import { readLedgerObject, type LedgerShapeError } from '../core/rectification/json.js';
import { canonicalJson } from '../core/draft.js';
import { itemNumber } from './labels.js';

/** Why a value cannot be shown as a ledger. */
export interface LoadError {
  error: LedgerShapeError;
  index?: number;
  id?: string;
}

export class TrackerLedger {
  /** The ledger shown, or null when the value could not be read as one. */
  ledger: RectificationLedger | null = { version: 1, items: [] };
  /** The value as given. */
  raw: unknown = null;
  /** The first value given (undefined until one is). */
  initial: unknown = undefined;
  /** Why the value could not be read, or null. */
  error: LoadError | null = null;
  private byId = new Map<string, RectificationItem>();
  private indexOf = new Map<string, number>();

  /** Read a value (null: an empty ledger). */
  adopt(v: unknown): void {
    this.raw = v;
    this.ledger = null;
    this.error = null;
    if (v == null) this.ledger = { version: 1, items: [] };
    else {
      const read = readLedgerObject(v);
      if (read.ok) this.ledger = { ...read.ledger, items: [...read.ledger.items] };
      else this.error = { error: read.error, index: read.index, id: read.id };
    }
    this.reindex();
  }

  /** The same ledger with these items (added or merged in). */
  setItems(items: RectificationItem[]): void {
    if (!this.ledger) return;
    this.ledger = { ...this.ledger, items };
    this.reindex();
  }

  /** Put a changed item in its place; false when the ledger has no such item. */
  replace(next: RectificationItem): boolean {
    const i = this.indexOf.get(next.id);
    if (i === undefined || !this.ledger) return false;
    this.ledger.items[i] = next;
    this.byId.set(next.id, next);
    return true;
  }

  /**
   * Take another version keeping the items where they are, when it has the same items in the
   * same order: its own members and value are taken, and the items that differ are returned, to
   * be put in place with {@link replace}. Null when its items are others (nothing taken);
   * undefined when it cannot be read as a ledger, or none is shown (nothing taken).
   */
  keep(next: unknown): RectificationItem[] | null | undefined {
    const read = readLedgerObject(next);
    const cur = this.ledger;
    if (!read.ok || !cur) return undefined;
    const incoming = read.ledger.items;
    if (cur.items.length !== incoming.length || !cur.items.every((it, i) => it.id === incoming[i]!.id)) return null;
    this.ledger = { ...read.ledger, items: cur.items };
    this.raw = next;
    return incoming.filter((it, i) => cur.items[i] !== it && canonicalJson(cur.items[i]) !== canonicalJson(it));
  }

  /** The item with this id, or undefined. */
  get(id: string): RectificationItem | undefined {
    return this.byId.get(id);
  }

  /** The number people read for an item (its short number, or its place in the ledger). */
  numberOf(id: string): string {
    return itemNumber(id, this.indexOf.get(id) ?? 0);
  }

  private reindex(): void {
    this.byId = new Map();
    this.indexOf = new Map();
    (this.ledger?.items ?? []).forEach((item, i) => {
      this.byId.set(item.id, item);
      this.indexOf.set(item.id, i);
    });
  }
}

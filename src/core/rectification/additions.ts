/**
 * Additions to the ledger: a new item ({@link createItem}), the next free id ({@link newItemId})
 * and the merge of imported items ({@link mergeNewItems}). A module of its own so that a page that
 * only reads or edits a ledger does not load them (the tracker loads it on the first addition).
 */
import type { HistoryEntry, RectificationItem } from '../rectification-types.js';
import { isDateTime } from './dates.js';
import { pad, said } from './values.js';
import { RectificationError, type RectificationRole, validateFields } from './workflow.js';

/** What {@link createItem} records. */
export interface CreateItemOptions {
  /** Id of the new item; see {@link newItemId}. */
  id: string;
  by: string;
  role?: RectificationRole;
  /** ISO date-time of creation. */
  at: string;
}

/**
 * A new item in status 未启动 whose history is the creating entry (`from: null`).
 * Fields not given default to: no measures, no evidence, empty responsibility, progress 0, and kind
 * `deadline` (限期整改) when a deadline is given, else `immediate` (立行立改).
 * @throws {RectificationError} code `invalid` (no id or `by`, bad `at`, malformed field values).
 */
export function createItem(
  fields: Partial<Omit<RectificationItem, 'id' | 'status' | 'history'>> & { problem: RectificationItem['problem'] },
  opts: CreateItemOptions,
): RectificationItem {
  if (!opts.id?.trim()) throw new RectificationError('invalid', 'A new item needs an id', 'id');
  if (!opts.by?.trim()) throw new RectificationError('invalid', 'A new item needs "by"', 'by');
  if (!isDateTime(opts.at)) throw new RectificationError('invalid', `"at" is not an ISO date-time: ${said(opts.at)}`, 'at');
  const entry: HistoryEntry = { at: opts.at, by: opts.by.trim(), from: null, to: 'not-started' };
  if (opts.role) entry.role = opts.role;
  const item: RectificationItem = {
    measures: [],
    responsibility: {},
    kind: fields.deadline ? 'deadline' : 'immediate',
    progress: 0,
    evidence: [],
    ...fields,
    id: opts.id,
    status: 'not-started',
    history: [entry],
  };
  validateFields(item, Object.keys(item));
  return item;
}

/**
 * A new item id not in `existingIds`: `prefix` followed by one more than the highest number used
 * after that prefix, at least 3 digits (`ZG-001`, `ZG-002`, … `ZG-1000`).
 */
export function newItemId(existingIds: Iterable<string>, prefix = 'ZG-'): string {
  const ids = new Set(existingIds);
  let max = 0;
  for (const id of ids) {
    if (typeof id !== 'string' || !id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  let n = max + 1;
  while (ids.has(`${prefix}${pad(n, 3)}`)) n++;
  return `${prefix}${pad(n, 3)}`;
}

/** What {@link mergeNewItems} did. */
export interface MergeResult {
  /** The existing items followed by the incoming items that were not there yet. */
  items: RectificationItem[];
  /** Ids of the items appended. */
  added: string[];
  /** Ids of the incoming items left out because an item with that id is already present (or came earlier in `incoming`). */
  skipped: string[];
}

/** Append the items of `incoming` whose id is not yet in `existing` (nor earlier in `incoming`). */
export function mergeNewItems(existing: readonly RectificationItem[], incoming: readonly RectificationItem[]): MergeResult {
  const ids = new Set(existing.map((i) => i.id));
  const items = [...existing];
  const added: string[] = [];
  const skipped: string[] = [];
  for (const item of incoming) {
    if (ids.has(item.id)) {
      skipped.push(item.id);
      continue;
    }
    ids.add(item.id);
    items.push(item);
    added.push(item.id);
  }
  return { items, added, skipped };
}

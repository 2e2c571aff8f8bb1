/** The ledger as JSON text, and JSON text (or an object) read back as a ledger after a shape check. */
import type { RectificationLedger } from '../rectification-types.js';
import { RectificationError } from './workflow.js';

/** The ledger as JSON text (2-space indent, final newline). Unknown members are written as they are. */
export function toJson(ledger: RectificationLedger): string {
  return JSON.stringify(ledger, null, 2) + '\n';
}

/**
 * Read a ledger from JSON text, keeping every unknown member of the ledger and its items.
 * Checks only the shape needed to work with it (an object with `version: 1` and an `items` list of
 * objects with string ids, no id twice); validate against
 * `schemas/rectification-ledger.schema.json` for the full check.
 * @throws {RectificationError} code `invalid`.
 */
export function parseLedger(text: string): RectificationLedger {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new RectificationError('invalid', `Not JSON: ${(e as Error).message}`);
  }
  const shape = readLedgerObject(data);
  if (shape.ok) return shape.ledger;
  const i = shape.index;
  switch (shape.error) {
    case 'not-object':
      throw new RectificationError('invalid', 'A ledger must be a JSON object');
    case 'version':
      throw new RectificationError('invalid', `Unsupported ledger version ${JSON.stringify((data as { version?: unknown }).version)}`, 'version');
    case 'items':
      throw new RectificationError('invalid', 'A ledger needs an items list', 'items');
    case 'item':
      throw new RectificationError('invalid', `Item ${i} is not an object`, 'items');
    case 'item-id':
      throw new RectificationError('invalid', `Item ${i} has no id`, 'items');
    case 'duplicate-id':
      throw new RectificationError('invalid', `Item id ${shape.id} is used twice`, 'items');
  }
}

/** Why {@link readLedgerObject} refused a value. */
export type LedgerShapeError = 'not-object' | 'version' | 'items' | 'item' | 'item-id' | 'duplicate-id';

/**
 * Check that `value` (an object, not JSON text: see `parseLedger` for text) has the shape the
 * tracker needs: an object with `version: 1` and an `items` list of objects with non-empty
 * string ids, no id twice. The full check is the schema's; this one decides whether the ledger
 * can be shown at all. Returns the failing index for item errors.
 */
export function readLedgerObject(value: unknown): { ok: true; ledger: RectificationLedger } | { ok: false; error: LedgerShapeError; index?: number; id?: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'not-object' };
  const v = value as Record<string, unknown>;
  if (v.version !== 1) return { ok: false, error: 'version' };
  if (!Array.isArray(v.items)) return { ok: false, error: 'items' };
  const seen = new Set<string>();
  for (let i = 0; i < v.items.length; i++) {
    const item = v.items[i] as unknown;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return { ok: false, error: 'item', index: i };
    const id = (item as { id?: unknown }).id;
    if (typeof id !== 'string' || !id) return { ok: false, error: 'item-id', index: i };
    if (seen.has(id)) return { ok: false, error: 'duplicate-id', index: i, id };
    seen.add(id);
  }
  return { ok: true, ledger: value as RectificationLedger };
}

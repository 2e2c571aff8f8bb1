/**
 * What a person typed into the ledger that is not in the ledger yet: edits the core refused so
 * far (kept with their errors until they are put right, closing the panel keeps them) and status
 * changes being confirmed (with the comment and verifier typed for them). Both are typing, so
 * both go into the draft beside the ledger and come back after a reload. No DOM.
 */
import type { RectificationItem, RectificationStatus } from '../core/rectification-types.js';
import type { PendingAction } from './xc-rectification-detail.js';
import { isObj, type Obj } from '../core/obj.js';

/** An edit the core refused: the fields as typed, and why each was refused. */
export interface PendingEdit {
  patch: Partial<RectificationItem>;
  errors: Record<string, string>;
}


export class PendingStore {
  private edits = new Map<string, PendingEdit>();
  private actions = new Map<string, PendingAction>();

  /** The refused edit of an item, if any. */
  edit(id: string): PendingEdit | undefined {
    return this.edits.get(id);
  }

  /** Keep (or, with an empty patch, drop) an item's refused edit; true when the draft must change. */
  keepEdit(id: string, patch: Partial<RectificationItem>, errors: Record<string, string>): boolean {
    const had = this.edits.has(id);
    if (Object.keys(patch).length) this.edits.set(id, { patch, errors });
    else this.edits.delete(id);
    return had || this.edits.has(id);
  }

  /** The status change being confirmed for an item, if any. */
  action(id: string): PendingAction | undefined {
    return this.actions.get(id);
  }

  /** Keep (or, with null, drop) an item's status change being confirmed; true when the draft must change. */
  keepAction(id: string, action: PendingAction | null): boolean {
    const had = this.actions.has(id);
    if (action) this.actions.set(id, action);
    else this.actions.delete(id);
    return had || !!action;
  }

  /**
   * Everything kept, as JSON for the draft (undefined when nothing is):
   * `{[itemId]: {patch?, errors?, cleared?, action?}}`. A field the person cleared is `undefined`
   * in the patch, which JSON would drop: it is listed under `cleared`.
   */
  toJson(): unknown {
    if (!this.edits.size && !this.actions.size) return undefined;
    const out: Record<string, Obj> = {};
    for (const [id, { patch, errors }] of this.edits) {
      const cleared = Object.keys(patch).filter((k) => (patch as Obj)[k] === undefined);
      out[id] = cleared.length ? { patch, errors, cleared } : { patch, errors };
    }
    for (const [id, action] of this.actions) out[id] = { ...out[id], action };
    return out;
  }

  /** Put back what a draft kept (anything malformed is left out), replacing what is kept now. */
  restore(json: unknown): void {
    this.edits = new Map();
    this.actions = new Map();
    for (const [id, e] of Object.entries(isObj(json) ? json : {})) {
      if (!isObj(e)) continue;
      if (isObj(e['patch'])) {
        const patch: Obj = { ...e['patch'] };
        for (const k of Array.isArray(e['cleared']) ? e['cleared'] : []) patch[String(k)] = undefined;
        this.edits.set(id, { patch: patch as Partial<RectificationItem>, errors: (isObj(e['errors']) ? e['errors'] : {}) as Record<string, string> });
      }
      const a = e['action'];
      if (isObj(a)) this.actions.set(id, { to: a['to'] as RectificationStatus, comment: String(a['comment'] ?? ''), verifier: String(a['verifier'] ?? '') });
    }
  }
}

/**
 * Drafts: what a person typed, kept outside the page so that a reload, a crash
 * or a closed tab loses nothing. Pure logic; the storage is an adapter.
 */

/** A saved draft. */
export interface Draft<T = unknown> {
  /** The value as it was. */
  value: T;
  /** When it was saved (epoch ms). */
  savedAt: number;
  /** Version of the template or schema the value was made with, if known. */
  templateVersion?: string;
  /** Id of the window that saved it (to tell another tab's change from ours). */
  writer?: string;
  /**
   * What was typed but is not part of the value yet (an edit the element refused so far,
   * kept beside the value until it is put right), so that a reload loses none of it.
   */
  unsaved?: unknown;
}

/**
 * Where drafts are kept. Implement it to keep drafts in IndexedDB, a server, etc. Each method
 * may answer at once (localStorage) or with a Promise (a server, IndexedDB): the elements work
 * with both. While an asynchronous save is in flight, a copy stays in localStorage (when there
 * is one) until the store confirms it, so a page closed meanwhile loses nothing.
 */
export interface DraftStorage {
  load(key: string): Draft | null | Promise<Draft | null>;
  /**
   * Returns nothing, or a Promise that settles once the draft is kept (typed `unknown` so that a
   * function returning something else still fits). Throws (or rejects) when the draft cannot be
   * kept (quota, private mode, offline).
   */
  save(key: string, draft: Draft): unknown;
  /** Returns nothing, or a Promise that settles once the draft is gone. */
  remove(key: string): unknown;
  /** Optional: call back when another window changes the draft (localStorage's `storage` event). Returns an unsubscribe function. */
  subscribe?(key: string, onChange: (draft: Draft | null) => void): () => void;
}

const PREFIX = 'xc-draft:';

function parseDraft(text: string | null): Draft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Draft;
    return d && typeof d === 'object' && typeof d.savedAt === 'number' && 'value' in d ? d : null;
  } catch {
    return null;
  }
}

/** Drafts in `localStorage` under `xc-draft:<key>` (the default). Works across tabs. */
export function localStorageDrafts(storage: () => Storage | null = () => globalThis.localStorage ?? null): DraftStorage {
  return {
    load(key) {
      try {
        return parseDraft(storage()?.getItem(PREFIX + key) ?? null);
      } catch {
        return null;
      }
    },
    save(key, draft) {
      const s = storage();
      if (!s) throw new Error('localStorage is not available');
      s.setItem(PREFIX + key, JSON.stringify(draft));
    },
    remove(key) {
      try {
        storage()?.removeItem(PREFIX + key);
      } catch {
        /* nothing to remove */
      }
    },
    subscribe(key, onChange) {
      const target = globalThis as unknown as { addEventListener?: (t: string, l: (e: StorageEvent) => void) => void; removeEventListener?: (t: string, l: (e: StorageEvent) => void) => void };
      if (!target.addEventListener) return () => {};
      const listener = (e: StorageEvent) => {
        if (e.key === PREFIX + key) onChange(parseDraft(e.newValue));
      };
      target.addEventListener('storage', listener);
      return () => target.removeEventListener?.('storage', listener);
    },
  };
}

/** Drafts kept in memory only (tests, or a host that forbids storage). */
export function memoryDrafts(): DraftStorage & { entries: Map<string, Draft> } {
  const entries = new Map<string, Draft>();
  return {
    entries,
    load: (key) => entries.get(key) ?? null,
    save: (key, draft) => void entries.set(key, JSON.parse(JSON.stringify(draft)) as Draft),
    remove: (key) => void entries.delete(key),
  };
}

/** Whether a storage's answer is a Promise (an asynchronous store). */
export function isPromiseLike<T>(v: unknown): v is PromiseLike<T> {
  return !!v && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/** Is the stored draft worth offering: different from, and newer than, what is shown? */
export function shouldOfferDraft(draft: Draft | null, current: unknown, currentSavedAt = 0): boolean {
  if (!draft) return false;
  if (draft.savedAt <= currentSavedAt) return false;
  return canonicalJson(draft.value) !== canonicalJson(current);
}

/**
 * JSON with object keys sorted and numbers in their shortest form, so the same
 * value always gives the same text (used for fingerprints and comparisons).
 * `undefined` members are dropped as JSON.stringify does.
 * Written without recursion: a value nested thousands of levels deep (a host's
 * member, a draft) does not overflow the stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // What is still to be written, last first: a value, or a piece of text.
  const todo: ({ v: unknown } | string)[] = [{ v: value }];
  while (todo.length) {
    const next = todo.pop()!;
    if (typeof next === 'string') {
      out.push(next);
      continue;
    }
    const v = next.v;
    if (v === null || typeof v !== 'object') {
      out.push(v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? 'null' : String(JSON.stringify(v)));
      continue;
    }
    if (Array.isArray(v)) {
      todo.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        todo.push({ v: v[i] });
        if (i > 0) todo.push(',');
      }
      todo.push('[');
      continue;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    todo.push('}');
    for (let i = keys.length - 1; i >= 0; i--) {
      todo.push({ v: obj[keys[i]!] }, `${JSON.stringify(keys[i])}:`);
      if (i > 0) todo.push(',');
    }
    todo.push('{');
  }
  return out.join('');
}

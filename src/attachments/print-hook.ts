/**
 * Where a record is printed, its 附件清单 follows it. This small module is what the records load
 * (lazily, after their first frame): it looks for file references in the record and loads the
 * list itself (print-list.ts, with the attachment core) only when there are some.
 * @internal
 */
import type { ReactiveElement } from 'lit';
import { lazy } from '../base/lazy.js';
import type { AttachmentStore } from '../core/attachment-types.js';

const loadList = lazy(() => import('./print-list.js'));
let list: typeof import('./print-list.js') | undefined;

/**
 * Records known to have files (only that is remembered: a record changed in place may gain files,
 * and a list remembered wrongly as present renders nothing).
 */
const withFiles = new WeakSet<object>();

/** Does the record refer to a file anywhere (a `file` member with an id and a sha256)? */
export function hasFiles(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  if (withFiles.has(v)) return true;
  const found = walk(v, 0);
  if (found) withFiles.add(v);
  return found;
}

function walk(v: unknown, depth: number): boolean {
  if (!v || typeof v !== 'object' || depth > 64) return false;
  if (Array.isArray(v)) return v.some((x) => walk(x, depth + 1));
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const f = k === 'file' && x && typeof x === 'object' ? (x as Record<string, unknown>) : undefined;
    if (f && typeof f['id'] === 'string' && typeof f['sha256'] === 'string') return true;
    if (k !== 'signature' && walk(x, depth + 1)) return true;
  }
  return false;
}

/** Start loading the list's code when the record has files (so it is there when printing starts). */
export function preloadFileList(record: unknown): void {
  if (!list && hasFiles(record)) void loadList().then((m) => (list = m), () => undefined);
}

/** What a record hands in to print its files. */
export interface PrintFilesOptions {
  lang: string;
  /** The store, for thumbnails. */
  store?: AttachmentStore | undefined;
  /** Hidden on screen, shown in print. */
  printOnly?: boolean;
}

/**
 * The record's 附件清单 once its code is there (`undefined` before: the element renders again
 * when it has loaded, long before anyone prints). Images are drawn as thumbnails when the element
 * carries the `print-thumbnails` attribute and a store is given.
 */
export function printFileList(host: ReactiveElement, record: unknown, o: PrintFilesOptions): unknown {
  if (!hasFiles(record)) return undefined;
  if (!list) {
    void loadList().then((m) => ((list = m), host.requestUpdate()), () => undefined);
    return undefined;
  }
  return list.renderAttachmentList(host, record, { lang: o.lang, store: o.store, thumbnails: host.hasAttribute('print-thumbnails'), printOnly: !!o.printOnly });
}

/**
 * Adding files to `<xc-attachments>`: each file checked (its type read from its first bytes, its
 * size, the count), photos downscaled with the time they were taken kept, then put in the
 * attachment store one at a time with the page free between them. The element shows the progress,
 * the refusals and the list; this unit only does the work. A chunk of its own, which the element
 * loads after its first frame (before anyone adds a file), out of the page's first load.
 */
import { AttachmentError, type AttachmentContext, type AttachmentErrorCode, type AttachmentLimits, type AttachmentRef, type AttachmentStore } from '../core/attachment-types.js';
import { attachmentSha256, checkAttachment, readHead } from '../core/attachments.js';
import { downscale, photoTakenAt } from './downscale.js';
import { kindOf } from './xc-attachments-limits.js';
import type { FileEvidence } from './file-evidence.js';
import { yieldToPage } from './attachments-thumbs.js';


/** The codes an AttachmentError may carry. */
const ERROR_CODES = ['type', 'size', 'count', 'quota', 'forbidden', 'offline', 'failed'];

/**
 * The reference a store's `put` resolved to, made whole: `size` and `sha256` of the bytes given
 * to `put` filled in when a custom store left them out (so no record holds a reference without
 * its hash); `name` and `type` from the bytes' metadata when missing. A store that resolves with
 * no `id` is refused with a console error (the reference would point nowhere).
 */
async function completeRef(ref: AttachmentRef | undefined, blob: Blob): Promise<AttachmentRef> {
  if (!ref || typeof ref !== 'object' || typeof ref.id !== 'string' || !ref.id) {
    console.error('xc-attachments: the store\'s put() must resolve to an AttachmentRef { id, name, type, size, sha256 }; got', ref);
    throw new AttachmentError('failed', 'store returned no id');
  }
  const out = { ...ref };
  if (!Number.isSafeInteger(out.size) || out.size < 0) out.size = blob.size;
  if (typeof out.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(out.sha256)) out.sha256 = await attachmentSha256(blob);
  return out;
}

/** Where the files go and what the element hears of them. */
export interface StoreFilesOptions {
  store: AttachmentStore;
  /** The limits in force. */
  limits: Required<AttachmentLimits>;
  /** The record the files are added to, given to the store with each file. */
  context?: AttachmentContext;
  /** How many files the list holds already (for the count limit). */
  count: number;
  /** A file was refused or could not be kept. */
  refuse(code: AttachmentErrorCode, name: string): void;
  /** File `i` of `n` is being prepared and stored. */
  progress(i: number, n: number): void;
  /** A file was stored: its entry, to add to the list. */
  stored(entry: FileEvidence): void;
}

/**
 * Check, prepare and store `files`, one at a time; resolves to how many were stored. The type is
 * read from the first bytes (core `checkAttachment`): a name or a browser's MIME type that says
 * otherwise refuses the file. Photos are measured after downscaling.
 */
export async function storeFiles(files: File[], o: StoreFilesOptions): Promise<number> {
  const { store, limits, refuse } = o;
  const todo: { f: File; type: string }[] = [];
  // Each file gets its own reason: type, then size, and `count` only for a file that would
  // otherwise have been taken.
  for (const f of files) {
    const head = await readHead(f);
    const checked = checkAttachment({ name: f.name, size: 0 }, head, limits);
    if (!checked.ok) refuse(checked.code, f.name);
    else if (f.size > limits.maxSize && kindOf(checked.type) !== 'image') refuse('size', f.name);
    else if (o.count + todo.length >= limits.maxCount) refuse('count', f.name);
    else todo.push({ f, type: checked.type });
  }
  let added = 0;
  for (let i = 0; i < todo.length; i++) {
    const { f, type } = todo[i]!;
    o.progress(i + 1, todo.length);
    await yieldToPage();
    let blob: Blob = f;
    // When the photo was taken: read before downscaling drops the EXIF (never the time of attaching).
    let taken: { takenAt?: string } = {};
    if (kindOf(type) === 'image') {
      const takenAt = await photoTakenAt(f.type === type ? f : new Blob([f], { type }));
      if (takenAt) taken = { takenAt };
      try {
        blob = await downscale(f.type === type ? f : new Blob([f], { type }), limits.maxLongSide, limits.quality);
      } catch {
        // Image bytes the browser cannot read.
        refuse('type', f.name);
        continue;
      }
      await yieldToPage();
    }
    if (blob.size > limits.maxSize) {
      refuse('size', f.name);
      continue;
    }
    try {
      const context = o.context ? { context: { ...o.context } } : {};
      const file = await completeRef(await store.put(blob, { name: f.name, type, ...taken, ...context }), blob);
      const entry: FileEvidence = { title: f.name, file };
      if (limits.keepOriginal && blob !== f) entry.original = await completeRef(await store.put(f, { name: f.name, type, ...taken, ...context }), f);
      o.stored(entry);
      added++;
    } catch (e) {
      // Read by its code, not its class: stores from dist/standalone/attachment-stores.js carry their own AttachmentError.
      const code = (e as { code?: unknown } | null)?.code;
      refuse(e instanceof AttachmentError || (e instanceof Error && typeof code === 'string' && ERROR_CODES.includes(code)) ? (code as AttachmentErrorCode) : 'failed', f.name);
    }
  }
  return added;
}

/** `adapterAttachments`: an attachment store over the host's own file service (its upload, download and remove functions). */
import { AttachmentError, type AttachmentLimits, type AttachmentMeta, type AttachmentRef } from '../../core/attachment-types.js';
import { attachmentErrorCode, describeAttachment } from '../../core/attachments.js';
import type { RemoteAttachmentStore } from './types.js';

/** What the host's upload function receives besides the bytes. */
export interface AdapterUploadMeta extends AttachmentMeta {
  /** Lowercase hex SHA-256 of the bytes (keep it: it finds the file again whatever its id). */
  sha256: string;
  size: number;
}

/** Options of {@link adapterAttachments}: the host's own file service. */
export interface AdapterAttachmentsOptions {
  /** Sends the bytes; resolves with the service's id of the file (and its address, when it has one). Throw an AttachmentError to say why it was refused. */
  upload(blob: Blob, meta: AdapterUploadMeta): Promise<{ id: string; url?: string }>;
  /** Fetches the bytes of a file (its `id` is the service's, as `upload` gave it). Resolve null when it is gone. */
  download(ref: AttachmentRef): Promise<Blob | null>;
  /** Removes a file, when the service allows it. */
  remove?(ref: AttachmentRef): Promise<void>;
  /** Limits checked before anything is sent (type read from the bytes, size). */
  limits?: AttachmentLimits;
}

const ANY: AttachmentLimits = { accept: ['*/*'], maxSize: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER };

/** Any error of the host's functions as an AttachmentError (a network failure while offline is `offline`). */
function asAttachmentError(e: unknown, ref?: Partial<AttachmentRef>): AttachmentError {
  if (e instanceof AttachmentError) return e;
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const code = attachmentErrorCode(e);
  return new AttachmentError(offline && code === 'failed' ? 'offline' : code, String((e as Error)?.message ?? e), ref);
}

/**
 * A host's own file service (an OA system's upload API) as an {@link AttachmentStore}: the bytes
 * are hashed and type-checked here, then handed to `upload`; the reference's id is the service's.
 * Used as the `remote` of {@link localFirstAttachments}, the record keeps the local id and the
 * service's id is remembered in this browser; `upload` receives the SHA-256 so the service can
 * find the file for other browsers too.
 */
export function adapterAttachments({ upload, download, remove, limits }: AdapterAttachmentsOptions): RemoteAttachmentStore {
  const send = async (blob: Blob, ref: AttachmentRef, id?: string) => {
    const meta: AdapterUploadMeta = { name: ref.name, type: ref.type, sha256: ref.sha256, size: ref.size, ...(ref.takenAt ? { takenAt: ref.takenAt } : {}), ...(id ? { id } : {}) };
    let out: { id: string; url?: string };
    try {
      out = await upload(blob, meta);
    } catch (e) {
      throw asAttachmentError(e, ref);
    }
    if (!out || typeof out.id !== 'string' || !out.id) throw new AttachmentError('failed', 'upload gave no id', ref);
    return out;
  };
  return {
    async put(blob: Blob, meta: AttachmentMeta): Promise<AttachmentRef> {
      const ref = await describeAttachment(blob, meta, meta.id ?? '', limits ?? ANY);
      const out = await send(blob, ref, meta.id);
      return { ...ref, id: out.id };
    },

    async upload(ref, blob) {
      const out = await send(blob, ref, ref.id);
      return out.id !== ref.id ? { remoteId: out.id } : {};
    },

    async get(ref: AttachmentRef): Promise<Blob | null> {
      try {
        return await download(ref);
      } catch (e) {
        throw asAttachmentError(e, ref);
      }
    },

    async remove(ref: AttachmentRef): Promise<void> {
      try {
        await remove?.(ref);
      } catch (e) {
        throw asAttachmentError(e, ref);
      }
    },
  };
}

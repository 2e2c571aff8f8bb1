/** The shapes the attachment stores share: a store in this browser with its upload queue, a store on a server, and new attachment ids. */
import type { AttachmentRef, AttachmentState, AttachmentStore } from '../../core/attachment-types.js';
import type { UploadJob } from '../../core/attachments.js';

/** A store in this browser that also keeps the upload queue (what {@link localFirstAttachments} needs as `local`). */
export interface LocalAttachmentStore extends AttachmentStore {
  /** Where a file kept here is: only here, being uploaded, stored on the server too, or failed. */
  state(ref: AttachmentRef): Promise<AttachmentState | null>;
  /** Records where a file is (its bytes stay). */
  setState(ref: AttachmentRef, state: AttachmentState): Promise<void>;
  /** The upload queue, oldest first. */
  jobs(): Promise<UploadJob[]>;
  /** Adds or replaces a job (keyed by `job.ref.id`). */
  saveJob(job: UploadJob): Promise<void>;
  /** Removes a job. */
  deleteJob(id: string): Promise<void>;
  /** Closes the database connection. */
  close(): void;
}

/** Options of one upload by a {@link RemoteAttachmentStore}. */
export interface UploadOptions {
  /** The server's upload session to resume (from an earlier, interrupted attempt). */
  uploadId?: string;
  /** Called as soon as the server opens an upload session, so it can be resumed after a reload. */
  onSession?: (uploadId: string) => void | Promise<void>;
  /** Bytes the server has so far, and the total. */
  onProgress?: (sent: number, total: number) => void;
}

/** A store on a server that can upload bytes already described by a reference (hash known). */
export interface RemoteAttachmentStore extends AttachmentStore {
  /**
   * Uploads `blob`, whose reference (and SHA-256) is known, under `ref.id` when the server keeps
   * callers' ids. Idempotent: uploading the same reference again does not store it twice.
   * Resolves with the server's id when it differs from `ref.id`.
   */
  upload(ref: AttachmentRef, blob: Blob, opts?: UploadOptions): Promise<{ remoteId?: string }>;
}

/** A random id (UUID v4 form) for a new file. */
export function newAttachmentId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Evidence files (附件): the shapes records hold and the store interface every
 * attachment store implements. Types only; the logic is in `attachments.ts`.
 *
 * A record never holds file bytes. It holds an {@link AttachmentRef} inside an
 * `EvidenceRef` (`{ title, file }`); the bytes live in an {@link AttachmentStore}:
 * IndexedDB in the browser (drafts and everything attached while offline), the
 * reference back end over HTTP, or a host's own file service behind an adapter.
 * Because the reference carries the file's SHA-256, a signed record's
 * fingerprint covers the files too, and a swapped file is found by hashing it
 * again.
 */

/** What a record stores of a file. */
export interface AttachmentRef {
  /** Store-wide id of the file (opaque; not derived from the name). */
  id: string;
  /** File name as the user knows it (display only; never used as a path). */
  name: string;
  /** MIME type as detected when attached (e.g. `image/jpeg`, `application/pdf`). */
  type: string;
  /** Size in bytes of what is stored (after downscaling, for photos). */
  size: number;
  /** Lowercase hex SHA-256 of the stored bytes. */
  sha256: string;
  /** When the photo was taken / the scan made (RFC 3339), when known. */
  takenAt?: string;
}

/** Metadata given with a file to {@link AttachmentStore.put}. */
export interface AttachmentMeta {
  name: string;
  type: string;
  takenAt?: string;
  /**
   * The id the reference should carry, when the caller has one already (a local-first store
   * passes the id its record holds, so the reference stays valid once the file is uploaded).
   * Stores that assign ids of their own may ignore it.
   */
  id?: string;
  /**
   * Which record the file is for, when the element knows it (its `context` property): a store
   * may send it along (`httpAttachments` sends `ledgerId`, so an office upload for a unit's
   * ledger item is that unit's file). Never part of the reference.
   */
  context?: AttachmentContext;
}

/** The record a file is added to (see {@link AttachmentMeta.context}). */
export interface AttachmentContext {
  /** The ledger (整改台账) the file is evidence in. */
  ledgerId?: string;
  /** The ledger item or check point. */
  itemId?: string;
}

/** Where an attachment's bytes are: only in this browser, or stored on the server too. */
export type AttachmentState = 'local' | 'uploading' | 'stored' | 'failed';

/**
 * Where attachment bytes are kept. Every method may reject with an
 * {@link AttachmentError} (quota, refused type or size, no permission, offline).
 */
export interface AttachmentStore {
  /** Stores the bytes and returns the reference to keep in the record (its `sha256` computed from the bytes). */
  put(blob: Blob, meta: AttachmentMeta): Promise<AttachmentRef>;
  /** The bytes, or null when this store does not have them. */
  get(ref: AttachmentRef): Promise<Blob | null>;
  /** Forgets the bytes (no error when they are not there). */
  remove(ref: AttachmentRef): Promise<void>;
  /** Files kept here that still wait to be uploaded (local-first stores only). */
  pending?(): Promise<AttachmentRef[]>;
}

/** Why a file was refused or could not be kept; `code` is stable, the message comes from the locale. */
export type AttachmentErrorCode =
  | 'type' // a type the host does not accept, or the bytes are not what the name says
  | 'size' // larger than the host's limit
  | 'count' // more files than the host allows
  | 'quota' // the browser has no room left
  | 'forbidden' // the server refused (role, another unit)
  | 'offline' // no network (the file stays pending)
  | 'failed'; // anything else

/** Error thrown by attachment stores and checks. */
export class AttachmentError extends Error {
  constructor(
    readonly code: AttachmentErrorCode,
    message?: string,
    readonly ref?: Partial<AttachmentRef>,
  ) {
    super(message ?? code);
    this.name = 'AttachmentError';
  }
}

/** Limits the host sets on an evidence field. */
export interface AttachmentLimits {
  /** Accepted types, as the `accept` attribute: MIME types (`image/*`, `application/pdf`) and extensions (`.docx`). Default: images, PDF, Word, Excel. */
  accept?: string[];
  /** Largest file in bytes (default 20 MiB). */
  maxSize?: number;
  /** Most files per field (default 20). */
  maxCount?: number;
  /** Photos are downscaled so their long side is at most this many pixels (default 2048; 0 keeps them as they are). */
  maxLongSide?: number;
  /** JPEG/WebP quality of downscaled photos, 0–1 (default 0.85). */
  quality?: number;
  /** Keep the original photo as well as the downscaled one (default false). */
  keepOriginal?: boolean;
}

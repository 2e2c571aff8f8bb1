/** `indexedDbAttachments`: an attachment store keeping the files in this browser (IndexedDB), with the upload queue a local-first store needs. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { AttachmentError, type AttachmentLimits, type AttachmentMeta, type AttachmentRef, type AttachmentState } from '../../core/attachment-types.js';
import { attachmentErrorCode, describeAttachment, type UploadJob } from '../../core/attachments.js';
import { newAttachmentId, type LocalAttachmentStore } from './types.js';

interface StoredFile {
  id: string;
  ref: AttachmentRef;
  blob: Blob;
  state: AttachmentState;
  storedAt: number;
}

interface AttachmentDb extends DBSchema {
  files: { key: string; value: StoredFile };
  jobs: { key: string; value: UploadJob & { id: string } };
}

/** Options of {@link indexedDbAttachments}. */
export interface IndexedDbAttachmentsOptions {
  /** Name of the IndexedDB database (default `xc-attachments`). One per portal, or per user on shared computers. */
  dbName?: string;
  /** Limits checked on `put` (type read from the bytes, size); default: any image, PDF, Word, Excel or text type of any size. */
  limits?: AttachmentLimits;
  /** The clock (epoch ms), for tests. */
  now?: () => number;
}

/** Files kept in this browser. */
export type IndexedDbAttachments = LocalAttachmentStore;

const ANY: AttachmentLimits = { accept: ['*/*'], maxSize: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER };

/**
 * An {@link AttachmentStore} in this browser's IndexedDB: the bytes, the reference and where the
 * file is (`local` until uploaded), plus the upload queue of {@link localFirstAttachments}.
 * `put` hashes the bytes and reads their type from them; a full disk rejects with
 * `AttachmentError('quota')` and leaves nothing half-kept (the record keeps what it had).
 */
export function indexedDbAttachments({ dbName = 'xc-attachments', limits, now = Date.now }: IndexedDbAttachmentsOptions = {}): IndexedDbAttachments {
  let opened: Promise<IDBPDatabase<AttachmentDb>> | undefined;
  const db = () =>
    (opened ??= openDB<AttachmentDb>(dbName, 1, {
      upgrade(d) {
        d.createObjectStore('files', { keyPath: 'id' });
        d.createObjectStore('jobs', { keyPath: 'id' });
      },
    }).catch((e: unknown) => {
      opened = undefined;
      throw new AttachmentError(attachmentErrorCode(e), String((e as Error)?.message ?? e));
    }));

  /** Runs a write; a quota error becomes AttachmentError('quota'), any other error 'failed'. */
  const write = async <T>(fn: (d: IDBPDatabase<AttachmentDb>) => Promise<T>, ref?: Partial<AttachmentRef>): Promise<T> => {
    const d = await db();
    try {
      return await fn(d);
    } catch (e) {
      if (e instanceof AttachmentError) throw e;
      const code = attachmentErrorCode(e);
      throw new AttachmentError(code === 'quota' ? 'quota' : 'failed', String((e as Error)?.message ?? e), ref);
    }
  };

  return {
    async put(blob: Blob, meta: AttachmentMeta): Promise<AttachmentRef> {
      const ref = await describeAttachment(blob, meta, meta.id ?? newAttachmentId(), limits ?? ANY);
      await write(async (d) => {
        const tx = d.transaction('files', 'readwrite');
        const done = tx.done;
        done.catch(() => {}); // an aborted transaction rejects it; the error thrown below says why
        try {
          await tx.store.put({ id: ref.id, ref, blob, state: 'local', storedAt: now() });
          await done;
        } catch (e) {
          try {
            tx.abort();
          } catch {
            /* already aborted */
          }
          throw e;
        }
      }, ref);
      return ref;
    },

    async get(ref: AttachmentRef): Promise<Blob | null> {
      const row = await (await db()).get('files', ref.id);
      return row ? row.blob : null;
    },

    async remove(ref: AttachmentRef): Promise<void> {
      await write(async (d) => {
        const tx = d.transaction(['files', 'jobs'], 'readwrite');
        await Promise.all([tx.objectStore('files').delete(ref.id), tx.objectStore('jobs').delete(ref.id), tx.done]);
      }, ref);
    },

    async pending(): Promise<AttachmentRef[]> {
      const rows = await (await db()).getAll('files');
      return rows.filter((r) => r.state !== 'stored').sort((a, b) => a.storedAt - b.storedAt).map((r) => r.ref);
    },

    async state(ref: AttachmentRef): Promise<AttachmentState | null> {
      return (await (await db()).get('files', ref.id))?.state ?? null;
    },

    async setState(ref: AttachmentRef, state: AttachmentState): Promise<void> {
      await write(async (d) => {
        const tx = d.transaction('files', 'readwrite');
        const row = await tx.store.get(ref.id);
        if (row && row.state !== state) await tx.store.put({ ...row, state });
        await tx.done;
      }, ref);
    },

    async jobs(): Promise<UploadJob[]> {
      const rows = await (await db()).getAll('jobs');
      return rows.map(({ id: _id, ...job }) => job).sort((a, b) => a.queuedAt - b.queuedAt);
    },

    async saveJob(job: UploadJob): Promise<void> {
      await write((d) => d.put('jobs', { ...job, id: job.ref.id }), job.ref);
    },

    async deleteJob(id: string): Promise<void> {
      await write((d) => d.delete('jobs', id));
    },

    close(): void {
      const o = opened;
      opened = undefined;
      void o?.then((d) => d.close()).catch(() => {});
    },
  };
}

/** `localFirstAttachments`: files kept in this browser at once and uploaded to a server store when it can be reached; how many still wait is counted. */
import type { AttachmentMeta, AttachmentRef, AttachmentStore } from '../../core/attachment-types.js';
import {
  attachmentErrorCode,
  enqueueUpload,
  nextRetryAt,
  nextUpload,
  pendingUploads,
  uploadFailed,
  uploadStarted,
  uploadStored,
  type BackoffOptions,
  type UploadJob,
} from '../../core/attachments.js';
import type { LocalAttachmentStore, RemoteAttachmentStore } from './types.js';

/** Options of {@link localFirstAttachments}. */
export interface LocalFirstAttachmentsOptions {
  /** Where files are kept at once and the queue lives (e.g. `indexedDbAttachments()`). */
  local: LocalAttachmentStore;
  /** Where they are uploaded (`httpAttachments()`, `adapterAttachments()`, or any AttachmentStore). */
  remote: RemoteAttachmentStore | AttachmentStore;
  /** Retry delays (default 2 s doubling up to 5 minutes, never giving up). */
  backoff?: BackoffOptions;
  /** Random numbers in [0, 1) for the jitter of retries (default Math.random). */
  random?: () => number;
  /** The clock, epoch ms (default Date.now). */
  now?: () => number;
  /** Is the network there (default `navigator.onLine`)? */
  online?: () => boolean;
  /** Where `online` events come from (default `window`). */
  events?: EventTarget;
  /**
   * Name of the Web Lock that lets one tab at a time work through the queue (default
   * `xc-attachments-upload`; give each local store's database its own). Tabs wait their turn
   * and then find the files another tab uploaded already.
   */
  lockName?: string;
  /** Start uploading at once (default true); false waits for {@link LocalFirstAttachments.flush}. */
  start?: boolean;
  /**
   * Keep the bytes in this browser after they are uploaded (default false: they are removed once
   * the server has them, so evidence does not pile up on a shared office computer; `get` then
   * fetches them from the remote store).
   */
  keepUploaded?: boolean;
}

/**
 * The local-first store: `put` keeps the file in this browser at once (the record gets its
 * reference even offline) and queues its upload. Uploads run while the network is there, one
 * file at a time, retried with exponential backoff after failures, resumed where they stopped
 * after a reload (the queue and the server's upload session are kept in IndexedDB), each file
 * uploaded exactly once (one tab at a time works through the queue; the server answers an
 * upload it has already with the stored file). `pendingCount` says how many files wait, and a
 * `change` event fires whenever it may have changed ("3 个附件待上传").
 *
 * @fires change - the queue changed (a file was queued, uploaded, or failed).
 */
export class LocalFirstAttachments extends EventTarget implements AttachmentStore {
  /** Files kept here that are not on the server yet. */
  pendingCount = 0;
  /** Files whose upload was refused (type, size, permission) or gave up: they wait for {@link retry}. */
  failedCount = 0;
  /** Resolves once the queue has been read (and the first uploads started). */
  readonly ready: Promise<void>;

  private readonly local: LocalAttachmentStore;
  private readonly remote: RemoteAttachmentStore | AttachmentStore;
  private readonly opts: LocalFirstAttachmentsOptions;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onOnline = () => void this.flush();
  private readonly events: EventTarget | undefined;

  constructor(opts: LocalFirstAttachmentsOptions) {
    super();
    this.opts = opts;
    this.local = opts.local;
    this.remote = opts.remote;
    this.events = opts.events ?? (typeof window !== 'undefined' ? window : undefined);
    this.events?.addEventListener('online', this.onOnline);
    this.ready = opts.start === false ? this.refresh() : this.flush();
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private isOnline(): boolean {
    if (this.opts.online) return this.opts.online();
    return typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  /** Keeps the file here and queues its upload; resolves with the reference for the record as soon as it is kept here. */
  async put(blob: Blob, meta: AttachmentMeta): Promise<AttachmentRef> {
    const ref = await this.local.put(blob, meta);
    await this.local.saveJob(enqueueUpload(ref, this.now()));
    await this.refresh();
    void this.flush();
    return ref;
  }

  /** The bytes: from this browser when kept here, else from the remote store. */
  async get(ref: AttachmentRef): Promise<Blob | null> {
    const here = await this.local.get(ref);
    if (here) return here;
    const job = (await this.local.jobs()).find((j) => j.ref.id === ref.id);
    return this.remote.get(job?.remoteId ? { ...ref, id: job.remoteId } : ref);
  }

  /** Forgets the file here and, once uploaded, on the server (a server that cannot be reached keeps its copy). */
  async remove(ref: AttachmentRef): Promise<void> {
    const job = (await this.local.jobs()).find((j) => j.ref.id === ref.id);
    await this.local.remove(ref);
    await this.local.deleteJob(ref.id);
    await this.refresh();
    if (!job || job.state === 'pending') return;
    try {
      await this.remote.remove(job.remoteId ? { ...ref, id: job.remoteId } : ref);
    } catch (e) {
      if (attachmentErrorCode(e) !== 'offline') throw e;
    }
  }

  /** The references of files not on the server yet, oldest first. */
  async pending(): Promise<AttachmentRef[]> {
    return pendingUploads(await this.local.jobs()).map((j) => j.ref);
  }

  /** The upload queue as it is now (for a "待上传" list). */
  jobs(): Promise<UploadJob[]> {
    return this.local.jobs();
  }

  /** Puts failed files (all, or the one with this id) back in the queue and uploads now. */
  async retry(id?: string): Promise<void> {
    for (const j of await this.local.jobs()) {
      if (j.state === 'failed' && (id === undefined || j.ref.id === id)) {
        const { retryAt: _r, ...rest } = j;
        await this.local.saveJob({ ...rest, state: 'pending' });
      }
    }
    await this.flush();
  }

  /**
   * Works through the queue now (when online): resolves when nothing more can be uploaded at the
   * moment (all stored, or waiting for the network or a retry time).
   */
  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.withLock(() => this.drain());
        } while (this.again && !this.closed);
      } finally {
        this.running = undefined;
      }
      await this.refresh();
    })();
    return this.running;
  }

  /** Stops uploading and listening (uploads resume when a store on the same database is made again). */
  close(): void {
    this.closed = true;
    this.events?.removeEventListener('online', this.onOnline);
    if (this.timer) clearTimeout(this.timer);
  }

  private async withLock(fn: () => Promise<void>): Promise<void> {
    const locks = (typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined) ?? undefined;
    if (locks) {
      await locks.request(this.opts.lockName ?? 'xc-attachments-upload', fn);
      return;
    }
    await fn();
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.isOnline()) {
      // Under the lock nobody else is uploading: a job still marked so was cut off by a reload.
      const jobs = (await this.local.jobs()).map((j) => (j.state === 'uploading' ? { ...j, state: 'pending' as const } : j));
      const job = nextUpload(jobs, this.now());
      if (!job) return;
      if (!(await this.upload(job))) return;
    }
  }

  /** One attempt; false when the queue should stop (offline). */
  private async upload(job: UploadJob): Promise<boolean> {
    let current = uploadStarted(job);
    await this.local.saveJob(current);
    await this.local.setState(job.ref, 'uploading');
    this.dispatchEvent(new Event('change'));
    const blob = await this.local.get(job.ref);
    if (!blob) {
      await this.local.deleteJob(job.ref.id);
      return true;
    }
    try {
      let remoteId: string | undefined;
      if ('upload' in this.remote && typeof this.remote.upload === 'function') {
        ({ remoteId } = await this.remote.upload(job.ref, blob, {
          ...(current.uploadId ? { uploadId: current.uploadId } : {}),
          onSession: async (uploadId) => {
            current = { ...current, uploadId };
            await this.local.saveJob(current);
          },
        }));
      } else {
        const { name, type, takenAt } = job.ref;
        const r = await this.remote.put(blob, { name, type, id: job.ref.id, ...(takenAt ? { takenAt } : {}) });
        if (r.id !== job.ref.id) remoteId = r.id;
      }
      current = uploadStored(current, remoteId);
      await this.local.saveJob(current);
      await this.local.setState(job.ref, 'stored');
      if (!this.opts.keepUploaded) {
        // Removing the bytes removes the job too: the job (the remote id) is kept.
        await this.local.remove(job.ref);
        await this.local.saveJob(current);
      }
      await this.refresh();
      return true;
    } catch (e) {
      const code = this.isOnline() ? attachmentErrorCode(e) : 'offline';
      current = uploadFailed(current, code, this.now(), this.opts.random ?? Math.random, this.opts.backoff);
      await this.local.saveJob(current);
      await this.local.setState(job.ref, current.state === 'failed' ? 'failed' : 'local');
      await this.refresh();
      return code !== 'offline';
    }
  }

  /** Recounts, tells listeners, and sets the timer of the next retry. */
  private async refresh(): Promise<void> {
    const jobs = await this.local.jobs();
    this.pendingCount = pendingUploads(jobs).length;
    this.failedCount = jobs.filter((j) => j.state === 'failed' && j.retryAt === undefined).length;
    this.dispatchEvent(new Event('change'));
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const at = nextRetryAt(jobs);
    if (at !== undefined && !this.closed) this.timer = setTimeout(() => void this.flush(), Math.max(0, at - this.now()));
  }
}

/** A {@link LocalFirstAttachments} store: files kept here at once, uploaded when the network allows. */
export function localFirstAttachments(opts: LocalFirstAttachmentsOptions): LocalFirstAttachments {
  return new LocalFirstAttachments(opts);
}

/** `httpAttachments`: an attachment store speaking the reference server's HTTP API (chunked uploads, the CSRF cookie, the ledger a file belongs to). */
import { AttachmentError, type AttachmentContext, type AttachmentErrorCode, type AttachmentLimits, type AttachmentMeta, type AttachmentRef } from '../../core/attachment-types.js';
import { describeAttachment } from '../../core/attachments.js';
import { newAttachmentId, type RemoteAttachmentStore, type UploadOptions } from './types.js';

/** Options of {@link httpAttachments}. */
export interface HttpAttachmentsOptions {
  /** Where the API is (default `/api`): files go to `${baseUrl}/files/…`. */
  baseUrl?: string;
  /** The CSRF token sent as `X-CSRF-Token` (default: the `xc_csrf` cookie, as the reference back end sets it). */
  csrf?: () => string | undefined;
  /** Limits checked before anything is sent (the server checks them again). */
  limits?: AttachmentLimits;
  /** Largest chunk in bytes (default and most 1 MiB; the server may ask for less). */
  chunkSize?: number;
  /** The `fetch` to use (default the page's). */
  fetch?: typeof fetch;
  /**
   * The ledger the files are for, sent with each upload as `ledgerId` (a `put`'s
   * `meta.context.ledgerId` wins): the reference back end then makes an office upload the
   * ledger's unit's file. Not needed for reading: the back end also lets a unit read any file an
   * item of its ledgers refers to.
   */
  ledgerId?: string;
}

const MiB = 1024 * 1024;
const ANY: AttachmentLimits = { accept: ['*/*'], maxSize: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER };

/** The `xc_csrf` cookie's value, when there is one. */
function csrfCookie(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const m = /(?:^|;\s*)xc_csrf=([^;]*)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** An HTTP status as an AttachmentErrorCode. */
function statusCode(status: number): AttachmentErrorCode {
  if (status === 413) return 'size';
  if (status === 415) return 'type';
  if (status === 401 || status === 403 || status === 404) return 'forbidden';
  if (status === 507) return 'quota';
  return 'failed';
}

/**
 * The reference back end's files API (server/files.js) as an {@link AttachmentStore}: resumable
 * chunked uploads (`POST {baseUrl}/files/uploads`, then `PUT` chunks of at most 1 MiB with
 * `Content-Range`, `HEAD` to learn where to resume), no bytes sent when the server has the file
 * already (same SHA-256), `GET` / `DELETE {baseUrl}/files/:id`. A request that cannot reach the
 * server rejects with `AttachmentError('offline')`; refusals with `type`, `size`, `forbidden`.
 * Makes requests only when its methods are called.
 */
export function httpAttachments({ baseUrl = '/api', csrf = csrfCookie, limits, chunkSize = MiB, fetch: doFetch, ledgerId }: HttpAttachmentsOptions = {}): RemoteAttachmentStore {
  const root = baseUrl.replace(/\/+$/, '');
  const f = (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const method = (init.method ?? 'GET').toUpperCase();
    if (!['GET', 'HEAD'].includes(method)) {
      const token = csrf();
      if (token) headers.set('X-CSRF-Token', token);
    }
    return (doFetch ?? globalThis.fetch)(input, { credentials: 'same-origin', ...init, headers }).catch((e: unknown) => {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new AttachmentError(offline ? 'offline' : 'failed', `network: ${String((e as Error)?.message ?? e)}`);
    });
  };
  const fail = async (res: Response, ref?: Partial<AttachmentRef>): Promise<never> => {
    let error = '';
    try {
      error = String(((await res.json()) as { error?: unknown })?.error ?? '');
    } catch {
      /* not JSON */
    }
    throw new AttachmentError(error === 'type' ? 'type' : error === 'size' ? 'size' : statusCode(res.status), `${res.status} ${error}`.trim(), ref);
  };

  /** Where the server is with an upload session (null: it no longer knows it). */
  async function offsetOf(uploadId: string): Promise<number | null> {
    const res = await f(`${root}/files/uploads/${encodeURIComponent(uploadId)}`, { method: 'HEAD' });
    if (res.status === 404) return null;
    if (!res.ok) return fail(res);
    const n = Number(res.headers.get('Upload-Offset'));
    return Number.isSafeInteger(n) && n >= 0 ? n : null;
  }

  async function upload(ref: AttachmentRef, blob: Blob, opts: UploadOptions = {}, context?: AttachmentContext): Promise<{ remoteId?: string; ref: AttachmentRef }> {
    let uploadId = opts.uploadId;
    let offset = uploadId ? await offsetOf(uploadId) : null;
    let size = Math.min(MiB, chunkSize);
    if (offset === null) {
      const body: Record<string, unknown> = { id: ref.id, name: ref.name, type: ref.type, size: ref.size, sha256: ref.sha256 };
      if (ref.takenAt) body['takenAt'] = ref.takenAt;
      const forLedger = context?.ledgerId ?? ledgerId;
      if (forLedger) body['ledgerId'] = forLedger;
      const res = await f(`${root}/files/uploads`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) return fail(res, ref);
      const created = (await res.json()) as { ref?: AttachmentRef; uploadId?: string; offset?: number; chunkSize?: number };
      if (created.ref) {
        opts.onProgress?.(ref.size, ref.size);
        return { ref: created.ref, ...(created.ref.id !== ref.id ? { remoteId: created.ref.id } : {}) };
      }
      uploadId = String(created.uploadId);
      offset = Number(created.offset ?? 0);
      if (created.chunkSize && created.chunkSize > 0) size = Math.min(size, created.chunkSize);
      await opts.onSession?.(uploadId);
    }
    for (let resyncs = 0; ; ) {
      const end = Math.min(ref.size, offset + size);
      const res = await f(`${root}/files/uploads/${encodeURIComponent(uploadId!)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${offset}-${end - 1}/${ref.size}` },
        body: blob.slice(offset, end),
      });
      if (res.status === 409 && resyncs++ < 3) {
        // The server has another offset (a chunk whose answer was lost): continue from there.
        const at = await offsetOf(uploadId!);
        if (at === null) return fail(res, ref);
        offset = at;
        continue;
      }
      if (!res.ok) return fail(res, ref);
      const answer = (await res.json()) as { offset?: number; ref?: AttachmentRef };
      if (answer.ref) {
        opts.onProgress?.(ref.size, ref.size);
        return { ref: answer.ref, ...(answer.ref.id !== ref.id ? { remoteId: answer.ref.id } : {}) };
      }
      offset = Number(answer.offset);
      opts.onProgress?.(offset, ref.size);
      if (!(offset > 0 && offset <= ref.size)) throw new AttachmentError('failed', 'bad offset', ref);
    }
  }

  return {
    async put(blob: Blob, meta: AttachmentMeta): Promise<AttachmentRef> {
      const ref = await describeAttachment(blob, meta, meta.id ?? newAttachmentId(), limits ?? ANY);
      return (await upload(ref, blob, {}, meta.context)).ref;
    },

    async upload(ref, blob, opts) {
      const { remoteId } = await upload(ref, blob, opts);
      return remoteId ? { remoteId } : {};
    },

    async get(ref: AttachmentRef): Promise<Blob | null> {
      const res = await f(`${root}/files/${encodeURIComponent(ref.id)}`);
      if (res.status === 404) return null;
      if (!res.ok) return fail(res, ref);
      return res.blob();
    },

    async remove(ref: AttachmentRef): Promise<void> {
      const res = await f(`${root}/files/${encodeURIComponent(ref.id)}`, { method: 'DELETE' });
      if (!res.ok && res.status !== 404) await fail(res, ref);
    },
  };
}

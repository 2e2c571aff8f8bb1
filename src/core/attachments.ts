/**
 * Evidence files (附件), the pure part: no DOM, runs in the browser and in Node.
 *
 * - {@link attachmentSha256}: the SHA-256 of a file's bytes (`crypto.subtle`, or a JavaScript
 *   SHA-256 fed chunk by chunk, yielding between chunks, on pages without it);
 * - {@link checkAttachment}, {@link sniffType}, {@link acceptsType}: the host's limits (accepted
 *   types as the `accept` attribute, size, count) and the type read from the first bytes, so a
 *   `.jpg` that really is an HTML page is refused;
 * - {@link displayFileName}, {@link contentDisposition}: hostile names shown and sent safely
 *   (bidirectional controls such as U+202E neutralised); a name is data, never a path;
 * - the upload queue's states ({@link enqueueUpload}, {@link uploadFailed}, {@link nextUpload}…),
 *   with retries after an exponential backoff with jitter;
 * - {@link findAttachments}, {@link verifyRecordFiles}, {@link attachmentList}: every file a
 *   record refers to, whether its bytes still hash to the reference (a swapped file), and the
 *   printed 附件清单.
 * @module
 */
import { AttachmentError, type AttachmentErrorCode, type AttachmentLimits, type AttachmentRef } from './attachment-types.js';
import { extendLocale, resolveLocale } from './i18n.js';
import { Sha256, hex } from './sha256.js';
import attachmentsZhCN, { type AttachmentsMessages } from './locales/attachments.zh-CN.js';

export { Sha256 };

// The list's strings join the registry with this module (pages without files do not carry them).
extendLocale(attachmentsZhCN, { en: () => import('./locales/attachments.en.js') });

/* ------------------------------------------------------------------ hashing */

/** Bytes as attachments come: a Blob (a File), an ArrayBuffer or a typed array. */
export type AttachmentBytes = Blob | ArrayBuffer | ArrayBufferView;

/** Options of {@link attachmentSha256}. */
export interface HashOptions {
  /** Use `crypto.subtle` when the page has it (default true); false forces the JavaScript SHA-256. */
  subtle?: boolean;
  /** Bytes hashed between two yields of the JavaScript SHA-256 (default 1 MiB). */
  chunkSize?: number;
  /** Called after each chunk with the bytes hashed so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

const isBlob = (x: unknown): x is Blob => typeof Blob !== 'undefined' && x instanceof Blob;
const asBytes = (x: ArrayBuffer | ArrayBufferView): Uint8Array =>
  x instanceof Uint8Array ? x : ArrayBuffer.isView(x) ? new Uint8Array(x.buffer, x.byteOffset, x.byteLength) : new Uint8Array(x);
/** Lets the page breathe between chunks (a macrotask, so input and painting get their turn). */
const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

/** Size in bytes of attachment bytes. */
export function byteLength(data: AttachmentBytes): number {
  return isBlob(data) ? data.size : asBytes(data).byteLength;
}

/**
 * Lowercase hex SHA-256 of a file's bytes. With `crypto.subtle` (https pages, Node) the digest is
 * computed off the main thread; without it (intranet portals on plain http), a JavaScript SHA-256
 * reads and hashes the file in chunks, yielding to the page between chunks, so a 20 MB scan
 * never freezes it.
 */
export async function attachmentSha256(data: AttachmentBytes, opts: HashOptions = {}): Promise<string> {
  const total = byteLength(data);
  const subtle = opts.subtle === false ? undefined : globalThis.crypto?.subtle;
  if (subtle) {
    try {
      const bytes = isBlob(data) ? await data.arrayBuffer() : asBytes(data);
      const out = hex(new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource)));
      opts.onProgress?.(total, total);
      return out;
    } catch {
      /* fall through to the JavaScript SHA-256 */
    }
  }
  const chunk = Math.max(64, opts.chunkSize ?? 1024 * 1024);
  const hasher = new Sha256();
  for (let at = 0; at < total; at += chunk) {
    const piece = isBlob(data) ? new Uint8Array(await data.slice(at, at + chunk).arrayBuffer()) : asBytes(data).subarray(at, at + chunk);
    hasher.update(piece);
    opts.onProgress?.(Math.min(total, at + chunk), total);
    if (at + chunk < total) await yieldToPage();
  }
  return hasher.digestHex();
}

/* ------------------------------------------------------------- type sniffing */

/** The MIME types of the default `accept` list. */
export const MIME = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  ole: 'application/x-ole-storage',
  text: 'text/plain',
  html: 'text/html',
  svg: 'image/svg+xml',
  xml: 'application/xml',
} as const;

/** File name extensions and the type their bytes must have. */
const EXTENSIONS: Record<string, string> = {
  jpg: MIME.jpeg, jpeg: MIME.jpeg, jfif: MIME.jpeg, png: MIME.png, gif: MIME.gif, webp: MIME.webp, heic: MIME.heic, heif: MIME.heic,
  pdf: MIME.pdf, doc: MIME.doc, xls: MIME.xls, docx: MIME.docx, xlsx: MIME.xlsx, zip: MIME.zip, txt: MIME.text, csv: 'text/csv',
  html: MIME.html, htm: MIME.html, svg: MIME.svg, xml: MIME.xml,
};

/** Types that can carry script when opened in a browser: never accepted by a wildcard. */
const ACTIVE = new Set<string>([MIME.html, MIME.svg, MIME.xml, 'application/xhtml+xml', 'text/javascript', 'application/javascript']);

/** How many first bytes {@link sniffType} wants to see (enough to tell a .docx from an .xlsx). */
export const SNIFF_BYTES = 8192;

/** The lowercase extension of a file name, without the dot (`''` when none). */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(String(name ?? '').trim());
  return m ? m[1]!.toLowerCase() : '';
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/**
 * The type of a file read from its first bytes ({@link SNIFF_BYTES} of them are enough): JPEG,
 * PNG, GIF, WebP, HEIC, PDF, Word and Excel (zip-based .docx/.xlsx and the older OLE .doc/.xls),
 * HTML, SVG, XML and plain text; null when none of these. The name is consulted only to tell a
 * .doc from an .xls (the same OLE container) — never to make bytes into another type.
 */
export function sniffType(head: ArrayBuffer | ArrayBufferView, name = ''): string | null {
  const b = asBytes(head).subarray(0, SNIFF_BYTES);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return MIME.jpeg;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MIME.png;
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return MIME.gif;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return MIME.webp;
  if (ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|heim|heis|hevc|hevx|mif1|msf1)$/.test(ascii(b, 8, 12))) return MIME.heic;
  if (ascii(b, 0, 5) === '%PDF-') return MIME.pdf;
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const text = ascii(b, 0, b.length);
    if (text.includes('word/')) return MIME.docx;
    if (text.includes('xl/')) return MIME.xlsx;
    return MIME.zip;
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const ext = extensionOf(name);
    return ext === 'doc' ? MIME.doc : ext === 'xls' ? MIME.xls : MIME.ole;
  }
  return sniffText(b);
}

/** Markup (HTML, SVG, XML) or plain text, when the bytes are text at all. */
function sniffText(b: Uint8Array): string | null {
  let text: string;
  try {
    // A chunk may end inside a character: drop up to 3 trailing bytes of an incomplete one.
    let end = b.length;
    let tries = 0;
    for (;;) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, end));
        break;
      } catch (e) {
        if (tries++ >= 3 || end === 0) throw e;
        end--;
      }
    }
  } catch {
    return null;
  }
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text)) return null;
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (/^<(!doctype\s+html|html|head|body|script|iframe|meta|title|div|a\s|img|style|object|embed|!--)/.test(start)) return MIME.html;
  if (/^<svg[\s>]/.test(start) || (start.startsWith('<?xml') && start.includes('<svg'))) return MIME.svg;
  if (start.startsWith('<?xml')) return MIME.xml;
  // Markup anywhere in the first bytes makes it HTML for a browser that sniffs.
  if (/<(script|html|body|iframe|svg)[\s>]/.test(text.slice(0, SNIFF_BYTES).toLowerCase())) return MIME.html;
  return MIME.text;
}

/* ------------------------------------------------------------------- limits */

/** The default `accept` list: images, PDF, Word and Excel. */
export const DEFAULT_ACCEPT: readonly string[] = ['image/*', MIME.pdf, MIME.doc, MIME.docx, MIME.xls, MIME.xlsx];

/** Limits with every default filled in. */
export type ResolvedLimits = Required<Pick<AttachmentLimits, 'accept' | 'maxSize' | 'maxCount' | 'maxLongSide' | 'quality' | 'keepOriginal'>>;

/** The host's limits with the defaults (images, PDF, Word, Excel; 20 MiB; 20 files; photos 2048 px at 0.85). */
export function resolveAttachmentLimits(limits: AttachmentLimits = {}): ResolvedLimits {
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return {
    accept: Array.isArray(limits.accept) && limits.accept.length ? limits.accept.map((a) => String(a).trim().toLowerCase()).filter(Boolean) : [...DEFAULT_ACCEPT],
    maxSize: num(limits.maxSize, 20 * 1024 * 1024),
    maxCount: num(limits.maxCount, 20),
    maxLongSide: num(limits.maxLongSide, 2048),
    quality: Math.min(1, num(limits.quality, 0.85)),
    keepOriginal: limits.keepOriginal === true,
  };
}

/**
 * Does an `accept` list (as the attribute: `image/*`, `application/pdf`, `.docx`) take a file of
 * this (detected) type? An extension entry takes the type its bytes must have (`.docx` takes a
 * Word document). Types that can run script in a browser (HTML, SVG, XML) are taken only when
 * listed by their exact MIME type, never by `image/*` or `*\/*`.
 */
export function acceptsType(accept: readonly string[], type: string): boolean {
  const t = String(type ?? '').toLowerCase().split(';')[0]!.trim();
  if (!t) return false;
  return accept.some((raw) => {
    const a = String(raw).trim().toLowerCase();
    if (a === t) return true;
    if (ACTIVE.has(t)) return false;
    if (a.startsWith('.')) return EXTENSIONS[a.slice(1)] === t;
    if (a === '*/*' || a === '*') return true;
    return a.endsWith('/*') && t.startsWith(a.slice(0, -1));
  });
}

/** What {@link checkAttachment} decided: the file with its detected type, or why it is refused. */
export type AttachmentCheck = { ok: true; type: string } | { ok: false; code: AttachmentErrorCode };

/**
 * Checks a file against the host's limits before it is kept: the number of files already there
 * (`count`), its size, and its type as read from its first bytes (`head`, see {@link sniffType}).
 * Refused with `type` when the bytes are of no accepted type, or when they are not what the
 * name's extension says (a `.jpg` holding an HTML page, a `.pdf` holding a ZIP); `size`, `count`
 * otherwise. The declared MIME type (from the browser, from the name) is never trusted.
 */
export function checkAttachment(
  file: { name: string; size: number },
  head: ArrayBuffer | ArrayBufferView,
  limits: AttachmentLimits = {},
  count = 0,
): AttachmentCheck {
  const l = resolveAttachmentLimits(limits);
  if (count >= l.maxCount) return { ok: false, code: 'count' };
  if (!(file.size <= l.maxSize)) return { ok: false, code: 'size' };
  return checkAttachmentType(file.name, sniffType(head, file.name), l.accept);
}

/**
 * The type half of {@link checkAttachment}, for a type detected by other means (a server using
 * `file-type`): refused when there is none, when `accept` does not take it, or when the name's
 * extension says another type (the name may say less than the bytes — no extension — never
 * something else).
 */
export function checkAttachmentType(name: string, detected: string | null | undefined, accept: readonly string[] = DEFAULT_ACCEPT): AttachmentCheck {
  const type = detected ? detected.toLowerCase() : null;
  if (!type || !acceptsType(accept, type)) return { ok: false, code: 'type' };
  const claimed = EXTENSIONS[extensionOf(name)];
  const texts = new Set([MIME.text, 'text/csv']);
  if (claimed && claimed !== type && !(texts.has(claimed) && texts.has(type))) return { ok: false, code: 'type' };
  return { ok: true, type };
}

/** The first bytes of a file (for {@link checkAttachment}). */
export async function readHead(data: AttachmentBytes, n = SNIFF_BYTES): Promise<Uint8Array> {
  return isBlob(data) ? new Uint8Array(await data.slice(0, n).arrayBuffer()) : asBytes(data).subarray(0, n);
}

/**
 * The reference a store returns for bytes it keeps: hashes them, checks them against `limits`
 * and throws {@link AttachmentError} (`type`, `size`) when refused.
 */
export async function describeAttachment(
  data: AttachmentBytes,
  meta: { name: string; takenAt?: string },
  id: string,
  limits?: AttachmentLimits,
  hash: HashOptions = {},
): Promise<AttachmentRef> {
  const size = byteLength(data);
  const checked = checkAttachment({ name: meta.name, size }, await readHead(data), limits ?? { accept: ['*/*'], maxSize: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER });
  if (!checked.ok) throw new AttachmentError(checked.code, undefined, { name: meta.name, size });
  const ref: AttachmentRef = { id, name: String(meta.name), type: checked.type, size, sha256: await attachmentSha256(data, hash) };
  if (meta.takenAt) ref.takenAt = meta.takenAt;
  return ref;
}

/* -------------------------------------------------------------------- names */

/**
 * Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) and other
 * invisible or control characters that can make a name read as something else
 * (`invoice‮fdp.exe` showing as `invoiceexe.pdf`).
 */
const TRICKY = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * A file name as it may be shown: bidirectional and control characters replaced by U+FFFD (so a
 * reader sees that something was there), long names shortened in the middle keeping the
 * extension. For display only — the reference keeps the name as it was given, and a name is
 * never used as a path. Render it as text (and inside `<bdi>` next to other text).
 */
export function displayFileName(name: string, max = 80): string {
  let s = String(name ?? '').replace(TRICKY, '\uFFFD').trim();
  if (!s) return '\uFFFD';
  const chars = Array.from(s);
  if (chars.length > max) {
    const ext = extensionOf(s);
    const keep = ext ? ext.length + 1 : 0;
    const head = Math.max(1, max - keep - 1);
    s = chars.slice(0, head).join('') + '…' + (keep ? chars.slice(chars.length - keep).join('') : '');
  }
  return s;
}

/**
 * A `Content-Disposition` header value for a download of a file with this name:
 * `attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<percent-encoded name>`. Path
 * separators, quotes, control and bidirectional characters never reach the header; names are
 * cut to 200 characters. (Quotes become `_` too: no system keeps them in file names.)
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  let clean = String(name ?? '')
    .replace(TRICKY, '_')
    .replace(/[\\/"]/g, '_')
    .trim();
  clean = clean.replace(/^\.+/, '_') || 'file';
  const chars = Array.from(clean);
  if (chars.length > 200) {
    const ext = extensionOf(clean);
    clean = chars.slice(0, 200 - (ext ? ext.length + 1 : 0)).join('') + (ext ? `.${ext}` : '');
  }
  const fallback = clean.replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Bytes as people read them: `532 B`, `12.4 KB`, `1.2 MB` (1 KB = 1024 B). */
export function formatFileSize(bytes: number, lang = 'zh-CN'): string {
  const n = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  const fmt = (v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v);
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${fmt(n / 1024)} KB`;
  if (n < 1024 * 1024 * 1024) return `${fmt(n / 1024 / 1024)} MB`;
  return `${fmt(n / 1024 / 1024 / 1024)} GB`;
}

/* -------------------------------------------------------------- upload queue */

/** Where one file is on its way to the server. */
export type UploadState = 'pending' | 'uploading' | 'stored' | 'failed';

/** One file in the upload queue (kept in IndexedDB by the local-first store). */
export interface UploadJob {
  /** The reference the record holds (its id is the key of the job). */
  ref: AttachmentRef;
  state: UploadState;
  /** Failed attempts so far. */
  attempts: number;
  /** Epoch ms before which a failed job is not tried again (absent: not to be retried by itself). */
  retryAt?: number;
  /** Why the last attempt failed. */
  error?: AttachmentErrorCode;
  /** The server's upload session, so an interrupted upload resumes instead of starting again. */
  uploadId?: string;
  /** The remote store's id of the file when it differs from `ref.id` (a host's own file service). */
  remoteId?: string;
  /** When it was queued (epoch ms). */
  queuedAt: number;
}

/** Backoff after a failed upload. */
export interface BackoffOptions {
  /** Delay after the first failure, in ms (default 2 s). */
  baseMs?: number;
  /** Longest delay, in ms (default 5 minutes). */
  maxMs?: number;
  /** Failures after which a job waits for a person to retry it (default: never gives up). */
  maxAttempts?: number;
}

/**
 * Delay before attempt `attempt + 1` after `attempt` failures: `base × 2^(attempt−1)`, capped at
 * `maxMs`, then jittered into its upper half with `random()` (∈ [0, 1)) so a hundred clients that
 * went offline together do not come back at the same instant.
 */
export function backoffDelay(attempt: number, random: () => number, { baseMs = 2000, maxMs = 5 * 60 * 1000 }: BackoffOptions = {}): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(40, attempt - 1)));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(Math.min(maxMs, exp / 2 + (exp / 2) * r));
}

/** Codes that no retry can cure: the job waits for a person (or is dropped). */
const FINAL: ReadonlySet<AttachmentErrorCode> = new Set<AttachmentErrorCode>(['type', 'size', 'count', 'forbidden']);

/** A new job for a file just kept locally. */
export function enqueueUpload(ref: AttachmentRef, now: number): UploadJob {
  return { ref, state: 'pending', attempts: 0, queuedAt: now };
}

/** The job as an attempt starts. */
export function uploadStarted(job: UploadJob): UploadJob {
  const { retryAt: _r, error: _e, ...rest } = job;
  return { ...rest, state: 'uploading' };
}

/** The job once the server stores the file (`remoteId` when the remote gave it another id). */
export function uploadStored(job: UploadJob, remoteId?: string): UploadJob {
  const { retryAt: _r, error: _e, uploadId: _u, ...rest } = job;
  return { ...rest, state: 'stored', ...(remoteId && remoteId !== job.ref.id ? { remoteId } : {}) };
}

/**
 * The job after a failed attempt. Being offline is no failure (the job goes back to `pending`
 * and waits for the network); a refusal no retry can cure (`type`, `size`, `forbidden`) leaves
 * it `failed` without a retry time; anything else is retried after {@link backoffDelay}, until
 * `maxAttempts`.
 */
export function uploadFailed(job: UploadJob, code: AttachmentErrorCode, now: number, random: () => number, opts: BackoffOptions = {}): UploadJob {
  const { retryAt: _r, ...rest } = job;
  if (code === 'offline') return { ...rest, state: 'pending', error: code };
  const attempts = job.attempts + 1;
  if (FINAL.has(code) || attempts >= (opts.maxAttempts ?? Infinity)) return { ...rest, state: 'failed', attempts, error: code };
  return { ...rest, state: 'failed', attempts, error: code, retryAt: now + backoffDelay(attempts, random, opts) };
}

/** The job to upload next at `now` (pending first, then failed ones whose time has come), or undefined. */
export function nextUpload(jobs: readonly UploadJob[], now: number): UploadJob | undefined {
  const due = jobs.filter((j) => j.state === 'pending' || (j.state === 'failed' && j.retryAt !== undefined && j.retryAt <= now));
  return due.sort((a, b) => (a.state === b.state ? 0 : a.state === 'pending' ? -1 : 1) || a.queuedAt - b.queuedAt)[0];
}

/** When the next failed job may be retried (epoch ms), or undefined when none waits. */
export function nextRetryAt(jobs: readonly UploadJob[]): number | undefined {
  const times = jobs.filter((j) => j.state === 'failed' && j.retryAt !== undefined).map((j) => j.retryAt!);
  return times.length ? Math.min(...times) : undefined;
}

/** Jobs not yet stored on the server (what "3 个附件待上传" counts). */
export function pendingUploads(jobs: readonly UploadJob[]): UploadJob[] {
  return jobs.filter((j) => j.state !== 'stored');
}

/* ----------------------------------------------------- files of a record */

/** Is `v` an {@link AttachmentRef} (id, name, type, size and a 64-hex sha256)? */
export function isAttachmentRef(v: unknown): v is AttachmentRef {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o['id'] === 'string' && typeof o['name'] === 'string' && typeof o['type'] === 'string' && typeof o['size'] === 'number' && typeof o['sha256'] === 'string' && /^[0-9a-f]{64}$/i.test(o['sha256']);
}

/** One file a record refers to, and where. */
export interface FoundAttachment {
  ref: AttachmentRef;
  /** Path of the reference in the record (`items.0.evidence.1.file`). */
  path: string;
  /** Title of the evidence entry holding it, when it has one. */
  title?: string;
  /** The path as people read it, in the record's words (`ZG-001 › 佐证材料 2`). */
  where: string;
}

/**
 * Every file reference in a record (ledger, checklist response, interview record…): each
 * `file` member that is an {@link AttachmentRef}, in document order. Cycles and depth beyond
 * 64 are not followed.
 */
export function findAttachments(record: unknown, lang = 'zh-CN'): FoundAttachment[] {
  const t = resolveLocale(lang) as unknown as AttachmentsMessages;
  const out: FoundAttachment[] = [];
  const seen = new Set<object>();
  const label = (key: string, parent: string | undefined) =>
    key === 'evidence' ? (parent === 'problem' ? t.attListProblemEvidence : t.attListEvidence) : key === 'problem' ? undefined : key === 'items' ? undefined : key;
  // `labelled`: the last segment of `where` names the array being walked (佐证材料 → 佐证材料 2).
  const walk = (v: unknown, path: string[], where: string[], depth: number, labelled: boolean) => {
    if (!v || typeof v !== 'object' || depth > 64 || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const o = x && typeof x === 'object' ? (x as Record<string, unknown>) : undefined;
        const id = o && typeof o['id'] === 'string' && !isAttachmentRef(o) ? String(o['id']) : undefined;
        const segs = id ? [...where, id] : labelled ? [...where.slice(0, -1), `${where[where.length - 1]} ${i + 1}`] : [...where, t.attListItem(i + 1)];
        walk(x, [...path, String(i)], segs, depth + 1, false);
      });
      return;
    }
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      if (k === 'signature') continue;
      if (k === 'file' && isAttachmentRef(x)) {
        const title = typeof o['title'] === 'string' && o['title'].trim() ? o['title'] : undefined;
        out.push({ ref: x, path: [...path, k].join('.'), ...(title ? { title } : {}), where: where.join(t.attListSep) });
        continue;
      }
      const l = label(k, path[path.length - 1]);
      walk(x, [...path, k], l ? [...where, l] : where, depth + 1, !!l);
    }
  };
  walk(record, [], [], 0, false);
  return out;
}

/** A file whose bytes are missing, or no longer hash to its reference. */
export interface FileProblem extends FoundAttachment {
  /** `changed`: the bytes hash to something else (a swapped file); `missing`: no bytes found. */
  problem: 'changed' | 'missing';
  /** The SHA-256 of the bytes found, when `changed`. */
  actual?: string;
}

/**
 * Hashes every file a record refers to again and lists those whose bytes are missing or no
 * longer match the reference's `sha256`. With a signed record, {@link verifySignedRecord} proves
 * the references (names, sizes, hashes) unchanged and this proves the bytes behind them are the
 * ones signed. `getBytes` fetches the bytes: a function (`ref => …`) or an AttachmentStore.
 */
export async function verifyRecordFiles(
  record: unknown,
  getBytes: ((ref: AttachmentRef) => Promise<AttachmentBytes | null | undefined>) | { get(ref: AttachmentRef): Promise<AttachmentBytes | null> },
  opts: HashOptions = {},
): Promise<FileProblem[]> {
  const fetchBytes = typeof getBytes === 'function' ? getBytes : (ref: AttachmentRef) => getBytes.get(ref);
  const out: FileProblem[] = [];
  for (const found of findAttachments(record)) {
    let bytes: AttachmentBytes | null | undefined;
    try {
      bytes = await fetchBytes(found.ref);
    } catch {
      bytes = null;
    }
    if (bytes == null) {
      out.push({ ...found, problem: 'missing' });
      continue;
    }
    const actual = await attachmentSha256(bytes, opts);
    if (actual !== found.ref.sha256.toLowerCase()) out.push({ ...found, problem: 'changed', actual });
  }
  return out;
}

/** One row of the printed list of attached files (附件清单). Every text is plain text. */
export interface AttachmentListRow {
  /** 1-based number. */
  no: number;
  /** The name as it may be shown ({@link displayFileName}). */
  name: string;
  /** The kind, as people read it (图片, PDF 文档, Word 文档…). */
  type: string;
  /** The size as people read it (`1.2 MB`). */
  size: string;
  /** First 8 hex digits of the SHA-256, enough to match paper with file. */
  hash: string;
  /** Where in the record the file is (`ZG-001 › 佐证材料 2`), with the evidence title when it has one. */
  where: string;
  ref: AttachmentRef;
}

/** The kind of a MIME type as people read it. */
export function attachmentKind(type: string, lang = 'zh-CN'): string {
  const t = resolveLocale(lang) as unknown as AttachmentsMessages;
  const m = String(type ?? '').toLowerCase();
  if (m.startsWith('image/')) return t.attTypeImage;
  if (m === MIME.pdf) return t.attTypePdf;
  if (m === MIME.doc || m === MIME.docx) return t.attTypeWord;
  if (m === MIME.xls || m === MIME.xlsx) return t.attTypeExcel;
  if (m.startsWith('text/')) return t.attTypeText;
  return t.attTypeOther;
}

/**
 * The rows of the printed 附件清单: every file a record refers to, with its name, kind, size
 * (`1.2 MB`), the first 8 hex digits of its hash and where it is in the record. Headings are
 * in {@link attachmentListHeadings}.
 */
export function attachmentList(record: unknown, lang = 'zh-CN'): AttachmentListRow[] {
  const t = resolveLocale(lang) as unknown as AttachmentsMessages;
  return findAttachments(record, lang).map((f, i) => ({
    no: i + 1,
    name: displayFileName(f.ref.name),
    type: attachmentKind(f.ref.type, lang),
    size: formatFileSize(f.ref.size, lang),
    hash: f.ref.sha256.slice(0, 8).toLowerCase(),
    where: [f.where, f.title].filter(Boolean).join(t.attListSep),
    ref: f.ref,
  }));
}

/** Title and column headings of the printed 附件清单. */
export function attachmentListHeadings(lang = 'zh-CN'): { title: string; no: string; name: string; type: string; size: string; hash: string; where: string } {
  const t = resolveLocale(lang) as unknown as AttachmentsMessages;
  return { title: t.attListTitle, no: t.attListNo, name: t.attListName, type: t.attListType, size: t.attListSize, hash: t.attListHash, where: t.attListWhere };
}

/** What an {@link AttachmentErrorCode} means, for people. */
export function attachmentErrorMessage(code: AttachmentErrorCode, lang = 'zh-CN'): string {
  const t = resolveLocale(lang) as unknown as AttachmentsMessages;
  return t.attError[code] ?? t.attError['failed']!;
}

/** Reads an error of any kind as an {@link AttachmentErrorCode}. */
export function attachmentErrorCode(e: unknown): AttachmentErrorCode {
  if (e instanceof AttachmentError) return e.code;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'quota';
  return 'failed';
}

/**
 * Limits and file types of `<xc-attachments>`: defaults, the `accept` check, what kind a file
 * is (image, PDF, Word, Excel) and sizes as people read them. No DOM.
 * @internal
 */
import type { AttachmentLimits } from '../core/attachment-types.js';

const WORD = ['application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];
const EXCEL = ['application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** The limits in force when the host sets none. */
export const DEFAULT_LIMITS: Required<AttachmentLimits> = {
  accept: ['image/*', 'application/pdf', '.pdf', '.doc', '.docx', '.xls', '.xlsx', ...WORD, ...EXCEL],
  maxSize: 20 * 1024 * 1024,
  maxCount: 20,
  maxLongSide: 2048,
  quality: 0.85,
  keepOriginal: false,
};

/** The host's limits over the defaults (members left undefined keep the default). */
export function resolveLimits(...layers: (AttachmentLimits | undefined)[]): Required<AttachmentLimits> {
  const out = { ...DEFAULT_LIMITS };
  for (const l of layers) for (const [k, v] of Object.entries(l ?? {})) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  pdf: 'application/pdf',
  doc: WORD[0]!,
  docx: WORD[1]!,
  xls: EXCEL[0]!,
  xlsx: EXCEL[1]!,
};

/** The extension of a name, lowercase, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,8})$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** The file's type: as the browser reports it, or from the extension when the browser gives none. */
export function typeOf(file: { name: string; type: string }): string {
  return file.type || BY_EXTENSION[extensionOf(file.name)] || 'application/octet-stream';
}

/** Whether `accept` (MIME types, `type/*` and `.ext`) takes the file. */
export function accepts(accept: readonly string[], file: { name: string; type: string }): boolean {
  const type = typeOf(file).toLowerCase();
  const ext = extensionOf(file.name);
  return accept.some((raw) => {
    const a = raw.trim().toLowerCase();
    if (a.startsWith('.')) return a.slice(1) === ext;
    if (a.endsWith('/*')) return type.startsWith(a.slice(0, -1));
    return a === type;
  });
}

/** The kinds of file people know. */
export type FileKind = 'image' | 'pdf' | 'word' | 'excel' | 'other';

/** What kind of file a type (and name) is. */
export function kindOf(type: string, name = ''): FileKind {
  const ext = extensionOf(name);
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (WORD.includes(type) || ext === 'doc' || ext === 'docx') return 'word';
  if (EXCEL.includes(type) || ext === 'xls' || ext === 'xlsx') return 'excel';
  return 'other';
}

/** The kinds an `accept` list takes, in a fixed order, and the tokens that are none of them. */
export function acceptedKinds(accept: readonly string[]): { kinds: FileKind[]; others: string[] } {
  const kinds = new Set<FileKind>();
  const others: string[] = [];
  for (const raw of accept) {
    const a = raw.trim().toLowerCase();
    const k = a === 'image/*' || a.startsWith('image/') ? 'image' : kindOf(a.startsWith('.') ? '' : a, a.startsWith('.') ? `x${a}` : '');
    if (k === 'other') others.push(raw);
    else kinds.add(k);
  }
  return { kinds: (['image', 'pdf', 'word', 'excel'] as FileKind[]).filter((k) => kinds.has(k)), others };
}

/** A size in bytes as people read it: 532 B, 14 KB, 2.4 MB. */
export function formatSize(bytes: number, lang: string): string {
  const n = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  const [value, unit] = n < 1024 ? [n, 'B'] : n < 1024 * 1024 ? [n / 1024, 'KB'] : [n / 1024 / 1024, 'MB'];
  const digits = unit === 'B' || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value)} ${unit}`;
}

/**
 * When a photo was taken, read from its JPEG EXIF (`DateTimeOriginal`), for
 * `AttachmentRef.takenAt`. Pure and small: no DOM, no image library; it reads only the first
 * segments of the file. A photo without the tag (a screenshot, a scan, EXIF stripped by a
 * messenger) has no `takenAt`: the time it was attached is never put in its place.
 * @module
 */

/** How many first bytes {@link exifTakenAt} needs at most (EXIF sits in APP1, within the first 64 KiB). */
export const EXIF_BYTES = 128 * 1024;

const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME = 0x9010;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;

/** Options of {@link exifTakenAt}. */
export interface ExifTakenAtOptions {
  /**
   * The UTC offset (`+08:00`) to give the camera's time when the photo does not say its own
   * (`OffsetTimeOriginal`, EXIF 2.31); a function gets the wall-clock time read. Without it such a
   * photo has no `takenAt` (an RFC 3339 time needs an offset).
   */
  offset?: string | ((wallClock: { year: number; month: number; day: number; hour: number; minute: number; second: number }) => string | undefined);
}

/**
 * The time a JPEG photo was taken as RFC 3339 (`2026-11-20T09:31:05+08:00`), from its EXIF
 * `DateTimeOriginal` and `OffsetTimeOriginal` (or `OffsetTime`, else `options.offset`); undefined
 * when the bytes are not a JPEG, carry no such tag, or the tag is empty or not a real date.
 * Never throws.
 */
export function exifTakenAt(head: ArrayBuffer | ArrayBufferView, options: ExifTakenAtOptions = {}): string | undefined {
  try {
    const b = head instanceof Uint8Array ? head : ArrayBuffer.isView(head) ? new Uint8Array(head.buffer, head.byteOffset, head.byteLength) : new Uint8Array(head);
    const tiff = findExif(b);
    return tiff ? readTakenAt(tiff, options) : undefined;
  } catch {
    return undefined;
  }
}

/** The TIFF block of the JPEG's EXIF APP1 segment, or undefined. */
function findExif(b: Uint8Array): DataView | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // image data or end: no EXIF before it
    const len = (b[at + 2]! << 8) | b[at + 3]!;
    if (len < 2) return undefined;
    const start = at + 4;
    if (marker === 0xe1 && len >= 8 && String.fromCharCode(...b.subarray(start, start + 6)) === 'Exif\0\0') {
      const end = Math.min(b.length, at + 2 + len);
      return new DataView(b.buffer, b.byteOffset + start + 6, Math.max(0, end - start - 6));
    }
    at += 2 + len;
  }
  return undefined;
}

interface Entry {
  type: number;
  count: number;
  /** Offset of the value (inline in the entry when it fits in 4 bytes). */
  value: number;
}

/** The entries of the IFD at `offset`, by tag. */
function readIfd(v: DataView, offset: number, le: boolean): Map<number, Entry> {
  const out = new Map<number, Entry>();
  if (offset < 8 || offset + 2 > v.byteLength) return out;
  const n = v.getUint16(offset, le);
  for (let i = 0; i < n && i < 512; i++) {
    const e = offset + 2 + i * 12;
    if (e + 12 > v.byteLength) break;
    const type = v.getUint16(e + 2, le);
    const count = v.getUint32(e + 4, le);
    const size = type === 2 || type === 1 || type === 7 ? count : type === 3 ? count * 2 : count * 4;
    out.set(v.getUint16(e, le), { type, count, value: size <= 4 ? e + 8 : v.getUint32(e + 8, le) });
  }
  return out;
}

/** An ASCII value, without its trailing NUL(s). */
function ascii(v: DataView, e: Entry | undefined): string | undefined {
  if (!e || e.type !== 2 || e.value + e.count > v.byteLength) return undefined;
  let s = '';
  for (let i = 0; i < e.count; i++) {
    const c = v.getUint8(e.value + i);
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function readTakenAt(v: DataView, options: ExifTakenAtOptions): string | undefined {
  if (v.byteLength < 8) return undefined;
  const order = v.getUint16(0);
  const le = order === 0x4949; // "II"
  if (!le && order !== 0x4d4d) return undefined; // "MM"
  if (v.getUint16(2, le) !== 42) return undefined;
  const ifd0 = readIfd(v, v.getUint32(4, le), le);
  const ptr = ifd0.get(TAG_EXIF_IFD);
  if (!ptr) return undefined;
  const exif = readIfd(v, ptr.type === 4 || ptr.type === 13 ? v.getUint32(ptr.value, le) : -1, le);
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(ascii(v, exif.get(TAG_DATE_TIME_ORIGINAL)) ?? '');
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  const own = [TAG_OFFSET_TIME_ORIGINAL, TAG_OFFSET_TIME].map((t) => ascii(v, exif.get(t))?.trim()).find((o) => o && /^[+-]\d{2}:\d{2}$/.test(o));
  const given = typeof options.offset === 'function' ? options.offset({ year, month, day, hour, minute, second }) : options.offset;
  const offset = own ?? (given && /^([+-]\d{2}:\d{2}|Z)$/.test(given) ? given : undefined);
  if (!offset) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`;
}

/** The offset of this machine's time zone at a wall-clock time (`+08:00`), for {@link ExifTakenAtOptions.offset}. */
export function localOffsetAt(w: { year: number; month: number; day: number; hour: number; minute: number; second: number }): string {
  const minutes = -new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second).getTimezoneOffset();
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

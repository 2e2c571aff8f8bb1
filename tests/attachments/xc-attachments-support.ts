// Test support for <xc-attachments>: an in-memory AttachmentStore and generated images.
import type { AttachmentMeta, AttachmentRef, AttachmentStore } from '../../src/core/attachment-types.js';

export interface MemoryStore extends AttachmentStore {
  blobs: Map<string, Blob>;
  removed: string[];
  puts: AttachmentMeta[];
}

async function sha256(blob: Blob): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A store that keeps the bytes in a Map (ids m1, m2, …); `pendingCount` when asked for. */
export function memoryStore(opts: { pending?: number } = {}): MemoryStore & { pendingCount?: number } {
  let n = 0;
  const store: MemoryStore & { pendingCount?: number } = {
    blobs: new Map(),
    removed: [],
    puts: [],
    async put(blob, meta) {
      const ref: AttachmentRef = { id: `m${++n}`, name: meta.name, type: meta.type, size: blob.size, sha256: await sha256(blob) };
      store.blobs.set(ref.id, blob);
      store.puts.push(meta);
      return ref;
    },
    async get(ref) {
      return store.blobs.get(ref.id) ?? null;
    },
    async remove(ref) {
      store.removed.push(ref.id);
      store.blobs.delete(ref.id);
    },
  };
  if (opts.pending !== undefined) store.pendingCount = opts.pending;
  return store;
}

/** A picture drawn on a canvas: left half red, right half blue. */
export async function picture(width: number, height: number, type = 'image/jpeg', quality = 0.9): Promise<Blob> {
  const c = new OffscreenCanvas(width, height);
  const g = c.getContext('2d')!;
  g.fillStyle = '#ff0000';
  g.fillRect(0, 0, width / 2, height);
  g.fillStyle = '#0000ff';
  g.fillRect(width / 2, 0, width - width / 2, height);
  return c.convertToBlob({ type, quality });
}

/**
 * The same JPEG with an EXIF block saying "rotate 90° clockwise to show" (orientation 6), as a
 * phone held upright writes it: the bytes of an APP1 segment put right after the start marker.
 */
export async function withExifOrientation(jpeg: Blob, orientation: number): Promise<Blob> {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
  const payload = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff];
  const len = payload.length + 2;
  const app1 = [0xff, 0xe1, len >> 8, len & 0xff, ...payload];
  return new Blob([bytes.slice(0, 2), new Uint8Array(app1), bytes.slice(2)], { type: 'image/jpeg' });
}

/** Colour of one pixel of an image blob, after the browser applied its EXIF orientation. */
export async function pixel(blob: Blob, x: number, y: number): Promise<[number, number, number]> {
  const bmp = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const g = c.getContext('2d')!;
  g.drawImage(bmp, 0, 0);
  const d = g.getImageData(x, y, 1, 1).data;
  return [d[0]!, d[1]!, d[2]!];
}

/** Base64 of a blob's bytes (for the file chooser command). */
export async function base64(blob: Blob): Promise<string> {
  let s = '';
  for (const b of new Uint8Array(await blob.arrayBuffer())) s += String.fromCharCode(b);
  return btoa(s);
}

/** A small PDF (enough for its type and name). */
export const pdfBytes = () => new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], { type: 'application/pdf' });

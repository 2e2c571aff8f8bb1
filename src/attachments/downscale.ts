/**
 * Photos made smaller before they are stored, with no image library: the browser decodes
 * (`createImageBitmap`, off the main thread in Chromium, EXIF orientation applied), draws smaller
 * with high-quality smoothing and encodes (`OffscreenCanvas.convertToBlob`, or `canvas.toBlob`). Nothing is
 * loaded from anywhere (no worker script from a CDN, which a strict CSP would refuse anyway).
 * @internal
 */

import { EXIF_BYTES, exifTakenAt, localOffsetAt } from '../core/attachments-exif.js';

/** Types this module re-encodes; anything else (GIF animations, SVG, HEIC…) is stored as it is. */
const RESIZABLE = /^image\/(jpeg|png|webp)$/;

/** Decode with the EXIF orientation applied (older Chromium lacks `imageOrientation: 'from-image'`). */
export async function decode(blob: Blob, options: ImageBitmapOptions = {}): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(blob, { imageOrientation: 'from-image', ...options });
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return createImageBitmap(blob, options);
  }
}

/** Size of the long side after downscaling: `{ width, height }` within `maxLongSide`, never larger than the source. */
export function fitLongSide(width: number, height: number, maxLongSide: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (!maxLongSide || long <= maxLongSide) return { width, height };
  const k = maxLongSide / long;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/** Source pixels drawn per task: 15–40 ms of the main thread on a slow, busy machine. */
const PIXELS_PER_TASK = 1_000_000;

/**
 * Draw a bitmap at `width`×`height` (smoothing high) and encode it as `type`. The drawing, which
 * the browser rasterises on the main thread, goes in bands of rows, one task each (a read of one
 * pixel makes each band raster at once), so a 12-megapixel photo never holds the page.
 */
async function encode(bitmap: ImageBitmap, width: number, height: number, type: string, quality: number): Promise<Blob> {
  const offscreen = typeof OffscreenCanvas === 'function';
  const canvas = offscreen ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  // Read back once per band (that makes each band raster at once): a canvas made for reading.
  const g = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  g.imageSmoothingQuality = 'high';
  const k = height / bitmap.height;
  const band = Math.max(1, Math.floor((PIXELS_PER_TASK / bitmap.width) * k));
  for (let y = 0; y < height; y += band) {
    const h = Math.min(band, height - y);
    g.drawImage(bitmap, 0, y / k, bitmap.width, h / k, 0, y, width, h);
    g.getImageData(0, y, 1, 1);
    await new Promise((r) => setTimeout(r, 0));
  }
  if (canvas instanceof HTMLCanvasElement) return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), type, quality));
  return (canvas as OffscreenCanvas).convertToBlob({ type, quality });
}

/**
 * A photo whose long side is at most `maxLongSide` pixels (0: as it is), upright as the camera
 * meant it (EXIF orientation), re-encoded at `quality`. Images already small enough, and types
 * this does not re-encode, come back unchanged. Rejects when the bytes are not a decodable image.
 */
export async function downscale(blob: Blob, maxLongSide: number, quality: number): Promise<Blob> {
  if (!maxLongSide || !RESIZABLE.test(blob.type)) return blob;
  // Decoding a blob runs off the main thread; decoding with resize options does not (a 4000×3000
  // photo held the page for 100–400 ms that way), so the full-size bitmap is drawn smaller instead.
  const bitmap = await decode(blob);
  try {
    const size = fitLongSide(bitmap.width, bitmap.height, maxLongSide);
    if (size.width === bitmap.width && size.height === bitmap.height) return blob;
    const out = await encode(bitmap, size.width, size.height, blob.type, quality);
    // A PNG screenshot may come out larger re-encoded at a smaller size only in odd cases: keep the smaller.
    return out.size < blob.size ? out : blob;
  } finally {
    bitmap.close();
  }
}

/**
 * When a JPEG photo was taken (RFC 3339), from its EXIF `DateTimeOriginal`, read before
 * downscaling drops the EXIF: the camera's own offset when it wrote one, else this machine's
 * offset at that wall-clock time. Undefined for other files and photos without the tag (never the
 * time of attaching). For `AttachmentMeta.takenAt`.
 */
export async function photoTakenAt(blob: Blob): Promise<string | undefined> {
  if (!/^image\/jpe?g$/i.test(blob.type)) return undefined;
  try {
    return exifTakenAt(new Uint8Array(await blob.slice(0, EXIF_BYTES).arrayBuffer()), { offset: localOffsetAt });
  } catch {
    return undefined;
  }
}

/**
 * The pictures of `<xc-attachments>`: square thumbnails drawn on `<canvas class="thumb">` (so a
 * strict `img-src 'self'` needs no `blob:`), fetched from the store one at a time with the page
 * free between them, and the preview dialog's picture. Pictures decode off the main thread at full
 * size and are drawn small (decoding with resize options would run on the main thread and hold the
 * page when a record with many photos opens).
 */
import type { AttachmentStore } from '../core/attachment-types.js';
import { decode } from './downscale.js';
import type { FileEvidence } from './file-evidence.js';

/** Let the page breathe between two files: input, paint and other tasks run. */
export const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

/** Backing pixels of a thumbnail (drawn at twice its CSS size, for sharp screens). */
export const THUMB = 160;
/** Long side of the preview's bitmap. */
const PREVIEW = 1600;

/** A square thumbnail bitmap covering the middle of the picture, cropped on its long side. */
async function thumbnail(blob: Blob): Promise<ImageBitmap> {
  const full = await decode(blob);
  try {
    const side = Math.min(full.width, full.height);
    const canvas = new OffscreenCanvas(THUMB, THUMB);
    const g = canvas.getContext('2d')!;
    g.imageSmoothingQuality = 'medium';
    g.drawImage(full, (full.width - side) / 2, (full.height - side) / 2, side, side, 0, 0, THUMB, THUMB);
    return canvas.transferToImageBitmap();
  } finally {
    full.close();
  }
}

/** What the thumbnails need of the element. */
export interface ThumbsHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The store in force. */
  readonly activeStore: AttachmentStore | undefined;
  requestUpdate(): void;
}

/** The thumbnails of one element: bitmaps by file id (`null`: not a picture the browser can read). */
export class Thumbnails {
  private bitmaps = new Map<string, ImageBitmap | null>();
  private queue: FileEvidence[] = [];
  private fetching = false;

  /** `files`: the file entries of the element's list. */
  constructor(
    private readonly host: ThumbsHost,
    private readonly files: () => FileEvidence[],
  ) {}

  /** Draw every thumbnail that has its bitmap; fetch the missing ones one at a time (the element renders again as each arrives). */
  draw(): void {
    if (!this.host.activeStore) return;
    for (const canvas of Array.from(this.host.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas.thumb'))) {
      const id = canvas.dataset['id']!;
      if (canvas.dataset['drawn'] === id) continue;
      const bmp = this.bitmaps.get(id);
      if (bmp === undefined) {
        const entry = this.files().find((e) => e.file.id === id);
        if (entry && !this.queue.includes(entry)) this.queue.push(entry);
        continue;
      }
      const ctx = canvas.getContext('2d');
      ctx?.clearRect(0, 0, THUMB, THUMB);
      if (bmp && ctx) ctx.drawImage(bmp, 0, 0);
      canvas.dataset['drawn'] = id;
    }
    void this.fetch();
  }

  private async fetch(): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    try {
      let entry: FileEvidence | undefined;
      while ((entry = this.queue.shift())) {
        const store = this.host.activeStore;
        let bmp: ImageBitmap | null = null;
        try {
          const blob = store ? await store.get(entry.file) : null;
          if (blob) bmp = await thumbnail(blob);
        } catch {
          bmp = null;
        }
        this.bitmaps.set(entry.file.id, bmp);
        this.host.requestUpdate();
        await yieldToPage();
      }
    } finally {
      this.fetching = false;
    }
  }
}

/**
 * Draw a picture in the preview's canvas, its long side at most PREVIEW pixels. `target` gives the
 * canvas, or null when the preview has moved on; a picture the browser cannot decode draws nothing.
 */
export async function drawPreview(blob: Blob, target: () => HTMLCanvasElement | null): Promise<void> {
  try {
    const bmp = await decode(blob);
    const k = Math.min(1, PREVIEW / Math.max(bmp.width, bmp.height));
    const canvas = target();
    if (canvas) {
      canvas.width = Math.max(1, Math.round(bmp.width * k));
      canvas.height = Math.max(1, Math.round(bmp.height * k));
      const g = canvas.getContext('2d')!;
      g.imageSmoothingQuality = 'high';
      g.drawImage(bmp, 0, 0, canvas.width, canvas.height);
    }
    bmp.close();
  } catch {
    /* not decodable: the dialog keeps its name and the close button */
  }
}

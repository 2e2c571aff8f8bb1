/**
 * The printed list of attached files (附件清单) after a record: number, name, kind, size, the first
 * 8 hex digits of the SHA-256 and where in the record the file is (core `attachmentList`). Images
 * may show as thumbnails (`print-thumbnails` on the element), drawn on `<canvas>` from the store's
 * bytes as `<xc-attachments>` draws them, so a strict CSP needs no `img-src blob:`. A chunk of its
 * own, loaded only when a record has files (see print-hook.ts).
 * @internal
 */
import { html, nothing, type ReactiveElement } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { attachmentList, attachmentListHeadings, type AttachmentListRow } from '../core/attachments.js';
import type { AttachmentStore } from '../core/attachment-types.js';
import { isLocaleReady, loadLocale } from '../core/i18n.js';
import { decode } from './downscale.js';
import { adoptSheet } from '../base/adopt-sheet.js';

/** Options of {@link renderAttachmentList}. */
export interface AttachmentListOptions {
  lang: string;
  /** Draw images as thumbnails (needs `store`). */
  thumbnails?: boolean;
  store?: AttachmentStore;
  /** Hidden on screen, shown in print (elements that print themselves, not a print layout). */
  printOnly?: boolean;
}

const styles = `
.xc-att-list { margin-top: 12pt; break-inside: auto; }
.xc-att-list[data-print-only] { display: none; }
@media print { .xc-att-list[data-print-only] { display: block; } }
.xc-att-list h2 { font-size: 1.1em; margin: 0 0 6pt; }
.xc-att-list table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
.xc-att-list th, .xc-att-list td { border: 1px solid currentColor; padding: 2pt 4pt; text-align: start; vertical-align: top; }
.xc-att-list tr { break-inside: avoid; }
.xc-att-list .hash { font-family: ui-monospace, Menlo, Consolas, monospace; }
.xc-att-list canvas { display: block; width: 20mm; height: 20mm; margin-bottom: 2pt; }
`;

/** Backing pixels of a printed thumbnail (20 mm at about 200 dpi). */
const THUMB = 160;
/** Thumbnails by file hash: a bitmap, or null when the bytes are not there or not an image. */
const thumbs = new Map<string, ImageBitmap | null>();
const queue: { key: string; store: AttachmentStore; row: AttachmentListRow; host: ReactiveElement }[] = [];
let working = false;

async function makeThumb(blob: Blob): Promise<ImageBitmap> {
  const full = await decode(blob);
  try {
    const k = Math.min(1, THUMB / Math.max(full.width, full.height));
    const w = Math.max(1, Math.round(full.width * k));
    const h = Math.max(1, Math.round(full.height * k));
    const canvas = new OffscreenCanvas(w, h);
    const g = canvas.getContext('2d')!;
    g.imageSmoothingQuality = 'high';
    g.drawImage(full, 0, 0, w, h);
    return canvas.transferToImageBitmap();
  } finally {
    full.close();
  }
}

/** Fetch and draw missing thumbnails one at a time, the page free between them. */
async function work(): Promise<void> {
  if (working) return;
  working = true;
  try {
    let job;
    while ((job = queue.shift())) {
      if (thumbs.has(job.key)) continue;
      let bmp: ImageBitmap | null = null;
      try {
        const blob = await job.store.get(job.row.ref);
        if (blob) bmp = await makeThumb(blob);
      } catch {
        bmp = null;
      }
      thumbs.set(job.key, bmp);
      job.host.requestUpdate();
      await new Promise((r) => setTimeout(r, 0));
    }
  } finally {
    working = false;
  }
}

/** Thumbnails ready for printing? (Every image of the record has its bitmap, or none can be made.) */
export function thumbnailsReady(record: unknown, lang = 'zh-CN'): boolean {
  return attachmentList(record, lang).every((r) => !r.ref.type.startsWith('image/') || thumbs.has(r.ref.sha256));
}

/**
 * Draws a cached bitmap on a canvas as it is rendered (synchronously: printing starts right after
 * `beforeprint`). A plain directive rather than lit's `ref`, whose AsyncDirective base would be split
 * into a file of its own on every page that prints files.
 */
class DrawThumb extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('draw() belongs on a <canvas> element');
  }
  render(_key: string) {
    return nothing;
  }
  override update(part: ElementPart, [key]: [string]) {
    const canvas = part.element as HTMLCanvasElement;
    const bmp = thumbs.get(key);
    if (bmp && canvas.dataset['drawn'] !== key) {
      canvas.width = bmp.width;
      canvas.height = bmp.height;
      canvas.getContext('2d')?.drawImage(bmp, 0, 0);
      canvas.dataset['drawn'] = key;
    }
    return nothing;
  }
}
const draw = directive(DrawThumb);

/**
 * The 附件清单 of a record (nothing when it refers to no file): a table with a caption, names and
 * places isolated in `<bdi>` and written as text only.
 */
export function renderAttachmentList(host: ReactiveElement, record: unknown, o: AttachmentListOptions) {
  const rows = attachmentList(record, o.lang);
  if (!rows.length) return nothing;
  adoptSheet(host.shadowRoot, styles);
  if (!isLocaleReady(o.lang)) void loadLocale(o.lang).then(() => host.requestUpdate(), () => undefined);
  const h = attachmentListHeadings(o.lang);
  const store = o.thumbnails ? o.store : undefined;
  if (store) {
    for (const row of rows) {
      const key = row.ref.sha256;
      if (row.ref.type.startsWith('image/') && !thumbs.has(key) && !queue.some((j) => j.key === key)) queue.push({ key, store, row, host });
    }
    void work();
  }
  return html`<section class="xc-att-list" part="attachment-list" ?data-print-only=${!!o.printOnly} aria-label=${h.title}>
    <h2>${h.title}</h2>
    <table>
      <thead><tr><th scope="col">${h.no}</th><th scope="col">${h.name}</th><th scope="col">${h.type}</th><th scope="col">${h.size}</th><th scope="col">${h.hash}</th><th scope="col">${h.where}</th></tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr>
          <td>${r.no}</td>
          <td>${store && thumbs.get(r.ref.sha256) ? html`<canvas aria-hidden="true" ${draw(r.ref.sha256)}></canvas>` : nothing}<bdi>${r.name}</bdi></td>
          <td>${r.type}</td>
          <td>${r.size}</td>
          <td class="hash">${r.hash}</td>
          <td><bdi>${r.where}</bdi></td>
        </tr>`,
      )}</tbody>
    </table>
  </section>`;
}

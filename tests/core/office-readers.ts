// Reader libraries for the Office tests (dev dependencies only), loaded as classic scripts:
// their browser builds are UMD bundles that set window.ExcelJS and window.mammoth.
import type { Workbook, CellValue } from 'exceljs';

declare global {
  interface Window {
    ExcelJS?: { Workbook: new () => Workbook };
    mammoth?: {
      convertToHtml(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
      extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
    };
  }
}

const loaded = new Map<string, Promise<void>>();
function script(src: string): Promise<void> {
  let p = loaded.get(src);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(s);
    });
    loaded.set(src, p);
  }
  return p;
}

const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Open .xlsx bytes with exceljs. */
export async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  await script('/node_modules/exceljs/dist/exceljs.min.js');
  const book = new window.ExcelJS!.Workbook();
  await book.xlsx.load(buffer(bytes));
  return book;
}

/** Open .docx bytes with mammoth: its HTML and its raw text. */
export async function readDocx(bytes: Uint8Array): Promise<{ html: string; text: string }> {
  await script('/node_modules/mammoth/mammoth.browser.js');
  const m = window.mammoth!;
  const [html, text] = await Promise.all([m.convertToHtml({ arrayBuffer: buffer(bytes) }), m.extractRawText({ arrayBuffer: buffer(bytes) })]);
  return { html: html.value, text: text.value };
}

/** A cell's text (exceljs gives rich text as runs). */
export function cellText(v: CellValue): string {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v == null ? '' : String(v);
}

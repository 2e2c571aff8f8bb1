/**
 * The report's Word export, a chunk of its own that `<xc-rectification-report>` loads on the first
 * click of 导出 Word (never with the page): the report's model (for the 公开稿, the one the element's
 * leak check produced) laid out as it prints (src/core/office/report-layout.ts), every text of a
 * 公开稿 scanned once more, written as .docx, then the cancelable `xc-export` with its bytes and the
 * download. It imports none of the report's own modules (they come as arguments), so the page's
 * files stay as they were.
 */
import { reportLayout, type ReportLayoutInput } from '../core/office/report-layout.js';
import { writeDocx } from '../core/office/docx.js';
import { offerFile } from '../base/office-export.js';
import type { ReportLeak } from '../core/rectification-report.js';

/** What an export came to: the download started (or a listener took the file), or the 公开稿 refused. */
export type DocxExport = { ok: true; started: boolean } | { ok: false; leaks: ReportLeak[] };

/**
 * Lay out, write and offer the document from `host` as `<title>[-公开稿]-<today>.docx`. A 公开稿 whose
 * file would hold restricted text fires nothing and offers nothing.
 */
export async function exportDocx(host: HTMLElement, input: ReportLayoutInput, today: string): Promise<DocxExport> {
  const r = await reportLayout(input);
  if (!r.ok) return r;
  const name = [r.doc.title.trim() || input.t.rrKindUnit, input.public ? input.t.rrModePublic : '', today].filter(Boolean).join('-');
  return { ok: true, started: offerFile(host, 'docx', `${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}.docx`, await writeDocx(r.doc)) };
}

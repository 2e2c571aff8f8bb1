/**
 * The 整改情况报告 (or the 主要负责人组织落实整改情况报告) as a Word document, and its 公开稿, from the
 * report's value: the report as the person edited it (their edits win over the drafted text), laid
 * out as it prints (report-layout.ts: headings for its parts, the figures and the due date as a
 * table). The 公开稿 goes through the same leak check that refuses it on screen (publicVersion of
 * src/core/rectification-report.ts), its matching done ahead a slice per task for long reports, and
 * every text of the file is scanned once more: refused, there are no bytes at all, only where each
 * leak is. Pure (no DOM, no clock); written in chunks (writeDocx's options), the event loop let run
 * between them. For servers and tests; the element lays out its own model (it has made the 公开稿
 * already) with report-layout.ts directly.
 */
import { loadLocale } from '../i18n.js';
import { leaksIn, preparePublicVersion, publicVersion, reportMessages, reportRestricted, type ReportLeak, type ReportValue, type RestrictedName } from '../rectification-report.js';
import { writeDocx, type DocxDocument, type DocxOptions } from './docx.js';
import { reportLayout, type ReportLayoutOptions } from './report-layout.js';

/** Options of {@link reportToDocx}. */
export interface ReportDocxOptions extends DocxOptions, ReportLayoutOptions {
  /** The 公开稿 instead of the report. */
  public?: boolean;
  /**
   * What else the 公开稿 must not hold (restrictedNames of the clues, extras); the ledger's people the
   * report was drafted with are refused without it (reportRestricted). Pass the same array each time
   * (its matching is kept with it).
   */
  restricted?: readonly (string | RestrictedName)[];
  /** Language of the headings and figures (default: the model's). */
  lang?: string;
}

/** A written document, or the 公开稿 refused with where restricted text remains (no bytes). */
export type ReportDocxResult = { ok: true; bytes: Uint8Array; title: string } | { ok: false; leaks: ReportLeak[] };

/** The report's (or the 公开稿's) document, or the 公开稿's leaks. */
export async function reportDocument(value: ReportValue, options: ReportDocxOptions = {}): Promise<{ ok: true; doc: DocxDocument } | { ok: false; leaks: ReportLeak[] }> {
  const lang = options.lang || value.model.lang || 'zh-CN';
  await loadLocale(lang);
  const t = reportMessages(lang);
  if (options.public !== true) return reportLayout({ model: value.model, edits: value.edits, public: false, t, lang }, options);
  await preparePublicVersion(value, { restricted: options.restricted, lang });
  const result = publicVersion(value, { restricted: options.restricted, lang });
  if (!result.ok) return result;
  const restricted = reportRestricted(value.model, options.restricted);
  return reportLayout({ model: result.model, public: true, t, lang, scan: (s) => leaksIn(s, restricted) }, options);
}

/**
 * The report (or, with `public`, its 公开稿) as .docx bytes: {@link reportDocument} written with
 * writeDocx (headings in Word's heading styles, the figures as a table). A refused 公开稿 gives
 * `{ ok: false, leaks }` and writes nothing.
 */
export async function reportToDocx(value: ReportValue, options: ReportDocxOptions = {}): Promise<ReportDocxResult> {
  const r = await reportDocument(value, options);
  if (!r.ok) return r;
  return { ok: true, title: r.doc.title, bytes: await writeDocx(r.doc, options) };
}

/**
 * The report's Word export, a chunk of its own that `<xc-rectification-report>` loads on the first
 * click of 导出 Word (never with the page): the document from the core's mapping
 * (src/core/office/report-docx.ts) — for the 公开稿, only when its leak check lets it through — then
 * the cancelable `xc-export` with its bytes and the download; and, when the 公开稿 was refused, the
 * alert the element shows (the same message and list as the 公开稿 refused on screen).
 */
import { html } from 'lit';
import { reportToDocx } from '../core/office/report-docx.js';
import { offerFile } from '../base/office-export.js';
import { leakMessage, reportMessages, type ReportLeak, type ReportValue, type RestrictedName } from '../core/rectification-report.js';

/** What an export came to: the download started (or a listener took the file), or the 公开稿 refused. */
export type DocxExport = { ok: true; started: boolean } | { ok: false; leaks: ReportLeak[] };

/**
 * Write the report (or its 公开稿) as .docx and offer it from `host` as
 * `<title>[-公开稿]-<today>.docx`. A refused 公开稿 fires nothing and offers nothing.
 */
export async function exportDocx(
  host: HTMLElement,
  value: ReportValue,
  options: { public: boolean; restricted: readonly (string | RestrictedName)[]; lang: string; today: string },
): Promise<DocxExport> {
  const r = await reportToDocx(value, { public: options.public, restricted: options.restricted, lang: options.lang });
  if (!r.ok) return r;
  const t = reportMessages(options.lang);
  const name = [r.title.trim() || t.rrKindUnit, options.public ? t.rrModePublic : '', options.today].filter(Boolean).join('-');
  return { ok: true, started: offerFile(host, 'docx', `${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}.docx`, r.bytes) };
}

/** Where the report can show a paragraph of its 公开稿 to be rewritten. */
interface ReportHost {
  mode: 'report' | 'public';
  focusParagraph(id: string): Promise<unknown>;
}

/**
 * Why the 公开稿 was not exported: the same message and list as the refused 公开稿 on screen, each
 * paragraph with its 修改 button (which shows the 公开稿 and moves to it) unless `locked`.
 */
export function renderRefusal(host: ReportHost, leaks: readonly ReportLeak[], t: ReturnType<typeof reportMessages>, lang: string, locked: boolean) {
  return html`<div class="refusal export-refusal" role="alert" part="refusal">
    <p><strong>${t.rrPublicRefused}</strong></p>
    <ul>
      ${leaks.map(
        (l) => html`<li><bdi>${leakMessage(l, lang)}</bdi>${l.paragraph && !locked
          ? html` <button type="button" class="fix" @click=${() => {
              host.mode = 'public';
              void host.focusParagraph(l.paragraph!);
            }}>${t.rrPublicFix}</button>`
          : ''}</li>`,
      )}
    </ul>
  </div>`;
}

/**
 * The report's 导出 Word buttons (报告, 公开稿) and the alert of a refused 公开稿 export, drawn by
 * `<xc-rectification-report>` beside its print button; the writer itself (./report-docx.ts) loads
 * on the first export only, never with the page.
 */
import { html, nothing } from 'lit';
import { lazy } from '../base/lazy.js';
import { leakMessage, type ReportLeak, type reportMessages } from '../core/rectification-report.js';

/** The Word export chunk, loaded once on the first click. */
export const loadDocx = lazy(() => import('./report-docx.js'));

type RT = ReturnType<typeof reportMessages>;

/** 导出 Word（报告） and 导出 Word（公开稿）: real buttons with visible text. */
export function renderExportButtons(t: RT, exportDocx: (publicText: boolean) => void) {
  return html`<button type="button" class="export-docx" @click=${() => exportDocx(false)}>${t.rrExportDocx}</button>
    <button type="button" class="export-public-docx" @click=${() => exportDocx(true)}>${t.rrExportPublicDocx}</button>`;
}

/** Why the 公开稿 was not exported: the same message and list as the refused 公开稿 on screen. */
export function renderExportRefusal(leaks: readonly ReportLeak[] | null, t: RT, lang: string, fix?: (paragraph: string) => void) {
  return leaks?.length
    ? html`<div class="refusal export-refusal" role="alert" part="refusal">
        <p><strong>${t.rrPublicRefused}</strong></p>
        <ul>
          ${leaks.map(
            (l) => html`<li><bdi>${leakMessage(l, lang)}</bdi>${l.paragraph && fix
              ? html` <button type="button" class="fix" @click=${() => fix(l.paragraph!)}>${t.rrPublicFix}</button>`
              : nothing}</li>`,
          )}
        </ul>
      </div>`
    : nothing;
}

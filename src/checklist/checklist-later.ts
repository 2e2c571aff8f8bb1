/**
 * The parts of `<xc-checklist>` that come after its list, each from a chunk of its own: the 三级审核
 * panel (`<xc-checklist-review>`, with the fingerprint check and the printed signature blocks) and
 * the printed 附件清单 (hidden on screen, listed only when the record has files). A helper of the
 * checklist: it asks for the chunks, says when the panel can be rendered, renders the list once it
 * is there and keeps track of whether the record refers to a file.
 * @internal
 */
import { nothing, type ReactiveElement } from 'lit';
import type { ChecklistResponse } from '../core/checklist.js';
import type { AttachmentStore } from '../core/attachment-types.js';
import { loadPrintFiles, loadReview } from './checklist-load.js';

type ReviewPart = typeof import('./xc-checklist-review.js');
type PrintHook = typeof import('../attachments/print-hook.js');

let reviewPart: ReviewPart | undefined;
let printHook: PrintHook | undefined;

/** Load the 三级审核 panel's chunk (once per page). */
export const whenReview = (): Promise<ReviewPart> => loadReview().then((m) => (reviewPart = m));

/** Load the printed 附件清单's hook (once per page). */
export const whenPrintHook = (): Promise<PrintHook> => loadPrintFiles().then((m) => (printHook = m));

// Asked for as soon as the checklist's module runs, so it is there long before anyone signs.
whenReview().catch(() => undefined);

export class LaterParts {
  /** Does the response refer to a file? Unknown until the print hook is there; then kept up to date by `noteAnswer`, not re-walked on each render. */
  hasFiles: boolean | undefined;

  constructor(private readonly host: ReactiveElement) {}

  /** Whether the 三级审核 panel's chunk is there (asked for, and the checklist rendered again once it is, when it is not). */
  review(): boolean {
    if (!reviewPart) void whenReview().then(() => this.host.requestUpdate());
    return !!reviewPart;
  }

  /** The printed 附件清单 (hidden on screen), when the response has files. */
  fileList(response: ChecklistResponse | null, lang: string, store: AttachmentStore | undefined): unknown {
    if (!printHook) {
      void whenPrintHook().then(() => this.host.requestUpdate());
      return nothing;
    }
    this.hasFiles ??= printHook.hasFiles(response);
    return this.hasFiles ? printHook.printFileList(this.host, response, { lang, store, printOnly: true }) : nothing;
  }

  /** An answer changed: only it is looked at for files (the whole record is walked once, on first render). */
  noteAnswer(after: unknown): void {
    if (this.hasFiles === false && printHook?.hasFiles(after)) {
      this.hasFiles = true;
      this.host.requestUpdate();
    }
  }
}

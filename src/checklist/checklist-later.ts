/**
 * The parts of `<xc-checklist>` that come after its list, each from a chunk of its own: the 三级审核
 * panel (`<xc-checklist-review>`, with the fingerprint check and the printed signature blocks), the
 * printed 附件清单 (hidden on screen, listed only when the record has files) and a problem finding's
 * evidence editor. A controller of the checklist: it asks for the chunks once the whole list has been
 * on screen (a frame after its last check point was rendered), so that on a page's first mount their
 * fetching, compiling and running do not hold up the list; anything that needs one sooner (a step of
 * the review, `updateComplete`, a problem finding) asks for it at once. It says when the panel can be
 * rendered, renders the list of files once its hook is there and keeps track of whether the record
 * refers to a file.
 * @internal
 */
import { nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { ChecklistResponse } from '../core/checklist.js';
import type { AttachmentStore } from '../core/attachment-types.js';
import { loadPrintFiles, loadReview } from './checklist-load.js';
import { preloadEvidence } from './xc-checklist-item.js';

type ReviewPart = typeof import('./xc-checklist-review.js');
type PrintHook = typeof import('../attachments/print-hook.js');

let reviewPart: ReviewPart | undefined;
let printHook: PrintHook | undefined;

/** Load the 三级审核 panel's chunk (once per page). */
export const whenReview = (): Promise<ReviewPart> => loadReview().then((m) => (reviewPart = m));

/** Load the printed 附件清单's hook (once per page). */
export const whenPrintHook = (): Promise<PrintHook> => loadPrintFiles().then((m) => (printHook = m));

/** How long a page that gives no frames (a background tab) waits before asking for the parts anyway. */
const NO_FRAME_WAIT = 200;

/** After the frame being drawn is on screen (a task after the next animation frame), or a while later in a page that gives no frames. */
export function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, NO_FRAME_WAIT);
  });
}

export class LaterParts implements ReactiveController {
  /** Does the response refer to a file? Unknown until the print hook is there; then kept up to date by `noteAnswer`, not re-walked on each render. */
  hasFiles: boolean | undefined;

  /** The whole list has been on screen: the parts are asked for. */
  private _settled = false;
  private _waiting = false;
  /** What the last render showed: the panel, the hook of the list of files. */
  private _shown = { review: false, hook: false };

  /** @param listDone whether every check point of the list is rendered */
  constructor(
    private readonly host: ReactiveElement,
    private readonly listDone: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this._settled || this._waiting || !this.listDone()) return;
    this._waiting = true;
    const settle = () => {
      if (this._settled) return;
      this._settled = true;
      preloadEvidence();
      this.host.requestUpdate();
    };
    void afterFrame().then(settle);
  }

  /** Whether the whole list has been on screen (the later parts are asked for from then on). */
  get settled(): boolean {
    return this._settled;
  }

  /** Both chunks now (for `updateComplete`); true when the last render was without one of them. */
  async ensure(): Promise<boolean> {
    await Promise.all([whenReview(), whenPrintHook()]).catch(() => undefined);
    return !this._shown.review || !this._shown.hook;
  }

  /** Whether the 三级审核 panel's chunk is there (once the list has settled it is asked for, and the checklist rendered again when it comes). */
  review(): boolean {
    if (!reviewPart && this._settled) void whenReview().then(() => this.host.requestUpdate());
    return (this._shown.review = !!reviewPart);
  }

  /** The printed 附件清单 (hidden on screen), when the response has files. */
  fileList(response: ChecklistResponse | null, lang: string, store: AttachmentStore | undefined): unknown {
    this._shown.hook = !!printHook;
    if (!printHook) {
      if (this._settled) void whenPrintHook().then(() => this.host.requestUpdate());
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

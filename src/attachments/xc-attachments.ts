/**
 * <xc-attachments>: the evidence files (附件) of a record — chosen, photographed, dropped or pasted,
 * kept through an attachment store, listed with thumbnails, renamed, moved and removed with 撤销.
 * Adding is ./attachments-add.ts, the pictures ./attachments-thumbs.ts, the entries' names
 * ./file-evidence.ts; this file holds the element's state and renders it.
 */
import './locale.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { XcFormElement } from '../base/form-element.js';
import { defineElement } from '../base/define.js';
import { tokens } from '../base/styles.js';
import type { Messages } from '../core/i18n.js';
import type { AttachmentsUiMessages } from '../core/locales/attachments-ui.zh-CN.js';
import type { AttachmentContext, AttachmentErrorCode, AttachmentLimits, AttachmentRef, AttachmentStore } from '../core/attachment-types.js';
import type { EvidenceRef } from '../core/rectification-types.js';
import type { ValidationResult } from '../core/validation-types.js';
import { acceptedKinds, extensionOf, formatSize, kindOf, resolveLimits, type FileKind } from './xc-attachments-limits.js';
import { resolveAttachmentLimits } from '../core/attachments.js';
import { attachmentStyles } from './attachments.styles.js';
import { isFile, shownName, text, titleOf, type FileEvidence } from './file-evidence.js';
// Adding comes with the element, not on first use: a phone that has gone offline since the page
// loaded must still take a photo (server/test/e2e-evidence.test.js), and a chunk cannot be fetched then.
import { storeFiles } from './attachments-add.js';
import { THUMB, Thumbnails, drawPreview } from './attachments-thumbs.js';

export { shownName, type FileEvidence };

type T = Messages & AttachmentsUiMessages;

/** Detail of `xc-attachment-error`: why a file was refused or could not be kept. */
export interface AttachmentErrorDetail {
  code: AttachmentErrorCode;
  /** The file's name as the user knows it. */
  name: string;
}

/** A store that reports how many files still wait to be uploaded (local-first stores). */
type CountingStore = AttachmentStore & Partial<EventTarget> & { pendingCount?: number };


/** Stands for data (a file name) inside a message, so that the data can be isolated. */
const MARK = '\u0000';

/** Whether the device has a touch screen (拍照 is offered there only). */
const touchDevice = (): boolean =>
  (typeof navigator !== 'undefined' && navigator.maxTouchPoints > 0) || (typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches);

/** Files rendered per task. */
const STEP = 12;

/**
 * Evidence files (附件) of a record: photos, scans, PDF, Word and Excel documents.
 *
 * Files are chosen with a real file chooser (选择文件, keyboard reachable), taken with the
 * camera on touch devices (拍照, shown only where the screen takes touch), dropped on the drop zone or pasted from the clipboard, several
 * at once. Photos are downscaled before they are stored (long side and quality from the limits,
 * EXIF orientation respected), one file at a time with the page free between them. Images show
 * as thumbnails drawn on a `<canvas>` (so a strict `img-src 'self'` needs no `blob:`), other
 * files as an icon with name, type and size. An image opens in a preview dialog; a PDF in the
 * browser's own viewer; Word and Excel documents download. Each file can be renamed (its title),
 * moved up or down (announced) and removed, with 撤销 for a few seconds before the bytes are
 * removed from the store. Refused files (type, size, count) are named with the reason.
 *
 * The bytes go to an `AttachmentStore` (the `store` property or the provider's `attachments`);
 * the element itself makes no network request. Without a store it only lists the files.
 *
 * @customElement xc-attachments
 * @tag xc-attachments
 *
 * @fires xc-change - The list changed (added, renamed, moved, removed, restored). `detail: { value }`: the whole evidence list, entries without `file` as they were.
 * @fires xc-attachment-error - A file was refused or could not be kept. `detail: { code, name }` (`code`: `type`, `size`, `count`, `quota`, `forbidden`, `offline`, `failed`).
 *
 * @csspart box - The fieldset around the element.
 * @csspart drop-zone - The area files can be dropped on, with the choose and camera buttons.
 * @csspart choose - The 选择文件 button.
 * @csspart list - The list of files.
 * @csspart file - One file of the list.
 * @csspart preview - The image preview dialog.
 *
 * @cssprop --xc-attachments-thumb-size - Size of a thumbnail (default 72px).
 */
export class XcAttachments extends XcFormElement {
  static override styles = [tokens, attachmentStyles];

  /** The evidence list: entries with `file` are shown and edited here; the others are kept as they are, in place. */
  @property({ attribute: false }) value: EvidenceRef[] = [];
  /** The legend of the element (default 附件, or 附件：<subject> when `subject` is set). */
  @property() label = '';
  /** What the files are evidence of (a check point's text, a ledger item's number): the legend says 附件：<subject>, the subject isolated. */
  @property() subject = '';
  /** Limits over the provider's `attachmentLimits` (types, size per file, count, photo downscaling). */
  @property({ attribute: false }) limits?: AttachmentLimits;
  /** Where the bytes go, over the provider's `attachments`. */
  @property({ attribute: false }) store?: AttachmentStore;
  /**
   * The record the files are added to (`{ ledgerId, itemId }`), given to the store with each file
   * (`put(blob, { name, type, context })`): `httpAttachments` sends `ledgerId`, so a file the
   * office adds to a unit's ledger item is that unit's. The records set it themselves.
   */
  @property({ attribute: false }) context?: AttachmentContext;
  /** How long 撤销 is offered after a removal, in milliseconds, before the bytes are removed from the store. */
  @property({ type: Number, attribute: 'undo-ms' }) undoMs = 8000;

  @state() private _busy: { i: number; n: number } | null = null;
  /** Files refused or not opened (`missing`: not in this browser's store). */
  @state() private _errors: (AttachmentErrorDetail & { missing?: boolean })[] = [];
  @state() private _announce = '';
  @state() private _undo: { entry: FileEvidence; index: number } | null = null;
  @state() private _renaming = -1;
  @state() private _over = false;
  @state() private _pending = 0;
  @state() private _previewing: FileEvidence | null = null;
  /** Files rendered so far: a long list (100 photos) comes in steps, one task each, so opening a record never holds the page. */
  @state() private _shown = STEP;
  private _growing = false;

  private _initial: EvidenceRef[] = [];
  private _queue: Promise<void> = Promise.resolve();
  private _undoTimer?: ReturnType<typeof setTimeout>;
  private _thumbs = new Thumbnails(this, () => this._files.map((f) => f.entry));
  private _opener: HTMLElement | null = null;
  private _watched?: CountingStore;

  /** The store in force (own, else the provider's). */
  get activeStore(): AttachmentStore | undefined {
    return this.store ?? this.environment?.attachments;
  }

  /** The limits in force: own over the provider's over the defaults. */
  get activeLimits(): Required<AttachmentLimits> {
    return resolveAttachmentLimits(resolveLimits(this.environment?.attachmentLimits, this.limits));
  }

  private get _t(): T {
    return this.t as T;
  }

  private get _editable(): boolean {
    return !!this.activeStore && !this.readonly && !this.isDisabled;
  }

  /** The file entries with their index in `value`. */
  private get _files(): { entry: FileEvidence; index: number }[] {
    const list = Array.isArray(this.value) ? this.value : [];
    return list.flatMap((entry, index) => (isFile(entry) ? [{ entry, index }] : []));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('paste', this._onPaste);
    this._initial = this.value;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('paste', this._onPaste);
    this._watch(undefined);
    // A removal whose undo was still offered is final once the element goes.
    this._commitRemoval();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('store') || changed.has('environment')) this._watch(this.activeStore as CountingStore | undefined);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('value')) this.syncForm();
    if (this._shown < this._files.length && !this._growing) {
      this._growing = true;
      setTimeout(() => {
        this._growing = false;
        this._shown += STEP;
      }, 0);
    }
    this._thumbs.draw();
  }

  /** Follow the store's count of files waiting to be uploaded (`pending()`, or `pendingCount` and its `change` event). */
  private _watch(store: CountingStore | undefined): void {
    if (store === this._watched) return;
    this._watched?.removeEventListener?.('change', this._refreshPending);
    this._watched = store;
    store?.addEventListener?.('change', this._refreshPending);
    void this._refreshPending();
  }

  private _refreshPending = async (): Promise<void> => {
    const store = this._watched;
    if (!store) return void (this._pending = 0);
    try {
      const n = typeof store.pendingCount === 'number' ? store.pendingCount : store.pending ? (await store.pending()).length : 0;
      if (store === this._watched) this._pending = n;
    } catch {
      /* a store that cannot say: no count shown */
    }
  };

  // ---- form element ----

  get formValue(): EvidenceRef[] {
    return this.value;
  }

  isEmpty(): boolean {
    return this._files.length === 0;
  }

  validate(): ValidationResult {
    return { valid: true, errors: [] };
  }

  reset(): void {
    this.value = this._initial;
  }

  protected validationAnchor(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('.choose') ?? undefined;
  }

  protected restoreValue(value: unknown): void {
    if (Array.isArray(value)) this.value = value as EvidenceRef[];
  }

  private _set(next: EvidenceRef[]): void {
    this.value = next;
    this.emitChange({});
  }

  // ---- adding ----

  /** Open the file chooser (as the 选择文件 button does; the browser asks for a user gesture). */
  openChooser(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input.pick')?.click();
  }

  /** Move focus to the 选择文件 button. */
  focusChooser(): void {
    this.renderRoot.querySelector<HTMLElement>('.choose')?.focus();
  }

  /**
   * Check, prepare (downscale photos) and store files, one at a time, adding each to the list as
   * it is stored. Refused files are reported (shown, and `xc-attachment-error`). Resolves when
   * every file of this call is done.
   */
  add(files: Iterable<File>): Promise<void> {
    const list = Array.from(files);
    this._queue = this._queue.then(() => this._add(list)).catch(() => undefined);
    return this._queue;
  }

  private async _add(files: File[]): Promise<void> {
    const store = this.activeStore;
    if (!store || !this._editable || !files.length) return;
    const limits = this.activeLimits;
    this._errors = [];
    this._announce = '';
    const refuse = (code: AttachmentErrorCode, name: string) => {
      this._errors = [...this._errors, { code, name }];
      this.dispatchEvent(new CustomEvent<AttachmentErrorDetail>('xc-attachment-error', { bubbles: true, composed: true, detail: { code, name } }));
    };
    const added = await storeFiles(files, {
      store,
      limits,
      context: this.context,
      count: this._files.length,
      refuse,
      progress: (i, n) => (this._busy = { i, n }),
      stored: (entry) => this._set([...(Array.isArray(this.value) ? this.value : []), entry]),
    });
    this._busy = null;
    if (added) this._announce = this._t.attachAdded(added);
    void this._refreshPending();
  }

  private _onPick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    void this.add(files);
  };

  private _onPaste = (e: ClipboardEvent) => {
    const files = Array.from(e.clipboardData?.files ?? []);
    if (!files.length || !this._editable) return;
    e.preventDefault();
    void this.add(files);
  };

  private _onDragOver = (e: DragEvent) => {
    if (!this._editable) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this._over = true;
  };

  private _onDrop = (e: DragEvent) => {
    this._over = false;
    if (!this._editable) return;
    e.preventDefault();
    void this.add(Array.from(e.dataTransfer?.files ?? []));
  };

  // ---- editing ----

  private async _focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private _move(pos: number, by: -1 | 1): void {
    const files = this._files;
    const a = files[pos];
    const b = files[pos + by];
    if (!a || !b) return;
    const next = [...this.value];
    next[a.index] = b.entry;
    next[b.index] = a.entry;
    this._set(next);
    const to = pos + by;
    this._announce = this._t.attachMoved(MARK, to + 1, files.length);
    this._announceName = titleOf(a.entry);
    // Focus stays with the moved file: on the same button, or the other one at the end of the list.
    const same = by < 0 ? 'up' : 'down';
    const edge = by < 0 ? to === 0 : to === files.length - 1;
    void this._focus(`[data-pos="${to}"] [data-act="${edge ? (same === 'up' ? 'down' : 'up') : same}"]`);
  }

  /** The file name inside `_announce` (where MARK stands), isolated when shown. */
  private _announceName = '';

  private _remove(pos: number): void {
    const f = this._files[pos];
    if (!f) return;
    this._commitRemoval();
    this._set(this.value.filter((_, j) => j !== f.index));
    this._undo = f;
    this._announce = this._t.attachRemoved(MARK);
    this._announceName = titleOf(f.entry);
    this._undoTimer = setTimeout(() => this._commitRemoval(), this.undoMs);
    void this._focus('.undo');
  }

  /** The removal is final: the bytes go from the store, and 撤销 is no longer offered. */
  private _commitRemoval(): void {
    clearTimeout(this._undoTimer);
    const u = this._undo;
    if (!u) return;
    this._undo = null;
    const store = this.activeStore;
    const hadFocus = this.shadowRoot?.activeElement?.classList.contains('undo');
    if (this._announce === this._t.attachRemoved(MARK)) this._announce = '';
    // Only when no entry still refers to the same bytes (the file was added twice, or restored elsewhere).
    const still = (ref?: AttachmentRef) => !!ref && this._files.some((f) => f.entry.file.id === ref.id || f.entry.original?.id === ref.id);
    if (store) {
      for (const ref of [u.entry.file, u.entry.original]) if (ref && !still(ref)) void store.remove(ref).catch(() => undefined);
    }
    if (hadFocus) void this._focus(this._files.length ? '[data-pos="0"] [data-act="remove"]' : '.choose');
  }

  private _restore(): void {
    const u = this._undo;
    if (!u) return;
    clearTimeout(this._undoTimer);
    this._undo = null;
    const next = [...this.value];
    next.splice(Math.min(u.index, next.length), 0, u.entry);
    this._set(next);
    this._announce = this._t.attachRestored(MARK);
    this._announceName = titleOf(u.entry);
    const pos = this._files.findIndex((f) => f.entry === u.entry);
    void this._focus(`[data-pos="${pos}"] [data-act="remove"]`);
  }

  private _rename(pos: number, title: string): void {
    const f = this._files[pos];
    this._renaming = -1;
    if (f && title.trim() && title !== titleOf(f.entry)) {
      const next = [...this.value];
      next[f.index] = { ...f.entry, title: title.trim() };
      this._set(next);
      this._announce = this._t.attachRenamed(MARK);
      this._announceName = title.trim();
    }
    void this._focus(`[data-pos="${pos}"] [data-act="rename"]`);
  }

  // ---- viewing ----

  private async _blob(entry: FileEvidence): Promise<Blob | null> {
    const store = this.activeStore;
    const blob = store ? await store.get(entry.file).catch(() => null) : null;
    if (!blob) this._errors = [{ code: 'failed', name: titleOf(entry), missing: true }];
    return blob;
  }

  /** Open a PDF in the browser's own viewer, or download another document. */
  private async _open(entry: FileEvidence, download: boolean): Promise<void> {
    const blob = await this._blob(entry);
    if (!blob) return;
    const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: entry.file.type }));
    const a = document.createElement('a');
    a.href = url;
    a.rel = 'noopener';
    if (download) a.download = titleOf(entry);
    else a.target = '_blank';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private async _preview(entry: FileEvidence, opener: HTMLElement): Promise<void> {
    this._opener = opener;
    this._previewing = entry;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog')!;
    if (!dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('dialog .close')?.focus();
    const blob = await this._blob(entry);
    if (!blob || this._previewing !== entry) return;
    await drawPreview(blob, () => (this._previewing === entry ? this.renderRoot.querySelector<HTMLCanvasElement>('dialog canvas') : null));
  }

  private _onPreviewClose = () => {
    this._previewing = null;
    const opener = this._opener;
    this._opener = null;
    opener?.focus();
  };

  // ---- rendering ----

  /** A message with the file name (where MARK stands) as shown (see `displayFileName`), isolated in a `<bdi>`. */
  private _withName(message: string, name: string, isFileName = true) {
    const i = message.indexOf(MARK);
    return i < 0 ? message : html`${message.slice(0, i)}<bdi>${isFileName ? shownName(name) : name}</bdi>${message.slice(i + MARK.length)}`;
  }

  /** A name in the language's brackets, for buttons that say which file they act on (screen readers). */
  private _which(name: string) {
    const [open = '', close = ''] = this._t.bracket(MARK).split(MARK);
    return html`<span class="visually-hidden">${open}<bdi>${name}</bdi>${close}</span>`;
  }

  private _kindLabel(kind: FileKind): string {
    const t = this._t;
    return { image: t.attachKindImage, pdf: t.attachKindPdf, word: t.attachKindWord, excel: t.attachKindExcel, other: t.attachKindOther }[kind];
  }

  private _errorText(e: AttachmentErrorDetail & { missing?: boolean }): string {
    const t = this._t;
    const l = this.activeLimits;
    switch (e.code) {
      case 'type':
        return t.attachErrType(MARK);
      case 'size':
        return t.attachErrSize(MARK, formatSize(l.maxSize, this.effectiveLang));
      case 'count':
        return t.attachErrCount(MARK, l.maxCount);
      case 'quota':
        return t.attachErrQuota(MARK);
      case 'forbidden':
        return t.attachErrForbidden(MARK);
      case 'offline':
        return t.attachErrOffline(MARK);
      default:
        return e.missing ? t.attachErrMissing(MARK) : t.attachErrFailed(MARK);
    }
  }

  protected override render() {
    const t = this._t;
    const label = this.label || (this.subject ? t.attachLabelFor(this.subject) : t.attachLabel);
    const legend = this.label || !this.subject ? label : this._withName(t.attachLabelFor(MARK), this.subject, false);
    const files = this._files;
    const list = files.length
      ? html`<ul class="files" part="list" aria-label=${label}>${files.slice(0, this._shown).map((f, pos) => this._renderFile(f.entry, pos, files.length))}</ul>`
      : html`<p class="empty">${t.attachEmpty}</p>`;
    const status = html`<div class="live" role="status">${this._announce ? this._withName(this._announce, this._announceName) : nothing}${this._undo
        ? html` <button type="button" class="undo" @click=${() => this._restore()}>${t.attachUndo}${this._which(titleOf(this._undo.entry))}</button>`
        : nothing}</div>
      <p class="pending" role="status">${this._pending ? t.attachPending(this._pending) : nothing}</p>`;
    const dialog = html`<dialog part="preview" aria-labelledby="pv-title" @close=${this._onPreviewClose}>
      ${this._previewing
        ? html`<h2 id="pv-title"><bdi>${titleOf(this._previewing)}</bdi></h2>
            <canvas role="img" aria-label=${titleOf(this._previewing)} width="1" height="1"></canvas>`
        : html`<h2 id="pv-title"></h2>`}
      <button type="button" class="close" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>${t.attachClose}</button>
    </dialog>`;
    if (!this._editable) {
      return html`<div class="box" part="box" role="group" aria-label=${label}>${list}${status}</div>${dialog}`;
    }
    const limits = this.activeLimits;
    const { kinds, others } = acceptedKinds(limits.accept);
    const types = [...kinds.map((k) => this._kindLabel(k)), ...others].join(t.attachListSep);
    const accept = limits.accept.join(',');
    return html`<fieldset class="box" part="box">
        <legend>${legend}</legend>
        <p class="hint" id="limits">${t.attachLimits(types, formatSize(limits.maxSize, this.effectiveLang), limits.maxCount)}</p>
        <div class="drop" part="drop-zone" ?data-over=${this._over} @dragenter=${this._onDragOver} @dragover=${this._onDragOver}
          @dragleave=${() => (this._over = false)} @drop=${this._onDrop}>
          <button type="button" class="choose" part="choose" aria-describedby="limits drop-hint" ?disabled=${files.length >= limits.maxCount} @click=${() => this.openChooser()}>${t.attachChoose}</button>
          <input class="pick" type="file" multiple hidden tabindex="-1" accept=${accept} @change=${this._onPick} />
          ${kinds.includes('image') && touchDevice()
            ? html`<button type="button" class="camera" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input.shoot')?.click()}>${t.attachCamera}</button>
                <input class="shoot" type="file" hidden tabindex="-1" accept="image/*" capture="environment" @change=${this._onPick} />`
            : nothing}
          <p class="hint" id="drop-hint">${t.attachDropHint}</p>
        </div>
        ${this._busy ? html`<p class="busy" role="status">${t.attachProcessing(this._busy.i, this._busy.n)}</p>` : nothing}
        <div class="errors" role="alert">${this._errors.length
          ? html`<ul>${this._errors.map((e) => html`<li>${this._withName(this._errorText(e), e.name)}</li>`)}</ul>
              <button type="button" class="dismiss" @click=${() => (this._errors = [])}>${t.attachDismiss}</button>`
          : nothing}</div>
        ${list}${status}
      </fieldset>${dialog}`;
  }

  private _renderFile(entry: FileEvidence, pos: number, count: number) {
    const t = this._t;
    const raw = titleOf(entry);
    // Shown with direction controls as markers (⟨RLO⟩), other control characters as U+FFFD, long names shortened in
    // the middle, the extension kept; the full name is in the title and the rename box.
    const name = shownName(raw);
    const type = text(entry.file.type);
    const kind = kindOf(type, text(entry.file.name));
    const store = !!this.activeStore;
    const editable = this._editable;
    const which = this._which(name);
    const icon = html`<span class="icon" aria-hidden="true">${(extensionOf(text(entry.file.name)) || kind).toUpperCase().slice(0, 4)}</span>`;
    const visual =
      kind === 'image' && store
        ? html`<button type="button" class="thumb-button" data-act="preview" @click=${(e: Event) => this._preview(entry, e.currentTarget as HTMLElement)}>
            <canvas class="thumb" aria-hidden="true" width=${THUMB} height=${THUMB} data-id=${entry.file.id}></canvas><span class="visually-hidden">${t.attachPreview}${which}</span>
          </button>`
        : icon;
    const renaming = this._renaming === pos;
    return html`<li class="file" part="file" data-pos=${pos} data-kind=${kind}>
      ${visual}
      <div class="meta">
        ${renaming
          ? html`<label class="rename"><span>${t.attachRenameLabel}</span>
              <input type="text" .value=${raw} @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  this._rename(pos, (e.target as HTMLInputElement).value);
                } else if (e.key === 'Escape') {
                  // Only the rename ends: a dialog around the element stays open.
                  e.preventDefault();
                  e.stopPropagation();
                  this._rename(pos, raw);
                }
              }} /></label>
              <button type="button" @click=${(e: Event) => this._rename(pos, ((e.target as HTMLElement).parentElement!.querySelector('input') as HTMLInputElement).value)}>${t.attachSave}</button>
              <button type="button" @click=${() => this._rename(pos, raw)}>${t.attachCancel}</button>`
          : html`<span class="name" title=${shownName(raw, Number.MAX_SAFE_INTEGER)}><bdi>${name}</bdi></span>`}
        <span class="type">${t.attachTypeSize(this._kindLabel(kind), formatSize(entry.file.size, this.effectiveLang))}</span>
      </div>
      <div class="tools">
        ${store && kind === 'pdf' ? html`<button type="button" data-act="open" @click=${() => this._open(entry, false)}>${t.attachOpen}${which}</button>` : nothing}
        ${store && kind !== 'pdf' && kind !== 'image' ? html`<button type="button" data-act="download" @click=${() => this._open(entry, true)}>${t.attachDownload}${which}</button>` : nothing}
        ${editable && !renaming
          ? html`<button type="button" data-act="rename" @click=${async () => {
                this._renaming = pos;
                await this.updateComplete;
                this.renderRoot.querySelector<HTMLInputElement>(`[data-pos="${pos}"] .rename input`)?.select();
              }}>${t.attachRename}${which}</button>
              <button type="button" data-act="up" ?disabled=${pos === 0} @click=${() => this._move(pos, -1)}>${t.attachMoveUp}${which}</button>
              <button type="button" data-act="down" ?disabled=${pos === count - 1} @click=${() => this._move(pos, 1)}>${t.attachMoveDown}${which}</button>
              <button type="button" data-act="remove" @click=${() => this._remove(pos)}>${t.attachRemove}${which}</button>`
          : nothing}
      </div>
    </li>`;
  }
}

defineElement('xc-attachments', XcAttachments);

declare global {
  interface HTMLElementTagNameMap {
    'xc-attachments': XcAttachments;
  }
}

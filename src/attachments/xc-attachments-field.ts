/**
 * The files part of a record's evidence editor (checklist finding, ledger item, interview record),
 * a small chunk the records load only when a store is present or files are there: the 添加附件
 * button, and `<xc-attachments>` itself, loaded in turn on first use. Entries with `file` are
 * edited here; the others stay with the record's own title/link rows.
 * @internal
 */
import { html, nothing, type ReactiveElement } from 'lit';
import { lazy } from '../base/lazy.js';
import type { AttachmentContext, AttachmentStore } from '../core/attachment-types.js';
import type { EvidenceRef } from '../core/rectification-types.js';

/** `<xc-attachments>`, loaded on first use. */
export const loadAttachments = lazy(() => import('./xc-attachments.js'));

/** Whether an evidence entry is a file. */
export const isFileEvidence = (e: unknown): boolean => !!(e && typeof e === 'object' && (e as EvidenceRef).file);

/** Hosts whose 添加附件 was pressed: the files' editor shows before the first file. */
const opened = new WeakSet<object>();

export interface EvidenceFilesOptions {
  /** The whole evidence list (files and other entries). */
  list: unknown[];
  readonly: boolean;
  store: AttachmentStore | undefined;
  lang: string;
  /** The 添加附件 label (core strings: the record carries it). */
  addLabel: string;
  /** A class for the button, as the record styles its add buttons. */
  buttonClass?: string;
  /** The new evidence list. */
  onChange(list: EvidenceRef[]): void;
  /** What the files are evidence of (a check point's text, a ledger item's number): the legend reads 附件：<subject>. */
  subject?: string;
  /** The record the files are for (`{ ledgerId, itemId }`), passed to the store with each file. */
  context?: AttachmentContext;
}

/**
 * The 添加附件 button (editable, a store, no files yet) or `<xc-attachments>` (files, or after the
 * button), read-only when the record is or no store is there.
 */
export function renderEvidenceFiles(host: ReactiveElement, o: EvidenceFilesOptions) {
  const files = o.list.some(isFileEvidence);
  const editable = !o.readonly && !!o.store;
  if (!files && !(editable && opened.has(host))) {
    return editable
      ? html`<button type="button" class=${o.buttonClass ?? 'add'} data-attach @click=${async () => {
          opened.add(host);
          await loadAttachments();
          host.requestUpdate();
          await host.updateComplete;
          const el = host.renderRoot.querySelector('xc-attachments');
          await el?.updateComplete;
          el?.focusChooser();
          el?.openChooser();
        }}>${o.addLabel}</button>`
      : nothing;
  }
  void loadAttachments();
  return html`<xc-attachments .value=${o.list} ?readonly=${!editable} lang=${o.lang} subject=${o.subject ?? ''} .context=${o.context} @xc-change=${(e: CustomEvent) => {
    // The record reports its own change; this one stays inside.
    e.stopPropagation();
    o.onChange(e.detail.value as EvidenceRef[]);
  }}></xc-attachments>`;
}

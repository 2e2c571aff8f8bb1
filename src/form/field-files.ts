/**
 * The files of a form field with `x-xc-widget: "attachments"` (internal): 添加附件 or
 * `<xc-attachments>`, loaded by `<xc-field>` only where the page has an attachment store.
 * @internal
 */
import type { ReactiveElement } from 'lit';
import { renderEvidenceFiles } from '../attachments/xc-attachments-field.js';
import type { AttachmentStore } from '../core/attachment-types.js';
import type { FieldDescriptor } from '../core/form-model.js';
import type { FormContext } from './xc-field.js';

/** The field's file entries, edited with `<xc-attachments>`; a change goes to the form as the whole list. */
export function renderFieldFiles(host: ReactiveElement, d: FieldDescriptor, c: FormContext, store: AttachmentStore, readonly: boolean) {
  const v = c.get(d.path);
  return renderEvidenceFiles(host, {
    list: Array.isArray(v) ? v : [],
    readonly,
    store,
    lang: c.lang,
    addLabel: c.t.attachAdd,
    onChange: (next) => {
      c.input(d.path, next.length ? next : undefined, true);
      host.requestUpdate();
    },
  });
}

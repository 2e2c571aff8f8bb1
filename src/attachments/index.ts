/** `xc-elements/attachments`: evidence files. `<xc-attachments>` and the attachment stores. */
export { XcAttachments, type FileEvidence, type AttachmentErrorDetail } from './xc-attachments.js';
export * from './stores/index.js';

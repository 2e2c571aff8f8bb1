/** The attachment stores: where evidence files' bytes are kept. */
export { indexedDbAttachments, type IndexedDbAttachments, type IndexedDbAttachmentsOptions } from './indexeddb.js';
export { httpAttachments, type HttpAttachmentsOptions } from './http.js';
export { adapterAttachments, type AdapterAttachmentsOptions, type AdapterUploadMeta } from './adapter.js';
export { localFirstAttachments, LocalFirstAttachments, type LocalFirstAttachmentsOptions } from './local-first.js';
export { newAttachmentId, type LocalAttachmentStore, type RemoteAttachmentStore, type UploadOptions } from './types.js';

import type { VerifyMessages } from './verify.zh-CN.js';

/** English reasons given by the server-side checks only. */
const verifyEn: VerifyMessages = {
  verifyRoleUnit: 'The inspected unit',
  verifyRoleOffice: 'The inspection office',
  verifyRoleViewer: 'A read-only user',
  verifyFieldResponsibility: 'Responsibility',
  verifyFieldHistory: 'History',
  verifyAtItem: (id: string, message: string) => `Item ${id}: ${message}`,
  verifyNotLedger: 'The data sent is not a rectification ledger (an object with version 1 and an items list, no item id twice).',
  verifyOtherUnit: (unit: string) => `This ledger (item) belongs to "${unit}"; another unit may not change it.`,
  verifyLedgerField: (field: string) => `Only the inspection office may change "${field}" of the ledger.`,
  verifyItemRemoved: 'The item was removed; items of a ledger and their history may not be removed.',
  verifyIdChanged: (id: string) => `The item id was changed to "${id}"; ids may not change.`,
  verifyOrder: 'The order of the existing items was changed.',
  verifyClosed: 'The item is closed and may no longer be changed.',
  verifyField: (role: string, field: string, status: string) => `${role} may not change "${field}" of an item that is ${status.toLowerCase()}.`,
  verifyInvalidValue: (field: string) => `The value of "${field}" is not valid.`,
  verifyHistory: 'The history was rewritten or shortened; history may only be added to.',
  verifyTransition: (role: string, from: string, to: string) => `${role} may not move the item from "${from}" to "${to}".`,
  verifyNeedsEvidence: 'Closing needs at least one piece of evidence.',
  verifyNeedsVerifier: 'Closing needs a verifier.',
  verifyNeedsComment: 'Sending back needs a comment saying why.',
  verifyCreate: (role: string) => `${role} may not add items.`,
  verifyEntry: 'A new history entry does not match the current user, role or workflow.',
  verifyFuture: (date: string) => `A history entry is dated ${date}, after today.`,
  verifyMismatch: (field: string) => `The change of "${field}" is not what an allowed step makes.`,
  verifyTemplate: (id: string) => `The response is not to checklist template "${id}".`,
  verifyUnsigned: 'The record is not signed: it has no SHA-256 fingerprint.',
  verifySignatureMismatch: 'The record was changed after it was signed: the fingerprint does not match.',
};
export default verifyEn;

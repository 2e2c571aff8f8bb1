/**
 * Simplified Chinese strings of the Word and Excel exports (src/core/office/). They join the locale
 * registry when an export's writer loads, which happens only when someone exports.
 */
const officeZhCN = {
  officeLedgerSheet: '整改台账',
};

/** The shape of these strings in every language. */
export type OfficeMessages = typeof officeZhCN;
export default officeZhCN;

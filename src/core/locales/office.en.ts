import type { OfficeMessages } from './office.zh-CN.js';

/** English strings of the Word and Excel exports (loaded with English). */
const officeEn: OfficeMessages = {
  officeLedgerSheet: 'Rectification ledger',
};

export default officeEn;

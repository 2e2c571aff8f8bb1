import type { AttachmentsMessages } from './attachments.zh-CN.js';

/** English strings of the attachment core (the printed list of attached files, error wording). */
const attachmentsEn: AttachmentsMessages = {
  attListTitle: 'Attached files',
  attListNo: 'No.',
  attListName: 'File name',
  attListType: 'Type',
  attListSize: 'Size',
  attListHash: 'Checksum (SHA-256, first 8)',
  attListWhere: 'Where',
  attListSep: ' › ',
  attListItem: (n: number) => `Entry ${n}`,
  attListEvidence: 'Evidence',
  attListProblemEvidence: 'Evidence of the problem',
  attListProblem: 'Problem',
  attTypeImage: 'Image',
  attTypePdf: 'PDF document',
  attTypeWord: 'Word document',
  attTypeExcel: 'Excel workbook',
  attTypeText: 'Text',
  attTypeOther: 'File',
  attError: {
    type: 'This type of file is not accepted, or its content is not what its name says.',
    size: 'The file is larger than allowed.',
    count: 'Too many attached files.',
    quota: 'The browser has no room left: the file was not kept.',
    forbidden: 'No permission to keep or read this file.',
    offline: 'No network: the file is kept on this computer and uploaded once online.',
    failed: 'The file could not be kept; try again.',
  },
};

export default attachmentsEn;

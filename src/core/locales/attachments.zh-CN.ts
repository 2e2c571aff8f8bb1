/**
 * Simplified Chinese strings of the attachment core (src/core/attachments.ts): the printed
 * list of attached files (附件清单) and the wording of an {@link AttachmentErrorCode}. They join
 * the locale registry with that module, so pages that attach no files do not carry them.
 */
const attachmentsZhCN = {
  attListTitle: '附件清单',
  attListNo: '序号',
  attListName: '文件名',
  attListType: '类型',
  attListSize: '大小',
  attListHash: '校验码（SHA-256 前 8 位）',
  attListWhere: '所在位置',
  attListSep: ' › ',
  attListItem: (n: number) => `第 ${n} 项`,
  attListEvidence: '佐证材料',
  attListProblemEvidence: '问题佐证',
  attListProblem: '问题',
  attTypeImage: '图片',
  attTypePdf: 'PDF 文档',
  attTypeWord: 'Word 文档',
  attTypeExcel: 'Excel 表格',
  attTypeText: '文本',
  attTypeOther: '文件',
  attError: {
    type: '不支持这种文件类型，或文件内容与文件名不符。',
    size: '文件超过允许的大小。',
    count: '附件数量超过上限。',
    quota: '浏览器的存储空间已满，文件未保存。',
    forbidden: '没有权限保存或读取这个文件。',
    offline: '网络不可用：文件保存在本机，联网后自动上传。',
    failed: '文件未能保存，请重试。',
  } as Record<string, string>,
};

export type AttachmentsMessages = typeof attachmentsZhCN;
export default attachmentsZhCN;

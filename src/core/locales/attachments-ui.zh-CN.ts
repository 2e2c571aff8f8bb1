/**
 * Simplified Chinese strings of <xc-attachments> only. They join the locale registry when that
 * element loads (see src/attachments/locale.ts), so pages that attach no files do not carry them.
 * `\u0000` in a message's argument stands for data (a file name) that the element isolates.
 */
const attachmentsUiZhCN = {
  attachLabel: '附件',
  /** The legend when the files belong to a named record (`subject`: a check point, a ledger item). */
  attachLabelFor: (subject: string) => `附件：${subject}`,
  attachChoose: '选择文件',
  attachCamera: '拍照',
  attachDropHint: '也可以把文件拖放到此处，或在此处粘贴截图（Ctrl+V）。',
  attachLimits: (types: string, size: string, count: number) => `可添加：${types}；每个文件不超过 ${size}，最多 ${count} 个。`,
  attachKindImage: '图片',
  attachKindPdf: 'PDF 文档',
  attachKindWord: 'Word 文档',
  attachKindExcel: 'Excel 表格',
  attachKindOther: '文件',
  attachListSep: '、',
  attachTypeSize: (kind: string, size: string) => `${kind}，${size}`,
  attachEmpty: '尚未添加附件。',
  attachProcessing: (i: number, n: number) => `正在处理第 ${i} 个文件，共 ${n} 个……`,
  attachAdded: (n: number) => `已添加 ${n} 个附件。`,
  attachErrType: (name: string) => `“${name}”未添加：不支持这种文件类型。`,
  attachErrSize: (name: string, max: string) => `“${name}”未添加：文件超过 ${max}。`,
  attachErrCount: (name: string, max: number) => `“${name}”未添加：附件最多 ${max} 个。`,
  attachErrQuota: (name: string) => `“${name}”未添加：浏览器的存储空间已满。`,
  attachErrForbidden: (name: string) => `“${name}”未添加：没有权限保存文件。`,
  attachErrOffline: (name: string) => `“${name}”暂未上传：网络不可用，文件保存在本机，联网后自动上传。`,
  attachErrFailed: (name: string) => `“${name}”未能保存，请重试。`,
  attachErrMissing: (name: string) => `“${name}”不在此浏览器中，无法打开。`,
  attachDismiss: '关闭提示',
  attachPreview: '预览',
  attachOpen: '打开',
  attachDownload: '下载',
  attachRename: '重命名',
  attachRenameLabel: '附件名称',
  attachSave: '保存',
  attachCancel: '取消',
  attachMoveUp: '上移',
  attachMoveDown: '下移',
  attachRemove: '删除',
  attachUndo: '撤销',
  attachMoved: (name: string, pos: number, n: number) => `“${name}”已移到第 ${pos} 位，共 ${n} 个。`,
  attachRemoved: (name: string) => `已删除“${name}”。`,
  attachRestored: (name: string) => `已恢复“${name}”。`,
  attachRenamed: (name: string) => `已重命名为“${name}”。`,
  attachPending: (n: number) => `${n} 个附件等待上传。`,
  attachClose: '关闭',
  attachOriginal: '原图',
};

/** The shape of these strings in every language. */
export type AttachmentsUiMessages = typeof attachmentsUiZhCN;
export default attachmentsUiZhCN;

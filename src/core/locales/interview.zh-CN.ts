/**
 * Simplified Chinese strings of <xc-interview-form> only. They join the locale registry when that
 * element loads (see src/interview/locale.ts), so pages without it do not carry them.
 */
const interviewZhCN = {
  interviewSign: '确认并签署',
  interviewSigning: '正在签署……',
  interviewSignHint: '签署前会检查记录是否完整；签署后记录即被锁定、不能再修改，并生成 SHA-256 指纹。',
  interviewSignedAt: (when: string) => `本记录已于 ${when} 签署定稿，已锁定。`,
  interviewFingerprint: 'SHA-256 指纹：',
  interviewVerifying: '正在核验指纹……',
  interviewVerified: '核验通过：记录内容与指纹一致。',
  interviewTampered: '警告：记录内容与签署时的指纹不一致，签署后可能被改动过。请以签字的纸质记录为准核实。',
  interviewPrint: '打印谈话笔录',
  interviewPrintTitle: '个别谈话笔录',
  interviewRecordNo: (no: string) => `编号：${no}`,
  interviewConfidential: '注意保密',
  interviewSignatures: '签字',
  interviewSignInterviewers: '谈话人（签字）：',
  interviewSignRecorder: '记录人（签字）：',
  interviewSignInterviewee: '谈话对象（签字）：',
  interviewSignDate: '日期：',
  interviewFooter: (digest: string) => `记录指纹（SHA-256）：${digest}`,
  interviewUnsigned: '本记录尚未签署定稿。',
};

/** The shape of these strings in every language. */
export type InterviewMessages = typeof interviewZhCN;
export default interviewZhCN;

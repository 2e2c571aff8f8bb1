import type { InterviewMessages } from './interview.zh-CN.js';

/** English strings of <xc-interview-form> only (loaded with English). */
const interviewEn: InterviewMessages = {
  interviewSign: 'Confirm and sign',
  interviewSigning: 'Signing…',
  interviewSignHint: 'The record is checked first. Once signed it is locked and can no longer be changed, and a SHA-256 fingerprint is made.',
  interviewSignedAt: (when: string) => `This record was signed on ${when} and is locked.`,
  interviewFingerprint: 'SHA-256 fingerprint: ',
  interviewVerifying: 'Checking the fingerprint…',
  interviewVerified: 'Verified: the record matches its fingerprint.',
  interviewTampered: 'Warning: the record does not match the fingerprint taken when it was signed; it may have been changed since. Check it against the signed paper copy.',
  interviewPrint: 'Print the record',
  interviewPrintTitle: 'Interview record',
  interviewRecordNo: (no: string) => `No. ${no}`,
  interviewConfidential: 'Confidential',
  interviewSignatures: 'Signatures',
  interviewSignInterviewers: 'Interviewers (signature):',
  interviewSignRecorder: 'Recorder (signature):',
  interviewSignInterviewee: 'Interviewee (signature):',
  interviewSignDate: 'Date:',
  interviewFooter: (digest: string) => `Record fingerprint (SHA-256): ${digest}`,
  interviewUnsigned: 'This record has not been signed.',
};
export default interviewEn;

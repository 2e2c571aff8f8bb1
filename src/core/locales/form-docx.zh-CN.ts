/**
 * Simplified Chinese strings of a form record's Word export (src/core/office/form-docx.ts and the
 * 谈话笔录's export). They join the locale registry when the export's writer loads, which happens
 * only when someone exports.
 */
const formDocxZhCN = {
  /** One field as a line of the document. */
  formDocxField: (label: string, value: string) => `${label}：${value}`,
  /** The exported 谈话笔录's file name (without .docx): the interviewee's name, else the interview's date. */
  interviewDocxFile: (who: string) => `谈话笔录-${who}`,
  /** The exported 问题线索登记移交表's file name (without .docx): the clue's number, else its date. */
  clueSheetDocxFile: (which: string) => `问题线索登记表-${which}`,
};

/** The shape of these strings in every language. */
export type FormDocxMessages = typeof formDocxZhCN;
export default formDocxZhCN;

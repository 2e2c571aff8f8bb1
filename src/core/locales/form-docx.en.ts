import type { FormDocxMessages } from './form-docx.zh-CN.js';

/** English strings of a form record's Word export (loaded with English, when someone exports). */
const formDocxEn: FormDocxMessages = {
  formDocxField: (label: string, value: string) => `${label}: ${value}`,
  interviewDocxFile: (who: string) => `Interview record-${who}`,
  clueSheetDocxFile: (which: string) => `Clue sheet-${which}`,
};
export default formDocxEn;

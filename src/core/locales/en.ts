import type { Messages } from './zh-CN.js';

/** English strings of every xc element. */
const en: Messages = {
  lang: 'en',
  optional: ' (optional)',
  errorPrefix: 'Error: ',
  errorSummaryTitle: 'There is a problem',
  errorSummaryCount: (n: number) => (n === 1 ? '1 thing to fix' : `${n} things to fix`),
  loading: 'Loading…',
  loadFailed: (detail: string) => `The template could not be loaded: ${detail}`,
  templateInvalid: 'The template is not valid and cannot be shown.',
  templateInvalidDetail: (path: string, message: string) => `At ${path || '(root)'}: ${message}`,
  duplicateId: (id: string) => `The id "${id}" is used more than once`,
  draftFound: (when: string) => `A draft saved ${when} is newer than what is shown.`,
  draftRestore: 'Restore draft',
  draftDiscard: 'Discard draft',
  draftSaved: (when: string) => `Draft saved automatically at ${when}`,
  draftUnavailable: 'Drafts cannot be saved in this browser (storage full or disabled). Your work is kept in this page only: do not close it.',
  draftOtherTab: 'This draft was changed in another window.',
  draftLoadOther: 'Load the other window’s version',
  draftKeepMine: 'Keep this window’s version',
  submit: 'Submit',
  reset: 'Reset',
  yes: 'Yes',
  no: 'No',
  required: 'Fill in this field',
  chooseFromList: 'Choose one of the options',
  invalidValue: 'This value is not valid',
  requiredField: (label: string) => `Enter ${label.toLowerCase()}`,
  requiredChoice: (label: string) => `Select ${label.toLowerCase()}`,
  checklistLabel: 'Supervision checklist',
  finding: 'Finding',
  findingRequired: 'Select a finding',
  description: 'Description of the problem',
  descriptionRequired: 'Describe the problem',
  methods: 'How it was found',
  methodsRequired: 'Select at least one method',
  evidence: 'Evidence',
  evidenceRequired: 'Add at least one piece of evidence',
  evidenceTitle: 'Title',
  evidenceKind: 'Kind',
  evidenceRef: 'Reference or link',
  evidenceAdd: 'Add evidence',
  evidenceRemove: (n: number) => `Remove evidence ${n}`,
  attachAdd: 'Attach files',
  evidenceItem: (n: number) => `Evidence ${n}`,
  evidenceTitleRequired: 'Enter the title of the evidence',
  evidenceLinkInvalid: 'Links must start with http://, https:// or be a relative address',
  category: 'Category',
  scope: 'Scope',
  clue: 'Transfer as a clue to the discipline commission',
  notes: 'Notes',
  itemOf: (n: number, total: number) => `Item ${n} of ${total}`,
  printHeader: (title: string) => title,
  keptAside: 'These answers belong to check points no longer in the template; they are kept here:',
  dateUnknown: '—',
  // rectification ledger
  // rectification tracker (<xc-rectification-tracker>)
  // schema forms (<xc-form>, <xc-interview-form>, <xc-clue-sheet>)
  formListSep: ', ',
  validationUnavailable: 'The record could not be checked: its definition is nested too deeply, or its references ($ref) go round in a loop.',
  validatorFailed: (detail: string) => `The validator failed, so the record could not be checked (technical detail: ${detail}).`,
  interviewToClues: (n: number) => (n === 1 ? 'Register 1 problem as a clue' : `Register ${n} problems as clues`),
  clueInterviewRecord: (recordNo: string) => `Interview record (${recordNo})`,
  labelSep: ': ',
  clauseSep: '; ',
  phraseSep: '; ',
  bracket: (s: string) => ` (${s})`,
  // checklist: check points named in the error summary, hints, values that cannot be read
  pointRef: (no: string, excerpt: string) => `${no} ${excerpt}`,
  pointExcerpt: (text: string) => {
    const words = text.trim().split(/\s+/);
    if (words.length > 6) return `${words.slice(0, 6).join(' ')}…`;
    // Text written without spaces (a Chinese-only template): its first characters.
    const chars = Array.from(words.join(' '));
    return chars.length > 40 ? `${chars.slice(0, 14).join('')}…` : chars.join('');
  },
  errorAtPoint: (point: string, message: string) => `${point}: ${message}`,
  valueNotObject: 'The checklist data must be an object (with templateId and items); it could not be read and an empty checklist is shown.',
  valueItemsNotObject: 'items must be an object keyed by check point id; the answers in it could not be read.',
  valueAnswerNotObject: (id: string) => `The answer to check point "${id}" is not an object and could not be read.`,
  valueKeptAsideNotObject: 'keptAside must be an object; the answers in it could not be read.',
  // verification of changes on a server (xc-elements/core verify*)
};
export default en;

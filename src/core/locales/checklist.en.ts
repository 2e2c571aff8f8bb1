import type { ChecklistMessages } from './checklist.zh-CN.js';

/** English strings of <xc-checklist> only (loaded with English). */
const checklistEn: ChecklistMessages = {
  progressOverall: (done: number, total: number) => `${done} of ${total} answered`,
  progressProblems: (n: number) => (n === 1 ? '1 problem found' : `${n} problems found`),
  progressClues: (n: number) => (n === 1 ? '1 clue' : `${n} clues`),
  sectionProgress: (done: number, total: number) => `${done} / ${total}`,
  filterLabel: 'Show',
  filterAll: 'All',
  filterUnanswered: 'Unanswered',
  filterProblems: 'Problems',
  filterClues: 'Clues',
  searchLabel: 'Search check points and notes',
  searchPlaceholder: 'Type a word',
  noMatches: 'No check point matches',
  matchCount: (n: number) => (n === 1 ? 'Showing 1 item' : `Showing ${n} items`),
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  descriptionHint: 'State the facts: when, who, and any amounts.',
  categoryNone: '(none)',
  keyboardHelp: 'Press Alt+↓ / Alt+↑ to move between check points, Alt+Home / Alt+End for the first or last.',
  readonlyNotice: 'Read-only: this checklist cannot be changed.',
  unansweredMark: 'Unanswered',
  noneOption: '(none)',
  pointHint: 'Guidance',
  valueRejected: (tag: string) => `${tag}: parts of the value given could not be read and were left out of what is shown; the value as given is in the rejectedValue property until value is set again.`,
};
export default checklistEn;

import type { RectificationMessages } from './rectification.zh-CN.js';

/** English names of the ledger's statuses, kinds and columns. */
const rectificationEn: RectificationMessages = {
  rectStatusNotStarted: 'Not started',
  rectStatusInProgress: 'In progress',
  rectStatusStageReached: 'Stage reached',
  rectStatusPendingVerification: 'Awaiting verification',
  rectStatusClosed: 'Closed',
  rectKindImmediate: 'Immediate',
  rectKindDeadline: 'By a deadline',
  rectKindOngoing: 'Ongoing',
  rectColId: 'No.',
  rectColProblem: 'Problem',
  rectColFocusArea: 'Focus area',
  rectColCategory: 'Category',
  rectColMeasures: 'Measures',
  rectColLeader: 'Responsible leader',
  rectColDepartment: 'Responsible department',
  rectColPerson: 'Person in charge',
  rectColKind: 'Kind',
  rectColDeadline: 'Deadline',
  rectColExtendedDeadline: 'Extended deadline',
  rectColStatus: 'Status',
  rectColProgress: 'Progress (%)',
  rectColEvidence: 'Evidence',
  rectColVerifier: 'Verified by',
  rectColClosedAt: 'Closed on',
};
export default rectificationEn;

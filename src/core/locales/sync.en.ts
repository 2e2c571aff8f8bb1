import type { SyncMessages } from './sync.zh-CN.js';

/** English strings of the ledger's "changed by someone else" banner and its notices. */
const syncEn: SyncMessages = {
  trackerSyncTitle: 'Someone else changed this ledger',
  trackerSyncNoConflict: 'Someone else saved a newer version. Your changes do not clash with theirs: merge them, or reload their version.',
  trackerSyncConflicts: (n: number) => `Someone else saved a newer version; ${n} ${n === 1 ? 'field differs' : 'fields differ'} from your changes. Choose which to keep for each, then merge; or reload their version.`,
  trackerSyncWhere: (no: string, field: string) => `Item ${no} · ${field}`,
  trackerSyncLedgerField: (field: string) => `Ledger · ${field}`,
  trackerSyncTheirs: 'Keep theirs: ',
  trackerSyncMine: 'Keep mine: ',
  trackerSyncEmpty: '(empty)',
  trackerSyncMerge: 'Merge',
  trackerSyncReload: 'Reload',
  trackerSyncMerged: 'Merged: both their changes and yours are kept.',
  trackerSyncRemoteMerged: (n: number) => `Someone else changed ${n} ${n === 1 ? 'item' : 'items'}; merged with your unsaved changes.`,
  trackerSyncReloaded: 'Their version is loaded. A copy of your unsaved changes is kept: you can get it back at any time.',
  trackerSyncRecover: 'Get my changes back',
  trackerSyncDismiss: 'OK',
  trackerSyncTitleField: 'Title',
  trackerSyncUnitField: 'Inspected unit',
  trackerSyncHistoryField: 'History',
  trackerSyncRefused: (no: string) => `Your change to item ${no} was not saved: the server refused it.`,
  trackerSyncRefusedCode: (code: string) => `Change not allowed (${code})`,
  trackerSyncRefusedKept: 'The item is back as the server has it; a copy of your change was kept and can be got back.',
  trackerSyncPending: (n: number) => `Offline: ${n} ${n === 1 ? 'change' : 'changes'} waiting to be saved`,
};
export default syncEn;

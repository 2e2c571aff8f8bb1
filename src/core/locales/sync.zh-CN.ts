/**
 * Simplified Chinese strings of the ledger's "changed by someone else" banner and its notices.
 * Loaded with that banner's code (the first time a version saved elsewhere arrives), so pages
 * that never meet one do not carry them.
 */
const syncZhCN = {
  trackerSyncTitle: '此台账已被他人修改',
  trackerSyncNoConflict: '他人保存了新的版本。您的修改与之没有冲突，可以合并；也可以重新载入他人的版本。',
  trackerSyncConflicts: (n: number) => `他人保存了新的版本，其中 ${n} 处与您的修改不同。请逐项选择保留哪一方，然后合并；也可以重新载入他人的版本。`,
  trackerSyncWhere: (no: string, field: string) => `问题 ${no} · ${field}`,
  trackerSyncLedgerField: (field: string) => `台账 · ${field}`,
  trackerSyncTheirs: '保留对方的：',
  trackerSyncMine: '保留我的：',
  trackerSyncEmpty: '（空）',
  trackerSyncMerge: '合并',
  trackerSyncReload: '重新载入',
  trackerSyncMerged: '已合并：他人的修改和您的修改都已保留。',
  trackerSyncRemoteMerged: (n: number) => `他人修改了 ${n} 项，已与您未保存的修改合并。`,
  trackerSyncReloaded: '已载入他人保存的版本。您未保存的修改已另存一份，可随时找回。',
  trackerSyncRecover: '找回我的修改',
  trackerSyncDismiss: '知道了',
  trackerSyncTitleField: '标题',
  trackerSyncUnitField: '被巡察单位',
  trackerSyncHistoryField: '历史记录',
  trackerSyncRefused: (no: string) => `问题 ${no} 的修改未能保存：服务器拒绝了这次修改。`,
  trackerSyncRefusedCode: (code: string) => `不允许的修改（${code}）`,
  trackerSyncRefusedKept: '该问题已恢复为服务器上的内容，您的修改已另存一份，可以找回。',
  trackerSyncPending: (n: number) => `离线：${n} 项修改待保存`,
};

/** The shape of the banner's strings in every language. */
export type SyncMessages = typeof syncZhCN;
export default syncZhCN;

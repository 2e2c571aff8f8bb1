// @ts-check
/** Demo data: a ledger of the demo unit (某乡人民政府) and one of another unit (某镇人民政府). */
import { createItem, transition, updateItem } from 'xc-elements/core';
import { createStore } from './store.js';

const AT = '2026-11-02T09:00:00+08:00';

/** A ledger of `unit` with an item not started, one in progress and one awaiting verification. @param {string} unit */
export function demoLedger(unit) {
  const office = { by: '王五', role: /** @type {const} */ ('office'), at: AT };
  const unitStep = { by: '李四', role: /** @type {const} */ ('unit'), at: '2026-11-10T10:00:00+08:00' };
  const a = createItem({ problem: { text: '“三重一大”事项未经集体研究', focusArea: '聚焦基层党组织领导班子和干部队伍建设情况' }, deadline: '2026-12-31', responsibility: { department: '党政办' } }, { id: 'ZG-001', ...office });
  const b = transition(createItem({ problem: { text: '公务接待超标准' }, deadline: '2026-12-15' }, { id: 'ZG-002', ...office }), 'in-progress', unitStep);
  let c = createItem({ problem: { text: '惠民资金发放台账不全' }, kind: 'immediate' }, { id: 'ZG-003', ...office });
  c = transition(c, 'in-progress', unitStep);
  c = updateItem(c, { progress: 100, evidence: [{ title: '补全后的发放台账' }] }, 'unit');
  c = transition(c, 'pending-verification', unitStep);
  return { version: 1, title: `${unit}巡察整改台账`, unit, items: [a, b, c] };
}

/** Create the demo ledgers `demo` and `other` unless they exist. @param {import('./db.js').Database} db */
export async function seedDemo(db) {
  const store = createStore(db);
  const system = { id: 'system', name: 'system', role: 'system' };
  for (const [id, unit] of [['demo', '某乡人民政府'], ['other', '某镇人民政府']]) {
    if (!(await store.getLedger(id))) await store.createLedger(id, demoLedger(unit), system, 'seed');
  }
}

import { expect } from '@open-wc/testing';
import {
  departmentsOf,
  formatDateKey,
  ledgerRuleErrors,
  mergeNewItems,
  readLedgerObject,
  sortItemsBy,
  toRole,
} from '../../src/core/rectification-extra.js';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';
import { registerLocale } from '../../src/core/i18n.js';
import en from '../../src/core/locales/en.js';

// English may load on first use; these pure tests need it at once.
registerLocale('en', en);

function item(id: string, over: Partial<RectificationItem> = {}): RectificationItem {
  return {
    id,
    problem: { text: `问题${id}` },
    measures: [],
    responsibility: {},
    kind: 'immediate',
    status: 'not-started',
    progress: 0,
    evidence: [],
    history: [{ at: '2026-11-01T09:00:00+08:00', by: '巡察办', from: null, to: 'not-started' }],
    ...over,
  };
}

describe('rectification-extra', () => {
  it('toRole: known roles, anything else is a viewer', () => {
    expect(toRole('unit')).to.equal('unit');
    expect(toRole(' Office ')).to.equal('office');
    expect(toRole('viewer')).to.equal('viewer');
    expect(toRole('admin')).to.equal('viewer');
    expect(toRole(undefined)).to.equal('viewer');
    expect(toRole('')).to.equal('viewer');
  });

  it('sortItemsBy focus area: pinyin order, empty last both ways, stable; other keys as the core', () => {
    const items = [
      item('a', { problem: { text: '', focusArea: '聚焦群众身边腐败问题和不正之风' } }),
      item('b', { problem: { text: '' } }),
      item('c', { problem: { text: '', focusArea: '聚焦党的理论路线方针政策和党中央决策部署情况' } }),
      item('d', { problem: { text: '', focusArea: '聚焦党的理论路线方针政策和党中央决策部署情况' } }),
    ];
    // 党 (dǎng) before 群 (qún)
    expect(sortItemsBy(items, 'focusArea').map((i) => i.id)).to.deep.equal(['c', 'd', 'a', 'b']);
    expect(sortItemsBy(items, 'focusArea', 'desc').map((i) => i.id)).to.deep.equal(['a', 'c', 'd', 'b']);
    expect(sortItemsBy([item('ZG-10'), item('ZG-2')], 'id').map((i) => i.id)).to.deep.equal(['ZG-2', 'ZG-10']);
    expect(items.map((i) => i.id)).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('departmentsOf: each named department once, trimmed, in pinyin order', () => {
    const items = [
      item('1', { responsibility: { department: '财务股' } }),
      item('2', { responsibility: { department: ' 办公室 ' } }),
      item('3', { responsibility: {} }),
      item('4', { responsibility: { department: '财务股' } }),
    ];
    expect(departmentsOf(items)).to.deep.equal(['办公室', '财务股']);
  });

  it('mergeNewItems: appends only new ids, reports the skipped, never mutates', () => {
    const existing = [item('1'), item('2')];
    const r = mergeNewItems(existing, [item('2'), item('3'), item('3')]);
    expect(r.items.map((i) => i.id)).to.deep.equal(['1', '2', '3']);
    expect(r.added).to.deep.equal(['3']);
    expect(r.skipped).to.deep.equal(['2', '3']);
    expect(existing).to.have.length(2);
  });

  it('readLedgerObject: the shape needed to show a ledger', () => {
    expect(readLedgerObject({ version: 1, items: [item('1')] }).ok).to.equal(true);
    expect(readLedgerObject(null)).to.deep.equal({ ok: false, error: 'not-object' });
    expect(readLedgerObject([])).to.deep.equal({ ok: false, error: 'not-object' });
    expect(readLedgerObject({ version: 2, items: [] })).to.deep.equal({ ok: false, error: 'version' });
    expect(readLedgerObject({ version: 1 })).to.deep.equal({ ok: false, error: 'items' });
    expect(readLedgerObject({ version: 1, items: [1] })).to.deep.equal({ ok: false, error: 'item', index: 0 });
    expect(readLedgerObject({ version: 1, items: [{ id: '' }] })).to.deep.equal({ ok: false, error: 'item-id', index: 0 });
    expect(readLedgerObject({ version: 1, items: [item('1'), item('1')] })).to.deep.equal({ ok: false, error: 'duplicate-id', index: 1, id: '1' });
  });

  it('ledgerRuleErrors: closed items need evidence and a verifier; status and history agree', () => {
    const closedOk = item('ok', {
      status: 'closed',
      evidence: [{ title: '纪要' }],
      verifier: '陈主任',
      history: [
        { at: '2026-11-01T09:00:00+08:00', by: 'a', from: null, to: 'not-started' },
        { at: '2026-11-02T09:00:00+08:00', by: 'a', from: 'not-started', to: 'in-progress' },
        { at: '2026-11-03T09:00:00+08:00', by: 'a', from: 'in-progress', to: 'pending-verification' },
        { at: '2026-11-04T09:00:00+08:00', by: 'b', from: 'pending-verification', to: 'closed' },
      ],
    });
    const ledger: RectificationLedger = {
      version: 1,
      items: [
        item('fresh'),
        closedOk,
        { ...closedOk, id: 'bare', evidence: [], verifier: ' ' },
        item('jumped', { status: 'in-progress' }),
        item('gap', {
          status: 'pending-verification',
          history: [
            { at: '2026-11-01T09:00:00+08:00', by: 'a', from: null, to: 'not-started' },
            { at: '2026-11-02T09:00:00+08:00', by: 'a', from: 'in-progress', to: 'pending-verification' },
          ],
        }),
      ],
    };
    expect(ledgerRuleErrors(ledger)).to.deep.equal([
      { index: 2, id: 'bare', field: 'evidence', code: 'closed-no-evidence' },
      { index: 2, id: 'bare', field: 'verifier', code: 'closed-no-verifier' },
      { index: 3, id: 'jumped', field: 'status', code: 'status-history' },
      { index: 4, id: 'gap', field: 'history', code: 'history-order' },
    ]);
  });

  it('formatDateKey: the local calendar day, never shifted by the time zone', () => {
    expect(formatDateKey('2026-12-31', 'zh-CN')).to.equal('2026年12月31日');
    expect(formatDateKey('2026-01-01', 'en')).to.equal('January 1, 2026');
    expect(formatDateKey('', 'zh-CN')).to.equal('—');
    expect(formatDateKey(undefined, 'zh-CN')).to.equal('—');
  });
});

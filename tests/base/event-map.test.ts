import { expect } from '@open-wc/testing';
import type { TransitionEventDetail } from '../../src/events/index.js';
import type { TransitionEventDetail as FromTracker } from '../../src/rectification/index.js';
import type { XcElementTypes } from '../../src/frameworks/elements.js';

// The event types live once, in src/events/, and reach the global HTMLElementEventMap: a listener
// added by name gets the detail's type without a cast (a type error here fails `npm run typecheck`).
describe('event types (src/events)', () => {
  it('addEventListener by name is typed by the global event map', () => {
    const el = document.createElement('div');
    const seen: string[] = [];
    el.addEventListener('xc-transition', (e) => seen.push(`${e.detail.itemId}:${e.detail.from}→${e.detail.to}`));
    el.addEventListener('xc-export', (e) => seen.push(e.detail.format));
    const detail: FromTracker = { itemId: 'a', from: 'in-progress', to: 'pending-verification', entry: { at: '2026-12-03T00:00:00Z', by: 'x', from: 'in-progress', to: 'pending-verification' } };
    const same: TransitionEventDetail = detail;
    el.dispatchEvent(new CustomEvent('xc-transition', { detail: same }));
    el.dispatchEvent(new CustomEvent('xc-export', { detail: { format: 'csv', filename: 'a.csv', text: '' } }));
    const framework: XcElementTypes['xc-rectification-tracker']['events']['xc-transition'] | null = null;
    expect(framework).to.equal(null);
    expect(seen).to.deep.equal(['a:in-progress→pending-verification', 'csv']);
  });

  it('the 工作底稿, petition and clue-register events are in the map too', () => {
    const el = document.createElement('div');
    const seen: string[] = [];
    el.addEventListener('xc-review', (e) => seen.push(`${e.detail.action}:${e.detail.state}`));
    el.addEventListener('xc-petition-to-clue', (e) => seen.push(e.detail.entryId));
    el.addEventListener('xc-petition-cite', (e) => seen.push(e.detail.evidence.title));
    el.addEventListener('xc-transfer', (e) => seen.push(`${e.detail.sheet.number}:${e.detail.clues.length}`));
    el.dispatchEvent(new CustomEvent('xc-review', { detail: { action: 'sign', state: 'signed', value: null } }));
    el.dispatchEvent(new CustomEvent('xc-petition-to-clue', { detail: { clue: {}, entryId: 'p1' } }));
    el.dispatchEvent(new CustomEvent('xc-petition-cite', { detail: { evidence: { title: 'XF-2026-001' }, entryId: 'p1' } }));
    el.dispatchEvent(new CustomEvent('xc-transfer', { detail: { sheet: { number: 'YJ-2026-01' }, clues: [] } }));
    expect(seen).to.deep.equal(['sign:signed', 'p1', 'XF-2026-001', 'YJ-2026-01:0']);
  });
});

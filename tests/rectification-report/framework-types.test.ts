import { expect } from '@open-wc/testing';
import type { XcElementTypes, XcEventOf } from '../../src/frameworks/elements.js';
import type { XcRectificationReport } from '../../src/rectification-report/xc-rectification-report.js';

// React and Vue typings of <xc-rectification-report>: its properties and xc-change with its detail
// (a type error here fails `npx tsc`, which the typings' users rely on).
describe('framework typings of <xc-rectification-report>', () => {
  it('types its properties and xc-change', () => {
    const props: Partial<XcElementTypes['xc-rectification-report']['props']> = { kind: 'leader', mode: 'public', feedbackDate: '2026-12-31', dueMonths: 2, ledger: { version: 1, items: [] }, restricted: ['张三'] };
    const seen: string[] = [];
    const onChange = (e: XcEventOf<'xc-rectification-report', 'xc-change'>) => seen.push(`${e.detail.reason}:${e.detail.paragraph ?? ''}:${e.detail.public === true}`);
    const el = document.createElement('div') as unknown as XcRectificationReport;
    el.addEventListener('xc-change', (e) => onChange(e as unknown as XcEventOf<'xc-rectification-report', 'xc-change'>));
    el.dispatchEvent(new CustomEvent('xc-change', { detail: { reason: 'edit', paragraph: 'next', public: true, value: null } }));
    expect([props.kind, props.mode, ...seen]).to.deep.equal(['leader', 'public', 'edit:next:true']);
  });
});

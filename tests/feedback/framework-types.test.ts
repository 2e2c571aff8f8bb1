import { expect } from '@open-wc/testing';
import type { XcElementTypes, XcEventOf } from '../../src/frameworks/elements.js';
import type { XcFeedbackSheet } from '../../src/feedback/xc-feedback-sheet.js';

// React and Vue typings of <xc-feedback-sheet>: its properties and its own events with their details
// (a type error here fails `npx tsc`, which the typings' users rely on).
describe('framework typings of <xc-feedback-sheet>', () => {
  it('types its properties, xc-change and xc-issue', () => {
    const props: Partial<XcElementTypes['xc-feedback-sheet']['props']> = { reportDueMonths: 3, reviewRoles: { leader: ['组长'] }, sheets: [], value: { version: 1, items: [], suggestions: [] } };
    const seen: string[] = [];
    const onChange = (e: XcEventOf<'xc-feedback-sheet', 'xc-change'>) => seen.push(`${e.detail.reason}:${e.detail.value.suggestions.length}`);
    const onIssue = (e: XcEventOf<'xc-feedback-sheet', 'xc-issue'>) => seen.push(`${e.detail.value.issuedBy}:${e.detail.items.map((i) => i.deadline).join()}`);
    const el = document.createElement('div') as unknown as XcFeedbackSheet;
    el.addEventListener('xc-change', (e) => onChange(e as unknown as XcEventOf<'xc-feedback-sheet', 'xc-change'>));
    el.addEventListener('xc-issue', (e) => onIssue(e as unknown as XcEventOf<'xc-feedback-sheet', 'xc-issue'>));
    el.dispatchEvent(new CustomEvent('xc-change', { detail: { reason: 'suggestion', value: { version: 1, items: [], suggestions: ['x'] } } }));
    el.dispatchEvent(new CustomEvent('xc-issue', { detail: { value: { version: 1, items: [], suggestions: [], issuedBy: '王组长' }, items: [{ deadline: '2027-02-28' }] } }));
    expect([props.reportDueMonths, ...seen]).to.deep.equal([3, 'suggestion:1', '王组长:2027-02-28']);
  });
});

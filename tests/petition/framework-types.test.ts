import { expect } from '@open-wc/testing';
import type { XcElementTypes, XcEventOf } from '../../src/frameworks/elements.js';
import type { XcPetitionRegister } from '../../src/petition/xc-petition-register.js';

// React and Vue typings of <xc-petition-register>: its properties and its own events with their
// details (a type error here fails `npx tsc`, which the typings' users rely on).
describe('framework typings of <xc-petition-register>', () => {
  it('types its properties, xc-change, xc-petition-to-clue and xc-petition-cite', () => {
    const props: Partial<XcElementTypes['xc-petition-register']['props']> = { identityRoles: ['leader'], userRole: 'office', value: { version: 1, entries: [] } };
    const seen: string[] = [];
    const onChange = (e: XcEventOf<'xc-petition-register', 'xc-change'>) => seen.push(`${e.detail.reason}:${e.detail.entryId}:${e.detail.value.entries.length}`);
    const onClue = (e: XcEventOf<'xc-petition-register', 'xc-petition-to-clue'>) => seen.push(`${e.detail.entryId}:${e.detail.clue.source}`);
    const onCite = (e: XcEventOf<'xc-petition-register', 'xc-petition-cite'>) => seen.push(`${e.detail.entryId}:${e.detail.evidence.ref}`);
    const el = document.createElement('div') as unknown as XcPetitionRegister;
    el.addEventListener('xc-change', (e) => onChange(e as unknown as XcEventOf<'xc-petition-register', 'xc-change'>));
    el.addEventListener('xc-petition-to-clue', (e) => onClue(e as unknown as XcEventOf<'xc-petition-register', 'xc-petition-to-clue'>));
    el.addEventListener('xc-petition-cite', (e) => onCite(e as unknown as XcEventOf<'xc-petition-register', 'xc-petition-cite'>));
    el.dispatchEvent(new CustomEvent('xc-change', { detail: { reason: 'add', entryId: 'a', value: { version: 1, entries: [{}] } } }));
    el.dispatchEvent(new CustomEvent('xc-petition-to-clue', { detail: { entryId: 'a', clue: { source: '信访举报', mainProblem: 'x', evidence: [] } } }));
    el.dispatchEvent(new CustomEvent('xc-petition-cite', { detail: { entryId: 'a', evidence: { title: '信访件 XF-1', ref: 'XF-1' } } }));
    expect([props.identityRoles, ...seen]).to.deep.equal([['leader'], 'add:a:1', 'a:信访举报', 'a:XF-1']);
  });
});

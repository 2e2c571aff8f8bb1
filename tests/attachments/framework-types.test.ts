import { expect } from '@open-wc/testing';
import type { XcElementTypes, XcEventOf } from '../../src/frameworks/elements.js';
import type { XcAttachments } from '../../src/attachments/xc-attachments.js';

// React and Vue typings of <xc-attachments>: its properties and its two events with their details
// (a type error here fails `npx tsc`, which the typings' users rely on).
describe('framework typings of <xc-attachments>', () => {
  it('types its properties, xc-change and xc-attachment-error', () => {
    const props: Partial<XcElementTypes['xc-attachments']['props']> = { label: '现场照片', readonly: false, undoMs: 5000, value: [{ title: '会议记录' }] };
    const seen: string[] = [];
    const onChange = (e: XcEventOf<'xc-attachments', 'xc-change'>) => seen.push(`${e.detail.value.length}:${e.currentTarget.label}`);
    const onError = (e: XcEventOf<'xc-attachments', 'xc-attachment-error'>) => seen.push(`${e.detail.code}:${e.detail.name}`);
    const provider: Partial<XcElementTypes['xc-provider']['props']> = { attachmentLimits: { maxCount: 3 } };
    const el = Object.assign(document.createElement('div'), { label: '现场照片' }) as unknown as XcAttachments;
    el.addEventListener('xc-change', (e) => onChange(e as unknown as XcEventOf<'xc-attachments', 'xc-change'>));
    el.addEventListener('xc-attachment-error', (e) => onError(e as unknown as XcEventOf<'xc-attachments', 'xc-attachment-error'>));
    el.dispatchEvent(new CustomEvent('xc-change', { detail: { value: [{ title: 'a' }] } }));
    el.dispatchEvent(new CustomEvent('xc-attachment-error', { detail: { code: 'size', name: 'a.pdf' } }));
    expect([props.label, provider.attachmentLimits?.maxCount, ...seen]).to.deep.equal(['现场照片', 3, '1:现场照片', 'size:a.pdf']);
  });
});

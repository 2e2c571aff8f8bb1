import { expect } from '@open-wc/testing';
import type { XcElementTypes, XcEventOf } from '../../src/frameworks/elements.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';

// React and Vue typings of <xc-template-editor>: its properties and its events with their details
// (a type error here fails `npx tsc`, which the typings' users rely on).
describe('framework typings of <xc-template-editor>', () => {
  it('types its properties, xc-change, xc-save and xc-export', () => {
    const props: Partial<XcElementTypes['xc-template-editor']['props']> = { draftKey: 'tpl', drafts: [{ items: {} }], saved: null };
    const seen: string[] = [];
    const onChange = (e: XcEventOf<'xc-template-editor', 'xc-change'>) => seen.push(`${e.detail.reason}:${e.detail.value.sections.length}`);
    const onSave = (e: XcEventOf<'xc-template-editor', 'xc-save'>) => seen.push(`${e.detail.template.version}:${e.detail.changes.removed.join()}`);
    const onExport = (e: XcEventOf<'xc-template-editor', 'xc-export'>) => seen.push(e.detail.format);
    const el = document.createElement('div') as unknown as XcTemplateEditor;
    el.addEventListener('xc-change', (e) => onChange(e as unknown as XcEventOf<'xc-template-editor', 'xc-change'>));
    el.addEventListener('xc-save', (e) => onSave(e as unknown as XcEventOf<'xc-template-editor', 'xc-save'>));
    el.addEventListener('xc-export', (e) => onExport(e as unknown as XcEventOf<'xc-template-editor', 'xc-export'>));
    el.dispatchEvent(new CustomEvent('xc-change', { detail: { reason: 'edit', value: { sections: [{}] } } }));
    el.dispatchEvent(new CustomEvent('xc-save', { detail: { template: { version: '2.0.0' }, changes: { removed: ['f1g1-02'], added: [], reworded: [], nextVersion: '2.0.0' } } }));
    el.dispatchEvent(new CustomEvent('xc-export', { detail: { format: 'json', filename: 'a.json', text: '{}' } }));
    expect([props.draftKey, ...seen]).to.deep.equal(['tpl', 'edit:1', '2.0.0:f1g1-02', 'json']);
  });

  it('types xc-value-error and rejectedValue', () => {
    const seen: unknown[] = [];
    const onValueError = (e: XcEventOf<'xc-template-editor', 'xc-value-error'>) => seen.push(e.detail.value, e.detail.errors[0]!.path);
    const el = document.createElement('div') as unknown as XcTemplateEditor;
    el.addEventListener('xc-value-error', (e) => onValueError(e as unknown as XcEventOf<'xc-template-editor', 'xc-value-error'>));
    el.dispatchEvent(new CustomEvent('xc-value-error', { detail: { value: 'village.json', errors: [{ path: 'sections', message: '…', keyword: 'type' }] } }));
    const rejected: XcElementTypes['xc-template-editor']['props']['rejectedValue'] = seen[0];
    expect([...seen, rejected]).to.deep.equal(['village.json', 'sections', 'village.json']);
  });
});

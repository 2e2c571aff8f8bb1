// <xc-template-editor> in a native <form>: the template (as written, JSON) is submitted under its
// name, and a form reset brings back the template first given.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/template-editor/index.js';
import type { XcTemplateEditor } from '../../src/template-editor/xc-template-editor.js';
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';

const T: ChecklistTemplateSource = {
  id: 'village',
  version: '1.0.0',
  title: '村级巡察清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
  ],
  sections: [{ id: 'f1', title: '村级组织建设', items: [{ id: 'f1-01', text: '是否按期召开支部委员会' }] }],
};

describe('<xc-template-editor> in a form', () => {
  it('submits the template as JSON under its name; reset brings back the first one', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><xc-template-editor name="template" .value=${T}></xc-template-editor></form>`);
    const el = form.querySelector('xc-template-editor') as XcTemplateEditor;
    await el.updateComplete;
    expect(JSON.parse(new FormData(form).get('template') as string)).to.deep.equal(T);
    const text = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#n0-0-0-text')!;
    text.value = '是否按期召开支部委员会会议';
    text.dispatchEvent(new Event('input'));
    expect(JSON.parse(new FormData(form).get('template') as string).sections[0].items[0].text).to.equal('是否按期召开支部委员会会议');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal(T);
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#n0-0-0-text')!.value).to.equal('是否按期召开支部委员会');
  });
});

/**
 * A draft made with one version of a template (or form definition) is reopened on a page that
 * has the next version: restoring it loses nothing. Answers to check points that still exist are
 * shown; answers to removed ones are kept aside (shown, and in the value under `keptAside`); a
 * form keeps members its new definition no longer has.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { record } from '../support/report.js';
import { focusEnd, forget, openTab } from './pages.js';

const updated = (el: HTMLElement) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;

async function restore(el: HTMLElement): Promise<void> {
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="draft-banner"] button.primary');
  expect(button, 'the draft is offered').to.exist;
  button!.click();
  await updated(el);
}

describe('a draft restored into the next template version', () => {
  const proved: string[] = [];

  it('<xc-checklist>: answers to kept check points shown, to a removed one kept aside', async () => {
    const key = 'reliability/version/checklist';
    forget(key);
    const v1 = await openTab<XcChecklist>(`el=checklist&key=${key}`);
    const root = v1.el.shadowRoot!;
    focusEnd(v1, root.querySelector<HTMLTextAreaElement>('#xc-item-p1 textarea[data-field="description"]')!);
    await sendKeys({ type: '甲问题的描述' });
    root.querySelector<HTMLInputElement>('#xc-item-p2 .finding[data-value="problem"] input')!.click();
    await updated(v1.el);
    focusEnd(v1, root.querySelector<HTMLTextAreaElement>('#xc-item-p2 textarea[data-field="description"]')!);
    await sendKeys({ type: '乙问题的描述' });
    expect(v1.el.value!.templateVersion).to.equal('1');
    v1.frame.remove();

    const v2 = await openTab<XcChecklist>(`el=checklist&key=${key}&v=2`);
    await restore(v2.el);
    const v = v2.el.value!;
    expect(v.templateVersion).to.equal('2');
    expect(v.items).to.deep.equal({ p1: { finding: 'problem', description: '甲问题的描述' } });
    expect(v.keptAside).to.deep.equal({ p2: { finding: 'problem', description: '乙问题的描述' } });
    expect(v2.el.shadowRoot!.querySelector<HTMLTextAreaElement>('#xc-item-p1 textarea[data-field="description"]')!.value).to.equal('甲问题的描述');
    expect(v2.el.shadowRoot!.querySelector('.kept-aside')!.textContent).to.contain('乙问题的描述');
    v2.frame.remove();
    forget(key);
    proved.push('checklist (1 removed check point kept aside)');
  });

  it('<xc-form>: a member the new definition no longer has stays in the value', async () => {
    const key = 'reliability/version/form';
    forget(key);
    const v1 = await openTab<XcForm>(`el=form&key=${key}`);
    focusEnd(v1, v1.el.shadowRoot!.querySelector<HTMLTextAreaElement>('#xf-note')!);
    await sendKeys({ type: '说明文字' });
    focusEnd(v1, v1.el.shadowRoot!.querySelector<HTMLInputElement>('#xf-count')!);
    await sendKeys({ type: '17' });
    expect(v1.el.value).to.deep.equal({ note: '说明文字', count: 17 });
    v1.frame.remove();

    const v2 = await openTab<XcForm>(`el=form&key=${key}&v=2`);
    expect(v2.el.shadowRoot!.querySelector('#xf-count'), 'the field is gone in version 2').to.equal(null);
    await restore(v2.el);
    expect(v2.el.value).to.deep.equal({ note: '说明文字', count: 17 });
    expect(v2.el.shadowRoot!.querySelector<HTMLTextAreaElement>('#xf-note')!.value).to.equal('说明文字');
    v2.frame.remove();
    forget(key);
    proved.push('form (1 removed field kept in the value)');
  });

  it('records the figure', async () => {
    expect(proved).to.have.length(2);
    await record({
      id: 'lost.template-version',
      check: 'A draft made with an older template version restores into the new one with nothing lost (removed check points kept aside, removed fields kept in the value)',
      figure: `${proved.length} elements: ${proved.join('; ')}`,
    });
  });
});

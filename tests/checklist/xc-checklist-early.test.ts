import { expect, oneEvent } from '@open-wc/testing';
import '../../src/checklist/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import { generateChecklistTemplate } from '../../stories/support/generate.js';

/**
 * A template given by the page is shown in the element's first frame, before the template reader
 * (the meta-schema validator, a chunk of its own) has even arrived; the check follows once the list
 * is on screen, and `xc-load` and `updateComplete` wait for it. The first test must be the first
 * checklist of this page: the reader's chunk is not loaded yet.
 */
describe('<xc-checklist> template shown before its check', () => {
  const items = (el: XcChecklist) => el.shadowRoot?.querySelectorAll('xc-checklist-item').length ?? 0;
  const reader = () => performance.getEntriesByType('resource').filter((r) => /checklist-template/.test(r.name));
  const frame = () => new Promise((r) => requestAnimationFrame(r));

  it('draws the whole list in its first frame, and says xc-load once the check has passed', async () => {
    expect(reader(), 'the reader is not loaded before the first checklist').to.have.length(0);
    const template = generateChecklistTemplate(60);
    const total = template.sections.flatMap((s) => s.groups).flatMap((g) => g.items).length;
    const el = document.createElement('xc-checklist') as XcChecklist;
    el.template = template;
    let loadedAt = -1;
    el.addEventListener('xc-load', () => (loadedAt = items(el)));
    document.body.append(el);
    await frame();
    expect(items(el), 'check points in the first frame').to.equal(total);
    expect(loadedAt, 'xc-load before the check').to.equal(-1);
    await oneEvent(el, 'xc-load');
    expect(reader().length, 'the reader was loaded for the check').to.be.greaterThan(0);
    expect(items(el)).to.equal(total);
    el.remove();
  });

  it('replaces a list that fails the meta-schema by its errors, and says xc-error, not xc-load', async () => {
    const template = generateChecklistTemplate(10) as unknown as { sections: { groups: { items: Record<string, unknown>[] }[] }[] };
    template.sections[0]!.groups[0]!.items[0]!['colour'] = 'red';
    const el = document.createElement('xc-checklist') as XcChecklist;
    el.template = template as never;
    let loads = 0;
    el.addEventListener('xc-load', () => loads++);
    const error = oneEvent(el, 'xc-error');
    document.body.append(el);
    await frame();
    expect(items(el), 'shown at once: it has the shape of a list').to.be.greaterThan(0);
    await error;
    await el.updateComplete;
    expect(items(el), 'no check point left').to.equal(0);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('sections.0.groups.0.items.0');
    expect(loads).to.equal(0);
    expect(el.validate().valid).to.equal(false);
    el.remove();
  });

  it('waits for the reader when a template has not the shape of a list', async () => {
    const el = document.createElement('xc-checklist') as XcChecklist;
    el.template = { id: 't', version: '1', title: 'x', findings: [], sections: [] } as never;
    document.body.append(el);
    await frame();
    expect(items(el)).to.equal(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]'), 'the meta-schema errors').to.exist;
    el.remove();
  });
});

/**
 * A page's first date control costs the browser tens of milliseconds to set up, so the head's
 * 编制日期 is a text box (same YYYY-MM-DD) until the list has been on screen, then a date control —
 * never while someone types in it, and never when what it holds is not a whole date (a date control
 * would show that as empty).
 */
describe('<xc-checklist> 编制日期 before and after the list is on screen', () => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const dateField = (el: XcChecklist) => el.shadowRoot!.querySelector<HTMLInputElement>('#xc-h-preparedOn')!;
  async function mount(preparedOn?: string) {
    const el = document.createElement('xc-checklist') as XcChecklist;
    el.template = generateChecklistTemplate(20);
    if (preparedOn !== undefined) el.value = { templateId: el.template.id, templateVersion: el.template.version, items: {}, header: { preparedOn } } as never;
    document.body.append(el);
    await frame();
    return el;
  }
  /**
   * Focus leaves the field. A page run without the window's focus (as the test runner's can be) gets
   * no focus events from blur(): the focusout a person's Tab or click gives is sent as well.
   */
  function leave(field: HTMLInputElement) {
    field.blur();
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  }
  async function settled(el: XcChecklist) {
    await el.updateComplete;
    for (let i = 0; i < 5; i++) await frame();
    await el.updateComplete;
  }

  it('is a text box holding the date in the first frame, and a date control with the same date once the list is on screen', async () => {
    const el = await mount('2026-11-18');
    expect(dateField(el).type).to.equal('text');
    expect(dateField(el).value).to.equal('2026-11-18');
    expect(dateField(el).labels![0]!.textContent!.trim()).to.not.equal('');
    await settled(el);
    expect(dateField(el).type).to.equal('date');
    expect(dateField(el).value).to.equal('2026-11-18');
    el.remove();
  });

  it('stays a text box holding a date given that is not a calendar day (a date control would show it empty)', async () => {
    const el = await mount('2026-02-30');
    await settled(el);
    expect(dateField(el).type).to.equal('text');
    expect(dateField(el).value).to.equal('2026-02-30');
    el.remove();
  });

  it('stays a text box while typed in, and after it when what was typed is not a whole date', async () => {
    const el = await mount();
    const field = dateField(el);
    field.focus();
    field.value = '2026-1';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settled(el);
    expect(dateField(el).type, 'while focused').to.equal('text');
    expect(dateField(el).value).to.equal('2026-1');
    leave(field);
    await settled(el);
    expect(dateField(el).type, 'a date half typed is kept as typed').to.equal('text');
    expect(dateField(el).value).to.equal('2026-1');
    expect(el.value!.header).to.deep.equal({ preparedOn: '2026-1' });
    field.focus();
    field.value = '2026-11-18';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    leave(field);
    await settled(el);
    expect(dateField(el).type, 'a whole date, focus gone').to.equal('date');
    expect(dateField(el).value).to.equal('2026-11-18');
    el.remove();
  });
});

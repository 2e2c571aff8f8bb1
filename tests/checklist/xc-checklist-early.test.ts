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

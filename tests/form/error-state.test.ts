// Every invalid control shows the same visible error state: aria-invalid and a red border (the
// shared rule used to lose to the input[type=…] rules, so text and date inputs showed none).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/form/index.js';
import '../../src/compiler/index.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { settle } from './helpers.js';

const schema = {
  type: 'object',
  title: '登记表',
  required: ['name', 'email', 'day', 'at', 'time', 'count', 'notes', 'kind', 'level', 'agreed', 'tags'],
  properties: {
    name: { type: 'string', title: '姓名', minLength: 1 },
    email: { type: 'string', title: '邮箱', format: 'email' },
    day: { type: 'string', title: '日期', format: 'date' },
    at: { type: 'string', title: '时间', format: 'date-time' },
    time: { type: 'string', title: '时刻', format: 'time' },
    count: { type: 'integer', title: '人数' },
    notes: { type: 'string', title: '备注', 'x-xc-widget': 'textarea' },
    kind: { type: 'string', title: '类型', enum: ['a', 'b', 'c', 'd', 'e', 'f'] },
    level: { type: 'string', title: '级别', enum: ['x', 'y'], 'x-xc-widget': 'radio' },
    agreed: { type: 'boolean', title: '已确认', const: true },
    tags: { type: 'array', title: '标签', items: { enum: ['p', 'q'] }, uniqueItems: true, minItems: 1, 'x-xc-widget': 'checkboxes' },
  },
};

describe('<xc-form> error state', () => {
  it('every invalid control has aria-invalid and the same red border as an invalid select; radios and checkboxes a red bar', async () => {
    const el = await fixture<XcForm>(html`<xc-form lang="zh-CN" .schema=${schema}></xc-form>`);
    await settle(el);
    expect(await el.reportValidity()).to.equal(false);
    await settle(el);
    const root = el.shadowRoot!;
    const select = root.querySelector<HTMLSelectElement>('select[aria-invalid="true"]')!;
    expect(select, 'an invalid select').to.exist;
    // The error colour, as the messages next to the fields are written in it.
    const red = getComputedStyle(root.querySelector('.field-error')!).color;
    expect(getComputedStyle(select).borderTopColor).to.equal(red);
    const controls = [...root.querySelectorAll<HTMLElement>('input:not([type=radio]):not([type=checkbox]), textarea, select')];
    expect(controls.length).to.equal(8);
    for (const c of controls) {
      const what = `${c.localName}[type=${c.getAttribute('type')}]#${c.id}`;
      expect(c.getAttribute('aria-invalid'), what).to.equal('true');
      const cs = getComputedStyle(c);
      expect(cs.borderTopColor, what).to.equal(red);
      expect(cs.borderTopWidth, what).to.equal(getComputedStyle(select).borderTopWidth);
    }
    const choices = [...root.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')];
    expect(choices.length).to.equal(5);
    for (const c of choices) {
      expect(c.getAttribute('aria-invalid'), c.outerHTML).to.equal('true');
      const field = c.closest<HTMLElement>('.field')!;
      expect(getComputedStyle(field).borderInlineStartColor ?? getComputedStyle(field).borderLeftColor, c.outerHTML).to.equal(red);
      expect(parseFloat(getComputedStyle(field).borderLeftWidth)).to.be.at.least(2);
    }
  });
});

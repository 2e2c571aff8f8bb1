import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/form/index.js';
import '../../src/compiler/index.js';
import type { XcForm } from '../../src/form/xc-form.js';
import { control, settle } from './helpers.js';

const schema = {
  type: 'object',
  properties: {
    amount: { type: 'number', title: '金额' },
    day: { type: 'string', format: 'date', title: '日期' },
  },
};

describe('<xc-form> keeps what is typed while it is not yet a value', () => {
  it('typing 1e5 into a number field keeps every key (the browser reports "1e" as empty)', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${schema}></xc-form>`);
    await settle(el);
    control(el, 'amount').focus();
    await sendKeys({ type: '1e5' });
    await settle(el);
    expect((el.value as { amount?: number }).amount).to.equal(100000);
  });

  it('clearing one part of a date does not wipe the rest', async () => {
    const el = await fixture<XcForm>(html`<xc-form .schema=${schema} .value=${{ day: '2026-11-27' }}></xc-form>`);
    await settle(el);
    const input = control(el, 'day');
    input.focus();
    // The first segment (month in en-US, year in zh-CN) is focused: clear it, then type a new one.
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    expect(input.validity.badInput || input.value !== '').to.equal(true);
    expect((el.value as { day?: string }).day).to.equal('2026-11-27');
  });
});

/**
 * xc-elements/client when saves fail, against the REAL reference back end (tests/support/server-plugin.mjs):
 * a save the server refuses is shown (role=alert, which item and why), rolled back to the server's
 * item with the edit kept to be got back, and not sent again; each item's save is independent;
 * saves made offline wait (with a status saying so) and go when the network is back, where a
 * conflict shows the banner; live updates come back after the stream drops, and what changed
 * meanwhile is read.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import { createItem } from '../../src/core/rectification.js';
import { bindLedger, createLedgerClient, type LedgerBinding } from '../../src/client/index.js';
import { expectAccessible } from '../support/a11y.js';
import { OFFICE_BY, USERS, login, putNewLedger, waitFor } from './support.js';



/** A client whose network can be cut (`net.offline`), counting the item saves it sends. */
async function clientOf(name: 'clerk' | 'office') {
  const token = await login(name);
  const net = { offline: false, puts: [] as string[] };
  const client = createLedgerClient({
    baseUrl: `/api-${name}`,
    csrf: () => token,
    fetch: (input, init) => {
      if (net.offline) return Promise.reject(new TypeError('Failed to fetch'));
      if (init?.method === 'PUT') net.puts.push(String(input).replace(/^.*\/items\//, ''));
      return fetch(input, init);
    },
  });
  return { token, client, net };
}

const newLedger = (officeToken: string) =>
  putNewLedger(officeToken, [
    // An item of another unit in the ledger: the unit may not change it (the server refuses).
    { ...createItem({ problem: { text: '公务接待超标准' }, deadline: '2026-12-15', measures: [{ id: 'M-1', text: '制定接待标准' }] }, { id: 'ZG-001', ...OFFICE_BY }), unit: '某镇人民政府' },
    createItem({ problem: { text: '惠民资金发放台账不全' }, deadline: '2026-12-31' }, { id: 'ZG-002', ...OFFICE_BY }),
  ]);

async function mountTracker(name: 'clerk' | 'office', lang = 'zh-CN') {
  const wrap = await fixture<HTMLElement>(html`<div>
    <xc-provider lang=${lang} user-role=${USERS[name].role} .user=${USERS[name]}>
      <xc-rectification-tracker></xc-rectification-tracker>
    </xc-provider>
  </div>`);
  return wrap.querySelector('xc-rectification-tracker')!;
}


const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async function () {
  this.timeout(90_000);
  await fetch('/api/me');
});

const bindings: LedgerBinding[] = [];
afterEach(() => {
  for (const b of bindings.splice(0)) b.disconnect();
});

describe('xc-elements/client: refused, offline and dropped', () => {
  it('a refused save is shown (which item, why), rolled back with the edit kept, and not sent again', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const clerk = await clientOf('clerk');
    const el = await mountTracker('clerk');
    const errors: unknown[] = [];
    el.addEventListener('xc-sync-error', (e) => errors.push(e.detail.error));
    const b = bindLedger(el, clerk.client, id, { delay: 30, retry: 200 });
    bindings.push(b);
    await b.ready;

    // ZG-001 is another unit's: the server refuses the clerk's change.
    el.applyEdit('ZG-001', { progress: 60 });
    const alert = await waitFor('the refusal alert', async () => {
      await el.updateComplete;
      return el.shadowRoot!.querySelector<HTMLElement>('[role="alert"].sync-refused');
    });
    expect(text(alert)).to.contain('问题').and.contain('未能保存');
    expect(alert.querySelectorAll('li').length, 'each reason listed').to.be.greaterThan(0);
    expect(text(alert.querySelector('li')), 'the server\'s reason, in the page\'s language').to.contain('某镇人民政府').and.not.contain('may not');
    expect(errors.length).to.equal(1);
    // Rolled back to the server's item; the table shows it.
    expect(el.getItem('ZG-001')!.progress).to.equal(0);
    expect(el.unsyncedItemIds).to.deep.equal([]);
    await expectAccessible(el);

    // A later save of another item goes alone: the refused one is not sent again.
    el.applyEdit('ZG-002', { progress: 40 });
    await waitFor('ZG-002 saved', async () => (await office.client.load(id)).ledger.items[1]!.progress === 40);
    await pause(400);
    expect(clerk.net.puts.filter((p) => p === 'ZG-001').length, 'the refused save, once').to.equal(1);

    // The refused edit can be got back.
    alert.querySelector<HTMLButtonElement>('.sync-recover')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.sync-conflict .sync-merge')!.click();
    await el.updateComplete;
    expect(el.getItem('ZG-001')!.progress, 'the refused edit got back').to.equal(60);
  });

  it('an English page reads the refusal in English (the client asks the server in the page\'s language)', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'en';
    try {
      const office = await clientOf('office');
      const id = await newLedger(office.token);
      const clerk = await clientOf('clerk');
      const el = await mountTracker('clerk', 'en');
      const b = bindLedger(el, clerk.client, id, { delay: 30 });
      bindings.push(b);
      await b.ready;
      el.applyEdit('ZG-001', { progress: 60 });
      const alert = await waitFor('the refusal alert', async () => (await el.updateComplete, el.shadowRoot!.querySelector<HTMLElement>('.sync-refused')));
      expect(text(alert)).to.contain('was not saved');
      expect(text(alert.querySelector('li')), 'the server\'s reason, in English').to.contain('may not change it');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('with a refused edit, an edit made offline waits (status shown), is sent when back online, and a conflict shows the banner', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const clerk = await clientOf('clerk');
    const el = await mountTracker('clerk');
    const b = bindLedger(el, { ...clerk.client, subscribe: () => () => {} }, id, { delay: 30, retry: 60_000 });
    bindings.push(b);
    await b.ready;

    el.applyEdit('ZG-001', { progress: 60 });
    await waitFor('the refusal', async () => (await el.updateComplete, el.shadowRoot!.querySelector('.sync-refused')));

    clerk.net.offline = true;
    el.applyEdit('ZG-002', { progress: 40 });
    const status = await waitFor('the offline status', async () => {
      await el.updateComplete;
      return el.shadowRoot!.querySelector<HTMLElement>('[role="status"].sync-pending');
    });
    expect(text(status)).to.equal('离线：1 项修改待保存');

    // Meanwhile the office changes the same field of ZG-002.
    const loaded = await office.client.load(id);
    await office.client.saveItem(id, { ...loaded.ledger.items[1]!, progress: 30 }, loaded.version);

    clerk.net.offline = false;
    window.dispatchEvent(new Event('online'));
    const banner = await waitFor('the conflict banner', async () => (await el.updateComplete, el.shadowRoot!.querySelector<HTMLElement>('.sync-conflict')));
    expect(text(banner)).to.contain('保留对方的：30').and.contain('保留我的：40');
    expect(clerk.net.puts).to.include('ZG-002');
    expect(el.shadowRoot!.querySelector('.sync-pending'), 'the status clears').to.equal(null);
  });

  it('an edit made offline is saved when the network is back', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const clerk = await clientOf('clerk');
    const el = await mountTracker('clerk');
    const b = bindLedger(el, { ...clerk.client, subscribe: () => () => {} }, id, { delay: 30, retry: 60_000 });
    bindings.push(b);
    await b.ready;
    clerk.net.offline = true;
    el.applyEdit('ZG-002', { progress: 45 });
    await waitFor('the offline status', async () => (await el.updateComplete, el.shadowRoot!.querySelector('.sync-pending')));
    clerk.net.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor('saved', async () => (await office.client.load(id)).ledger.items[1]!.progress === 45);
    await waitFor('the status clears', async () => (await el.updateComplete, !el.shadowRoot!.querySelector('.sync-pending')));
  });

  it('live updates come back after the stream drops, and what changed meanwhile is read', async () => {
    const Real = window.EventSource;
    const sources: EventSource[] = [];
    window.EventSource = class extends Real {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        sources.push(this);
      }
    } as typeof EventSource;
    try {
      const office = await clientOf('office');
      const id = await newLedger(office.token);
      const clerk = await clientOf('clerk');
      const el = await mountTracker('clerk');
      const b = bindLedger(el, clerk.client, id, { delay: 30 });
      bindings.push(b);
      await b.ready;
      await waitFor('the stream open', () => sources[0]?.readyState === Real.OPEN);

      // The network drops: the browser gives the stream up.
      sources[0]!.close();
      sources[0]!.dispatchEvent(new Event('error'));
      const loaded = await office.client.load(id);
      await office.client.saveItem(id, { ...loaded.ledger.items[1]!, deadline: '2027-03-31' }, loaded.version);
      window.dispatchEvent(new Event('online'));

      await waitFor('a new stream', () => sources.length > 1);
      await waitFor('the change made meanwhile applied', () => el.getItem('ZG-002')?.deadline === '2027-03-31');
      // And live again.
      const again = await office.client.load(id);
      await office.client.saveItem(id, { ...again.ledger.items[0]!, deadline: '2027-04-30' }, again.version);
      await waitFor('the next change heard', () => el.getItem('ZG-001')?.deadline === '2027-04-30');
    } finally {
      window.EventSource = Real;
    }
  });
});

/**
 * xc-elements/client against the REAL reference back end (server/app.js on PGlite, started inside
 * the test server by tests/support/server-plugin.mjs): load, item saves, a stale save's conflict
 * banner and its merge, two people (unit `clerk`, office `office`) on one ledger hearing each
 * other's changes, polling where there is no EventSource, drafts kept on the server.
 * Each session has its own path (/api-clerk, /api-office), so one browser holds both cookies.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/rectification/index.js';
import '../../src/provider/index.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcRectificationDetail } from '../../src/rectification/xc-rectification-detail.js';
import { createItem } from '../../src/core/rectification.js';
import type { DraftStorage } from '../../src/core/draft.js';
import type { RectificationLedger } from '../../src/core/rectification-types.js';
import { bindLedger, createLedgerClient, draftKeyPath, httpDraftStorage, LedgerConflict, type LedgerBinding, type LedgerChange } from '../../src/client/index.js';
import { expectAccessible } from '../support/a11y.js';
import { AT, OFFICE_BY, USERS, login, putNewLedger, waitFor } from './support.js';



async function clientOf(name: 'clerk' | 'office') {
  const token = await login(name);
  return { token, client: createLedgerClient({ baseUrl: `/api-${name}`, csrf: () => token }) };
}

/** A new ledger of the demo unit, created by the office (If-None-Match: *). */
const newLedger = (officeToken: string) =>
  putNewLedger(officeToken, [
    createItem({ problem: { text: '公务接待超标准' }, deadline: '2026-12-15', measures: [{ id: 'M-1', text: '制定接待标准' }] }, { id: 'ZG-001', ...OFFICE_BY }),
    createItem({ problem: { text: '惠民资金发放台账不全' }, deadline: '2026-12-31' }, { id: 'ZG-002', ...OFFICE_BY }),
  ]);

async function mountTracker(name: 'clerk' | 'office', drafts?: DraftStorage, draftKey = `ledger-${name}`) {
  const wrap = await fixture<HTMLElement>(html`<div>
    <xc-provider user-role=${USERS[name].role} .user=${USERS[name]} .drafts=${drafts}>
      <xc-rectification-tracker draft-key=${draftKey}></xc-rectification-tracker>
    </xc-provider>
  </div>`);
  return wrap.querySelector('xc-rectification-tracker')!;
}


const detailOf = (el: XcRectificationTracker) => el.shadowRoot!.querySelector<XcRectificationDetail>('xc-rectification-detail')!;

/** Open an item and type at the end of a field of its panel with real key presses. */
async function typeInto(el: XcRectificationTracker, itemId: string, selector: string, keys: string, replace = false) {
  if (!detailOf(el) || el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.detail')!.open === false) await el.openItem(itemId);
  const field = detailOf(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.focus();
  if (replace) field.select();
  else if (field instanceof HTMLTextAreaElement) field.setSelectionRange(field.value.length, field.value.length);
  await sendKeys({ type: keys });
  await el.updateComplete;
}

// The first request boots the back end (PGlite, migrations): give it time once, here.
before(async function () {
  this.timeout(90_000);
  await fetch('/api/me');
});

const bindings: LedgerBinding[] = [];
afterEach(() => {
  for (const b of bindings.splice(0)) b.disconnect();
});

describe('xc-elements/client with the reference back end', () => {
  it('loads a ledger into the tracker and saves an item as it is typed', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const clerk = await clientOf('clerk');
    const el = await mountTracker('clerk');
    const b = bindLedger(el, clerk.client, id, { delay: 50 });
    bindings.push(b);
    await b.ready;
    await el.updateComplete;
    expect(el.value!.items.map((i) => i.id)).to.deep.equal(['ZG-001', 'ZG-002']);
    const first = b.version;

    await typeInto(el, 'ZG-001', '#d-m-0', '，报党委审定');
    const saved = await waitFor('the item saved', async () => {
      const { ledger } = await office.client.load(id);
      return ledger.items[0]!.measures[0]!.text === '制定接待标准，报党委审定' ? ledger : null;
    });
    expect(saved.items[0]!.measures[0]!.text).to.equal('制定接待标准，报党委审定');
    expect(b.version).to.be.greaterThan(first);
    expect(el.unsyncedItemIds).to.deep.equal([]);
  });

  it('a stale save shows "changed by someone else"; merge keeps both parties\' edits and saves them', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const clerk = await clientOf('clerk');
    const el = await mountTracker('clerk');
    // The office's change event has not arrived yet: the clerk's save is the one that finds out.
    const b = bindLedger(el, { ...clerk.client, subscribe: () => () => {} }, id, { delay: 50 });
    bindings.push(b);
    await b.ready;

    // The office saves first, on the item the clerk is typing in: progress 30 and another person
    // responsible (fields the unit may edit too, so the server's rules alone would not stop an overwrite).
    const loaded = await office.client.load(id);
    const theirs = { ...loaded.ledger.items[0]!, responsibility: { ...loaded.ledger.items[0]!.responsibility, person: '赵芳' }, progress: 30 };
    await office.client.saveItem(id, theirs, loaded.version);

    await typeInto(el, 'ZG-001', '#d-m-0', '并公示');
    await typeInto(el, 'ZG-001', '#d-progress', '55', true);
    const banner = await waitFor('the conflict banner', async () => {
      await el.updateComplete;
      return el.shadowRoot!.querySelector<HTMLElement>('.sync-conflict');
    });
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(banner.textContent).to.contain('此台账已被他人修改');
    expect(banner.textContent).to.contain('保留对方的：30').and.contain('保留我的：55');
    await expectAccessible(el);
    // Nothing typed is lost while the person decides.
    expect(el.getItem('ZG-001')!.measures[0]!.text).to.equal('制定接待标准并公示');

    // Typing on while the banner waits saves nothing over the office's change.
    await typeInto(el, 'ZG-001', '#d-m-0', '。');
    await new Promise((r) => setTimeout(r, 100));
    await b.flush();
    const meanwhile = (await office.client.load(id)).ledger.items[0]!;
    expect(meanwhile.progress, 'the office\'s value stays until the clerk chooses').to.equal(30);
    expect(meanwhile.responsibility.person).to.equal('赵芳');
    expect(meanwhile.measures[0]!.text).to.equal('制定接待标准');

    banner.querySelector<HTMLInputElement>('input[value="mine"]')!.click();
    banner.querySelector<HTMLButtonElement>('.sync-merge')!.click();
    const server = await waitFor('the merge saved', async () => {
      const { ledger } = await office.client.load(id);
      return ledger.items[0]!.measures[0]!.text === '制定接待标准并公示。' ? ledger.items[0]! : null;
    });
    expect(server.responsibility.person, 'the office\'s edit').to.equal('赵芳');
    expect(server.progress, 'the clerk\'s value, chosen').to.equal(55);
    expect(el.getItem('ZG-001')!.responsibility.person).to.equal('赵芳');
  });

  it('two people on one ledger see each other\'s changes through the server\'s events', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const clerk = await clientOf('clerk');
    const clerkEl = await mountTracker('clerk');
    const officeEl = await mountTracker('office');
    const bc = bindLedger(clerkEl, clerk.client, id, { delay: 50 });
    const bo = bindLedger(officeEl, office.client, id, { delay: 50 });
    bindings.push(bc, bo);
    await Promise.all([bc.ready, bo.ready]);

    officeEl.applyEdit('ZG-002', { deadline: '2027-03-31' });
    await waitFor('the clerk sees the office\'s deadline', () => clerkEl.getItem('ZG-002')?.deadline === '2027-03-31');

    await typeInto(clerkEl, 'ZG-001', '#d-m-0', '（已起草）');
    await waitFor('the office sees the clerk\'s measure', () => officeEl.getItem('ZG-001')?.measures[0]?.text === '制定接待标准（已起草）');
    // The clerk's panel stayed open and kept its typing through the office's change.
    expect(detailOf(clerkEl).querySelector<HTMLTextAreaElement>('#d-m-0')!.value).to.equal('制定接待标准（已起草）');
  });

  it('polls with If-None-Match where there is no EventSource', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const clerk = await clientOf('clerk');
    const { version } = await clerk.client.load(id);
    const ES = window.EventSource;
    const changes: LedgerChange[] = [];
    (window as { EventSource?: unknown }).EventSource = undefined;
    let stop = () => {};
    try {
      stop = clerk.client.subscribe(id, (c) => changes.push(c), { poll: 100 });
    } finally {
      window.EventSource = ES;
    }
    try {
      await new Promise((r) => setTimeout(r, 250));
      expect(changes, 'nothing changed: 304s').to.deep.equal([]);
      const loaded = await office.client.load(id);
      await office.client.saveItem(id, { ...loaded.ledger.items[1]!, deadline: '2027-02-28' }, loaded.version);
      await waitFor('a polled change', () => changes.length > 0);
      expect(changes[0]!.version).to.be.greaterThan(version);
      expect(changes[0]!.ledger!.items[1]!.deadline).to.equal('2027-02-28');
    } finally {
      stop();
    }
  });

  it('reports a stale write as LedgerConflict with the server\'s ledger', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const { version, ledger } = await office.client.load(id);
    await office.client.saveItem(id, { ...ledger.items[0]!, progress: 10 }, version);
    const err = await office.client.saveItem(id, { ...ledger.items[0]!, progress: 20 }, version).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(LedgerConflict);
    expect((err as LedgerConflict).ledger.items[0]!.progress).to.equal(10);
  });

  it('reads the CSRF token from the xc_csrf cookie by default', async () => {
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    await login('clerk', '/api');
    const client = createLedgerClient();
    const { version, ledger } = await client.load(id);
    const r = await client.saveItem(id, { ...ledger.items[1]!, progress: 5 }, version);
    expect(r.version).to.equal(version + 1);
  });

  it('keeps drafts on the server (async storage): typing survives a new page, and a save in flight is mirrored locally', async () => {
    const clerk = await clientOf('clerk');
    const office = await clientOf('office');
    const id = await newLedger(office.token);
    const drafts = httpDraftStorage({ baseUrl: '/api-clerk', csrf: () => clerk.token });
    const key = `round-3/${id}`;
    const el = await mountTracker('clerk', drafts, key);
    el.value = (await clerk.client.load(id)).ledger;
    await el.updateComplete;
    await typeInto(el, 'ZG-002', '#d-progress', '40', true);
    const stored = await waitFor('the draft on the server', async () => {
      const d = await drafts.load(key);
      return d && (d.value as RectificationLedger).items[1]!.progress === 40 ? d : null;
    });
    expect(stored.savedAt).to.be.a('number');
    expect(localStorage.getItem(`xc-draft-unconfirmed:${key}`), 'confirmed: no local copy left').to.equal(null);
    const res = await fetch(`/api-clerk/drafts/${draftKeyPath(key)}`, { credentials: 'same-origin' });
    expect(res.status).to.equal(200);

    // A new page with the ledger as saved: the server's draft is offered and restores the typing.
    const again = await mountTracker('clerk', drafts, key);
    again.value = (await clerk.client.load(id)).ledger;
    const banner = await waitFor('the draft offer', async () => {
      await again.updateComplete;
      return again.shadowRoot!.querySelector<HTMLElement>('[part="draft-banner"]');
    });
    banner.querySelector<HTMLButtonElement>('button.primary')!.click();
    await again.updateComplete;
    expect(again.getItem('ZG-002')!.progress).to.equal(40);
  });

  it('a draft save still in flight when the page goes is kept in localStorage and offered next time', async () => {
    const key = `in-flight-${Math.random().toString(36).slice(2)}`;
    let release = () => {};
    const slow: DraftStorage = {
      load: () => Promise.resolve(null),
      save: () => new Promise<void>((r) => (release = r)),
      remove: () => Promise.resolve(),
    };
    const el = await mountTracker('clerk', slow, key);
    el.value = { version: 1, items: [createItem({ problem: { text: '问题' }, deadline: '2026-12-31' }, { id: 'ZG-001', by: '王五', role: 'office', at: AT })] };
    await el.updateComplete;
    await typeInto(el, 'ZG-001', '#d-progress', '65', true);
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
    const copy = await waitFor('the local copy', () => localStorage.getItem(`xc-draft-unconfirmed:${key}`));
    expect((JSON.parse(copy).value as RectificationLedger).items[0]!.progress).to.equal(65);

    const next = await mountTracker('clerk', slow, key);
    next.value = { version: 1, items: [createItem({ problem: { text: '问题' }, deadline: '2026-12-31' }, { id: 'ZG-001', by: '王五', role: 'office', at: AT })] };
    const offer = await waitFor('the offer of the local copy', async () => {
      await next.updateComplete;
      return next.shadowRoot!.querySelector('[part="draft-banner"]');
    });
    expect(offer).to.exist;
    release();
    await waitFor('the copy dropped once confirmed', () => localStorage.getItem(`xc-draft-unconfirmed:${key}`) === null);
  });
});

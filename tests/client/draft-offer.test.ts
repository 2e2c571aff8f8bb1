/**
 * A draft offered after a reload (发现…保存的草稿, 恢复草稿 / 放弃草稿) with drafts kept on the REAL
 * reference back end (httpDraftStorage, tests/support/server-plugin.mjs): answering a question
 * before choosing must not lose it — it stays offered until the person chooses.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/checklist/index.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import { httpDraftStorage } from '../../src/client/index.js';

const small = {
  id: 'small',
  version: '1',
  title: '小清单',
  findings: [
    { value: 'problem', label: { 'zh-CN': '存在问题', en: 'Problem found' }, isProblem: true },
    { value: 'none', label: { 'zh-CN': '未发现问题', en: 'No problem' } },
  ],
  methods: [{ value: 'hearing', label: '听取汇报' }],
  sections: [{ id: 's1', title: '第一部分', groups: [{ id: 'g1', title: '第一组', items: [{ id: 'p1', text: '是否存在甲问题' }, { id: 'p2', text: '是否存在乙问题' }] }] }],
};

async function settle(el: HTMLElement & { updateComplete: Promise<unknown> }) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
}

async function waitFor<T>(what: string, fn: () => T | Promise<T>, ms = 6000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async function () {
  this.timeout(90_000);
  await fetch('/api/me');
});

const banner = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[part=draft-banner]');
const answer = (el: HTMLElement, id: string, value: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#xc-item-${id} .finding[data-value="${value}"] input`)!.click();
const answered = (el: HTMLElement, id: string, value: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#xc-item-${id} .finding[data-value="${value}"] input`)!.checked;

describe('a draft offered after a reload', () => {
  it('stays offered while the person answers another question, and restoring it brings it back', async () => {
    const res = await fetch('/api-drafter/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'clerk', password: 'demo' }), credentials: 'same-origin' });
    const { csrf } = (await res.json()) as { csrf: string };
    const drafts = httpDraftStorage({ baseUrl: '/api-drafter', csrf: () => csrf });
    const key = `offer-${Math.random().toString(36).slice(2, 8)}`;
    const make = () => fixture<HTMLElement>(html`<xc-provider .drafts=${drafts}><xc-checklist draft-key=${key} .template=${small}></xc-checklist></xc-provider>`);

    const p1 = await make();
    const el1 = p1.querySelector<XcChecklist>('xc-checklist')!;
    await settle(el1);
    answer(el1, 'p1', 'problem');
    await settle(el1);
    p1.remove(); // the page goes: the draft is flushed to the server
    await waitFor('the draft on the server', async () => (await drafts.load(key)) !== null);

    const p2 = await make();
    const el2 = p2.querySelector<XcChecklist>('xc-checklist')!;
    const offer = await waitFor('the draft offered', async () => (await settle(el2), banner(el2)));
    expect(offer.textContent).to.contain('保存的草稿').and.contain('恢复草稿');

    // The person answers another question before choosing.
    answer(el2, 'p2', 'none');
    await settle(el2);
    await new Promise((r) => setTimeout(r, 600)); // past the save pause
    await settle(el2);
    const still = banner(el2);
    expect(still, 'the draft is still offered').to.not.equal(null);
    expect(still!.textContent).to.contain('恢复草稿');
    [...still!.querySelectorAll('button')].find((b) => b.textContent!.includes('恢复草稿'))!.click();
    await settle(el2);
    expect(answered(el2, 'p1', 'problem'), 'the drafted answer is back').to.equal(true);
  });

  it('offline, a draft save is not taken for a full browser storage, and it is sent when back online', async () => {
    const res = await fetch('/api-drafter/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'clerk', password: 'demo' }), credentials: 'same-origin' });
    const { csrf } = (await res.json()) as { csrf: string };
    const net = { offline: false };
    const drafts = httpDraftStorage({ baseUrl: '/api-drafter', csrf: () => csrf, fetch: (i, init) => (net.offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(i, init)) });
    const key = `offline-${Math.random().toString(36).slice(2, 8)}`;
    const p = await fixture<HTMLElement>(html`<xc-provider .drafts=${drafts}><xc-checklist draft-key=${key} .template=${small}></xc-checklist></xc-provider>`);
    const el = p.querySelector<XcChecklist>('xc-checklist')!;
    await settle(el);
    net.offline = true;
    answer(el, 'p1', 'problem');
    await new Promise((r) => setTimeout(r, 700)); // past the save pause: the save fails
    await settle(el);
    expect(el.shadowRoot!.textContent, 'not the storage-full message').to.not.contain('存储已满');
    net.offline = false;
    window.dispatchEvent(new Event('online'));
    const saved = await waitFor('the draft sent when back online', () => drafts.load(key));
    expect(JSON.stringify(saved.value)).to.contain('problem');
  });
});

/**
 * Shared by the client tests that run against the reference back end (tests/support/server-plugin.mjs):
 * the two demo sessions, each on its own path (/api-clerk, /api-office) so one browser holds both
 * cookies; a fresh ledger of the demo unit; waiting for what a page shows.
 */
import { expect } from '@open-wc/testing';
import type { RectificationItem, RectificationLedger } from '../../src/core/rectification-types.js';

export const UNIT = '某乡人民政府';
export const AT = '2026-01-05T09:00:00+08:00';
export const USERS = { clerk: { id: 'clerk', name: '李四', role: 'unit' }, office: { id: 'office', name: '王五', role: 'office' } } as const;
/** Who creates the test ledgers' items. */
export const OFFICE_BY = { by: '王五', role: 'office' as const, at: AT };

/** Log in on /api-<name> (its own cookies); returns the session's CSRF token. */
export async function login(name: 'clerk' | 'office', prefix = `/api-${name}`): Promise<string> {
  const res = await fetch(`${prefix}/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: name, password: 'demo' }), credentials: 'same-origin' });
  expect(res.status, `login ${name}`).to.equal(200);
  return ((await res.json()) as { csrf: string }).csrf;
}

/** A new ledger of the demo unit with these items, created by the office (If-None-Match: *); returns its id. */
export async function putNewLedger(officeToken: string, items: RectificationItem[]): Promise<string> {
  const id = `t-${Math.random().toString(36).slice(2, 10)}`;
  const ledger: RectificationLedger = { version: 1, title: '测试台账', unit: UNIT, items };
  const res = await fetch(`/api-office/ledgers/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-None-Match': '*', 'X-CSRF-Token': officeToken },
    body: JSON.stringify(ledger),
    credentials: 'same-origin',
  });
  expect(res.status, await res.clone().text()).to.equal(201);
  return id;
}

/** Polls `fn` until it gives something truthy (or throws `timed out waiting for <what>`). */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, ms = 8000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

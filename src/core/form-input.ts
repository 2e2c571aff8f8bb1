/**
 * Pure helpers behind `<xc-form>`'s controls (no DOM): which changes must
 * rebuild the form model, and the conversions between what native date/time
 * inputs give and what JSON Schema formats (ajv) accept.
 *
 * - `datetime-local` gives `2026-11-26T09:30`; `format: date-time` needs seconds
 *   and an offset: a new value is stored as `2026-11-26T09:30:00+08:00` (the
 *   browser's offset at that date); a stored one is shown, and edited, in the offset
 *   it carries (the record's own time, as it prints), whatever the machine's zone.
 * - `time` gives `09:30`; `format: time` needs seconds and an offset too:
 *   `09:30:00+08:00`, shown back as `09:30`; an edit keeps the stored offset.
 */

import { isObj, type Obj } from './obj.js';

/**
 * The property names a form definition's conditions look at: the members named
 * inside any `if` (its `properties` and `required`), the keys of
 * `dependentRequired` / `dependentSchemas`, and every segment of the `field`s of
 * `x-xc-hidden` conditions. A change to a member of that name may change what is
 * required or shown elsewhere, so the form model is rebuilt; any other change
 * only touches its own field.
 */
export function conditionKeys(schema: unknown): Set<string> {
  const keys = new Set<string>();
  const names = (node: unknown, depth: number): void => {
    if (depth > 32) return;
    if (Array.isArray(node)) return node.forEach((n) => names(n, depth + 1));
    if (!isObj(node)) return;
    if (isObj(node['properties'])) Object.keys(node['properties']).forEach((k) => keys.add(k));
    if (Array.isArray(node['required'])) node['required'].forEach((k) => typeof k === 'string' && keys.add(k));
    Object.values(node).forEach((v) => names(v, depth + 1));
  };
  const fields = (cond: unknown, depth: number): void => {
    if (depth > 32) return;
    if (Array.isArray(cond)) return cond.forEach((c) => fields(c, depth + 1));
    if (!isObj(cond)) return;
    if (typeof cond['field'] === 'string') cond['field'].split(/[./]/).forEach((k) => k && keys.add(k.replace(/~1/g, '/').replace(/~0/g, '~')));
    ['all', 'any', 'not'].forEach((k) => fields(cond[k], depth + 1));
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, depth + 1));
    if (!isObj(node)) return;
    if ('if' in node) names(node['if'], 0);
    for (const k of ['dependentRequired', 'dependentSchemas']) if (isObj(node[k])) Object.keys(node[k] as Obj).forEach((x) => keys.add(x));
    if ('x-xc-hidden' in node) fields(node['x-xc-hidden'], 0);
    for (const [k, v] of Object.entries(node)) if (k !== 'x-xc-hidden' && k !== 'x-xc-i18n' && k !== 'x-xc-messages') walk(v, depth + 1);
  };
  walk(schema, 0);
  return keys;
}

/** Does a change at `path` (segments) touch a member that conditions look at? Array indexes never do. */
export function touchesCondition(keys: ReadonlySet<string>, path: readonly string[]): boolean {
  return path.some((seg) => !/^\d+$/.test(seg) && keys.has(seg));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The offset of local time at `d`, as `+08:00`. */
export function localOffset(d: Date): string {
  const m = -d.getTimezoneOffset();
  return `${m < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`;
}

/** A date as RFC 3339 in local time with its offset, whole seconds: `2026-11-26T09:30:00+08:00`. */
export function toRfc3339(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${localOffset(d)}`;
}

/** The offset written at the end of a stored RFC 3339 date-time (`+08:00`, `Z`); undefined when it has none. */
export function offsetOf(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.exec(value) : null;
  return m ? m[1]!.toUpperCase() : undefined;
}

/**
 * What a `datetime-local` input gives (`2026-11-26T09:30[:ss]`) as RFC 3339, whole seconds; undefined
 * when empty or malformed. With `offset` (the one the record already carries) the time is kept in
 * it, so editing a record written in Beijing on a machine set to UTC keeps `+08:00`; without, the
 * machine's offset at that moment.
 */
export function fromDateTimeInput(local: string, offset?: string): string | undefined {
  const m = /^(\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(local);
  if (!m) return undefined;
  const d = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (Number.isNaN(d.getTime())) return undefined;
  if (!offset) return toRfc3339(d);
  const out = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${offset}`;
  return Number.isNaN(Date.parse(out)) ? undefined : out;
}

/**
 * A stored date-time as a `datetime-local` value; '' when it cannot be read. A value with an offset
 * shows the time as written in that offset (09:30+08:00 shows 09:30 on any machine: the record's own
 * time, as it prints); a bare local one shows as it is.
 */
export function toDateTimeInput(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const own = offsetOf(value) ? /^(\d{4,}-\d\d-\d\dT\d\d:\d\d)(?::(\d\d))?/.exec(value) : null;
  if (own) return own[2] && own[2] !== '00' ? `${own[1]}:${own[2]}` : own[1]!;
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.getSeconds() ? `${base}:${pad(d.getSeconds())}` : base;
}

/** The offset of a stored RFC 3339 time (`09:30:00+08:00` → `+08:00`, `…Z` → `Z`); undefined when it has none. */
export function timeOffset(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^\d\d:\d\d(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.exec(value) : null;
  return m ? m[1]!.toUpperCase() : undefined;
}

/**
 * What a `time` input gives (`09:30[:ss]`) as an RFC 3339 time; undefined when empty or malformed.
 * With `offset` (the one the stored time already carries) it is kept; without, today's local offset.
 */
export function fromTimeInput(local: string, now: Date = new Date(), offset?: string): string | undefined {
  const m = /^(\d\d):(\d\d)(?::(\d\d))?/.exec(local);
  return m ? `${m[1]}:${m[2]}:${m[3] ?? '00'}${offset ?? localOffset(now)}` : undefined;
}

/** A stored time (`09:30:00+08:00`, `09:30`) as a `time` input value (`09:30`); '' when it cannot be read. */
export function toTimeInput(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d\d):(\d\d)(?::(\d\d))?/.exec(value) : null;
  if (!m) return '';
  return m[3] && m[3] !== '00' ? `${m[1]}:${m[2]}:${m[3]}` : `${m[1]}:${m[2]}`;
}

/** A calendar date (`2026-11-26`) as a local Date (not UTC midnight); undefined when it is not one. */
export function parseLocalDate(value: unknown): Date | undefined {
  const m = typeof value === 'string' ? /^(\d{4,})-(\d\d)-(\d\d)$/.exec(value) : null;
  if (!m) return undefined;
  const d = new Date(+m[1]!, +m[2]! - 1, +m[3]!);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

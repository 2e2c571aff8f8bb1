import zhCN, { type Messages as CoreMessages } from './locales/zh-CN.js';
import type { TrackerMessages } from './locales/tracker.zh-CN.js';
import type { ChecklistMessages } from './locales/checklist.zh-CN.js';
import type { FormMessages } from './locales/form.zh-CN.js';
import type { InterviewMessages } from './locales/interview.zh-CN.js';
import type { VerifyMessages } from './locales/verify.zh-CN.js';
import type { RectificationMessages } from './locales/rectification.zh-CN.js';
import { langChain } from './text.js';
import { isDateKey } from './date-key.js';

/**
 * Every string of every element. Strings of one element only (the checklist's, the form's,
 * the interview record's, the ledger's) live in their own locale files and join the registry
 * when that element loads
 * ({@link extendLocale}); the type still lists them all.
 */
export type Messages = CoreMessages & TrackerMessages & ChecklistMessages & FormMessages & InterviewMessages & VerifyMessages & RectificationMessages;

const registry = new Map<string, Messages>([['zh-cn', zhCN as Messages]]);

/**
 * Locales other than the default load on first use, so that a Chinese page
 * never downloads the English strings. `xc-elements/core` registers English
 * up front (servers need it synchronously).
 */
const loaders: Record<string, () => Promise<{ default: Partial<Messages> }>> = {
  en: () => import('./locales/en.js'),
};
const pending = new Map<string, Promise<void>>();
/** Strings of single elements for a language, loaded with it: tag → loaders not yet applied. */
const parts = new Map<string, (() => Promise<{ default: object }>)[]>();

/**
 * Add an element's own strings. `default` (zh-CN) strings are set at once on every
 * locale that lacks them (as fallback); `lazy` ones load with their language.
 */
export function extendLocale(defaults: object, lazy: Record<string, () => Promise<{ default: object }>> = {}): void {
  for (const m of registry.values()) for (const [k, v] of Object.entries(defaults)) if (!(k in m)) (m as Record<string, unknown>)[k] = v;
  for (const [tag, load] of Object.entries(lazy)) {
    const key = tag.toLowerCase();
    if (!parts.has(key)) parts.set(key, []);
    parts.get(key)!.push(load);
    pending.delete(key);
  }
}

/** The registry key that must be loaded (or completed) before `lang` is ready. */
function missing(lang: string): string | undefined {
  for (const tag of langChain(lang.toLowerCase())) {
    if (registry.has(tag)) return parts.get(tag)?.length ? tag : undefined;
    for (const key of registry.keys()) if (key.split('-')[0] === tag) return parts.get(key)?.length ? key : undefined;
    if (loaders[tag]) return tag;
  }
  return undefined;
}

/** Whether the strings for `lang` are ready (or `lang` falls back to zh-CN anyway). */
export function isLocaleReady(lang: string | null | undefined): boolean {
  return !lang || missing(lang) === undefined;
}

/** Load the strings for `lang` if they come in a separate chunk. */
export function loadLocale(lang: string | null | undefined): Promise<void> {
  const tag = lang ? missing(lang) : undefined;
  if (!tag) return Promise.resolve();
  let p = pending.get(tag);
  if (!p) {
    const todo = parts.get(tag)?.splice(0) ?? [];
    const base = registry.has(tag) ? Promise.resolve(undefined) : loaders[tag]!();
    p = Promise.all([base, ...todo.map((load) => load())]).then(([m, ...extra]) => {
      if (m && !registry.has(tag)) registry.set(tag, { ...(zhCN as Messages), ...m.default });
      const target = registry.get(tag)!;
      for (const e of extra) Object.assign(target, e!.default);
    });
    pending.set(tag, p);
  }
  return p;
}

/** The default language of every element. */
export const DEFAULT_LANG = 'zh-CN';

/**
 * Register (or replace) a locale, e.g. `registerLocale('zh-TW', {...zhCN, …})`.
 * Keys missing from a partial locale fall back to zh-CN.
 */
export function registerLocale(lang: string, messages: Partial<Messages>): void {
  registry.set(lang.toLowerCase(), { ...zhCN, ...messages, lang } as Messages);
}

/**
 * Find the locale for a language tag along its fallback chain
 * (`zh-Hans-CN → zh-Hans → zh → zh-CN`, `en-GB → en`), defaulting to zh-CN.
 */
export function resolveLocale(lang: string | null | undefined): Messages {
  if (!lang) return zhCN as Messages;
  for (const tag of langChain(lang.toLowerCase())) {
    const hit = registry.get(tag);
    if (hit) return hit;
    for (const [key, m] of registry) if (key.split('-')[0] === tag) return m;
  }
  return zhCN as Messages;
}

/** Format a date (Date, ISO string or epoch ms) the way the language writes it (zh-CN: 2026年11月26日). */
export function formatDate(value: Date | string | number | null | undefined, lang: string, withTime = false): string {
  if (value == null || value === '') return resolveLocale(lang).dateUnknown;
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const opts: Intl.DateTimeFormatOptions = withTime
    ? { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }
    : { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(resolveLocale(lang).lang, opts).format(d);
}

/**
 * A calendar date `YYYY-MM-DD` written the way `lang` writes dates (zh-CN: year, month and day with their characters),
 * as that local day: never shifted by the time zone (unlike formatting `new Date('2026-12-31')`,
 * which is UTC midnight). Other strings are returned as they are.
 */
export function formatDateKey(key: string | null | undefined, lang: string): string {
  // A member of another type than text (an object where a date belongs) reads as unknown: validation reports it.
  if (!isDateKey(key)) return formatDate(typeof key === 'string' || typeof key === 'number' ? key : null, lang);
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d, 12);
  local.setFullYear(y); // years 0–99
  return dateFormatter(lang).format(local);
}

/** One formatter per language (making an Intl.DateTimeFormat is slow; tables format thousands of dates). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(lang: string): Intl.DateTimeFormat {
  const tag = resolveLocale(lang).lang;
  let f = formatters.get(tag);
  if (!f) formatters.set(tag, (f = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric' })));
  return f;
}

/** Format a number in the language's convention. */
export function formatNumber(value: number, lang: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(resolveLocale(lang).lang, options).format(value);
}

/** Format a fraction 0..1 as a percentage. */
export function formatPercent(value: number, lang: string): string {
  return formatNumber(value, lang, { style: 'percent', maximumFractionDigits: 0 });
}

import zhCN, { type Messages } from './locales/zh-CN.js';
import { langChain } from './text.js';

export type { Messages };

const registry = new Map<string, Messages>([['zh-cn', zhCN]]);

/**
 * Locales other than the default load on first use, so that a Chinese page
 * never downloads the English strings. `xc-elements/core` registers English
 * up front (servers need it synchronously).
 */
const loaders: Record<string, () => Promise<{ default: Messages }>> = {
  en: () => import('./locales/en.js'),
};
const pending = new Map<string, Promise<void>>();

/** The registry key and loader that would serve `lang`, if one has to be loaded first. */
function missing(lang: string): string | undefined {
  for (const tag of langChain(lang.toLowerCase())) {
    if (registry.has(tag)) return undefined;
    for (const key of registry.keys()) if (key.split('-')[0] === tag) return undefined;
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
    p = loaders[tag]!().then((m) => {
      if (!registry.has(tag)) registry.set(tag, m.default);
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
  if (!lang) return zhCN;
  for (const tag of langChain(lang.toLowerCase())) {
    const hit = registry.get(tag);
    if (hit) return hit;
    for (const [key, m] of registry) if (key.split('-')[0] === tag) return m;
  }
  return zhCN;
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

/** Format a number in the language's convention. */
export function formatNumber(value: number, lang: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(resolveLocale(lang).lang, options).format(value);
}

/** Format a fraction 0..1 as a percentage. */
export function formatPercent(value: number, lang: string): string {
  return formatNumber(value, lang, { style: 'percent', maximumFractionDigits: 0 });
}

import zhCN, { type Messages } from './locales/zh-CN.js';
import en from './locales/en.js';
import { langChain } from './text.js';

export type { Messages };

const registry = new Map<string, Messages>([
  ['zh-cn', zhCN],
  ['en', en],
]);

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

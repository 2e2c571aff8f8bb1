/** Text that is either plain or a map from language tag to text. */
export type LocalizedText = string | { [lang: string]: string };

/** The fallback chain of a language tag: zh-Hans-CN → zh-Hans → zh → … */
export function langChain(lang: string): string[] {
  const parts = lang.split('-');
  const chain: string[] = [];
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('-'));
  return chain;
}

/** Pick the best text for `lang` from a localized text (exact, then base language, then zh-CN, then first). */
export function textOf(text: LocalizedText | undefined | null, lang: string): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  if (typeof text !== 'object') return String(text);
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(text)) if (typeof v === 'string') lower[k.toLowerCase()] = v;
  for (const tag of langChain(lang.toLowerCase())) {
    if (tag in lower) return lower[tag]!;
    const prefixed = Object.keys(lower).find((k) => k.split('-')[0] === tag);
    if (prefixed) return lower[prefixed]!;
  }
  return lower['zh-cn'] ?? lower['zh'] ?? Object.values(lower)[0] ?? '';
}

/** Text that is either plain or a map from language tag to text. */
export type LocalizedText = string | { [lang: string]: string };

/** The fallback chain of a language tag: zh-Hans-CN → zh-Hans → zh → … */
export function langChain(lang: string): readonly string[] {
  let chain = chains.get(lang);
  if (!chain) {
    const parts = lang.split('-');
    const made: string[] = [];
    for (let i = parts.length; i > 0; i--) made.push(parts.slice(0, i).join('-'));
    chains.set(lang, (chain = made));
  }
  return chain;
}

/** Chains made so far, by tag (a page uses a handful; a list of thousands asks for the same one each time). */
const chains = new Map<string, readonly string[]>();

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

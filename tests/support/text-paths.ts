/**
 * Counting what a hostile-text test went through: the distinct places ("text paths") at which
 * a template, value or ledger holds a payload, e.g. `sections[].groups[].items[].text` or
 * `items.*.evidence[].ref`. Array indexes become `[]`; `segment` maps other path segments
 * (item ids to `*`; '' merges a segment into its parent, as for a label's language), or returns
 * null to leave a path out (text the test does not show).
 */
export function payloadPaths(data: unknown, payloads: ReadonlySet<string>, segment: (seg: string) => string | null = (s) => s): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (payloads.has(v) && path) out.add(path);
      return;
    }
    if (Array.isArray(v)) return v.forEach((x) => walk(x, `${path}[]`));
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      const seg = payloads.has(k) ? '(member named by a payload)' : segment(k);
      if (seg === null) continue;
      const p = seg === '' ? path : path ? `${path}.${seg}` : seg;
      if (payloads.has(k)) out.add(p);
      walk(x, p);
    }
  };
  walk(data, '');
  return out;
}

/** JSON Pointer helpers (no dependencies, so light modules can use them). */

/** Split a JSON Pointer (`/a/0/b~1c`) into its segments. */
export function pointerToSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Dotted path of segments (`a.0.b`). */
export function segmentsToPath(segments: readonly (string | number)[]): string {
  return segments.join('.');
}


/**
 * The target of a local `$ref` inside `root`, the one resolver of the core: `#` is the root,
 * `#/$defs/a%20b~1c` the member the URI-decoded JSON Pointer names (as ajv reads it). `undefined`
 * when the ref is not a local pointer, is malformed, or leads nowhere. Never throws.
 */
export function refTarget(root: unknown, ref: string): unknown {
  if (ref !== '#' && !ref.startsWith('#/')) return undefined;
  let t: unknown = root;
  for (const seg of ref.length > 2 ? ref.slice(2).split('/') : []) {
    let key: string;
    try {
      key = decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    t = t && typeof t === 'object' ? (t as Record<string, unknown>)[key] : undefined;
  }
  return t;
}

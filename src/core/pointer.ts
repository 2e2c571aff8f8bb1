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


/**
 * Whether a link typed by a person or found in data may be rendered as a link:
 * only http(s) and relative addresses; never javascript:, data:, vbscript: etc.
 */
export function isSafeUrl(url: string): boolean {
  const s = url.trim();
  if (!s) return false;
  // Strip characters browsers ignore inside a scheme (tabs, newlines, controls).
  // eslint-disable-next-line no-control-regex
  const compact = s.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (scheme) return /^https?$/i.test(scheme[1]!);
  // Protocol-relative (//host) is allowed (it inherits http/https); backslash tricks are not.
  return !compact.startsWith('\\') && !compact.startsWith('/\\');
}

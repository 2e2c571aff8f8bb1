/**
 * Opens a page in an iframe and waits for the one report it posts to its parent (the strict-CSP
 * pages of tests/csp/ and others: they cannot be driven from outside, so they run their checks
 * and post the result). Rejects after `timeout` ms; the frame is removed once it has reported.
 */
export function reportFrom<T>(src: string, { timeout = 20_000, width, height }: { timeout?: number; width?: string; height?: string } = {}): Promise<T> {
  const frame = document.createElement('iframe');
  if (width) frame.style.width = width;
  if (height) frame.style.height = height;
  frame.src = src;
  return reportOf<T>(frame, src, timeout);
}

/** Put `frame` in the page and wait for the one report it posts (rejecting after `timeout` ms); the frame is removed once it has reported. */
function reportOf<T>(frame: HTMLIFrameElement, what: string, timeout: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no report from ${what}`)), timeout);
    window.addEventListener('message', function on(e: MessageEvent) {
      if (e.source !== frame.contentWindow) return;
      window.removeEventListener('message', on);
      clearTimeout(timer);
      resolve(e.data as T);
      frame.remove();
    });
    document.body.append(frame);
  });
}

/** The policy of the strict-CSP export pages: no eval, no inline script or style, Trusted Types required. */
export const STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/**
 * Runs a page script (a module of the test server, e.g. `/tests/petition/petition-xlsx-csp-page.ts`,
 * written with {@link file://./csp-page.ts}'s `reportFromPage`) in a frame whose `<meta>` policy is
 * {@link STRICT_POLICY}, and resolves with the one report it posts.
 */
export function reportFromStrictPage<T>(
  script: string,
  { timeout = 15_000, lang = 'zh-CN', width, height }: { timeout?: number; lang?: string; width?: string; height?: string } = {},
): Promise<T> {
  const frame = document.createElement('iframe');
  if (width) frame.style.width = width;
  if (height) frame.style.height = height;
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${STRICT_POLICY}">
    <script type="module" src="${script}"></script></head><body></body></html>`;
  return reportOf<T>(frame, script, timeout);
}

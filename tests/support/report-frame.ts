/**
 * Opens a page in an iframe and waits for the one report it posts to its parent (the strict-CSP
 * pages of tests/csp/ and others: they cannot be driven from outside, so they run their checks
 * and post the result). Rejects after `timeout` ms; the frame is removed once it has reported.
 */
export function reportFrom<T>(src: string, { timeout = 20_000, width, height }: { timeout?: number; width?: string; height?: string } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    if (width) frame.style.width = width;
    if (height) frame.style.height = height;
    const timer = setTimeout(() => reject(new Error(`no report from ${src}`)), timeout);
    window.addEventListener('message', function on(e: MessageEvent) {
      if (e.source !== frame.contentWindow) return;
      window.removeEventListener('message', on);
      clearTimeout(timer);
      resolve(e.data as T);
      frame.remove();
    });
    frame.src = src;
    document.body.append(frame);
  });
}

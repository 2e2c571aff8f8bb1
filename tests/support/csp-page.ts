/**
 * The page side of a strict-CSP test page (tests/support/report-frame.ts `reportFromStrictPage`):
 * collects policy violations and errors from the start, checks that eval really is blocked, runs
 * the page's own steps and posts `{ ok, evalBlocked, violations, errors, ...what the steps return }`
 * (or `{ ok: false, error }`) to the parent.
 */
export interface PageReport {
  ok: boolean;
  evalBlocked: boolean;
  violations: string[];
  errors: string[];
  error?: string;
  [key: string]: unknown;
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample} @ ${e.sourceFile}:${e.lineNumber}`));
const errors: string[] = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

let evalBlocked = false;
try {
  new Function('return 1')();
} catch {
  evalBlocked = true;
}

/** Run `steps` (after the page settled; violations before them are the runner's, not counted) and post the report. */
export async function reportFromPage(steps: () => Promise<Record<string, unknown>>): Promise<void> {
  try {
    await new Promise((r) => setTimeout(r, 50));
    violations.length = 0;
    const out = await steps();
    await new Promise((r) => setTimeout(r, 30));
    parent.postMessage({ ...out, ok: true, evalBlocked, violations, errors }, '*');
  } catch (e) {
    parent.postMessage({ ok: false, evalBlocked, error: String((e as Error)?.stack ?? e), violations, errors }, '*');
  }
}

/** Click `button` in `el`'s shadow root and resolve with the `xc-export` detail it fires (cancelled: no download). */
export function exportFrom(el: HTMLElement, button: string): Promise<{ format: string; filename: string; bytes?: Uint8Array }> {
  const detail = new Promise<{ format: string; filename: string; bytes?: Uint8Array }>((resolve) =>
    el.addEventListener('xc-export', (e) => {
      e.preventDefault();
      resolve((e as CustomEvent).detail);
    }, { once: true }),
  );
  el.shadowRoot!.querySelector<HTMLButtonElement>(button)!.click();
  return detail;
}

/**
 * The page side of a strict-CSP test page (tests/support/report-frame.ts `reportFromStrictPage`):
 * collects policy violations and errors from the start, checks that eval really is blocked, runs
 * the page's own steps and posts `{ ok, evalBlocked, violations, errors, ...what the steps return }`
 * (or `{ ok: false, error }`) to the parent. The steps of an export page: `mountInProvider` the
 * element with its record, then `exportFrom` a button.
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

/**
 * Put a new `tag` inside a new `<xc-provider>` with `attributes` (`today`, `user-role`…) in the
 * page, after `setup` gave it its record (and the provider what only a property gives, such as
 * `user`); resolves once the element is defined (the standalone bundle defines it on first use)
 * and has rendered.
 */
export async function mountInProvider<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  setup: (el: HTMLElementTagNameMap[K], provider: HTMLElementTagNameMap['xc-provider']) => void,
): Promise<HTMLElementTagNameMap[K]> {
  const provider = document.createElement('xc-provider');
  for (const [name, value] of Object.entries(attributes)) provider.setAttribute(name, value);
  const el = document.createElement(tag);
  setup(el, provider);
  provider.append(el);
  document.body.append(provider);
  await customElements.whenDefined(tag);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** Wait (rendering again, at most 5 s) until `selector` is in `el`'s shadow root; rejects if it never is. */
export async function shown(el: HTMLElement & { updateComplete?: Promise<unknown> }, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 100; i++) {
    await el.updateComplete;
    const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${selector} is not shown`);
}

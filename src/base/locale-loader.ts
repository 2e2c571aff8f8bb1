/**
 * The strings of an element's language, loaded before it renders in that language: a reactive
 * controller that starts loading a locale other than zh-CN (its own chunk) at each update that
 * needs it and renders again once it has arrived, and `completeAfter`, with which the element's
 * `updateComplete` also waits for those strings. For elements that are not form controls (the
 * form-associated base class does the same for its own); `inheritedLang`, the language an element
 * takes from the page around it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isLocaleReady, loadLocale } from '../core/i18n.js';

export class LocaleLoader implements ReactiveController {
  /** The strings being loaded, or null. */
  loading: Promise<void> | null = null;

  /** `lang`: the element's language in force. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly lang: () => string,
  ) {
    host.addController(this);
  }

  /** Before each render: load the language's strings if they are not there yet (a file missing falls back to zh-CN). */
  hostUpdate(): void {
    const lang = this.lang();
    if (isLocaleReady(lang) || this.loading) return;
    const loading = loadLocale(lang)
      .catch(() => undefined)
      .then(() => {
        if (this.loading === loading) this.loading = null;
        this.host.requestUpdate();
      });
    this.loading = loading;
  }
}

/**
 * For an element's `getUpdateComplete`: after the update that gave `result`, wait while `pending()`
 * names work (the strings of its language, …) and for the update that follows each.
 */
export async function completeAfter(result: boolean, pending: () => Promise<unknown> | null, again: () => Promise<boolean>): Promise<boolean> {
  for (let wait = pending(); wait; wait = pending()) {
    await wait;
    result = await again();
  }
  return result;
}

/** The `lang` of the nearest ancestor that has one (across shadow roots), else `''`. */
export function inheritedLang(el: Node): string {
  for (let node = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
  }
  return '';
}

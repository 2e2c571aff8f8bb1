/**
 * Entry of `dist/xc-elements.standalone.js`, for pages without a bundler:
 *
 * ```html
 * <script type="module" src="/static/xc/xc-elements.standalone.js"></script>
 * ```
 *
 * The entry carries lit, the shared base and `<xc-provider>`. Each element's own
 * code sits in a chunk beside it (`standalone/*.js`, same folder, same origin) that
 * is loaded the first time its tag appears in the document, so a page that shows
 * a checklist does not download the rectification ledger. Tags created inside
 * another component's shadow root are not seen by the document observer: call
 * `loadElements(['xc-form'])` (or `loadAll()`) first.
 * @module
 */
export { XC_VERSION, defineElement } from './base/define.js';
export { registerLocale } from './core/i18n.js';
export { memoryDrafts, localStorageDrafts } from './core/draft.js';
export * from './provider/index.js';

/** Each element's loader; the chunk registers the element when it runs. */
const loaders: Record<string, () => Promise<unknown>> = {
  'xc-checklist': () => import('./checklist/index.js'),
  'xc-form': () => import('./form/index.js'),
  'xc-interview-form': () => import('./interview/xc-interview-form.js'),
  'xc-clue-sheet': () => import('./interview/xc-clue-sheet.js'),
  'xc-rectification-tracker': () => import('./rectification/xc-rectification-tracker.js'),
  'xc-attachments': () => import('./attachments/xc-attachments.js'),
  'xc-petition-register': () => import('./petition/xc-petition-register.js'),
  'xc-clue-register': () => import('./clue-register/xc-clue-register.js'),
  'xc-rectification-report': () => import('./rectification-report/xc-rectification-report.js'),
  'xc-round-summary': () => import('./round-summary/xc-round-summary.js'),
  'xc-feedback-sheet': () => import('./feedback/xc-feedback-sheet.js'),
  'xc-template-editor': () => import('./template-editor/xc-template-editor.js'),
};

const loading = new Map<string, Promise<unknown>>();

/** Load (and so register) the given elements; resolves when all are defined. */
export function loadElements(tags: Iterable<string>): Promise<void> {
  const waits: Promise<unknown>[] = [];
  for (const tag of tags) {
    const load = loaders[tag];
    if (!load) continue;
    if (!loading.has(tag)) loading.set(tag, load().catch((e) => {
      loading.delete(tag);
      console.error(`[xc-elements] could not load <${tag}>:`, e);
      throw e;
    }));
    waits.push(loading.get(tag)!.then(() => customElements.whenDefined(tag)));
  }
  return Promise.all(waits).then(() => undefined);
}

/** Load every element. */
export function loadAll(): Promise<void> {
  return loadElements(Object.keys(loaders));
}

/** The tags this bundle can load. */
export const elementTags = Object.keys(loaders);

function scan(root: ParentNode): void {
  const found = new Set<string>();
  for (const tag of elementTags) if (!customElements.get(tag) && root.querySelector(tag)) found.add(tag);
  if (found.size) loadElements(found).catch(() => undefined); // reported by loadElements
}

if (typeof document !== 'undefined') {
  scan(document);
  new MutationObserver((records) => {
    for (const r of records)
      for (const node of r.addedNodes)
        if (node instanceof Element) {
          if (loaders[node.localName] && !customElements.get(node.localName)) loadElements([node.localName]).catch(() => undefined);
          if (node.firstElementChild) scan(node);
        }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

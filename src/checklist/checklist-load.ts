/**
 * What `<xc-checklist>` loads besides its own chunk, each once per page: the bundled 三个聚焦
 * template (data), the template reader with the meta-schema validator (for templates from
 * elsewhere), the 三级审核 panel and the printed 附件清单. None of them is part of the checklist
 * page's first load.
 * @internal
 */
import { lazy } from '../base/lazy.js';
import type { Messages } from '../core/i18n.js';
import { checkTemplateIds, hasListShape, indexTemplate, normalizeTemplate, type ChecklistTemplate, type TemplateIndex } from '../core/checklist.js';
import type { FieldError } from '../core/validation-types.js';

/** A template read (checked and indexed), or why it cannot be used. */
export type TemplateRead = { ok: true; template: ChecklistTemplate; index: TemplateIndex } | { ok: false; errors: FieldError[] };

/**
 * The bundled 三重一大 template (data, about 6 KB gzip): a chunk of its own, so a page that gives
 * its own template does not load it, and asked for as soon as an element needs it.
 */
export const bundledTemplate = lazy(() => import('../generated/templates/checklistSanjujiao.js').then((m) => m.checklistSanjujiao as unknown));

/** Templates from elsewhere go through the meta-schema validator, in a chunk of its own. */
export const loadReader = lazy(() => import('../core/checklist-template.js'));

/** A template that could not be fetched: the error to show. */
export class LoadFailure {
  constructor(readonly error: FieldError) {}
}

/** Fetch the template at `src` (same-origin credentials); rejects with a {@link LoadFailure} saying why, in the element's language. */
export async function fetchTemplate(src: string, t: Messages): Promise<unknown> {
  try {
    const res = await fetch(src, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.json();
  } catch (e) {
    throw new LoadFailure({ path: '', message: t.loadFailed(e instanceof Error ? e.message : String(e)), keyword: 'load' });
  }
}

/**
 * Read a template: `input` as given, or (undefined) the bundled one, which `bundled` may already be
 * loading. The bundled template is checked against the meta-schema by the tests; it is only indexed
 * (and its ids checked). Templates from elsewhere go through the meta-schema validator, loaded only
 * now. Resolves to null when `current()` says another template was asked for meanwhile. A template
 * already read and shown (`shown`, see `readAtOnce`) is only checked, not read again.
 */
export async function readTemplate(input: unknown, bundled: Promise<unknown> | undefined, lang: string, current: () => boolean, shown?: TemplateRead & { ok: true }): Promise<TemplateRead | null> {
  try {
    if (input === undefined) {
      const template = (await (bundled ?? bundledTemplate())) as ChecklistTemplate;
      if (!current()) return null;
      const errors = checkTemplateIds(template, lang);
      return errors.length ? { ok: false, errors } : { ok: true, template, index: indexTemplate(template) };
    }
    const { readChecklistTemplate, checkChecklistTemplate } = await loadReader();
    if (!current()) return null;
    if (!shown) return readChecklistTemplate(input, lang);
    const errors = checkChecklistTemplate(input, lang);
    return errors.length ? { ok: false, errors } : shown;
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: e instanceof Error ? e.message : String(e), keyword: 'exception' }] };
  }
}

/**
 * A template given by the page, read at once when it has the shape the list is drawn from and its
 * ids are unique (`hasListShape`, `checkTemplateIds`), else null. The meta-schema check is still
 * to come: `readTemplate` does it (the reader's chunk is asked for then, not before the first frame).
 */
export function readAtOnce(input: unknown, lang: string): (TemplateRead & { ok: true }) | null {
  if (!hasListShape(input) || checkTemplateIds(input, lang).length) return null;
  const template = normalizeTemplate(input);
  return { ok: true, template, index: indexTemplate(template) };
}

/**
 * The 三级审核 panel, the fingerprint check and the printed signature blocks: a chunk of their own
 * (with their strings), not part of the checklist page's first load.
 */
export const loadReview = lazy(() => import('./xc-checklist-review.js'));

/** The printed 附件清单: a small chunk, the list itself only when the record has files. */
export const loadPrintFiles = lazy(() => import('../attachments/print-hook.js'));

/**
 * The save's review of <xc-template-editor>: what a new version changes (check points removed,
 * added and reworded, the version it gets) and, for each 工作底稿 made with the saved version, the
 * answers it would keep aside — worked out by `reviewSave` and shown by `renderConfirm` with
 * 确认保存 / 取消. The check against the meta-schema and the `xc-save` are the element's.
 */
import { html, type TemplateResult } from 'lit';
import { textOf } from '../core/text.js';
import { answersKeptAside, bumpVersion, templateChanges, type TemplateChanges } from '../core/template-version.js';
import { denormalizeTemplate } from '../core/template-shape.js';
import type { ChecklistResponse, ChecklistTemplate, ChecklistTemplateSource } from '../core/checklist.js';
import type { TM } from './view.js';

/** The confirm step of a save. */
export interface PendingSave {
  template: ChecklistTemplateSource;
  changes: TemplateChanges;
  from: string;
  keptAside: { draft: number; name: string; ids: string[] }[];
}

/**
 * What saving `current` as a new version over `saved` (null: nothing saved yet) would do; null when
 * it is the saved version unchanged.
 */
export function reviewSave(t: TM, current: ChecklistTemplate, saved: ChecklistTemplate | null, drafts: unknown): PendingSave | null {
  const base = saved ?? current;
  const changes = templateChanges(base, current);
  const same = JSON.stringify(denormalizeTemplate({ ...base, version: '' })) === JSON.stringify(denormalizeTemplate({ ...current, version: '' }));
  if (same && saved) return null;
  const nextVersion = changes.nextVersion === base.version || !saved ? (saved ? bumpVersion(base.version, 'patch') : String(current.version || '1.0.0')) : changes.nextVersion;
  const keptAside = (Array.isArray(drafts) ? (drafts as Pick<ChecklistResponse, 'items'>[]) : []).map((d, i) => ({
    draft: i,
    name: typeof (d as ChecklistResponse)?.header?.no === 'string' && (d as ChecklistResponse).header!.no ? String((d as ChecklistResponse).header!.no) : t.teDraftName(i + 1),
    ids: answersKeptAside(current, d),
  }));
  return {
    template: denormalizeTemplate({ ...current, version: nextVersion }),
    changes: { ...changes, nextVersion },
    from: String(base.version ?? ''),
    keptAside,
  };
}


/** A check point's text in the saved version (what a removed id was). */
function savedText(saved: ChecklistTemplate | null, id: string, lang: string): string {
  for (const sec of saved?.sections ?? []) for (const g of sec.groups) for (const p of g.items) if (p.id === id) return textOf(p.text, lang);
  return id;
}

/** The confirm step: the version, the counts of changes, the answers kept aside per draft, 确认保存 (disabled while locked) and 取消 (or Escape). */
export function renderConfirm(t: TM, c: PendingSave, saved: ChecklistTemplate | null, editLang: string, locked: boolean, confirm: () => void, cancel: () => void): TemplateResult {
  return html`<section class="confirm banner" part="confirm" aria-labelledby="te-confirm-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && cancel()}>
    <h3 id="te-confirm-title" tabindex="-1">${t.teConfirm}</h3>
    <p class="version">${t.teNewVersion(c.from, c.changes.nextVersion)}</p>
    <p class="changes">${t.teChanges(c.changes.removed.length, c.changes.added.length, c.changes.reworded.length)}</p>
    ${c.keptAside.some((k) => k.ids.length)
      ? c.keptAside
          .filter((k) => k.ids.length)
          .map(
            (k) => html`<div class="kept-aside">
              <p>${t.teKeptAside(k.name, k.ids.length)}</p>
              <ul>
                ${k.ids.map((id) => html`<li><bdi>${savedText(saved, id, editLang)}</bdi> <span class="hint">(${id})</span></li>`)}
              </ul>
            </div>`,
          )
      : html`<p class="kept-aside none">${t.teNoneKeptAside}</p>`}
    <button type="button" class="primary confirm-save" ?disabled=${locked} @click=${() => confirm()}>${t.teConfirmSave}</button>
    <button type="button" class="cancel-save" @click=${() => cancel()}>${t.teCancel}</button>
  </section>`;
}

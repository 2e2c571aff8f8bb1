/**
 * The evidence editor of a check point (a problem finding's 佐证材料): title, kind and reference
 * rows, and the files part. A chunk of its own, loaded right after the checklist (see
 * xc-checklist-item.ts), so that the checklist page's first load stays within its budget.
 * @internal
 */
import { html, nothing } from 'lit';
import { renderFieldError } from '../base/error-summary.js';
import { answerEvidence, evidenceFields, type ChecklistItemResponse, type EvidenceRef } from '../core/checklist.js';
import type { FieldError } from '../core/validation-types.js';
import type { XcChecklistItem } from './xc-checklist-item.js';

const isFile = (e: unknown) => !!(e && typeof e === 'object' && (e as EvidenceRef).file);

/** The evidence fieldset of `item` for the answer `r`. */
export function renderEvidence(item: XcChecklistItem, r: ChecklistItemResponse, error: FieldError | undefined) {
  const id = item.ip.point.id;
  const t = item.t;
  // Entries are kept as they are; one of another type shows as empty and becomes an object when edited.
  const list = answerEvidence(r);
  const kinds = item.template.evidenceKinds ?? [];
  const update = (i: number, patch: Record<string, string | undefined>) => {
    const next = list.map((e, j) => (j === i ? { ...(e && typeof e === 'object' && !Array.isArray(e) ? e : {}), ...patch } : e));
    item._set({ evidence: next as EvidenceRef[] });
  };
  const required = !!item.template.rules?.requireEvidenceForProblem;
  return html`<fieldset class="field evidence" aria-describedby=${error ? `${id}-evidence-error` : nothing}>
    <legend>${t.evidence}${required ? nothing : html`<span class="optional">${t.optional}</span>`}</legend>
    ${renderFieldError(`${id}-evidence-error`, error?.message, t)}
    ${list.map((entry, i) => {
      if (isFile(entry)) return nothing;
      const e = evidenceFields(entry);
      const refError = item._errorFor(`evidence.${i}.ref`);
      const titleError = item._errorFor(`evidence.${i}.title`);
      // Fields side by side, each label on one line above its control; the link's error on a line of its own under them.
      return html`<fieldset class="evidence-row">
        <legend class="visually-hidden">${t.evidenceItem(i + 1)}</legend>
        <div class="ev-grid">
        <label><span class="ev-label">${t.evidenceTitle}</span><input type="text" data-field="evidence.${i}.title" .value=${e.title}
          aria-invalid=${titleError ? 'true' : 'false'} aria-describedby=${titleError ? `${id}-ev${i}-title-error` : nothing}
          @input=${(ev: Event) => update(i, { title: (ev.target as HTMLInputElement).value })} /></label>
        ${kinds.length
          ? html`<label><span class="ev-label">${t.evidenceKind}</span><select @change=${(ev: Event) => update(i, { kind: (ev.target as HTMLSelectElement).value || undefined })}>
                <option value="" ?selected=${!e.kind}>${t.noneOption}</option>
                ${kinds.map((k) => html`<option .value=${k.value} ?selected=${e.kind === k.value}>${item._label(k)}</option>`)}
              </select></label>`
          : nothing}
        <label><span class="ev-label">${t.evidenceRef}<span class="optional">${t.optional}</span></span>
          <input type="text" data-field="evidence.${i}.ref" .value=${e.ref} aria-invalid=${refError ? 'true' : 'false'}
            aria-describedby=${refError ? `${id}-ev${i}-ref-error` : nothing}
            @input=${(ev: Event) => update(i, { ref: (ev.target as HTMLInputElement).value || undefined })} /></label>
        ${renderFieldError(`${id}-ev${i}-title-error`, titleError?.message, t)}
        ${renderFieldError(`${id}-ev${i}-ref-error`, refError?.message, t)}
        <button type="button" class="remove" @click=${() => item._set({ evidence: list.filter((_, j) => j !== i) as EvidenceRef[] })}>${t.evidenceRemove(i + 1)}</button>
        </div>
      </fieldset>`;
    })}
    <button type="button" class="add" @click=${async () => {
      item._set({ evidence: [...list, { title: '' }] as EvidenceRef[] });
      await item.updateComplete;
      item.querySelector<HTMLInputElement>(`[data-field="evidence.${list.length}.title"]`)?.focus();
    }}>${t.evidenceAdd}</button>
    ${item._files(list, false)}
  </fieldset>`;
}

/**
 * The intake and edit form of <xc-petition-register>: the form as typed (`EntryForm`), how an entry
 * becomes the form and the form an entry's changes, and the form drawn from what the element gives
 * it (`EditorContext`). Every change goes through the element (and so the core).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderErrorSummary, renderFieldError } from '../base/error-summary.js';
import type { FieldError } from '../core/validation-types.js';
import {
  PETITION_HANDLINGS,
  PETITION_SOURCES,
  nextPetitionNumber,
  petitionHandlingLabel,
  petitionMessages,
  petitionSourceLabel,
  petitionerText,
  type PetitionEntry,
  type PetitionRegister,
} from '../core/petition.js';

/** The intake/edit form as typed: every field a string (or a box ticked). */
export interface EntryForm {
  source: string;
  receivedOn: string;
  anonymous: boolean;
  name: string;
  contact: string;
  concernedName: string;
  concernedUnit: string;
  summary: string;
  category: string;
  inScope: '' | 'yes' | 'no';
  handling: string;
  transferredOn: string;
  result: string;
  feedback: string;
}

/** The editor open: a new petition (`id` null) or an existing one. */
export interface Editing {
  id: string | null;
  form: EntryForm;
}


/** What the editor needs of the element (the element itself). */
export interface EditorHost {
  readonly renderRoot: ParentNode;
  /** The register as given. */
  readonly value: PetitionRegister;
  readonly identityShown: boolean;
  readonly formErrors: FieldError[];
  view(): PetitionRegister;
  setField<K extends keyof EntryForm>(key: K, v: EntryForm[K]): void;
  saveEditor(e: Event): Promise<void>;
  onEditorKey(e: KeyboardEvent): void;
  closeEditor(): Promise<void>;
  removeFromEditor(entry: PetitionEntry): Promise<void>;
  toClue(id: string): unknown;
  cite(id: string): unknown;
}

const s = (v: unknown) => (typeof v === 'string' ? v : '');

/** The intake form of a new petition, received today. */
export const emptyForm = (today: string): EntryForm => ({
  source: '', receivedOn: today, anonymous: false, name: '', contact: '', concernedName: '', concernedUnit: '',
  summary: '', category: '', inScope: '', handling: '', transferredOn: '', result: '', feedback: '',
});

/** An entry as the form shows it. */
export function formOf(e: PetitionEntry): EntryForm {
  return {
    source: s(e.source), receivedOn: s(e.receivedOn), anonymous: e.anonymous === true, name: s(e.petitioner?.name), contact: s(e.petitioner?.contact),
    concernedName: s(e.concerned?.name), concernedUnit: s(e.concerned?.unit), summary: s(e.summary), category: s(e.category),
    inScope: e.inScope === true ? 'yes' : e.inScope === false ? 'no' : '', handling: s(e.handling), transferredOn: s(e.transferredOn),
    result: s(e.result), feedback: s(e.feedback),
  };
}

/** The form as entry members: empty fields left out (and removed from an edited entry). */
export function changesOf(f: EntryForm, withIdentity: boolean): Partial<PetitionEntry> {
  const opt = (v: string) => (v.trim() ? v : undefined);
  const out: Partial<PetitionEntry> = {
    source: f.source as PetitionEntry['source'],
    receivedOn: f.receivedOn,
    summary: f.summary,
    concerned: f.concernedName.trim() || f.concernedUnit.trim() ? { ...(opt(f.concernedName) ? { name: f.concernedName } : {}), ...(opt(f.concernedUnit) ? { unit: f.concernedUnit } : {}) } : undefined,
    category: opt(f.category),
    inScope: f.inScope === 'yes' ? true : f.inScope === 'no' ? false : undefined,
    handling: (opt(f.handling) as PetitionEntry['handling']) ?? undefined,
    transferredOn: opt(f.transferredOn),
    result: opt(f.result),
    feedback: opt(f.feedback),
  };
  if (withIdentity) {
    out.anonymous = f.anonymous || undefined;
    out.petitioner = f.anonymous ? undefined : { name: f.name, ...(opt(f.contact) ? { contact: f.contact } : {}) };
  }
  return out;
}

/** Drop members set to undefined (an emptied field), so the stored entry has no `"x": undefined`. */
export function pruned<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** The intake form (a new petition) or an entry's edit. */
export function renderEditor(h: EditorHost, t: ReturnType<typeof petitionMessages>, lang: string, ed: Editing, locked: boolean, today: string): TemplateResult {
  const f = ed.form;
  const original = ed.id ? h.value.entries.find((e) => e.id === ed.id) : undefined;
    const identityEditable = !original || h.identityShown;
  const err = (path: string) => h.formErrors.find((e) => e.path === path)?.message;
  const described = (id: string, path: string, hint?: string) => [err(path) ? `${id}-err` : '', hint ?? ''].filter(Boolean).join(' ') || nothing;
  const text = (id: string, key: keyof EntryForm, label: string, path = '', opts: { list?: string; type?: string } = {}) => html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} type=${opts.type ?? 'text'} list=${opts.list ?? nothing} .value=${f[key] as string} ?readonly=${locked}
      aria-invalid=${err(path) ? 'true' : 'false'} aria-describedby=${described(id, path)}
      @input=${(e: Event) => h.setField(key, (e.target as HTMLInputElement).value as never)} />
    ${renderFieldError(`${id}-err`, err(path), t)}
  </div>`;
  const area = (id: string, key: keyof EntryForm, label: string, path = '') => html`<div class="field wide">
    <label for=${id}>${label}</label>
    <textarea id=${id} rows="3" .value=${f[key] as string} ?readonly=${locked} aria-invalid=${err(path) ? 'true' : 'false'} aria-describedby=${described(id, path)}
      @input=${(e: Event) => h.setField(key, (e.target as HTMLTextAreaElement).value as never)}></textarea>
    ${renderFieldError(`${id}-err`, err(path), t)}
  </div>`;
  const categories = [...new Set(h.value.entries.map((e) => s(e.category).trim()).filter(Boolean))];
  const who = original ? petitionerText(h.view().entries.find((e) => e.id === original.id)!, lang) : null;
  return html`<form class="editor" part="editor" aria-labelledby="editor-title" novalidate @submit=${(e: Event) => h.saveEditor(e)} @keydown=${h.onEditorKey}>
    <h3 id="editor-title" tabindex="-1">${original ? t.petEdit(s(original.number)) : t.petIntake}</h3>
    ${original ? nothing : html`<p class="hint next-number">${t.petNextNumber(nextPetitionNumber(h.value, h.value.numberPattern, f.receivedOn || today))}</p>`}
    ${renderErrorSummary(h.formErrors, t, (e) => h.renderRoot.querySelector<HTMLElement>(`[data-path="${e.path}"]`) ?? undefined, (e) => `p-${e.path}`)}
    <fieldset class="radios" aria-describedby=${err('source') ? 'p-source-err' : nothing}>
      <legend>${t.petColSource}</legend>
      ${PETITION_SOURCES.map((v, i) => html`<label><input type="radio" name="source" value=${v} data-path=${i === 0 ? 'source' : nothing} .checked=${f.source === v} ?disabled=${locked} @change=${() => h.setField('source', v)} />${petitionSourceLabel(v, lang)}</label>`)}
      ${renderFieldError('p-source-err', err('source'), t)}
    </fieldset>
    <div class="grid">
      <div class="field">
        <label for="p-receivedOn">${t.petColReceivedOn}</label>
        <input id="p-receivedOn" data-path="receivedOn" type="date" .value=${f.receivedOn} ?readonly=${locked} aria-invalid=${err('receivedOn') ? 'true' : 'false'} aria-describedby=${described('p-receivedOn', 'receivedOn')}
          @input=${(e: Event) => h.setField('receivedOn', (e.target as HTMLInputElement).value)} />
        ${renderFieldError('p-receivedOn-err', err('receivedOn'), t)}
      </div>
    </div>
    <fieldset class="identity-box">
      <legend>${t.petColPetitioner}</legend>
      <p class="hint" id="p-confidential">${t.petConfidentialNote}</p>
      ${identityEditable
        ? html`<label class="check"><input type="checkbox" class="anonymous" .checked=${f.anonymous} ?disabled=${locked} @change=${(e: Event) => h.setField('anonymous', (e.target as HTMLInputElement).checked)} />${t.petAnonymousLabel}</label>
            ${f.anonymous
              ? nothing
              : html`<div class="grid">
                  <div class="field">
                    <label for="p-name">${t.petName}</label>
                    <input id="p-name" data-path="petitioner.name" type="text" autocomplete="off" .value=${f.name} ?readonly=${locked}
                      aria-invalid=${err('petitioner.name') ? 'true' : 'false'} aria-describedby=${described('p-name', 'petitioner.name', 'p-confidential')}
                      @input=${(e: Event) => h.setField('name', (e.target as HTMLInputElement).value)} />
                    ${renderFieldError('p-name-err', err('petitioner.name'), t)}
                  </div>
                  <div class="field">
                    <label for="p-contact">${t.petColContact}</label>
                    <input id="p-contact" type="text" autocomplete="off" .value=${f.contact} ?readonly=${locked} aria-describedby="p-confidential"
                      @input=${(e: Event) => h.setField('contact', (e.target as HTMLInputElement).value)} />
                  </div>
                </div>`}`
        : html`<p class="masked-identity"><bdi>${who?.name}</bdi></p>`}
    </fieldset>
    <div class="grid">
      ${text('p-concernedName', 'concernedName', t.petColConcerned)}
      ${text('p-concernedUnit', 'concernedUnit', t.petColConcernedUnit)}
    </div>
    <div class="field wide">
      <label for="p-summary">${t.petColSummary}</label>
      <textarea id="p-summary" data-path="summary" rows="4" .value=${f.summary} ?readonly=${locked} aria-invalid=${err('summary') ? 'true' : 'false'} aria-describedby=${described('p-summary', 'summary')}
        @input=${(e: Event) => h.setField('summary', (e.target as HTMLTextAreaElement).value)}></textarea>
      ${renderFieldError('p-summary-err', err('summary'), t)}
    </div>
    <div class="grid">
      ${text('p-category', 'category', t.petColCategory, '', { list: 'p-categories' })}
      <datalist id="p-categories">${categories.map((c) => html`<option .value=${c}></option>`)}</datalist>
    </div>
    <fieldset class="radios">
      <legend>${t.petScopeLegend}</legend>
      ${([['yes', t.petYes], ['no', t.petNo], ['', t.petUnknown]] as const).map(
        ([v, label]) => html`<label><input type="radio" name="inScope" value=${v} .checked=${f.inScope === v} ?disabled=${locked} @change=${() => h.setField('inScope', v)} />${label}</label>`,
      )}
    </fieldset>
    <div class="grid">
      <div class="field">
        <label for="p-handling">${t.petColHandling}</label>
        <select id="p-handling" ?disabled=${locked} @change=${(e: Event) => h.setField('handling', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.handling}>${t.petHandlingNone}</option>
          ${PETITION_HANDLINGS.map((v) => html`<option value=${v} ?selected=${f.handling === v}>${petitionHandlingLabel(v, lang)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="p-transferredOn">${t.petColTransferredOn}</label>
        <input id="p-transferredOn" data-path="transferredOn" type="date" .value=${f.transferredOn} ?readonly=${locked}
          aria-invalid=${err('transferredOn') ? 'true' : 'false'} aria-describedby=${described('p-transferredOn', 'transferredOn')}
          @input=${(e: Event) => h.setField('transferredOn', (e.target as HTMLInputElement).value)} />
        ${renderFieldError('p-transferredOn-err', err('transferredOn'), t)}
      </div>
    </div>
    ${area('p-result', 'result', t.petColResult)}
    ${area('p-feedback', 'feedback', t.petColFeedback)}
    <div class="actions">
      ${locked ? nothing : html`<button type="submit" class="primary save">${original ? t.petSaveChanges : t.petSave}</button>`}
      ${original ? html`<button type="button" class="to-clue" @click=${() => h.toClue(original.id)}>${t.petToClue}</button>
            <button type="button" class="cite" @click=${() => h.cite(original.id)}>${t.petCite}</button>` : nothing}
      ${original && !locked
        ? html`<button type="button" class="remove" @click=${() => h.removeFromEditor(original)}>${t.petRemove}</button>`
        : nothing}
      <button type="button" class="cancel" @click=${() => h.closeEditor()}>${original ? t.petClose : t.petCancel}</button>
    </div>
  </form>`;
}

/**
 * What the template editor's form mode shows (render functions, no state of their own): the
 * toolbar, the form's title, the fields as labelled inputs (标签, 键 read-only, 控件, 必填, 选项,
 * 提示, 显示条件; an advanced field's JSON) with 上移 / 下移 / 复制 / 删除, the confirm step of a save,
 * errors at the fields and in a summary, and the preview — the real `<xc-form>`. Every text of the
 * definition is bound as text or as an input's value, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderErrorSummary, renderFieldError } from '../base/error-summary.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { FORM_WIDGETS, OPTION_WIDGETS, formField, formFields, formTitle, type FormCondition, type FormControl, type FormFieldView, type FormWidget } from '../core/form-definition-edit.js';
import type { FieldError } from '../core/validation-types.js';
import type { FM, FormError, FormMode } from './form-mode.js';

const SHOWS = ['always', 'equals', 'notEquals', 'filled', 'empty'] as const;
const LANGS = ['zh-CN', 'en'] as const;
const valueOf = (e: Event) => (e.target as HTMLInputElement).value;
/** An option's text at most 40 characters (the whole of it in its title): a select stays in its column. */
const clip = (text: string): string => {
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The control an error is shown at: one the field shows. */
function shownControl(def: unknown, e: Pick<FormError, 'id' | 'control'>): FormControl {
  if (!e.id) return 'title';
  const f = formField(def, e.id);
  if (!f) return 'label';
  if (f.advanced) return e.control === 'label' || e.control === 'required' ? e.control : 'json';
  if (e.control === 'json') return 'label';
  if (e.control === 'options' && !OPTION_WIDGETS.includes(f.widget as FormWidget)) return 'widget';
  return e.control;
}

/**
 * The preview's validator: it lets every answer through. The preview shows the form, it checks no
 * record; and no validator is compiled (none may be, under a strict CSP).
 */
const previewValidator = Object.assign(() => true, { errors: null });

/** Stop an event of the preview at the preview: the preview's answers are its own business. */
const stop = (e: Event) => e.stopPropagation();

/** The form mode's whole view. */
export function renderFormMode(m: FormMode): TemplateResult {
  const t = m.t;
  const def = m.value;
  const locked = m.locked;
  const errs = new Map<string, string>();
  const idOf = (e: FieldError) => m.domId((e as FormError).id, shownControl(def, e as FormError));
  for (const e of m.errors) if (!errs.has(idOf(e))) errs.set(idOf(e), e.message);
  const root = () => m.host.renderRoot as ShadowRoot;
  const fields = formFields(def);
  return html`<div class="layout form-mode" @keydown=${m.onKeydown}>
    <div class="editor" part="editor">
      <h2 class="title">${t.feTitle}</h2>
      <slot name="header"></slot>
      ${renderDraftBanner(m.drafts, t, m.host.effectiveLang, (d) => d !== undefined && m.restoreDraft(d))}
      ${renderErrorSummary(m.errors.map((e) => ({ ...e, message: t.feAt(e.id ? m.nameOf(e.id) : t.feInfo, e.message) })), t, (e) => root().getElementById(idOf(e)) ?? undefined, idOf)}
      <div class="toolbar fe-toolbar" part="toolbar" role="group" aria-label=${t.feToolbar}>
        <button type="button" class="undo" ?disabled=${locked || !m.canUndo} @click=${() => m.undo()}>${t.feUndo}</button>
        <button type="button" class="redo" ?disabled=${locked || !m.canRedo} @click=${() => m.redo()}>${t.feRedo}</button>
        <button type="button" class="primary save" ?disabled=${locked} @click=${() => void m.save()}>${t.feSave}</button>
        <button type="button" class="export-json" @click=${() => m.download()}>${t.feExportJson}</button>
      </div>
      <div class="status" part="status">
        <p role="status">${m.status?.text ?? ''}</p>
        ${m.status?.undo && m.canUndo ? html`<button type="button" class="fe-status-undo" @click=${() => m.undo()}>${t.feUndo}</button>` : nothing}
      </div>
      ${m.confirm ? renderConfirm(m, t) : nothing}
      <section class="info" aria-labelledby="fe-info-title">
        <h3 id="fe-info-title">${t.feInfo}</h3>
        <div class="fields">
          ${text(m, '', 'title', t.feFormTitle, formTitle(def, 'zh-CN'), errs, locked, (v) => m.editTitle('zh-CN', v))}
          ${text(m, '', 'title-en', t.feFormTitleEn, formTitle(def, 'en'), errs, locked, (v) => m.editTitle('en', v), 'en')}
        </div>
      </section>
      <section class="outline" part="outline" aria-labelledby="fe-fields-title">
        <h3 id="fe-fields-title">${t.feFields}</h3>
        <p class="hint">${t.feKeyboardHelp}</p>
        <ol class="items fe-fields">
          ${fields.map((f, i) => renderField(m, t, f, String(i + 1), fields, errs, locked))}
        </ol>
        <div class="adds">
          <button type="button" class="add add-field" ?disabled=${locked} @click=${() => m.addField()}>${t.feAddField}</button>
          <button type="button" class="add add-fieldset" ?disabled=${locked} @click=${() => m.addField('', 'fieldset')}>${t.feAddFieldset}</button>
        </div>
      </section>
      ${renderPrecompile(m, t)}
    </div>
    <aside class="preview" part="preview" aria-labelledby="fe-preview-title">
      <h3 id="fe-preview-title">${t.fePreview}</h3>
      <fieldset class="langs">
        <legend>${t.fePreviewLang}</legend>
        ${LANGS.map(
          (l) => html`<label lang=${l}><input type="radio" name="fe-preview-lang" value=${l} .checked=${m.pLang === l}
            @change=${() => ((m.previewLang = l), m.host.requestUpdate())} />${l === 'en' ? t.feLangEn : t.feLangZh}</label>`,
        )}
      </fieldset>
      <div class="preview-body" @xc-change=${stop} @xc-submit=${stop} @xc-invalid=${stop} @xc-load=${stop} @xc-error=${stop} @xc-export=${stop} @xc-clues=${stop} @xc-sign=${stop}>
        ${m.previewReady ? html`<xc-form .schema=${m.preview} .validator=${previewValidator} lang=${m.pLang} no-submit-button></xc-form>` : html`<p class="hint">${t.fePreviewLoading}</p>`}
      </div>
    </aside>
  </div>`;
}

/**
 * The label a field without one of its own shows because its `$ref` (`#/$defs/<name>`) has one: shown
 * as the label input's placeholder. Typing a label writes `title` beside the `$ref` (the `$defs` entry
 * is kept as written).
 */
function refTitle(def: unknown, s: unknown, lang: string): string {
  const o = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const ref = o(s)?.['$ref'];
  const name = typeof ref === 'string' && ref.startsWith('#/$defs/') ? ref.slice(8).replace(/~1/g, '/').replace(/~0/g, '~') : '';
  const target = name ? o(o(o(def)?.['$defs'])?.[name]) : null;
  const title = lang === 'zh-CN' ? target?.['title'] : o(o(target?.['x-xc-i18n'])?.[lang])?.['title'];
  return typeof title === 'string' ? title : '';
}

/** A labelled one-line text input with its error. */
function text(m: FormMode, id: string, control: string, label: string, value: string, errs: Map<string, string>, locked: boolean, onInput: (v: string) => void, lang = 'zh-CN', grow = true, placeholder = ''): TemplateResult {
  const dom = m.domId(id, control);
  const e = errs.get(dom);
  return html`<div class="field ${grow ? 'grow' : ''}">
    <label for=${dom}>${label}</label>
    <input type="text" id=${dom} lang=${lang} .value=${live(value)} placeholder=${placeholder || nothing} ?readonly=${locked} aria-invalid=${e ? 'true' : 'false'} aria-describedby=${e ? `${dom}-err` : nothing}
      @input=${(ev: Event) => onInput(valueOf(ev))} />
    ${renderFieldError(`${dom}-err`, e, m.t)}
  </div>`;
}

function renderField(m: FormMode, t: FM, f: FormFieldView, num: string, siblings: FormFieldView[], errs: Map<string, string>, locked: boolean): TemplateResult {
  const nested = !!f.parent;
  const objectField = !f.advanced && (f.widget === 'fieldset' || f.widget === 'person');
  const title = objectField ? t.feFieldset(num) : t.feField(num);
  const hid = m.domId(f.id, 'head');
  const name = f.label ? t.feNamed(title, f.label) : title;
  const edit = (patch: Parameters<FormMode['editField']>[1], typing = '') => m.editField(f.id, patch, typing);
  const tool = (control: string, cls: string, label: string, act: () => unknown) =>
    html`<button type="button" class=${cls} id=${m.domId(f.id, control)} aria-describedby=${hid} ?disabled=${locked} @click=${act}>${label}</button>`;
  return html`<li class="node ${objectField ? 'group' : 'item'} fe-field" data-fid=${f.id}>
    <div role="group" aria-labelledby=${hid}>
      <p class="node-label" id=${hid} role="heading" aria-level=${nested ? 5 : 4}>${title} <span class="hint">${t.feKey(f.key)}</span></p>
      <div class="fields">
        ${text(m, f.id, 'label', t.feLabel, f.label, errs, locked, (v) => edit({ label: v }, `${f.id}:label`), 'zh-CN', true, refTitle(m.value, f.schema, 'zh-CN'))}
        ${text(m, f.id, 'label-en', t.feLabelEn, f.labelEn, errs, locked, (v) => edit({ labelEn: v }, `${f.id}:label-en`), 'en', true, refTitle(m.value, f.schema, 'en'))}
      </div>
      ${f.advanced ? renderAdvanced(m, t, f, errs, locked) : renderPlain(m, t, f, siblings, errs, locked)}
      <div class="node-tools" role="group" aria-label=${name}>
        ${tool('up', 'up', t.feMoveUp, () => m.moveField(f.id, -1, 'up'))}
        ${tool('down', 'down', t.feMoveDown, () => m.moveField(f.id, 1, 'down'))}
        ${tool('duplicate', 'duplicate', t.feDuplicate, () => m.duplicateField(f.id))}
        ${tool('delete', 'delete', t.feDelete, () => m.deleteField(f.id))}
      </div>
      ${objectField
        ? html`<ol class="items">${f.children.map((c, i) => renderField(m, t, c, `${num}.${i + 1}`, f.children, errs, locked))}</ol>
            <button type="button" class="add add-field-to" ?disabled=${locked} @click=${() => m.addField(f.id)}>${t.feAddFieldTo(name)}</button>`
        : nothing}
    </div>
  </li>`;
}

function required(m: FormMode, t: FM, f: FormFieldView, locked: boolean): TemplateResult {
  return html`<label class="rule"><input type="checkbox" class="required" id=${m.domId(f.id, 'required')} .checked=${f.required} ?disabled=${locked}
    @change=${(e: Event) => m.editField(f.id, { required: (e.target as HTMLInputElement).checked })} />${t.feRequired}</label>`;
}

function renderAdvanced(m: FormMode, t: FM, f: FormFieldView, errs: Map<string, string>, locked: boolean): TemplateResult {
  const dom = m.domId(f.id, 'json');
  const e = errs.get(dom);
  const draft = m.jsonDrafts.get(f.id);
  const note = m.domId(f.id, 'advanced');
  return html`${required(m, t, f, locked)}
    <p class="hint" id=${note}>${t.feAdvanced}</p>
    <div class="field">
      <label for=${dom}>${t.feJson}</label>
      <textarea id=${dom} class="json" rows="6" spellcheck="false" .value=${live(draft?.text ?? JSON.stringify(f.schema, null, 2))} ?readonly=${locked}
        aria-invalid=${e || draft?.error ? 'true' : 'false'} aria-describedby=${e || draft?.error ? `${note} ${dom}-err` : note}
        @input=${(ev: Event) => m.typeJson(f.id, valueOf(ev))} @change=${(ev: Event) => m.setJson(f.id, valueOf(ev))}></textarea>
      ${renderFieldError(`${dom}-err`, e ?? (draft?.error ? t.feJsonError(draft.error) : undefined), t)}
    </div>`;
}

function renderPlain(m: FormMode, t: FM, f: FormFieldView, siblings: FormFieldView[], errs: Map<string, string>, locked: boolean): TemplateResult {
  const objectField = f.widget === 'fieldset' || f.widget === 'person';
  const widgets: readonly FormWidget[] = objectField ? ['fieldset', 'person'] : f.parent ? FORM_WIDGETS.filter((w) => w !== 'person') : [...FORM_WIDGETS, 'fieldset'];
  const wid = m.domId(f.id, 'widget');
  const we = errs.get(wid);
  return html`<div class="fields">
      <div class="field">
        <label for=${wid}>${t.feWidget}</label>
        <select id=${wid} class="widget" ?disabled=${locked} aria-invalid=${we ? 'true' : 'false'} aria-describedby=${we ? `${wid}-err` : nothing}
          @change=${(e: Event) => m.editField(f.id, { widget: valueOf(e) as FormWidget })}>
          ${widgets.map((w) => html`<option value=${w} ?selected=${f.widget === w}>${t.feWidgets[w] ?? w}</option>`)}
        </select>
        ${renderFieldError(`${wid}-err`, we, t)}
      </div>
      <div class="field">${required(m, t, f, locked)}</div>
    </div>
    ${OPTION_WIDGETS.includes(f.widget as FormWidget) ? renderOptions(m, t, f, errs, locked) : nothing}
    <div class="fields">
      ${text(m, f.id, 'hint', t.feHint, f.hint, errs, locked, (v) => m.editField(f.id, { hint: v }, `${f.id}:hint`))}
      ${text(m, f.id, 'hint-en', t.feHintEn, f.hintEn, errs, locked, (v) => m.editField(f.id, { hintEn: v }, `${f.id}:hint-en`), 'en')}
    </div>
    ${renderCondition(m, t, f, siblings, errs, locked)}`;
}

function renderOptions(m: FormMode, t: FM, f: FormFieldView, errs: Map<string, string>, locked: boolean): TemplateResult {
  const add = m.domId(f.id, 'options');
  const e = errs.get(add);
  return html`<fieldset class="fe-options">
    <legend>${t.feOptions}</legend>
    <ol>
      ${f.options.map((o, i) => {
        const zh = m.domId(f.id, `option-${i}`);
        const en = m.domId(f.id, `option-en-${i}`);
        return html`<li>
          <label for=${zh}>${t.feOption(i + 1)}</label>
          <input type="text" id=${zh} .value=${live(o.label)} ?readonly=${locked} @input=${(ev: Event) => m.renameOption(f.id, i, 'zh-CN', valueOf(ev))} />
          <label for=${en}>${t.feOptionEn(i + 1)}</label>
          <input type="text" id=${en} lang="en" .value=${live(o.labelEn)} ?readonly=${locked} @input=${(ev: Event) => m.renameOption(f.id, i, 'en', valueOf(ev))} />
          <button type="button" class="remove-option" ?disabled=${locked} aria-label=${t.feRemoveOption(i + 1)} @click=${() => m.removeOption(f.id, i)}>${t.feDelete}</button>
        </li>`;
      })}
    </ol>
    <button type="button" class="add add-option" id=${add} ?disabled=${locked} aria-invalid=${e ? 'true' : nothing} aria-describedby=${e ? `${add}-err` : nothing} @click=${() => m.addOption(f.id)}>${t.feAddOption}</button>
    ${renderFieldError(`${add}-err`, e, t)}
  </fieldset>`;
}

/** The value a condition starts with for a field: its first option, true for a tick box, else ''. */
const firstValue = (s: FormFieldView | undefined): unknown => (s?.options.length ? s.options[0]!.value : s?.widget === 'checkbox' ? true : '');

function renderCondition(m: FormMode, t: FM, f: FormFieldView, siblings: FormFieldView[], errs: Map<string, string>, locked: boolean): TemplateResult {
  const c = f.condition;
  // Fields a condition can name: plain ones beside it (not a group, nor a field shown as JSON); a value only of one that holds one value.
  const comparable = (s: FormFieldView) => !s.advanced && s.widget !== 'fieldset' && s.widget !== 'person' && (c.show === 'filled' || c.show === 'empty' || s.widget !== 'checkboxes');
  const others = siblings.filter((s) => s.id !== f.id && comparable(s));
  const sid = m.domId(f.id, 'condition');
  const e = errs.get(sid);
  const field = c.show === 'always' ? '' : c.field;
  const target = others.find((s) => s.key === field);
  const set = (next: FormCondition) => m.editField(f.id, { condition: next });
  const choose = (show: string) => {
    if (show === 'always') return set({ show: 'always' });
    const key = field || others[0]?.key || '';
    const s = others.find((x) => x.key === key);
    if (show === 'equals' || show === 'notEquals') set({ show, field: key, value: 'value' in c && c.field === key ? c.value : firstValue(s) });
    else set({ show: show as 'filled' | 'empty', field: key });
  };
  const fid = m.domId(f.id, 'condition-field');
  const vid = m.domId(f.id, 'condition-value');
  const valueControl = () => {
    if (!('value' in c)) return nothing;
    const v = c.value;
    const setValue = (value: unknown) => set({ ...c, value });
    if (target?.options.length || target?.widget === 'checkbox') {
      const choices = target.options.length ? target.options.map((o) => ({ value: o.value, label: o.label })) : [{ value: true, label: t.feYes }, { value: false, label: t.feNo }];
      return html`<div class="field"><label for=${vid}>${t.feConditionValue}</label>
        <select id=${vid} ?disabled=${locked} @change=${(ev: Event) => setValue(choices[Number(valueOf(ev))]?.value)}>
          ${choices.map((o, i) => html`<option value=${String(i)} ?selected=${same(o.value, v)} title=${o.label}>${clip(o.label)}</option>`)}
        </select></div>`;
    }
    return html`<div class="field"><label for=${vid}>${t.feConditionValue}</label>
      <input type="text" id=${vid} .value=${live(typeof v === 'string' ? v : JSON.stringify(v ?? ''))} ?readonly=${locked}
        @input=${(ev: Event) => setValue(target?.widget === 'number' && valueOf(ev).trim() !== '' && Number.isFinite(Number(valueOf(ev))) ? Number(valueOf(ev)) : valueOf(ev))} /></div>`;
  };
  return html`<div class="fields fe-condition">
    <div class="field">
      <label for=${sid}>${t.feCondition}</label>
      <select id=${sid} ?disabled=${locked} aria-invalid=${e ? 'true' : 'false'} aria-describedby=${e ? `${sid}-err` : nothing} @change=${(ev: Event) => choose(valueOf(ev))}>
        ${SHOWS.map((s) => html`<option value=${s} ?selected=${c.show === s}>${t.feShow[s]}</option>`)}
      </select>
      ${renderFieldError(`${sid}-err`, e, t)}
    </div>
    ${c.show === 'always'
      ? nothing
      : html`<div class="field"><label for=${fid}>${t.feConditionField}</label>
          <select id=${fid} ?disabled=${locked} @change=${(ev: Event) => {
            const key = valueOf(ev);
            const s = others.find((x) => x.key === key);
            set(c.show === 'equals' || c.show === 'notEquals' ? { show: c.show, field: key, value: firstValue(s) } : { show: c.show, field: key });
          }}>
            ${target || !field ? nothing : html`<option value=${field} selected>${field}</option>`}
            ${others.map((s) => html`<option value=${s.key} ?selected=${s.key === field} title=${s.label || s.key}>${clip(s.label || s.key)}</option>`)}
          </select></div>
          ${valueControl()}`}
  </div>`;
}

/** The command a strict-CSP host runs in its build for the exported definition (its validators, precompiled). */
function renderPrecompile(m: FormMode, t: FM): TemplateResult {
  const name = m.exportName;
  return html`<section class="precompile" aria-labelledby="fe-precompile-title">
    <h3 id="fe-precompile-title">${t.fePrecompile}</h3>
    <p class="hint" id="fe-precompile-help">${t.fePrecompileHelp}</p>
    <input type="text" class="command" readonly aria-labelledby="fe-precompile-title" aria-describedby="fe-precompile-help" .value=${`npx xc-precompile ${name}.json -o ${name}.validators.js`} />
  </section>`;
}

/** A list of fields by label under its heading line (nothing when empty). */
const named = (note: string, cls: string, labels: string[]) => (labels.length ? html`<p>${note}</p><ul class=${cls}>${labels.map((r) => html`<li><bdi>${r}</bdi></li>`)}</ul>` : nothing);

function renderConfirm(m: FormMode, t: FM): TemplateResult {
  const c = m.confirm!;
  const saved = m.saved;
  const removed = c.changes.removed.map((id) => formField(saved, id)?.label || id);
  return html`<section class="confirm banner" part="confirm" aria-labelledby="fe-confirm-title">
    <h3 id="fe-confirm-title" tabindex="-1">${t.feConfirm}</h3>
    <p class="changes">${t.feChanges(c.changes.removed.length, c.changes.added.length, c.changes.relabelled.length)}</p>
    ${removed.length ? html`<p>${t.feRemovedNote}</p><ul class="removed">${removed.map((r) => html`<li><bdi>${r}</bdi></li>`)}</ul>` : nothing}
    ${named(t.feAddedNote, 'added', c.changes.added.map((id) => formField(c.template, id)?.label || id))}
    ${named(t.feRelabelledNote, 'relabelled', c.changes.relabelled.map((id) => `${formField(saved, id)?.label || id} → ${formField(c.template, id)?.label || id}`))}
    <button type="button" class="primary confirm-save" ?disabled=${m.locked} @click=${() => m.confirmSave()}>${t.feConfirmSave}</button>
    <button type="button" class="cancel-save" @click=${() => m.cancelConfirm()}>${t.feCancel}</button>
  </section>`;
}

/**
 * The template editor's second mode: authoring `<xc-form>` definitions. A controller holding the
 * definition being edited (with undo), the errors shown after a failed save, the confirm step and
 * the live preview (the real `<xc-form>`, zh-CN or English); its steps are
 * src/core/form-definition-edit.ts and its rendering form-mode-view.ts. A chunk of its own:
 * `<xc-template-editor mode="form">` loads it on first use, so no page carries it before.
 */
import { css, type TemplateResult } from 'lit';
import { lazy } from '../base/lazy.js';
import { adoptSheet } from '../base/adopt-sheet.js';
import { DraftController, type DraftHost } from '../base/draft-controller.js';
import { offerText } from '../base/save-text.js';
import type { DraftStorage } from '../core/draft.js';
import { extendLocale, loadLocale, resolveLocale, type Messages } from '../core/i18n.js';
import { EditHistory } from '../core/template-edit.js';
import {
  addFormField,
  addFormOption,
  allFormFields,
  OPTION_WIDGETS,
  duplicateFormField,
  emptyFormDefinition,
  formChanges,
  formExportName,
  formField,
  formFieldKeys,
  formFields,
  formKeysOf,
  formProblems,
  isFormDefinition,
  moveFormField,
  placeOfFormError,
  removeFormField,
  removeFormOption,
  renameFormOption,
  setFormTitle,
  updateFormField,
  type FormChanges,
  type FormControl,
  type FormFieldPatch,
  type FormWidget,
} from '../core/form-definition-edit.js';
import type { FieldError, JsonSchema, ValidationResult } from '../core/validation-types.js';
import formEditorZhCN, { type FormEditorMessages } from '../core/locales/form-editor.zh-CN.js';
import { renderFormMode } from './form-mode-view.js';

extendLocale(formEditorZhCN, { en: () => import('../core/locales/form-editor.en.js') });

/** The words of the form mode (the shared ones and its own). */
export type FM = Messages & FormEditorMessages;

/** The meta-schema check (precompiled) and the validator's messages: loaded with the mode, used on save. */
const loadCheck = lazy(() => Promise.all([import('../generated/validators/formDefinition.js'), import('../core/validation.js')]));
/** The preview: the real <xc-form>. */
const loadPreview = lazy(() => import('../form/index.js'));

/**
 * The form mode's own rules, adopted beside the element's (a constructed stylesheet: allowed under a
 * strict CSP): a select never grows past its column, whatever its options say (long labels).
 */
const formModeStyles = css`
  .form-mode .editor,
  .form-mode .field,
  .form-mode .fields > .field {
    min-width: 0;
    max-width: 100%;
  }
  .form-mode select {
    max-width: 100%;
  }
  .form-mode .fe-options input[type='text'] {
    max-width: 100%;
  }
`;

/** What the form mode asks of the element that shows it. */
export interface FormModeHost extends HTMLElement {
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly effectiveLang: string;
  addController: DraftHost['addController'];
  removeController: DraftHost['removeController'];
  /** The element's `draft-key` ('' = no drafts). */
  readonly draftKey: string;
  readonly readonly: boolean;
  /** The draft storage and the clock (the provider's, or the defaults). */
  readonly env: { drafts: DraftStorage; now(): Date };
}

/**
 * Where the form mode keeps its draft: beside the checklist mode's (`<draft-key>`), never the same
 * entry, so a checklist draft is never offered to the form mode, nor a form definition to the
 * checklist mode.
 */
export const formDraftKey = (key: string): string => (key ? `${key}#form` : '');

/** The element's part in a step: whether it takes steps now, and what follows a change. */
export interface FormModeOptions {
  /** Disabled or read-only: no step is taken, whoever asks. */
  locked(): boolean;
  /** After every change (the element syncs its form value and fires `xc-change` with this reason). */
  changed(reason: string): void;
}

/** Detail of the form mode's `xc-save`: the definition as written and what changed (field ids). */
export interface FormSaveDetail {
  template: JsonSchema;
  changes: FormChanges;
}

/** An error at a field's control ('' = the form's own). */
export interface FormError extends FieldError {
  id: string;
  control: FormControl;
}

const LANGS = ['zh-CN', 'en'] as const;
export type FormLang = (typeof LANGS)[number];

/** The form mode of `<xc-template-editor>` (see the file's first comment). */
export class FormMode {
  private history = new EditHistory<JsonSchema>(emptyFormDefinition());
  private typing = '';
  /** Every key met while editing: a new field never gets one of them. */
  private seen = new Set<string>();
  private savedDef: JsonSchema | null = null;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private check: Awaited<ReturnType<typeof loadCheck>> | null = null;
  /** Numbers for DOM ids, one per field id for the session (field ids may hold any character). */
  private domIds = new Map<string, number>();

  /** The first definition given: what a form reset goes back to. */
  private initial: JsonSchema | null = null;
  /** With `draft-key`: the definition being edited kept as a draft (under {@link formDraftKey}) and offered after a reload. */
  readonly drafts: DraftController;

  /** Errors shown (after a failed save, kept up to date as the author fixes them). */
  errors: FormError[] = [];
  submitted = false;
  /** JSON typed into an advanced field that did not parse: kept as typed, with the parser's words. */
  jsonDrafts = new Map<string, { text: string; error: string }>();
  status: { text: string; undo: boolean } | null = null;
  confirm: { template: JsonSchema; changes: FormChanges } | null = null;
  previewLang: FormLang | '' = '';
  previewReady = false;
  /** What the preview shows (follows the definition at most once a frame). */
  preview: JsonSchema;
  /** Bumped when the definition is replaced or a step undone: every field renders again. */
  epoch = 0;
  focusAfter: { id: string; control: string } | null = null;

  constructor(
    readonly host: FormModeHost,
    private readonly options: FormModeOptions,
  ) {
    this.preview = this.history.current;
    // The draft controller sees the element through a view whose draft key is the form mode's own.
    const draftHost = {
      addController: (c) => host.addController(c),
      removeController: (c) => host.removeController(c),
      requestUpdate: () => host.requestUpdate(),
      get updateComplete() {
        return host.updateComplete;
      },
      addEventListener: (type: string, fn: EventListener) => host.addEventListener(type, fn),
      get draftKey() {
        return formDraftKey(host.draftKey);
      },
      get readonly() {
        return host.readonly;
      },
    } as Partial<DraftHost> as DraftHost;
    this.drafts = new DraftController(draftHost, { storage: () => host.env.drafts, value: () => this.history.current, now: () => host.env.now() });
    // The mode's own strings in the element's language (English loads with the mode, not before).
    void loadLocale(host.effectiveLang).then(() => host.requestUpdate(), () => undefined);
    void loadCheck().then((m) => (this.check = m), () => undefined);
    void loadPreview().then(() => {
      this.previewReady = true;
      this.host.requestUpdate();
    }, () => undefined);
  }

  get t(): FM {
    return resolveLocale(this.host.effectiveLang) as FM;
  }

  get locked(): boolean {
    return this.options.locked();
  }

  /** The last value given that is not a form definition (see `xc-value-error`), as given; null once a definition is set. */
  rejected: unknown = null;

  /**
   * The definition being edited, as written. A value that is not a definition (a string, null after
   * a definition, an OA reply's wrapper, a checklist template) is refused: the definition stays, the
   * value is kept in {@link rejected} and `xc-value-error` says so.
   */
  get value(): JsonSchema {
    return this.history.current;
  }
  set value(v: unknown) {
    if (!isFormDefinition(v)) {
      this.rejected = v;
      const errors = [{ path: 'properties', message: this.t.feNotDefinition, keyword: 'type' }];
      console.warn(`<${this.host.localName}>: ${this.t.feNotDefinition}`, v);
      this.host.dispatchEvent(new CustomEvent('xc-value-error', { bubbles: true, composed: true, detail: { errors, value: v } }));
      return;
    }
    this.rejected = null;
    this.start(v);
  }

  /** Start editing `v` (a new undo history); anything that is not a definition starts an empty one. */
  start(v: unknown): void {
    const def = isFormDefinition(v) ? (v as JsonSchema) : emptyFormDefinition();
    this.initial ??= def;
    this.history = new EditHistory<JsonSchema>(def);
    for (const k of formKeysOf(def)) this.seen.add(k);
    this.savedDef ??= def;
    this.typing = '';
    this.epoch++;
    this.confirm = null;
    this.schedulePreview();
    this.host.requestUpdate();
  }

  /** The last saved version (what 保存新版本 compares with; default: the first value). */
  get saved(): JsonSchema | null {
    return this.savedDef;
  }
  set saved(v: unknown) {
    this.savedDef = isFormDefinition(v) ? (v as JsonSchema) : null;
    if (this.savedDef) for (const k of formKeysOf(this.savedDef)) this.seen.add(k);
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** The preview's language (default: the element's). */
  get pLang(): FormLang {
    return this.previewLang || (this.host.effectiveLang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');
  }

  /** A DOM id for a field's control. */
  domId(id: string, control: string): string {
    if (!id) return `fe-form-${control}`;
    let n = this.domIds.get(id);
    if (n === undefined) this.domIds.set(id, (n = this.domIds.size + 1));
    return `fe-${n}-${control}`;
  }

  // --- Steps ---------------------------------------------------------------------------------

  /** Record a new definition: one undo step (typing in one field is one step). */
  private commit(next: JsonSchema, reason: string, typing = ''): boolean {
    if (next === this.history.current || this.locked) return false;
    if (typing && this.typing === typing) this.history.current = next;
    else this.history.push(next);
    this.typing = typing;
    // What the last step said (没有变化, 已保存…) is no longer true once the definition changes.
    this.status = null;
    for (const k of formKeysOf(next)) this.seen.add(k);
    this.changed(reason);
    return true;
  }

  private changed(reason: string): void {
    if (reason !== 'save') this.drafts.changed();
    this.confirm = null;
    if (this.submitted) this.errors = this.collect();
    this.schedulePreview();
    this.options.changed(reason);
    this.host.requestUpdate();
  }

  private say(text: string, undo = false): void {
    this.status = { text, undo };
  }

  private focus(id: string, control: string): void {
    this.focusAfter = { id, control };
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const f = this.focusAfter;
      if (!f) return;
      this.focusAfter = null;
      const root = this.host.renderRoot as ShadowRoot;
      const el =
        f.control === 'status-undo' ? root.querySelector<HTMLElement>('.fe-status-undo') : f.control === 'save' ? root.querySelector<HTMLElement>('.fe-toolbar button.save') : (root.getElementById(this.domId(f.id, f.control)) ?? root.getElementById(this.domId(f.id, 'label')));
      (el ?? root.querySelector<HTMLElement>('.fe-toolbar button:not([disabled])'))?.focus();
      // A new option's text is selected: typing replaces it.
      if (el instanceof HTMLInputElement && f.control.startsWith('option-')) el.select();
    });
  }

  /** Undo the last step; false when there is none. */
  undo(): boolean {
    if (!this.history.canUndo || this.locked) return false;
    const before = new Set(allFormFields(this.history.current).map((f) => f.id));
    this.history.undo();
    this.typing = '';
    this.epoch++;
    // A deleted field that came back takes focus.
    const back = allFormFields(this.history.current).find((f) => !before.has(f.id));
    if (back) this.focus(back.id, 'label');
    this.say(this.t.feUndone);
    this.changed('undo');
    return true;
  }

  /** Redo the last undone step; false when there is none. */
  redo(): boolean {
    if (!this.history.canRedo || this.locked) return false;
    this.history.redo();
    this.typing = '';
    this.epoch++;
    this.say(this.t.feRedone);
    this.changed('redo');
    return true;
  }

  /** Add a field (to a fieldset when `parent` is its id; `fieldset` adds a fieldset); focus goes to its label. Returns its id. */
  addField(parent = '', widget: FormWidget = 'text'): string | null {
    const r = addFormField(this.history.current, { parent, widget, seen: this.seen });
    if (!r || !this.commit(r.definition, 'add')) return null;
    this.focus(r.id, 'label');
    return r.id;
  }

  /** A choice's schema as it was before its control became one without options (its options come back with a choice control). */
  private optionsAside = new Map<string, unknown>();

  /** Change a field (its key never changes). */
  editField(id: string, patch: FormFieldPatch, typing = ''): boolean {
    const cur = this.history.current;
    const before = patch.widget ? formField(cur, id) : null;
    const choice = (w: unknown) => OPTION_WIDGETS.includes(w as FormWidget);
    let next = updateFormField(cur, id, patch, this.seen);
    if (before && patch.widget) {
      // A choice's options are kept aside while its control has none, and come back with a choice control.
      if (choice(before.widget) && !choice(patch.widget) && before.options.length) this.optionsAside.set(id, before.schema);
      const aside = this.optionsAside.get(id);
      if (choice(patch.widget) && aside !== undefined && !formField(next, id)?.options.length) {
        const { label, labelEn, hint, hintEn, condition } = before;
        const back = updateFormField(updateFormField(cur, id, { schema: aside }), id, { widget: patch.widget }, this.seen);
        if (formField(back, id)?.options.length) next = updateFormField(back, id, { label, labelEn, hint, hintEn, condition });
      }
    }
    return this.commit(next, 'edit', typing);
  }

  /** Move a field one place (into or out of a fieldset at the edge); focus follows it. */
  moveField(id: string, delta: -1 | 1, control = delta < 0 ? 'up' : 'down'): boolean {
    const next = moveFormField(this.history.current, id, delta);
    if (next === this.history.current) {
      this.say(this.t.feCannotMove);
      this.host.requestUpdate();
      return false;
    }
    const name = this.nameOf(id);
    const before = this.history.current;
    if (!this.commit(next, 'move')) return false;
    // Out of or into a fieldset its id changes: the field is found again by its key.
    const keys = formFieldKeys(id);
    const k = keys[keys.length - 1];
    const key = formField(next, id) ? id : (allFormFields(next).find((f) => f.key === k && !formField(before, f.id))?.id ?? id);
    this.focus(key, control);
    this.say(this.t.feMoved(name));
    return true;
  }

  /** Duplicate a field right after it (a fresh key); returns the copy's id. */
  duplicateField(id: string): string | null {
    const r = duplicateFormField(this.history.current, id, this.seen);
    if (!r || !this.commit(r.definition, 'duplicate')) return null;
    this.focus(r.id, 'label');
    return r.id;
  }

  /** Delete a field; says so with 撤销. False for the form's last field. */
  deleteField(id: string): boolean {
    const name = this.nameOf(id);
    const r = removeFormField(this.history.current, id);
    if (!r.removed.length) {
      this.say(this.t.feCannotDelete);
      this.host.requestUpdate();
      return false;
    }
    if (!this.commit(r.definition, 'delete')) return false;
    this.say(this.t.feDeleted(name), true);
    this.focus('', 'status-undo');
    return true;
  }

  /** Add an option to a select, radio group or checkbox group; focus goes to it. */
  addOption(id: string): void {
    const n = (formField(this.history.current, id)?.options.length ?? 0) + 1;
    if (this.commit(addFormOption(this.history.current, id, this.t.feNewOption(n)), 'edit')) this.focus(id, `option-${n - 1}`);
  }

  /** Rename an option in a language (a Chinese rename of an enum option changes its value). */
  renameOption(id: string, index: number, lang: string, text: string): void {
    this.commit(renameFormOption(this.history.current, id, index, lang, text), 'edit', `${id}:option:${index}:${lang}`);
  }

  /** Delete an option. */
  removeOption(id: string, index: number): void {
    if (this.commit(removeFormOption(this.history.current, id, index), 'edit')) this.focus(id, 'options');
  }

  /**
   * Look for a draft of the form mode (the element calls this after each update while the mode is
   * 'form'; it looks once per key). A draft that is not a form definition is never offered.
   */
  checkDraft(): void {
    this.drafts.check();
    const d = this.drafts.offered ?? this.drafts.fromOtherTab;
    if (d && !isFormDefinition(d.value)) {
      this.drafts.offered = this.drafts.offered === d ? null : this.drafts.offered;
      this.drafts.fromOtherTab = this.drafts.fromOtherTab === d ? null : this.drafts.fromOtherTab;
    }
  }

  /** The draft the person chose to restore: the definition as drafted, one undoable step. */
  restoreDraft(d: unknown): void {
    if (!isFormDefinition(d)) return;
    this.jsonDrafts.clear();
    this.epoch++;
    this.commit(d, 'restore');
  }

  /** Back to the definition first given (a form's reset): a new undo history, no errors shown. */
  reset(): void {
    this.submitted = false;
    this.errors = [];
    this.jsonDrafts.clear();
    this.status = null;
    this.start(this.initial);
  }

  /** The exported file's name without `.json` (the `$id`'s last part, else the title, else a generic one). */
  get exportName(): string {
    return formExportName(this.history.current, this.t.feFilename);
  }

  /** 导出 JSON: fires cancelable `xc-export` (`{ format: 'json', filename, text }`), then downloads the definition. */
  download(): boolean {
    return offerText(this.host, 'json', `${this.exportName}.json`, `${JSON.stringify(this.history.current, null, 2)}\n`, 'application/json');
  }

  /** Set the form's title in a language. */
  editTitle(lang: string, text: string): void {
    this.commit(setFormTitle(this.history.current, lang, text), 'edit', `title:${lang}`);
  }

  /** JSON being typed into an advanced field: kept as typed (a render meanwhile does not replace it) until it is applied. */
  typeJson(id: string, text: string): void {
    this.jsonDrafts.set(id, { text, error: this.jsonDrafts.get(id)?.error ?? '' });
  }

  /** The JSON of an advanced field: applied when it parses, else kept as typed with the error shown. */
  setJson(id: string, text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      this.jsonDrafts.set(id, { text, error: e instanceof Error ? e.message : String(e) });
      if (this.submitted) this.errors = this.collect();
      this.host.requestUpdate();
      return;
    }
    this.jsonDrafts.delete(id);
    if (!this.commit(updateFormField(this.history.current, id, { schema: parsed }), 'edit')) this.host.requestUpdate();
  }

  /** What a field is called in messages: its number and label. */
  nameOf(id: string): string {
    const t = this.t;
    const fields = formFields(this.history.current);
    let num = '';
    fields.forEach((f, i) => {
      if (f.id === id) num = String(i + 1);
      f.children.forEach((c, j) => c.id === id && (num = `${i + 1}.${j + 1}`));
    });
    const f = formField(this.history.current, id);
    const label = [...(f?.label ?? '')];
    const text = label.length > 20 ? `${label.slice(0, 20).join('')}…` : label.join('');
    return text ? t.feNamed(t.feField(num), text) : t.feField(num);
  }

  // --- Checks and the save -----------------------------------------------------------------

  /** Every error, placed at its field's control, in words for the author; one per control. */
  private collect(): FormError[] {
    const t = this.t;
    const def = this.history.current;
    const out: FormError[] = [];
    const add = (id: string, control: FormControl, message: string, keyword: string) => {
      if (!out.some((e) => e.id === id && e.control === control)) out.push({ id, control, message, keyword, path: `${id}#${control}` });
    };
    for (const [id, d] of this.jsonDrafts) if (d.error && formField(def, id)) add(id, 'json', t.feJsonError(d.error), 'json');
    for (const p of formProblems(def)) {
      const message = {
        emptyLabel: () => t.feErrEmptyLabel,
        noOptions: () => t.feErrNoOptions,
        emptyOption: () => t.feErrEmptyOption(p.detail ?? ''),
        sameOption: () => t.feErrSameOption(p.detail ?? ''),
        conditionField: () => t.feErrConditionField(p.detail ?? ''),
        conditionValue: () => t.feErrConditionValue(p.detail ?? ''),
      }[p.code]();
      add(p.id, p.control, message, p.code);
    }
    const c = this.check;
    if (c && !c[0].formDefinition(def)) {
      const raw = c[0].formDefinition.errors ?? [];
      const pathOf = (p: string) => p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
      // An unknown x-xc-* member: named, at its field.
      for (const e of raw) if (e.keyword === 'propertyNames' && typeof e.params['propertyName'] === 'string') {
        const at = placeOfFormError(`${pathOf(e.instancePath)}.${e.params['propertyName']}`, def);
        add(at.id, at.control, t.feErrUnknownKeyword(e.params['propertyName']), 'propertyNames');
      }
      for (const e of c[1].toFieldErrors(raw, {}, this.host.effectiveLang)) {
        const at = placeOfFormError(e.path, def);
        add(at.id, at.control, t.feErrSchema(e.message), e.keyword);
      }
    }
    return out;
  }

  /** The check as a form-associated element reports it. */
  validate(): ValidationResult {
    const errors = this.collect();
    return { valid: !errors.length, errors };
  }

  /**
   * 保存新版本: check the definition (errors at the fields, the summary takes focus, `xc-invalid`)
   * and show what the new version changes. Resolves false when it has errors.
   */
  async save(): Promise<boolean> {
    // Disabled or read-only: no new version, whoever asks.
    if (this.locked) return false;
    this.check ??= await loadCheck();
    this.submitted = true;
    this.errors = this.collect();
    if (this.errors.length) {
      this.confirm = null;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[data-error-summary]')?.focus();
      this.host.dispatchEvent(new CustomEvent('xc-invalid', { bubbles: true, composed: true, detail: { errors: this.errors } }));
      return false;
    }
    const cur = this.history.current;
    const changes = formChanges(this.savedDef ?? cur, cur);
    if (this.savedDef && JSON.stringify(this.savedDef) === JSON.stringify(cur)) {
      this.say(this.t.feNoChanges);
      this.host.requestUpdate();
      return true;
    }
    this.confirm = { template: cur, changes };
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#fe-confirm-title')?.focus();
    return true;
  }

  /** Confirm the save shown: fires `xc-save` (`{ template, changes }`) and makes it the saved version. */
  confirmSave(): FormSaveDetail | null {
    const c = this.confirm;
    if (!c || this.locked) return null;
    const detail: FormSaveDetail = { template: c.template, changes: c.changes };
    this.savedDef = c.template;
    this.confirm = null;
    this.typing = '';
    this.drafts.clear();
    this.host.dispatchEvent(new CustomEvent('xc-save', { bubbles: true, composed: true, detail }));
    this.say(this.t.feSaved);
    this.options.changed('save');
    // The confirm step goes: focus back to 保存新版本, not to the page.
    this.focus('', 'save');
    return detail;
  }

  /** 取消 in the confirm step: it closes, focus back to 保存新版本. */
  cancelConfirm(): void {
    this.confirm = null;
    this.focus('', 'save');
  }

  // --- Keyboard --------------------------------------------------------------------------------

  /** Alt+ArrowUp/Down moves the focused field; Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y outside a text field undo and redo. */
  onKeydown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (!target) return;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      const row = target.closest<HTMLElement>('[data-fid]');
      if (!row || this.locked) return;
      e.preventDefault();
      e.stopPropagation();
      const control = target.id ? target.id.replace(/^fe-\d+-/, '') : 'label';
      this.moveField(row.dataset.fid!, e.key === 'ArrowUp' ? -1 : 1, control);
      return;
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    const textual = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(target.type));
    e.stopPropagation();
    if (textual || this.locked) return;
    e.preventDefault();
    if (key === 'y' || e.shiftKey) this.redo();
    else this.undo();
  };

  // --- Preview ---------------------------------------------------------------------------------

  /** Hand the preview the definition at most once a frame. */
  private schedulePreview(): void {
    if (this.frame || this.timer) return;
    const run = () => {
      cancelAnimationFrame(this.frame);
      clearTimeout(this.timer);
      this.frame = 0;
      this.timer = undefined;
      this.preview = this.history.current;
      this.host.requestUpdate();
    };
    this.frame = requestAnimationFrame(run);
    // A page in a background tab gets no frames: the preview still follows.
    this.timer = setTimeout(run, 200);
  }

  /** Resolves when the preview shows the definition as it is now. */
  get previewUpdated(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wait = () => (this.frame || this.timer || !this.previewReady ? setTimeout(wait, 16) : resolve());
      wait();
    }).then(async () => {
      await this.host.updateComplete;
      const el = this.host.renderRoot.querySelector('xc-form') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
      await el?.updateComplete;
    });
  }

  /** Stop the preview's timers (the element left the page). */
  stop(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
  }

  /** The mode's whole view. */
  render(): TemplateResult {
    return renderFormMode(this);
  }
}

/** The element the form mode attaches to: `<xc-template-editor>`. */
export type FormModeEditor = FormModeHost & { mode: string; readonly: boolean; readonly isDisabled: boolean };

const attached = new WeakMap<HTMLElement, FormMode>();

/**
 * Give `<xc-template-editor>` its form mode, once (the first time its `mode` is 'form'): while
 * `mode` is 'form', its `value`, `saved`, `canUndo`, `canRedo`, `previewUpdated`, `validate`,
 * `undo`, `redo`, `save`, `confirmSave`, `reset`, `download` and its rendering answer from the form
 * mode (`applyImport` does nothing: the import reads checklists), and from the
 * checklist editing as before otherwise. Done here, in the mode's own chunk, so that the element
 * (every editor page's first load) carries only the `mode` property and the loader of this chunk.
 * `given` is the value last given to the element: the definition the form mode starts with.
 */
export function attachFormMode(host: FormModeEditor, given: unknown): FormMode {
  const had = attached.get(host);
  if (had) return had;
  // The element's form sync and its xc-change (protected members of the form-associated base).
  const base = host as unknown as { syncForm(): void; emitChange(detail: object): void };
  const fm = new FormMode(host, {
    locked: () => host.readonly || host.isDisabled,
    changed: (reason) => {
      base.syncForm();
      base.emitChange({ reason });
    },
  });
  attached.set(host, fm);
  // The value given before the mode loaded (none, or one for the checklist mode: an empty definition).
  fm.start(given);
  adoptSheet(host.shadowRoot, formModeStyles.cssText);
  const proto = Object.getPrototypeOf(host) as Record<string, unknown>;
  const form = () => host.mode === 'form';
  const own = (name: string, d: PropertyDescriptor) => Object.defineProperty(host, name, { configurable: true, ...d });
  const methods: Record<string, (...args: unknown[]) => unknown> = {
    validate: () => fm.validate(),
    undo: () => fm.undo(),
    redo: () => fm.redo(),
    save: () => fm.save(),
    // confirmSave('checklist') in the form mode confirms nothing (see the element's overloads).
    confirmSave: (mode?: unknown) => (mode && mode !== 'form' ? null : fm.confirmSave()),
    render: () => fm.render(),
    // A form's reset (and reset()) goes back to the definition first given, not to a checklist.
    reset: () => (fm.reset(), base.syncForm()),
    // 导出 JSON exports the definition.
    download: () => Promise.resolve(fm.download()),
    // The import reads a checklist from a document: it has no part in the form mode (and is not shown there).
    applyImport: () => false,
  };
  for (const [name, fn] of Object.entries(methods)) own(name, { value: (...args: unknown[]) => (form() ? fn(...args) : (proto[name] as (...a: unknown[]) => unknown).apply(host, args)) });
  const accessors: Record<string, [() => unknown, ((v: unknown) => void)?]> = {
    value: [() => fm.value, (v) => (fm.value = v)],
    saved: [() => fm.saved, (v) => (fm.saved = v)],
    canUndo: [() => fm.canUndo],
    canRedo: [() => fm.canRedo],
    previewUpdated: [() => fm.previewUpdated],
    rejectedValue: [() => fm.rejected],
  };
  for (const [name, [get, set]] of Object.entries(accessors))
    own(name, {
      get: () => (form() ? get() : Reflect.get(proto, name, host)),
      set: (v: unknown) => {
        if (form() && set) {
          set(v);
          base.syncForm();
        } else Reflect.set(proto, name, v, host);
      },
    });
  // Drafts: looked for after each update while the mode is 'form' (once per key).
  host.addController({ hostUpdated: () => form() && fm.checkDraft() });
  base.syncForm();
  host.requestUpdate();
  return fm;
}

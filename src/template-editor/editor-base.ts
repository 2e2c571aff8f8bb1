/**
 * The state under <xc-template-editor>: the template being edited and its undo history (each step
 * recorded with what it was, so an undo or redo can say it and focus what came back), the value
 * and the saved version as given (a value that is not a template refused), the draft kept and the
 * preview fed, and the status line. The element (xc-template-editor.ts) adds the public editing
 * steps, the save and the rendering; it is the one documented and registered.
 */
import { property, state } from 'lit/decorators.js';
import { XcFormElement } from '../base/form-element.js';
import { DraftController } from '../base/draft-controller.js';
import { resolveLocale } from '../core/i18n.js';
import type { ChecklistResponse, ChecklistTemplate, ChecklistTemplateSource } from '../core/checklist.js';
import { denormalizeTemplate } from '../core/template-shape.js';
import { EditHistory, usedIds, withRetired } from '../core/template-edit.js';
import type { ValidationResult } from '../core/validation-types.js';
import { asLang, editableTemplate, type Lang } from './outline.js';
import type { PendingSave } from './save-view.js';
import { PreviewController } from './preview.js';
import { emptyTemplate } from './names.js';
import { NAME } from './toolbar-view.js';
import type { TM } from './view.js';

/** The step that typing in one field makes: consecutive keystrokes in it are one undo step. */
interface Typing {
  key: string;
}

/** The template being edited, its history and what was given: see the element, `<xc-template-editor>`, for the public members. */
export abstract class TemplateEditorBase extends XcFormElement {
  protected _history = new EditHistory<ChecklistTemplate>(this._emptyTemplate());
  protected _typing: Typing | null = null;
  protected _initial: unknown = undefined;
  protected _rejected: unknown = null;
  protected _saved: ChecklistTemplate | null = null;
  protected _savedGiven = false;
  protected _validated: { template: ChecklistTemplate; lang: string; result: ValidationResult } | null = null;
  protected _focusAfter: { id: string; field: string } | null = null;
  /**
   * Bumped when the whole template is replaced or a step is undone or redone: every node renders
   * again, so a field the person typed in shows the value even when it equals what was last rendered.
   */
  protected _epoch = 0;

  /** What the step that made each template state was and the name of what it changed (for 已撤销：… / 已重做：…). */
  protected _steps = new WeakMap<ChecklistTemplate, { step: string; name?: string }>();

  @state() protected _status: { text: string; undo: boolean; name?: string } | null = null;
  @state() protected _editLang: Lang | '' = '';
  @state() protected _confirm: PendingSave | null = null;

  protected _drafts = new DraftController(this, {
    storage: () => this.env.drafts,
    value: () => this.formValue,
    version: () => this._history.current.version,
    now: () => this.env.now(),
  });

  /** The live preview (preview.ts). */
  protected _preview = new PreviewController(this);
  /** The value last given as it was (what the form mode starts from when it loads). */
  protected _given: unknown;

  /**
   * What is edited: a checklist template (`checklist`, the default) or an `<xc-form>` definition
   * (`form`: `value`, `save()`, `confirmSave()`, `undo()` and `redo()` then work on the definition,
   * and `xc-save`'s detail is `{ template, changes: { removed, added, relabelled } }`).
   */
  @property() mode: 'checklist' | 'form' = 'checklist';

  /**
   * The template being edited, as written (a focus area without groups holds its check points
   * directly). Set a template of either shape; anything else starts an empty one-focus-area
   * template. Unknown members are kept.
   */
  @property({ attribute: false })
  get value(): ChecklistTemplateSource {
    return denormalizeTemplate(this._history.current);
  }
  set value(v: ChecklistTemplateSource | ChecklistTemplate | null | undefined) {
    const old = this.value;
    this._given = v;
    // Not a template (a string, an object without focus areas, an OA reply's wrapper): refused, the template being edited and `saved` stay.
    if (this.mode !== 'form' && (v != null || this._initial != null) && !editableTemplate(v)) {
      this._rejected = v;
      this.dispatchEvent(new CustomEvent('xc-value-error', { bubbles: true, composed: true, detail: { errors: [{ path: 'sections', message: this.tm.teNotTemplate, keyword: 'type' }], value: v } }));
      return;
    }
    this._rejected = null;
    if (this._initial === undefined) this._initial = v ?? null;
    this._adopt(v);
    if (!this._savedGiven) this._saved = this._history.current;
    this.requestUpdate('value', old);
  }

  /**
   * The last `value` given that is not a checklist template (see `xc-value-error`), exactly as
   * given; `null` once a template is set. The template being edited stayed as it was.
   */
  get rejectedValue(): unknown {
    return this._rejected;
  }

  /** The last saved version, which 保存新版本 compares with (default: the first `value`). Set after a save. */
  @property({ attribute: false })
  get saved(): ChecklistTemplateSource | null {
    return this._saved ? denormalizeTemplate(this._saved) : null;
  }
  set saved(v: ChecklistTemplateSource | ChecklistTemplate | null | undefined) {
    const old = this.saved;
    this._savedGiven = v != null;
    this._saved = editableTemplate(v) ?? (this._savedGiven ? null : this._history.current);
    this.requestUpdate('saved', old);
  }

  /** Responses (工作底稿) made with the saved version: 保存新版本 says which of their answers would be kept aside. */
  @property({ attribute: false }) drafts: Pick<ChecklistResponse, 'items'>[] = [];

  /** Whether a step can be undone. */
  get canUndo(): boolean {
    return this._history.canUndo;
  }

  /** Whether an undone step can be redone. */
  get canRedo(): boolean {
    return this._history.canRedo;
  }

  /** The template as written (what a form submits and `value` gives). */
  override get formValue(): ChecklistTemplateSource {
    return this.value;
  }

  override isEmpty(): boolean {
    return false;
  }

  protected get tm(): TM {
    return resolveLocale(this.effectiveLang) as TM;
  }

  /** The language the text fields edit. */
  get editLang(): string {
    return this._editLang || asLang(this.effectiveLang);
  }
  set editLang(v: string) {
    this._editLang = asLang(v);
  }

  protected get _pLang(): Lang {
    return this._preview.lang || asLang(this.effectiveLang);
  }

  protected get _locked(): boolean {
    return this.readonly || this.isDisabled;
  }

  protected _emptyTemplate(): ChecklistTemplate {
    return emptyTemplate(resolveLocale(this?.effectiveLang ?? 'zh-CN') as TM);
  }

  /**
   * Start editing `v` (a new undo history). Ids the saved version of the same template retired stay
   * retired (and, with `keep`, those the template being edited retired): a node that has one gets a
   * fresh id.
   */
  protected _adopt(v: unknown, keep = false): void {
    const read = editableTemplate(v) ?? this._emptyTemplate();
    const was = this._history?.current;
    const retired = [...(this._saved?.id === read.id ? (this._saved.retiredIds ?? []) : []), ...(keep && was?.id === read.id ? (was.retiredIds ?? []) : [])];
    this._history = new EditHistory<ChecklistTemplate>(withRetired(read, retired));
    this._epoch++;
    this._typing = null;
    this._validated = null;
    this._preview.schedule(this._history.current);
  }

  /** Back to the value first given. */
  override reset(): void {
    this.submitted = false;
    this.shownErrors = [];
    // Ids deleted since (saved or not) stay deleted: the first value's nodes that had them get fresh ones.
    this._adopt(this._initial ?? null, true);
    this.syncForm();
    this.requestUpdate();
  }

  protected override restoreValue(value: unknown): void {
    this.value = value as ChecklistTemplateSource;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('input, textarea, button') ?? undefined;
  }

  /** Record a new template: one undo step (or, for typing in the same field, part of the last one). */
  protected _commit(next: ChecklistTemplate, reason: string, typing?: string, name?: string): boolean {
    if (next === this._history.current) return false;
    // Disabled (its own attribute or a fieldset) or read-only: no step is taken, whoever asks.
    if (this._locked) return false;
    if (typing && this._typing?.key === typing) this._history.current = next;
    else this._history.push(next);
    this._typing = typing ? { key: typing } : null;
    this._steps.set(next, { step: reason, name });
    this._changed(reason);
    return true;
  }

  protected _changed(reason: string): void {
    this._drafts.changed();
    this._confirm = null;
    this.syncForm();
    this.refreshShownErrors();
    this._preview.schedule(this._history.current);
    this.emitChange({ reason });
    this.requestUpdate();
  }

  /** Say what the last step did; with `name`, the message is a function of it and the name (data) is shown isolated (<bdi>). */
  protected _say(text: string | ((name: string) => string), undo = false, name?: string): void {
    this._status = typeof text === 'string' ? { text, undo } : { text: text(NAME), undo, name };
  }

  /** Undo the last step; false when there is none. */
  undo(): boolean {
    if (!this._history.canUndo || this._locked) return false;
    const before = this._history.current;
    this._history.undo();
    this._afterHistory(before, this._steps.get(before), this.tm.teUndoneStep, !this._history.canUndo && 'undo');
    this._changed('undo');
    return true;
  }

  /** Redo the last undone step; false when there is none. */
  redo(): boolean {
    if (!this._history.canRedo || this._locked) return false;
    const before = this._history.current;
    this._history.redo();
    this._afterHistory(before, this._steps.get(this._history.current), this.tm.teRedoneStep, !this._history.canRedo && 'redo');
    this._changed('redo');
    return true;
  }

  /**
   * After an undo or redo: say which step (已撤销：删除检查要点 1.3), and focus a node that came back
   * (a delete undone, an add redone) on its 上移 button — not a text field, so the next Ctrl+Z is
   * the editor's and not the browser's typing undo of that field. When the toolbar button used is
   * now disabled, focus goes to the other one instead of the page.
   */
  protected _afterHistory(before: ChecklistTemplate, step: { step: string; name?: string } | undefined, said: (what: string) => string, spent: 'undo' | 'redo' | false): void {
    const t = this.tm;
    this._typing = null;
    this._epoch++;
    const verb = t.teStep[step?.step === 'edit' && !step.name ? 'template' : (step?.step ?? '')] ?? '';
    if (step?.name !== undefined) this._say((n) => said(verb + n), false, step.name);
    else this._say(verb ? said(verb) : said === t.teRedoneStep ? t.teRedone : t.teUndone);
    const had = usedIds({ ...before, retiredIds: [] });
    for (const s of this._history.current.sections)
      for (const g of s.groups)
        for (const p of [s, ...(g.implicit ? [] : [g]), ...g.items])
          if (!had.has(p.id)) return void (this._focusAfter = { id: p.id, field: 'up' });
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (spent && active?.classList.contains(spent) && active.closest('.toolbar')) this._focusAfter = { id: '', field: 'history' };
  }

}

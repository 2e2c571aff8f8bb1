/**
 * <xc-template-editor>: 巡察办 staff author their own checklist templates — focus areas, groups and
 * check points with reordering (buttons, Alt+Arrow, drag and drop), duplicate and delete with
 * undo, the option lists and rules, import from a document's text or a .docx, a live preview (the
 * real <xc-checklist>), errors at the field, and a new version saved with what it changes. The
 * editing steps are src/core/template-edit.ts and the import src/core/template-import.ts. This file
 * holds the public steps, the save and the lifecycle; the template, its undo history, the value
 * and the saved version as given, the draft and the status are editor-base.ts (the class it
 * extends); its parts are beside it: outline-view.ts (template info, focus areas, groups, check points), lists-view.ts (the option
 * lists and rules), import-view.ts (从文档导入), preview.ts (the live preview), moves.ts (keyboard
 * and drag and drop), toolbar-view.ts (toolbar and status line) and names.ts; and,
 * loaded after the first frame (check.ts), errors.ts (the meta-schema's errors worded for authors,
 * members.ts naming the members it does not know) and save-view.ts (the save's review).
 */
import { html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../base/define.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { offerText } from '../base/save-text.js';
import { lazy } from '../base/lazy.js';
import { tokens } from '../base/styles.js';
import { extendLocale } from '../core/i18n.js';
import { textOf } from '../core/text.js';
import type { ChecklistTemplate, TemplateOption } from '../core/checklist.js';
import { denormalizeTemplate } from '../core/template-shape.js';
import {
  addNode,
  duplicateNode,
  findNode,
  moveNode,
  removeNode,
  replaceTemplate,
  updateNode,
  withRetired,
  type TemplateNodeKind,
  type TemplateNodePatch,
} from '../core/template-edit.js';
import type { TemplateImport } from '../core/template-import.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import templateEditorZhCN from '../core/locales/template-editor.zh-CN.js';
import type { TemplateSaveDetail } from '../events/xc-save.js';
import type { FormSaveDetail } from './form-mode.js';
import { asLang, editableTemplate, freshOptionValue, optionValues, type OptionList } from './outline.js';
import { templateEditorStyles } from './xc-template-editor.styles.js';
import { TemplateEditorBase } from './editor-base.js';
import type { EditorView } from './view.js';
import { renderInfo, renderOutline } from './outline-view.js';
import { renderLists, withoutOption } from './lists-view.js';
import { ImportController } from './import-view.js';
import { EditorMoves, focusAfterStep } from './moves.js';
import { nameOf } from './names.js';
import { exportName, renderStatus, renderToolbar } from './toolbar-view.js';

export type { TemplateSaveDetail };

// The editor's words join the registry with the element (pages without it do not carry them).
extendLocale(templateEditorZhCN, { en: () => import('../core/locales/template-editor.en.js') });

/** The meta-schema check, its errors for authors and the save's review (check.ts): loaded when the editor connects, not with the page. */
const loadReader = lazy(() => import('./check.js'));
let reader: typeof import('./check.js') | undefined;
/**
 * The form-definition mode (form-mode.ts): a chunk of its own, loaded the first time `mode` is
 * 'form'; it then answers `value`, the steps, the save and the rendering while the mode is 'form'.
 */
const loadFormMode = lazy(() => import('./form-mode.js'));

/**
 * The checklist template editor (监督检查清单模板编辑), for 巡察办 staff who write the checklist of a
 * round themselves: the template's focus areas (聚焦方向), groups and check points (检查要点) as a
 * form of labelled fields (title, number; a check point's text, hint and default category), each
 * with 上移 / 下移 / 复制 / 删除 and 添加… buttons, Alt+ArrowUp/Down to move the focused entry (focus
 * follows it) and a drag handle (native drag and drop). A delete says so with 撤销; Ctrl+Z and
 * Ctrl+Shift+Z / Ctrl+Y undo and redo when focus is in the editor but not in a text field (text
 * fields keep their own undo). The findings (which records a problem), methods, evidence kinds,
 * categories and scopes are lists to add to, rename and delete from, their values stable ids; the
 * rules are checkboxes. Text fields edit the language chosen under 编辑语言 (the other language's
 * text is kept).
 *
 * Ids never change with wording, and a deleted id is never given again (`retiredIds`).
 * 保存新版本 checks the template against the meta-schema (errors at the fields and in a summary that
 * takes focus), then shows what changes — check points removed, added and reworded, the new
 * version, and for each of `drafts` the answers that would be kept aside — and on confirmation
 * fires `xc-save`. 从文档导入 reads pasted text or a .docx into a template, showing the counts and
 * what could not be placed before anything is replaced (one undoable step). The preview beside it
 * (below on a narrow screen) is the real `<xc-checklist>`, in zh-CN or English, updated at most
 * once a frame. 导出 JSON downloads the template (a checklist template needs nothing precompiled,
 * even under a strict CSP). With `draft-key` the template being edited is kept as a draft and offered
 * again after a reload.
 *
 * @customElement xc-template-editor
 * @tag xc-template-editor
 *
 * @fires xc-change - The template changed. `detail: { value, reason }` (`value`: the template as written; `reason`: `edit` | `add` | `move` | `duplicate` | `delete` | `undo` | `redo` | `import` | `restore` | `list` | `rules` | `save`).
 * @fires xc-save - A new version was confirmed. `detail: { template, changes }`: the template as written (version bumped, `retiredIds` kept) and what changed (`removed`, `added`, `reworded`, `nextVersion`).
 * @fires xc-export - The JSON is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'json', filename, text }`.
 * @fires xc-invalid - 保存新版本 found errors. `detail: { errors }`.
 * @fires xc-value-error - A `value` was given that is not a checklist template (null after a template, a string, an object without `sections`): nothing changed, it is kept in `rejectedValue`. `detail: { errors, value }`.
 *
 * @slot header - Shown under the title (e.g. which round the template is for).
 *
 * @csspart editor - The editing column.
 * @csspart toolbar - Undo, redo, the editing language, save and export.
 * @csspart outline - The focus areas, groups and check points.
 * @csspart lists - The option lists and the rules.
 * @csspart import - 从文档导入.
 * @csspart confirm - The confirm step of a save.
 * @csspart status - What the last step did (with 撤销 after a delete).
 * @csspart preview - The live preview.
 * @csspart error-summary - The error summary.
 * @csspart draft-banner - Draft restore / storage notices.
 *
 * @cssprop --xc-font-size - Base font size.
 * @cssprop --xc-color-primary - Main accent colour.
 * @cssprop --xc-color-border - Border colour of controls and boxes.
 * @cssprop --xc-color-surface-alt - Background of focus areas and the preview.
 * @cssprop --xc-template-editor-preview-width - Width of the preview column on wide screens (default 40%).
 */
export class XcTemplateEditor extends TemplateEditorBase {
  static override styles = [tokens, templateEditorStyles];

  /** 从文档导入 (import-view.ts). */
  private _imports: ImportController = new ImportController(this, () => this.tm.teImportFileError);
  /** Keyboard and drag-and-drop moves (moves.ts). */
  private _moves = new EditorMoves({
    root: () => this.renderRoot,
    current: () => this._history.current,
    locked: () => this._locked,
    moveEntry: (id, delta, field) => this.moveEntry(id, delta, field),
    undo: () => this.undo(),
    redo: () => this.redo(),
    moved: (next, id) => {
      const name = nameOf(this.tm, next, id, this.editLang);
      this._commit(next, 'move', undefined, name);
      this._say(this.tm.teMoved, false, name);
    },
    keepFocus: (on) => {
      this._focusAfter ??= on;
    },
  });

  // --- Validation ------------------------------------------------------------------------------

  /** Check the template against the meta-schema (errors name the field; messages for authors, see errors.ts). */
  override validate(): ValidationResult {
    const template = this._history.current;
    const lang = this.effectiveLang;
    if (this._validated?.template === template && this._validated.lang === lang) return this._validated.result;
    if (!reader) return { valid: true, errors: [] };
    const written = denormalizeTemplate(template);
    const read = reader.readChecklistTemplate(written, lang);
    const result: ValidationResult = read.ok ? { valid: true, errors: [] } : { valid: false, errors: reader.explainErrors(this.tm, template, written, read.errors) };
    this._validated = { template, lang, result };
    return result;
  }

  /** The DOM id of the control an error points at, if shown (errors come from the check, so it is loaded). */
  private _domIdOf(e: FieldError): string | undefined {
    return reader?.domIdOf(this._history.current, reader.placeOf(e.path));
  }

  // --- Steps (also for hosts and tests) -------------------------------------------------------

  /** Add a focus area, group or check point (see `addNode`); focus goes to its first field. Returns its id. */
  addEntry(kind: TemplateNodeKind, parentId?: string, index?: number): string | null {
    const r = addNode(this._history.current, kind, { parentId, index });
    const name = r ? nameOf(this.tm, r.template, r.id, this.editLang) : '';
    if (!r || !this._commit(r.template, 'add', undefined, name)) return null;
    this._focusAfter = { id: r.id, field: kind === 'item' ? 'text' : 'title' };
    // A group's title is required: its field takes focus, and that is said.
    if (kind === 'group') this._say(this.tm.teGroupAdded, false, name);
    return r.id;
  }

  /** Change a node's fields; text fields of `lang` (default the editing language) keep the other language. */
  editEntry(id: string, patch: TemplateNodePatch, typing?: string): void {
    const next = updateNode(this._history.current, id, patch);
    this._commit(next, 'edit', typing, nameOf(this.tm, next, id, this.editLang));
  }

  /** Move a node one place (crossing into the neighbouring group at the edge); focus follows it. */
  moveEntry(id: string, delta: -1 | 1, field = 'up'): boolean {
    const next = moveNode(this._history.current, id, delta);
    if (next === this._history.current) {
      this._say(this.tm.teCannotMove);
      return false;
    }
    const name = nameOf(this.tm, next, id, this.editLang);
    if (!this._commit(next, 'move', undefined, name)) return false;
    this._focusAfter = { id, field };
    this._say(this.tm.teMoved, false, name);
    return true;
  }

  /** Duplicate a node (fresh ids) right after it; returns the copy's id. */
  duplicateEntry(id: string): string | null {
    const r = duplicateNode(this._history.current, id);
    const name = r ? nameOf(this.tm, r.template, r.id, this.editLang) : '';
    if (!r || !this._commit(r.template, 'duplicate', undefined, name)) return null;
    const at = findNode(r.template, r.id);
    this._focusAfter = { id: r.id, field: at?.kind === 'item' ? 'text' : 'title' };
    this._say(this.tm.teDuplicated, false, name);
    return r.id;
  }

  /** Delete a node (its ids are retired); says so with 撤销. False when it is the last of its kind. */
  deleteEntry(id: string): boolean {
    const name = nameOf(this.tm, this._history.current, id, this.editLang);
    const cur = this._history.current;
    const r = removeNode(cur, id);
    if (!r.removed.length) {
      // Said for what it is: the last focus area, the last group of a focus area, the last check point of a group or of a focus area without groups.
      const at = findNode(cur, id);
      this._say(this.tm.teCannotDeleteLast[at?.kind === 'item' && cur.sections[at.section]!.groups[at.group]!.implicit ? 'point' : (at?.kind ?? 'section')]!);
      return false;
    }
    if (!this._commit(r.template, 'delete', undefined, name)) return false;
    this._say(this.tm.teDeleted, true, name);
    this._focusAfter = { id: '', field: 'status-undo' };
    return true;
  }

  /** Change the template's own members (title, id, description, rules…). */
  editTemplate(patch: Partial<ChecklistTemplate>, reason = 'edit', typing?: string): void {
    const next = { ...this._history.current, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[k];
    this._commit(next, reason, typing);
  }

  /** Add an option to a list (a fresh stable value); returns the value ('' when disabled or read-only: nothing is added). */
  addOption(list: OptionList): string {
    if (this._locked) return '';
    const cur = this._history.current;
    const value = freshOptionValue(list, optionValues(list, cur, this._saved));
    const entries = [...((cur[list] as TemplateOption[] | undefined) ?? []), { value, label: '' }];
    this.editTemplate({ [list]: entries }, 'list');
    this._focusAfter = { id: `option:${list}`, field: String(entries.length - 1) };
    return value;
  }

  /** Delete an option; a deleted category is taken off the check points that had it. */
  removeOption(list: OptionList, index: number): void {
    const r = withoutOption(this._history.current, list, index);
    const name = r ? textOf(r.gone.label, this.editLang) || r.gone.value : '';
    if (!r || !this._commit(r.template, 'list', undefined, name)) return;
    this._steps.set(r.template, { step: 'delete', name });
    this._say(this.tm.teDeleted, true, name);
    this._focusAfter = { id: '', field: 'status-undo' };
  }

  /**
   * 移除未知项: delete `member`, one the template format does not name, from the object at `path`
   * of the template as written (`sections.1.groups.0`; '' for the template itself), as one undoable
   * step. False when there is no such unknown member there.
   */
  removeUnknown(path: string, member: string): boolean {
    if (!reader?.unknownMembersAt(this.value, path).includes(member)) return false;
    const written = JSON.parse(JSON.stringify(this.value)) as Record<string, unknown>;
    const at = (path ? path.split('.') : []).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, written);
    delete at[member];
    const read = editableTemplate(written);
    if (!read || !this._commit(read, 'edit', undefined, member)) return false;
    this._steps.set(read, { step: 'unknown', name: member });
    this._say(this.tm.teUnknownRemoved, false, member);
    this._focusAfter = { id: '', field: 'history' };
    return true;
  }

  /** Export the template as JSON (fires cancelable `xc-export`, then downloads). Resolves whether the download started. */
  async download(format: 'json' = 'json'): Promise<boolean> {
    const written = this.value;
    return offerText(this, format, `${exportName(this.tm, written.id)}.json`, `${JSON.stringify(written, null, 2)}\n`, 'application/json');
  }

  /** Read text (a document's) into a proposed template, shown with its counts and what could not be placed; nothing is replaced yet. */
  async readImport(text = this._imports.text): Promise<TemplateImport> {
    return this._imports.read(text, denormalizeTemplate(this._history.current));
  }

  /** Replace the template with the import read (one undoable step). False, and said, when the import has no check point to replace it with. */
  applyImport(): boolean {
    const imp = this._imports.result;
    const read = imp && editableTemplate(imp.template);
    if (!read) return false;
    const next = replaceTemplate(this._history.current, read);
    const points = next.sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.items.length, 0), 0);
    if (!points) {
      this._say(this.tm.teImportNone);
      return false;
    }
    if (this._locked) return false;
    this._imports.applied();
    this._commit(next, 'import');
    this._say(this.tm.teImportDone(points));
    this._focusAfter = { id: next.sections[0]!.id, field: 'title' };
    return true;
  }

  /**
   * 保存新版本: check the template (errors at the fields, the summary takes focus) and show what the
   * new version changes and which draft answers would be kept aside. Resolves false when invalid.
   */
  async save(): Promise<boolean> {
    // Disabled or read-only: no new version, whoever asks.
    if (this._locked) return false;
    reader ??= await loadReader();
    this._validated = null;
    if (!(await this.reportValidity())) return false;
    const review = reader.reviewSave(this.tm, this._history.current, this._saved, this.drafts);
    if (!review) {
      this._say(this.tm.teNoChanges);
      return true;
    }
    this._confirm = review;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#te-confirm-title')?.focus();
    return true;
  }

  /** Confirm the save shown: fires `xc-save` and makes this version the saved one. Returns what was saved, or null. */
  confirmSave(mode?: 'checklist'): TemplateSaveDetail | null;
  /** In the form mode what is saved is a definition: `confirmSave('form')` is typed {@link FormSaveDetail} (null when the element is not in that mode). */
  confirmSave(mode: 'form'): FormSaveDetail | null;
  confirmSave(mode?: 'checklist' | 'form'): TemplateSaveDetail | FormSaveDetail | null {
    if (mode && mode !== this.mode) return null;
    const c = this._confirm;
    if (!c || this._locked) return null;
    const detail: TemplateSaveDetail = { template: c.template, changes: c.changes };
    this._history.current = editableTemplate(c.template)!;
    this._saved = this._history.current;
    this._savedGiven = true;
    this._confirm = null;
    this._typing = null;
    this.dispatchEvent(new CustomEvent('xc-save', { bubbles: true, composed: true, detail }));
    this._drafts.clear();
    this.syncForm();
    this._preview.schedule(this._history.current);
    this._say(this.tm.teSaved(c.changes.nextVersion));
    // The confirm step goes: focus back to 保存新版本 (not to the page).
    this._focusAfter = { id: '', field: 'save' };
    this.emitChange({ reason: 'save' });
    this.requestUpdate();
    return detail;
  }

  /** 取消 (or Escape) in the confirm step: it closes and focus goes back to 保存新版本. */
  private _closeConfirm(): void {
    this._confirm = null;
    this._focusAfter = { id: '', field: 'save' };
  }

  /** Resolves when the preview shows the template as it is now (for hosts and tests). */
  get previewUpdated(): Promise<void> {
    return this._preview.updated;
  }

  // --- Lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this._moves.keydown);
    void loadReader().then((m) => {
      reader = m;
      this._validated = null;
      this.syncForm();
    }, () => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this._moves.keydown);
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this._preview.start();
    this.syncForm();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('readonly')) this.syncForm();
    if (changed.has('draftKey') || changed.has('value')) this._drafts.check();
    const f = this._focusAfter;
    this._focusAfter = null;
    if (f) focusAfterStep(this.renderRoot as ShadowRoot, f);
    if (this.mode === 'form') void loadFormMode().then((m) => m.attachFormMode(this, this._given));
  }

  // --- Rendering -------------------------------------------------------------------------------

  /** This render's view for the parts (outline-view.ts, lists-view.ts). */
  private _view(): EditorView {
    const errs = new Map<string, string>();
    const unknown: EditorView['unknown'] = new Map();
    for (const e of this.shownErrors) {
      const members = e.keyword === 'additionalProperties' && reader ? reader.unknownMembersAt(this.value, e.path) : [];
      // The template's own unknown members are named (with 移除未知项) at its title.
      const id = members.length && !e.path ? 'tpl-title' : this._domIdOf(e);
      if (id && !errs.has(id)) errs.set(id, e.message);
      if (id && members.length) unknown.set(id, { path: e.path, members });
    }
    return { t: this.tm, lang: this.effectiveLang, editLang: asLang(this.editLang), epoch: this._epoch, tpl: this._history.current, errs, unknown, locked: this._locked, steps: this, moves: this._moves };
  }

  protected override render() {
    // The form mode draws itself once loaded (form-mode.ts).
    if (this.mode === 'form') return nothing;
    const v = this._view();
    const { t, locked } = v;
    return html`<div class="layout">
      <div class="editor" part="editor">
        <h2 class="title">${t.teTitle}</h2>
        <slot name="header"></slot>
        <div class="drafts">${renderDraftBanner(this._drafts, t, v.lang, (d) => {
          if (d === undefined) return;
          const read = editableTemplate(d);
          if (!read) return;
          // An older draft does not bring back an id deleted since.
          this._commit(withRetired(read, [...(this._saved?.retiredIds ?? []), ...(this._history.current.retiredIds ?? [])]), 'restore');
          // The banner goes: say so, and focus 撤销 (the restore can be undone), not the page.
          this._say(t.teDraftRestored);
          this._focusAfter = { id: '', field: 'history' };
        }, this._draftDeclined)}</div>
        ${renderErrorSummary(this.shownErrors, t, (e) => this._resolve(e), (e) => this._domIdOf(e) ?? 'te-info')}
        ${renderToolbar(t, locked, v.editLang, this)}
        ${renderStatus(t, this._status, this._history.canUndo, () => this.undo())}
        ${this._confirm && reader ? reader.renderConfirm(t, this._confirm, this._saved, this.editLang, locked, () => this.confirmSave(), () => this._closeConfirm()) : nothing}
        ${this._renderChecklistMode(v)}
      </div>
      ${this._preview.render(t, this._pLang)}
    </div>`;
  }

  /** The checklist template's own editing: its info, the outline, the lists and rules and the import (nothing to precompile: <xc-checklist> checks a template with its bundled validator). */
  private _renderChecklistMode(v: EditorView) {
    return html`${renderInfo(v)} ${renderOutline(v)} ${renderLists(v)} ${this._imports.render(v.t, v.locked, () => this.applyImport())}`;
  }

  /** 放弃草稿: the banner goes; say so, and focus the toolbar, not the page. */
  private _draftDeclined = (): void => {
    this._say(this.tm.teDraftDiscarded);
    this._focusAfter = { id: '', field: 'history' };
    this.requestUpdate();
  };

  private _resolve(e: FieldError): HTMLElement | undefined {
    const id = this._domIdOf(e);
    return (id && (this.renderRoot as ShadowRoot).getElementById(id)) || undefined;
  }
}

defineElement('xc-template-editor', XcTemplateEditor);

declare global {
  interface HTMLElementTagNameMap {
    'xc-template-editor': XcTemplateEditor;
  }
}

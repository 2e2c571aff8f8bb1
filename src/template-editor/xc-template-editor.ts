/**
 * <xc-template-editor>: 巡察办 staff author their own checklist templates — focus areas, groups and
 * check points with reordering (buttons, Alt+Arrow, drag and drop), duplicate and delete with
 * undo, the option lists and rules, import from a document's text or a .docx, a live preview (the
 * real <xc-checklist>), errors at the field, and a new version saved with what it changes. The
 * editing steps are src/core/template-edit.ts and the import src/core/template-import.ts; this
 * file only shows them.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { XcFormElement } from '../base/form-element.js';
import { defineElement } from '../base/define.js';
import { DraftController } from '../base/draft-controller.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary, renderFieldError } from '../base/error-summary.js';
import { offerText } from '../base/save-text.js';
import { lazy } from '../base/lazy.js';
import { tokens } from '../base/styles.js';
import { extendLocale, resolveLocale, type Messages } from '../core/i18n.js';
import { textOf, type LocalizedText } from '../core/text.js';
import type { CheckGroup, CheckSection, ChecklistResponse, ChecklistTemplate, ChecklistTemplateSource, FindingOption, TemplateOption } from '../core/checklist.js';
import { denormalizeTemplate } from '../core/template-shape.js';
import {
  EditHistory,
  addNode,
  answersKeptAside,
  duplicateNode,
  findNode,
  moveNode,
  moveTo,
  removeNode,
  setText,
  templateChanges,
  updateNode,
  usedIds,
  type TemplateChanges,
  type TemplateNodeKind,
  type TemplateNodePatch,
} from '../core/template-edit.js';
import type { TemplateImport } from '../core/template-import.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import templateEditorZhCN, { type TemplateEditorMessages } from '../core/locales/template-editor.zh-CN.js';
import type { TemplateSaveDetail } from '../events/xc-save.js';
import { OPTION_LISTS, editableTemplate, exactText, freshOptionValue, isEmptyText, optionValues, patchVersion, placeOf, valueAt, type OptionList } from './outline.js';
import { templateEditorStyles } from './xc-template-editor.styles.js';

export type { TemplateSaveDetail };

// The editor's words join the registry with the element (pages without it do not carry them).
extendLocale(templateEditorZhCN, { en: () => import('../core/locales/template-editor.en.js') });

type TM = Messages & TemplateEditorMessages;

/** The meta-schema check (a precompiled validator): loaded when the editor connects, not with the page. */
const loadReader = lazy(() => import('../core/checklist-template.js'));
let reader: typeof import('../core/checklist-template.js') | undefined;
/** The import from a document's text: loaded on the first import. */
const loadImport = lazy(() => import('../core/template-import.js'));
/** A .docx's text: loaded only when a .docx is opened. */
const loadDocx = lazy(() => import('../core/docx-text.js'));
/** The preview: the real <xc-checklist>, loaded after the editor's first frame. */
const loadPreview = lazy(() => import('../checklist/index.js'));

/** Check points above which the preview waits for a pause in the typing (showing a bigger template again takes the checklist more than a frame). */
const BIG_TEMPLATE = 300;
/** The pause (ms) after the last change before a big template's preview follows. */
const TYPING_PAUSE = 300;

/** The languages the editor edits and previews. */
const LANGS = ['zh-CN', 'en'] as const;
type Lang = (typeof LANGS)[number];
const asLang = (l: string): Lang => (l.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

/** A DOM id for a node's field, by indexes (ids of a template may hold any character). */
const fieldId = (s: number, g: number, i: number, field: string) => `n${s}-${g}-${i}-${field}`;
const optionId = (list: string, i: number, field: string) => `o-${list}-${i}-${field}`;

/** The step that typing in one field makes: consecutive keystrokes in it are one undo step. */
interface Typing {
  key: string;
}

/** The confirm step of a save. */
interface PendingSave {
  template: ChecklistTemplateSource;
  changes: TemplateChanges;
  from: string;
  keptAside: { draft: number; name: string; ids: string[] }[];
}

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
 * once a frame. 导出 JSON downloads the template; the precompile command for a strict-CSP host is
 * shown beside it. With `draft-key` the template being edited is kept as a draft and offered
 * again after a reload.
 *
 * @customElement xc-template-editor
 * @tag xc-template-editor
 *
 * @fires xc-change - The template changed. `detail: { value, reason }` (`value`: the template as written; `reason`: `edit` | `add` | `move` | `duplicate` | `delete` | `undo` | `redo` | `import` | `restore` | `list` | `rules` | `save`).
 * @fires xc-save - A new version was confirmed. `detail: { template, changes }`: the template as written (version bumped, `retiredIds` kept) and what changed (`removed`, `added`, `reworded`, `nextVersion`).
 * @fires xc-export - The JSON is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'json', filename, text }`.
 * @fires xc-invalid - 保存新版本 found errors. `detail: { errors }`.
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
export class XcTemplateEditor extends XcFormElement {
  static override styles = [tokens, templateEditorStyles];

  private _history = new EditHistory<ChecklistTemplate>(this._emptyTemplate());
  private _typing: Typing | null = null;
  private _initial: unknown = undefined;
  private _saved: ChecklistTemplate | null = null;
  private _savedGiven = false;
  private _validated: { template: ChecklistTemplate; lang: string; result: ValidationResult } | null = null;
  private _focusAfter: { id: string; field: string } | null = null;
  private _dragId = '';
  private _previewFrame = 0;
  private _previewTimer: ReturnType<typeof setTimeout> | undefined;
  private _previewTemplate: ChecklistTemplateSource | null = null;
  /**
   * Bumped when the whole template is replaced or a step is undone or redone: every node renders
   * again, so a field the person typed in shows the value even when it equals what was last rendered.
   */
  private _epoch = 0;

  @state() private _status: { text: string; undo: boolean } | null = null;
  @state() private _editLang: Lang | '' = '';
  @state() private _previewLang: Lang | '' = '';
  @state() private _previewReady = false;
  @state() private _importText = '';
  @state() private _import: TemplateImport | null = null;
  @state() private _importError = '';
  @state() private _confirm: PendingSave | null = null;

  private _drafts = new DraftController(this, {
    storage: () => this.env.drafts,
    value: () => this.formValue,
    version: () => this._history.current.version,
    now: () => this.env.now(),
  });

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
    if (this._initial === undefined) this._initial = v ?? null;
    this._adopt(v);
    if (!this._savedGiven) this._saved = this._history.current;
    this.requestUpdate('value', old);
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

  private get tm(): TM {
    return resolveLocale(this.effectiveLang) as TM;
  }

  /** The language the text fields edit. */
  get editLang(): string {
    return this._editLang || asLang(this.effectiveLang);
  }
  set editLang(v: string) {
    this._editLang = asLang(v);
  }

  private get _pLang(): Lang {
    return this._previewLang || asLang(this.effectiveLang);
  }

  private _emptyTemplate(): ChecklistTemplate {
    const t = resolveLocale(this?.effectiveLang ?? 'zh-CN') as TM;
    return {
      id: 'checklist',
      version: '1.0.0',
      title: '',
      findings: [
        { value: 'problem', label: t.teNewFindingProblem ?? templateEditorZhCN.teNewFindingProblem, isProblem: true },
        { value: 'none', label: t.teNewFindingOk ?? templateEditorZhCN.teNewFindingOk },
        { value: 'na', label: t.teNewFindingNa ?? templateEditorZhCN.teNewFindingNa },
      ],
      sections: [{ id: 'f1', title: '', groups: [{ id: 'f1g1', title: '', items: [{ id: 'f1g1-01', text: '' }] }] }],
    };
  }

  private _adopt(v: unknown): void {
    this._history = new EditHistory<ChecklistTemplate>(editableTemplate(v) ?? this._emptyTemplate());
    this._epoch++;
    this._typing = null;
    this._validated = null;
    this._schedulePreview();
  }

  // --- Validation ------------------------------------------------------------------------------

  /** Check the template against the meta-schema (errors name the field; messages for authors). */
  override validate(): ValidationResult {
    const template = this._history.current;
    const lang = this.effectiveLang;
    if (this._validated?.template === template && this._validated.lang === lang) return this._validated.result;
    if (!reader) return { valid: true, errors: [] };
    const read = reader.readChecklistTemplate(denormalizeTemplate(template), lang);
    const result: ValidationResult = read.ok ? { valid: true, errors: [] } : { valid: false, errors: this._explain(read.errors) };
    this._validated = { template, lang, result };
    return result;
  }

  /** Clear messages for the common cases; one error a field. */
  private _explain(errors: FieldError[]): FieldError[] {
    const t = this.tm;
    const written = denormalizeTemplate(this._history.current);
    const seen = new Set<string>();
    const out: FieldError[] = [];
    for (const e of errors) {
      const place = placeOf(e.path);
      const last = e.path.split('.').filter((k) => !/^\d+$/.test(k)).pop() ?? '';
      const key = this._domIdOf(place) ?? e.path;
      if (seen.has(key)) continue;
      seen.add(key);
      let message = e.message;
      const here = place.at === 'node' || place.at === 'option' || place.at === 'template' ? place.field : '';
      const fieldPath = here && !e.path.endsWith(`.${here}`) && e.path !== here ? e.path.slice(0, e.path.lastIndexOf(`.${here}.`) + here.length + 1) : e.path;
      const v = valueAt(written, fieldPath);
      if ((here === 'text' || here === 'title' || here === 'label') && isEmptyText(v)) message = here === 'text' ? t.teErrEmptyText : here === 'label' ? t.teErrEmptyLabel : t.teErrEmptyTitle;
      else if ((here === 'id' || here === 'value' || last === 'retiredIds') && e.keyword !== 'uniqueId') message = t.teErrBadId;
      else if (place.at === 'option' && place.list === 'findings' && place.index < 0) message = t.teErrFindings;
      out.push({ ...e, message });
    }
    return out;
  }

  /** The control an error place points at (its DOM id), if shown. */
  private _domIdOf(place: ReturnType<typeof placeOf>): string | undefined {
    if (place.at === 'node') {
      const field = place.field === 'id' ? (place.item >= 0 ? 'text' : 'title') : place.field;
      const s = this._history.current.sections[place.section];
      const implicit = place.group >= 0 && s?.groups[place.group]?.implicit;
      // A focus area without groups: its title errors go to the focus area's.
      return fieldId(place.section, place.item < 0 && implicit ? -1 : place.group, place.item, field);
    }
    if (place.at === 'option') return place.index < 0 ? `o-${place.list}-add` : optionId(place.list, place.index, place.field === 'value' || place.field === 'isProblem' ? 'label' : place.field);
    if (place.at === 'template') return `tpl-${place.field === 'source' || place.field === 'version' ? 'id' : place.field}`;
    return undefined;
  }

  /** Back to the value first given. */
  override reset(): void {
    this.submitted = false;
    this.shownErrors = [];
    this._adopt(this._initial ?? null);
    this.syncForm();
    this.requestUpdate();
  }

  protected override restoreValue(value: unknown): void {
    this.value = value as ChecklistTemplateSource;
  }

  protected override validationAnchor(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('input, textarea, button') ?? undefined;
  }

  // --- Steps (also for hosts and tests) -------------------------------------------------------

  /** Record a new template: one undo step (or, for typing in the same field, part of the last one). */
  private _commit(next: ChecklistTemplate, reason: string, typing?: string): boolean {
    if (next === this._history.current) return false;
    // Disabled (its own attribute or a fieldset) or read-only: no step is taken, whoever asks.
    if (this._locked) return false;
    if (typing && this._typing?.key === typing) this._history.current = next;
    else this._history.push(next);
    this._typing = typing ? { key: typing } : null;
    this._changed(reason);
    return true;
  }

  private _changed(reason: string): void {
    this._drafts.changed();
    this._confirm = null;
    this.syncForm();
    this.refreshShownErrors();
    this._schedulePreview();
    this.emitChange({ reason });
    this.requestUpdate();
  }

  private _say(text: string, undo = false): void {
    this._status = { text, undo };
  }

  /** Undo the last step; false when there is none. */
  undo(): boolean {
    if (!this._history.canUndo || this._locked) return false;
    const before = this._history.current;
    this._history.undo();
    this._typing = null;
    this._epoch++;
    this._focusBack(before);
    this._say(this.tm.teUndone);
    this._changed('undo');
    return true;
  }

  /** Redo the last undone step; false when there is none. */
  redo(): boolean {
    if (!this._history.canRedo || this._locked) return false;
    this._history.redo();
    this._typing = null;
    this._epoch++;
    this._say(this.tm.teRedone);
    this._changed('redo');
    return true;
  }

  /** After an undo: focus a node that came back (a delete undone). */
  private _focusBack(before: ChecklistTemplate): void {
    const had = usedIds({ ...before, retiredIds: [] });
    const now = this._history.current;
    for (const s of now.sections)
      for (const g of s.groups)
        for (const p of [s, ...(g.implicit ? [] : [g]), ...g.items])
          if (!had.has(p.id)) {
            this._focusAfter = { id: p.id, field: 'text' in p ? 'text' : 'title' };
            return;
          }
  }

  /** Add a focus area, group or check point (see `addNode`); focus goes to its first field. Returns its id. */
  addEntry(kind: TemplateNodeKind, parentId?: string, index?: number): string | null {
    const r = addNode(this._history.current, kind, { parentId, index });
    if (!r || !this._commit(r.template, 'add')) return null;
    this._focusAfter = { id: r.id, field: kind === 'item' ? 'text' : 'title' };
    return r.id;
  }

  /** Change a node's fields; text fields of `lang` (default the editing language) keep the other language. */
  editEntry(id: string, patch: TemplateNodePatch, typing?: string): void {
    this._commit(updateNode(this._history.current, id, patch), 'edit', typing);
  }

  /** Move a node one place (crossing into the neighbouring group at the edge); focus follows it. */
  moveEntry(id: string, delta: -1 | 1, field = 'up'): boolean {
    const next = moveNode(this._history.current, id, delta);
    if (next === this._history.current) {
      this._say(this.tm.teCannotMove);
      return false;
    }
    if (!this._commit(next, 'move')) return false;
    this._focusAfter = { id, field };
    this._say(this.tm.teMoved(this._nameOf(id)));
    return true;
  }

  /** Duplicate a node (fresh ids) right after it; returns the copy's id. */
  duplicateEntry(id: string): string | null {
    const r = duplicateNode(this._history.current, id);
    if (!r || !this._commit(r.template, 'duplicate')) return null;
    const at = findNode(r.template, r.id);
    this._focusAfter = { id: r.id, field: at?.kind === 'item' ? 'text' : 'title' };
    return r.id;
  }

  /** Delete a node (its ids are retired); says so with 撤销. False when it is the last of its kind. */
  deleteEntry(id: string): boolean {
    const name = this._nameOf(id);
    const r = removeNode(this._history.current, id);
    if (!r.removed.length) {
      this._say(this.tm.teCannotDelete);
      return false;
    }
    if (!this._commit(r.template, 'delete')) return false;
    this._say(this.tm.teDeleted(name), true);
    this._focusAfter = { id: '', field: 'status-undo' };
    return true;
  }

  /** What a node is called in messages: its kind and number, and its text's start. */
  private _nameOf(id: string): string {
    const t = this.tm;
    const tpl = this._history.current;
    const at = findNode(tpl, id);
    if (!at) return id;
    const s = tpl.sections[at.section]!;
    const g = s.groups[at.group];
    const num = at.kind === 'section' ? `${at.section + 1}` : at.kind === 'group' ? `${at.section + 1}.${at.group + 1}` : g?.implicit ? `${at.section + 1}.${at.item + 1}` : `${at.section + 1}.${at.group + 1}.${at.item + 1}`;
    const text = textOf(at.kind === 'section' ? s.title : at.kind === 'group' ? g!.title : g!.items[at.item]!.text, this.editLang);
    const label = at.kind === 'section' ? t.teSection(num) : at.kind === 'group' ? t.teGroup(num) : t.tePoint(num);
    return text ? t.teNamed(label, [...text].length > 20 ? t.teClipped([...text].slice(0, 20).join('')) : text) : label;
  }

  /** Change the template's own members (title, id, description, rules…). */
  editTemplate(patch: Partial<ChecklistTemplate>, reason = 'edit', typing?: string): void {
    const next = { ...this._history.current, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[k];
    this._commit(next, reason, typing);
  }

  /** Add an option to a list (a fresh stable value); returns the value. */
  addOption(list: OptionList): string {
    const cur = this._history.current;
    const value = freshOptionValue(list, optionValues(list, cur, this._saved));
    const entries = [...((cur[list] as TemplateOption[] | undefined) ?? []), { value, label: '' }];
    this.editTemplate({ [list]: entries }, 'list');
    this._focusAfter = { id: `option:${list}`, field: String(entries.length - 1) };
    return value;
  }

  /** Delete an option; a deleted category is taken off the check points that had it. */
  removeOption(list: OptionList, index: number): void {
    const cur = this._history.current;
    const entries = (cur[list] as TemplateOption[] | undefined) ?? [];
    const gone = entries[index];
    if (!gone) return;
    let next: ChecklistTemplate = { ...cur, [list]: entries.filter((_, i) => i !== index) };
    if (list === 'categories')
      for (const s of next.sections) for (const g of s.groups) for (const p of g.items) if (p.category === gone.value) next = updateNode(next, p.id, { category: undefined });
    if (!this._commit(next, 'list')) return;
    this._say(this.tm.teDeleted(textOf(gone.label, this.editLang) || gone.value), true);
    this._focusAfter = { id: '', field: 'status-undo' };
  }

  private _setOption(list: OptionList, index: number, patch: Partial<FindingOption>, typing?: string): void {
    const entries = ((this._history.current[list] as FindingOption[] | undefined) ?? []).map((o, i) => {
      if (list === 'findings' && 'isProblem' in patch) {
        const { isProblem: _drop, ...rest } = o;
        return i === index ? { ...rest, isProblem: true } : rest;
      }
      return i === index ? { ...o, ...patch } : o;
    });
    this.editTemplate({ [list]: entries }, 'list', typing);
  }

  /** Export the template as JSON (fires cancelable `xc-export`, then downloads). Resolves whether the download started. */
  async download(format: 'json' = 'json'): Promise<boolean> {
    const written = this.value;
    const name = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(String(written.id)) ? written.id : this.tm.teFilename;
    return offerText(this, format, `${name}.json`, `${JSON.stringify(written, null, 2)}\n`, 'application/json');
  }

  /** Read text (a document's) into a proposed template, shown with its counts and what could not be placed; nothing is replaced yet. */
  async readImport(text = this._importText): Promise<TemplateImport> {
    this._importText = text;
    const { importChecklistText } = await loadImport();
    const cur = denormalizeTemplate(this._history.current);
    const { sections: _s, ...base } = cur;
    this._import = importChecklistText(text, { base, id: cur.id, version: cur.version });
    this._importError = '';
    return this._import;
  }

  /** Replace the template with the import read (one undoable step). */
  applyImport(): boolean {
    const imp = this._import;
    const read = imp && editableTemplate(imp.template);
    if (!read) return false;
    const cur = this._history.current;
    const fresh = usedIds({ ...read, retiredIds: [] });
    const old = usedIds({ ...cur, retiredIds: [] });
    const retired = [...new Set([...(cur.retiredIds ?? []), ...[...old].filter((id) => !fresh.has(id))])].filter((id) => !fresh.has(id));
    const next: ChecklistTemplate = { ...read, ...(retired.length ? { retiredIds: retired } : {}) };
    if (!retired.length) delete next.retiredIds;
    if (this._locked) return false;
    this._import = null;
    this._commit(next, 'import');
    const points = next.sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.items.length, 0), 0);
    this._say(this.tm.teImportDone(points));
    this._focusAfter = { id: next.sections[0]!.id, field: 'title' };
    return true;
  }

  private async _openFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const text = /\.docx$/i.test(file.name) ? (await loadDocx()).docxText(new Uint8Array(await file.arrayBuffer())) : await file.text();
      await this.readImport(text);
    } catch {
      this._import = null;
      this._importError = this.tm.teImportFileError;
    }
    input.value = '';
  }

  /**
   * 保存新版本: check the template (errors at the fields, the summary takes focus) and show what the
   * new version changes and which draft answers would be kept aside. Resolves false when invalid.
   */
  async save(): Promise<boolean> {
    reader ??= await loadReader();
    this._validated = null;
    if (!(await this.reportValidity())) return false;
    const cur = this._history.current;
    const saved = this._saved ?? cur;
    const changes = templateChanges(saved, cur);
    const same = JSON.stringify(denormalizeTemplate({ ...saved, version: '' })) === JSON.stringify(denormalizeTemplate({ ...cur, version: '' }));
    if (same && this._saved) {
      this._say(this.tm.teNoChanges);
      return true;
    }
    const nextVersion = changes.nextVersion === saved.version || !this._saved ? (this._saved ? patchVersion(saved.version) : String(cur.version || '1.0.0')) : changes.nextVersion;
    const t = this.tm;
    const keptAside = (Array.isArray(this.drafts) ? this.drafts : []).map((d, i) => ({
      draft: i,
      name: typeof (d as ChecklistResponse)?.header?.no === 'string' && (d as ChecklistResponse).header!.no ? String((d as ChecklistResponse).header!.no) : t.teDraftName(i + 1),
      ids: answersKeptAside(cur, d),
    }));
    this._confirm = {
      template: denormalizeTemplate({ ...cur, version: nextVersion }),
      changes: { ...changes, nextVersion },
      from: String(saved.version ?? ''),
      keptAside,
    };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#te-confirm-title')?.focus();
    return true;
  }

  /** Confirm the save shown: fires `xc-save` and makes this version the saved one. Returns what was saved, or null. */
  confirmSave(): TemplateSaveDetail | null {
    const c = this._confirm;
    if (!c) return null;
    const detail: TemplateSaveDetail = { template: c.template, changes: c.changes };
    this._history.current = editableTemplate(c.template)!;
    this._saved = this._history.current;
    this._savedGiven = true;
    this._confirm = null;
    this._typing = null;
    this.dispatchEvent(new CustomEvent('xc-save', { bubbles: true, composed: true, detail }));
    this._drafts.clear();
    this.syncForm();
    this._schedulePreview();
    this._say(this.tm.teSaved(c.changes.nextVersion));
    this.emitChange({ reason: 'save' });
    this.requestUpdate();
    return detail;
  }

  // --- Keyboard, drag and drop -----------------------------------------------------------------

  private _onKeydown = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (!target || !this.renderRoot.contains(target)) return;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      const node = target.closest<HTMLElement>('[data-node]');
      if (!node || this._locked) return;
      e.preventDefault();
      this.moveEntry(node.dataset.node!, e.key === 'ArrowUp' ? -1 : 1, target.dataset.field ?? 'up');
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    // Text fields keep the browser's own undo of what was typed.
    const textual = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(target.type));
    if (textual || this._locked) return;
    e.preventDefault();
    // Focus stays on the control it was on (the step may move or re-create it), unless an undone delete brings a node back.
    const stay = target.dataset.for && target.dataset.field ? { id: target.dataset.for, field: target.dataset.field } : null;
    if (key === 'y' || e.shiftKey) this.redo();
    else this.undo();
    if (stay && !this._focusAfter) this._focusAfter = stay;
  };

  private _dragStart(e: DragEvent, id: string): void {
    this._dragId = id;
    e.dataTransfer?.setData('text/plain', id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
  }

  /** Where a drop on node `onto` puts the dragged node: its parent and index, or null when it cannot go there. */
  private _dropPlace(onto: string): { parent: string | null; index: number } | null {
    const tpl = this._history.current;
    const from = findNode(tpl, this._dragId);
    const to = findNode(tpl, onto);
    if (!from || !to || from.id === to.id) return null;
    const s = tpl.sections[to.section]!;
    if (from.kind === 'section') return to.kind === 'section' ? { parent: null, index: to.section } : null;
    if (from.kind === 'group') {
      if (to.kind === 'group') return { parent: s.id, index: to.group };
      if (to.kind === 'section') return { parent: s.id, index: 0 };
      return null;
    }
    if (to.kind === 'item') {
      const g = s.groups[to.group]!;
      return { parent: g.implicit ? s.id : g.id, index: to.item };
    }
    if (to.kind === 'group') return { parent: to.id, index: s.groups[to.group]!.items.length };
    const implicit = s.groups.find((g) => g.implicit);
    return implicit ? { parent: s.id, index: implicit.items.length } : null;
  }

  private _dragOver(e: DragEvent, onto: string): void {
    if (!this._dragId || !this._dropPlace(onto)) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
  }

  private _drop(e: DragEvent, onto: string): void {
    const place = this._dragId ? this._dropPlace(onto) : null;
    if (!place) return;
    e.preventDefault();
    e.stopPropagation();
    const id = this._dragId;
    this._dragId = '';
    const next = moveTo(this._history.current, id, place.parent, place.index);
    if (next === this._history.current) return;
    this._commit(next, 'move');
    this._say(this.tm.teMoved(this._nameOf(id)));
  }

  private get _locked(): boolean {
    return this.readonly || this.isDisabled;
  }

  // --- Preview ---------------------------------------------------------------------------------

  /**
   * Hand the preview the template at most once a frame (a keystroke stays fast). A big template
   * (over {@link BIG_TEMPLATE} check points) costs the preview more than a frame to show again, so
   * it waits for a pause in the typing instead: the keystrokes stay within a frame and the preview
   * follows when the person stops.
   */
  private _schedulePreview(): void {
    const points = this._history.current.sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.items.length, 0), 0);
    const big = points > BIG_TEMPLATE;
    if (!big && (this._previewFrame || this._previewTimer)) return;
    const run = () => {
      cancelAnimationFrame(this._previewFrame);
      clearTimeout(this._previewTimer);
      this._previewFrame = 0;
      this._previewTimer = undefined;
      this._previewTemplate = this.value;
      const el = this.renderRoot?.querySelector('xc-checklist') as (HTMLElement & { template?: unknown }) | null;
      if (el) el.template = this._previewTemplate;
    };
    if (big) {
      cancelAnimationFrame(this._previewFrame);
      clearTimeout(this._previewTimer);
      this._previewFrame = 0;
      this._previewTimer = setTimeout(run, TYPING_PAUSE);
      return;
    }
    this._previewFrame = requestAnimationFrame(run);
    // A page in a background tab gets no frames: the preview still follows.
    this._previewTimer = setTimeout(run, 200);
  }

  /** Resolves when the preview shows the template as it is now (for hosts and tests). */
  get previewUpdated(): Promise<void> {
    return new Promise<void>((resolve) => {
      // Timers, not frames: a page in a background tab gets no frames.
      const check = () => (this._previewFrame || this._previewTimer ? setTimeout(check, 16) : resolve());
      check();
    }).then(async () => {
      const el = this.renderRoot.querySelector('xc-checklist') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
      await el?.updateComplete;
    });
  }

  // --- Lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this._onKeydown);
    void loadReader().then((m) => {
      reader = m;
      this._validated = null;
      this.syncForm();
    }, () => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this._onKeydown);
    cancelAnimationFrame(this._previewFrame);
    clearTimeout(this._previewTimer);
    this._previewFrame = 0;
    this._previewTimer = undefined;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this._previewTemplate = this.value;
    this.syncForm();
    void loadPreview().then(() => (this._previewReady = true), () => undefined);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('readonly')) this.syncForm();
    if (changed.has('draftKey') || changed.has('value')) this._drafts.check();
    const f = this._focusAfter;
    if (f) {
      this._focusAfter = null;
      const root = this.renderRoot as ShadowRoot;
      const el =
        f.field === 'status-undo'
          ? root.querySelector<HTMLElement>('.status-undo')
          : f.id.startsWith('option:')
            ? root.getElementById(optionId(f.id.slice(7), Number(f.field), 'label'))
            : (root.querySelector<HTMLElement>(`[data-for="${CSS.escape(f.id)}"][data-field="${CSS.escape(f.field)}"]`) ??
              root.querySelector<HTMLElement>(`[data-for="${CSS.escape(f.id)}"][data-field]`));
      // The control went with the step (an add undone): focus goes to the toolbar's undo or redo, not to the page.
      (el ?? root.querySelector<HTMLElement>('.toolbar button.undo:not([disabled]), .toolbar button.redo:not([disabled])'))?.focus();
    }
  }

  // --- Rendering -------------------------------------------------------------------------------

  protected override render() {
    const t = this.tm;
    const tpl = this._history.current;
    const lang = this.effectiveLang;
    const errs = new Map<string, string>();
    for (const e of this.shownErrors) {
      const id = this._domIdOf(placeOf(e.path));
      if (id && !errs.has(id)) errs.set(id, e.message);
    }
    const locked = this._locked;
    return html`<div class="layout">
      <div class="editor" part="editor">
        <h2 class="title">${t.teTitle}</h2>
        <slot name="header"></slot>
        ${renderDraftBanner(this._drafts, this.t, lang, (d) => {
          if (d === undefined) return;
          const read = editableTemplate(d);
          if (!read) return;
          this._commit(read, 'restore');
        })}
        ${renderErrorSummary(this.shownErrors, this.t, (e) => this._resolve(e), (e) => this._domIdOf(placeOf(e.path)) ?? 'te-info')}
        ${this._renderToolbar(t, locked)}
        <div class="status" part="status">
          <p role="status">${this._status?.text ?? ''}</p>
          ${this._status?.undo && this._history.canUndo ? html`<button type="button" class="status-undo" @click=${() => this.undo()}>${t.teUndo}</button>` : nothing}
        </div>
        ${this._confirm ? this._renderConfirm(t, this._confirm) : nothing}
        ${this._renderInfo(t, tpl, errs, locked)}
        <section class="outline" part="outline" aria-labelledby="te-outline-title">
          <h3 id="te-outline-title">${t.teOutline}</h3>
          <p class="hint">${t.teKeyboardHelp}</p>
          ${repeat(tpl.sections, (s) => s.id, (s, si) => guard([s, si, ...this._context(tpl, errs, `n${si}-`), locked], () => this._renderSection(t, tpl, s, si, errs, locked)))}
          <button type="button" class="add add-section" ?disabled=${locked} @click=${() => this.addEntry('section')}>${t.teAddSection}</button>
        </section>
        ${this._renderLists(t, tpl, errs, locked)}
        ${this._renderImport(t, locked)}
        ${this._renderPrecompile(t, tpl)}
      </div>
      <aside class="preview" part="preview" aria-labelledby="te-preview-title">
        <h3 id="te-preview-title">${t.tePreview}</h3>
        ${this._renderLangSwitch('preview', t.tePreviewLang, this._pLang, (l) => (this._previewLang = l))}
        <div class="preview-body" @xc-change=${stop} @xc-submit=${stop} @xc-invalid=${stop} @xc-load=${stop} @xc-error=${stop} @xc-export=${stop} @xc-clues=${stop} @xc-review=${stop} @xc-sign=${stop}>
          ${this._previewReady
            ? html`<xc-checklist .template=${this._previewTemplate ?? this.value} lang=${this._pLang} no-submit-button></xc-checklist>`
            : html`<p class="hint">${t.tePreviewLoading}</p>`}
        </div>
      </aside>
    </div>`;
  }

  private _resolve(e: FieldError): HTMLElement | undefined {
    const id = this._domIdOf(placeOf(e.path));
    return (id && (this.renderRoot as ShadowRoot).getElementById(id)) || undefined;
  }

  private _renderLangSwitch(name: string, legend: string, current: Lang, set: (l: Lang) => void): TemplateResult {
    const t = this.tm;
    return html`<fieldset class="langs">
      <legend>${legend}</legend>
      ${LANGS.map(
        (l) => html`<label lang=${l}><input type="radio" name="te-${name}-lang" value=${l} .checked=${current === l} @change=${() => set(l)} />${l === 'en' ? t.teLangEn : t.teLangZh}</label>`,
      )}
    </fieldset>`;
  }

  private _renderToolbar(t: TM, locked: boolean): TemplateResult {
    return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t.teToolbar}>
      <button type="button" class="undo" ?disabled=${locked || !this._history.canUndo} @click=${() => this.undo()}>${t.teUndo}</button>
      <button type="button" class="redo" ?disabled=${locked || !this._history.canRedo} @click=${() => this.redo()}>${t.teRedo}</button>
      ${this._renderLangSwitch('edit', t.teEditLang, asLang(this.editLang), (l) => (this._editLang = l))}
      <button type="button" class="primary save" ?disabled=${locked} @click=${() => void this.save()}>${t.teSave}</button>
      <button type="button" class="export-json" @click=${() => void this.download('json')}>${t.teExportJson}</button>
    </div>`;
  }

  private _renderConfirm(t: TM, c: PendingSave): TemplateResult {
    return html`<section class="confirm banner" part="confirm" aria-labelledby="te-confirm-title">
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
                  ${k.ids.map((id) => html`<li><bdi>${this._savedText(id)}</bdi> <span class="hint">(${id})</span></li>`)}
                </ul>
              </div>`,
            )
        : html`<p class="kept-aside none">${t.teNoneKeptAside}</p>`}
      <button type="button" class="primary confirm-save" @click=${() => this.confirmSave()}>${t.teConfirmSave}</button>
      <button type="button" class="cancel-save" @click=${() => (this._confirm = null)}>${t.teCancel}</button>
    </section>`;
  }

  /** A check point's text in the saved version (what a removed id was). */
  private _savedText(id: string): string {
    const s = this._saved;
    for (const sec of s?.sections ?? []) for (const g of sec.groups) for (const p of g.items) if (p.id === id) return textOf(p.text, this.editLang);
    return id;
  }

  private _text(id: string, value: LocalizedText | undefined, errs: Map<string, string>, onInput: (v: string) => void, opts: { multiline?: boolean; nodeId?: string; field?: string; locked: boolean; describedBy?: string }): TemplateResult {
    const lang = this.editLang;
    const e = errs.get(id);
    const other = lang === 'zh-CN' ? '' : exactText(value, 'zh-CN');
    // Editing English: the Chinese text is shown under the field (and read with it), to translate from.
    const describedBy = [e ? `${id}-err` : '', other ? `${id}-zh` : '', opts.describedBy ?? ''].filter(Boolean).join(' ') || nothing;
    const input = (ev: Event) => onInput((ev.target as HTMLInputElement | HTMLTextAreaElement).value);
    const control = opts.multiline
      ? html`<textarea id=${id} rows="2" lang=${lang} data-for=${opts.nodeId ?? nothing} data-field=${opts.field ?? nothing} .value=${live(exactText(value, lang))} placeholder=${other || nothing} ?readonly=${opts.locked}
          aria-invalid=${e ? 'true' : 'false'} aria-describedby=${describedBy} @input=${input}></textarea>`
      : html`<input type="text" id=${id} lang=${lang} data-for=${opts.nodeId ?? nothing} data-field=${opts.field ?? nothing} .value=${live(exactText(value, lang))} placeholder=${other || nothing} ?readonly=${opts.locked}
          aria-invalid=${e ? 'true' : 'false'} aria-describedby=${describedBy} @input=${input} />`;
    return html`${control}${other ? html`<p class="hint other-lang" id="${id}-zh">${this.tm.teOtherLang(other)}</p>` : nothing}${renderFieldError(`${id}-err`, e, this.t)}`;
  }

  private _renderInfo(t: TM, tpl: ChecklistTemplate, errs: Map<string, string>, locked: boolean): TemplateResult {
    const idErr = errs.get('tpl-id');
    return html`<section class="info" id="te-info" aria-labelledby="te-info-title">
      <h3 id="te-info-title">${t.teInfo}</h3>
      <div class="field">
        <label for="tpl-title">${t.teTemplateTitle}</label>
        ${this._text('tpl-title', tpl.title, errs, (v) => this.editTemplate({ title: setText(tpl.title, this.editLang, v) }, 'edit', 'tpl-title'), { locked })}
      </div>
      <div class="field">
        <label for="tpl-id">${t.teTemplateId}</label>
        <p class="hint" id="tpl-id-hint">${t.teTemplateIdHint}</p>
        <input type="text" id="tpl-id" .value=${live(String(tpl.id ?? ''))} ?readonly=${locked} autocomplete="off" spellcheck="false"
          aria-invalid=${idErr ? 'true' : 'false'} aria-describedby=${idErr ? 'tpl-id-hint tpl-id-err' : 'tpl-id-hint'}
          @input=${(e: Event) => this.editTemplate({ id: (e.target as HTMLInputElement).value }, 'edit', 'tpl-id')} />
        ${renderFieldError('tpl-id-err', idErr, this.t)}
        <p class="version-line">${t.teVersionIs(String(tpl.version ?? ''))}</p>
      </div>
      <div class="field">
        <label for="tpl-description">${t.teDescription}</label>
        ${this._text('tpl-description', tpl.description, errs, (v) => {
          const d = setText(tpl.description, this.editLang, v);
          this.editTemplate({ description: isEmptyText(d) && typeof d === 'string' ? undefined : d }, 'edit', 'tpl-description');
        }, { multiline: true, locked })}
      </div>
    </section>`;
  }

  /** The per-node buttons: move, duplicate, delete, and the drag handle. */
  private _nodeTools(t: TM, id: string, label: string, locked: boolean): TemplateResult {
    return html`<div class="node-tools" role="group" aria-label=${label}>
      <span class="handle" draggable=${locked ? 'false' : 'true'} title=${t.teDrag} aria-hidden="true" @dragstart=${(e: DragEvent) => this._dragStart(e, id)} @dragend=${() => (this._dragId = '')}>⠿</span>
      <button type="button" class="up" data-for=${id} data-field="up" ?disabled=${locked} @click=${() => this.moveEntry(id, -1, 'up')}>${t.teMoveUp}</button>
      <button type="button" class="down" data-for=${id} data-field="down" ?disabled=${locked} @click=${() => this.moveEntry(id, 1, 'down')}>${t.teMoveDown}</button>
      <button type="button" class="duplicate" data-for=${id} data-field="duplicate" ?disabled=${locked} @click=${() => this.duplicateEntry(id)}>${t.teDuplicate}</button>
      <button type="button" class="delete" data-for=${id} data-field="delete" ?disabled=${locked} @click=${() => this.deleteEntry(id)}>${t.teDelete}</button>
    </div>`;
  }

  private _ordinal(id: string, nodeId: string, value: string | undefined, locked: boolean): TemplateResult {
    return html`<input type="text" class="ordinal" id=${id} data-for=${nodeId} data-field="ordinal" .value=${live(value ?? '')} ?readonly=${locked} size="4"
      @input=${(e: Event) => this.editEntry(nodeId, { ordinal: (e.target as HTMLInputElement).value }, `${nodeId}:ordinal`)} />`;
  }

  /**
   * What a node's rendering depends on besides the node itself: the languages, the categories and
   * the errors shown under it. A node whose node and context are unchanged is not rendered again,
   * so a keystroke in a big template renders one check point, not all of them.
   */
  private _context(tpl: ChecklistTemplate, errs: Map<string, string>, prefix: string): unknown[] {
    let shown = '';
    for (const [id, message] of errs) if (id.startsWith(prefix)) shown += `${id}\u0000${message}\u0000`;
    return [this._epoch, this.effectiveLang, this.editLang, tpl.categories, shown];
  }

  private _renderSection(t: TM, tpl: ChecklistTemplate, s: CheckSection, si: number, errs: Map<string, string>, locked: boolean): TemplateResult {
    const label = t.teSection(String(si + 1));
    const hid = `n${si}-head`;
    const implicit = s.groups.length === 1 && s.groups[0]!.implicit;
    return html`<section class="node section" data-node=${s.id} aria-labelledby=${hid}
        @dragover=${(e: DragEvent) => this._dragOver(e, s.id)} @drop=${(e: DragEvent) => this._drop(e, s.id)}>
      <h4 id=${hid}>${label}</h4>
      <div class="fields">
        <div class="field ordinal-field">
          <label for=${fieldId(si, -1, -1, 'ordinal')}>${t.teOrdinal}</label>
          ${this._ordinal(fieldId(si, -1, -1, 'ordinal'), s.id, s.ordinal, locked)}
        </div>
        <div class="field grow">
          <label for=${fieldId(si, -1, -1, 'title')}>${t.teSectionTitle}</label>
          ${this._text(fieldId(si, -1, -1, 'title'), s.title, errs, (v) => this.editEntry(s.id, { title: setText(s.title, this.editLang, v) }, `${s.id}:title`), { nodeId: s.id, field: 'title', locked })}
        </div>
      </div>
      ${this._nodeTools(t, s.id, label, locked)}
      ${implicit
        ? this._renderItems(t, tpl, s.groups[0]!, si, 0, errs, locked)
        : html`<div class="groups">${repeat(s.groups, (g) => g.id, (g, gi) => guard([g, si, gi, ...this._context(tpl, errs, `n${si}-${gi}-`), locked], () => this._renderGroup(t, tpl, g, si, gi, errs, locked)))}</div>`}
      <div class="adds">
        ${implicit ? html`<button type="button" class="add add-item" ?disabled=${locked} @click=${() => this.addEntry('item', s.id)}>${t.teAddPoint}</button>` : nothing}
        <button type="button" class="add add-group" ?disabled=${locked} @click=${() => this.addEntry('group', s.id)}>${t.teAddGroup}</button>
      </div>
    </section>`;
  }

  private _renderGroup(t: TM, tpl: ChecklistTemplate, g: CheckGroup, si: number, gi: number, errs: Map<string, string>, locked: boolean): TemplateResult {
    const label = t.teGroup(`${si + 1}.${gi + 1}`);
    const hid = `n${si}-${gi}-head`;
    return html`<div class="node group" role="group" data-node=${g.id} aria-labelledby=${hid}
        @dragover=${(e: DragEvent) => this._dragOver(e, g.id)} @drop=${(e: DragEvent) => this._drop(e, g.id)}>
      <h5 id=${hid}>${label}</h5>
      <div class="fields">
        <div class="field ordinal-field">
          <label for=${fieldId(si, gi, -1, 'ordinal')}>${t.teOrdinal}</label>
          ${this._ordinal(fieldId(si, gi, -1, 'ordinal'), g.id, g.ordinal, locked)}
        </div>
        <div class="field grow">
          <label for=${fieldId(si, gi, -1, 'title')}>${t.teGroupTitle}</label>
          ${this._text(fieldId(si, gi, -1, 'title'), g.title, errs, (v) => this.editEntry(g.id, { title: setText(g.title, this.editLang, v) }, `${g.id}:title`), { nodeId: g.id, field: 'title', locked })}
        </div>
      </div>
      ${this._nodeTools(t, g.id, label, locked)}
      ${this._renderItems(t, tpl, g, si, gi, errs, locked)}
      <button type="button" class="add add-item" ?disabled=${locked} @click=${() => this.addEntry('item', g.id)}>${t.teAddPoint}</button>
    </div>`;
  }

  private _renderItems(t: TM, tpl: ChecklistTemplate, g: CheckGroup, si: number, gi: number, errs: Map<string, string>, locked: boolean): TemplateResult {
    const categories = Array.isArray(tpl.categories) ? tpl.categories : [];
    return html`<ol class="items">
      ${repeat(
        g.items,
        (p) => p.id,
        (p, pi) => guard([p, si, gi, pi, g.implicit, ...this._context(tpl, errs, `n${si}-${gi}-${pi}-`), locked], () => {
          const label = t.tePoint(g.implicit ? `${si + 1}.${pi + 1}` : `${si + 1}.${gi + 1}.${pi + 1}`);
          const hid = `n${si}-${gi}-${pi}-head`;
          const catId = fieldId(si, gi, pi, 'category');
          return html`<li class="node item" data-node=${p.id}
              @dragover=${(e: DragEvent) => this._dragOver(e, p.id)} @drop=${(e: DragEvent) => this._drop(e, p.id)}>
            <div role="group" aria-labelledby=${hid}>
            <p class="node-label" id=${hid} role="heading" aria-level=${g.implicit ? 5 : 6}>${label}</p>
            <div class="field">
              <label for=${fieldId(si, gi, pi, 'text')}>${t.tePointText}</label>
              ${this._text(fieldId(si, gi, pi, 'text'), p.text, errs, (v) => this.editEntry(p.id, { text: setText(p.text, this.editLang, v) }, `${p.id}:text`), { multiline: true, nodeId: p.id, field: 'text', locked })}
            </div>
            <div class="fields">
              <div class="field grow">
                <label for=${fieldId(si, gi, pi, 'hint')}>${t.tePointHint}</label>
                ${this._text(fieldId(si, gi, pi, 'hint'), p.hint, errs, (v) => {
                  const h = setText(p.hint, this.editLang, v);
                  this.editEntry(p.id, { hint: isEmptyText(h) && typeof h === 'string' ? undefined : h }, `${p.id}:hint`);
                }, { nodeId: p.id, field: 'hint', locked })}
              </div>
              <div class="field">
                <label for=${catId}>${t.tePointCategory}</label>
                <select id=${catId} data-for=${p.id} data-field="category" ?disabled=${locked}
                  @change=${(e: Event) => this.editEntry(p.id, { category: (e.target as HTMLSelectElement).value || undefined })}>
                  <option value="" ?selected=${!p.category}>${t.teNoCategory}</option>
                  ${categories.map((c) => html`<option value=${c.value} ?selected=${p.category === c.value}>${textOf(c.label, this.editLang) || c.value}</option>`)}
                </select>
              </div>
            </div>
            ${this._nodeTools(t, p.id, label, locked)}
            </div>
          </li>`;
        }),
      )}
    </ol>`;
  }

  private _renderLists(t: TM, tpl: ChecklistTemplate, errs: Map<string, string>, locked: boolean): TemplateResult {
    const names: Record<OptionList, string> = { findings: t.teFindings, methods: t.teMethods, evidenceKinds: t.teEvidenceKinds, categories: t.teCategories, scopes: t.teScopes };
    const rules = tpl.rules ?? {};
    const rule = (key: 'requireAll' | 'requireMethodForProblem' | 'requireEvidenceForProblem', label: string, dflt: boolean) =>
      html`<label class="rule"><input type="checkbox" class="rule-${key}" .checked=${rules[key] ?? dflt} ?disabled=${locked}
        @change=${(e: Event) => this.editTemplate({ rules: { ...rules, [key]: (e.target as HTMLInputElement).checked } }, 'rules')} />${label}</label>`;
    return html`<section class="lists" part="lists" aria-labelledby="te-lists-title">
      <h3 id="te-lists-title">${t.teLists}</h3>
      ${OPTION_LISTS.map((list) => {
        const entries = (Array.isArray(tpl[list]) ? tpl[list] : []) as FindingOption[];
        const listErr = errs.get(`o-${list}-add`);
        return html`<fieldset class="list list-${list}">
          <legend>${names[list]}</legend>
          <ol>
            ${entries.map((o, i) => {
              const id = optionId(list, i, 'label');
              return html`<li>
                <label for=${id}>${t.teLabel} <span class="hint">${t.teValue(String(o.value))}</span></label>
                ${this._text(id, o.label, errs, (v) => this._setOption(list, i, { label: setText(o.label, this.editLang, v) }, `${list}:${i}`), { locked })}
                ${list === 'findings'
                  ? html`<label class="problem"><input type="radio" name="te-is-problem" .checked=${!!o.isProblem} ?disabled=${locked} aria-describedby=${id}
                      @change=${() => this._setOption(list, i, { isProblem: true })} />${t.teIsProblem}</label>`
                  : nothing}
                <button type="button" class="delete-option" ?disabled=${locked} aria-describedby=${id} @click=${() => this.removeOption(list, i)}>${t.teDelete}</button>
              </li>`;
            })}
          </ol>
          <button type="button" class="add add-option" id="o-${list}-add" ?disabled=${locked} aria-describedby=${listErr ? `o-${list}-add-err` : nothing} @click=${() => this.addOption(list)}>${t.teAddOptionTo(names[list])}</button>
          ${renderFieldError(`o-${list}-add-err`, listErr, this.t)}
        </fieldset>`;
      })}
      <fieldset class="rules">
        <legend>${t.teRules}</legend>
        ${rule('requireAll', t.teRuleRequireAll, true)} ${rule('requireMethodForProblem', t.teRuleMethod, false)} ${rule('requireEvidenceForProblem', t.teRuleEvidence, false)}
      </fieldset>
    </section>`;
  }

  private _renderImport(t: TM, locked: boolean): TemplateResult {
    const imp = this._import;
    const counts = imp
      ? imp.template.sections.reduce(
          (c, s) => {
            const groups = 'groups' in s && Array.isArray(s.groups) ? s.groups : null;
            c.groups += groups ? groups.length : 0;
            c.points += groups ? groups.reduce((n, g) => n + g.items.length, 0) : 'items' in s ? s.items.length : 0;
            return c;
          },
          { groups: 0, points: 0 },
        )
      : null;
    return html`<section class="import" part="import" aria-labelledby="te-import-title">
      <h3 id="te-import-title">${t.teImport}</h3>
      <p class="hint" id="te-import-help">${t.teImportHelp}</p>
      <label for="te-import-text">${t.teImportText}</label>
      <textarea id="te-import-text" rows="6" aria-describedby="te-import-help" .value=${live(this._importText)} ?readonly=${locked}
        @input=${(e: Event) => (this._importText = (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="import-tools">
        <button type="button" class="import-read" ?disabled=${locked} @click=${() => void this.readImport()}>${t.teImportRead}</button>
        <label class="file">${t.teImportFile}
          <input type="file" class="import-file" accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" ?disabled=${locked} @change=${(e: Event) => void this._openFile(e)} />
        </label>
      </div>
      ${this._importError ? html`<p class="field-error" role="alert">${this._importError}</p>` : nothing}
      ${imp && counts
        ? html`<div class="import-result banner" role="region" aria-labelledby="te-import-result">
            <p id="te-import-result" role="status">${counts.points ? t.teImportResult(imp.template.sections.length, counts.groups, counts.points) : t.teImportNone}</p>
            ${imp.levels.length ? html`<p>${t.teImportLevels(imp.levels.join(' / '))}</p>` : nothing}
            ${imp.unplaced.length
              ? html`<p>${t.teImportUnplaced(imp.unplaced.length)}</p>
                  <ul class="unplaced">
                    ${imp.unplaced.map((u) => html`<li><span class="line">${t.teImportLine(u.line)}</span><bdi>${u.text}</bdi></li>`)}
                  </ul>`
              : nothing}
            <button type="button" class="primary import-replace" ?disabled=${!counts.points} @click=${() => this.applyImport()}>${t.teImportReplace}</button>
            <button type="button" class="import-cancel" @click=${() => (this._import = null)}>${t.teImportCancel}</button>
          </div>`
        : nothing}
    </section>`;
  }

  private _renderPrecompile(t: TM, tpl: ChecklistTemplate): TemplateResult {
    const id = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(String(tpl.id)) ? tpl.id : t.teFilename;
    return html`<section class="precompile" aria-labelledby="te-precompile-title">
      <h3 id="te-precompile-title">${t.tePrecompile}</h3>
      <p class="hint" id="te-precompile-help">${t.tePrecompileHelp}</p>
      <input type="text" class="command" readonly aria-labelledby="te-precompile-title" aria-describedby="te-precompile-help" .value=${`npx xc-precompile ${id}.json -o ${id}.validators.js`} />
    </section>`;
  }
}

/** Stop an event of the preview at the preview: its answers are the preview's own business, not the host's. */
function stop(e: Event): void {
  e.stopPropagation();
}

defineElement('xc-template-editor', XcTemplateEditor);

declare global {
  interface HTMLElementTagNameMap {
    'xc-template-editor': XcTemplateEditor;
  }
}

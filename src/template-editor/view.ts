/**
 * What the parts of <xc-template-editor> are given to render (types only): the editor's words, the
 * template as read, the errors shown (by the DOM id of their field), whether it is locked, and the
 * steps they call back (the element's public steps, and the drag and drop). The element builds one
 * `EditorView` per render. The parts hold no state of their own.
 */
import type { Messages } from '../core/i18n.js';
import type { TemplateEditorMessages } from '../core/locales/template-editor.zh-CN.js';
import type { ChecklistTemplate } from '../core/checklist.js';
import type { TemplateNodeKind, TemplateNodePatch } from '../core/template-edit.js';
import type { Lang, OptionList } from './outline.js';
import type { EditorMoves } from './moves.js';

/** The words of the editor (the shared ones and its own). */
export type TM = Messages & TemplateEditorMessages;

/** The steps the parts call: the element's own public ones (see its methods). */
export interface EditorSteps {
  editTemplate(patch: Partial<ChecklistTemplate>, reason?: string, typing?: string): void;
  editEntry(id: string, patch: TemplateNodePatch, typing?: string): void;
  addEntry(kind: TemplateNodeKind, parentId?: string): unknown;
  moveEntry(id: string, delta: -1 | 1, field?: string): unknown;
  duplicateEntry(id: string): unknown;
  deleteEntry(id: string): unknown;
  addOption(list: OptionList): unknown;
  removeOption(list: OptionList, index: number): void;
  removeUnknown(path: string, member: string): boolean;
}

/** One render's view of the editor. */
export interface EditorView {
  t: TM;
  /** The page language (the element's). */
  lang: string;
  /** The language the text fields edit. */
  editLang: Lang;
  /** Bumped when the whole template is replaced or a step undone: every node renders again. */
  epoch: number;
  /** The template as read (every focus area has groups). */
  tpl: ChecklistTemplate;
  /** The errors shown, by the DOM id of their field. */
  errs: Map<string, string>;
  /** The members the template format does not name, by the DOM id of the field their error is shown at (with the path of their object as written): each gets 移除未知项. */
  unknown: Map<string, { path: string; members: string[] }>;
  /** Disabled or read-only: no step is taken. */
  locked: boolean;
  steps: EditorSteps;
  /** The drag and drop of nodes (moves.ts). */
  moves: EditorMoves;
}

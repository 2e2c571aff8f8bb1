/**
 * Keyboard and drag-and-drop moves of <xc-template-editor>: Alt+ArrowUp/Down moves the focused
 * entry (focus follows it), Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y undo and redo when focus is in the
 * editor but not in a text field (text fields keep their own undo), and a node dragged by its
 * handle drops onto another where it can go (`dropPlace`); after a step focus goes where the step
 * said (`focusAfterStep`). The steps themselves are the element's.
 */
import { findNode, moveTo } from '../core/template-edit.js';
import type { ChecklistTemplate } from '../core/checklist.js';
import { optionId } from './outline.js';

/**
 * After a step, focus the control it named: 撤销 in the status line (`status-undo`), 保存新版本
 * (`save`, after the confirm step closes), an option's
 * label (`option:<list>`, its index), or a node's control (`data-for` / `data-field`, else the
 * node's first). When the control went with the step (an add undone), or for `history`, focus
 * goes to the toolbar's undo or redo (else its first control), not to the page.
 */
export function focusAfterStep(root: ShadowRoot, f: { id: string; field: string }): void {
  const el =
    f.field === 'status-undo' || f.field === 'save'
      ? root.querySelector<HTMLElement>(f.field === 'save' ? '.toolbar button.save' : '.status-undo')
      : f.id.startsWith('option:')
        ? root.getElementById(optionId(f.id.slice(7), Number(f.field), 'label'))
        : (root.querySelector<HTMLElement>(`[data-for="${CSS.escape(f.id)}"][data-field="${CSS.escape(f.field)}"]`) ??
          root.querySelector<HTMLElement>(`[data-for="${CSS.escape(f.id)}"][data-field]`));
  (el ?? root.querySelector<HTMLElement>('.toolbar button.undo:not([disabled]), .toolbar button.redo:not([disabled])') ?? root.querySelector<HTMLElement>('.toolbar button:not([disabled])'))?.focus();
}

/** What the moves ask of the element. */
export interface MovesHost {
  /** The element's shadow root (where the keys must come from). */
  root(): HTMLElement | DocumentFragment;
  /** The template as read now. */
  current(): ChecklistTemplate;
  /** Disabled or read-only: no step is taken. */
  locked(): boolean;
  moveEntry(id: string, delta: -1 | 1, field?: string): unknown;
  undo(): unknown;
  redo(): unknown;
  /** A dropped node's new template, as one undo step; says what moved. */
  moved(next: ChecklistTemplate, id: string): void;
  /** Focus goes back to this control after an undo or redo, unless the step chose where it goes. */
  keepFocus(on: { id: string; field: string }): void;
}

/**
 * Where a drop on node `onto` puts the dragged node `dragged`: its parent and index, or null when
 * it cannot go there (a focus area only among focus areas, a group into a focus area, a check point
 * into a group or a focus area without groups).
 */
export function dropPlace(tpl: ChecklistTemplate, dragged: string, onto: string): { parent: string | null; index: number } | null {
  const from = findNode(tpl, dragged);
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

/** The element's keyboard handler and drag-and-drop handlers (the node being dragged is all it holds). */
export class EditorMoves {
  private dragId = '';

  constructor(private readonly host: MovesHost) {}

  /** The editor's keydown (listened on the element). */
  readonly keydown = (e: KeyboardEvent): void => {
    const host = this.host;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (!target || !host.root().contains(target)) return;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      const node = target.closest<HTMLElement>('[data-node]');
      if (!node || host.locked()) return;
      e.preventDefault();
      host.moveEntry(node.dataset.node!, e.key === 'ArrowUp' ? -1 : 1, target.dataset.field ?? 'up');
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    // Text fields keep the browser's own undo of what was typed.
    const textual = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(target.type));
    if (textual || host.locked()) return;
    e.preventDefault();
    // Focus stays on the control it was on (the step may move or re-create it), unless an undone delete brings a node back.
    const stay = target.dataset.for && target.dataset.field ? { id: target.dataset.for, field: target.dataset.field } : null;
    if (key === 'y' || e.shiftKey) host.redo();
    else host.undo();
    if (stay) host.keepFocus(stay);
  };

  dragStart(e: DragEvent, id: string): void {
    this.dragId = id;
    e.dataTransfer?.setData('text/plain', id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
  }

  dragEnd(): void {
    this.dragId = '';
  }

  dragOver(e: DragEvent, onto: string): void {
    if (!this.dragId || !dropPlace(this.host.current(), this.dragId, onto)) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
  }

  drop(e: DragEvent, onto: string): void {
    const current = this.host.current();
    const place = this.dragId ? dropPlace(current, this.dragId, onto) : null;
    if (!place) return;
    e.preventDefault();
    e.stopPropagation();
    const id = this.dragId;
    this.dragId = '';
    const next = moveTo(current, id, place.parent, place.index);
    if (next === current) return;
    this.host.moved(next, id);
  }
}

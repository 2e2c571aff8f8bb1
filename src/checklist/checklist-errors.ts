/**
 * Errors and moving between check points in `<xc-checklist>`: the errors on show as the error
 * summary names them, the ids its links point at, which errors belong to which check point, and
 * the Alt+↑/↓/Home/End keys that move focus from one check point to the next. Functions of the
 * checklist's state, holding none of their own.
 * @internal
 */
import type { Messages } from '../core/i18n.js';
import { checkPointRef, pathPoint, type TemplateIndex } from '../core/checklist.js';
import type { FieldError } from '../core/validation-types.js';
import { headerLabels } from './checklist-header.js';
import { XcChecklistItem } from './xc-checklist-item.js';

/**
 * The errors on show as the error summary lists them: each one names its check point by number
 * and the start of its text ("1.2.3 <start of the check point>…: <message>"), the text isolated so
 * that no direction mark in it turns the message around (see `checkPointRef`); a header member by its label.
 */
export function namedErrors(index: TemplateIndex | undefined, errors: FieldError[], t: Messages, lang: string): FieldError[] {
  if (!index) return errors;
  const labels = headerLabels(t) as Record<string, string>;
  return errors.map((e) => {
    const field = e.path.startsWith('header.') ? labels[e.path.slice(7)] : undefined;
    if (field) return { ...e, message: t.errorAtPoint(field, e.message) };
    const at = pathPoint(index, e.path);
    const ip = at ? index.byId.get(at.id) : undefined;
    if (!ip) return e;
    return { ...e, message: t.errorAtPoint(checkPointRef(ip, lang), e.message) };
  });
}

/** The id an error summary link points at: the header field, or the check point's element. */
export function errorTargetId(index: TemplateIndex | undefined, e: FieldError): string {
  return e.path.startsWith('header.') ? `xc-h-${e.path.slice(7)}` : `xc-item-${(index && pathPoint(index, e.path)?.id) ?? ''}`;
}

/** The errors on show, by the id of their check point (header errors are not in it). */
export function errorsByPoint(index: TemplateIndex | undefined, errors: readonly FieldError[]): Map<string, FieldError[]> {
  const by = new Map<string, FieldError[]>();
  for (const e of errors) {
    const id = index ? pathPoint(index, e.path)?.id : undefined;
    if (id) (by.get(id) ?? by.set(id, []).get(id)!).push(e);
  }
  return by;
}

/** Errors on show after check point `id` was validated again (`now`): its fixed ones go, none are added. */
export function stillShown(errors: FieldError[], id: string, now: readonly FieldError[]): FieldError[] {
  const prefix = `items.${id}.`;
  return errors.filter((e) => !e.path.startsWith(prefix) || now.some((n) => n.path === e.path && n.keyword === e.keyword));
}

/**
 * The check point Alt+↑/↓/Home/End moves to from where the key was pressed (among those shown),
 * or undefined when the key is not one of them. `renderAll` runs first for a move down or to the end.
 */
export function keyTarget(e: KeyboardEvent, root: ParentNode, renderAll: () => void): XcChecklistItem | undefined {
  if (!e.altKey || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return undefined;
  const current = (e.composedPath().find((n) => n instanceof XcChecklistItem) as XcChecklistItem | undefined) ?? null;
  if (e.key === 'End' || e.key === 'ArrowDown') renderAll();
  const items = [...root.querySelectorAll<XcChecklistItem>('xc-checklist-item')].filter((i) => i.offsetParent !== null || i.getClientRects().length > 0);
  if (!items.length) return undefined;
  const at = current ? items.indexOf(current) : -1;
  if (e.key === 'Home') return items[0];
  if (e.key === 'End') return items[items.length - 1];
  if (e.key === 'ArrowDown') return items[Math.min(items.length - 1, at + 1)];
  return items[Math.max(0, at - 1)];
}

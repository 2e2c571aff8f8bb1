/**
 * The toolbar and status line of <xc-template-editor> as render functions: 撤销 / 重做, 编辑语言,
 * 保存新版本 and 导出 JSON; what the last step did (with 撤销 after a delete). No state of their own.
 * (A checklist template needs nothing precompiled: <xc-checklist> checks it with its bundled
 * validator, so only the form mode shows a precompile command.)
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from './outline.js';
import { renderLangSwitch } from './preview.js';
import type { TM } from './view.js';

/** What the toolbar reads and calls: the element's public members. */
export interface ToolbarHost {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  editLang: string;
  undo(): unknown;
  redo(): unknown;
  save(): Promise<unknown>;
  download(format: 'json'): Promise<unknown>;
}

/** 撤销 / 重做 (disabled when there is nothing to undo or redo, or when locked), 编辑语言, 保存新版本 and 导出 JSON. */
export function renderToolbar(t: TM, locked: boolean, editLang: Lang, el: ToolbarHost): TemplateResult {
  return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t.teToolbar}>
    <button type="button" class="undo" ?disabled=${locked || !el.canUndo} @click=${() => el.undo()}>${t.teUndo}</button>
    <button type="button" class="redo" ?disabled=${locked || !el.canRedo} @click=${() => el.redo()}>${t.teRedo}</button>
    ${renderLangSwitch(t, 'edit', t.teEditLang, editLang, (l) => (el.editLang = l))}
    <button type="button" class="primary save" ?disabled=${locked} @click=${() => void el.save()}>${t.teSave}</button>
    <button type="button" class="export-json" @click=${() => void el.download('json')}>${t.teExportJson}</button>
  </div>`;
}

/** Where a status message holds the name of what it speaks of (a node's text, an option's label: data). */
export const NAME = '\u0000';

/**
 * What the last step did; 撤销 beside it after a delete while it can still be undone. The name in
 * it is data, isolated in a <bdi> so that a right-to-left or override character in it cannot turn
 * the words around it.
 */
export function renderStatus(t: TM, status: { text: string; undo: boolean; name?: string } | null, canUndo: boolean, undo: () => void): TemplateResult {
  const [before, after] = status?.name !== undefined ? status.text.split(NAME) : [status?.text ?? ''];
  return html`<div class="status" part="status">
    <p role="status">${before}${after !== undefined ? html`<bdi>${status!.name}</bdi>${after}` : nothing}</p>
    ${status?.undo && canUndo ? html`<button type="button" class="status-undo" @click=${() => undo()}>${t.teUndo}</button>` : nothing}
  </div>`;
}

/** The file name of the exported template: its id when that is a safe file name, else a generic one. */
export function exportName(t: TM, id: unknown): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(String(id)) ? String(id) : t.teFilename;
}

/**
 * The outline of <xc-template-editor> as render functions: the template's own fields (模板信息), the
 * focus areas, groups and check points as labelled fields with their 上移 / 下移 / 复制 / 删除 buttons,
 * drag handle and 添加… buttons, and the text field every part uses (one language at a time, the
 * Chinese shown under the English). A node whose node and context are unchanged is not rendered
 * again (`guard`), so a keystroke in a big template renders one check point. No state of its own:
 * what it shows comes from the view, what it does goes to the element's steps (`view.steps`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { renderFieldError } from '../base/error-summary.js';
import { textOf, type LocalizedText } from '../core/text.js';
import { isLocaleReady } from '../core/i18n.js';
import { setText } from '../core/template-edit.js';
import type { CheckGroup, CheckSection } from '../core/checklist.js';
import { exactText, fieldId, isEmptyText } from './outline.js';
import type { EditorView } from './view.js';

/** How a text field is drawn and what it belongs to. */
export interface TextFieldOptions {
  multiline?: boolean;
  /** The node it edits (`data-for`), for focus after a step. */
  nodeId?: string;
  /** Its field (`data-field`). */
  field?: string;
  locked: boolean;
  describedBy?: string;
}

/** A text field of one language (the editing language), its error under it, and the Chinese to translate from when editing English. */
export function renderText(v: EditorView, id: string, value: LocalizedText | undefined, onInput: (text: string) => void, opts: TextFieldOptions): TemplateResult {
  const lang = v.editLang;
  const e = v.errs.get(id);
  const other = lang === 'zh-CN' ? '' : exactText(value, 'zh-CN');
  // Editing English: the Chinese text is shown under the field (and read with it), to translate from.
  const describedBy = [e ? `${id}-err` : '', other ? `${id}-zh` : '', opts.describedBy ?? ''].filter(Boolean).join(' ') || nothing;
  const input = (ev: Event) => onInput((ev.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control = opts.multiline
    ? html`<textarea id=${id} rows="2" lang=${lang} data-for=${opts.nodeId ?? nothing} data-field=${opts.field ?? nothing} .value=${live(exactText(value, lang))} placeholder=${other || nothing} ?readonly=${opts.locked}
        aria-invalid=${e ? 'true' : 'false'} aria-describedby=${describedBy} @input=${input}></textarea>`
    : html`<input type="text" id=${id} lang=${lang} data-for=${opts.nodeId ?? nothing} data-field=${opts.field ?? nothing} .value=${live(exactText(value, lang))} placeholder=${other || nothing} ?readonly=${opts.locked}
        aria-invalid=${e ? 'true' : 'false'} aria-describedby=${describedBy} @input=${input} />`;
  return html`${control}${other ? html`<p class="hint other-lang" id="${id}-zh">${v.t.teOtherLang(other)}</p>` : nothing}${renderFieldError(`${id}-err`, e, v.t)}${renderUnknown(v, id)}`;
}

/** 模板信息: the template's title, id (with its error), version and description. */
export function renderInfo(v: EditorView): TemplateResult {
  const { t, tpl, locked, steps: act } = v;
  const idErr = v.errs.get('tpl-id');
  return html`<section class="info" id="te-info" aria-labelledby="te-info-title">
    <h3 id="te-info-title">${t.teInfo}</h3>
    <div class="field">
      <label for="tpl-title">${t.teTemplateTitle}</label>
      ${renderText(v, 'tpl-title', tpl.title, (text) => act.editTemplate({ title: setText(tpl.title, v.editLang, text) }, 'edit', 'tpl-title'), { locked })}
    </div>
    <div class="field">
      <label for="tpl-id">${t.teTemplateId}</label>
      <p class="hint" id="tpl-id-hint">${t.teTemplateIdHint}</p>
      <input type="text" id="tpl-id" .value=${live(String(tpl.id ?? ''))} ?readonly=${locked} autocomplete="off" spellcheck="false"
        aria-invalid=${idErr ? 'true' : 'false'} aria-describedby=${idErr ? 'tpl-id-hint tpl-id-err' : 'tpl-id-hint'}
        @input=${(e: Event) => act.editTemplate({ id: (e.target as HTMLInputElement).value }, 'edit', 'tpl-id')} />
      ${renderFieldError('tpl-id-err', idErr, t)}${renderUnknown(v, 'tpl-id')}
      <p class="version-line">${t.teVersionIs(String(tpl.version ?? ''))}</p>
    </div>
    <div class="field">
      <label for="tpl-description">${t.teDescription}</label>
      ${renderText(v, 'tpl-description', tpl.description, (text) => {
        const d = setText(tpl.description, v.editLang, text);
        act.editTemplate({ description: isEmptyText(d) && typeof d === 'string' ? undefined : d }, 'edit', 'tpl-description');
      }, { multiline: true, locked })}
    </div>
  </section>`;
}

/** 检查内容: every focus area (each rendered again only when it or its context changed) and 添加聚焦方向. */
export function renderOutline(v: EditorView): TemplateResult {
  const { t, tpl, locked } = v;
  return html`<section class="outline" part="outline" aria-labelledby="te-outline-title">
    <h3 id="te-outline-title">${t.teOutline}</h3>
    <p class="hint">${t.teKeyboardHelp}</p>
    ${repeat(tpl.sections, (s) => s.id, (s, si) => guard([s, si, tpl.sections.length === 1, ...context(v, `n${si}-`), locked], () => renderSection(v, s, si, tpl.sections.length === 1)))}
    <button type="button" class="add add-section" ?disabled=${locked} @click=${() => v.steps.addEntry('section')}>${t.teAddSection}</button>
  </section>`;
}

/**
 * What a node's rendering depends on besides the node itself: the languages (and whether the page
 * language's words have arrived: English loads after the first frame), the categories and the
 * errors shown under it. A node whose node and context are unchanged is not rendered again, so a
 * keystroke in a big template renders one check point, not all of them.
 */
function context(v: EditorView, prefix: string): unknown[] {
  let shown = '';
  for (const [id, message] of v.errs) if (id.startsWith(prefix)) shown += `${id}\u0000${message}\u0000`;
  return [v.epoch, v.lang, isLocaleReady(v.lang), v.editLang, v.tpl.categories, shown];
}

/** 移除未知项 for each member the template format does not name whose error is shown at the field `id` (one undoable step each). */
function renderUnknown(v: EditorView, id: string): TemplateResult | typeof nothing {
  const unknown = v.unknown.get(id);
  return unknown
    ? html`<div class="remove-unknown">${unknown.members.map((m) => html`<button type="button" ?disabled=${v.locked} @click=${() => v.steps.removeUnknown(unknown.path, m)}>${v.t.teRemoveUnknown}<bdi>${m}</bdi></button>`)}</div>`
    : nothing;
}

/** The per-node buttons: move, duplicate, delete (disabled for the last of its kind where it is: `only`), and the drag handle. */
function nodeTools(v: EditorView, id: string, label: string, only: boolean): TemplateResult {
  const { t, locked, steps: act } = v;
  return html`<div class="node-tools" role="group" aria-label=${label}>
    <span class="handle" draggable=${locked ? 'false' : 'true'} title=${t.teDrag} aria-hidden="true" @dragstart=${(e: DragEvent) => v.moves.dragStart(e, id)} @dragend=${() => v.moves.dragEnd()}>⠿</span>
    <button type="button" class="up" data-for=${id} data-field="up" ?disabled=${locked} @click=${() => act.moveEntry(id, -1, 'up')}>${t.teMoveUp}</button>
    <button type="button" class="down" data-for=${id} data-field="down" ?disabled=${locked} @click=${() => act.moveEntry(id, 1, 'down')}>${t.teMoveDown}</button>
    <button type="button" class="duplicate" data-for=${id} data-field="duplicate" ?disabled=${locked} @click=${() => act.duplicateEntry(id)}>${t.teDuplicate}</button>
    <button type="button" class="delete" data-for=${id} data-field="delete" ?disabled=${locked || only} @click=${() => act.deleteEntry(id)}>${t.teDelete}</button>
  </div>`;
}

function ordinal(v: EditorView, id: string, nodeId: string, value: string | undefined): TemplateResult {
  return html`<input type="text" class="ordinal" id=${id} data-for=${nodeId} data-field="ordinal" .value=${live(value ?? '')} ?readonly=${v.locked} size="4"
    @input=${(e: Event) => v.steps.editEntry(nodeId, { ordinal: (e.target as HTMLInputElement).value }, `${nodeId}:ordinal`)} />`;
}

function renderSection(v: EditorView, s: CheckSection, si: number, only: boolean): TemplateResult {
  const { t, locked, steps: act } = v;
  const label = t.teSection(String(si + 1));
  const hid = `n${si}-head`;
  const implicit = s.groups.length === 1 && s.groups[0]!.implicit;
  return html`<section class="node section" data-node=${s.id} aria-labelledby=${hid}
      @dragover=${(e: DragEvent) => v.moves.dragOver(e, s.id)} @drop=${(e: DragEvent) => v.moves.drop(e, s.id)}>
    <h4 id=${hid}>${label}</h4>
    <div class="fields">
      <div class="field ordinal-field">
        <label for=${fieldId(si, -1, -1, 'ordinal')}>${t.teOrdinal}</label>
        ${ordinal(v, fieldId(si, -1, -1, 'ordinal'), s.id, s.ordinal)}
      </div>
      <div class="field grow">
        <label for=${fieldId(si, -1, -1, 'title')}>${t.teSectionTitle}</label>
        ${renderText(v, fieldId(si, -1, -1, 'title'), s.title, (text) => act.editEntry(s.id, { title: setText(s.title, v.editLang, text) }, `${s.id}:title`), { nodeId: s.id, field: 'title', locked })}
      </div>
    </div>
    ${nodeTools(v, s.id, label, only)}
    ${implicit
      ? renderItems(v, s.groups[0]!, si, 0)
      : html`<div class="groups">${repeat(s.groups, (g) => g.id, (g, gi) => guard([g, si, gi, s.groups.length === 1, ...context(v, `n${si}-${gi}-`), locked], () => renderGroup(v, g, si, gi, s.groups.length === 1)))}</div>`}
    <div class="adds">
      ${implicit ? html`<button type="button" class="add add-item" ?disabled=${locked} @click=${() => act.addEntry('item', s.id)}>${t.teAddPoint}</button>` : nothing}
      <button type="button" class="add add-group" ?disabled=${locked} @click=${() => act.addEntry('group', s.id)}>${t.teAddGroup}</button>
    </div>
  </section>`;
}

function renderGroup(v: EditorView, g: CheckGroup, si: number, gi: number, only: boolean): TemplateResult {
  const { t, locked, steps: act } = v;
  const label = t.teGroup(`${si + 1}.${gi + 1}`);
  const hid = `n${si}-${gi}-head`;
  return html`<div class="node group" role="group" data-node=${g.id} aria-labelledby=${hid}
      @dragover=${(e: DragEvent) => v.moves.dragOver(e, g.id)} @drop=${(e: DragEvent) => v.moves.drop(e, g.id)}>
    <h5 id=${hid}>${label}</h5>
    <div class="fields">
      <div class="field ordinal-field">
        <label for=${fieldId(si, gi, -1, 'ordinal')}>${t.teOrdinal}</label>
        ${ordinal(v, fieldId(si, gi, -1, 'ordinal'), g.id, g.ordinal)}
      </div>
      <div class="field grow">
        <label for=${fieldId(si, gi, -1, 'title')}>${t.teGroupTitle}</label>
        ${renderText(v, fieldId(si, gi, -1, 'title'), g.title, (text) => act.editEntry(g.id, { title: setText(g.title, v.editLang, text) }, `${g.id}:title`), { nodeId: g.id, field: 'title', locked })}
      </div>
    </div>
    ${nodeTools(v, g.id, label, only)}
    ${renderItems(v, g, si, gi)}
    <button type="button" class="add add-item" ?disabled=${locked} @click=${() => act.addEntry('item', g.id)}>${t.teAddPoint}</button>
  </div>`;
}

function renderItems(v: EditorView, g: CheckGroup, si: number, gi: number): TemplateResult {
  const { t, tpl, locked, steps: act } = v;
  const categories = Array.isArray(tpl.categories) ? tpl.categories : [];
  return html`<ol class="items">
    ${repeat(
      g.items,
      (p) => p.id,
      (p, pi) => guard([p, si, gi, pi, g.implicit, g.items.length === 1, ...context(v, `n${si}-${gi}-${pi}-`), locked], () => {
        const label = t.tePoint(g.implicit ? `${si + 1}.${pi + 1}` : `${si + 1}.${gi + 1}.${pi + 1}`);
        const hid = `n${si}-${gi}-${pi}-head`;
        const catId = fieldId(si, gi, pi, 'category');
        return html`<li class="node item" data-node=${p.id}
            @dragover=${(e: DragEvent) => v.moves.dragOver(e, p.id)} @drop=${(e: DragEvent) => v.moves.drop(e, p.id)}>
          <div role="group" aria-labelledby=${hid}>
          <p class="node-label" id=${hid} role="heading" aria-level=${g.implicit ? 5 : 6}>${label}</p>
          <div class="field">
            <label for=${fieldId(si, gi, pi, 'text')}>${t.tePointText}</label>
            ${renderText(v, fieldId(si, gi, pi, 'text'), p.text, (text) => act.editEntry(p.id, { text: setText(p.text, v.editLang, text) }, `${p.id}:text`), { multiline: true, nodeId: p.id, field: 'text', locked })}
          </div>
          <div class="fields">
            <div class="field grow">
              <label for=${fieldId(si, gi, pi, 'hint')}>${t.tePointHint}</label>
              ${renderText(v, fieldId(si, gi, pi, 'hint'), p.hint, (text) => {
                const h = setText(p.hint, v.editLang, text);
                act.editEntry(p.id, { hint: isEmptyText(h) && typeof h === 'string' ? undefined : h }, `${p.id}:hint`);
              }, { nodeId: p.id, field: 'hint', locked })}
            </div>
            <div class="field">
              <label for=${catId}>${t.tePointCategory}</label>
              <select id=${catId} data-for=${p.id} data-field="category" ?disabled=${locked}
                @change=${(e: Event) => act.editEntry(p.id, { category: (e.target as HTMLSelectElement).value || undefined })}>
                <option value="" ?selected=${!p.category}>${t.teNoCategory}</option>
                ${categories.map((c) => html`<option value=${c.value} ?selected=${p.category === c.value}>${textOf(c.label, v.editLang) || c.value}</option>`)}
              </select>
            </div>
          </div>
          ${nodeTools(v, p.id, label, g.items.length === 1)}
          </div>
        </li>`;
      }),
    )}
  </ol>`;
}

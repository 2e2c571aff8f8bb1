/**
 * 从文档导入 of <xc-template-editor>: a controller holding what was pasted, the import read
 * from it (shown with its counts and what could not be placed before anything is replaced, and
 * what was left out still listed after, with 复制未归入的文字) and a file's error, and its render
 * function. The import (src/core/template-import.ts) and the .docx
 * reader load on first use only. Replacing the template is the element's step (`applyImport`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { lazy } from '../base/lazy.js';
import type { ChecklistTemplateSource } from '../core/checklist.js';
import type { TemplateImport, UnplacedText } from '../core/template-import.js';
import type { TM } from './view.js';

/** The import from a document's text: loaded on the first import. */
const loadImport = lazy(() => import('../core/template-import.js'));
/** A .docx's text: loaded only when a .docx is opened. */
const loadDocx = lazy(() => import('../core/docx-text.js'));

/** What the import asks of the element: to read text (its public `readImport`, which a file's text goes through too). */
export interface ImportHost {
  requestUpdate(): void;
  readImport(text: string): Promise<unknown>;
}

/** The import's state; the element shows it with `render` and takes the step of replacing the template. */
export class ImportController {
  /** The text pasted (or read from a file). */
  text = '';
  /** The import read, waiting for 替换当前模板 or 取消. */
  result: TemplateImport | null = null;
  /** Why the file opened could not be read. */
  error = '';
  /** What the import last applied could not place: still listed after 替换当前模板, to copy. */
  left: UnplacedText[] = [];
  /** What the last 复制未归入的文字 did (said in the panel), and the text shown selected when the clipboard refused. */
  private copy: { said: string; text?: string } | null = null;

  constructor(
    private readonly host: ImportHost,
    private readonly fileError: () => string,
  ) {}

  /** Read text into a proposed template with `current`'s lists and id; nothing is replaced yet. */
  async read(text: string, current: ChecklistTemplateSource): Promise<TemplateImport> {
    this.text = text;
    const { importChecklistText } = await loadImport();
    // The whole template as base: a check point whose text comes back keeps its id (and nothing is counted removed).
    this.result = importChecklistText(text, { base: current, id: current.id, version: current.version });
    this.error = '';
    this.left = [];
    this.copy = null;
    this.host.requestUpdate();
    return this.result;
  }

  /** Forget the import read (on 取消). */
  clear(): void {
    this.result = null;
    this.copy = null;
    this.host.requestUpdate();
  }

  /** The import read was applied: it goes, what it could not place stays listed. */
  applied(): void {
    this.left = this.result?.unplaced ?? [];
    this.clear();
  }

  /**
   * 复制未归入的文字: the passages as "第 n 行：…" lines to the clipboard; when the clipboard is
   * refused (or missing), the text is shown in a read-only field, selected, and that is said.
   */
  private async copyUnplaced(t: TM, list: UnplacedText[], root: ParentNode): Promise<void> {
    const text = list.map((u) => `${t.teImportLine(u.line)}${u.text}`).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      this.copy = { said: t.teImportCopied(list.length) };
      this.host.requestUpdate();
    } catch {
      this.copy = { said: t.teImportCopyRefused, text };
      this.host.requestUpdate();
      await (this.host as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      const field = root.querySelector<HTMLTextAreaElement>('.unplaced-copy');
      field?.focus();
      field?.select();
    }
  }

  /** The passages not placed, each with its line and why, and 复制未归入的文字. */
  private renderUnplaced(t: TM, list: UnplacedText[], intro: string, id = ''): TemplateResult {
    return html`<p class="unplaced-intro" id=${id || nothing}>${intro}</p>
      <ul class="unplaced">
        ${list.map((u) => html`<li><span class="line">${t.teImportLine(u.line)}</span><bdi>${u.text}</bdi> <span class="hint reason">${t.teImportReason[u.reason] ?? u.reason}</span></li>`)}
      </ul>
      <button type="button" class="import-copy" @click=${(e: Event) => void this.copyUnplaced(t, list, (e.target as Element).getRootNode() as ParentNode)}>${t.teImportCopy}</button>
      <p class="copy-said" role="status">${this.copy?.said ?? ''}</p>
      ${this.copy?.text !== undefined
        ? html`<label for="te-unplaced-copy">${t.teImportCopyText}</label>
            <textarea id="te-unplaced-copy" class="unplaced-copy" readonly rows="4" .value=${live(this.copy.text)}></textarea>`
        : nothing}`;
  }

  private setText(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }

  /** A file chosen: a .docx's text (its reader loaded now) or a text file's, read as pasted. */
  private async openFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const text = /\.docx$/i.test(file.name) ? (await loadDocx()).docxText(new Uint8Array(await file.arrayBuffer())) : await file.text();
      await this.host.readImport(text);
    } catch {
      this.result = null;
      this.error = this.fileError();
      this.host.requestUpdate();
    }
    input.value = '';
  }

  /** The import section: the text, 读取 and the file input, then the result with 替换当前模板 / 取消. */
  render(t: TM, locked: boolean, apply: () => void): TemplateResult {
    const imp = this.result;
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
      <textarea id="te-import-text" rows="6" aria-describedby="te-import-help" .value=${live(this.text)} ?readonly=${locked}
        @input=${(e: Event) => this.setText((e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="import-tools">
        <button type="button" class="import-read" ?disabled=${locked} @click=${() => void this.host.readImport(this.text)}>${t.teImportRead}</button>
        <label class="file">${t.teImportFile}
          <input type="file" class="import-file" accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" ?disabled=${locked} @change=${(e: Event) => void this.openFile(e)} />
        </label>
      </div>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      ${imp && counts
        ? html`<div class="import-result banner" role="region" aria-labelledby="te-import-result">
            <p id="te-import-result" role="status">${counts.points ? t.teImportResult(imp.template.sections.length, counts.groups, counts.points) : t.teImportNone}</p>
            ${imp.levels.length ? html`<p>${t.teImportLevels(imp.levels.join(' / '))}</p>` : nothing}
            ${imp.unplaced.length ? this.renderUnplaced(t, imp.unplaced, t.teImportUnplaced(imp.unplaced.length)) : nothing}
            <button type="button" class="primary import-replace" ?disabled=${!counts.points} @click=${() => apply()}>${t.teImportReplace}</button>
            <button type="button" class="import-cancel" @click=${() => this.clear()}>${t.teImportCancel}</button>
          </div>`
        : this.left.length
          ? html`<div class="import-result import-left banner" role="region" aria-labelledby="te-import-left">
              ${this.renderUnplaced(t, this.left, t.teImportLeft(this.left.length), 'te-import-left')}
            </div>`
          : nothing}
    </section>`;
  }
}

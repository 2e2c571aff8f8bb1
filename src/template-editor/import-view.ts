/**
 * 从文档导入 of <xc-template-editor>: a controller holding what was pasted, the import read
 * from it (shown with its counts and what could not be placed before anything is replaced) and a
 * file's error, and its render function. The import (src/core/template-import.ts) and the .docx
 * reader load on first use only. Replacing the template is the element's step (`applyImport`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { lazy } from '../base/lazy.js';
import type { ChecklistTemplateSource } from '../core/checklist.js';
import type { TemplateImport } from '../core/template-import.js';
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
    this.host.requestUpdate();
    return this.result;
  }

  /** Forget the import read (after it was applied, or on 取消). */
  clear(): void {
    this.result = null;
    this.host.requestUpdate();
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
            ${imp.unplaced.length
              ? html`<p>${t.teImportUnplaced(imp.unplaced.length)}</p>
                  <ul class="unplaced">
                    ${imp.unplaced.map((u) => html`<li><span class="line">${t.teImportLine(u.line)}</span><bdi>${u.text}</bdi></li>`)}
                  </ul>`
              : nothing}
            <button type="button" class="primary import-replace" ?disabled=${!counts.points} @click=${() => apply()}>${t.teImportReplace}</button>
            <button type="button" class="import-cancel" @click=${() => this.clear()}>${t.teImportCancel}</button>
          </div>`
        : nothing}
    </section>`;
  }
}

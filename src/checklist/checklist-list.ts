/**
 * The summary bar and the list of `<xc-checklist>`, as render functions of the checklist: progress,
 * filters, search and the expand/collapse and submit buttons; the focus areas, their groups and
 * the check points (each an `<xc-checklist-item>`, up to the number rendered so far); and the
 * answers kept aside from an older template version. They hold no state of their own: the
 * checklist gives them what to draw and what to call back.
 * @internal
 */
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { setStyle } from '../base/set-style.js';
import { mapElement } from '../base/element-map.js';
import type { Messages } from '../core/i18n.js';
import { textOf } from '../core/text.js';
import {
  answerText,
  matchesFilter,
  type ChecklistFilter,
  type ChecklistProgress,
  type ChecklistResponse,
  type ChecklistTemplate,
  type TemplateIndex,
} from '../core/checklist.js';
import type { XcChecklistItem } from './xc-checklist-item.js';
import type { AttachmentStore } from '../core/attachment-types.js';

/** What the summary bar is drawn from and calls back. */
export interface BarContext {
  t: Messages;
  progress: ChecklistProgress;
  filter: ChecklistFilter;
  query: string;
  /** Whether the default submit button (or the `actions` slot) is shown. */
  submitButton: boolean;
  setFilter(f: ChecklistFilter): void;
  setQuery(q: string): void;
  setAll(collapse: boolean): void;
  submit(): void;
}

/** The sticky bar: progress, filters, search, expand/collapse all and submit. */
export function renderBar(c: BarContext) {
  const { t, progress: p } = c;
  const filters: [ChecklistFilter, string][] = [
    ['all', t.filterAll],
    ['unanswered', t.filterUnanswered],
    ['problems', t.filterProblems],
    ['clues', t.filterClues],
  ];
  return html`<div class="bar" part="summary-bar">
    <div class="progress" role="status" aria-live="polite">
      <progress max=${p.total} .value=${p.answered} aria-label=${t.progressOverall(p.answered, p.total)}></progress>
      <span class="count">${t.progressOverall(p.answered, p.total)}</span>
      <span class="count problems">${t.progressProblems(p.problems)}</span>
      <span class="count clues">${t.progressClues(p.clues)}</span>
    </div>
    <div class="tools">
      <fieldset class="filters">
        <legend class="visually-hidden">${t.filterLabel}</legend>
        ${filters.map(
          ([f, label]) => html`<label class=${c.filter === f ? 'on' : ''}><input type="radio" name="xc-filter" .checked=${c.filter === f} @change=${() => c.setFilter(f)} />${label}</label>`,
        )}
      </fieldset>
      <label class="search"><span class="visually-hidden">${t.searchLabel}</span>
        <input type="search" .value=${c.query} placeholder=${t.searchPlaceholder} aria-label=${t.searchLabel} @input=${(e: Event) => c.setQuery((e.target as HTMLInputElement).value)} />
      </label>
      <button type="button" @click=${() => c.setAll(false)}>${t.expandAll}</button>
      <button type="button" @click=${() => c.setAll(true)}>${t.collapseAll}</button>
      ${c.submitButton ? html`<slot name="actions"><button type="button" class="primary" part="submit" @click=${() => c.submit()}>${t.submit}</button></slot>` : nothing}
    </div>
    <p class="hint keys">${t.keyboardHelp}</p>
  </div>`;
}

/** What the list is drawn from and calls back. */
export interface ListContext {
  template: ChecklistTemplate;
  index: TemplateIndex;
  response: ChecklistResponse;
  progress: ChecklistProgress;
  t: Messages;
  lang: string;
  /** How many check points are rendered (in template order); the rest follow in chunks. */
  limit: number;
  /** Changes whenever anything the list is drawn from but `limit` changes (a group already drawn whole is then drawn again). */
  key: object;
  filter: ChecklistFilter;
  query: string;
  collapsed: ReadonlySet<string>;
  locked: boolean;
  /** Comments of the last 退回修改, by check point id. */
  comments: Record<string, string>;
  /** The provider's attachment store, if any. */
  store: AttachmentStore | undefined;
  /** Kept pointing at each rendered check point's element. */
  items: Map<string, XcChecklistItem>;
  toggle(id: string): void;
}

/** The focus areas with their groups and check points (those within `limit` that match the filter). */
export function renderList(c: ListContext) {
  const { template, index, response, t, lang, limit } = c;
  const filtering = c.filter !== 'all' || c.query.trim() !== '';
  let shown = 0;
  const sections = template.sections.map((section) => {
    const sOpen = !c.collapsed.has(section.id);
    const sp = c.progress.sections[section.id]!;
    const groups = section.groups.map((group) => {
      const gOpen = group.implicit || !c.collapsed.has(group.id);
      const drawGroup = () => {
        const items = group.items.map((point) => {
          const ip = index.byId.get(point.id)!;
          if (ip.index >= limit) return nothing;
          if (filtering && !matchesFilter(index, ip, response.items[point.id], c.filter, c.query, lang)) return nothing;
          shown++;
          return html`<xc-checklist-item
            .ip=${ip}
            .template=${template}
            .index=${index}
            .response=${response.items[point.id]}
            .t=${t}
            .lang=${lang}
            .readonly=${c.locked}
            .comment=${c.comments[point.id]}
            .store=${c.store}
            ${mapElement(c.items, point.id)}
          ></xc-checklist-item>`;
        });
        const list = html`<div role="list" class="items" id="g-${group.id}" ?hidden=${!gOpen}
            ${setStyle({ 'contain-intrinsic-size': `auto ${group.items.length * 110}px` })}>${items}</div>`;
        // Check points right under their focus area: no heading of a group (there is none).
        if (group.implicit) return list;
        return html`<section class="group" part="group" aria-labelledby="h-${group.id}">
          <h4 class="group-title" id="h-${group.id}">
            <button type="button" aria-expanded=${gOpen ? 'true' : 'false'} aria-controls="g-${group.id}" @click=${() => c.toggle(group.id)}>
              ${group.ordinal ? html`<bdi class="ordinal">${group.ordinal}</bdi>` : nothing}<bdi>${textOf(group.title, lang)}</bdi>
            </button>
          </h4>
          ${list}
        </section>`;
      };
      if (filtering) return drawGroup(); // (its matches are counted)
      // While the list grows in chunks, a group drawn whole before (or not reached yet) is not drawn again.
      const first = group.items[0] ? index.byId.get(group.items[0].id)!.index : 0;
      return guard([c.key, Math.max(first, Math.min(limit, first + group.items.length))], drawGroup);
    });
    return html`<section class="section" part="section" aria-labelledby="h-${section.id}">
      <h3 class="section-title" id="h-${section.id}">
        <button type="button" part="section-heading" aria-expanded=${sOpen ? 'true' : 'false'} aria-controls="s-${section.id}" @click=${() => c.toggle(section.id)}>
          ${section.ordinal ? html`<bdi class="ordinal">${section.ordinal}</bdi>` : nothing}<bdi>${textOf(section.title, lang)}</bdi>
        </button>
        <xc-checklist-tally class="section-progress" id="tally-${section.id}" .counts=${sp} .t=${t}></xc-checklist-tally>
      </h3>
      <div id="s-${section.id}" class="section-body" ?hidden=${!sOpen}>${groups}</div>
    </section>`;
  });
  return html`${filtering ? html`<p class="match-count" role="status">${shown ? t.matchCount(shown) : t.noMatches}</p>` : nothing}${sections}`;
}

/** Answers to check points that are no longer in the template, kept aside (never dropped). */
export function renderKeptAside(t: Messages, response: ChecklistResponse | null) {
  const kept = response?.keptAside;
  if (!kept || !Object.keys(kept).length) return nothing;
  return html`<section class="kept-aside" part="kept-aside">
    <p>${t.keptAside}</p>
    <ul>${Object.entries(kept).map(([id, r]) => {
      // Kept as given: an entry may be of any type; only its text members are shown.
      const o: Record<string, unknown> = r && typeof r === 'object' ? r : {};
      return html`<li><code><bdi>${id}</bdi></code>${t.labelSep}<bdi>${answerText(o['description']) || answerText(o['notes']) || answerText(o['finding'])}</bdi></li>`;
    })}</ul>
  </section>`;
}

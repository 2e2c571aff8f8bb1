/**
 * The list of <xc-petition-register>: the counts of the petitions shown (by source, category and
 * handling) and their table, the 反映人 as the role in force may see it. Pure rendering.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { formatDateKey } from '../core/i18n.js';
import { petitionCounts, petitionHandlingLabel, petitionMessages, petitionSourceLabel, petitionerText, type PetitionEntry } from '../core/petition.js';

type PT = ReturnType<typeof petitionMessages>;

const s = (v: unknown) => (typeof v === 'string' ? v : '');

/** The counts by source, category and handling of the petitions shown. */
export function renderCounts(t: PT, lang: string, shown: PetitionEntry[]): TemplateResult {
  const c = petitionCounts(shown);
  const list = (cls: string, title: string, m: Record<string, number>, label: (k: string) => string) =>
    html`<div class=${cls}><h4>${title}</h4><ul>${Object.keys(m).map((k) => html`<li><bdi>${t.petCount(label(k), m[k]!)}</bdi></li>`)}</ul></div>`;
  return html`<section class="counts" part="counts" aria-labelledby="counts-title">
    <h3 id="counts-title">${t.petCounts}<span class="total">${t.petTotal(c.total)}</span></h3>
    ${list('by-source', t.petCountsBySource, c.bySource, (k) => petitionSourceLabel(k, lang))}
    ${list('by-category', t.petCountsByCategory, c.byCategory, (k) => k || t.petCategoryNone)}
    ${list('by-handling', t.petCountsByHandling, c.byHandling, (k) => petitionHandlingLabel(k, lang))}
  </section>`;
}

/** The list of the petitions shown, the first `limit` rows drawn; a number opens its petition. */
export function renderTable(t: PT, lang: string, shown: PetitionEntry[], total: number, limit: number, open: (id: string) => void): TemplateResult {
  if (!total) return html`<p class="empty">${t.petEmpty}</p>`;
  return html`<p class="shown" role="status">${shown.length ? t.petShown(shown.length, total) : t.petNoMatches}</p>
    <div class="table-wrap">
      <table part="table">
        <caption>${t.petTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.petColNumber}</th>
            <th scope="col">${t.petColSource}</th>
            <th scope="col">${t.petColReceivedOn}</th>
            <th scope="col" class="identity">${t.petColPetitioner}</th>
            <th scope="col">${t.petColConcerned}</th>
            <th scope="col">${t.petColSummary}</th>
            <th scope="col">${t.petColCategory}</th>
            <th scope="col">${t.petColHandling}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.slice(0, limit).map((e) => guard([e, t, lang], () => {
            const who = petitionerText(e, lang);
            return html`<tr data-id=${e.id}>
              <th scope="row"><button type="button" class="open" @click=${() => open(e.id)}><span class="visually-hidden">${t.petOpen}</span><bdi>${s(e.number)}</bdi></button></th>
              <td>${petitionSourceLabel(e.source, lang)}</td>
              <td>${formatDateKey(e.receivedOn, lang)}</td>
              <td class="identity ${e.identityMasked ? 'masked' : ''}"><bdi>${who.name}</bdi>${who.contact && !e.identityMasked ? html`<br /><bdi>${who.contact}</bdi>` : nothing}</td>
              <td><bdi>${s(e.concerned?.name)}</bdi>${e.concerned?.name && e.concerned?.unit ? html`<br />` : nothing}<bdi>${s(e.concerned?.unit)}</bdi></td>
              <td class="summary"><bdi>${s(e.summary)}</bdi></td>
              <td><bdi>${s(e.category)}</bdi></td>
              <td>${petitionHandlingLabel(e.handling, lang)}${e.transferredOn ? html`<br />${formatDateKey(e.transferredOn, lang)}` : nothing}</td>
            </tr>`;
          }))}
        </tbody>
      </table>
    </div>`;
}

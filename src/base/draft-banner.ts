import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, type Messages } from '../core/i18n.js';
import type { DraftController } from './draft-controller.js';

/**
 * The draft notices every element shows: restore offer, other tab, storage failure. `onTake` gets the
 * draft restored; `onDecline` runs after the offer is declined (the banner and its focused button go).
 */
export function renderDraftBanner(
  drafts: DraftController,
  t: Messages,
  lang: string,
  onTake: (value: unknown) => void,
  onDecline?: () => void,
): TemplateResult | typeof nothing {
  const parts: TemplateResult[] = [];
  if (drafts.offered) {
    parts.push(html`<div class="banner" part="draft-banner" role="region" aria-label=${t.draftRestore}>
      <p>${t.draftFound(formatDate(drafts.offered.savedAt, lang, true))}</p>
      <button type="button" class="primary" @click=${() => onTake(drafts.take('offered'))}>${t.draftRestore}</button>
      <button type="button" @click=${() => (drafts.decline('offered'), onDecline?.())}>${t.draftDiscard}</button>
    </div>`);
  }
  if (drafts.fromOtherTab) {
    parts.push(html`<div class="banner warn" part="draft-banner" role="alert">
      <p>${t.draftOtherTab}</p>
      <button type="button" class="primary" @click=${() => onTake(drafts.take('other'))}>${t.draftLoadOther}</button>
      <button type="button" @click=${() => drafts.decline('other')}>${t.draftKeepMine}</button>
    </div>`);
  }
  if (drafts.unavailable) {
    parts.push(html`<div class="banner warn" part="draft-banner" role="status"><p>${t.draftUnavailable}</p></div>`);
  }
  return parts.length ? html`${parts}` : nothing;
}

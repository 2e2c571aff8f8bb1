import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError } from '../core/validation-types.js';
import type { Messages } from '../core/i18n.js';

/**
 * The error summary (GOV.UK pattern): a focusable box at the top with a heading
 * and one link per error. Activating a link scrolls to the field and focuses it.
 * @param resolve finds the control for an error (or undefined)
 */
export function renderErrorSummary(
  errors: readonly FieldError[],
  t: Messages,
  resolve: (error: FieldError) => HTMLElement | undefined | Promise<HTMLElement | undefined>,
  idOf: (error: FieldError) => string,
): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  const go = async (e: Event, error: FieldError) => {
    e.preventDefault();
    const target = await resolve(error);
    if (!target) return;
    const label = target.closest('fieldset')?.querySelector('legend') ?? target;
    label.scrollIntoView?.({ block: 'center' });
    target.focus({ preventScroll: true });
  };
  return html`<div class="error-summary" part="error-summary" tabindex="-1" data-error-summary aria-labelledby="xc-error-summary-title">
    <div role="alert">
      <h2 id="xc-error-summary-title">${t.errorSummaryTitle}</h2>
      <p class="visually-hidden">${t.errorSummaryCount(errors.length)}</p>
      <ul>
        ${errors.map((error) => html`<li><a href="#${idOf(error)}" @click=${(e: Event) => go(e, error)}>${error.message}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

/** A field's inline error, wired through `id` for aria-describedby. */
export function renderFieldError(id: string, message: string | undefined, t: Messages): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="field-error" id=${id}><span class="visually-hidden">${t.errorPrefix}</span>${message}</p>`;
}

/** `<xc-checklist-tally>` (internal): a focus area's progress in its heading, updated without re-rendering the list. */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../base/define.js';
import type { Messages } from '../core/i18n.js';

/** Counts of one section. */
export interface SectionCounts {
  total: number;
  answered: number;
  problems: number;
  clues: number;
}

/**
 * A section's progress in its heading (internal). Its own element so that the
 * checklist can update one section's counts without re-rendering the list.
 * @internal
 */
export class XcChecklistTally extends LitElement {
  @property({ attribute: false }) counts?: SectionCounts;
  @property({ attribute: false }) t!: Messages;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render() {
    const c = this.counts;
    if (!c) return nothing;
    return html`${this.t.sectionProgress(c.answered, c.total)}${c.problems ? html` · ${this.t.progressProblems(c.problems)}` : nothing}`;
  }
}

defineElement('xc-checklist-tally', XcChecklistTally);

declare global {
  interface HTMLElementTagNameMap {
    'xc-checklist-tally': XcChecklistTally;
  }
}

/**
 * The ledger's "changed by someone else" banner, as a render function of the tracker: what
 * conflicts (item, field, both values), a choice per conflict (theirs or mine), 合并 (merge) and
 * 重新载入 (reload); and, after a reload, the notice that the person's changes were kept, with a
 * button to get them back. Values are shown as text only. No state of its own. Loaded by the
 * tracker the first time a version saved elsewhere arrives, with the merge and the strings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { extendLocale, type Messages } from '../core/i18n.js';
import type { MergeConflict } from '../core/ledger-merge.js';
import { conflictKey } from '../core/ledger-merge.js';
import syncZhCN from '../core/locales/sync.zh-CN.js';

// The banner's strings join the locale registry with it (the tracker loads this module the first time it needs it).
extendLocale(syncZhCN, { en: () => import('../core/locales/sync.en.js') });

export { conflictKey, mergeLedgers, resolveConflicts } from '../core/ledger-merge.js';
import { kindLabel, statusLabel } from '../core/rectification.js';
import type { RectificationKind, RectificationStatus } from '../core/rectification-types.js';

/** The conflict being shown: the merged ledger's conflicts and the person's choices so far. */
export interface ConflictView {
  conflicts: readonly MergeConflict[];
  /** Keys ({@link conflictKey}) of the conflicts where the person keeps their own value. */
  keepMine: Set<string>;
}

export interface SyncBannerContext {
  t: Messages;
  lang: string;
  conflict: ConflictView | null;
  /** A copy of the person's changes set aside by a reload (the notice offers it back). */
  kept: boolean;
  /** A save the server refused (the item put back as the server has it), or null. */
  refused: { itemId: string; reasons: readonly { code: string; message?: string }[] } | null;
  /** How many items' saves wait for the network. */
  pending: number;
  numberOf(itemId: string): string;
  choose(key: string, mine: boolean): void;
  merge(): void;
  reload(): void;
  recover(): void;
  dismissKept(): void;
  dismissRefused(): void;
}

/** The name people read for a field path of an item (or of the ledger). */
export function fieldLabel(field: string, t: Messages): string {
  const labels: Record<string, string> = {
    problem: t.rectColProblem,
    'problem.text': t.rectColProblem,
    'problem.focusArea': t.rectColFocusArea,
    'problem.category': t.rectColCategory,
    measures: t.rectColMeasures,
    'responsibility.leader': t.rectColLeader,
    'responsibility.department': t.rectColDepartment,
    'responsibility.person': t.rectColPerson,
    kind: t.rectColKind,
    deadline: t.rectColDeadline,
    status: t.rectColStatus,
    progress: t.rectColProgress,
    evidence: t.rectColEvidence,
    verifier: t.rectColVerifier,
    closedAt: t.rectColClosedAt,
    title: t.trackerSyncTitleField,
    unit: t.trackerSyncUnitField,
    history: t.trackerSyncHistoryField,
  };
  return labels[field] ?? field;
}

/** A value as one line of text (statuses and kinds by their names, lists joined). */
export function valueText(v: unknown, field: string, t: Messages, lang: string): string {
  if (v === undefined || v === null || v === '') return t.trackerSyncEmpty;
  if (field === 'status' && typeof v === 'string') return statusLabel(v as RectificationStatus, lang);
  if (field === 'kind' && typeof v === 'string') return kindLabel(v as RectificationKind, lang);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(x, '', t, lang)).join(t.phraseSep) : t.trackerSyncEmpty;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['text', 'title', 'name']) if (typeof o[k] === 'string') return o[k] as string;
    const parts = Object.values(o).filter((x) => typeof x === 'string' || typeof x === 'number');
    return parts.length ? parts.join(t.phraseSep) : JSON.stringify(v);
  }
  return String(v);
}

/** The banner (`part="conflict-banner"`), the refused-save alert or the kept-copy notice, and the offline status; or nothing. */
export function renderSyncBanner(c: SyncBannerContext): TemplateResult | typeof nothing {
  const banner = renderBanner(c);
  if (!c.pending) return banner;
  return html`${banner}<p class="sync-pending" part="sync-status" role="status">${c.t.trackerSyncPending(c.pending)}</p>`;
}

function renderBanner(c: SyncBannerContext): TemplateResult | typeof nothing {
  const { t, lang, conflict } = c;
  if (conflict) {
    const n = conflict.conflicts.length;
    return html`<div class="banner warn sync-conflict" part="conflict-banner" role="alert" tabindex="-1" aria-labelledby="sync-title">
      <p id="sync-title"><strong>${t.trackerSyncTitle}</strong></p>
      <p>${n ? t.trackerSyncConflicts(n) : t.trackerSyncNoConflict}</p>
      ${conflict.conflicts.map((x, i) => {
        const key = conflictKey(x);
        const where = x.itemId === null ? t.trackerSyncLedgerField(fieldLabel(x.field, t)) : t.trackerSyncWhere(c.numberOf(x.itemId), fieldLabel(x.field, t));
        const mine = conflict.keepMine.has(key);
        return html`<fieldset class="sync-choice">
          <legend>${where}</legend>
          <label><input type="radio" name=${`sync-${i}`} value="theirs" .checked=${!mine} @change=${() => c.choose(key, false)} /><span>${t.trackerSyncTheirs}</span><span class="sync-value">${valueText(x.theirs, x.field, t, lang)}</span></label>
          <label><input type="radio" name=${`sync-${i}`} value="mine" .checked=${mine} @change=${() => c.choose(key, true)} /><span>${t.trackerSyncMine}</span><span class="sync-value">${valueText(x.mine, x.field, t, lang)}</span></label>
        </fieldset>`;
      })}
      <p class="sync-actions">
        <button type="button" class="primary sync-merge" @click=${() => c.merge()}>${t.trackerSyncMerge}</button>
        <button type="button" class="sync-reload" @click=${() => c.reload()}>${t.trackerSyncReload}</button>
      </p>
    </div>`;
  }
  if (c.refused) {
    const r = c.refused;
    return html`<div class="banner warn sync-refused" part="conflict-banner" role="alert" tabindex="-1">
      <p><strong>${t.trackerSyncRefused(c.numberOf(r.itemId))}</strong></p>
      ${r.reasons.length ? html`<ul>${r.reasons.map((x) => html`<li>${x.message || t.trackerSyncRefusedCode(x.code)}</li>`)}</ul>` : nothing}
      <p>${t.trackerSyncRefusedKept}</p>
      ${c.kept ? html`<button type="button" class="sync-recover" @click=${() => c.recover()}>${t.trackerSyncRecover}</button>` : nothing}
      <button type="button" class="sync-dismiss" @click=${() => c.dismissRefused()}>${t.trackerSyncDismiss}</button>
    </div>`;
  }
  if (c.kept) {
    return html`<div class="banner sync-kept" part="conflict-banner" role="status">
      <p>${t.trackerSyncReloaded}</p>
      <button type="button" class="primary sync-recover" @click=${() => c.recover()}>${t.trackerSyncRecover}</button>
      <button type="button" class="sync-dismiss" @click=${() => c.dismissKept()}>${t.trackerSyncDismiss}</button>
    </div>`;
  }
  return nothing;
}

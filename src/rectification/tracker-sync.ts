/**
 * The ledger's "changed by someone else" banner and what it does: what conflicts (item, field,
 * both values), a choice per conflict (theirs or mine), 合并 (merge) and 重新载入 (reload, keeping a
 * copy of the person's version to get back); a save the server refused; saves waiting for the
 * network. Values are shown as text only. The state lives in the element's `TrackerRemote`
 * controller (tracker-remote.ts); this module, with the merge and the strings, is loaded the first
 * time it is needed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { extendLocale, type Messages } from '../core/i18n.js';
import type { MergeConflict } from '../core/ledger-merge.js';
import { conflictKey, mergeLedgers, resolveConflicts } from '../core/ledger-merge.js';
import syncZhCN from '../core/locales/sync.zh-CN.js';
import { canonicalJson, isPromiseLike } from '../core/draft.js';
import { snapshot, type RemoteOutcome, type TrackerRemote } from './tracker-remote.js';
export { syncStyles } from './tracker-sync.styles.js';
/** What adopts the banner's styles into the tracker's shadow root: loaded with them, not with the tracker. */
export { adoptSheet } from '../base/adopt-sheet.js';

// The banner's strings join the locale registry with it (the tracker loads this module the first time it needs it).
extendLocale(syncZhCN, { en: () => import('../core/locales/sync.en.js') });

import { kindLabel, statusLabel } from '../core/rectification/labels.js';
import type { RectificationItem, RectificationKind, RectificationLedger, RectificationStatus } from '../core/rectification-types.js';


// ---------------------------------------------------------------------------
// What the banner does
// ---------------------------------------------------------------------------

/** The focused element inside the ledger (through the rows' and panel's shadow roots). */
function deepActive(r: TrackerRemote): HTMLElement | null {
  let a = r.host.shadowRoot?.activeElement ?? null;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
}

function focusLater(r: TrackerRemote, selector: string): void {
  void r.host.updateComplete.then(() => r.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
}

/** Focus back where it was before the banner took it (or on the table). */
function refocus(r: TrackerRemote): void {
  const back = r.returnFocus;
  r.returnFocus = null;
  r.host.requestUpdate();
  void r.host.updateComplete.then(() => {
    if (back?.isConnected) back.focus();
    else r.host.renderRoot.querySelector<HTMLElement>('.table-wrap')?.focus();
  });
}

function openConflict(r: TrackerRemote, base: RectificationLedger | null, mine: RectificationLedger, theirs: RectificationLedger, live: 'mine' | 'theirs' = 'mine'): MergeConflict[] {
  const m = mergeLedgers(base, mine, theirs);
  const keepMine = new Set([...(r.conflict?.keepMine ?? [])].filter((k) => m.conflicts.some((c) => conflictKey(c) === k)));
  if (!r.conflict) r.returnFocus = deepActive(r);
  r.conflict = { conflicts: m.conflicts, keepMine, base, mine, theirs, merged: m.ledger, live };
  if (live === 'mine') r.kept = null;
  r.host.requestUpdate();
  focusLater(r, '.sync-conflict');
  return m.conflicts;
}

/** See the element's `showConflict`. */
export function showConflict(r: TrackerRemote, theirs: RectificationLedger): MergeConflict[] {
  const mine = r.host.value;
  if (!mine || !r.host.shownLedger) {
    r.host.adoptValue(theirs);
    return [];
  }
  const open = r.conflict;
  if (open?.live === 'theirs') {
    // A kept copy was being got back: it stays kept; this conflict is about what is shown now.
    r.kept = { base: open.base, mine: open.mine };
    r.conflict = null;
  }
  return openConflict(r, r.conflict?.base ?? r.baseline, mine, theirs);
}

/** See the element's `showRefused`. */
export function showRefused(r: TrackerRemote, itemId: string, reasons: readonly { code: string; message?: string }[], serverItem?: RectificationItem): void {
  const host = r.host;
  const cur = host.value;
  const back = serverItem ?? r.baseline?.items.find((i) => i.id === itemId);
  if (cur && back) {
    r.kept = { base: r.baseline ? snapshot(r.baseline) : null, mine: snapshot(cur) };
    host.applyKeeping({ ...cur, items: cur.items.map((i) => (i.id === itemId ? back : i)) });
    r.markItemSynced(back);
    host.itemChanged(itemId, 'restore');
  }
  r.refused = { itemId, reasons: reasons.map((x) => ({ code: x.code, ...(x.message ? { message: x.message } : {}) })) };
  host.requestUpdate();
}

/** Another party's version while the person has unsaved changes: merged when nothing clashes, else the banner. */
export function mergeRemote(r: TrackerRemote, theirs: RectificationLedger, read: RectificationLedger): RemoteOutcome {
  const host = r.host;
  if (r.conflict) {
    showConflict(r, theirs);
    return 'conflict';
  }
  const base = r.baseline;
  const mine = host.value!;
  const m = mergeLedgers(base, mine, theirs);
  if (m.conflicts.length) {
    openConflict(r, base, mine, theirs);
    return 'conflict';
  }
  const before = new Map((base?.items ?? []).map((i) => [i.id, canonicalJson(i)]));
  const changed = read.items.filter((i) => before.get(i.id) !== canonicalJson(i)).length;
  host.applyKeeping(m.ledger);
  r.baseline = snapshot(read);
  host.announce(host.t.trackerSyncRemoteMerged(changed));
  host.itemChanged(null, 'restore');
  return 'merged';
}

function merge(r: TrackerRemote): void {
  const c = r.conflict;
  const host = r.host;
  if (!c) return;
  // Typing done while the banner waited is part of the live side: merge what is shown now.
  const mine = c.live === 'mine' ? host.value! : c.mine;
  const theirs = c.live === 'theirs' ? host.value! : c.theirs;
  const m = mergeLedgers(c.base, mine, theirs);
  const shown = new Set(c.conflicts.map((x) => conflictKey(x)));
  if (m.conflicts.some((x) => !shown.has(conflictKey(x)))) {
    // That typing clashes with their version too: ask again, with the new field listed.
    openConflict(r, c.base, mine, theirs, c.live);
    return;
  }
  r.conflict = null;
  host.applyKeeping(resolveConflicts(m.ledger, m.conflicts, c.keepMine));
  if (c.live === 'mine') r.baseline = snapshot(c.theirs);
  host.announce(host.t.trackerSyncMerged);
  host.itemChanged(null, 'restore');
  refocus(r);
}

/** A copy of the person's version beyond this page, under `<draft-key>~mine` (nothing without a draft key). */
function keepCopy(r: TrackerRemote, mine: RectificationLedger): void {
  const host = r.host;
  if (!host.draftKey) return;
  // A server's draft storage may answer later: nothing waits for it.
  try {
    const saved = host.env.drafts.save(`${host.draftKey}~mine`, { value: mine, savedAt: host.env.now().getTime(), unsaved: host.unsavedTyping() });
    if (isPromiseLike<void>(saved)) saved.then(undefined, () => undefined);
  } catch {
    /* kept in memory */
  }
}

function reload(r: TrackerRemote): void {
  const c = r.conflict;
  const host = r.host;
  if (!c) return;
  r.conflict = null;
  const mine = c.live === 'mine' ? host.value! : c.mine;
  const theirs = c.live === 'theirs' ? host.value! : c.theirs;
  r.kept = { base: c.base, mine };
  keepCopy(r, mine);
  host.applyKeeping(theirs);
  if (c.live === 'mine') r.baseline = snapshot(c.theirs);
  host.itemChanged(null, 'restore');
  focusLater(r, '.sync-recover');
}

function recover(r: TrackerRemote): void {
  const k = r.kept;
  const shown = r.host.value;
  if (!k || !shown) return;
  r.kept = null;
  openConflict(r, k.base, k.mine, shown, 'theirs');
}

/** The banner, the refused-save alert or the kept-copy notice, and the offline status; or nothing. */
export function renderRemote(r: TrackerRemote): TemplateResult | typeof nothing {
  const host = r.host;
  return renderSyncBanner({
    t: host.t,
    lang: host.effectiveLang,
    conflict: r.conflict,
    kept: !!r.kept,
    refused: r.refused,
    pending: r.pending,
    numberOf: (id) => host.numberOf(id),
    choose: (key, mine) => {
      const c = r.conflict;
      if (!c) return;
      if (mine) c.keepMine.add(key);
      else c.keepMine.delete(key);
      host.requestUpdate();
    },
    merge: () => merge(r),
    reload: () => reload(r),
    recover: () => {
      r.refused = null;
      recover(r);
    },
    dismissRefused: () => {
      r.refused = null;
      r.kept = null;
      refocus(r);
    },
    dismissKept: () => {
      r.kept = null;
      refocus(r);
    },
  });
}

// ---------------------------------------------------------------------------
// The banner
// ---------------------------------------------------------------------------

/** The conflict being shown: the merged ledger's conflicts and the person's choices so far. */
export interface ConflictView {
  conflicts: readonly MergeConflict[];
  /** Keys ({@link conflictKey}) of the conflicts where the person keeps their own value. */
  keepMine: Set<string>;
}

interface SyncBannerContext {
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
function renderSyncBanner(c: SyncBannerContext): TemplateResult | typeof nothing {
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

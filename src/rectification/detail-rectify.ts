/**
 * Three sections of the ledger's detail panel for 整改 to the end, with the state of their small
 * forms: 延期 (the unit asks for a later deadline with a reason; the office approves or refuses),
 * 验收 (each party the ledger names signs in the signed-in user's name, with a date, opinion and
 * pass / fail; every signature stays listed, the one in force marked) and the item's
 * change log (every field edit: who, when, before, after). Every step goes through the core
 * (`requestExtension`, `decideExtension`, `signAcceptance`) by the tracker's `applyStep`; a refusal is
 * shown translated at the form. Data is shown as text only.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatDate, type Messages } from '../core/i18n.js';
import { renderFieldError } from '../base/error-summary.js';
import { formatDateKey } from '../core/i18n.js';
import { acceptanceState, allSignatures, canSignFor, signAcceptance, signingWindow } from '../core/rectification/acceptance.js';
import { canRequestExtension, decideExtension, pendingExtension, requestExtension } from '../core/rectification/extension.js';
import { effectiveDeadline } from '../core/rectification/dates.js';
import { RectificationError, type RectificationRole } from '../core/rectification/workflow.js';
import type { AcceptanceParty, AcceptanceSignature } from '../core/rectification-types.js';
import type { ExtensionRequest, FieldChange, RectificationItem } from '../core/rectification-types.js';
import { fieldName } from './tracker-validation.js';
import { DATA_MARK, isolateIn, roleLabel } from './labels.js';
import type { ItemStep, TrackerActions } from './xc-rectification-detail.js';

/** What the sections need of the panel. */
export interface RectifyHost extends ReactiveControllerHost {
  readonly item: RectificationItem;
  readonly actingRole: RectificationRole;
  readonly t: Messages;
  readonly lang: string;
  readonly today: string;
  /** The well-formed 验收 parties of the ledger. */
  readonly acceptanceParties: readonly AcceptanceParty[];
  readonly actions: TrackerActions;
  /** The acting user's name (the default signer), or ''. */
  readonly userName: string;
  querySelector<E extends Element = Element>(selectors: string): E | null;
  /** The step was applied: the panel shows the new item, says so (its status region) and moves focus to `focus` (a selector). */
  stepDone(next: RectificationItem, message: string, focus?: string): void;
  /** The translated text of a refusal of the core. */
  refusal(code: RectificationError['code']): string;
}

const text = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Edits of one field by one person with pauses under this long read as one change (typing a word is one edit, not one per key). */
const TYPING_RUN_MS = 5 * 60_000;

/**
 * Whether `b` is `a` with one run of characters typed in or deleted at one place (what a key, a
 * paste or a cut does to a text or number field): both text or numbers, and what is left of the
 * longer after their common start and end is all that differs. A value replaced by another
 * (progress 33 → 95, a date picked, yes → no) is not.
 */
function oneKeystroke(a: unknown, b: unknown): boolean {
  const typed = (v: unknown) => typeof v === 'string' || typeof v === 'number' || v === undefined;
  if (!typed(a) || !typed(b)) return false;
  const x = a === undefined ? '' : String(a);
  const y = b === undefined ? '' : String(b);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === long.length) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return long.endsWith(short.slice(i));
}

/**
 * The log as people read it: a typing run, shown as one change from the first value to the last
 * (the stored log keeps every entry). An entry joins the run before it when it is of the same
 * person and role on the same field, within {@link TYPING_RUN_MS} of the previous entry, and its
 * value is the run's last value with characters typed in or deleted at one place (`孙强` → `孙强周`,
 * `7` → `70`). Values replaced whole stay separate steps: progress 0 → 33 then 33 → 95 is two lines.
 */
export function groupTyping(list: readonly FieldChange[]): FieldChange[] {
  const out: FieldChange[] = [];
  let lastAt = NaN;
  for (const c of list) {
    const prev = out[out.length - 1];
    const at = Date.parse(String(c.at));
    if (
      prev &&
      prev.by === c.by &&
      prev.role === c.role &&
      prev.path.join('\u0000') === c.path.join('\u0000') &&
      at - lastAt >= 0 &&
      at - lastAt <= TYPING_RUN_MS &&
      oneKeystroke(prev.after, c.after)
    ) {
      const merged: FieldChange = { ...prev, at: c.at };
      if ('after' in c) merged.after = c.after;
      else delete merged.after;
      out[out.length - 1] = merged;
    } else out.push(c);
    lastAt = at;
  }
  return out;
}

export class RectifySections {
  /** The 延期 request being typed (unit) or the decision's comment (office), and the refusals by field ('' : the form's). */
  private ext: { deadline: string; reason: string; comment: string; errors: Record<string, string> } = { deadline: '', reason: '', comment: '', errors: {} };
  /** The 验收 signature being typed (the signer is always the signed-in user), and a refusal. */
  private sig: { party: string; date: string; opinion: string; passed: boolean; error: string; field: string } | null = null;
  private forId = '';

  constructor(private readonly host: RectifyHost) {}

  /** Forget what was typed when another item is shown. */
  follow(id: string): void {
    if (id === this.forId) return;
    this.forId = id;
    this.ext = { deadline: '', reason: '', comment: '', errors: {} };
    this.sig = null;
  }

  /** Apply a step; once done, focus goes to the heading of `section` (the message is announced by the panel's status region). */
  private apply(step: ItemStep, message: string, section: string, onError: (e: RectificationError) => void): void {
    const h = this.host;
    try {
      h.stepDone(h.actions.applyStep(h.item.id, step), message, `#d-h-${section}`);
    } catch (e) {
      if (!(e instanceof RectificationError)) throw e;
      onError(e);
      h.requestUpdate();
    }
  }

  private focusLater(selector: string): void {
    void this.host.updateComplete.then(() => this.host.querySelector<HTMLElement>(selector)?.focus());
  }

  // -------------------------------------------------------------------------
  // 延期
  // -------------------------------------------------------------------------

  extension(section: (id: string, title: string, body: unknown) => TemplateResult): TemplateResult | typeof nothing {
    const { item, t, lang, actingRole: role } = this.host;
    const list = (Array.isArray(item.extensions) ? item.extensions : []).filter((e): e is ExtensionRequest => !!e && typeof e === 'object');
    const canAsk = canRequestExtension(item, role);
    const waiting = pendingExtension(item);
    const canDecide = role === 'office' && !!waiting;
    if (!list.length && !canAsk) return nothing;
    const effective = effectiveDeadline(item);
    const moved = effective && effective !== item.deadline;
    return section(
      'extension',
      t.trackerSectionExtension,
      html`${moved
          ? html`<div class="d-field"><span class="d-label">${t.trackerExtOriginal}</span><span class="d-value">${formatDateKey(str(item.deadline), lang)}</span></div>
              <div class="d-field"><span class="d-label">${t.trackerExtEffective}</span><span class="d-value">${formatDateKey(effective, lang)}</span></div>`
          : nothing}
        ${list.length ? this.extensionTable(list) : html`<p class="hint">${t.trackerExtNone}</p>`}
        ${canAsk ? this.askForm() : nothing} ${canDecide ? this.decideForm() : nothing}`,
    );
  }

  private extensionTable(list: ExtensionRequest[]): TemplateResult {
    const { t, lang } = this.host;
    return html`<table class="log d-extensions">
      <thead><tr><th scope="col">${t.trackerExtColAt}</th><th scope="col">${t.trackerExtColBy}</th><th scope="col">${t.trackerExtColTo}</th><th scope="col">${t.trackerExtColReason}</th><th scope="col">${t.trackerExtColDecision}</th></tr></thead>
      <tbody>${list.map((e) => {
        const d = e.decision && typeof e.decision === 'object' ? e.decision : null;
        return html`<tr>
          <td>${formatDate(str(e.at) || null, lang, true)}</td>
          <td><bdi>${str(e.by)}</bdi></td>
          <td>${formatDateKey(str(e.deadline), lang)}</td>
          <td class="pre"><bdi>${str(e.reason)}</bdi></td>
          <td>${d ? isolateIn(d.approved ? t.trackerExtApproved(DATA_MARK) : t.trackerExtRefused(DATA_MARK), str(d.by)) : t.trackerExtWaiting}${d && str(d.comment) ? html`<br /><bdi class="pre">${str(d.comment)}</bdi>` : nothing}</td>
        </tr>`;
      })}</tbody>
    </table>`;
  }

  private askForm(): TemplateResult {
    const t = this.host.t;
    const f = this.ext;
    const err = (field: string) => f.errors[field] ?? '';
    const refused = (errors: Record<string, string>) => {
      f.errors = errors;
      this.host.requestUpdate();
      const first = ['deadline', 'reason'].find((k) => errors[k]);
      this.focusLater(first ? `#d-ext-${first}` : '#d-ext-error');
    };
    const submit = () => {
      // Every empty field is named at once (the core refuses one reason at a time).
      const missing: Record<string, string> = {};
      if (!f.deadline) missing['deadline'] = t.trackerExtDeadlineNeeded;
      if (!f.reason.trim()) missing['reason'] = t.trackerErrNeedsReason;
      if (Object.keys(missing).length) return refused(missing);
      this.apply(
        (item, actor) => requestExtension(item, { deadline: f.deadline, reason: f.reason }, actor),
        t.trackerExtAsked,
        'extension',
        (e) => {
          const field = e.field === 'reason' ? 'reason' : e.field === 'deadline' || e.code === 'invalid' ? 'deadline' : '';
          refused({ [field]: this.host.refusal(e.code) });
        },
      );
    };
    return html`<div class="action-form" role="group" aria-labelledby="d-ext-title">
      <p id="d-ext-title" class="action-title">${t.trackerExtAsk}</p>
      ${err('') ? html`<p class="field-error" id="d-ext-error" role="alert" tabindex="-1">${err('')}</p>` : nothing}
      <div class="d-field"><label for="d-ext-deadline">${t.trackerExtNewDeadline}</label>${renderFieldError('d-ext-deadline-error', err('deadline') || undefined, t)}
        <input id="d-ext-deadline" type="date" .value=${f.deadline} aria-invalid=${err('deadline') ? 'true' : 'false'} aria-describedby=${err('deadline') ? 'd-ext-deadline-error' : nothing}
          @input=${(e: Event) => (f.deadline = text(e))} /></div>
      <div class="d-field"><label for="d-ext-reason">${t.trackerExtReason}</label>${renderFieldError('d-ext-reason-error', err('reason') || undefined, t)}
        <textarea id="d-ext-reason" rows="2" .value=${f.reason} aria-invalid=${err('reason') ? 'true' : 'false'} aria-describedby=${err('reason') ? 'd-ext-reason-error' : nothing}
          @input=${(e: Event) => (f.reason = text(e))}></textarea></div>
      <button type="button" class="primary d-ext-submit" @click=${submit}>${t.trackerExtSubmit}</button>
    </div>`;
  }

  private decideForm(): TemplateResult {
    const t = this.host.t;
    const f = this.ext;
    const decide = (approved: boolean) =>
      this.apply(
        (item, actor) => decideExtension(item, { approved, comment: f.comment }, actor),
        t.trackerExtDecided,
        'extension',
        (e) => {
          f.errors = { comment: e.code === 'needs-comment' ? t.trackerExtCommentNeeded : this.host.refusal(e.code) };
          this.focusLater('#d-ext-comment');
        },
      );
    const error = f.errors['comment'] ?? '';
    return html`<div class="action-form" role="group" aria-labelledby="d-ext-decide-title">
      <p id="d-ext-decide-title" class="action-title">${t.trackerExtColDecision}</p>
      <div class="d-field"><label for="d-ext-comment">${t.trackerExtComment}</label>${renderFieldError('d-ext-comment-error', error || undefined, t)}
        <textarea id="d-ext-comment" rows="2" .value=${f.comment} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'd-ext-comment-error' : nothing}
          @input=${(e: Event) => (f.comment = text(e))}></textarea></div>
      <button type="button" class="primary d-ext-approve" @click=${() => decide(true)}>${t.trackerExtApprove}</button>
      <button type="button" class="d-ext-refuse" @click=${() => decide(false)}>${t.trackerExtRefuse}</button>
    </div>`;
  }

  // -------------------------------------------------------------------------
  // 验收
  // -------------------------------------------------------------------------

  acceptance(section: (id: string, title: string, body: unknown) => TemplateResult): TemplateResult | typeof nothing {
    const { item, t, lang, acceptanceParties: parties, actingRole: role, userName } = this.host;
    if (!parties.length) return nothing;
    const state = acceptanceState(item, parties);
    const signable = item.status === 'pending-verification' ? parties.filter((p) => canSignFor(p, userName || role, role)) : [];
    const all = allSignatures(item);
    // Per party: the signature in force (the latest of the current round), then every earlier one, newest first.
    const row = (party: AcceptanceParty, s: AcceptanceSignature | undefined, inForce: boolean) => html`<tr data-party=${party.id} class=${inForce ? 'in-force' : 'earlier'}>
      <th scope="row"><bdi>${party.name}</bdi>${party.required === false ? nothing : t.trackerAccRequiredMark}</th>
      <td>${s ? (s.passed ? t.trackerAccPassed : t.trackerAccFailed) : t.trackerAccNotSigned}${s ? (inForce ? t.trackerAccInForce : t.trackerAccEarlier) : nothing}</td>
      <td><bdi>${s ? str(s.name) : ''}</bdi></td>
      <td>${s ? formatDateKey(str(s.date), lang) : ''}</td>
      <td class="pre"><bdi>${s ? str(s.opinion) : ''}</bdi></td>
    </tr>`;
    return section(
      'acceptance',
      t.trackerSectionAcceptance,
      html`<table class="log d-acceptance">
          <thead><tr><th scope="col">${t.trackerAccParty}</th><th scope="col">${t.trackerAccResult}</th><th scope="col">${t.trackerAccName}</th><th scope="col">${t.trackerAccDate}</th><th scope="col">${t.trackerAccOpinion}</th></tr></thead>
          <tbody>${state.parties.map(({ party, signature }) => html`${row(party, signature, true)}${all
            .filter((s) => s.party === party.id && s !== signature)
            .reverse()
            .map((s) => row(party, s, false))}`)}</tbody>
        </table>
        ${item.status === 'pending-verification' && state.missing.length
          ? html`<p class="hint d-acc-missing">${isolateIn(t.trackerAccMissing(DATA_MARK), state.missing.map((p) => p.name).join(t.phraseSep))}</p>`
          : nothing}
        ${signable.length ? this.signForm(signable) : nothing}`,
    );
  }

  private signForm(signable: AcceptanceParty[]): TemplateResult {
    const h = this.host;
    const t = h.t;
    const f = (this.sig ??= { party: signable[0]!.id, date: h.today, opinion: '', passed: true, error: '', field: '' });
    if (!signable.some((p) => p.id === f.party)) f.party = signable[0]!.id;
    const err = (field: string) => (f.error && f.field === field ? f.error : '');
    const win = signingWindow(h.item, h.today);
    const sign = () =>
      this.apply(
        // The name signed is always the signed-in user's: nobody signs in another's name.
        (item, actor) => signAcceptance(item, { party: f.party, name: actor.by, date: f.date, opinion: f.opinion, passed: f.passed }, { ...actor, today: h.today }, h.acceptanceParties),
        t.trackerAccSigned,
        'acceptance',
        (e) => {
          f.error = e.code === 'needs-comment' ? t.trackerAccOpinionNeeded : this.host.refusal(e.code);
          f.field = e.field === 'date' || e.field === 'opinion' ? e.field : '';
          this.focusLater(f.field ? `#d-acc-${f.field}` : '#d-acc-error');
        },
      );
    const field = (id: 'date' | 'opinion', label: string, control: TemplateResult) =>
      html`<div class="d-field"><label for="d-acc-${id}">${label}</label>${renderFieldError(`d-acc-${id}-error`, err(id) || undefined, t)}${control}</div>`;
    const described = (id: string) => (err(id) ? `d-acc-${id}-error` : nothing);
    return html`<div class="action-form" role="group" aria-labelledby="d-acc-title">
      <p id="d-acc-title" class="action-title">${t.trackerAccSign}</p>
      ${f.error && !f.field ? html`<p class="field-error" id="d-acc-error" role="alert" tabindex="-1">${f.error}</p>` : nothing}
      <fieldset class="d-acc-parties"><legend>${t.trackerAccParty}</legend>
        ${signable.map((p) => html`<label><input type="radio" name="d-acc-party" .value=${p.id} .checked=${f.party === p.id} @change=${() => (f.party = p.id)} />${isolateIn(t.trackerAccSignAs(DATA_MARK), p.name)}</label>`)}
      </fieldset>
      <div class="d-field"><span class="d-label">${t.trackerAccName}</span><span class="d-value d-acc-signer"><bdi>${h.userName}</bdi></span></div>
      ${field('date', t.trackerAccDate, html`<input id="d-acc-date" type="date" .value=${f.date} min=${win.from ?? nothing} max=${win.to ?? nothing} aria-invalid=${err('date') ? 'true' : 'false'} aria-describedby=${described('date')} @input=${(e: Event) => (f.date = text(e))} />`)}
      ${field('opinion', t.trackerAccOpinion, html`<textarea id="d-acc-opinion" rows="2" .value=${f.opinion} aria-invalid=${err('opinion') ? 'true' : 'false'} aria-describedby=${described('opinion')} @input=${(e: Event) => (f.opinion = text(e))}></textarea>`)}
      <fieldset class="d-acc-result"><legend>${t.trackerAccResult}</legend>
        <label><input type="radio" name="d-acc-passed" .checked=${f.passed} @change=${() => (f.passed = true)} />${t.trackerAccPassed}</label>
        <label><input type="radio" name="d-acc-passed" .checked=${!f.passed} @change=${() => (f.passed = false)} />${t.trackerAccFailed}</label>
      </fieldset>
      <button type="button" class="primary d-acc-sign" @click=${sign}>${t.trackerAccSign}</button>
    </div>`;
  }

  /** After a signature the form starts again (for another party). */
  signed(): void {
    this.sig = null;
  }

  // -------------------------------------------------------------------------
  // The change log
  // -------------------------------------------------------------------------

  changes(section: (id: string, title: string, body: unknown) => TemplateResult): TemplateResult {
    const { item, t, lang } = this.host;
    const list = groupTyping((Array.isArray(item.changes) ? item.changes : []).filter((c): c is FieldChange => !!c && typeof c === 'object' && Array.isArray(c.path)));
    if (!list.length) return section('changes', t.trackerSectionChanges, html`<p class="hint">${t.trackerChangesNone}</p>`);
    // Newest first: what was changed last is what people look for.
    return section(
      'changes',
      t.trackerSectionChanges,
      html`<table class="log d-changes">
        <thead><tr><th scope="col">${t.trackerColWhen}</th><th scope="col">${t.trackerColWho}</th><th scope="col">${t.trackerColField}</th><th scope="col">${t.trackerColBefore}</th><th scope="col">${t.trackerColAfter}</th></tr></thead>
        <tbody>${[...list].reverse().map((c) => html`<tr>
          <td>${formatDate(str(c.at) || null, lang, true)}</td>
          <td>${str(c.role) ? isolateIn(t.trackerWithRole(DATA_MARK, roleLabel(str(c.role), t)), str(c.by)) : html`<bdi>${str(c.by)}</bdi>`}</td>
          <td>${this.pathName(c.path)}</td>
          <td class="pre"><bdi>${this.valueText(c.before, c.path)}</bdi></td>
          <td class="pre"><bdi>${this.valueText(c.after, c.path)}</bdi></td>
        </tr>`)}</tbody>
      </table>`,
    );
  }

  /** A change's field as people read it: the field's label, then a measure's place and its part. */
  private pathName(path: readonly unknown[]): TemplateResult {
    const t = this.host.t;
    const segs = path.map(str);
    const top = segs[0] === 'problem' || segs[0] === 'responsibility' ? segs.slice(0, 2).join('.') : (segs[0] ?? '');
    const rest = segs.slice(top.split('.').length);
    if (segs[0] === 'measures' && rest.length) {
      const list = Array.isArray(this.host.item.measures) ? this.host.item.measures : [];
      const i = list.findIndex((m) => m && typeof m === 'object' && m.id === rest[0]);
      const part = { text: t.trackerMeasureText, done: t.trackerMeasureDone, person: t.trackerMeasurePerson, deadline: t.trackerMeasureDeadline, doneOn: t.trackerMeasureDoneOn }[rest[1] ?? ''];
      return html`${fieldName(top, t)} · ${i >= 0 ? t.trackerMeasure(i + 1) : html`<bdi>${rest[0]}</bdi>`}${part ? ` · ${part}` : nothing}`;
    }
    return html`${fieldName(top, t)}${rest.length ? html` · <bdi>${rest.join('.')}</bdi>` : nothing}`;
  }

  /** A logged value as one line of text: dates as the language writes them, yes/no, a measure or evidence by its text. */
  private valueText(v: unknown, path: readonly unknown[]): string {
    const { t, lang } = this.host;
    if (v === undefined || v === null || v === '') return t.trackerChangeEmpty;
    if (typeof v === 'boolean') return v ? t.trackerYes : t.trackerNo;
    if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) && /deadline|startedOn|closedAt|date/i.test(String(path[path.length - 1])) ? formatDateKey(v, lang) : v;
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return v.map((x) => this.valueText(x, [])).join(t.phraseSep);
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of ['text', 'title', 'name']) if (typeof o[k] === 'string') return o[k] as string;
      return JSON.stringify(v);
    }
    return String(v);
  }
}

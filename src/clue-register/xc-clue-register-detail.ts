/**
 * The panels of <xc-clue-register>, loaded the first time one opens: a clue's panel (its route per
 * 条例 §28, 处理建议, the steps the role in force may take, the receiver's reply, the history), the
 * form that registers a clue directly, and the 移交单 form (移交人, 接收人, date) for the selected
 * approved clues. Pure rendering: every change goes through the element (and so the core).
 */
import { html, nothing } from 'lit';
import { formatDateKey } from '../core/i18n.js';
import type { WorkpaperRoles } from '../core/workpaper.js';
import {
  CLUE_DISPOSALS,
  CLUE_RECEIVERS,
  allowedClueActions,
  clueDisposalLabel,
  clueOriginText,
  clueReceiverLabel,
  clueRegisterMessages,
  clueStateLabel,
  receiverOf,
  suggestReceiver,
  type ClueDisposal,
  type ClueReceiver,
  type ClueRegister,
  type ClueStepInput,
  type RegisterClue,
  editClue,
} from '../core/clue-register.js';

/** The clue forms as typed. */
export interface ClueForm {
  mainProblem: string;
  category: string;
  concernedName: string;
  concernedUnit: string;
  suggestion: string;
  receiver: ClueReceiver | '';
  disposal: ClueDisposal | '';
  replyOn: string;
  replyNote: string;
}

/** The 移交单 form as typed. */
export interface SheetForm {
  receiverUnit: string;
  transferor: string;
  recipient: string;
  date: string;
}

/** What the panels need of the element. */
export interface PanelHost {
  lang: string;
  today: string;
  locked: boolean;
  role: string;
  roles?: Partial<WorkpaperRoles>;
  error: string;
  form: ClueForm;
  sheetForm: SheetForm;
  selected: RegisterClue[];
  setForm(patch: Partial<ClueForm>): void;
  setSheetForm(patch: Partial<SheetForm>): void;
  close(): void;
  /** Take a step (with the team's words saved first), or with no `action` save the words alone. */
  act(id: string, input: (Omit<ClueStepInput, 'on'> | { action?: undefined }) & { on?: string; edit?: Parameters<typeof editClue>[2] }): void;
  saveNew(): void;
  makeSheet(): void;
}

type T = ReturnType<typeof clueRegisterMessages>;
type Panel = { kind: 'clue'; id: string } | { kind: 'add' } | { kind: 'sheet-form' };

const s = (v: unknown) => (typeof v === 'string' ? v : '');
const val = (e: Event) => (e.target as HTMLInputElement).value;

const refusal = (h: PanelHost) => (h.error ? html`<p class="refusal" id="panel-error" role="alert" tabindex="-1">${h.error}</p>` : nothing);

function textField(id: string, label: string, value: string, onInput: (v: string) => void, opts: { area?: boolean; type?: string; locked?: boolean; hint?: string; invalid?: boolean } = {}) {
  // A field the refusal is about names it (aria-describedby) and says it is wrong (aria-invalid).
  const described = [opts.invalid ? 'panel-error' : '', opts.hint ?? ''].filter(Boolean).join(' ') || nothing;
  const invalid = opts.invalid ? 'true' : 'false';
  return html`<div class="field ${opts.area ? 'wide' : ''}">
    <label for=${id}>${label}</label>
    ${opts.area
      ? html`<textarea id=${id} rows="3" .value=${value} ?readonly=${!!opts.locked} aria-invalid=${invalid} aria-describedby=${described} @input=${(e: Event) => onInput(val(e))}></textarea>`
      : html`<input id=${id} type=${opts.type ?? 'text'} .value=${value} ?readonly=${!!opts.locked} aria-invalid=${invalid} aria-describedby=${described} @input=${(e: Event) => onInput(val(e))} />`}
  </div>`;
}

/** The open panel. */
export function renderPanel(h: PanelHost, panel: Panel, register: ClueRegister, t: T) {
  if (panel.kind === 'add') return renderAdd(h, t);
  if (panel.kind === 'sheet-form') return renderSheetForm(h, t);
  const clue = register.clues.find((c) => c.id === panel.id);
  return clue ? renderClue(h, clue, register, t) : nothing;
}

function renderAdd(h: PanelHost, t: T) {
  const f = h.form;
  return html`<form class="add-form" novalidate @submit=${(e: Event) => (e.preventDefault(), h.saveNew())}>
    <h3 tabindex="-1">${t.crAdd}</h3>
    ${refusal(h)}
    ${textField('c-problem', t.crColProblem, f.mainProblem, (v) => h.setForm({ mainProblem: v }), { area: true, invalid: !!h.error && !f.mainProblem.trim() })}
    <div class="grid">
      ${textField('c-category', t.crColCategory, f.category, (v) => h.setForm({ category: v }), { hint: 'c-route-hint' })}
      ${textField('c-concerned', t.crColConcerned, f.concernedName, (v) => h.setForm({ concernedName: v }))}
      ${textField('c-concerned-unit', t.crColConcernedUnit, f.concernedUnit, (v) => h.setForm({ concernedUnit: v }))}
    </div>
    <p class="hint" id="c-route-hint">${t.crSuggested(clueReceiverLabel(suggestReceiver({ category: f.category, mainProblem: f.mainProblem }), h.lang))}</p>
    ${textField('c-suggestion', t.crColSuggestion, f.suggestion, (v) => h.setForm({ suggestion: v }), { area: true })}
    <div class="actions">
      <button type="submit" class="primary save">${t.crAdd}</button>
      <button type="button" class="cancel" @click=${() => h.close()}>${t.crCancel}</button>
    </div>
  </form>`;
}

function renderSheetForm(h: PanelHost, t: T) {
  const f = h.sheetForm;
  const approved = h.selected.filter((c) => c.state === 'approved');
  return html`<form class="sheet-form" novalidate @submit=${(e: Event) => (e.preventDefault(), h.makeSheet())}>
    <h3 tabindex="-1">${t.crMakeSheet}</h3>
    ${refusal(h)}
    <p>${t.crSheetCount(approved.length)}</p>
    <ul class="chosen">${approved.map((c) => html`<li><bdi>${s(c.number)}</bdi> <bdi>${s(c.mainProblem)}</bdi> → ${clueReceiverLabel(receiverOf(c), h.lang)}</li>`)}</ul>
    <div class="grid">
      ${textField('s-unit', t.crSheetReceiverUnit, f.receiverUnit, (v) => h.setSheetForm({ receiverUnit: v }))}
      ${textField('s-date', t.crSheetDate, f.date, (v) => h.setSheetForm({ date: v }), { type: 'date' })}
      ${textField('s-transferor', t.crSheetTransferor, f.transferor, (v) => h.setSheetForm({ transferor: v }), { invalid: !!h.error && !f.transferor.trim() })}
      ${textField('s-recipient', t.crSheetRecipient, f.recipient, (v) => h.setSheetForm({ recipient: v }), { invalid: !!h.error && !f.recipient.trim() })}
    </div>
    <div class="actions">
      <button type="submit" class="primary make">${t.crMakeSheet}</button>
      <button type="button" class="cancel" @click=${() => h.close()}>${t.crCancel}</button>
    </div>
  </form>`;
}

function renderClue(h: PanelHost, clue: RegisterClue, register: ClueRegister, t: T) {
  const lang = h.lang;
  const f = h.form;
  const actions = h.locked ? [] : allowedClueActions(clue, h.role, h.roles);
  const editable = !h.locked && (clue.state === 'registered' || clue.state === 'proposed' || clue.state === 'approved');
  const receiverEditable = editable && clue.state === 'registered';
  const sheet = clue.sheetId ? (register.transfers ?? []).find((x) => x.id === clue.sheetId) : undefined;
  const receiver = (f.receiver || receiverOf(clue)) as ClueReceiver;
  // Read at the click (h.form is the form as typed now, not as last drawn).
  const edit = () => (editable ? { edit: { mainProblem: h.form.mainProblem, suggestion: h.form.suggestion, ...(receiverEditable ? { receiver: (h.form.receiver || receiverOf(clue)) as ClueReceiver } : {}) } } : {});
  return html`<div class="clue-panel">
    <h3 tabindex="-1">${t.crDetailTitle(s(clue.number))}</h3>
    ${refusal(h)}
    <dl class="facts">
      <dt>${t.crColState}</dt><dd class="state">${clueStateLabel(clue.state, lang)}</dd>
      <dt>${t.crColSourceRecord}</dt><dd><bdi>${clueOriginText(clue, lang)}</bdi></dd>
      ${editable ? nothing : html`<dt>${t.crColProblem}</dt><dd class="problem"><bdi>${s(clue.mainProblem)}</bdi></dd>`}
      ${clue.category ? html`<dt>${t.crColCategory}</dt><dd><bdi>${s(clue.category)}</bdi></dd>` : nothing}
      ${clue.personConcerned ? html`<dt>${t.crColConcerned}</dt><dd><bdi>${[s(clue.personConcerned.name), s(clue.personConcerned.unit)].filter(Boolean).join(' ')}</bdi></dd>` : nothing}
      ${sheet ? html`<dt>${t.crColSheet}</dt><dd><bdi>${s(sheet.number)}</bdi> · ${formatDateKey(clue.transferredOn, lang)}</dd><dt>${t.crColDue}</dt><dd>${formatDateKey(clue.replyDue, lang)}</dd>` : nothing}
    </dl>
    ${editable ? textField('d-problem', t.crColProblem, f.mainProblem, (v) => h.setForm({ mainProblem: v }), { area: true, invalid: !!h.error && !f.mainProblem.trim() }) : nothing}
    ${textField('d-suggestion', t.crColSuggestion, f.suggestion, (v) => h.setForm({ suggestion: v }), { area: true, locked: !editable })}
    <fieldset class="route" aria-describedby="d-route-hint">
      <legend>${t.crRoute}</legend>
      ${CLUE_RECEIVERS.map((r) => html`<label><input type="radio" name="receiver" value=${r} .checked=${receiver === r} ?disabled=${!receiverEditable} @change=${() => h.setForm({ receiver: r })} />${clueReceiverLabel(r, lang)}</label>`)}
      <p class="hint" id="d-route-hint">${t.crSuggested(clueReceiverLabel(suggestReceiver(clue), lang))}</p>
    </fieldset>
    ${clue.state === 'transferred' && actions.includes('reply')
      ? html`<fieldset class="reply radios" aria-describedby=${h.error && !f.disposal ? 'panel-error' : nothing}>
            <legend>${t.crReplyLegend}</legend>
            ${CLUE_DISPOSALS.map((d) => html`<label><input type="radio" name="disposal" value=${d} .checked=${f.disposal === d} @change=${() => h.setForm({ disposal: d })} />${clueDisposalLabel(d, lang)}</label>`)}
          </fieldset>
          <div class="grid">
            ${textField('d-reply-on', t.crReplyOn, f.replyOn, (v) => h.setForm({ replyOn: v }), { type: 'date' })}
          </div>
          ${textField('d-reply-note', t.crReplyNote, f.replyNote, (v) => h.setForm({ replyNote: v }), { area: true })}`
      : nothing}
    ${clue.reply ? html`<p class="reply-done">${t.crColDisposal}：${clueDisposalLabel(clue.reply.disposal, lang)} · ${formatDateKey(clue.reply.on, lang)}${clue.reply.note ? html` · <bdi>${s(clue.reply.note)}</bdi>` : nothing}</p>` : nothing}
    <div class="actions">
      ${actions.includes('propose') ? html`<button type="button" class="primary do-propose" @click=${() => h.act(clue.id, { action: 'propose', receiver: (h.form.receiver || receiverOf(clue)) as ClueReceiver, ...edit() })}>${t.crPropose}</button>` : nothing}
      ${actions.includes('approve') ? html`<button type="button" class="primary do-approve" @click=${() => h.act(clue.id, { action: 'approve', ...edit() })}>${t.crApprove}</button>` : nothing}
      ${actions.includes('withdraw') ? html`<button type="button" class="do-withdraw" @click=${() => h.act(clue.id, { action: 'withdraw' })}>${t.crWithdraw}</button>` : nothing}
      ${actions.includes('return') ? html`<button type="button" class="do-return" @click=${() => h.act(clue.id, { action: 'return' })}>${t.crReturn}</button>` : nothing}
      ${actions.includes('reply') ? html`<button type="button" class="primary do-reply" @click=${() => h.act(clue.id, { action: 'reply', on: h.form.replyOn, note: h.form.replyNote, ...(h.form.disposal ? { disposal: h.form.disposal } : {}) })}>${t.crRecordReply}</button>` : nothing}
      ${editable ? html`<button type="button" class="do-save" @click=${() => h.act(clue.id, edit())}>${t.crSave}</button>` : nothing}
      <button type="button" class="cancel" @click=${() => h.close()}>${t.crClose}</button>
    </div>
    ${clue.history?.length
      ? html`<section class="history" aria-label=${t.crHistory}>
          <h4>${t.crHistory}</h4>
          <ol>${clue.history.map((x) => html`<li>${formatDateKey(x.on, lang)} · <bdi>${s(x.name) || s(x.role)}</bdi> · ${stepLabel(x.action, t)}${x.note ? html` · <bdi>${s(x.note)}</bdi>` : nothing}</li>`)}</ol>
        </section>`
      : nothing}
  </div>`;
}

function stepLabel(action: string, t: T): string {
  return ({ propose: t.crPropose, withdraw: t.crWithdraw, approve: t.crApprove, return: t.crReturn, transfer: t.crStateTransferred, reply: t.crRecordReply } as Record<string, string>)[action] ?? action;
}

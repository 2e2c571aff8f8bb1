/**
 * <xc-feedback-sheet>: the 巡察反馈意见 drafted from signed 工作底稿 — problems under the 三个聚焦 with
 * 共性/个性, 意见建议, 反馈日期 — and its 签发 by the 组长, which locks it and hands the 问题清单 (ledger
 * items) to the host. The logic is src/core/feedback.ts; this file only shows it.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PrintPageController } from '../base/print-page.js';
import { XcRecordElement, type RecordRead } from '../base/record-element.js';
import { defineElement } from '../base/define.js';
import { renderDraftBanner } from '../base/draft-banner.js';
import { renderErrorSummary, renderFieldError } from '../base/error-summary.js';
import { tokens } from '../base/styles.js';
import { extendLocale, formatDate, formatDateKey, resolveLocale } from '../core/i18n.js';
import { isDateKey } from '../core/date-key.js';
import { levelsOf, type WorkpaperRoles } from '../core/workpaper.js';
import type { FieldError, ValidationResult } from '../core/validation-types.js';
import type { RectificationItem } from '../core/rectification-types.js';
import {
  draftFeedback,
  emptyFeedback,
  feedbackCounts,
  feedbackDueDate,
  feedbackToItems,
  groupFeedback,
  isFeedbackIssued,
  issueFeedback,
  readFeedback,
  type FeedbackRefusal,
  type FeedbackSheet,
  type FeedbackValue,
} from '../core/feedback.js';
import feedbackZhCN, { type FeedbackMessages } from '../core/locales/feedback.zh-CN.js';
import { feedbackStyles } from './xc-feedback-sheet.styles.js';

// The sheet's words join the registry with the element (pages without it do not carry them).
extendLocale(feedbackZhCN, { en: () => import('../core/locales/feedback.en.js') });

const messages = (lang: string) => resolveLocale(lang) as unknown as FeedbackMessages;

import type { FeedbackIssueDetail } from '../events/xc-issue.js';
export type { FeedbackIssueDetail };

/**
 * 巡察反馈意见: what the 巡察组 tells the unit's leadership at the 反馈 meeting, drafted from the
 * signed 工作底稿 (`sheets`; an unsigned or tampered sheet is refused and said so). The problems
 * stand under their 三个聚焦 headings, each marked 共性问题 or 个性问题 (as text), each text editable
 * until 签发; the 意见建议 are a list to add to, edit and remove from; the 反馈日期 is a date.
 *
 * 签发 is the 组长's (the provider's `user-role` acting at the `leader` level of `reviewRoles`, the
 * 工作底稿's mapping; default role `leader`): it locks the feedback (read-only from then on) and fires
 * `xc-issue` with the 问题清单 as ledger items — linked to the feedback items by stable ids, 共性/个性
 * carried, deadlines `report-due-months` (default 2) after the 反馈日期. Printed, it is an A4 page
 * with the 组长's signature line. Today (the 反馈日期 when none is set, the time of 签发) comes from
 * `<xc-provider today>`.
 *
 * @customElement xc-feedback-sheet
 * @tag xc-feedback-sheet
 *
 * @fires xc-change - The feedback changed. `detail: { value, reason: 'draft' | 'edit' | 'suggestion' | 'date' | 'issue' | 'restore' }`.
 * @fires xc-issue - The feedback was issued (签发). `detail: { value, items }`: `items` are the 问题清单's ledger items.
 * @fires xc-submit - `submit()` found the feedback complete. `detail: { value }`.
 * @fires xc-invalid - `submit()` or 签发 found errors. `detail: { errors }`.
 *
 * @slot header - Shown under the title (e.g. the meeting it was given at).
 *
 * @csspart problems - The problems, grouped by focus area.
 * @csspart suggestions - The 意见建议 list.
 * @csspart issue - The 反馈日期 and 签发 controls.
 * @csspart signature - The printed signature lines.
 * @csspart error-summary - The error summary.
 * @csspart draft-banner - Draft restore / storage notices.
 * @csspart load-error - The message shown when `value` cannot be read or a sheet is refused.
 *
 * @cssprop --xc-font-size - Base font size.
 * @cssprop --xc-color-primary - Main accent colour.
 * @cssprop --xc-color-border - Border colour of controls.
 * @cssprop --xc-color-surface-alt - Background of the badges and the 签发 box.
 */
export class XcFeedbackSheet extends XcRecordElement<FeedbackValue> {
  static override styles = [tokens, feedbackStyles];

  /** Provider roles per level of the 工作底稿's review; the `leader` level issues (签发). Default: role `leader`. */
  @property({ attribute: false }) reviewRoles?: Partial<WorkpaperRoles>;

  /** Months from the 反馈日期 to the 问题清单's deadline (整改情况报告 due). */
  @property({ type: Number, attribute: 'report-due-months' }) reportDueMonths = 2;

  @state() private _status = '';
  @state() private _issuer = '';
  private _sheets: FeedbackSheet[] = [];
  private _drafting: Promise<unknown> = Promise.resolve();

  protected override anchors = 'textarea, input, button';

  /** The feedback: `{ version: 1, unit?, round?, feedbackDate?, items, suggestions, issuedAt?, issuedBy? }`. Unknown members are kept. */
  @property({ attribute: false })
  get value(): FeedbackValue {
    return this.record;
  }
  set value(v: FeedbackValue | null | undefined) {
    this.acceptValue(v);
  }

  /**
   * The signed 工作底稿 to draft from (`{ template, response }` each). Setting them drafts the
   * feedback again: edits made to problems still drafted are kept; an issued feedback stays as it is.
   * A sheet that is not signed, or changed after 审签, is refused: the feedback is not changed and
   * the refusal is shown.
   */
  @property({ attribute: false })
  get sheets(): FeedbackSheet[] {
    return this._sheets;
  }
  set sheets(v: FeedbackSheet[] | null | undefined) {
    this._sheets = Array.isArray(v) ? v : [];
    this._drafting = this._draft();
  }

  /** Resolves when the feedback drafted from the last `sheets` is shown. */
  get drafted(): Promise<unknown> {
    return this._drafting.then(() => this.updateComplete);
  }

  private async _draft(): Promise<void> {
    const out = await draftFeedback(this._sheets, { lang: this.effectiveLang, previous: this.record });
    if (!out.ok) {
      this.valueError = this._refusalText(out);
      this.requestUpdate();
      return;
    }
    this.valueError = '';
    this.record = out.value;
    // A sheet drafted from sheets alone resets to that first draft.
    this.firstValue(out.value);
    this._changed('draft');
  }

  protected override emptyValue(): FeedbackValue {
    return emptyFeedback();
  }

  protected override readValue(v: unknown): RecordRead<FeedbackValue> {
    const r = readFeedback(v);
    return r ? { value: r } : { error: messages(this.effectiveLang).fbNotFeedback };
  }

  private _refusalText(r: FeedbackRefusal): string {
    const t = messages(this.effectiveLang);
    const why: Record<string, string> = { unsigned: t.fbUnsigned, tampered: t.fbTampered, template: t.fbTemplate, duplicate: t.fbDuplicate, value: t.fbNotSheet };
    return r.sheet === undefined ? t.fbNotFeedback : t.fbSheetRefused(r.sheet + 1, why[r.code] ?? r.code);
  }

  /** Issued (签发): locked for everyone. */
  get issued(): boolean {
    return isFeedbackIssued(this.record);
  }

  /** Whether the role in force (the provider's) may issue: it acts at the `leader` level. */
  get mayIssue(): boolean {
    return levelsOf(this.environment?.role, this.reviewRoles).includes('leader');
  }

  /** Read-only, disabled or issued. */
  protected override get locked(): boolean {
    return super.locked || this.issued;
  }

  override isEmpty(): boolean {
    return this.record.items.length === 0 && this.record.suggestions.length === 0;
  }

  /** Every problem has text; a 反馈日期, when given, is a date. Shows nothing. */
  override validate(): ValidationResult {
    const t = messages(this.effectiveLang);
    if (this.valueError) return { valid: false, errors: [{ path: '', message: this.valueError, keyword: 'shape' }] };
    const errors: FieldError[] = [];
    this.record.items.forEach((it, i) => {
      if (!it.text.trim()) errors.push({ path: `items.${i}.text`, message: t.fbNeedText(i + 1), keyword: 'required' });
    });
    const d = this.record.feedbackDate;
    if (d !== undefined && d !== '' && !isDateKey(d)) errors.push({ path: 'feedbackDate', message: t.fbBadDate, keyword: 'format' });
    return { valid: errors.length === 0, errors };
  }

  // --- Changes (also for hosts and tests) ------------------------------------------------------

  private _changed(reason: string): void {
    this.changed({ reason });
  }

  /** Change a problem's text (false once issued, read-only or unknown). */
  editItem(id: string, text: string): boolean {
    if (this.locked || !this.record.items.some((i) => i.id === id)) return false;
    this.record = { ...this.record, items: this.record.items.map((i) => (i.id === id ? { ...i, text } : i)) };
    this._changed('edit');
    return true;
  }

  /** Replace the 意见建议 (false once issued or read-only). */
  setSuggestions(list: string[]): boolean {
    if (this.locked) return false;
    this.record = { ...this.record, suggestions: list.map(String) };
    this._changed('suggestion');
    return true;
  }

  /** Set the 反馈日期 (`YYYY-MM-DD`, or '' for none). */
  setFeedbackDate(date: string): boolean {
    if (this.locked) return false;
    const next: FeedbackValue = { ...this.record, feedbackDate: date };
    if (!date) delete next.feedbackDate;
    this.record = next;
    this._changed('date');
    return true;
  }

  private async _addSuggestion(): Promise<void> {
    if (!this.setSuggestions([...this.record.suggestions, ''])) return;
    await this.updateComplete;
    const all = this.renderRoot.querySelectorAll<HTMLTextAreaElement>('.suggestions textarea');
    all[all.length - 1]?.focus();
  }

  private async _removeSuggestion(i: number): Promise<void> {
    const list = this.record.suggestions.filter((_, n) => n !== i);
    if (!this.setSuggestions(list)) return;
    this._status = messages(this.effectiveLang).fbSuggestionRemoved(i + 1);
    await this.updateComplete;
    const boxes = this.renderRoot.querySelectorAll<HTMLElement>('.suggestions textarea');
    (boxes[Math.min(i, boxes.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('.add-suggestion'))?.focus();
  }

  /**
   * 签发 as `by` (default: the name typed in 签发人, else the provider's user): locks the feedback and
   * fires `xc-issue` with the 问题清单. The 反馈日期 is today when none was set. Returns the ledger
   * items, or null when refused (not the 组长, read-only, or the feedback is incomplete: the errors
   * are shown and the error summary takes focus).
   */
  async issue(by?: string): Promise<RectificationItem[] | null> {
    if (this.readonly || this.isDisabled || !this.mayIssue || this.valueError) return null;
    const t = messages(this.effectiveLang);
    const name = (by ?? (this._issuer || this.environment?.user?.name || '')).trim();
    const date = this.record.feedbackDate || this.todayKey;
    const out = issueFeedback(this.record, { by: name, at: this.env.now().toISOString(), feedbackDate: date });
    if (!out.ok) {
      const text: Record<string, FieldError> = {
        name: { path: 'issuer', message: t.fbNeedName, keyword: 'required' },
        date: { path: 'feedbackDate', message: isDateKey(date) ? t.fbNeedDate : t.fbBadDate, keyword: 'format' },
        time: { path: '', message: t.fbBadTime, keyword: 'custom' },
        locked: { path: '', message: t.fbLocked, keyword: 'custom' },
      };
      const errors = out.code === 'text' ? this.validate().errors : [text[out.code] ?? { path: '', message: t.fbNotFeedback, keyword: 'custom' }];
      this.submitted = true;
      this.shownErrors = errors;
      this.dispatchEvent(new CustomEvent('xc-invalid', { bubbles: true, composed: true, detail: { errors } }));
      await this.updateComplete;
      await this.focusErrorSummary();
      return null;
    }
    const items = feedbackToItems(out.value, { reportDueMonths: this.reportDueMonths });
    this.record = out.value;
    this.shownErrors = [];
    this._status = t.fbIssuedStatus(items.length);
    this._changed('issue');
    this.dispatchEvent(new CustomEvent<FeedbackIssueDetail>('xc-issue', { bubbles: true, composed: true, detail: { value: out.value, items } }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.issued')?.focus();
    return items;
  }

  /** The 问题清单 of the issued feedback (empty while drafting). */
  problemList(): RectificationItem[] {
    return this.issued ? feedbackToItems(this.record, { reportDueMonths: this.reportDueMonths }) : [];
  }

  private async _resolve(e: FieldError): Promise<HTMLElement | undefined> {
    const m = /^items\.(\d+)\.text$/.exec(e.path);
    const sel = m ? `#fb-item-${m[1]}` : e.path === 'feedbackDate' ? '#fb-date' : e.path === 'issuer' ? '#fb-issuer' : '';
    return sel ? (this.renderRoot.querySelector<HTMLElement>(sel) ?? undefined) : undefined;
  }

  // --- Print ---------------------------------------------------------------------------------

  /** Printed on A4, with the margins of a 反馈意见. */
  protected readonly printPage = new PrintPageController(this, { rule: '@page{size:A4;margin:25mm 20mm}' });

  // --- Rendering -----------------------------------------------------------------------------

  protected override render() {
    const lang = this.effectiveLang;
    const t = messages(lang);
    const v = this.record;
    const locked = this.locked;
    const err = (path: string) => this.shownErrors.find((e) => e.path === path)?.message;
    const counts = feedbackCounts(v);
    let n = 0;
    return html`
      <div class="head">
        <h2 class="title">${t.fbTitle}</h2>
        ${v.unit || v.round ? html`<p class="subject"><bdi>${v.unit ?? ''}</bdi>${v.unit && v.round ? ' · ' : ''}<bdi>${v.round ?? ''}</bdi></p>` : nothing}
        <slot name="header"></slot>
      </div>
      ${this.valueError ? html`<div class="load-error" role="alert" part="load-error"><p>${this.valueError}</p></div>` : nothing}
      ${renderDraftBanner(this.drafts, this.t, lang, (d) => {
        this.adopt(d);
        this._changed('restore');
      })}
      ${this.issued
        ? html`<p class="banner issued" role="note" tabindex="-1">${t.fbIssued(v.issuedBy ?? '', formatDate(v.issuedAt ?? '', lang, true))}</p>`
        : this.readonly || this.isDisabled
          ? html`<p class="banner" role="note">${t.fbReadonly}</p>`
          : nothing}
      ${renderErrorSummary(this.shownErrors, this.t, (e) => this._resolve(e), (e) => `e-${e.path}`)}
      <p class="status visually-hidden" role="status">${this._status}</p>
      <section class="problems" part="problems" aria-labelledby="fb-problems-title">
        <h3 id="fb-problems-title" class="visually-hidden">${t.fbTitle}</h3>
        <p class="counts">${v.items.length ? t.fbCounts(counts.problems, counts.common, counts.specific) : t.fbNoProblems}</p>
        ${groupFeedback(v).map(
          (g, gi) => html`<section class="group" aria-labelledby="fb-group-${gi}">
            <h3 id="fb-group-${gi}"><bdi>${g.focusArea}</bdi></h3>
            <ol class="items">
              ${g.items.map((it) => {
                const i = v.items.indexOf(it);
                n++;
                const scope = it.scope === 'common' ? t.fbScopeCommon : it.scope === 'specific' ? t.fbScopeSpecific : it.scope ? it.scope : t.fbScopeNone;
                const point = it.source?.note ?? it.source?.checkpointId ?? '';
                const e = err(`items.${i}.text`);
                return html`<li class="item">
                  <div class="item-head">
                    <label for="fb-item-${i}">${t.fbProblemLabel(n)}</label>
                    <span class="badge scope-${it.scope ?? 'none'}" id="fb-scope-${i}"><bdi>${scope}</bdi></span>
                  </div>
                  ${locked
                    ? html`<p class="text" id="fb-item-${i}" tabindex="-1" aria-describedby="fb-scope-${i}"><bdi>${it.text}</bdi></p>`
                    : html`<textarea id="fb-item-${i}" rows="3" .value=${it.text} aria-invalid=${e ? 'true' : 'false'}
                        aria-describedby=${['fb-scope-' + i, `fb-src-${i}`, e ? `fb-item-${i}-err` : ''].filter(Boolean).join(' ')}
                        @input=${(ev: Event) => this.editItem(it.id, (ev.target as HTMLTextAreaElement).value)}></textarea>
                      <p class="print-text" aria-hidden="true"><bdi>${it.text}</bdi></p>`}
                  ${renderFieldError(`fb-item-${i}-err`, e, this.t)}
                  ${it.basis ? html`<p class="basis">${t.fbBasis}：<bdi>${it.basis}</bdi></p>` : nothing}
                  <p class="source" id="fb-src-${i}">${t.fbSource(it.source?.sheetNo ?? '', '')}<bdi>${point}</bdi></p>
                </li>`;
              })}
            </ol>
          </section>`,
        )}
      </section>
      ${this._renderSuggestions(t, locked)}
      ${this._renderIssue(t, lang, locked)}
      <div class="signature" part="signature">
        <p>${t.fbSignatureLeader}<span class="line"><bdi>${v.issuedBy ?? ''}</bdi></span></p>
        <p>${t.fbSignatureDate}<span class="line">${v.feedbackDate ? formatDateKey(v.feedbackDate, lang) : ''}</span></p>
      </div>
      <p class="hint keys">${t.fbKeyboardHelp}</p>
      ${this.environment?.watermark?.(this, locked)}
    `;
  }

  private _renderSuggestions(t: FeedbackMessages, locked: boolean) {
    const list = this.record.suggestions;
    return html`<section class="suggestions" part="suggestions" aria-labelledby="fb-sugg-title">
      <h3 id="fb-sugg-title">${t.fbSuggestions}</h3>
      ${list.length ? nothing : html`<p class="empty">${t.fbNoSuggestions}</p>`}
      <ol>
        ${list.map(
          (s, i) => html`<li>
            ${locked
              ? html`<p><bdi>${s}</bdi></p>`
              : html`<label for="fb-sugg-${i}" class="visually-hidden">${t.fbSuggestionLabel(i + 1)}</label>
                  <textarea id="fb-sugg-${i}" rows="2" .value=${s}
                    @input=${(e: Event) => this.setSuggestions(list.map((x, k) => (k === i ? (e.target as HTMLTextAreaElement).value : x)))}></textarea>
                  <p class="print-text" aria-hidden="true"><bdi>${s}</bdi></p>
                  <button type="button" class="remove" @click=${() => this._removeSuggestion(i)}>${t.fbSuggestionRemove(i + 1)}</button>`}
          </li>`,
        )}
      </ol>
      ${locked ? nothing : html`<button type="button" class="add-suggestion" @click=${() => this._addSuggestion()}>${t.fbSuggestionAdd}</button>`}
    </section>`;
  }

  private _renderIssue(t: FeedbackMessages, lang: string, locked: boolean) {
    const v = this.record;
    const due = v.feedbackDate && isDateKey(v.feedbackDate) ? feedbackDueDate(v.feedbackDate, this.reportDueMonths) : undefined;
    const dateErr = this.shownErrors.find((e) => e.path === 'feedbackDate')?.message;
    const nameErr = this.shownErrors.find((e) => e.path === 'issuer')?.message;
    const canIssue = !locked && this.mayIssue && !this.valueError;
    return html`<fieldset class="issue" part="issue">
      <legend>${t.fbIssueLegend}</legend>
      <div class="field">
        <label for="fb-date">${t.fbFeedbackDate}</label>
        ${locked
          ? html`<span class="date" id="fb-date">${v.feedbackDate ? formatDateKey(v.feedbackDate, lang) : ''}</span>`
          : html`<input id="fb-date" type="date" .value=${v.feedbackDate ?? ''} aria-invalid=${dateErr ? 'true' : 'false'}
              aria-describedby=${['fb-due', dateErr ? 'fb-date-err' : ''].filter(Boolean).join(' ')}
              @input=${(e: Event) => this.setFeedbackDate((e.target as HTMLInputElement).value)} />`}
        ${renderFieldError('fb-date-err', dateErr, this.t)}
        <p class="hint" id="fb-due">${t.fbDueHint(this.reportDueMonths)}${due ? html` <strong class="due">${t.fbDueDate(formatDateKey(due, lang))}</strong>` : nothing}</p>
      </div>
      ${canIssue
        ? html`<div class="field">
              <label for="fb-issuer">${t.fbIssuer}</label>
              <input id="fb-issuer" type="text" autocomplete="name" .value=${this._issuer || this.environment?.user?.name || ''}
                aria-invalid=${nameErr ? 'true' : 'false'} aria-describedby=${nameErr ? 'fb-issuer-err fb-issue-note' : 'fb-issue-note'}
                @input=${(e: Event) => (this._issuer = (e.target as HTMLInputElement).value)} />
              ${renderFieldError('fb-issuer-err', nameErr, this.t)}
            </div>
            <p class="hint" id="fb-issue-note">${t.fbIssueNote}</p>
            <button type="button" class="primary issue-button" @click=${() => this.issue()}>${t.fbIssue}</button>`
        : !this.issued && !locked
          ? html`<p class="hint leader-only">${t.fbLeaderOnly}</p>`
          : nothing}
    </fieldset>`;
  }
}

defineElement('xc-feedback-sheet', XcFeedbackSheet);

declare global {
  interface HTMLElementTagNameMap {
    'xc-feedback-sheet': XcFeedbackSheet;
  }
}

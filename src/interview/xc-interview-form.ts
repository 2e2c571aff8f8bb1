/** `<xc-interview-form>`: the 个别谈话记录, an `<xc-form>` on its bundled definition, signed with a SHA-256 fingerprint that locks it, with its 谈话笔录 print layout and Word export. */
import './locale.js';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../base/define.js';
import { XcForm } from '../form/xc-form.js';
import { displayText } from '../form/display.js';
import type { RecordSignature } from '../core/fingerprint.js';
import { toRfc3339 } from '../core/form-input.js';
import { interviewToClues, type InterviewClue } from '../core/form-clues.js';
import type { FieldDescriptor } from '../core/form-model.js';
import type { JsonSchema } from '../core/validation-types.js';
import { lazy } from '../base/lazy.js';
import { isObj, type Obj } from '../core/obj.js';


/** The bundled 个别谈话记录 definition (template text): a chunk of its own, asked for on first load of a record. */
const interviewSchema = lazy(() => import('../generated/templates/interviewRecordSchema.js').then((m) => m.interviewRecordSchema as JsonSchema));

type FingerprintModule = typeof import('../core/fingerprint.js');
/** SHA-256 fingerprints load when a record is signed or a signed one is checked (not for a form being filled in). */
const loadFingerprint: () => Promise<FingerprintModule> = lazy(() => import('../core/fingerprint.js'));

/**
 * The signed record's status and the print layout's head and signature lines: a chunk of its own
 * that starts loading as soon as this module runs (it is there long before a record is signed or
 * printed; `updateComplete` waits for it), so that it is not part of the interview page's first load.
 */
const loadPrintParts = lazy(() => import('./xc-interview-parts.js'));
let printParts: typeof import('./xc-interview-parts.js') | undefined;
void loadPrintParts().then((m) => (printParts = m), () => undefined);

/** The Word export (src/interview/interview-docx.ts and the core's writer): loaded on the first export only, never with the page. */
const loadDocx = lazy(() => import('./interview-docx.js'));

/** The record's evidence files part (and `<xc-attachments>`) loads only where a store or files are. */
const loadFiles = lazy(() => import('../attachments/xc-attachments-field.js'));
let filesPart: typeof import('../attachments/xc-attachments-field.js') | undefined;

/**
 * The individual interview record: `<xc-form>` with the bundled
 * template (schemas/templates/interview-record.json), plus sign-off and an A4
 * interview-transcript print layout.
 *
 * Sign-off (the confirm-and-sign button) validates the record, then stores
 * `signature: {algorithm: 'SHA-256', digest, signedAt}` in it (the digest is of
 * the record's canonical JSON without the signature) and locks it: a record
 * that carries a signature is read-only, also after a reload. On load a
 * signed record is verified against its fingerprint, and a changed one is
 * flagged.
 *
 * @customElement xc-interview-form
 * @tag xc-interview-form
 *
 * @fires xc-sign - The record was signed. `detail: { value, digest }`.
 * @fires xc-clues - The person asked to register the flagged problems as clues. `detail: { clues }` (clue-sheet values).
 * @fires xc-change - A value changed. `detail: { value, path }`.
 * @fires xc-submit - `submit()` found the record valid. `detail: { value }`.
 * @fires xc-invalid - Validation failed. `detail: { errors }`.
 * @fires xc-title - The page title the host may want to show changed. `detail: { title, errors }`.
 * @fires xc-export - A Word export is about to be downloaded; cancelable (cancel it to handle the file yourself). `detail: { format: 'docx', filename, text: '', bytes }`.
 *
 * @slot header - Shown under the title.
 *
 * @csspart title - The form's title.
 * @csspart export-docx - The 导出 Word button, beside the print button (this element's own: the base `<xc-form>` has neither).
 * @csspart signature - The sign-off status with the fingerprint.
 * @csspart sign - The confirm-and-sign button.
 * @csspart error-summary - The error summary.
 * @csspart draft-banner - Draft restore / storage notices.
 * @csspart print-view - The A4 interview-transcript layout.
 */
export class XcInterviewForm extends XcForm {
  /** Whether the record matches its fingerprint (null: not signed, or not checked yet). */
  @state() protected verified: boolean | null = null;
  @state() private _signing = false;

  protected override bundled() {
    return { schema: interviewSchema(), loadValidator: () => import('../generated/validators/interviewRecord.js').then((m) => m.interviewRecord) };
  }

  /** The signature's digest as text ('' when the stored signature has none, or one of another type). */
  private get _digest(): string {
    const d = this.signature?.digest as unknown;
    return typeof d === 'string' ? d : '';
  }

  /** The signature of the record, if it is signed. */
  get signature(): RecordSignature | undefined {
    const s = isObj(this.record) ? this.record['signature'] : undefined;
    return isObj(s) ? (s as unknown as RecordSignature) : undefined;
  }

  /** Is the record signed (and so locked)? */
  get signed(): boolean {
    return !!this.signature;
  }

  /**
   * Confirm and sign: validate (showing errors), then sign with the current time
   * (the environment's clock) and lock the record. Resolves to whether it was signed.
   */
  async sign(): Promise<boolean> {
    if (!this.model || this.readonly || this.isDisabled || this.signed || this._signing) return false;
    this._signing = true;
    // Signing removes the sign button: focus that was in the element moves to the sign-off status.
    const hadFocus = !!this.shadowRoot?.activeElement;
    try {
      if (!(await this.reportValidity())) return false;
      const { sign } = await loadFingerprint();
      const signed = await sign(this.record as Obj, toRfc3339(this.env.now()));
      this.replaceRecord(signed);
      this.verified = true;
      this.dispatchEvent(new CustomEvent('xc-sign', { bubbles: true, composed: true, detail: { value: signed, digest: signed.signature.digest } }));
      if (hadFocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=signature]')?.focus());
      return true;
    } finally {
      this._signing = false;
    }
  }

  /** Check the record against its fingerprint now (false when unsigned). */
  async verify(): Promise<boolean> {
    const rec = this.record;
    const ok = isObj(rec) ? await (await loadFingerprint()).verify(rec) : false;
    if (rec === this.record) this.verified = this.signed ? ok : null;
    return ok;
  }

  /** The problems flagged as clues, as clue-sheet values (see `interviewToClues`). */
  clues(): InterviewClue[] {
    return interviewToClues(this.record, { lang: this.effectiveLang });
  }

  /**
   * Download the record as a Word document (.docx, A4): laid out as the print is — 秘密 mark, title,
   * number, the head fields as a table, each section with its fields (choices as their labels), the
   * signature lines, the fingerprint line when signed. The file is named after the interviewee
   * (谈话笔录-<name>.docx), else the interview's date. Fires the cancelable `xc-export` first (its
   * `bytes` are the file's); nothing is sent anywhere. The writer loads on the first export only.
   * @returns a promise of whether the download was started (false when a listener cancelled it, or
   *   before the form definition has loaded).
   */
  async download(format: 'docx'): Promise<boolean> {
    const model = this.model;
    if (format !== 'docx' || !model) return false;
    const lang = this.effectiveLang;
    const input = { model, text: (d: FieldDescriptor) => displayText(d, this.t, lang), lang, skip: (d: FieldDescriptor) => this.printSkip(d), now: this.env.now() };
    return (await loadDocx()).exportDocx(this, input);
  }

  protected override adopted(): void {
    this.verified = null;
    if (this.signed) void this.verify();
  }

  protected override renderStatus() {
    const sig = this.signature;
    if (!sig) return nothing;
    return printParts ? printParts.signedStatus(this.t, sig, this._digest, this.verified, this.effectiveLang) : this._printPartsLater();
  }

  /**
   * Evidence files of the interview (`evidence` of the record: `{ title, file }` entries), shown
   * above the actions when the provider has an attachment store or the record has files; read-only
   * once signed. The files' SHA-256 are in the record, so the signature covers them too.
   */
  private _files() {
    const rec = isObj(this.record) ? this.record : {};
    const list = Array.isArray(rec['evidence']) ? (rec['evidence'] as unknown[]) : [];
    const store = this.environment?.attachments;
    if (!filesPart) {
      if (store || list.length) void loadFiles().then((m) => ((filesPart = m), this.requestUpdate()));
      return nothing;
    }
    return filesPart.renderEvidenceFiles(this, {
      list,
      readonly: this.readonly || this.isDisabled || this.signed,
      store,
      lang: this.effectiveLang,
      addLabel: this.t.attachAdd,
      onChange: (evidence) => this.replaceRecord({ ...rec, evidence }),
    });
  }

  protected override renderActions() {
    const t = this.t;
    const files = this._files();
    // 打印谈话笔录 and 导出 Word, side by side: the same 谈话笔录 on paper or as a .docx.
    const outputs = html`<button type="button" @click=${() => window.print()}>${t.interviewPrint}</button
      ><button type="button" part="export-docx" class="export-docx" @click=${() => void this.download('docx').catch(() => undefined)}>${t.formExportWord}</button>`;
    if (this.readonly || this.isDisabled || this.signed) return html`${files}<div class="actions">${outputs}</div>`;
    const clues = this.clues().length;
    return html`${files}<div class="actions">
      <button type="button" class="primary" part="sign" aria-describedby="xc-sign-hint" ?disabled=${this._signing} @click=${() => this.sign()}>
        ${this._signing ? t.interviewSigning : t.interviewSign}
      </button>
      ${outputs}
      ${clues
        ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('xc-clues', { bubbles: true, composed: true, detail: { clues: this.clues() } }))}>${t.interviewToClues(clues)}</button>`
        : nothing}
      <p class="hint" id="xc-sign-hint">${t.interviewSignHint}</p>
    </div>`;
  }

  protected override renderPrintHead() {
    const no = isObj(this.record) && typeof this.record['recordNo'] === 'string' ? this.record['recordNo'] : '';
    return printParts ? printParts.printHead(this.t, no) : this._printPartsLater();
  }

  /** Render again when the print parts are there (they nearly always are already). */
  private _printPartsLater() {
    void loadPrintParts().then((m) => ((printParts = m), this.requestUpdate()));
    return nothing;
  }

  /** `updateComplete` also waits for the print parts (a print preview renders them at once). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await loadPrintParts().catch(() => undefined);
    return super.getUpdateComplete();
  }

  /** The number is in the header and the fingerprint in the footer: not repeated in the body. */
  protected override printSkip(d: FieldDescriptor): boolean {
    return d.path.length === 1 && (d.key === 'signature' || d.key === 'recordNo');
  }

  protected override printFooter(): string {
    const sig = this.signature;
    return sig ? this.t.interviewFooter(this._digest) : this.t.interviewUnsigned;
  }

  protected override renderPrintTail() {
    return printParts ? printParts.printTail(this.t, this.signature ? this._digest : null, this.printFooter()) : this._printPartsLater();
  }
}

defineElement('xc-interview-form', XcInterviewForm);

declare global {
  interface HTMLElementTagNameMap {
    'xc-interview-form': XcInterviewForm;
  }
}

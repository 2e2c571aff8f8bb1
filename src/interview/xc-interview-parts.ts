/**
 * Parts of the interview record not needed to fill it in: the signed record's status and the print
 * layout's head, signature lines and footer. A chunk of their own: see xc-interview-form.ts.
 * @internal
 */
import { html, nothing } from 'lit';
import { formatDate, type Messages } from '../core/i18n.js';
import type { RecordSignature } from '../core/fingerprint.js';

/** Stands for the data inside a message, so that the data can be isolated. */
const MARK = '\u0000';
/** A message with the data (the record number, the fingerprint) in a `<bdi>` where MARK stands. */
const withData = (message: string, data: string) => {
  const i = message.indexOf(MARK);
  return i < 0 ? message : html`${message.slice(0, i)}<bdi>${data}</bdi>${message.slice(i + MARK.length)}`;
};

/** 秘密 mark, title and record number. */
export function printHead(t: Messages, no: string) {
  return html`<p class="p-secret">${t.interviewConfidential}</p>
    <h1 class="p-title">${t.interviewPrintTitle}</h1>
    ${no ? html`<p class="p-no">${withData(t.interviewRecordNo(MARK), no)}</p>` : nothing}`;
}

/** Signature lines and the footer (the fingerprint when signed: `digest`, else `footer`). */
export function printTail(t: Messages, digest: string | null, footer: string) {
  return html`<section class="p-sign" aria-label=${t.interviewSignatures}>
      ${[t.interviewSignInterviewers, t.interviewSignRecorder, t.interviewSignInterviewee].map(
        (label) => html`<div class="sig"><span>${label}</span><span class="sig-line"></span><span>${t.interviewSignDate}</span><span class="sig-line short"></span></div>`,
      )}
    </section>
    <footer class="p-foot">${digest !== null ? withData(t.interviewFooter(MARK), digest) : footer}</footer>`;
}

/** The signed record's status: when it was signed, its fingerprint, and whether it still matches (`verified`). */
export function signedStatus(t: Messages, sig: RecordSignature, digestHex: string, verified: boolean | null, lang: string) {
  const digest = html`<p class="fingerprint">${t.interviewFingerprint}<bdi><code class="digest">${(digestHex.match(/.{1,8}/g) ?? []).join(' ')}</code></bdi></p>`;
  const at = sig.signedAt as unknown;
  const when = t.interviewSignedAt(formatDate(typeof at === 'string' || typeof at === 'number' ? at : null, lang, true));
  if (verified === false) {
    return html`<div class="banner warn" role="alert" part="signature" tabindex="-1"><p><strong>${t.interviewTampered}</strong></p><p>${when}</p>${digest}</div>`;
  }
  return html`<div class="banner ok" role="status" part="signature" tabindex="-1">
    <p>${when}</p>${digest}<p>${verified ? t.interviewVerified : t.interviewVerifying}</p>
  </div>`;
}

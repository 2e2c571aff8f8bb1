/**
 * Small text helpers of the ledger's detail panel and its sections: a member shown as text, a
 * member read as an object, the core's refusals and the workflow's steps in the page's words,
 * 共性/个性, brackets as the language writes them, and objects without blank members. No DOM.
 */
import { html, type TemplateResult } from 'lit';
import type { Messages } from '../core/i18n.js';
import type { RectificationErrorCode, TransitionAction } from '../core/rectification/workflow.js';

/** A member shown as text: text and numbers as they are, anything else (an object where text belongs) as ''. */
export const shown = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
/** A member that should be an object (a measure, a piece of evidence…): it, or {} when it is of another type. */
export const entry = <T extends object>(v: unknown): Partial<T> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Partial<T>) : {});
/** What a control holds now. */
export const value = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

/** The translated text of a refusal of the core (`RectificationError.code`). */
export function refusalMessage(code: RectificationErrorCode, t: Messages): string {
  switch (code) {
    case 'not-allowed':
      return t.trackerErrNotAllowed;
    case 'role':
      return t.trackerErrRole;
    case 'needs-evidence':
      return t.trackerErrNeedsEvidence;
    case 'needs-verifier':
      return t.trackerErrNeedsVerifier;
    case 'needs-comment':
      return t.trackerErrNeedsComment;
    case 'history':
      return t.trackerErrHistory;
    case 'needs-reason':
      return t.trackerErrNeedsReason;
    case 'extension':
      return t.trackerErrExtension;
    case 'party':
      return t.trackerErrParty;
    case 'signer':
      return t.trackerErrSigner;
    case 'sign-date':
      return t.trackerErrSignDate;
    case 'needs-acceptance':
      return t.trackerErrNeedsAcceptance;
    case 'not-ongoing':
      return t.trackerErrNotOngoing;
    default:
      return t.trackerErrInvalid;
  }
}

/** The label of a workflow step. */
export function actionLabel(action: TransitionAction, t: Messages): string {
  switch (action) {
    case 'start':
      return t.trackerActionStart;
    case 'submit':
      return t.trackerActionSubmit;
    case 'close':
      return t.trackerActionClose;
    case 'reach-stage':
      return t.trackerActionReachStage;
    default:
      return t.trackerActionSendBack;
  }
}

/** `obj` without members that are undefined or blank strings, except the members named in `keep`. */
export function compact<T extends object>(obj: T, keep: readonly string[] = []): T {
  const out = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (keep.includes(k) ? v !== undefined : v !== undefined && !(typeof v === 'string' && v.trim() === '')) out[k] = v;
  }
  return out as T;
}

/** 共性/个性 as people read them (the template's ids `common` / `specific`); another value as it is. */
export function scopeText(scope: string, t: Messages): TemplateResult {
  const known = scope === 'common' ? t.trackerScopeCommon : scope === 'specific' ? t.trackerScopeSpecific : '';
  return known ? html`${known}` : html`<bdi>${scope}</bdi>`;
}

/** Text in brackets, as the language writes them. */
export function bracket(s: string, t: Messages): string {
  return t.bracket(s);
}

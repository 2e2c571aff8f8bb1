/**
 * Runs inside tests/csp/strict.html, served with
 * default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'.
 * Loads the standalone bundle (`?bundle=`), validates a checklist, has a broken template rejected
 * and renders an interview form; reports to the parent test through the shared harness
 * (tests/support/csp-page.ts: violations, errors and the eval probe).
 */
import { reportFromPage } from '../support/csp-page.js';

const bundle = new URLSearchParams(location.search).get('bundle') || '/dist/xc-elements.standalone.js';

void reportFromPage(async () => {
  await import(bundle);
  const list = document.getElementById('list') as HTMLElementTagNameMap['xc-checklist'];
  await customElements.whenDefined('xc-checklist');
  await list.updateComplete;
  if (!list.activeTemplate) await new Promise((r) => list.addEventListener('xc-load', r, { once: true }));
  const valid = await list.reportValidity();
  await list.updateComplete;
  const summary = list.shadowRoot!.querySelector('.error-summary');
  // A broken template is rejected by the bundled meta-schema validator, with zh-CN text.
  const other = document.createElement('xc-checklist');
  other.template = { id: 'x', version: '1', title: 't', findings: [], sections: [] } as unknown as typeof other.template;
  const failed = new Promise((r) => other.addEventListener('xc-error', (e) => r((e as CustomEvent<{ errors: unknown }>).detail.errors), { once: true }));
  document.body.append(other);
  const brokenErrors = await failed;
  // The record forms too (textareas size themselves through the CSSOM, never a style attribute).
  const interview = document.createElement('xc-interview-form');
  document.body.append(interview);
  await customElements.whenDefined('xc-interview-form');
  await interview.updateComplete;
  const textareas = interview.shadowRoot!.querySelectorAll('textarea').length;
  // The styles came through constructable stylesheets (style-src 'self' forbids inline <style>).
  const styled = getComputedStyle(list.shadowRoot!.querySelector('.bar')!).borderTopStyle;
  return { valid, summary: summary ? summary.textContent : '', brokenErrors, styled, textareas };
});

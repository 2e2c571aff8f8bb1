// Runs in a frame of tests/template-editor/form-mode-csp.test.ts under the strict policy of
// tests/support/report-frame.ts (reportFromStrictPage): <xc-template-editor mode="form"> from the
// standalone bundle on the bundled clue sheet's definition — a label emptied and a failed save (the
// meta-schema's validator as the bundle has it), the label typed again, a good save, and the preview
// (the real <xc-form>). Reports to the parent.
import { mountInProvider, reportFromPage, shown } from '../support/csp-page.js';

type Editor = HTMLElementTagNameMap['xc-template-editor'];
type Definition = { properties: Record<string, { title?: string }> };
const pause = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const root = (el: Element) => el.shadowRoot!;

void reportFromPage(async () => {
  const definition = (await (await fetch('/schemas/templates/clue-sheet.json')).json()) as Definition;
  await import('/dist/xc-elements.standalone.js' as string);
  const el: Editor = await mountInProvider('xc-template-editor', { today: '2026-12-03' }, (e) => {
    e.setAttribute('lang', 'zh-CN');
    e.setAttribute('mode', 'form');
    e.value = definition as unknown as Editor['value'];
  });
  await shown(el, '.form-mode');
  const title = root(el).querySelector('.title')!.textContent;
  const fields = root(el).querySelectorAll('[data-fid]').length;
  const label = root(el).getElementById('fe-1-label') as HTMLInputElement;
  label.value = '';
  label.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const failedSave = await el.save();
  await el.updateComplete;
  const summary = root(el).querySelector('.error-summary')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
  label.value = '问题线索编号';
  label.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const saved = new Promise<{ template: Definition; changes: { relabelled: string[] } }>((r) =>
    el.addEventListener('xc-save', (e) => r((e as CustomEvent).detail), { once: true }),
  );
  const saveShown = await el.save();
  el.confirmSave();
  const detail = await saved;
  const sameOtherwise =
    JSON.stringify({ ...detail.template, properties: { ...detail.template.properties, clueNo: definition.properties['clueNo'] } }) === JSON.stringify(definition);
  // The preview: the real form, inside the editor.
  const form = await shown(el, 'xc-form');
  await el.previewUpdated;
  for (let i = 0; i < 200 && !form.shadowRoot?.textContent?.includes('问题线索编号'); i++) await pause();
  const previewShows = !!form.shadowRoot?.textContent?.includes('问题线索编号');
  await pause(100);
  return {
    title, fields, failedSave, summary, saveShown, savedTitle: detail.template.properties['clueNo']!.title,
    relabelled: detail.changes.relabelled, sameOtherwise, previewShows,
  };
});

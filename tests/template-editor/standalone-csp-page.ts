// Runs in a frame of tests/template-editor/standalone-csp.test.ts under the strict policy of
// tests/support/report-frame.ts (reportFromStrictPage): <xc-template-editor> from the standalone
// bundle, as a page without a bundler uses it — a failed save (the meta-schema's precompiled
// validator), a template imported, a good save, the preview and the JSON export. Reports to the parent.
import { mountInProvider, reportFromPage } from '../support/csp-page.js';

type Editor = HTMLElementTagNameMap['xc-template-editor'];
const pause = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const root = (el: Element) => el.shadowRoot!;

void reportFromPage(async () => {
  await import('/dist/xc-elements.standalone.js' as string);
  const el: Editor = await mountInProvider('xc-template-editor', { today: '2026-12-03' }, (e) => e.setAttribute('lang', 'zh-CN'));
  const title = root(el).querySelector('.title')!.textContent;
  // A failed save: the summary comes from the precompiled meta-schema validator, in words for authors.
  await el.save();
  await el.updateComplete;
  const summary = root(el).querySelector('.error-summary')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
  // Import a small document (the import loads in its own chunk) and save it.
  await el.readImport('村级巡察清单\n（一）村级组织建设\n1.班子运行\n①是否按期召开支部委员会；\n②是否落实“四议两公开”。');
  await el.updateComplete;
  const importStatus = root(el).querySelector('.import-result [role="status"]')!.textContent;
  el.applyImport();
  await el.updateComplete;
  const saved = new Promise<{ template: { version: string; sections: { groups?: { items: unknown[] }[]; items?: unknown[] }[] } }>((r) =>
    el.addEventListener('xc-save', (e) => r((e as CustomEvent).detail), { once: true }),
  );
  const saveShown = await el.save();
  el.confirmSave();
  const detail = await saved;
  const savedPoints = detail.template.sections.flatMap((s) => (s.groups ? s.groups.flatMap((g) => g.items) : s.items ?? [])).length;
  // The preview: the real checklist, inside the editor.
  for (let i = 0; i < 100 && !root(el).querySelector('xc-checklist'); i++) await pause();
  await el.previewUpdated;
  const list = root(el).querySelector('xc-checklist')!;
  for (let i = 0; i < 100 && (list.shadowRoot?.querySelectorAll('xc-checklist-item').length ?? 0) < 2; i++) await pause();
  const previewPoints = root(list).querySelectorAll('xc-checklist-item').length;
  // The JSON export, handled by the page.
  const exported = new Promise<{ filename: string; text: string }>((r) =>
    el.addEventListener('xc-export', (e) => (e.preventDefault(), r((e as CustomEvent).detail)), { once: true }),
  );
  root(el).querySelector<HTMLButtonElement>('button.export-json')!.click();
  const file = await exported;
  // Styles came through constructable stylesheets (no inline <style>).
  const styled = getComputedStyle(root(el).querySelector('.node')!).borderTopStyle;
  await pause(100);
  return {
    title, summary, importStatus, saveShown, savedVersion: detail.template.version, savedPoints, previewPoints,
    exportName: file.filename, exportVersion: (JSON.parse(file.text) as { version: string }).version, styled,
  };
});

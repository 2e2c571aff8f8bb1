/**
 * What the React and Vue examples must both show, exercised on their built pages
 * (examples/<name>/dist/, made by `node scripts/build-examples.mjs`). The two apps
 * render the same page: buttons #load, #check, #submit, and the framework's own
 * state in #last-change, #answered, #validity, #submitted.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import { expectFrameAccessible } from '../support/a11y.js';
import { foreignRequests, record, startNetworkLog, stopNetworkLog } from '../support/report.js';

async function openFrame(src: string): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  await new Promise((r) => {
    frame.addEventListener('load', r, { once: true });
    frame.src = src;
    document.body.append(frame);
  });
  return frame.contentWindow!;
}

const NOT_SUBMITTED = '（尚未提交）';

export async function exerciseFrameworkExample(name: 'react' | 'vue', label: string): Promise<void> {
  await startNetworkLog();
  const win = await openFrame(`/examples/${name}/dist/index.html`);
  const doc = win.document;
  await win.customElements.whenDefined('xc-checklist');
  await waitUntil(() => doc.querySelector('xc-checklist'), `${label} did not render <xc-checklist>`);
  const list = doc.querySelector('xc-checklist') as XcChecklist;
  await list.updateComplete;
  const root = list.shadowRoot!;
  const text = (id: string) => doc.getElementById(id)!.textContent!.trim();
  const radio = (id: string, value: string) => root.querySelector<HTMLInputElement>(`#xc-item-${id} .finding[data-value="${value}"] input`)!;

  // The element renders the bundled template inside <xc-provider>, with the framework's boolean applied.
  expect(list.parentElement!.closest('xc-provider')).to.not.equal(null);
  expect(list.activeTemplate!.id).to.equal('xc-sanjujiao');
  const ids = list.activeTemplate!.sections.flatMap((s) => s.groups).flatMap((g) => g.items).map((p) => p.id);
  expect(root.querySelector('h2.title')!.textContent).to.not.equal('');
  expect(list.noSubmitButton).to.equal(true);
  expect(root.querySelector('[part=submit]')).to.equal(null);

  // Data in: the framework's state reaches the element as a property (an object, not an attribute).
  expect(radio('f1g1-01', 'none').checked).to.equal(false);
  doc.getElementById('load')!.click();
  await waitUntil(() => list.value?.['portalRecordId'] === 'A-2026-17', `${label}: the record did not reach the element`);
  await list.updateComplete;
  expect(list.hasAttribute('value')).to.equal(false);
  expect(radio('f1g1-01', 'none').checked).to.equal(true);
  expect(radio('f1g1-02', 'problem').checked).to.equal(true);
  // Every loaded answer is on screen, read back from the controls: a value the bundled
  // template does not offer (a method or category it lacks) has no control to show it, so
  // sample data that does not fit the template fails here.
  const tpl = list.activeTemplate!;
  const loaded = list.value!.items;
  let methodsShown = 0;
  for (const [id, answer] of Object.entries(loaded)) {
    const item = root.querySelector(`#xc-item-${id}`)!;
    const ticked = [...item.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-field^="methods"]')].filter((c) => c.checked);
    expect(ticked.length, `${label}: ticked method boxes on ${id}`).to.equal(answer.methods?.length ?? 0);
    for (const m of answer.methods ?? []) {
      const i = tpl.methods!.findIndex((x) => x.value === m);
      expect(i, `${label}: method "${m}" on ${id} is one the template offers`).to.be.at.least(0);
      expect(item.querySelector<HTMLInputElement>(`input[data-field="${i === 0 ? 'methods' : `methods.${i}`}"]`)!.checked, `${label}: method "${m}" ticked on ${id}`).to.equal(true);
      methodsShown++;
    }
  }
  expect(methodsShown, `${label}: the sample record loads some methods`).to.be.greaterThan(1);
  const problem = loaded['f1g1-02']!;
  const point = tpl.sections.flatMap((s) => s.groups).flatMap((g) => g.items).find((p) => p.id === 'f1g1-02')!;
  // The loaded category differs from the point's default, so the select shows the record, not the default.
  expect(problem.category).to.be.a('string').and.not.equal(point.category);
  const category = root.querySelector<HTMLSelectElement>('#f1g1-02-category')!;
  expect(category.value, `${label}: the category select shows the loaded category`).to.equal(problem.category);
  expect(category.selectedIndex).to.be.greaterThan(0);
  expect(root.querySelector<HTMLTextAreaElement>('#f1g1-02-description')!.value).to.equal(problem.description);
  const scopes = [...root.querySelectorAll<HTMLInputElement>('#xc-item-f1g1-02 input[data-field=scope]')];
  const scopeIndex = tpl.scopes!.findIndex((s) => s.value === problem.scope);
  expect(scopeIndex, `${label}: scope "${problem.scope}" is one the template offers`).to.be.at.least(0);
  expect(scopes.findIndex((s) => s.checked), `${label}: the loaded scope is selected`).to.equal(scopeIndex);

  // Data out: a click in the checklist fires xc-change, which the framework puts on the page.
  expect(text('last-change')).to.equal('（无）');
  radio('f1g1-03', 'na').click();
  await waitUntil(() => text('last-change') === 'f1g1-03', `${label}: xc-change did not reach the framework's state`);
  expect(text('answered')).to.equal('3');

  // The ref: the framework's own button calls submit() on an incomplete checklist; the element shows its errors.
  expect(root.querySelector('[data-error-summary]')).to.equal(null);
  doc.getElementById('submit')!.click();
  await waitUntil(() => root.querySelector('[data-error-summary]'), `${label}: submit() via the ref showed no error summary`);
  await list.updateComplete;
  const summary = root.querySelector<HTMLElement>('[data-error-summary]')!;
  const errors = summary.querySelectorAll('li').length;
  expect(errors).to.equal(ids.length - 3);
  expect(root.activeElement).to.equal(summary);
  await waitUntil(() => text('validity').startsWith('提交未通过'), `${label}: the failed submit did not reach the framework's state`);
  expect(text('submitted')).to.equal(NOT_SUBMITTED);
  // And reportValidity() through the ref: still incomplete, the summary stays.
  doc.getElementById('check')!.click();
  await waitUntil(() => text('validity').startsWith('检查未通过'), `${label}: reportValidity() via the ref did not run`);
  expect(root.querySelector('[data-error-summary]')).to.not.equal(null);

  // The whole page is accessible, with the error summary on show.
  const axe = await expectFrameAccessible(win);

  // A complete record: submit() through the ref hands it out by xc-submit into the framework's state.
  list.value = { templateId: 'xc-sanjujiao', templateVersion: '1.0.0', items: Object.fromEntries(ids.map((id) => [id, { finding: 'none' }])) };
  await list.updateComplete;
  doc.getElementById('submit')!.click();
  await waitUntil(() => text('submitted') !== NOT_SUBMITTED, `${label}: xc-submit did not reach the framework's state`);
  expect(Object.keys(JSON.parse(text('submitted')).items)).to.have.length(ids.length);
  expect(text('validity')).to.equal('已提交');
  expect(root.querySelector('[data-error-summary]')).to.equal(null);

  // Nothing left the origin: the page, its bundle and the element ask only this server.
  const urls = await stopNetworkLog();
  const scripts = urls.filter((u) => u.includes(`/examples/${name}/dist/assets/`) && u.endsWith('.js'));
  expect(scripts.length).to.be.greaterThan(0);
  expect(foreignRequests(urls)).to.deep.equal([]);
  // What shipped compiles nothing at run time (a strict CSP without 'unsafe-eval' stays possible):
  // no eval and no Function constructor, which minifiers write as `Function(` without `new`
  // (Vue's full build, with its template compiler, has exactly that).
  for (const url of scripts) {
    const code = await (await fetch(url)).text();
    expect(/(^|[^.\w$])(new\s+)?Function\s*\(|(^|[^.\w$])eval\s*\(/.test(code), `${url} uses eval or the Function constructor`).to.equal(false);
  }

  await record({
    id: `examples.${name}`,
    check: `${label} example (examples/${name}, built with Vite from dist/): framework state reaches <xc-checklist> as a property, xc-change/xc-submit reach the framework's state, a ref runs reportValidity()/submit(); no eval in the bundle; axe-clean; no request to another origin`,
    figure: `${ids.length} check points, ${errors} errors in the summary after a ref submit, ${axe.passes.length} axe rules passed, ${scripts.length} bundle file(s) checked for eval, ${urls.length} requests all same-origin`,
  });
}

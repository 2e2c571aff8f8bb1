/**
 * The option lists and rules of <xc-template-editor> as a render function: the findings (which one
 * records a problem), methods, evidence kinds, categories and scopes — each a list to add to,
 * rename and delete from, their values stable ids — and the rules as checkboxes. `withOption` and
 * `withoutOption` are the changes to a list the element takes as steps. No state of its own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderFieldError } from '../base/error-summary.js';
import { setText, updateNode } from '../core/template-edit.js';
import type { ChecklistTemplate, FindingOption, TemplateOption } from '../core/checklist.js';
import { OPTION_LISTS, optionId, type OptionList } from './outline.js';
import { renderText } from './outline-view.js';
import type { EditorView } from './view.js';

/** A list with one option changed; `isProblem` on a finding moves the mark to it (exactly one finding records a problem). */
export function withOption(tpl: ChecklistTemplate, list: OptionList, index: number, patch: Partial<FindingOption>): FindingOption[] {
  return ((tpl[list] as FindingOption[] | undefined) ?? []).map((o, i) => {
    if (list === 'findings' && 'isProblem' in patch) {
      const { isProblem: _drop, ...rest } = o;
      return i === index ? { ...rest, isProblem: true } : rest;
    }
    return i === index ? { ...o, ...patch } : o;
  });
}

/** A list without one option (null when there is none at `index`); a deleted category is taken off the check points that had it. */
export function withoutOption(tpl: ChecklistTemplate, list: OptionList, index: number): { template: ChecklistTemplate; gone: TemplateOption } | null {
  const entries = (tpl[list] as TemplateOption[] | undefined) ?? [];
  const gone = entries[index];
  if (!gone) return null;
  let next: ChecklistTemplate = { ...tpl, [list]: entries.filter((_, i) => i !== index) };
  if (list === 'categories')
    for (const s of next.sections) for (const g of s.groups) for (const p of g.items) if (p.category === gone.value) next = updateNode(next, p.id, { category: undefined });
  return { template: next, gone };
}

/** 选项: the five lists (their labels in the editing language) and 填写规则. */
export function renderLists(v: EditorView): TemplateResult {
  const { t, tpl, errs, locked, steps } = v;
  const setOption = (list: OptionList, i: number, patch: Partial<FindingOption>, typing?: string) => steps.editTemplate({ [list]: withOption(tpl, list, i, patch) }, 'list', typing);
  const names: Record<OptionList, string> = { findings: t.teFindings, methods: t.teMethods, evidenceKinds: t.teEvidenceKinds, categories: t.teCategories, scopes: t.teScopes };
  const rules = tpl.rules ?? {};
  const rule = (key: 'requireAll' | 'requireMethodForProblem' | 'requireEvidenceForProblem', label: string, dflt: boolean) =>
    html`<label class="rule"><input type="checkbox" class="rule-${key}" .checked=${rules[key] ?? dflt} ?disabled=${locked}
      @change=${(e: Event) => steps.editTemplate({ rules: { ...rules, [key]: (e.target as HTMLInputElement).checked } }, 'rules')} />${label}</label>`;
  return html`<section class="lists" part="lists" aria-labelledby="te-lists-title">
    <h3 id="te-lists-title">${t.teLists}</h3>
    ${OPTION_LISTS.map((list) => {
      const entries = (Array.isArray(tpl[list]) ? tpl[list] : []) as FindingOption[];
      const listErr = errs.get(`o-${list}-add`);
      return html`<fieldset class="list list-${list}">
        <legend>${names[list]}</legend>
        <ol>
          ${entries.map((o, i) => {
            const id = optionId(list, i, 'label');
            return html`<li>
              <label for=${id}>${t.teLabel} <span class="hint">${t.teValue(String(o.value))}</span></label>
              ${renderText(v, id, o.label, (text) => setOption(list, i, { label: setText(o.label, v.editLang, text) }, `${list}:${i}`), { locked })}
              ${list === 'findings'
                ? html`<label class="problem"><input type="radio" name="te-is-problem" .checked=${!!o.isProblem} ?disabled=${locked} aria-describedby=${id}
                    @change=${() => setOption(list, i, { isProblem: true })} />${t.teIsProblem}</label>`
                : nothing}
              <button type="button" class="delete-option" ?disabled=${locked} aria-describedby=${id} @click=${() => steps.removeOption(list, i)}>${t.teDelete}</button>
            </li>`;
          })}
        </ol>
        <button type="button" class="add add-option" id="o-${list}-add" ?disabled=${locked} aria-describedby=${listErr ? `o-${list}-add-err` : nothing} @click=${() => steps.addOption(list)}>${t.teAddOptionTo(names[list])}</button>
        ${renderFieldError(`o-${list}-add-err`, listErr, t)}
      </fieldset>`;
    })}
    <fieldset class="rules">
      <legend>${t.teRules}</legend>
      ${rule('requireAll', t.teRuleRequireAll, true)} ${rule('requireMethodForProblem', t.teRuleMethod, false)} ${rule('requireEvidenceForProblem', t.teRuleEvidence, false)}
    </fieldset>
  </section>`;
}

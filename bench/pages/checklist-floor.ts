/** The checklist floor: the same controls as plain DOM from one HTML string (shared by the warm and the cold bench). */
import type { ChecklistTemplate } from '../../src/core/checklist.js';
import { textOf } from '../../src/core/text.js';
import { esc } from './measure.js';

export function floorHtml(t: ChecklistTemplate): string {
  let out = '';
  let n = 0;
  for (const s of t.sections) {
    out += `<section><h3>${esc(textOf(s.title, 'zh-CN'))}</h3>`;
    for (const g of s.groups) {
      out += `<section><h4>${esc(textOf(g.title, 'zh-CN'))}</h4><div role="list">`;
      for (const p of g.items) {
        n++;
        out += `<div role="listitem" id="f-${p.id}"><fieldset><legend>${n}. ${esc(textOf(p.text, 'zh-CN'))}</legend>`;
        for (const f of t.findings) out += `<label><input type="radio" name="f-${p.id}" value="${f.value}"><span>${esc(textOf(f.label, 'zh-CN'))}</span></label>`;
        out += `</fieldset></div>`;
      }
      out += `</div></section>`;
    }
    out += `</section>`;
  }
  return out;
}

/**
 * How <xc-template-editor> names places of the template in its messages, in the author's words:
 * a node by the heading the editor shows and the start of its text (检查要点 1.1.2「是否按期…」,
 * for 已删除 / 已移动), and a new template, its findings named in the page language. No DOM.
 */
import type { ChecklistTemplate } from '../core/checklist.js';
import { findNode } from '../core/template-edit.js';
import { textOf } from '../core/text.js';
import type { TM } from './view.js';

/** An empty one-focus-area template, its findings (存在问题 / 未发现问题 / 不适用) named in `t`'s language (the editor's words are in every language's registry from the start, zh-CN where its own have not arrived). */
export function emptyTemplate(t: TM): ChecklistTemplate {
  return {
    id: 'checklist',
    version: '1.0.0',
    title: '',
    findings: [
      { value: 'problem', label: t.teNewFindingProblem, isProblem: true },
      { value: 'none', label: t.teNewFindingOk },
      { value: 'na', label: t.teNewFindingNa },
    ],
    sections: [{ id: 'f1', title: '', groups: [{ id: 'f1g1', title: '', items: [{ id: 'f1g1-01', text: '' }] }] }],
  };
}

/** What a node is called in messages: its kind and number, and its text's start (in `lang`). */
export function nameOf(t: TM, tpl: ChecklistTemplate, id: string, lang: string): string {
  const at = findNode(tpl, id);
  if (!at) return id;
  const s = tpl.sections[at.section]!;
  const g = s.groups[at.group];
  const num = at.kind === 'section' ? `${at.section + 1}` : at.kind === 'group' ? `${at.section + 1}.${at.group + 1}` : g?.implicit ? `${at.section + 1}.${at.item + 1}` : `${at.section + 1}.${at.group + 1}.${at.item + 1}`;
  const text = textOf(at.kind === 'section' ? s.title : at.kind === 'group' ? g!.title : g!.items[at.item]!.text, lang);
  const label = at.kind === 'section' ? t.teSection(num) : at.kind === 'group' ? t.teGroup(num) : t.tePoint(num);
  return text ? t.teNamed(label, [...text].length > 20 ? t.teClipped([...text].slice(0, 20).join('')) : text) : label;
}

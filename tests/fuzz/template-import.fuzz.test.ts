/**
 * Fuzz: importing a checklist from a document's text (src/core/template-import.ts). Documents
 * built from the shapes real ones have (two and three levels, numbering styles mixed per focus
 * area, a numbered or unnumbered first line, table rows, closing lines, blank lines, hostile
 * text, Windows line ends) and any string at all, with any base (the bundled template, a small
 * bilingual one, or any JSON value): the import never throws, a template with focus areas passes
 * the meta-schema, ids are unique and never a retired one, an id of the base comes back only on a
 * node of the same text, and every character of the document is kept somewhere.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { importChecklistText } from '../../src/core/template-import.js';
import { readChecklistTemplate } from '../../src/core/checklist-template.js';
import type { ChecklistTemplateSource } from '../../src/core/checklist.js';
import { checklistSanjujiao } from '../../src/generated/templates.js';
import { CORE_RUNS, jsonAny } from './support.js';

const bundled = checklistSanjujiao as unknown as ChecklistTemplateSource;
const village: ChecklistTemplateSource = {
  id: 'village',
  version: '1.0.0',
  title: { 'zh-CN': '村级巡察清单', en: 'Village checklist' },
  findings: bundled.findings,
  retiredIds: ['V-03', 'f1', 'f1-01', 'f2g1'],
  sections: [
    { id: 'V', title: { 'zh-CN': '三资', en: 'Assets' }, items: [{ id: 'V-01', text: { 'zh-CN': '是否存在白条入账', en: 'IOUs?' }, hint: '查阅账簿' }, { id: 'V-02', text: '是否存在坐收坐支' }] },
    { id: 'W', title: '作风', groups: [{ id: 'W1', title: '资产', items: [{ id: 'W1-01', text: '是否存在资产流失' }] }] },
  ],
};

/** Pieces real documents are made of. */
const PIECES = [
  '一、', '二、', '三、', '（一）', '（二）', '(三)', '1.', '2．', '3、', '（1）', '一是', '二是', '一要', '①', '②',
  '三资', '作风', '资产', '惠民', '是否存在白条入账', '是否存在坐收坐支', '是否存在资产流失', '是否存在“白条” 入账',
  '重点检查', '主体责任落实情况：', '。', '；', '：', '，', '\n', '\n', '\n', '\n\n', '\r\n', '\u3000', ' ', '\t',
  '| 序号 | 检查内容 |', '附件：说明', '区委巡察办 2027年1月', '村巡察清单', '<img src=x onerror=alert(1)>', '{{7*7}}', '=cmd|"/c calc"!A1',
];
const doc = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
);
const NAMED: Record<string, unknown> = { bundled, village, findings: { findings: bundled.findings } };
/** A base by its name (so a counterexample stays short), or any JSON value. */
const base = fc.oneof(fc.constantFrom('bundled', 'village', 'findings'), jsonAny(false, 3).map((json) => ({ json })));

const zh = (t: unknown) => (typeof t === 'string' ? t : t && typeof t === 'object' ? String((t as Record<string, unknown>)['zh-CN'] ?? '') : '');
const same = (t: unknown) => zh(t).normalize('NFKC').replace(/[“”"]/g, '"').replace(/\s+/g, '').replace(/[;。,、.!?]+$/u, '');

/** Every node of a template as written: [id, text or title, kind]. */
function nodes(t: ChecklistTemplateSource): [string, unknown, string][] {
  const out: [string, unknown, string][] = [];
  for (const s of Array.isArray(t.sections) ? t.sections : []) {
    out.push([s.id, s.title, 'section']);
    for (const g of 'groups' in s && Array.isArray(s.groups) ? s.groups : []) {
      out.push([g.id, g.title, 'group']);
      for (const p of g.items) out.push([p.id, p.text, 'point']);
    }
    for (const p of 'items' in s && Array.isArray(s.items) ? s.items : []) out.push([p.id, p.text, 'point']);
  }
  return out;
}

describe('fuzz: importChecklistText', function () {
  this.timeout(120_000);

  it('never throws; what it gives is a valid template with unique, unretired ids, and nothing of the text is lost', () => {
    fc.assert(
      fc.property(doc, base, (text, which) => {
        const b = typeof which === 'string' ? NAMED[which] : which.json;
        const r = importChecklistText(text, { base: b as Partial<ChecklistTemplateSource> });
        const t = r.template;
        expect(Array.isArray(t.sections)).to.equal(true);
        const wellFormed = typeof which === 'string';
        if (t.sections.length && wellFormed) {
          const read = readChecklistTemplate(t);
          expect(read.ok, JSON.stringify(!read.ok && read.errors)).to.equal(true);
        }
        const ids = nodes(t).map((n) => n[0]);
        // A focus area written with its check points has no group ids to clash with; every id is used once.
        expect(new Set(ids).size, ids.join(' ')).to.equal(ids.length);
        for (const id of ids) expect(t.retiredIds ?? [], id).not.to.include(id);
        if (wellFormed) {
          const before = nodes(b as ChecklistTemplateSource);
          for (const id of (b as ChecklistTemplateSource).retiredIds ?? []) expect(t.retiredIds).to.include(id);
          for (const [id, label, kind] of nodes(t)) {
            const old = before.find((n) => n[0] === id);
            if (old) expect([kind, same(label)], `${id} comes back only on the same ${old[2]}`).to.deep.equal([old[2], same(old[1])]);
          }
          for (const [id] of before) expect(ids.includes(id) || (t.retiredIds ?? []).includes(id), `${id} is kept or retired`).to.equal(true);
        }
        for (const u of r.unplaced) {
          expect(u.text.trim()).not.to.equal('');
          expect(u.line).to.be.within(1, text.split(/\r\n?|\n/).length);
        }
        // Every letter and ideograph of the text is in the title, its source, a title, a check point, a hint or an unplaced passage.
        const kept = [zh(t.title), t.source ?? '', ...r.unplaced.map((u) => u.text), ...nodes(t).map((n) => zh(n[1])),
          ...t.sections.flatMap((s) => ('groups' in s ? s.groups.flatMap((g) => g.items) : s.items).map((p) => zh(p.hint)))].join('');
        for (const ch of new Set(text.replace(/[^\p{L}\p{N}]/gu, '').replace(/[一二三四五六七八九十百零〇是要重点检查同时0-9\u2460-\u2473\u3251-\u325f]/gu, ''))) {
          expect(kept.includes(ch), `“${ch}” of ${JSON.stringify(text)} is kept`).to.equal(true);
        }
      }),
      { numRuns: CORE_RUNS * 3 },
    );
  });

  it('the shapes of the trial documents, at size: thousands of lines, tens of thousands of check points, never slow and never throwing', () => {
    const lines: string[] = ['村巡察清单'];
    for (let s = 1; s <= 40; s++) {
      lines.push(`${s}、方向${s}`);
      for (let g = 1; g <= 5; g++) {
        lines.push(s % 2 ? `（${g}）分组${g}` : `${g}. 分组${g}`);
        for (let p = 1; p <= 10; p++) lines.push(s % 3 ? `${p}. 是否存在问题${s}-${g}-${p}` : `①是否存在问题${s}-${g}-${p}；`);
      }
      lines.push('', '| 序号 | 检查内容 |', '附件：说明');
    }
    const started = performance.now();
    const r = importChecklistText(lines.join('\n'), { base: bundled });
    expect(performance.now() - started).to.be.below(3000);
    expect(r.template.sections.length).to.be.greaterThan(0);
    // 20,000 check points in one group, and 5,000 headings with nothing under them: each mark's span
    // is found from where it starts, not by scanning every mark again (which took over a minute).
    for (const big of ['一、方向\n（一）分组\n' + '1. 是否存在问题\n'.repeat(20000), '一、标题\n'.repeat(5000)]) {
      const t0 = performance.now();
      const got = importChecklistText(big);
      expect(performance.now() - t0, `${big.length} characters`).to.be.below(8000);
      expect(got.template.sections.length + got.unplaced.length).to.be.greaterThan(0);
    }
  });
});

import { expect } from '@open-wc/testing';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  checklistResponseSchema,
  checklistProgress,
  indexTemplate,
  normalizeResponse,
  toClueEntries,
  toRectificationItems,
  validateChecklist,
  type ChecklistTemplate,
  type ChecklistResponse,
} from '../../src/core/checklist.js';
import { readChecklistTemplate } from '../../src/core/checklist-template.js';
import { checklistSanjujiao } from '../../src/generated/templates/checklistSanjujiao.js';
import { rectificationLedger } from '../../src/generated/validators/rectificationLedger.js';

const template = checklistSanjujiao as ChecklistTemplate;
const index = indexTemplate(template);
const ids = index.points.map((p) => p.point.id);

function filled(): ChecklistResponse {
  const items: ChecklistResponse['items'] = {};
  for (const id of ids) items[id] = { finding: 'none' };
  items['f2g4-01'] = { finding: 'problem', description: '2025年违规发放加班补贴3.2万元', methods: ['documents'], evidence: [{ title: '2025年工资发放表', kind: 'accounts' }], clue: true, scope: 'specific' };
  items['f1g1-01'] = { finding: 'problem', description: '理论学习中心组全年仅学习2次', category: 'first-topic' };
  return { templateId: template.id, templateVersion: template.version, items };
}

describe('checklist core', () => {
  it('accepts the bundled template and indexes its 54 check points in order', () => {
    const r = readChecklistTemplate(template);
    expect(r.ok).to.equal(true);
    expect(ids).to.have.length(54);
    expect(ids[0]).to.equal('f1g1-01');
    expect(ids[53]).to.equal('f3g3-05');
  });

  it('derives a response schema that a server can use, agreeing with the element rules', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(checklistResponseSchema(template));
    const ok = filled();
    expect(validate(ok), JSON.stringify(validate.errors)).to.equal(true);
    expect(validateChecklist(template, index, ok).valid).to.equal(true);

    const missing = filled();
    delete missing.items['f3g3-05'];
    expect(validate(missing)).to.equal(false);
    expect(validateChecklist(template, index, missing).errors.map((e) => e.path)).to.deep.equal(['items.f3g3-05.finding']);

    const noDescription = filled();
    noDescription.items['f1g1-01'] = { finding: 'problem', description: '  ' };
    expect(validate(noDescription)).to.equal(false);
    expect(validateChecklist(template, index, noDescription).errors.map((e) => e.path)).to.deep.equal(['items.f1g1-01.description']);

    const badLink = filled();
    badLink.items['f2g4-01']!.evidence = [{ title: 'x', ref: 'javascript:alert(1)' }];
    expect(validate(badLink)).to.equal(false);
    expect(validateChecklist(template, index, badLink).errors[0]!.path).to.equal('items.f2g4-01.evidence.0.ref');
  });

  it('counts progress, problems and clues', () => {
    const p = checklistProgress(index, filled());
    expect([p.total, p.answered, p.problems, p.clues]).to.deep.equal([54, 54, 2, 1]);
    expect(p.sections['f2']).to.deep.equal({ total: 26, answered: 26, problems: 1, clues: 1 });
  });

  it('turns problems into rectification items that form a valid ledger, linked to their check point', () => {
    const items = toRectificationItems(template, filled(), { now: '2026-11-26T09:00:00.000Z', by: '巡察组' });
    expect(items.map((i) => i.problem.source!.checkpointId)).to.deep.equal(['f1g1-01', 'f2g4-01']);
    expect(items[1]!.problem.text).to.equal('2025年违规发放加班补贴3.2万元');
    expect(items[0]!.problem.focusArea).to.equal('聚焦党的理论路线方针政策和党中央决策部署情况');
    expect(items[0]!.deadline).to.equal('2027-01-25');
    const ledger = { version: 1, items };
    expect(rectificationLedger(ledger), JSON.stringify(rectificationLedger.errors)).to.equal(true);
  });

  it('turns clue-flagged problems into clue entries', () => {
    const clues = toClueEntries(template, filled());
    expect(clues).to.have.length(1);
    expect(clues[0]!.mainProblem).to.equal('2025年违规发放加班补贴3.2万元');
    expect(clues[0]!.sourceRef).to.deep.equal({ kind: 'checklist', templateId: 'xc-sanjujiao', checkpointId: 'f2g4-01' });
  });

  it('normalizes junk without throwing and keeps what it cannot place', () => {
    for (const junk of [null, 3, 'x', [], { items: 5 }, { items: { 'f1g1-01': 'yes' } }]) {
      const r = normalizeResponse(template, index, junk);
      expect(r.items).to.deep.equal({});
      expect(r.templateId).to.equal('xc-sanjujiao');
    }
    const r = normalizeResponse(template, index, { items: { old: { finding: 'none' } }, keptAside: { 'f1g1-02': { finding: 'na' } } });
    expect(r.keptAside).to.deep.equal({ old: { finding: 'none' } });
    expect(r.items['f1g1-02']).to.deep.equal({ finding: 'na' });
  });
});

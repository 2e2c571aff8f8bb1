import { expect } from '@open-wc/testing';
import { interviewToClues } from '../../src/core/form-clues.js';
import { loadLocale } from '../../src/core/i18n.js';
import { clueSheetSchema } from '../../src/generated/templates.js';
import { clueSheet } from '../../src/generated/validators/clueSheet.js';
import { defaultValue } from '../../src/core/form-model.js';

const record = {
  recordNo: '区委第一巡察组-谈-007',
  interviewee: { name: '赵六', unit: '区农业农村局', post: '科员' },
  startTime: '2026-11-26T09:30:00+08:00',
  problems: [
    { summary: '2024年危房改造对象中有村干部近亲属，评议程序不完整。', personConcerned: '某村党支部书记', isClue: true },
    { summary: '会议材料照搬上级文件。', isClue: false },
    { summary: '  ', isClue: true },
    { summary: '公务用车节假日出车无派车单。', isClue: true },
  ],
};

describe('interviewToClues', () => {
  it('turns the problems flagged as clues into clue-sheet values, in order', () => {
    const clues = interviewToClues(record);
    expect(clues).to.have.length(2);
    expect(clues[0]).to.deep.equal({
      source: '个别谈话',
      mainProblem: '2024年危房改造对象中有村干部近亲属，评议程序不完整。',
      receivedOn: '2026-11-26',
      reporter: { name: '赵六', unit: '区农业农村局', post: '科员' },
      personConcerned: { name: '某村党支部书记' },
      evidence: [{ title: '个别谈话记录（区委第一巡察组-谈-007）', ref: '区委第一巡察组-谈-007' }],
      sourceRef: { kind: 'interview', recordNo: '区委第一巡察组-谈-007' },
    });
    expect(clues[1]!.mainProblem).to.equal('公务用车节假日出车无派车单。');
    expect(clues[1]!.personConcerned).to.equal(undefined);
  });

  it('titles the record as evidence in the page language; the source stays the sheet\'s code', async () => {
    await loadLocale('en');
    const [clue] = interviewToClues(record, { lang: 'en' });
    expect(clue!.evidence).to.deep.equal([{ title: 'Interview record (区委第一巡察组-谈-007)', ref: '区委第一巡察组-谈-007' }]);
    expect(clue!.source).to.equal('个别谈话');
    // The code is one the clue sheet accepts.
    expect(clueSheetSchema.properties.source.enum).to.include(clue!.source);
  });

  it('takes every problem with {all: true}, and nothing from odd input', () => {
    expect(interviewToClues(record, { all: true })).to.have.length(3);
    expect(interviewToClues(null)).to.deep.equal([]);
    expect(interviewToClues({ problems: 'x' })).to.deep.equal([]);
    expect(interviewToClues({ problems: [{ summary: '无编号', isClue: true }] })).to.deep.equal([{ source: '个别谈话', mainProblem: '无编号' }]);
  });

  it('gives values the clue sheet accepts once the team adds what only it knows', () => {
    const [clue] = interviewToClues(record);
    const filled = {
      ...(defaultValue(clueSheetSchema) as object),
      ...clue,
      clueNo: '线-001',
      personConcerned: { ...clue!.personConcerned!, unit: '某村' },
      proposedHandling: '初步核实',
    };
    expect(clueSheet(filled), JSON.stringify(clueSheet.errors)).to.equal(true);
  });
});

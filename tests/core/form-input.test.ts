import { expect } from '@open-wc/testing';
import {
  conditionKeys,
  fromDateTimeInput,
  offsetOf,
  timeOffset,
  fromTimeInput,
  localOffset,
  parseLocalDate,
  toDateTimeInput,
  toRfc3339,
  toTimeInput,
  touchesCondition,
} from '../../src/core/form-input.js';
import { interviewRecordSchema, clueSheetSchema } from '../../src/generated/templates.js';
import { interviewRecord } from '../../src/generated/validators/interviewRecord.js';

describe('form-input: what conditions look at', () => {
  it('collects the members named by if, dependentRequired and x-xc-hidden', () => {
    const rec = conditionKeys(interviewRecordSchema);
    expect([...rec]).to.include.members(['kind', 'confirmed', 'signature']);
    expect(rec.has('place')).to.equal(false);
    expect(rec.has('answer')).to.equal(false);
    const clue = conditionKeys(clueSheetSchema);
    expect([...clue]).to.include.members(['source', 'transferredOn', 'feedbackOn']);
    expect(clue.has('mainProblem')).to.equal(false);
  });

  it('reads nested and pointer fields of x-xc-hidden, and dependentSchemas', () => {
    const keys = conditionKeys({
      type: 'object',
      dependentSchemas: { a: { required: ['b'] } },
      properties: {
        x: { type: 'string', 'x-xc-hidden': { any: [{ field: 'who.name', empty: true }, { not: { field: '/top/deep', const: 1 } }] } },
      },
    });
    expect([...keys].sort()).to.deep.equal(['a', 'deep', 'name', 'top', 'who']);
  });

  it('tells which changes touch a condition (never by array index)', () => {
    const keys = new Set(['kind', 'confirmed']);
    expect(touchesCondition(keys, ['kind'])).to.equal(true);
    expect(touchesCondition(keys, ['confirmation', 'confirmed'])).to.equal(true);
    expect(touchesCondition(keys, ['transcript', '3', 'answer'])).to.equal(false);
    expect(touchesCondition(new Set(['0']), ['list', '0'])).to.equal(false);
  });
});

describe('form-input: dates and times', () => {
  it('stores datetime-local values as RFC 3339 with seconds and the local offset, and shows them back', () => {
    const stored = fromDateTimeInput('2026-11-26T09:30')!;
    const offset = localOffset(new Date(2026, 10, 26, 9, 30));
    expect(stored).to.equal(`2026-11-26T09:30:00${offset}`);
    expect(toDateTimeInput(stored)).to.equal('2026-11-26T09:30');
    expect(toDateTimeInput('2026-11-26T09:30:15' + offset)).to.equal('2026-11-26T09:30:15');
    expect(fromDateTimeInput('')).to.equal(undefined);
    expect(fromDateTimeInput('nonsense')).to.equal(undefined);
    expect(toDateTimeInput(undefined)).to.equal('');
    expect(toDateTimeInput('not a date')).to.equal('');
    // what ajv's date-time format accepts
    const base = {
      recordNo: 'T-1', interviewee: { name: '王五', unit: '某局' }, place: '谈话室', interviewers: [{ name: '甲' }, { name: '乙' }],
      recorder: { name: '丙' }, kind: '群众谈话', transcript: [{ question: '问', answer: '答' }], confidentialityReminder: true,
    };
    expect(interviewRecord({ ...base, startTime: stored, endTime: fromDateTimeInput('2026-11-26T10:30') })).to.equal(true);
    expect(interviewRecord({ ...base, startTime: '2026-11-26T09:30', endTime: stored }), 'the raw input value fails').to.equal(false);
  });

  it('shows and edits a date-time in the offset the record carries, whatever the machine\'s time zone', () => {
    // A record written in Beijing: 09:30 there, on any machine (as it prints), and an edit keeps +08:00.
    expect(offsetOf('2026-11-20T09:30:00+08:00')).to.equal('+08:00');
    expect(offsetOf('2026-11-20T01:30:00.000Z')).to.equal('Z');
    expect(offsetOf('2026-11-20T09:30')).to.equal(undefined);
    expect(toDateTimeInput('2026-11-20T09:30:00+08:00')).to.equal('2026-11-20T09:30');
    expect(toDateTimeInput('2026-11-20T23:05:30-05:00')).to.equal('2026-11-20T23:05:30');
    expect(fromDateTimeInput('2026-11-20T10:05', '+08:00')).to.equal('2026-11-20T10:05:00+08:00');
    expect(fromDateTimeInput('2026-11-20T10:05', 'Z')).to.equal('2026-11-20T10:05:00Z');
    // The round trip through the input changes nothing, on a machine in any zone.
    // A time of day keeps its offset the same way.
    expect(timeOffset('09:30:00+08:00')).to.equal('+08:00');
    expect(timeOffset('09:30')).to.equal(undefined);
    expect(fromTimeInput('10:05', new Date(2026, 10, 20), '+08:00')).to.equal('10:05:00+08:00');
    for (const v of ['2026-11-20T09:30:00+08:00', '2026-03-29T02:30:00+01:00', '2026-11-20T00:00:00-09:30']) {
      expect(fromDateTimeInput(toDateTimeInput(v), offsetOf(v))).to.equal(v);
    }
  });

  it('writes offsets as ±HH:MM and whole dates with toRfc3339', () => {
    expect(localOffset(new Date(2026, 10, 26, 9, 30))).to.match(/^[+-]\d\d:\d\d$/);
    expect(toRfc3339(new Date(2026, 0, 2, 3, 4, 5))).to.match(/^2026-01-02T03:04:05[+-]\d\d:\d\d$/);
  });

  it('stores time inputs with seconds and an offset, and shows them back as HH:MM', () => {
    expect(fromTimeInput('09:30', new Date(2026, 10, 26))).to.match(/^09:30:00[+-]\d\d:\d\d$/);
    expect(fromTimeInput('')).to.equal(undefined);
    expect(toTimeInput('09:30:00+08:00')).to.equal('09:30');
    expect(toTimeInput('09:30:20Z')).to.equal('09:30:20');
    expect(toTimeInput(7)).to.equal('');
  });

  it('reads calendar dates as local days', () => {
    const d = parseLocalDate('2026-11-26')!;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).to.deep.equal([2026, 10, 26]);
    expect(parseLocalDate('26/11/2026')).to.equal(undefined);
  });
});

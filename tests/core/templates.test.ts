import { expect } from '@open-wc/testing';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { interviewRecord, clueSheet, formDefinition } from '../../src/generated/validators.js';
import { validateWith, type JsonSchema } from '../../src/core/validation.js';
import { XC_KEYWORDS } from '../../src/core/keywords.js';

const load = async (path: string): Promise<JsonSchema> => {
  const res = await fetch(path);
  expect(res.ok, path).to.equal(true);
  return (await res.json()) as JsonSchema;
};

/** ajv set up as scripts/precompile-lib.mjs sets it up (strict, xc vocabulary). */
const newAjv = () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary([...XC_KEYWORDS]);
  return ajv;
};

/** A realistic, complete 个别谈话记录. */
const filledInterview = () => ({
  recordNo: '区委第一巡察组-谈-007',
  interviewee: { name: '王某某', unit: '某某乡人民政府', post: '党委委员、副乡长', politicalStatus: '中共党员' },
  startTime: '2026-11-26T09:00:00+08:00',
  endTime: '2026-11-26T10:10:00+08:00',
  place: '巡察组驻地谈话室',
  interviewers: [
    { name: '李某', unit: '区委第一巡察组', post: '组长' },
    { name: '赵某', unit: '区委第一巡察组', post: '副组长' },
  ],
  recorder: { name: '孙某', unit: '区委第一巡察组', post: '联络员' },
  kind: '班子成员谈话',
  outline: ['聚焦群众身边腐败问题和不正之风', '聚焦基层党组织领导班子和干部队伍建设情况'],
  confidentialityReminder: true,
  transcript: [
    { question: '请谈谈你分管领域落实中央八项规定精神的情况。', answer: '总体较好，但公务接待台账登记不够规范，个别接待没有公函。' },
    { question: '对乡领导班子有什么意见建议？', answer: '民主集中制执行还要加强，有的“三重一大”事项会前酝酿不充分。' },
  ],
  problems: [{ summary: '某村惠民资金发放存在优亲厚友情况', personConcerned: '某村党支部书记', isClue: true }],
  confirmation: { statement: '以上记录我已看过，与我所讲一致。', confirmed: true, confirmedAt: '2026-11-26T10:20:00+08:00' },
});

const filledClue = () => ({
  clueNo: '区委第一巡察组-线-003',
  source: '个别谈话',
  receivedOn: '2026-11-26',
  personConcerned: { name: '某某', unit: '某某村党支部', post: '书记' },
  mainProblem: '反映其在2025年惠民资金发放中优亲厚友，向亲属违规发放补贴。',
  evidence: [{ title: '个别谈话记录', ref: '区委第一巡察组-谈-007' }],
  proposedHandling: '初步核实',
  transferTo: '区纪委',
  transferredOn: '2026-12-02',
  receiver: '区纪委信访室 周某',
  sourceRef: { kind: 'interview', recordNo: '区委第一巡察组-谈-007' },
});

describe('bundled form templates', () => {
  let meta: JsonSchema;
  let interview: JsonSchema;
  let clue: JsonSchema;
  before(async () => {
    [meta, interview, clue] = await Promise.all([
      load('/schemas/form-definition.schema.json'),
      load('/schemas/templates/interview-record.json'),
      load('/schemas/templates/clue-sheet.json'),
    ]);
  });

  it('validate against the form-definition meta-schema (runtime ajv and precompiled)', () => {
    const validate = newAjv().compile(meta);
    for (const [name, t] of [['interview', interview], ['clue', clue]] as const) {
      expect(validate(t), `${name}: ${JSON.stringify(validate.errors)}`).to.equal(true);
      expect(formDefinition(t), name).to.equal(true);
    }
  });

  it('compile with strict ajv and the xc vocabulary', () => {
    expect(() => newAjv().compile(interview)).not.to.throw();
    expect(() => newAjv().compile(clue)).not.to.throw();
  });

  it('the meta-schema knows exactly the keywords of src/core/keywords.ts', () => {
    const node = (meta['$defs'] as Record<string, JsonSchema>)['node']!;
    const names = (node['propertyNames'] as { anyOf: { enum?: string[] }[] }).anyOf[1]!.enum!;
    expect([...names].sort()).to.deep.equal([...XC_KEYWORDS].sort());
    const documented = Object.keys(node['properties'] as object).filter((k) => k.startsWith('x-xc-'));
    expect(documented.sort()).to.deep.equal([...XC_KEYWORDS].sort());
  });

  it('the meta-schema rejects what the form cannot use', () => {
    const validate = newAjv().compile(meta);
    const base = { type: 'object', properties: { a: { type: 'string' } } };
    expect(validate(base)).to.equal(true);
    expect(validate({ type: 'array', items: {} }), 'not an object').to.equal(false);
    expect(validate({ ...base, properties: { a: { type: 'string', 'x-xc-widgit': 'text' } } }), 'unknown x-xc keyword').to.equal(false);
    expect(validate({ ...base, properties: { a: { type: 'string', 'x-xc-widget': 'slider' } } }), 'unknown widget').to.equal(false);
    expect(validate({ ...base, properties: { a: { type: 'string', 'x-xc-widget': 'checkboxes' } } }), 'checkboxes on a string').to.equal(false);
    expect(validate({ ...base, properties: { a: { type: 'string', 'x-xc-hidden': { field: 'b' } } } }), 'condition without a test').to.equal(false);
    expect(validate({ ...base, properties: { a: { type: 'string', 'x-xc-hidden': { field: 'b', in: ['x'] } } } })).to.equal(true);
    expect(validate({ ...base, properties: { a: { $ref: 'https://example.com/x.json' } } }), 'remote $ref').to.equal(false);
    expect(validate({ ...base, properties: { a: { type: 'string', 'x-xc-messages': { required: '' } } } }), 'empty message').to.equal(false);
  });

  it('x-xc-order names every property of each template, once', () => {
    for (const t of [interview, clue]) {
      const order = t['x-xc-order'] as string[];
      expect([...order].sort()).to.deep.equal(Object.keys(t['properties'] as object).sort());
    }
  });

  it('a realistic interview record passes the precompiled validator', () => {
    const result = validateWith(interviewRecord, filledInterview(), interview);
    expect(result, JSON.stringify(result.errors)).to.deep.equal({ valid: true, errors: [] });
  });

  it('one interviewer is not enough', () => {
    const data = { ...filledInterview(), interviewers: [{ name: '李某', unit: '区委第一巡察组' }] };
    const result = validateWith(interviewRecord, data, interview);
    expect(result.valid).to.equal(false);
    const e = result.errors.find((x) => x.path === 'interviewers');
    expect(e, JSON.stringify(result.errors)).to.not.equal(undefined);
    expect(e!.keyword).to.equal('minItems');
    expect(e!.message).to.equal('谈话人不得少于两人');
  });

  it('conditional rules and messages of the interview record', () => {
    const noPlace: Record<string, unknown> = { ...filledInterview() };
    delete noPlace['place'];
    expect(validateWith(interviewRecord, noPlace, interview).errors).to.deep.include({ path: 'place', message: '请填写谈话地点', keyword: 'required' });
    const other = validateWith(interviewRecord, { ...filledInterview(), kind: '其他' }, interview);
    expect(other.errors.map((e) => e.path)).to.include('kindOther');
    expect(validateWith(interviewRecord, { ...filledInterview(), kind: '其他', kindOther: '回访谈话' }, interview).valid).to.equal(true);
    const noAck = validateWith(interviewRecord, { ...filledInterview(), confidentialityReminder: false }, interview);
    expect(noAck.errors.map((e) => e.path)).to.include('confidentialityReminder');
    const badSig = validateWith(interviewRecord, { ...filledInterview(), signature: { algorithm: 'SHA-256', digest: 'ABC', signedAt: '2026-11-26T10:30:00+08:00' } }, interview);
    expect(badSig.errors.map((e) => e.path)).to.include('signature.digest');
    const unconfirmedTime = { ...filledInterview(), confirmation: { confirmed: true } };
    expect(validateWith(interviewRecord, unconfirmedTime, interview).errors.map((e) => e.path)).to.include('confirmation.confirmedAt');
  });

  it('a realistic clue sheet passes; a transfer needs a receiver', () => {
    expect(validateWith(clueSheet, filledClue(), clue)).to.deep.equal({ valid: true, errors: [] });
    const noReceiver: Record<string, unknown> = { ...filledClue() };
    delete noReceiver['receiver'];
    const r = validateWith(clueSheet, noReceiver, clue);
    expect(r.errors).to.deep.include({ path: 'receiver', message: '已填写移交日期，请填写接收人', keyword: 'dependentRequired' });
    const notYet: Record<string, unknown> = { ...noReceiver };
    delete notYet['transferredOn'];
    expect(validateWith(clueSheet, notYet, clue).valid).to.equal(true);
    const badRef = validateWith(clueSheet, { ...filledClue(), sourceRef: { kind: 'checklist' } }, clue);
    expect(badRef.errors.map((e) => e.path)).to.include.members(['sourceRef.templateId', 'sourceRef.checkpointId']);
  });
});

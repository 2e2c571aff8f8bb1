import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/core/i18n.js';
import { compileSchema, setSchemaCompiler, validateWith, toFieldErrors, schemaAt, isCspEvalError } from '../../src/core/validation.js';
import type { JsonSchema } from '../../src/core/validation-types.js';

const schema: JsonSchema = {
  type: 'object',
  required: ['place', 'interviewers', 'kind'],
  properties: {
    place: { type: 'string', title: '谈话地点', minLength: 1, 'x-xc-messages': { required: { 'zh-CN': '请填写谈话地点', en: 'Enter where the interview took place' } } },
    kind: { title: '谈话类型', oneOf: [{ const: 'a', title: '甲' }, { const: 'b', title: '乙' }] },
    interviewers: { type: 'array', title: '谈话人', minItems: 2, items: { $ref: '#/$defs/person' } },
    email: { type: 'string', format: 'email', title: '邮箱' },
  },
  $defs: { person: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: '姓名' } } } },
};

// English strings load on demand; pure calls below use them synchronously.
before(() => loadLocale('en'));

describe('a validator that throws', () => {
  it('says a stack overflow is a nesting or $ref loop, and any other fault is the validator\'s', () => {
    const overflow = Object.assign(() => { throw new RangeError('Maximum call stack size exceeded'); }, { errors: null });
    const broken = Object.assign(() => { throw new TypeError('host validator broke'); }, { errors: null });
    const a = validateWith(overflow as never, {}, schema, 'en');
    const b = validateWith(broken as never, {}, schema, 'en');
    expect(a.valid).to.equal(false);
    expect(a.errors[0]!.message).to.contain('$ref');
    expect(b.valid).to.equal(false);
    expect(b.errors[0]!.message).to.contain('host validator broke');
    expect(b.errors[0]!.message).to.not.contain('$ref');
  });
});

describe('validation core', () => {
  before(async () => {
    // The opt-in run-time compiler (this page allows eval).
    await import('../../src/compiler/index.js');
  });
  after(() => setSchemaCompiler(null));

  it('maps errors to field paths with zh-CN messages and per-field overrides', () => {
    const c = compileSchema(schema);
    if (!c.ok) throw new Error(c.detail);
    const r = validateWith(c.validate, { interviewers: [{ name: '张三' }, {}], kind: 'x', email: 'nope' }, schema, 'zh-CN');
    expect(r.valid).to.equal(false);
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath['place']).to.equal('请填写谈话地点');
    expect(byPath['interviewers.1.name']).to.equal('请填写姓名');
    expect(byPath['kind']).to.equal('请从选项中选择');
    expect(byPath['email']).to.match(/[\u4e00-\u9fa5]/);
    expect(r.errors.filter((e) => e.path === 'kind')).to.have.length(1);
  });

  it('speaks English when asked', () => {
    const c = compileSchema(schema);
    if (!c.ok) throw new Error(c.detail);
    const r = validateWith(c.validate, { interviewers: [] }, schema, 'en');
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath['place']).to.equal('Enter where the interview took place');
    expect(byPath['kind']).to.equal('Select 谈话类型');
    expect(byPath['interviewers']).to.match(/must NOT have (fewer|less) than 2 items/);
  });

  it('finds the subschema of a path through $ref and items', () => {
    expect(schemaAt(schema, ['interviewers', 0, 'name'])).to.deep.include({ title: '姓名' });
    expect(schemaAt(schema, ['nothing'])).to.equal(undefined);
  });

  it('says why a schema cannot be compiled', () => {
    setSchemaCompiler(null);
    const none = compileSchema({ type: 'string' });
    expect(none.ok).to.equal(false);
    expect(!none.ok && none.reason).to.equal('no-compiler');
    setSchemaCompiler({
      compile() {
        throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source");
      },
    });
    const csp = compileSchema({ type: 'number' });
    expect(!csp.ok && csp.reason).to.equal('csp');
    setSchemaCompiler({
      compile() {
        throw new Error('schema is invalid: data/type must be equal to one of the allowed values');
      },
    });
    const bad = compileSchema({ type: 'nope' });
    expect(!bad.ok && bad.reason).to.equal('invalid-schema');
    expect(isCspEvalError(new Error('x'))).to.equal(false);
  });

  it('tolerates empty and unknown error lists', () => {
    expect(toFieldErrors(null, schema, 'zh-CN')).to.deep.equal([]);
  });
});

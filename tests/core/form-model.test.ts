import { expect } from '@open-wc/testing';
import {
  buildFormModel,
  conditionHolds,
  defaultValue,
  findField,
  flattenFields,
  getAt,
  removeAt,
  schemaHolds,
  setAt,
  type FieldDescriptor,
} from '../../src/core/form-model.js';
import type { JsonSchema } from '../../src/core/validation-types.js';
import { resolveRef } from '../../src/core/validation.js';
import { compileLite } from '../../src/core/lite-validator.js';
import { interviewRecordSchema, clueSheetSchema } from '../../src/generated/templates.js';

const field = (model: FieldDescriptor, name: string): FieldDescriptor => {
  const f = findField(model, name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

const small: JsonSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: '姓名', maxLength: 50, 'x-xc-i18n': { en: { title: 'Name' } } },
    note: { type: 'string', title: '备注', maxLength: 1000, description: '可不填' },
    born: { type: 'string', format: 'date', title: '出生日期' },
    at: { type: 'string', format: 'date-time', title: '时间' },
    mail: { type: 'string', format: 'email' },
    age: { type: 'integer', minimum: 0, maximum: 150 },
    ok: { type: 'boolean', title: '已阅' },
    level: { type: 'string', enum: ['高', '中', '低'] },
    city: { type: 'string', enum: ['甲', '乙', '丙', '丁', '戊'] },
    status: {
      type: 'string',
      oneOf: [
        { const: 'open', title: '未销号', description: '仍在整改', 'x-xc-i18n': { en: { title: 'Open' } } },
        { const: 'closed', title: '已销号' },
      ],
    },
    tags: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } },
    people: { type: 'array', minItems: 1, items: { type: 'object', properties: { n: { type: 'string', title: '名' } } } },
    secret: { type: 'string', 'x-xc-widget': 'hidden' },
  },
};

describe('form-model: widgets, labels and options', () => {
  it('infers widgets from types, formats and options', () => {
    const m = buildFormModel(small, {});
    const w = (n: string) => field(m, n).widget;
    expect(m.widget).to.equal('object');
    expect(w('name')).to.equal('text');
    expect(w('note')).to.equal('textarea');
    expect(w('born')).to.equal('date');
    expect(w('at')).to.equal('datetime');
    expect(w('mail')).to.equal('email');
    expect(w('age')).to.equal('number');
    expect(w('ok')).to.equal('checkbox');
    expect(w('level')).to.equal('radio');
    expect(w('city')).to.equal('select');
    expect(w('status')).to.equal('radio');
    expect(w('tags')).to.equal('checkboxes');
    expect(w('people')).to.equal('array');
    expect(w('secret')).to.equal('hidden');
    expect(field(m, 'secret').hidden).to.equal(true);
  });

  it('honours x-xc-widget in the bundled templates', () => {
    const m = buildFormModel(interviewRecordSchema, {});
    expect(field(m, 'interviewee').widget).to.equal('person');
    expect(field(m, 'interviewee.politicalStatus').widget).to.equal('select');
    expect(field(m, 'startTime').widget).to.equal('datetime');
    expect(field(m, 'outline').widget).to.equal('checkboxes');
    expect(field(m, 'confidentialityReminder').widget).to.equal('checkbox');
    expect(field(m, 'recorder').widget).to.equal('person');
    expect(field(m, 'interviewers').widget).to.equal('array');
    const clue = buildFormModel(clueSheetSchema, {});
    expect(field(clue, 'proposedHandling').widget).to.equal('textarea');
    expect(field(clue, 'disposal').widget).to.equal('radio');
    expect(field(clue, 'sourceRef').widget).to.equal('hidden');
    expect(field(clue, 'sourceRef').hidden).to.equal(true);
    expect(field(clue, 'sourceRef.kind').hidden, 'children of a hidden field are hidden').to.equal(true);
    expect(field(clue, 'mainProblem').widget).to.equal('textarea');
  });

  it('gives labels, hints, optional marks and constraints, translated', () => {
    const zh = buildFormModel(small, {});
    expect(field(zh, 'name').label).to.equal('姓名');
    expect(field(zh, 'name').required).to.equal(true);
    expect(field(zh, 'note').required).to.equal(false);
    expect(field(zh, 'note').hint).to.equal('可不填');
    expect(field(zh, 'name').constraints).to.deep.equal({ maxLength: 50 });
    expect(field(zh, 'age').constraints).to.deep.equal({ minimum: 0, maximum: 150 });
    expect(field(zh, 'people').constraints).to.deep.equal({ minItems: 1 });
    const en = buildFormModel(small, {}, 'en-GB');
    expect(field(en, 'name').label).to.equal('Name');
    expect(field(en, 'note').label, 'untranslated falls back to the template').to.equal('备注');

    const rec = buildFormModel(interviewRecordSchema, {}, 'zh-CN');
    const place = field(rec, 'place');
    expect(place.label).to.equal('谈话地点');
    expect(place.required).to.equal(true);
    expect(place.messages['required']).to.equal('请填写谈话地点');
    expect(field(rec, 'outline').required).to.equal(false);
    expect(field(rec, 'interviewers').constraints.minItems).to.equal(2);
    expect(field(rec, 'interviewers').addLabel).to.equal('添加谈话人');
    expect(field(rec, 'recorder').label, 'a $ref with a sibling title').to.equal('记录人');
    expect(field(rec, 'recorder.name').label).to.equal('姓名');
    expect(field(rec, 'confidentialityReminder').constraints.const).to.equal(true);
    expect(field(rec, 'confidentialityReminder').hint).to.contain('保密');
    expect(field(rec, 'transcript').confidential).to.equal(true);
    expect(field(rec, 'signature').readOnly).to.equal(true);
    expect(field(rec, 'signature.digest').readOnly, 'read-only is inherited').to.equal(true);
    const recEn = buildFormModel(interviewRecordSchema, {}, 'en');
    expect(field(recEn, 'place').label).to.equal('Place');
    expect(field(recEn, 'place').messages['required']).to.equal('Enter where the interview took place');
  });

  it('orders members by x-xc-order, then declaration order', () => {
    const m = buildFormModel(interviewRecordSchema, {});
    expect(m.children.map((c) => c.key).slice(0, 9)).to.deep.equal([
      'recordNo', 'interviewee', 'startTime', 'endTime', 'place', 'interviewers', 'recorder', 'kind', 'kindOther',
    ]);
    expect(field(m, 'interviewee').children.map((c) => c.key)).to.deep.equal(['name', 'unit', 'post', 'politicalStatus']);
  });

  it('lists enum and oneOf+const options with translated labels', () => {
    const zh = buildFormModel(small, {});
    expect(field(zh, 'level').options.map((o) => o.value)).to.deep.equal(['高', '中', '低']);
    expect(field(zh, 'status').options).to.deep.equal([
      { value: 'open', label: '未销号', hint: '仍在整改' },
      { value: 'closed', label: '已销号', hint: '' },
    ]);
    expect(field(buildFormModel(small, {}, 'en'), 'status').options[0]!.label).to.equal('Open');
    expect(field(zh, 'tags').options.map((o) => o.value)).to.deep.equal(['a', 'b']);

    const rec = buildFormModel(interviewRecordSchema, {});
    expect(field(rec, 'interviewee.politicalStatus').options.map((o) => o.label)).to.deep.equal([
      '中共党员', '中共预备党员', '共青团员', '群众', '民主党派', '其他',
    ]);
    expect(field(rec, 'outline').options).to.have.length(3);
    const recEn = buildFormModel(interviewRecordSchema, {}, 'en');
    const ps = field(recEn, 'interviewee.politicalStatus').options;
    expect(ps[0]).to.deep.equal({ value: '中共党员', label: 'CPC member', hint: '' });
    // Checkbox labels translated on the array field itself (the interview's outline) are used too.
    expect(field(recEn, 'outline').options.map((o) => o.label)).to.deep.equal([
      "The Party's theory, line and policies, and the decisions of the Central Committee",
      'Corruption and misconduct that affect the public directly',
      'The leadership and cadres of the grass-roots Party organisation',
    ]);
    expect(field(recEn, 'outline').options[1]!.value).to.equal('聚焦群众身边腐败问题和不正之风');
  });

  it('builds array items with item titles and a new-item template', () => {
    const m = buildFormModel(interviewRecordSchema, { interviewers: [{ name: '张三' }, { name: '李四' }, {}] });
    const list = field(m, 'interviewers');
    expect(list.items.map((i) => i.label)).to.deep.equal(['谈话人1', '谈话人2', '谈话人3']);
    expect(list.items[1]!.name).to.equal('interviewers.1');
    expect(field(m, 'interviewers.1.name').value).to.equal('李四');
    expect(field(m, 'interviewers.1.name').required).to.equal(true);
    expect(list.item!.path).to.deep.equal(['interviewers', '-']);
    expect(list.item!.label).to.equal('谈话人4');
    expect(list.item!.children.map((c) => c.key)).to.deep.equal(['name', 'unit', 'post']);
    const t = buildFormModel(interviewRecordSchema, { transcript: [{ question: '问', answer: '答' }] }, 'en');
    expect(field(t, 'transcript').items[0]!.label).to.equal('Question 1');
    expect(field(t, 'transcript.0.answer').rows).to.equal(6);
  });
});

describe('form-model: conditions', () => {
  it('turns conditional (if/then) requirements on and off with the value', () => {
    const off = buildFormModel(interviewRecordSchema, { kind: '群众谈话' });
    expect(field(off, 'kindOther').required).to.equal(false);
    expect(field(off, 'kindOther').hidden).to.equal(true);
    const on = buildFormModel(interviewRecordSchema, { kind: '其他' });
    expect(field(on, 'kindOther').required).to.equal(true);
    expect(field(on, 'kindOther').hidden).to.equal(false);
    expect(field(buildFormModel(interviewRecordSchema, {}), 'kindOther').required).to.equal(false);

    // nested if/then inside an object
    expect(field(buildFormModel(interviewRecordSchema, { confirmation: { confirmed: false } }), 'confirmation.confirmedAt').required).to.equal(false);
    expect(field(buildFormModel(interviewRecordSchema, { confirmation: { confirmed: true } }), 'confirmation.confirmedAt').required).to.equal(true);
  });

  it('turns dependentRequired on when the member is present', () => {
    expect(field(buildFormModel(clueSheetSchema, {}), 'receiver').required).to.equal(false);
    const m = buildFormModel(clueSheetSchema, { transferredOn: '2026-11-26' });
    expect(field(m, 'receiver').required).to.equal(true);
    expect(field(m, 'outcome').hidden).to.equal(false);
    expect(field(buildFormModel(clueSheetSchema, { transferredOn: '' }), 'outcome').hidden, 'blank counts as empty').to.equal(true);
  });

  it('hides fields but keeps their values', () => {
    const value = { kind: '群众谈话', kindOther: '回访谈话' };
    const m = buildFormModel(interviewRecordSchema, value);
    const f = field(m, 'kindOther');
    expect(f.hidden).to.equal(true);
    expect(f.value).to.equal('回访谈话');
    expect(value.kindOther).to.equal('回访谈话');
  });

  it('supports conditional properties, allOf and dependentSchemas', () => {
    const s: JsonSchema = {
      type: 'object',
      properties: { mode: { type: 'string', enum: ['a', 'b'] }, x: { type: 'string' } },
      allOf: [{ properties: { y: { type: 'number', title: 'Y' } }, required: ['mode'] }],
      if: { properties: { mode: { const: 'b' } }, required: ['mode'] },
      then: { properties: { extra: { type: 'string', title: '补充' } }, required: ['extra'] },
      dependentSchemas: { x: { required: ['y'] } },
    };
    const a = buildFormModel(s, { mode: 'a' });
    expect(a.children.map((c) => c.key)).to.deep.equal(['mode', 'x', 'y']);
    expect(field(a, 'mode').required).to.equal(true);
    expect(field(a, 'y').required).to.equal(false);
    const b = buildFormModel(s, { mode: 'b', x: '1' });
    expect(b.children.map((c) => c.key)).to.deep.equal(['mode', 'x', 'y', 'extra']);
    expect(field(b, 'extra').required).to.equal(true);
    expect(field(b, 'y').required).to.equal(true);
  });

  it('evaluates x-xc-hidden conditions', () => {
    const v = { kind: '其他', list: [], who: { post: '  ' }, n: 0 };
    expect(conditionHolds({ field: 'kind', const: '其他' }, v)).to.equal(true);
    expect(conditionHolds({ field: 'kind', in: ['甲', '其他'] }, v)).to.equal(true);
    expect(conditionHolds({ field: 'kind', in: ['甲'] }, v)).to.equal(false);
    expect(conditionHolds({ field: 'list', empty: true }, v)).to.equal(true);
    expect(conditionHolds({ field: 'who.post', empty: true }, v)).to.equal(true);
    expect(conditionHolds({ field: 'n', empty: true }, v), '0 is a value').to.equal(false);
    expect(conditionHolds({ field: 'missing', empty: false }, v)).to.equal(false);
    expect(conditionHolds({ not: { field: 'kind', const: '其他' } }, v)).to.equal(false);
    expect(conditionHolds({ all: [{ field: 'kind', const: '其他' }, { field: 'n', const: 0 }] }, v)).to.equal(true);
    expect(conditionHolds({ any: [{ field: 'kind', const: 'x' }, { field: 'n', const: 0 }] }, v)).to.equal(true);
    expect(conditionHolds({ field: '/kind', const: '其他' }, { inner: 1 }, v), 'JSON Pointer from the root').to.equal(true);
    expect(conditionHolds(true, v)).to.equal(true);
    expect(conditionHolds({}, v), 'a condition without a test never hides').to.equal(false);
    expect(conditionHolds({ field: 'kind' }, v)).to.equal(false);
  });

  it('evaluates the if subset like JSON Schema', () => {
    const ifKind = { properties: { kind: { const: '其他' } }, required: ['kind'] };
    expect(schemaHolds(ifKind, { kind: '其他' })).to.equal(true);
    expect(schemaHolds(ifKind, { kind: '甲' })).to.equal(false);
    expect(schemaHolds(ifKind, {})).to.equal(false);
    expect(schemaHolds({ properties: { kind: { const: '其他' } } }, {}), 'absent property passes').to.equal(true);
    expect(schemaHolds({ required: ['a'] }, 'not an object'), 'required ignores non-objects').to.equal(true);
    expect(schemaHolds({ type: 'string', minLength: 2 }, '谈')).to.equal(false);
    expect(schemaHolds({ type: 'string', minLength: 2 }, '谈话')).to.equal(true);
    expect(schemaHolds({ type: 'string', minLength: 2 }, '😀'), 'code points').to.equal(false);
    expect(schemaHolds({ enum: [1, 2] }, 2)).to.equal(true);
    expect(schemaHolds({ type: ['integer', 'null'] }, null)).to.equal(true);
    expect(schemaHolds({ type: 'integer' }, 1.5)).to.equal(false);
    expect(schemaHolds({ not: { const: 1 } }, 1)).to.equal(false);
    expect(schemaHolds({ anyOf: [{ const: 1 }, { const: 2 }] }, 2)).to.equal(true);
    expect(schemaHolds({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 2)).to.equal(false);
    expect(schemaHolds({ properties: { a: { type: 'object', properties: { b: { const: true } } } } }, { a: { b: true } })).to.equal(true);
    expect(schemaHolds({ format: 'email' }, 'x'), 'unknown keywords are ignored').to.equal(true);
  });
});

describe('form-model: $ref', () => {
  it('reads a $ref as ajv does: the URI fragment decoded, then the JSON Pointer (one resolver for the core)', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { who: { $ref: '#/$defs/%E8%81%94%E7%B3%BB%20%E4%BA%BA' }, what: { $ref: '#/$defs/a~1b' } },
      $defs: { '联系 人': { type: 'string', title: '联系人' }, 'a/b': { type: 'string', title: '事项' } },
    };
    const model = buildFormModel(schema, {});
    expect(findField(model, 'who')?.label).to.equal('联系人');
    expect(findField(model, 'what')?.label).to.equal('事项');
    // validation's resolver and the lite validator read it the same way
    expect(resolveRef({ $ref: '#/$defs/%E8%81%94%E7%B3%BB%20%E4%BA%BA' }, schema)?.title).to.equal('联系人');
    expect(compileLite(schema)({ who: 3 })).to.equal(false);
  });

  it('follows local $refs and survives cycles', () => {
    const cyclic: JsonSchema = {
      type: 'object',
      properties: {
        loop: { $ref: '#/$defs/a' },
        self: { $ref: '#' },
        tree: { $ref: '#/$defs/node' },
        dangling: { $ref: '#/$defs/nope', title: '悬空' },
        selfAll: { $ref: '#/$defs/selfAll' },
      },
      $defs: {
        a: { $ref: '#/$defs/b' },
        b: { $ref: '#/$defs/a' },
        node: {
          type: 'object',
          title: '节点',
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } }, next: { $ref: '#/$defs/node' } },
        },
        selfAll: { allOf: [{ $ref: '#/$defs/selfAll' }], type: 'string', title: '自引用' },
      },
    };
    let m: FieldDescriptor | undefined;
    expect(() => {
      m = buildFormModel(cyclic, { tree: { name: 'r', children: [{ name: 'c', children: [{ name: 'g' }] }], next: { name: 'n' } } });
    }).not.to.throw();
    expect(field(m!, 'tree.children.0.children.0.name').value).to.equal('g');
    expect(field(m!, 'tree.next.name').value).to.equal('n');
    expect(findField(m!, 'tree.next.next.name'), 'recursion stops where the value stops').to.equal(undefined);
    expect(field(m!, 'dangling').label).to.equal('悬空');
    expect(field(m!, 'selfAll').label).to.equal('自引用');
    expect(field(m!, 'selfAll').widget).to.equal('text');
    expect(flattenFields(m!).length).to.be.lessThan(200);
    expect(() => defaultValue(cyclic)).not.to.throw();
    expect(() => schemaHolds({ $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/a' } } }, 1)).not.to.throw();
  });
});

describe('form-model: values', () => {
  it('computes default values', () => {
    const rec = defaultValue(interviewRecordSchema) as Record<string, unknown>;
    expect(rec['interviewers']).to.deep.equal([{}, {}]);
    expect(rec['confirmation']).to.deep.equal({ statement: '以上记录我已看过，与我所讲一致。' });
    expect('confidentialityReminder' in rec, 'const is not a default').to.equal(false);
    expect('interviewee' in rec, 'objects without defaults are left out').to.equal(false);
    expect(defaultValue(clueSheetSchema)).to.deep.equal({ transferTo: '区纪委' });
    expect(defaultValue({ type: 'object', properties: { a: { type: 'string' } } })).to.deep.equal({});
    expect(defaultValue({ type: 'array' })).to.deep.equal([]);
    expect(defaultValue({ type: 'string' })).to.equal(undefined);
    expect(defaultValue({ type: 'string', default: 'x' })).to.equal('x');
  });

  it('gets and sets immutably, keeping unknown members', () => {
    const v = { a: { b: 1, unknown: 'keep' }, list: [{ x: 1 }, { x: 2 }], extra: true };
    const snapshot = JSON.stringify(v);
    const v2 = setAt(v, ['a', 'b'], 2);
    expect(JSON.stringify(v)).to.equal(snapshot);
    expect(v2).to.deep.equal({ a: { b: 2, unknown: 'keep' }, list: [{ x: 1 }, { x: 2 }], extra: true });
    expect(v2.list).to.equal(v.list, 'untouched branches are shared');
    expect(getAt(v2, ['list', 1, 'x'])).to.equal(2);
    expect(getAt(v2, ['list', 5, 'x'])).to.equal(undefined);
    expect(getAt(v2, ['a', 'b', 'c'])).to.equal(undefined);
    expect(setAt({}, ['p', 'q'], 'z')).to.deep.equal({ p: { q: 'z' } });
    expect(setAt({}, ['list', '0', 'n'], 'z')).to.deep.equal({ list: [{ n: 'z' }] });
    expect(setAt(v, ['list', '-'], { x: 3 }).list).to.deep.equal([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect(removeAt(v, ['list', 0]).list).to.deep.equal([{ x: 2 }]);
    expect(setAt(v, ['a', 'b'], undefined).a).to.deep.equal({ unknown: 'keep' });
    expect(removeAt(v, ['nope', 'deeper'])).to.equal(v, 'removing what is not there changes nothing');
    expect(setAt(v, [], 5)).to.equal(5);
    const polluted = setAt({}, ['__proto__', 'polluted'], 1) as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.getPrototypeOf(polluted)).to.equal(Object.prototype);
  });

  it('makes the whole record read-only once signed (x-xc-readonly-after-sign)', () => {
    const before = buildFormModel(interviewRecordSchema, { place: '谈话室' });
    expect(field(before, 'place').readOnly).to.equal(false);
    const after = buildFormModel(interviewRecordSchema, {
      place: '谈话室',
      signature: { algorithm: 'SHA-256', digest: '0'.repeat(64), signedAt: '2026-11-26T10:00:00+08:00' },
    });
    expect(field(before, 'signature').hidden, 'no signature yet').to.equal(true);
    expect(field(after, 'signature').hidden).to.equal(false);
    expect(field(after, 'place').readOnly).to.equal(true);
    expect(field(after, 'interviewee.name').readOnly).to.equal(true);
  });
});

// Editing a form definition step by step (src/core/form-definition-edit.ts): the bundled definitions
// read as fields and come back unchanged when nothing is edited, each step (add, change, options,
// condition, widget, move across fieldsets, duplicate, remove, undo), keys that never change and are
// never given again, what the editor does not understand kept as written through every step, the
// meta-schema's errors placed at the field, and odd definitions never making a step throw.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CORE_RUNS } from '../fuzz/support.js';
import {
  addFormField,
  addFormOption,
  allFormFields,
  duplicateFormField,
  emptyFormDefinition,
  formChanges,
  formField,
  formFields,
  formProblems,
  freshFieldKey,
  moveFormField,
  moveFormFieldTo,
  moveFormOption,
  placeOfFormError,
  removeFormField,
  removeFormOption,
  renameFormOption,
  setFormTitle,
  updateFormField,
  type FormWidget,
} from '../../src/core/form-definition-edit.js';
import { EditHistory } from '../../src/core/template-edit.js';
import { formDefinition } from '../../src/generated/validators/formDefinition.js';
import { buildFormModel } from '../../src/core/form-model.js';
import type { JsonSchema } from '../../src/core/validation-types.js';

const fetchJson = async (url: string) => (await (await fetch(url)).json()) as JsonSchema;
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const valid = (d: JsonSchema) => (formDefinition(d) ? true : formDefinition.errors);
const ids = (d: JsonSchema) => formFields(d).map((f) => [f.id, f.children.map((c) => c.id)]);
const props = (d: JsonSchema) => d['properties'] as Record<string, JsonSchema>;

/** A definition with everything the editor does not edit: it must survive every step. */
const ODD = (): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:odd',
  type: 'object',
  title: '怪表',
  'x-vendor': { keep: [1, 2, 3] },
  $defs: { who: { type: 'string', title: '谁' } },
  dependentRequired: { a: ['b'] },
  allOf: [{ if: { properties: { a: { const: '是' } }, required: ['a'] }, then: { required: ['b'] } }],
  patternProperties: { '^n-': { type: 'number' } },
  required: ['a'],
  properties: {
    a: { type: 'string', title: '甲', enum: ['是', '否'], 'x-xc-widget': 'radio', 'x-xc-i18n': { en: { title: 'A', options: { 是: 'Yes', 否: 'No' } } }, 'x-xc-messages': { required: '请选择' } },
    b: { type: 'string', title: '乙', minLength: 2, 'x-xc-group': '一组', 'x-xc-hidden': { not: { field: 'a', const: '是' } } },
    ref: { $ref: '#/$defs/who', title: '引用' },
    cond: { type: 'object', title: '条件组', properties: { x: { type: 'string', title: 'X' } }, if: { required: ['x'] }, then: { required: ['x'] } },
    rows: { type: 'array', title: '明细', items: { type: 'object', properties: { q: { type: 'string' } } } },
    weird: { type: 'string', title: '奇', 'x-vendor-note': '保留' },
    group: { type: 'object', title: '分组', required: ['g1'], properties: { g1: { type: 'string', title: '组内一' }, g2: { type: 'number', title: '组内二', 'x-xc-widget': 'number' } } },
  },
});

const KEPT = ['x-vendor', '$defs', 'dependentRequired', 'allOf', 'patternProperties', '$id'];
function expectKept(before: JsonSchema, after: JsonSchema): void {
  for (const k of KEPT) expect(after[k], k).to.deep.equal(before[k]);
  for (const k of ['ref', 'cond', 'rows', 'weird']) if (props(after)[k]) expect(props(after)[k], k).to.deep.equal(props(before)[k]);
}

describe('form definition editing (core)', () => {
  let interview: JsonSchema;
  let clue: JsonSchema;
  before(async () => {
    interview = await fetchJson('/schemas/templates/interview-record.json');
    clue = await fetchJson('/schemas/templates/clue-sheet.json');
  });

  it('reads the bundled definitions as fields in display order, and gives them back unchanged when nothing is edited', () => {
    for (const def of [interview, clue]) {
      const before = copy(def);
      const fields = formFields(def);
      expect(fields.map((f) => f.key)).to.deep.equal(def['x-xc-order']);
      // A step that changes nothing gives the definition itself; an edit and its reverse give it back equal.
      for (const f of allFormFields(def)) {
        expect(updateFormField(def, f.id, {})).to.equal(def);
        expect(updateFormField(def, f.id, { widget: f.widget || undefined, required: f.required, condition: f.condition })).to.deep.equal(before);
        const relabelled = updateFormField(def, f.id, { label: '临时', labelEn: 'Temp' });
        expect(formField(relabelled, f.id)!.label).to.equal('临时');
        expect(updateFormField(relabelled, f.id, { label: f.label, labelEn: f.labelEn })).to.deep.equal(before);
      }
      expect(def).to.deep.equal(before);
    }
    const kind = formField(interview, '/kind')!;
    expect([kind.widget, kind.required, kind.options.length, kind.options[6]!.labelEn, kind.optionForm]).to.deep.equal(['select', true, 7, 'Other', 'enum']);
    expect(formField(interview, '/kindOther')!.condition).to.deep.equal({ show: 'equals', field: 'kind', value: '其他' });
    expect(formField(interview, '/outline')!.widget).to.equal('checkboxes');
    expect(formField(interview, '/outline')!.options[0]!.labelEn).to.match(/^The Party/);
    expect(formField(interview, '/interviewee')!.children.map((c) => [c.key, c.advanced, c.required])).to.deep.equal([['name', true, true], ['unit', true, true], ['post', true, false], ['politicalStatus', false, false]]);
    expect(formField(interview, '/transcript')!.advanced).to.equal(true);
    expect(formField(interview, '/confirmation')!.advanced).to.equal(true);
    expect(formField(interview, '/interviewers')!.hint).to.equal('谈话人不少于两人。');
    expect(formProblems(interview)).to.deep.equal([]);
    expect(formProblems(clue)).to.deep.equal([]);
  });

  it('changes a label, hint, required and condition without touching anything else; the key stays', () => {
    const before = copy(interview);
    let d = updateFormField(interview, '/place', { label: '谈话场所', labelEn: 'Venue', hint: '写明房间', hintEn: 'Name the room' });
    const place = props(d)['place']!;
    expect(place['title']).to.equal('谈话场所');
    expect(place['x-xc-i18n']).to.deep.equal({ en: { title: 'Venue', help: 'Name the room' } });
    expect(place['x-xc-help']).to.equal('写明房间');
    expect(Object.keys(place).slice(0, 3)).to.deep.equal(['type', 'title', 'minLength']);
    for (const k of Object.keys(before['properties'] as object)) if (k !== 'place') expect(props(d)[k]).to.deep.equal(props(before)[k]);
    d = updateFormField(d, '/place', { required: false });
    expect((d['required'] as string[]).includes('place')).to.equal(false);
    d = updateFormField(d, '/recordNo', { condition: { show: 'filled', field: 'place' } });
    expect(props(d)['recordNo']!['x-xc-hidden']).to.deep.equal({ field: 'place', empty: true });
    d = updateFormField(d, '/recordNo', { condition: { show: 'always' } });
    expect('x-xc-hidden' in props(d)['recordNo']!).to.equal(false);
    // An English hint goes where the hint is: a description's translation stays a description.
    d = updateFormField(d, '/interviewers', { hintEn: 'Two or more.' });
    expect((props(d)['interviewers']!['x-xc-i18n'] as Record<string, Record<string, string>>)['en']!['description']).to.equal('Two or more.');
    expect(valid(d)).to.equal(true);
    expect(interview).to.deep.equal(before);
  });

  it('adds, renames, moves and removes options in the form they came (enum with labels, or oneOf)', () => {
    let d = addFormOption(interview, '/kind', '座谈');
    expect((props(d)['kind']!['enum'] as string[]).at(-1)).to.equal('座谈');
    d = renameFormOption(d, '/kind', 7, 'en', 'Group talk');
    d = renameFormOption(d, '/kind', 6, 'zh-CN', '其它');
    const kind = formField(d, '/kind')!;
    expect(kind.options.slice(6).map((o) => [o.value, o.labelEn])).to.deep.equal([['其它', 'Other'], ['座谈', 'Group talk']]);
    // The condition that named the old value follows the rename in the same step.
    expect(props(d)['kindOther']!['x-xc-hidden']).to.deep.equal({ not: { field: 'kind', const: '其它' } });
    expect(formProblems(d).filter((p) => p.id === '/kindOther')).to.deep.equal([]);
    d = moveFormOption(d, '/kind', 7, -1);
    expect(formField(d, '/kind')!.options.slice(6).map((o) => o.value)).to.deep.equal(['座谈', '其它']);
    d = removeFormOption(d, '/kind', 6);
    expect(formField(d, '/kind')!.options.map((o) => o.value)).to.not.include('座谈');
    // oneOf options keep their values; a new one gets a fresh one.
    const one: JsonSchema = { type: 'object', properties: { s: { type: 'string', title: '来源', oneOf: [{ const: 'a', title: '信访' }, { const: 'b', title: '审计', 'x-xc-i18n': { en: { title: 'Audit' } } }] } } };
    let o = addFormOption(one, '/s', '其他');
    o = renameFormOption(o, '/s', 0, 'zh-CN', '来信');
    expect(props(o)['s']!['oneOf']).to.deep.equal([{ const: 'a', title: '来信' }, { const: 'b', title: '审计', 'x-xc-i18n': { en: { title: 'Audit' } } }, { const: 'option-3', title: '其他' }]);
    expect(valid(o)).to.equal(true);
  });

  it('renaming an option renames it in the conditions beside it that name it, typed letter by letter, and in no others', () => {
    const def: JsonSchema = {
      type: 'object',
      properties: {
        kind: { type: 'string', title: '类型', enum: ['其他', '座谈'], 'x-xc-widget': 'radio' },
        other: { type: 'string', title: '其他类型', 'x-xc-hidden': { not: { field: 'kind', const: '其他' } } },
        note: { type: 'string', title: '备注', 'x-xc-hidden': { field: 'kind', const: '其他' }, 'x-xc-messages': { required: '请填写' } },
        talk: { type: 'string', title: '座谈说明', 'x-xc-hidden': { not: { field: 'kind', const: '座谈' } } },
        filled: { type: 'string', title: '已填', 'x-xc-hidden': { field: 'kind', empty: true } },
        group: { type: 'object', title: '分组', properties: { kind: { type: 'string', title: '组内类型', enum: ['其他'] }, x: { type: 'string', title: 'X', 'x-xc-hidden': { not: { field: 'kind', const: '其他' } } } } },
      },
    };
    const before = copy(def);
    let d = def;
    for (const text of ['其', '其它', '其它类', '其它类型']) d = renameFormOption(d, '/kind', 0, 'zh-CN', text);
    const p = props(d);
    expect(p['other']!['x-xc-hidden']).to.deep.equal({ not: { field: 'kind', const: '其它类型' } });
    expect(p['note']).to.deep.equal({ ...props(before)['note'], 'x-xc-hidden': { field: 'kind', const: '其它类型' } });
    // Others stay: another option's condition, a filled/empty one, and a field of the same key at another level.
    for (const k of ['talk', 'filled', 'group']) expect(p[k], k).to.deep.equal(props(before)[k]);
    expect(formProblems(d)).to.deep.equal([]);
    expect(def).to.deep.equal(before);
    // A rename onto another option's value does not move a condition to that option.
    const clash = renameFormOption(before, '/kind', 0, 'zh-CN', '座谈');
    expect(props(clash)['other']!['x-xc-hidden']).to.deep.equal({ not: { field: 'kind', const: '其他' } });
    expect(props(clash)['talk']).to.deep.equal(props(before)['talk']);
    // The enclosing object's own conditions (if / then, allOf) follow too; the field's own enum is the rename itself.
    const logic: JsonSchema = {
      ...before,
      if: { properties: { kind: { const: '其他' } }, required: ['kind'] },
      then: { required: ['other'] },
      allOf: [{ if: { properties: { kind: { enum: ['其他', '座谈'] }, group: { properties: { kind: { const: '其他' } } } } }, then: { required: ['note'] } }],
    };
    const renamed = renameFormOption(logic, '/kind', 0, 'zh-CN', '其它');
    expect(renamed['if']).to.deep.equal({ properties: { kind: { const: '其它' } }, required: ['kind'] });
    expect(renamed['then']).to.deep.equal(logic['then']);
    expect(renamed['allOf']).to.deep.equal([{ if: { properties: { kind: { enum: ['其它', '座谈'] }, group: { properties: { kind: { const: '其他' } } } } }, then: { required: ['note'] } }]);
    expect(props(renamed)['kind']!['enum']).to.deep.equal(['其它', '座谈']);
    // An English rename changes no value, so no condition.
    expect(props(renameFormOption(before, '/kind', 0, 'en', 'Other'))['other']).to.deep.equal(props(before)['other']);
  });

  it('switches widgets with their type, format and options; an object with fields stays an object', () => {
    let d = updateFormField(interview, '/kind', { widget: 'checkboxes' });
    const kind = props(d)['kind']!;
    expect([kind['type'], kind['uniqueItems'], (kind['items'] as JsonSchema)['enum']]).to.deep.equal(['array', true, props(interview)['kind']!['enum']]);
    expect(formField(d, '/kind')!.options[0]!.labelEn).to.equal('With the principal leader');
    d = updateFormField(d, '/kind', { widget: 'radio' });
    expect(formField(d, '/kind')!.options).to.deep.equal(formField(interview, '/kind')!.options);
    d = updateFormField(d, '/place', { widget: 'date' });
    expect([props(d)['place']!['type'], props(d)['place']!['format'], props(d)['place']!['minLength']]).to.deep.equal(['string', 'date', 1]);
    d = updateFormField(d, '/place', { widget: 'number' });
    expect([props(d)['place']!['type'], 'format' in props(d)['place']!]).to.deep.equal(['number', false]);
    d = updateFormField(d, '/interviewee', { widget: 'text' });
    expect(props(d)['interviewee']!['type']).to.equal('object');
    expect(valid(d)).to.equal(true);
    // Each widget of a new field gives a definition the meta-schema and the form read as that widget.
    for (const w of ['text', 'textarea', 'select', 'radio', 'checkboxes', 'date', 'datetime', 'number', 'checkbox', 'person'] as FormWidget[]) {
      let e = updateFormField(emptyFormDefinition(), '/field-1', { widget: w, label: '字段' });
      if (w === 'select' || w === 'radio' || w === 'checkboxes') e = addFormOption(addFormOption(e, '/field-1', '甲'), '/field-1', '乙');
      if (w === 'person') e = updateFormField(e, '/field-1/field-2', { label: '姓名' });
      expect(valid(e), w).to.equal(true);
      expect(formField(e, '/field-1')!.widget, w).to.equal(w);
      expect(buildFormModel(e, {}).children[0]!.widget, w).to.equal(w);
      expect(formProblems(e), w).to.deep.equal([]);
    }
  });

  it('adds fields with keys never used before, duplicates and removes them, and refuses to remove the last', () => {
    const seen = new Set<string>();
    let d = emptyFormDefinition();
    const a = addFormField(d, { seen })!;
    expect(a.id).to.equal('/field-2');
    d = a.definition;
    seen.add('field-2');
    d = removeFormField(d, '/field-2').definition;
    // The removed key is not given again in this session.
    const b = addFormField(d, { seen })!;
    expect(b.id).to.equal('/field-3');
    d = b.definition;
    const fs = addFormField(d, { widget: 'fieldset', index: 0, seen: ['field-3'] })!;
    expect(fs.id).to.equal('/field-4');
    expect(formField(fs.definition, fs.id)!.children.map((c) => c.id)).to.deep.equal(['/field-4/field-5']);
    d = updateFormField(fs.definition, '/field-1', { required: true, label: '一' });
    const dup = duplicateFormField(d, '/field-1')!;
    expect(dup.id).to.equal('/field-6');
    expect(formField(dup.definition, '/field-6')).to.deep.include({ label: '一', required: true });
    expect(formFields(dup.definition).map((f) => f.key)).to.deep.equal(['field-4', 'field-1', 'field-6', 'field-3']);
    const removed = removeFormField(dup.definition, '/field-4');
    expect(removed.removed).to.deep.equal(['/field-4', '/field-4/field-5']);
    expect(removeFormField(emptyFormDefinition(), '/field-1').removed).to.deep.equal([]);
    expect(freshFieldKey(interview)).to.equal('field-1');
    expect(freshFieldKey({ properties: { 'field-9': {} }, required: ['field-12'] })).to.equal('field-13');
  });

  it('moves fields one place by keyboard rules: into a fieldset next to it, out at its edge; x-xc-order follows', () => {
    // recordNo, interviewee (a person), startTime…
    let d = moveFormField(interview, '/recordNo', 1);
    expect(ids(d).slice(0, 2)).to.deep.equal([['/interviewee', ['/interviewee/recordNo', '/interviewee/name', '/interviewee/unit', '/interviewee/post', '/interviewee/politicalStatus']], ['/startTime', []]]);
    // Required travels with it, and only the order lists change.
    expect((props(d)['interviewee']!['required'] as string[]).includes('recordNo')).to.equal(true);
    expect((d['required'] as string[]).includes('recordNo')).to.equal(false);
    d = moveFormField(d, '/interviewee/recordNo', -1);
    expect(formFields(d).map((f) => f.key)).to.deep.equal(interview['x-xc-order']);
    expect(props(d)).to.deep.equal(props({ ...interview, properties: { ...props(interview), recordNo: props(interview)['recordNo']! } }));
    // A move down and back up within the form gives the definition back.
    expect(moveFormField(moveFormField(interview, '/place', 1), '/place', -1)).to.deep.equal(interview);
    // The last field down, the first up: nothing moves.
    expect(moveFormField(interview, '/evidence', 1)).to.equal(interview);
    expect(moveFormField(interview, '/recordNo', -1)).to.equal(interview);
    // Without x-xc-order the properties themselves are reordered.
    const plain: JsonSchema = { type: 'object', properties: { a: { type: 'string', title: 'A' }, b: { type: 'string', title: 'B' } } };
    expect(Object.keys(props(moveFormField(plain, '/a', 1)))).to.deep.equal(['b', 'a']);
    // A fieldset does not go into a fieldset; a key the fieldset has already is not moved in.
    expect(moveFormFieldTo(interview, '/confirmation', '/interviewee', 0)).to.equal(interview);
    const clash = moveFormField({ type: 'object', properties: { name: { type: 'string', title: 'n' }, p: { type: 'object', title: 'P', properties: { name: { type: 'string', title: 'm' } } } } }, '/name', 1);
    expect(formFields(clash).map((f) => f.key)).to.deep.equal(['p', 'name']);
    expect(valid(d)).to.equal(true);
  });

  it('keeps what it does not understand through every step; such fields are advanced and edited as JSON', () => {
    const odd = ODD();
    const view = Object.fromEntries(formFields(odd).map((f) => [f.key, f.advanced]));
    expect(view).to.deep.equal({ a: false, b: false, ref: true, cond: true, rows: true, weird: true, group: false });
    const steps: ((d: JsonSchema) => JsonSchema)[] = [
      (d) => updateFormField(d, '/a', { label: '甲甲', labelEn: 'AA', required: false, widget: 'select' }),
      (d) => updateFormField(d, '/b', { condition: { show: 'empty', field: 'a' }, hint: '提示', widget: 'textarea' }),
      (d) => addFormOption(d, '/a', '也许'),
      // (Option 1, 是, is named by the definition's allOf: a rename of it follows there, see the rename test.)
      (d) => renameFormOption(d, '/a', 1, 'zh-CN', '不'),
      (d) => removeFormOption(d, '/a', 1),
      (d) => addFormField(d)!.definition,
      (d) => addFormField(d, { parent: '/group' })!.definition,
      (d) => moveFormField(d, '/b', 1),
      (d) => moveFormField(d, '/a', 1),
      (d) => moveFormField(d, '/group/g1', -1),
      (d) => duplicateFormField(d, '/weird')!.definition,
      (d) => duplicateFormField(d, '/group')!.definition,
      (d) => removeFormField(d, '/b').definition,
      (d) => updateFormField(d, '/ref', { label: '引用2' }),
      (d) => setFormTitle(d, 'en', 'Odd'),
    ];
    let d = odd;
    for (const step of steps) {
      const next = step(d);
      expect(next).to.not.equal(d);
      expectKept(odd, { ...next, properties: Object.fromEntries(Object.entries(props(next)).filter(([k]) => k !== 'ref')) });
      d = next;
    }
    expect(props(d)['ref']).to.deep.equal({ $ref: '#/$defs/who', title: '引用2' });
    expect(props(d)['field-3']).to.deep.equal(props(odd)['weird']);
    expect(odd).to.deep.equal(ODD());
    // The JSON of an advanced field replaces it whole; its key stays.
    const json = updateFormField(odd, '/rows', { schema: { type: 'array', title: '明细表', items: { type: 'object' } } });
    expect(formField(json, '/rows')!.label).to.equal('明细表');
    expect(Object.keys(props(json))).to.deep.equal(Object.keys(props(odd)));
  });

  it('places the meta-schema errors at the field, and names what the author must fix', () => {
    const bad = updateFormField(interview, '/kind', { schema: { ...props(interview)['kind']!, 'x-xc-colour': 'red' } });
    expect(formField(bad, '/kind')!.advanced).to.equal(true);
    expect(formDefinition(bad)).to.equal(false);
    const places = formDefinition.errors!.map((e) => placeOfFormError(e.instancePath.slice(1).split('/').join('.'), bad));
    expect(places).to.deep.include({ id: '/kind', control: 'json' });
    expect(placeOfFormError('properties.kind.enum', interview)).to.deep.equal({ id: '/kind', control: 'options' });
    expect(placeOfFormError('properties.place.x-xc-i18n.en.title', interview)).to.deep.equal({ id: '/place', control: 'label' });
    expect(placeOfFormError('properties.interviewee.properties.politicalStatus.x-xc-hidden', interview)).to.deep.equal({ id: '/interviewee/politicalStatus', control: 'condition' });
    expect(placeOfFormError('properties.transcript.items.properties.question.title', interview)).to.deep.equal({ id: '/transcript', control: 'json' });
    expect(placeOfFormError('title', interview)).to.deep.equal({ id: '', control: 'title' });
    let d = updateFormField(interview, '/place', { label: ' ' });
    d = updateFormField(d, '/recordNo', { widget: 'select' });
    d = updateFormField(d, '/endTime', { condition: { show: 'filled', field: 'nowhere' } });
    expect(formProblems(d)).to.deep.equal([
      { id: '/recordNo', control: 'options', code: 'noOptions' },
      { id: '/endTime', control: 'condition', code: 'conditionField', detail: 'nowhere' },
      { id: '/place', control: 'label', code: 'emptyLabel' },
    ]);
  });

  it('keeps the keys it removes in x-xc-retired, so a later session never gives one to a new field', () => {
    // Version 1 had field-1…field-3; field-3 is removed and the definition saved (a JSON round trip, as a server keeps it).
    let d: JsonSchema = { type: 'object', properties: { 'field-1': { type: 'string', title: '甲' }, 'field-2': { type: 'string', title: '乙' }, 'field-3': { type: 'string', title: '丙' } } };
    d = removeFormField(d, '/field-3').definition;
    expect(d['x-xc-retired']).to.deep.equal(['field-3']);
    const saved = JSON.parse(JSON.stringify(d)) as JsonSchema;
    expect(formDefinition(saved), 'x-xc-retired is a known annotation').to.equal(true);
    // A new session, with nothing seen: the new field is not field-3, whose answers old records hold.
    const next = addFormField(saved)!;
    expect(next.id).to.equal('/field-4');
    // Keys removed inside a fieldset are kept by that fieldset, listed once, and not given again either.
    let g: JsonSchema = { type: 'object', properties: { a: { type: 'string', title: 'a' }, box: { type: 'object', title: '组', properties: { 'field-7': { type: 'string', title: '七' }, 'field-8': { type: 'string', title: '八' } } } } };
    g = removeFormField(g, '/box/field-8').definition;
    g = removeFormField(g, '/box/field-8').definition;
    expect((g['properties'] as Record<string, JsonSchema>)['box']!['x-xc-retired']).to.deep.equal(['field-8']);
    expect(formDefinition(JSON.parse(JSON.stringify(g)))).to.equal(true);
    expect(addFormField(g)!.id).to.equal('/field-9');
    // The field reading it is not turned into a JSON-only (advanced) one by the annotation.
    expect(formField(g, '/box')!.advanced).to.equal(false);
  });

  it('says what a new version changes, and undoes through the editor history', () => {
    const h = new EditHistory<JsonSchema>(interview);
    h.push(updateFormField(h.current, '/place', { label: '地点' }));
    h.push(removeFormField(h.current, '/recorder').definition);
    h.push(addFormField(h.current)!.definition);
    expect(formChanges(interview, h.current)).to.deep.equal({ removed: ['/recorder'], added: ['/field-1'], relabelled: ['/place'] });
    h.undo();
    h.undo();
    expect(formChanges(interview, h.current)).to.deep.equal({ removed: [], added: [], relabelled: ['/place'] });
    h.undo();
    expect(h.current).to.equal(interview);
  });

  it('never throws on odd definitions and steps (fuzzed)', () => {
    const key = fc.constantFrom('a', 'b', 'field-1', '__proto__', 'x/y', '~0', 'properties', 'constructor');
    const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.record({ type: fc.constantFrom('string', 'object', 'array', 'boolean', 'number', ['string', 'null']), title: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }),
        fc.record({ type: fc.constant('object'), properties: fc.dictionary(key, tie('node'), { maxKeys: 4 }), required: fc.array(fc.oneof(key, fc.integer()), { maxLength: 3 }), 'x-xc-order': fc.oneof(fc.array(key), fc.string()) }, { requiredKeys: ['properties'] }),
        fc.record({ enum: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.string()), oneOf: fc.array(fc.record({ const: fc.jsonValue(), title: fc.jsonValue() }), { maxLength: 3 }), items: tie('node'), 'x-xc-hidden': fc.jsonValue(), 'x-xc-i18n': fc.jsonValue() }, { requiredKeys: [] }),
      ),
    })).node;
    const id = fc.constantFrom('/a', '/b', '/field-1', '/a/b', '/__proto__', '/x~1y', '', 'a', '/a/b/c', '/properties');
    const widget = fc.constantFrom<FormWidget>('text', 'select', 'checkboxes', 'person', 'fieldset', 'checkbox', 'number', 'date');
    fc.assert(
      fc.property(schema, fc.array(fc.tuple(fc.nat(9), id, id, widget, fc.string(), fc.integer({ min: -2, max: 5 })), { maxLength: 6 }), (def, steps) => {
        let d = def as JsonSchema;
        const before = JSON.stringify(def);
        formFields(d);
        formProblems(d);
        for (const [op, a, b, w, text, n] of steps) {
          const next = [
            () => updateFormField(d, a, { label: text, widget: w, required: n > 0, condition: n > 2 ? { show: 'equals', field: text, value: n } : { show: 'always' } }),
            () => addFormField(d, { parent: b, index: n, widget: w })?.definition ?? d,
            () => moveFormField(d, a, n > 0 ? 1 : -1),
            () => moveFormFieldTo(d, a, b, n),
            () => duplicateFormField(d, a)?.definition ?? d,
            () => removeFormField(d, a).definition,
            () => addFormOption(d, a, text),
            () => renameFormOption(d, a, n, n > 2 ? 'en' : 'zh-CN', text),
            () => removeFormOption(d, a, n),
            () => updateFormField(d, a, { schema: text ? { title: text } : true }),
          ][op]!();
          d = next;
          allFormFields(d);
          formProblems(d);
          formChanges(def, d);
        }
        // The definition given is never changed.
        expect(JSON.stringify(def)).to.equal(before);
      }),
      { numRuns: CORE_RUNS },
    );
  });
});

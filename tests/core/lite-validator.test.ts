// Differential test of the standalone build's schema interpreter: for the five
// bundled schemas and a set of per-keyword schemas, compileLite(schema) must
// agree with ajv (set up as scripts/precompile-lib.mjs sets it up) on validity
// and on the exact list of errors, and with the precompiled package validators.
import { expect } from '@open-wc/testing';
import { createXcAjv } from '../../scripts/create-ajv.mjs';
import * as ajvFormats from 'ajv-formats/dist/formats.js';
import { compileLite, LITE_FORMATS, LITE_MAX_DEPTH } from '../../src/core/lite-validator.js';
import { XC_KEYWORDS } from '../../src/core/keywords.js';
import { toFieldErrors } from '../../src/core/validation.js';
import { schemaHolds } from '../../src/core/form-model.js';
import * as generated from '../../src/generated/validators.js';
import type { JsonSchema, ValidateFunction, ValidationErrorObject } from '../../src/core/validation-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** ajv as the package build precompiles with it (scripts/precompile-lib.mjs createAjv, made by create-ajv.mjs). */
const newAjv = (strict = true) => createXcAjv(XC_KEYWORDS, { strict, strictNumbers: true, messages: false, inlineRefs: false });
const ajvCompile = (schema: JsonSchema | boolean, strict = true): ValidateFunction =>
  newAjv(strict).compile(schema as JsonSchema) as unknown as ValidateFunction;

const load = async (path: string): Promise<Any> => {
  const res = await fetch(path);
  expect(res.ok, path).to.equal(true);
  return res.json();
};

// ---------------------------------------------------------------- helpers

/** Deterministic PRNG (mulberry32). */
class Rng {
  constructor(private s: number) {}
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A copy that keeps NaN/Infinity (JSON would not). */
const clone = <T>(x: T): T => structuredClone(x);

/** JSON with sorted keys, and NaN/Infinity/undefined spelled out. */
const canon = (x: unknown): string => {
  if (typeof x == 'number' && !isFinite(x)) return String(x);
  if (x === undefined) return 'undefined';
  if (Array.isArray(x)) return '[' + x.map(canon).join(',') + ']';
  if (x && typeof x == 'object') {
    return '{' + Object.keys(x).sort().map((k) => JSON.stringify(k) + ':' + canon((x as Any)[k])).join(',') + '}';
  }
  return JSON.stringify(x);
};

/** The parts of ajv's errors the message pipeline reads. */
const normalise = (errors: readonly ValidationErrorObject[] | null | undefined): Any[] =>
  (errors ?? []).map((e) => {
    const o: Any = { keyword: e.keyword, instancePath: e.instancePath, schemaPath: e.schemaPath, params: e.params };
    if ('propertyName' in e) o.propertyName = (e as Any).propertyName;
    return o;
  });

interface Tally {
  cases: number;
  valid: number;
  invalid: number;
  /** How many cases disagreed, and the first few of them. */
  failed: number;
  mismatches: string[];
  /** Cases where ajv threw instead of answering. */
  ajvThrew: number;
}
const tally = (): Tally => ({ cases: 0, valid: 0, invalid: 0, failed: 0, mismatches: [], ajvThrew: 0 });

/** Run data through every validator; record where any disagrees with the first (ajv). */
function compare(t: Tally, data: unknown, ref: ValidateFunction, lite: ValidateFunction, others: ValidateFunction[] = [], label = ''): void {
  t.cases++;
  let okRef: boolean;
  try {
    okRef = ref(clone(data));
  } catch (e) {
    // ajv's deep-equal calls a member named toString/valueOf as a method, and throws
    // when it is data. compileLite does not copy that crash: it must still answer.
    if (!/is not a function/.test(String(e))) throw e;
    t.ajvThrew++;
    expect(lite(clone(data))).to.be.a('boolean');
    return;
  }
  const errRef = canon(normalise(ref.errors));
  okRef ? t.valid++ : t.invalid++;
  const all: [string, ValidateFunction][] = [['lite', lite], ...others.map((o, i): [string, ValidateFunction] => [`other#${i}`, o])];
  for (const [name, f] of all) {
    const ok = f(clone(data));
    const err = canon(normalise(f.errors));
    const shapeOk = ok ? f.errors === null : Array.isArray(f.errors) && f.errors.length > 0;
    if (ok !== okRef || err !== errRef || !shapeOk) {
      if (t.failed++ < 8) {
        t.mismatches.push(`${label} ${name}: data ${canon(data).slice(0, 400)}\n  ajv  ${okRef} ${errRef.slice(0, 1500)}\n  ${name} ${ok} ${err.slice(0, 1500)}`);
      }
    }
  }
}

const report = (t: Tally): string => `${t.failed} mismatches of ${t.cases} cases\n${t.mismatches.join('\n')}`;

// ---------------------------------------------------------------- value pools

const DATES = ['2026-11-26', '2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '26-11-26', '2026/11/26', '２０２６-11-26'];
const TIMES = ['09:30:00Z', '09:30:00', '09:30:00+08:00', '09:30:00.123-05:30', '23:59:60Z', '23:59:60+00:00', '00:59:60+01:00', '15:59:60-08:00', '24:00:00Z', '09:60:00Z', '09:30:00+24:00', '09:30:00+0800', '09:30:00+08', '9:30:00Z', '09:30Z', '09:30:00z'];
const DATE_TIMES = [
  '2026-11-26T09:30:00+08:00', '2026-11-26t09:30:00z', '2026-11-26 09:30:00Z', '2026-11-26T09:30:00', '2026-11-26T23:59:60Z',
  '2026-02-30T09:30:00Z', '2026-11-26T09:30:00.5+08:00', '2026-11-26T09:30+08:00', '2026-11-26TT09:30:00Z', '2026-11-26T09:30:00+08:00 ',
  '2026-11-26', '2026-11-26T25:00:00Z',
];
const URIS = [
  'http://example.com/a?b=c#d', 'https://巡察.cn/', 'urn:isbn:0451450523', 'mailto:a@b.cn', 'a:b', 'file:///etc/passwd', 'http://[::1]:8080/x',
  'http://[v1.fe]/', 'http://[2001:db8::7]/c=GB?objectClass?one', 'http://256.1.1.1/', 'http://a b.com/', '//host/path', '/relative/path', 'relative',
  '#frag', '?q=1', '', 'http://example.com/"quoted"', '"quoted"', 'http://%zz/', 'ftp://user:pw@host:21/f', 'http:', 'x', 'C:\\win', 'http://例子.测试',
  'tel:+86-10-12345678', 'news:comp.infosystems.www.servers.unix', 'ldap://[2001:db8::7]/c=GB',
];
const EMAILS = ['a@b.co', 'first.last@example.com', 'a@b', 'a..b@c.d', '.a@b.cd', 'a@-b.cd', '张三@b.cn', "o'neil+x@ex-ample.org", 'a@b.c', 'a@@b.cd', ' a@b.cd'];
const HOSTS = ['example.com', 'example.com.', 'localhost', '-bad.com', 'bad-.com', 'ex_ample.com', 'a'.repeat(63) + '.com', 'a'.repeat(64) + '.com', (('a'.repeat(60) + '.').repeat(5)) + 'com', '1.2.3.4', 'xn--fiqs8s.cn', '例子.cn'];
const IPV4 = ['192.168.0.1', '0.0.0.0', '255.255.255.255', '256.0.0.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1.2.3.4 '];
const UUIDS = ['123e4567-e89b-12d3-a456-426614174000', 'urn:uuid:123E4567-E89B-12D3-A456-426614174000', '123e4567e89b12d3a456426614174000', '123e4567-e89b-12d3-a456-42661417400g', '{123e4567-e89b-12d3-a456-426614174000}'];
const FORMAT_STRINGS = [...DATES, ...TIMES, ...DATE_TIMES, ...URIS, ...EMAILS, ...HOSTS, ...IPV4, ...UUIDS];

const STRINGS = [
  '', ' ', '  \t', 'a', 'ab', 'abc', 'abcd', 'A1', 'Ab', '中', '中文测试', '😀', '😀😀', 'a😀b', '\ud83d', '\ude00x', 'x-xc-foo', 'x-xc-widget', 'zh-CN', 'en', 'e',
  'zh-Hans-CN', 'toolongtag-x', '其他', 'checklist', 'interview', 'deadline', 'closed', '#/$defs/x', '#', '1', '1.5', 'true', 'null', '_', 'a_', 'a/b', 'c~d', 'x'.repeat(65),
  'aaa', 'a'.repeat(201), '0'.repeat(64), 'f'.repeat(64), 'F'.repeat(64), 'SHA-256', 'sha-256',
];
const NUMBERS = [0, -0, 1, -1, 2, 3, 5, 6, 7, 10, 40, 41, 60, 61, 100, 101, 1.5, 2.5, -0.5, 0.1 + 0.2, 0.3, 1e21, 2 ** 31, -(2 ** 53), 1e-7, NaN, Infinity, -Infinity];
// undefined: form models in the browser can hold members that are present but undefined.
const SCALARS: unknown[] = [null, undefined, true, false, ...NUMBERS, ...STRINGS];
const COMPOSITES: unknown[] = [
  [], [1], [1, 1], [1, 2, 3], [1, 1.0, 2], ['a', 'a'], ['a', 'b', 'a', 'c'], [1, '1'], ['1', 1, '1'], [true, 'true'], [null, 'null', null], [{ a: 1 }, { a: 1 }],
  [{ a: 1 }, { a: 2 }], [[1], [1]], [[1], [2]], [1, 'a', null, true, {}], ['x', 2, 'y', 3, 4, 5], [1.5, 2], ['a', 1, 'b', 2, 3, 4, 'c'], [{}, []],
  {}, { a: 1 }, { a: 'x' }, { a: 1, b: 2 }, { b: 2 }, { a: 1, b: 2, c: 3 }, { foo: 1 }, { 'a/b': 1, 'c~d': 2 }, { 中文: 1 }, { x: { y: { z: 1 } } }, { a: null },
  { a: [1, 2], b: { c: 'x' } }, { a: undefined, b: 1 }, [undefined, 1], { 2: 'x', 1: 'y', b: 'z' }, { A: 1 }, { abcd: 1, ab: 2 }, { 'x-a': 'x', 'x-b': 2 }, { constructor: 1 }, { toString: 'x' }, { '': 1 },
];
const POOL: unknown[] = [...SCALARS, ...COMPOSITES, ...FORMAT_STRINGS];
const KEYS = ['a', 'b', 'c', 'd', 'x', 'foo', 'x-a', 'x-xc-widget', 'x-xc-bogus', 'a/b', 'c~d', '中文', '$ref', 'type', 'properties', 'constructor', '', 'ab', 'abcd', 'A'];

/** A random JSON-ish value, up to `depth` levels deep. */
function randomValue(g: Rng, depth = 2, keys = KEYS, pool = POOL): unknown {
  const r = g.next();
  if (depth <= 0 || r < 0.55) return clone(g.pick(pool));
  if (r < 0.78) return Array.from({ length: g.int(5) }, () => randomValue(g, depth - 1, keys, pool));
  const o: Any = {};
  for (let i = g.int(5); i > 0; i--) o[g.pick(keys)] = randomValue(g, depth - 1, keys, pool);
  return o;
}

// ---------------------------------------------------------------- mutations

type Path = (string | number)[];
function nodesOf(x: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []): { path: Path; value: unknown }[] {
  out.push({ path, value: x });
  if (Array.isArray(x)) x.forEach((v, i) => nodesOf(v, [...path, i], out));
  else if (x && typeof x == 'object') for (const k of Object.keys(x)) nodesOf((x as Any)[k], [...path, k], out);
  return out;
}

/** Strings and names found in a schema: enum/const values, property names, patterns' neighbours. */
function harvest(schema: unknown): { values: unknown[]; keys: string[] } {
  const values: unknown[] = [];
  const keys: string[] = [];
  const walk = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(walk);
    if (!s || typeof s != 'object') return;
    for (const [k, v] of Object.entries(s)) {
      if (k == 'enum' && Array.isArray(v)) values.push(...v);
      else if (k == 'const') values.push(v);
      else if (k == 'properties' && v && typeof v == 'object') keys.push(...Object.keys(v));
      walk(v);
    }
  };
  walk(schema);
  return { values: [...new Set(values.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v)), keys: [...new Set(keys)] };
}

const CHARS = '0123456789:-+TtZz .aA😀/#?%_~中';

function tweakString(g: Rng, s: string, pool: unknown[]): unknown {
  switch (g.int(10)) {
    case 0: return '';
    case 1: return s + g.pick(['x', ' ', '😀', '中', '-']);
    case 2: return g.pick(['x', ' ', '😀']) + s;
    case 3: return s.repeat(2 + g.int(3));
    case 4: return s.slice(0, Math.max(0, s.length - 1 - g.int(3)));
    case 5: return s.toUpperCase();
    case 6: {
      const i = g.int(Math.max(1, s.length));
      return s.slice(0, i) + g.pick([...CHARS]) + s.slice(i + 1);
    }
    case 7: return g.pick(FORMAT_STRINGS);
    case 8: return g.pick(pool.filter((v) => typeof v == 'string').concat(['']));
    default: return 'x'.repeat(g.pick([1, 2, 49, 50, 51, 63, 64, 65, 99, 100, 101, 199, 200, 201, 5001]));
  }
}

function tweakNumber(g: Rng, n: number): unknown {
  return g.pick([n + 1, n - 1, -n, n * 2, n / 2, n + 0.5, 0, 1, 100, 101, -1, 1e21, NaN, String(n), null]);
}

/** One random change somewhere in `root`; returns the (possibly replaced) root. */
function mutate(g: Rng, root: unknown, pool: unknown[], keys: string[]): unknown {
  const all = nodesOf(root);
  const { path, value } = g.pick(all);
  const parent = path.length ? nodesOf(root).find((n) => n.path.length == path.length - 1 && n.path.every((p, i) => p === path[i]))!.value as Any : undefined;
  const last = path[path.length - 1]!;
  const set = (v: unknown): unknown => {
    if (!parent) return v;
    parent[last] = v;
    return root;
  };
  const op = g.int(12);
  if (op < 2 && parent) {
    // delete a member or an item
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
    return root;
  }
  if (op < 4) return set(clone(g.pick(pool)));
  if (op < 5) return set(clone(g.pick(all).value));
  if (op < 6) return set(g.pick(['', [], {}, null, 0, ' ']));
  if (typeof value == 'string') return set(tweakString(g, value, pool));
  if (typeof value == 'number') return set(tweakNumber(g, value));
  if (typeof value == 'boolean') return set(g.chance(0.7) ? !value : String(value));
  if (Array.isArray(value)) {
    const k = g.int(5);
    if (k == 0 && value.length) value.push(clone(g.pick(value)));
    else if (k == 1 && value.length) value.splice(g.int(value.length), 0, clone(value[g.int(value.length)]));
    else if (k == 2) value.length = 0;
    else if (k == 3) value.reverse();
    else value.push(clone(g.pick(pool)));
    return root;
  }
  if (value && typeof value == 'object') {
    const o = value as Any;
    const k = g.int(4);
    const names = Object.keys(o);
    if (k == 0 && names.length) delete o[g.pick(names)];
    else if (k == 1 && names.length) o[g.pick(keys)] = clone(o[g.pick(names)]);
    else o[g.pick(keys)] = clone(g.pick(pool));
    return root;
  }
  return set(clone(g.pick(pool)));
}

/** Base samples, and many mutated copies of them. */
function* instances(g: Rng, samples: unknown[], schema: unknown, count: number): Generator<unknown> {
  const h = harvest(schema);
  const pool = [...POOL, ...h.values, ...h.values, ...h.values];
  const keys = [...KEYS, ...h.keys, ...h.keys];
  for (const s of samples) yield clone(s);
  for (let i = 0; i < count; i++) {
    let x: unknown = clone(g.pick(samples));
    // Mostly one change (often still valid), sometimes several.
    const n = g.chance(0.5) ? 1 : 2 + g.int(3);
    for (let j = 0; j < n; j++) x = mutate(g, x, pool, keys);
    yield x;
  }
}

// ---------------------------------------------------------------- valid samples

const ledger = () => ({
  $schema: '../schemas/rectification-ledger.schema.json',
  version: 1,
  title: '区委第一巡察组反馈问题整改台账',
  unit: '某某乡',
  extra: { kept: true },
  items: [
    {
      id: 'ZG-001',
      problem: { text: '落实中央八项规定精神不到位', source: { templateId: 'sanjujiao', checkpointId: 'c1-1', note: '个别谈话' }, focusArea: '聚焦一', category: '作风' },
      measures: [{ id: 'm1', text: '开展专项整治', done: true }, { id: 'm2', text: '建立制度' }],
      responsibility: { leader: '张书记', department: '党政办', person: '李某' },
      kind: 'deadline',
      deadline: '2026-12-31',
      startedOn: '2026-11-01',
      status: 'closed',
      progress: 100,
      evidence: [{ title: '会议纪要', kind: '纪要', ref: '乡党发〔2026〕1号' }],
      verifier: '王某',
      closedAt: '2026-12-20T10:00:00+08:00',
      history: [
        { at: '2026-11-01T09:00:00+08:00', by: '李某', role: 'unit', from: null, to: 'not-started' },
        { at: '2026-11-02T09:00:00+08:00', by: '李某', from: 'not-started', to: 'in-progress', comment: '启动' },
        { at: '2026-12-20T10:00:00Z', by: '王某', role: 'office', from: 'pending-verification', to: 'closed' },
      ],
      custom: 'kept',
    },
    {
      id: 'ZG-002',
      problem: { text: '三重一大制度执行不严' },
      measures: [],
      responsibility: {},
      kind: 'ongoing',
      status: 'in-progress',
      progress: 40,
      evidence: [],
      closedAt: '2026-12-01',
      history: [{ at: '2026-11-03T08:00:00.5Z', by: 'u1', from: null, to: 'in-progress' }],
    },
    {
      id: 'ZG-003',
      problem: { text: '立行立改', category: '其他' },
      measures: [{ id: 'm1', text: '当场整改', done: false }],
      responsibility: { person: '赵某' },
      kind: 'immediate',
      status: 'not-started',
      progress: 0,
      evidence: [],
      history: [],
    },
  ],
});

const person = (name: string, unit?: string, post?: string) => ({ name, ...(unit ? { unit } : {}), ...(post ? { post } : {}) });

const interview = () => ({
  recordNo: '区委第一巡察组-谈-007',
  interviewee: { name: '王某某', unit: '某某乡人民政府', post: '副乡长', politicalStatus: '中共党员' },
  startTime: '2026-11-26T09:00:00+08:00',
  endTime: '2026-11-26T10:10:00+08:00',
  place: '巡察组驻地谈话室',
  interviewers: [person('李某', '区委第一巡察组', '组长'), person('赵某', '区委第一巡察组')],
  recorder: person('孙某'),
  kind: '其他',
  kindOther: '回访谈话',
  outline: ['聚焦群众身边腐败问题和不正之风', '聚焦基层党组织领导班子和干部队伍建设情况'],
  confidentialityReminder: true,
  transcript: [{ question: '请介绍一下情况。', answer: '好的。' }, { question: '还有吗？', answer: '没有了。' }],
  problems: [{ summary: '某村账目不清', personConcerned: '某村会计', isClue: true }, { summary: '作风问题' }],
  confirmation: { statement: '以上记录我已看过，与我所讲一致。', confirmed: true, confirmedAt: '2026-11-26T10:15:00+08:00' },
  signature: { algorithm: 'SHA-256', digest: 'a'.repeat(64), signedAt: '2026-11-26T10:20:00+08:00' },
});
const interviewMinimal = () => ({
  recordNo: 'R-1',
  interviewee: { name: '甲', unit: '乙' },
  startTime: '2026-11-26T09:00:00Z',
  endTime: '2026-11-26T10:00:00Z',
  place: '会议室',
  interviewers: [person('a'), person('b')],
  recorder: person('c'),
  kind: '群众谈话',
  transcript: [{ question: '问', answer: '答' }],
  confidentialityReminder: true,
  confirmation: { confirmed: false },
});

const clue = () => ({
  clueNo: '区委第一巡察组-线-001',
  source: '其他',
  sourceOther: '匿名来信',
  receivedOn: '2026-11-20',
  reporter: person('匿名'),
  personConcerned: person('某某', '某某村委会', '会计'),
  mainProblem: '2025年以来虚报冒领补贴约3万元。',
  evidence: [{ title: '举报信', ref: '档案室A-1' }, { title: '账目复印件' }],
  proposedHandling: '初步核实',
  transferTo: '区纪委',
  transferredOn: '2026-11-22',
  receiver: '钱某',
  outcome: '已立案',
  feedbackOn: '2026-12-10',
  sourceRef: { kind: 'checklist', templateId: 'sanjujiao', checkpointId: 'c1-1' },
});
const clueMinimal = () => ({
  clueNo: 'C-1',
  source: '个别谈话',
  receivedOn: '2024-02-29',
  personConcerned: person('某', '某单位'),
  mainProblem: '问题',
  proposedHandling: '暂存待查',
  sourceRef: { kind: 'interview', recordNo: 'R-1' },
});

const smallChecklist = () => ({
  $schema: '../checklist-template.schema.json',
  id: 'small',
  version: '1',
  title: { 'zh-CN': '小清单', en: 'Small' },
  description: '说明',
  source: '文件',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'ok', label: { 'zh-CN': '未发现问题' } },
    { value: 'na', label: '不适用' },
  ],
  methods: [{ value: 'talk', label: '个别谈话' }],
  evidenceKinds: [],
  categories: [{ value: 'c1', label: '作风' }],
  scopes: [{ value: 'common', label: '共性问题' }],
  rules: { requireAll: true, requireMethodForProblem: false },
  sections: [
    {
      id: 's1',
      ordinal: '（一）',
      title: '聚焦一',
      groups: [{ id: 'g1', ordinal: '一是', title: '组一', items: [{ id: 'i1', text: '检查点', hint: { en: 'hint' }, category: 'c1' }, { id: 'i.2-x', text: '检查点二' }] }],
    },
  ],
});

/** A form definition using most of what the meta-schema checks. */
const smallForm = () => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:xc:test-form',
  type: 'object',
  title: '测试表',
  required: ['a'],
  'x-xc-order': ['a', 'b'],
  'x-xc-i18n': { en: { title: 'Test', options: { 甲: 'A' } } },
  properties: {
    a: { type: 'string', 'x-xc-widget': 'textarea', 'x-xc-rows': 3, 'x-xc-messages': { required: '请填写', minLength: { en: 'Fill in' } }, minLength: 1 },
    b: { type: 'integer', 'x-xc-widget': 'number', 'x-xc-print': { lines: 2, label: { en: 'B' }, signature: true } },
    c: { type: 'array', 'x-xc-widget': 'checkboxes', items: { enum: ['甲', '乙'] }, uniqueItems: true, 'x-xc-hidden': { all: [{ field: 'a', empty: false }, { any: [true, { not: { field: '/b', in: [1, 2] } }] }] } },
    d: { type: 'boolean', 'x-xc-widget': 'checkbox', 'x-xc-print': false },
    e: { $ref: '#/$defs/p', 'x-xc-add-label': '添加', 'x-xc-item-title': { 'zh-CN': '第{n}项' } },
    f: { type: 'object', 'x-xc-widget': 'person', properties: { n: true }, additionalProperties: false, patternProperties: { '^x': { type: 'string' } } },
    g: { prefixItems: [{ type: 'string' }], items: false, contains: { const: 'x' }, 'x-xc-hidden': { field: 'd', const: true } },
  },
  dependentRequired: { b: ['a'] },
  dependentSchemas: { d: { required: ['b'] } },
  allOf: [{ if: { properties: { d: { const: true } } }, then: { required: ['e'] }, else: { not: { required: ['g'] } } }],
  $defs: { p: { type: 'array', items: { type: 'string', format: 'email' } } },
});

// ---------------------------------------------------------------- per-keyword schemas

const KEYWORD_SCHEMAS: (JsonSchema | boolean)[] = [
  true,
  false,
  {},
  { type: 'string' },
  { type: 'integer' },
  { type: 'number' },
  { type: 'null' },
  { type: 'boolean' },
  { type: 'object' },
  { type: 'array' },
  { type: ['string', 'null'] },
  { type: ['integer', 'boolean'] },
  { type: ['number', 'integer'] },
  { type: ['array', 'object'] },
  { type: ['array', 'object', 'null'] },
  { type: 'string', enum: ['a', 'ab', 1] },
  { type: 'string', enum: ['a', 'ab'], minLength: 2 },
  { type: 'integer', minimum: 0, maximum: 10 },
  { type: 'number', format: 'date' },
  { type: 'string', format: 'date', enum: ['2024-02-29', 'x'] },
  { const: { a: 1 } },
  { const: [1, 'a'] },
  { const: null },
  { const: 1 },
  { enum: [1, 'a', null, { a: 1 }, [1], true] },
  { minLength: 2, maxLength: 3 },
  { type: 'string', minLength: 1 },
  { pattern: '^\\p{Lu}' },
  { type: ['string', 'number'], pattern: '^a+$', maxLength: 2 },
  { pattern: '^[0-9a-f]{64}$' },
  { pattern: 'b' },
  { minimum: 1, maximum: 10, exclusiveMinimum: 1, exclusiveMaximum: 10 },
  { maximum: 5, minimum: 7 },
  { exclusiveMinimum: 0 },
  { multipleOf: 0.1 },
  { multipleOf: 3 },
  { multipleOf: 0.5, type: 'integer' },
  { multipleOf: 1e-7 },
  ...Object.keys(LITE_FORMATS).map((format) => ({ format })),
  ...Object.keys(LITE_FORMATS).map((format) => ({ type: 'string', format, maxLength: 30 })),
  { required: ['a', 'b'], properties: { a: { type: 'integer' } }, additionalProperties: false },
  { required: ['constructor', 'toString', 'a'] },
  { properties: { a: {}, b: true, c: false }, patternProperties: { '^x-': { type: 'string' }, b: { type: 'number' } }, additionalProperties: { type: 'number' } },
  { patternProperties: { '^x-': false, '^a': { minLength: 2 } } },
  { additionalProperties: false },
  { additionalProperties: { type: 'string' }, properties: { a: { type: 'number' } } },
  {
    properties: Object.fromEntries('abcdefghij'.split('').map((k) => [k, { type: 'number' }])),
    additionalProperties: false,
  },
  { properties: { 'a/b': { type: 'string' }, 中文: { type: 'string' }, 'c~d': false, '': { type: 'string' } } },
  { propertyNames: { pattern: '^[a-z]+$', maxLength: 3 } },
  { propertyNames: { anyOf: [{ pattern: '^a' }, { maxLength: 1 }] } },
  { propertyNames: { $ref: '#/$defs/n' }, $defs: { n: { minLength: 2 } } },
  { propertyNames: false },
  { propertyNames: { not: { pattern: '^x-xc-' } } },
  { minProperties: 1, maxProperties: 2 },
  { type: 'object', maxProperties: 0 },
  { dependentRequired: { a: ['b', 'c'], b: [], c: ['a'] } },
  { dependentSchemas: { a: { required: ['b'] }, c: { properties: { a: { type: 'string' } } }, b: false } },
  { items: { type: 'integer' }, minItems: 1, maxItems: 3, uniqueItems: true },
  { uniqueItems: true },
  { uniqueItems: false, items: { type: 'number' } },
  { items: { type: ['string', 'number'] }, uniqueItems: true },
  { items: { type: ['string', 'null', 'boolean'] }, uniqueItems: true },
  { items: { type: 'integer' }, uniqueItems: true },
  { items: { type: 'object' }, uniqueItems: true },
  { items: { type: ['string', 'array'] }, uniqueItems: true },
  { items: true, uniqueItems: true },
  { items: { $ref: '#/$defs/s' }, uniqueItems: true, $defs: { s: { type: 'string' } } },
  { prefixItems: [{ type: 'string' }, { type: 'number' }], items: false },
  { prefixItems: [{ type: 'string' }], items: { type: 'boolean' } },
  { prefixItems: [true, false] },
  { prefixItems: [{ type: 'number' }], items: true, uniqueItems: true },
  { items: false },
  { type: 'array', items: { type: 'object', required: ['n'], properties: { n: { type: 'string', minLength: 1 } }, additionalProperties: false } },
  { contains: { type: 'number' } },
  { contains: { type: 'number' }, minContains: 2 },
  { contains: { type: 'number' }, maxContains: 1 },
  { contains: { type: 'number' }, minContains: 0, maxContains: 1 },
  { contains: { type: 'number' }, minContains: 2, maxContains: 3 },
  { contains: { type: 'number' }, minContains: 3, maxContains: 2 },
  { contains: true, minContains: 2 },
  { contains: {}, maxContains: 2 },
  { contains: false },
  { contains: { type: 'number' }, minContains: 0 },
  { contains: { type: 'number' }, maxItems: 2 },
  { contains: { type: 'number' }, minContains: 2, uniqueItems: true },
  { anyOf: [{ type: 'string' }, { minimum: 3 }], multipleOf: 2 },
  { oneOf: [{ type: 'string' }, { minimum: 3 }], maxLength: 1, multipleOf: 2 },
  { type: 'array', minContains: 2 },
  { anyOf: [{ type: 'string' }, { type: 'number', minimum: 3 }] },
  { anyOf: [{}, { type: 'string' }] },
  { oneOf: [{ type: 'integer' }, { type: 'number' }, { minimum: 2 }] },
  { oneOf: [{}, { type: 'string' }, true, { type: 'number' }] },
  { oneOf: [{ type: 'string' }, { minimum: 5 }, { type: 'number' }, { type: 'string' }, { const: 1 }] },
  { oneOf: [{ const: 'a' }, { const: 'b' }], type: 'string' },
  { allOf: [{ minimum: 1 }, { maximum: 3 }, { type: 'integer' }] },
  { not: { type: 'string' } },
  { not: {} },
  { not: true },
  { not: false },
  { not: { required: ['a'] } },
  { if: { minimum: 5 }, then: { multipleOf: 2 }, else: { type: 'string' } },
  { if: { type: 'object', required: ['a'] }, then: { required: ['b'] } },
  { if: { const: 1 }, else: false },
  { if: true, then: false },
  { if: false, then: false, else: { type: 'string' } },
  { if: { type: 'string' } },
  { then: { type: 'string' } },
  { if: { minimum: 3 }, then: {}, else: { maximum: 1 } },
  { $defs: { pos: { type: 'number', minimum: 0 } }, properties: { a: { $ref: '#/$defs/pos' }, b: { $ref: '#/$defs/pos', maximum: 5 } } },
  { $defs: { pos: { type: 'number', minimum: 0 } }, properties: { a: { $ref: '#/$defs/pos', type: 'integer' }, b: { $ref: '#/$defs/pos', type: 'string', minLength: 1 } } },
  { $ref: '#/$defs/b', $defs: { b: false } },
  { items: { $ref: '#/$defs/f' }, $defs: { f: false } },
  { definitions: { x: { type: 'string' } }, items: { $ref: '#/definitions/x' } },
  { $defs: { 'a/b': { type: 'string' }, 'c d': { type: 'number' }, 'e~f': { minimum: 2 } }, properties: { x: { $ref: '#/$defs/a~1b' }, y: { $ref: '#/$defs/c%20d' }, z: { $ref: '#/$defs/e~0f' } } },
  { $defs: { a: { $ref: '#/$defs/b' }, b: { type: 'string', minLength: 2 } }, items: { $ref: '#/$defs/a' } },
  { $defs: { a: { $ref: '#/$defs/b', description: 'only a ref' }, b: { enum: [1, 2] } }, properties: { a: { $ref: '#/$defs/a' } } },
  { anyOf: [{ $ref: '#/$defs/s' }, { type: 'array', items: { $ref: '#' } }], $defs: { s: { type: 'string', maxLength: 2 } } },
  { title: 'x', description: 'y', 'x-xc-widget': 'text', type: 'string', default: 1, examples: [1], readOnly: true, $comment: 'c', writeOnly: false, deprecated: false },
  { type: 'object', properties: { a: { type: 'string' } }, enum: [{ a: 'x' }, { a: 1 }] },
  { type: 'object', required: ['a'], properties: { a: { type: 'object', required: ['b'], properties: { b: { type: 'array', items: { type: 'object', properties: { c: { const: 1 } } } } } } } },
  { type: ['object', 'array'], minItems: 2, minProperties: 2 },
  { type: 'object', minItems: 2 },
  { type: 'array', minProperties: 2, maxLength: 1 },
  { format: 'date', minimum: 3 },
];

const TREE: JsonSchema = {
  type: 'object',
  required: ['v'],
  properties: { v: { type: 'number' }, kids: { type: 'array', items: { $ref: '#' }, uniqueItems: true } },
  additionalProperties: false,
};
function randomTree(g: Rng, depth: number): unknown {
  const o: Any = {};
  if (g.chance(0.9)) o.v = g.chance(0.85) ? g.int(4) : g.pick(POOL);
  if (depth > 0 && g.chance(0.7)) o.kids = Array.from({ length: g.int(4) }, () => randomTree(g, depth - 1));
  if (g.chance(0.1)) o[g.pick(KEYS)] = 1;
  return o;
}

// ---------------------------------------------------------------- tests

describe('compileLite (standalone schema interpreter)', () => {
  const BUNDLED = [
    { name: 'checklist template', path: '/schemas/checklist-template.schema.json', key: 'checklistTemplate', samples: async () => [await load('/schemas/templates/checklist-sanjujiao.json'), smallChecklist()] },
    { name: 'form definition', path: '/schemas/form-definition.schema.json', key: 'formDefinition', samples: async () => [await load('/schemas/templates/interview-record.json'), await load('/schemas/templates/clue-sheet.json'), smallForm()] },
    { name: 'rectification ledger', path: '/schemas/rectification-ledger.schema.json', key: 'rectificationLedger', samples: async () => [ledger()] },
    { name: 'interview record', path: '/schemas/templates/interview-record.json', key: 'interviewRecord', samples: async () => [interview(), interviewMinimal()] },
    { name: 'clue sheet', path: '/schemas/templates/clue-sheet.json', key: 'clueSheet', samples: async () => [clue(), clueMinimal()] },
  ];

  for (const [n, b] of BUNDLED.entries()) {
    it(`agrees with ajv and the precompiled validator on the ${b.name} schema`, async function () {
      this.timeout(120000);
      const schema = await load(b.path);
      const ajv = ajvCompile(schema);
      const lite = compileLite(schema);
      const pre = (generated as unknown as Record<string, ValidateFunction>)[b.key];
      expect(pre, `precompiled ${b.key}`).to.be.a('function');
      const samples = await b.samples();
      for (const s of samples) expect(ajv(s), `sample of ${b.name} is valid: ${JSON.stringify(ajv.errors)}`).to.equal(true);
      const t = tally();
      const fieldMismatches: string[] = [];
      const g = new Rng(0x5eed + n);
      for (const data of instances(g, samples, schema, 700)) {
        compare(t, data, ajv, lite, [pre!], b.name);
        // The message pipeline gives the same field errors.
        if (!lite(clone(data)) && fieldMismatches.length < 3) {
          const liteErrs = lite.errors;
          ajv(clone(data));
          for (const lang of ['zh-CN', 'en']) {
            const a = canon(toFieldErrors(ajv.errors, schema, lang));
            const l = canon(toFieldErrors(liteErrs, schema, lang));
            if (a !== l) fieldMismatches.push(`${canon(data).slice(0, 300)}\n ajv ${a}\n lite ${l}`);
          }
        }
      }
      expect(t.failed, report(t)).to.equal(0);
      expect(fieldMismatches, fieldMismatches.join('\n')).to.have.length(0);
      expect(t.cases).to.be.greaterThan(600);
      expect(t.valid, 'valid instances').to.be.greaterThan(20);
      expect(t.invalid, 'invalid instances').to.be.greaterThan(300);
    });
  }

  it('agrees with ajv on per-keyword schemas', function () {
    this.timeout(120000);
    const t = tally();
    const g = new Rng(42);
    for (const schema of KEYWORD_SCHEMAS) {
      const ajv = ajvCompile(schema, false);
      const lite = compileLite(schema as JsonSchema);
      const before = t.cases;
      const label = canon(schema).slice(0, 200);
      for (const v of POOL) compare(t, v, ajv, lite, [], label);
      for (let i = 0; i < 120; i++) compare(t, randomValue(g, 3), ajv, lite, [], label);
      expect(t.cases - before).to.be.greaterThan(300);
    }
    expect(t.failed, report(t)).to.equal(0);
    expect(t.ajvThrew, 'cases where ajv threw').to.be.lessThan(t.cases / 50);
    expect(t.valid).to.be.greaterThan(1000);
    expect(t.invalid).to.be.greaterThan(1000);
  });

  it("holds the form model's conditions (schemaHolds, read for if/then/else) to the same answers on the keywords they use", () => {
    // The form model decides which branch of an if/then/else shows from schemaHolds, on the first
    // frame before any validator has loaded; it must answer as the validator will. Its keywords:
    const READ = new Set(['type', 'const', 'enum', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'required', 'properties', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref', '$defs', 'definitions', 'title', 'description', 'default', 'examples', 'readOnly', 'writeOnly', 'deprecated', '$comment']);
    const usesOnly = (x: unknown): boolean => {
      if (typeof x === 'boolean') return true;
      if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
      return Object.entries(x as Record<string, unknown>).every(([k, v]) => {
        if (k.startsWith('x-xc-')) return true;
        if (!READ.has(k)) return false;
        if (['not', 'if', 'then', 'else'].includes(k)) return usesOnly(v);
        if (['allOf', 'anyOf', 'oneOf'].includes(k)) return (v as unknown[]).every(usesOnly);
        if (['properties', '$defs', 'definitions'].includes(k)) return Object.values(v as object).every(usesOnly);
        return true;
      });
    };
    const schemas = KEYWORD_SCHEMAS.filter(usesOnly);
    expect(schemas.length, 'schemas of the subset').to.be.greaterThan(40);
    const g = new Rng(7);
    const mismatches: string[] = [];
    let cases = 0;
    for (const schema of schemas) {
      const lite = compileLite(schema as JsonSchema);
      for (const v of [...POOL, ...Array.from({ length: 120 }, () => randomValue(g, 3))]) {
        cases++;
        const want = lite(clone(v));
        if (schemaHolds(schema, v, (typeof schema === 'object' ? schema : {}) as JsonSchema) !== want && mismatches.length < 10) mismatches.push(`${canon(schema).slice(0, 160)} on ${canon(v).slice(0, 120)}: validator ${want}`);
      }
    }
    expect(cases).to.be.greaterThan(5000);
    expect(mismatches, mismatches.join('\n')).to.deep.equal([]);
  });

  it('agrees with ajv on recursive data through $ref "#"', () => {
    const t = tally();
    const g = new Rng(7);
    const ajv = ajvCompile(TREE);
    const lite = compileLite(TREE);
    for (let i = 0; i < 400; i++) compare(t, randomTree(g, 4), ajv, lite, [], 'tree');
    expect(t.failed, report(t)).to.equal(0);
    expect(t.valid).to.be.greaterThan(20);
    expect(t.invalid).to.be.greaterThan(20);
  });

  it('implements the formats exactly as ajv-formats (full) does', () => {
    const g = new Rng(99);
    const corpus = [...FORMAT_STRINGS, ...STRINGS];
    for (let i = 0; i < 3000; i++) corpus.push(tweakString(g, g.pick(FORMAT_STRINGS), []) as string);
    for (const name of Object.keys(LITE_FORMATS)) {
      const ours = LITE_FORMATS[name]!;
      // CommonJS module: its exports may arrive as named exports or on `default`.
      const fullFormats = (ajvFormats as Any).fullFormats ?? (ajvFormats as Any).default?.fullFormats;
      const theirs = fullFormats[name];
      if (ours instanceof RegExp) {
        expect(ours.source, name).to.equal(theirs.source);
        expect(ours.flags, name).to.equal(theirs.flags);
      }
      const check = (f: Any, s: string): boolean => (f === true ? true : f instanceof RegExp ? f.test(s) : typeof f == 'function' ? !!f(s) : !!f.validate(s));
      const bad = corpus.filter((s) => typeof s == 'string' && check(ours, s) !== check(theirs, s));
      expect(bad, `format ${name}`).to.deep.equal([]);
    }
  });

  it('keeps errors null when valid and fresh on every call', () => {
    const lite = compileLite({ type: 'object', required: ['a'] });
    expect(lite({})).to.equal(false);
    const first = lite.errors;
    expect(first).to.have.length(1);
    expect(lite({ a: 1 })).to.equal(true);
    expect(lite.errors).to.equal(null);
    expect(lite([])).to.equal(false);
    expect(lite.errors).to.not.equal(first);
  });

  it('throws when compiling what it does not implement', () => {
    // ajv (strict) refuses these too.
    const both: [JsonSchema, RegExp][] = [
      [{ $anchor: 'x' }, /unsupported keyword/],
      [{ additionalItems: false }, /unsupported keyword/],
      [{ properties: { a: { minimun: 1 } } }, /unsupported keyword/],
      [{ format: 'phone' }, /unknown format/],
      [{ $ref: '#/$defs/missing' }, /resolve/],
      [{ $ref: 'other.json#/x' }, /resolve/],
      [{ $ref: '#anchor' }, /resolve/],
      [{ pattern: '(' }, /./],
      [{ type: 'text' }, /type/],
    ];
    // ajv implements (or ignores) these; compileLite does not, so it refuses them rather than pass silently.
    const liteOnly: [JsonSchema, RegExp][] = [
      [{ unevaluatedProperties: false }, /unsupported keyword/],
      [{ dependencies: { a: ['b'] } }, /unsupported keyword/],
      [{ $dynamicRef: '#x' }, /unsupported keyword/],
      [{ nullable: true, type: 'string' }, /unsupported keyword/],
      [{ format: 'date', formatMinimum: '2020-01-01' }, /unsupported keyword/],
      [{ $defs: { unused: { typo: 1 } } }, /unsupported keyword/],
      [{ properties: { a: { $id: 'urn:x' } } }, /unsupported keyword/],
      [{ format: 'ipv6' }, /unknown format/],
    ];
    for (const [schema, message] of [...both, ...liteOnly]) expect(() => compileLite(schema), JSON.stringify(schema)).to.throw(message);
    for (const [schema] of both) expect(() => newAjv().compile(schema), JSON.stringify(schema)).to.throw();
    for (const [schema] of liteOnly) expect(() => newAjv().compile(schema), JSON.stringify(schema)).to.not.throw();
  });

  it('stops at pathological depth with an error instead of overflowing the stack', () => {
    const schema: JsonSchema = { type: 'array', items: { $ref: '#' } };
    let deep: unknown = [];
    for (let i = 0; i < 1000; i++) deep = [deep];
    const lite = compileLite(schema);
    expect(lite(deep)).to.equal(false);
    expect(lite.errors).to.have.length(1);
    expect(lite.errors![0]!.keyword).to.equal('maxDepth');
    expect(lite.errors![0]!.params).to.deep.equal({ limit: LITE_MAX_DEPTH });
    // ajv (no limit) says valid here; below the limit the answers agree.
    expect(ajvCompile(schema)(deep)).to.equal(true);
    let ok: unknown = [];
    for (let i = 0; i < 95; i++) ok = [ok];
    expect(lite(ok)).to.equal(true);
    (ok as unknown[]).push(1);
    const ajv = ajvCompile(schema);
    expect(lite(ok)).to.equal(ajv(ok));
    expect(canon(normalise(lite.errors))).to.equal(canon(normalise(ajv.errors)));
    // A $ref cycle that never moves into the data.
    const cyclic = compileLite({ $ref: '#/$defs/a', $defs: { a: { allOf: [{ $ref: '#/$defs/b' }] }, b: { $ref: '#/$defs/a' } } });
    expect(cyclic(1)).to.equal(false);
    expect(cyclic.errors!.map((e) => e.keyword)).to.deep.equal(['maxDepth']);
  });

  it('uses no eval and no Function constructor', async () => {
    const res = await fetch('/src/core/lite-validator.ts');
    expect(res.ok).to.equal(true);
    const source = (await res.text()).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(source).to.not.match(/\beval\s*\(/);
    expect(source).to.not.match(/\bnew\s+Function\b/);
    expect(source).to.not.match(/(^|[^\w.])Function\s*\(/);
    expect(source).to.not.match(/\bimport\s*\(/);
  });
});

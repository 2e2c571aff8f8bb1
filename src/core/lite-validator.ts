/**
 * A small JSON Schema 2020-12 interpreter for the standalone bundle, where the
 * precompiled ajv validators are too large. It walks the schema JSON at run
 * time (no `eval`, no `new Function`: fine under a strict CSP) and behaves like
 * the precompiled validators of the package build (ajv 2020, `allErrors: true`,
 * `inlineRefs: false`, ajv-formats full formats): same validity, and the same
 * errors in the same order with the same `keyword`, `instancePath`,
 * `schemaPath` and `params`, so ajv-i18n and `toFieldErrors` work unchanged.
 * tests/core/lite-validator.test.ts checks this against ajv.
 *
 * Supported: type, enum, const, required, properties, additionalProperties,
 * patternProperties, propertyNames, min/maxProperties, items, prefixItems,
 * min/maxItems, uniqueItems, contains, min/maxContains, min/maxLength, pattern,
 * minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format
 * (date, time, date-time, email, uri, uri-reference, uuid, hostname, ipv4,
 * password, binary), allOf, anyOf, oneOf, not, if/then/else, dependentRequired,
 * dependentSchemas, local $ref (`#`, `#/$defs/…`, `#/definitions/…`), boolean
 * schemas. Annotations and `x-xc-*` are ignored; any other keyword, an unknown
 * format or an unresolvable $ref makes `compileLite` throw.
 */
import type { JsonSchema, ValidateFunction, ValidationErrorObject } from './validation-types.js';
import { refTarget } from './pointer.js';
import { deepEqual as eq } from './obj.js';

type Schema = JsonSchema | boolean;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
type Errors = ValidationErrorObject[] | null;

/** Data nesting (plus $ref hops) beyond which validation stops with a `maxDepth` error. */
export const LITE_MAX_DEPTH = 200;

const words = (s: string): string[] => s.split(' ');
/** ajv's typed rule groups, each with its keywords in ajv's order of evaluation. */
const GROUPS: [string, string[]][] = [
  ['number', words('maximum minimum exclusiveMaximum exclusiveMinimum multipleOf format')],
  ['string', words('maxLength minLength pattern format')],
  ['array', words('maxItems minItems prefixItems items contains uniqueItems maxContains minContains')],
  ['object', words('maxProperties minProperties required propertyNames additionalProperties properties patternProperties dependentRequired dependentSchemas')],
];
const ONE = words('items additionalProperties propertyNames contains not if then else');
const LIST = words('prefixItems allOf anyOf oneOf');
const MAP = words('properties patternProperties dependentSchemas $defs definitions');
const KNOWN = words(
  'type const enum $ref $schema $comment title description default examples readOnly writeOnly deprecated contentMediaType contentEncoding contentSchema',
).concat(...GROUPS.map((g) => g[1]));
const TYPES = words('array boolean integer null number object string');
const CMP: [string, string][] = [['maximum', '<='], ['minimum', '>='], ['exclusiveMaximum', '<'], ['exclusiveMinimum', '>']];

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const ptr = (k: string | number): string => ('' + k).replace(/~/g, '~0').replace(/\//g, '~1');
const frag = (k: string | number): string => encodeURIComponent(ptr(k));
const keysOf = (m: Any): string[] => (m ? Object.keys(m).filter((k) => k !== '__proto__') : []);

/** ajv's data type checks (strictNumbers: NaN and ±Infinity are not numbers). */
const is = (t: string, d: Any): boolean =>
  t == 'null' ? d === null
  : t == 'array' ? Array.isArray(d)
  : t == 'object' ? !!d && typeof d == 'object' && !Array.isArray(d)
  : t == 'number' || t == 'integer' ? typeof d == 'number' && isFinite(d) && (t == 'number' || !(d % 1))
  : typeof d == t;

// Formats: the logic and regular expressions of ajv-formats' `fullFormats`.
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const date = (s: string): boolean => {
  const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
  if (!m) return false;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[mo]!);
};
const time = (s: string): boolean => {
  const m = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i.exec(s);
  if (!m) return false;
  const hr = +m[1]!, min = +m[2]!, sec = +m[3]!, sign = m[5] === '-' ? -1 : 1, tzH = +(m[6] || 0), tzM = +(m[7] || 0);
  if (tzH > 23 || tzM > 59 || !m[4]) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // leap second
  const utcMin = min - tzM * sign, utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
};
/** ajv-formats' URI (q = '', o = '') and uri-reference (q = '"', o = '?') expressions. */
const uriRe = (q: string, o: string): RegExp => {
  const p = String.raw`(?:[a-z0-9\-._~!$&'${q}()*+,;=:@]|%[0-9a-f]{2})`;
  const ip4 = String.raw`(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)`;
  const h = '[0-9a-f]{1,4}';
  return new RegExp(
    String.raw`^(?:[a-z][a-z0-9+\-.]*:)${o}(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:${h}:){6}|::(?:${h}:){5}|(?:${h})?::(?:${h}:){4}|(?:(?:${h}:){0,1}${h})?::(?:${h}:){3}|(?:(?:${h}:){0,2}${h})?::(?:${h}:){2}|(?:(?:${h}:){0,3}${h})?::${h}:|(?:(?:${h}:){0,4}${h})?::)(?:${h}:${h}|${ip4})|(?:(?:${h}:){0,5}${h})?::${h}|(?:(?:${h}:){0,6}${h})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|${ip4}|(?:[a-z0-9\-._~!$&'${q}()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/${p}*)*|\/(?:${p}+(?:\/${p}*)*)?|${p}+(?:\/${p}*)*)${o}(?:\?(?:[a-z0-9\-._~!$&'${q}()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'${q}()*+,;=:@/?]|%[0-9a-f]{2})*)?$`,
    'i',
  );
};
const URI = uriRe('', '');

/** The formats compileLite knows: a RegExp, or a function of the string. */
export const LITE_FORMATS: Readonly<Record<string, RegExp | ((s: string) => boolean)>> = {
  date,
  time,
  'date-time': (s) => {
    const p = s.split(/t|\s/i);
    return p.length === 2 && date(p[0]!) && time(p[1]!);
  },
  uri: (s) => /\/|:/.test(s) && URI.test(s),
  'uri-reference': uriRe('"', '?'),
  email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
  hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
  ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
  uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
  password: () => true,
  binary: () => true,
};

/**
 * Turn a JSON Schema (2020-12) into a validator that needs no code generation.
 * Throws on keywords it does not implement, unknown formats, bad patterns and
 * references it cannot resolve, as ajv throws when compiling.
 */
export function compileLite(root: JsonSchema): ValidateFunction {
  const patterns = new Map<string, RegExp>();
  const re = (p: string): RegExp => {
    let r = patterns.get(p);
    if (!r) patterns.set(p, (r = new RegExp(p, 'u')));
    return r;
  };
  const refs = new Map<string, Schema>();
  const resolve = (ref: string): Schema => {
    let t: Any = refs.get(ref);
    if (t === undefined) {
      t = refTarget(root, ref);
      if (typeof t != 'boolean' && !(t && typeof t == 'object' && !Array.isArray(t))) throw new Error(`can't resolve reference ${ref}`);
      refs.set(ref, t);
    }
    return t;
  };

  const walk = (s: Any, top?: boolean): void => {
    if (typeof s == 'boolean') return;
    if (!s || typeof s != 'object' || Array.isArray(s)) throw new Error('schema must be an object or a boolean');
    for (const k in s) {
      const x = s[k];
      if (ONE.includes(k)) walk(x);
      else if (LIST.includes(k)) (x as Any[]).forEach((y) => walk(y));
      else if (MAP.includes(k)) for (const p in x) {
        if (k == 'patternProperties') re(p);
        walk(x[p]);
      }
      else if (k == 'pattern') re(x);
      else if (k == 'format') { if (!own(LITE_FORMATS, x)) throw new Error(`unknown format "${x}"`); }
      else if (k == '$ref') resolve(x);
      else if (k == 'type') { for (const t of ([] as Any[]).concat(x)) if (!TYPES.includes(t)) throw new Error(`bad type "${t}"`); }
      else if (k == '$id' ? !top : !KNOWN.includes(k) && !k.startsWith('x-xc-')) throw new Error(`unsupported keyword "${k}"`);
    }
  };
  walk(root, true);

  /** Validate d (at instancePath ip) against s (at schemaPath sp); push errors to e unless null. */
  const v = (s: Schema, d: Any, ip: string, sp: string, e: Errors, pn: string | undefined, depth: number): boolean => {
    let ok = true;
    const fail = (keyword: string, params: Record<string, unknown>, schemaPath = sp + '/' + keyword): void => {
      ok = false;
      if (e) {
        const o: Any = { instancePath: ip, schemaPath, keyword, params };
        if (pn !== undefined) o.propertyName = pn;
        e.push(o);
      }
    };
    /** Apply subschema x to dd (member `key` of d, or d itself); `quiet` only asks whether it passes. */
    const sub = (x: Schema, dd: Any, path: string, key?: string | number, quiet?: boolean): boolean => {
      const r = v(x, dd, key === undefined ? ip : ip + '/' + ptr(key), sp + path, quiet ? null : e, pn, depth + (key === undefined ? 0 : 1));
      if (!r && !quiet) ok = false;
      return r;
    };
    const reset = (n: number | undefined): void => {
      if (e) e.length = n!;
    };
    if (depth > LITE_MAX_DEPTH) {
      fail('maxDepth', { limit: LITE_MAX_DEPTH });
      return false;
    }
    if (typeof s == 'boolean') {
      if (!s) fail('false schema', {});
      return ok;
    }
    const has = (k: string): boolean => s[k] !== undefined;
    const T: string[] = has('type') ? ([] as string[]).concat(s.type as string) : [];
    const used = GROUPS.map((g) => g[1].some(has));
    const single = GROUPS.findIndex((g) => g[0] == T[0]);
    // ajv checks the type up front unless it is one type whose keyword group the schema uses.
    const upFront = T.length > 0 && !(T.length == 1 && used[single]);
    if (upFront && !T.some((t) => is(t, d))) fail('type', { type: s.type });

    if (has('$ref')) {
      // A $ref runs the target's own validator: schema paths restart at '#' (ajv inlines boolean targets).
      const t = resolve(s.$ref as string);
      if (!v(t, d, ip, typeof t == 'boolean' ? (s.$ref as string) : '#', e, undefined, depth + 1)) ok = false;
    }
    if (has('const') && !eq(d, s.const)) fail('const', { allowedValue: s.const });
    if (has('enum') && !(s.enum as Any[]).some((x) => eq(d, x))) fail('enum', { allowedValues: s.enum });
    if (has('not') && sub(s.not as Schema, d, '/not', undefined, true)) fail('not', {});
    if (has('anyOf')) {
      const n = e?.length;
      let any = false;
      (s.anyOf as Schema[]).forEach((x, i) => {
        if (v(x, d, ip, sp + '/anyOf/' + i, e, pn, depth)) any = true;
      });
      any ? reset(n) : fail('anyOf', {});
    }
    if (has('oneOf')) {
      const n = e?.length;
      let one = false;
      let passing: Any = null;
      const list = s.oneOf as Schema[];
      for (let i = 0; i < list.length; i++) {
        const r = v(list[i]!, d, ip, sp + '/oneOf/' + i, e, pn, depth);
        if (r && one) {
          one = false;
          passing = [passing, i];
          break;
        }
        if (r) {
          one = true;
          passing = i;
        }
      }
      one ? reset(n) : fail('oneOf', { passingSchemas: passing });
    }
    if (has('allOf')) (s.allOf as Schema[]).forEach((x, i) => sub(x, d, '/allOf/' + i));
    if (has('if') && (has('then') || has('else'))) {
      const c = sub(s.if as Schema, d, '/if', undefined, true) ? 'then' : 'else';
      if (has(c) && !sub(s[c] as Schema, d, '/' + c)) fail('if', { failingKeyword: c });
    }

    GROUPS.forEach(([type], g) => {
      if (!used[g]) return;
      if (!is(type, d)) {
        if (!upFront && T.length == 1 && T[0] == type) fail('type', { type: s.type });
        return;
      }
      const lim = (k: string, bad: (l: Any) => boolean, params?: Record<string, unknown>): void => {
        if (has(k) && bad(s[k])) fail(k, params || { limit: s[k] });
      };
      if (g == 0) {
        for (const [k, c] of CMP) lim(k, (l) => !(c == '<=' ? d <= l : c == '>=' ? d >= l : c == '<' ? d < l : d > l), { comparison: c, limit: s[k] });
        lim('multipleOf', (m) => m === 0 || d / m !== parseInt('' + d / m), { multipleOf: s.multipleOf });
      } else if (g == 1) {
        const len = [...(d as string)].length;
        lim('maxLength', (l) => len > l);
        lim('minLength', (l) => len < l);
        lim('pattern', (p) => !re(p).test(d), { pattern: s.pattern });
        lim('format', (f) => {
          const t = LITE_FORMATS[f]!;
          return !(typeof t == 'function' ? t(d) : t.test(d));
        }, { format: s.format });
      } else if (g == 2) {
        const n = (d as Any[]).length;
        lim('maxItems', (l) => n > l);
        lim('minItems', (l) => n < l);
        const P = (s.prefixItems || []) as Schema[];
        P.forEach((x, i) => i < n && sub(x, d[i], '/prefixItems/' + i, i));
        if (has('items')) {
          if (has('prefixItems') && s.items === false) lim('items', () => n > P.length, { limit: P.length });
          else for (let i = has('prefixItems') ? P.length : 0; i < n; i++) sub(s.items as Schema, d[i], '/items', i);
        }
        if (has('contains')) {
          const min: number = has('minContains') ? (s.minContains as number) : 1;
          const max = s.maxContains as number | undefined;
          if (max !== undefined || min) {
            const m0 = e?.length;
            let good = !min;
            let count = 0;
            if (max !== undefined && min > max) good = false;
            else for (let i = 0; i < n; i++) {
              if (v(s.contains as Schema, d[i], ip + '/' + i, sp + '/contains', e, pn, depth + 1)) {
                count++;
                if (max === undefined) {
                  if (count >= min) {
                    good = true;
                    break;
                  }
                } else if (count > max) {
                  good = false;
                  break;
                } else if (count >= min) good = true;
              }
            }
            good ? reset(m0) : fail('contains', max === undefined ? { minContains: min } : { minContains: min, maxContains: max });
          }
        }
        if (s.uniqueItems && n > 1) {
          const items = s.items as Any;
          const types: string[] = items ? ([] as string[]).concat(items.type ?? []) : [];
          let i = n;
          let j: number;
          if (types.length && !types.some((t) => t == 'object' || t == 'array')) {
            // ajv's fast path for scalar items: a map from value to index, scanning from the end.
            const seen: Any = {};
            for (; i--; ) {
              let x = d[i];
              if (!types.some((t) => is(t, x))) continue;
              if (types.length > 1 && typeof x == 'string') x += '_';
              if (typeof seen[x] == 'number') {
                j = seen[x];
                fail('uniqueItems', { i, j });
                break;
              }
              seen[x] = i;
            }
          } else {
            outer: for (; i--; ) for (j = i; j--; ) if (eq(d[i], d[j])) {
              fail('uniqueItems', { i, j });
              break outer;
            }
          }
        }
      } else {
        const count = Object.keys(d).length;
        lim('maxProperties', (l) => count > l);
        lim('minProperties', (l) => count < l);
        for (const p of (s.required || []) as string[]) if (d[p] === undefined) fail('required', { missingProperty: p });
        if (has('propertyNames')) for (const k in d) {
          if (!v(s.propertyNames as Schema, k, ip, sp + '/propertyNames', e, k, depth)) fail('propertyNames', { propertyName: k });
        }
        const props = keysOf(s.properties);
        const pats = keysOf(s.patternProperties);
        if (has('additionalProperties')) for (const k in d) {
          if ((props.length > 8 ? own(s.properties as object, k) : props.includes(k)) || pats.some((p) => re(p).test(k))) continue;
          if (s.additionalProperties === false) fail('additionalProperties', { additionalProperty: k });
          else sub(s.additionalProperties as Schema, d[k], '/additionalProperties', k);
        }
        for (const p of props) if (d[p] !== undefined) sub((s.properties as Any)[p], d[p], '/properties/' + frag(p), p);
        for (const p of pats) for (const k in d) if (re(p).test(k)) sub((s.patternProperties as Any)[p], d[k], '/patternProperties/' + frag(p), k);
        const dr = s.dependentRequired as Any;
        for (const p in dr) {
          const deps: string[] = dr[p];
          if (deps.length && d[p] !== undefined) for (const q of deps) {
            if (d[q] === undefined) fail('dependentRequired', { property: p, missingProperty: q, depsCount: deps.length, deps: deps.join(', ') });
          }
        }
        const ds = s.dependentSchemas as Any;
        for (const p in ds) if (d[p] !== undefined) sub(ds[p], d, '/dependentSchemas/' + frag(p));
      }
    });
    return ok;
  };

  const validate: ValidateFunction = (data: unknown): boolean => {
    const errors: ValidationErrorObject[] = [];
    const valid = v(root, data, '', '#', errors, undefined, 0);
    validate.errors = valid ? null : errors;
    return valid;
  };
  return validate;
}

/**
 * Plain JSON-like values: the checks every module needs, written once (core and elements alike).
 * No DOM.
 */
import { canonicalJson } from './draft.js';

/** A JSON object (a record of members). */
export type Obj = Record<string, unknown>;

/** Whether `v` is an object that is not an array (nor null). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `o` has its own member `k` (a member named `hasOwnProperty` cannot fool it). */
export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The same JSON value: identical, or equal as canonical JSON (key order does not count). */
export const sameJson = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);

/**
 * Deep equality as ajv's `const`, `enum` and `uniqueItems` decide it (fast-deep-equal): key order
 * does not count, `NaN` equals `NaN`, `undefined` is not `null`, and a member named `toString` or
 * `valueOf` does not make it throw. The lite validator and the form model's conditions use it, so
 * they answer alike.
 */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (a && b && typeof a == 'object' && typeof b == 'object') {
    if (a.constructor !== b.constructor) return false;
    if (Array.isArray(a)) return a.length == (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
    if (a.valueOf !== Object.prototype.valueOf && typeof a.valueOf == 'function') return a.valueOf() === (b as object).valueOf();
    const k = Object.keys(a);
    return k.length == Object.keys(b).length && k.every((x) => hasOwn(b, x)) && k.every((x) => deepEqual((a as Obj)[x], (b as Obj)[x]));
  }
  return a !== a && b !== b;
};

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

/**
 * Shared pieces of the fuzz tests: a collector of uncaught errors, text helpers,
 * structural generators (huge strings, deep nesting, lots of items) and the
 * "clean render or visible translated error" verdict.
 */
import fc from 'fast-check';
import { executeServerCommand } from '@web/test-runner-commands';
import { loadLocale, resolveLocale, type Messages } from '../../src/core/i18n.js';

/** Runs per element property: enough to find the odd case, small enough for a 2-core machine. */
export const ELEMENT_RUNS = 150;
/** Runs per pure-function property (cheap). */
export const CORE_RUNS = 300;

fc.configureGlobal({ numRuns: ELEMENT_RUNS, includeErrorInReport: true });

/**
 * Every run explores the same cases, so a result never depends on the day (fast-check's own
 * default seeds from the clock). The seed is fixed unless XC_FUZZ_SEED names another, or
 * `random` for a new one each run; a failure prints the seed that reproduces it.
 */
before(async () => {
  const { seed } = (await executeServerCommand('xc-fuzz-seed')) as { seed: number };
  fc.configureGlobal({ numRuns: ELEMENT_RUNS, includeErrorInReport: true, seed });
});

/** CJK ideographs (what a Chinese sentence always has). */
export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** CJK ideographs or CJK / fullwidth punctuation (none of it belongs in English text). */
export const CJK_ANY = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** What a raw JavaScript exception message looks like when it leaks to the screen. */
export const RAW_EXCEPTION = /TypeError|RangeError|SyntaxError|ReferenceError|Cannot read prop|is not a function|is not iterable|Maximum call stack|\[object Object\]/;

/** The strings of a language, after its chunk has loaded. */
export async function strings(lang: string): Promise<Messages> {
  await loadLocale(lang);
  return resolveLocale(lang);
}

/** Collapsed text of a node (shadow roots of nested elements are not entered). */
export const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Collects what escapes: `error` events and unhandled rejections on the window.
 * `check()` throws with what was collected (and clears it).
 */
export class UncaughtCollector {
  readonly errors: string[] = [];
  private onError = (e: ErrorEvent) => {
    this.errors.push(`error: ${e.message}`);
  };
  private onRejection = (e: PromiseRejectionEvent) => {
    const r = e.reason as unknown;
    this.errors.push(`unhandledrejection: ${r instanceof Error ? `${r.name}: ${r.message}` : String(r)}`);
  };
  start(): this {
    addEventListener('error', this.onError);
    addEventListener('unhandledrejection', this.onRejection);
    return this;
  }
  stop(): void {
    removeEventListener('error', this.onError);
    removeEventListener('unhandledrejection', this.onRejection);
  }
  check(): void {
    if (this.errors.length) {
      const list = this.errors.splice(0);
      throw new Error(`uncaught: ${list.slice(0, 5).join(' | ')}`);
    }
  }
}

/** A task later: lets timers, rejections and `error` events of the last update arrive. */
export const tick = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));

/** A host element for one run, removed afterwards. */
export function mount<T extends HTMLElement>(tag: string, setup: (el: T) => void, lang?: string): T {
  const el = document.createElement(tag) as T;
  if (lang) el.setAttribute('lang', lang);
  setup(el);
  document.body.appendChild(el);
  return el;
}

/** What an element showed after an update. */
export type Verdict = { kind: 'render'; text: string } | { kind: 'error'; text: string };

/**
 * The verdict on a rendered element: its shadow root must not be blank; a
 * `role=alert` load error must carry the language's own words (`headline`),
 * never a raw exception; Chinese text has CJK, English text has none
 * (`asciiData`: the fuzzed data itself was ASCII, so any CJK came from zh-CN strings).
 */
export function verdict(
  el: HTMLElement,
  opts: { lang: string; headline: string | string[]; errorSelector: string; rendered: () => boolean; asciiData: boolean; blankOk?: () => boolean },
): Verdict {
  const root = el.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const all = text(root);
  if (!all && !opts.blankOk?.()) throw new Error('blank shadow root');
  const alert = root.querySelector(opts.errorSelector);
  if (alert) {
    const t = text(alert);
    if (!t) throw new Error('blank error region');
    const headlines = ([] as string[]).concat(opts.headline);
    if (!headlines.some((h) => t.includes(h))) throw new Error(`error without the locale's headline: ${t.slice(0, 200)}`);
    if (RAW_EXCEPTION.test(t)) throw new Error(`raw exception on screen: ${t.slice(0, 300)}`);
    if (opts.lang.startsWith('zh') && !CJK.test(t)) throw new Error(`zh-CN error without Chinese: ${t.slice(0, 200)}`);
    if (opts.lang === 'en' && opts.asciiData && CJK_ANY.test(t)) throw new Error(`English error with Chinese text: ${t.slice(0, 300)}`);
    return { kind: 'error', text: t };
  }
  if (!opts.rendered()) throw new Error(`neither rendered nor an error: ${all.slice(0, 200)}`);
  if (RAW_EXCEPTION.test(all)) throw new Error(`raw exception on screen: ${all.slice(0, 300)}`);
  return { kind: 'render', text: all };
}

/* ------------------------------------------------------------------ data */

/**
 * A string of `n` characters of Chinese text. (Not mixed with Latin: Chromium
 * needs seconds to lay out a megabyte that changes script every few characters,
 * which is the browser's cost, not the element's.)
 */
export function hugeString(n: number): string {
  const unit = '巡察发现问题，';
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** `{a: {a: … {a: leaf}}}` `depth` levels deep, built without recursion. */
export function deepObject(depth: number, leaf: unknown = 'deep'): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** `[[[… leaf …]]]` `depth` levels deep. */
export function deepArray(depth: number, leaf: unknown = 0): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A JSON value of any shape; strings ASCII or full Unicode. */
export function jsonAny(ascii: boolean, maxDepth = 3): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth, stringUnit: ascii ? 'grapheme-ascii' : 'grapheme' });
}

/** Odd strings: empty, blanks, huge-ish, unicode, markup, prototype names. */
export function oddString(ascii: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('', ' ', '\n', '__proto__', 'constructor', 'toString', '<img src=x onerror=alert(1)>', '${x}', '\u0000', 'null', '-1'),
    fc.string({ unit: ascii ? 'grapheme-ascii' : 'grapheme', maxLength: 40 }),
    fc.integer({ min: 200, max: 5000 }).map((n) => (ascii ? 'x'.repeat(n) : hugeString(n))),
  );
}

/** Odd date strings: invalid days, time zones, offsets, garbage. */
export function oddDate(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      '2026-02-30', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', '2026-1-5', '26-11-05', '2026/11/05',
      '2026-11-26T09:30:00+08:00', '2026-11-26T09:30:00Z', '2026-11-26T23:59:59-12:00', '2026-11-26T00:00:00+14:00',
      '2026-11-26T25:61:00Z', '2026-11-26T09:30', '2026-11-26 09:30:00', 'yesterday', '', ' ', 'NaN', 'Invalid Date',
      '+275760-09-13', '-000001-01-01', '2026-11-26T09:30:00.123456789+05:45', '1970-01-01T00:00:00.000Z',
    ),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.boolean(),
  );
}

/** An object with these own members (`__proto__` as data, never as the prototype). */
export function own(entries: readonly (readonly [string, unknown])[], base: Record<string, unknown> = {}): Record<string, unknown> {
  const o = { ...base };
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Every JSON pointer path (as segments) in a value, the root included. */
export function allPaths(v: unknown, limit = 5000): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  const walk = (x: unknown, p: (string | number)[]) => {
    if (out.length >= limit) return;
    if (Array.isArray(x)) x.forEach((c, i) => { out.push([...p, i]); walk(c, [...p, i]); });
    else if (x && typeof x === 'object') for (const [k, c] of Object.entries(x)) { out.push([...p, k]); walk(c, [...p, k]); }
  };
  walk(v, []);
  return out;
}

/** The parent container and key of a path (undefined for the root). */
export function parentOf(root: unknown, path: (string | number)[]): { parent: Record<string | number, unknown>; key: string | number } | undefined {
  if (!path.length) return undefined;
  let cur = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  return { parent: cur, key: path[path.length - 1]! };
}

/** A structural mutation of a JSON document. */
export type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'unknownKey'; pick: number; key: string; value: unknown }
  | { kind: 'retype'; pick: number }
  | { kind: 'copyId'; pick: number; from: number }
  | { kind: 'bigString'; pick: number; size: number }
  | { kind: 'deepUnknown'; pick: number; depth: number }
  | { kind: 'duplicate'; pick: number };

export function mutationArb(ascii: boolean): fc.Arbitrary<Mutation> {
  const pick = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), pick }),
    fc.record({ kind: fc.constant('replace' as const), pick, value: jsonAny(ascii, 2) }),
    fc.record({ kind: fc.constant('unknownKey' as const), pick, key: fc.oneof(oddString(true), fc.constantFrom('x-host', 'hostNote', '$comment')), value: jsonAny(ascii, 2) }),
    fc.record({ kind: fc.constant('retype' as const), pick }),
    fc.record({ kind: fc.constant('copyId' as const), pick, from: fc.nat() }),
    fc.record({ kind: fc.constant('bigString' as const), pick, size: fc.integer({ min: 1000, max: 20_000 }) }),
    fc.record({ kind: fc.constant('deepUnknown' as const), pick, depth: fc.integer({ min: 50, max: 400 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), pick }),
  );
}

function retyped(v: unknown): unknown {
  if (typeof v === 'string') return v.length ? v.length : 0;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 0;
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (v && typeof v === 'object') return Object.values(v);
  return v === null ? {} : null;
}

/** Apply mutations in place to a (cloned) JSON document; returns the document (the root may be replaced). */
export function applyMutations(doc: unknown, mutations: readonly Mutation[]): unknown {
  let root = doc;
  for (const m of mutations) {
    const paths = allPaths(root);
    const path = paths[m.pick % paths.length]!;
    const at = parentOf(root, path);
    const get = () => (at ? at.parent[at.key] : root);
    const set = (v: unknown) => {
      if (at) at.parent[at.key] = v;
      else root = v;
    };
    switch (m.kind) {
      case 'delete':
        if (!at) root = undefined;
        else if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
        else delete at.parent[at.key];
        break;
      case 'replace':
        set(m.value);
        break;
      case 'unknownKey': {
        const target = get();
        if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = m.value;
        else set({ [m.key]: m.value });
        break;
      }
      case 'retype':
        set(retyped(get()));
        break;
      case 'copyId': {
        const ids = paths.filter((p) => p[p.length - 1] === 'id' || p[p.length - 1] === 'value');
        const target = get();
        if (ids.length && target && typeof target === 'object' && !Array.isArray(target)) {
          const src = ids[m.from % ids.length]!;
          const sp = parentOf(root, src)!;
          (target as Record<string, unknown>)['id'] = sp.parent[sp.key];
        }
        break;
      }
      case 'bigString':
        set(hugeString(m.size));
        break;
      case 'deepUnknown': {
        const target = get();
        if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)['x-deep'] = deepObject(m.depth);
        else set(deepObject(m.depth));
        break;
      }
      case 'duplicate': {
        // Copy an array member next to itself (same ids twice).
        if (at && Array.isArray(at.parent)) at.parent.splice(at.key as number, 0, structuredClone(get()));
        else if (Array.isArray(get())) (get() as unknown[]).push(structuredClone((get() as unknown[])[0] ?? null));
        break;
      }
    }
  }
  return root;
}

/**
 * Deep equality that reports the first difference (chai's output on 1 MB values is
 * unreadable). Without recursion: values 5,000 levels deep are compared too.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  const todo: [unknown, unknown, string][] = [[a, b, path]];
  while (todo.length) {
    const [x, y, p] = todo.pop()!;
    if (Object.is(x, y)) continue;
    if (typeof x !== typeof y || x === null || y === null || typeof x !== 'object') return `${p || '(root)'}: ${short(x)} ≠ ${short(y)}`;
    if (Array.isArray(x) !== Array.isArray(y)) return `${p}: array vs object`;
    const kx = Object.keys(x as object);
    const ky = Object.keys(y as object);
    if (kx.length !== ky.length) return `${p}: keys ${short(kx)} ≠ ${short(ky)}`;
    for (const k of kx) {
      if (!Object.prototype.hasOwnProperty.call(y, k)) return `${p}.${k}: missing`;
      // Paths are cut short deep down (a 5,000-level path is no help).
      todo.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], p.length > 200 ? p : `${p}.${k}`]);
    }
  }
  return null;
}

function short(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

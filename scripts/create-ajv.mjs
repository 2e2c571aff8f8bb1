// The one ajv set-up of xc: JSON Schema 2020-12, every error, ajv-formats' formats and the
// x-xc-* annotation keywords. The run-time compiler (src/compiler, `xc-elements/compiler`), the
// precompiler (precompile-lib.mjs, `npx xc-precompile`) and the lite validator's differential
// test all make their ajv here, so the three cannot drift apart. No Node APIs: it runs in
// browsers too.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * A fresh ajv set up as xc validates.
 * @param {readonly string[]} keywords the x-xc-* keywords (src/core/keywords.ts)
 * @param {import('ajv').Options} [options] more options (code generation, messages, strictness)
 * @returns {Ajv2020}
 */
export function createXcAjv(keywords, options = {}) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true, ...options });
  addFormats(ajv);
  ajv.addVocabulary([...keywords]);
  return ajv;
}

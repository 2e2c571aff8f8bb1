/**
 * `xc-elements/compiler`: compile JSON Schemas in the browser with ajv.
 *
 * Import it once on pages whose Content-Security-Policy allows `'unsafe-eval'`;
 * it installs itself as the schema compiler of every xc element. Under a strict
 * CSP do not import it: precompile with `npx xc-precompile` instead.
 * @module
 */
import type Ajv2020 from 'ajv/dist/2020.js';
import { createXcAjv } from '../../scripts/create-ajv.mjs';
import { setSchemaCompiler, type JsonSchema, type ValidateFunction } from '../core/validation.js';
import { XC_KEYWORDS } from '../core/keywords.js';

/** Create the ajv instance xc uses (allErrors, 2020-12, formats, xc keywords). */
export function createAjv(): Ajv2020 {
  return createXcAjv(XC_KEYWORDS);
}

const ajv = createAjv();
setSchemaCompiler({
  compile(schema: JsonSchema): ValidateFunction {
    return ajv.compile(schema) as unknown as ValidateFunction;
  },
});

import type { Options } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020.js';

/** A fresh ajv set up as xc validates (see create-ajv.mjs). */
export function createXcAjv(keywords: readonly string[], options?: Options): Ajv2020;
